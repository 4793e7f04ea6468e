// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/FolderTreeModel.h"

#include <QIcon>

namespace ArchiveSync {

// internalId: 0 on a mailbox row; 1 + the mailbox's row on a folder row.

void FolderTreeModel::setMailboxes(const QList<Mailbox> &mailboxes)
{
    beginResetModel();
    m_mailboxes = mailboxes;
    endResetModel();
}

QModelIndex FolderTreeModel::indexOf(const QString &address, const QString &folder) const
{
    for (int m = 0; m < m_mailboxes.size(); ++m) {
        if (m_mailboxes.at(m).address.compare(address, Qt::CaseInsensitive) != 0)
            continue;
        const QModelIndex mailbox = index(m, 0);
        if (folder.isEmpty())
            return mailbox;
        for (int f = 0; f < m_mailboxes.at(m).folders.size(); ++f)
            if (m_mailboxes.at(m).folders.at(f).path == folder)
                return index(f, 0, mailbox);
    }
    return {};
}

QModelIndex FolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_mailboxes.size() ? createIndex(row, 0, kMailboxLevel) : QModelIndex();
    if (parent.internalId() != kMailboxLevel || parent.row() >= m_mailboxes.size())
        return {};
    if (row >= m_mailboxes.at(parent.row()).folders.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex FolderTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kMailboxLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kMailboxLevel);
}

int FolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_mailboxes.size());
    if (parent.column() != 0 || parent.internalId() != kMailboxLevel)
        return 0;
    return int(m_mailboxes.at(parent.row()).folders.size());
}

int FolderTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FolderTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kMailboxLevel) {
        const Mailbox &m = m_mailboxes.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return m.available ? m.address : tr("%1 (not synced yet)").arg(m.address);
        case Qt::DecorationRole:
            return QIcon(QStringLiteral(":/archivesync/agent/icons/archivesync-agent.svg"));
        case AddressRole:
            return m.address;
        case FolderRole:
            return QString();
        default:
            return {};
        }
    }
    const Mailbox &m = m_mailboxes.at(int(index.internalId() - 1));
    const LocalFolder &f = m.folders.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(f.path).arg(f.messages);
    case Qt::ToolTipRole:
        return tr("%n message(s), %1 whole", nullptr, int(f.messages)).arg(f.wholeMessages);
    case AddressRole:
        return m.address;
    case FolderRole:
        return f.path;
    default:
        return {};
    }
}

} // namespace ArchiveSync
