// SPDX-License-Identifier: Apache-2.0
#include "core/schedule/Schedule.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace ArchiveSync {

namespace {

constexpr qint64 msecsPerDay = 24LL * 60 * 60 * 1000;

const QString fieldKind = QStringLiteral("kind");
const QString fieldTimes = QStringLiteral("times");
const QString fieldTime = QStringLiteral("time");
const QString fieldDays = QStringLiteral("days");
const QString fieldHours = QStringLiteral("hours");

// Index 0 is Monday, matching Qt::DayOfWeek - 1.
const std::array<QLatin1StringView, 7> dayShortNames = {
    QLatin1StringView("mon"), QLatin1StringView("tue"), QLatin1StringView("wed"), QLatin1StringView("thu"),
    QLatin1StringView("fri"), QLatin1StringView("sat"), QLatin1StringView("sun")};
const std::array<QLatin1StringView, 7> dayLongNames = {
    QLatin1StringView("monday"),   QLatin1StringView("tuesday"), QLatin1StringView("wednesday"),
    QLatin1StringView("thursday"), QLatin1StringView("friday"),  QLatin1StringView("saturday"),
    QLatin1StringView("sunday")};

QString syntaxHint()
{
    return QStringLiteral("expected 'daily HH:MM[,HH:MM...]', 'weekly DAY[,DAY...] HH:MM' or 'every N[h]'");
}

bool isAsciiDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// "H:MM" or "HH:MM", 00:00..23:59. Seconds are not accepted: the CLI and JSON forms cannot express them.
std::optional<QTime> parseTimeOfDay(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 1 || colon > 2 || text.size() != colon + 3)
        return std::nullopt;
    const QStringView hourText = text.first(colon);
    const QStringView minuteText = text.sliced(colon + 1);
    if (!isAsciiDigits(hourText) || !isAsciiDigits(minuteText))
        return std::nullopt;
    const int hour = hourText.toInt();
    const int minute = minuteText.toInt();
    if (hour > 23 || minute > 59)
        return std::nullopt;
    return QTime(hour, minute);
}

Error invalidTime(const QString &token, const QString &field)
{
    return Error::invalid(QStringLiteral("invalid time '%1': expected HH:MM").arg(token), field);
}

std::optional<Qt::DayOfWeek> parseDay(const QString &text)
{
    const QString lower = text.toLower();
    for (std::size_t i = 0; i < dayShortNames.size(); ++i) {
        if (lower == dayShortNames[i] || lower == dayLongNames[i])
            return static_cast<Qt::DayOfWeek>(i + 1);
    }
    return std::nullopt;
}

QString formatTime(QTime time)
{
    return time.toString(QStringLiteral("HH:mm"));
}

QString dayName(Qt::DayOfWeek day)
{
    return QString(dayShortNames[static_cast<std::size_t>(day) - 1]);
}

bool isWholeMinute(QTime time)
{
    return time.isValid() && time.second() == 0 && time.msec() == 0;
}

// "a", "a and b", "a, b and c".
QString joinForPeople(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return items.first(items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + items.last();
}

qint64 offsetMsecsAt(const QTimeZone &zone, qint64 utcMsecs)
{
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMsecs, Qt::UTC))) * 1000;
}

// The local wall-clock reading at an instant, as msecs since the epoch of that reading taken as UTC.
qint64 wallMsecsAt(const QTimeZone &zone, qint64 utcMsecs)
{
    return utcMsecs + offsetMsecsAt(zone, utcMsecs);
}

QDate localDateAt(const QTimeZone &zone, qint64 utcMsecs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMsecsAt(zone, utcMsecs), Qt::UTC).date();
}

