// SPDX-License-Identifier: Apache-2.0
#include "core/sync/TransferRate.h"

#include "core/common/Clock.h"

#include <cmath>

namespace ArchiveSync {

TransferRate::TransferRate(const Clock &clock)
    : m_clock(clock)
{}

void TransferRate::sample(qint64 bytesDone)
{
    const QDateTime now = m_clock.now();
    if (!m_samples.isEmpty() && bytesDone < m_samples.constLast().bytes)
        m_samples.clear();
    m_samples.append({now, bytesDone});
    while (m_samples.size() > 2 && m_samples.constFirst().at.msecsTo(now) > kWindowMsecs)
        m_samples.removeFirst();
}

void TransferRate::reset()
{
    m_samples.clear();
}

double TransferRate::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return 0;
    const qint64 msecs = m_samples.constFirst().at.msecsTo(m_samples.constLast().at);
    if (msecs < 200)
        return 0;
    return double(m_samples.constLast().bytes - m_samples.constFirst().bytes) * 1000.0 / double(msecs);
}

std::optional<qint64> TransferRate::secondsLeft(qint64 bytesTotal) const
{
    const double rate = bytesPerSecond();
    if (rate <= 0 || m_samples.isEmpty())
        return std::nullopt;
    const qint64 left = std::max<qint64>(0, bytesTotal - m_samples.constLast().bytes);
    return qint64(std::ceil(double(left) / rate));
}

} // namespace ArchiveSync
