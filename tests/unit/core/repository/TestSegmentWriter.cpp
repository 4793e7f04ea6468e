// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"
#include "core/repository/SegmentReader.h"
#include "core/repository/SegmentWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

namespace {

const QDateTime kCreated(QDate(2024, 3, 1), QTime(6, 0), Qt::UTC);

IndexRecord messageRecord(qint64 id, const QByteArray &whole, IndexRecord::Content content)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Message;
    r.id = id;
    r.folder = QStringLiteral("Inbox");
    r.folderKind = QStringLiteral("mail");
    r.messageId = QStringLiteral("m%1@example.org").arg(id);
    r.from = QStringLiteral("Alice <alice@example.org>");
    r.subject = QStringLiteral("Grüße %1").arg(id);
    r.date = QDateTime(QDate(2024, 1, 2), QTime(9, 30), Qt::UTC);
    r.size = whole.size();
    r.sha256 = Sha256::hex(whole);
    r.content = content;
    return r;
}

IndexRecord bodyRecord(qint64 id, const QByteArray &whole)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Body;
    r.id = id;
    r.size = whole.size();
    r.sha256 = Sha256::hex(whole);
    return r;
}

QByteArray wholeMessage(qint64 id)
{
    return "From: alice@example.org\r\nSubject: " + QByteArray::number(id) + "\r\n\r\n" +
           QByteArray(100 + id * 37, static_cast<char>('a' + id % 26)) + "\r\n";
}

QByteArray headerBlock(qint64 id)
{
    // Raw 8-bit text must survive byte for byte.
    return "From: J\xfcrgen <j@example.org>\r\nSubject: " + QByteArray::number(id) + "\r\n\r\n";
}

SegmentWriter::Loader loaderFor(const QByteArray &bytes, int *calls = nullptr)
{
    return [bytes, calls]() -> Result<QByteArray> {
        if (calls)
            ++*calls;
        return bytes;
    };
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                               QDir::Name);
}

struct Entry
{
    IndexRecord record;
    QByteArray data;
};

Result<QList<IndexRecord>> readAll(const QString &path, QList<Entry> *entries)
{
    return SegmentReader().read(path, [entries](const IndexRecord &record, const QByteArray &data) -> Status {
        entries->append({record, data});
        return {};
    });
}

} // namespace

