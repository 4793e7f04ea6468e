// SPDX-License-Identifier: Apache-2.0
#include "MailboxTableModel.h"

#include "TimeText.h"

#include <algorithm>

namespace ArchiveSync {

MailboxTableModel::MailboxTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MailboxTableModel::setMailboxes(const QList<Api::Mailbox> &mailboxes)
{
    // Remove rows that went, update the rest in place, append the new ones: views keep selection
    // and scroll position across the periodic refresh.
    for (int row = int(m_mailboxes.size()) - 1; row >= 0; --row) {
        const QString address = m_mailboxes.at(row).address;
        const bool stays = std::any_of(mailboxes.begin(), mailboxes.end(),
                                       [&](const Api::Mailbox &m) { return m.address == address; });
        if (!stays) {
            beginRemoveRows({}, row, row);
            m_mailboxes.removeAt(row);
            endRemoveRows();
        }
    }
    for (const Api::Mailbox &mailbox : mailboxes) {
        const int row = rowOf(mailbox.address);
        if (row >= 0) {
            if (!(m_mailboxes.at(row) == mailbox)) {
                m_mailboxes[row] = mailbox;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
        } else {
            const int end = int(m_mailboxes.size());
            beginInsertRows({}, end, end);
            m_mailboxes.append(mailbox);
            endInsertRows();
        }
    }
}

void MailboxTableModel::setLaptopCounts(const QHash<QString, QPair<int, int>> &counts)
{
    m_laptops = counts;
    if (!m_mailboxes.isEmpty())
        emit dataChanged(index(0, LaptopsColumn), index(rowCount() - 1, LaptopsColumn));
}

void MailboxTableModel::setActivity(const Api::JobActivity &activity)
{
    if (m_activity == activity)
        return;
    m_activity = activity;
    if (!m_mailboxes.isEmpty())
        emit dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

const Api::Mailbox *MailboxTableModel::mailboxAt(int row) const
{
    return row >= 0 && row < m_mailboxes.size() ? &m_mailboxes.at(row) : nullptr;
}

int MailboxTableModel::rowOf(const QString &address) const
{
    for (int row = 0; row < m_mailboxes.size(); ++row) {
        if (m_mailboxes.at(row).address.compare(address, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

int MailboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mailboxes.size());
}

int MailboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MailboxTableModel::stateText(const Api::Mailbox &mailbox) const
{
    if (m_activity.running && m_activity.running->mailbox == mailbox.address)
        return m_activity.running->kind == QLatin1String("flush") ? tr("Flushing…") : tr("Updating…");
    if (!mailbox.offline.enabled)
        return mailbox.offline.hasRepository ? tr("Disabled (repository kept)") : tr("Disabled");
    if (!mailbox.offline.hasRepository)
        return tr("Waiting for first update");
    return tr("Up to date");
}

QVariant MailboxTableModel::data(const QModelIndex &index, int role) const
{
    const Api::Mailbox *mailbox = index.isValid() ? mailboxAt(index.row()) : nullptr;
    if (!mailbox)
        return {};
    const Api::MailboxOfflineState &offline = mailbox->offline;
    const bool built = offline.hasRepository;
    const QPair<int, int> laptops = m_laptops.value(mailbox->address.toLower());
    if (role == AddressRole)
        return mailbox->address;
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case GenerationColumn:
        case SizeColumn:
        case MessagesColumn:
        case LaptopsColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == LaptopsColumn)
        return tr("%1 of %2 laptops hold the current repository").arg(laptops.first).arg(laptops.second);
    if (role == SortRole) {
        switch (index.column()) {
        case OfflineColumn:
            return offline.enabled;
        case GenerationColumn:
            return built ? offline.generation : -1;
        case SizeColumn:
            return built ? offline.bytes : -1;
        case MessagesColumn:
            return mailbox->archivedMessages;
        case UpdatedColumn:
            return built ? offline.updated.toMSecsSinceEpoch() : -1;
        case LaptopsColumn:
            return laptops.second == 0 ? -1.0 : double(laptops.first) / laptops.second;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const QString none = QStringLiteral("—");
    switch (index.column()) {
    case AddressColumn:
        return mailbox->address;
    case NameColumn:
        return mailbox->displayName;
    case OfflineColumn:
        return offline.enabled ? tr("On") : tr("Off");
    case GenerationColumn:
        return built ? QString::number(offline.generation) : none;
    case SizeColumn:
        return built ? OfflineSettings::humanSize(offline.bytes) : none;
    case MessagesColumn:
        return built ? tr("%L1 of %L2").arg(offline.messageCount).arg(mailbox->archivedMessages)
                     : tr("%L1 archived").arg(mailbox->archivedMessages);
    case UpdatedColumn:
        return built ? TimeText::local(offline.updated, none) : none;
    case LaptopsColumn:
        return laptops.second == 0 ? none : QStringLiteral("%1 / %2").arg(laptops.first).arg(laptops.second);
    case StateColumn:
        return stateText(*mailbox);
    default:
        return {};
    }
}

QVariant MailboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AddressColumn:
        return tr("Mailbox");
    case NameColumn:
        return tr("Name");
    case OfflineColumn:
        return tr("Offline sync");
    case GenerationColumn:
        return tr("Generation");
    case SizeColumn:
        return tr("Repository size");
    case MessagesColumn:
        return tr("Messages");
    case UpdatedColumn:
        return tr("Last update");
    case LaptopsColumn:
        return tr("Laptops up to date");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace ArchiveSync
