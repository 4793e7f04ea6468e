// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace ArchiveSync {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcIngest)
Q_DECLARE_LOGGING_CATEGORY(lcOffline)
Q_DECLARE_LOGGING_CATEGORY(lcService)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
} // namespace ArchiveSync
