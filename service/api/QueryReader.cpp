// SPDX-License-Identifier: Apache-2.0
#include "service/api/QueryReader.h"

#include <QHttpServerRequest>
#include <QUrl>

namespace ArchiveSync {

namespace {
QString decoded(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}
} // namespace

QueryReader::QueryReader(const QHttpServerRequest &request)
{
    // The fully encoded form keeps "+" and "%2B" apart, which QUrlQuery's decoding does not.
    const QByteArray query = request.url().query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &item : query.split('&')) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QString name = decoded(eq < 0 ? item : item.left(eq));
        if (!m_values.contains(name))
            m_values.insert(name, eq < 0 ? QString() : decoded(item.mid(eq + 1)));
    }
}

Result<QString> QueryReader::optionalString(const QString &name, const QString &fallback, int maxLength) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return fallback;
    if (it->size() > maxLength)
        return Error::invalid(QStringLiteral("%1 must be at most %2 characters").arg(name).arg(maxLength),
                              name);
    return *it;
}

Result<qint64> QueryReader::optionalInteger(const QString &name, qint64 fallback, qint64 min,
                                            qint64 max) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return fallback;
    const Error invalid = Error::invalid(
        QStringLiteral("%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max), name);
    const QString &text = *it;
    if (text.isEmpty() || text.size() > 18)
        return invalid;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return invalid;
    }
    const qint64 value = text.toLongLong();
    if (value < min || value > max)
        return invalid;
    return value;
}

} // namespace ArchiveSync
