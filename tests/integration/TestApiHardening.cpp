// SPDX-License-Identifier: Apache-2.0
// Who may do what, end to end: every client endpoint and a sample of admin endpoints against five
// callers; hostile paths (traversal, encoded traversal, NUL) and oversized or malformed bodies get
// a 4xx problem+json and change nothing.
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"
#include "tests/unit/service/http/RawHttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
enum Caller
{
    Anonymous,
    UserWithoutRight,
    UserWithRight,
    Admin,
    RevokedDevice,
    CallerCount
};
} // namespace

class TestApiHardening : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QByteArray m_tokens[CallerCount];
    QString m_segment;
    qint64 m_messageId = 0;

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

    HttpResponse raw(const QByteArray &method, const QByteArray &target, const QByteArray &body = {})
    {
        RawHttpClient http;
        if (!http.connectTo(static_cast<quint16>(m_service->baseUrl().port())))
            return {};
        http.sendRequest(
            method, target,
            "Authorization: Bearer " + m_tokens[Admin] + "\r\nContent-Type: application/json\r\n", body);
        return http.readResponse(10000);
    }

    QByteArray usersSnapshot() { return client(m_tokens[Admin]).get(QStringLiteral("/api/v1/users")).body; }

private slots:
    void initTestCase()
    {
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     m_dir.filePath(QStringLiteral("data")));
        for (const QString &name : {QStringLiteral("alice"), QStringLiteral("carol")}) {
            CorpusOptions options;
            options.messageCount = 30;
            options.folderCount = 5;
            QVERIFY(generateCorpus(options, m_dir.filePath(name)).ok());
            QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"),
                                        name + QStringLiteral("@example.org"), m_dir.filePath(name)}),
                     0);
        }
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"),
                                    QStringLiteral("alice@example.org")}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());

        m_tokens[Admin] = login(QStringLiteral("admin"), kAdminPassword);
        for (const QString &user : {QStringLiteral("bob"), QStringLiteral("eve")}) {
            QCOMPARE(client(m_tokens[Admin])
                         .postJson(QStringLiteral("/api/v1/users"),
                                   QJsonObject{{QStringLiteral("username"), user},
                                               {QStringLiteral("password"),
                                                user + QStringLiteral(" long passphrase")}})
                         .status,
                     201);
        }
        QCOMPARE(client(m_tokens[Admin])
                     .postJson(QStringLiteral("/api/v1/mailboxes/alice%40example.org/permissions"),
                               QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")}})
                     .status,
                 204);
        m_tokens[UserWithRight] = login(QStringLiteral("bob"), QStringLiteral("bob long passphrase"));
        m_tokens[UserWithoutRight] = login(QStringLiteral("eve"), QStringLiteral("eve long passphrase"));
        const QJsonObject device =
            client(m_tokens[UserWithRight])
                .postJson(QStringLiteral("/api/v1/devices"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("lost laptop")}})
                .json()
                .object();
        m_tokens[RevokedDevice] = device.value(QStringLiteral("token")).toString().toLatin1();
        QCOMPARE(client(m_tokens[RevokedDevice]).get(QStringLiteral("/api/v1/me")).status, 200);
        QCOMPARE(client(m_tokens[Admin])
                     .send("DELETE", QStringLiteral("/api/v1/devices/%1")
                                         .arg(device.value(QStringLiteral("deviceId")).toInteger()))
                     .status,
                 204);
        for (const QByteArray &token : m_tokens) {
            if (&token != &m_tokens[Anonymous])
                QVERIFY(token.isEmpty() == false);
        }

        const QJsonObject manifest = client(m_tokens[Admin])
                                         .get(QStringLiteral("/api/v1/offline/alice%40example.org/manifest"))
                                         .json()
                                         .object();
        m_segment = manifest.value(QStringLiteral("segments"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QStringLiteral("sha256"))
                        .toString();
        const QJsonObject found =
            client(m_tokens[Admin])
                .get(QStringLiteral("/api/v1/mailboxes/alice%40example.org/search?limit=1"))
                .json()
                .object();
        m_messageId = found.value(QStringLiteral("messages"))
                          .toArray()
                          .first()
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toInteger();
        QVERIFY(!m_segment.isEmpty() && m_messageId > 0);
    }

    void cleanupTestCase() { QVERIFY2(m_service->stop(), m_service->output().constData()); }

    void authorizationMatrix_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QList<int>>(
            "expected"); // anonymous, user without right, user with right, admin, revoked device
        const QString alice = QStringLiteral("alice%40example.org");
        auto row = [](const char *name, const QByteArray &method, const QString &path, QList<int> expected) {
            QTest::newRow(name) << method << path << expected;
        };
        row("health", "GET", QStringLiteral("/healthz"), {200, 200, 200, 200, 200});
        row("me", "GET", QStringLiteral("/api/v1/me"), {401, 200, 200, 200, 401});
        row("mailboxes", "GET", QStringLiteral("/api/v1/mailboxes"), {401, 200, 200, 200, 401});
        row("mailbox", "GET", QStringLiteral("/api/v1/mailboxes/%1").arg(alice), {401, 404, 200, 200, 401});
        row("my offline", "GET", QStringLiteral("/api/v1/me/offline"), {401, 200, 200, 200, 401});
        row("manifest", "GET", QStringLiteral("/api/v1/offline/%1/manifest").arg(alice),
            {401, 404, 200, 200, 401});
        row("segment", "GET", QStringLiteral("/api/v1/offline/%1/segments/%2").arg(alice, m_segment),
            {401, 404, 200, 200, 401});
        row("message", "GET", QStringLiteral("/api/v1/mailboxes/%1/messages/%2").arg(alice).arg(m_messageId),
            {401, 404, 200, 200, 401});
        row("search", "GET", QStringLiteral("/api/v1/mailboxes/%1/search?q=a").arg(alice),
            {401, 404, 200, 200, 401});
        row("manifest of a mailbox without repository", "GET",
            QStringLiteral("/api/v1/offline/carol%40example.org/manifest"), {401, 404, 404, 404, 401});
        row("manifest of no mailbox", "GET", QStringLiteral("/api/v1/offline/nobody%40example.org/manifest"),
            {401, 404, 404, 404, 401});
        row("devices", "GET", QStringLiteral("/api/v1/devices"), {401, 200, 200, 200, 401});
        row("users", "GET", QStringLiteral("/api/v1/users"), {401, 403, 403, 200, 401});
        row("directory", "GET", QStringLiteral("/api/v1/directory"), {401, 403, 403, 200, 401});
        row("permissions", "GET", QStringLiteral("/api/v1/mailboxes/%1/permissions").arg(alice),
            {401, 403, 403, 200, 401});
        row("mailbox offline settings", "GET", QStringLiteral("/api/v1/mailboxes/%1/offline").arg(alice),
            {401, 403, 403, 200, 401});
        row("offline defaults", "GET", QStringLiteral("/api/v1/offline/defaults"), {401, 403, 403, 200, 401});
        row("schedule", "GET", QStringLiteral("/api/v1/offline/schedule"), {401, 403, 403, 200, 401});
        row("status", "GET", QStringLiteral("/api/v1/status"), {401, 403, 403, 200, 401});
        row("jobs", "GET", QStringLiteral("/api/v1/jobs"), {401, 403, 403, 200, 401});
        row("audit", "GET", QStringLiteral("/api/v1/audit"), {401, 403, 403, 200, 401});
        row("metrics", "GET", QStringLiteral("/metrics"), {401, 403, 403, 200, 401});
    }
    void authorizationMatrix()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QList<int>, expected);
        for (int caller = Anonymous; caller < CallerCount; ++caller) {
            const HttpReply reply = client(m_tokens[caller]).send(method, path);
            QVERIFY2(reply.status == expected.at(caller),
                     qPrintable(QStringLiteral("caller %1 got %2, expected %3: %4")
                                    .arg(caller)
                                    .arg(reply.status)
                                    .arg(expected.at(caller))
                                    .arg(QString::fromUtf8(reply.body.left(200)))));
            if (reply.status >= 400)
                QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        }
    }

    void hostilePaths_data()
    {
        QTest::addColumn<QByteArray>("target");
        const QByteArray segment = m_segment.toLatin1();
        QTest::newRow("dot-dot segments")
            << QByteArray("/api/v1/offline/alice%40example.org/segments/../../../archive.db");
        QTest::newRow("encoded slash traversal")
            << QByteArray("/api/v1/offline/alice%40example.org/segments/..%2f..%2farchive.db");
        QTest::newRow("double-encoded traversal")
            << QByteArray("/api/v1/offline/alice%40example.org/segments/..%252f..%252farchive.db");
        QTest::newRow("traversal as the mailbox")
            << QByteArray("/api/v1/offline/..%2f..%2frepositories/manifest");
        QTest::newRow("NUL in the mailbox") << QByteArray("/api/v1/offline/alice%40example.org%00/manifest");
        QTest::newRow("upper-case hash")
            << "/api/v1/offline/alice%40example.org/segments/" + segment.toUpper();
        QTest::newRow("hash with a suffix")
            << "/api/v1/offline/alice%40example.org/segments/" + segment + ".tar.zst";
        QTest::newRow("message id not a number")
            << QByteArray("/api/v1/mailboxes/alice%40example.org/messages/1%20OR%201=1");
        QTest::newRow("negative message id")
            << QByteArray("/api/v1/mailboxes/alice%40example.org/messages/-1");
    }
    void hostilePaths()
    {
        QFETCH(QByteArray, target);
        const HttpResponse response = raw("GET", target);
        QVERIFY2(response.status >= 400 && response.status < 500,
                 qPrintable(QString::number(response.status)));
        QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
        QVERIFY(!response.body.contains("SQLite format"));
    }

    void oversizedBodyIsRefusedBeforeItIsRead()
    {
        const QByteArray before = usersSnapshot();
        const QByteArray huge =
            "{\"username\": \"mallory\", \"password\": \"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
        const HttpResponse response = raw("POST", "/api/v1/users", huge);
        QCOMPARE(response.status, 413);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(usersSnapshot(), before);
    }

    void malformedBodiesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("readBack");
        QTest::newRow("defaults: malformed JSON")
            << QByteArray("PUT") << QStringLiteral("/api/v1/offline/defaults")
            << QByteArray("{\"contentWindowMonths\": ") << QStringLiteral("/api/v1/offline/defaults");
        QTest::newRow("defaults: wrong type")
            << QByteArray("PUT") << QStringLiteral("/api/v1/offline/defaults")
            << QByteArray("{\"contentWindowMonths\": \"twelve\"}")
            << QStringLiteral("/api/v1/offline/defaults");
        QTest::newRow("defaults: unknown field")
            << QByteArray("PUT") << QStringLiteral("/api/v1/offline/defaults")
            << QByteArray("{\"contentWindow\": 12}") << QStringLiteral("/api/v1/offline/defaults");
        QTest::newRow("schedule: unknown kind")
            << QByteArray("PUT") << QStringLiteral("/api/v1/offline/schedule")
            << QByteArray("{\"kind\": \"hourly\"}") << QStringLiteral("/api/v1/offline/schedule");
        QTest::newRow("users: array body") << QByteArray("POST") << QStringLiteral("/api/v1/users")
                                           << QByteArray("[]") << QStringLiteral("/api/v1/users");
        QTest::newRow("permissions: traversal as username")
            << QByteArray("POST") << QStringLiteral("/api/v1/mailboxes/alice%40example.org/permissions")
            << QByteArray("{\"username\": \"../../admin\"}")
            << QStringLiteral("/api/v1/mailboxes/alice%40example.org/permissions");
    }
    void malformedBodiesChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, readBack);
        const QByteArray before = client(m_tokens[Admin]).get(readBack).body;
        const HttpReply reply = client(m_tokens[Admin]).send(method, path, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        QVERIFY(!reply.json().object().value(QStringLiteral("field")).toString().isEmpty());
        QCOMPARE(client(m_tokens[Admin]).get(readBack).body, before);
    }
};

QTEST_GUILESS_MAIN(TestApiHardening)
#include "TestApiHardening.moc"
