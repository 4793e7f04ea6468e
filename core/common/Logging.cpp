// SPDX-License-Identifier: Apache-2.0
#include "core/common/Logging.h"

namespace ArchiveSync {
Q_LOGGING_CATEGORY(lcCore, "archivesync.core")
Q_LOGGING_CATEGORY(lcRepository, "archivesync.core.repository")
Q_LOGGING_CATEGORY(lcMime, "archivesync.core.mime")
Q_LOGGING_CATEGORY(lcSchedule, "archivesync.core.schedule")
Q_LOGGING_CATEGORY(lcLocalStore, "archivesync.core.localstore")
} // namespace ArchiveSync
