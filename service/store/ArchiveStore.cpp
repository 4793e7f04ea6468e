// SPDX-License-Identifier: Apache-2.0
#include "service/store/ArchiveStore.h"

#include <QRegularExpression>
#include <QSqlError>

namespace ArchiveSync {

QVariant toDbTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromDbTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QString storageKindName(StorageKind kind)
{
    return kind == StorageKind::Disk ? QStringLiteral("disk") : QStringLiteral("storage-manager");
}

std::optional<StorageKind> storageKindFromName(QStringView name)
{
    if (name == QLatin1String("disk"))
        return StorageKind::Disk;
    if (name == QLatin1String("storage-manager"))
        return StorageKind::StorageManager;
    return std::nullopt;
}

namespace {
const QString kStorageColumns = QStringLiteral("id, name, kind, path");
const QString kMailboxColumns =
    QStringLiteral("id, address, display_name, default_storage_id, managed, created_at");
const QString kMessageColumns = QStringLiteral("m.id, m.mailbox_id, m.folder_id, f.path, f.kind, "
                                               "m.storage_id, m.sha256, m.size, m.message_id, m.from_addr,"
                                               " m.to_addr, m.cc_addr, m.subject, m.sent_at, m.is_signed, "
                                               "m.is_encrypted, m.has_attachments, m.archived_at");

StorageRepository storageFromQuery(const QSqlQuery &q)
{
    return StorageRepository{q.value(0).toLongLong(), q.value(1).toString(),
                             storageKindFromName(q.value(2).toString()).value_or(StorageKind::Disk),
                             q.value(3).toString()};
}

Mailbox mailboxFromQuery(const QSqlQuery &q)
{
    return Mailbox{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toLongLong(), q.value(4).toBool(),   fromDbTime(q.value(5))};
}
} // namespace

StoredMessage ArchiveStore::messageFromQuery(const QSqlQuery &q)
{
    StoredMessage m;
    m.id = q.value(0).toLongLong();
    m.mailboxId = q.value(1).toLongLong();
    m.folderId = q.value(2).toLongLong();
    m.folder = q.value(3).toString();
    m.folderKind = folderKindFromName(q.value(4).toString()).value_or(FolderKind::Mail);
    m.storageId = q.value(5).toLongLong();
    m.sha256 = q.value(6).toString();
    m.size = q.value(7).toLongLong();
    m.meta.messageId = q.value(8).toString();
    m.meta.from = q.value(9).toString();
    m.meta.to = q.value(10).toString();
    m.meta.cc = q.value(11).toString();
    m.meta.subject = q.value(12).toString();
    m.meta.date = fromDbTime(q.value(13));
    m.meta.isSigned = q.value(14).toBool();
    m.meta.isEncrypted = q.value(15).toBool();
    m.meta.hasAttachments = q.value(16).toBool();
    m.archivedAt = fromDbTime(q.value(17));
    return m;
}

Result<StorageRepository> ArchiveStore::ensureStorage(const QString &name, StorageKind kind,
                                                      const QString &path)
{
    Result<std::optional<StorageRepository>> existing = storageByName(name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    Result<qint64> id = m_db.insert(QStringLiteral("INSERT INTO storage_repositories (name, kind, path, "
                                                   "created_at) VALUES (?, ?, ?, ?) RETURNING id"),
                                    {name, storageKindName(kind), path, QDateTime::currentMSecsSinceEpoch()});
    if (!id)
        return id.error();
    return StorageRepository{*id, name, kind, path};
}

Result<QList<StorageRepository>> ArchiveStore::storageRepositories() const
{
    auto q =
        m_db.exec(QStringLiteral("SELECT %1 FROM storage_repositories ORDER BY id").arg(kStorageColumns));
    if (!q)
        return q.error();
    QList<StorageRepository> list;
    while (q->next())
        list.append(storageFromQuery(*q));
    return list;
}

Result<std::optional<StorageRepository>> ArchiveStore::storageByName(const QString &name) const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM storage_repositories WHERE name = ?").arg(kStorageColumns), {name});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StorageRepository>();
    return std::optional<StorageRepository>(storageFromQuery(*q));
}

Result<StorageRepository> ArchiveStore::storageById(qint64 id) const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM storage_repositories WHERE id = ?").arg(kStorageColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("no storage repository with id %1").arg(id));
    return storageFromQuery(*q);
}

Result<std::optional<Mailbox>> ArchiveStore::mailboxByAddress(const QString &address) const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM mailboxes WHERE address = ?").arg(kMailboxColumns),
                       {address.trimmed().toLower()});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Mailbox>();
    return std::optional<Mailbox>(mailboxFromQuery(*q));
}

Result<Mailbox> ArchiveStore::mailboxById(qint64 id) const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM mailboxes WHERE id = ?").arg(kMailboxColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("no mailbox with id %1").arg(id));
    return mailboxFromQuery(*q);
}

