// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>

namespace ArchiveSync {

/// \brief HTTP responses by status since the process started, for /metrics.
///
/// Routes that return a QHttpServerResponse are counted by the hook MetricsController installs;
/// routes that answer through a QHttpServerResponder count their own answers. File bodies streamed
/// by FileStreamer (segments, raw messages) are not counted: their status is decided while streaming.
/// Only the API's thread counts.
class ResponseCounter
{
public:
    static void count(int status);
    static QMap<int, qint64> byStatus();
};

} // namespace ArchiveSync
