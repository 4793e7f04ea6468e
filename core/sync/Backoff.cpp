// SPDX-License-Identifier: Apache-2.0
#include "core/sync/Backoff.h"

#include <algorithm>

namespace ArchiveSync {

int Backoff::next()
{
    const int shift = std::min(m_failures, 20);
    const qint64 ceiling = std::min<qint64>(qint64(m_initial) << shift, m_maximum);
    ++m_failures;
    const qint64 half = ceiling / 2;
    return int(half + qint64(m_random->bounded(quint32(ceiling - half + 1))));
}

} // namespace ArchiveSync
