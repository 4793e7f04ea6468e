// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRandomGenerator>

namespace ArchiveSync {

/// \brief Exponential backoff with full jitter, so laptops that lost the service together do not
/// come back together.
class Backoff
{
public:
    Backoff(int initialMsecs = 2000, int maximumMsecs = 5 * 60 * 1000)
        : m_initial(initialMsecs)
        , m_maximum(maximumMsecs)
    {}

    /// The wait before the next attempt: random in [ceiling/2, ceiling], the ceiling doubling per failure.
    int next();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }
    void setRandomGenerator(QRandomGenerator *random) { m_random = random; }

private:
    int m_initial;
    int m_maximum;
    int m_failures = 0;
    QRandomGenerator *m_random = QRandomGenerator::global();
};

} // namespace ArchiveSync
