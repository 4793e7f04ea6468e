// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/OfflineSettings.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;

namespace ArchiveSync {

class OfflineSettingsEditor;

/// \brief "Offline archive synchronization settings" for one mailbox: the defaults, or its own settings.
///
/// With "Use defaults" on, the form shows the defaults read-only; turning it off starts the mailbox's own
/// settings from what is shown. OK stays disabled while the own settings are invalid.
class OfflineSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    OfflineSettingsDialog(const QString &mailbox, QWidget *parent = nullptr);

    /// The service's defaults, and the mailbox's own settings when it has them.
    void setSettings(const OfflineSettings &defaults, bool useDefaults, const OfflineSettings &own);

    bool useDefaults() const;
    /// The mailbox's own settings as entered (meaningful when useDefaults() is false).
    Result<OfflineSettings> settings() const;

    OfflineSettingsEditor *editor() const { return m_editor; }

private:
    void updateState();

    QCheckBox *m_useDefaults;
    OfflineSettingsEditor *m_editor;
    QDialogButtonBox *m_buttons;
    OfflineSettings m_defaults;
    OfflineSettings m_own;
};

} // namespace ArchiveSync
