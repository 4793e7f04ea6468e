// SPDX-License-Identifier: Apache-2.0
#include "core/common/FileUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

class TestFileUtil : public QObject
{
    Q_OBJECT
private slots:
    void writeAtomicallyReplacesWholeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("manifest.json"));
        QVERIFY(FileUtil::writeAtomically(path, "first").ok());
        QVERIFY(FileUtil::writeAtomically(path, "second version").ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("second version"));
        // No temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("manifest.json")});
    }

    void writeAtomicallyReportsUnwritableDirectory()
    {
        const auto status = FileUtil::writeAtomically(QStringLiteral("/proc/archivesync-nope/x"), "data");
        QVERIFY(!status.ok());
        QCOMPARE(status.error().category, ErrorCategory::Io);
        QVERIFY(status.errorString().contains(QStringLiteral("/proc/archivesync-nope/x")));
    }

    void makeDirectorySetsMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a/b/c"));
        QVERIFY(FileUtil::makeDirectory(path, 0700).ok());
        const auto perms = QFile::permissions(path);
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!perms.testFlag(QFileDevice::ReadOther));
        QVERIFY(!perms.testFlag(QFileDevice::ReadGroup));
    }

    void renameDurably()
    {
        QTemporaryDir dir;
        const QString from = dir.filePath(QStringLiteral("tmp"));
        const QString to = dir.filePath(QStringLiteral("final"));
        QVERIFY(FileUtil::writeAtomically(from, "x").ok());
        QVERIFY(FileUtil::renameDurably(from, to).ok());
        QVERIFY(!QFile::exists(from));
        QVERIFY(QFile::exists(to));
        QVERIFY(!FileUtil::renameDurably(from, to).ok());
    }
};

QTEST_GUILESS_MAIN(TestFileUtil)
#include "TestFileUtil.moc"
