// SPDX-License-Identifier: Apache-2.0
#include "tests/support/SegmentFixtures.h"

#include "core/common/Sha256.h"

#include <QFile>
#include <QJsonDocument>

#include <archive.h>

namespace ArchiveSync::Testing {

TarEntry file(const QByteArray &name, const QByteArray &data)
{
    return {name, data};
}
TarEntry zeros(const QByteArray &name, qint64 size)
{
    TarEntry e{name, {}};
    e.zeros = size;
    return e;
}
TarEntry symlinkEntry(const QByteArray &name, const QByteArray &target)
{
    TarEntry e{name, {}, AE_IFLNK};
    e.symlink = target;
    return e;
}
TarEntry hardlinkEntry(const QByteArray &name, const QByteArray &target)
{
    TarEntry e{name, {}};
    e.hardlink = target;
    return e;
}
TarEntry special(const QByteArray &name, unsigned type)
{
    return {name, {}, type};
}

bool writeTar(const QString &path, const TarEntries &entries, bool zstd)
{
    struct archive *ar = archive_write_new();
    if (zstd)
        archive_write_add_filter_zstd(ar);
    archive_write_set_format_pax_restricted(ar);
    bool ok = archive_write_open_filename(ar, QFile::encodeName(path).constData()) == ARCHIVE_OK;
    static const QByteArray chunk(1024 * 1024, '\0');
    for (const TarEntry &e : entries) {
        if (!ok)
            break;
        struct archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.name.constData());
        archive_entry_set_filetype(entry, e.type);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_mtime(entry, 0, 0);
        if (!e.symlink.isEmpty())
            archive_entry_set_symlink(entry, e.symlink.constData());
        if (!e.hardlink.isEmpty())
            archive_entry_set_hardlink(entry, e.hardlink.constData());
        if (e.type == AE_IFCHR || e.type == AE_IFBLK) {
            archive_entry_set_rdevmajor(entry, 1);
            archive_entry_set_rdevminor(entry, 3);
        }
        const bool hasData = e.type == AE_IFREG && e.hardlink.isEmpty();
        archive_entry_set_size(entry, hasData ? (e.zeros > 0 ? e.zeros : e.data.size()) : 0);
        ok = archive_write_header(ar, entry) == ARCHIVE_OK;
        if (ok && hasData && e.zeros > 0) {
            for (qint64 left = e.zeros; ok && left > 0; left -= chunk.size()) {
                const qint64 n = qMin<qint64>(left, chunk.size());
                ok = archive_write_data(ar, chunk.constData(), static_cast<size_t>(n)) == n;
            }
        } else if (ok && hasData && !e.data.isEmpty()) {
            ok = archive_write_data(ar, e.data.constData(), static_cast<size_t>(e.data.size())) ==
                 e.data.size();
        }
        archive_entry_free(entry);
    }
    ok = archive_write_close(ar) == ARCHIVE_OK && ok;
    archive_write_free(ar);
    return ok;
}

IndexRecord headersRecord(qint64 id, const QByteArray &block)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Message;
    r.id = id;
    r.folder = QStringLiteral("Inbox");
    r.folderKind = QStringLiteral("mail");
    r.messageId = QStringLiteral("m%1@example.org").arg(id);
    r.size = block.size() + 1000;
    r.sha256 = Sha256::hex(block + "body");
    r.content = IndexRecord::Content::Headers;
    r.entry = IndexRecord::headersEntryName(id);
    r.entrySize = block.size();
    r.entrySha256 = Sha256::hex(block);
    return r;
}

IndexRecord wholeRecord(qint64 id, const QByteArray &whole)
{
    IndexRecord r = headersRecord(id, whole);
    r.size = whole.size();
    r.sha256 = Sha256::hex(whole);
    r.content = IndexRecord::Content::Whole;
    r.entry = IndexRecord::wholeEntryName(id);
    return r;
}

IndexRecord tombstone(qint64 id)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Tombstone;
    r.id = id;
    return r;
}

QByteArray indexOf(const QList<IndexRecord> &records)
{
    QByteArray out;
    for (const IndexRecord &r : records)
        out += QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

} // namespace ArchiveSync::Testing
