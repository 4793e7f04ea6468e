// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/sync/SyncStatus.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace ArchiveSync {

class Clock;
class StatusWindow;

/// \brief The agent's face on the desktop: the tray icon (one icon per state), its tooltip and menu,
/// and notifications; a small status window where no system tray runs.
///
/// It only shows status and asks for things (signals); the DesktopAgent does them.
class TrayController : public QObject
{
    Q_OBJECT

public:
    /// useTray false: the status window even where a tray exists (tests, screenshots).
    TrayController(const Clock &clock, bool useTray, QObject *parent = nullptr);
    ~TrayController() override;

    void setStatus(const AgentSyncStatus &status);
    const AgentSyncStatus &status() const { return m_status; }
    /// Shows a notification: a tray balloon, or a line in the status window.
    void notify(const QString &title, const QString &message, bool isError);
    QString lastNotification() const { return m_lastNotification; }

    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    StatusWindow *statusWindow() const { return m_window; }
    /// The status window is shown (no tray); with a tray, nothing.
    void showWindow();

    /// When "Pause until tomorrow" ends: tomorrow 08:00 local time.
    QDateTime tomorrowMorning() const;

signals:
    void syncNowRequested();
    void pauseRequested(const QDateTime &until);
    void resumeRequested();
    void openArchiveRequested();
    void searchRequested();
    void settingsRequested();
    void setupRequested();
    void quitRequested();

private:
    QAction *addAction(const QString &objectName, const QString &text);
    void rebuildStatusLines();

    const Clock &m_clock;
    AgentSyncStatus m_status;
    bool m_hadInitialSync = false;
    QMenu *m_menu = nullptr;
    QMenu *m_pauseMenu = nullptr;
    QAction *m_headline = nullptr;
    QAction *m_linesEnd = nullptr;
    QList<QAction *> m_lines;
    QAction *m_setup = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_pauseHour = nullptr;
    QAction *m_pauseTomorrow = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_openArchive = nullptr;
    QAction *m_search = nullptr;
    QAction *m_settings = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    StatusWindow *m_window = nullptr;
    QString m_lastNotification;
};

} // namespace ArchiveSync
