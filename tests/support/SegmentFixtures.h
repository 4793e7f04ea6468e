// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/repository/IndexRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <archive_entry.h>

/// Segments built by hand for tests, hostile ones included: tar entries written with libarchive
/// directly (SegmentWriter would refuse to make them) and index records for them.
namespace ArchiveSync::Testing {

/// \brief One tar entry as a hostile segment may hold it.
struct TarEntry
{
    QByteArray name;
    QByteArray data;
    unsigned type = AE_IFREG;
    QByteArray symlink;
    QByteArray hardlink;
    qint64 zeros = 0; ///< when > 0 the data is this many zero bytes, streamed (so the test stays small)
};
using TarEntries = QList<TarEntry>;

TarEntry file(const QByteArray &name, const QByteArray &data);
TarEntry zeros(const QByteArray &name, qint64 size);
TarEntry symlinkEntry(const QByteArray &name, const QByteArray &target);
TarEntry hardlinkEntry(const QByteArray &name, const QByteArray &target);
TarEntry special(const QByteArray &name, unsigned type);
/// Writes the entries as a tar (zstd-compressed unless told otherwise); false on failure.
bool writeTar(const QString &path, const TarEntries &entries, bool zstd = true);

/// An Inbox message held as headers (its header block is `block`).
IndexRecord headersRecord(qint64 id, const QByteArray &block);
/// An Inbox message held whole.
IndexRecord wholeRecord(qint64 id, const QByteArray &whole);
IndexRecord tombstone(qint64 id);
/// index.jsonl for the records.
QByteArray indexOf(const QList<IndexRecord> &records);

} // namespace ArchiveSync::Testing
