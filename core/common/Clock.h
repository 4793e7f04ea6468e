// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace ArchiveSync {

/// \brief Where the current time and the local time zone come from; injected so tests control time.
class Clock
{
public:
    virtual ~Clock() = default;
    /// The current instant (any time spec; compare with other QDateTimes, not by fields).
    virtual QDateTime now() const = 0;
    /// The zone in which schedules ("daily at 06:00") are read.
    virtual QTimeZone timeZone() const = 0;
};

/// \brief The real clock: the system's time and local zone.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    QTimeZone timeZone() const override { return QTimeZone::systemTimeZone(); }
};

/// \brief A clock that stands still until told to move; for tests of schedules, DST and backoff.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime now, QTimeZone zone = QTimeZone::utc())
        : m_now(std::move(now))
        , m_zone(std::move(zone))
    {}
    QDateTime now() const override { return m_now; }
    QTimeZone timeZone() const override { return m_zone; }
    void setNow(const QDateTime &now) { m_now = now; }
    void advance(qint64 msecs) { m_now = m_now.addMSecs(msecs); }

private:
    QDateTime m_now;
    QTimeZone m_zone;
};

} // namespace ArchiveSync
