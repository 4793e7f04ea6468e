// SPDX-License-Identifier: Apache-2.0
#include "admin-cli/CliConfig.h"

#include "core/common/FileUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace ArchiveSync {

namespace {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// The mode bits; QFile::permissions() also reports the *User flags (what the caller may do).
constexpr QFileDevice::Permissions kModeBits =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
    QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther |
    QFileDevice::ExeOther;
// A login file is a few hundred bytes; anything far larger is not one.
constexpr qint64 kMaxConfigBytes = 64 * 1024;
} // namespace

QString CliConfig::resolvePath(const QString &given)
{
    if (!given.isEmpty())
        return given;
    const QString fromEnvironment = qEnvironmentVariable("ARCHIVESYNC_CONFIG");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("login.json"));
}

Result<std::optional<CliConfig>> CliConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::optional<CliConfig>();
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxConfigBytes)
        return Error::corrupt(QStringLiteral("%1 is not an archivesync login file (too large)").arg(path));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    CliConfig config;
    config.server = o.value(QStringLiteral("server")).toString();
    config.token = o.value(QStringLiteral("token")).toString();
    config.username = o.value(QStringLiteral("username")).toString();
    config.role = o.value(QStringLiteral("role")).toString();
    config.expiresAt = QDateTime::fromString(o.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    config.caCertificates = o.value(QStringLiteral("caCertificates")).toString();
    if (config.server.isEmpty() || config.token.isEmpty())
        return Error::corrupt(
            QStringLiteral("%1 is not an archivesync login file; sign in again with 'archivesync login'")
                .arg(path));
    return std::optional<CliConfig>(config);
}

Status CliConfig::save(const QString &path) const
{
    const QString dir = QFileInfo(path).absolutePath();
    // Only a folder this creates gets 0700: an existing one (say /tmp) is not the login's to change.
    if (!QFileInfo::exists(dir)) {
        if (Status st = FileUtil::makeDirectory(dir, 0700); !st.ok())
            return st;
    }
    QJsonObject o{{QStringLiteral("server"), server},
                  {QStringLiteral("token"), token},
                  {QStringLiteral("username"), username},
                  {QStringLiteral("role"), role},
                  {QStringLiteral("expiresAt"),
                   expiresAt.isValid() ? expiresAt.toUTC().toString(Qt::ISODate) : QString()}};
    if (!caCertificates.isEmpty())
        o.insert(QStringLiteral("caCertificates"), caCertificates);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    // Restricted before the token is written, so no other user can open it in between.
    if (!file.setPermissions(kOwnerOnly)) {
        file.cancelWriting();
        return Error::io(QStringLiteral("cannot restrict the permissions of %1").arg(path));
    }
    file.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if ((QFile::permissions(path) & kModeBits) != kOwnerOnly && !QFile::setPermissions(path, kOwnerOnly))
        return Error::io(QStringLiteral("cannot restrict the permissions of %1").arg(path));
    return {};
}

Status CliConfig::remove(const QString &path)
{
    QFile file(path);
    if (file.exists() && !file.remove())
        return Error::io(QStringLiteral("cannot remove %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace ArchiveSync
