// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/OfflineSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ArchiveSync {

/// \brief Every offline setting as a form: the content window, folder policies (with "apply to all
/// subfolders"), the size limit for whole messages, the agents' check interval and cache cap.
///
/// Used by the mailbox override dialog and by the defaults on Status properties. Invalid input is shown
/// next to the form in plain words (the same rules the service applies, from OfflineSettings::validate).
class OfflineSettingsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit OfflineSettingsEditor(QWidget *parent = nullptr);

    void setSettings(const OfflineSettings &settings);
    /// The settings as entered, or why they are not valid.
    Result<OfflineSettings> settings() const;
    bool isValid() const { return settings().ok(); }

    /// Read-only shows the values greyed out (e.g. while "Use defaults" is on).
    void setReadOnly(bool readOnly);

    static QString policyText(FolderPolicy policy);

signals:
    void changed();

private:
    void addFolderRow(const QString &folder, FolderPolicy policy, bool subfolders);
    void updateValidation();
    void updateButtons();

    QSpinBox *m_contentWindow;
    QComboBox *m_defaultPolicy;
    QTableWidget *m_folders;
    QPushButton *m_addFolder;
    QPushButton *m_removeFolder;
    QLineEdit *m_maxWholeSize;
    QSpinBox *m_checkInterval;
    QCheckBox *m_limitCache;
    QLineEdit *m_maxCacheSize;
    QLabel *m_validation;
    bool m_readOnly = false;
    bool m_loading = false;
};

} // namespace ArchiveSync
