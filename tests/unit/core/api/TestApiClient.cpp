// SPDX-License-Identifier: Apache-2.0
// ApiClient against a real archivesync-service on 127.0.0.1: every call once with success, the error
// categories the service answers with (401, 403, 404, 409, 400 with its field), and what the client itself
// guards (unreachable service, oversize answers, bad base URL, callbacks after the client is gone).
#include "core/api/ApiClient.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/ServiceProcess.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kBobPassword = QStringLiteral("bob's long passphrase");
const QString kAlice = QStringLiteral("alice@example.org");
const QString kCarol = QStringLiteral("carol@example.org");
const QString kNobody = QStringLiteral("nobody@example.org");
constexpr int kMessages = 12;
} // namespace

// On failure, the error's category, status and message.
#define VERIFY_OK(result)                                                                                    \
    QVERIFY2((result).ok(), qPrintable(QStringLiteral("%1 (HTTP %2)")                                        \
                                           .arg((result).errorString())                                      \
                                           .arg((result).ok() ? 0 : (result).error().httpStatus)))
#define VERIFY_FAILS(result, expectedCategory)                                                               \
    do {                                                                                                     \
        QVERIFY2(!(result).ok(), "the call succeeded");                                                      \
        QCOMPARE(errorCategoryName((result).error().category), errorCategoryName(expectedCategory));         \
        QVERIFY(!(result).error().message.isEmpty());                                                        \
    } while (false)

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_bob;
    std::unique_ptr<ApiClient> m_anonymous;
    qint64 m_bobDevice = 0;
    QString m_bobDeviceToken;

    std::unique_ptr<ApiClient> client(const QString &token = {})
    {
        auto c = std::make_unique<ApiClient>(m_network, m_service->baseUrl());
        c->setToken(token);
        return c;
    }

    bool waitUntilIdle()
    {
        for (int i = 0; i < 600; ++i) {
            ApiResult<Api::JobList> jobs = m_admin->waitFor(&ApiClient::listJobs, 5);
            if (!jobs)
                return false;
            if (jobs->activity.idle())
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     m_dir.filePath(QStringLiteral("data")));
        quint64 seed = 31;
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
        m_anonymous = client();
    }

    void cleanupTestCase()
    {
        if (m_service)
            QVERIFY2(m_service->stop(), m_service->output().constData());
    }

    // ---- Session ----

    void health() { VERIFY_OK(m_anonymous->waitFor(&ApiClient::health)); }

    void signIn()
    {
        ApiResult<Api::Session> wrong = m_anonymous->waitFor(&ApiClient::signIn, QStringLiteral("admin"),
                                                             QStringLiteral("wrong password!"));
        VERIFY_FAILS(wrong, ErrorCategory::Auth);
        QCOMPARE(wrong.error().httpStatus, 401);
        QCOMPARE(wrong.error().message, QStringLiteral("invalid username or password"));

        ApiResult<Api::Session> session =
            m_anonymous->waitFor(&ApiClient::signIn, QStringLiteral("Admin"), kAdminPassword);
        VERIFY_OK(session);
        QCOMPARE(session->username, QStringLiteral("admin"));
        QCOMPARE(session->role, Api::Role::Admin);
        QVERIFY(session->expiresAt > QDateTime::currentDateTimeUtc());
        // Signing in leaves the client's token alone: the caller decides.
        QVERIFY(m_anonymous->token().isEmpty());
        m_admin = client(session->token);

        ApiResult<Api::Me> me = m_admin->waitFor(&ApiClient::whoAmI);
        VERIFY_OK(me);
        QCOMPARE(me->username, QStringLiteral("admin"));
        QCOMPARE(me->tokenKind, Api::Me::TokenKind::Session);
    }

    void withoutTokenIsAuth()
    {
        VERIFY_FAILS(m_anonymous->waitFor(&ApiClient::whoAmI), ErrorCategory::Auth);
        VERIFY_FAILS(client(QStringLiteral("ass_forged"))->waitFor(&ApiClient::listMailboxes),
                     ErrorCategory::Auth);
    }

    // ---- Users ----

    void users()
    {
        Api::NewUser bob{QStringLiteral("bob"), kBobPassword, Api::Role::User, QStringLiteral("Bob")};
        ApiResult<Api::User> created = m_admin->waitFor(&ApiClient::createUser, bob);
        VERIFY_OK(created);
        QCOMPARE(created->username, QStringLiteral("bob"));
        QCOMPARE(created->displayName, QStringLiteral("Bob"));
        QCOMPARE(created->role, Api::Role::User);
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::createUser, bob), ErrorCategory::Conflict);

        Api::NewUser weak{QStringLiteral("weak"), QStringLiteral("short"), Api::Role::User, QString()};
        ApiResult<Api::User> refused = m_admin->waitFor(&ApiClient::createUser, weak);
        VERIFY_FAILS(refused, ErrorCategory::Invalid);
        QCOMPARE(refused.error().httpStatus, 400);
        QCOMPARE(refused.error().field, QStringLiteral("password"));

        ApiResult<QList<Api::User>> list = m_admin->waitFor(&ApiClient::listUsers);
        VERIFY_OK(list);
        QCOMPARE(list->size(), 2);

        Api::UserChange rename;
        rename.displayName = QStringLiteral("Bob Builder");
        ApiResult<Api::User> renamed =
            m_admin->waitFor(&ApiClient::updateUser, QStringLiteral("bob"), rename);
        VERIFY_OK(renamed);
        QCOMPARE(renamed->displayName, QStringLiteral("Bob Builder"));
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::updateUser, QStringLiteral("nobody"), rename),
                     ErrorCategory::NotFound);
        // The last administrator stays one.
        Api::UserChange demote;
        demote.role = Api::Role::User;
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::updateUser, QStringLiteral("admin"), demote),
                     ErrorCategory::Conflict);

        ApiResult<Api::Session> bobSession =
            m_anonymous->waitFor(&ApiClient::signIn, QStringLiteral("bob"), kBobPassword);
        VERIFY_OK(bobSession);
        m_bob = client(bobSession->token);
        ApiResult<QList<Api::User>> forbidden = m_bob->waitFor(&ApiClient::listUsers);
        VERIFY_FAILS(forbidden, ErrorCategory::Forbidden);
        QCOMPARE(forbidden.error().httpStatus, 403);

        Api::NewUser doomed{QStringLiteral("doomed"), kBobPassword, Api::Role::User, QString()};
        VERIFY_OK(m_admin->waitFor(&ApiClient::createUser, doomed));
        VERIFY_OK(m_admin->waitFor(&ApiClient::deleteUser, QStringLiteral("doomed")));
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::deleteUser, QStringLiteral("doomed")),
                     ErrorCategory::NotFound);
    }

    // ---- Mailboxes ----

    void directoryAndManagement()
    {
        ApiResult<QList<Api::DirectoryEntry>> directory = m_admin->waitFor(&ApiClient::listDirectory);
        VERIFY_OK(directory);
        QCOMPARE(directory->size(), 2);
        QCOMPARE(directory->first().archivedMessages, qint64(kMessages));

        ApiResult<Api::Mailbox> managed = m_admin->waitFor(&ApiClient::manageMailbox, kAlice);
        VERIFY_OK(managed);
        QVERIFY(managed->managed);
        QCOMPARE(managed->address, kAlice);
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::manageMailbox, kAlice), ErrorCategory::Conflict);
        ApiResult<Api::Mailbox> missing = m_admin->waitFor(&ApiClient::manageMailbox, kNobody);
        VERIFY_FAILS(missing, ErrorCategory::NotFound);
        QCOMPARE(missing.error().httpStatus, 404);

        ApiResult<Api::Mailbox> renamed =
            m_admin->waitFor(&ApiClient::renameMailbox, kAlice, QStringLiteral("Alice Archive"));
        VERIFY_OK(renamed);
        QCOMPARE(renamed->displayName, QStringLiteral("Alice Archive"));
        ApiResult<Api::Mailbox> one = m_admin->waitFor(&ApiClient::getMailbox, kAlice);
        VERIFY_OK(one);
        QCOMPARE(one->displayName, QStringLiteral("Alice Archive"));
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::getMailbox, kNobody), ErrorCategory::NotFound);

        VERIFY_OK(m_admin->waitFor(&ApiClient::manageMailbox, kCarol));
        VERIFY_OK(m_admin->waitFor(&ApiClient::unmanageMailbox, kCarol));
        ApiResult<QList<Api::Mailbox>> all = m_admin->waitFor(&ApiClient::listMailboxes);
        VERIFY_OK(all);
        QCOMPARE(all->size(), 2);
        directory = m_admin->waitFor(&ApiClient::listDirectory);
        VERIFY_OK(directory);
        QCOMPARE(directory->size(), 1);
        QCOMPARE(directory->first().address, kCarol);
    }

    // ---- Offline settings, schedule, jobs ----

    void offlineSettings()
    {
        ApiResult<Api::MailboxOfflineConfig> config = m_admin->waitFor(&ApiClient::getMailboxOffline, kAlice);
        VERIFY_OK(config);
        QVERIFY(!config->enabled);
        QVERIFY(config->useDefaults);

        OfflineSettings own = config->settings;
        QVERIFY(own.applyKeyValue(QStringLiteral("content-window=24")).ok());
        QVERIFY(own.applyKeyValue(QStringLiteral("folder.Projects/*=whole")).ok());
        Api::MailboxOfflineChange change{true, std::nullopt, own};
        config = m_admin->waitFor(&ApiClient::setMailboxOffline, kAlice, change);
        VERIFY_OK(config);
        QVERIFY(config->enabled);
        QVERIFY(!config->useDefaults);
        QCOMPARE(config->settings, own);

        // The service checks too: out of range is a 400 naming the member inside settings.
        OfflineSettings bad = own;
        bad.checkIntervalMinutes = 1;
        ApiResult<Api::MailboxOfflineConfig> refused =
            m_admin->waitFor(&ApiClient::setMailboxOffline, kAlice,
                             Api::MailboxOfflineChange{std::nullopt, std::nullopt, bad});
        VERIFY_FAILS(refused, ErrorCategory::Invalid);
        QCOMPARE(refused.error().field, QStringLiteral("settings.checkIntervalMinutes"));
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::getMailboxOffline, kNobody), ErrorCategory::NotFound);
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::getMailboxOffline, kAlice), ErrorCategory::Forbidden);

        ApiResult<OfflineSettings> defaults = m_admin->waitFor(&ApiClient::getOfflineDefaults);
        VERIFY_OK(defaults);
        QCOMPARE(*defaults, OfflineSettings());
        OfflineSettings changed = *defaults;
        changed.maxCacheBytes = 1024LL * 1024 * 1024;
        defaults = m_admin->waitFor(&ApiClient::setOfflineDefaults, changed);
        VERIFY_OK(defaults);
        QCOMPARE(*defaults, changed);
    }

    void schedule()
    {
        ApiResult<Api::ScheduleView> view = m_admin->waitFor(&ApiClient::getSchedule);
        VERIFY_OK(view);
        QCOMPARE(view->schedule, Schedule());
        QCOMPARE(view->nextRuns.size(), 5);
        const Schedule weekly = *Schedule::weekly({Qt::Monday, Qt::Thursday}, QTime(7, 30));
        view = m_admin->waitFor(&ApiClient::setSchedule, weekly);
        VERIFY_OK(view);
        QCOMPARE(view->schedule, weekly);
        QCOMPARE(view->description, weekly.describe());
    }

    void synchronizeNowAndFlush()
    {
        ApiResult<Api::JobActivity> queued =
            m_admin->waitFor(&ApiClient::synchronizeNow, QStringList{kAlice});
        VERIFY_OK(queued);
        QVERIFY(waitUntilIdle());
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::synchronizeNow, QStringList{kNobody}),
                     ErrorCategory::NotFound);
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::synchronizeNow, QStringList()), ErrorCategory::Forbidden);

        ApiResult<Api::ServiceStatus> status = m_admin->waitFor(&ApiClient::serviceStatus);
        VERIFY_OK(status);
        QVERIFY(status->activity.idle());
        QVERIFY(!status->recentJobs.isEmpty());
        QCOMPARE(status->recentJobs.first().status, QStringLiteral("done"));
        ApiResult<Api::Mailbox> alice = m_admin->waitFor(&ApiClient::getMailbox, kAlice);
        VERIFY_OK(alice);
        QVERIFY(alice->offline.hasRepository);
        QCOMPARE(alice->offline.generation, qint64(1));

        ApiResult<QList<Api::OfflineMailbox>> mine = m_admin->waitFor(&ApiClient::myOfflineMailboxes);
        VERIFY_OK(mine);
        QCOMPARE(mine->size(), 1);
        ApiResult<Api::ManifestReply> manifest =
            m_admin->waitFor(&ApiClient::getManifest, kAlice, QString(), 0);
        VERIFY_OK(manifest);
        QVERIFY(!manifest->notModified);
        QCOMPARE(manifest->manifest.mailbox, kAlice);
        QCOMPARE(manifest->etag, QLatin1Char('"') + Manifest::etagOf(manifest->bytes) + QLatin1Char('"'));
        ApiResult<Api::ManifestReply> same =
            m_admin->waitFor(&ApiClient::getManifest, kAlice, manifest->etag, 0);
        VERIFY_OK(same);
        QVERIFY(same->notModified);

        ApiResult<Api::JobActivity> flushing = m_admin->waitFor(&ApiClient::flushRepository, kAlice);
        VERIFY_OK(flushing);
        QVERIFY(waitUntilIdle());
        // Offline sync is off for carol: nothing to flush.
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::flushRepository, kCarol), ErrorCategory::Conflict);
        ApiResult<Api::JobList> jobs = m_admin->waitFor(&ApiClient::listJobs, 10);
        VERIFY_OK(jobs);
        QVERIFY(jobs->jobs.size() >= 2);
        QCOMPARE(jobs->jobs.first().kind, QStringLiteral("flush"));
        alice = m_admin->waitFor(&ApiClient::getMailbox, kAlice);
        VERIFY_OK(alice);
        QCOMPARE(alice->offline.generation, qint64(2));
    }

    // ---- Permissions and messages ----

    void permissionsAndMessages()
    {
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::getMailbox, kAlice), ErrorCategory::NotFound);
        VERIFY_OK(m_admin->waitFor(&ApiClient::grantPermission, kAlice, QStringLiteral("bob")));
        ApiResult<void> unknownUser =
            m_admin->waitFor(&ApiClient::grantPermission, kAlice, QStringLiteral("nobody"));
        VERIFY_FAILS(unknownUser, ErrorCategory::Invalid);
        QCOMPARE(unknownUser.error().field, QStringLiteral("username"));
        ApiResult<QStringList> permitted = m_admin->waitFor(&ApiClient::listPermissions, kAlice);
        VERIFY_OK(permitted);
        QCOMPARE(*permitted, QStringList{QStringLiteral("bob")});

        ApiResult<QList<Api::Mailbox>> visible = m_bob->waitFor(&ApiClient::listMailboxes);
        VERIFY_OK(visible);
        QCOMPARE(visible->size(), 1);
        Api::MessageQuery query;
        query.limit = 5;
        ApiResult<Api::MessageSearchResult> page = m_bob->waitFor(&ApiClient::searchMessages, kAlice, query);
        VERIFY_OK(page);
        QCOMPARE(page->total, qint64(kMessages));
        QCOMPARE(page->messages.size(), 5);
        query.limit = 0;
        query.text = QStringLiteral("no-such-word-anywhere");
        page = m_bob->waitFor(&ApiClient::searchMessages, kAlice, query);
        VERIFY_OK(page);
        QCOMPARE(page->total, qint64(0));

        query = Api::MessageQuery();
        page = m_bob->waitFor(&ApiClient::searchMessages, kAlice, query);
        VERIFY_OK(page);
        const Api::ArchivedMessage first = page->messages.first();
        ApiResult<Api::ArchivedMessage> message = m_bob->waitFor(&ApiClient::getMessage, kAlice, first.id);
        VERIFY_OK(message);
        QCOMPARE(*message, first);
        ApiResult<QByteArray> raw = m_bob->waitFor(&ApiClient::getRawMessage, kAlice, first.id);
        VERIFY_OK(raw);
        QCOMPARE(qint64(raw->size()), first.size);
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::getMessage, kAlice, qint64(999999)), ErrorCategory::NotFound);

        VERIFY_OK(m_admin->waitFor(&ApiClient::revokePermission, kAlice, QStringLiteral("bob")));
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::searchMessages, kAlice, query), ErrorCategory::NotFound);
    }

    // ---- Devices, audit, metrics ----

    void devices()
    {
        ApiResult<Api::DeviceRegistration> registered =
            m_bob->waitFor(&ApiClient::registerDevice, QStringLiteral("bob-laptop"));
        VERIFY_OK(registered);
        m_bobDevice = registered->deviceId;
        auto device = client(registered->token);
        ApiResult<Api::Me> me = device->waitFor(&ApiClient::whoAmI);
        VERIFY_OK(me);
        QCOMPARE(me->tokenKind, Api::Me::TokenKind::Device);
        QCOMPARE(me->deviceId, m_bobDevice);

        const QJsonObject state{{QStringLiteral("generation"), 2},
                                {QStringLiteral("status"), QStringLiteral("ok")}};
        VERIFY_OK(device->waitFor(&ApiClient::reportDeviceState, m_bobDevice, state));
        ApiResult<QJsonObject> stored = m_admin->waitFor(&ApiClient::deviceState, m_bobDevice);
        VERIFY_OK(stored);
        QCOMPARE(*stored, state);
        // bob's session is not the device's own token.
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::reportDeviceState, m_bobDevice, state),
                     ErrorCategory::Forbidden);

        // Initial-sync admission: a device holds a slot until it lets go; a session cannot queue.
        ApiResult<Api::Admission> admitted = device->waitFor(&ApiClient::requestInitialSync);
        VERIFY_OK(admitted);
        QVERIFY(admitted->leaseSeconds > 0);
        ApiResult<Api::AdmissionState> admission = m_admin->waitFor(&ApiClient::initialSyncState);
        VERIFY_OK(admission);
        QCOMPARE(admission->holders.size(), 1);
        QCOMPARE(admission->holders.first().deviceId, m_bobDevice);
        VERIFY_OK(device->waitFor(&ApiClient::releaseInitialSync));
        admission = m_admin->waitFor(&ApiClient::initialSyncState);
        VERIFY_OK(admission);
        QVERIFY(admission->holders.isEmpty());
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::requestInitialSync), ErrorCategory::Forbidden);
        VERIFY_FAILS(device->waitFor(&ApiClient::initialSyncState), ErrorCategory::Forbidden);

        ApiResult<QList<Api::Device>> list = m_admin->waitFor(&ApiClient::listDevices);
        VERIFY_OK(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().name, QStringLiteral("bob-laptop"));
        QVERIFY(!list->first().isRevoked());
        VERIFY_OK(m_admin->waitFor(&ApiClient::revokeDevice, m_bobDevice));
        VERIFY_FAILS(device->waitFor(&ApiClient::whoAmI), ErrorCategory::Auth);
        VERIFY_FAILS(m_admin->waitFor(&ApiClient::revokeDevice, qint64(9999)), ErrorCategory::NotFound);
        list = m_admin->waitFor(&ApiClient::listDevices);
        VERIFY_OK(list);
        QVERIFY(list->first().isRevoked());
    }

    void auditAndMetrics()
    {
        ApiResult<QList<Api::AuditEntry>> entries = m_admin->waitFor(&ApiClient::listAudit, 3);
        VERIFY_OK(entries);
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->first().action, QStringLiteral("device.revoke"));
        ApiResult<QList<Api::AuditEntry>> refused = m_admin->waitFor(&ApiClient::listAudit, 5000);
        VERIFY_FAILS(refused, ErrorCategory::Invalid);
        QCOMPARE(refused.error().field, QStringLiteral("limit"));

        ApiResult<QString> metrics = m_admin->waitFor(&ApiClient::metrics);
        VERIFY_OK(metrics);
        QVERIFY(metrics->contains(QStringLiteral("archivesync_http_connections")));
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::metrics), ErrorCategory::Forbidden);
    }

    // ---- What the client guards itself ----

    void unreachableServiceIsNetwork()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ApiClient nowhere(m_network, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        ApiResult<void> result = nowhere.waitFor(&ApiClient::health);
        VERIFY_FAILS(result, ErrorCategory::Network);
        QCOMPARE(result.error().httpStatus, 0);
    }

    void oversizeAnswersAreRefused()
    {
        auto small = client(m_admin->token());
        small->setMaxReplyBytes(64);
        ApiResult<QList<Api::Mailbox>> result = small->waitFor(&ApiClient::listMailboxes);
        VERIFY_FAILS(result, ErrorCategory::Network);
        QVERIFY2(result.errorString().contains(QStringLiteral("larger than 64 bytes")),
                 qPrintable(result.errorString()));
        QCOMPARE(small->pendingCalls(), 0);
    }

    void badBaseUrlFailsLater()
    {
        ApiClient broken(m_network, QUrl(QStringLiteral("archive.example.org:8470")));
        bool called = false;
        std::optional<ApiResult<void>> result;
        broken.health([&](ApiResult<void> r) {
            called = true;
            result.emplace(std::move(r));
        });
        // Never from inside the call: callers may still be setting up.
        QVERIFY(!called);
        QTRY_VERIFY(called);
        VERIFY_FAILS(*result, ErrorCategory::Network);
    }

    void destroyedClientNeverCalls()
    {
        auto doomed = client(m_admin->token());
        bool called = false;
        doomed->listMailboxes([&called](ApiResult<QList<Api::Mailbox>>) { called = true; });
        QCOMPARE(doomed->pendingCalls(), 1);
        doomed.reset();
        QTest::qWait(300);
        QVERIFY(!called);
    }

    void signOut()
    {
        VERIFY_OK(m_bob->waitFor(&ApiClient::signOut));
        VERIFY_FAILS(m_bob->waitFor(&ApiClient::whoAmI), ErrorCategory::Auth);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
