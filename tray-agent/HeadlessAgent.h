// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/sync/AgentState.h"

#include <QJsonObject>
#include <QLockFile>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace ArchiveSync {

class AgentControlServer;
class Clock;
class MessageCipher;
class SyncEngine;

/// \brief The agent without a desktop: the sync engine, run until asked to quit, steered over the
/// control socket (status, sync-now, pause, resume, reset, quit).
///
/// One agent per data directory: a lock file (which goes stale when its process dies) and the
/// control socket both say so.
class HeadlessAgent : public QObject
{
    Q_OBJECT

public:
    HeadlessAgent(QString dataDirectory, AgentState state, QNetworkAccessManager &network,
                  const MessageCipher &cipher, const Clock &clock, QObject *parent = nullptr);
    ~HeadlessAgent() override;

    /// Takes the lock, opens the control socket and starts syncing.
    Status start();
    SyncEngine &engine() { return *m_engine; }

    /// The lock every process that changes a data directory's copies takes.
    static std::unique_ptr<QLockFile> lock(const QString &dataDirectory);

signals:
    /// The agent should end (asked to, or the device was revoked) with this exit code.
    void finished(int exitCode);

private:
    QJsonObject handle(const QJsonObject &request);

    QString m_dataDirectory;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<SyncEngine> m_engine;
    AgentControlServer *m_control = nullptr;
};

} // namespace ArchiveSync
