// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/DeviceKey.h"

#include "core/common/FileUtil.h"
#include "core/common/Logging.h"
#include "core/localstore/MessageCipher.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <optional>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ArchiveSync {

namespace {

const QString kService = QStringLiteral("ArchiveSync Agent");
const QString kKeyFileName = QStringLiteral("device.key");
constexpr int kKeychainTimeoutMs = 5000;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty() && text.isDetached())
        sodium_memzero(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

QString fileWarning(const QString &path)
{
    return QStringLiteral(
               "No keychain is available: the key that protects the local archive is stored in %1. "
               "Anyone who can read that file can read the local archive.")
        .arg(QDir::toNativeSeparators(path));
}

/// Why the keychain is not asked at all, or an empty string when it is.
QString keychainSkipReason(bool useKeychain)
{
    if (!useKeychain)
        return QStringLiteral("not wanted");
    if (qEnvironmentVariable("ARCHIVESYNC_NO_KEYCHAIN") == QLatin1String("1"))
        return QStringLiteral("ARCHIVESYNC_NO_KEYCHAIN=1");
    // Without a session bus the Secret Service cannot answer, and some backends then wait for
    // their whole D-Bus timeout instead of failing.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("no D-Bus session");
    if (!QCoreApplication::instance())
        return QStringLiteral("no application object to run the keychain's event loop");
    return {};
}

struct KeychainOutcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QString text; ///< what a read found
    bool timedOut = false;
};

/// Runs a job to its end, or until the timeout: a keychain that never answers must not hold
/// the agent up.
KeychainOutcome runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(kKeychainTimeoutMs);
    job.start();
    if (!finished)
        loop.exec();
    KeychainOutcome outcome;
    if (!finished) {
        outcome.timedOut = true;
        outcome.error = QKeychain::OtherError;
        outcome.message =
            QStringLiteral("the keychain did not answer within %1 s").arg(kKeychainTimeoutMs / 1000);
        // The job may still finish later; nobody listens by then.
        QObject::disconnect(&job, nullptr, &loop, nullptr);
        return outcome;
    }
    outcome.error = job.error();
    outcome.message = job.errorString();
    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(&job))
        outcome.text = read->textData();
    return outcome;
}

// A job that timed out may still be running inside QtKeychain: it is left to finish and delete
// itself rather than destroyed under its backend's feet.
template<typename Job>
KeychainOutcome runKeychainJob(const QString &entry, const std::function<void(Job &)> &prepare = {})
{
    auto *job = new Job(kService);
    job->setKey(entry);
    if (prepare)
        prepare(*job);
    KeychainOutcome outcome = runJob(*job);
    if (outcome.timedOut) {
        job->setAutoDelete(true);
    } else {
        delete job;
    }
    return outcome;
}

Result<QString> canonicalDataDir(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return Error::invalid(QStringLiteral("no data directory given"), QStringLiteral("data-dir"));
    if (Status st = FileUtil::makeDirectory(dataDir, 0700); !st)
        return st.error();
    const QString canonical = QFileInfo(dataDir).canonicalFilePath();
    if (canonical.isEmpty())
        return Error::io(QStringLiteral("cannot resolve the data directory %1").arg(dataDir));
    return canonical;
}

QString keychainEntry(const QString &canonicalDir)
{
    return QStringLiteral("device-key:") + canonicalDir;
}

/// The key in the file; nullopt when there is none yet (or only the empty file an interrupted
/// creation leaves, which never held a key that sealed anything).
Result<std::optional<QByteArray>> readKeyFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return std::optional<QByteArray>();
        return Error::io(
            QStringLiteral("cannot open the device key file %1: %2").arg(path, systemError(errno)));
    }
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return Error::io(
            QStringLiteral("cannot inspect the device key file %1: %2").arg(path, systemError(error)));
    }
    if (!S_ISREG(info.st_mode) || info.st_uid != ::geteuid() || (info.st_mode & 077) != 0) {
        ::close(fd);
        return Error::invalid(
            QStringLiteral("the device key file %1 must be a regular file of this user that no one "
                           "else can read or write (mode 0600); it is %2")
                .arg(path, QString::number(info.st_mode & 0777, 8)),
            QStringLiteral("device.key"));
    }
    if (info.st_size == 0) {
        ::close(fd);
        qCInfo(lcLocalStore) << "the device key file" << path
                             << "is empty (an interrupted creation); a new key is made";
        return std::optional<QByteArray>();
    }
    if (info.st_size != MessageCipher::kKeyBytes) {
        ::close(fd);
        return Error::corrupt(QStringLiteral("the device key file %1 holds %2 bytes instead of %3")
                                  .arg(path)
                                  .arg(info.st_size)
                                  .arg(MessageCipher::kKeyBytes));
    }
    QByteArray key(MessageCipher::kKeyBytes, Qt::Uninitialized);
    qsizetype done = 0;
    while (done < key.size()) {
        const ssize_t n = ::read(fd, key.data() + done, static_cast<size_t>(key.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            ::close(fd);
            wipe(key);
            return Error::io(
                QStringLiteral("cannot read the device key file %1: %2").arg(path, systemError(error)));
        }
        done += n;
    }
    ::close(fd);
    return std::optional<QByteArray>(std::move(key));
}

