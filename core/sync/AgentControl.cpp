// SPDX-License-Identifier: Apache-2.0
#include "core/sync/AgentControl.h"

#include "core/common/Sha256.h"
#include "core/sync/SyncLogging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocalSocket>

namespace ArchiveSync {

namespace {
constexpr qint64 kMaxLineBytes = 1024 * 1024;
}

AgentControlServer::AgentControlServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &AgentControlServer::onConnection);
}

QString AgentControlServer::socketName(const QString &dataDirectory)
{
    const QString canonical = QFileInfo(dataDirectory).absoluteFilePath();
    return QStringLiteral("archivesync-agent-") + Sha256::hex(canonical.toUtf8()).left(24);
}

Status AgentControlServer::listen(const QString &dataDirectory)
{
    const QString name = socketName(dataDirectory);
    // A socket file left by a killed agent answers nobody: probe it before taking it over.
    QLocalSocket probe;
    probe.connectToServer(name);
    if (probe.waitForConnected(500))
        return Error::conflict(QStringLiteral("an agent is already running for %1").arg(dataDirectory));
    QLocalServer::removeServer(name);
    if (!m_server.listen(name))
        return Error::io(
            QStringLiteral("cannot open the control socket %1: %2").arg(name, m_server.errorString()));
    return {};
}

void AgentControlServer::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine(kMaxLineBytes);
                const QJsonDocument doc = QJsonDocument::fromJson(line);
                QJsonObject answer;
                if (!doc.isObject())
                    answer = QJsonObject{
                        {QStringLiteral("ok"), false},
                        {QStringLiteral("error"), QStringLiteral("the request is not a JSON object")}};
                else
                    answer = m_handler(doc.object());
                socket->write(QJsonDocument(answer).toJson(QJsonDocument::Compact) + '\n');
                socket->flush();
            }
            if (socket->bytesAvailable() > kMaxLineBytes)
                socket->abort();
        });
    }
}

Result<QJsonObject> AgentControlClient::request(const QString &dataDirectory, const QJsonObject &request,
                                                int timeoutMsecs)
{
    QLocalSocket socket;
    socket.connectToServer(AgentControlServer::socketName(dataDirectory));
    if (!socket.waitForConnected(1000))
        return Error::notFound(QStringLiteral("no agent is running for %1").arg(dataDirectory));
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    QDeadlineTimer deadline(timeoutMsecs);
    while (!socket.canReadLine()) {
        if (deadline.hasExpired() ||
            !socket.waitForReadyRead(int(std::max<qint64>(deadline.remainingTime(), 1))))
            return Error{ErrorCategory::Network, QStringLiteral("the agent did not answer"), {}};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(socket.readLine(kMaxLineBytes));
    if (!doc.isObject())
        return Error{ErrorCategory::Server, QStringLiteral("the agent's answer is not JSON"), {}};
    const QJsonObject answer = doc.object();
    if (!answer.value(QStringLiteral("ok")).toBool())
        return Error{ErrorCategory::Conflict, answer.value(QStringLiteral("error")).toString(), {}};
    return answer;
}

} // namespace ArchiveSync
