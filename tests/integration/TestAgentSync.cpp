// SPDX-License-Identifier: Apache-2.0
// The headless agent against a real service process over HTTP on 127.0.0.1: initial sync of a 2,000
// message corpus checked message by message, the laptop's folder choices, offline search and links,
// incremental updates, a flush with no empty window, tampered and interrupted downloads, the queued
// state under admission control, and the wipe after a revocation.
#include "core/api/ApiClient.h"
#include "core/localstore/DeviceKey.h"
#include "core/localstore/MailboxStore.h"
#include "core/localstore/MessageCipher.h"
#include "core/mime/MessageParser.h"
#include "core/sync/AgentControl.h"
#include "core/sync/AgentState.h"
#include "tests/support/AgentProcess.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kAlicePassword = QStringLiteral("alice's long passphrase");
const QString kMailbox = QStringLiteral("alice@example.org");
// A second mailbox alice may search into, with mail from years before the first one's.
const QString kTeam = QStringLiteral("team@example.org");
constexpr int kTeamMessages = 120;
constexpr int kCorpusMessages = 2000;
constexpr int kExtraMessages = 30;

QJsonObject firstMailbox(const QJsonObject &status, const QString &address = kMailbox)
{
    return AgentProcess::mailboxIn(status, address);
}
} // namespace

class TestAgentSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_admin;
    CorpusSummary m_corpus;
    QHash<QString, GeneratedMessage> m_bySha;
    QList<QProcess *> m_agents;
    int m_teamDated = 0; ///< team messages with a Date

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray corpusBytes(const GeneratedMessage &m) const
    {
        QFile file(QDir(m_corpus.outputDir).filePath(m.relativePath));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static AgentProcess agentFor(const QString &dataDir)
    {
        return AgentProcess(QStringLiteral(ARCHIVESYNC_AGENT_BINARY), dataDir, kAlicePassword);
    }
    static AgentRun runAgent(const QString &dataDir, const QString &command, const QStringList &args = {})
    {
        return agentFor(dataDir).run(command, args);
    }
    static QJsonObject agentStatus(const QString &dataDir) { return agentFor(dataDir).status(); }
    static std::optional<LocalCopy> openCopy(const QString &dataDir, const QString &address = kMailbox)
    {
        return openLocalCopy(dataDir, address);
    }

    void setupAgent(const QString &dataDir)
    {
        const AgentRun run = agentFor(dataDir).setup(m_service->baseUrl(), QStringLiteral("alice"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    QProcess *startHeadless(const QString &dataDir)
    {
        QProcess *process = agentFor(dataDir).startHeadless(this);
        if (process)
            m_agents.append(process);
        return process;
    }

    void waitForServiceIdle()
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 120000) {
            ApiResult<Api::ServiceStatus> status = m_admin->waitFor(&ApiClient::serviceStatus);
            if (status && status->activity.idle())
                return;
            QThread::msleep(100);
        }
        QFAIL("the service's jobs did not finish");
    }

    /// Every corpus message (whose sha256 is in `expected`) is in the copy, whole where the service's
    /// settings and the laptop's choices say so, byte for byte; nothing else is there.
    void checkCopy(const QString &dataDir, const QSet<QString> &headersOnlyFolders = {},
                   const QSet<QString> &excludedFolders = {}, int expectedCount = kCorpusMessages)
    {
        std::optional<LocalCopy> copy = openCopy(dataDir);
        QVERIFY2(copy, "no complete local copy");
        QVERIFY(copy->store->integrityCheck().ok());
        Result<QList<LocalMessage>> all = copy->store->messages(QString(), 1000000, 0);
        QVERIFY(all.ok());
        int expected = 0;
        for (const GeneratedMessage &g : std::as_const(m_corpus.messages))
            expected += excludedFolders.contains(g.folder) ? 0 : 1;
        QCOMPARE(all->size(), expectedCount - (kCorpusMessages - expected));
        int whole = 0;
        for (const LocalMessage &m : std::as_const(*all)) {
            QVERIFY2(!excludedFolders.contains(m.folder), qPrintable(m.folder));
            if (!m_bySha.contains(m.sha256))
                continue; // a message added by a later test
            const QByteArray original = corpusBytes(m_bySha.value(m.sha256));
            const bool alwaysWhole = m.isSigned || m.isEncrypted || m.folderKind != QLatin1String("mail");
            const bool expectWhole =
                alwaysWhole || (m.folder == QLatin1String("Inbox") && !headersOnlyFolders.contains(m.folder));
            QVERIFY2(m.whole == expectWhole, qPrintable(QStringLiteral("%1 in %2").arg(m.id).arg(m.folder)));
            Result<QByteArray> bytes = copy->store->messageBytes(m.id);
            QVERIFY(bytes.ok());
            if (m.whole) {
                ++whole;
                QVERIFY2(*bytes == original, qPrintable(QString::number(m.id)));
            } else {
                QCOMPARE(*bytes, original.left(MessageParser::headerBlockLength(original)));
            }
        }
        QVERIFY(whole > 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CorpusOptions options;
        options.seed = 11;
        options.messageCount = kCorpusMessages;
        options.folderCount = 8;
        Result<CorpusSummary> corpus = generateCorpus(options, path(QStringLiteral("maildir")));
        QVERIFY(corpus.ok());
        m_corpus = *corpus;
        for (const GeneratedMessage &m : std::as_const(m_corpus.messages))
            m_bySha.insert(m.sha256, m);

        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     path(QStringLiteral("service")));
        QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), kMailbox,
                                    path(QStringLiteral("maildir"))}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kMailbox}), 0);
        CorpusOptions team;
        team.seed = 5;
        team.messageCount = kTeamMessages;
        team.folderCount = 5;
        team.baseDate = QDateTime(QDate(2019, 1, 1), QTime(0, 0), QTimeZone::utc());
        team.spanDays = 200;
        Result<CorpusSummary> teamCorpus = generateCorpus(team, path(QStringLiteral("maildir-team")));
        QVERIFY(teamCorpus.ok());
        for (const GeneratedMessage &m : std::as_const(teamCorpus->messages))
            m_teamDated += m.date.isValid() ? 1 : 0;
        QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), kTeam,
                                    path(QStringLiteral("maildir-team"))}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kTeam}), 0);
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);

        // One initial-sync slot, so a second laptop has to queue.
        QFile config(path(QStringLiteral("service.ini")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[offline]\nmax_initial_syncs = 1\n");
        config.close();
        m_service->setServeArguments({QStringLiteral("--config"), config.fileName()});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY(m_service->start(env));

        m_admin = std::make_unique<ApiClient>(m_network, m_service->baseUrl());
        const QString failed = createSearchingUser(*m_admin, kAdminPassword, QStringLiteral("alice"),
                                                   kAlicePassword, {kMailbox, kTeam});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase()
    {
        for (QProcess *p : std::as_const(m_agents)) {
            p->kill();
            p->waitForFinished();
        }
        if (m_service)
            m_service->stop();
    }

    void initialSyncHoldsEveryMessage()
    {
        const QString agent = path(QStringLiteral("laptop-a"));
        setupAgent(agent);
        const AgentRun run =
            runAgent(agent, QStringLiteral("sync-now"), {QStringLiteral("--wait"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject status = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("up-to-date"));
        QVERIFY(status.value(QStringLiteral("safeToDisconnect")).toBool());
        QCOMPARE(firstMailbox(status).value(QStringLiteral("messages")).toInteger(), kCorpusMessages);
        // Both mailboxes alice may search into, each in its own copy.
        QCOMPARE(status.value(QStringLiteral("mailboxes")).toArray().size(), 2);
        QCOMPARE(firstMailbox(status, kTeam).value(QStringLiteral("messages")).toInteger(), kTeamMessages);
        checkCopy(agent);
        std::optional<LocalCopy> team = openCopy(agent, kTeam);
        QVERIFY(team);
        QCOMPARE(*team->store->messageCount(), kTeamMessages);
        QVERIFY(QDir(AgentState::spoolDirectory(agent)).isEmpty());
    }

    void nothingReadableOnDisk()
    {
        // Bodies and attachments of whole messages must not appear anywhere in the agent's files.
        std::optional<LocalCopy> copy = openCopy(path(QStringLiteral("laptop-a")));
        QVERIFY(copy);
        Result<QList<LocalMessage>> all = copy->store->messages(QStringLiteral("Inbox"), 1000000, 0);
        QVERIFY(all.ok());
        QList<QByteArray> markers;
        for (const LocalMessage &m : std::as_const(*all)) {
            if (!m.whole || !m_bySha.contains(m.sha256))
                continue;
            const QByteArray original = corpusBytes(m_bySha.value(m.sha256));
            const QByteArray body = original.mid(MessageParser::headerBlockLength(original));
            if (body.size() >= 200)
                markers.append(body.mid(body.size() / 2, 48));
            if (markers.size() >= 40)
                break;
        }
        QVERIFY(markers.size() >= 20);
        QDirIterator it(path(QStringLiteral("laptop-a")), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++files;
            for (const QByteArray &marker : std::as_const(markers))
                QVERIFY2(!bytes.contains(marker), qPrintable(file.fileName()));
            // Private to the user: files 0600.
            QVERIFY2(!(file.permissions() & (QFile::ReadGroup | QFile::ReadOther)),
                     qPrintable(file.fileName()));
        }
        QVERIFY(files >= 3);
    }

    void folderChoicesAreRespected()
    {
        const QString agent = path(QStringLiteral("laptop-b"));
        setupAgent(agent);
        // The agent learns its mailboxes on the first sync; the choices apply to the copy it builds then.
        AgentRun run = runAgent(agent, QStringLiteral("sync-now"), {QStringLiteral("--wait")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runAgent(agent, QStringLiteral("folders"),
                       {QStringLiteral("--mailbox"), kMailbox, QStringLiteral("folder.Inbox=headers"),
                        QStringLiteral("folder.Sent=excluded")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = runAgent(agent, QStringLiteral("sync-now"), {QStringLiteral("--wait")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        checkCopy(agent, {QStringLiteral("Inbox")}, {QStringLiteral("Sent")});
        run = runAgent(agent, QStringLiteral("folders"),
                       {QStringLiteral("--mailbox"), kMailbox, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray folders =
            QJsonDocument::fromJson(run.out).object().value(QStringLiteral("folders")).toArray();
        QVERIFY(!folders.isEmpty());
    }

    void searchFindsWordsPhrasesSendersAndDates()
    {
        const QString agent = path(QStringLiteral("laptop-a"));
        auto search = [&](const QString &query) {
            const AgentRun run = runAgent(
                agent, QStringLiteral("search"),
                {QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("10000"), query});
            [&] {
                QVERIFY2(run.exitCode == 0, run.err.constData());
            }();
            return QJsonDocument::fromJson(run.out).array();
        };
        // A word of a subject, and the subject as a phrase.
        const GeneratedMessage *sample = nullptr;
        for (const GeneratedMessage &m : std::as_const(m_corpus.messages))
            if (!m.malformed && !m.nonAsciiSubject && m.subject.split(u' ').size() >= 3 && m.date.isValid()) {
                sample = &m;
                break;
            }
        QVERIFY(sample);
        const QStringList words = sample->subject.split(u' ', Qt::SkipEmptyParts);
        const QString phrase = words.mid(0, 2).join(u' ');
        QJsonArray hits = search(QStringLiteral("\"%1\"").arg(phrase));
        QVERIFY(!hits.isEmpty());
        bool found = false;
        for (const QJsonValue &h : std::as_const(hits)) {
            const QJsonObject o = h.toObject();
            for (const QString &key :
                 {QStringLiteral("link"), QStringLiteral("mailbox"), QStringLiteral("folder"),
                  QStringLiteral("subject"), QStringLiteral("from"), QStringLiteral("date")})
                QVERIFY2(o.contains(key), qPrintable(key));
            found = found || o.value(QStringLiteral("subject")).toString() == sample->subject;
        }
        QVERIFY(found);
        // One search covers every mailbox: the older mail of the team mailbox is found too.
        hits = search(QStringLiteral("before:2021-01-01"));
        QCOMPARE(hits.size(), m_teamDated);
        for (const QJsonValue &h : std::as_const(hits))
            QCOMPARE(h.toObject().value(QStringLiteral("mailbox")).toString(), kTeam);

        // from: matches the sender only.
        hits = search(QStringLiteral("from:alex"));
        QVERIFY(!hits.isEmpty());
        for (const QJsonValue &h : std::as_const(hits))
            QVERIFY(h.toObject()
                        .value(QStringLiteral("from"))
                        .toString()
                        .contains(QStringLiteral("alex"), Qt::CaseInsensitive));

        // A date range gives exactly the corpus messages dated within it.
        const QDate day = sample->date.date();
        const QDateTime from(day.addDays(-20), QTime(0, 0), QTimeZone::utc());
        const QDateTime to(day.addDays(20), QTime(0, 0), QTimeZone::utc());
        int expected = 0;
        for (const GeneratedMessage &m : std::as_const(m_corpus.messages))
            expected += m.date.isValid() && m.date >= from && m.date < to ? 1 : 0;
        hits = search(QStringLiteral("after:%1 before:%2")
                          .arg(from.date().toString(Qt::ISODate), to.date().toString(Qt::ISODate)));
        QCOMPARE(hits.size(), expected);
        for (const QJsonValue &h : std::as_const(hits)) {
            const QDateTime date =
                QDateTime::fromString(h.toObject().value(QStringLiteral("date")).toString(), Qt::ISODate);
            QVERIFY(date >= from && date < to);
        }
    }

    void linksOpenOnlineAndOffline()
    {
        const QString agent = path(QStringLiteral("laptop-a"));
        std::optional<LocalCopy> copy = openCopy(agent);
        QVERIFY(copy);
        Result<QList<LocalMessage>> all = copy->store->messages(QString(), 1000000, 0);
        QVERIFY(all.ok());
        const LocalMessage *whole = nullptr;
        const LocalMessage *headers = nullptr;
        for (const LocalMessage &m : std::as_const(*all)) {
            if (m.whole && !whole)
                whole = &m;
            if (!m.whole && !headers)
                headers = &m;
        }
        QVERIFY(whole && headers);
        const QString host =
            QStringLiteral("%1:%2").arg(m_service->baseUrl().host()).arg(m_service->baseUrl().port());
        auto link = [&](qint64 id) {
            return QStringLiteral("archivesync://%1/%2/%3").arg(host, kMailbox).arg(id);
        };

        // Online: the service's bytes, even for a message kept as headers only.
        AgentRun run = runAgent(agent, QStringLiteral("open"), {QStringLiteral("--raw"), link(headers->id)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("from the service"));
        QCOMPARE(run.out, corpusBytes(m_bySha.value(headers->sha256)));

        // Offline: whole messages from the local copy; headers-only ones say so.
        run = runAgent(agent, QStringLiteral("open"),
                       {QStringLiteral("--offline"), QStringLiteral("--raw"), link(whole->id)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("from the local copy"));
        QCOMPARE(run.out, corpusBytes(m_bySha.value(whole->sha256)));
        run = runAgent(agent, QStringLiteral("open"), {QStringLiteral("--offline"), link(headers->id)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("not available offline"));
        QVERIFY(run.out.contains(headers->subject.toUtf8()));

        // Bad links are usage errors.
        run = runAgent(agent, QStringLiteral("open"),
                       {QStringLiteral("archivesync://%1/%2/../etc").arg(host, kMailbox)});
        QCOMPARE(run.exitCode, 2);
    }

    void incrementalUpdateFetchesOnlyNewSegments()
    {
        const QString agent = path(QStringLiteral("laptop-a"));
        ApiClient alice(m_network, m_service->baseUrl());
        ApiResult<Api::ManifestReply> before = [&] {
            ApiResult<Api::Session> s =
                alice.waitFor(&ApiClient::signIn, QStringLiteral("alice"), kAlicePassword);
            alice.setToken(s ? s->token : QString());
            return alice.waitFor(&ApiClient::getManifest, kMailbox, QString(), 0);
        }();
        QVERIFY(before.ok());

        CorpusOptions options;
        options.seed = 11;
        options.messageCount = kExtraMessages;
        options.startIndex = kCorpusMessages;
        options.folderCount = 8;
        QVERIFY(generateCorpus(options, path(QStringLiteral("maildir-more"))).ok());
        QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), kMailbox,
                                    path(QStringLiteral("maildir-more"))}),
                 0);
        QVERIFY(m_admin->waitFor(&ApiClient::synchronizeNow, QStringList{kMailbox}).ok());
        waitForServiceIdle();
        ApiResult<Api::ManifestReply> after = alice.waitFor(&ApiClient::getManifest, kMailbox, QString(), 0);
        QVERIFY(after.ok());
        QCOMPARE(after->manifest.generation, before->manifest.generation);
        qint64 newBytes = 0;
        int newSegments = 0;
        for (const SegmentInfo &s : std::as_const(after->manifest.segments)) {
            const bool old = std::any_of(before->manifest.segments.cbegin(), before->manifest.segments.cend(),
                                         [&s](const SegmentInfo &o) { return o.sha256 == s.sha256; });
            if (!old) {
                ++newSegments;
                newBytes += s.size;
            }
        }
        QVERIFY(newSegments >= 1);

        const AgentRun run =
            runAgent(agent, QStringLiteral("sync-now"), {QStringLiteral("--wait"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject mailbox = firstMailbox(QJsonDocument::fromJson(run.out).object());
        QCOMPARE(mailbox.value(QStringLiteral("messages")).toInteger(), kCorpusMessages + kExtraMessages);
        QCOMPARE(mailbox.value(QStringLiteral("segmentsFetched")).toInteger(), newSegments);
        QCOMPARE(mailbox.value(QStringLiteral("bytesFetched")).toInteger(), newBytes);
        checkCopy(agent, {}, {}, kCorpusMessages + kExtraMessages);
    }

    void flushRebuildsWithoutAnEmptyWindow()
    {
        const QString agent = path(QStringLiteral("laptop-a"));
        QProcess *process = startHeadless(agent);
        QJsonObject status = agentStatus(agent);
        QVERIFY(!status.isEmpty());
        QElapsedTimer timer;
        timer.start();
        while (firstMailbox(agentStatus(agent)).value(QStringLiteral("state")).toString() !=
                   QLatin1String("up-to-date") &&
               timer.elapsed() < 30000)
            QThread::msleep(50);
        const qint64 generation =
            firstMailbox(agentStatus(agent)).value(QStringLiteral("generation")).toInteger();
        QVERIFY(generation >= 1);

        QVERIFY(m_admin->waitFor(&ApiClient::flushRepository, kMailbox).ok());
        // While the new generation is fetched, the old copy stays in use, whole.
        int samples = 0;
        timer.restart();
        forever
        {
            const QJsonObject m = firstMailbox(agentStatus(agent));
            QVERIFY2(!m.isEmpty(), "the agent stopped answering");
            QCOMPARE(m.value(QStringLiteral("messages")).toInteger(), kCorpusMessages + kExtraMessages);
            ++samples;
            if (m.value(QStringLiteral("generation")).toInteger() > generation &&
                m.value(QStringLiteral("state")).toString() == QLatin1String("up-to-date"))
                break;
            QVERIFY2(timer.elapsed() < 90000, process->readAll().constData());
            QThread::msleep(20);
        }
        QVERIFY(samples > 1);
        QVERIFY(
            AgentControlClient::request(agent, {{QStringLiteral("command"), QStringLiteral("quit")}}).ok());
        QVERIFY(process->waitForFinished(10000));
        QCOMPARE(process->exitCode(), 0);
        // Only the new generation is left.
        const QStringList generations =
            QDir(AgentState::mailboxDirectory(agent, kMailbox)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(generations, QStringList{QStringLiteral("g%1").arg(generation + 1)});
        checkCopy(agent, {}, {}, kCorpusMessages + kExtraMessages);
    }

    void tamperedSegmentIsRefetched()
    {
        const QString agent = path(QStringLiteral("laptop-c"));
        setupAgent(agent);
        HttpTestClient http(m_service->baseUrl());
        const HttpReply login = http.postJson(QStringLiteral("/api/v1/session"),
                                              {{QStringLiteral("username"), QStringLiteral("alice")},
                                               {QStringLiteral("password"), kAlicePassword}});
        QCOMPARE(login.status, 201);
        http.setToken(login.json().object().value(QStringLiteral("token")).toString().toUtf8());
        const HttpReply manifestReply =
            http.get(QStringLiteral("/api/v1/offline/alice%40example.org/manifest"));
        QCOMPARE(manifestReply.status, 200);
        Result<Manifest> manifest = Manifest::fromJson(manifestReply.body);
        QVERIFY(manifest.ok());
        // The largest segment, whole but with one bit flipped, as if a disk or a proxy had damaged it.
        SegmentInfo target = manifest->segments.first();
        for (const SegmentInfo &s : std::as_const(manifest->segments))
            if (s.size > target.size)
                target = s;
        const HttpReply segment =
            http.get(QStringLiteral("/api/v1/offline/alice%40example.org/segments/") + target.sha256);
        QCOMPARE(segment.status, 200);
        QByteArray damaged = segment.body;
        damaged[damaged.size() / 2] = char(damaged[damaged.size() / 2] ^ 0x10);
        QVERIFY(QDir().mkpath(AgentState::spoolDirectory(agent)));
        QFile part(QDir(AgentState::spoolDirectory(agent)).filePath(target.sha256 + QStringLiteral(".part")));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(damaged);
        part.close();

        const AgentRun run =
            runAgent(agent, QStringLiteral("sync-now"), {QStringLiteral("--wait"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("failed verification"), run.err.constData());
        const QJsonObject mailbox = firstMailbox(QJsonDocument::fromJson(run.out).object());
        // The damaged file was never applied: the segment came again from the service, whole.
        QVERIFY(mailbox.value(QStringLiteral("bytesFetched")).toInteger() >= target.size);
        checkCopy(agent, {}, {}, kCorpusMessages + kExtraMessages);
        QVERIFY(QDir(AgentState::spoolDirectory(agent)).isEmpty());
    }

    void secondLaptopQueuesForAnInitialSyncSlot()
    {
        // Laptop D takes the only slot and keeps it with a slow download; E has to wait its turn.
        const QString slow = path(QStringLiteral("laptop-d"));
        const QString waiting = path(QStringLiteral("laptop-e"));
        setupAgent(slow);
        setupAgent(waiting);
        QCOMPARE(runAgent(slow, QStringLiteral("bandwidth"), {QStringLiteral("1M")}).exitCode, 0);
        startHeadless(slow);
        QElapsedTimer timer;
        timer.start();
        while (firstMailbox(agentStatus(slow)).value(QStringLiteral("bytesDone")).toInteger() == 0 &&
               timer.elapsed() < 30000)
            QThread::msleep(50);
        QVERIFY(firstMailbox(agentStatus(slow)).value(QStringLiteral("bytesDone")).toInteger() > 0);

        startHeadless(waiting);
        timer.restart();
        QJsonObject m;
        while (timer.elapsed() < 30000) {
            m = firstMailbox(agentStatus(waiting));
            if (m.value(QStringLiteral("state")).toString() == QLatin1String("queued"))
                break;
            QThread::msleep(50);
        }
        QCOMPARE(m.value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
        QCOMPARE(m.value(QStringLiteral("queuePosition")).toInt(), 1);

        // The slow one finishes at full speed and lets go; the queued one then syncs.
        QCOMPARE(runAgent(slow, QStringLiteral("bandwidth"), {QStringLiteral("off")}).exitCode, 0);
        timer.restart();
        while (timer.elapsed() < 120000 &&
               agentStatus(waiting).value(QStringLiteral("state")).toString() != QLatin1String("up-to-date"))
            QThread::msleep(100);
        QCOMPARE(agentStatus(waiting).value(QStringLiteral("state")).toString(),
                 QStringLiteral("up-to-date"));
        for (const QString &agent : {slow, waiting})
            QVERIFY(AgentControlClient::request(agent, {{QStringLiteral("command"), QStringLiteral("quit")}})
                        .ok());
        checkCopy(waiting, {}, {}, kCorpusMessages + kExtraMessages);
    }

    void killedInitialSyncResumesAndCompletes()
    {
        const QString agent = path(QStringLiteral("laptop-f"));
        setupAgent(agent);
        QCOMPARE(runAgent(agent, QStringLiteral("bandwidth"), {QStringLiteral("4M")}).exitCode, 0);
        QProcess *process = startHeadless(agent);
        QElapsedTimer timer;
        timer.start();
        qint64 done = 0;
        while (timer.elapsed() < 60000) {
            done = firstMailbox(agentStatus(agent)).value(QStringLiteral("bytesDone")).toInteger();
            if (done > 8 * 1024 * 1024)
                break;
            QThread::msleep(50);
        }
        QVERIFY(done > 0);
        ::kill(pid_t(process->processId()), SIGKILL);
        QVERIFY(process->waitForFinished(10000));

        QCOMPARE(runAgent(agent, QStringLiteral("bandwidth"), {QStringLiteral("off")}).exitCode, 0);
        const AgentRun run =
            runAgent(agent, QStringLiteral("sync-now"), {QStringLiteral("--wait"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject mailbox = firstMailbox(QJsonDocument::fromJson(run.out).object());
        // What was on disk before the kill was not fetched again.
        QVERIFY(mailbox.value(QStringLiteral("bytesFetched")).toInteger() <
                mailbox.value(QStringLiteral("bytesTotal")).toInteger());
        checkCopy(agent, {}, {}, kCorpusMessages + kExtraMessages);
        const AgentRun verify = runAgent(agent, QStringLiteral("verify"));
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
    }

    void revocationWipesTheLocalCopy()
    {
        // A revoked device: everything goes on its next contact.
        const QString revoked = path(QStringLiteral("laptop-a"));
        const qint64 device = AgentState::load(revoked)->account->deviceId;
        QVERIFY(m_admin->waitFor(&ApiClient::revokeDevice, device).ok());
        AgentRun run = runAgent(revoked, QStringLiteral("sync-now"), {QStringLiteral("--wait")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(!QDir(QDir(revoked).filePath(QStringLiteral("mailboxes"))).exists());
        QVERIFY(!AgentState::load(revoked)->account.has_value());

        // A search right removed: that mailbox's copy goes.
        const QString other = path(QStringLiteral("laptop-b"));
        QVERIFY(QDir(AgentState::mailboxDirectory(other, kMailbox)).exists());
        QVERIFY(m_admin->waitFor(&ApiClient::revokePermission, kMailbox, QStringLiteral("alice")).ok());
        run = runAgent(other, QStringLiteral("sync-now"), {QStringLiteral("--wait")});
        QVERIFY(!QDir(AgentState::mailboxDirectory(other, kMailbox)).exists());
        // The other mailbox stays.
        const AgentState after = *AgentState::load(other);
        QCOMPARE(after.mailboxes.size(), 1);
        QCOMPARE(after.mailboxes.first().address, kTeam);
        QVERIFY(openCopy(other, kTeam));
    }
};

QTEST_GUILESS_MAIN(TestAgentSync)
#include "TestAgentSync.moc"
