// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "core/common/Sha256.h"
#include "service/cli/ServiceCli.h"
#include "tests/support/MailFixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

const QString kAlice = QStringLiteral("alice@example.org");

struct CliResult
{
    int code = -1;
    QString out;
    QString err;

    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
};

} // namespace

class TestServiceCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;

    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }

    CliResult run(const QStringList &args, bool withDataDir = true)
    {
        CliResult result;
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        ServiceCli cli(*m_clock, out, err);
        QStringList argv{QStringLiteral("archivesync-service")};
        if (withDataDir)
            argv << QStringLiteral("--data-dir") << dataDir();
        result.code = cli.run(argv + args);
        out.flush();
        err.flush();
        return result;
    }

    /// A Maildir with two Inbox messages and one in Sent.
    QString maildir()
    {
        const QString root = m_dir->filePath(QStringLiteral("Maildir"));
        bool ok = writeFile(root + "/cur/1:2,S", fixtureMail("one")) &&
                  writeFile(root + "/new/2", fixtureMail("two")) && QDir().mkpath(root + "/tmp") &&
                  writeFile(root + "/.Sent/cur/3:2,S", fixtureMail("three")) &&
                  QDir().mkpath(root + "/.Sent/new");
        return ok ? root : QString();
    }

    bool archiveAlice()
    {
        const QString root = maildir();
        const CliResult r = run({QStringLiteral("archive"), QStringLiteral("--mailbox"), kAlice, root});
        if (r.code != 0)
            qWarning() << r.err;
        return r.code == 0;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(kNow);
    }
    void cleanup()
    {
        m_clock.reset();
        m_dir.reset();
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("withDataDir");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << false;
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << false;
        QTest::newRow("--data-dir then --help") << QStringList{QStringLiteral("--help")} << true;
    }
    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, withDataDir);
        const CliResult r = run(args, withDataDir);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: archivesync-service")));
        for (const char *command : {"archive", "offline", "update", "flush", "status", "schedule", "jobs"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
        QVERIFY(r.err.isEmpty());
        // Help opens nothing.
        QVERIFY(!QFileInfo::exists(dataDir()));
    }

    void version()
    {
        const CliResult r = run({QStringLiteral("--version")}, false);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("archivesync-service %1\n").arg(QLatin1String(ARCHIVESYNC_VERSION)));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << "unknown command 'frobnicate'";
        QTest::newRow("no command") << QStringList{} << "no command given";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--verbose"), QStringLiteral("status")}
                                        << "unknown option --verbose";
        QTest::newRow("archive without --mailbox")
            << QStringList{QStringLiteral("archive"), QStringLiteral("/tmp")} << "--mailbox";
        QTest::newRow("archive without path")
            << QStringList{QStringLiteral("archive"), QStringLiteral("--mailbox"), kAlice} << "PATH";
        QTest::newRow("archive bad folder kind") << QStringList{QStringLiteral("archive"),
                                                                QStringLiteral("--mailbox"),
                                                                kAlice,
                                                                QStringLiteral("--folder-kind"),
                                                                QStringLiteral("photos"),
                                                                QStringLiteral("/tmp")}
                                                 << "--folder-kind";
        QTest::newRow("archive unknown option")
            << QStringList{QStringLiteral("archive"), QStringLiteral("--bogus")} << "bogus";
        QTest::newRow("offline without subcommand") << QStringList{QStringLiteral("offline")} << "enable";
        QTest::newRow("offline enable without address")
            << QStringList{QStringLiteral("offline"), QStringLiteral("enable")} << "mailbox address";
        QTest::newRow("flush without mailbox") << QStringList{QStringLiteral("flush")} << "--mailbox";
        QTest::newRow("update with argument")
            << QStringList{QStringLiteral("update"), QStringLiteral("everything")} << "everything";
        QTest::newRow("jobs bad limit")
            << QStringList{QStringLiteral("jobs"), QStringLiteral("--limit"), QStringLiteral("0")}
            << "--limit";
        QTest::newRow("schedule unknown") << QStringList{QStringLiteral("schedule"), QStringLiteral("frob")}
                                          << "unknown schedule command 'frob'";
        QTest::newRow("storage add incomplete")
            << QStringList{QStringLiteral("storage"), QStringLiteral("add"), QStringLiteral("x")}
            << "storage add";
        QTest::newRow("storage bad kind")
            << QStringList{QStringLiteral("storage"), QStringLiteral("add"),  QStringLiteral("x"),
                           QStringLiteral("--kind"),  QStringLiteral("tape"), QStringLiteral("--path"),
                           QStringLiteral("/x")}
            << "--kind";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("archivesync-service: ")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("--help")));
        QVERIFY(r.out.isEmpty());
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("offline enable unknown mailbox")
            << QStringList{QStringLiteral("offline"), QStringLiteral("enable"),
                           QStringLiteral("nobody@example.org")}
            << "nobody@example.org";
        QTest::newRow("offline show unknown mailbox")
            << QStringList{QStringLiteral("offline"), QStringLiteral("show"),
                           QStringLiteral("nobody@example.org")}
            << "nobody@example.org";
        QTest::newRow("archive invalid address")
            << QStringList{QStringLiteral("archive"), QStringLiteral("--mailbox"),
                           QStringLiteral("not-an-address"), QStringLiteral("/")}
            << "not-an-address";
        QTest::newRow("archive missing path")
            << QStringList{QStringLiteral("archive"), QStringLiteral("--mailbox"), kAlice,
                           QStringLiteral("/nonexistent/mail")}
            << "/nonexistent/mail";
        QTest::newRow("update unknown mailbox")
            << QStringList{QStringLiteral("update"), QStringLiteral("--mailbox"),
                           QStringLiteral("nobody@example.org")}
            << "nobody@example.org";
        QTest::newRow("storage assign unknown")
            << QStringList{QStringLiteral("storage"), QStringLiteral("assign"),
                           QStringLiteral("nobody@example.org"), QStringLiteral("default")}
            << "nobody@example.org";
    }
    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = run(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("--help")));
    }

    void unusableDataDir()
    {
        QVERIFY(writeFile(dataDir(), "a file, not a directory"));
        const CliResult r = run({QStringLiteral("status")});
        QCOMPARE(r.code, 1);
        QVERIFY(!r.err.isEmpty());
    }

    void offlineSetInvalid_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("key");
        QTest::newRow("unknown key") << "bogus-key=1"
                                     << "bogus-key";
        QTest::newRow("bad window") << "content-window=forever"
                                    << "content-window";
        QTest::newRow("bad size") << "max-whole-size=huge"
                                  << "max-whole-size";
        QTest::newRow("size too small") << "max-whole-size=10"
                                        << "max-whole-size";
        QTest::newRow("bad folder policy") << "folder.Sent=sometimes"
                                           << "folder.Sent";
        QTest::newRow("no equals") << "content-window"
                                   << "content-window";
        QTest::newRow("use-defaults") << "use-defaults=maybe"
                                      << "use-defaults";
    }
    void offlineSetInvalid()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, key);
        QVERIFY(archiveAlice());
        const CliResult r = run({QStringLiteral("offline"), QStringLiteral("set"), kAlice, assignment});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(key), qPrintable(r.err));
        // Nothing was stored.
        const CliResult show =
            run({QStringLiteral("offline"), QStringLiteral("show"), kAlice, QStringLiteral("--json")});
        QCOMPARE(show.code, 0);
        QVERIFY(show.json().value(QStringLiteral("useDefaults")).toBool());
    }

    void offlineSettings()
    {
        QVERIFY(archiveAlice());
        CliResult r = run({QStringLiteral("offline"), QStringLiteral("set"), kAlice,
                           QStringLiteral("max-whole-size=1M"), QStringLiteral("folder.Sent=whole"),
                           QStringLiteral("content-window=2y")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("max-whole-size=1M")));
        r = run({QStringLiteral("offline"), QStringLiteral("show"), kAlice, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("useDefaults")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("maxWholeMessageBytes")).toInteger(), 1024 * 1024);
        QCOMPARE(o.value(QStringLiteral("contentWindowMonths")).toInt(), 24);
        QCOMPARE(
            o.value(QStringLiteral("folderPolicies")).toObject().value(QStringLiteral("Sent")).toString(),
            QStringLiteral("whole"));

        // Defaults changed later do not reach a mailbox with its own settings...
        r = run({QStringLiteral("offline"), QStringLiteral("defaults"),
                 QStringLiteral("default-folder-policy=excluded")});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("offline"), QStringLiteral("show"), kAlice, QStringLiteral("--json")});
        QCOMPARE(r.json().value(QStringLiteral("defaultFolderPolicy")).toString(), QStringLiteral("headers"));
        // ...until it goes back to the defaults.
        r = run(
            {QStringLiteral("offline"), QStringLiteral("set"), kAlice, QStringLiteral("use-defaults=true")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("uses the default settings")));
        r = run({QStringLiteral("offline"), QStringLiteral("show"), kAlice, QStringLiteral("--json")});
        o = r.json();
        QCOMPARE(o.value(QStringLiteral("useDefaults")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("defaultFolderPolicy")).toString(), QStringLiteral("excluded"));
        r = run({QStringLiteral("offline"), QStringLiteral("defaults"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("defaultFolderPolicy")).toString(),
                 QStringLiteral("excluded"));
        r = run({QStringLiteral("offline"), QStringLiteral("defaults"), QStringLiteral("check-interval=1m")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("check-interval")));
    }

    void fullFlow()
    {
        const QString root = maildir();
        QVERIFY(!root.isEmpty());
        CliResult r = run({QStringLiteral("archive"), QStringLiteral("--mailbox"),
                           QStringLiteral("Alice@Example.org"), QStringLiteral("--json"), root});
        QCOMPARE(r.code, 0);
        QJsonObject archived = r.json();
        QCOMPARE(archived.value(QStringLiteral("mailbox")).toString(), kAlice);
        QCOMPARE(archived.value(QStringLiteral("archived")).toInt(), 3);
        QCOMPARE(archived.value(QStringLiteral("duplicates")).toInt(), 0);
        QCOMPARE(archived.value(QStringLiteral("unreadable")).toInt(), 0);

        r = run({QStringLiteral("archive"), QStringLiteral("--mailbox"), kAlice, root});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("0 archived, 3 duplicates skipped")), qPrintable(r.out));

        r = run({QStringLiteral("mailboxes"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.jsonArray().size(), 1);
        QCOMPARE(r.jsonArray().at(0).toObject().value(QStringLiteral("messages")).toInt(), 3);
        QCOMPARE(r.jsonArray().at(0).toObject().value(QStringLiteral("offlineEnabled")).toBool(), false);

        r = run({QStringLiteral("update")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("no mailbox has offline sync enabled")));

        r = run({QStringLiteral("offline"), QStringLiteral("enable"), kAlice});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("enabled")));

        r = run({QStringLiteral("update"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonObject job = r.json();
        QCOMPARE(job.value(QStringLiteral("kind")).toString(), QStringLiteral("update"));
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(job.value(QStringLiteral("messages")).toInt(), 3);
        QJsonArray updates = job.value(QStringLiteral("updates")).toArray();
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.at(0).toObject().value(QStringLiteral("generation")).toInt(), 1);

        r = run({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonObject status = r.json();
        QCOMPARE(status.value(QStringLiteral("dataDir")).toString(), QDir(dataDir()).absolutePath());
        QCOMPARE(
            status.value(QStringLiteral("lastJob")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("done"));
        QJsonArray mailboxes = status.value(QStringLiteral("mailboxes")).toArray();
        QCOMPARE(mailboxes.size(), 1);
        QJsonObject mb = mailboxes.at(0).toObject();
        QCOMPARE(mb.value(QStringLiteral("address")).toString(), kAlice);
        QCOMPARE(mb.value(QStringLiteral("archivedMessages")).toInt(), 3);
        QCOMPARE(mb.value(QStringLiteral("offlineEnabled")).toBool(), true);
        QCOMPARE(mb.value(QStringLiteral("generation")).toInt(), 1);
        QCOMPARE(mb.value(QStringLiteral("revision")).toInt(), 1);
        QCOMPARE(mb.value(QStringLiteral("messageCount")).toInt(), 3);
        QVERIFY(QFileInfo::exists(mb.value(QStringLiteral("manifest")).toString()));
        QJsonArray segments = mb.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), 2); // the index, and the Inbox's bodies (Sent is headers only)
        QStringList firstGenerationFiles;
        qint64 total = 0;
        int indexMessages = 0;
        for (const QJsonValue &v : std::as_const(segments)) {
            const QJsonObject s = v.toObject();
            const QString file = s.value(QStringLiteral("file")).toString();
            const QString sha = s.value(QStringLiteral("sha256")).toString();
            QVERIFY2(QFileInfo(file).isFile(), qPrintable(file));
            QVERIFY(file.startsWith(QDir(dataDir()).absolutePath() + QStringLiteral("/repositories/")));
            QCOMPARE(QFileInfo(file).fileName(), sha + QStringLiteral(".tar.zst"));
            QCOMPARE(*Sha256::hashFile(file), sha);
            QCOMPARE(s.value(QStringLiteral("bytes")).toInteger(), QFileInfo(file).size());
            const QString kind = s.value(QStringLiteral("kind")).toString();
            QVERIFY(kind == QLatin1String("index") || kind == QLatin1String("bodies"));
            if (kind == QLatin1String("index"))
                indexMessages += s.value(QStringLiteral("messages")).toInt();
            else
                QCOMPARE(s.value(QStringLiteral("folder")).toString(), QStringLiteral("Inbox"));
            if (kind == QLatin1String("bodies"))
                QCOMPARE(s.value(QStringLiteral("messages")).toInt(), 2);
            total += s.value(QStringLiteral("bytes")).toInteger();
            firstGenerationFiles << file;
        }
        QCOMPARE(indexMessages, 3);
        QCOMPARE(mb.value(QStringLiteral("bytes")).toInteger(), total);

        r = run({QStringLiteral("status")});
        QCOMPARE(r.code, 0);
        QVERIFY2(
            r.out.contains(QStringLiteral("repository generation 1 revision 1: 3 messages in 2 segments")),
            qPrintable(r.out));

        m_clock->advance(60 * 1000);
        r = run({QStringLiteral("flush"), QStringLiteral("--mailbox"), kAlice});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("generation 2 revision 1 (new generation)")),
                 qPrintable(r.out));

        r = run({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        mb = r.json().value(QStringLiteral("mailboxes")).toArray().at(0).toObject();
        QCOMPARE(mb.value(QStringLiteral("generation")).toInt(), 2);
        QCOMPARE(mb.value(QStringLiteral("revision")).toInt(), 1);
        QCOMPARE(mb.value(QStringLiteral("messageCount")).toInt(), 3);
        segments = mb.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), 2);
        for (const QJsonValue &v : std::as_const(segments))
            QVERIFY(QFileInfo::exists(v.toObject().value(QStringLiteral("file")).toString()));
        for (const QString &old : std::as_const(firstGenerationFiles))
            QVERIFY2(!QFileInfo::exists(old), qPrintable(old));

        r = run({QStringLiteral("update")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("up to date (generation 2, revision 1)")), qPrintable(r.out));

        r = run({QStringLiteral("jobs"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray jobs = r.jsonArray();
        QCOMPARE(jobs.size(), 4);
        QCOMPARE(jobs.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("flush"));
        r = run({QStringLiteral("jobs"), QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    }

    void schedule()
    {
        CliResult r = run({QStringLiteral("schedule"), QStringLiteral("show")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("daily at 06:00")), qPrintable(r.out)); // the default
        QVERIFY(r.out.contains(QStringLiteral("next: 2026-05-05T06:00:00+00:00")));

        r = run({QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("daily"),
                 QStringLiteral("18:30,07:15")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("daily at 07:15 and 18:30")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("next run 2026-05-04T18:30:00+00:00")), qPrintable(r.out));

        r = run({QStringLiteral("schedule")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("(daily 07:15,18:30)")));
        QCOMPARE(r.out.count(QStringLiteral("  next: ")), 5);
        QVERIFY(r.out.contains(
            QStringLiteral("next: 2026-05-04T18:30:00+00:00\n  next: 2026-05-05T07:15:00+00:00")));

        for (const QStringList &invalid :
             {QStringList{QStringLiteral("hourly")},
              QStringList{QStringLiteral("daily"), QStringLiteral("25:00")},
              QStringList{QStringLiteral("every"), QStringLiteral("0h")}, QStringList{}}) {
            r = run(QStringList{QStringLiteral("schedule"), QStringLiteral("set")} + invalid);
            QVERIFY2(r.code == 2, qPrintable(invalid.join(' ')));
            QVERIFY(!r.err.isEmpty());
        }
        // The stored schedule is unchanged.
        r = run({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json().value(QStringLiteral("scheduleDescription")).toString(),
                 QStringLiteral("daily at 07:15 and 18:30"));
        QCOMPARE(r.json().value(QStringLiteral("nextRun")).toString(),
                 QStringLiteral("2026-05-04T18:30:00Z"));

        r = run({QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("every 4h")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("every 4 hours")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("next run 2026-05-04T16:00:00+00:00")), qPrintable(r.out));
    }

    void storageCommands()
    {
        QVERIFY(archiveAlice());
        const QString hsmPath = m_dir->filePath(QStringLiteral("hsm"));
        CliResult r = run({QStringLiteral("storage"), QStringLiteral("add"), QStringLiteral("hsm"),
                           QStringLiteral("--kind"), QStringLiteral("storage-manager"),
                           QStringLiteral("--path"), hsmPath});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("storage"), QStringLiteral("add"), QStringLiteral("hsm"),
                 QStringLiteral("--kind"), QStringLiteral("disk"), QStringLiteral("--path"), hsmPath});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("exists already")));
        r = run({QStringLiteral("storage"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("hsm  storage-manager  ") + hsmPath));
        QVERIFY(r.out.contains(QStringLiteral("default  disk  ")));

        r = run({QStringLiteral("storage"), QStringLiteral("assign"), kAlice, QStringLiteral("hsm")});
        QCOMPARE(r.code, 0);
        // New archive data would land on the storage manager: offline sync is refused.
        r = run({QStringLiteral("offline"), QStringLiteral("enable"), kAlice});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("storage-manager repository 'hsm'")), qPrintable(r.err));
        r = run({QStringLiteral("mailboxes")});
        QVERIFY(r.out.contains(QStringLiteral("offline sync disabled")));
        r = run({QStringLiteral("storage"), QStringLiteral("assign"), kAlice, QStringLiteral("nope")});
        QCOMPARE(r.code, 1);
    }
};

QTEST_GUILESS_MAIN(TestServiceCli)
#include "TestServiceCli.moc"
