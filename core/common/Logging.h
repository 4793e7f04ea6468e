// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace ArchiveSync {
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcRepository)
Q_DECLARE_LOGGING_CATEGORY(lcMime)
Q_DECLARE_LOGGING_CATEGORY(lcSchedule)
Q_DECLARE_LOGGING_CATEGORY(lcLocalStore)
} // namespace ArchiveSync
