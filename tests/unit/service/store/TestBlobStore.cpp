// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"
#include "service/store/BlobStore.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

namespace {
QStringList allFiles(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}
} // namespace

class TestBlobStore : public QObject
{
    Q_OBJECT
private slots:
    void pathLayout()
    {
        BlobStore store(QStringLiteral("/data/archive"));
        const QString sha = Sha256::hex("hello");
        QCOMPARE(store.pathFor(sha), QStringLiteral("/data/archive/blobs/%1/%2").arg(sha.left(2), sha));
    }

    void putGetHead_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("small") << QByteArray("Subject: hi\r\n\r\nbody\r\n");
        QTest::newRow("binary") << QByteArray("\0\1\2\3\xff", 5);
        QTest::newRow("large") << QByteArray(3 * 1024 * 1024 + 5, 'm');
    }
    void putGetHead()
    {
        QFETCH(QByteArray, data);
        QTemporaryDir dir;
        BlobStore store(dir.filePath(QStringLiteral("archive")));
        const QString sha = Sha256::hex(data);
        QVERIFY(!store.contains(sha));
        const Status st = store.put(sha, data);
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        QVERIFY(store.contains(sha));
        QVERIFY(QFileInfo(store.pathFor(sha)).isFile());
        QCOMPARE(allFiles(dir.path()),
                 QStringList{QStringLiteral("archive/blobs/%1/%2").arg(sha.left(2), sha)});

        auto got = store.get(sha);
        QVERIFY(got.ok());
        QCOMPARE(*got, data);
        auto head = store.head(sha, 4);
        QVERIFY(head.ok());
        QCOMPARE(*head, data.left(4));
        auto all = store.head(sha, data.size() + 100);
        QVERIFY(all.ok());
        QCOMPARE(*all, data);
        QVERIFY(store.sync().ok());
    }

    void putIsIdempotent()
    {
        QTemporaryDir dir;
        BlobStore store(dir.path());
        const QByteArray data("From: a@b.c\n\nx\n");
        const QString sha = Sha256::hex(data);
        QVERIFY(store.put(sha, data).ok());
        const QDateTime written = QFileInfo(store.pathFor(sha)).lastModified();
        // A second put of the same hash does not touch the stored file, whatever it is handed.
        QVERIFY(store.put(sha, data).ok());
        QVERIFY(store.put(sha, QByteArray("different")).ok());
        QCOMPARE(*store.get(sha), data);
        QCOMPARE(QFileInfo(store.pathFor(sha)).lastModified(), written);
        QCOMPARE(allFiles(dir.path()).size(), 1);
    }

    void manyBlobsShareFanOut()
    {
        QTemporaryDir dir;
        BlobStore store(dir.path());
        QSet<QString> prefixes;
        for (int i = 0; i < 40; ++i) {
            const QByteArray data = QByteArray::number(i);
            const QString sha = Sha256::hex(data);
            prefixes.insert(sha.left(2));
            QVERIFY(store.put(sha, data).ok());
        }
        const QStringList files = allFiles(dir.path());
        QCOMPARE(files.size(), 40);
        for (const QString &f : files) {
            QVERIFY2(!QFileInfo(f).fileName().startsWith(QLatin1Char('.')),
                     qPrintable(f)); // no temp file left
            const QStringList parts = f.split(QLatin1Char('/'));
            QCOMPARE(parts.size(), 3);
            QCOMPARE(parts.at(0), QStringLiteral("blobs"));
            QCOMPARE(parts.at(1), parts.at(2).left(2));
            QVERIFY(Sha256::isValidHex(parts.at(2)));
        }
        QCOMPARE(
            QDir(dir.filePath(QStringLiteral("blobs"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(),
            prefixes.size());
    }

    void missingBlob()
    {
        QTemporaryDir dir;
        BlobStore store(dir.path());
        const QString sha = Sha256::hex("absent");
        auto got = store.get(sha);
        QVERIFY(!got);
        QCOMPARE(got.error().category, ErrorCategory::Io);
        QVERIFY(got.errorString().contains(sha));
        auto head = store.head(sha, 10);
        QVERIFY(!head);
        QCOMPARE(head.error().category, ErrorCategory::Io);
        // sync() of a store that has nothing yet is fine.
        QVERIFY(BlobStore(dir.filePath(QStringLiteral("never-created"))).sync().ok());
    }

    void unwritableRootFails()
    {
        QTemporaryDir dir;
        // A file where the blobs directory should be.
        QFile blocker(dir.filePath(QStringLiteral("blobs")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BlobStore store(dir.path());
        const Status st = store.put(Sha256::hex("x"), "x");
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Io);
        QVERIFY(!store.contains(Sha256::hex("x")));
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "TestBlobStore.moc"
