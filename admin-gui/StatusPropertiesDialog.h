// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/model/OfflineSettings.h"
#include "core/schedule/Schedule.h"

#include <QDialog>
#include <QTimeZone>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace ArchiveSync {

class AdminSession;
class NoticeBar;
class OfflineSettingsEditor;

/// \brief Status properties, Offline Archive tab: the default offline settings, the update schedule
/// (Schedule…) and Synchronize now. OK saves what changed.
class StatusPropertiesDialog : public QDialog
{
    Q_OBJECT

public:
    StatusPropertiesDialog(AdminSession &session, const Clock &clock, QWidget *parent = nullptr);

    OfflineSettingsEditor *defaultsEditor() const { return m_editor; }
    /// Opens the Schedule dialog (window-modal; find it as a child).
    void editSchedule();
    void synchronizeNow();
    bool isLoaded() const { return m_pendingLoads == 0 && !m_loadFailed; }
    /// The schedule as it will be saved.
    Schedule schedule() const { return m_newSchedule.value_or(m_schedule); }

    void accept() override;

signals:
    void loaded();
    /// Synchronize now was accepted by the service.
    void synchronizationStarted();

private:
    void loadDone();
    void showSchedule();
    void updateButtons();

    AdminSession &m_session;
    const Clock &m_clock;
    QTabWidget *m_tabs;
    OfflineSettingsEditor *m_editor;
    QLabel *m_scheduleText;
    QPushButton *m_scheduleButton;
    QPushButton *m_syncButton;
    NoticeBar *m_notice;
    QDialogButtonBox *m_buttons;
    OfflineSettings m_defaults;
    Schedule m_schedule;
    QTimeZone m_zone;
    std::optional<Schedule> m_newSchedule;
    int m_pendingLoads = 0;
    bool m_loadFailed = false;
    bool m_applying = false;
};

} // namespace ArchiveSync