// The instant at which a wall-clock time on a date happens in a zone. Not QDateTime(date, time, zone):
// Qt 6.4.2 returns an invalid value for a time inside a spring-forward gap (whose toUTC() is garbage) and
// the *later* occurrence of a time repeated on a fall-back night. Here a time in a gap resolves to the end
// of the gap (the transition instant) and a repeated time to its earlier occurrence, which keeps the
// mapping non-decreasing in wall time: nextRunAfter() relies on that.
qint64 resolveWallTime(const QTimeZone &zone, QDate date, QTime time)
{
    const qint64 wall = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    // The offsets in force a day before and after cover any single transition near this wall time.
    const std::array<qint64, 3> offsets = {offsetMsecsAt(zone, wall - msecsPerDay), offsetMsecsAt(zone, wall),
                                           offsetMsecsAt(zone, wall + msecsPerDay)};
    std::optional<qint64> earliest;
    for (qint64 offset : offsets) {
        const qint64 instant = wall - offset;
        if (offsetMsecsAt(zone, instant) == offset && (!earliest || instant < *earliest))
            earliest = instant;
    }
    if (earliest)
        return *earliest;

    // In a gap: find the first instant whose wall clock reads later than `wall`, i.e. the transition.
    const auto [minOffset, maxOffset] = std::minmax_element(offsets.begin(), offsets.end());
    qint64 before = wall - *maxOffset;
    qint64 after = wall - *minOffset;
    if (wallMsecsAt(zone, before) > wall || wallMsecsAt(zone, after) <= wall)
        return wall - offsets[1]; // offsets changing twice within a day: keep the one in force at `wall`
    while (after - before > 1) {
        const qint64 middle = before + (after - before) / 2;
        if (wallMsecsAt(zone, middle) > wall)
            after = middle;
        else
            before = middle;
    }
    return after;
}

// Unknown fields are refused rather than ignored: a misspelt field in an API request must not silently
// fall back to a default.
Status checkOnlyFields(const QJsonObject &json, const QStringList &allowed)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!allowed.contains(it.key()))
            return Error::invalid(QStringLiteral("unknown field '%1': a '%2' schedule has only %3")
                                      .arg(it.key(), json.value(fieldKind).toString(), allowed.join(u", ")),
                                  it.key());
    }
    return {};
}

Result<QJsonArray> requireStringArray(const QJsonObject &json, const QString &field, const QString &what)
{
    if (!json.contains(field))
        return Error::invalid(QStringLiteral("missing field '%1'").arg(field), field);
    const QJsonValue value = json.value(field);
    const QString typeError = QStringLiteral("'%1' must be an array of %2 strings").arg(field, what);
    if (!value.isArray())
        return Error::invalid(typeError, field);
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        return Error::invalid(QStringLiteral("'%1' must not be empty").arg(field), field);
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return Error::invalid(typeError, field);
    }
    return array;
}

} // namespace

Schedule::Schedule()
    : m_times{QTime(6, 0)}
{}

Result<Schedule> Schedule::daily(const QList<QTime> &times)
{
    if (times.isEmpty())
        return Error::invalid(QStringLiteral("a daily schedule needs at least one time"), fieldTimes);
    for (QTime time : times) {
        if (!isWholeMinute(time))
            return Error::invalid(
                QStringLiteral("invalid time '%1': expected whole minutes").arg(time.toString(Qt::ISODate)),
                fieldTimes);
    }
    Schedule schedule;
    schedule.m_times = times;
    std::sort(schedule.m_times.begin(), schedule.m_times.end());
    schedule.m_times.erase(std::unique(schedule.m_times.begin(), schedule.m_times.end()),
                           schedule.m_times.end());
    return schedule;
}

Result<Schedule> Schedule::weekly(const QList<Qt::DayOfWeek> &days, QTime time)
{
    if (days.isEmpty())
        return Error::invalid(QStringLiteral("a weekly schedule needs at least one day"), fieldDays);
    for (Qt::DayOfWeek day : days) {
        if (day < Qt::Monday || day > Qt::Sunday)
            return Error::invalid(QStringLiteral("invalid weekday %1").arg(int(day)), fieldDays);
    }
    if (!isWholeMinute(time))
        return Error::invalid(
            QStringLiteral("invalid time '%1': expected whole minutes").arg(time.toString(Qt::ISODate)),
            fieldTime);
    Schedule schedule;
    schedule.m_kind = Kind::Weekly;
    schedule.m_times.clear();
    schedule.m_days = days;
    std::sort(schedule.m_days.begin(), schedule.m_days.end());
    schedule.m_days.erase(std::unique(schedule.m_days.begin(), schedule.m_days.end()), schedule.m_days.end());
    schedule.m_time = time;
    return schedule;
}