Result<Mailbox> ArchiveStore::ensureMailbox(const QString &address, qint64 defaultStorageId,
                                            const QDateTime &now)
{
    Result<std::optional<Mailbox>> existing = mailboxByAddress(address);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    const QString normalized = address.trimmed().toLower();
    Result<qint64> id =
        m_db.insert(QStringLiteral("INSERT INTO mailboxes (address, default_storage_id, created_at)"
                                   " VALUES (?, ?, ?) RETURNING id"),
                    {normalized, defaultStorageId, toDbTime(now)});
    if (!id)
        return id.error();
    return Mailbox{*id, normalized, QString(), defaultStorageId, false, now};
}

Result<QList<Mailbox>> ArchiveStore::mailboxes() const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM mailboxes ORDER BY address").arg(kMailboxColumns));
    if (!q)
        return q.error();
    QList<Mailbox> list;
    while (q->next())
        list.append(mailboxFromQuery(*q));
    return list;
}

Status ArchiveStore::setDefaultStorage(qint64 mailboxId, qint64 storageId)
{
    auto q = m_db.exec(QStringLiteral("UPDATE mailboxes SET default_storage_id = ? WHERE id = ?"),
                       {storageId, mailboxId});
    if (!q)
        return q.error();
    return {};
}

Status ArchiveStore::setManaged(qint64 mailboxId, bool managed)
{
    auto q = m_db.exec(QStringLiteral("UPDATE mailboxes SET managed = ? WHERE id = ?"),
                       {managed ? 1 : 0, mailboxId});
    if (!q)
        return q.error();
    return {};
}

Status ArchiveStore::setDisplayName(qint64 mailboxId, const QString &displayName)
{
    constexpr int kMaxDisplayNameLength = 256;
    const QString trimmed = displayName.trimmed();
    if (trimmed.size() > kMaxDisplayNameLength)
        return Error::invalid(
            QStringLiteral("the display name must be at most %1 characters long").arg(kMaxDisplayNameLength),
            QStringLiteral("displayName"));
    auto q =
        m_db.exec(QStringLiteral("UPDATE mailboxes SET display_name = ? WHERE id = ?"), {trimmed, mailboxId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no mailbox with id %1").arg(mailboxId));
    return {};
}

Result<QList<StorageRepository>> ArchiveStore::storageOfMailboxMessages(qint64 mailboxId) const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM storage_repositories WHERE id IN"
                       " (SELECT DISTINCT storage_id FROM messages WHERE mailbox_id = ?) ORDER BY id")
            .arg(kStorageColumns),
        {mailboxId});
    if (!q)
        return q.error();
    QList<StorageRepository> list;
    while (q->next())
        list.append(storageFromQuery(*q));
    return list;
}

Result<qint64> ArchiveStore::ensureFolder(qint64 mailboxId, const QString &path, FolderKind kind)
{
    auto q = m_db.exec(QStringLiteral("SELECT id FROM folders WHERE mailbox_id = ? AND path = ?"),
                       {mailboxId, path});
    if (!q)
        return q.error();
    if (q->next())
        return q->value(0).toLongLong();
    return m_db.insert(
        QStringLiteral("INSERT INTO folders (mailbox_id, path, kind) VALUES (?, ?, ?) RETURNING id"),
        {mailboxId, path, folderKindName(kind)});
}

Result<bool> ArchiveStore::hasMessage(qint64 folderId, const QString &sha256) const
{
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM messages WHERE folder_id = ? AND sha256 = ?"),
                       {folderId, sha256});
    if (!q)
        return q.error();
    return q->next();
}

Result<qint64> ArchiveStore::insertMessage(const StoredMessage &m, qint64 archiveRunId)
{
    return m_db.insert(
        QStringLiteral(
            "INSERT INTO messages (mailbox_id, folder_id, storage_id, archive_run_id, sha256, size,"
            " message_id, from_addr, to_addr, cc_addr, subject, sent_at, is_signed, is_encrypted,"
            " has_attachments, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " RETURNING id"),
        {m.mailboxId, m.folderId, m.storageId, archiveRunId, m.sha256, m.size, m.meta.messageId, m.meta.from,
         m.meta.to, m.meta.cc, m.meta.subject, toDbTime(m.meta.date), m.meta.isSigned ? 1 : 0,
         m.meta.isEncrypted ? 1 : 0, m.meta.hasAttachments ? 1 : 0, toDbTime(m.archivedAt)});
}

Result<qint64> ArchiveStore::messageCount(qint64 mailboxId) const
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE mailbox_id = ?"), {mailboxId});
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

Status ArchiveStore::forEachMessage(qint64 mailboxId,
                                    const std::function<Status(const StoredMessage &)> &visit) const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM messages m JOIN folders f ON f.id = m.folder_id"
                                      " WHERE m.mailbox_id = ? ORDER BY m.id")
                           .arg(kMessageColumns),
                       {mailboxId});
    if (!q)
        return q.error();
    while (q->next()) {
        if (Status st = visit(messageFromQuery(*q)); !st.ok())
            return st;
    }
    return {};
}

