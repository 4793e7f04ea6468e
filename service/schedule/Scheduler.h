// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/schedule/Schedule.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <optional>

namespace ArchiveSync {

/// \brief Fires a Schedule: says when a repository update is due, including one catch-up after downtime.
///
/// The timer never sleeps longer than a minute, so a suspended machine or a clock jump is noticed
/// within a minute; each wake-up only compares the clock with the planned slot (checkNow()).
class Scheduler : public QObject
{
    Q_OBJECT
public:
    enum class Trigger
    {
        Scheduled, ///< the planned slot arrived while the service was running
        CatchUp,   ///< a slot passed while the service was not running; reported once at start()
    };
    Q_ENUM(Trigger)

    /// The longest the timer sleeps before looking at the clock again.
    static constexpr int maxSleepMsecs = 60 * 1000;

    /// `lastRunSlot` is the slot of the last run that happened (persisted by the caller); nullopt for a
    /// new install, which waits for the next slot instead of catching up.
    Scheduler(const Clock &clock, Schedule schedule, std::optional<QDateTime> lastRunSlot,
              QObject *parent = nullptr);

    /// Reports a missed slot (once, the latest) and starts waiting for the next one.
    void start();
    /// Stops the timer; nextRun() keeps its value.
    void stop();
    bool isActive() const { return m_active; }

    Schedule schedule() const { return m_schedule; }
    /// Replaces the schedule and plans the next slot under it; no catch-up for the new schedule.
    void setSchedule(const Schedule &schedule);

    /// The planned next slot in UTC; invalid before start().
    QDateTime nextRun() const { return m_nextRun; }
    /// The slot of the last runDue() emitted, or the one given at construction; what the caller persists.
    std::optional<QDateTime> lastRunSlot() const { return m_lastRunSlot; }

public slots:
    /// Emits runDue() if the planned slot has come, then plans the next; called by the timer and by tests.
    void checkNow();

signals:
    /// A run is due for `slot` (UTC). Emitted at most once per slot.
    void runDue(const QDateTime &slot, ArchiveSync::Scheduler::Trigger trigger);
    void nextRunChanged(const QDateTime &nextRun);

private:
    /// Plans the first slot strictly after `after` and re-arms the timer.
    void planAfter(const QDateTime &after);
    void armTimer();

    const Clock &m_clock;
    Schedule m_schedule;
    std::optional<QDateTime> m_lastRunSlot;
    QDateTime m_nextRun;
    QTimer m_timer;
    bool m_active = false;
};

} // namespace ArchiveSync
