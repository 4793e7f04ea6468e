// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QTimeZone>

namespace ArchiveSync {

/// \brief When the service updates the offline repositories: daily, weekly or every N hours, in local time.
///
/// A value type without service dependencies, so the admin app can preview runs with the same rules.
/// Slots are wall-clock times in a zone; around DST changes they resolve to instants like this:
/// - a wall time that does not exist (spring forward) runs at the first instant after the gap
///   (02:30 on 2026-03-29 in Europe/Berlin runs at 03:00 CEST);
/// - a wall time that occurs twice (fall back) runs once, at its first occurrence
///   (02:30 on 2026-10-25 in Europe/Berlin runs at 02:30 CEST, not again at 02:30 CET);
/// - every-N-hours follows the same wall-clock rule: the slots are 00:00, N, 2N, ... (< 24:00) local time
///   each day, so hourly runs skip the repeated hour of a fall-back night (a two-hour pause in elapsed
///   time) and the 02:00 slot of a spring-forward night coincides with 03:00 (one run, not two).
/// Several slots resolving to the same instant run once.
class Schedule
{
public:
    enum class Kind
    {
        Daily,       ///< one or more times of day
        Weekly,      ///< a set of weekdays at one time of day
        EveryNHours, ///< at local midnight and every N hours after it, restarting each day
    };

    /// Daily at 06:00.
    Schedule();

    /// Daily at the given times (whole minutes; sorted and de-duplicated).
    static Result<Schedule> daily(const QList<QTime> &times);
    /// Weekly on the given days (de-duplicated) at one time (whole minutes).
    static Result<Schedule> weekly(const QList<Qt::DayOfWeek> &days, QTime time);
    /// Every N hours from local midnight, N in 1..24.
    static Result<Schedule> everyNHours(int hours);

    /// Parses the CLI form, case-insensitive: "daily 06:00[,18:00...]", "weekly mon,wed,fri 06:30",
    /// "every 4h" (or "every 4"). Arguments may be split or joined at spaces.
    static Result<Schedule> parse(const QStringList &args);
    /// Parses the JSON form written by toJson(); strict, since it is also the REST API body.
    static Result<Schedule> fromJson(const QJsonObject &json);

    /// The CLI form, e.g. "weekly mon,wed,fri 06:30"; parse(toString().split(' ')) gives an equal schedule.
    QString toString() const;
    /// For people, e.g. "daily at 06:00 and 18:00", "weekly on Mon, Wed, Fri at 06:30", "every 4 hours".
    QString describe() const;
    /// {"kind":"daily","times":[...]}, {"kind":"weekly","days":[...],"time":...} or
    /// {"kind":"every","hours":N}.
    QJsonObject toJson() const;

    Kind kind() const { return m_kind; }
    /// The times of a daily schedule, ascending; empty for other kinds.
    QList<QTime> times() const { return m_times; }
    /// The days of a weekly schedule, Monday first; empty for other kinds.
    QList<Qt::DayOfWeek> days() const { return m_days; }
    /// The time of a weekly schedule; null for other kinds.
    QTime time() const { return m_time; }
    /// N of an every-N-hours schedule; 0 for other kinds.
    int hours() const { return m_hours; }

    /// The first scheduled instant strictly after `after`, read in `zone` (UTC if `zone` is invalid);
    /// in UTC. Invalid if `after` is invalid.
    QDateTime nextRunAfter(const QDateTime &after, const QTimeZone &zone) const;
    /// The latest scheduled instant at or before `at`; in UTC. Used to find a run missed during downtime.
    QDateTime lastRunAtOrBefore(const QDateTime &at, const QTimeZone &zone) const;
    /// The next `count` scheduled instants after `after`, strictly increasing; in UTC.
    QList<QDateTime> nextRuns(const QDateTime &after, const QTimeZone &zone, int count) const;

    bool operator==(const Schedule &other) const = default;

private:
    /// The wall-clock slots on one local date, ascending.
    QList<QTime> slotsOn(QDate date) const;

    Kind m_kind = Kind::Daily;
    QList<QTime> m_times;
    QList<Qt::DayOfWeek> m_days;
    QTime m_time;
    int m_hours = 0;
};

} // namespace ArchiveSync
