// SPDX-License-Identifier: Apache-2.0
#include "UsersPage.h"

#include "AdminSession.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "UserDialog.h"
#include "UserTableModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ArchiveSync {

UsersPage::UsersPage(AdminSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_confirm(messageBoxConfirm())
    , m_model(new UserTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_notice(new NoticeBar(this))
    , m_table(new QTableView(this))
    , m_newAction(new QAction(QIcon::fromTheme(QStringLiteral("list-add-user")), tr("&New User…"), this))
    , m_resetAction(new QAction(tr("&Reset Password…"), this))
    , m_roleAction(new QAction(tr("Make &Administrator"), this))
    , m_deleteAction(
          new QAction(QIcon::fromTheme(QStringLiteral("list-remove-user")), tr("&Delete User…"), this))
{
    setObjectName(QStringLiteral("usersPage"));
    m_newAction->setObjectName(QStringLiteral("newUserAction"));
    m_resetAction->setObjectName(QStringLiteral("resetPasswordAction"));
    m_roleAction->setObjectName(QStringLiteral("toggleRoleAction"));
    m_deleteAction->setObjectName(QStringLiteral("deleteUserAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_newAction, m_deleteAction});

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UserTableModel::UsernameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_resetAction, m_roleAction, m_deleteAction});

    auto *title = new QLabel(tr("<h2>Users</h2>"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    for (QAction *action : {m_newAction, m_resetAction, m_roleAction, m_deleteAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        top->addWidget(button);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 1);

    connect(m_newAction, &QAction::triggered, this, &UsersPage::newUser);
    connect(m_resetAction, &QAction::triggered, this, &UsersPage::resetPassword);
    connect(m_roleAction, &QAction::triggered, this, &UsersPage::toggleRole);
    connect(m_deleteAction, &QAction::triggered, this, &UsersPage::deleteUser);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPage::updateActions);
    updateActions();
}

void UsersPage::refresh()
{
    m_session.client().listUsers(m_session.track(this, [this](ApiResult<QList<Api::User>> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not read the users.")));
            return;
        }
        if (m_notice->kind() == NoticeBar::Kind::Error)
            m_notice->clear();
        const QString current = currentUsername();
        m_model->setUsers(*r);
        if (current.isEmpty() || !selectUser(current)) {
            if (m_proxy->rowCount() > 0)
                m_table->setCurrentIndex(m_proxy->index(0, 0));
        }
        m_table->resizeColumnsToContents();
    }));
}

bool UsersPage::selectUser(const QString &username)
{
    const int row = m_model->rowOf(username);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    return true;
}

QString UsersPage::currentUsername() const
{
    return m_table->currentIndex().data(UserTableModel::UsernameRole).toString();
}

void UsersPage::updateActions()
{
    const QString username = currentUsername();
    const int row = m_model->rowOf(username);
    const Api::User *user = m_model->userAt(row);
    const bool self = user && user->username == m_session.session().username;
    m_resetAction->setEnabled(user != nullptr);
    m_roleAction->setEnabled(user != nullptr && !self);
    m_deleteAction->setEnabled(user != nullptr && !self);
    m_roleAction->setText(user && user->role == Api::Role::Admin ? tr("Make Regular &User")
                                                                 : tr("Make &Administrator"));
}

void UsersPage::newUser()
{
    auto *dialog = new UserDialog(UserDialog::Mode::NewUser, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Api::NewUser user = dialog->newUser();
        m_session.client().createUser(user, m_session.track(this, [this](ApiResult<Api::User> r) {
            if (!r) {
                m_notice->showError(ErrorText::describe(r.error(), tr("Could not create the user.")));
                return;
            }
            m_notice->showMessage(tr("User %1 created.").arg(r->username), NoticeBar::Kind::Success);
            refresh();
        }));
    });
    dialog->open();
}

void UsersPage::resetPassword()
{
    const QString username = currentUsername();
    if (username.isEmpty())
        return;
    auto *dialog = new UserDialog(UserDialog::Mode::ResetPassword, username, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, username] {
        Api::UserChange change;
        change.password = dialog->password();
        m_session.client().updateUser(
            username, change, m_session.track(this, [this, username](ApiResult<Api::User> r) {
                if (!r) {
                    m_notice->showError(ErrorText::describe(r.error(), tr("Could not reset the password.")));
                    return;
                }
                m_notice->showMessage(
                    tr("The password of %1 was reset; their sessions have ended.").arg(username),
                    NoticeBar::Kind::Success);
            }));
    });
    dialog->open();
}

void UsersPage::toggleRole()
{
    const Api::User *user = m_model->userAt(m_model->rowOf(currentUsername()));
    if (!user)
        return;
    const QString username = user->username;
    Api::UserChange change;
    change.role = user->role == Api::Role::Admin ? Api::Role::User : Api::Role::Admin;
    m_session.client().updateUser(username, change, m_session.track(this, [this](ApiResult<Api::User> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not change the role.")));
            return;
        }
        m_notice->showMessage(tr("%1 is now: %2.").arg(r->username, UserTableModel::roleText(r->role)),
                              NoticeBar::Kind::Success);
        refresh();
    }));
}

void UsersPage::deleteUser()
{
    const QString username = currentUsername();
    if (username.isEmpty())
        return;
    if (!m_confirm(
            this, tr("Delete User"),
            tr("Delete the account %1?\n\nIt can no longer sign in and its sessions end. The mail archive "
               "is not changed.")
                .arg(username),
            tr("&Delete")))
        return;
    m_session.client().deleteUser(username, m_session.track(this, [this, username](ApiResult<void> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not delete %1.").arg(username)));
            return;
        }
        m_notice->showMessage(tr("User %1 deleted.").arg(username), NoticeBar::Kind::Success);
        refresh();
    }));
}

} // namespace ArchiveSync
