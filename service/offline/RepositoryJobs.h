// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "service/offline/RepositoryBuilder.h"
#include "service/store/JobStore.h"

#include <QList>
#include <QString>

#include <memory>

class QLockFile;

namespace ArchiveSync {

/// \brief The outcome of one job: per-mailbox results and the history record.
struct JobOutcome
{
    JobRecord record;
    QList<RepositoryUpdate> updates;
    QStringList errors;
};

/// \brief Runs repository jobs (scheduled, catch-up, "Synchronize now", flush) one at a time.
///
/// A lock file beside the repositories keeps a second process (the CLI next to a running
/// service) from building at the same time; the lock of a killed process is recognised as
/// stale. Every job starts by repairing what an interrupted one left, and is recorded in the
/// job history.
class RepositoryJobs
{
public:
    RepositoryJobs(ArchiveStore &archive, OfflineStore &offline, JobStore &jobs, RepositoryBuilder &builder,
                   const Clock &clock, QString lockPath);
    ~RepositoryJobs();

    /// Updates the given mailboxes, or all enabled ones when the list is empty.
    Result<JobOutcome> update(const QList<qint64> &mailboxIds, const QString &trigger);
    Result<JobOutcome> flush(qint64 mailboxId, const QString &trigger);
    /// Repairs leftovers under the lock; done before serving and by every job.
    Status recover();
    /// How long a job waits for another job's lock before it fails with Conflict (default 10 minutes).
    void setLockTimeout(int msecs) { m_lockTimeoutMs = msecs; }

private:
    Result<JobOutcome> run(const QString &kind, const QString &trigger, const QList<qint64> &mailboxIds,
                           bool flush);
    Status lock();
    void unlock();

    ArchiveStore &m_archive;
    OfflineStore &m_offline;
    JobStore &m_jobs;
    RepositoryBuilder &m_builder;
    const Clock &m_clock;
    std::unique_ptr<QLockFile> m_lock;
    int m_lockTimeoutMs = 10 * 60 * 1000;
};

} // namespace ArchiveSync
