// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace ArchiveSync::FileUtil {

/// \brief Flushes a file's data to stable storage (fsync).
Status syncFile(const QString &path);
/// \brief Makes a directory's entries (renames, new files) durable (fsync on the directory).
Status syncDirectory(const QString &path);
/// \brief Writes data under a temporary name, fsyncs it, renames it over path and fsyncs the directory:
/// readers see the old content or the new, never a part.
Status writeAtomically(const QString &path, QByteArrayView data);
/// \brief Renames a complete file into place and makes the rename durable.
Status renameDurably(const QString &from, const QString &to);
/// \brief Creates a directory (and parents) with the given permissions (e.g. 0700).
Status makeDirectory(const QString &path, int mode = 0700);

} // namespace ArchiveSync::FileUtil
