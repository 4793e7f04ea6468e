// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/MailboxStore.h"

#include "core/common/FileUtil.h"
#include "core/common/Logging.h"
#include "core/common/Sha256.h"
#include "core/localstore/IndexTerms.h"
#include "core/localstore/MessageCipher.h"
#include "core/mime/MessageText.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

namespace ArchiveSync {

namespace {

const QString kDatabaseFile = QStringLiteral("mailbox.db");
// A value sealed with the device key when the copy is created: opening the copy with another key
// fails at once, rather than message by message.
const QString kKeyCheckName = QStringLiteral("store.key-check");
const QByteArray kKeyCheckPlain = QByteArrayLiteral("ArchiveSync local store key check");
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("archivesync-mailboxstore-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString sqlError(const QSqlError &error)
{
    return error.text().trimmed();
}

struct Migration
{
    int version;
    QList<const char *> statements;
};

// Step-wise: a released step never changes; a new schema is a new step.
const QList<Migration> &migrations()
{
    static const QList<Migration> steps{
        {1,
         {"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
          "CREATE TABLE segments(sha256 TEXT PRIMARY KEY, sequence INTEGER NOT NULL, kind TEXT NOT NULL, "
          "folder TEXT NOT NULL, messages INTEGER NOT NULL, applied_at INTEGER NOT NULL)",
          // fts_body: whether the fts row holds the text of data (1) or an empty body (0). It is what
          // lets a delete give FTS5 the values it indexed, which a contentless table cannot recall.
          "CREATE TABLE messages(id INTEGER PRIMARY KEY, folder TEXT NOT NULL, folder_kind TEXT NOT NULL, "
          "message_id TEXT NOT NULL, sender TEXT NOT NULL, recipients TEXT NOT NULL, cc TEXT NOT NULL, "
          "subject TEXT NOT NULL, date INTEGER, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
          "entry_sha256 TEXT NOT NULL, is_signed INTEGER NOT NULL, is_encrypted INTEGER NOT NULL, "
          "has_attachments INTEGER NOT NULL, whole INTEGER NOT NULL, fts_body INTEGER NOT NULL, "
          "data BLOB NOT NULL, index_segment TEXT NOT NULL, body_segment TEXT)",
          "CREATE INDEX messages_folder_date ON messages(folder, date DESC, id DESC)",
          "CREATE INDEX messages_date ON messages(date DESC, id DESC)",
          "CREATE VIRTUAL TABLE fts USING fts5(subject, sender, recipients, body, content='', "
          "tokenize='unicode61 remove_diacritics 2')"}},
    };
    return steps;
}

const char *const kMessageColumns =
    "m.id, m.folder, m.folder_kind, m.message_id, m.sender, m.recipients, m.cc, "
    "m.subject, m.date, m.size, m.sha256, m.is_signed, m.is_encrypted, "
    "m.has_attachments, m.whole";

LocalMessage readMessage(const QSqlQuery &q)
{
    LocalMessage m;
    m.id = q.value(0).toLongLong();
    m.folder = q.value(1).toString();
    m.folderKind = q.value(2).toString();
    m.messageId = q.value(3).toString();
    m.from = q.value(4).toString();
    m.to = q.value(5).toString();
    m.cc = q.value(6).toString();
    m.subject = q.value(7).toString();
    if (!q.value(8).isNull())
        m.date = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    m.size = q.value(9).toLongLong();
    m.sha256 = q.value(10).toString();
    m.isSigned = q.value(11).toBool();
    m.isEncrypted = q.value(12).toBool();
    m.hasAttachments = q.value(13).toBool();
    m.whole = q.value(14).toBool();
    return m;
}

/// What one fts row holds; a delete must repeat exactly these values.
struct FtsValues
{
    QString subject;
    QString sender;
    QString recipients;
    QString body;
};

/// The columns of a messages row that decide its fts row.
struct IndexedRow
{
    qint64 id = 0;
    QString subject;
    QString sender;
    QString to;
    QString cc;
    QString sha256;
    bool ftsBody = false;
    QByteArray data;
};

QString recipientsText(const QString &to, const QString &cc)
{
    if (cc.isEmpty())
        return to;
    if (to.isEmpty())
        return cc;
    return to + QStringLiteral(", ") + cc;
}

/// Creates path 0600 if missing, so that SQLite (which gives -wal and -shm the database's mode)
/// never creates any of the files with the umask's wider permissions.
Status createPrivateFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::io(
            QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    ::close(fd);
    return {};
}

} // namespace

struct MailboxStore::Private
{
    Private(QString dir, const MessageCipher &c)
        : directory(std::move(dir))
        , connectionName(nextConnectionName())
        , cipher(c)
        , terms(c.deriveKey("archivesync local search terms v1"))
    {}

