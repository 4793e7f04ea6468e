// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/localstore/MailboxStore.h"

#include <QAbstractTableModel>

namespace ArchiveSync {

/// \brief Messages of a folder or of a search: from, subject, date and whether the whole message is
/// on this laptop or only its headers.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        FromColumn,
        SubjectColumn,
        DateColumn,
        OfflineColumn,
        ColumnCount
    };
    enum Role
    {
        AddressRole = Qt::UserRole + 1, ///< the mailbox
        IdRole,                         ///< the archive id
        WholeRole,
    };

    struct Row
    {
        QString address;
        LocalMessage message;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }
    /// The row of a message, -1 when it is not listed.
    int rowOf(const QString &address, qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace ArchiveSync
