// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>

namespace ArchiveSync {

/// \brief A search of the local copy, as a person types it.
///
/// Syntax: words and "quoted phrases" (all must match, in subject, sender, recipients or text);
/// `from:`, `to:` (To and Cc), `subject:` (each takes a word or a "phrase"); `folder:NAME` (that
/// folder and its subfolders, case-insensitive); `before:DATE` and `after:DATE` (YYYY-MM-DD, in
/// UTC; before is exclusive, after inclusive). Unknown `key:` prefixes are plain words.
struct SearchQuery
{
    QStringList terms; ///< words and phrases
    QStringList from;
    QStringList to;
    QStringList subject;
    QStringList folders;
    QDateTime before; ///< invalid: no bound
    QDateTime after;

    /// Invalid for an unbalanced quote, a bad date or an empty query.
    static Result<SearchQuery> parse(const QString &text);

    /// The FTS5 MATCH expression for the text conditions (every term quoted, so no user input is
    /// FTS syntax); empty when the query has only folder or date conditions.
    /// seal, when given, turns each word or phrase into the terms the index holds (see IndexTerms).
    QString ftsMatch(const std::function<QString(const QString &)> &seal = {}) const;
    bool operator==(const SearchQuery &) const = default;
};

} // namespace ArchiveSync
