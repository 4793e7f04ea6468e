// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace ArchiveSync {

/// \brief Message content of one disk storage repository, stored once per SHA-256.
///
/// Files live at <root>/blobs/<first two hex digits>/<sha256>. put() writes under a temporary
/// name and renames; durability comes in batches: sync() flushes the whole file system once
/// before the caller commits the rows that reference the new blobs.
class BlobStore
{
public:
    explicit BlobStore(QString root);

    QString pathFor(const QString &sha256) const;
    bool contains(const QString &sha256) const;
    /// Stores data under its (already computed) SHA-256; a no-op when it is already there.
    Status put(const QString &sha256, QByteArrayView data);
    Result<QByteArray> get(const QString &sha256) const;
    /// Reads only the first `limit` bytes (enough for a header block, most of the time).
    Result<QByteArray> head(const QString &sha256, qint64 limit) const;
    /// Makes every put() so far durable.
    Status sync() const;

private:
    QString m_root;
};

} // namespace ArchiveSync
