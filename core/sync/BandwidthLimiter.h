// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"

#include <QtGlobal>

namespace ArchiveSync {

/// \brief A token bucket: how many bytes a download may take now to keep to a rate.
///
/// One limiter is shared by every download of an agent, so the limit holds for the laptop's link as
/// a whole. A rate of 0 means no limit.
class BandwidthLimiter
{
public:
    explicit BandwidthLimiter(const Clock &clock)
        : m_clock(clock)
    {}

    void setBytesPerSecond(qint64 rate);
    qint64 bytesPerSecond() const { return m_rate; }
    bool limited() const { return m_rate > 0; }

    /// Bytes that may be taken now, at most `wanted`.
    qint64 available(qint64 wanted);
    void consume(qint64 bytes);
    /// Milliseconds until at least `bytes` (capped at one second's worth) are available.
    int msecsUntil(qint64 bytes);

private:
    void refill();

    const Clock &m_clock;
    qint64 m_rate = 0;
    double m_tokens = 0;
    qint64 m_lastMsecs = 0;
};

} // namespace ArchiveSync
