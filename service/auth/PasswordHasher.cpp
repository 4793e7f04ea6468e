// SPDX-License-Identifier: Apache-2.0
#include "service/auth/PasswordHasher.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <sodium.h>

namespace ArchiveSync {

namespace {
// No 0/O, 1/l/I: the generated password is read off a terminal and typed by hand.
constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

QByteArray passwordBytes(const QString &password)
{
    return password.normalized(QString::NormalizationForm_C).toUtf8();
}

// Wipes a copy of a password before its memory goes back to the allocator.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
}
} // namespace

PasswordHasher::Limits PasswordHasher::Limits::interactive()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Limits PasswordHasher::Limits::minimum()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher()
    : m_limits(Limits::interactive())
{}

PasswordHasher::PasswordHasher(Limits limits)
    : m_limits(limits)
{}

Status PasswordHasher::initializeCrypto()
{
    static std::once_flag once;
    static int result = -1;
    std::call_once(once, [] { result = sodium_init(); });
    // 1 means another component initialised the library first: just as good.
    if (result < 0)
        return Error::internal(QStringLiteral("libsodium failed to initialise"));
    return {};
}

Result<QString> PasswordHasher::hash(const QString &password) const
{
    if (Status st = initializeCrypto(); !st.ok())
        return st.error();
    QByteArray bytes = passwordBytes(password);
    char out[crypto_pwhash_STRBYTES];
    const int rc =
        crypto_pwhash_str_alg(out, bytes.constData(), static_cast<unsigned long long>(bytes.size()),
                              m_limits.opsLimit, m_limits.memLimit, crypto_pwhash_ALG_ARGON2ID13);
    wipe(bytes);
    if (rc != 0)
        // Out of memory, or limits outside what libsodium accepts.
        return Error::internal(QStringLiteral("cannot hash the password (Argon2id with %1 ops, %2 bytes)")
                                   .arg(m_limits.opsLimit)
                                   .arg(m_limits.memLimit));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password) const
{
    if (!initializeCrypto().ok())
        return false;
    const QByteArray stored = hash.toLatin1();
    // libsodium reads at most crypto_pwhash_STRBYTES; a longer string is not one of its hashes.
    if (stored.isEmpty() || stored.size() >= static_cast<qsizetype>(crypto_pwhash_STRBYTES))
        return false;
    QByteArray bytes = passwordBytes(password);
    const int rc = crypto_pwhash_str_verify(stored.constData(), bytes.constData(),
                                            static_cast<unsigned long long>(bytes.size()));
    wipe(bytes);
    return rc == 0;
}

bool PasswordHasher::needsRehash(const QString &hash) const
{
    if (!initializeCrypto().ok())
        return true;
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= static_cast<qsizetype>(crypto_pwhash_STRBYTES))
        return true;
    // 1: other limits; -1: not an Argon2id string at all. Either way a fresh hash is due.
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_limits.opsLimit, m_limits.memLimit) != 0;
}

Status PasswordHasher::checkPolicy(const QString &password)
{
    const QString normalized = password.normalized(QString::NormalizationForm_C);
    const QList<uint> codePoints = normalized.toUcs4();
    if (codePoints.size() < kMinPasswordLength)
        return Error::invalid(
            QStringLiteral("the password must be at least %1 characters long").arg(kMinPasswordLength),
            QStringLiteral("password"));
    if (normalized.toUtf8().size() > kMaxPasswordBytes)
        return Error::invalid(
            QStringLiteral("the password must be at most %1 bytes long (UTF-8)").arg(kMaxPasswordBytes),
            QStringLiteral("password"));
    if (std::all_of(codePoints.cbegin(), codePoints.cend(), [&](uint c) { return c == codePoints.first(); }))
        return Error::invalid(QStringLiteral("the password must not be one character repeated"),
                              QStringLiteral("password"));
    return {};
}

QString PasswordHasher::generatePassword()
{
    // The signature has no error channel, and a password from a broken random source must never
    // be handed out: stopping is the only safe answer to a failure that should not happen.
    if (Status st = initializeCrypto(); !st.ok())
        qFatal("%s", qPrintable(st.errorString()));
    constexpr auto alphabetSize = static_cast<uint32_t>(sizeof(kAlphabet) - 1);
    QString password;
    password.reserve(kGeneratedPasswordLength);
    for (int i = 0; i < kGeneratedPasswordLength; ++i)
        password.append(QLatin1Char(kAlphabet[randombytes_uniform(alphabetSize)]));
    return password;
}

} // namespace ArchiveSync
