// SPDX-License-Identifier: Apache-2.0
#include "core/repository/SegmentWriter.h"

#include "core/common/FileUtil.h"
#include "core/common/Logging.h"
#include "core/common/Sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QUuid>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace ArchiveSync {

namespace {

// Receives libarchive's compressed output: hashes it and writes it to the temporary file.
struct Sink
{
    QFile file;
    Sha256 hash;
    qint64 bytes = 0;
    QString error;
};

la_ssize_t sinkWrite(struct archive *, void *clientData, const void *buffer, size_t length)
{
    auto *sink = static_cast<Sink *>(clientData);
    const char *data = static_cast<const char *>(buffer);
    if (sink->file.write(data, static_cast<qint64>(length)) != static_cast<qint64>(length)) {
        sink->error = sink->file.errorString();
        return -1;
    }
    sink->hash.addData(data, static_cast<qsizetype>(length));
    sink->bytes += static_cast<qint64>(length);
    return static_cast<la_ssize_t>(length);
}

struct ArchiveDeleter
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};
struct EntryDeleter
{
    void operator()(struct archive_entry *e) const { archive_entry_free(e); }
};

} // namespace

SegmentWriter::SegmentWriter(QString directory, SegmentKind kind, QString folder)
    : m_directory(std::move(directory))
    , m_kind(kind)
    , m_folder(std::move(folder))
{}

SegmentWriter::~SegmentWriter()
{
    if (!m_tempPath.isEmpty())
        QFile::remove(m_tempPath);
}

void SegmentWriter::addHeaders(IndexRecord record, QByteArray headerBlock)
{
    record.entry = IndexRecord::headersEntryName(record.id);
    record.entrySize = headerBlock.size();
    record.entrySha256 = Sha256::hex(headerBlock);
    m_entryBytes += headerBlock.size();
    m_items.append({std::move(record), std::move(headerBlock), {}});
}

void SegmentWriter::addWhole(IndexRecord record, Loader loader)
{
    record.entry = IndexRecord::wholeEntryName(record.id);
    record.entrySize = record.size;
    record.entrySha256 = record.sha256;
    if (record.type == IndexRecord::Type::Message)
        record.content = IndexRecord::Content::Whole;
    m_entryBytes += record.size;
    m_items.append({std::move(record), {}, std::move(loader)});
}

void SegmentWriter::addTombstone(qint64 id)
{
    IndexRecord record;
    record.type = IndexRecord::Type::Tombstone;
    record.id = id;
    m_items.append({std::move(record), {}, {}});
}

Result<SegmentInfo> SegmentWriter::finish(const QDateTime &created, int sequence)
{
    if (Status dir = FileUtil::makeDirectory(m_directory, 0750); !dir.ok())
        return dir.error();
    if (!m_tempPath.isEmpty())
        QFile::remove(m_tempPath); // left by a failed earlier attempt
    m_tempPath =
        QDir(m_directory)
            .filePath(QStringLiteral(".tmp-%1.part").arg(QUuid::createUuid().toString(QUuid::Id128)));

    Sink sink;
    sink.file.setFileName(m_tempPath);
    if (!sink.file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::io(QStringLiteral("cannot create %1: %2").arg(m_tempPath, sink.file.errorString()));

    std::unique_ptr<struct archive, ArchiveDeleter> ar(archive_write_new());
    std::unique_ptr<struct archive_entry, EntryDeleter> entry(archive_entry_new());
    auto archiveError = [&](const QString &what) {
        const QString detail =
            sink.error.isEmpty() ? QString::fromLocal8Bit(archive_error_string(ar.get())) : sink.error;
        return Error::io(QStringLiteral("cannot write segment %1 (%2): %3").arg(m_tempPath, what, detail));
    };
    if (archive_write_add_filter_zstd(ar.get()) != ARCHIVE_OK ||
        archive_write_set_filter_option(ar.get(), "zstd", "compression-level", "3") != ARCHIVE_OK ||
        archive_write_set_format_pax_restricted(ar.get()) != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(ar.get(), 1) != ARCHIVE_OK)
        return archiveError(QStringLiteral("setup"));
    if (archive_write_open(ar.get(), &sink, nullptr, sinkWrite, nullptr) != ARCHIVE_OK)
        return archiveError(QStringLiteral("open"));

    // Entries carry fixed metadata so the same content always makes the same bytes.
    auto writeEntry = [&](const QString &name, const QByteArray &data) -> Status {
        archive_entry_clear(entry.get());
        archive_entry_set_pathname(entry.get(), name.toUtf8().constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_size(entry.get(), data.size());
        archive_entry_set_mtime(entry.get(), 0, 0);
        if (archive_write_header(ar.get(), entry.get()) != ARCHIVE_OK)
            return archiveError(name);
        if (!data.isEmpty() &&
            archive_write_data(ar.get(), data.constData(), static_cast<size_t>(data.size())) !=
                static_cast<la_ssize_t>(data.size()))
            return archiveError(name);
        return {};
    };

    int messages = 0;
    int tombstones = 0;
    QByteArray index;
    for (const Item &item : std::as_const(m_items)) {
        index += QJsonDocument(item.record.toJson()).toJson(QJsonDocument::Compact);
        index += '\n';
        if (item.record.type == IndexRecord::Type::Tombstone)
            ++tombstones;
        else
            ++messages;
    }
    if (Status st = writeEntry(QStringLiteral("index.jsonl"), index); !st.ok())
        return st.error();
    index.clear();

    for (const Item &item : std::as_const(m_items)) {
        if (item.record.type == IndexRecord::Type::Tombstone)
            continue;
        if (!item.loader) {
            if (Status st = writeEntry(item.record.entry, item.inlineData); !st.ok())
                return st.error();
            continue;
        }
        Result<QByteArray> data = item.loader();
        if (!data)
            return data.error();
        // The archive must hold exactly what the index promises.
        if (data->size() != item.record.entrySize || Sha256::hex(*data) != item.record.entrySha256)
            return Error::corrupt(QStringLiteral("message %1 does not match its recorded size and SHA-256")
                                      .arg(item.record.id));
        if (Status st = writeEntry(item.record.entry, *data); !st.ok())
            return st.error();
    }
    if (archive_write_close(ar.get()) != ARCHIVE_OK)
        return archiveError(QStringLiteral("close"));
    ar.reset();
    if (!sink.file.flush())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(m_tempPath, sink.file.errorString()));
    sink.file.close();
    if (Status st = FileUtil::syncFile(m_tempPath); !st.ok())
        return st.error();

    SegmentInfo info;
    info.sequence = sequence;
    info.sha256 = sink.hash.resultHex();
    info.kind = m_kind;
    info.folder = m_folder;
    info.size = sink.bytes;
    info.messages = messages;
    info.tombstones = tombstones;
    info.created = created;
    const QString finalPath = QDir(m_directory).filePath(info.fileName());
    if (Status st = FileUtil::renameDurably(m_tempPath, finalPath); !st.ok())
        return st.error();
    m_tempPath.clear();
    qCInfo(lcRepository) << "wrote segment" << info.sha256.left(12) << segmentKindName(m_kind) << m_folder
                         << messages << "messages," << tombstones << "tombstones," << info.size << "bytes";
    return info;
}

} // namespace ArchiveSync
