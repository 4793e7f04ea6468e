// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ArchiveSync {

/// \brief The terms the local search index stores in place of words: keyed hashes.
///
/// Text is split into words (letters and digits), folded (case, diacritics: "Zoë" and "ZOE" are one
/// word), and each word replaced by the first 100 bits of its keyed BLAKE2b hash, written in base32.
/// The index then answers word and phrase queries (the query's words are sealed the same way) while an
/// attacker holding the disk but not the key cannot tell which words a message contains.
class IndexTerms
{
public:
    static constexpr int kKeyBytes = 32;

    /// key: kKeyBytes (derived from the device key).
    explicit IndexTerms(QByteArray key);
    ~IndexTerms();
    IndexTerms(const IndexTerms &) = delete;
    IndexTerms &operator=(const IndexTerms &) = delete;

    /// The sealed terms of text, separated by spaces, in the order of its words.
    QString seal(QStringView text) const;
    /// The folded words of text.
    static QStringList words(QStringView text);
    /// Never a term of seal(): what a query word without letters or digits matches (nothing).
    static QString noTerm() { return QStringLiteral("0"); }

private:
    QString sealWord(const QString &word) const;

    QByteArray m_key;
};

} // namespace ArchiveSync
