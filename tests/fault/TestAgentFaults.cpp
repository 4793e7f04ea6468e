// SPDX-License-Identifier: Apache-2.0
// Faults around the agent's sync, with real processes on 127.0.0.1: agents SIGKILLed at random points
// of initial syncs, a proxy that drops, resets, stalls and corrupts segment downloads, the service
// restarted under downloading agents, a flush in the middle of an initial sync, and repository builds
// SIGKILLed. "Nothing lost": after the sync the agent's (message, SHA-256) set equals the archive's,
// without duplicates, and its database passes integrity_check.
//
// CI runs small counts; ARCHIVESYNC_FAULT_FULL=1 runs the documented ones (scripts/fault-suite.sh),
// and ARCHIVESYNC_FAULT_REPORT=FILE collects one Markdown table row per scenario for
// docs/RELIABILITY.md.
#include "core/api/ApiClient.h"
#include "core/common/Sha256.h"
#include "core/repository/Manifest.h"
#include "tests/support/AgentProcess.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/FaultProxy.h"
#include "tests/support/ServiceProcess.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kAlicePassword = QStringLiteral("alice's long passphrase");
const QString kMailbox = QStringLiteral("alice@example.org");
constexpr int kBatches = 3;
constexpr int kBatchMessages = 400;

bool fullRun()
{
    return qEnvironmentVariableIntValue("ARCHIVESYNC_FAULT_FULL") == 1;
}

int rounds(int ci, int full)
{
    return fullRun() ? full : ci;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

/// \brief Connections that send their request headers one byte at a time and never finish them, from
/// several loopback addresses (so no per-address cap stops them all). Runs in a thread of its own.
class SlowClients : public QObject
{
    Q_OBJECT

public:
    void open(quint16 port, int count)
    {
        for (int i = 0; i < count; ++i) {
            auto *socket = new QTcpSocket(this);
            socket->bind(QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + i % 8)));
            connect(socket, &QTcpSocket::disconnected, this, [this] { ++m_closed; });
            socket->connectToHost(QHostAddress::LocalHost, port);
            m_sockets.append(socket);
        }
        connect(&m_trickle, &QTimer::timeout, this, [this] {
            static const QByteArray request = "GET /api/v1/me/offline HTTP/1.1\r\nHost: x\r\nX-Slow: ";
            for (QTcpSocket *s : std::as_const(m_sockets)) {
                if (s->state() != QAbstractSocket::ConnectedState)
                    continue;
                const int sent = s->property("sent").toInt();
                s->write(sent < request.size() ? request.mid(sent, 1) : QByteArray("a"));
                s->setProperty("sent", sent + 1);
            }
        });
        m_trickle.start(500);
    }
    int connected() const
    {
        int n = 0;
        for (QTcpSocket *s : m_sockets)
            n += s->property("sent").toInt() > 0 ? 1 : 0;
        return n;
    }
    int closed() const { return m_closed; }

private:
    QList<QTcpSocket *> m_sockets;
    QTimer m_trickle{this};
    int m_closed = 0;
};

qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

class TestAgentFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_admin;
    QSet<QString> m_archived; ///< SHA-256 of every archived message
    int m_batches = 0;
    QRandomGenerator m_random{20261122};
    QList<QProcess *> m_agents;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    AgentProcess agent(const QString &name, const QUrl &server = {}) const
    {
        Q_UNUSED(server)
        return AgentProcess(QStringLiteral(ARCHIVESYNC_AGENT_BINARY), path(name), kAlicePassword);
    }

    /// Archives one more batch of mail and builds the repository update.
    void addBatch(bool update = true)
    {
        CorpusOptions options;
        options.seed = 77;
        options.messageCount = kBatchMessages;
        options.startIndex = m_batches * kBatchMessages;
        options.folderCount = 8;
        const QString dir = path(QStringLiteral("maildir-%1").arg(m_batches));
        Result<CorpusSummary> corpus = generateCorpus(options, dir);
        QVERIFY(corpus.ok());
        for (const GeneratedMessage &m : std::as_const(corpus->messages))
            m_archived.insert(m.sha256);
        ++m_batches;
        QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), kMailbox, dir}),
                 0);
        if (update)
            QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
    }

    void setupAgent(const AgentProcess &a, const QUrl &server)
    {
        const AgentRun run = a.setup(server, QStringLiteral("alice"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    QProcess *startHeadless(const AgentProcess &a, const QProcessEnvironment &extra = {})
    {
        Q_UNUSED(extra)
        QProcess *p = a.startHeadless(this);
        if (p)
            m_agents.append(p);
        return p;
    }

    /// Waits until the agent's mailbox is up to date (and, if given, on `generation`).
    bool waitUpToDate(const AgentProcess &a, int msecs, qint64 generation = 0)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < msecs) {
            const QJsonObject m = a.mailboxStatus(kMailbox);
            if (m.value(QStringLiteral("state")).toString() == QLatin1String("up-to-date") &&
                (generation == 0 || m.value(QStringLiteral("generation")).toInteger() == generation))
                return true;
            QThread::msleep(100);
        }
        return false;
    }

    /// The agent's copy holds exactly the archived messages, once each; returns how many are missing.
    int missingMessages(const QString &dataDir)
    {
        std::optional<LocalCopy> copy = openLocalCopy(dataDir, kMailbox);
        if (!copy)
            return int(m_archived.size());
        if (!copy->store->integrityCheck().ok())
            return int(m_archived.size());
        Result<QList<LocalMessage>> all = copy->store->messages(QString(), 10000000, 0);
        if (!all)
            return int(m_archived.size());
        QSet<QString> seen;
        for (const LocalMessage &m : std::as_const(*all)) {
            if (seen.contains(m.sha256) || !m_archived.contains(m.sha256))
                return int(m_archived.size()); // a duplicate or a stranger: not the archive's state
            seen.insert(m.sha256);
        }
        return int(m_archived.size() - seen.size());
    }

    /// Every manifest of the service's data directory names segment files that exist, complete.
    bool manifestsConsistent()
    {
        QDirIterator it(path(QStringLiteral("service/repositories")), {QStringLiteral("manifest.json")},
                        QDir::Files, QDirIterator::Subdirectories);
        int manifests = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                return false;
            Result<Manifest> manifest = Manifest::fromJson(file.readAll());
            if (!manifest)
                return false;
            ++manifests;
            const QDir generation(
                QFileInfo(file).dir().filePath(QStringLiteral("g%1").arg(manifest->generation)));
            for (const SegmentInfo &s : std::as_const(manifest->segments)) {
                Result<QString> hash = Sha256::hashFile(generation.filePath(s.fileName()));
                if (!hash || *hash != s.sha256)
                    return false;
            }
        }
        return manifests > 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A thousand slow clients need descriptors, here and in the service (which inherits the limit).
        rlimit files{};
        if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < 8192) {
            files.rlim_cur = std::min<rlim_t>(8192, files.rlim_max);
            setrlimit(RLIMIT_NOFILE, &files);
        }
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     path(QStringLiteral("service")));
        // Every folder whole: many bodies segments, so kills and faults land between and inside them.
        addBatch(false);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kMailbox}), 0);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("set"), kMailbox,
                                    QStringLiteral("default-folder-policy=whole")}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
        for (int i = 1; i < kBatches; ++i)
            addBatch();

        // A fixed port, so that a restarted service is found where it was.
        m_service->setServeArguments(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(freePort())});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY(m_service->start(env));
        m_admin = std::make_unique<ApiClient>(m_network, m_service->baseUrl());
        const QString failed = createSearchingUser(*m_admin, kAdminPassword, QStringLiteral("alice"),
                                                   kAlicePassword, {kMailbox});
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

    /// The service's count of file bytes sent, from /metrics.
    qint64 bytesSent()
    {
        ApiResult<QString> metrics = m_admin->waitFor(&ApiClient::metrics);
        if (!metrics)
            return -1;
        for (const QString &line : metrics->split(u'\n'))
            if (line.startsWith(QLatin1String("archivesync_file_bytes_sent_total ")))
                return line.section(u' ', 1, 1).toLongLong();
        return -1;
    }

    void agentKilledDuringInitialSyncs()
    {
        const qint64 sentBefore = bytesSent();
        QVERIFY(sentBefore >= 0);
        const AgentProcess a = agent(QStringLiteral("killed"));
        setupAgent(a, m_service->baseUrl());
        QCOMPARE(a.run(QStringLiteral("bandwidth"), {QStringLiteral("3M")}).exitCode, 0);
        const int kills = rounds(5, 50);
        int landed = 0;
        int restarts = 0;
        for (int i = 0; i < kills; ++i) {
            QProcess *p = startHeadless(a);
            QVERIFY(p);
            QThread::msleep(200 + m_random.bounded(1300));
            const QJsonObject before = a.mailboxStatus(kMailbox);
            ::kill(pid_t(p->processId()), SIGKILL);
            QVERIFY(p->waitForFinished(10000));
            if (before.value(QStringLiteral("state")).toString() == QLatin1String("syncing"))
                ++landed;
            // A copy completed between two kills: start the next initial sync from scratch.
            if (before.value(QStringLiteral("state")).toString() == QLatin1String("up-to-date")) {
                QCOMPARE(a.run(QStringLiteral("reset")).exitCode, 0);
                ++restarts;
            }
        }
        QCOMPARE(a.run(QStringLiteral("bandwidth"), {QStringLiteral("off")}).exitCode, 0);
        const AgentRun run =
            a.run(QStringLiteral("sync-now"), {QStringLiteral("--wait"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const int lost = missingMessages(a.dataDir());
        // Bytes the service sent beyond one full copy per (re)start: what the kills cost.
        ApiResult<Api::ManifestReply> manifest =
            m_admin->waitFor(&ApiClient::getManifest, kMailbox, QString(), 0);
        QVERIFY(manifest.ok());
        qint64 largest = 0;
        for (const SegmentInfo &s : std::as_const(manifest->manifest.segments))
            largest = std::max(largest, s.size);
        const qint64 copy = manifest->manifest.totalBytes();
        const qint64 refetched = bytesSent() - sentBefore - copy * (restarts + 1);
        const qint64 perKill = refetched / std::max(landed, 1);
        reportFaultResult(
            QStringLiteral("agent SIGKILLed at a random point of an initial sync"), kills,
            lost == 0 ? kills : 0, lost,
            QStringLiteral("%1 kills mid-download, %2 full restarts; integrity_check ok; fetched again "
                           "per kill: %3 KiB on average (largest segment %4 KiB)")
                .arg(landed)
                .arg(restarts)
                .arg(perKill / 1024)
                .arg(largest / 1024));
        QCOMPARE(lost, 0);
        QVERIFY2(perKill <= largest, qPrintable(QStringLiteral("%1 bytes per kill").arg(perKill)));
        const AgentRun verify = a.run(QStringLiteral("verify"));
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
    }

    void networkFaultsAreRetriedAndNeverApplied()
    {
        FaultProxy proxy;
        QThread thread;
        proxy.moveToThread(&thread);
        thread.start();
        bool listening = false;
        QMetaObject::invokeMethod(
            &proxy, [&] { listening = proxy.listen(quint16(m_service->baseUrl().port())); },
            Qt::BlockingQueuedConnection);
        QVERIFY(listening);
        QList<FaultProxy::Fault> plan;
        const QList<FaultProxy::Fault> cycle = {FaultProxy::Fault::Drop, FaultProxy::Fault::FlipBit,
                                                FaultProxy::Fault::Reset, FaultProxy::Fault::Stall,
                                                FaultProxy::Fault::FlipBit};
        for (int i = 0; i < rounds(1, 6); ++i)
            plan += cycle;
        const int flips = int(plan.count(FaultProxy::Fault::FlipBit));
        QMetaObject::invokeMethod(
            &proxy, [&] { proxy.setPlan(plan); }, Qt::BlockingQueuedConnection);

        const AgentProcess a = agent(QStringLiteral("proxied"));
        setupAgent(a, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
        qputenv("ARCHIVESYNC_STALL_TIMEOUT", "2");
        QProcess *p = startHeadless(a);
        qunsetenv("ARCHIVESYNC_STALL_TIMEOUT");
        QVERIFY(p);
        const bool done = waitUpToDate(a, 240000);
        QList<FaultProxy::Fault> applied;
        QMetaObject::invokeMethod(
            &proxy, [&] { applied = proxy.applied(); }, Qt::BlockingQueuedConnection);
        a.quit();
        p->waitForFinished(10000);
        const QByteArray log = p->readAll();
        thread.quit();
        thread.wait();
        QVERIFY2(done, log.right(3000).constData());
        QCOMPARE(applied.size(), plan.size());
        // Each corrupted download was caught by its hash and fetched again, never applied.
        QCOMPARE(int(log.count("); discarded")), flips);
        const int lost = missingMessages(a.dataDir());
        reportFaultResult(QStringLiteral("proxy drops, resets, stalls, flips a bit in segment downloads"),
                          int(applied.size()), lost == 0 ? int(applied.size()) : 0, lost,
                          QStringLiteral("%1 corrupted downloads rejected by SHA-256").arg(flips));
        QCOMPARE(lost, 0);
    }

    void serviceRestartDuringDownloads()
    {
        const AgentProcess a = agent(QStringLiteral("restart"));
        setupAgent(a, m_service->baseUrl());
        QCOMPARE(a.run(QStringLiteral("bandwidth"), {QStringLiteral("3M")}).exitCode, 0);
        QProcess *p = startHeadless(a);
        QVERIFY(p);
        const int restarts = rounds(1, 5);
        for (int i = 0; i < restarts; ++i) {
            QElapsedTimer timer;
            timer.start();
            const qint64 start = a.mailboxStatus(kMailbox).value(QStringLiteral("bytesDone")).toInteger();
            while (a.mailboxStatus(kMailbox).value(QStringLiteral("bytesDone")).toInteger() <
                       start + 2 * 1024 * 1024 &&
                   timer.elapsed() < 30000)
                QThread::msleep(50);
            QVERIFY(m_service->stop());
            QThread::msleep(500);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            QVERIFY(m_service->start(env));
        }
        QCOMPARE(a.run(QStringLiteral("bandwidth"), {QStringLiteral("off")}).exitCode, 0);
        QVERIFY(waitUpToDate(a, 120000));
        a.quit();
        p->waitForFinished(10000);
        const int lost = missingMessages(a.dataDir());
        reportFaultResult(QStringLiteral("service restarted while an agent downloads"), restarts,
                          lost == 0 ? restarts : 0, lost, QStringLiteral("the agent resumed each time"));
        QCOMPARE(lost, 0);
    }

    void flushDuringInitialSync()
    {
        const AgentProcess a = agent(QStringLiteral("flushed"));
        setupAgent(a, m_service->baseUrl());
        QCOMPARE(a.run(QStringLiteral("bandwidth"), {QStringLiteral("3M")}).exitCode, 0);
        QProcess *p = startHeadless(a);
        QVERIFY(p);
        QElapsedTimer timer;
        timer.start();
        while (a.mailboxStatus(kMailbox).value(QStringLiteral("bytesDone")).toInteger() < 2 * 1024 * 1024 &&
               timer.elapsed() < 30000)
            QThread::msleep(50);
        const qint64 target = a.mailboxStatus(kMailbox).value(QStringLiteral("targetGeneration")).toInteger();
        QVERIFY(m_admin->waitFor(&ApiClient::flushRepository, kMailbox).ok());
        QCOMPARE(a.run(QStringLiteral("bandwidth"), {QStringLiteral("off")}).exitCode, 0);
        QVERIFY(waitUpToDate(a, 120000, target + 1));
        a.quit();
        p->waitForFinished(10000);
        // One generation on disk, the new one, and nothing of the old mixed in.
        const QStringList generations = QDir(AgentState::mailboxDirectory(a.dataDir(), kMailbox))
                                            .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(generations, QStringList{QStringLiteral("g%1").arg(target + 1)});
        const int lost = missingMessages(a.dataDir());
        reportFaultResult(QStringLiteral("flush during an agent's initial sync"), 1, lost == 0 ? 1 : 0, lost,
                          QStringLiteral("the agent moved to generation %1 alone").arg(target + 1));
        QCOMPARE(lost, 0);
    }

    void diskFullStopsAndResumes()
    {
        // The agent's data directory on a small tmpfs: the copy cannot fit, then room is made.
        const QString mountPoint = path(QStringLiteral("small-disk"));
        QVERIFY(QDir().mkpath(mountPoint));
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=12m"), QStringLiteral("tmpfs"), mountPoint});
        if (!mount.waitForFinished(10000) || mount.exitCode() != 0)
            QSKIP("mounting a tmpfs needs root (or CAP_SYS_ADMIN); skipped");
        auto unmount = qScopeGuard([&] {
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint});
        });

        const AgentProcess a(QStringLiteral(ARCHIVESYNC_AGENT_BINARY), mountPoint + QStringLiteral("/agent"),
                             kAlicePassword);
        setupAgent(a, m_service->baseUrl());
        QProcess *p = startHeadless(a);
        QVERIFY(p);
        QElapsedTimer timer;
        timer.start();
        QJsonObject m;
        while (timer.elapsed() < 60000) {
            m = a.mailboxStatus(kMailbox);
            if (m.value(QStringLiteral("state")).toString() == QLatin1String("error"))
                break;
            QThread::msleep(100);
        }
        QCOMPARE(m.value(QStringLiteral("state")).toString(), QStringLiteral("error"));
        QVERIFY2(m.value(QStringLiteral("error")).toString().contains(QStringLiteral("disk is full")),
                 qPrintable(m.value(QStringLiteral("error")).toString()));
        // Room is made: the agent goes on by itself, from where it stopped.
        QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                   {QStringLiteral("-o"), QStringLiteral("remount,size=400m"), mountPoint}),
                 0);
        QVERIFY(waitUpToDate(a, 180000));
        a.quit();
        p->waitForFinished(10000);
        const int lost = missingMessages(a.dataDir());
        reportFaultResult(
            QStringLiteral("agent's disk full during an initial sync"), 1, lost == 0 ? 1 : 0, lost,
            QStringLiteral("state error \"the disk is full\"; resumed by itself once room was made"));
        QCOMPARE(lost, 0);
    }

    void slowClientsDoNotStopAgents()
    {
        const int slow = rounds(300, 1000);
        const int agents = rounds(3, 10);
        SlowClients clients;
        QThread thread;
        clients.moveToThread(&thread);
        thread.start();
        const qint64 rssBefore = residentKiB(m_service->process().processId());
        QMetaObject::invokeMethod(
            &clients, [&] { clients.open(quint16(m_service->baseUrl().port()), slow); },
            Qt::BlockingQueuedConnection);

        QList<AgentProcess> laptops;
        QList<QProcess *> syncs;
        for (int i = 0; i < agents; ++i) {
            laptops.append(agent(QStringLiteral("crowded-%1").arg(i)));
            setupAgent(laptops.last(), m_service->baseUrl());
        }
        for (const AgentProcess &a : std::as_const(laptops)) {
            auto *p = new QProcess(this);
            p->setProcessEnvironment(a.environment());
            p->start(QStringLiteral(ARCHIVESYNC_AGENT_BINARY),
                     {QStringLiteral("sync-now"), QStringLiteral("--wait"), QStringLiteral("--data-dir"),
                      a.dataDir()});
            syncs.append(p);
        }
        int finished = 0;
        for (QProcess *p : std::as_const(syncs)) {
            p->waitForFinished(300000);
            finished += p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0 ? 1 : 0;
        }
        const qint64 rssDuring = residentKiB(m_service->process().processId());
        // The header timeout (10 s) ends every slow connection.
        QElapsedTimer timer;
        timer.start();
        int closed = 0;
        int connected = 0;
        while (timer.elapsed() < 30000) {
            QMetaObject::invokeMethod(
                &clients,
                [&] {
                    closed = clients.closed();
                    connected = clients.connected();
                },
                Qt::BlockingQueuedConnection);
            if (closed >= connected && connected > 0)
                break;
            QThread::msleep(200);
        }
        thread.quit();
        thread.wait();
        int lost = 0;
        for (const AgentProcess &a : std::as_const(laptops))
            lost += missingMessages(a.dataDir());
        reportFaultResult(
            QStringLiteral("slow clients trickling headers while agents sync"), agents, finished, lost,
            QStringLiteral(
                "%1 slow connections (%2 accepted, %3 closed by the header timeout); service RSS %4 MB "
                "before, %5 MB during")
                .arg(slow)
                .arg(connected)
                .arg(closed)
                .arg(rssBefore / 1024)
                .arg(rssDuring / 1024));
        QCOMPARE(finished, agents);
        QCOMPARE(lost, 0);
        QVERIFY(connected > 0);
        QCOMPARE(closed, connected);
    }

    void repositoryBuildKilled()
    {
        const int kills = rounds(3, 20);
        int consistent = 0;
        // An agent follows the repository all along, long-polling: it sees only published manifests.
        const AgentProcess watching = agent(QStringLiteral("watching-builds"));
        setupAgent(watching, m_service->baseUrl());
        QProcess *follower = startHeadless(watching);
        QVERIFY(follower);
        for (int i = 0; i < kills; ++i) {
            addBatch(false);
            QProcess update;
            update.start(
                QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                {QStringLiteral("--data-dir"), path(QStringLiteral("service")), QStringLiteral("update")});
            QVERIFY(update.waitForStarted());
            QThread::msleep(30 + m_random.bounded(600));
            ::kill(pid_t(update.processId()), SIGKILL);
            update.waitForFinished(10000);
            // Whatever the kill interrupted, no manifest names a missing or partial segment.
            if (manifestsConsistent())
                ++consistent;
            QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
            QVERIFY(manifestsConsistent());
        }
        // An agent then syncs everything, exactly once each.
        const AgentProcess a = agent(QStringLiteral("after-builds"));
        setupAgent(a, m_service->baseUrl());
        const AgentRun run = a.run(QStringLiteral("sync-now"), {QStringLiteral("--wait")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // The agent that followed every build converges on the same state, with nothing torn.
        QVERIFY(waitUpToDate(watching, 120000));
        QElapsedTimer timer;
        timer.start();
        while (watching.mailboxStatus(kMailbox).value(QStringLiteral("messages")).toInteger() <
                   m_archived.size() &&
               timer.elapsed() < 60000)
            QThread::msleep(100);
        watching.quit();
        follower->waitForFinished(10000);
        const int lost = missingMessages(a.dataDir()) + missingMessages(watching.dataDir());
        reportFaultResult(
            QStringLiteral("repository build SIGKILLed at a random point"), kills, consistent, lost,
            QStringLiteral("manifests checked after every kill; the next update completed; an "
                           "agent following all along and a fresh one both hold every message"));
        QCOMPARE(consistent, kills);
        QCOMPARE(lost, 0);
    }
};

QTEST_GUILESS_MAIN(TestAgentFaults)
#include "TestAgentFaults.moc"
