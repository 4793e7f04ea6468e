// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ArchiveSync::Testing {

/// \brief The fixed "now" of the unit tests: 2026-05-04T12:00:00Z.
extern const QDateTime kNow;

/// \brief A small RFC 5322 message from Alice to Bob; the Message-ID is "<subject@example.org>".
QByteArray fixtureMail(const QByteArray &subject, const QByteArray &date = "Mon, 20 Apr 2026 10:00:00 +0000",
                       const QByteArray &body = "Hello.\n", const QByteArray &extraHeaders = {});

/// \brief Writes data to path, creating the parent directories; true when every byte was written.
bool writeFile(const QString &path, const QByteArray &data);

/// \brief Creates the cur, new and tmp directories of a Maildir at dir.
bool makeMaildir(const QString &dir);

} // namespace ArchiveSync::Testing
