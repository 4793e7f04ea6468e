// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/schedule/Schedule.h"

#include <QDialog>
#include <QTimeZone>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTimeEdit;

namespace ArchiveSync {

/// \brief When the offline repositories are updated: daily at one or more times, weekly on chosen days,
/// or every N hours, with the next five runs previewed by the same rules the service uses
/// (Schedule::nextRuns, in the service's time zone).
class ScheduleDialog : public QDialog
{
    Q_OBJECT

public:
    /// `clock` gives "now" for the preview (injected so tests see fixed runs).
    ScheduleDialog(const Clock &clock, QWidget *parent = nullptr);

    void setSchedule(const Schedule &schedule);
    /// The zone the service reads the schedule in; the preview is computed and shown in it.
    void setTimeZone(const QTimeZone &zone);
    /// The schedule as entered, or why it is not valid.
    Result<Schedule> schedule() const;
    /// The preview's lines, as shown.
    QStringList previewLines() const;

private:
    void updatePreview();
    QList<QTime> dailyTimes() const;

    const Clock &m_clock;
    QTimeZone m_zone;
    QRadioButton *m_daily;
    QRadioButton *m_weekly;
    QRadioButton *m_every;
    QStackedWidget *m_pages;
    QListWidget *m_dailyTimes;
    QTimeEdit *m_dailyTime;
    QPushButton *m_addTime;
    QPushButton *m_removeTime;
    QList<QCheckBox *> m_days;
    QTimeEdit *m_weeklyTime;
    QSpinBox *m_hours;
    QListWidget *m_preview;
    QLabel *m_problem;
    QLabel *m_zoneLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace ArchiveSync
