// SPDX-License-Identifier: Apache-2.0
#include "core/repository/SegmentReader.h"

#include "core/common/Sha256.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace ArchiveSync {

namespace {
struct ReadArchiveDeleter
{
    void operator()(struct archive *a) const { archive_read_free(a); }
};

Error corrupt(const QString &path, const QString &what)
{
    return Error::corrupt(QStringLiteral("segment %1: %2").arg(path, what));
}

// Reads exactly `size` bytes of the current entry, and fails if the entry holds more.
Result<QByteArray> readEntryData(struct archive *ar, qint64 size, const QString &path, const QString &name)
{
    QByteArray data(size, Qt::Uninitialized);
    qint64 done = 0;
    while (done < size) {
        const la_ssize_t n = archive_read_data(ar, data.data() + done, static_cast<size_t>(size - done));
        if (n < 0)
            return corrupt(
                path, QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(archive_error_string(ar))));
        if (n == 0)
            return corrupt(path, QStringLiteral("%1 is shorter than declared").arg(name));
        done += n;
    }
    char probe;
    const la_ssize_t extra = archive_read_data(ar, &probe, 1);
    if (extra != 0)
        return corrupt(path, QStringLiteral("%1 is longer than declared").arg(name));
    return data;
}
} // namespace

Result<QList<IndexRecord>> SegmentReader::read(const QString &path, const EntryHandler &onEntry) const
{
    std::unique_ptr<struct archive, ReadArchiveDeleter> ar(archive_read_new());
    archive_read_support_filter_zstd(ar.get());
    archive_read_support_format_tar(ar.get());
    if (archive_read_open_filename(ar.get(), QFile::encodeName(path).constData(), 256 * 1024) != ARCHIVE_OK) {
        const QString detail = QString::fromLocal8Bit(archive_error_string(ar.get()));
        // libarchive also fails here on content (no zstd, no tar): a file that opens is corrupt.
        if (QFile probe(path); probe.open(QIODevice::ReadOnly))
            return corrupt(path, QStringLiteral("not a zstd-compressed tar: %1").arg(detail));
        return Error::io(QStringLiteral("cannot open segment %1: %2").arg(path, detail));
    }

    struct archive_entry *entry = nullptr;
    auto checkRegular = [&](const QString &name) -> Status {
        if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry) != nullptr ||
            archive_entry_symlink(entry) != nullptr)
            return corrupt(path, QStringLiteral("%1 is not a regular file").arg(name));
        if (!archive_entry_size_is_set(entry))
            return corrupt(path, QStringLiteral("%1 has no size").arg(name));
        return {};
    };

    int rc = archive_read_next_header(ar.get(), &entry);
    if (rc != ARCHIVE_OK)
        return corrupt(path, QStringLiteral("no readable first entry: %1")
                                 .arg(QString::fromLocal8Bit(archive_error_string(ar.get()))));
    QString name = QString::fromUtf8(archive_entry_pathname(entry));
    if (name != QLatin1String("index.jsonl"))
        return corrupt(path, QStringLiteral("the first entry is '%1', not index.jsonl").arg(name));
    if (Status st = checkRegular(name); !st.ok())
        return st.error();
    const qint64 indexSize = archive_entry_size(entry);
    if (indexSize < 0 || indexSize > m_limits.maxIndexBytes)
        return corrupt(path, QStringLiteral("index.jsonl is %1 bytes, over the limit").arg(indexSize));
    Result<QByteArray> indexData = readEntryData(ar.get(), indexSize, path, name);
    if (!indexData)
        return indexData.error();

    QList<IndexRecord> records;
    QHash<QString, qsizetype> expected; // entry name -> record index
    QSet<qint64> ids;
    int lineNumber = 0;
    for (const QByteArray &line : indexData->split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject())
            return corrupt(path, QStringLiteral("index line %1 is not a JSON object").arg(lineNumber));
        Result<IndexRecord> record = IndexRecord::fromJson(doc.object());
        if (!record)
            return corrupt(path,
                           QStringLiteral("index line %1: %2").arg(lineNumber).arg(record.errorString()));
        if (ids.contains(record->id))
            return corrupt(path,
                           QStringLiteral("index line %1 repeats id %2").arg(lineNumber).arg(record->id));
        ids.insert(record->id);
        if (record->type != IndexRecord::Type::Tombstone) {
            if (record->entrySize > m_limits.maxEntryBytes)
                return corrupt(path, QStringLiteral("%1 declares %2 bytes, over the limit")
                                         .arg(record->entry)
                                         .arg(record->entrySize));
            expected.insert(record->entry, records.size());
        }
        records.append(std::move(*record));
    }

    QSet<QString> seen;
    while ((rc = archive_read_next_header(ar.get(), &entry)) == ARCHIVE_OK) {
        name = QString::fromUtf8(archive_entry_pathname(entry));
        const auto it = expected.constFind(name);
        if (it == expected.cend())
            return corrupt(path, QStringLiteral("unexpected entry '%1'").arg(name));
        if (seen.contains(name))
            return corrupt(path, QStringLiteral("entry '%1' appears twice").arg(name));
        seen.insert(name);
        if (Status st = checkRegular(name); !st.ok())
            return st.error();
        const IndexRecord &record = records.at(*it);
        if (archive_entry_size(entry) != record.entrySize)
            return corrupt(path, QStringLiteral("%1 is %2 bytes, the index says %3")
                                     .arg(name)
                                     .arg(archive_entry_size(entry))
                                     .arg(record.entrySize));
        Result<QByteArray> data = readEntryData(ar.get(), record.entrySize, path, name);
        if (!data)
            return data.error();
        if (Sha256::hex(*data) != record.entrySha256)
            return corrupt(path, QStringLiteral("%1 does not match its SHA-256").arg(name));
        if (onEntry) {
            if (Status st = onEntry(record, *data); !st.ok())
                return st.error();
        }
    }
    if (rc != ARCHIVE_EOF)
        return corrupt(path, QString::fromLocal8Bit(archive_error_string(ar.get())));
    if (seen.size() != expected.size())
        return corrupt(
            path,
            QStringLiteral("%1 entries named in the index are missing").arg(expected.size() - seen.size()));
    return records;
}

Status SegmentReader::verifyFile(const QString &path, const QString &expectedSha256)
{
    Result<QString> actual = Sha256::hashFile(path);
    if (!actual)
        return actual.error();
    if (*actual != expectedSha256)
        return Error::corrupt(
            QStringLiteral("segment %1 has SHA-256 %2, expected %3").arg(path, *actual, expectedSha256));
    return {};
}

} // namespace ArchiveSync
