// SPDX-License-Identifier: Apache-2.0
#include "service/ServiceContext.h"

#include "core/common/FileUtil.h"

#include <QDir>
#include <QStandardPaths>

namespace ArchiveSync {

ServiceContext::ServiceContext(QString dataDir, const Clock &clock)
    : m_dataDir(QDir(dataDir).absolutePath())
    , m_clock(clock)
{
    m_builder = std::make_unique<RepositoryBuilder>(m_archive, m_offline, m_clock, repositoriesPath());
    m_repositoryJobs = std::make_unique<RepositoryJobs>(m_archive, m_offline, m_jobs, *m_builder, m_clock,
                                                        repositoriesPath() + QStringLiteral("/.lock"));
}

ServiceContext::~ServiceContext() = default;

QString ServiceContext::defaultStoragePath() const
{
    return m_dataDir + QStringLiteral("/archive");
}

QString ServiceContext::repositoriesPath() const
{
    return m_dataDir + QStringLiteral("/repositories");
}

Status ServiceContext::open()
{
    if (Status st = FileUtil::makeDirectory(m_dataDir, 0700); !st.ok())
        return st;
    if (Status st = m_db.openSqlite(m_dataDir + QStringLiteral("/archive.db")); !st.ok())
        return st;
    if (auto storage =
            m_archive.ensureStorage(QStringLiteral("default"), StorageKind::Disk, defaultStoragePath());
        !storage)
        return storage.error();
    return {};
}

Result<Schedule> ServiceContext::schedule() const
{
    Result<std::optional<QJsonObject>> stored = m_jobs.schedule();
    if (!stored)
        return stored.error();
    if (!stored->has_value() || (*stored)->isEmpty())
        return Schedule();
    return Schedule::fromJson(**stored);
}

QString ServiceContext::resolveDataDir(const QString &fromCommandLine)
{
    if (!fromCommandLine.isEmpty())
        return fromCommandLine;
    const QString env = qEnvironmentVariable("ARCHIVESYNC_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace ArchiveSync
