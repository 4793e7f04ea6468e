// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QLocalServer>
#include <QObject>

#include <functional>

namespace ArchiveSync {

/// \brief The running agent's local control channel (QLocalSocket): one JSON object per line each way.
///
/// Requests are {"command": NAME, ...}; answers {"ok": true, ...} or {"ok": false, "error": TEXT}.
/// The socket is named after the data directory, so each agent (one per OS user and data directory)
/// has its own, and it is created for the owner only.
class AgentControlServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<QJsonObject(const QJsonObject &request)>;

    explicit AgentControlServer(Handler handler, QObject *parent = nullptr);
    /// Conflict when another agent already listens for this data directory.
    Status listen(const QString &dataDirectory);

    static QString socketName(const QString &dataDirectory);

private:
    void onConnection();

    Handler m_handler;
    QLocalServer m_server;
};

/// \brief Talks to a running agent, blocking (for command-line use).
class AgentControlClient
{
public:
    /// NotFound when no agent runs for this data directory.
    static Result<QJsonObject> request(const QString &dataDirectory, const QJsonObject &request,
                                       int timeoutMsecs = 10000);
};

} // namespace ArchiveSync
