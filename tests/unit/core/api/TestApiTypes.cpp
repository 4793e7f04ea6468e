// SPDX-License-Identifier: Apache-2.0
// The client side of the REST API without a service: every type's JSON round trip and strict reading,
// how requests are built (paths, queries, bodies), and how error answers map to ApiError.
#include "core/api/ApiError.h"
#include "core/api/ApiRequest.h"
#include "core/api/ApiTypes.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace ArchiveSync;

namespace {
QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

OfflineSettings customSettings()
{
    OfflineSettings s;
    s.contentWindowMonths = 12;
    s.defaultFolderPolicy = FolderPolicy::Excluded;
    s.folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole},
                        {QStringLiteral("Projects/*"), FolderPolicy::HeadersOnly}};
    s.maxWholeMessageBytes = 10 * 1024 * 1024;
    s.checkIntervalMinutes = 30;
    s.maxCacheBytes = 1024LL * 1024 * 1024;
    return s;
}

Api::Job job(qint64 id, bool finished)
{
    Api::Job j;
    j.id = id;
    j.kind = QStringLiteral("update");
    j.trigger = QStringLiteral("schedule");
    j.started = utc(2026, 3, 1, 6);
    j.finished = finished ? utc(2026, 3, 1, 6, 2) : QDateTime();
    j.status = finished ? QStringLiteral("done") : QStringLiteral("running");
    j.mailboxes = 2;
    j.segments = 3;
    j.messages = 120;
    j.bytes = 123456;
    j.errors = finished ? QString() : QStringLiteral("carol: disk full");
    return j;
}

Api::ArchivedMessage message(qint64 id)
{
    Api::ArchivedMessage m;
    m.id = id;
    m.folder = QStringLiteral("Projects/Alpha");
    m.messageId = QStringLiteral("abc@example.org");
    m.from = QStringLiteral("Alice <alice@example.org>");
    m.to = QStringLiteral("bob@example.org");
    m.cc = QString();
    m.subject = QStringLiteral("Grüße");
    m.date = id % 2 ? utc(2025, 12, 24, 18) : QDateTime();
    m.size = 2048;
    m.sha256 = QString(64, QLatin1Char('a'));
    m.isSigned = true;
    m.hasAttachments = true;
    return m;
}

/// Reads `json` as type T and returns the error's field, or "<ok>" when it was accepted.
template<typename T>
QString fieldOfRejection(const QJsonObject &json)
{
    Result<T> result = T::fromJson(json);
    return result ? QStringLiteral("<ok>") : result.error().field;
}

using Rejection = std::function<QString(const QJsonObject &)>;
const QMap<QString, Rejection> &readers()
{
    static const QMap<QString, Rejection> map = {
        {QStringLiteral("Session"), &fieldOfRejection<Api::Session>},
        {QStringLiteral("Me"), &fieldOfRejection<Api::Me>},
        {QStringLiteral("User"), &fieldOfRejection<Api::User>},
        {QStringLiteral("NewUser"), &fieldOfRejection<Api::NewUser>},
        {QStringLiteral("UserChange"), &fieldOfRejection<Api::UserChange>},
        {QStringLiteral("Mailbox"), &fieldOfRejection<Api::Mailbox>},
        {QStringLiteral("DirectoryEntry"), &fieldOfRejection<Api::DirectoryEntry>},
        {QStringLiteral("OfflineMailbox"), &fieldOfRejection<Api::OfflineMailbox>},
        {QStringLiteral("MailboxOfflineConfig"), &fieldOfRejection<Api::MailboxOfflineConfig>},
        {QStringLiteral("MailboxOfflineChange"), &fieldOfRejection<Api::MailboxOfflineChange>},
        {QStringLiteral("ScheduleView"), &fieldOfRejection<Api::ScheduleView>},
        {QStringLiteral("Device"), &fieldOfRejection<Api::Device>},
        {QStringLiteral("JobActivity"), &fieldOfRejection<Api::JobActivity>},
        {QStringLiteral("Job"), &fieldOfRejection<Api::Job>},
        {QStringLiteral("JobList"), &fieldOfRejection<Api::JobList>},
        {QStringLiteral("ServiceStatus"), &fieldOfRejection<Api::ServiceStatus>},
        {QStringLiteral("RepositoryStatus"), &fieldOfRejection<Api::RepositoryStatus>},
        {QStringLiteral("DeviceStatus"), &fieldOfRejection<Api::DeviceStatus>},
        {QStringLiteral("Admission"), &fieldOfRejection<Api::Admission>},
        {QStringLiteral("AdmissionState"), &fieldOfRejection<Api::AdmissionState>},
        {QStringLiteral("AuditEntry"), &fieldOfRejection<Api::AuditEntry>},
        {QStringLiteral("ArchivedMessage"), &fieldOfRejection<Api::ArchivedMessage>},
        {QStringLiteral("MessageSearchResult"), &fieldOfRejection<Api::MessageSearchResult>},
    };
    return map;
}
} // namespace

