// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/repository/IndexRecord.h"
#include "core/repository/Manifest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace ArchiveSync {

/// \brief Writes one segment: a zstd-compressed tar of index.jsonl followed by its entries.
///
/// Records are collected first (index.jsonl leads the archive, so readers can check every
/// later entry against it), then finish() streams the entries, fsyncs the file under a
/// temporary name and renames it to <sha256>.tar.zst. Until finish() succeeds nothing under
/// a final name exists; a writer destroyed unfinished removes its temporary file.
class SegmentWriter
{
public:
    /// Loads a whole message's bytes when finish() writes its entry.
    using Loader = std::function<Result<QByteArray>()>;

    SegmentWriter(QString directory, SegmentKind kind, QString folder = {});
    ~SegmentWriter();
    SegmentWriter(const SegmentWriter &) = delete;
    SegmentWriter &operator=(const SegmentWriter &) = delete;

    /// A message whose header block travels in this segment (content Headers or Bodies).
    void addHeaders(IndexRecord record, QByteArray headerBlock);
    /// A whole message (content Whole in an index segment, or a Body record in a bodies segment).
    void addWhole(IndexRecord record, Loader loader);
    void addTombstone(qint64 id);

    int recordCount() const { return static_cast<int>(m_items.size()); }
    /// Bytes of entry data queued so far; callers start a new segment past their cap.
    qint64 entryBytes() const { return m_entryBytes; }
    bool isEmpty() const { return m_items.isEmpty(); }

    /// Writes, fsyncs and renames the segment into place (also fsyncing the directory).
    Result<SegmentInfo> finish(const QDateTime &created, int sequence);

private:
    struct Item
    {
        IndexRecord record;
        QByteArray inlineData;
        Loader loader;
    };
    QString m_directory;
    SegmentKind m_kind;
    QString m_folder;
    QList<Item> m_items;
    qint64 m_entryBytes = 0;
    QString m_tempPath;
};

} // namespace ArchiveSync
