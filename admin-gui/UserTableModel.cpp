// SPDX-License-Identifier: Apache-2.0
#include "UserTableModel.h"

#include "TimeText.h"

namespace ArchiveSync {

UserTableModel::UserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void UserTableModel::setUsers(const QList<Api::User> &users)
{
    if (users == m_users)
        return;
    beginResetModel();
    m_users = users;
    endResetModel();
}

const Api::User *UserTableModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users.at(row) : nullptr;
}

int UserTableModel::rowOf(const QString &username) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).username == username)
            return row;
    }
    return -1;
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserTableModel::roleText(Api::Role role)
{
    return role == Api::Role::Admin ? tr("Administrator") : tr("User");
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    const Api::User *user = index.isValid() ? userAt(index.row()) : nullptr;
    if (!user)
        return {};
    if (role == UsernameRole)
        return user->username;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case UsernameColumn:
        return user->username;
    case DisplayNameColumn:
        return user->displayName;
    case RoleColumn:
        return roleText(user->role);
    case CreatedColumn:
        return TimeText::local(user->created);
    default:
        return {};
    }
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UsernameColumn:
        return tr("User name");
    case DisplayNameColumn:
        return tr("Display name");
    case RoleColumn:
        return tr("Role");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace ArchiveSync
