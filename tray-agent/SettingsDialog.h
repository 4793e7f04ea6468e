// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/OfflineSettings.h"
#include "tray-agent/DesktopPreferences.h"

#include <QDialog>
#include <QMap>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTimeEdit;

namespace ArchiveSync {

class FolderPolicyTree;
class SyncEngine;

/// \brief The agent's settings: account and server, the mailboxes synced with their per-folder
/// choices, bandwidth (with a full-speed time window), pausing on metered networks, and the local
/// copy's place, size and free space, with "Reset local copy".
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// Asks the user to confirm something destructive (a message box; tests answer it).
    using Confirm = std::function<bool(const QString &question)>;

    SettingsDialog(SyncEngine &engine, QString dataDirectory, DesktopPreferences preferences,
                   bool meteredSupported, QWidget *parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    FolderPolicyTree *folderTree() const { return m_tree; }
    DesktopPreferences preferences() const;
    /// Applies every change: folder choices to the engine, preferences to preferencesChanged().
    void apply();
    /// Deletes every local copy (after confirming) and fetches them again.
    void resetLocalCopy();

signals:
    void preferencesChanged(const ArchiveSync::DesktopPreferences &preferences);

private:
    QWidget *accountTab();
    QWidget *foldersTab();
    QWidget *networkTab(bool meteredSupported);
    QWidget *storageTab();
    void showMailbox(const QString &address);
    void updateStorage();

    SyncEngine &m_engine;
    QString m_dataDirectory;
    DesktopPreferences m_preferences;
    Confirm m_confirm;
    QMap<QString, OfflineSettings> m_choices; ///< edited, by address
    QString m_shown;
    QComboBox *m_mailbox = nullptr;
    FolderPolicyTree *m_tree = nullptr;
    QCheckBox *m_limit = nullptr;
    QSpinBox *m_rate = nullptr;
    QCheckBox *m_window = nullptr;
    QTimeEdit *m_from = nullptr;
    QTimeEdit *m_to = nullptr;
    QCheckBox *m_metered = nullptr;
    QLabel *m_storage = nullptr;
};

} // namespace ArchiveSync
