// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ArchiveSync {

/// \brief What `archivesync login` keeps for later commands: the service URL, the session token and the
/// CA certificates to trust for it.
///
/// Stored as JSON in a file only its owner may read (0600): the token is as good as the password
/// until it expires or `logout` ends it.
struct CliConfig
{
    QString server;
    QString token;
    QString username;
    QString role;
    QDateTime expiresAt;
    /// The PEM file of CA certificates that vouch for an https server (login --ca-cert); empty: the system's.
    QString caCertificates;

    /// --config FILE if given, else $ARCHIVESYNC_CONFIG, else login.json in the user's config folder.
    static QString resolvePath(const QString &given);
    /// Nothing when the file does not exist (not signed in).
    static Result<std::optional<CliConfig>> load(const QString &path);
    /// Atomically, with permissions 0600; a new parent folder gets 0700.
    Status save(const QString &path) const;
    /// Removing a file that is not there is not an error.
    static Status remove(const QString &path);
};

} // namespace ArchiveSync
