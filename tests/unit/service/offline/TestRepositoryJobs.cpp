// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "service/ServiceContext.h"
#include "service/ingest/Ingestor.h"
#include "tests/support/MailFixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/wait.h>
#include <unistd.h>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

class TestRepositoryJobs : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ServiceContext> m_ctx;
    int m_sources = 0;

    QString lockPath() const { return m_ctx->repositoriesPath() + QStringLiteral("/.lock"); }

    qint64 archive(const QString &address, const QList<QByteArray> &mails, const QString &storage = {})
    {
        const QString dir = m_dir->filePath(QStringLiteral("src/%1").arg(++m_sources));
        for (int i = 0; i < mails.size(); ++i) {
            if (!writeFile(QStringLiteral("%1/%2.eml").arg(dir).arg(i), mails.at(i)))
                return 0;
        }
        Ingestor ingestor(m_ctx->archive(), *m_clock, m_ctx->defaultStoragePath());
        Ingestor::Options options;
        options.mailbox = address;
        options.storage = storage;
        auto report = ingestor.archive(options, {dir});
        if (!report || report->counts.archived != mails.size())
            return 0;
        return (*m_ctx->archive().mailboxByAddress(address))->id;
    }

    bool enable(qint64 mb)
    {
        MailboxOfflineConfig config;
        config.enabled = true;
        return m_ctx->offline().setMailboxConfig(mb, config, m_clock->now()).ok();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(kNow);
        m_ctx = std::make_unique<ServiceContext>(m_dir->filePath(QStringLiteral("data")), *m_clock);
        QVERIFY(m_ctx->open().ok());
        m_ctx->repositoryJobs().setLockTimeout(200);
    }
    void cleanup()
    {
        m_ctx.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void updateAllEnabled()
    {
        const qint64 alice =
            archive(QStringLiteral("alice@example.org"), {fixtureMail("a1"), fixtureMail("a2")});
        const qint64 bob = archive(QStringLiteral("bob@example.org"), {fixtureMail("b1")});
        const qint64 carol = archive(QStringLiteral("carol@example.org"), {fixtureMail("c1")});
        QVERIFY(alice && bob && carol);
        QVERIFY(enable(alice));
        QVERIFY(enable(bob));

        auto outcome = m_ctx->repositoryJobs().update({}, QStringLiteral("schedule"));
        QVERIFY2(outcome.ok(), qPrintable(outcome.errorString()));
        QVERIFY(outcome->errors.isEmpty());
        QCOMPARE(outcome->updates.size(), 2);
        QCOMPARE(outcome->updates.at(0).mailbox, QStringLiteral("alice@example.org"));
        QCOMPARE(outcome->updates.at(1).mailbox, QStringLiteral("bob@example.org"));
        QVERIFY(!m_ctx->offline().repository(carol)->has_value());
        QVERIFY(!QFileInfo::exists(m_ctx->builder().repositoryDir(carol)));

        const JobRecord &r = outcome->record;
        QCOMPARE(r.kind, QStringLiteral("update"));
        QCOMPARE(r.trigger, QStringLiteral("schedule"));
        QCOMPARE(r.status, QStringLiteral("done"));
        QCOMPARE(r.mailboxes, 2);
        QCOMPARE(r.messages, 3);
        QCOMPARE(r.segments, outcome->updates.at(0).segments + outcome->updates.at(1).segments);
        QCOMPARE(r.bytes, outcome->updates.at(0).bytes + outcome->updates.at(1).bytes);
        QVERIFY(r.bytes > 0);
        QCOMPARE(r.finished, kNow);

        auto history = m_ctx->jobs().recentJobs(10);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 1);
        const JobRecord &stored = history->at(0);
        QCOMPARE(stored.id, r.id);
        QCOMPARE(stored.status, QStringLiteral("done"));
        QCOMPARE(stored.started, kNow);
        QCOMPARE(stored.finished, kNow);
        QCOMPARE(stored.mailboxes, 2);
        QCOMPARE(stored.segments, r.segments);
        QCOMPARE(stored.messages, 3);
        QCOMPARE(stored.bytes, r.bytes);
        QVERIFY(stored.errors.isEmpty());

        // Nothing new: a job still runs and is recorded, with nothing added.
        m_clock->advance(60 * 1000);
        auto again = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        QVERIFY(again.ok());
        QCOMPARE(again->updates.size(), 2);
        QCOMPARE(again->record.messages, 0);
        QCOMPARE(again->record.segments, 0);
        QVERIFY(!again->updates.at(0).changed);
        history = m_ctx->jobs().recentJobs(10);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).trigger, QStringLiteral("manual"));
        QCOMPARE(history->at(0).mailboxes, 2);
    }

    void noEnabledMailbox()
    {
        QVERIFY(archive(QStringLiteral("alice@example.org"), {fixtureMail("a1")}));
        auto outcome = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        QVERIFY(outcome.ok());
        QVERIFY(outcome->updates.isEmpty());
        QCOMPARE(outcome->record.status, QStringLiteral("done"));
        QCOMPARE(outcome->record.mailboxes, 0);
    }

    void errorsPerMailboxDoNotStopOthers()
    {
        auto hsm = m_ctx->archive().ensureStorage(QStringLiteral("hsm"), StorageKind::StorageManager,
                                                  m_dir->filePath(QStringLiteral("hsm")));
        QVERIFY(hsm.ok());
        const qint64 alice =
            archive(QStringLiteral("alice@example.org"), {fixtureMail("a1")}, QStringLiteral("hsm"));
        const qint64 bob = archive(QStringLiteral("bob@example.org"), {fixtureMail("b1"), fixtureMail("b2")});
        QVERIFY(alice && bob);
        QVERIFY(enable(alice)); // the store allows it; the builder refuses it
        QVERIFY(enable(bob));

        auto outcome = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->errors.size(), 1);
        QVERIFY(outcome->errors.at(0).contains(QStringLiteral("alice@example.org")));
        QCOMPARE(outcome->updates.size(), 1);
        QCOMPARE(outcome->updates.at(0).mailbox, QStringLiteral("bob@example.org"));
        QCOMPARE(outcome->updates.at(0).messagesAdded, 2);
        QCOMPARE(outcome->record.status, QStringLiteral("failed"));
        QCOMPARE(outcome->record.mailboxes, 1);
        QCOMPARE(outcome->record.messages, 2);
        auto history = m_ctx->jobs().recentJobs(1);
        QVERIFY(history.ok());
        QCOMPARE(history->at(0).status, QStringLiteral("failed"));
        QCOMPARE(history->at(0).errors, outcome->errors.at(0));
        QVERIFY(m_ctx->offline().repository(bob)->has_value());
        QVERIFY(!m_ctx->offline().repository(alice)->has_value());

        // A named but disabled mailbox is an error of that mailbox only.
        const qint64 carol = archive(QStringLiteral("carol@example.org"), {fixtureMail("c1")});
        QVERIFY(carol);
        auto named = m_ctx->repositoryJobs().update({carol, bob}, QStringLiteral("manual"));
        QVERIFY(named.ok());
        QCOMPARE(named->errors.size(), 1);
        QVERIFY(named->errors.at(0).contains(QStringLiteral("carol@example.org")));
        QCOMPARE(named->updates.size(), 1);
    }

    void flushJob()
    {
        const qint64 alice =
            archive(QStringLiteral("alice@example.org"), {fixtureMail("a1"), fixtureMail("a2")});
        QVERIFY(alice && enable(alice));
        QVERIFY(m_ctx->repositoryJobs().update({}, QStringLiteral("manual")).ok());
        m_clock->advance(1000);
        auto outcome = m_ctx->repositoryJobs().flush(alice, QStringLiteral("manual"));
        QVERIFY2(outcome.ok(), qPrintable(outcome.errorString()));
        QCOMPARE(outcome->record.kind, QStringLiteral("flush"));
        QCOMPARE(outcome->record.status, QStringLiteral("done"));
        QCOMPARE(outcome->updates.size(), 1);
        QVERIFY(outcome->updates.at(0).rebuilt);
        QCOMPARE(outcome->updates.at(0).generation, 2);
        QCOMPARE(outcome->record.messages, 2);
        QVERIFY(!QFileInfo::exists(m_ctx->builder().generationDir(alice, 1)));
        auto history = m_ctx->jobs().recentJobs(10);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).kind, QStringLiteral("flush"));
        QCOMPARE(history->at(1).kind, QStringLiteral("update"));
    }

    void jobRepairsAndFailsAbandoned()
    {
        const qint64 alice = archive(QStringLiteral("alice@example.org"), {fixtureMail("a1")});
        QVERIFY(alice && enable(alice));
        QVERIFY(m_ctx->repositoryJobs().update({}, QStringLiteral("manual")).ok());
        // A process died during a job: a running record and a partial segment.
        auto abandoned = m_ctx->jobs().beginJob(QStringLiteral("update"), QStringLiteral("schedule"), kNow);
        QVERIFY(abandoned.ok());
        const QString part = m_ctx->builder().generationDir(alice, 1) + QStringLiteral("/.tmp-dead.part");
        QVERIFY(writeFile(part, "partial"));
        QVERIFY(QFile::remove(m_ctx->builder().manifestPath(alice)));

        m_clock->advance(3600 * 1000);
        auto outcome = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        QVERIFY(outcome.ok());
        QVERIFY(outcome->errors.isEmpty());
        QVERIFY(!QFileInfo::exists(part));
        QVERIFY(QFileInfo::exists(m_ctx->builder().manifestPath(alice)));
        auto history = m_ctx->jobs().recentJobs(10);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(1).id, *abandoned);
        QCOMPARE(history->at(1).status, QStringLiteral("failed"));
        QCOMPARE(history->at(1).finished, m_clock->now());
        QCOMPARE(history->at(0).status, QStringLiteral("done"));

        // recover() alone does the same under the lock.
        QVERIFY(writeFile(part, "partial"));
        QVERIFY(m_ctx->repositoryJobs().recover().ok());
        QVERIFY(!QFileInfo::exists(part));
    }

    void lockHeldByAnotherJob()
    {
        const qint64 alice = archive(QStringLiteral("alice@example.org"), {fixtureMail("a1")});
        QVERIFY(alice && enable(alice));
        QVERIFY(QDir().mkpath(m_ctx->repositoriesPath()));
        QLockFile held(lockPath());
        QVERIFY(held.tryLock(0));

        QElapsedTimer timer;
        timer.start();
        auto outcome = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().category, ErrorCategory::Conflict);
        QVERIFY2(outcome.errorString().contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(outcome.errorString()));
        QVERIFY(timer.elapsed() < 2000);
        const Status recovered = m_ctx->repositoryJobs().recover();
        QVERIFY(!recovered.ok());
        QCOMPARE(recovered.error().category, ErrorCategory::Conflict);
        // Refused jobs leave no history and no repository.
        QVERIFY(m_ctx->jobs().recentJobs(10)->isEmpty());
        QVERIFY(!m_ctx->offline().repository(alice)->has_value());

        held.unlock();
        auto after = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        QVERIFY2(after.ok(), qPrintable(after.errorString()));
        QCOMPARE(after->updates.size(), 1);
        // The job released its lock.
        QVERIFY(held.tryLock(0));
        held.unlock();
    }

    void secondJobsObjectWhileFirstRuns()
    {
        const qint64 alice =
            archive(QStringLiteral("alice@example.org"), {fixtureMail("a1"), fixtureMail("a2")});
        QVERIFY(alice && enable(alice));
        // Another RepositoryJobs on the same lock file, as the CLI beside a running service.
        RepositoryJobs second(m_ctx->archive(), m_ctx->offline(), m_ctx->jobs(), m_ctx->builder(), *m_clock,
                              lockPath());
        second.setLockTimeout(100);
        std::optional<Result<JobOutcome>> concurrent;
        m_ctx->builder().setProgress([&](const QString &, qint64, qint64) {
            if (!concurrent)
                concurrent.emplace(second.update({}, QStringLiteral("manual")));
        });
        auto first = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        m_ctx->builder().setProgress({});
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QVERIFY(first->errors.isEmpty());
        QVERIFY(concurrent.has_value());
        QVERIFY(!concurrent->ok());
        QCOMPARE(concurrent->error().category, ErrorCategory::Conflict);
        QCOMPARE(m_ctx->jobs().recentJobs(10)->size(), 1);
        // Once the first is done, the second runs.
        auto later = second.update({}, QStringLiteral("manual"));
        QVERIFY2(later.ok(), qPrintable(later.errorString()));
    }

    void staleLockOfDeadProcessIsTakenOver()
    {
        const qint64 alice = archive(QStringLiteral("alice@example.org"), {fixtureMail("a1")});
        QVERIFY(alice && enable(alice));
        // A pid that surely belongs to no process any more: a child that has exited and was reaped.
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        QVERIFY(child > 0);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(QDir().mkpath(m_ctx->repositoriesPath()));
        QVERIFY(writeFile(lockPath(), QByteArray::number(child) + "\narchivesync-service\n" +
                                          QSysInfo::machineHostName().toUtf8() + "\n"));
        auto outcome = m_ctx->repositoryJobs().update({}, QStringLiteral("manual"));
        QVERIFY2(outcome.ok(), qPrintable(outcome.errorString()));
        QCOMPARE(outcome->updates.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryJobs)
#include "TestRepositoryJobs.moc"
