// SPDX-License-Identifier: Apache-2.0
// An agent against a service that lies: segments built to attack the reader (paths out of the store,
// links, device files, a decompression bomb, an index that disagrees with its entries), served with
// their true SHA-256 so that only the reader stands between them and the local copy; and a manifest
// that goes back to an older revision of the same generation. Nothing may be applied, nothing written
// outside the agent's data directory, and the agent must say why.
#include "core/common/Sha256.h"
#include "core/repository/Manifest.h"
#include "tests/support/AgentProcess.h"
#include "tests/support/FakeOfflineService.h"
#include "tests/support/SegmentFixtures.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kMailbox = QStringLiteral("alice@example.org");
const QByteArray kHeaders1 = "From: a@example.org\r\nSubject: one\r\n\r\n";
const QByteArray kWhole2 = "From: b@example.org\r\nSubject: two\r\n\r\nBody of two.\r\n";

SegmentInfo infoFor(int sequence, const QByteArray &bytes, int messages)
{
    SegmentInfo s;
    s.sequence = sequence;
    s.sha256 = Sha256::hex(bytes);
    s.kind = SegmentKind::Index;
    s.size = bytes.size();
    s.messages = messages;
    s.created = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    return s;
}

QByteArray manifestFor(qint64 revision, const QList<SegmentInfo> &segments, qint64 messages)
{
    Manifest m;
    m.mailbox = kMailbox;
    m.generation = 1;
    m.revision = revision;
    m.generationCreated = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    m.updated = m.generationCreated.addSecs(revision);
    m.settingsFingerprint = QString(64, QLatin1Char('a'));
    m.messageCount = messages;
    m.segments = segments;
    return m.toJson();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

Q_DECLARE_METATYPE(TarEntries)

class TestHostileService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeOfflineService m_service;
    QThread m_thread;
    int m_refused = 0;

    AgentProcess agent(const QString &name) const
    {
        return AgentProcess(QStringLiteral(ARCHIVESYNC_AGENT_BINARY), m_dir.filePath(name),
                            QStringLiteral("pw"));
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_service.port())); }
    void publish(const QByteArray &manifest, const QHash<QString, QByteArray> &segments)
    {
        QMetaObject::invokeMethod(
            &m_service, [&] { m_service.publish(kMailbox, manifest, segments); },
            Qt::BlockingQueuedConnection);
    }
    // Every path below the test's directory, outside the agents' data directories.
    QStringList strayFiles() const
    {
        QStringList out;
        QDirIterator it(m_dir.path(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = QDir(m_dir.path()).relativeFilePath(it.next());
            if (!rel.startsWith(QLatin1String("laptop-")) && !rel.startsWith(QLatin1String("segments")))
                out << rel;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_service.moveToThread(&m_thread);
        m_thread.start();
        bool listening = false;
        QMetaObject::invokeMethod(
            &m_service, [&] { listening = m_service.listen(); }, Qt::BlockingQueuedConnection);
        QVERIFY(listening);
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("segments"))));
    }

    void cleanupTestCase()
    {
        m_thread.quit();
        m_thread.wait();
    }

    void hostileSegmentIsNeverApplied_data()
    {
        QTest::addColumn<TarEntries>("entries");
        const QByteArray index = indexOf({headersRecord(1, kHeaders1)});
        const TarEntry h1 = file("hdr/1.eml", kHeaders1);
        QTest::newRow("entry climbs out")
            << TarEntries{file("index.jsonl", index), file("../../escape", kHeaders1)};
        QTest::newRow("absolute path")
            << TarEntries{file("index.jsonl", index), file("/tmp/archivesync-escape", kHeaders1)};
        QTest::newRow("symlink") << TarEntries{file("index.jsonl", index),
                                               symlinkEntry("hdr/1.eml", "/etc/passwd")};
        QTest::newRow("hardlink") << TarEntries{file("index.jsonl", index),
                                                hardlinkEntry("hdr/1.eml", "/etc/passwd")};
        QTest::newRow("device file") << TarEntries{file("index.jsonl", index),
                                                   special("hdr/1.eml", AE_IFCHR)};
        QTest::newRow("decompression bomb")
            << TarEntries{file("index.jsonl", index), zeros("hdr/1.eml", 300LL * 1024 * 1024)};
        QTest::newRow("index disagrees")
            << TarEntries{file("index.jsonl", index), file("hdr/1.eml", kWhole2)};
        QTest::newRow("index names a missing entry") << TarEntries{file("index.jsonl", index)};
        QTest::newRow("index not first") << TarEntries{h1, file("index.jsonl", index)};
    }

    void hostileSegmentIsNeverApplied()
    {
        QFETCH(TarEntries, entries);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        const QString path = m_dir.filePath(QStringLiteral("segments/%1.tar.zst").arg(tag));
        QVERIFY(writeTar(path, entries));
        const QByteArray bytes = readFile(path);
        const SegmentInfo info = infoFor(1, bytes, 1);
        publish(manifestFor(1, {info}, 1), {{info.sha256, bytes}});

        const AgentProcess a = agent(QStringLiteral("laptop-") + tag);
        AgentRun run = a.setup(url(), QStringLiteral("alice"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = a.run(QStringLiteral("sync-now"), {QStringLiteral("--wait"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject m = AgentProcess::mailboxIn(QJsonDocument::fromJson(run.out).object(), kMailbox);
        QCOMPARE(m.value(QStringLiteral("state")).toString(), QStringLiteral("error"));
        QCOMPARE(m.value(QStringLiteral("errorCategory")).toString(), QStringLiteral("corrupt"));
        QVERIFY(!m.value(QStringLiteral("error")).toString().isEmpty());
        // Nothing applied: no complete copy, the copy being built holds nothing, the file is gone.
        QCOMPARE(m.value(QStringLiteral("generation")).toInteger(), 0);
        QVERIFY(!openLocalCopy(a.dataDir(), kMailbox));
        QVERIFY(QDir(AgentState::spoolDirectory(a.dataDir())).isEmpty());
        // Nothing written outside the data directory.
        QCOMPARE(strayFiles(), QStringList{});
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/archivesync-escape")));
        ++m_refused;
    }

    void reportHostile()
    {
        reportFaultResult(
            QStringLiteral("hostile segments served with their true SHA-256"), 9, m_refused, 0,
            QStringLiteral("traversal, absolute path, symlink, hardlink, device, 300 MB bomb, "
                           "disagreeing index: each refused as corrupt, nothing applied or written "
                           "outside the store"));
    }

    void olderManifestIsRefused()
    {
        // Revision 2 (two segments) is applied; then the service serves revision 1 of the same generation.
        const QString one = m_dir.filePath(QStringLiteral("segments/one.tar.zst"));
        const QString two = m_dir.filePath(QStringLiteral("segments/two.tar.zst"));
        QVERIFY(writeTar(one, {file("index.jsonl", indexOf({headersRecord(1, kHeaders1)})),
                               file("hdr/1.eml", kHeaders1)}));
        QVERIFY(writeTar(
            two, {file("index.jsonl", indexOf({wholeRecord(2, kWhole2)})), file("msg/2.eml", kWhole2)}));
        const QByteArray b1 = readFile(one);
        const QByteArray b2 = readFile(two);
        const SegmentInfo s1 = infoFor(1, b1, 1);
        const SegmentInfo s2 = infoFor(2, b2, 1);
        publish(manifestFor(2, {s1, s2}, 2), {{s1.sha256, b1}, {s2.sha256, b2}});

        const AgentProcess a = agent(QStringLiteral("laptop-rollback"));
        AgentRun run = a.setup(url(), QStringLiteral("alice"));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = a.run(QStringLiteral("sync-now"), {QStringLiteral("--wait")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(*openLocalCopy(a.dataDir(), kMailbox)->store->messageCount(), 2);

        publish(manifestFor(1, {s1}, 1), {{s1.sha256, b1}});
        run = a.run(QStringLiteral("sync-now"), {QStringLiteral("--wait"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject m = AgentProcess::mailboxIn(QJsonDocument::fromJson(run.out).object(), kMailbox);
        QCOMPARE(m.value(QStringLiteral("errorCategory")).toString(), QStringLiteral("conflict"));
        QVERIFY2(m.value(QStringLiteral("error")).toString().contains(QStringLiteral("went back")),
                 qPrintable(m.value(QStringLiteral("error")).toString()));
        // The copy is kept as it was, at revision 2.
        std::optional<LocalCopy> copy = openLocalCopy(a.dataDir(), kMailbox);
        QVERIFY(copy);
        QCOMPARE(*copy->store->messageCount(), 2);
        QCOMPARE(copy->state.mailbox(kMailbox)->revision, 2);
        reportFaultResult(QStringLiteral("manifest rolled back to an older revision"), 1, 1, 0,
                          QStringLiteral("refused as a conflict, reported, the copy kept at revision 2"));
    }
};

QTEST_GUILESS_MAIN(TestHostileService)
#include "TestHostileService.moc"
