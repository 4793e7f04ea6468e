// SPDX-License-Identifier: Apache-2.0
#include "core/common/FileUtil.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ArchiveSync::FileUtil {

namespace {
QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Status syncPath(const QString &path, int flags)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return Error::io(QStringLiteral("cannot open %1 to sync it: %2").arg(path, systemError(errno)));
    const int rc = ::fsync(fd);
    const int syncError = errno;
    ::close(fd);
    if (rc != 0)
        return Error::io(QStringLiteral("cannot sync %1: %2").arg(path, systemError(syncError)));
    return {};
}
} // namespace

Status syncFile(const QString &path)
{
    return syncPath(path, O_RDONLY);
}

Status syncDirectory(const QString &path)
{
    return syncPath(path, O_RDONLY | O_DIRECTORY);
}

Status writeAtomically(const QString &path, QByteArrayView data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(data.data(), data.size()) != data.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error::io(QStringLiteral("cannot write %1: %2").arg(path, reason));
    }
    // QSaveFile::commit() fsyncs the temporary file before it renames it into place.
    if (!file.commit())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return syncDirectory(QFileInfo(path).absolutePath());
}

Status renameDurably(const QString &from, const QString &to)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return Error::io(QStringLiteral("cannot rename %1 to %2: %3").arg(from, to, systemError(errno)));
    return syncDirectory(QFileInfo(to).absolutePath());
}

Status makeDirectory(const QString &path, int mode)
{
    if (!QDir().mkpath(path))
        return Error::io(QStringLiteral("cannot create directory %1").arg(path));
    ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode));
    return {};
}

} // namespace ArchiveSync::FileUtil