Result<Schedule> Schedule::everyNHours(int hours)
{
    if (hours < 1 || hours > 24)
        return Error::invalid(QStringLiteral("hours must be between 1 and 24, got %1").arg(hours),
                              fieldHours);
    Schedule schedule;
    schedule.m_kind = Kind::EveryNHours;
    schedule.m_times.clear();
    schedule.m_hours = hours;
    return schedule;
}

Result<Schedule> Schedule::parse(const QStringList &args)
{
    // Split and joined arguments mean the same ("daily", "06:00" or "daily 06:00"), so a schedule kept
    // as one string in a config file parses like one typed on a command line.
    const QStringList tokens =
        args.join(u' ').split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return Error::invalid(QStringLiteral("missing schedule: %1").arg(syntaxHint()), fieldKind);
    const QString kind = tokens.first().toLower();
    const QStringList rest = tokens.sliced(1);

    if (kind == u"daily") {
        const QStringList items = rest.join(u',').split(u',', Qt::SkipEmptyParts);
        if (items.isEmpty())
            return Error::invalid(QStringLiteral("daily needs at least one time, e.g. 'daily 06:00'"),
                                  fieldTimes);
        QList<QTime> times;
        for (const QString &item : items) {
            const auto time = parseTimeOfDay(item);
            if (!time)
                return invalidTime(item, fieldTimes);
            times.append(*time);
        }
        return daily(times);
    }

    if (kind == u"weekly") {
        const QString example = QStringLiteral("e.g. 'weekly mon,wed,fri 06:30'");
        if (rest.isEmpty())
            return Error::invalid(QStringLiteral("weekly needs days and a time, %1").arg(example), fieldDays);
        // The time comes last; everything before it is the day list, however it was split.
        const QString timeToken = rest.last();
        const QStringList dayItems = rest.first(rest.size() - 1).join(u',').split(u',', Qt::SkipEmptyParts);
        const auto time = parseTimeOfDay(timeToken);
        if (dayItems.isEmpty()) {
            if (time)
                return Error::invalid(
                    QStringLiteral("weekly needs at least one day before the time, %1").arg(example),
                    fieldDays);
            return Error::invalid(QStringLiteral("weekly needs a time after the days, %1").arg(example),
                                  fieldTime);
        }
        QList<Qt::DayOfWeek> days;
        for (const QString &item : dayItems) {
            const auto day = parseDay(item);
            if (!day)
                return Error::invalid(QStringLiteral("unknown weekday '%1'").arg(item), fieldDays);
            days.append(*day);
        }
        if (!time)
            return invalidTime(timeToken, fieldTime);
        return weekly(days, *time);
    }

    if (kind == u"every") {
        if (rest.isEmpty())
            return Error::invalid(QStringLiteral("every needs a number of hours, e.g. 'every 4h'"),
                                  fieldHours);
        static const QStringList unitWords = {QStringLiteral("h"), QStringLiteral("hour"),
                                              QStringLiteral("hours")};
        if (rest.size() > 2 || (rest.size() == 2 && !unitWords.contains(rest.at(1).toLower())))
            return Error::invalid(QStringLiteral("unexpected argument '%1' after the hours").arg(rest.last()),
                                  fieldHours);
        const QString token = rest.first();
        QString number = token.toLower();
        // Longest unit first, so "4hours" does not leave "4hour" behind.
        for (auto it = unitWords.crbegin(); it != unitWords.crend(); ++it) {
            if (number.endsWith(*it)) {
                number.chop(it->size());
                break;
            }
        }
        if (!isAsciiDigits(number))
            return Error::invalid(
                QStringLiteral("invalid hours '%1': expected a number of hours such as '4h'").arg(token),
                fieldHours);
        bool ok = false;
        const int hours = number.toInt(&ok);
        if (!ok || hours < 1 || hours > 24)
            return Error::invalid(QStringLiteral("hours must be between 1 and 24, got '%1'").arg(token),
                                  fieldHours);
        return everyNHours(hours);
    }

    return Error::invalid(QStringLiteral("unknown schedule kind '%1': %2").arg(tokens.first(), syntaxHint()),
                          fieldKind);
}

