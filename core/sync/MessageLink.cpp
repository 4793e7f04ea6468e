// SPDX-License-Identifier: Apache-2.0
#include "core/sync/MessageLink.h"

#include <QRegularExpression>

namespace ArchiveSync {

namespace {
QString hostPort(const QUrl &url)
{
    QString host = url.host(QUrl::FullyEncoded).toLower();
    // An IPv6 literal keeps its brackets, or the port could not be told from it.
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(host).arg(url.port()) : host;
}
} // namespace

Result<MessageLink> MessageLink::parse(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("archivesync"))
        return Error::invalid(QStringLiteral("'%1' is not an archivesync:// message link").arg(text));
    if (url.host().isEmpty())
        return Error::invalid(QStringLiteral("the link '%1' names no server").arg(text));
    const QStringList parts = url.path(QUrl::FullyEncoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != 2)
        return Error::invalid(
            QStringLiteral("the link '%1' must have the form archivesync://SERVER/MAILBOX/MESSAGE")
                .arg(text));
    MessageLink link;
    link.server = hostPort(url);
    link.mailbox = QUrl::fromPercentEncoding(parts.at(0).toUtf8());
    bool ok = false;
    link.message = parts.at(1).toLongLong(&ok);
    if (!ok || link.message <= 0 || QString::number(link.message) != parts.at(1))
        return Error::invalid(QStringLiteral("the link '%1' names no message (expected a number)").arg(text));
    static const QRegularExpression address(QStringLiteral("^[^@\\s/]+@[^@\\s/]+$"));
    if (!address.match(link.mailbox).hasMatch())
        return Error::invalid(QStringLiteral("the link '%1' names no mailbox address").arg(text));
    return link;
}

MessageLink MessageLink::forMessage(const QUrl &serviceUrl, const QString &mailbox, qint64 message)
{
    return MessageLink{hostPort(serviceUrl), mailbox, message};
}

QString MessageLink::toString() const
{
    return QStringLiteral("archivesync://%1/%2/%3")
        .arg(server, QString::fromLatin1(QUrl::toPercentEncoding(mailbox, "@")), QString::number(message));
}

bool MessageLink::isFor(const QUrl &serviceUrl) const
{
    return server == hostPort(serviceUrl);
}

} // namespace ArchiveSync
