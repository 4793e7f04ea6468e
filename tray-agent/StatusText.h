// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/sync/SyncStatus.h"

#include <QCoreApplication>
#include <QString>

namespace ArchiveSync {

/// \brief The agent's status in words and icons, for the tray, its menu and the status window.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)

public:
    /// "Up to date", "Syncing", ... as a person reads it.
    static QString stateText(SyncState state);
    /// One line for a mailbox: its state with progress, queue position, "as of" or the error.
    static QString mailboxLine(const MailboxSyncStatus &mailbox);
    /// The headline: the summary state, with progress while syncing.
    static QString headline(const AgentSyncStatus &status);
    /// The tray's tooltip: the headline, one line per mailbox, "archive as of", "safe to disconnect".
    static QString tooltip(const AgentSyncStatus &status);
    /// The resource path of the state's icon.
    static QString iconPath(SyncState state);
    /// Local date and time, short; "never" when invalid.
    static QString timeText(const QDateTime &time);
    /// "1 h 5 min", "4 min", "20 s".
    static QString durationText(qint64 seconds);
    /// Percent done over every mailbox that knows its total; -1 when none does.
    static int percentDone(const AgentSyncStatus &status);
};

} // namespace ArchiveSync
