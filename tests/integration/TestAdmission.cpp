// SPDX-License-Identifier: Apache-2.0
// Initial-sync admission over real HTTP: with two slots (from the configuration file) and five
// devices asking at once, two are admitted and three queue in order; a release or an expired lease
// passes the slot to the first in line; segment downloads and repeated asks keep a lease alive; a
// device that stops asking drops out of the queue.
#include "core/repository/Manifest.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kBobPassword = QStringLiteral("bob's long passphrase");
const QString kAlice = QStringLiteral("alice@example.org");
const QString kInitialSync = QStringLiteral("/api/v1/offline/initial-sync");
constexpr int kSlots = 2;
constexpr int kDevices = kSlots + 3;
constexpr int kLeaseSeconds = 4;
// A waiter that does not ask again within 2 × Retry-After (1 s with this lease) drops out; the loops
// below ask well within that.
constexpr int kAskEveryMsecs = 300;

struct Device
{
    qint64 id = 0;
    QByteArray token;
};
} // namespace

class TestAdmission : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QByteArray m_adminToken;
    QByteArray m_bobToken;
    QList<Device> m_devices;
    // Filled by concurrentAsksAdmitTheLimit and kept current by the tests after it.
    QList<qint64> m_holders;
    QList<qint64> m_queue; ///< first in line first

    HttpTestClient client(const QByteArray &token = {})
    {
        HttpTestClient c(m_service->baseUrl());
        c.setToken(token);
        return c;
    }

    const Device &device(qint64 id) const
    {
        return *std::find_if(m_devices.cbegin(), m_devices.cend(),
                             [id](const Device &d) { return d.id == id; });
    }

    HttpReply ask(qint64 id) { return client(device(id).token).send("POST", kInitialSync); }

    QByteArray login(const QString &username, const QString &password)
    {
        const HttpReply reply = client().postJson(
            QStringLiteral("/api/v1/session"),
            QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
        return reply.json().object().value(QStringLiteral("token")).toString().toLatin1();
    }

    // The admin's view: device ids of the holders, and of the queue in order.
    std::pair<QList<qint64>, QList<qint64>> adminView()
    {
        const HttpReply reply = client(m_adminToken).get(kInitialSync);
        if (reply.status != 200)
            return {};
        const QJsonObject o = reply.json().object();
        QList<qint64> holders;
        for (const QJsonValue &v : o.value(QStringLiteral("holders")).toArray())
            holders.append(v.toObject().value(QStringLiteral("deviceId")).toInteger());
        QList<qint64> queue;
        for (const QJsonValue &v : o.value(QStringLiteral("queue")).toArray())
            queue.append(v.toObject().value(QStringLiteral("deviceId")).toInteger());
        std::sort(holders.begin(), holders.end());
        return {holders, queue};
    }

    static QList<qint64> sorted(QList<qint64> ids)
    {
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    static void verifyQueued(const HttpReply &reply, int position)
    {
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
        const QJsonObject problem = reply.json().object();
        QCOMPARE(problem.value(QStringLiteral("position")).toInt(), position);
        QCOMPARE(problem.value(QStringLiteral("retryAfter")).toInt(), 1);
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), 503);
    }

    static void verifyAdmitted(const HttpReply &reply)
    {
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().object().value(QStringLiteral("admitted")).toBool(), true);
        QCOMPARE(reply.json().object().value(QStringLiteral("leaseSeconds")).toInt(), kLeaseSeconds);
    }

