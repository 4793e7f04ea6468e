// SPDX-License-Identifier: Apache-2.0
#include "service/store/JobStore.h"

#include "service/store/ArchiveStore.h"

#include <QJsonDocument>

namespace ArchiveSync {

QJsonObject JobRecord::toJson() const
{
    auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue();
    };
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("trigger"), trigger},
                       {QStringLiteral("started"), time(started)},
                       {QStringLiteral("finished"), time(finished)},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("mailboxes"), mailboxes},
                       {QStringLiteral("segments"), segments},
                       {QStringLiteral("messages"), messages},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("errors"), errors}};
}

Result<std::optional<QJsonObject>> JobStore::schedule() const
{
    auto q = m_db.exec(QStringLiteral("SELECT spec FROM schedule WHERE id = 1"));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QJsonObject>();
    const QJsonDocument doc = QJsonDocument::fromJson(q->value(0).toString().toUtf8());
    if (!doc.isObject())
        return Error::database(QStringLiteral("the stored schedule is not a JSON object"));
    return std::optional<QJsonObject>(doc.object());
}

Status JobStore::setSchedule(const QJsonObject &spec, const QDateTime &now)
{
    auto q =
        m_db.exec(QStringLiteral("INSERT INTO schedule (id, spec, changed_at) VALUES (1, ?, ?)"
                                 " ON CONFLICT (id) DO UPDATE SET spec = excluded.spec,"
                                 " changed_at = excluded.changed_at"),
                  {QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)), toDbTime(now)});
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<QDateTime>> JobStore::lastRunSlot() const
{
    auto q = m_db.exec(QStringLiteral("SELECT last_run_slot FROM schedule WHERE id = 1"));
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromDbTime(q->value(0)));
}

Status JobStore::setLastRunSlot(const QDateTime &slot, const QDateTime &now)
{
    // The schedule row may not exist yet when the default schedule is in force.
    auto q = m_db.exec(
        QStringLiteral("INSERT INTO schedule (id, spec, last_run_slot, changed_at) VALUES (1, '{}', ?, ?)"
                       " ON CONFLICT (id) DO UPDATE SET last_run_slot = excluded.last_run_slot"),
        {toDbTime(slot), toDbTime(now)});
    if (!q)
        return q.error();
    return {};
}

Result<qint64> JobStore::beginJob(const QString &kind, const QString &trigger, const QDateTime &now)
{
    return m_db.insert(QStringLiteral("INSERT INTO jobs (kind, trigger_kind, started_at, status)"
                                      " VALUES (?, ?, ?, 'running') RETURNING id"),
                       {kind, trigger, toDbTime(now)});
}

Status JobStore::finishJob(const JobRecord &job)
{
    auto q =
        m_db.exec(QStringLiteral("UPDATE jobs SET finished_at = ?, status = ?, mailboxes = ?, segments = ?,"
                                 " messages = ?, bytes = ?, errors = ? WHERE id = ?"),
                  {toDbTime(job.finished), job.status, job.mailboxes, job.segments, job.messages, job.bytes,
                   job.errors, job.id});
    if (!q)
        return q.error();
    return {};
}

Result<QList<JobRecord>> JobStore::recentJobs(int limit) const
{
    auto q =
        m_db.exec(QStringLiteral("SELECT id, kind, trigger_kind, started_at, finished_at, status, mailboxes,"
                                 " segments, messages, bytes, errors FROM jobs ORDER BY id DESC LIMIT ?"),
                  {limit});
    if (!q)
        return q.error();
    QList<JobRecord> jobs;
    while (q->next()) {
        JobRecord j;
        j.id = q->value(0).toLongLong();
        j.kind = q->value(1).toString();
        j.trigger = q->value(2).toString();
        j.started = fromDbTime(q->value(3));
        j.finished = fromDbTime(q->value(4));
        j.status = q->value(5).toString();
        j.mailboxes = q->value(6).toInt();
        j.segments = q->value(7).toInt();
        j.messages = q->value(8).toInt();
        j.bytes = q->value(9).toLongLong();
        j.errors = q->value(10).toString();
        jobs.append(j);
    }
    return jobs;
}

Status JobStore::failAbandonedJobs(const QDateTime &now)
{
    auto q = m_db.exec(QStringLiteral("UPDATE jobs SET status = 'failed', finished_at = ?,"
                                      " errors = 'interrupted: the service stopped during the job'"
                                      " WHERE status = 'running'"),
                       {toDbTime(now)});
    if (!q)
        return q.error();
    return {};
}

} // namespace ArchiveSync
