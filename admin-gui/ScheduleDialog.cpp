// SPDX-License-Identifier: Apache-2.0
#include "ScheduleDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace ArchiveSync {

namespace {
constexpr int kPreviewRuns = 5;
const QString kTimeFormat = QStringLiteral("HH:mm");
} // namespace

ScheduleDialog::ScheduleDialog(const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_zone(clock.timeZone())
    , m_daily(new QRadioButton(tr("&Daily"), this))
    , m_weekly(new QRadioButton(tr("&Weekly"), this))
    , m_every(new QRadioButton(tr("&Every few hours"), this))
    , m_pages(new QStackedWidget(this))
    , m_dailyTimes(new QListWidget(this))
    , m_dailyTime(new QTimeEdit(QTime(6, 0), this))
    , m_addTime(new QPushButton(tr("&Add Time"), this))
    , m_removeTime(new QPushButton(tr("&Remove Time"), this))
    , m_weeklyTime(new QTimeEdit(QTime(6, 0), this))
    , m_hours(new QSpinBox(this))
    , m_preview(new QListWidget(this))
    , m_problem(new QLabel(this))
    , m_zoneLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("scheduleDialog"));
    setWindowTitle(tr("Schedule"));
    m_daily->setObjectName(QStringLiteral("dailyRadio"));
    m_weekly->setObjectName(QStringLiteral("weeklyRadio"));
    m_every->setObjectName(QStringLiteral("everyRadio"));
    m_dailyTimes->setObjectName(QStringLiteral("dailyTimesList"));
    m_dailyTime->setObjectName(QStringLiteral("dailyTimeEdit"));
    m_dailyTime->setDisplayFormat(kTimeFormat);
    m_addTime->setObjectName(QStringLiteral("addTimeButton"));
    m_removeTime->setObjectName(QStringLiteral("removeTimeButton"));
    m_weeklyTime->setObjectName(QStringLiteral("weeklyTimeEdit"));
    m_weeklyTime->setDisplayFormat(kTimeFormat);
    m_hours->setObjectName(QStringLiteral("hoursSpin"));
    m_hours->setRange(1, 24);
    m_hours->setValue(4);
    m_hours->setPrefix(tr("every "));
    m_hours->setSuffix(tr(" hours"));
    m_preview->setObjectName(QStringLiteral("previewList"));
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_problem->setObjectName(QStringLiteral("scheduleProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_problem->setWordWrap(true);

    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_daily, int(Schedule::Kind::Daily));
    kinds->addButton(m_weekly, int(Schedule::Kind::Weekly));
    kinds->addButton(m_every, int(Schedule::Kind::EveryNHours));
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_daily);
    kindRow->addWidget(m_weekly);
    kindRow->addWidget(m_every);
    kindRow->addStretch();

    // Daily: a list of times.
    auto *dailyPage = new QWidget(m_pages);
    auto *dailyLayout = new QGridLayout(dailyPage);
    dailyLayout->setContentsMargins(0, 0, 0, 0);
    auto *dailyLabel = new QLabel(tr("Run every day &at:"), dailyPage);
    dailyLabel->setBuddy(m_dailyTime);
    dailyLayout->addWidget(dailyLabel, 0, 0);
    dailyLayout->addWidget(m_dailyTime, 0, 1);
    dailyLayout->addWidget(m_addTime, 0, 2);
    dailyLayout->addWidget(m_dailyTimes, 1, 0, 1, 2);
    dailyLayout->addWidget(m_removeTime, 1, 2, Qt::AlignTop);
    m_dailyTimes->setMaximumHeight(90);

    // Weekly: days and one time.
    auto *weeklyPage = new QWidget(m_pages);
    auto *weeklyLayout = new QVBoxLayout(weeklyPage);
    weeklyLayout->setContentsMargins(0, 0, 0, 0);
    auto *dayRow = new QHBoxLayout;
    const QLocale locale;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *check = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), weeklyPage);
        check->setObjectName(QStringLiteral("day%1Check").arg(day));
        dayRow->addWidget(check);
        m_days.append(check);
        connect(check, &QCheckBox::toggled, this, &ScheduleDialog::updatePreview);
    }
    dayRow->addStretch();
    weeklyLayout->addLayout(dayRow);
    auto *weeklyForm = new QFormLayout;
    weeklyForm->addRow(tr("At &time:"), m_weeklyTime);
    weeklyLayout->addLayout(weeklyForm);
    weeklyLayout->addStretch();

    // Every N hours.
    auto *everyPage = new QWidget(m_pages);
    auto *everyForm = new QFormLayout(everyPage);
    everyForm->setContentsMargins(0, 0, 0, 0);
    everyForm->addRow(tr("Run &hourly:"), m_hours);
    auto *everyNote = new QLabel(tr("Runs start at midnight and repeat through the day."), everyPage);
    everyNote->setEnabled(false);
    everyForm->addRow(everyNote);

    m_pages->addWidget(dailyPage);
    m_pages->addWidget(weeklyPage);
    m_pages->addWidget(everyPage);

    auto *when = new QGroupBox(tr("When to update the offline repositories"), this);
    auto *whenLayout = new QVBoxLayout(when);
    whenLayout->addLayout(kindRow);
    whenLayout->addWidget(m_pages);

    auto *preview = new QGroupBox(tr("Next five runs"), this);
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->addWidget(m_preview);
    previewLayout->addWidget(m_zoneLabel);
    m_preview->setMinimumHeight(110);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(when);
    layout->addWidget(preview);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(kinds, &QButtonGroup::idToggled, this, [this](int id, bool on) {
        if (!on)
            return;
        m_pages->setCurrentIndex(id);
        updatePreview();
    });
    connect(m_addTime, &QPushButton::clicked, this, [this] {
        const QString text = m_dailyTime->time().toString(kTimeFormat);
        if (m_dailyTimes->findItems(text, Qt::MatchExactly).isEmpty())
            m_dailyTimes->addItem(text);
        m_dailyTimes->sortItems();
        updatePreview();
    });
    connect(m_removeTime, &QPushButton::clicked, this, [this] {
        delete m_dailyTimes->currentItem();
        updatePreview();
    });
    connect(m_dailyTimes, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeTime->setEnabled(row >= 0); });
    connect(m_weeklyTime, &QTimeEdit::timeChanged, this, &ScheduleDialog::updatePreview);
    connect(m_hours, &QSpinBox::valueChanged, this, &ScheduleDialog::updatePreview);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setSchedule(Schedule());
    resize(520, 460);
}

