// SPDX-License-Identifier: Apache-2.0
// The admin endpoints of the REST API over real HTTP on 127.0.0.1: the directory and mailbox management,
// offline settings and defaults, the schedule, changing and deleting users, devices and their state, and
// the audit log. Every change is read back (over HTTP and through the CLI on the same data directory),
// every rejected request is shown to change nothing, and an authorization matrix pins the status code of
// every endpoint for every kind of caller.
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <limits>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kUserPassword = QStringLiteral("a user's long passphrase");
const QString kAlice = QStringLiteral("alice@example.org");   // sam may search into it
const QString kCarol = QStringLiteral("carol@example.org");   // uses the default settings
const QString kDora = QStringLiteral("dora@example.org");     // taken into management and released
const QString kMia = QStringLiteral("mia@example.org");       // managed by the matrix' admin row
const QString kRelease = QStringLiteral("rel@example.org");   // released by the matrix' admin row
const QString kTape = QStringLiteral("tape@example.org");     // archived on a storage-manager repository
const QString kNobody = QStringLiteral("nobody@example.org"); // not in the archive
constexpr int kMessagesPerMailbox = 12;

QString encoded(const QString &address)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(address));
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject parsedObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}
} // namespace

class TestAdminApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QByteArray m_adminToken;
    QByteArray m_noraToken; // a user without any right
    QByteArray m_samToken;  // a user who may search into kAlice
    QByteArray m_samDeviceToken;
    QByteArray m_revokedDeviceToken;
    qint64 m_samDevice = 0;
    qint64 m_samSpareDevice = 0;
    qint64 m_adminDevice = 0;

    HttpTestClient client(const QByteArray &token = {})
    {
        HttpTestClient c(m_service->baseUrl());
        c.setToken(token);
        return c;
    }

    HttpReply send(const QByteArray &token, const QByteArray &method, const QString &path,
                   const QByteArray &body = {})
    {
        return client(token).send(method, path, body);
    }

    HttpReply sendJson(const QByteArray &token, const QByteArray &method, const QString &path,
                       const QJsonObject &body)
    {
        return client(token).send(method, path, compact(body));
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

    bool createUser(const QString &username, const QString &role = QStringLiteral("user"))
    {
        return client(m_adminToken)
                   .postJson(QStringLiteral("/api/v1/users"),
                             QJsonObject{{QStringLiteral("username"), username},
                                         {QStringLiteral("password"), kUserPassword},
                                         {QStringLiteral("role"), role}})
                   .status == 201;
    }

    std::pair<qint64, QByteArray> registerDevice(const QByteArray &token, const QString &name)
    {
        const HttpReply reply = client(token).postJson(QStringLiteral("/api/v1/devices"),
                                                       QJsonObject{{QStringLiteral("name"), name}});
        const QJsonObject o = reply.json().object();
        return {o.value(QStringLiteral("deviceId")).toInteger(),
                o.value(QStringLiteral("token")).toString().toLatin1()};
    }

    QJsonObject getObject(const QString &path)
    {
        const HttpReply reply = client(m_adminToken).get(path);
        if (reply.status != 200)
            qWarning() << "GET" << path << reply.status << reply.body;
        return reply.json().object();
    }

    QJsonArray getArray(const QByteArray &token, const QString &path)
    {
        const HttpReply reply = client(token).get(path);
        if (reply.status != 200)
            qWarning() << "GET" << path << reply.status << reply.body;
        return reply.json().array();
    }

    QJsonObject cliJson(const QStringList &args)
    {
        QByteArray out, err;
        const int code = m_service->runCli(args + QStringList{QStringLiteral("--json")}, &out, &err);
        if (code != 0)
            qWarning() << args << code << err;
        return parsedObject(out);
    }

    QJsonObject mailboxFromStatus(const QString &address)
    {
        const QJsonArray mailboxes =
            cliJson({QStringLiteral("status")}).value(QStringLiteral("mailboxes")).toArray();
        for (const QJsonValue &m : mailboxes) {
            if (m.toObject().value(QStringLiteral("address")).toString() == address)
                return m.toObject();
        }
        return {};
    }

    QStringList directoryAddresses()
    {
        QStringList addresses;
        for (const QJsonValue &v : getArray(m_adminToken, QStringLiteral("/api/v1/directory")))
            addresses << v.toObject().value(QStringLiteral("address")).toString();
        return addresses;
    }

    static void verifyProblem(const HttpReply &reply, int status, const QString &field = {})
    {
        QVERIFY2(reply.status == status, qPrintable(QStringLiteral("status %1, expected %2: %3")
                                                        .arg(reply.status)
                                                        .arg(status)
                                                        .arg(QString::fromUtf8(reply.body))));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject problem = reply.json().object();
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QVERIFY(!problem.value(QStringLiteral("detail")).toString().isEmpty());
        if (!field.isEmpty())
            QCOMPARE(problem.value(QStringLiteral("field")).toString(), field);
    }

    // Rows shared by every endpoint that takes a JSON object body.
    static void addMalformedBodyRows()
    {
        QTest::newRow("malformed JSON") << QByteArray("{\"displayName\": ") << QStringLiteral("body");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("body");
        QTest::newRow("empty body") << QByteArray() << QStringLiteral("body");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dataDir = m_dir.filePath(QStringLiteral("data"));
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY), dataDir);
        const QString tapePath = m_dir.filePath(QStringLiteral("tape"));
        QCOMPARE(m_service->runCli({QStringLiteral("storage"), QStringLiteral("add"), QStringLiteral("tape"),
                                    QStringLiteral("--kind"), QStringLiteral("storage-manager"),
                                    QStringLiteral("--path"), tapePath}),
                 0);
        quint64 seed = 21;
        for (const QString &mailbox : {kAlice, kCarol, kDora, kMia, kRelease, kTape}) {
            CorpusOptions options;
            options.messageCount = kMessagesPerMailbox;
            options.folderCount = 5;
            options.seed = seed++;
            options.smallMessages = true;
            options.malformedCount = 0;
            const QString maildir = m_dir.filePath(mailbox);
            QVERIFY(generateCorpus(options, maildir).ok());
            QStringList args{QStringLiteral("archive"), QStringLiteral("--mailbox"), mailbox, maildir};
            if (mailbox == kTape)
                args << QStringLiteral("--storage") << QStringLiteral("tape");
            QCOMPARE(m_service->runCli(args), 0);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());

        m_adminToken = login(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(!m_adminToken.isEmpty());
        for (const QString &user : {QStringLiteral("nora"), QStringLiteral("sam"), QStringLiteral("victim"),
                                    QStringLiteral("patsy")})
            QVERIFY(createUser(user));
        m_noraToken = login(QStringLiteral("nora"), kUserPassword);
        m_samToken = login(QStringLiteral("sam"), kUserPassword);
        QVERIFY(!m_noraToken.isEmpty() && !m_samToken.isEmpty());
        QCOMPARE(client(m_adminToken)
                     .postJson(QStringLiteral("/api/v1/mailboxes/%1/permissions").arg(encoded(kAlice)),
                               QJsonObject{{QStringLiteral("username"), QStringLiteral("sam")}})
                     .status,
                 204);
        std::tie(m_samDevice, m_samDeviceToken) = registerDevice(m_samToken, QStringLiteral("sam-laptop"));
        m_samSpareDevice = registerDevice(m_samToken, QStringLiteral("sam-spare")).first;
        qint64 revoked = 0;
        std::tie(revoked, m_revokedDeviceToken) = registerDevice(m_samToken, QStringLiteral("sam-old"));
        m_adminDevice = registerDevice(m_adminToken, QStringLiteral("admin-box")).first;
        QVERIFY(m_samDevice > 0 && m_samSpareDevice > 0 && revoked > 0 && m_adminDevice > 0);
        QCOMPARE(send(m_adminToken, "DELETE", QStringLiteral("/api/v1/devices/%1").arg(revoked)).status, 204);
    }

    void cleanupTestCase()
    {
        if (m_service)
            QVERIFY2(m_service->stop(), m_service->output().constData());
    }

    // ---- Directory and mailbox management ----

    void directoryListsUnmanagedMailboxes()
    {
        const QJsonArray directory = getArray(m_adminToken, QStringLiteral("/api/v1/directory"));
        QCOMPARE(directory.size(), 6);
        for (const QJsonValue &v : directory) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.keys(), (QStringList{QStringLiteral("address"), QStringLiteral("archivedMessages"),
                                            QStringLiteral("displayName")}));
            QCOMPARE(o.value(QStringLiteral("archivedMessages")).toInt(), kMessagesPerMailbox);
        }
    }

    void manageMailbox()
    {
        const HttpReply managed =
            sendJson(m_adminToken, "POST", QStringLiteral("/api/v1/mailboxes"),
                     QJsonObject{{QStringLiteral("address"), QStringLiteral("Dora@Example.org")}});
        QCOMPARE(managed.status, 201);
        const QJsonObject mailbox = managed.json().object();
        QCOMPARE(mailbox.value(QStringLiteral("address")).toString(), kDora);
        QCOMPARE(mailbox.value(QStringLiteral("managed")).toBool(), true);
        QCOMPARE(mailbox.value(QStringLiteral("archivedMessages")).toInt(), kMessagesPerMailbox);
        QVERIFY(!directoryAddresses().contains(kDora));
        QCOMPARE(getObject(QStringLiteral("/api/v1/mailboxes/%1").arg(encoded(kDora)))
                     .value(QStringLiteral("managed"))
                     .toBool(),
                 true);

        verifyProblem(sendJson(m_adminToken, "POST", QStringLiteral("/api/v1/mailboxes"),
                               QJsonObject{{QStringLiteral("address"), kDora}}),
                      409);
        verifyProblem(sendJson(m_adminToken, "POST", QStringLiteral("/api/v1/mailboxes"),
                               QJsonObject{{QStringLiteral("address"), kNobody}}),
                      404);
    }

    void manageMailboxRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        addMalformedBodyRows();
        QTest::newRow("wrong type") << QByteArray("{\"address\": 5}") << QStringLiteral("address");
        QTest::newRow("unknown field") << QByteArray("{\"address\": \"mia@example.org\", \"managed\": true}")
                                       << QStringLiteral("managed");
        QTest::newRow("missing address") << QByteArray("{}") << QStringLiteral("address");
        QTest::newRow("empty address") << QByteArray("{\"address\": \"  \"}") << QStringLiteral("address");
    }
    void manageMailboxRejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QStringList before = directoryAddresses();
        verifyProblem(send(m_adminToken, "POST", QStringLiteral("/api/v1/mailboxes"), body), 400, field);
        QCOMPARE(directoryAddresses(), before);
    }

    void renameMailbox()
    {
        const QString path = QStringLiteral("/api/v1/mailboxes/%1").arg(encoded(kDora));
        const HttpReply renamed =
            sendJson(m_adminToken, "PATCH", path,
                     QJsonObject{{QStringLiteral("displayName"), QStringLiteral(" Dora Archive ")}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json().object().value(QStringLiteral("displayName")).toString(),
                 QStringLiteral("Dora Archive"));
        QCOMPARE(getObject(path).value(QStringLiteral("displayName")).toString(),
                 QStringLiteral("Dora Archive"));
        verifyProblem(sendJson(m_adminToken, "PATCH",
                               QStringLiteral("/api/v1/mailboxes/%1").arg(encoded(kNobody)),
                               QJsonObject{{QStringLiteral("displayName"), QStringLiteral("x")}}),
                      404);
    }

    void renameMailboxRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        addMalformedBodyRows();
        QTest::newRow("wrong type") << QByteArray("{\"displayName\": 5}") << QStringLiteral("displayName");
        QTest::newRow("unknown field")
            << QByteArray("{\"displayName\": \"x\", \"name\": \"y\"}") << QStringLiteral("name");
        QTest::newRow("too long") << compact(QJsonObject{{QStringLiteral("displayName"), QString(300, u'x')}})
                                  << QStringLiteral("displayName");
    }
    void renameMailboxRejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QString path = QStringLiteral("/api/v1/mailboxes/%1").arg(encoded(kDora));
        const QJsonObject before = getObject(path);
        verifyProblem(send(m_adminToken, "PATCH", path, body), 400, field);
        QCOMPARE(getObject(path), before);
    }

    void releaseMailbox()
    {
        const QString path = QStringLiteral("/api/v1/mailboxes/%1").arg(encoded(kDora));
        QCOMPARE(send(m_adminToken, "DELETE", path).status, 204);
        QCOMPARE(getObject(path).value(QStringLiteral("managed")).toBool(), false);
        const QJsonArray directory = getArray(m_adminToken, QStringLiteral("/api/v1/directory"));
        const auto dora = std::find_if(directory.begin(), directory.end(), [](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("address")).toString() == kDora;
        });
        QVERIFY(dora != directory.end());
        QCOMPARE(dora->toObject().value(QStringLiteral("displayName")).toString(),
                 QStringLiteral("Dora Archive"));
        // Releasing twice is harmless; a mailbox not in the archive is not found.
        QCOMPARE(send(m_adminToken, "DELETE", path).status, 204);
        verifyProblem(
            send(m_adminToken, "DELETE", QStringLiteral("/api/v1/mailboxes/%1").arg(encoded(kNobody))), 404);
    }

    // ---- Offline settings ----

    void mailboxOfflineSettings()
    {
        const QString path = QStringLiteral("/api/v1/mailboxes/%1/offline").arg(encoded(kAlice));
        const QJsonObject initial = getObject(path);
        QCOMPARE(initial.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(initial.value(QStringLiteral("useDefaults")).toBool(), true);
        QCOMPARE(initial.value(QStringLiteral("settings")).toObject(),
                 getObject(QStringLiteral("/api/v1/offline/defaults")));

        const QJsonObject settings{{QStringLiteral("maxWholeMessageBytes"), 2 * 1024 * 1024},
                                   {QStringLiteral("contentWindowMonths"), 6},
                                   {QStringLiteral("folderPolicies"),
                                    QJsonObject{{QStringLiteral("Inbox"), QStringLiteral("whole")},
                                                {QStringLiteral("Projects/*"), QStringLiteral("excluded")}}}};
        const HttpReply put =
            sendJson(m_adminToken, "PUT", path,
                     QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("settings"), settings}});
        QCOMPARE(put.status, 200);
        const QJsonObject answer = put.json().object();
        QCOMPARE(answer.value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(answer.value(QStringLiteral("useDefaults")).toBool(), false);
        QCOMPARE(getObject(path), answer);
        const QJsonObject stored = answer.value(QStringLiteral("settings")).toObject();
        QCOMPARE(stored.value(QStringLiteral("maxWholeMessageBytes")).toInteger(), 2 * 1024 * 1024);
        QCOMPARE(stored.value(QStringLiteral("contentWindowMonths")).toInt(), 6);
        QCOMPARE(stored.value(QStringLiteral("folderPolicies")).toObject(),
                 settings.value(QStringLiteral("folderPolicies")).toObject());
        // Members left out of "settings" take their built-in value.
        QCOMPARE(stored.value(QStringLiteral("defaultFolderPolicy")).toString(), QStringLiteral("headers"));

        // The CLI reads the same store.
        QJsonObject shown = cliJson({QStringLiteral("offline"), QStringLiteral("show"), kAlice});
        QCOMPARE(shown.take(QStringLiteral("useDefaults")).toBool(), false);
        QCOMPARE(shown, stored);
        const QJsonObject status = mailboxFromStatus(kAlice);
        QCOMPARE(status.value(QStringLiteral("offlineEnabled")).toBool(), true);
        QCOMPARE(status.value(QStringLiteral("useDefaults")).toBool(), false);

        // Back to the defaults; the switch stays on.
        const HttpReply reset =
            sendJson(m_adminToken, "PUT", path, QJsonObject{{QStringLiteral("useDefaults"), true}});
        QCOMPARE(reset.status, 200);
        QCOMPARE(reset.json().object().value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(reset.json().object().value(QStringLiteral("useDefaults")).toBool(), true);
        QCOMPARE(reset.json().object().value(QStringLiteral("settings")).toObject(),
                 getObject(QStringLiteral("/api/v1/offline/defaults")));
        QCOMPARE(mailboxFromStatus(kAlice).value(QStringLiteral("useDefaults")).toBool(), true);

        // Own settings again, starting from the defaults; then switched off.
        const HttpReply own =
            sendJson(m_adminToken, "PUT", path, QJsonObject{{QStringLiteral("useDefaults"), false}});
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json().object().value(QStringLiteral("useDefaults")).toBool(), false);
        QCOMPARE(own.json().object().value(QStringLiteral("settings")).toObject(),
                 getObject(QStringLiteral("/api/v1/offline/defaults")));
        const HttpReply off =
            sendJson(m_adminToken, "PUT", path, QJsonObject{{QStringLiteral("enabled"), false}});
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json().object().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(mailboxFromStatus(kAlice).value(QStringLiteral("offlineEnabled")).toBool(), false);
        QCOMPARE(sendJson(m_adminToken, "PUT", path, QJsonObject{{QStringLiteral("enabled"), true}}).status,
                 200);

        verifyProblem(
            client(m_adminToken).get(QStringLiteral("/api/v1/mailboxes/%1/offline").arg(encoded(kNobody))),
            404);
        verifyProblem(sendJson(m_adminToken, "PUT",
                               QStringLiteral("/api/v1/mailboxes/%1/offline").arg(encoded(kNobody)),
                               QJsonObject{{QStringLiteral("enabled"), true}}),
                      404);
    }

    void mailboxOfflineSettingsReject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        addMalformedBodyRows();
        QTest::newRow("wrong type") << QByteArray("{\"enabled\": \"yes\"}") << QStringLiteral("enabled");
        QTest::newRow("useDefaults wrong type")
            << QByteArray("{\"useDefaults\": 1}") << QStringLiteral("useDefaults");
        QTest::newRow("unknown field") << QByteArray("{\"enable\": false}") << QStringLiteral("enable");
        QTest::newRow("settings not an object")
            << QByteArray("{\"settings\": 5}") << QStringLiteral("settings");
        QTest::newRow("invalid setting value")
            << QByteArray("{\"enabled\": false, \"settings\": {\"maxWholeMessageBytes\": 5}}")
            << QStringLiteral("settings.maxWholeMessageBytes");
        QTest::newRow("setting of wrong type")
            << QByteArray("{\"settings\": {\"checkIntervalMinutes\": \"hourly\"}}")
            << QStringLiteral("settings.checkIntervalMinutes");
        QTest::newRow("unknown setting") << QByteArray("{\"settings\": {\"maxWholeSize\": 1048576}}")
                                         << QStringLiteral("settings.maxWholeSize");
        QTest::newRow("bad folder policy")
            << QByteArray("{\"settings\": {\"folderPolicies\": {\"Inbox\": \"some\"}}}")
            << QStringLiteral("settings.folderPolicies.Inbox");
        QTest::newRow("settings with useDefaults")
            << QByteArray("{\"useDefaults\": true, \"settings\": {}}") << QStringLiteral("settings");
    }
    void mailboxOfflineSettingsReject()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QString path = QStringLiteral("/api/v1/mailboxes/%1/offline").arg(encoded(kAlice));
        const QJsonObject before = getObject(path);
        verifyProblem(send(m_adminToken, "PUT", path, body), 400, field);
        QCOMPARE(getObject(path), before);
    }

    void storageManagerMailboxCannotBeEnabled()
    {
        const QString path = QStringLiteral("/api/v1/mailboxes/%1/offline").arg(encoded(kTape));
        const HttpReply refused = sendJson(
            m_adminToken, "PUT", path,
            QJsonObject{{QStringLiteral("enabled"), true}, {QStringLiteral("settings"), QJsonObject()}});
        verifyProblem(refused, 409);
        const QString detail = refused.json().object().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QStringLiteral("storage-manager repository 'tape'")), qPrintable(detail));
        const QJsonObject after = getObject(path);
        QCOMPARE(after.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(after.value(QStringLiteral("useDefaults")).toBool(), true);
        // The CLI applies the same rule, in the same words.
        QByteArray err;
        QCOMPARE(
            m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kTape}, nullptr, &err),
            1);
        QVERIFY2(err.contains(detail.toUtf8()), err.constData());
        // Settings alone (no switch) are fine: only enabling is refused.
        QCOMPARE(
            sendJson(m_adminToken, "PUT", path, QJsonObject{{QStringLiteral("useDefaults"), false}}).status,
            200);
        QCOMPARE(
            sendJson(m_adminToken, "PUT", path, QJsonObject{{QStringLiteral("useDefaults"), true}}).status,
            200);
    }

    void offlineDefaults()
    {
        const QString path = QStringLiteral("/api/v1/offline/defaults");
        const QJsonObject builtIn = getObject(path);
        QCOMPARE(builtIn.keys().size(), 6);
        const HttpReply put = sendJson(m_adminToken, "PUT", path,
                                       QJsonObject{{QStringLiteral("contentWindowMonths"), 12},
                                                   {QStringLiteral("checkIntervalMinutes"), 30}});
        QCOMPARE(put.status, 200);
        const QJsonObject stored = put.json().object();
        QCOMPARE(stored.value(QStringLiteral("contentWindowMonths")).toInt(), 12);
        QCOMPARE(stored.value(QStringLiteral("checkIntervalMinutes")).toInt(), 30);
        QCOMPARE(getObject(path), stored);
        QJsonObject cli = cliJson({QStringLiteral("offline"), QStringLiteral("defaults")});
        cli.remove(QStringLiteral("useDefaults"));
        QCOMPARE(cli, stored);
        // A mailbox on the defaults follows them.
        QCOMPARE(getObject(QStringLiteral("/api/v1/mailboxes/%1/offline").arg(encoded(kCarol)))
                     .value(QStringLiteral("settings"))
                     .toObject(),
                 stored);
    }

    void offlineDefaultsReject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        addMalformedBodyRows();
        QTest::newRow("wrong type") << QByteArray("{\"contentWindowMonths\": \"x\"}")
                                    << QStringLiteral("contentWindowMonths");
        QTest::newRow("unknown field")
            << QByteArray("{\"contentWindow\": 3}") << QStringLiteral("contentWindow");
        QTest::newRow("invalid value")
            << QByteArray("{\"checkIntervalMinutes\": 1}") << QStringLiteral("checkIntervalMinutes");
        QTest::newRow("invalid cache size")
            << QByteArray("{\"maxCacheBytes\": 1024}") << QStringLiteral("maxCacheBytes");
        QTest::newRow("bad folder path")
            << QByteArray("{\"folderPolicies\": {\"/\": \"whole\"}}") << QStringLiteral("folderPolicies./");
    }
    void offlineDefaultsReject()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QString path = QStringLiteral("/api/v1/offline/defaults");
        const QJsonObject before = getObject(path);
        verifyProblem(send(m_adminToken, "PUT", path, body), 400, field);
        QCOMPARE(getObject(path), before);
    }

    // ---- Schedule ----

    void schedule()
    {
        const QString path = QStringLiteral("/api/v1/offline/schedule");
        const QJsonObject initial = getObject(path);
        QCOMPARE(initial.value(QStringLiteral("schedule")).toObject(),
                 (QJsonObject{{QStringLiteral("kind"), QStringLiteral("daily")},
                              {QStringLiteral("times"), QJsonArray{QStringLiteral("06:00")}}}));
        QVERIFY(!initial.value(QStringLiteral("description")).toString().isEmpty());

        const QJsonObject every4{{QStringLiteral("kind"), QStringLiteral("every")},
                                 {QStringLiteral("hours"), 4}};
        const HttpReply put = sendJson(m_adminToken, "PUT", path, every4);
        QCOMPARE(put.status, 200);
        const QJsonObject shown = getObject(path);
        QCOMPARE(shown, put.json().object());
        QCOMPARE(shown.value(QStringLiteral("schedule")).toObject(), every4);
        QCOMPARE(shown.value(QStringLiteral("description")).toString(), QStringLiteral("every 4 hours"));
        const QJsonArray runs = shown.value(QStringLiteral("nextRuns")).toArray();
        QCOMPARE(runs.size(), 5);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QDateTime previous = now.addSecs(-60);
        for (const QJsonValue &run : runs) {
            const QDateTime t = QDateTime::fromString(run.toString(), Qt::ISODate);
            QVERIFY2(t.isValid(), qPrintable(run.toString()));
            QVERIFY(t > previous);
            QVERIFY(t <= now.addSecs(25 * 3600));
            previous = t;
        }
        // The CLI reads the same schedule.
        const QJsonObject status = cliJson({QStringLiteral("status")});
        QCOMPARE(status.value(QStringLiteral("schedule")).toObject(), every4);
        QCOMPARE(QDateTime::fromString(status.value(QStringLiteral("nextRun")).toString(), Qt::ISODate),
                 QDateTime::fromString(runs.first().toString(), Qt::ISODate));

        const QJsonObject weekly{
            {QStringLiteral("kind"), QStringLiteral("weekly")},
            {QStringLiteral("days"), QJsonArray{QStringLiteral("mon"), QStringLiteral("fri")}},
            {QStringLiteral("time"), QStringLiteral("06:30")}};
        QCOMPARE(sendJson(m_adminToken, "PUT", path, weekly).status, 200);
        QCOMPARE(getObject(path).value(QStringLiteral("schedule")).toObject(), weekly);
    }

    void scheduleRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        addMalformedBodyRows();
        QTest::newRow("unknown kind") << QByteArray("{\"kind\": \"hourly\"}") << QStringLiteral("kind");
        QTest::newRow("wrong type") << QByteArray("{\"kind\": \"every\", \"hours\": \"4\"}")
                                    << QStringLiteral("hours");
        QTest::newRow("fractional hours")
            << QByteArray("{\"kind\": \"every\", \"hours\": 4.5}") << QStringLiteral("hours");
        QTest::newRow("bad time") << QByteArray("{\"kind\": \"daily\", \"times\": [\"25:00\"]}")
                                  << QStringLiteral("times");
        QTest::newRow("unknown field")
            << QByteArray("{\"kind\": \"every\", \"hours\": 4, \"zone\": \"UTC\"}") << QStringLiteral("zone");
        QTest::newRow("missing kind") << QByteArray("{}") << QStringLiteral("kind");
    }
    void scheduleRejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QString path = QStringLiteral("/api/v1/offline/schedule");
        const QJsonObject before = getObject(path);
        verifyProblem(send(m_adminToken, "PUT", path, body), 400, field);
        QCOMPARE(getObject(path).value(QStringLiteral("schedule")), before.value(QStringLiteral("schedule")));
    }

    // ---- Users ----

    void lastAdminIsKept()
    {
        const QJsonArray usersBefore = getArray(m_adminToken, QStringLiteral("/api/v1/users"));
        verifyProblem(sendJson(m_adminToken, "PATCH", QStringLiteral("/api/v1/users/admin"),
                               QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                           {QStringLiteral("displayName"), QStringLiteral("Demoted")}}),
                      409);
        verifyProblem(send(m_adminToken, "DELETE", QStringLiteral("/api/v1/users/admin")), 409);
        const QJsonObject me = client(m_adminToken).get(QStringLiteral("/api/v1/me")).json().object();
        QCOMPARE(me.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(getArray(m_adminToken, QStringLiteral("/api/v1/users")), usersBefore);
    }

    void changeUser()
    {
        const QString path = QStringLiteral("/api/v1/users/patsy");
        const QByteArray oldToken = login(QStringLiteral("patsy"), kUserPassword);
        QVERIFY(!oldToken.isEmpty());

        const HttpReply promoted =
            sendJson(m_adminToken, "PATCH", path,
                     QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")},
                                 {QStringLiteral("displayName"), QStringLiteral("Patsy Stone")}});
        QCOMPARE(promoted.status, 200);
        QCOMPARE(promoted.json().object().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(promoted.json().object().value(QStringLiteral("displayName")).toString(),
                 QStringLiteral("Patsy Stone"));
        QCOMPARE(client(oldToken).get(QStringLiteral("/api/v1/users")).status, 200); // now an admin

        const QString newPassword = QStringLiteral("an entirely new passphrase");
        QCOMPARE(sendJson(m_adminToken, "PATCH", path, QJsonObject{{QStringLiteral("password"), newPassword}})
                     .status,
                 200);
        verifyProblem(client(oldToken).get(QStringLiteral("/api/v1/me")),
                      401); // sessions end with the password
        QCOMPARE(login(QStringLiteral("patsy"), kUserPassword), QByteArray());
        const QByteArray newToken = login(QStringLiteral("patsy"), newPassword);
        QVERIFY(!newToken.isEmpty());

        // With two admins, one may step down.
        const HttpReply demoted = sendJson(m_adminToken, "PATCH", path,
                                           QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}});
        QCOMPARE(demoted.status, 200);
        QCOMPARE(demoted.json().object().value(QStringLiteral("role")).toString(), QStringLiteral("user"));
        verifyProblem(client(newToken).get(QStringLiteral("/api/v1/users")), 403);

        verifyProblem(sendJson(m_adminToken, "PATCH", QStringLiteral("/api/v1/users/nobody"),
                               QJsonObject{{QStringLiteral("displayName"), QStringLiteral("x")}}),
                      404);
    }

    void changeUserRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        addMalformedBodyRows();
        QTest::newRow("wrong type") << QByteArray("{\"password\": 5}") << QStringLiteral("password");
        QTest::newRow("unknown field") << QByteArray("{\"nickname\": \"p\"}") << QStringLiteral("nickname");
        QTest::newRow("unknown role") << QByteArray("{\"role\": \"root\"}") << QStringLiteral("role");
        QTest::newRow("weak password with a valid change")
            << QByteArray("{\"displayName\": \"Changed\", \"role\": \"admin\", \"password\": \"short\"}")
            << QStringLiteral("password");
        QTest::newRow("display name too long")
            << compact(QJsonObject{{QStringLiteral("displayName"), QString(300, u'x')}})
            << QStringLiteral("displayName");
    }
    void changeUserRejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const auto patsy = [this] {
            for (const QJsonValue &u : getArray(m_adminToken, QStringLiteral("/api/v1/users"))) {
                if (u.toObject().value(QStringLiteral("username")).toString() == QLatin1String("patsy"))
                    return u.toObject();
            }
            return QJsonObject();
        };
        const QJsonObject before = patsy();
        QVERIFY(!before.isEmpty());
        verifyProblem(send(m_adminToken, "PATCH", QStringLiteral("/api/v1/users/patsy"), body), 400, field);
        QCOMPARE(patsy(), before);
    }

    void deleteUser()
    {
        const QByteArray token = login(QStringLiteral("patsy"), QStringLiteral("an entirely new passphrase"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(send(m_adminToken, "DELETE", QStringLiteral("/api/v1/users/patsy")).status, 204);
        verifyProblem(client(token).get(QStringLiteral("/api/v1/me")), 401);
        for (const QJsonValue &u : getArray(m_adminToken, QStringLiteral("/api/v1/users")))
            QVERIFY(u.toObject().value(QStringLiteral("username")).toString() != QLatin1String("patsy"));
        verifyProblem(send(m_adminToken, "DELETE", QStringLiteral("/api/v1/users/patsy")), 404);
    }

    // ---- Devices ----

    void listDevices()
    {
        const QJsonArray mine = getArray(m_samToken, QStringLiteral("/api/v1/devices"));
        QCOMPARE(mine.size(), 3);
        for (const QJsonValue &v : mine) {
            const QJsonObject d = v.toObject();
            QCOMPARE(d.keys(), (QStringList{QStringLiteral("created"), QStringLiteral("id"),
                                            QStringLiteral("lastSeen"), QStringLiteral("name"),
                                            QStringLiteral("revoked"), QStringLiteral("username")}));
            QCOMPARE(d.value(QStringLiteral("username")).toString(), QStringLiteral("sam"));
            QVERIFY(
                QDateTime::fromString(d.value(QStringLiteral("created")).toString(), Qt::ISODate).isValid());
            QCOMPARE(d.value(QStringLiteral("revoked")).isNull(),
                     d.value(QStringLiteral("name")).toString() != QLatin1String("sam-old"));
        }
        QCOMPARE(getArray(m_noraToken, QStringLiteral("/api/v1/devices")).size(), 0);
        // A device token lists its user's devices too.
        QCOMPARE(getArray(m_samDeviceToken, QStringLiteral("/api/v1/devices")).size(), 3);
        const QJsonArray all = getArray(m_adminToken, QStringLiteral("/api/v1/devices"));
        QVERIFY(all.size() >= 4);
        QVERIFY(std::any_of(all.begin(), all.end(), [this](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("id")).toInteger() == m_adminDevice;
        }));
    }

    void deviceState()
    {
        const QString path = QStringLiteral("/api/v1/devices/%1/state").arg(m_samDevice);
        QCOMPARE(getArray(m_samToken, QStringLiteral("/api/v1/devices")).size(), 3);
        QCOMPARE(client(m_samToken).get(path).json().object(), QJsonObject());
        const QJsonObject state{
            {QStringLiteral("generation"), 3},
            {QStringLiteral("appliedSegments"), 7},
            {QStringLiteral("mailboxes"),
             QJsonArray{QJsonObject{{QStringLiteral("address"), kAlice}, {QStringLiteral("revision"), 2}}}},
            {QStringLiteral("status"), QStringLiteral("idle")},
            {QStringLiteral("agentVersion"), QStringLiteral("0.1.0")}};
        QCOMPARE(sendJson(m_samDeviceToken, "PUT", path, state).status, 204);
        QCOMPARE(client(m_samToken).get(path).json().object(), state);
        QCOMPARE(client(m_samDeviceToken).get(path).json().object(), state);
        QCOMPARE(getObject(path), state);
        // The device's last use shows in the list.
        const QJsonArray mine = getArray(m_samToken, QStringLiteral("/api/v1/devices"));
        const auto laptop = std::find_if(mine.begin(), mine.end(), [this](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("id")).toInteger() == m_samDevice;
        });
        QVERIFY(laptop != mine.end());
        QVERIFY(!laptop->toObject().value(QStringLiteral("lastSeen")).isNull());

        // Only the device itself or an admin reports state; the owner's session token may only read it.
        verifyProblem(
            sendJson(m_samToken, "PUT", path, QJsonObject{{QStringLiteral("status"), QStringLiteral("x")}}),
            403);
        verifyProblem(
            sendJson(m_noraToken, "PUT", path, QJsonObject{{QStringLiteral("status"), QStringLiteral("x")}}),
            404);
        verifyProblem(client(m_noraToken).get(path), 404);
        QCOMPARE(getObject(path), state);
        const QJsonObject byAdmin{{QStringLiteral("status"), QStringLiteral("reset by admin")}};
        QCOMPARE(sendJson(m_adminToken, "PUT", path, byAdmin).status, 204);
        QCOMPARE(getObject(path), byAdmin);
        QCOMPARE(sendJson(m_samDeviceToken, "PUT", path, state).status, 204);

        // A larger state than 64 KiB is refused whole.
        const QJsonObject huge{{QStringLiteral("status"), QStringLiteral("x")},
                               {QStringLiteral("log"), QString(70 * 1024, u'x')}};
        verifyProblem(sendJson(m_samDeviceToken, "PUT", path, huge), 413);
        QCOMPARE(getObject(path), state);

        for (const QString &id : {QStringLiteral("999999"), QStringLiteral("abc"), QStringLiteral("0"),
                                  QStringLiteral("-1"), QStringLiteral("99999999999999999999")}) {
            verifyProblem(client(m_adminToken).get(QStringLiteral("/api/v1/devices/%1/state").arg(id)), 404);
            verifyProblem(
                sendJson(m_adminToken, "PUT", QStringLiteral("/api/v1/devices/%1/state").arg(id), state),
                404);
            verifyProblem(send(m_adminToken, "DELETE", QStringLiteral("/api/v1/devices/%1").arg(id)), 404);
        }
    }

    void deviceStateRejects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        addMalformedBodyRows();
        QTest::newRow("wrong type") << QByteArray("{\"generation\": \"3\"}") << QStringLiteral("generation");
        QTest::newRow("negative count")
            << QByteArray("{\"appliedSegments\": -1}") << QStringLiteral("appliedSegments");
        QTest::newRow("fractional generation")
            << QByteArray("{\"generation\": 1.5}") << QStringLiteral("generation");
        QTest::newRow("mailboxes not an array")
            << QByteArray("{\"mailboxes\": {}}") << QStringLiteral("mailboxes");
        QTest::newRow("status not a string") << QByteArray("{\"status\": 5}") << QStringLiteral("status");
    }
    void deviceStateRejects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QString path = QStringLiteral("/api/v1/devices/%1/state").arg(m_samDevice);
        const QJsonObject before = getObject(path);
        verifyProblem(send(m_samDeviceToken, "PUT", path, body), 400, field);
        QCOMPARE(getObject(path), before);
    }

    void revokeDevice()
    {
        const auto [tablet, tabletToken] = registerDevice(m_samToken, QStringLiteral("sam-tablet"));
        QVERIFY(tablet > 0);
        QCOMPARE(client(tabletToken).get(QStringLiteral("/api/v1/me")).status, 200);
        const QString path = QStringLiteral("/api/v1/devices/%1").arg(tablet);
        // Another user cannot see it, let alone revoke it.
        verifyProblem(send(m_noraToken, "DELETE", path), 404);
        QCOMPARE(client(tabletToken).get(QStringLiteral("/api/v1/me")).status, 200);
        // Its own user can.
        QCOMPARE(send(m_samToken, "DELETE", path).status, 204);
        verifyProblem(client(tabletToken).get(QStringLiteral("/api/v1/me")), 401);
        verifyProblem(sendJson(tabletToken, "PUT", QStringLiteral("/api/v1/devices/%1/state").arg(tablet),
                               QJsonObject{{QStringLiteral("status"), QStringLiteral("still here?")}}),
                      401);
        const QJsonArray mine = getArray(m_samToken, QStringLiteral("/api/v1/devices"));
        const auto entry = std::find_if(mine.begin(), mine.end(), [tablet = tablet](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("id")).toInteger() == tablet;
        });
        QVERIFY(entry != mine.end());
        const QDateTime revokedAt =
            QDateTime::fromString(entry->toObject().value(QStringLiteral("revoked")).toString(), Qt::ISODate);
        QVERIFY(revokedAt.isValid());
        // Revoking again (here by an admin) is harmless and keeps the first time.
        QCOMPARE(send(m_adminToken, "DELETE", path).status, 204);
        for (const QJsonValue &v : getArray(m_samToken, QStringLiteral("/api/v1/devices"))) {
            if (v.toObject().value(QStringLiteral("id")).toInteger() == tablet)
                QCOMPARE(QDateTime::fromString(v.toObject().value(QStringLiteral("revoked")).toString(),
                                               Qt::ISODate),
                         revokedAt);
        }
    }

    // ---- Audit ----

    void auditLog()
    {
        const QJsonArray entries = getArray(m_adminToken, QStringLiteral("/api/v1/audit"));
        QVERIFY(!entries.isEmpty());
        QStringList actions;
        qint64 previousId = std::numeric_limits<qint64>::max();
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.keys(), (QStringList{QStringLiteral("action"), QStringLiteral("at"),
                                            QStringLiteral("detail"), QStringLiteral("id"),
                                            QStringLiteral("target"), QStringLiteral("username")}));
            QVERIFY(e.value(QStringLiteral("id")).toInteger() < previousId); // newest first
            previousId = e.value(QStringLiteral("id")).toInteger();
            actions << e.value(QStringLiteral("action")).toString();
        }
        for (const QString &action :
             {QStringLiteral("mailbox.manage"), QStringLiteral("mailbox.update"),
              QStringLiteral("mailbox.unmanage"), QStringLiteral("offline.configure"),
              QStringLiteral("offline.defaults"), QStringLiteral("schedule.set"),
              QStringLiteral("user.update"), QStringLiteral("user.delete"), QStringLiteral("device.revoke")})
            QVERIFY2(actions.contains(action), qPrintable(action));
        const QJsonObject newest = entries.first().toObject();
        QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("device.revoke"));
        QCOMPARE(newest.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));

        QCOMPARE(getArray(m_adminToken, QStringLiteral("/api/v1/audit?limit=2")).size(), 2);
        QCOMPARE(getArray(m_adminToken, QStringLiteral("/api/v1/audit?limit=1")).first(), entries.first());
    }

    void auditLogRejects_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("zero") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("too many") << QStringLiteral("limit=1001") << QStringLiteral("limit");
        QTest::newRow("not a number") << QStringLiteral("limit=ten") << QStringLiteral("limit");
        QTest::newRow("empty") << QStringLiteral("limit=") << QStringLiteral("limit");
        QTest::newRow("twice") << QStringLiteral("limit=1&limit=2") << QStringLiteral("limit");
        QTest::newRow("unknown parameter") << QStringLiteral("limit=5&offset=3") << QStringLiteral("offset");
    }
    void auditLogRejects()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        verifyProblem(client(m_adminToken).get(QStringLiteral("/api/v1/audit?") + query), 400, field);
    }

    // ---- Who may do what ----

    void authorizationMatrix_data()
    {
        QTest::addColumn<QString>("caller");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expected");

        struct Endpoint
        {
            QByteArray method;
            QString path;
            QByteArray body;
            // anonymous, user without right, user with search right, admin, revoked device token
            std::array<int, 5> expected;
        };
        const QString alice = encoded(kAlice);
        const QList<Endpoint> endpoints{
            {"GET", QStringLiteral("/api/v1/directory"), {}, {401, 403, 403, 200, 401}},
            {"POST",
             QStringLiteral("/api/v1/mailboxes"),
             compact({{QStringLiteral("address"), kMia}}),
             {401, 403, 403, 201, 401}},
            {"PATCH",
             QStringLiteral("/api/v1/mailboxes/%1").arg(alice),
             compact({{QStringLiteral("displayName"), QStringLiteral("Alice")}}),
             {401, 403, 403, 200, 401}},
            {"DELETE",
             QStringLiteral("/api/v1/mailboxes/%1").arg(encoded(kRelease)),
             {},
             {401, 403, 403, 204, 401}},
            {"GET", QStringLiteral("/api/v1/mailboxes/%1/offline").arg(alice), {}, {401, 403, 403, 200, 401}},
            {"PUT",
             QStringLiteral("/api/v1/mailboxes/%1/offline").arg(alice),
             QByteArray("{}"),
             {401, 403, 403, 200, 401}},
            {"GET", QStringLiteral("/api/v1/offline/defaults"), {}, {401, 403, 403, 200, 401}},
            {"PUT", QStringLiteral("/api/v1/offline/defaults"), QByteArray("{}"), {401, 403, 403, 200, 401}},
            {"GET", QStringLiteral("/api/v1/offline/schedule"), {}, {401, 403, 403, 200, 401}},
            {"PUT",
             QStringLiteral("/api/v1/offline/schedule"),
             QByteArray(R"({"kind": "daily", "times": ["06:00"]})"),
             {401, 403, 403, 200, 401}},
            {"PATCH",
             QStringLiteral("/api/v1/users/victim"),
             compact({{QStringLiteral("displayName"), QStringLiteral("V")}}),
             {401, 403, 403, 200, 401}},
            {"DELETE", QStringLiteral("/api/v1/users/victim"), {}, {401, 403, 403, 204, 401}},
            {"GET", QStringLiteral("/api/v1/devices"), {}, {401, 200, 200, 200, 401}},
            {"DELETE",
             QStringLiteral("/api/v1/devices/%1").arg(m_adminDevice),
             {},
             {401, 404, 404, 204, 401}},
            {"DELETE",
             QStringLiteral("/api/v1/devices/%1").arg(m_samSpareDevice),
             {},
             {401, 404, 204, 204, 401}},
            {"PUT",
             QStringLiteral("/api/v1/devices/%1/state").arg(m_adminDevice),
             QByteArray(R"({"status": "ok"})"),
             {401, 404, 404, 204, 401}},
            {"PUT",
             QStringLiteral("/api/v1/devices/%1/state").arg(m_samDevice),
             QByteArray(R"({"status": "ok"})"),
             {401, 404, 403, 204, 401}},
            {"GET",
             QStringLiteral("/api/v1/devices/%1/state").arg(m_adminDevice),
             {},
             {401, 404, 404, 200, 401}},
            {"GET",
             QStringLiteral("/api/v1/devices/%1/state").arg(m_samDevice),
             {},
             {401, 404, 200, 200, 401}},
            {"GET", QStringLiteral("/api/v1/audit"), {}, {401, 403, 403, 200, 401}},
        };
        const QStringList callers{QStringLiteral("anonymous"), QStringLiteral("user without right"),
                                  QStringLiteral("user with search right"), QStringLiteral("admin"),
                                  QStringLiteral("revoked device")};
        for (const Endpoint &e : endpoints) {
            for (int i = 0; i < callers.size(); ++i) {
                const QString name =
                    QStringLiteral("%1 %2 as %3").arg(QString::fromLatin1(e.method), e.path, callers.at(i));
                QTest::newRow(qPrintable(name))
                    << callers.at(i) << e.method << e.path << e.body << e.expected.at(i);
            }
        }
    }
    void authorizationMatrix()
    {
        QFETCH(QString, caller);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, expected);
        const QHash<QString, QByteArray> tokens{{QStringLiteral("anonymous"), QByteArray()},
                                                {QStringLiteral("user without right"), m_noraToken},
                                                {QStringLiteral("user with search right"), m_samToken},
                                                {QStringLiteral("admin"), m_adminToken},
                                                {QStringLiteral("revoked device"), m_revokedDeviceToken}};
        const HttpReply reply = send(tokens.value(caller), method, path, body);
        QVERIFY2(
            reply.status == expected,
            qPrintable(QStringLiteral("got %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))));
        if (expected >= 400)
            verifyProblem(reply, expected);
    }
};

QTEST_GUILESS_MAIN(TestAdminApi)
#include "TestAdminApi.moc"
