// SPDX-License-Identifier: Apache-2.0
// Synchronize now, Flush and the status page over HTTP; repository builds run on the job thread
// while the API keeps answering.
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kAlice = QStringLiteral("alice@example.org");
const QString kAliceEncoded = QStringLiteral("alice%40example.org");
} // namespace

class TestJobApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QByteArray m_admin;
    QByteArray m_user;

    HttpTestClient client(const QByteArray &token = {})
    {
        HttpTestClient c(m_service->baseUrl());
        c.setToken(token);
        return c;
    }

    QByteArray login(const QString &username, const QString &password)
    {
        return client()
            .postJson(QStringLiteral("/api/v1/session"), QJsonObject{{QStringLiteral("username"), username},
                                                                     {QStringLiteral("password"), password}})
            .json()
            .object()
            .value(QStringLiteral("token"))
            .toString()
            .toLatin1();
    }

    // Waits until the job thread is idle and returns the newest job.
    QJsonObject waitForIdle()
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            const QJsonObject reply = client(m_admin).get(QStringLiteral("/api/v1/jobs")).json().object();
            const QJsonObject activity = reply.value(QStringLiteral("activity")).toObject();
            if (activity.value(QStringLiteral("running")).isNull() &&
                activity.value(QStringLiteral("queued")).toInt() == 0)
                return reply.value(QStringLiteral("jobs")).toArray().first().toObject();
            QTest::qWait(50);
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     m_dir.filePath(QStringLiteral("data")));
        CorpusOptions options;
        options.messageCount = 1500;
        options.folderCount = 6;
        options.maxAttachmentBytes = 2 * 1024 * 1024;
        QVERIFY(generateCorpus(options, m_dir.filePath(QStringLiteral("maildir"))).ok());
        QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), kAlice,
                                    m_dir.filePath(QStringLiteral("maildir"))}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kAlice}), 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());
        m_admin = login(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(!m_admin.isEmpty());
        QCOMPARE(
            client(m_admin)
                .postJson(QStringLiteral("/api/v1/users"),
                          QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")},
                                      {QStringLiteral("password"), QStringLiteral("bob's long passphrase")}})
                .status,
            201);
        m_user = login(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"));
    }

    void cleanupTestCase() { QVERIFY2(m_service->stop(), m_service->output().constData()); }

    void onlyAdminsStartJobs()
    {
        QCOMPARE(client().send("POST", QStringLiteral("/api/v1/offline/sync")).status, 401);
        QCOMPARE(client(m_user).send("POST", QStringLiteral("/api/v1/offline/sync")).status, 403);
        QCOMPARE(client(m_user)
                     .send("POST", QStringLiteral("/api/v1/mailboxes/%1/offline/flush").arg(kAliceEncoded))
                     .status,
                 403);
        QCOMPARE(client(m_user).get(QStringLiteral("/api/v1/status")).status, 403);
        const HttpReply bad =
            client(m_admin).send("POST", QStringLiteral("/api/v1/offline/sync"), "{\"mailboxes\": \"all\"}");
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().object().value(QStringLiteral("field")).toString(), QStringLiteral("mailboxes"));
        QCOMPARE(client(m_admin)
                     .postJson(QStringLiteral("/api/v1/offline/sync"),
                               QJsonObject{{QStringLiteral("mailboxes"),
                                            QJsonArray{QStringLiteral("nobody@example.org")}}})
                     .status,
                 404);
    }

    void synchronizeNowBuildsWhileTheApiAnswers()
    {
        const HttpReply accepted = client(m_admin).send("POST", QStringLiteral("/api/v1/offline/sync"));
        QCOMPARE(accepted.status, 202);
        // While the build runs on the job thread, requests are answered promptly.
        int answeredWhileRunning = 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            QElapsedTimer call;
            call.start();
            const HttpReply status = client(m_admin).get(QStringLiteral("/api/v1/status"));
            QCOMPARE(status.status, 200);
            const QJsonObject activity = status.json().object().value(QStringLiteral("activity")).toObject();
            if (activity.value(QStringLiteral("running")).isNull() &&
                activity.value(QStringLiteral("queued")).toInt() == 0)
                break;
            if (!activity.value(QStringLiteral("running")).isNull())
                ++answeredWhileRunning;
        }
        qInfo("status answered %d times while the build ran", answeredWhileRunning);
        QVERIFY(answeredWhileRunning > 0);
        const QJsonObject job = waitForIdle();
        QCOMPARE(job.value(QStringLiteral("kind")).toString(), QStringLiteral("update"));
        QCOMPARE(job.value(QStringLiteral("trigger")).toString(), QStringLiteral("manual"));
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(job.value(QStringLiteral("messages")).toInt(), 1500);
    }

    void flushStartsANewGeneration()
    {
        const HttpReply accepted = client(m_admin).send(
            "POST", QStringLiteral("/api/v1/mailboxes/%1/offline/flush").arg(kAliceEncoded));
        QCOMPARE(accepted.status, 202);
        const QJsonObject job = waitForIdle();
        QCOMPARE(job.value(QStringLiteral("kind")).toString(), QStringLiteral("flush"));
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QByteArray out;
        QCOMPARE(m_service->runCli({QStringLiteral("status"), QStringLiteral("--json")}, &out), 0);
        const QJsonObject mailbox = QJsonDocument::fromJson(out)
                                        .object()
                                        .value(QStringLiteral("mailboxes"))
                                        .toArray()
                                        .first()
                                        .toObject();
        QCOMPARE(mailbox.value(QStringLiteral("generation")).toInt(), 2);
    }

    void flushOfADisabledMailboxConflicts()
    {
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("disable"), kAlice}), 0);
        const HttpReply refused = client(m_admin).send(
            "POST", QStringLiteral("/api/v1/mailboxes/%1/offline/flush").arg(kAliceEncoded));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kAlice}), 0);
    }

    void statusPage()
    {
        // A laptop that has been seen shows with its last contact and lag.
        const QJsonObject device =
            client(m_user)
                .postJson(QStringLiteral("/api/v1/devices"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("bob-laptop")}})
                .json()
                .object();
        QCOMPARE(client(device.value(QStringLiteral("token")).toString().toLatin1())
                     .get(QStringLiteral("/api/v1/me"))
                     .status,
                 200);
        const HttpReply status = client(m_admin).get(QStringLiteral("/api/v1/status"));
        QCOMPARE(status.status, 200);
        const QJsonObject o = status.json().object();
        QCOMPARE(o.value(QStringLiteral("scheduleDescription")).toString(), QStringLiteral("daily at 06:00"));
        QVERIFY(!o.value(QStringLiteral("nextRun")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("recentJobs")).toArray().size() >= 2);
        const QJsonArray repositories = o.value(QStringLiteral("repositories")).toArray();
        QCOMPARE(repositories.size(), 1);
        QCOMPARE(repositories.first().toObject().value(QStringLiteral("address")).toString(), kAlice);
        QCOMPARE(repositories.first().toObject().value(QStringLiteral("messageCount")).toInt(), 1500);
        const QJsonArray devices = o.value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 1);
        const QJsonObject laptop = devices.first().toObject();
        QCOMPARE(laptop.value(QStringLiteral("name")).toString(), QStringLiteral("bob-laptop"));
        QVERIFY(!laptop.value(QStringLiteral("lastSeen")).isNull());
        QVERIFY(laptop.value(QStringLiteral("lagSeconds")).toInteger(-1) >= 0);
    }
};

QTEST_GUILESS_MAIN(TestJobApi)
#include "TestJobApi.moc"
