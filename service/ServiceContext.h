// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/schedule/Schedule.h"
#include "service/offline/RepositoryBuilder.h"
#include "service/offline/RepositoryJobs.h"
#include "service/store/ArchiveStore.h"
#include "service/store/Database.h"
#include "service/store/JobStore.h"
#include "service/store/OfflineStore.h"

#include <QString>

#include <memory>

namespace ArchiveSync {

/// \brief The service's objects for one data directory, wired together.
///
/// Layout of a data directory: archive.db (metadata), archive/ (the default disk storage
/// repository's message content), repositories/ (offline repositories: <mailbox id>/manifest.json
/// and <mailbox id>/g<generation>/<sha256>.tar.zst).
class ServiceContext
{
public:
    ServiceContext(QString dataDir, const Clock &clock);
    ~ServiceContext();

    Status open();

    const QString &dataDir() const { return m_dataDir; }
    QString defaultStoragePath() const;
    QString repositoriesPath() const;
    const Clock &clock() const { return m_clock; }

    Database &database() { return m_db; }
    ArchiveStore &archive() { return m_archive; }
    OfflineStore &offline() { return m_offline; }
    JobStore &jobs() { return m_jobs; }
    RepositoryBuilder &builder() { return *m_builder; }
    RepositoryJobs &repositoryJobs() { return *m_repositoryJobs; }

    /// The stored schedule, or the default (daily at 06:00).
    Result<Schedule> schedule() const;

    /// The data directory a command uses: --data-dir, else $ARCHIVESYNC_DATA_DIR, else the
    /// per-user application data location.
    static QString resolveDataDir(const QString &fromCommandLine);

private:
    QString m_dataDir;
    const Clock &m_clock;
    Database m_db;
    ArchiveStore m_archive{m_db};
    OfflineStore m_offline{m_db};
    JobStore m_jobs{m_db};
    std::unique_ptr<RepositoryBuilder> m_builder;
    std::unique_ptr<RepositoryJobs> m_repositoryJobs;
};

} // namespace ArchiveSync
