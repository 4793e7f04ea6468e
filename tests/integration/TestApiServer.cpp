// SPDX-License-Identifier: Apache-2.0
// The REST API over real HTTP on 127.0.0.1: sign-in, users, permissions, and what an agent pulls
// (manifest with ETag/304, segments with Range), with who-may-see-what checked on every call.
#include "core/common/Sha256.h"
#include "core/repository/Manifest.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"

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

QString encoded(const QString &address)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(address));
}
} // namespace

class TestApiServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QByteArray m_adminToken;
    QByteArray m_bobToken;

    HttpTestClient client(const QByteArray &token = {})
    {
        HttpTestClient c(m_service->baseUrl());
        c.setToken(token);
        return c;
    }

    QByteArray login(const QString &username, const QString &password)
    {
        const HttpReply reply = client().postJson(
            QStringLiteral("/api/v1/session"),
            QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
        if (reply.status != 201)
            return {};
        return reply.json().object().value(QStringLiteral("token")).toString().toLatin1();
    }

    static void verifyProblem(const HttpReply &reply, int status)
    {
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject problem = reply.json().object();
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QVERIFY(!problem.value(QStringLiteral("detail")).toString().isEmpty());
    }

private slots:
    void initTestCase()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("data"));
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY), dataDir);
        for (const QString &mailbox : {kAlice, kCarol}) {
            CorpusOptions options;
            options.messageCount = 60;
            options.folderCount = 5;
            options.seed = mailbox == kAlice ? 11 : 12;
            options.maxAttachmentBytes = 512 * 1024;
            const QString maildir = m_dir.filePath(mailbox);
            QVERIFY(generateCorpus(options, maildir).ok());
            QCOMPARE(
                m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), mailbox, maildir}),
                0);
            QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), mailbox}), 0);
        }
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());
    }

    void cleanupTestCase() { QVERIFY2(m_service->stop(), m_service->output().constData()); }

    void healthz()
    {
        const HttpReply reply = client().get(QStringLiteral("/healthz"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void unknownPathIsProblem() { verifyProblem(client().get(QStringLiteral("/api/v1/nothing-here")), 404); }

    void signIn()
    {
        verifyProblem(
            client().postJson(QStringLiteral("/api/v1/session"),
                              QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                          {QStringLiteral("password"), QStringLiteral("wrong password!")}}),
            401);
        m_adminToken = login(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(!m_adminToken.isEmpty());
        const HttpReply me = client(m_adminToken).get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().object().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        // The first admin's password was taken from the environment, never printed.
        QVERIFY(!m_service->output().contains("one-time password"));
    }

    void badSessionBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("malformed JSON") << QByteArray("{\"username\": ") << QStringLiteral("body");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("body");
        QTest::newRow("wrong type") << QByteArray("{\"username\": 5, \"password\": \"x\"}")
                                    << QStringLiteral("username");
        QTest::newRow("unknown field")
            << QByteArray("{\"username\": \"a\", \"password\": \"b\", \"admin\": true}")
            << QStringLiteral("admin");
        QTest::newRow("missing password")
            << QByteArray("{\"username\": \"admin\"}") << QStringLiteral("password");
    }
    void badSessionBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpReply reply = client().send("POST", QStringLiteral("/api/v1/session"), body);
        verifyProblem(reply, 400);
        QCOMPARE(reply.json().object().value(QStringLiteral("field")).toString(), field);
    }

    void usersAreAdminOnly()
    {
        verifyProblem(client().get(QStringLiteral("/api/v1/users")), 401);
        const QJsonObject bob{{QStringLiteral("username"), QStringLiteral("bob")},
                              {QStringLiteral("password"), kBobPassword},
                              {QStringLiteral("role"), QStringLiteral("user")}};
        QCOMPARE(client(m_adminToken).postJson(QStringLiteral("/api/v1/users"), bob).status, 201);
        verifyProblem(client(m_adminToken).postJson(QStringLiteral("/api/v1/users"), bob), 409);
        QJsonObject badRole = bob;
        badRole.insert(QStringLiteral("username"), QStringLiteral("dave"));
        badRole.insert(QStringLiteral("role"), QStringLiteral("root"));
        const HttpReply rejected = client(m_adminToken).postJson(QStringLiteral("/api/v1/users"), badRole);
        verifyProblem(rejected, 400);
        QCOMPARE(rejected.json().object().value(QStringLiteral("field")).toString(), QStringLiteral("role"));

        m_bobToken = login(QStringLiteral("bob"), kBobPassword);
        QVERIFY(!m_bobToken.isEmpty());
        verifyProblem(client(m_bobToken).get(QStringLiteral("/api/v1/users")), 403);
        verifyProblem(client(m_bobToken).postJson(QStringLiteral("/api/v1/users"), badRole), 403);
        const HttpReply list = client(m_adminToken).get(QStringLiteral("/api/v1/users"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().array().size(), 2);
    }

    void mailboxesHiddenWithoutPermission()
    {
        QCOMPARE(client(m_bobToken).get(QStringLiteral("/api/v1/mailboxes")).json().array().size(), 0);
        const HttpReply existing =
            client(m_bobToken).get(QStringLiteral("/api/v1/offline/%1/manifest").arg(encoded(kAlice)));
        const HttpReply missing = client(m_bobToken)
                                      .get(QStringLiteral("/api/v1/offline/%1/manifest")
                                               .arg(encoded(QStringLiteral("nobody@example.org"))));
        // A mailbox bob may not see answers exactly like one that does not exist.
        verifyProblem(existing, 404);
        verifyProblem(missing, 404);
        verifyProblem(client().get(QStringLiteral("/api/v1/offline/%1/manifest").arg(encoded(kAlice))), 401);
        QCOMPARE(client(m_adminToken).get(QStringLiteral("/api/v1/mailboxes")).json().array().size(), 2);
    }

    void grantAndPull()
    {
        QCOMPARE(client(m_adminToken)
                     .postJson(QStringLiteral("/api/v1/mailboxes/%1/permissions").arg(encoded(kAlice)),
                               QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")}})
                     .status,
                 204);
        const HttpReply mine = client(m_bobToken).get(QStringLiteral("/api/v1/me/offline"));
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json().array().size(), 1);
        QCOMPARE(mine.json().array().first().toObject().value(QStringLiteral("address")).toString(), kAlice);

        const QString manifestPath = QStringLiteral("/api/v1/offline/%1/manifest").arg(encoded(kAlice));
        const HttpReply manifestReply = client(m_bobToken).get(manifestPath);
        QCOMPARE(manifestReply.status, 200);
        const QByteArray etag = manifestReply.header("ETag");
        QCOMPARE(etag, '"' + Manifest::etagOf(manifestReply.body).toLatin1() + '"');
        QCOMPARE(client(m_bobToken).get(manifestPath, {{"If-None-Match", etag}}).status, 304);
        Result<Manifest> manifest = Manifest::fromJson(manifestReply.body);
        QVERIFY(manifest.ok());
        QCOMPARE(manifest->messageCount, 60);
        QVERIFY(!manifest->segments.isEmpty());

        for (const SegmentInfo &segment : std::as_const(manifest->segments)) {
            const QString path =
                QStringLiteral("/api/v1/offline/%1/segments/%2").arg(encoded(kAlice), segment.sha256);
            const HttpReply whole = client(m_bobToken).get(path);
            QCOMPARE(whole.status, 200);
            QCOMPARE(whole.body.size(), segment.size);
            QCOMPARE(Sha256::hex(whole.body), segment.sha256);
            QCOMPARE(whole.header("Accept-Ranges"), QByteArray("bytes"));
            // Resume: the tail from an offset equals the same bytes of the whole file.
            const qint64 from = segment.size / 3;
            const HttpReply tail =
                client(m_bobToken).get(path, {{"Range", "bytes=" + QByteArray::number(from) + "-"}});
            QCOMPARE(tail.status, 206);
            QCOMPARE(tail.body, whole.body.mid(from));
            QCOMPARE(tail.header("Content-Range"), QByteArray("bytes %1-%2/%3")
                                                       .replace("%1", QByteArray::number(from))
                                                       .replace("%2", QByteArray::number(segment.size - 1))
                                                       .replace("%3", QByteArray::number(segment.size)));
            QCOMPARE(client(m_bobToken)
                         .get(path, {{"Range", "bytes=" + QByteArray::number(segment.size) + "-"}})
                         .status,
                     416);
        }
        verifyProblem(client(m_bobToken)
                          .get(QStringLiteral("/api/v1/offline/%1/segments/%2")
                                   .arg(encoded(kAlice), QString(64, QLatin1Char('0')))),
                      404);
        verifyProblem(client(m_bobToken)
                          .get(QStringLiteral("/api/v1/offline/%1/segments/archive.db").arg(encoded(kAlice))),
                      404);
        // carol's segments stay out of reach even with a valid hash of hers.
        verifyProblem(
            client(m_bobToken).get(QStringLiteral("/api/v1/offline/%1/manifest").arg(encoded(kCarol))), 404);
    }

    void revokingPermissionHidesAgain()
    {
        QCOMPARE(
            client(m_adminToken)
                .send("DELETE", QStringLiteral("/api/v1/mailboxes/%1/permissions/bob").arg(encoded(kAlice)))
                .status,
            204);
        verifyProblem(
            client(m_bobToken).get(QStringLiteral("/api/v1/offline/%1/manifest").arg(encoded(kAlice))), 404);
    }

    void deviceTokens()
    {
        const HttpReply registered =
            client(m_bobToken)
                .postJson(QStringLiteral("/api/v1/devices"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("bob-laptop")}});
        QCOMPARE(registered.status, 201);
        const QByteArray deviceToken =
            registered.json().object().value(QStringLiteral("token")).toString().toLatin1();
        const HttpReply me = client(deviceToken).get(QStringLiteral("/api/v1/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().object().value(QStringLiteral("tokenKind")).toString(), QStringLiteral("device"));
    }

    void signOutEndsTheToken()
    {
        const QByteArray token = login(QStringLiteral("bob"), kBobPassword);
        QCOMPARE(client(token).send("DELETE", QStringLiteral("/api/v1/session")).status, 204);
        verifyProblem(client(token).get(QStringLiteral("/api/v1/me")), 401);
    }

    void repeatedFailuresAreThrottled()
    {
        int lastStatus = 0;
        HttpReply reply;
        for (int i = 0; i < 8 && lastStatus != 429; ++i) {
            reply = client().postJson(
                QStringLiteral("/api/v1/session"),
                QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")},
                            {QStringLiteral("password"), QStringLiteral("guess number %1").arg(i)}});
            lastStatus = reply.status;
        }
        verifyProblem(reply, 429);
        QVERIFY(reply.header("Retry-After").toInt() > 0);
        // Locked even with the right password until the window passes.
        QCOMPARE(login(QStringLiteral("bob"), kBobPassword), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "TestApiServer.moc"
