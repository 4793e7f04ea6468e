// SPDX-License-Identifier: Apache-2.0
#include "core/sync/SyncLogging.h"

namespace ArchiveSync {
Q_LOGGING_CATEGORY(lcSync, "archivesync.core.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAgent, "archivesync.agent", QtInfoMsg)
} // namespace ArchiveSync