    QString directory;
    QString connectionName;
    const MessageCipher &cipher;
    IndexTerms terms; ///< what the fts table stores in place of words
    QSqlDatabase db;
    bool inApply = false;
    bool inTransaction = false;

    Result<QSqlQuery> exec(const QString &sql, const QVariantList &params = {}) const
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return Error::database(
                QStringLiteral("cannot prepare '%1': %2").arg(sql, sqlError(query.lastError())));
        for (const QVariant &p : params) {
            // A null QString binds as SQL NULL; text columns are NOT NULL, so absent text is ''.
            if (p.typeId() == QMetaType::QString && p.toString().isNull())
                query.addBindValue(QStringLiteral(""));
            else
                query.addBindValue(p);
        }
        if (!query.exec())
            return Error::database(QStringLiteral("'%1' failed: %2").arg(sql, sqlError(query.lastError())));
        return query;
    }
    Status run(const QString &sql, const QVariantList &params = {}) const
    {
        Result<QSqlQuery> q = exec(sql, params);
        if (!q)
            return q.error();
        return {};
    }

    Status begin()
    {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and
        // then writes can fail with SQLITE_BUSY without waiting if another connection writes.
        if (Status st = run(QStringLiteral("BEGIN IMMEDIATE")); !st)
            return st;
        inTransaction = true;
        return {};
    }
    Status commit()
    {
        if (Status st = run(QStringLiteral("COMMIT")); !st) {
            rollback();
            return st;
        }
        inTransaction = false;
        return {};
    }
    void rollback()
    {
        if (!inTransaction)
            return;
        inTransaction = false;
        if (Status st = run(QStringLiteral("ROLLBACK")); !st)
            qCWarning(lcLocalStore) << "rollback failed:" << st.errorString();
    }

    void restrictFiles() const
    {
        const QString base = QDir(directory).filePath(kDatabaseFile);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(base + suffix);
            if (file.exists() && !file.setPermissions(kOwnerOnly))
                qCWarning(lcLocalStore) << "cannot restrict the permissions of" << file.fileName();
        }
    }

    Status migrate();
    Status checkKey();

    Result<std::optional<IndexedRow>> indexedRow(qint64 id) const;
    /// The values the fts row of `row` was indexed with; nullopt when its text cannot be
    /// recovered (the sealed data is damaged). verifiedWhole: the message's bytes, already
    /// checked against its SHA-256, when the caller has them.
    std::optional<FtsValues> indexedValues(const IndexedRow &row,
                                           const QByteArray *verifiedWhole = nullptr) const;
    Status ftsInsert(qint64 id, const FtsValues &values) const;
    Status ftsDelete(qint64 id, const FtsValues &values) const;
    /// Removes the fts row of `row`, or rebuilds the whole index when its values are lost.
    Status ftsForget(const IndexedRow &row, bool &rebuildNeeded) const;
    Status rebuildFts() const;

    Result<QByteArray> openData(const QByteArray &sealed) const { return cipher.open(sealed); }

    /// Runs a change in a transaction of its own, unless it is part of a segment being applied.
    class WriteScope
    {
    public:
        explicit WriteScope(Private &d)
            : m_d(d)
        {}
        ~WriteScope()
        {
            if (m_own && !m_done)
                m_d.rollback();
        }
        Status begin()
        {
            if (m_d.inApply)
                return {};
            m_own = true;
            return m_d.begin();
        }
        Status commit()
        {
            m_done = true;
            return m_own ? m_d.commit() : Status();
        }

