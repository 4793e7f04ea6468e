// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/OfflineSettings.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace ArchiveSync {

/// \brief The device's registration with a service.
struct AgentAccount
{
    QUrl server;
    QString username;
    qint64 deviceId = 0;
    QString deviceName;
    QString token;         ///< the device token (secret: the state file is 0600)
    QString caCertificate; ///< PEM file to trust for https, empty for the system's
    bool operator==(const AgentAccount &) const = default;
};

/// \brief What the agent keeps about one mailbox it syncs.
struct AgentMailbox
{
    QString address;
    qint64 generation = 0;        ///< of the copy the user sees; 0: none complete yet
    qint64 revision = 0;          ///< manifest revision fully applied to it
    QString etag;                 ///< of that manifest
    QDateTime asOf;               ///< when the service last confirmed the copy current
    qint64 stagingGeneration = 0; ///< a new generation being built beside it; 0: none
    /// The laptop's folder choices: policyFor() decides; Whole fetches the bodies the service offers.
    OfflineSettings folders = defaultFolders();

    static OfflineSettings defaultFolders();
    /// The folders a choice leaves out ("*" for the default); a change to them rebuilds the copy.
    static QStringList exclusions(const OfflineSettings &folders);
    bool operator==(const AgentMailbox &) const = default;
};

/// \brief The agent's own small state, in "agent.json" of its data directory (0600), written atomically.
///
/// The local copies themselves are MailboxStore directories below "mailboxes/"; this file says which
/// generation of each is the one in use, so swapping in a rebuilt copy is one atomic rename.
struct AgentState
{
    static constexpr int kFormat = 1;

    std::optional<AgentAccount> account;
    QList<AgentMailbox> mailboxes;
    QDateTime pausedUntil;     ///< invalid: not paused; untilResumed(): until resume()
    qint64 bandwidthLimit = 0; ///< bytes per second; 0: none

    /// pausedUntil for "until resumed": far in the future, so that one comparison tells "paused now".
    static QDateTime untilResumed() { return QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC); }
    static bool isUntilResumed(const QDateTime &until)
    {
        return until.isValid() && until.date().year() >= 9000;
    }

    AgentMailbox *mailbox(const QString &address);
    const AgentMailbox *mailbox(const QString &address) const;

    /// No file yet: an empty state.
    static Result<AgentState> load(const QString &dataDirectory);
    Status save(const QString &dataDirectory) const;

    static QString filePath(const QString &dataDirectory);
    /// Where a mailbox's copy of a generation lives: the directory name is derived from a hash of the
    /// address, so nothing the service sends becomes a path.
    static QString copyDirectory(const QString &dataDirectory, const QString &address, qint64 generation);
    static QString mailboxDirectory(const QString &dataDirectory, const QString &address);
    static QString spoolDirectory(const QString &dataDirectory);

    QByteArray toJson() const;
    static Result<AgentState> fromJson(const QByteArray &json);
};

} // namespace ArchiveSync
