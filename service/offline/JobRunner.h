// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "service/store/JobStore.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

#include <optional>

namespace ArchiveSync {

class JobWorker;

/// \brief What the job thread is doing, for status pages.
struct JobActivity
{
    bool running = false;
    QString kind;
    QString trigger;
    QDateTime started;
    QString mailbox; ///< the mailbox being built now
    qint64 done = 0;
    qint64 total = 0;
    int queued = 0; ///< requests waiting behind the running one
};

/// \brief Runs repository jobs on a thread of its own, with its own database connection, so that
/// the API keeps answering (and segments keep streaming) while a repository is built.
///
/// Requests queue in order; each runs through RepositoryJobs (lock, repair, history) exactly as
/// the CLI does. A scheduled request also records its slot once it ran.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    JobRunner(const QString &dataDir, const Clock &clock, QObject *parent = nullptr);
    /// Waits for the running job to finish (it is not interrupted) and stops the thread.
    ~JobRunner() override;

    /// Updates the given mailboxes (all enabled ones when empty). `slot` is the schedule slot
    /// this run stands for; it is recorded as the last run when the job ends.
    void requestUpdate(const QList<qint64> &mailboxIds, const QString &trigger, const QDateTime &slot = {});
    void requestFlush(qint64 mailboxId, const QString &trigger);

    JobActivity activity() const;

signals:
    void jobFinished(const ArchiveSync::JobRecord &record);

private:
    friend class JobWorker;
    void setActivity(const JobActivity &activity);
    void changeQueued(int delta);

    QThread m_thread;
    JobWorker *m_worker = nullptr;
    mutable QMutex m_mutex;
    JobActivity m_activity;
};

} // namespace ArchiveSync
