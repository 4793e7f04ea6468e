// SPDX-License-Identifier: Apache-2.0
#include "DirectoryModel.h"

namespace ArchiveSync {

DirectoryModel::DirectoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DirectoryModel::setEntries(const QList<Api::DirectoryEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int DirectoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int DirectoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DirectoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Api::DirectoryEntry &entry = m_entries.at(index.row());
    if (role == AddressRole)
        return entry.address;
    if (role == Qt::TextAlignmentRole && index.column() == MessagesColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole && index.column() == MessagesColumn)
        return entry.archivedMessages;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case AddressColumn:
        return entry.address;
    case NameColumn:
        return entry.displayName;
    case MessagesColumn:
        return QStringLiteral("%L1").arg(entry.archivedMessages);
    default:
        return {};
    }
}

QVariant DirectoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AddressColumn:
        return tr("Mailbox");
    case NameColumn:
        return tr("Name");
    case MessagesColumn:
        return tr("Archived messages");
    default:
        return {};
    }
}

} // namespace ArchiveSync
