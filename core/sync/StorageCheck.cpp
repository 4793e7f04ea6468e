// SPDX-License-Identifier: Apache-2.0
#include "core/sync/StorageCheck.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace ArchiveSync {

StorageCheck StorageCheck::check(const QString &directory, qint64 neededBytes)
{
    StorageCheck result;
    result.directory = directory;
    result.neededBytes = neededBytes;
    QString existing = QDir::cleanPath(QDir(directory).absolutePath());
    while (!QFileInfo(existing).isDir()) {
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            return result;
        existing = parent;
    }
    const QStorageInfo storage(existing);
    if (!storage.isValid() || !storage.isReady())
        return result;
    result.volume = storage.rootPath();
    result.freeBytes = storage.bytesAvailable();
    result.writable = QFileInfo(existing).isWritable() && !storage.isReadOnly();
    return result;
}

} // namespace ArchiveSync