Result<StoredMessage> ArchiveStore::messageById(qint64 mailboxId, qint64 messageId) const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM messages m JOIN folders f ON f.id = m.folder_id"
                                      " WHERE m.mailbox_id = ? AND m.id = ?")
                           .arg(kMessageColumns),
                       {mailboxId, messageId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("no message %1 in this mailbox").arg(messageId));
    return messageFromQuery(*q);
}

namespace {
// A LIKE pattern (escape character '\') that finds text anywhere, every character of it literal.
QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

QString asciiLower(QString text)
{
    for (QChar &c : text) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return text;
}

// What LOWER(column) LIKE must match for the word to be found case-insensitively. PostgreSQL's
// LOWER() folds every letter, SQLite's only ASCII ones: there a second pattern, with the other
// letters upper-case, also finds words whose non-ASCII letters are capitals ("Über", "GRÜSSE").
QStringList wordPatterns(const QString &word)
{
    QStringList patterns{containsPattern(word.toLower())};
    const QString upperRest = containsPattern(asciiLower(word.toUpper()));
    if (upperRest != patterns.first())
        patterns.append(upperRest);
    return patterns;
}

// Database::exec() takes a fixed list; a search binds as many values as it has words.
Result<QSqlQuery> execBound(const Database &db, const QString &sql, const QVariantList &params)
{
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Error::database(QStringLiteral("cannot prepare '%1': %2").arg(sql, query.lastError().text()));
    for (const QVariant &p : params)
        query.addBindValue(p);
    if (!query.exec())
        return Error::database(QStringLiteral("'%1' failed: %2").arg(sql, query.lastError().text()));
    return query;
}
} // namespace

Result<MessageSearchPage> ArchiveStore::searchMessages(qint64 mailboxId, const MessageSearch &search) const
{
    if (search.limit < 1)
        return Error::invalid(QStringLiteral("limit must be at least 1"), QStringLiteral("limit"));
    if (search.offset < 0)
        return Error::invalid(QStringLiteral("offset must not be negative"), QStringLiteral("offset"));

    // Only placeholders carry the caller's text; the SQL itself is built from constants.
    QString where = QStringLiteral(" WHERE m.mailbox_id = ?");
    QVariantList params{mailboxId};
    if (!search.folder.isEmpty()) {
        where += QStringLiteral(" AND f.path = ?");
        params.append(search.folder);
    }
    static const QStringList columns{QStringLiteral("m.subject"), QStringLiteral("m.from_addr"),
                                     QStringLiteral("m.to_addr"), QStringLiteral("m.cc_addr")};
    const QStringList words =
        search.text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        QStringList anyColumn;
        for (const QString &pattern : wordPatterns(word)) {
            for (const QString &column : columns) {
                anyColumn.append(QStringLiteral("LOWER(%1) LIKE ? ESCAPE '\\'").arg(column));
                params.append(pattern);
            }
        }
        where += QStringLiteral(" AND (%1)").arg(anyColumn.join(QStringLiteral(" OR ")));
    }
    const QString from = QStringLiteral(" FROM messages m JOIN folders f ON f.id = m.folder_id");

    MessageSearchPage page;
    Result<QSqlQuery> count = execBound(m_db, QStringLiteral("SELECT COUNT(*)") + from + where, params);
    if (!count)
        return count.error();
    if (count->next())
        page.total = count->value(0).toLongLong();
    if (page.total <= search.offset)
        return page;

    params.append(search.limit);
    params.append(search.offset);
    Result<QSqlQuery> rows = execBound(
        m_db,
        QStringLiteral("SELECT %1").arg(kMessageColumns) + from + where +
            QStringLiteral(" ORDER BY m.sent_at IS NULL, m.sent_at DESC, m.id DESC LIMIT ? OFFSET ?"),
        params);
    if (!rows)
        return rows.error();
    while (rows->next())
        page.messages.append(messageFromQuery(*rows));
    return page;
}

Result<qint64> ArchiveStore::beginArchiveRun(qint64 mailboxId, const QString &source, const QDateTime &now)
{
    return m_db.insert(
        QStringLiteral(
            "INSERT INTO archive_runs (mailbox_id, source, started_at) VALUES (?, ?, ?) RETURNING id"),
        {mailboxId, source, toDbTime(now)});
}

Status ArchiveStore::finishArchiveRun(qint64 runId, const ArchiveRunCounts &counts, bool failed,
                                      const QString &error, const QDateTime &now)
{
    auto q = m_db.exec(QStringLiteral("UPDATE archive_runs SET finished_at = ?, status = ?, archived = ?,"
                                      " duplicates = ?, unreadable = ?, bytes = ?, error = ? WHERE id = ?"),
                       {toDbTime(now), failed ? QStringLiteral("failed") : QStringLiteral("done"),
                        counts.archived, counts.duplicates, counts.unreadable, counts.bytes, error, runId});
    if (!q)
        return q.error();
    return {};
}

} // namespace ArchiveSync
