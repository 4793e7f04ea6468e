// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/IndexTerms.h"

#include <sodium.h>

namespace ArchiveSync {

namespace {
constexpr int kTermBytes = 13; // 104 bits, of which the base32 text keeps 100
const char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";

template<typename OnWord>
void forEachWord(QStringView text, OnWord onWord)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString word;
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue; // the diacritics NFKD split off
        if (c.isLetterOrNumber() || c.isSurrogate()) {
            word += c;
            continue;
        }
        if (!word.isEmpty()) {
            onWord(word.toCaseFolded());
            word.clear();
        }
    }
    if (!word.isEmpty())
        onWord(word.toCaseFolded());
}
} // namespace

IndexTerms::IndexTerms(QByteArray key)
    : m_key(std::move(key))
{
    Q_ASSERT(m_key.size() == kKeyBytes);
}

IndexTerms::~IndexTerms()
{
    sodium_memzero(m_key.data(), size_t(m_key.size()));
}

QStringList IndexTerms::words(QStringView text)
{
    QStringList list;
    forEachWord(text, [&list](const QString &w) { list.append(w); });
    return list;
}

QString IndexTerms::sealWord(const QString &word) const
{
    const QByteArray utf8 = word.toUtf8();
    unsigned char hash[kTermBytes];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char *>(utf8.constData()),
                       size_t(utf8.size()), reinterpret_cast<const unsigned char *>(m_key.constData()),
                       size_t(m_key.size()));
    QString term;
    term.reserve(20);
    quint32 buffer = 0;
    int bits = 0;
    for (unsigned char byte : hash) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5 && term.size() < 20) {
            term += QLatin1Char(kBase32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    return term;
}

QString IndexTerms::seal(QStringView text) const
{
    QString sealed;
    forEachWord(text, [&](const QString &w) {
        if (!sealed.isEmpty())
            sealed += QLatin1Char(' ');
        sealed += sealWord(w);
    });
    return sealed;
}

} // namespace ArchiveSync
