// SPDX-License-Identifier: Apache-2.0
#include "service/schedule/Scheduler.h"

#include "core/common/Logging.h"

#include <algorithm>

namespace ArchiveSync {

Scheduler::Scheduler(const Clock &clock, Schedule schedule, std::optional<QDateTime> lastRunSlot,
                     QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_schedule(std::move(schedule))
    , m_lastRunSlot(std::move(lastRunSlot))
    , m_timer(this)
{
    m_timer.setObjectName(QStringLiteral("ArchiveSync.Scheduler.timer"));
    m_timer.setSingleShot(true);
    // Precision to the second is not needed, and a coarse timer lets the system batch wake-ups.
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::checkNow);
}

void Scheduler::start()
{
    if (m_active)
        return;
    m_active = true;
    const QDateTime now = m_clock.now();

    QDateTime missed;
    if (m_lastRunSlot) {
        // A last slot in the future means the clock was set back. It is not used to hold runs back:
        // repeating an update is harmless, while waiting for a wrong future date could stop updates
        // for a long time.
        if (*m_lastRunSlot > now)
            qCWarning(lcSchedule) << "last run slot" << m_lastRunSlot->toString(Qt::ISODate)
                                  << "is in the future; the clock may have been set back";
        const QDateTime latest = m_schedule.lastRunAtOrBefore(now, m_clock.timeZone());
        if (latest.isValid() && latest > *m_lastRunSlot)
            missed = latest;
    }

    // Plan before emitting so that a handler sees the new nextRun() and re-entry cannot fire twice.
    planAfter(now);
    if (missed.isValid()) {
        qCInfo(lcSchedule) << "catching up the repository update for" << missed.toString(Qt::ISODate)
                           << "missed while the service was not running; the last run was for"
                           << m_lastRunSlot->toString(Qt::ISODate);
        m_lastRunSlot = missed;
        emit runDue(missed, Trigger::CatchUp);
    }
}

void Scheduler::stop()
{
    m_active = false;
    m_timer.stop();
}

void Scheduler::setSchedule(const Schedule &schedule)
{
    m_schedule = schedule;
    if (m_active || m_nextRun.isValid())
        planAfter(m_clock.now());
}

void Scheduler::checkNow()
{
    if (!m_active || !m_nextRun.isValid())
        return;
    const QDateTime now = m_clock.now();
    if (now < m_nextRun) {
        armTimer();
        return;
    }

    // After a suspend or a clock jump several slots may have passed. One run covers them all, and it is
    // reported for the latest of them: the caller persists that slot as lastRunSlot, and an older one
    // would make the next start() catch up a slot this run already covered.
    QDateTime slot = m_schedule.lastRunAtOrBefore(now, m_clock.timeZone());
    if (!slot.isValid() || slot < m_nextRun)
        slot = m_nextRun;
    if (slot != m_nextRun)
        qCInfo(lcSchedule) << "slots from" << m_nextRun.toString(Qt::ISODate) << "to"
                           << slot.toString(Qt::ISODate) << "passed unnoticed (suspend or clock change);"
                           << "running once";
    qCInfo(lcSchedule) << "repository update due for" << slot.toString(Qt::ISODate);
    m_lastRunSlot = slot;
    // The next slot is strictly after now (>= slot), so a long gap does not fire a burst.
    planAfter(now);
    emit runDue(slot, Trigger::Scheduled);
}

void Scheduler::planAfter(const QDateTime &after)
{
    const QDateTime next = m_schedule.nextRunAfter(after, m_clock.timeZone());
    if (!next.isValid())
        qCWarning(lcSchedule) << "no next run for schedule" << m_schedule.toString() << "after"
                              << after.toString(Qt::ISODate);
    if (next != m_nextRun) {
        m_nextRun = next;
        emit nextRunChanged(m_nextRun);
    }
    armTimer();
}

void Scheduler::armTimer()
{
    if (!m_active || !m_nextRun.isValid()) {
        m_timer.stop();
        return;
    }
    // Never sleep past a minute: timers do not count time spent suspended, and the wall clock may jump.
    const qint64 untilNext = m_clock.now().msecsTo(m_nextRun);
    m_timer.start(int(std::clamp<qint64>(untilNext, 0, maxSleepMsecs)));
}

} // namespace ArchiveSync
