// SPDX-License-Identifier: Apache-2.0
#include "service/store/BlobStore.h"

#include "core/common/FileUtil.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ArchiveSync {

BlobStore::BlobStore(QString root)
    : m_root(std::move(root))
{}

QString BlobStore::pathFor(const QString &sha256) const
{
    return QStringLiteral("%1/blobs/%2/%3").arg(m_root, sha256.left(2), sha256);
}

bool BlobStore::contains(const QString &sha256) const
{
    return QFile::exists(pathFor(sha256));
}

Status BlobStore::put(const QString &sha256, QByteArrayView data)
{
    const QString path = pathFor(sha256);
    if (QFile::exists(path))
        return {};
    const QString dir = path.section(QLatin1Char('/'), 0, -2);
    if (Status st = FileUtil::makeDirectory(dir, 0750); !st.ok())
        return st;
    const QString temp = QStringLiteral("%1/.tmp-%2").arg(dir, QUuid::createUuid().toString(QUuid::Id128));
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::io(QStringLiteral("cannot create %1: %2").arg(temp, file.errorString()));
    if (file.write(data.data(), data.size()) != data.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.close();
        QFile::remove(temp);
        return Error::io(QStringLiteral("cannot write %1: %2").arg(temp, reason));
    }
    file.close();
    if (!QFile::rename(temp, path) && !QFile::exists(path)) {
        QFile::remove(temp);
        return Error::io(QStringLiteral("cannot rename %1 to %2").arg(temp, path));
    }
    QFile::remove(temp);
    return {};
}

Result<QByteArray> BlobStore::get(const QString &sha256) const
{
    QFile file(pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(
            QStringLiteral("cannot read message content %1: %2").arg(file.fileName(), file.errorString()));
    QByteArray data = file.readAll();
    if (data.size() != file.size())
        return Error::io(QStringLiteral("cannot read message content %1: short read").arg(file.fileName()));
    return data;
}

Result<QByteArray> BlobStore::head(const QString &sha256, qint64 limit) const
{
    QFile file(pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(
            QStringLiteral("cannot read message content %1: %2").arg(file.fileName(), file.errorString()));
    return file.read(limit);
}

Status BlobStore::sync() const
{
    // One syncfs() for a batch is far cheaper than an fsync per message, and just as durable
    // for the commit that follows it.
    if (!QDir(m_root).exists())
        return {};
    const int fd = ::open(QFile::encodeName(m_root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Error::io(
            QStringLiteral("cannot open %1: %2").arg(m_root, QString::fromLocal8Bit(std::strerror(errno))));
    const int rc = ::syncfs(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        return Error::io(
            QStringLiteral("cannot sync %1: %2").arg(m_root, QString::fromLocal8Bit(std::strerror(error))));
    return {};
}

} // namespace ArchiveSync
