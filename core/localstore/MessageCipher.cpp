// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/MessageCipher.h"

#include "core/common/Logging.h"

#include <mutex>
#include <sodium.h>

namespace ArchiveSync {

namespace {

static_assert(MessageCipher::kKeyBytes == crypto_secretbox_KEYBYTES);

constexpr qsizetype kNonceBytes = crypto_secretbox_NONCEBYTES;
constexpr qsizetype kMacBytes = crypto_secretbox_MACBYTES;

void initSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qCWarning(lcLocalStore) << "libsodium could not be initialised";
    });
}

} // namespace

MessageCipher::MessageCipher(QByteArray key)
{
    initSodium();
    if (!isValidKey(key)) {
        // Sealing with a short key would be undefined behaviour in libsodium; seal() refuses instead.
        qCWarning(lcLocalStore) << "a message cipher was given a key of" << key.size() << "bytes";
        return;
    }
    // A private deep copy: the destructor must wipe memory no one else shares.
    m_key = QByteArray(key.constData(), key.size());
    if (key.isDetached())
        sodium_memzero(key.data(), static_cast<size_t>(key.size()));
}

MessageCipher::~MessageCipher()
{
    if (!m_key.isEmpty())
        sodium_memzero(m_key.data(), static_cast<size_t>(m_key.size()));
}

QByteArray MessageCipher::generateKey()
{
    initSodium();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char *>(key.data()));
    return key;
}

QByteArray MessageCipher::seal(QByteArrayView plain) const
{
    if (!isValidKey(m_key))
        return {};
    QByteArray sealed(kNonceBytes + kMacBytes + plain.size(), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(out, kNonceBytes);
    crypto_secretbox_easy(out + kNonceBytes, reinterpret_cast<const unsigned char *>(plain.data()),
                          static_cast<unsigned long long>(plain.size()), out,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    return sealed;
}

QByteArray MessageCipher::deriveKey(QByteArrayView context) const
{
    QByteArray derived(kKeyBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(derived.data()), size_t(derived.size()),
                       reinterpret_cast<const unsigned char *>(context.data()), size_t(context.size()),
                       reinterpret_cast<const unsigned char *>(m_key.constData()), size_t(m_key.size()));
    return derived;
}

Result<QByteArray> MessageCipher::open(QByteArrayView sealed) const
{
    if (!isValidKey(m_key))
        return Error::invalid(QStringLiteral("the device key is not %1 bytes long").arg(kKeyBytes));
    if (sealed.size() < kNonceBytes + kMacBytes)
        return Error::corrupt(QStringLiteral("sealed data is too short (%1 bytes)").arg(sealed.size()));
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.data());
    QByteArray plain(sealed.size() - kNonceBytes - kMacBytes, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()), in + kNonceBytes,
                                   static_cast<unsigned long long>(sealed.size() - kNonceBytes), in,
                                   reinterpret_cast<const unsigned char *>(m_key.constData())) != 0)
        return Error::corrupt(QStringLiteral("sealed data was changed or sealed with another device key"));
    return plain;
}

} // namespace ArchiveSync