void ScheduleDialog::setSchedule(const Schedule &schedule)
{
    m_dailyTimes->clear();
    for (QCheckBox *day : std::as_const(m_days))
        day->setChecked(false);
    switch (schedule.kind()) {
    case Schedule::Kind::Daily:
        for (const QTime &time : schedule.times())
            m_dailyTimes->addItem(time.toString(kTimeFormat));
        m_daily->setChecked(true);
        break;
    case Schedule::Kind::Weekly:
        for (Qt::DayOfWeek day : schedule.days())
            m_days.at(int(day) - 1)->setChecked(true);
        m_weeklyTime->setTime(schedule.time());
        m_weekly->setChecked(true);
        break;
    case Schedule::Kind::EveryNHours:
        m_hours->setValue(schedule.hours());
        m_every->setChecked(true);
        break;
    }
    m_pages->setCurrentIndex(int(schedule.kind()));
    m_removeTime->setEnabled(false);
    updatePreview();
}

void ScheduleDialog::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : m_clock.timeZone();
    updatePreview();
}

QList<QTime> ScheduleDialog::dailyTimes() const
{
    QList<QTime> times;
    for (int row = 0; row < m_dailyTimes->count(); ++row)
        times << QTime::fromString(m_dailyTimes->item(row)->text(), kTimeFormat);
    return times;
}

Result<Schedule> ScheduleDialog::schedule() const
{
    if (m_daily->isChecked()) {
        if (m_dailyTimes->count() == 0)
            return Error::invalid(tr("Add at least one time of day."), QStringLiteral("times"));
        return Schedule::daily(dailyTimes());
    }
    if (m_weekly->isChecked()) {
        QList<Qt::DayOfWeek> days;
        for (int i = 0; i < m_days.size(); ++i) {
            if (m_days.at(i)->isChecked())
                days << Qt::DayOfWeek(i + 1);
        }
        if (days.isEmpty())
            return Error::invalid(tr("Choose at least one day of the week."), QStringLiteral("days"));
        return Schedule::weekly(days, m_weeklyTime->time());
    }
    return Schedule::everyNHours(m_hours->value());
}

QStringList ScheduleDialog::previewLines() const
{
    QStringList lines;
    for (int row = 0; row < m_preview->count(); ++row)
        lines << m_preview->item(row)->text();
    return lines;
}

void ScheduleDialog::updatePreview()
{
    m_preview->clear();
    const Result<Schedule> s = schedule();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(s.ok());
    m_problem->setText(s.ok() ? QString() : s.errorString());
    m_problem->setVisible(!s.ok());
    m_zoneLabel->setText(tr("Times in the service's time zone, %1.").arg(QString::fromUtf8(m_zone.id())));
    if (!s.ok())
        return;
    const QLocale locale;
    for (const QDateTime &run : s->nextRuns(m_clock.now(), m_zone, kPreviewRuns)) {
        const QDateTime there = run.toTimeZone(m_zone);
        m_preview->addItem(
            QStringLiteral("%1  %2").arg(locale.toString(there.date(), QStringLiteral("ddd yyyy-MM-dd")),
                                         there.time().toString(kTimeFormat)));
    }
}

} // namespace ArchiveSync
