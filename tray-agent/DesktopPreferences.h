// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QTime>

namespace ArchiveSync {

/// \brief The desktop agent's own settings (beside agent.json): bandwidth with a full-speed time window,
/// and pausing on metered networks. Kept in "desktop.ini" of the data directory.
struct DesktopPreferences
{
    qint64 bandwidthLimit = 0; ///< bytes per second outside the window; 0: none
    bool fullSpeedWindow = false;
    QTime fullSpeedFrom = QTime(19, 0);
    QTime fullSpeedTo = QTime(7, 0);
    bool pauseOnMetered = true;

    /// The limit in force at local time `now`.
    qint64 limitAt(const QTime &now) const;
    static bool inWindow(const QTime &now, const QTime &from, const QTime &to);

    static DesktopPreferences load(const QString &dataDirectory);
    void save(const QString &dataDirectory) const;
    bool operator==(const DesktopPreferences &) const = default;
};

} // namespace ArchiveSync
