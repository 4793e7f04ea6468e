// SPDX-License-Identifier: Apache-2.0
#include "ErrorText.h"

#include <QCoreApplication>

namespace ArchiveSync::ErrorText {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ArchiveSync::ErrorText", text);
}

QString headline(const ApiError &error)
{
    switch (error.category) {
    case ErrorCategory::Network:
        return tr("The service cannot be reached.");
    case ErrorCategory::Auth:
        return tr("Your session is no longer valid; please sign in again.");
    case ErrorCategory::Forbidden:
        return tr("Your account is not allowed to do this.");
    case ErrorCategory::NotFound:
        return tr("The service does not know this item (any more).");
    case ErrorCategory::Conflict:
        return tr("The service refused because of the current state.");
    case ErrorCategory::Invalid:
        return tr("The service refused the values given.");
    case ErrorCategory::Throttled:
        return tr("The service is busy; try again shortly.");
    case ErrorCategory::Server:
    case ErrorCategory::Internal:
    case ErrorCategory::Io:
    case ErrorCategory::Corrupt:
    case ErrorCategory::Database:
        return tr("The service ran into a problem.");
    }
    return tr("The request failed.");
}
} // namespace

QString describe(const ApiError &error, const QString &action)
{
    QString text = action.isEmpty() ? headline(error) : action + QLatin1Char(' ') + headline(error);
    QString detail = error.message.trimmed();
    if (!error.field.isEmpty() && !detail.contains(error.field))
        detail += QCoreApplication::translate("ArchiveSync::ErrorText", " (setting: %1)").arg(error.field);
    if (!detail.isEmpty())
        text += QLatin1Char('\n') + QCoreApplication::translate("ArchiveSync::ErrorText", "Details: %1").arg(detail);
    if (error.category == ErrorCategory::Throttled && error.retryAfterSeconds)
        text += QLatin1Char('\n') +
                QCoreApplication::translate("ArchiveSync::ErrorText", "Retry in %1 s.").arg(*error.retryAfterSeconds);
    return text;
}

} // namespace ArchiveSync::ErrorText
