// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

namespace ArchiveSync {

/// \brief The readable text of a message, for the local full-text index.
///
/// Text parts are decoded (transfer encoding and charset) with GMime; HTML parts are reduced to
/// their text (no tags, scripts or styles; entities decoded). Attachments are skipped. The result is
/// a pure function of the bytes: the index relies on getting the same text again when it deletes.
class MessageText
{
public:
    static constexpr qsizetype kDefaultMaxChars = 1024 * 1024;

    /// At most maxChars characters; broken mail gives whatever could be read, never an error.
    static QString extract(QByteArrayView raw, qsizetype maxChars = kDefaultMaxChars);
    /// The text of an HTML document or fragment.
    static QString htmlToText(QStringView html);
};

} // namespace ArchiveSync
