// SPDX-License-Identifier: Apache-2.0
// Hostile segments, built here with libarchive directly, must all be refused by SegmentReader.
#include "core/common/Sha256.h"
#include "core/repository/SegmentReader.h"
#include "core/repository/SegmentWriter.h"
#include "tests/support/SegmentFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>
#include <sys/resource.h>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

const QByteArray kHeaders1 = "From: a@example.org\r\nSubject: one\r\n\r\n";
const QByteArray kHeaders2 = "From: b@example.org\r\nSubject: two \xe4\r\n\r\n";
const QByteArray kWhole3 = "From: c@example.org\r\nSubject: three\r\n\r\nBody of three.\r\n";

QByteArray baseIndex()
{
    return indexOf(
        {headersRecord(1, kHeaders1), headersRecord(2, kHeaders2), wholeRecord(3, kWhole3), tombstone(4)});
}

TarEntry indexEntry(const QByteArray &index = baseIndex())
{
    return file("index.jsonl", index);
}
TarEntry h1()
{
    return file("hdr/1.eml", kHeaders1);
}
TarEntry h2()
{
    return file("hdr/2.eml", kHeaders2);
}
TarEntry w3()
{
    return file("msg/3.eml", kWhole3);
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Every file under a directory, relative to it.
QStringList tree(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

} // namespace

Q_DECLARE_METATYPE(TarEntries)

class TestSegmentReader : public QObject
{
    Q_OBJECT

    QTemporaryDir *m_tmp = nullptr;
    QString m_savedCwd;

    QString segmentPath() const { return m_tmp->filePath(QStringLiteral("repo/segment.tar.zst")); }

    // Reads a segment, recording each handler call; the reader must write nothing anywhere.
    Result<QList<IndexRecord>> readRecording(const QString &path, QStringList *calls,
                                             SegmentLimits limits = {})
    {
        const QStringList before = tree(m_tmp->path());
        const auto result = SegmentReader(limits).read(
            path, [calls](const IndexRecord &record, const QByteArray &data) -> Status {
                // The handler only ever sees checked bytes.
                if (Sha256::hex(data) != record.entrySha256 || data.size() != record.entrySize)
                    return Error::internal(QStringLiteral("handler got unchecked bytes for ") + record.entry);
                calls->append(record.entry);
                return {};
            });
        if (tree(m_tmp->path()) != before)
            qWarning() << "files changed:" << before << tree(m_tmp->path());
        [&] {
            QCOMPARE(tree(m_tmp->path()), before);
        }();
        return result;
    }

private slots:
    void init()
    {
        m_tmp = new QTemporaryDir;
        QVERIFY(m_tmp->isValid());
        QVERIFY(QDir(m_tmp->path()).mkpath(QStringLiteral("repo")));
        QVERIFY(QDir(m_tmp->path()).mkpath(QStringLiteral("cwd/a/b")));
        // Relative paths in a hostile archive would resolve here if anything were extracted.
        m_savedCwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_tmp->filePath(QStringLiteral("cwd/a/b"))));
    }
    void cleanup()
    {
        QDir::setCurrent(m_savedCwd);
        delete m_tmp;
        m_tmp = nullptr;
    }

    // First, while the process's peak memory is still low: a 50 MB entry of zeros (a few KB
    // compressed) declared in the index as small is refused without being inflated.
    void decompressionBombIsNotInflated()
    {
        QVERIFY(writeTar(segmentPath(), {indexEntry(), h1(), zeros("hdr/2.eml", 50LL * 1024 * 1024), w3()}));
        QVERIFY(QFileInfo(segmentPath()).size() < 1024 * 1024);
        const long before = peakRssKiB();
        QElapsedTimer timer;
        timer.start();
        QStringList calls;
        const auto result = readRecording(segmentPath(), &calls);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Corrupt);
        QCOMPARE(calls, QStringList{QStringLiteral("hdr/1.eml")});
        QVERIFY(timer.elapsed() < 1500);
        const long grownKiB = peakRssKiB() - before;
        QVERIFY2(grownKiB < 20 * 1024,
                 qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(grownKiB)));
    }

    void indexBombIsNotInflated()
    {
        QVERIFY(writeTar(segmentPath(), {zeros("index.jsonl", 50LL * 1024 * 1024), h1()}));
        SegmentLimits limits;
        limits.maxIndexBytes = 1024 * 1024;
        const long before = peakRssKiB();
        QStringList calls;
        const auto result = readRecording(segmentPath(), &calls, limits);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Corrupt);
        QVERIFY(calls.isEmpty());
        QVERIFY(peakRssKiB() - before < 20 * 1024);
    }

    // The harness itself: a well-formed segment built the same way is accepted.
    void handBuiltValidSegmentIsAccepted()
    {
        QVERIFY(writeTar(segmentPath(), {indexEntry(), h1(), h2(), w3()}));
        QStringList calls;
        const auto result = readRecording(segmentPath(), &calls);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->size(), 4);
        QCOMPARE(result->at(3).type, IndexRecord::Type::Tombstone);
        QCOMPARE(calls, (QStringList{QStringLiteral("hdr/1.eml"), QStringLiteral("hdr/2.eml"),
                                     QStringLiteral("msg/3.eml")}));
        // An entry declared empty is fine as an empty regular file.
        const QByteArray emptyIndex = indexOf({headersRecord(1, kHeaders1), headersRecord(2, QByteArray())});
        QVERIFY(writeTar(segmentPath(), {indexEntry(emptyIndex), h1(), file("hdr/2.eml", QByteArray())}));
        calls.clear();
        QVERIFY(readRecording(segmentPath(), &calls).ok());
        QCOMPARE(calls.size(), 2);
        // Entries may come in any order after the index.
        QVERIFY(writeTar(segmentPath(), {indexEntry(), w3(), h2(), h1()}));
        calls.clear();
        QVERIFY(readRecording(segmentPath(), &calls).ok());
        QCOMPARE(calls.size(), 3);
        // Exactly at the limits.
        SegmentLimits limits;
        limits.maxIndexBytes = baseIndex().size();
        limits.maxEntryBytes = kWhole3.size();
        calls.clear();
        const auto atLimits = readRecording(segmentPath(), &calls, limits);
        QVERIFY2(atLimits.ok(), qPrintable(atLimits.errorString()));
    }

    void hostile_data()
    {
        QTest::addColumn<TarEntries>("entries");
        QTest::addColumn<qint64>("maxIndexBytes");
        QTest::addColumn<qint64>("maxEntryBytes");
        QTest::addColumn<QStringList>("calls"); // the handler calls before the failure point
        const SegmentLimits d;
        const QStringList none;
        const QStringList first{QStringLiteral("hdr/1.eml")};
        auto row = [&](const char *name, const TarEntries &entries, const QStringList &calls) {
            QTest::newRow(name) << entries << d.maxIndexBytes << d.maxEntryBytes << calls;
        };

        row("no entries", {}, none);
        row("first entry not index.jsonl", {h1(), indexEntry(), h2(), w3()}, none);
        row("no index at all", {h1(), h2(), w3()}, none);
        row("index in a directory", {file("x/index.jsonl", baseIndex()), h1(), h2(), w3()}, none);
        row("index is a symlink", {symlinkEntry("index.jsonl", "/etc/passwd"), h1(), h2(), w3()}, none);
        row("index is a hardlink", {hardlinkEntry("index.jsonl", "/etc/passwd"), h1(), h2(), w3()}, none);
        row("index is a directory", {special("index.jsonl", AE_IFDIR), h1(), h2(), w3()}, none);
        row("index is a fifo", {special("index.jsonl", AE_IFIFO), h1(), h2(), w3()}, none);
        row("index not JSON", {indexEntry("not json\n"), h1()}, none);
        row("index line is an array", {indexEntry(baseIndex() + "[1,2]\n"), h1(), h2(), w3()}, none);
        row("index record invalid",
            {indexEntry(baseIndex().replace("\"hdr/2.eml\"", "\"../evil\"")), h1(),
             file("../evil", kHeaders2), w3()},
            none);
        row("index repeats an id",
            {indexEntry(baseIndex() + indexOf({headersRecord(1, kHeaders1)})), h1(), h2(), w3()}, none);
        row("tombstone repeats an id", {indexEntry(baseIndex() + indexOf({tombstone(3)})), h1(), h2(), w3()},
            none);
        row("second index.jsonl", {indexEntry(), h1(), indexEntry(), h2(), w3()}, first);
        row("dot-dot path", {indexEntry(), h1(), file("../evil", "evil"), h2(), w3()}, first);
        row("deep dot-dot path", {indexEntry(), h1(), file("../../../../../../tmp/evil", "evil"), h2(), w3()},
            first);
        row("dot-dot inside a name", {indexEntry(), h1(), file("hdr/../hdr/2.eml", kHeaders2), w3()}, first);
        row("dot prefix", {indexEntry(), h1(), file("./hdr/2.eml", kHeaders2), w3()}, first);
        row("absolute path", {indexEntry(), h1(), file("/etc/evil", "evil"), h2(), w3()}, first);
        row("absolute path of an entry", {indexEntry(), h1(), file("/hdr/2.eml", kHeaders2), w3()}, first);
        row("symlink", {indexEntry(), h1(), symlinkEntry("hdr/2.eml", "/etc/passwd"), w3()}, first);
        row("symlink outside", {indexEntry(), h1(), symlinkEntry("evil", "../../.."), h2(), w3()}, first);
        row("hardlink", {indexEntry(), h1(), hardlinkEntry("hdr/2.eml", "hdr/1.eml"), w3()}, first);
        row("hardlink outside", {indexEntry(), h1(), hardlinkEntry("hdr/2.eml", "/etc/shadow"), w3()}, first);
        row("character device", {indexEntry(), h1(), special("hdr/2.eml", AE_IFCHR), w3()}, first);
        // Declared empty, so that size and hash alone would let a non-file through.
        const QByteArray emptyIndex = indexOf({headersRecord(1, kHeaders1), headersRecord(2, QByteArray())});
        row("index alone, a symlink", {symlinkEntry("index.jsonl", "/etc/passwd")}, none);
        row("index alone, a hardlink", {hardlinkEntry("index.jsonl", "other")}, none);
        row("index alone, a fifo", {special("index.jsonl", AE_IFIFO)}, none);
        row("index alone, a directory", {special("index.jsonl", AE_IFDIR)}, none);
        row("empty symlink", {indexEntry(emptyIndex), h1(), symlinkEntry("hdr/2.eml", "/etc/passwd")}, first);
        row("empty hardlink", {indexEntry(emptyIndex), h1(), hardlinkEntry("hdr/2.eml", "hdr/1.eml")}, first);
        row("empty character device", {indexEntry(emptyIndex), h1(), special("hdr/2.eml", AE_IFCHR)}, first);
        row("empty block device", {indexEntry(emptyIndex), h1(), special("hdr/2.eml", AE_IFBLK)}, first);
        row("empty fifo", {indexEntry(emptyIndex), h1(), special("hdr/2.eml", AE_IFIFO)}, first);
        row("empty directory", {indexEntry(emptyIndex), h1(), special("hdr/2.eml", AE_IFDIR)}, first);
        row("block device", {indexEntry(), h1(), special("hdr/2.eml", AE_IFBLK), w3()}, first);
        row("fifo", {indexEntry(), h1(), special("hdr/2.eml", AE_IFIFO), w3()}, first);
        row("directory named like an entry", {indexEntry(), h1(), special("hdr/2.eml", AE_IFDIR), w3()},
            first);
        row("directory", {indexEntry(), h1(), special("hdr", AE_IFDIR), h2(), w3()}, first);
        row("entry not in the index", {indexEntry(), h1(), file("hdr/99.eml", kHeaders2), h2(), w3()}, first);
        row("entry of a tombstone", {indexEntry(), h1(), file("msg/4.eml", "x"), h2(), w3()}, first);
        row("headers where the index says whole", {indexEntry(), h1(), file("hdr/3.eml", kWhole3), h2()},
            first);
        row("entry repeated", {indexEntry(), h1(), h1(), h2(), w3()}, first);
        row("entry repeated later", {indexEntry(), h1(), h2(), w3(), h2()},
            (QStringList{QStringLiteral("hdr/1.eml"), QStringLiteral("hdr/2.eml"),
                         QStringLiteral("msg/3.eml")}));
        row("entry bigger than declared", {indexEntry(), h1(), file("hdr/2.eml", kHeaders2 + "X"), w3()},
            first);
        row("entry smaller than declared",
            {indexEntry(), h1(), file("hdr/2.eml", kHeaders2.chopped(1)), w3()}, first);
        row("entry empty", {indexEntry(), h1(), file("hdr/2.eml", QByteArray()), w3()}, first);
        QByteArray flipped = kHeaders2;
        flipped[3] = 'X';
        row("entry bytes do not match entrySha256", {indexEntry(), h1(), file("hdr/2.eml", flipped), w3()},
            first);
        row("record whose entry is missing", {indexEntry(), h1(), w3()},
            (QStringList{QStringLiteral("hdr/1.eml"), QStringLiteral("msg/3.eml")}));
        row("only the index", {indexEntry()}, none);

        QTest::newRow("index over the limit") << TarEntries{indexEntry(), h1(), h2(), w3()}
                                              << qint64(baseIndex().size() - 1) << d.maxEntryBytes << none;
        QTest::newRow("entry declared over the limit")
            << TarEntries{indexEntry(), h1(), h2(), w3()} << d.maxIndexBytes << qint64(kWhole3.size() - 1)
            << none;
        QTest::newRow("bomb declared small")
            << TarEntries{indexEntry(), h1(), zeros("hdr/2.eml", 8LL * 1024 * 1024), w3()} << d.maxIndexBytes
            << d.maxEntryBytes << first;
        QTest::newRow("bomb not in the index")
            << TarEntries{indexEntry(), h1(), zeros("hdr/9.eml", 8LL * 1024 * 1024), h2(), w3()}
            << d.maxIndexBytes << d.maxEntryBytes << first;
    }
    void hostile()
    {
        QFETCH(TarEntries, entries);
        QFETCH(qint64, maxIndexBytes);
        QFETCH(qint64, maxEntryBytes);
        QFETCH(QStringList, calls);
        QVERIFY(writeTar(segmentPath(), entries));
        const bool etcEvilBefore = QFile::exists(QStringLiteral("/etc/evil"));
        SegmentLimits limits;
        limits.maxIndexBytes = maxIndexBytes;
        limits.maxEntryBytes = maxEntryBytes;
        QStringList actualCalls;
        QElapsedTimer timer;
        timer.start();
        const auto result = readRecording(segmentPath(), &actualCalls, limits);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Corrupt);
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(actualCalls, calls);
        QVERIFY(timer.elapsed() < 1500);
        QCOMPARE(QFile::exists(QStringLiteral("/etc/evil")), etcEvilBefore);
    }

    // Files that are not segments at all, or damaged ones, are corrupt rather than unreadable.
    void notASegment_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("text") << QByteArray("hello, this is not a segment\n");
        QTest::newRow("zeros") << QByteArray(4096, '\0');
        QByteArray random(8192, Qt::Uninitialized);
        for (qsizetype i = 0; i < random.size(); ++i)
            random[i] = static_cast<char>((i * 2654435761U) >> 13);
        QTest::newRow("pseudo-random") << random;
        QTest::newRow("zstd magic then garbage") << QByteArray("\x28\xb5\x2f\xfd garbage garbage garbage");
    }
    void notASegment()
    {
        QFETCH(QByteArray, bytes);
        QFile f(segmentPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        QStringList calls;
        const auto result = readRecording(segmentPath(), &calls);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Corrupt);
        QVERIFY(calls.isEmpty());
    }

    // A valid segment cut or damaged anywhere is refused, and only fully checked entries were handed out.
    void damaged()
    {
        QVERIFY(writeTar(segmentPath(), {indexEntry(), h1(), h2(), w3()}));
        QFile f(segmentPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        f.close();
        const QStringList all{QStringLiteral("hdr/1.eml"), QStringLiteral("hdr/2.eml"),
                              QStringLiteral("msg/3.eml")};
        for (qsizetype cut = 0; cut < good.size(); cut += qMax<qsizetype>(1, good.size() / 40)) {
            for (int variant = 0; variant < 2; ++variant) {
                QByteArray bytes = good;
                if (variant == 0)
                    bytes.truncate(cut);
                else
                    bytes[cut] = static_cast<char>(bytes.at(cut) ^ 0x55);
                QFile out(segmentPath());
                QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
                out.write(bytes);
                out.close();
                QStringList calls;
                const auto result = readRecording(segmentPath(), &calls);
                const QString where =
                    QStringLiteral("%1 at %2").arg(QLatin1String(variant == 0 ? "cut" : "flip")).arg(cut);
                if (result.ok()) {
                    // A flip in padding the reader never looks at is harmless, but then all is intact.
                    QVERIFY2(variant == 1 && calls == all, qPrintable(where));
                    continue;
                }
                QVERIFY2(result.error().category == ErrorCategory::Corrupt,
                         qPrintable(where + QStringLiteral(": ") +
                                    errorCategoryName(result.error().category) + QLatin1Char(' ') +
                                    result.errorString()));
                QVERIFY2(calls == all.mid(0, calls.size()), qPrintable(where));
            }
        }
    }

    void handlerErrorStopsTheRead()
    {
        QVERIFY(writeTar(segmentPath(), {indexEntry(), h1(), h2(), w3()}));
        QStringList calls;
        const auto result = SegmentReader().read(
            segmentPath(), [&calls](const IndexRecord &record, const QByteArray &) -> Status {
                calls << record.entry;
                return Error::io(QStringLiteral("disk full"));
            });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Io);
        QCOMPARE(result.error().message, QStringLiteral("disk full"));
        QCOMPARE(calls, QStringList{QStringLiteral("hdr/1.eml")});
    }

    // What SegmentWriter makes, SegmentReader takes, also under tight limits that still fit.
    void writerOutputIsAccepted()
    {
        SegmentWriter writer(m_tmp->filePath(QStringLiteral("repo")), SegmentKind::Index);
        IndexRecord r1 = headersRecord(1, kHeaders1);
        writer.addHeaders(r1, kHeaders1);
        IndexRecord r3 = wholeRecord(3, kWhole3);
        writer.addWhole(r3, [] { return Result<QByteArray>(kWhole3); });
        writer.addTombstone(4);
        const auto info = writer.finish(QDateTime::currentDateTimeUtc(), 1);
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        SegmentLimits limits;
        limits.maxEntryBytes = kWhole3.size();
        QStringList calls;
        const auto result =
            readRecording(m_tmp->filePath(QStringLiteral("repo/") + info->fileName()), &calls, limits);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(calls, (QStringList{QStringLiteral("hdr/1.eml"), QStringLiteral("msg/3.eml")}));
    }
};

QTEST_GUILESS_MAIN(TestSegmentReader)
#include "TestSegmentReader.moc"
