// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/localstore/SearchQuery.h"
#include "core/repository/IndexRecord.h"
#include "core/repository/Manifest.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace ArchiveSync {

class MessageCipher;

/// \brief One archived message as the laptop holds it.
struct LocalMessage
{
    qint64 id = 0; ///< the archive's id, as in the repository and in links
    QString folder;
    QString folderKind;
    QString messageId;
    QString from;
    QString to;
    QString cc;
    QString subject;
    QDateTime date; ///< UTC; invalid when the message has no readable Date
    qint64 size = 0;
    QString sha256; ///< of the whole message
    bool isSigned = false;
    bool isEncrypted = false;
    bool hasAttachments = false;
    bool whole = false; ///< the whole message is here; otherwise only its header block
    bool operator==(const LocalMessage &) const = default;
};

/// \brief A folder of the local copy with its message counts.
struct LocalFolder
{
    QString path;
    QString kind;
    qint64 messages = 0;
    qint64 wholeMessages = 0;
    bool operator==(const LocalFolder &) const = default;
};

/// \brief A stored message whose bytes fail their check, and the segments that can restore them.
struct DamagedMessage
{
    qint64 id = 0;
    QString indexSegment; ///< sha256 of the index segment that added it
    QString bodySegment;  ///< sha256 of the bodies segment that completed it; empty if none
    QString reason;
};

/// \brief One generation of one mailbox's local copy: an SQLite database in its own directory.
///
/// Messages with their header fields (readable, for lists and search results), their bytes sealed
/// with the device key (the whole message, or its header block when only headers are here), a
/// contentless FTS5 index (terms, not text) over subject, sender, recipients and the message text,
/// and the segments applied so far. WAL mode, synchronous=FULL; directory 0700, files 0600.
///
/// A segment is applied between beginApply() and commitApply(): all of it or nothing. One
/// MailboxStore is used from the thread that opened it.
class MailboxStore
{
public:
    ~MailboxStore();
    MailboxStore(const MailboxStore &) = delete;
    MailboxStore &operator=(const MailboxStore &) = delete;

    /// Opens, or creates, the copy in directory. The cipher must outlive the store.
    static Result<std::unique_ptr<MailboxStore>> open(const QString &directory, const MessageCipher &cipher);
    QString directory() const;

    /// Small facts about the copy (mailbox address, generation, manifest revision...).
    Status setValue(const QString &key, const QString &value);
    QString value(const QString &key) const;

    Status beginApply();
    Status commitApply();
    void rollbackApply();

    /// A Message record of segment `segmentSha256`. bytes is the whole message when record.content
    /// is Whole, otherwise its header block. A message already here is replaced.
    Status addMessage(const IndexRecord &record, QByteArrayView bytes, const QString &segmentSha256);
    /// A Body record: completes a message held as headers. No message with that id (excluded, or
    /// deleted since): nothing to do, and no error.
    Status addBody(const IndexRecord &record, QByteArrayView whole, const QString &segmentSha256);
    /// A Tombstone: the message goes, from the index too. A missing message is no error.
    Status removeMessage(qint64 id);
    /// Replaces a damaged message's stored bytes (see verify()); the bytes were checked by the caller.
    Status repairMessage(qint64 id, QByteArrayView bytes, bool whole);
    Status recordSegment(const SegmentInfo &segment);
    /// Forgets that a segment was applied (so that it is fetched again).
    Status forgetSegment(const QString &sha256);

    Result<QSet<QString>> appliedSegments() const;
    Result<qint64> messageCount() const;
    Result<LocalMessage> message(qint64 id) const;
    /// The bytes held: the whole message, or its header block when message(id).whole is false.
    Result<QByteArray> messageBytes(qint64 id) const;
    Result<QList<LocalFolder>> folders() const;
    /// Newest first.
    Result<QList<LocalMessage>> messages(const QString &folder, int limit, qint64 offset) const;
    /// Best matches first, then newest.
    Result<QList<LocalMessage>> search(const SearchQuery &query, int limit) const;

    /// SQLite's integrity_check and the FTS index's own check.
    Status integrityCheck() const;
    /// Opens every stored message and checks it against its SHA-256; lists those that fail.
    Result<QList<DamagedMessage>> verify() const;

private:
    struct Private;
    explicit MailboxStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace ArchiveSync
