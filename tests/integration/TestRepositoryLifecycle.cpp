// SPDX-License-Identifier: Apache-2.0
// The offline repository's life on the real service executable: import a generated Maildir,
// enable offline sync, update, check every segment against the corpus and the folder policy,
// archive more, update incrementally, flush, and kill builds with SIGKILL.
#include "core/common/Sha256.h"
#include "core/mime/MessageParser.h"
#include "core/repository/Manifest.h"
#include "core/repository/SegmentReader.h"
#include "tests/support/CorpusGenerator.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kMailbox = QStringLiteral("alice@example.org");

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// What one repository holds after all its segments are applied.
struct RepositoryContent
{
    Manifest manifest;
    QHash<qint64, IndexRecord> messages; ///< id -> record from the index segments
    QHash<qint64, QByteArray> headers;   ///< id -> header block entry
    QHash<qint64, QByteArray> whole;     ///< id -> whole message (index or bodies segment)
    QSet<QString> bodiesFolders;
    QHash<qint64, QString> bodySegmentFolder;
};
} // namespace

class TestRepositoryLifecycle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_maildir;
    QString m_dataDir;
    QHash<QString, GeneratedMessage> m_corpusBySha; ///< sha256 -> generated message

    RunResult run(const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                      QStringList{QStringLiteral("--data-dir"), m_dataDir} + args);
        process.waitForFinished(300000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QJsonObject runJson(const QStringList &args)
    {
        const RunResult r = run(args);
        if (r.exitCode != 0)
            qWarning("%s", r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }

    QString repositoryDir() const { return m_dataDir + QStringLiteral("/repositories/1"); }

    void addCorpus(int startIndex, int count)
    {
        CorpusOptions options;
        options.seed = 7;
        options.messageCount = count;
        options.startIndex = startIndex;
        options.folderCount = 8;
        options.maxAttachmentBytes = 1024 * 1024;
        Result<CorpusSummary> summary = generateCorpus(options, m_maildir);
        QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
        for (const GeneratedMessage &m : std::as_const(summary->messages))
            m_corpusBySha.insert(m.sha256, m);
    }

    // Reads the manifest and every segment exactly as an agent would, checking everything.
    RepositoryContent readRepository()
    {
        RepositoryContent content;
        QFile file(repositoryDir() + QStringLiteral("/manifest.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            QTest::qFail("no manifest.json", __FILE__, __LINE__);
            return content;
        }
        Result<Manifest> manifest = Manifest::fromJson(file.readAll());
        if (!manifest) {
            QTest::qFail(qPrintable(manifest.errorString()), __FILE__, __LINE__);
            return content;
        }
        content.manifest = *manifest;
        const SegmentReader reader;
        for (const SegmentInfo &segment : std::as_const(manifest->segments)) {
            const QString path = QStringLiteral("%1/g%2/%3")
                                     .arg(repositoryDir())
                                     .arg(manifest->generation)
                                     .arg(segment.fileName());
            if (Status st = SegmentReader::verifyFile(path, segment.sha256); !st.ok()) {
                QTest::qFail(qPrintable(st.errorString()), __FILE__, __LINE__);
                return content;
            }
            if (QFileInfo(path).size() != segment.size) {
                QTest::qFail("segment size differs from the manifest", __FILE__, __LINE__);
                return content;
            }
            Result<QList<IndexRecord>> records =
                reader.read(path, [&](const IndexRecord &r, const QByteArray &data) {
                    if (r.entry.startsWith(QLatin1String("hdr/")))
                        content.headers.insert(r.id, data);
                    else
                        content.whole.insert(r.id, data);
                    return Status();
                });
            if (!records) {
                QTest::qFail(qPrintable(records.errorString()), __FILE__, __LINE__);
                return content;
            }
            for (const IndexRecord &r : std::as_const(*records)) {
                if (r.type == IndexRecord::Type::Message)
                    content.messages.insert(r.id, r);
                else if (r.type == IndexRecord::Type::Tombstone)
                    content.messages.remove(r.id);
                else
                    content.bodySegmentFolder.insert(r.id, segment.folder);
            }
            if (segment.kind == SegmentKind::Bodies)
                content.bodiesFolders.insert(segment.folder);
        }
        return content;
    }

    QSet<QString> leftoverFiles() const
    {
        QSet<QString> found;
        QDirIterator it(m_dataDir + QStringLiteral("/repositories"), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QStringLiteral(".tmp-")) || path.endsWith(QLatin1String(".part")))
                found.insert(path);
        }
        return found;
    }

    // Every manifest on disk names only complete segments that verify.
    void verifyManifestIntegrity()
    {
        QFile file(repositoryDir() + QStringLiteral("/manifest.json"));
        if (!file.exists())
            return; // a first build that never committed publishes nothing
        QVERIFY(file.open(QIODevice::ReadOnly));
        Result<Manifest> manifest = Manifest::fromJson(file.readAll());
        QVERIFY2(manifest.ok(), qPrintable(manifest.errorString()));
        for (const SegmentInfo &segment : std::as_const(manifest->segments)) {
            const QString path = QStringLiteral("%1/g%2/%3")
                                     .arg(repositoryDir())
                                     .arg(manifest->generation)
                                     .arg(segment.fileName());
            QVERIFY2(QFile::exists(path), qPrintable(QStringLiteral("manifest names missing %1").arg(path)));
            const Status st = SegmentReader::verifyFile(path, segment.sha256);
            QVERIFY2(st.ok(), qPrintable(st.errorString()));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_maildir = m_dir.filePath(QStringLiteral("maildir"));
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        addCorpus(0, 1200);
    }

    void importsGeneratedMaildir()
    {
        const QJsonObject report = runJson({QStringLiteral("archive"), QStringLiteral("--mailbox"), kMailbox,
                                            QStringLiteral("--json"), m_maildir});
        QCOMPARE(report.value(QStringLiteral("archived")).toInt(), 1200);
        QCOMPARE(report.value(QStringLiteral("unreadable")).toInt(), 0);
        // Importing the same Maildir again changes nothing.
        const QJsonObject again = runJson({QStringLiteral("archive"), QStringLiteral("--mailbox"), kMailbox,
                                           QStringLiteral("--json"), m_maildir});
        QCOMPARE(again.value(QStringLiteral("archived")).toInt(), 0);
        QCOMPARE(again.value(QStringLiteral("duplicates")).toInt(), 1200);
    }

    void firstUpdateFollowsFolderPolicy()
    {
        QCOMPARE(run({QStringLiteral("update")}).out.trimmed(),
                 QByteArray("no mailbox has offline sync enabled"));
        QCOMPARE(run({QStringLiteral("offline"), QStringLiteral("enable"), kMailbox}).exitCode, 0);
        const QJsonObject job = runJson({QStringLiteral("update"), QStringLiteral("--json")});
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("done"));

        const RepositoryContent repo = readRepository();
        QCOMPARE(repo.manifest.generation, 1);
        QCOMPARE(repo.manifest.messageCount, 1200);
        QCOMPARE(repo.messages.size(), 1200);
        QSet<QString> folders;
        int headersOnly = 0, bodies = 0, wholeInIndex = 0;
        for (const IndexRecord &r : repo.messages) {
            QVERIFY2(m_corpusBySha.contains(r.sha256), "a record's sha256 matches no generated message");
            const GeneratedMessage &g = m_corpusBySha.value(r.sha256);
            folders.insert(r.folder);
            QCOMPARE(r.folder, g.folder);
            QCOMPARE(r.messageId, g.messageId);
            if (!g.subject.isEmpty())
                QCOMPARE(r.subject, g.subject); // decoded from RFC 2047 exactly as generated
            QFile original(m_maildir + QLatin1Char('/') + g.relativePath);
            QVERIFY(original.open(QIODevice::ReadOnly));
            const QByteArray bytes = original.readAll();
            const bool alwaysWhole = g.isSigned || g.isEncrypted || g.folderKind != QLatin1String("mail");
            if (alwaysWhole) {
                // Signed, encrypted and non-mail messages travel whole, in the index segment.
                QCOMPARE(indexContentName(r.content), QStringLiteral("whole"));
                QCOMPARE(repo.whole.value(r.id), bytes);
                ++wholeInIndex;
            } else if (g.folder == QLatin1String("Inbox")) {
                QCOMPARE(indexContentName(r.content), QStringLiteral("bodies"));
                QCOMPARE(repo.whole.value(r.id), bytes);
                QCOMPARE(repo.bodySegmentFolder.value(r.id), QStringLiteral("Inbox"));
                QCOMPARE(repo.headers.value(r.id), bytes.left(MessageParser::headerBlockLength(bytes)));
                ++bodies;
            } else {
                // Headers-only folders carry the header block and never the body.
                QCOMPARE(indexContentName(r.content), QStringLiteral("headers"));
                QVERIFY(!repo.whole.contains(r.id));
                QCOMPARE(repo.headers.value(r.id), bytes.left(MessageParser::headerBlockLength(bytes)));
                ++headersOnly;
            }
        }
        QVERIFY(folders.size() >= 5);
        QVERIFY(headersOnly > 0 && bodies > 0 && wholeInIndex > 0);
        QCOMPARE(repo.bodiesFolders, QSet<QString>{QStringLiteral("Inbox")});
        qInfo("1200 messages: %d with bodies, %d headers only, %d always whole", bodies, headersOnly,
              wholeInIndex);

        // status --json describes the same repository.
        const QJsonObject status = runJson({QStringLiteral("status"), QStringLiteral("--json")});
        const QJsonObject mailbox = status.value(QStringLiteral("mailboxes")).toArray().first().toObject();
        QCOMPARE(mailbox.value(QStringLiteral("address")).toString(), kMailbox);
        QCOMPARE(mailbox.value(QStringLiteral("generation")).toInt(), 1);
        QCOMPARE(mailbox.value(QStringLiteral("messageCount")).toInt(), 1200);
        const QJsonArray segments = mailbox.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), repo.manifest.segments.size());
        for (const QJsonValue &v : segments) {
            const QJsonObject s = v.toObject();
            QVERIFY(QFile::exists(s.value(QStringLiteral("file")).toString()));
            QVERIFY(Sha256::isValidHex(s.value(QStringLiteral("sha256")).toString()));
            QVERIFY(s.value(QStringLiteral("bytes")).toInteger() > 0);
        }
    }

    void updateWithNothingNewWritesNothing()
    {
        const QString manifest = repositoryDir() + QStringLiteral("/manifest.json");
        QFile file(manifest);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        const QDateTime modified = QFileInfo(manifest).lastModified();
        const QJsonObject job = runJson({QStringLiteral("update"), QStringLiteral("--json")});
        QCOMPARE(job.value(QStringLiteral("segments")).toInt(), 0);
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QCOMPARE(QFileInfo(manifest).lastModified(), modified);
    }

    void incrementalUpdateAddsOnlyNewSegments()
    {
        const RepositoryContent before = readRepository();
        addCorpus(1200, 100);
        const QJsonObject report = runJson({QStringLiteral("archive"), QStringLiteral("--mailbox"), kMailbox,
                                            QStringLiteral("--json"), m_maildir});
        QCOMPARE(report.value(QStringLiteral("archived")).toInt(), 100);
        QCOMPARE(report.value(QStringLiteral("duplicates")).toInt(), 1200);
        QCOMPARE(runJson({QStringLiteral("update"), QStringLiteral("--json")})
                     .value(QStringLiteral("messages"))
                     .toInt(),
                 100);

        const RepositoryContent after = readRepository();
        QCOMPARE(after.manifest.generation, before.manifest.generation);
        QCOMPARE(after.manifest.revision, before.manifest.revision + 1);
        QCOMPARE(after.manifest.messageCount, 1300);
        // The old segments stay as they were; the update only appended.
        QVERIFY(after.manifest.segments.size() > before.manifest.segments.size());
        QCOMPARE(after.manifest.segments.mid(0, before.manifest.segments.size()), before.manifest.segments);
        int newMessages = 0;
        for (const SegmentInfo &s : after.manifest.segments.mid(before.manifest.segments.size())) {
            if (s.kind == SegmentKind::Index)
                newMessages += s.messages;
        }
        QCOMPARE(newMessages, 100);
        QCOMPARE(after.messages.size(), 1300);
    }

    void flushRebuildsSameContentAsNewGeneration()
    {
        const RepositoryContent before = readRepository();
        const QJsonObject job = runJson(
            {QStringLiteral("flush"), QStringLiteral("--mailbox"), kMailbox, QStringLiteral("--json")});
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        const RepositoryContent after = readRepository();
        QCOMPARE(after.manifest.generation, before.manifest.generation + 1);
        QCOMPARE(after.manifest.revision, 1);
        QCOMPARE(after.messages.size(), before.messages.size());
        for (auto it = before.messages.cbegin(); it != before.messages.cend(); ++it)
            QCOMPARE(after.messages.value(it.key()).sha256, it.value().sha256);
        QCOMPARE(after.whole.size(), before.whole.size());
        // The old generation is gone from disk.
        QVERIFY(
            !QDir(QStringLiteral("%1/g%2").arg(repositoryDir()).arg(before.manifest.generation)).exists());
    }

    void sigkillMidBuildIsRepaired_data()
    {
        QTest::addColumn<int>("killAfterSegments");
        QTest::newRow("while the first segment is written") << 0;
        QTest::newRow("after one segment is complete") << 1;
        QTest::newRow("after two segments are complete") << 2;
    }

    void sigkillMidBuildIsRepaired()
    {
        QFETCH(int, killAfterSegments);
        const RepositoryContent before = readRepository();
        const QString newGeneration =
            QStringLiteral("%1/g%2").arg(repositoryDir()).arg(before.manifest.generation + 1);

        QProcess flush;
        flush.start(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                    {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("flush"),
                     QStringLiteral("--mailbox"), kMailbox, QStringLiteral("--max-segment-size"),
                     QStringLiteral("256K")});
        QVERIFY(flush.waitForStarted());
        // Wait for the build to reach the point under test, then kill it without warning.
        QElapsedTimer timer;
        timer.start();
        bool reached = false;
        while (!reached && flush.state() == QProcess::Running && timer.elapsed() < 60000) {
            const QDir dir(newGeneration);
            const int complete =
                static_cast<int>(dir.entryList({QStringLiteral("*.tar.zst")}, QDir::Files).size());
            const bool writing =
                !dir.entryList({QStringLiteral(".tmp-*")}, QDir::Files | QDir::Hidden).isEmpty();
            reached = killAfterSegments == 0 ? writing : complete >= killAfterSegments;
            if (!reached)
                QThread::usleep(200);
        }
        const bool killed = flush.state() == QProcess::Running;
        if (killed)
            ::kill(static_cast<pid_t>(flush.processId()), SIGKILL);
        flush.waitForFinished(10000);
        // With 256K segments the build writes dozens of files, so the kill lands mid-build.
        QVERIFY2(reached && killed, "the build finished before the kill point");
        QCOMPARE(flush.exitStatus(), QProcess::CrashExit);

        // What an agent can see right after the crash: the old manifest, whole.
        verifyManifestIntegrity();
        const RepositoryContent afterCrash = readRepository();
        QCOMPARE(afterCrash.manifest.generation, before.manifest.generation);
        QCOMPARE(afterCrash.manifest.segments, before.manifest.segments);

        // The next run repairs (removes the half-built generation) and completes.
        const QJsonObject job = runJson({QStringLiteral("update"), QStringLiteral("--json")});
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QVERIFY2(leftoverFiles().isEmpty(),
                 qPrintable(QStringList(leftoverFiles().values()).join(QLatin1Char(' '))));
        QVERIFY(!QDir(newGeneration).exists());
        const RunResult flushAgain = run({QStringLiteral("flush"), QStringLiteral("--mailbox"), kMailbox});
        QCOMPARE(flushAgain.exitCode, 0);
        verifyManifestIntegrity();
        const RepositoryContent rebuilt = readRepository();
        QCOMPARE(rebuilt.manifest.generation, before.manifest.generation + 1);
        QCOMPARE(rebuilt.messages.size(), before.messages.size());

        // The interrupted job is in the history as failed, not "running" forever.
        const RunResult jobs = run({QStringLiteral("jobs"), QStringLiteral("--json")});
        const QJsonArray history = QJsonDocument::fromJson(jobs.out).array();
        for (const QJsonValue &v : history)
            QVERIFY(v.toObject().value(QStringLiteral("status")).toString() != QLatin1String("running"));
    }
};

QTEST_GUILESS_MAIN(TestRepositoryLifecycle)
#include "TestRepositoryLifecycle.moc"
