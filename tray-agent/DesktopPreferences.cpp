// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/DesktopPreferences.h"

#include <QDir>
#include <QFile>
#include <QSettings>

namespace ArchiveSync {

namespace {
QString fileIn(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("desktop.ini"));
}
} // namespace

bool DesktopPreferences::inWindow(const QTime &now, const QTime &from, const QTime &to)
{
    if (from == to)
        return true;
    return from < to ? (now >= from && now < to) : (now >= from || now < to); // across midnight
}

qint64 DesktopPreferences::limitAt(const QTime &now) const
{
    if (fullSpeedWindow && inWindow(now, fullSpeedFrom, fullSpeedTo))
        return 0;
    return bandwidthLimit;
}

DesktopPreferences DesktopPreferences::load(const QString &dataDirectory)
{
    DesktopPreferences p;
    QSettings s(fileIn(dataDirectory), QSettings::IniFormat);
    p.bandwidthLimit = std::max<qint64>(0, s.value(QStringLiteral("bandwidth/limit"), 0).toLongLong());
    p.fullSpeedWindow = s.value(QStringLiteral("bandwidth/fullSpeedWindow"), false).toBool();
    const QTime from =
        QTime::fromString(s.value(QStringLiteral("bandwidth/from")).toString(), QStringLiteral("HH:mm"));
    const QTime to =
        QTime::fromString(s.value(QStringLiteral("bandwidth/to")).toString(), QStringLiteral("HH:mm"));
    if (from.isValid())
        p.fullSpeedFrom = from;
    if (to.isValid())
        p.fullSpeedTo = to;
    p.pauseOnMetered = s.value(QStringLiteral("network/pauseOnMetered"), true).toBool();
    return p;
}

void DesktopPreferences::save(const QString &dataDirectory) const
{
    QSettings s(fileIn(dataDirectory), QSettings::IniFormat);
    s.setValue(QStringLiteral("bandwidth/limit"), bandwidthLimit);
    s.setValue(QStringLiteral("bandwidth/fullSpeedWindow"), fullSpeedWindow);
    s.setValue(QStringLiteral("bandwidth/from"), fullSpeedFrom.toString(QStringLiteral("HH:mm")));
    s.setValue(QStringLiteral("bandwidth/to"), fullSpeedTo.toString(QStringLiteral("HH:mm")));
    s.setValue(QStringLiteral("network/pauseOnMetered"), pauseOnMetered);
    s.sync();
    QFile::setPermissions(fileIn(dataDirectory), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace ArchiveSync
