// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/mime/MessageParser.h"
#include "core/model/FolderKind.h"
#include "service/store/Database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ArchiveSync {

enum class StorageKind
{
    Disk,
    StorageManager, ///< hierarchical storage: content may be offline, so no offline sync from it
};

QString storageKindName(StorageKind kind);
std::optional<StorageKind> storageKindFromName(QStringView name);

struct StorageRepository
{
    qint64 id = 0;
    QString name;
    StorageKind kind = StorageKind::Disk;
    QString path;
};

struct Mailbox
{
    qint64 id = 0;
    QString address;
    QString displayName;
    qint64 defaultStorageId = 0;
    bool managed = false;
    QDateTime created;
};

/// \brief One archived message as the store knows it (content lives in a BlobStore).
struct StoredMessage
{
    qint64 id = 0;
    qint64 mailboxId = 0;
    qint64 folderId = 0;
    QString folder;
    FolderKind folderKind = FolderKind::Mail;
    qint64 storageId = 0;
    QString sha256;
    qint64 size = 0;
    MessageMetadata meta;
    QDateTime archivedAt;
};

/// \brief The counts of one archive run.
struct ArchiveRunCounts
{
    int archived = 0;
    int duplicates = 0;
    int unreadable = 0;
    qint64 bytes = 0;
};

/// \brief A header search over one mailbox's archived messages.
struct MessageSearch
{
    /// Words separated by white space; each must occur, case-insensitively, in the subject, From, To
    /// or Cc. No words: every message. Characters are literal (% and _ are no wildcards).
    QString text;
    QString folder; ///< exact folder path; empty: every folder
    int limit = 50;
    qint64 offset = 0;
};

/// \brief One page of a search: the messages newest first, and how many match in all.
struct MessageSearchPage
{
    qint64 total = 0;
    QList<StoredMessage> messages;
};

/// \brief Mailboxes, folders, storage repositories, archived messages and archive runs.
class ArchiveStore
{
public:
    explicit ArchiveStore(Database &db)
        : m_db(db)
    {}

    Database &database() { return m_db; }

    // Storage repositories
    Result<StorageRepository> ensureStorage(const QString &name, StorageKind kind, const QString &path);
    Result<QList<StorageRepository>> storageRepositories() const;
    Result<std::optional<StorageRepository>> storageByName(const QString &name) const;
    Result<StorageRepository> storageById(qint64 id) const;

    // Mailboxes
    Result<std::optional<Mailbox>> mailboxByAddress(const QString &address) const;
    Result<Mailbox> mailboxById(qint64 id) const;
    /// Finds the mailbox or creates it (unmanaged, so it shows in the directory).
    Result<Mailbox> ensureMailbox(const QString &address, qint64 defaultStorageId, const QDateTime &now);
    Result<QList<Mailbox>> mailboxes() const;
    Status setDefaultStorage(qint64 mailboxId, qint64 storageId);
    Status setManaged(qint64 mailboxId, bool managed);
    /// The name people see for the mailbox; trimmed, at most 256 characters (Invalid, field
    /// "displayName"). NotFound for an unknown mailbox.
    Status setDisplayName(qint64 mailboxId, const QString &displayName);
    /// The storage repositories that hold at least one of the mailbox's messages.
    Result<QList<StorageRepository>> storageOfMailboxMessages(qint64 mailboxId) const;

    // Folders and messages
    Result<qint64> ensureFolder(qint64 mailboxId, const QString &path, FolderKind kind);
    Result<bool> hasMessage(qint64 folderId, const QString &sha256) const;
    Result<qint64> insertMessage(const StoredMessage &message, qint64 archiveRunId);
    Result<qint64> messageCount(qint64 mailboxId) const;
    /// Streams every message of a mailbox in id order (no content).
    Status forEachMessage(qint64 mailboxId, const std::function<Status(const StoredMessage &)> &visit) const;
    Result<StoredMessage> messageById(qint64 mailboxId, qint64 messageId) const;
    /// The messages matching search, by date (newest first; undated last), then id.
    Result<MessageSearchPage> searchMessages(qint64 mailboxId, const MessageSearch &search) const;

    // Archive runs
    Result<qint64> beginArchiveRun(qint64 mailboxId, const QString &source, const QDateTime &now);
    Status finishArchiveRun(qint64 runId, const ArchiveRunCounts &counts, bool failed, const QString &error,
                            const QDateTime &now);

private:
    static StoredMessage messageFromQuery(const QSqlQuery &q);
    Database &m_db;
};

/// Milliseconds since the epoch for the store; null for an invalid time.
QVariant toDbTime(const QDateTime &t);
QDateTime fromDbTime(const QVariant &v);

} // namespace ArchiveSync
