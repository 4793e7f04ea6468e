// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ArchiveSync {

/// \brief A message taken apart for display: its body (plain text and/or HTML) and its attachments.
///
/// Nothing here is rendered or trusted: HTML is handed over as text for a viewer that blocks remote
/// content; attachment names are the sender's and must not become paths unchecked.
struct MessageContent
{
    struct Attachment
    {
        QString fileName; ///< as the sender named it (may be empty)
        QString mimeType;
        QByteArray data; ///< transfer encoding undone
    };

    QString plainText;
    QString html;
    QList<Attachment> attachments;

    /// Broken mail gives what could be read, never an error.
    static MessageContent parse(QByteArrayView raw);
};

} // namespace ArchiveSync
