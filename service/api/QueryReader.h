// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QString>

class QHttpServerRequest;

namespace ArchiveSync {

/// \brief Strict reading of a request's query string: every error names the parameter.
///
/// Values are decoded as HTML forms send them: '+' is a space, %XX a byte of UTF-8, so "a+b%2Bc"
/// reads "a b+c". A parameter given twice keeps its first value.
class QueryReader
{
public:
    explicit QueryReader(const QHttpServerRequest &request);

    bool has(const QString &name) const { return m_values.contains(name); }
    Result<QString> optionalString(const QString &name, const QString &fallback, int maxLength = 1024) const;
    /// A decimal integer within [min, max]; anything else (sign, spaces, empty) is refused.
    Result<qint64> optionalInteger(const QString &name, qint64 fallback, qint64 min, qint64 max) const;

private:
    QHash<QString, QString> m_values;
};

} // namespace ArchiveSync
