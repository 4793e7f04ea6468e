// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/sync/AgentState.h"
#include "core/sync/Backoff.h"
#include "core/sync/SyncStatus.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace ArchiveSync {

class ApiClient;
class BandwidthLimiter;
class Clock;
class MailboxStore;
class MessageCipher;
class SegmentDownloader;

/// \brief Keeps one mailbox's local copy equal to the service's repository.
///
/// A cycle: fetch the manifest (conditional on the ETag of what is applied); plan the segments the
/// laptop wants and lacks (every index segment; the bodies segments of folders it keeps whole); fetch,
/// verify and apply them one by one, in order; record the manifest as applied. A new generation is
/// built in a directory of its own beside the copy in use, which is swapped for it only once complete,
/// so the user never sees an empty or half-built archive. While online it then long-polls the manifest.
///
/// Failures are states, not ends: the service unreachable is Offline, a full initial-sync queue is
/// Queued, anything else is Error; each is retried after a backoff with jitter. A 401 (device revoked)
/// or a 404 (the right to the mailbox was removed) is handed to the engine, which wipes.
class MailboxSync : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        QNetworkAccessManager &network;
        ApiClient &client;
        BandwidthLimiter &limiter;
        const MessageCipher &cipher;
        const Clock &clock;
        QString dataDirectory;
        /// Makes the agent state durable (the mailbox's record changed); a failure stops the cycle.
        std::function<Status(const AgentMailbox &)> persist;
    };

    static constexpr int kDefaultLongPollSeconds = 50;
    static constexpr int kMaxVerifyFailures = 3;
    /// When the service answers a long-poll at once (it holds only so many), the next poll waits this long.
    static constexpr int kPollFallbackMsecs = 60000;

    MailboxSync(Context context, AgentMailbox record, QObject *parent = nullptr);
    ~MailboxSync() override;

    /// 0: check once and then stay idle until syncNow() (one-shot runs); otherwise long-poll this long.
    void setLongPollSeconds(int seconds) { m_longPollSeconds = seconds; }
    /// Whether this mailbox counts as an initial sync (no complete copy, or a new generation).
    bool needsInitialSync() const;
    /// A cycle is under way (a check, a download, an apply), as opposed to idle or long-polling.
    bool isWorking() const
    {
        return (m_busy && !m_longPolling) || m_applying || m_status.state == SyncState::Syncing;
    }

    /// Starts a cycle now (ends a wait, a long-poll or a backoff).
    void syncNow();
    void pause();
    void resume();
    /// Stops every transfer and timer; the local copy stays as it is.
    void stop();

    const AgentMailbox &record() const { return m_record; }
    const MailboxSyncStatus &status() const { return m_status; }
    /// The copy the user sees; nullptr before the first generation is complete.
    MailboxStore *activeStore();

signals:
    void statusChanged();
    /// The service no longer lets this device see the mailbox (404): the engine wipes the copy.
    void accessLost(const ArchiveSync::ApiError &error);
    /// The device token was refused (401): the engine wipes everything.
    void authenticationLost(const ArchiveSync::ApiError &error);
    /// An initial sync (or generation rebuild) completed: the engine may release the admission slot.
    void initialSyncFinished();

private:
    void checkManifest(int waitSeconds);
    void onManifest(ApiResult<Api::ManifestReply> reply);
    void plan();
    void next();
    void admitThenDownload();
    void download();
    /// What a segment's apply on the pool thread came to.
    struct ApplyOutcome
    {
        std::optional<Error> error;
    };
    void onDownloaded(ApiResult<QString> path);
    void onApplied(const SegmentInfo &segment, const QString &path, const ApplyOutcome &outcome);
    void completeGeneration();
    void fail(const ApiError &error);
    void retryLater(int msecs);
    void setState(SyncState state);
    Status openTarget(qint64 generation);
    void refreshCounts();

    Context m_context;
    AgentMailbox m_record;
    MailboxSyncStatus m_status;
    int m_longPollSeconds = kDefaultLongPollSeconds;
    bool m_paused = false;
    bool m_busy = false; ///< a request or download is under way
    bool m_longPolling = false;
    bool m_applying = false;          ///< a segment is being applied on a pool thread
    bool m_recheckAfterApply = false; ///< a check was asked for meanwhile
    bool m_heldTooShort = false;      ///< the last long-poll came back long before its wait
    QElapsedTimer m_pollTimer;
    int m_cycle = 0; ///< bumped by syncNow()/stop(): answers to an older cycle are dropped

    std::unique_ptr<MailboxStore> m_active;
    std::unique_ptr<MailboxStore> m_target; ///< the generation being built when it is not the active one
    MailboxStore *m_targetStore = nullptr;  ///< m_active or m_target
    Manifest m_manifest;
    QString m_manifestEtag;
    QList<SegmentInfo> m_wanted;
    QHash<QString, int> m_verifyFailures;
    SegmentDownloader *m_downloader = nullptr;
    Backoff m_backoff;
    QTimer m_retry;
};

} // namespace ArchiveSync
