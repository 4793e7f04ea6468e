// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/TrayController.h"

#include "core/common/Clock.h"
#include "core/sync/SyncLogging.h"
#include "tray-agent/StatusText.h"
#include "tray-agent/StatusWindow.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

namespace ArchiveSync {

TrayController::TrayController(const Clock &clock, bool useTray, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_headline = m_menu->addAction(QString());
    m_headline->setObjectName(QStringLiteral("statusHeadline"));
    m_headline->setEnabled(false);
    m_linesEnd = m_menu->addSeparator();
    m_setup = addAction(QStringLiteral("actionSetup"), tr("Set up this laptop…"));
    connect(m_setup, &QAction::triggered, this, &TrayController::setupRequested);
    m_syncNow = addAction(QStringLiteral("actionSyncNow"), tr("Sync now"));
    connect(m_syncNow, &QAction::triggered, this, &TrayController::syncNowRequested);
    m_pauseMenu = m_menu->addMenu(tr("Pause"));
    m_pauseMenu->setObjectName(QStringLiteral("pauseMenu"));
    m_pauseHour = m_pauseMenu->addAction(tr("For 1 hour"));
    m_pauseHour->setObjectName(QStringLiteral("actionPauseHour"));
    connect(m_pauseHour, &QAction::triggered, this,
            [this] { emit pauseRequested(m_clock.now().addSecs(3600)); });
    m_pauseTomorrow = m_pauseMenu->addAction(tr("Until tomorrow"));
    m_pauseTomorrow->setObjectName(QStringLiteral("actionPauseTomorrow"));
    connect(m_pauseTomorrow, &QAction::triggered, this, [this] { emit pauseRequested(tomorrowMorning()); });
    m_resume = addAction(QStringLiteral("actionResume"), tr("Resume"));
    connect(m_resume, &QAction::triggered, this, &TrayController::resumeRequested);
    m_menu->addSeparator();
    m_openArchive = addAction(QStringLiteral("actionOpenArchive"), tr("Open archive…"));
    connect(m_openArchive, &QAction::triggered, this, &TrayController::openArchiveRequested);
    m_search = addAction(QStringLiteral("actionSearch"), tr("Search…"));
    connect(m_search, &QAction::triggered, this, &TrayController::searchRequested);
    m_settings = addAction(QStringLiteral("actionSettings"), tr("Settings…"));
    connect(m_settings, &QAction::triggered, this, &TrayController::settingsRequested);
    m_menu->addSeparator();
    QAction *quit = addAction(QStringLiteral("actionQuit"), tr("Quit"));
    connect(quit, &QAction::triggered, this, &TrayController::quitRequested);

    if (useTray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                emit m_status.state == SyncState::NotConfigured ? setupRequested() : openArchiveRequested();
        });
        m_tray->show();
    } else {
        qCInfo(lcAgent) << "no system tray: showing the status window";
        m_window = new StatusWindow(m_menu);
    }
    setStatus(AgentSyncStatus{});
}

TrayController::~TrayController()
{
    delete m_window;
    if (m_tray)
        m_tray->setContextMenu(nullptr);
    delete m_menu;
}

QAction *TrayController::addAction(const QString &objectName, const QString &text)
{
    QAction *action = m_menu->addAction(text);
    action->setObjectName(objectName);
    return action;
}

QDateTime TrayController::tomorrowMorning() const
{
    const QDateTime local = m_clock.now().toTimeZone(m_clock.timeZone());
    return QDateTime(local.date().addDays(1), QTime(8, 0), m_clock.timeZone()).toUTC();
}

void TrayController::showWindow()
{
    if (m_window)
        m_window->show();
}

void TrayController::rebuildStatusLines()
{
    for (QAction *line : std::as_const(m_lines)) {
        m_menu->removeAction(line);
        delete line;
    }
    m_lines.clear();
    for (const MailboxSyncStatus &m : std::as_const(m_status.mailboxes)) {
        auto *line = new QAction(StatusText::mailboxLine(m), m_menu);
        line->setObjectName(QStringLiteral("statusLine"));
        line->setEnabled(false);
        m_menu->insertAction(m_linesEnd, line);
        m_lines.append(line);
    }
    if (m_status.safeToDisconnect()) {
        auto *line = new QAction(
            tr("Archive as of %1 — safe to disconnect").arg(StatusText::timeText(m_status.asOf())), m_menu);
        line->setObjectName(QStringLiteral("safeToDisconnect"));
        line->setEnabled(false);
        m_menu->insertAction(m_linesEnd, line);
        m_lines.append(line);
    }
}

void TrayController::setStatus(const AgentSyncStatus &status)
{
    const AgentSyncStatus before = m_status;
    m_status = status;
    const bool configured = status.state != SyncState::NotConfigured || !status.server.isEmpty();
    const bool paused = status.state == SyncState::Paused || status.pausedUntil.isValid();
    m_headline->setText(StatusText::headline(status));
    m_setup->setVisible(!configured);
    m_syncNow->setEnabled(configured && !paused);
    m_pauseMenu->menuAction()->setVisible(configured && !paused);
    m_resume->setVisible(configured && paused);
    m_openArchive->setEnabled(configured);
    m_search->setEnabled(configured);
    m_settings->setEnabled(configured);
    rebuildStatusLines();

    const QIcon icon(StatusText::iconPath(status.state));
    const QString tooltip = StatusText::tooltip(status);
    if (m_tray) {
        m_tray->setIcon(icon);
        m_tray->setToolTip(tooltip);
    }
    if (m_window)
        m_window->setStatus(icon, StatusText::headline(status), tooltip);

    // Notifications: a mailbox newly failing; every copy complete for the first time.
    for (const MailboxSyncStatus &m : status.mailboxes) {
        if (m.state != SyncState::Error)
            continue;
        const bool wasError =
            std::any_of(before.mailboxes.cbegin(), before.mailboxes.cend(), [&m](const auto &b) {
                return b.address == m.address && b.state == SyncState::Error &&
                       b.errorMessage == m.errorMessage;
            });
        if (!wasError)
            notify(tr("ArchiveSync cannot sync %1").arg(m.address), m.errorMessage, true);
    }
    const bool initialRunning = std::any_of(status.mailboxes.cbegin(), status.mailboxes.cend(),
                                            [](const MailboxSyncStatus &m) { return m.generation == 0; });
    if (initialRunning)
        m_hadInitialSync = true;
    if (m_hadInitialSync && status.safeToDisconnect()) {
        m_hadInitialSync = false;
        notify(tr("Your archive is ready offline"),
               tr("The initial sync has finished: the archive is on this laptop, as of %1.")
                   .arg(StatusText::timeText(status.asOf())),
               false);
    }
}

void TrayController::notify(const QString &title, const QString &message, bool isError)
{
    m_lastNotification = title + QLatin1Char('\n') + message;
    qCInfo(lcAgent) << "notification:" << title << message;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, message,
                            isError ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    if (m_window)
        m_window->setNotice(title + QStringLiteral(": ") + message);
}

} // namespace ArchiveSync
