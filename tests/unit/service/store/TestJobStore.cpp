// SPDX-License-Identifier: Apache-2.0
#include "service/store/JobStore.h"
#include "tests/support/MailFixtures.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

class TestJobStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JobStore> m_jobs;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->openSqlite(m_dir->filePath(QStringLiteral("archive.db"))).ok());
        m_jobs = std::make_unique<JobStore>(*m_db);
    }
    void cleanup()
    {
        m_jobs.reset();
        m_db.reset();
        m_dir.reset();
    }

    void scheduleJson()
    {
        auto none = m_jobs->schedule();
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());

        const QJsonObject spec{
            {QStringLiteral("kind"), QStringLiteral("daily")},
            {QStringLiteral("times"), QJsonArray{QStringLiteral("06:00"), QStringLiteral("18:30")}}};
        QVERIFY(m_jobs->setSchedule(spec, kNow).ok());
        auto stored = m_jobs->schedule();
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE(**stored, spec);

        const QJsonObject other{{QStringLiteral("kind"), QStringLiteral("every")},
                                {QStringLiteral("hours"), 4}};
        QVERIFY(m_jobs->setSchedule(other, kNow.addSecs(1)).ok());
        QCOMPARE(**m_jobs->schedule(), other);

        QVERIFY(m_db->exec(QStringLiteral("UPDATE schedule SET spec = 'not json'")).ok());
        auto broken = m_jobs->schedule();
        QVERIFY(!broken);
        QCOMPARE(broken.error().category, ErrorCategory::Database);
    }

    void lastRunSlot()
    {
        auto none = m_jobs->lastRunSlot();
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());

        // Without a stored schedule: the default schedule stays in force.
        const QDateTime slot = kNow.addSecs(-3600);
        QVERIFY(m_jobs->setLastRunSlot(slot, kNow).ok());
        auto read = m_jobs->lastRunSlot();
        QVERIFY(read.ok() && read->has_value());
        QCOMPARE(**read, slot);
        auto schedule = m_jobs->schedule();
        QVERIFY(schedule.ok());
        QVERIFY(!schedule->has_value() || (*schedule)->isEmpty());

        // Setting a schedule keeps the slot; setting the slot keeps the schedule.
        const QJsonObject spec{{QStringLiteral("kind"), QStringLiteral("daily")}};
        QVERIFY(m_jobs->setSchedule(spec, kNow).ok());
        QCOMPARE(**m_jobs->lastRunSlot(), slot);
        QVERIFY(m_jobs->setLastRunSlot(slot.addDays(1), kNow).ok());
        QCOMPARE(**m_jobs->lastRunSlot(), slot.addDays(1));
        QCOMPARE(**m_jobs->schedule(), spec);
    }

    void historyNewestFirst()
    {
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            auto id = m_jobs->beginJob(i % 2 ? QStringLiteral("flush") : QStringLiteral("update"),
                                       QStringLiteral("manual"), kNow.addSecs(i * 60));
            QVERIFY(id.ok());
            ids << *id;
        }
        JobRecord done;
        done.id = ids.at(1);
        done.finished = kNow.addSecs(90);
        done.status = QStringLiteral("done");
        done.mailboxes = 2;
        done.segments = 5;
        done.messages = 17;
        done.bytes = 123456;
        QVERIFY(m_jobs->finishJob(done).ok());

        auto jobs = m_jobs->recentJobs(10);
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(jobs->at(i).id, ids.at(3 - i));
        const JobRecord &r = jobs->at(2);
        QCOMPARE(r.kind, QStringLiteral("flush"));
        QCOMPARE(r.trigger, QStringLiteral("manual"));
        QCOMPARE(r.started, kNow.addSecs(60));
        QCOMPARE(r.finished, kNow.addSecs(90));
        QCOMPARE(r.status, QStringLiteral("done"));
        QCOMPARE(r.mailboxes, 2);
        QCOMPARE(r.segments, 5);
        QCOMPARE(r.messages, 17);
        QCOMPARE(r.bytes, 123456);
        QCOMPARE(r.errors, QString());
        QCOMPARE(jobs->at(0).status, QStringLiteral("running"));
        QVERIFY(!jobs->at(0).finished.isValid());

        auto limited = m_jobs->recentJobs(2);
        QVERIFY(limited.ok());
        QCOMPARE(limited->size(), 2);
        QCOMPARE(limited->at(0).id, ids.at(3));
        QCOMPARE(limited->at(1).id, ids.at(2));

        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("id")).toInteger(), ids.at(1));
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("flush"));
        QCOMPARE(json.value(QStringLiteral("bytes")).toInteger(), 123456);
        QCOMPARE(json.value(QStringLiteral("started")).toString(), kNow.addSecs(60).toString(Qt::ISODate));
        QVERIFY(jobs->at(0).toJson().value(QStringLiteral("finished")).isNull());
    }

    void failedStatusAndErrorsStored()
    {
        auto id = m_jobs->beginJob(QStringLiteral("update"), QStringLiteral("schedule"), kNow);
        QVERIFY(id.ok());
        JobRecord failed;
        failed.id = *id;
        failed.finished = kNow.addSecs(1);
        failed.status = QStringLiteral("failed");
        failed.errors = QStringLiteral("one\ntwo");
        QVERIFY(m_jobs->finishJob(failed).ok());
        auto jobs = m_jobs->recentJobs(1);
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->at(0).status, QStringLiteral("failed"));
        QCOMPARE(jobs->at(0).trigger, QStringLiteral("schedule"));
        QCOMPARE(jobs->at(0).errors, QStringLiteral("one\ntwo"));
        // The schema refuses unknown states.
        failed.status = QStringLiteral("exploded");
        QVERIFY(!m_jobs->finishJob(failed).ok());
    }

    void failAbandonedJobs()
    {
        auto finished = m_jobs->beginJob(QStringLiteral("update"), QStringLiteral("manual"), kNow);
        auto abandoned =
            m_jobs->beginJob(QStringLiteral("flush"), QStringLiteral("manual"), kNow.addSecs(10));
        QVERIFY(finished.ok() && abandoned.ok());
        JobRecord done;
        done.id = *finished;
        done.finished = kNow.addSecs(5);
        done.status = QStringLiteral("done");
        QVERIFY(m_jobs->finishJob(done).ok());

        const QDateTime restart = kNow.addSecs(3600);
        QVERIFY(m_jobs->failAbandonedJobs(restart).ok());
        auto jobs = m_jobs->recentJobs(10);
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->size(), 2);
        QCOMPARE(jobs->at(0).id, *abandoned);
        QCOMPARE(jobs->at(0).status, QStringLiteral("failed"));
        QCOMPARE(jobs->at(0).finished, restart);
        QVERIFY(jobs->at(0).errors.contains(QStringLiteral("interrupted")));
        QCOMPARE(jobs->at(1).status, QStringLiteral("done"));
        QCOMPARE(jobs->at(1).finished, kNow.addSecs(5));
        QVERIFY(jobs->at(1).errors.isEmpty());
        // Idempotent.
        QVERIFY(m_jobs->failAbandonedJobs(restart.addSecs(60)).ok());
        QCOMPARE(m_jobs->recentJobs(1)->at(0).finished, restart);
    }
};

QTEST_GUILESS_MAIN(TestJobStore)
#include "TestJobStore.moc"
