// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractTableModel>

namespace ArchiveSync {

/// \brief The service's accounts for the Users view.
class UserTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        UsernameColumn,
        DisplayNameColumn,
        RoleColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        UsernameRole = Qt::UserRole + 1,
    };

    explicit UserTableModel(QObject *parent = nullptr);

    void setUsers(const QList<Api::User> &users);
    const QList<Api::User> &users() const { return m_users; }
    const Api::User *userAt(int row) const;
    int rowOf(const QString &username) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString roleText(Api::Role role);

private:
    QList<Api::User> m_users;
};

} // namespace ArchiveSync
