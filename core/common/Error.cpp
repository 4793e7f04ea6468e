// SPDX-License-Identifier: Apache-2.0
#include "core/common/Error.h"

namespace ArchiveSync {

QString errorCategoryName(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::Invalid:
        return QStringLiteral("invalid");
    case ErrorCategory::NotFound:
        return QStringLiteral("not-found");
    case ErrorCategory::Conflict:
        return QStringLiteral("conflict");
    case ErrorCategory::Io:
        return QStringLiteral("io");
    case ErrorCategory::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCategory::Database:
        return QStringLiteral("database");
    case ErrorCategory::Network:
        return QStringLiteral("network");
    case ErrorCategory::Auth:
        return QStringLiteral("auth");
    case ErrorCategory::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCategory::Throttled:
        return QStringLiteral("throttled");
    case ErrorCategory::Server:
        return QStringLiteral("server");
    case ErrorCategory::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace ArchiveSync