Result<Schedule> Schedule::fromJson(const QJsonObject &json)
{
    if (!json.contains(fieldKind))
        return Error::invalid(QStringLiteral("missing field 'kind'"), fieldKind);
    const QJsonValue kindValue = json.value(fieldKind);
    if (!kindValue.isString())
        return Error::invalid(QStringLiteral("'kind' must be a string"), fieldKind);
    const QString kind = kindValue.toString();

    if (kind == u"daily") {
        if (auto status = checkOnlyFields(json, {fieldKind, fieldTimes}); !status)
            return status.error();
        const auto array = requireStringArray(json, fieldTimes, QStringLiteral("\"HH:MM\""));
        if (!array)
            return array.error();
        QList<QTime> times;
        for (const QJsonValue &item : *array) {
            const auto time = parseTimeOfDay(item.toString());
            if (!time)
                return invalidTime(item.toString(), fieldTimes);
            times.append(*time);
        }
        return daily(times);
    }

    if (kind == u"weekly") {
        if (auto status = checkOnlyFields(json, {fieldKind, fieldDays, fieldTime}); !status)
            return status.error();
        const auto array = requireStringArray(json, fieldDays, QStringLiteral("weekday"));
        if (!array)
            return array.error();
        QList<Qt::DayOfWeek> days;
        for (const QJsonValue &item : *array) {
            const auto day = parseDay(item.toString());
            if (!day)
                return Error::invalid(QStringLiteral("unknown weekday '%1'").arg(item.toString()), fieldDays);
            days.append(*day);
        }
        if (!json.contains(fieldTime))
            return Error::invalid(QStringLiteral("missing field 'time'"), fieldTime);
        const QJsonValue timeValue = json.value(fieldTime);
        if (!timeValue.isString())
            return Error::invalid(QStringLiteral("'time' must be an \"HH:MM\" string"), fieldTime);
        const auto time = parseTimeOfDay(timeValue.toString());
        if (!time)
            return invalidTime(timeValue.toString(), fieldTime);
        return weekly(days, *time);
    }

    if (kind == u"every") {
        if (auto status = checkOnlyFields(json, {fieldKind, fieldHours}); !status)
            return status.error();
        if (!json.contains(fieldHours))
            return Error::invalid(QStringLiteral("missing field 'hours'"), fieldHours);
        const QJsonValue hoursValue = json.value(fieldHours);
        // JSON numbers are doubles; 4.5 or 1e300 must not be truncated into a valid-looking schedule.
        if (!hoursValue.isDouble())
            return Error::invalid(QStringLiteral("'hours' must be a number"), fieldHours);
        const double hours = hoursValue.toDouble();
        if (hours != std::floor(hours))
            return Error::invalid(QStringLiteral("'hours' must be a whole number, got %1").arg(hours),
                                  fieldHours);
        if (hours < 1 || hours > 24)
            return Error::invalid(QStringLiteral("hours must be between 1 and 24, got %1").arg(hours),
                                  fieldHours);
        return everyNHours(int(hours));
    }

    return Error::invalid(
        QStringLiteral("unknown schedule kind '%1': expected daily, weekly or every").arg(kind), fieldKind);
}

QString Schedule::toString() const
{
    switch (m_kind) {
    case Kind::Daily: {
        QStringList times;
        for (QTime time : m_times)
            times.append(formatTime(time));
        return QStringLiteral("daily ") + times.join(u',');
    }
    case Kind::Weekly: {
        QStringList days;
        for (Qt::DayOfWeek day : m_days)
            days.append(dayName(day));
        return QStringLiteral("weekly %1 %2").arg(days.join(u','), formatTime(m_time));
    }
    case Kind::EveryNHours:
        return QStringLiteral("every %1h").arg(m_hours);
    }
    return {};
}

