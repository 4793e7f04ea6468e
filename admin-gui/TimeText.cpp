// SPDX-License-Identifier: Apache-2.0
#include "TimeText.h"

#include <QCoreApplication>

namespace ArchiveSync::TimeText {

namespace {
// Singular and plural spelled out: without a loaded translation Qt would show "%n day(s)" literally.
QString trn(const char *one, const char *many, qint64 n)
{
    return n == 1 ? QCoreApplication::translate("TimeText", one)
                  : QCoreApplication::translate("TimeText", many).arg(n);
}
} // namespace

QString span(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 60)
        return trn("1 second", "%1 seconds", seconds);
    if (seconds < 3600)
        return trn("1 minute", "%1 minutes", seconds / 60);
    if (seconds < 86400)
        return trn("1 hour", "%1 hours", seconds / 3600);
    return trn("1 day", "%1 days", seconds / 86400);
}

QString behind(qint64 seconds)
{
    if (seconds <= 0)
        return QCoreApplication::translate("TimeText", "up to date");
    return QCoreApplication::translate("TimeText", "%1 behind").arg(span(seconds));
}

QString relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QCoreApplication::translate("TimeText", "never");
    const qint64 seconds = when.secsTo(now);
    if (qAbs(seconds) < 60)
        return QCoreApplication::translate("TimeText", "just now");
    if (seconds > 0)
        return QCoreApplication::translate("TimeText", "%1 ago").arg(span(seconds));
    return QCoreApplication::translate("TimeText", "in %1").arg(span(seconds));
}

QString local(const QDateTime &when, const QString &empty)
{
    if (!when.isValid())
        return empty;
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace ArchiveSync::TimeText