private slots:
    void initTestCase()
    {
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     m_dir.filePath(QStringLiteral("data")));
        CorpusOptions options;
        options.messageCount = 12;
        options.folderCount = 5;
        options.seed = 7;
        options.smallMessages = true;
        const QString maildir = m_dir.filePath(QStringLiteral("alice"));
        QVERIFY(generateCorpus(options, maildir).ok());
        QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), kAlice, maildir}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kAlice}), 0);
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);

        // The file asks for port 1; the --listen 127.0.0.1:0 that ServiceProcess passes must win.
        QFile config(m_dir.filePath(QStringLiteral("serve.ini")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[server]\nlisten = 127.0.0.1:1\n[offline]\nmax_initial_syncs = " +
                     QByteArray::number(kSlots) + "\nlease = " + QByteArray::number(kLeaseSeconds) + "s\n");
        config.close();
        m_service->setServeArguments({QStringLiteral("--config"), config.fileName()});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());
        QVERIFY(m_service->baseUrl().port() != 1);

        m_adminToken = login(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(!m_adminToken.isEmpty());
        QCOMPARE(client(m_adminToken)
                     .postJson(QStringLiteral("/api/v1/users"),
                               QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")},
                                           {QStringLiteral("password"), kBobPassword},
                                           {QStringLiteral("role"), QStringLiteral("user")}})
                     .status,
                 201);
        QCOMPARE(client(m_adminToken)
                     .postJson(QStringLiteral("/api/v1/mailboxes/%1/permissions")
                                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(kAlice))),
                               QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")}})
                     .status,
                 204);
        m_bobToken = login(QStringLiteral("bob"), kBobPassword);
        QVERIFY(!m_bobToken.isEmpty());
        for (int i = 0; i < kDevices; ++i) {
            const HttpReply registered =
                client(m_bobToken)
                    .postJson(QStringLiteral("/api/v1/devices"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("laptop-%1").arg(i)}});
            QCOMPARE(registered.status, 201);
            const QJsonObject o = registered.json().object();
            m_devices.append(Device{o.value(QStringLiteral("deviceId")).toInteger(),
                                    o.value(QStringLiteral("token")).toString().toLatin1()});
        }
    }

    void cleanupTestCase() { QVERIFY2(m_service->stop(), m_service->output().constData()); }

    void onlyDevicesAskAndOnlyAdminsLook()
    {
        const HttpReply session = client(m_bobToken).send("POST", kInitialSync);
        QCOMPARE(session.status, 403);
        QVERIFY(session.json()
                    .object()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("register the device first")));
        QCOMPARE(client(m_bobToken).send("DELETE", kInitialSync).status, 403);
        QCOMPARE(client().send("POST", kInitialSync).status, 401);
        QCOMPARE(client(m_bobToken).get(kInitialSync).status, 403);
        QCOMPARE(client(m_devices.first().token).get(kInitialSync).status, 403);
        const HttpReply empty = client(m_adminToken).get(kInitialSync);
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.json().object().value(QStringLiteral("limit")).toInt(), kSlots);
        QCOMPARE(empty.json().object().value(QStringLiteral("leaseSeconds")).toInt(), kLeaseSeconds);
        QVERIFY(empty.json().object().value(QStringLiteral("holders")).toArray().isEmpty());
        QVERIFY(empty.json().object().value(QStringLiteral("queue")).toArray().isEmpty());
    }

    void concurrentAsksAdmitTheLimit()
    {
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (const Device &d : std::as_const(m_devices)) {
            QNetworkRequest request(QUrl(m_service->baseUrl().toString(QUrl::RemovePath) + kInitialSync));
            request.setRawHeader("Authorization", "Bearer " + d.token);
            replies.append(network.sendCustomRequest(request, "POST"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                             [](const QNetworkReply *r) { return r->isFinished(); }),
                                 30000);
        QMap<int, qint64> queuedAt; // position -> device
        for (int i = 0; i < replies.size(); ++i) {
            QNetworkReply *reply = replies.at(i);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            if (status == 200) {
                QCOMPARE(body.value(QStringLiteral("admitted")).toBool(), true);
                QCOMPARE(body.value(QStringLiteral("leaseSeconds")).toInt(), kLeaseSeconds);
                m_holders.append(m_devices.at(i).id);
            } else {
                QCOMPARE(status, 503);
                QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("1"));
                QCOMPARE(body.value(QStringLiteral("retryAfter")).toInt(), 1);
                queuedAt.insert(body.value(QStringLiteral("position")).toInt(), m_devices.at(i).id);
            }
            reply->deleteLater();
        }
        QCOMPARE(m_holders.size(), kSlots);
        QCOMPARE(queuedAt.keys(), (QList<int>{1, 2, 3}));
        m_queue = queuedAt.values();

        const HttpReply view = client(m_adminToken).get(kInitialSync);
        QCOMPARE(view.status, 200);
        const QJsonObject o = view.json().object();
        const QJsonArray holders = o.value(QStringLiteral("holders")).toArray();
        QCOMPARE(holders.size(), kSlots);
        for (const QJsonValue &h : holders) {
            QVERIFY(m_holders.contains(h.toObject().value(QStringLiteral("deviceId")).toInteger()));
            QCOMPARE(h.toObject().value(QStringLiteral("username")).toString(), QStringLiteral("bob"));
            QVERIFY(QDateTime::fromString(h.toObject().value(QStringLiteral("since")).toString(), Qt::ISODate)
                        .isValid());
        }
        const QJsonArray queue = o.value(QStringLiteral("queue")).toArray();
        QCOMPARE(queue.size(), 3);
        for (int i = 0; i < queue.size(); ++i) {
            QCOMPARE(queue.at(i).toObject().value(QStringLiteral("deviceId")).toInteger(), m_queue.at(i));
            QCOMPARE(queue.at(i).toObject().value(QStringLiteral("position")).toInt(), i + 1);
        }
    }

    void releaseAdmitsTheFirstInLine()
    {
        const qint64 leaving = m_holders.takeFirst();
        QCOMPARE(client(device(leaving).token).send("DELETE", kInitialSync).status, 204);
        // The freed slot waits for the first in line, even when the second asks first.
        verifyQueued(ask(m_queue.at(1)), 2);
        verifyAdmitted(ask(m_queue.at(0)));
        m_holders.append(m_queue.takeFirst());
        verifyQueued(ask(m_queue.at(0)), 1);
        verifyQueued(ask(m_queue.at(1)), 2);
        // Releasing twice changes nothing.
        QCOMPARE(client(device(leaving).token).send("DELETE", kInitialSync).status, 204);
        QCOMPARE(adminView(), std::make_pair(sorted(m_holders), m_queue));
    }

    void leasesExpireUnlessRenewed()
    {
        const qint64 downloader = m_holders.at(0); // keeps downloading segments
        const qint64 quiet = m_holders.at(1);      // does nothing: its lease runs out
        const qint64 first = m_queue.at(0);
        const qint64 second = m_queue.at(1);
        const HttpReply manifestReply =
            client(device(downloader).token)
                .get(QStringLiteral("/api/v1/offline/%1/manifest")
                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(kAlice))));
        QCOMPARE(manifestReply.status, 200);
        Result<Manifest> manifest = Manifest::fromJson(manifestReply.body);
        QVERIFY(manifest.ok());
        QVERIFY(!manifest->segments.isEmpty());
        const QString segment =
            QStringLiteral("/api/v1/offline/%1/segments/%2")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(kAlice)), manifest->segments.first().sha256);

        // Until the quiet holder's lease ends, the first in line waits; the downloader's renewals keep
        // its own slot.
        QElapsedTimer timer;
        timer.start();
        bool admitted = false;
        while (!admitted && timer.elapsed() < 20000) {
            QCOMPARE(client(device(downloader).token).get(segment).status, 200);
            const HttpReply reply = ask(first);
            admitted = reply.status == 200;
            if (!admitted)
                verifyQueued(reply, 1);
            verifyQueued(ask(second), admitted ? 1 : 2);
            QTest::qWait(kAskEveryMsecs);
        }
        QVERIFY2(admitted, "the first in line should get the slot once the quiet lease has expired");
        QVERIFY2(timer.elapsed() >= (kLeaseSeconds - 2) * 1000, "not long before the lease could end");
        QCOMPARE(adminView(), std::make_pair(sorted({downloader, first}), QList<qint64>{second}));

        // Now the downloader stops; the newly admitted device keeps its slot by asking again.
        timer.restart();
        admitted = false;
        while (!admitted && timer.elapsed() < 20000) {
            verifyAdmitted(ask(first));
            const HttpReply reply = ask(second);
            admitted = reply.status == 200;
            if (!admitted)
                verifyQueued(reply, 1);
            QTest::qWait(kAskEveryMsecs);
        }
        QVERIFY2(admitted, "the second in line should get the downloader's slot once it stopped renewing");
        QCOMPARE(adminView(), std::make_pair(sorted({first, second}), QList<qint64>()));
        m_holders = {first, second};
        m_queue.clear();

        // The quiet device lost its slot: asking again puts it in the queue.
        verifyQueued(ask(quiet), 1);
        m_queue = {quiet};
    }

    void deviceThatStopsAskingDropsOut()
    {
        QCOMPARE(adminView().second, m_queue);
        // Twice Retry-After (1 s) without asking, and some slack.
        QTest::qWait(3000);
        QCOMPARE(adminView().second, QList<qint64>());
    }
};

QTEST_GUILESS_MAIN(TestAdmission)
#include "TestAdmission.moc"
