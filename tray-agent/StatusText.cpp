// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/StatusText.h"

#include "core/model/OfflineSettings.h"
#include "core/sync/AgentState.h"

#include <QLocale>

namespace ArchiveSync {

QString StatusText::stateText(SyncState state)
{
    switch (state) {
    case SyncState::NotConfigured:
        return tr("Not set up");
    case SyncState::UpToDate:
        return tr("Up to date");
    case SyncState::Syncing:
        return tr("Syncing");
    case SyncState::Queued:
        return tr("Queued");
    case SyncState::Offline:
        return tr("Offline");
    case SyncState::Paused:
        return tr("Paused");
    case SyncState::Error:
        return tr("Error");
    }
    return {};
}

QString StatusText::timeText(const QDateTime &time)
{
    if (!time.isValid())
        return tr("never");
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString StatusText::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(std::max<qint64>(seconds, 0));
    if (seconds < 3600)
        return tr("%1 min").arg((seconds + 30) / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString StatusText::mailboxLine(const MailboxSyncStatus &m)
{
    QString line;
    switch (m.state) {
    case SyncState::Syncing:
        if (m.bytesTotal > 0)
            line =
                tr("syncing %1% (%2 of %3)")
                    .arg(int(100 * m.bytesDone / m.bytesTotal))
                    .arg(OfflineSettings::humanSize(m.bytesDone), OfflineSettings::humanSize(m.bytesTotal));
        else
            line = tr("syncing");
        break;
    case SyncState::Queued:
        line = m.queuePosition > 0 ? tr("queued, position %1").arg(m.queuePosition) : tr("queued");
        break;
    case SyncState::UpToDate:
        line = tr("up to date, %n message(s)", nullptr, int(m.messages));
        break;
    case SyncState::Error:
        line = m.errorMessage.isEmpty() ? tr("error") : tr("error: %1").arg(m.errorMessage);
        break;
    default:
        line = stateText(m.state).toLower();
        break;
    }
    return tr("%1: %2").arg(m.address, line);
}

int StatusText::percentDone(const AgentSyncStatus &status)
{
    qint64 done = 0;
    qint64 total = 0;
    for (const MailboxSyncStatus &m : status.mailboxes) {
        if (m.bytesTotal <= 0)
            continue;
        done += m.bytesDone;
        total += m.bytesTotal;
    }
    return total > 0 ? int(100 * done / total) : -1;
}

QString StatusText::headline(const AgentSyncStatus &status)
{
    if (status.state == SyncState::Syncing) {
        const int percent = percentDone(status);
        if (percent >= 0)
            return tr("Syncing, %1% done").arg(percent);
    }
    if (status.state == SyncState::Paused && status.pausedUntil.isValid() &&
        !AgentState::isUntilResumed(status.pausedUntil))
        return tr("Paused until %1").arg(timeText(status.pausedUntil));
    return stateText(status.state);
}

QString StatusText::tooltip(const AgentSyncStatus &status)
{
    QStringList lines{tr("ArchiveSync: %1").arg(headline(status))};
    for (const MailboxSyncStatus &m : status.mailboxes)
        lines.append(mailboxLine(m));
    if (status.state != SyncState::NotConfigured && status.asOf().isValid())
        lines.append(tr("Archive as of %1").arg(timeText(status.asOf())));
    if (status.safeToDisconnect())
        lines.append(tr("Safe to disconnect"));
    return lines.join(QLatin1Char('\n'));
}

QString StatusText::iconPath(SyncState state)
{
    return QStringLiteral(":/archivesync/agent/icons/tray-%1.svg").arg(syncStateName(state));
}

} // namespace ArchiveSync