    private:
        Private &m_d;
        bool m_own = false;
        bool m_done = false;
    };
};

Status MailboxStore::Private::migrate()
{
    if (Status st =
            run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)"));
        !st)
        return st;
    int version = 0;
    {
        Result<QSqlQuery> q = exec(QStringLiteral("SELECT version FROM schema_version"));
        if (!q)
            return q.error();
        if (q->next())
            version = q->value(0).toInt();
    }
    const int latest = migrations().constLast().version;
    if (version > latest)
        return Error::conflict(
            QStringLiteral("the local copy in %1 was written by a newer version (schema %2)")
                .arg(directory)
                .arg(version));
    for (const Migration &step : migrations()) {
        if (step.version <= version)
            continue;
        if (Status st = begin(); !st)
            return st;
        for (const char *sql : step.statements) {
            if (Status st = run(QLatin1String(sql)); !st) {
                rollback();
                return st;
            }
        }
        Status st = run(QStringLiteral("DELETE FROM schema_version"));
        if (st)
            st = run(QStringLiteral("INSERT INTO schema_version(version) VALUES(?)"), {step.version});
        if (!st) {
            rollback();
            return st;
        }
        if (Status c = commit(); !c)
            return c;
        qCInfo(lcLocalStore) << "local copy" << directory << "migrated to schema" << step.version;
    }
    return {};
}

Status MailboxStore::Private::checkKey()
{
    Result<QSqlQuery> q = exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kKeyCheckName});
    if (!q)
        return q.error();
    if (q->next()) {
        const QByteArray sealed = QByteArray::fromBase64(q->value(0).toString().toLatin1());
        Result<QByteArray> plain = openData(sealed);
        if (!plain || *plain != kKeyCheckPlain)
            return Error::corrupt(
                QStringLiteral("the local copy in %1 was sealed with another device key").arg(directory));
        return {};
    }
    return run(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"),
               {kKeyCheckName, QString::fromLatin1(cipher.seal(kKeyCheckPlain).toBase64())});
}

