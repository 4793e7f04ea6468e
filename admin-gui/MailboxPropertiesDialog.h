// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace ArchiveSync {

class AdminSession;
class NoticeBar;
class OfflineSettingsDialog;
class StepRunner;

/// \brief A mailbox's Properties: General (name, archive and repository figures), Offline archive
/// synchronization (Enable, Configure… for the defaults or own settings) and Permissions (who may search
/// into it). Everything loads asynchronously; OK applies the changes in order and closes when all went
/// through, or stays open with the service's explanation.
class MailboxPropertiesDialog : public QDialog
{
    Q_OBJECT

public:
    MailboxPropertiesDialog(AdminSession &session, const QString &address, QWidget *parent = nullptr);

    enum Tab
    {
        GeneralTab,
        OfflineTab,
        PermissionsTab,
    };
    void showTab(Tab tab);
    /// Opens "Offline archive synchronization settings" (window-modal; find it as a child).
    void configureOffline();
    /// True once every part has loaded.
    bool isLoaded() const { return m_pendingLoads == 0 && m_loadFailed == false; }
    QStringList permittedUsers() const;

    void accept() override;

signals:
    void loaded();

private:
    void load();
    void loadDone();
    void showOfflineSummary();
    void updateButtons();

    AdminSession &m_session;
    QString m_address;
    QTabWidget *m_tabs;
    NoticeBar *m_notice;
    // General
    QLabel *m_addressLabel;
    QLineEdit *m_displayName;
    QLabel *m_archived;
    QLabel *m_repository;
    // Offline
    QCheckBox *m_enable;
    QLabel *m_offlineSummary;
    QPushButton *m_configure;
    // Permissions
    QListWidget *m_permissions;
    QComboBox *m_userCombo;
    QPushButton *m_grant;
    QPushButton *m_revoke;
    QDialogButtonBox *m_buttons;

    Api::Mailbox m_mailbox;
    Api::MailboxOfflineConfig m_offline;
    OfflineSettings m_defaults;
    QStringList m_originalPermissions;
    QList<Api::User> m_users;
    /// Set when Configure… was accepted: the new "use defaults" and own settings.
    std::optional<std::pair<bool, OfflineSettings>> m_newOffline;
    int m_pendingLoads = 0;
    bool m_loadFailed = false;
    bool m_applying = false;
};

} // namespace ArchiveSync
