// SPDX-License-Identifier: Apache-2.0
#include "core/sync/BandwidthLimiter.h"

#include <algorithm>
#include <cmath>

namespace ArchiveSync {

void BandwidthLimiter::setBytesPerSecond(qint64 rate)
{
    m_rate = std::max<qint64>(rate, 0);
    m_tokens = 0;
    m_lastMsecs = m_clock.now().toMSecsSinceEpoch();
}

void BandwidthLimiter::refill()
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const qint64 elapsed = std::max<qint64>(now - m_lastMsecs, 0);
    m_lastMsecs = now;
    // A bucket of one second: an idle link does not save up for a burst beyond that.
    m_tokens = std::min(m_tokens + double(elapsed) * double(m_rate) / 1000.0, double(m_rate));
}

qint64 BandwidthLimiter::available(qint64 wanted)
{
    if (!limited())
        return wanted;
    refill();
    return std::min<qint64>(wanted, qint64(m_tokens));
}

void BandwidthLimiter::consume(qint64 bytes)
{
    if (limited())
        m_tokens -= double(bytes);
}

int BandwidthLimiter::msecsUntil(qint64 bytes)
{
    if (!limited())
        return 0;
    refill();
    const double needed = double(std::min(bytes, m_rate)) - m_tokens;
    if (needed <= 0)
        return 0;
    return std::max(1, int(std::ceil(needed * 1000.0 / double(m_rate))));
}

} // namespace ArchiveSync
