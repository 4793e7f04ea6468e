// SPDX-License-Identifier: Apache-2.0
#include "service/offline/RepositoryJobs.h"

#include "core/common/FileUtil.h"
#include "service/common/Logging.h"

#include <QFileInfo>
#include <QLockFile>

namespace ArchiveSync {

RepositoryJobs::RepositoryJobs(ArchiveStore &archive, OfflineStore &offline, JobStore &jobs,
                               RepositoryBuilder &builder, const Clock &clock, QString lockPath)
    : m_archive(archive)
    , m_offline(offline)
    , m_jobs(jobs)
    , m_builder(builder)
    , m_clock(clock)
    , m_lock(std::make_unique<QLockFile>(lockPath))
{
    // Only a lock whose process is gone is stale: a long build must not lose its lock by age.
    m_lock->setStaleLockTime(0);
}

RepositoryJobs::~RepositoryJobs() = default;

Status RepositoryJobs::lock()
{
    if (Status st = FileUtil::makeDirectory(QFileInfo(m_lock->fileName()).absolutePath(), 0750); !st.ok())
        return st;
    if (m_lock->tryLock(m_lockTimeoutMs))
        return {};
    qint64 pid = 0;
    QString host, app;
    m_lock->getLockInfo(&pid, &host, &app);
    return Error::conflict(
        QStringLiteral("another repository job is running (process %1 on %2)").arg(pid).arg(host));
}

void RepositoryJobs::unlock()
{
    m_lock->unlock();
}

Status RepositoryJobs::recover()
{
    if (Status st = lock(); !st.ok())
        return st;
    Status st = m_jobs.failAbandonedJobs(m_clock.now());
    if (st.ok())
        st = m_builder.recover();
    unlock();
    return st;
}

Result<JobOutcome> RepositoryJobs::update(const QList<qint64> &mailboxIds, const QString &trigger)
{
    return run(QStringLiteral("update"), trigger, mailboxIds, false);
}

Result<JobOutcome> RepositoryJobs::flush(qint64 mailboxId, const QString &trigger)
{
    return run(QStringLiteral("flush"), trigger, {mailboxId}, true);
}

Result<JobOutcome> RepositoryJobs::run(const QString &kind, const QString &trigger,
                                       const QList<qint64> &requested, bool flush)
{
    if (Status st = lock(); !st.ok())
        return st.error();
    struct Unlock
    {
        RepositoryJobs *self;
        ~Unlock() { self->unlock(); }
    } unlockOnExit{this};

    if (Status st = m_jobs.failAbandonedJobs(m_clock.now()); !st.ok())
        return st.error();
    // A failed repair is reported with the job; the update that follows rewrites what it can.
    const Status repaired = m_builder.recover();

    QList<qint64> ids = requested;
    if (ids.isEmpty()) {
        Result<QList<Mailbox>> all = m_archive.mailboxes();
        if (!all)
            return all.error();
        for (const Mailbox &m : std::as_const(*all)) {
            Result<MailboxOfflineConfig> config = m_offline.mailboxConfig(m.id);
            if (!config)
                return config.error();
            if (config->enabled)
                ids.append(m.id);
        }
    }

    Result<qint64> jobId = m_jobs.beginJob(kind, trigger, m_clock.now());
    if (!jobId)
        return jobId.error();
    JobOutcome outcome;
    outcome.record.id = *jobId;
    outcome.record.kind = kind;
    outcome.record.trigger = trigger;
    if (!repaired.ok())
        outcome.errors << repaired.errorString();
    for (qint64 id : std::as_const(ids)) {
        Result<RepositoryUpdate> update = m_builder.update(id, flush);
        if (!update) {
            outcome.errors << update.errorString();
            qCWarning(lcOffline) << "repository job" << *jobId << ":" << update.errorString();
            continue;
        }
        outcome.record.mailboxes += 1;
        outcome.record.segments += update->segments;
        outcome.record.messages += update->messagesAdded;
        outcome.record.bytes += update->bytes;
        outcome.updates.append(*update);
    }
    outcome.record.finished = m_clock.now();
    outcome.record.status = outcome.errors.isEmpty() ? QStringLiteral("done") : QStringLiteral("failed");
    outcome.record.errors = outcome.errors.join(QLatin1Char('\n'));
    if (Status st = m_jobs.finishJob(outcome.record); !st.ok())
        return st.error();
    return outcome;
}

} // namespace ArchiveSync
