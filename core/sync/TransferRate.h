// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>

#include <optional>

namespace ArchiveSync {

class Clock;

/// \brief Download rate and time left, from progress samples over a sliding window.
class TransferRate
{
public:
    static constexpr qint64 kWindowMsecs = 10000;

    explicit TransferRate(const Clock &clock);

    /// The bytes done so far (a total that only grows; a smaller value starts over).
    void sample(qint64 bytesDone);
    void reset();
    /// Bytes per second over the window; 0 until two samples a moment apart.
    double bytesPerSecond() const;
    /// Seconds until `bytesTotal` at the current rate; none while the rate is unknown.
    std::optional<qint64> secondsLeft(qint64 bytesTotal) const;

private:
    struct Sample
    {
        QDateTime at;
        qint64 bytes = 0;
    };
    const Clock &m_clock;
    QList<Sample> m_samples;
};

} // namespace ArchiveSync
