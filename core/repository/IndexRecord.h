// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ArchiveSync {

/// \brief One line of a segment's index.jsonl: a message, a tombstone, or a body.
///
/// An index segment carries a Message record for every message added in its update and a
/// Tombstone for every message removed. A Message's content is Whole (the full message is an
/// entry of this segment), Headers (only its header block is here: the body stays on the
/// server) or Bodies (its header block is here and the full message is in the folder's bodies
/// segment of the same update). A bodies segment carries one Body record per full message.
struct IndexRecord
{
    enum class Type
    {
        Message,
        Tombstone,
        Body,
    };
    enum class Content
    {
        None,
        Whole,
        Headers,
        Bodies,
    };

    Type type = Type::Message;
    qint64 id = 0; ///< the message's archive id, stable for the mailbox's lifetime
    QString folder;
    QString folderKind;
    QString messageId;
    QString from;
    QString to;
    QString cc;
    QString subject;
    QDateTime date;
    qint64 size = 0; ///< the full message's size
    QString sha256;  ///< the full message's SHA-256
    bool isSigned = false;
    bool isEncrypted = false;
    bool hasAttachments = false;
    Content content = Content::None;
    QString entry; ///< the tar entry holding this record's bytes; empty for tombstones
    qint64 entrySize = 0;
    QString entrySha256; ///< SHA-256 of the entry's bytes (the header block, or the whole message)

    QJsonObject toJson() const;
    /// Strict: every field checked, the entry name must be the one the id implies.
    static Result<IndexRecord> fromJson(const QJsonObject &json);

    static QString wholeEntryName(qint64 id);
    static QString headersEntryName(qint64 id);
};

QString indexContentName(IndexRecord::Content content);

} // namespace ArchiveSync
