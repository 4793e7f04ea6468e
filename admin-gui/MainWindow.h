// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Confirm.h"
#include "core/common/Clock.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace ArchiveSync {

class AdminSession;
class KeychainTokenStore;
class LaptopsPage;
class MailboxManagerPage;
class StatusPage;
class UsersPage;

/// \brief The admin console: a navigation tree (Status, Mailbox Manager, Laptops, Users) beside the page
/// of the selected node, menus and a toolbar for every action, and a status bar with the connection, a
/// busy indicator and the time of the last refresh. Refreshes the shown page periodically and on F5.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page
    {
        Status,
        MailboxManager,
        Laptops,
        Users,
    };

    MainWindow(AdminSession &session, const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Passes the confirmation seam to every page.
    void setConfirm(const ConfirmFunction &confirm);
    /// Milliseconds between automatic refreshes of the shown page (0: none).
    void setRefreshInterval(int msecs);

    void showPage(Page page);
    Page currentPage() const;

    StatusPage *statusPage() const { return m_statusPage; }
    MailboxManagerPage *mailboxManagerPage() const { return m_mailboxPage; }
    LaptopsPage *laptopsPage() const { return m_laptopsPage; }
    UsersPage *usersPage() const { return m_usersPage; }
    QAction *refreshAction() const { return m_refreshAction; }

public slots:
    /// Resumes a session kept in the keychain ("Keep me signed in"), else shows the sign-in dialog.
    void start();
    /// Shows the sign-in dialog (window-modal); on success refreshes everything.
    void signIn();
    void signOut();
    void refresh();
    void refreshAll();

private:
    void buildActions();
    void buildMenus();
    void updateConnectionLabel();
    void onPageChanged();
    void showAbout();

    AdminSession &m_session;
    const Clock &m_clock;
    KeychainTokenStore *m_tokens;
    QTreeWidget *m_nav;
    QStackedWidget *m_pages;
    StatusPage *m_statusPage;
    MailboxManagerPage *m_mailboxPage;
    LaptopsPage *m_laptopsPage;
    UsersPage *m_usersPage;
    QLabel *m_connection;
    QLabel *m_updated;
    QProgressBar *m_busy;
    QTimer *m_refreshTimer;
    QAction *m_refreshAction;
    QAction *m_signInAction;
    QAction *m_signOutAction;
    QAction *m_quitAction;
    QAction *m_configureAction;
    QAction *m_syncAllAction;
    QList<QAction *> m_pageActions;
    int m_refreshInterval = 30000;
};

} // namespace ArchiveSync
