// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace ArchiveSync {
/// \brief The admin console's logging category, "archivesync.admin".
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)
} // namespace ArchiveSync
