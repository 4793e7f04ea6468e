// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/localstore/MailboxStore.h"

#include <QAbstractItemModel>

namespace ArchiveSync {

/// \brief The archive window's left pane: each synced mailbox, and below it its folders (full paths)
/// with their message counts.
class FolderTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role
    {
        AddressRole = Qt::UserRole + 1, ///< the mailbox, on both levels
        FolderRole,                     ///< the folder path; empty on a mailbox row
    };

    struct Mailbox
    {
        QString address;
        QList<LocalFolder> folders;
        bool available = true; ///< false: no complete copy yet
    };

    using QAbstractItemModel::QAbstractItemModel;

    void setMailboxes(const QList<Mailbox> &mailboxes);
    const QList<Mailbox> &mailboxes() const { return m_mailboxes; }
    QModelIndex indexOf(const QString &address, const QString &folder = {}) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    static constexpr quintptr kMailboxLevel = 0;
    QList<Mailbox> m_mailboxes;
};

} // namespace ArchiveSync