Status writeKeyFile(const QString &path, const QByteArray &key)
{
    // An empty 0600 file first: QSaveFile gives its temporary file the permissions of the file it
    // replaces, so the key is never in a file that the umask left readable to others.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return Error::io(
            QStringLiteral("cannot create the device key file %1: %2").arg(path, systemError(errno)));
    if (fd >= 0)
        ::close(fd);
    if (::chmod(native.constData(), 0600) != 0)
        return Error::io(
            QStringLiteral("cannot restrict the device key file %1: %2").arg(path, systemError(errno)));
    if (Status st = FileUtil::writeAtomically(path, key); !st) {
        QFile::remove(path);
        return st;
    }
    struct stat info = {};
    if (::stat(native.constData(), &info) != 0 || (info.st_mode & 077) != 0) {
        QFile::remove(path);
        return Error::io(QStringLiteral("the device key file %1 did not get mode 0600").arg(path));
    }
    return {};
}

Result<DeviceKey::Loaded> loadOrCreateFile(const QString &path)
{
    Result<std::optional<QByteArray>> existing = readKeyFile(path);
    if (!existing)
        return existing.error();
    DeviceKey::Loaded loaded;
    loaded.source = DeviceKey::Source::File;
    loaded.warning = fileWarning(path);
    if (existing->has_value()) {
        loaded.key = std::move(**existing);
        return loaded;
    }
    loaded.key = MessageCipher::generateKey();
    if (Status st = writeKeyFile(path, loaded.key); !st) {
        wipe(loaded.key);
        return st.error();
    }
    qCInfo(lcLocalStore) << "created a device key file at" << path << "(no keychain in use)";
    return loaded;
}

} // namespace

Result<DeviceKey::Loaded> DeviceKey::loadOrCreate(const QString &dataDir, bool useKeychain)
{
    Result<QString> dir = canonicalDataDir(dataDir);
    if (!dir)
        return dir.error();
    const QString path = QDir(*dir).filePath(kKeyFileName);
    const QString skip = keychainSkipReason(useKeychain);
    if (!skip.isEmpty()) {
        qCInfo(lcLocalStore).noquote()
            << QStringLiteral("device key: keychain skipped (%1), using %2").arg(skip, path);
        return loadOrCreateFile(path);
    }

    const QString entry = keychainEntry(*dir);
    KeychainOutcome read = runKeychainJob<QKeychain::ReadPasswordJob>(entry);
    if (read.error == QKeychain::NoError) {
        QByteArray key =
            QByteArray::fromBase64(read.text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        wipe(read.text);
        if (!MessageCipher::isValidKey(key)) {
            wipe(key);
            return Error::corrupt(QStringLiteral("the keychain entry \"%1\" of \"%2\" is not a device key")
                                      .arg(entry, kService));
        }
        return Loaded{key, Source::Keychain, {}};
    }
    if (read.error != QKeychain::EntryNotFound) {
        qCWarning(lcLocalStore) << "the keychain cannot be read:" << read.message << "- using the key file";
        return loadOrCreateFile(path);
    }

    // No entry yet. A key file from a time without keychain keeps its copies readable: it moves
    // into the keychain. Otherwise a new key goes there.
    Result<std::optional<QByteArray>> existing = readKeyFile(path);
    if (!existing)
        return existing.error();
    const bool fromFile = existing->has_value();
    QByteArray key = fromFile ? **existing : MessageCipher::generateKey();
    KeychainOutcome write =
        runKeychainJob<QKeychain::WritePasswordJob>(entry, [&key](QKeychain::WritePasswordJob &job) {
            job.setTextData(QString::fromLatin1(key.toBase64()));
        });
    if (write.error != QKeychain::NoError) {
        qCWarning(lcLocalStore) << "the keychain cannot store the device key:" << write.message
                                << "- using the key file";
        if (fromFile)
            return Loaded{key, Source::File, fileWarning(path)};
        wipe(key);
        return loadOrCreateFile(path);
    }
    if (fromFile) {
        if (!QFile::remove(path))
            qCWarning(lcLocalStore) << "the device key moved to the keychain but" << path
                                    << "could not be removed";
        else
            qCInfo(lcLocalStore) << "the device key moved from" << path << "to the keychain";
    }
    return Loaded{key, Source::Keychain, {}};
}

Status DeviceKey::remove(const QString &dataDir, bool useKeychain)
{
    const QString absolute = QFileInfo(dataDir).absoluteFilePath();
    const QString canonical = QFileInfo(dataDir).canonicalFilePath();
    const QString dir = canonical.isEmpty() ? absolute : canonical;
    if (keychainSkipReason(useKeychain).isEmpty()) {
        KeychainOutcome outcome = runKeychainJob<QKeychain::DeletePasswordJob>(keychainEntry(dir));
        // A keychain that cannot be reached keeps the entry; the key file goes all the same,
        // and a later loadOrCreate reuses the entry, which is harmless.
        if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound)
            qCWarning(lcLocalStore) << "the device key could not be removed from the keychain:"
                                    << outcome.message;
    }
    const QString path = QDir(dir).filePath(kKeyFileName);
    // unlink, not QFile: a dangling link named device.key goes too.
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT)
        return Error::io(
            QStringLiteral("cannot remove the device key file %1: %2").arg(path, systemError(errno)));
    return {};
}

} // namespace ArchiveSync
