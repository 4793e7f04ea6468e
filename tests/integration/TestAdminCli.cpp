// SPDX-License-Identifier: Apache-2.0
// The `archivesync` admin command line against a real service: a whole administrator's session from
// login to logout through the real executable, with exit codes 0 (done), 1 (refused, with the service's
// explanation) and 2 (bad usage), and the login file kept private.
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kBobPassword = QStringLiteral("bob's long passphrase");
const QString kAlice = QStringLiteral("alice@example.org");
const QString kCarol = QStringLiteral("carol@example.org");
constexpr int kMessages = 12;

/// \brief One run of the command line.
struct Run
{
    int code = -1;
    QString out;
    QString err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(code).arg(out, err);
    }
};
} // namespace

#define VERIFY_EXIT(run, expected) QVERIFY2((run).code == (expected), qPrintable((run).describe()))

class TestAdminCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;

    QString configPath() const { return m_dir.filePath(QStringLiteral("config/login.json")); }

    /// Runs `archivesync args` with the test's login file; `env` adds variables, `input` goes to stdin.
    Run cli(const QStringList &args, const QMap<QString, QString> &env = {}, const QByteArray &input = {},
            const QString &config = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("ARCHIVESYNC_PASSWORD"));
        environment.remove(QStringLiteral("ARCHIVESYNC_NEW_PASSWORD"));
        environment.insert(QStringLiteral("ARCHIVESYNC_CONFIG"), config.isEmpty() ? configPath() : config);
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            environment.insert(it.key(), it.value());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ARCHIVESYNC_ADMIN_CLI_BINARY), args);
        Run run;
        if (!process.waitForStarted(10000))
            return run;
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished(5000);
            return run;
        }
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    Run admin(const QStringList &args, const QMap<QString, QString> &env = {}) { return cli(args, env); }

    QString server() const
    {
        QString url = m_service->baseUrl().toString();
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        return url;
    }

    QJsonObject mailboxInStatus(const QString &address)
    {
        const Run status = admin({QStringLiteral("status"), QStringLiteral("--json")});
        if (status.code != 0)
            qWarning("%s", qPrintable(status.describe()));
        for (const QJsonValue &v : status.json().object().value(QStringLiteral("mailboxes")).toArray()) {
            if (v.toObject().value(QStringLiteral("address")).toString() == address)
                return v.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     m_dir.filePath(QStringLiteral("data")));
        quint64 seed = 41;
        for (const QString &mailbox : {kAlice, kCarol}) {
            CorpusOptions options;
            options.messageCount = kMessages;
            options.folderCount = 5;
            options.seed = seed++;
            options.smallMessages = true;
            options.malformedCount = 0;
            const QString maildir = m_dir.filePath(mailbox);
            QVERIFY(generateCorpus(options, maildir).ok());
            QCOMPARE(
                m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), mailbox, maildir}),
                0);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());
    }

    void cleanupTestCase()
    {
        if (m_service)
            QVERIFY2(m_service->stop(), m_service->output().constData());
    }

    void badUsageExits2()
    {
        for (const QStringList &args :
             {QStringList{}, QStringList{QStringLiteral("frobnicate")},
              QStringList{QStringLiteral("login"), QStringLiteral("--user")},
              QStringList{QStringLiteral("login"), QStringLiteral("--user"), QStringLiteral("admin"),
                          QStringLiteral("--server"), QStringLiteral("archive.example.org")},
              QStringList{QStringLiteral("offline"), QStringLiteral("set"), kAlice,
                          QStringLiteral("colour=red")},
              QStringList{QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("monthly")},
              QStringList{QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("bob"),
                          QStringLiteral("--role"), QStringLiteral("root")},
              QStringList{QStringLiteral("devices"), QStringLiteral("revoke"), QStringLiteral("x")},
              QStringList{QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("0")},
              QStringList{QStringLiteral("mailboxes"), QStringLiteral("--bogus")}}) {
            const Run run = admin(args);
            QVERIFY2(run.code == 2,
                     qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + run.describe()));
            QVERIFY2(run.err.startsWith(QStringLiteral("archivesync: ")), qPrintable(run.describe()));
        }
        const Run help = admin({QStringLiteral("--help")});
        VERIFY_EXIT(help, 0);
        QVERIFY(help.out.contains(QStringLiteral("sync-now")));
    }

    void notSignedIn()
    {
        const Run run = admin({QStringLiteral("status")});
        VERIFY_EXIT(run, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not signed in")), qPrintable(run.describe()));
    }

    void wrongPasswordExits1()
    {
        const Run run = admin({QStringLiteral("login"), QStringLiteral("--server"), server(),
                               QStringLiteral("--user"), QStringLiteral("admin")},
                              {{QStringLiteral("ARCHIVESYNC_PASSWORD"), QStringLiteral("not the password")}});
        VERIFY_EXIT(run, 1);
        QCOMPARE(run.err, QStringLiteral("archivesync: invalid username or password\n"));
        QVERIFY(!QFile::exists(configPath()));
    }

    void login()
    {
        const Run run =
            admin({QStringLiteral("login"), QStringLiteral("--server"), server() + QLatin1Char('/'),
                   QStringLiteral("--user"), QStringLiteral("admin")},
                  {{QStringLiteral("ARCHIVESYNC_PASSWORD"), kAdminPassword}});
        VERIFY_EXIT(run, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("signed in to %1 as admin (admin)").arg(server())),
                 qPrintable(run.describe()));
        // The token is as good as the password: only its owner may read the file.
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(configPath()) & others, QFileDevice::Permissions());
        QVERIFY(QFile::permissions(configPath()).testFlag(QFileDevice::WriteOwner));
        const Run me = admin({QStringLiteral("whoami"), QStringLiteral("--json")});
        VERIFY_EXIT(me, 0);
        QCOMPARE(me.json().object().value(QStringLiteral("username")).toString(), QStringLiteral("admin"));
    }

    void mailboxes()
    {
        const Run directory = admin({QStringLiteral("directory")});
        VERIFY_EXIT(directory, 0);
        QVERIFY(directory.out.contains(kAlice));
        QVERIFY(directory.out.contains(kCarol));

        VERIFY_EXIT(admin({QStringLiteral("mailboxes"), QStringLiteral("add"), kAlice}), 0);
        const Run again = admin({QStringLiteral("mailboxes"), QStringLiteral("add"), kAlice});
        VERIFY_EXIT(again, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already managed")), qPrintable(again.describe()));
        const Run missing =
            admin({QStringLiteral("mailboxes"), QStringLiteral("add"), QStringLiteral("no@x.org")});
        VERIFY_EXIT(missing, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no mailbox no@x.org")), qPrintable(missing.describe()));

        const Run list =
            admin({QStringLiteral("mailboxes"), QStringLiteral("list"), QStringLiteral("--json")});
        VERIFY_EXIT(list, 0);
        const QJsonArray mailboxes = list.json().array();
        QCOMPARE(mailboxes.size(), 2);
        for (const QJsonValue &v : mailboxes) {
            const QJsonObject m = v.toObject();
            QCOMPARE(m.value(QStringLiteral("managed")).toBool(),
                     m.value(QStringLiteral("address")).toString() == kAlice);
        }
        const Run table = admin({QStringLiteral("mailboxes")});
        VERIFY_EXIT(table, 0);
        QVERIFY(table.out.startsWith(QStringLiteral("MAILBOX")));
    }

    void offlineWithSettings()
    {
        const Run enabled =
            admin({QStringLiteral("offline"), QStringLiteral("enable"), kAlice,
                   QStringLiteral("content-window=24"), QStringLiteral("folder.Projects/*=whole")});
        VERIFY_EXIT(enabled, 0);
        QVERIFY(enabled.out.contains(QStringLiteral("offline sync enabled for %1").arg(kAlice)));
        QVERIFY(enabled.out.contains(QStringLiteral("content-window=24")));

        VERIFY_EXIT(admin({QStringLiteral("offline"), QStringLiteral("set"), kAlice,
                           QStringLiteral("max-whole-size=20M")}),
                    0);
        const Run shown =
            admin({QStringLiteral("offline"), QStringLiteral("show"), kAlice, QStringLiteral("--json")});
        VERIFY_EXIT(shown, 0);
        const QJsonObject config = shown.json().object();
        QVERIFY(config.value(QStringLiteral("enabled")).toBool());
        QVERIFY(!config.value(QStringLiteral("useDefaults")).toBool());
        const QJsonObject settings = config.value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("contentWindowMonths")).toInt(), 24);
        QCOMPARE(settings.value(QStringLiteral("maxWholeMessageBytes")).toInteger(), 20LL * 1024 * 1024);
        QCOMPARE(
            settings.value(QStringLiteral("folderPolicies")).toObject().value(QStringLiteral("Projects/*")),
            QJsonValue(QStringLiteral("whole")));

        // Out of range is bad usage, caught before anything is sent.
        const Run tooSmall = admin(
            {QStringLiteral("offline"), QStringLiteral("set"), kAlice, QStringLiteral("check-interval=1m")});
        VERIFY_EXIT(tooSmall, 2);
        QVERIFY2(tooSmall.err.contains(QStringLiteral("check")), qPrintable(tooSmall.describe()));

        const Run defaults = admin(
            {QStringLiteral("offline"), QStringLiteral("defaults"), QStringLiteral("max-cache-size=2G")});
        VERIFY_EXIT(defaults, 0);
        QVERIFY(defaults.out.contains(QStringLiteral("max-cache-size=2G")));
    }

    void schedule()
    {
        const Run set = admin({QStringLiteral("schedule"), QStringLiteral("set"), QStringLiteral("weekly"),
                               QStringLiteral("mon,thu"), QStringLiteral("07:30")});
        VERIFY_EXIT(set, 0);
        QVERIFY2(set.out.startsWith(QStringLiteral("schedule set: weekly on Mon, Thu at 07:30")),
                 qPrintable(set.describe()));
        const Run shown =
            admin({QStringLiteral("schedule"), QStringLiteral("show"), QStringLiteral("--json")});
        VERIFY_EXIT(shown, 0);
        const QJsonObject view = shown.json().object();
        QCOMPARE(view.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("weekly"));
        QCOMPARE(view.value(QStringLiteral("nextRuns")).toArray().size(), 5);
    }

    void syncNowThenStatusShowsTheRepository()
    {
        const Run sync = admin({QStringLiteral("sync-now"), QStringLiteral("--wait")});
        VERIFY_EXIT(sync, 0);
        QVERIFY2(sync.out.contains(QStringLiteral("update (manual) done")), qPrintable(sync.describe()));

        const Run status = admin({QStringLiteral("status")});
        VERIFY_EXIT(status, 0);
        QVERIFY2(status.out.contains(QStringLiteral("weekly on Mon, Thu at 07:30")),
                 qPrintable(status.describe()));
        const QStringList lines = status.out.split(QLatin1Char('\n'));
        const auto row = std::find_if(lines.cbegin(), lines.cend(),
                                      [](const QString &line) { return line.startsWith(kAlice); });
        QVERIFY2(row != lines.cend(), qPrintable(status.describe()));
        QVERIFY2(row->simplified().startsWith(kAlice + QStringLiteral(" enabled 1 ")), qPrintable(*row));

        const QJsonObject alice = mailboxInStatus(kAlice);
        const QJsonObject offline = alice.value(QStringLiteral("offline")).toObject();
        QCOMPARE(offline.value(QStringLiteral("generation")).toInt(), 1);
        QVERIFY(offline.value(QStringLiteral("messageCount")).toInt() > 0);
        // carol has offline sync off: not in the status' repositories.
        QVERIFY(mailboxInStatus(kCarol).isEmpty());
    }

    void flush()
    {
        const Run flushed =
            admin({QStringLiteral("flush"), kAlice, QStringLiteral("--wait"), QStringLiteral("--json")});
        VERIFY_EXIT(flushed, 0);
        const QJsonArray jobs = flushed.json().array();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("flush"));
        QCOMPARE(mailboxInStatus(kAlice)
                     .value(QStringLiteral("offline"))
                     .toObject()
                     .value(QStringLiteral("generation"))
                     .toInt(),
                 2);
        const Run off = admin({QStringLiteral("flush"), kCarol});
        VERIFY_EXIT(off, 1);
        QVERIFY2(off.err.contains(QStringLiteral("not enabled")), qPrintable(off.describe()));
    }

    void usersAndPermissions()
    {
        const Run added = admin({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("bob"),
                                 QStringLiteral("--role"), QStringLiteral("user")},
                                {{QStringLiteral("ARCHIVESYNC_NEW_PASSWORD"), kBobPassword}});
        VERIFY_EXIT(added, 0);
        QCOMPARE(added.out, QStringLiteral("user bob created (user)\n"));
        const Run weak = admin({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("weak")},
                               {{QStringLiteral("ARCHIVESYNC_NEW_PASSWORD"), QStringLiteral("short")}});
        VERIFY_EXIT(weak, 1);
        QVERIFY2(weak.err.contains(QStringLiteral("at least 12 characters")), qPrintable(weak.describe()));
        const Run list = admin({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--json")});
        VERIFY_EXIT(list, 0);
        QCOMPARE(list.json().array().size(), 2);

        VERIFY_EXIT(
            admin({QStringLiteral("permissions"), QStringLiteral("grant"), kAlice, QStringLiteral("bob")}),
            0);
        Run permitted = admin({QStringLiteral("permissions"), QStringLiteral("list"), kAlice});
        VERIFY_EXIT(permitted, 0);
        QCOMPARE(permitted.out, QStringLiteral("bob\n"));
        const Run unknown =
            admin({QStringLiteral("permissions"), QStringLiteral("grant"), kAlice, QStringLiteral("zed")});
        VERIFY_EXIT(unknown, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("no user zed")), qPrintable(unknown.describe()));
        VERIFY_EXIT(
            admin({QStringLiteral("permissions"), QStringLiteral("revoke"), kAlice, QStringLiteral("bob")}),
            0);
        permitted = admin({QStringLiteral("permissions"), QStringLiteral("list"), kAlice});
        VERIFY_EXIT(permitted, 0);
        QVERIFY(permitted.out.startsWith(QStringLiteral("only administrators")));
    }

    void nonAdminIsRefused()
    {
        const QString bobConfig = m_dir.filePath(QStringLiteral("bob.json"));
        // The password as a script pipes it in.
        const Run login = cli({QStringLiteral("login"), QStringLiteral("--server"), server(),
                               QStringLiteral("--user"), QStringLiteral("bob")},
                              {}, kBobPassword.toUtf8() + '\n', bobConfig);
        VERIFY_EXIT(login, 0);
        const Run users = cli({QStringLiteral("users"), QStringLiteral("list")}, {}, {}, bobConfig);
        VERIFY_EXIT(users, 1);
        QVERIFY2(users.err.contains(QStringLiteral("administrator")), qPrintable(users.describe()));
    }

    void devices()
    {
        // A laptop registers itself with bob's session.
        HttpTestClient http(m_service->baseUrl());
        const HttpReply session =
            http.postJson(QStringLiteral("/api/v1/session"),
                          QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")},
                                      {QStringLiteral("password"), kBobPassword}});
        QCOMPARE(session.status, 201);
        http.setToken(session.json().object().value(QStringLiteral("token")).toString().toLatin1());
        const HttpReply registered =
            http.postJson(QStringLiteral("/api/v1/devices"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("bob-laptop")}});
        QCOMPARE(registered.status, 201);
        const qint64 id = registered.json().object().value(QStringLiteral("deviceId")).toInteger();

        const Run list = admin({QStringLiteral("devices"), QStringLiteral("list")});
        VERIFY_EXIT(list, 0);
        QVERIFY2(list.out.contains(QStringLiteral("bob-laptop")), qPrintable(list.describe()));
        QVERIFY(list.out.contains(QStringLiteral("active")));
        VERIFY_EXIT(admin({QStringLiteral("devices"), QStringLiteral("revoke"), QString::number(id)}), 0);
        const Run json = admin({QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--json")});
        VERIFY_EXIT(json, 0);
        QVERIFY(!json.json().array().first().toObject().value(QStringLiteral("revoked")).isNull());
        const Run missing =
            admin({QStringLiteral("devices"), QStringLiteral("revoke"), QStringLiteral("9999")});
        VERIFY_EXIT(missing, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no device 9999")), qPrintable(missing.describe()));
    }

    void audit()
    {
        const Run run = admin({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("4"),
                               QStringLiteral("--json")});
        VERIFY_EXIT(run, 0);
        const QJsonArray entries = run.json().array();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("device.revoke"));
        const Run table = admin({QStringLiteral("audit")});
        VERIFY_EXIT(table, 0);
        QVERIFY(table.out.contains(QStringLiteral("permission.grant")));
    }

    void expiredSessionSaysSignInAgain()
    {
        // A copy of the login outlives the session that `logout` ends.
        const QString copy = m_dir.filePath(QStringLiteral("copy.json"));
        QVERIFY(QFile::copy(configPath(), copy));
        const Run logout = admin({QStringLiteral("logout")});
        VERIFY_EXIT(logout, 0);
        QCOMPARE(logout.out, QStringLiteral("signed out\n"));
        QVERIFY(!QFile::exists(configPath()));

        const Run stale = cli({QStringLiteral("status")}, {}, {}, copy);
        VERIFY_EXIT(stale, 1);
        QVERIFY2(stale.err.contains(QStringLiteral("sign in again with 'archivesync login'")),
                 qPrintable(stale.describe()));
        const Run gone = admin({QStringLiteral("status")});
        VERIFY_EXIT(gone, 1);
        QVERIFY(gone.err.contains(QStringLiteral("not signed in")));
    }
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "TestAdminCli.moc"
