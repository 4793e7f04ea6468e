// SPDX-License-Identifier: Apache-2.0
// `archivesync-service serve` as a process: a run missed while the service was down runs once at
// start-up, a fresh install waits for its first slot, and SIGTERM stops it cleanly.
#include "core/common/Clock.h"
#include "service/ServiceContext.h"
#include "tests/support/CorpusGenerator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

class TestServeCommand : public QObject
{
    Q_OBJECT

private:
    QByteArray runCli(const QString &dataDir, const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                QStringList{QStringLiteral("--data-dir"), dataDir} + args);
        p.waitForFinished(60000);
        return p.readAllStandardOutput();
    }

    QJsonArray jobs(const QString &dataDir)
    {
        return QJsonDocument::fromJson(runCli(dataDir, {QStringLiteral("jobs"), QStringLiteral("--json")}))
            .array();
    }

    void prepareMailbox(const QString &dataDir, const QString &maildir)
    {
        CorpusOptions options;
        options.messageCount = 40;
        options.folderCount = 5;
        QVERIFY(generateCorpus(options, maildir).ok());
        runCli(dataDir, {QStringLiteral("archive"), QStringLiteral("--mailbox"),
                         QStringLiteral("bob@example.org"), maildir});
        runCli(dataDir,
               {QStringLiteral("offline"), QStringLiteral("enable"), QStringLiteral("bob@example.org")});
        runCli(dataDir, {QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("every"),
                         QStringLiteral("1h")});
    }

    void startServe(QProcess &serve, const QString &dataDir)
    {
        serve.start(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                    {QStringLiteral("--data-dir"), dataDir, QStringLiteral("serve"),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(serve.waitForStarted());
        QByteArray output;
        QTRY_VERIFY2_WITH_TIMEOUT((output += serve.readAllStandardOutput()).contains("serving"),
                                  qPrintable(QString::fromLocal8Bit(output + serve.readAllStandardError())),
                                  20000);
    }

    void stopServe(QProcess &serve)
    {
        ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

private slots:
    void missedRunCatchesUpOnceAtStart()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        prepareMailbox(dataDir, dir.filePath(QStringLiteral("maildir")));
        {
            // The service last ran three days ago: every hourly slot since then was missed.
            SystemClock clock;
            ServiceContext ctx(dataDir, clock);
            QVERIFY(ctx.open().ok());
            QVERIFY(ctx.jobs().setLastRunSlot(clock.now().addDays(-3), clock.now()).ok());
        }
        QVERIFY(jobs(dataDir).isEmpty());

        QProcess serve;
        startServe(serve, dataDir);
        QElapsedTimer timer;
        timer.start();
        QJsonArray history;
        while (timer.elapsed() < 30000) {
            history = jobs(dataDir);
            if (!history.isEmpty() &&
                history.first().toObject().value(QStringLiteral("status")) == QLatin1String("done"))
                break;
            QTest::qWait(100);
        }
        // One catch-up run, not one per missed slot.
        QCOMPARE(history.size(), 1);
        const QJsonObject job = history.first().toObject();
        QCOMPARE(job.value(QStringLiteral("trigger")).toString(), QStringLiteral("catch-up"));
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(job.value(QStringLiteral("messages")).toInt(), 40);
        QTest::qWait(500);
        QCOMPARE(jobs(dataDir).size(), 1);
        stopServe(serve);

        // The slot it caught up is recorded, so the next start does not run again.
        SystemClock clock;
        ServiceContext ctx(dataDir, clock);
        QVERIFY(ctx.open().ok());
        const auto last = ctx.jobs().lastRunSlot();
        QVERIFY(last.ok() && last->has_value());
        QVERIFY(**last > clock.now().addSecs(-3600));
        QVERIFY(**last <= clock.now());
    }

    void picksUpScheduleChangedByTheCli()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        prepareMailbox(dataDir, dir.filePath(QStringLiteral("maildir")));
        QProcess serve;
        startServe(serve, dataDir);
        runCli(dataDir, {QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("weekly"),
                         QStringLiteral("tue"), QStringLiteral("05:15")});
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += serve.readAllStandardError()).contains("weekly on Tue at 05:15"),
                                 20000);
        stopServe(serve);
    }

    void freshInstallWaitsForFirstSlot()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        prepareMailbox(dataDir, dir.filePath(QStringLiteral("maildir")));
        QProcess serve;
        startServe(serve, dataDir);
        QTest::qWait(1000);
        QVERIFY(jobs(dataDir).isEmpty());
        stopServe(serve);
    }
};

QTEST_GUILESS_MAIN(TestServeCommand)
#include "TestServeCommand.moc"
