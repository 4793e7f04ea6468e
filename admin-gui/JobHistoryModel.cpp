// SPDX-License-Identifier: Apache-2.0
#include "JobHistoryModel.h"

#include "TimeText.h"

#include <QBrush>
#include <QPalette>

namespace ArchiveSync {

JobHistoryModel::JobHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void JobHistoryModel::setJobs(const QList<Api::Job> &jobs)
{
    if (jobs == m_jobs)
        return;
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

int JobHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobHistoryModel::kindText(const QString &kind)
{
    if (kind == QLatin1String("update"))
        return tr("Update");
    if (kind == QLatin1String("flush"))
        return tr("Flush");
    return kind;
}

QString JobHistoryModel::triggerText(const QString &trigger)
{
    if (trigger == QLatin1String("manual"))
        return tr("Synchronize now");
    if (trigger == QLatin1String("schedule"))
        return tr("Schedule");
    if (trigger == QLatin1String("catch-up"))
        return tr("Catch-up after downtime");
    return trigger;
}

QString JobHistoryModel::statusText(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("Running");
    if (status == QLatin1String("done"))
        return tr("Done");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    return status;
}

QVariant JobHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const Api::Job &job = m_jobs.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == ErrorsColumn && !job.errors.isEmpty())
        return job.errors;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && job.status == QLatin1String("failed"))
        return QBrush(Qt::darkRed);
    if (role == Qt::TextAlignmentRole && index.column() >= DurationColumn && index.column() <= BytesColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StartedColumn:
        return TimeText::local(job.started);
    case KindColumn:
        return kindText(job.kind);
    case TriggerColumn:
        return triggerText(job.trigger);
    case StatusColumn:
        return statusText(job.status);
    case DurationColumn:
        return job.finished.isValid() ? TimeText::span(job.started.secsTo(job.finished))
                                      : QStringLiteral("…");
    case MailboxesColumn:
        return QString::number(job.mailboxes);
    case MessagesColumn:
        return QStringLiteral("%L1").arg(job.messages);
    case BytesColumn:
        return OfflineSettings::humanSize(job.bytes);
    case ErrorsColumn:
        return job.errors.section(QLatin1Char('\n'), 0, 0);
    default:
        return {};
    }
}

QVariant JobHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case KindColumn:
        return tr("Job");
    case TriggerColumn:
        return tr("Trigger");
    case StatusColumn:
        return tr("Result");
    case DurationColumn:
        return tr("Duration");
    case MailboxesColumn:
        return tr("Mailboxes");
    case MessagesColumn:
        return tr("Messages");
    case BytesColumn:
        return tr("Written");
    case ErrorsColumn:
        return tr("Errors");
    default:
        return {};
    }
}

} // namespace ArchiveSync
