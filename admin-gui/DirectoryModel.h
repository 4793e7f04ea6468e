// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractTableModel>

namespace ArchiveSync {

/// \brief The archive's mailboxes not managed yet (GET /directory), for Choose mailboxes.
class DirectoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AddressColumn,
        NameColumn,
        MessagesColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        AddressRole,
    };

    explicit DirectoryModel(QObject *parent = nullptr);

    void setEntries(const QList<Api::DirectoryEntry> &entries);
    const QList<Api::DirectoryEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Api::DirectoryEntry> m_entries;
};

} // namespace ArchiveSync
