// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace ArchiveSync {
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcAgent)
} // namespace ArchiveSync
