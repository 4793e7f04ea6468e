// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace ArchiveSync::TimeText {

/// \brief A span for people, rounded to its largest unit: "45 seconds", "3 minutes", "2 hours", "3 days".
QString span(qint64 seconds);
/// \brief How far a laptop is behind: "up to date" for 0 or less, else "3 days behind".
QString behind(qint64 seconds);
/// \brief "5 minutes ago" / "in 2 hours" relative to now; "never" for an invalid time.
QString relative(const QDateTime &when, const QDateTime &now);
/// \brief An instant in local time, "2026-03-04 06:00", or `empty` for an invalid one.
QString local(const QDateTime &when, const QString &empty = {});

} // namespace ArchiveSync::TimeText
