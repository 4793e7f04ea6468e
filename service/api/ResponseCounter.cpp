// SPDX-License-Identifier: Apache-2.0
#include "service/api/ResponseCounter.h"

namespace ArchiveSync {

namespace {
QMap<int, qint64> &counts()
{
    static QMap<int, qint64> byStatus;
    return byStatus;
}
} // namespace

void ResponseCounter::count(int status)
{
    ++counts()[status];
}

QMap<int, qint64> ResponseCounter::byStatus()
{
    return counts();
}

} // namespace ArchiveSync