Result<std::optional<IndexedRow>> MailboxStore::Private::indexedRow(qint64 id) const
{
    Result<QSqlQuery> q =
        exec(QStringLiteral(
                 "SELECT subject, sender, recipients, cc, sha256, fts_body, data FROM messages WHERE id = ?"),
             {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<IndexedRow>();
    IndexedRow row;
    row.id = id;
    row.subject = q->value(0).toString();
    row.sender = q->value(1).toString();
    row.to = q->value(2).toString();
    row.cc = q->value(3).toString();
    row.sha256 = q->value(4).toString();
    row.ftsBody = q->value(5).toBool();
    row.data = q->value(6).toByteArray();
    return std::optional<IndexedRow>(std::move(row));
}

std::optional<FtsValues> MailboxStore::Private::indexedValues(const IndexedRow &row,
                                                              const QByteArray *verifiedWhole) const
{
    FtsValues values{row.subject, row.sender, recipientsText(row.to, row.cc), QString()};
    if (!row.ftsBody)
        return values;
    if (verifiedWhole) {
        values.body = MessageText::extract(*verifiedWhole);
        return values;
    }
    Result<QByteArray> plain = openData(row.data);
    if (!plain || Sha256::hex(*plain) != row.sha256)
        return std::nullopt;
    values.body = MessageText::extract(*plain);
    return values;
}

Status MailboxStore::Private::ftsInsert(qint64 id, const FtsValues &v) const
{
    return run(
        QStringLiteral("INSERT INTO fts(rowid, subject, sender, recipients, body) VALUES(?, ?, ?, ?, ?)"),
        {id, terms.seal(v.subject), terms.seal(v.sender), terms.seal(v.recipients), terms.seal(v.body)});
}

Status MailboxStore::Private::ftsDelete(qint64 id, const FtsValues &v) const
{
    // SQLite 3.40 has no contentless_delete: FTS5 removes a row's terms only when told the values
    // it indexed, and wrong values corrupt the index.
    return run(
        QStringLiteral(
            "INSERT INTO fts(fts, rowid, subject, sender, recipients, body) VALUES('delete', ?, ?, ?, ?, ?)"),
        {id, terms.seal(v.subject), terms.seal(v.sender), terms.seal(v.recipients), terms.seal(v.body)});
}

Status MailboxStore::Private::ftsForget(const IndexedRow &row, bool &rebuildNeeded) const
{
    if (std::optional<FtsValues> old = indexedValues(row))
        return ftsDelete(row.id, *old);
    qCWarning(lcLocalStore) << "message" << row.id << "is damaged; the search index will be rebuilt";
    rebuildNeeded = true;
    return {};
}

Status MailboxStore::Private::rebuildFts() const
{
    if (Status st = run(QStringLiteral("INSERT INTO fts(fts) VALUES('delete-all')")); !st)
        return st;
    QList<qint64> ids;
    {
        Result<QSqlQuery> q = exec(QStringLiteral("SELECT id FROM messages ORDER BY id"));
        if (!q)
            return q.error();
        while (q->next())
            ids.append(q->value(0).toLongLong());
    }
    for (qint64 id : std::as_const(ids)) {
        Result<QSqlQuery> q =
            exec(QStringLiteral("SELECT subject, sender, recipients, cc, sha256, whole, data "
                                "FROM messages WHERE id = ?"),
                 {id});
        if (!q)
            return q.error();
        if (!q->next())
            continue;
        FtsValues values{q->value(0).toString(), q->value(1).toString(),
                         recipientsText(q->value(2).toString(), q->value(3).toString()), QString()};
        bool ftsBody = false;
        if (q->value(5).toBool()) {
            Result<QByteArray> plain = openData(q->value(6).toByteArray());
            // A damaged message is indexed without its text until it is repaired.
            if (plain && Sha256::hex(*plain) == q->value(4).toString()) {
                values.body = MessageText::extract(*plain);
                ftsBody = true;
            }
        }
        q->finish();
        if (Status st = ftsInsert(id, values); !st)
            return st;
        if (Status st =
                run(QStringLiteral("UPDATE messages SET fts_body = ? WHERE id = ?"), {ftsBody ? 1 : 0, id});
            !st)
            return st;
    }
    qCInfo(lcLocalStore) << "search index of" << directory << "rebuilt over" << ids.size() << "messages";
    return {};
}

MailboxStore::MailboxStore(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

MailboxStore::~MailboxStore()
{
    if (d->inTransaction)
        d->rollback();
    const QString name = d->connectionName;
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<MailboxStore>> MailboxStore::open(const QString &directory,
                                                         const MessageCipher &cipher)
{
    const QString dir = QFileInfo(directory).absoluteFilePath();
    if (Status st = FileUtil::makeDirectory(dir, 0700); !st)
        return st.error();
    const QString path = QDir(dir).filePath(kDatabaseFile);
    if (Status st = createPrivateFile(path); !st)
        return st.error();

    auto d = std::make_unique<Private>(dir, cipher);
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    // The store owns its connection from here: its destructor removes it on every path below.
    std::unique_ptr<MailboxStore> store(new MailboxStore(std::move(d)));
    Private &p = *store->d;
    p.db.setDatabaseName(path);
    p.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    if (!p.db.open())
        return Error::database(QStringLiteral("cannot open %1: %2").arg(path, sqlError(p.db.lastError())));

    {
        Result<QSqlQuery> q = p.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (!q)
            return q.error();
        if (!q->next() || q->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return Error::database(QStringLiteral("%1 cannot use write-ahead logging").arg(path));
    }
    // FULL: a committed segment survives a power cut, so it is never fetched and applied twice
    // half-way. temp_store: sorts and temporary indexes never leave memory.
    for (const char *pragma : {"PRAGMA synchronous=FULL", "PRAGMA temp_store=MEMORY"}) {
        if (Status st = p.run(QLatin1String(pragma)); !st)
            return st.error();
    }
    if (Status st = p.migrate(); !st)
        return st.error();
    if (Status st = p.checkKey(); !st)
        return st.error();
    p.restrictFiles();
    return store;
}

QString MailboxStore::directory() const
{
    return d->directory;
}

Status MailboxStore::setValue(const QString &key, const QString &value)
{
    return d->run(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                  {key, value});
}

QString MailboxStore::value(const QString &key) const
{
    Result<QSqlQuery> q = d->exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!q) {
        qCWarning(lcLocalStore) << q.errorString();
        return {};
    }
    return q->next() ? q->value(0).toString() : QString();
}

Status MailboxStore::beginApply()
{
    if (d->inApply)
        return Error::conflict(QStringLiteral("a segment is already being applied"));
    if (Status st = d->begin(); !st)
        return st;
    d->inApply = true;
    return {};
}

Status MailboxStore::commitApply()
{
    if (!d->inApply)
        return Error::conflict(QStringLiteral("no segment is being applied"));
    d->inApply = false;
    Status st = d->commit();
    // The first commit creates -wal and -shm; SQLite gives them the database's mode, this makes sure.
    d->restrictFiles();
    return st;
}

void MailboxStore::rollbackApply()
{
    if (!d->inApply)
        return;
    d->inApply = false;
    d->rollback();
}

Status MailboxStore::addMessage(const IndexRecord &record, QByteArrayView bytes, const QString &segmentSha256)
{
    if (record.type != IndexRecord::Type::Message || record.content == IndexRecord::Content::None)
        return Error::invalid(QStringLiteral("record %1 is not a message record").arg(record.id));
    if (record.id <= 0)
        return Error::invalid(QStringLiteral("message id %1 is not positive").arg(record.id));
    const bool whole = record.content == IndexRecord::Content::Whole;
    const QString expected = whole ? record.sha256 : record.entrySha256;
    if (Sha256::hex(bytes) != expected)
        return Error::corrupt(
            QStringLiteral("the bytes of message %1 do not match their SHA-256").arg(record.id));

    Private::WriteScope scope(*d);
    if (Status st = scope.begin(); !st)
        return st;
    Result<std::optional<IndexedRow>> old = d->indexedRow(record.id);
    if (!old)
        return old.error();
    bool rebuild = false;
    if (old->has_value()) {
        if (Status st = d->ftsForget(**old, rebuild); !st)
            return st;
    }
    QVariant date; // invalid binds as NULL
    if (record.date.isValid())
        date = record.date.toMSecsSinceEpoch();
    Status st = d->run(
        QStringLiteral(
            "INSERT OR REPLACE INTO messages(id, folder, folder_kind, message_id, sender, recipients, cc, "
            "subject, date, size, sha256, entry_sha256, is_signed, is_encrypted, has_attachments, whole, "
            "fts_body, data, index_segment, body_segment) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"),
        {record.id, record.folder, record.folderKind, record.messageId, record.from, record.to, record.cc,
         record.subject, date, record.size, record.sha256, record.entrySha256, record.isSigned ? 1 : 0,
         record.isEncrypted ? 1 : 0, record.hasAttachments ? 1 : 0, whole ? 1 : 0, whole ? 1 : 0,
         d->cipher.seal(bytes), segmentSha256});
    if (!st)
        return st;
    if (rebuild) {
        st = d->rebuildFts();
    } else {
        const QString body = whole ? MessageText::extract(bytes) : QString();
        st = d->ftsInsert(record.id,
                          {record.subject, record.from, recipientsText(record.to, record.cc), body});
    }
    if (!st)
        return st;
    return scope.commit();
}

Status MailboxStore::addBody(const IndexRecord &record, QByteArrayView whole, const QString &segmentSha256)
{
    const QString hash = Sha256::hex(whole);
    if (hash != record.entrySha256)
        return Error::corrupt(
            QStringLiteral("the body of message %1 does not match its SHA-256").arg(record.id));

    Private::WriteScope scope(*d);
    if (Status st = scope.begin(); !st)
        return st;
    Result<std::optional<IndexedRow>> found = d->indexedRow(record.id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return scope.commit(); // excluded, or deleted since: nothing to complete
    const IndexedRow &row = **found;
    if (row.sha256 != hash)
        return Error::corrupt(
            QStringLiteral("the body of message %1 is not the message indexed").arg(record.id));

    const QByteArray bytes = whole.toByteArray();
    // Same bytes, same text: an fts row that already holds it stays as it is.
    if (!row.ftsBody) {
        bool rebuild = false;
        if (Status st = d->ftsForget(row, rebuild); !st)
            return st;
        FtsValues values{row.subject, row.sender, recipientsText(row.to, row.cc),
                         MessageText::extract(bytes)};
        if (Status st = d->ftsInsert(row.id, values); !st)
            return st;
    }
    if (Status st =
            d->run(QStringLiteral("UPDATE messages SET data = ?, whole = 1, fts_body = 1, body_segment = ? "
                                  "WHERE id = ?"),
                   {d->cipher.seal(bytes), segmentSha256, row.id});
        !st)
        return st;
    return scope.commit();
}

Status MailboxStore::removeMessage(qint64 id)
{
    Private::WriteScope scope(*d);
    if (Status st = scope.begin(); !st)
        return st;
    Result<std::optional<IndexedRow>> found = d->indexedRow(id);
    if (!found)
        return found.error();
    if (!found->has_value())
        return scope.commit();
    bool rebuild = false;
    if (Status st = d->ftsForget(**found, rebuild); !st)
        return st;
    if (Status st = d->run(QStringLiteral("DELETE FROM messages WHERE id = ?"), {id}); !st)
        return st;
    if (rebuild) {
        if (Status st = d->rebuildFts(); !st)
            return st;
    }
    return scope.commit();
}

Status MailboxStore::repairMessage(qint64 id, QByteArrayView bytes, bool whole)
{
    Private::WriteScope scope(*d);
    if (Status st = scope.begin(); !st)
        return st;
    Result<QSqlQuery> q =
        d->exec(QStringLiteral("SELECT sha256, entry_sha256 FROM messages WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("message %1 is not in the local copy").arg(id));
    const QString expected = whole ? q->value(0).toString() : q->value(1).toString();
    q->finish();
    if (Sha256::hex(bytes) != expected)
        return Error::corrupt(
            QStringLiteral("the bytes given for message %1 do not match its SHA-256").arg(id));
    Result<std::optional<IndexedRow>> found = d->indexedRow(id);
    if (!found)
        return found.error();
    const IndexedRow &row = **found;
    const QByteArray plain = bytes.toByteArray();

    // The stored data is damaged, so the indexed text is recovered from the good bytes when they
    // are the whole message (same hash, same text); otherwise the index is rebuilt.
    bool rebuild = false;
    std::optional<FtsValues> old = d->indexedValues(row, whole ? &plain : nullptr);
    Status st;
    if (!old) {
        rebuild = true;
    } else if (row.ftsBody != whole) {
        st = d->ftsDelete(id, *old);
        if (st) {
            FtsValues values = *old;
            values.body = whole ? MessageText::extract(plain) : QString();
            st = d->ftsInsert(id, values);
        }
    }
    if (!st)
        return st;
    st = d->run(QStringLiteral("UPDATE messages SET data = ?, whole = ?, fts_body = ? WHERE id = ?"),
                {d->cipher.seal(plain), whole ? 1 : 0, whole ? 1 : 0, id});
    if (st && rebuild)
        st = d->rebuildFts();
    if (!st)
        return st;
    return scope.commit();
}

Status MailboxStore::recordSegment(const SegmentInfo &segment)
{
    return d->run(QStringLiteral(
                      "INSERT OR REPLACE INTO segments(sha256, sequence, kind, folder, messages, applied_at) "
                      "VALUES(?, ?, ?, ?, ?, ?)"),
                  {segment.sha256, segment.sequence, segmentKindName(segment.kind), segment.folder,
                   segment.messages, QDateTime::currentMSecsSinceEpoch()});
}

Status MailboxStore::forgetSegment(const QString &sha256)
{
    return d->run(QStringLiteral("DELETE FROM segments WHERE sha256 = ?"), {sha256});
}

Result<QSet<QString>> MailboxStore::appliedSegments() const
{
    Result<QSqlQuery> q = d->exec(QStringLiteral("SELECT sha256 FROM segments"));
    if (!q)
        return q.error();
    QSet<QString> result;
    while (q->next())
        result.insert(q->value(0).toString());
    return result;
}

Result<qint64> MailboxStore::messageCount() const
{
    Result<QSqlQuery> q = d->exec(QStringLiteral("SELECT count(*) FROM messages"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<LocalMessage> MailboxStore::message(qint64 id) const
{
    Result<QSqlQuery> q = d->exec(
        QStringLiteral("SELECT %1 FROM messages m WHERE m.id = ?").arg(QLatin1String(kMessageColumns)), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("message %1 is not in the local copy").arg(id));
    return readMessage(*q);
}

Result<QByteArray> MailboxStore::messageBytes(qint64 id) const
{
    Result<QSqlQuery> q =
        d->exec(QStringLiteral("SELECT whole, sha256, entry_sha256, data FROM messages WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("message %1 is not in the local copy").arg(id));
    const QString expected = q->value(0).toBool() ? q->value(1).toString() : q->value(2).toString();
    Result<QByteArray> plain = d->openData(q->value(3).toByteArray());
    if (!plain)
        return Error::corrupt(QStringLiteral("message %1 is damaged: %2").arg(id).arg(plain.errorString()));
    if (Sha256::hex(*plain) != expected)
        return Error::corrupt(QStringLiteral("message %1 is damaged: it does not match its SHA-256").arg(id));
    return plain;
}

Result<QList<LocalFolder>> MailboxStore::folders() const
{
    Result<QSqlQuery> q = d->exec(QStringLiteral("SELECT folder, max(folder_kind), count(*), sum(whole) FROM "
                                                 "messages GROUP BY folder ORDER BY folder"));
    if (!q)
        return q.error();
    QList<LocalFolder> result;
    while (q->next())
        result.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(),
                       q->value(3).toLongLong()});
    return result;
}

Result<QList<LocalMessage>> MailboxStore::messages(const QString &folder, int limit, qint64 offset) const
{
    const QString columns = QLatin1String(kMessageColumns);
    Result<QSqlQuery> q =
        folder.isEmpty()
            ? d->exec(
                  QStringLiteral("SELECT %1 FROM messages m ORDER BY m.date DESC, m.id DESC LIMIT ? OFFSET ?")
                      .arg(columns),
                  {limit, offset})
            : d->exec(QStringLiteral("SELECT %1 FROM messages m WHERE m.folder = ? "
                                     "ORDER BY m.date DESC, m.id DESC LIMIT ? OFFSET ?")
                          .arg(columns),
                      {folder, limit, offset});
    if (!q)
        return q.error();
    QList<LocalMessage> result;
    while (q->next())
        result.append(readMessage(*q));
    return result;
}

Result<QList<LocalMessage>> MailboxStore::search(const SearchQuery &query, int limit) const
{
    QStringList conditions;
    QVariantList params;
    // The index holds sealed terms: the query's words are sealed the same way.
    const QString match = query.ftsMatch([this](const QString &words) {
        const QString sealed = d->terms.seal(words);
        return sealed.isEmpty() ? IndexTerms::noTerm() : sealed;
    });
    if (!match.isEmpty()) {
        conditions << QStringLiteral("fts MATCH ?");
        params << match;
    }
    if (!query.folders.isEmpty()) {
        // Folder names are compared in Qt: SQLite's lower() and LIKE fold ASCII only.
        QStringList all;
        {
            Result<QSqlQuery> q = d->exec(QStringLiteral("SELECT DISTINCT folder FROM messages"));
            if (!q)
                return q.error();
            while (q->next())
                all << q->value(0).toString();
        }
        QStringList wanted;
        for (const QString &folder : std::as_const(all)) {
            const bool inAll =
                std::all_of(query.folders.cbegin(), query.folders.cend(), [&](const QString &f) {
                    return folder.compare(f, Qt::CaseInsensitive) == 0 ||
                           folder.startsWith(f + QLatin1Char('/'), Qt::CaseInsensitive);
                });
            if (inAll)
                wanted << folder;
        }
        if (wanted.isEmpty())
            return QList<LocalMessage>();
        QStringList marks;
        for (const QString &folder : std::as_const(wanted)) {
            marks << QStringLiteral("?");
            params << folder;
        }
        conditions << QStringLiteral("m.folder IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (query.after.isValid()) {
        conditions << QStringLiteral("m.date >= ?");
        params << query.after.toMSecsSinceEpoch();
    }
    if (query.before.isValid()) {
        conditions << QStringLiteral("m.date < ?");
        params << query.before.toMSecsSinceEpoch();
    }
    params << limit;
    const QString where = conditions.isEmpty()
                              ? QString()
                              : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    // A match in the subject or sender says more about a message than one in its text.
    const QString sql =
        match.isEmpty()
            ? QStringLiteral("SELECT %1 FROM messages m%2 ORDER BY m.date DESC, m.id DESC LIMIT ?")
                  .arg(QLatin1String(kMessageColumns), where)
            : QStringLiteral("SELECT %1 FROM fts JOIN messages m ON m.id = fts.rowid%2 "
                             "ORDER BY bm25(fts, 4.0, 2.0, 2.0, 1.0), m.date DESC, m.id DESC LIMIT ?")
                  .arg(QLatin1String(kMessageColumns), where);
    Result<QSqlQuery> q = d->exec(sql, params);
    if (!q)
        return q.error();
    QList<LocalMessage> result;
    while (q->next())
        result.append(readMessage(*q));
    return result;
}

Status MailboxStore::integrityCheck() const
{
    {
        Result<QSqlQuery> q = d->exec(QStringLiteral("PRAGMA integrity_check"));
        if (!q)
            return q.error();
        QStringList problems;
        while (q->next() && problems.size() < 10)
            problems << q->value(0).toString();
        if (problems != QStringList{QStringLiteral("ok")})
            return Error::corrupt(QStringLiteral("the database in %1 is damaged: %2")
                                      .arg(d->directory, problems.join(QStringLiteral("; "))));
    }
    // On a contentless table (SQLite 3.40) this checks the index's own structure and counts;
    // there is no content to compare it with.
    if (Status st = d->run(QStringLiteral("INSERT INTO fts(fts) VALUES('integrity-check')")); !st)
        return Error::corrupt(
            QStringLiteral("the search index in %1 is damaged: %2").arg(d->directory, st.errorString()));
    return {};
}

Result<QList<DamagedMessage>> MailboxStore::verify() const
{
    Result<QSqlQuery> q = d->exec(QStringLiteral("SELECT id, whole, sha256, entry_sha256, data, "
                                                 "index_segment, body_segment FROM messages ORDER BY id"));
    if (!q)
        return q.error();
    QList<DamagedMessage> damaged;
    while (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        const bool whole = q->value(1).toBool();
        const QString expected = whole ? q->value(2).toString() : q->value(3).toString();
        QString reason;
        Result<QByteArray> plain = d->openData(q->value(4).toByteArray());
        if (!plain)
            reason = plain.errorString();
        else if (Sha256::hex(*plain) != expected)
            reason = whole ? QStringLiteral("the message does not match its SHA-256")
                           : QStringLiteral("the header block does not match its SHA-256");
        if (!reason.isEmpty())
            damaged.append({id, q->value(5).toString(), q->value(6).toString(), reason});
    }
    if (!damaged.isEmpty())
        qCWarning(lcLocalStore) << damaged.size() << "damaged messages in" << d->directory;
    return damaged;
}

} // namespace ArchiveSync
