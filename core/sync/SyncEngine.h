// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiError.h"
#include "core/sync/AgentState.h"
#include "core/sync/BandwidthLimiter.h"
#include "core/sync/SyncStatus.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

class QNetworkAccessManager;

namespace ArchiveSync {

class ApiClient;
class Clock;
class MailboxStore;
class MailboxSync;
class MessageCipher;

/// \brief The agent's background work: every mailbox the user may search into, kept in sync.
///
/// Discovers the mailboxes (GET /me/offline) and runs one MailboxSync each; persists the agent state;
/// holds the initial-sync admission slot while any mailbox needs one and releases it after; reports
/// the device's state to the service; wipes what the service no longer allows (a revoked device: all;
/// a mailbox whose right was removed: that copy). The status model summarises it all for views.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDiscoveryIntervalMsecs = 5 * 60 * 1000;

    /// state must hold an account. The network manager, cipher and clock must outlive the engine.
    SyncEngine(QString dataDirectory, AgentState state, QNetworkAccessManager &network,
               const MessageCipher &cipher, const Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    /// 0 for one-shot runs (sync, then stay idle); see MailboxSync::setLongPollSeconds().
    void setLongPollSeconds(int seconds) { m_longPollSeconds = seconds; }
    void start();
    void syncNow();
    /// Invalid `until`: paused until resume().
    void pause(const QDateTime &until);
    void resume();
    /// Deletes the local copy of one mailbox (empty: all) and fetches it again.
    Status reset(const QString &address);
    void setBandwidthLimit(qint64 bytesPerSecond);
    /// The laptop's folder choices for a mailbox. Whole fetches the bodies the service offers from then
    /// on; a change that excludes or includes a folder rebuilds the local copy (the index segments
    /// already applied skipped, or kept, that folder's messages).
    Status setFolders(const QString &address, const OfflineSettings &folders);

    SyncStatusModel &status() { return m_status; }
    const AgentState &state() const { return m_state; }
    ApiClient &client() { return *m_client; }
    /// The copy in use of a mailbox; nullptr when there is none yet.
    MailboxStore *store(const QString &address);
    /// Every mailbox settled since start() or syncNow(): up to date, or failed (not still working,
    /// nor queued). One-shot runs stop then.
    bool settled() const;

signals:
    void settledChanged();
    /// The service refused this device (revoked): everything local was wiped.
    void deviceRevoked(const QString &message);

private:
    void discover();
    void onDiscovered(const QList<QString> &addresses);
    void addMailbox(const AgentMailbox &record);
    void wipeMailbox(const QString &address, const QString &reason);
    void wipeAll(const QString &reason);
    void updateStatus();
    void reportState();
    void releaseAdmissionIfDone();
    Status persist(const AgentMailbox &record);

    QString m_dataDirectory;
    AgentState m_state;
    QNetworkAccessManager &m_network;
    const MessageCipher &m_cipher;
    const Clock &m_clock;
    std::unique_ptr<ApiClient> m_client;
    BandwidthLimiter m_limiter;
    std::map<QString, MailboxSync *> m_mailboxes; ///< by lower-case address; children of this
    SyncStatusModel m_status;
    int m_longPollSeconds;
    bool m_discovered = false;
    bool m_revoked = false;
    bool m_releasing = false; ///< the admission slot's release is on its way (one-shot runs wait for it)
    QTimer m_discovery;
    QTimer m_pauseEnd;
    QTimer m_report;
    QString m_lastReport;
};

} // namespace ArchiveSync
