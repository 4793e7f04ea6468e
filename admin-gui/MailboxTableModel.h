// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ArchiveSync {

/// \brief The Mailbox Manager's table: one row per managed mailbox with its offline state and how many
/// laptops hold its current repository.
class MailboxTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AddressColumn,
        NameColumn,
        OfflineColumn,
        GenerationColumn,
        SizeColumn,
        MessagesColumn,
        UpdatedColumn,
        LaptopsColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< numbers and times as numbers, so sorting is not by text
        AddressRole,
    };
    explicit MailboxTableModel(QObject *parent = nullptr);

    /// Replaces the rows, keeping rows that stay (so selections survive a refresh).
    void setMailboxes(const QList<Api::Mailbox> &mailboxes);
    /// Per lower-case address: laptops holding the current repository, and all laptops holding it.
    void setLaptopCounts(const QHash<QString, QPair<int, int>> &counts);
    /// The running job, to show "Updating…" on the mailbox it works on.
    void setActivity(const Api::JobActivity &activity);

    const QList<Api::Mailbox> &mailboxes() const { return m_mailboxes; }
    /// The mailbox of a row; nullptr outside the rows.
    const Api::Mailbox *mailboxAt(int row) const;
    int rowOf(const QString &address) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Disabled", "Not built yet", "Up to date", "Updating…".
    QString stateText(const Api::Mailbox &mailbox) const;

private:
    QList<Api::Mailbox> m_mailboxes;
    QHash<QString, QPair<int, int>> m_laptops;
    Api::JobActivity m_activity;
};

} // namespace ArchiveSync
