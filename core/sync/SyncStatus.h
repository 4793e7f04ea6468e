// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace ArchiveSync {

/// \brief Where the sync of a mailbox (or of the whole agent) stands, as a person would say it.
enum class SyncState
{
    NotConfigured, ///< no account, or no mailbox to sync
    UpToDate,      ///< everything the service has is applied
    Syncing,       ///< fetching or applying segments
    Queued,        ///< waiting for an initial-sync slot on the service
    Offline,       ///< the service cannot be reached; the local copy is still there
    Paused,
    Error,
};
QString syncStateName(SyncState state);
std::optional<SyncState> syncStateFromName(QStringView name);

/// \brief One mailbox's sync, at one moment.
struct MailboxSyncStatus
{
    QString address;
    SyncState state = SyncState::Syncing;
    QDateTime asOf;        ///< the copy is the service's as of this time; invalid: never complete
    qint64 generation = 0; ///< of the copy in use
    qint64 revision = 0;
    qint64 targetGeneration = 0; ///< being fetched (differs from generation while a flush is rebuilt)
    qint64 segmentsDone = 0;
    qint64 segmentsTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qint64 segmentsFetched = 0; ///< downloaded since the agent started (verified or not)
    qint64 bytesFetched = 0;    ///< taken off the wire since the agent started
    qint64 messages = 0;        ///< in the copy in use
    qint64 messagesTotal = 0;   ///< in the service's repository
    int queuePosition = 0;      ///< when Queued
    std::optional<ErrorCategory> errorCategory;
    QString errorMessage;
    QDateTime nextAttempt; ///< when Offline, Queued or Error: the next try

    QJsonObject toJson() const;
    static MailboxSyncStatus fromJson(const QJsonObject &json);
    bool operator==(const MailboxSyncStatus &) const = default;
};

/// \brief The agent's sync, at one moment: every mailbox and a summary.
struct AgentSyncStatus
{
    SyncState state = SyncState::NotConfigured;
    QString server;
    QString username;
    qint64 deviceId = 0;
    QDateTime pausedUntil;
    QList<MailboxSyncStatus> mailboxes;

    /// Everything is applied: the laptop may go offline now.
    bool safeToDisconnect() const;
    /// The oldest "as of" among the mailboxes (what the whole archive is current to).
    QDateTime asOf() const;
    /// The summary state: an error or being offline outweighs syncing, which outweighs up to date.
    static SyncState summarize(const QList<MailboxSyncStatus> &mailboxes);

    QJsonObject toJson() const;
    static AgentSyncStatus fromJson(const QJsonObject &json);
    bool operator==(const AgentSyncStatus &) const = default;
};

/// \brief The live status for views (tray icon, status command): a snapshot and a signal when it changes.
class SyncStatusModel : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    const AgentSyncStatus &snapshot() const { return m_status; }
    void setStatus(const AgentSyncStatus &status);

signals:
    void changed(const ArchiveSync::AgentSyncStatus &status);

private:
    AgentSyncStatus m_status;
};

} // namespace ArchiveSync
