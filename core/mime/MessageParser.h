// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ArchiveSync {

/// \brief What the archive records about one message, read from its raw bytes.
struct MessageMetadata
{
    QString messageId; ///< without the angle brackets; empty when the message has none
    QString from;      ///< decoded display form, "Name <addr>, ..."
    QString to;
    QString cc;
    QString subject; ///< decoded from RFC 2047
    QDateTime date;  ///< UTC; invalid when the message has no readable Date
    bool isSigned = false;
    bool isEncrypted = false;
    bool hasAttachments = false;
    /// False when the MIME structure could not be read; the header fields are then best effort.
    bool structureReadable = true;
};

/// \brief Reads mail with GMime: metadata for the archive, and cheap checks on raw bytes.
///
/// Broken mail is the normal case in archives, so parse() never fails: it returns whatever
/// it can read and the caller archives the bytes as they are.
class MessageParser
{
public:
    static MessageMetadata parse(QByteArrayView raw);

    /// Whether bytes look like an RFC 5322 message (header fields first), as opposed to some
    /// other file (an image, an index file, a text document) found among mail.
    static bool looksLikeMail(QByteArrayView head);

    /// Length of the header block including the blank line that ends it (the whole message
    /// when there is no body).
    static qsizetype headerBlockLength(QByteArrayView raw);
};

} // namespace ArchiveSync
