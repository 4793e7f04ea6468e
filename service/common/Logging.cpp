// SPDX-License-Identifier: Apache-2.0
#include "service/common/Logging.h"

namespace ArchiveSync {
Q_LOGGING_CATEGORY(lcStore, "archivesync.service.store")
Q_LOGGING_CATEGORY(lcIngest, "archivesync.service.ingest")
Q_LOGGING_CATEGORY(lcOffline, "archivesync.service.offline")
Q_LOGGING_CATEGORY(lcService, "archivesync.service")
Q_LOGGING_CATEGORY(lcHttp, "archivesync.service.http")
} // namespace ArchiveSync
