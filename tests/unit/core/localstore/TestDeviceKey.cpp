// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/DeviceKey.h"
#include "core/localstore/MessageCipher.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace ArchiveSync;

namespace {
unsigned modeOf(const QString &path)
{
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 07777;
    return info.st_mode & 0777;
}

bool writeRaw(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return false;
    file.close();
    return file.setPermissions(permissions);
}

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

class TestDeviceKey : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_dirCount = 0;
    QString newDataDir() { return m_tmp.filePath(QStringLiteral("data%1").arg(++m_dirCount)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // Never ask a real keychain from a test run.
        qputenv("ARCHIVESYNC_NO_KEYCHAIN", "1");
    }

    void fileKeyIsCreatedPrivately()
    {
        // A permissive umask must not leak into the key file's mode.
        const mode_t previous = ::umask(022);
        const QString dir = newDataDir();
        const auto loaded = DeviceKey::loadOrCreate(dir, false);
        ::umask(previous);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->source, DeviceKey::Source::File);
        QVERIFY(MessageCipher::isValidKey(loaded->key));
        QVERIFY(!loaded->warning.isEmpty());
        QVERIFY(loaded->warning.contains(QStringLiteral("device.key")));
        const QString path = QDir(dir).filePath(QStringLiteral("device.key"));
        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(modeOf(dir), 0700u);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), loaded->key);
        // No temporary files are left beside it.
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("device.key")});
    }

    void fileKeyIsReused()
    {
        const QString dir = newDataDir();
        const auto first = DeviceKey::loadOrCreate(dir, false);
        QVERIFY(first.ok());
        const auto second = DeviceKey::loadOrCreate(dir, false);
        QVERIFY(second.ok());
        QCOMPARE(second->key, first->key);
        const auto other = DeviceKey::loadOrCreate(newDataDir(), false);
        QVERIFY(other.ok());
        QVERIFY(other->key != first->key);
    }

    void environmentSkipsKeychain()
    {
        QCOMPARE(qgetenv("ARCHIVESYNC_NO_KEYCHAIN"), QByteArray("1"));
        const QString dir = newDataDir();
        const auto loaded = DeviceKey::loadOrCreate(dir, true);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->source, DeviceKey::Source::File);
        QVERIFY(!loaded->warning.isEmpty());
        QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("device.key"))));
    }

    void noSessionBusSkipsKeychain()
    {
        const QByteArray noKeychain = qgetenv("ARCHIVESYNC_NO_KEYCHAIN");
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("ARCHIVESYNC_NO_KEYCHAIN");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QElapsedTimer timer;
        timer.start();
        const auto loaded = DeviceKey::loadOrCreate(newDataDir(), true);
        qputenv("ARCHIVESYNC_NO_KEYCHAIN", noKeychain);
        if (!bus.isEmpty())
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->source, DeviceKey::Source::File);
        QVERIFY(timer.elapsed() < 2000);
    }

    // Only on request (a session bus without a Secret Service, e.g. under dbus-run-session): a
    // keychain that fails must leave the agent with a working key file, not an error.
    void unavailableKeychainFallsBackToFile()
    {
        if (qEnvironmentVariable("ARCHIVESYNC_TEST_KEYCHAIN_FALLBACK") != QLatin1String("1"))
            QSKIP("set ARCHIVESYNC_TEST_KEYCHAIN_FALLBACK=1 under a session bus without a keychain");
        const QByteArray noKeychain = qgetenv("ARCHIVESYNC_NO_KEYCHAIN");
        qunsetenv("ARCHIVESYNC_NO_KEYCHAIN");
        const QString dir = newDataDir();
        QElapsedTimer timer;
        timer.start();
        const auto loaded = DeviceKey::loadOrCreate(dir, true);
        const auto again = DeviceKey::loadOrCreate(dir, true);
        const Status removed = DeviceKey::remove(dir, true);
        qputenv("ARCHIVESYNC_NO_KEYCHAIN", noKeychain);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->source, DeviceKey::Source::File);
        QVERIFY(!loaded->warning.isEmpty());
        QVERIFY(again.ok());
        QCOMPARE(again->key, loaded->key);
        QVERIFY(removed.ok());
        QVERIFY(timer.elapsed() < 20000);
    }

    void readableKeyFileIsRefused_data()
    {
        QTest::addColumn<int>("permissions");
        QTest::newRow("group read") << int(kOwnerOnly | QFileDevice::ReadGroup);
        QTest::newRow("other read") << int(kOwnerOnly | QFileDevice::ReadOther);
        QTest::newRow("group write") << int(kOwnerOnly | QFileDevice::WriteGroup);
    }
    void readableKeyFileIsRefused()
    {
        QFETCH(int, permissions);
        const QString dir = newDataDir();
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(QStringLiteral("device.key"));
        const QByteArray key = MessageCipher::generateKey();
        QVERIFY(writeRaw(path, key, QFileDevice::Permissions(permissions)));
        const auto loaded = DeviceKey::loadOrCreate(dir, false);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().category, ErrorCategory::Invalid);
        QVERIFY(loaded.errorString().contains(QStringLiteral("0600")));
        // The file is left for the user to fix, not replaced.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), key);
    }

    void wrongSizeIsCorrupt_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("short") << 31;
        QTest::newRow("long") << 33;
        QTest::newRow("base64 text") << 44;
    }
    void wrongSizeIsCorrupt()
    {
        QFETCH(int, size);
        const QString dir = newDataDir();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(
            writeRaw(QDir(dir).filePath(QStringLiteral("device.key")), QByteArray(size, 'k'), kOwnerOnly));
        const auto loaded = DeviceKey::loadOrCreate(dir, false);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().category, ErrorCategory::Corrupt);
    }

    void emptyFileFromInterruptedCreationIsReplaced()
    {
        const QString dir = newDataDir();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeRaw(QDir(dir).filePath(QStringLiteral("device.key")), QByteArray(), kOwnerOnly));
        const auto loaded = DeviceKey::loadOrCreate(dir, false);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QVERIFY(MessageCipher::isValidKey(loaded->key));
        QCOMPARE(QFileInfo(QDir(dir).filePath(QStringLiteral("device.key"))).size(), qint64(32));
    }

    void symlinkIsRefused()
    {
        const QString dir = newDataDir();
        QVERIFY(QDir().mkpath(dir));
        const QString target = m_tmp.filePath(QStringLiteral("elsewhere.key"));
        QVERIFY(writeRaw(target, MessageCipher::generateKey(), kOwnerOnly));
        QVERIFY(QFile::link(target, QDir(dir).filePath(QStringLiteral("device.key"))));
        QVERIFY(!DeviceKey::loadOrCreate(dir, false).ok());
    }

    void removeForgetsTheKey()
    {
        const QString dir = newDataDir();
        const auto first = DeviceKey::loadOrCreate(dir, false);
        QVERIFY(first.ok());
        QVERIFY(DeviceKey::remove(dir, false).ok());
        QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("device.key"))));
        QVERIFY(DeviceKey::remove(dir, true).ok()); // nothing left: no error
        const auto second = DeviceKey::loadOrCreate(dir, false);
        QVERIFY(second.ok());
        QVERIFY(second->key != first->key);
    }

    void emptyDataDirIsInvalid()
    {
        const auto loaded = DeviceKey::loadOrCreate(QString(), false);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().category, ErrorCategory::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestDeviceKey)
#include "TestDeviceKey.moc"
