// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>

namespace ArchiveSync {

/// \brief Seals message bytes for storage on the laptop (libsodium secretbox, XSalsa20-Poly1305).
///
/// Each sealed value is a fresh random nonce followed by the authenticated ciphertext, so equal
/// messages never give equal bytes on disk, and any change to stored bytes is detected on open.
class MessageCipher
{
public:
    static constexpr int kKeyBytes = 32;

    /// key must be kKeyBytes long (check with isValidKey()).
    explicit MessageCipher(QByteArray key);
    ~MessageCipher();
    MessageCipher(const MessageCipher &) = delete;
    MessageCipher &operator=(const MessageCipher &) = delete;

    static bool isValidKey(const QByteArray &key) { return key.size() == kKeyBytes; }
    /// A new random key.
    static QByteArray generateKey();

    QByteArray seal(QByteArrayView plain) const;
    /// A key of kKeyBytes for another purpose (named by `context`), derived one-way from this one.
    QByteArray deriveKey(QByteArrayView context) const;
    /// Corrupt when the bytes were changed or sealed with another key.
    Result<QByteArray> open(QByteArrayView sealed) const;

private:
    QByteArray m_key; ///< wiped on destruction
};

} // namespace ArchiveSync
