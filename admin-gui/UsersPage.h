// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Confirm.h"

#include <QWidget>

class QAction;
class QSortFilterProxyModel;
class QTableView;

namespace ArchiveSync {

class AdminSession;
class NoticeBar;
class UserTableModel;

/// \brief Users (administrators only): the accounts, New User…, Reset Password…, the role, Delete.
class UsersPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(AdminSession &session, QWidget *parent = nullptr);

    void setConfirm(ConfirmFunction confirm) { m_confirm = std::move(confirm); }
    UserTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    NoticeBar *notice() const { return m_notice; }
    QAction *newUserAction() const { return m_newAction; }
    QAction *resetPasswordAction() const { return m_resetAction; }
    QAction *toggleRoleAction() const { return m_roleAction; }
    QAction *deleteUserAction() const { return m_deleteAction; }
    bool selectUser(const QString &username);

public slots:
    void refresh();
    void newUser();
    void resetPassword();
    void toggleRole();
    void deleteUser();

private:
    QString currentUsername() const;
    void updateActions();

    AdminSession &m_session;
    ConfirmFunction m_confirm;
    UserTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    NoticeBar *m_notice;
    QTableView *m_table;
    QAction *m_newAction;
    QAction *m_resetAction;
    QAction *m_roleAction;
    QAction *m_deleteAction;
};

} // namespace ArchiveSync
