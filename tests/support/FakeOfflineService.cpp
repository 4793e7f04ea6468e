// SPDX-License-Identifier: Apache-2.0
#include "tests/support/FakeOfflineService.h"

#include "core/repository/Manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QTcpSocket>
#include <QUrl>

namespace ArchiveSync::Testing {

namespace {
QByteArray response(int status, const QByteArray &type, const QByteArray &body, const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extra +
           "\r\n" + body;
}

QByteArray json(int status, const QJsonValue &value)
{
    const QByteArray body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return response(status, "application/json", body);
}

QByteArray problem(int status, const QString &detail)
{
    return response(
        status, "application/problem+json",
        QJsonDocument(QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("detail"), detail}})
            .toJson(QJsonDocument::Compact));
}
} // namespace

FakeOfflineService::FakeOfflineService(QObject *parent)
    : QObject(parent)
    , m_server(this)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeOfflineService::onConnection);
}

bool FakeOfflineService::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeOfflineService::publish(const QString &mailbox, const QByteArray &manifest,
                                 const QHash<QString, QByteArray> &segments)
{
    QMutexLocker lock(&m_mutex);
    m_mailbox = mailbox;
    m_manifest = manifest;
    m_segments = segments;
}

int FakeOfflineService::segmentRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_segmentRequests;
}

void FakeOfflineService::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                socket->setProperty("buffer", buffer);
                return;
            }
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            QHash<QByteArray, QByteArray> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
            }
            const qint64 length = headers.value("content-length", "0").toLongLong();
            if (buffer.size() - end - 4 < length) {
                socket->setProperty("buffer", buffer);
                return;
            }
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            socket->write(answer(requestLine.value(0), requestLine.value(1), headers));
            socket->disconnectFromHost();
        });
    }
}

QByteArray FakeOfflineService::answer(const QByteArray &method, const QByteArray &rawPath,
                                      const QHash<QByteArray, QByteArray> &headers)
{
    QMutexLocker lock(&m_mutex);
    const QString path = QUrl::fromPercentEncoding(rawPath.split('?').first());
    if (path == QLatin1String("/api/v1/session") && method == "POST")
        return json(201, QJsonObject{{QStringLiteral("token"), QStringLiteral("session-token")},
                                     {QStringLiteral("expiresAt"), QStringLiteral("2099-01-01T00:00:00Z")},
                                     {QStringLiteral("username"), QStringLiteral("alice")},
                                     {QStringLiteral("role"), QStringLiteral("user")}});
    if (path == QLatin1String("/api/v1/session") && method == "DELETE")
        return response(204, "text/plain", {});
    if (path == QLatin1String("/api/v1/devices") && method == "POST")
        return json(201, QJsonObject{{QStringLiteral("deviceId"), 1},
                                     {QStringLiteral("token"), QStringLiteral("device-token")}});
    if (path.startsWith(QLatin1String("/api/v1/devices/")) && method == "PUT")
        return response(204, "text/plain", {});
    if (path == QLatin1String("/api/v1/offline/initial-sync"))
        return method == "POST" ? json(200, QJsonObject{{QStringLiteral("admitted"), true},
                                                        {QStringLiteral("leaseSeconds"), 120}})
                                : response(204, "text/plain", {});
    Result<Manifest> manifest = Manifest::fromJson(m_manifest);
    if (path == QLatin1String("/api/v1/me/offline") && manifest) {
        return json(200, QJsonArray{QJsonObject{{QStringLiteral("address"), m_mailbox},
                                                {QStringLiteral("enabled"), true},
                                                {QStringLiteral("generation"), manifest->generation},
                                                {QStringLiteral("revision"), manifest->revision},
                                                {QStringLiteral("messageCount"), manifest->messageCount},
                                                {QStringLiteral("bytes"), manifest->totalBytes()}}});
    }
    const QString prefix = QStringLiteral("/api/v1/offline/%1/").arg(m_mailbox);
    if (path == prefix + QLatin1String("manifest")) {
        const QByteArray etag = '"' + Manifest::etagOf(m_manifest).toLatin1() + '"';
        if (headers.value("if-none-match") == etag)
            return response(304, "text/plain", {}, "ETag: " + etag + "\r\n");
        return response(200, "application/json", m_manifest, "ETag: " + etag + "\r\n");
    }
    if (path.startsWith(prefix + QLatin1String("segments/"))) {
        const QString sha = path.mid(prefix.size() + 9);
        ++m_segmentRequests;
        if (!m_segments.contains(sha))
            return problem(404, QStringLiteral("no such segment"));
        return response(200, "application/zstd", m_segments.value(sha),
                        "ETag: \"" + sha.toLatin1() + "\"\r\n");
    }
    return problem(404, QStringLiteral("not served by this fake"));
}

} // namespace ArchiveSync::Testing