class TestApiTypes : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static bool roundTrips(const T &value)
    {
        // Through bytes, as on the wire.
        const QByteArray bytes = QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
        Result<T> back = T::fromJson(QJsonDocument::fromJson(bytes).object());
        if (!back) {
            qWarning("%s: %s", bytes.constData(), qPrintable(back.errorString()));
            return false;
        }
        if (!(*back == value)) {
            qWarning("%s does not read back equal", bytes.constData());
            return false;
        }
        return true;
    }

private slots:
    // ---- Round trips ----

    void sessionAndUsers()
    {
        QVERIFY(roundTrips(Api::Session{QStringLiteral("ass_x"), utc(2026, 5, 1, 12), QStringLiteral("admin"),
                                        Api::Role::Admin}));
        QVERIFY(roundTrips(Api::Me{QStringLiteral("sam"), Api::Role::User, Api::Me::TokenKind::Device, 7}));
        QVERIFY(
            roundTrips(Api::Me{QStringLiteral("admin"), Api::Role::Admin, Api::Me::TokenKind::Session, 0}));
        QVERIFY(roundTrips(Api::User{QStringLiteral("bob"), QStringLiteral("Bob Builder"), Api::Role::User,
                                     utc(2026, 1, 2, 3, 4, 5)}));
        QVERIFY(roundTrips(Api::NewUser{QStringLiteral("dora"), QStringLiteral("a long passphrase"),
                                        Api::Role::Admin, QStringLiteral("Dora")}));
        QVERIFY(roundTrips(Api::NewUser{QStringLiteral("eve"), QStringLiteral("another passphrase"),
                                        Api::Role::User, QString()}));
        QVERIFY(roundTrips(Api::UserChange{}));
        QVERIFY(roundTrips(
            Api::UserChange{QStringLiteral("new passphrase!"), Api::Role::Admin, QStringLiteral("")}));
        // Only what is set is sent.
        const Api::UserChange roleOnly{std::nullopt, Api::Role::User, std::nullopt};
        QCOMPARE(roleOnly.toJson(), parse(R"({"role":"user"})"));
    }

    void mailboxes()
    {
        Api::Mailbox m;
        m.address = QStringLiteral("alice@example.org");
        m.displayName = QStringLiteral("Alice");
        m.managed = true;
        m.archivedMessages = 60;
        m.offline.enabled = true;
        m.offline.useDefaults = false;
        QVERIFY(roundTrips(m));
        m.offline.hasRepository = true;
        m.offline.generation = 2;
        m.offline.revision = 5;
        m.offline.messageCount = 58;
        m.offline.bytes = 1 << 20;
        m.offline.updated = utc(2026, 2, 3, 4, 5, 6);
        QVERIFY(roundTrips(m));
        QVERIFY(roundTrips(
            Api::DirectoryEntry{QStringLiteral("carol@example.org"), QStringLiteral("Carol"), 12}));
        QVERIFY(roundTrips(Api::OfflineMailbox{QStringLiteral("alice@example.org"), true, 1, 0, 60, 4096}));
    }

    void offlineConfigAndSchedule()
    {
        QVERIFY(roundTrips(Api::MailboxOfflineConfig{true, false, customSettings()}));
        QVERIFY(roundTrips(Api::MailboxOfflineConfig{false, true, OfflineSettings()}));
        QVERIFY(roundTrips(Api::MailboxOfflineChange{}));
        QVERIFY(roundTrips(Api::MailboxOfflineChange{true, std::nullopt, customSettings()}));
        QVERIFY(roundTrips(Api::MailboxOfflineChange{std::nullopt, true, std::nullopt}));
        // The settings inside are OfflineSettings' own JSON, not a copy of it.
        const Api::MailboxOfflineConfig own{true, false, customSettings()};
        QCOMPARE(own.toJson().value(QStringLiteral("settings")), QJsonValue(customSettings().toJson()));

        Api::ScheduleView view;
        view.schedule = *Schedule::weekly({Qt::Monday, Qt::Thursday}, QTime(7, 30));
        view.description = view.schedule.describe();
        view.timeZone = QStringLiteral("Europe/Berlin");
        view.nextRuns = {utc(2026, 3, 2, 6, 30), utc(2026, 3, 5, 6, 30)};
        QVERIFY(roundTrips(view));
        QCOMPARE(view.toJson().value(QStringLiteral("schedule")), QJsonValue(view.schedule.toJson()));
    }

    void devicesJobsAndStatus()
    {
        QVERIFY(roundTrips(Api::Device{3, QStringLiteral("sam"), QStringLiteral("sam-laptop"),
                                       utc(2026, 1, 1), QDateTime(), QDateTime()}));
        QVERIFY(roundTrips(Api::Device{4, QStringLiteral("sam"), QStringLiteral("old"), utc(2026, 1, 1),
                                       utc(2026, 1, 5), utc(2026, 2, 1)}));
        QVERIFY(roundTrips(Api::DeviceRegistration{9, QStringLiteral("asd_token")}));

        Api::JobActivity idle;
        QVERIFY(roundTrips(idle));
        QVERIFY(idle.idle());
        QCOMPARE(idle.toJson(), parse(R"({"queued":0,"running":null})"));
        Api::JobActivity busy;
        busy.queued = 2;
        busy.running = Api::JobActivity::Running{QStringLiteral("flush"),
                                                 QStringLiteral("manual"),
                                                 utc(2026, 3, 1, 6),
                                                 QStringLiteral("alice@example.org"),
                                                 10,
                                                 60};
        QVERIFY(roundTrips(busy));
        QVERIFY(!busy.idle());

        QVERIFY(roundTrips(job(1, true)));
        QVERIFY(roundTrips(job(2, false)));
        QVERIFY(roundTrips(Api::JobList{busy, {job(2, false), job(1, true)}}));

        Api::ServiceStatus status;
        status.schedule = *Schedule::everyNHours(4);
        status.scheduleDescription = status.schedule.describe();
        status.nextRun = utc(2026, 3, 1, 8);
        status.activity = busy;
        status.recentJobs = {job(2, false), job(1, true)};
        status.recentErrors = {Api::JobError{2, QDateTime(), QStringLiteral("carol: disk full")}};
        QVERIFY(roundTrips(status));
        status.lastRun = utc(2026, 3, 1, 4);
        QVERIFY(roundTrips(status));

        const Api::RepositoryStatus repository{
            QStringLiteral("alice@example.org"), true, 2, 5, 7, 58, 1 << 20, utc(2026, 2, 3, 4, 5, 6)};
        QVERIFY(roundTrips(repository));
        QVERIFY(roundTrips(
            Api::RepositoryStatus{QStringLiteral("bob@example.org"), false, 1, 0, 0, 0, 0, QDateTime()}));
        Api::DeviceStatus laptop;
        laptop.id = 3;
        laptop.username = QStringLiteral("sam");
        laptop.name = QStringLiteral("sam-laptop");
        laptop.lastSeen = utc(2026, 3, 1, 7, 59);
        laptop.lagSeconds = 60;
        laptop.state = parse(R"({"generation":2,"appliedSegments":7,"status":"up to date","extra":[1]})");
        QVERIFY(roundTrips(laptop));
        Api::DeviceStatus neverSeen;
        neverSeen.id = 4;
        neverSeen.username = QStringLiteral("sam");
        neverSeen.name = QStringLiteral("old");
        neverSeen.revoked = true;
        QVERIFY(roundTrips(neverSeen));
        QCOMPARE(neverSeen.toJson(),
                 parse(R"({"id":4,"username":"sam","name":"old","revoked":true,"lastSeen":null,
                           "lagSeconds":null,"state":{}})"));
        status.repositories = {repository};
        status.devices = {laptop, neverSeen};
        QVERIFY(roundTrips(status));
    }

    void admission()
    {
        QVERIFY(roundTrips(Api::Admission{120}));
        QCOMPARE(Api::Admission{90}.toJson(), parse(R"({"admitted":true,"leaseSeconds":90})"));
        Api::AdmissionState state;
        state.limit = 2;
        state.leaseSeconds = 120;
        QVERIFY(roundTrips(state));
        state.holders = {Api::AdmissionHolder{1, QStringLiteral("sam"), utc(2026, 3, 1, 8)},
                         Api::AdmissionHolder{2, QStringLiteral("dora"), utc(2026, 3, 1, 8, 1)}};
        state.queue = {Api::AdmissionWaiter{3, QStringLiteral("eve"), 1}};
        QVERIFY(roundTrips(state));
    }

    void deviceState()
    {
        Api::DeviceState state;
        state.status = QStringLiteral("syncing");
        QVERIFY(roundTrips(state));
        state.mailboxes = {Api::DeviceMailboxState{QStringLiteral("alice@example.org"),
                                                   QStringLiteral("up-to-date"), 2, 5, 2030,
                                                   utc(2026, 3, 1, 8)},
                           Api::DeviceMailboxState{QStringLiteral("team@example.org"),
                                                   QStringLiteral("queued"), 0, 0, 0, QDateTime()}};
        QVERIFY(roundTrips(state));
        // What newer agents add is ignored, what is defined is checked.
        QJsonObject json = state.toJson();
        json.insert(QStringLiteral("battery"), 80);
        QVERIFY(Api::DeviceState::fromJson(json).ok());
        json.insert(QStringLiteral("mailboxes"), QJsonArray{QJsonObject{{QStringLiteral("address"), 5}}});
        Result<Api::DeviceState> bad = Api::DeviceState::fromJson(json);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().field.startsWith(QStringLiteral("mailboxes[0]")), qPrintable(bad.error().field));
    }

    void auditAndMessages()
    {
        QVERIFY(roundTrips(Api::AuditEntry{5, utc(2026, 3, 1), QStringLiteral("admin"),
                                           QStringLiteral("user.delete"), QStringLiteral("bob"), QString()}));
        QVERIFY(roundTrips(message(1)));
        QVERIFY(roundTrips(message(2))); // without a Date
        QVERIFY(roundTrips(Api::MessageSearchResult{140, {message(1), message(2)}}));
        QVERIFY(roundTrips(Api::MessageSearchResult{}));
    }

    // ---- What the service sends ----

    void readsTheServiceShapes()
    {
        // Copied from what the service answers (see service/api/*Controller.cpp).
        Result<Api::Mailbox> fresh = Api::Mailbox::fromJson(parse(
            R"({"address":"a@x.org","displayName":"","managed":false,"archivedMessages":12,
                "offline":{"enabled":false,"useDefaults":true}})"));
        QVERIFY2(fresh.ok(), qPrintable(fresh.errorString()));
        QVERIFY(!fresh->offline.hasRepository);

        Result<Api::JobList> jobs = Api::JobList::fromJson(parse(
            R"({"activity":{"queued":0,"running":null},"jobs":[{"id":1,"kind":"update","trigger":"manual",
                "started":"2026-11-22T03:33:48Z","finished":null,"status":"running","mailboxes":0,"segments":0,
                "messages":0,"bytes":0,"errors":""}]})"));
        QVERIFY2(jobs.ok(), qPrintable(jobs.errorString()));
        QVERIFY(!jobs->jobs.first().finished.isValid());
        QCOMPARE(jobs->jobs.first().started, utc(2026, 11, 22, 3, 33, 48));

        Result<Api::ServiceStatus> status = Api::ServiceStatus::fromJson(parse(
            R"({"schedule":{"kind":"daily","times":["06:00"]},"scheduleDescription":"daily at 06:00",
                "lastRun":null,"nextRun":"2026-11-23T05:00:00Z","activity":{"queued":0,"running":null},
                "recentJobs":[],"recentErrors":[],
                "repositories":[{"address":"a@x.org","enabled":true,"generation":1,"revision":0,"segments":2,
                                 "messageCount":12,"bytes":4096,"updated":"2026-11-22T03:33:48Z"}],
                "devices":[{"id":1,"username":"sam","name":"sam-laptop","revoked":false,"lastSeen":null,
                            "lagSeconds":null,"state":{}}]})"));
        QVERIFY2(status.ok(), qPrintable(status.errorString()));
        QCOMPARE(status->repositories.size(), 1);
        QCOMPARE(status->repositories.first().segments, 2);
        QCOMPARE(status->devices.size(), 1);
        QVERIFY(!status->devices.first().lagSeconds);

        // A member the service added later is no reason to fail.
        Result<Api::User> user = Api::User::fromJson(parse(
            R"({"username":"bob","displayName":"","role":"user","created":"2026-01-01T00:00:00Z","lastLogin":null})"));
        QVERIFY2(user.ok(), qPrintable(user.errorString()));
    }

    // ---- Strict reading ----

    void strictRejection_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QByteArray session =
            R"({"token":"t","expiresAt":"2026-01-01T00:00:00Z","username":"a","role":"admin"})";
        QTest::newRow("valid session") << "Session" << session << "<ok>";
        QTest::newRow("session without token")
            << "Session"
            << QByteArray(R"({"expiresAt":"2026-01-01T00:00:00Z","username":"a","role":"admin"})") << "token";
        QTest::newRow("session with an empty token")
            << "Session" << QByteArray(session).replace(R"("t")", R"("")") << "token";
        QTest::newRow("session with a bad role")
            << "Session" << QByteArray(session).replace("admin", "root") << "role";
        QTest::newRow("session with a bad time")
            << "Session" << QByteArray(session).replace("2026-01-01T00:00:00Z", "tomorrow") << "expiresAt";
        QTest::newRow("me with a bad token kind")
            << "Me" << QByteArray(R"({"username":"a","role":"user","tokenKind":"api-key"})") << "tokenKind";
        QTest::newRow("me with a string device id")
            << "Me" << QByteArray(R"({"username":"a","role":"user","tokenKind":"device","deviceId":"7"})")
            << "deviceId";
        QTest::newRow("user without created")
            << "User" << QByteArray(R"({"username":"a","displayName":"","role":"user"})") << "created";
        QTest::newRow("new user with an unknown member")
            << "NewUser" << QByteArray(R"({"username":"a","password":"p","admin":true})") << "admin";
        QTest::newRow("user change with a number password")
            << "UserChange" << QByteArray(R"({"password":12})") << "password";
        QTest::newRow("mailbox with a fractional count")
            << "Mailbox"
            << QByteArray(R"({"address":"a","displayName":"","managed":true,"archivedMessages":1.5,
                               "offline":{"enabled":true,"useDefaults":true}})")
            << "archivedMessages";
        QTest::newRow("mailbox with a string flag")
            << "Mailbox"
            << QByteArray(R"({"address":"a","displayName":"","managed":"yes","archivedMessages":1,
                               "offline":{"enabled":true,"useDefaults":true}})")
            << "managed";
        QTest::newRow("mailbox repository without bytes")
            << "Mailbox" << QByteArray(R"({"address":"a","displayName":"","managed":true,"archivedMessages":1,
                               "offline":{"enabled":true,"useDefaults":true,"generation":1,"revision":0,
                                          "messageCount":1,"updated":"2026-01-01T00:00:00Z"}})")
            << "offline.bytes";
        QTest::newRow("directory entry with a negative count")
            << "DirectoryEntry" << QByteArray(R"({"address":"a","displayName":"","archivedMessages":-1})")
            << "archivedMessages";
        QTest::newRow("offline mailbox with generation 0")
            << "OfflineMailbox"
            << QByteArray(
                   R"({"address":"a","enabled":true,"generation":0,"revision":0,"messageCount":0,"bytes":0})")
            << "generation";
        QTest::newRow("offline config with bad settings")
            << "MailboxOfflineConfig"
            << QByteArray(R"({"enabled":true,"useDefaults":false,"settings":{"checkIntervalMinutes":1}})")
            << "settings.checkIntervalMinutes";
        QTest::newRow("offline config with an unknown setting")
            << "MailboxOfflineConfig"
            << QByteArray(R"({"enabled":true,"useDefaults":false,"settings":{"colour":"red"}})")
            << "settings.colour";
        QTest::newRow("offline change with an unknown member")
            << "MailboxOfflineChange" << QByteArray(R"({"enable":true})") << "enable";
        QTest::newRow("schedule view with a bad schedule")
            << "ScheduleView"
            << QByteArray(
                   R"({"schedule":{"kind":"monthly"},"description":"","timeZone":"UTC","nextRuns":[]})")
            << "schedule.kind";
        QTest::newRow("schedule view with a bad run")
            << "ScheduleView"
            << QByteArray(R"({"schedule":{"kind":"every","hours":4},"description":"","timeZone":"UTC",
                               "nextRuns":["2026-01-01T00:00:00Z","soon"]})")
            << "nextRuns[1]";
        QTest::newRow("device with a bad lastSeen")
            << "Device"
            << QByteArray(R"({"id":1,"username":"a","name":"n","created":"2026-01-01T00:00:00Z","lastSeen":5,
                               "revoked":null})")
            << "lastSeen";
        QTest::newRow("activity without running")
            << "JobActivity" << QByteArray(R"({"queued":0})") << "running";
        QTest::newRow("activity with a bad running kind")
            << "JobActivity" << QByteArray(R"({"queued":0,"running":{"kind":"rebuild","trigger":"manual",
                               "started":"2026-01-01T00:00:00Z","mailbox":"","done":0,"total":0}})")
            << "running.kind";
        QTest::newRow("job with a bad status")
            << "Job"
            << QByteArray(R"({"id":1,"kind":"update","trigger":"manual","started":"2026-01-01T00:00:00Z",
                               "status":"lost","mailboxes":0,"segments":0,"messages":0,"bytes":0,"errors":""})")
            << "status";
        QTest::newRow("job list with a bad job")
            << "JobList"
            << QByteArray(R"({"activity":{"queued":0,"running":null},"jobs":[{"id":1,"kind":"update",
                               "trigger":"manual","started":"2026-01-01T00:00:00Z","status":"done","mailboxes":0,
                               "segments":0,"messages":0,"bytes":0,"errors":""},{"id":"2"}]})")
            << "jobs[1].id";
        QTest::newRow("status without nextRun")
            << "ServiceStatus"
            << QByteArray(R"({"schedule":{"kind":"every","hours":4},"scheduleDescription":"","lastRun":null,
                               "activity":{"queued":0,"running":null},"recentJobs":[],"recentErrors":[]})")
            << "nextRun";
        QTest::newRow("status without devices")
            << "ServiceStatus"
            << QByteArray(R"({"schedule":{"kind":"every","hours":4},"scheduleDescription":"","lastRun":null,
                               "nextRun":"2026-01-01T00:00:00Z","activity":{"queued":0,"running":null},
                               "recentJobs":[],"recentErrors":[],"repositories":[]})")
            << "devices";
        QTest::newRow("status with a bad repository")
            << "ServiceStatus"
            << QByteArray(R"({"schedule":{"kind":"every","hours":4},"scheduleDescription":"","lastRun":null,
                               "nextRun":"2026-01-01T00:00:00Z","activity":{"queued":0,"running":null},
                               "recentJobs":[],"recentErrors":[],"devices":[],
                               "repositories":[{"address":"a","enabled":true,"generation":0,"revision":0,
                                                "segments":0,"messageCount":0,"bytes":0,"updated":null}]})")
            << "repositories[0].generation";
        QTest::newRow("repository without segments")
            << "RepositoryStatus"
            << QByteArray(R"({"address":"a","enabled":true,"generation":1,"revision":0,"messageCount":0,
                               "bytes":0,"updated":null})")
            << "segments";
        const QByteArray device = R"({"id":1,"username":"a","name":"n","revoked":false,
                                      "lastSeen":"2026-01-01T00:00:00Z","lagSeconds":-5,"state":{}})";
        QTest::newRow("device status, ahead of the clock") << "DeviceStatus" << device << "<ok>";
        QTest::newRow("device status with a fractional lag")
            << "DeviceStatus" << QByteArray(device).replace("-5", "1.5") << "lagSeconds";
        QTest::newRow("device status without lag")
            << "DeviceStatus" << QByteArray(device).replace(R"("lagSeconds":-5,)", "") << "lagSeconds";
        QTest::newRow("device status with a string state")
            << "DeviceStatus" << QByteArray(device).replace("{}", R"("fine")") << "state";
        QTest::newRow("device status with a string revoked")
            << "DeviceStatus" << QByteArray(device).replace("false", R"("no")") << "revoked";
        QTest::newRow("admission not admitted")
            << "Admission" << QByteArray(R"({"admitted":false,"leaseSeconds":120})") << "admitted";
        QTest::newRow("admission without a lease")
            << "Admission" << QByteArray(R"({"admitted":true,"leaseSeconds":0})") << "leaseSeconds";
        QTest::newRow("admission state with a bad waiter")
            << "AdmissionState" << QByteArray(R"({"limit":4,"leaseSeconds":120,"holders":[],
                               "queue":[{"deviceId":3,"username":"e","position":0}]})")
            << "queue[0].position";
        QTest::newRow("admission state with a bad holder time")
            << "AdmissionState" << QByteArray(R"({"limit":4,"leaseSeconds":120,"queue":[],
                               "holders":[{"deviceId":3,"username":"e","since":"later"}]})")
            << "holders[0].since";
        QTest::newRow("new user with an unknown member and no password")
            << "NewUser" << QByteArray(R"({"username":"a","admin":true})") << "admin";
        QTest::newRow("audit entry with a number target")
            << "AuditEntry"
            << QByteArray(
                   R"({"id":1,"at":"2026-01-01T00:00:00Z","username":"a","action":"x","target":5,"detail":""})")
            << "target";
        QTest::newRow("message with a bad hash")
            << "ArchivedMessage"
            << QByteArray(R"({"id":1,"folder":"","messageId":"","from":"","to":"","cc":"","subject":"",
                               "date":null,"size":1,"sha256":"ABC","signed":false,"encrypted":false,
                               "hasAttachments":false})")
            << "sha256";
        QTest::newRow("search result with a non-object message")
            << "MessageSearchResult" << QByteArray(R"({"total":1,"messages":[7]})") << "messages[0]";
    }

    void strictRejection()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(readers().contains(type));
        QCOMPARE(readers().value(type)(doc.object()), field);
    }

    void rejectionsAreInvalidWithAMessage()
    {
        Result<Api::Job> job = Api::Job::fromJson(QJsonObject());
        QVERIFY(!job.ok());
        QCOMPARE(job.error().category, ErrorCategory::Invalid);
        QCOMPARE(job.error().field, QStringLiteral("id"));
        QVERIFY(job.errorString().contains(QStringLiteral("id is required")));
    }

    // ---- Request building ----

    void addressesArePercentEncoded()
    {
        const ApiRequest r = ApiRequest::getMailboxOffline(QStringLiteral("a b/c@x.org"));
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.path, QStringLiteral("/api/v1/mailboxes/a%20b%2Fc%40x.org/offline"));
        const QUrl url = r.url(QUrl(QStringLiteral("http://127.0.0.1:8470")));
        // The slash inside the address must not become a path separator.
        QCOMPARE(url.path(QUrl::FullyEncoded).count(QLatin1Char('/')), 5);
        QVERIFY(url.toEncoded().contains("a%20b%2Fc"));
        QCOMPARE(ApiRequest::revokePermission(QStringLiteral("a@x.org"), QStringLiteral("j.doe@corp")).path,
                 QStringLiteral("/api/v1/mailboxes/a%40x.org/permissions/j.doe%40corp"));
        QCOMPARE(ApiRequest::deleteUser(QStringLiteral("a/b")).path, QStringLiteral("/api/v1/users/a%2Fb"));
    }

    void baseUrlPathIsAPrefix()
    {
        const QUrl url =
            ApiRequest::whoAmI().url(QUrl(QStringLiteral("https://proxy.example.org/archivesync/")));
        QCOMPARE(url.toString(), QStringLiteral("https://proxy.example.org/archivesync/api/v1/me"));
    }

    void queryValuesAreEncoded()
    {
        Api::MessageQuery query;
        query.text = QStringLiteral("c++ & more");
        query.folder = QStringLiteral("Projects/Alpha");
        query.limit = 20;
        query.offset = 40;
        const QUrl url = ApiRequest::searchMessages(QStringLiteral("a@x.org"), query)
                             .url(QUrl(QStringLiteral("http://h:1")));
        // "+" travels as %2B: the service reads a bare "+" as a space.
        QCOMPARE(url.query(QUrl::FullyEncoded),
                 QStringLiteral("q=c%2B%2B%20%26%20more&folder=Projects%2FAlpha&limit=20&offset=40"));
        QCOMPARE(ApiRequest::listAudit().query.size(), 0);
        QCOMPARE(ApiRequest::listAudit(5).url(QUrl(QStringLiteral("http://h:1"))).query(),
                 QStringLiteral("limit=5"));
    }

    void bodiesAndStatuses()
    {
        const ApiRequest signIn = ApiRequest::signIn(QStringLiteral("admin"), QStringLiteral("secret"));
        QCOMPARE(signIn.method, QByteArray("POST"));
        QVERIFY(!signIn.authenticated);
        QCOMPARE(signIn.expectedStatuses, QList<int>{201});
        QCOMPARE(QJsonDocument::fromJson(signIn.body).object(),
                 parse(R"({"username":"admin","password":"secret"})"));

        // An empty body asks for every enabled mailbox.
        QVERIFY(ApiRequest::synchronizeNow().body.isEmpty());
        QCOMPARE(
            QJsonDocument::fromJson(ApiRequest::synchronizeNow({QStringLiteral("a@x.org")}).body).object(),
            parse(R"({"mailboxes":["a@x.org"]})"));
        QCOMPARE(ApiRequest::synchronizeNow().expectedStatuses, QList<int>{202});
        QCOMPARE(ApiRequest::revokeDevice(4).path, QStringLiteral("/api/v1/devices/4"));
        QCOMPARE(ApiRequest::revokeDevice(4).expectedStatuses, QList<int>{204});

        Api::MailboxOfflineChange change;
        change.enabled = true;
        QCOMPARE(
            QJsonDocument::fromJson(ApiRequest::setMailboxOffline(QStringLiteral("a"), change).body).object(),
            parse(R"({"enabled":true})"));
        QCOMPARE(ApiRequest::setMailboxOffline(QStringLiteral("a"), change).method, QByteArray("PUT"));
    }

    void manifestLongPollStretchesTheTimeout()
    {
        const ApiRequest plain = ApiRequest::getManifest(QStringLiteral("a@x.org"));
        QCOMPARE(plain.expectedStatuses, (QList<int>{200, 304}));
        QVERIFY(plain.headers.isEmpty());
        QCOMPARE(plain.timeoutMsecs, 0);
        const ApiRequest poll =
            ApiRequest::getManifest(QStringLiteral("a@x.org"), QStringLiteral("\"abc\""), 120);
        QCOMPARE(poll.headers.value(0).first, QByteArray("If-None-Match"));
        QCOMPARE(poll.query.value(0).second, QStringLiteral("120"));
        QVERIFY(poll.timeoutMsecs > 120 * 1000);
    }

    // ---- Errors ----

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("retrySeconds");  // -1: none
        QTest::addColumn<int>("queuePosition"); // -1: none

        auto problem = [](int status, const char *detail, const char *extra = "") {
            return QStringLiteral(R"({"type":"about:blank","title":"x","status":%1,"detail":"%2"%3})")
                .arg(status)
                .arg(QLatin1String(detail), QLatin1String(extra))
                .toUtf8();
        };
        const int invalid = int(ErrorCategory::Invalid);
        QTest::newRow("400 with field")
            << 400 << problem(400, "role must be admin or user", R"(,"field":"role")") << QByteArray()
            << invalid << "role must be admin or user"
            << "role" << -1 << -1;
        QTest::newRow("401") << 401 << problem(401, "invalid username or password") << QByteArray()
                             << int(ErrorCategory::Auth) << "invalid username or password"
                             << "" << -1 << -1;
        QTest::newRow("403") << 403 << problem(403, "this needs an administrator") << QByteArray()
                             << int(ErrorCategory::Forbidden) << "this needs an administrator"
                             << "" << -1 << -1;
        QTest::newRow("404") << 404 << problem(404, "no mailbox x") << QByteArray()
                             << int(ErrorCategory::NotFound) << "no mailbox x"
                             << "" << -1 << -1;
        QTest::newRow("409") << 409 << problem(409, "bob exists") << QByteArray()
                             << int(ErrorCategory::Conflict) << "bob exists"
                             << "" << -1 << -1;
        QTest::newRow("413") << 413 << problem(413, "too big", R"(,"field":"body")") << QByteArray()
                             << invalid << "too big"
                             << "body" << -1 << -1;
        QTest::newRow("416 without body") << 416 << QByteArray() << QByteArray() << invalid
                                          << "the service answered HTTP 416 (range not satisfiable)"
                                          << "" << -1 << -1;
        QTest::newRow("429 with header")
            << 429 << problem(429, "too many failed sign-ins", R"(,"retryAfter":40)") << QByteArray("30")
            << int(ErrorCategory::Throttled) << "too many failed sign-ins"
            << "" << 30 << -1;
        QTest::newRow("429 from the body") << 429 << problem(429, "slow down", R"(,"retryAfter":40)")
                                           << QByteArray() << int(ErrorCategory::Throttled) << "slow down"
                                           << "" << 40 << -1;
        QTest::newRow("503 with Retry-After and a queue place")
            << 503 << problem(503, "busy", R"(,"position":3,"retryAfter":5)") << QByteArray("5")
            << int(ErrorCategory::Throttled) << "busy"
            << "" << 5 << 3;
        QTest::newRow("503 with an HTTP date")
            << 503 << QByteArray("too many connections") << QByteArray("Sun, 01 Mar 2026 06:00:10 GMT")
            << int(ErrorCategory::Throttled) << "the service answered HTTP 503 (service unavailable)"
            << "" << 10 << -1;
        QTest::newRow("503 without Retry-After")
            << 503 << QByteArray() << QByteArray() << int(ErrorCategory::Server)
            << "the service answered HTTP 503 (service unavailable)"
            << "" << -1 << -1;
        QTest::newRow("500") << 500 << problem(500, "the service could not complete the request")
                             << QByteArray() << int(ErrorCategory::Server)
                             << "the service could not complete the request"
                             << "" << -1 << -1;
        QTest::newRow("502 from a proxy")
            << 502 << QByteArray("<html>Bad Gateway</html>") << QByteArray() << int(ErrorCategory::Server)
            << "the service answered HTTP 502 (server error)"
            << "" << -1 << -1;
        QTest::newRow("405") << 405 << problem(405, "no resource") << QByteArray() << invalid << "no resource"
                             << "" << -1 << -1;
    }

    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, category);
        QFETCH(QString, message);
        QFETCH(QString, field);
        QFETCH(int, retrySeconds);
        QFETCH(int, queuePosition);
        const ApiError error = ApiError::fromHttp(status, body, retryAfter, utc(2026, 3, 1, 6));
        QCOMPARE(int(error.category), category);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.message, message);
        QCOMPARE(error.field, field);
        QCOMPARE(error.retryAfterSeconds.value_or(-1), retrySeconds);
        QCOMPARE(error.queuePosition.value_or(-1), queuePosition);
    }

    void replyFailures()
    {
        ApiReply none;
        none.transportError = QStringLiteral("connection refused");
        QCOMPARE(none.failure({200})->category, ErrorCategory::Network);
        QCOMPARE(none.failure({200})->message, QStringLiteral("connection refused"));

        ApiReply created;
        created.status = 201;
        QVERIFY(!created.failure({201}).has_value());
        // A success the API does not promise for this call is not success either.
        QCOMPARE(created.failure({204})->category, ErrorCategory::Server);

        ApiReply garbage;
        garbage.status = 200;
        garbage.body = "<html>";
        QCOMPARE(garbage.object().error().category, ErrorCategory::Server);
        QCOMPARE(garbage.array().error().category, ErrorCategory::Server);
    }

    void apiResultKeepsTheHttpDetails()
    {
        ApiResult<int> throttled = ApiError::fromHttp(429, QByteArray(), QByteArray("7"));
        QVERIFY(!throttled.ok());
        QCOMPARE(throttled.error().retryAfterSeconds.value_or(-1), 7);
        const Result<int> plain = throttled.toResult();
        QCOMPARE(plain.error().category, ErrorCategory::Throttled);
        ApiResult<int> value = 5;
        QCOMPARE(*value.toResult(), 5);
        QVERIFY(ApiResult<void>().toResult().ok());
    }
};

QTEST_GUILESS_MAIN(TestApiTypes)
#include "TestApiTypes.moc"
