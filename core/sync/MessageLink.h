// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QUrl>

namespace ArchiveSync {

/// \brief A link to one archived message: `archivesync://<server>/<mailbox>/<message>`.
///
/// server is the service's host[:port], mailbox the address (percent-encoded where needed), message
/// the archive id. Stubs left in mailboxes and the agent's search results carry such links.
struct MessageLink
{
    QString server; ///< host[:port]
    QString mailbox;
    qint64 message = 0;

    static Result<MessageLink> parse(const QString &text);
    /// The link for a message on the service at serviceUrl (its host and port are kept).
    static MessageLink forMessage(const QUrl &serviceUrl, const QString &mailbox, qint64 message);
    QString toString() const;
    /// Whether the link names the service at serviceUrl.
    bool isFor(const QUrl &serviceUrl) const;
    bool operator==(const MessageLink &) const = default;
};

} // namespace ArchiveSync
