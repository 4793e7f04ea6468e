// SPDX-License-Identifier: Apache-2.0
#include "service/offline/JobRunner.h"

#include "service/ServiceContext.h"
#include "service/common/Logging.h"

#include <QMetaObject>

#include <memory>

namespace ArchiveSync {

/// \brief Lives on the job thread; owns that thread's ServiceContext (one database connection per thread).
class JobWorker : public QObject
{
public:
    JobWorker(JobRunner &runner, QString dataDir, const Clock &clock)
        : m_runner(runner)
        , m_dataDir(std::move(dataDir))
        , m_clock(clock)
    {}

    void update(const QList<qint64> &mailboxIds, const QString &trigger, const QDateTime &slot)
    {
        run(QStringLiteral("update"), trigger,
            [&](ServiceContext &ctx) { return ctx.repositoryJobs().update(mailboxIds, trigger); });
        if (!slot.isValid() || !context())
            return;
        // The slot counts as run even when a mailbox failed: the failure is in the job history,
        // and retrying in a burst would not help the others.
        if (Status st = m_context->jobs().setLastRunSlot(slot, m_clock.now()); !st.ok())
            qCWarning(lcService) << "cannot record the schedule slot:" << st.errorString();
    }

    void flush(qint64 mailboxId, const QString &trigger)
    {
        run(QStringLiteral("flush"), trigger,
            [&](ServiceContext &ctx) { return ctx.repositoryJobs().flush(mailboxId, trigger); });
    }

    // Created on first use, so on the job thread.
    ServiceContext *context()
    {
        if (m_context)
            return m_context.get();
        auto ctx = std::make_unique<ServiceContext>(m_dataDir, m_clock);
        if (Status st = ctx->open(); !st.ok()) {
            qCWarning(lcService) << "job thread cannot open the data directory:" << st.errorString();
            return nullptr;
        }
        ctx->builder().setProgress([this](const QString &mailbox, qint64 done, qint64 total) {
            JobActivity a = m_runner.activity();
            a.mailbox = mailbox;
            a.done = done;
            a.total = total;
            m_runner.setActivity(a);
        });
        m_context = std::move(ctx);
        return m_context.get();
    }

private:
    template<typename Job>
    void run(const QString &kind, const QString &trigger, Job job)
    {
        m_runner.changeQueued(-1);
        JobActivity activity = m_runner.activity();
        activity.running = true;
        activity.kind = kind;
        activity.trigger = trigger;
        activity.started = m_clock.now();
        activity.mailbox.clear();
        activity.done = activity.total = 0;
        m_runner.setActivity(activity);

        ServiceContext *ctx = context();
        JobRecord record;
        if (ctx) {
            Result<JobOutcome> outcome = job(*ctx);
            if (outcome) {
                record = outcome->record;
            } else {
                qCWarning(lcService) << kind << "job failed:" << outcome.errorString();
                record.kind = kind;
                record.trigger = trigger;
                record.status = QStringLiteral("failed");
                record.errors = outcome.errorString();
            }
        }
        activity = m_runner.activity();
        activity.running = false;
        m_runner.setActivity(activity);
        emit m_runner.jobFinished(record);
    }

    JobRunner &m_runner;
    QString m_dataDir;
    const Clock &m_clock;
    std::unique_ptr<ServiceContext> m_context;
};

JobRunner::JobRunner(const QString &dataDir, const Clock &clock, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ArchiveSync::JobRecord>();
    m_thread.setObjectName(QStringLiteral("archivesync-jobs"));
    m_worker = new JobWorker(*this, dataDir, clock);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

JobRunner::~JobRunner()
{
    m_thread.quit();
    m_thread.wait();
}

void JobRunner::requestUpdate(const QList<qint64> &mailboxIds, const QString &trigger, const QDateTime &slot)
{
    changeQueued(+1);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, mailboxIds, trigger, slot] {
        worker->update(mailboxIds, trigger, slot);
    });
}

void JobRunner::requestFlush(qint64 mailboxId, const QString &trigger)
{
    changeQueued(+1);
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, mailboxId, trigger] { worker->flush(mailboxId, trigger); });
}

JobActivity JobRunner::activity() const
{
    QMutexLocker lock(&m_mutex);
    return m_activity;
}

void JobRunner::setActivity(const JobActivity &activity)
{
    QMutexLocker lock(&m_mutex);
    const int queued = m_activity.queued;
    m_activity = activity;
    m_activity.queued = queued; // the queue count has its own path, changeQueued()
}

void JobRunner::changeQueued(int delta)
{
    QMutexLocker lock(&m_mutex);
    m_activity.queued += delta;
}

} // namespace ArchiveSync