class TestSegmentWriter : public QObject
{
    Q_OBJECT
private slots:
    void indexSegmentRoundTrip()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(QStringLiteral("repo/g1"));
        int loads = 0;
        {
            SegmentWriter writer(dir, SegmentKind::Index);
            QVERIFY(writer.isEmpty());
            writer.addTombstone(100);
            writer.addTombstone(101);
            writer.addHeaders(messageRecord(1, wholeMessage(1), IndexRecord::Content::Headers),
                              headerBlock(1));
            writer.addHeaders(messageRecord(2, wholeMessage(2), IndexRecord::Content::Bodies),
                              headerBlock(2));
            writer.addWhole(messageRecord(3, wholeMessage(3), IndexRecord::Content::None),
                            loaderFor(wholeMessage(3), &loads));
            QCOMPARE(writer.recordCount(), 5);
            QVERIFY(!writer.isEmpty());
            QCOMPARE(writer.entryBytes(),
                     headerBlock(1).size() + headerBlock(2).size() + wholeMessage(3).size());
            QCOMPARE(loads, 0); // loaded only when the entry is written

            const auto info = writer.finish(kCreated, 7);
            QVERIFY2(info.ok(), qPrintable(info.errorString()));
            QCOMPARE(loads, 1);
            QCOMPARE(info->sequence, 7);
            QCOMPARE(info->kind, SegmentKind::Index);
            QCOMPARE(info->folder, QString());
            QCOMPARE(info->messages, 3);
            QCOMPARE(info->tombstones, 2);
            QCOMPARE(info->created, kCreated);
            QVERIFY(Sha256::isValidHex(info->sha256));

            // Only the final file, named by its hash; no temporary left behind.
            QCOMPARE(filesIn(dir), QStringList{info->fileName()});
            const QString path = QDir(dir).filePath(info->sha256 + QStringLiteral(".tar.zst"));
            QCOMPARE(QFileInfo(path).size(), info->size);
            QCOMPARE(*Sha256::hashFile(path), info->sha256);
            QVERIFY(SegmentReader::verifyFile(path, info->sha256).ok());

            QList<Entry> entries;
            const auto records = readAll(path, &entries);
            QVERIFY2(records.ok(), qPrintable(records.errorString()));
            QCOMPARE(records->size(), 5);
            // Index order: as added.
            QCOMPARE(records->at(0).type, IndexRecord::Type::Tombstone);
            QCOMPARE(records->at(0).id, qint64(100));
            QCOMPARE(records->at(1).id, qint64(101));
            const IndexRecord &headers = records->at(2);
            QCOMPARE(headers.id, qint64(1));
            QCOMPARE(headers.content, IndexRecord::Content::Headers);
            QCOMPARE(headers.entry, QStringLiteral("hdr/1.eml"));
            QCOMPARE(headers.entrySize, qint64(headerBlock(1).size()));
            QCOMPARE(headers.entrySha256, Sha256::hex(headerBlock(1)));
            QCOMPARE(headers.size, qint64(wholeMessage(1).size()));
            QCOMPARE(headers.subject, QStringLiteral("Grüße 1"));
            QCOMPARE(headers.date, QDateTime(QDate(2024, 1, 2), QTime(9, 30), Qt::UTC));
            QCOMPARE(records->at(3).content, IndexRecord::Content::Bodies);
            QCOMPARE(records->at(3).entry, QStringLiteral("hdr/2.eml"));
            const IndexRecord &whole = records->at(4);
            QCOMPARE(whole.content, IndexRecord::Content::Whole);
            QCOMPARE(whole.entry, QStringLiteral("msg/3.eml"));
            QCOMPARE(whole.entrySha256, Sha256::hex(wholeMessage(3)));

            // One handler call per entry, in archive order, with the exact bytes.
            QCOMPARE(entries.size(), 3);
            QCOMPARE(entries.at(0).record.id, qint64(1));
            QCOMPARE(entries.at(0).data, headerBlock(1));
            QCOMPARE(entries.at(1).record.id, qint64(2));
            QCOMPARE(entries.at(1).data, headerBlock(2));
            QCOMPARE(entries.at(2).record.id, qint64(3));
            QCOMPARE(entries.at(2).data, wholeMessage(3));
        }
        QCOMPARE(filesIn(dir).size(), 1); // the destructor of a finished writer keeps the file
    }

    void bodiesSegmentRoundTrip()
    {
        QTemporaryDir tmp;
        SegmentWriter writer(tmp.path(), SegmentKind::Bodies, QStringLiteral("Projekte/Entwürfe"));
        for (qint64 id : {11, 12, 13})
            writer.addWhole(bodyRecord(id, wholeMessage(id)), loaderFor(wholeMessage(id)));
        const auto info = writer.finish(kCreated, 2);
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QCOMPARE(info->kind, SegmentKind::Bodies);
        QCOMPARE(info->folder, QStringLiteral("Projekte/Entwürfe"));
        QCOMPARE(info->messages, 3);
        QCOMPARE(info->tombstones, 0);

        QList<Entry> entries;
        const auto records = readAll(tmp.filePath(info->fileName()), &entries);
        QVERIFY2(records.ok(), qPrintable(records.errorString()));
        QCOMPARE(records->size(), 3);
        for (qsizetype i = 0; i < 3; ++i) {
            const qint64 id = 11 + i;
            QCOMPARE(records->at(i).type, IndexRecord::Type::Body);
            QCOMPARE(records->at(i).entry, IndexRecord::wholeEntryName(id));
            QCOMPARE(records->at(i).entrySha256, Sha256::hex(wholeMessage(id)));
            QCOMPARE(entries.at(i).data, wholeMessage(id));
        }
    }

    void emptySegment()
    {
        QTemporaryDir tmp;
        SegmentWriter writer(tmp.path(), SegmentKind::Index);
        const auto info = writer.finish(kCreated, 1);
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QCOMPARE(info->messages, 0);
        QCOMPARE(info->tombstones, 0);
        const auto records = SegmentReader().read(tmp.filePath(info->fileName()));
        QVERIFY2(records.ok(), qPrintable(records.errorString()));
        QVERIFY(records->isEmpty());
    }

    void emptyEntries()
    {
        QTemporaryDir tmp;
        SegmentWriter writer(tmp.path(), SegmentKind::Index);
        writer.addHeaders(messageRecord(1, QByteArray(), IndexRecord::Content::Headers), QByteArray());
        writer.addWhole(messageRecord(2, QByteArray(), IndexRecord::Content::None), loaderFor(QByteArray()));
        const auto info = writer.finish(kCreated, 1);
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QList<Entry> entries;
        const auto records = readAll(tmp.filePath(info->fileName()), &entries);
        QVERIFY2(records.ok(), qPrintable(records.errorString()));
        QCOMPARE(entries.size(), 2);
        QVERIFY(entries.at(0).data.isEmpty());
        QVERIFY(entries.at(1).data.isEmpty());
    }

    // The same content gives byte-identical segments (and so the same name).
    void deterministic()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        QString names[2];
        for (int round = 0; round < 2; ++round) {
            SegmentWriter writer(round == 0 ? a.path() : b.path(), SegmentKind::Index);
            writer.addTombstone(9);
            writer.addHeaders(messageRecord(1, wholeMessage(1), IndexRecord::Content::Headers),
                              headerBlock(1));
            writer.addWhole(messageRecord(2, wholeMessage(2), IndexRecord::Content::None),
                            loaderFor(wholeMessage(2)));
            const auto info = writer.finish(round == 0 ? kCreated : kCreated.addDays(1), 1);
            QVERIFY2(info.ok(), qPrintable(info.errorString()));
            names[round] = info->sha256;
        }
        QCOMPARE(names[0], names[1]);

        SegmentWriter other(a.path(), SegmentKind::Index);
        other.addTombstone(10);
        const auto info = other.finish(kCreated, 2);
        QVERIFY(info.ok());
        QVERIFY(info->sha256 != names[0]);
    }

    void largeEntry()
    {
        QTemporaryDir tmp;
        QByteArray big(6 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>((i * 7919) >> 3);
        SegmentWriter writer(tmp.path(), SegmentKind::Index);
        writer.addWhole(messageRecord(1, big, IndexRecord::Content::None), loaderFor(big));
        const auto info = writer.finish(kCreated, 1);
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QList<Entry> entries;
        const auto records = readAll(tmp.filePath(info->fileName()), &entries);
        QVERIFY2(records.ok(), qPrintable(records.errorString()));
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.at(0).data == big);
    }

    void destroyedBeforeFinishLeavesNothing()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("g1"));
        int loads = 0;
        {
            SegmentWriter writer(dir, SegmentKind::Index);
            writer.addHeaders(messageRecord(1, wholeMessage(1), IndexRecord::Content::Headers),
                              headerBlock(1));
            writer.addWhole(messageRecord(2, wholeMessage(2), IndexRecord::Content::None),
                            loaderFor(wholeMessage(2), &loads));
        }
        QCOMPARE(loads, 0);
        QVERIFY(!QFileInfo::exists(dir));
        QCOMPARE(filesIn(tmp.path()), QStringList());
    }

    // A loader whose bytes are not what the record promises fails finish(); nothing stays behind.
    void loaderMismatch_data()
    {
        QTest::addColumn<QByteArray>("loaded");
        const QByteArray right = wholeMessage(2);
        QByteArray flipped = right;
        flipped[flipped.size() / 2] = static_cast<char>(flipped.at(flipped.size() / 2) ^ 1);
        QTest::newRow("same size, other bytes") << flipped;
        QTest::newRow("shorter") << right.left(right.size() - 1);
        QTest::newRow("longer") << right + "x";
        QTest::newRow("empty") << QByteArray();
    }
    void loaderMismatch()
    {
        QFETCH(QByteArray, loaded);
        QTemporaryDir tmp;
        {
            SegmentWriter writer(tmp.path(), SegmentKind::Index);
            writer.addHeaders(messageRecord(1, wholeMessage(1), IndexRecord::Content::Headers),
                              headerBlock(1));
            writer.addWhole(messageRecord(2, wholeMessage(2), IndexRecord::Content::None), loaderFor(loaded));
            const auto info = writer.finish(kCreated, 1);
            QVERIFY(!info.ok());
            QCOMPARE(info.error().category, ErrorCategory::Corrupt);
            // No file under a final name, whatever the writer still holds.
            for (const QString &name : filesIn(tmp.path()))
                QVERIFY2(!name.endsWith(QLatin1String(".tar.zst")), qPrintable(name));
        }
        QCOMPARE(filesIn(tmp.path()), QStringList());
    }

    void loaderErrorIsPassedOn()
    {
        QTemporaryDir tmp;
        {
            SegmentWriter writer(tmp.path(), SegmentKind::Bodies, QStringLiteral("Inbox"));
            writer.addWhole(bodyRecord(1, wholeMessage(1)), loaderFor(wholeMessage(1)));
            writer.addWhole(bodyRecord(2, wholeMessage(2)), []() -> Result<QByteArray> {
                return Error::notFound(QStringLiteral("blob gone"));
            });
            const auto info = writer.finish(kCreated, 1);
            QVERIFY(!info.ok());
            QCOMPARE(info.error().category, ErrorCategory::NotFound);
            QCOMPARE(info.error().message, QStringLiteral("blob gone"));
        }
        QCOMPARE(filesIn(tmp.path()), QStringList());
    }

    // A failed finish() followed by a successful one leaves only the final file.
    void retryAfterFailure()
    {
        QTemporaryDir tmp;
        bool fail = true;
        {
            SegmentWriter writer(tmp.path(), SegmentKind::Index);
            const QByteArray bytes = wholeMessage(1);
            writer.addWhole(messageRecord(1, bytes, IndexRecord::Content::None),
                            [&fail, bytes]() -> Result<QByteArray> {
                                if (fail)
                                    return Error::io(QStringLiteral("transient"));
                                return bytes;
                            });
            QVERIFY(!writer.finish(kCreated, 1).ok());
            fail = false;
            const auto info = writer.finish(kCreated, 1);
            QVERIFY2(info.ok(), qPrintable(info.errorString()));
            QCOMPARE(filesIn(tmp.path()), QStringList{info->fileName()});
        }
        QCOMPARE(filesIn(tmp.path()).size(), 1);
    }

    void unwritableDirectory()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("a-file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        SegmentWriter writer(file + QStringLiteral("/sub"), SegmentKind::Index);
        writer.addTombstone(1);
        const auto info = writer.finish(kCreated, 1);
        QVERIFY(!info.ok());
        QCOMPARE(info.error().category, ErrorCategory::Io);
    }

    void verifyFile()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("x.tar.zst"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("segment bytes");
        f.close();
        QVERIFY(SegmentReader::verifyFile(path, Sha256::hex("segment bytes")).ok());
        const Status wrong = SegmentReader::verifyFile(path, Sha256::hex("other bytes"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().category, ErrorCategory::Corrupt);
        QVERIFY(!SegmentReader::verifyFile(tmp.filePath(QStringLiteral("missing")), Sha256::hex("x")).ok());
    }

    void readMissingFile()
    {
        QTemporaryDir tmp;
        const auto result = SegmentReader().read(tmp.filePath(QStringLiteral("missing.tar.zst")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Io);
    }
};

QTEST_GUILESS_MAIN(TestSegmentWriter)
#include "TestSegmentWriter.moc"
