// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QString>

#include <cstddef>

namespace ArchiveSync {

/// \brief Hashes and checks passwords with Argon2id (libsodium), and states the password policy.
///
/// Hashes are libsodium's self-describing strings ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so
/// a hash made with other limits still verifies and needsRehash() tells when to renew it.
/// Passwords are NFC-normalised and hashed as UTF-8, so the same password typed on systems that
/// compose accents differently still matches.
class PasswordHasher
{
public:
    /// \brief The Argon2id cost of new hashes.
    struct Limits
    {
        unsigned long long opsLimit = 0;
        std::size_t memLimit = 0;

        /// libsodium's "interactive" limits (about 64 MiB, a fraction of a second): the default.
        static Limits interactive();
        /// The smallest limits libsodium accepts: for tests only, worthless against an attacker.
        static Limits minimum();
    };

    static constexpr int kMinPasswordLength = 12;  ///< Unicode code points
    static constexpr int kMaxPasswordBytes = 1024; ///< UTF-8 bytes
    static constexpr int kGeneratedPasswordLength = 20;

    PasswordHasher();
    explicit PasswordHasher(Limits limits);

    const Limits &limits() const { return m_limits; }
    void setLimits(Limits limits) { m_limits = limits; }

    /// A new Argon2id hash string with a random salt. Does not check the policy (see checkPolicy()).
    Result<QString> hash(const QString &password) const;
    /// True when password matches the hash string; false for a wrong password or a malformed hash.
    bool verify(const QString &hash, const QString &password) const;
    /// True when the hash was made with other limits or another algorithm (or is malformed).
    bool needsRehash(const QString &hash) const;

    /// Whether a new password is acceptable; the error (field "password") says why not.
    static Status checkPolicy(const QString &password);
    /// A random password of kGeneratedPasswordLength characters from an alphabet without
    /// look-alikes (no 0/O, 1/l/I), for a one-time password that a person types.
    static QString generatePassword();

    /// Initialises libsodium once per process; every function here calls it. An error means the
    /// library found no usable random source or CPU feature set, and nothing here may be trusted.
    static Status initializeCrypto();

private:
    Limits m_limits;
};

} // namespace ArchiveSync
