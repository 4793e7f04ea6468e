// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "service/store/Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ArchiveSync {

/// \brief One repository job as the history shows it.
struct JobRecord
{
    qint64 id = 0;
    QString kind;    ///< "update" or "flush"
    QString trigger; ///< "schedule", "catch-up", "manual"
    QDateTime started;
    QDateTime finished;
    QString status; ///< "running", "done", "failed"
    int mailboxes = 0;
    int segments = 0;
    int messages = 0;
    qint64 bytes = 0;
    QString errors;

    QJsonObject toJson() const;
};

/// \brief The stored schedule and the job history.
class JobStore
{
public:
    explicit JobStore(Database &db)
        : m_db(db)
    {}

    /// The stored schedule as JSON; nullopt when none was ever set (the default applies).
    Result<std::optional<QJsonObject>> schedule() const;
    Status setSchedule(const QJsonObject &spec, const QDateTime &now);
    Result<std::optional<QDateTime>> lastRunSlot() const;
    Status setLastRunSlot(const QDateTime &slot, const QDateTime &now);

    Result<qint64> beginJob(const QString &kind, const QString &trigger, const QDateTime &now);
    Status finishJob(const JobRecord &job);
    Result<QList<JobRecord>> recentJobs(int limit) const;
    /// Marks jobs left "running" by a process that died as failed, so history stays true.
    Status failAbandonedJobs(const QDateTime &now);

private:
    Database &m_db;
};

} // namespace ArchiveSync
