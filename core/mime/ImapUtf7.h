// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ArchiveSync::ImapUtf7 {

/// \brief Encodes a mailbox name in IMAP's modified UTF-7 (RFC 3501 5.1.3), as Maildir++ names are.
QString encode(const QString &name);
/// \brief Decodes modified UTF-7; a malformed shift sequence is kept as it stands.
QString decode(const QString &encoded);

} // namespace ArchiveSync::ImapUtf7
