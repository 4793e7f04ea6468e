// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/sync/AgentState.h"

#include <QJsonObject>
#include <QLockFile>
#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace ArchiveSync {

class AgentControlServer;
class Clock;
class MessageCipher;
class SyncEngine;

/// \brief The running agent: the sync engine, run until asked to quit, steered over the control socket
/// (status, sync-now, pause, resume, reset, folders, bandwidth, quit). `--headless` runs it alone; the
/// desktop app runs it too and takes the desktop's commands (open-link, show) through a handler.
///
/// One agent per data directory: a lock file (which goes stale when its process dies) and the
/// control socket both say so. The desktop may start it before any account exists (first run): the
/// socket then answers, and the engine starts with startSync() once the wizard has registered.
class HeadlessAgent : public QObject
{
    Q_OBJECT

public:
    /// Handles a desktop command ("open-link", "show"); returns the answer's error, if any.
    using DesktopHandler = std::function<Status(const QJsonObject &request)>;

    /// state must hold an account unless startSync() follows later.
    HeadlessAgent(QString dataDirectory, AgentState state, QNetworkAccessManager &network,
                  const MessageCipher &cipher, const Clock &clock, QObject *parent = nullptr);
    ~HeadlessAgent() override;

    /// Takes the lock, opens the control socket and, when the state holds an account, starts syncing.
    Status start();
    /// Starts the engine (again) with this state, which holds an account; after start().
    void startSync(AgentState state);
    /// nullptr until an account is set up.
    SyncEngine *engine() const { return m_engine.get(); }
    /// Without a handler (headless) desktop commands are refused.
    void setDesktopHandler(DesktopHandler handler) { m_desktop = std::move(handler); }

    /// The lock every process that changes a data directory's copies takes.
    static std::unique_ptr<QLockFile> lock(const QString &dataDirectory);

signals:
    /// The agent should end (asked to, or the device was revoked) with this exit code.
    void finished(int exitCode);
    /// The engine runs (first start, or after startSync()).
    void engineStarted(ArchiveSync::SyncEngine *engine);

private:
    QJsonObject handle(const QJsonObject &request);

    QString m_dataDirectory;
    AgentState m_initialState;
    QNetworkAccessManager &m_network;
    const MessageCipher &m_cipher;
    const Clock &m_clock;
    DesktopHandler m_desktop;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<SyncEngine> m_engine;
    AgentControlServer *m_control = nullptr;
};

} // namespace ArchiveSync
