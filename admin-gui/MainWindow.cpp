// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"

#include "AdminLog.h"
#include "AdminSession.h"
#include "KeychainTokenStore.h"
#include "LaptopsPage.h"
#include "MailboxManagerPage.h"
#include "SignInDialog.h"
#include "StatusPage.h"
#include "UsersPage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

namespace ArchiveSync {

MainWindow::MainWindow(AdminSession &session, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_clock(clock)
    , m_tokens(new KeychainTokenStore(this))
    , m_nav(new QTreeWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_statusPage(new StatusPage(session, clock, m_pages))
    , m_mailboxPage(new MailboxManagerPage(session, m_pages))
    , m_laptopsPage(new LaptopsPage(session, clock, m_pages))
    , m_usersPage(new UsersPage(session, m_pages))
    , m_connection(new QLabel(this))
    , m_updated(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ArchiveSync Admin"));
    m_pages->addWidget(m_statusPage);
    m_pages->addWidget(m_mailboxPage);
    m_pages->addWidget(m_laptopsPage);
    m_pages->addWidget(m_usersPage);

    m_nav->setObjectName(QStringLiteral("navigationTree"));
    m_nav->setHeaderHidden(true);
    m_nav->setRootIsDecorated(true);
    m_nav->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *root = new QTreeWidgetItem(m_nav, {tr("ArchiveSync")});
    root->setFlags(Qt::ItemIsEnabled);
    const QList<std::pair<QString, QString>> nodes = {
        {tr("Status"), QStringLiteral("dialog-information")},
        {tr("Mailbox Manager"), QStringLiteral("mail-folder-inbox")},
        {tr("Laptops"), QStringLiteral("computer-laptop")},
        {tr("Users"), QStringLiteral("system-users")},
    };
    for (int i = 0; i < nodes.size(); ++i) {
        auto *item = new QTreeWidgetItem(root, {nodes.at(i).first});
        item->setData(0, Qt::UserRole, i);
        item->setIcon(0, QIcon::fromTheme(nodes.at(i).second));
    }
    m_nav->expandAll();

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_nav);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({210, 1070});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_updated->setObjectName(QStringLiteral("updatedLabel"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    statusBar()->addWidget(m_connection, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_updated);

    buildActions();
    buildMenus();

    connect(m_nav, &QTreeWidget::currentItemChanged, this, &MainWindow::onPageChanged);
    connect(m_nav, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_nav->itemAt(pos);
        if (!item || item->data(0, Qt::UserRole).toInt() != int(Page::MailboxManager))
            return;
        m_nav->setCurrentItem(item);
        QMenu menu(this);
        menu.addAction(m_mailboxPage->addMailboxAction());
        menu.addAction(m_refreshAction);
        menu.exec(m_nav->viewport()->mapToGlobal(pos));
    });
    connect(&m_session, &AdminSession::busyChanged, m_busy, &QWidget::setVisible);
    connect(&m_session, &AdminSession::sessionChanged, this, &MainWindow::updateConnectionLabel);
    connect(&m_session, &AdminSession::sessionExpired, this, [this] {
        statusBar()->showMessage(tr("The session ended; please sign in again."), 10000);
        m_refreshTimer->stop();
        signIn();
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    // A change on one page shows up on the others when they are next shown.
    connect(m_mailboxPage, &MailboxManagerPage::changed, m_statusPage, &StatusPage::refresh);
    connect(m_statusPage, &StatusPage::changed, m_mailboxPage, &MailboxManagerPage::refresh);

    showPage(Page::MailboxManager);
    updateConnectionLabel();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_refreshAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_signInAction = new QAction(tr("&Sign In…"), this);
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    m_signOutAction = new QAction(tr("Sign &Out"), this);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_configureAction = new QAction(QIcon::fromTheme(QStringLiteral("configure")), tr("&Configure…"), this);
    m_configureAction->setObjectName(QStringLiteral("configureAction"));
    m_configureAction->setToolTip(tr("Default offline settings and the update schedule"));
    connect(m_configureAction, &QAction::triggered, m_statusPage, &StatusPage::configure);
    m_syncAllAction = new QAction(QIcon::fromTheme(QStringLiteral("emblem-synchronizing")),
                                  tr("Synchronize &All Now"), this);
    m_syncAllAction->setObjectName(QStringLiteral("synchronizeAllAction"));
    m_syncAllAction->setToolTip(tr("Update every enabled mailbox's offline repository now"));
    connect(m_syncAllAction, &QAction::triggered, m_statusPage, &StatusPage::synchronizeNow);

    const QStringList names = {tr("&Status"), tr("&Mailbox Manager"), tr("&Laptops"), tr("&Users")};
    for (int i = 0; i < names.size(); ++i) {
        auto *action = new QAction(names.at(i), this);
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
        m_pageActions << action;
    }
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_signInAction);
    file->addAction(m_signOutAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *group = new QActionGroup(this);
    for (QAction *action : std::as_const(m_pageActions)) {
        group->addAction(action);
        view->addAction(action);
    }
    view->addSeparator();
    view->addAction(m_refreshAction);

    QMenu *mailbox = menuBar()->addMenu(tr("&Mailbox"));
    mailbox->addAction(m_mailboxPage->addMailboxAction());
    mailbox->addSeparator();
    mailbox->addActions(m_mailboxPage->mailboxActions());

    QMenu *offline = menuBar()->addMenu(tr("&Offline Archive"));
    offline->addAction(m_syncAllAction);
    offline->addAction(m_configureAction);

    QMenu *laptops = menuBar()->addMenu(tr("&Laptops"));
    laptops->addAction(m_laptopsPage->revokeAction());

    QMenu *users = menuBar()->addMenu(tr("U&sers"));
    users->addAction(m_usersPage->newUserAction());
    users->addAction(m_usersPage->resetPasswordAction());
    users->addAction(m_usersPage->toggleRoleAction());
    users->addAction(m_usersPage->deleteUserAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ArchiveSync Admin"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addAction(m_refreshAction);
    toolbar->addSeparator();
    toolbar->addAction(m_mailboxPage->addMailboxAction());
    toolbar->addAction(m_mailboxPage->propertiesAction());
    toolbar->addAction(m_mailboxPage->synchronizeAction());
    toolbar->addAction(m_mailboxPage->flushAction());
    toolbar->addSeparator();
    toolbar->addAction(m_syncAllAction);
    toolbar->addAction(m_configureAction);
}

void MainWindow::setConfirm(const ConfirmFunction &confirm)
{
    m_mailboxPage->setConfirm(confirm);
    m_laptopsPage->setConfirm(confirm);
    m_usersPage->setConfirm(confirm);
}

void MainWindow::setRefreshInterval(int msecs)
{
    m_refreshInterval = msecs;
    if (msecs <= 0)
        m_refreshTimer->stop();
    else if (m_session.isSignedIn())
        m_refreshTimer->start(msecs);
}

void MainWindow::showPage(Page page)
{
    QTreeWidgetItem *root = m_nav->topLevelItem(0);
    m_nav->setCurrentItem(root->child(int(page)));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::onPageChanged()
{
    QTreeWidgetItem *item = m_nav->currentItem();
    if (!item || !item->data(0, Qt::UserRole).isValid())
        return;
    const int index = item->data(0, Qt::UserRole).toInt();
    m_pages->setCurrentIndex(index);
    m_pageActions.at(index)->setChecked(true);
    const bool mailboxes = index == int(Page::MailboxManager);
    for (QAction *action : m_mailboxPage->mailboxActions())
        action->setVisible(mailboxes);
    m_mailboxPage->addMailboxAction()->setVisible(mailboxes);
    refresh();
}

void MainWindow::refresh()
{
    if (!m_session.isSignedIn())
        return;
    switch (currentPage()) {
    case Page::Status:
        m_statusPage->refresh();
        break;
    case Page::MailboxManager:
        m_mailboxPage->refresh();
        break;
    case Page::Laptops:
        m_laptopsPage->refresh();
        break;
    case Page::Users:
        m_usersPage->refresh();
        break;
    }
    m_updated->setText(
        tr("Updated %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))));
    // While a job runs, follow its progress closely; otherwise the normal interval.
    if (m_refreshInterval > 0)
        m_refreshTimer->start(m_statusPage->isActive() && currentPage() == Page::Status ? 2000
                                                                                        : m_refreshInterval);
}

void MainWindow::refreshAll()
{
    if (!m_session.isSignedIn())
        return;
    m_statusPage->refresh();
    m_mailboxPage->refresh();
    m_laptopsPage->refresh();
    m_usersPage->refresh();
    refresh();
}

void MainWindow::start()
{
    const QSettings settings;
    if (!settings.value(QStringLiteral("signIn/keepSignedIn"), false).toBool()) {
        signIn();
        return;
    }
    const QUrl server(settings.value(QStringLiteral("signIn/server")).toString());
    const QString username = settings.value(QStringLiteral("signIn/user")).toString();
    m_tokens->load(server.toString(), username, [this, server](std::optional<QString> token) {
        if (!token) {
            signIn();
            return;
        }
        m_session.setServer(server);
        m_session.client().setToken(*token);
        m_session.client().whoAmI(m_session.track(this, [this, token](ApiResult<Api::Me> me) {
            if (!me || me->role != Api::Role::Admin) {
                qCInfo(lcAdmin) << "the kept session is no longer valid; signing in again";
                m_session.client().setToken({});
                signIn();
                return;
            }
            Api::Session session;
            session.token = *token;
            session.username = me->username;
            session.role = me->role;
            m_session.setSession(session);
            refreshAll();
        }));
    });
}

void MainWindow::signIn()
{
    auto *dialog = new SignInDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->keepSignedIn())
            m_tokens->save(m_session.server().toString(), m_session.session().username,
                           m_session.session().token);
        refreshAll();
    });
    dialog->open();
}

void MainWindow::signOut()
{
    if (m_session.isSignedIn())
        m_tokens->remove(m_session.server().toString(), m_session.session().username);
    m_session.signOut();
    m_refreshTimer->stop();
    signIn();
}

void MainWindow::updateConnectionLabel()
{
    const bool signedIn = m_session.isSignedIn();
    m_connection->setText(
        signedIn ? tr("Connected to %1 as %2")
                       .arg(m_session.server().toString(QUrl::RemoveUserInfo), m_session.session().username)
                 : tr("Not signed in"));
    m_signOutAction->setEnabled(signedIn);
    m_refreshAction->setEnabled(signedIn);
    setWindowTitle(signedIn ? tr("ArchiveSync Admin — %1").arg(m_session.server().host())
                            : tr("ArchiveSync Admin"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About ArchiveSync Admin"),
        tr("<h3>ArchiveSync Admin %1</h3><p>The administration console of ArchiveSync: offline "
           "synchronization of the mail archive to laptops.</p>")
            .arg(QApplication::applicationVersion()));
}

} // namespace ArchiveSync
