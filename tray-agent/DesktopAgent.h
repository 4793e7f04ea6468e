// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "tray-agent/DesktopPreferences.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QApplication;
class QNetworkAccessManager;

namespace ArchiveSync {

class ArchiveWindow;
class Clock;
class HeadlessAgent;
class MessageCipher;
class SettingsDialog;
class SetupWizard;
class SyncEngine;
class TrayController;

/// \brief `archivesync-agent` on a desktop: the running agent (engine and control socket, see
/// HeadlessAgent) with the tray, the first-run wizard, the archive window and the settings.
///
/// One per data directory: a second start hands its link (or "show") to the running one over the
/// control socket and ends.
class DesktopAgent : public QObject
{
    Q_OBJECT

public:
    DesktopAgent(QString dataDirectory, QNetworkAccessManager &network, const MessageCipher &cipher,
                 const Clock &clock, bool useTray, QObject *parent = nullptr);
    ~DesktopAgent() override;

    /// Takes the data directory (lock, socket), starts syncing, or shows the wizard when no account is
    /// set up.
    Status start();

    void showWizard();
    void openArchive();
    void openSearch();
    void openSettings();
    /// An archivesync:// link: opens the message in the archive window.
    Status openLink(const QString &link);

    HeadlessAgent &agent() const { return *m_agent; }
    SyncEngine *engine() const;
    TrayController &tray() const { return *m_tray; }
    SetupWizard *wizard() const;
    ArchiveWindow *archiveWindow() const;
    SettingsDialog *settingsDialog() const;
    QString lastLink() const { return m_lastLink; }

    /// Whether these arguments (after the program name) start the desktop app rather than a command:
    /// none, or only --data-dir DIR, --no-tray, --show WINDOW and a link.
    static bool isDesktopStart(const QStringList &args);
    /// The desktop app's main(): hand-over to a running agent, or start one and run the event loop.
    static int run(QApplication &app, const QStringList &args);

signals:
    /// The agent should end with this exit code (Quit, or the device was revoked).
    void finished(int exitCode);

private:
    Status handleDesktopCommand(const QJsonObject &request);
    void onEngineStarted();
    void applyPreferences();
    void onMeteredChanged(bool metered);

    QString m_dataDirectory;
    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    std::unique_ptr<HeadlessAgent> m_agent;
    TrayController *m_tray = nullptr;
    QPointer<SetupWizard> m_wizard;
    QPointer<ArchiveWindow> m_archive;
    QPointer<SettingsDialog> m_settings;
    DesktopPreferences m_preferences;
    QTimer m_windowCheck; ///< the full-speed window's edges
    bool m_pausedForMetered = false;
    QString m_lastLink;
    QString m_pendingLink;
};

} // namespace ArchiveSync
