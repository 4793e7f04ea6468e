// SPDX-License-Identifier: Apache-2.0
#include "AdminLog.h"

namespace ArchiveSync {
Q_LOGGING_CATEGORY(lcAdmin, "archivesync.admin")
} // namespace ArchiveSync