QString Schedule::describe() const
{
    switch (m_kind) {
    case Kind::Daily: {
        QStringList times;
        for (QTime time : m_times)
            times.append(formatTime(time));
        return QStringLiteral("daily at ") + joinForPeople(times);
    }
    case Kind::Weekly: {
        QStringList days;
        for (Qt::DayOfWeek day : m_days) {
            QString name = dayName(day);
            name[0] = name.at(0).toUpper();
            days.append(name);
        }
        return QStringLiteral("weekly on %1 at %2").arg(days.join(QStringLiteral(", ")), formatTime(m_time));
    }
    case Kind::EveryNHours:
        return m_hours == 1 ? QStringLiteral("every hour") : QStringLiteral("every %1 hours").arg(m_hours);
    }
    return {};
}

QJsonObject Schedule::toJson() const
{
    switch (m_kind) {
    case Kind::Daily: {
        QJsonArray times;
        for (QTime time : m_times)
            times.append(formatTime(time));
        return {{fieldKind, QStringLiteral("daily")}, {fieldTimes, times}};
    }
    case Kind::Weekly: {
        QJsonArray days;
        for (Qt::DayOfWeek day : m_days)
            days.append(dayName(day));
        return {{fieldKind, QStringLiteral("weekly")}, {fieldDays, days}, {fieldTime, formatTime(m_time)}};
    }
    case Kind::EveryNHours:
        return {{fieldKind, QStringLiteral("every")}, {fieldHours, m_hours}};
    }
    return {};
}

QList<QTime> Schedule::slotsOn(QDate date) const
{
    switch (m_kind) {
    case Kind::Daily:
        return m_times;
    case Kind::Weekly:
        if (m_days.contains(static_cast<Qt::DayOfWeek>(date.dayOfWeek())))
            return {m_time};
        return {};
    case Kind::EveryNHours: {
        QList<QTime> wallTimes;
        for (int hour = 0; hour < 24; hour += m_hours)
            wallTimes.append(QTime(hour, 0));
        return wallTimes;
    }
    }
    return {};
}

QDateTime Schedule::nextRunAfter(const QDateTime &after, const QTimeZone &zone) const
{
    if (!after.isValid())
        return {};
    const QTimeZone effectiveZone = zone.isValid() ? zone : QTimeZone::utc();
    const qint64 afterMsecs = after.toMSecsSinceEpoch();
    const QDate today = localDateAt(effectiveZone, afterMsecs);
    // Resolved instants never decrease with wall time, so walking the slots in date order the first one
    // past `after` is the answer. Yesterday is included because a slot may resolve forward across a gap;
    // eight days ahead covers any weekly schedule.
    for (QDate date = today.addDays(-1); date <= today.addDays(8); date = date.addDays(1)) {
        for (QTime time : slotsOn(date)) {
            const qint64 instant = resolveWallTime(effectiveZone, date, time);
            if (instant > afterMsecs)
                return QDateTime::fromMSecsSinceEpoch(instant, Qt::UTC);
        }
    }
    return {};
}

QDateTime Schedule::lastRunAtOrBefore(const QDateTime &at, const QTimeZone &zone) const
{
    if (!at.isValid())
        return {};
    const QTimeZone effectiveZone = zone.isValid() ? zone : QTimeZone::utc();
    const qint64 atMsecs = at.toMSecsSinceEpoch();
    const QDate today = localDateAt(effectiveZone, atMsecs);
    // The mirror image of nextRunAfter(): walk backwards, take the first slot not after `at`.
    for (QDate date = today.addDays(1); date >= today.addDays(-8); date = date.addDays(-1)) {
        const QList<QTime> wallTimes = slotsOn(date);
        for (auto it = wallTimes.crbegin(); it != wallTimes.crend(); ++it) {
            const qint64 instant = resolveWallTime(effectiveZone, date, *it);
            if (instant <= atMsecs)
                return QDateTime::fromMSecsSinceEpoch(instant, Qt::UTC);
        }
    }
    return {};
}

QList<QDateTime> Schedule::nextRuns(const QDateTime &after, const QTimeZone &zone, int count) const
{
    QList<QDateTime> runs;
    QDateTime cursor = after;
    for (int i = 0; i < count; ++i) {
        cursor = nextRunAfter(cursor, zone);
        if (!cursor.isValid())
            break;
        runs.append(cursor);
    }
    return runs;
}

} // namespace ArchiveSync
