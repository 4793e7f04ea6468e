// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "service/auth/PasswordHasher.h"
#include "service/store/Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace ArchiveSync {

enum class UserRole
{
    Admin, ///< manages users, mailboxes, storage and schedules; reads every mailbox
    User,  ///< reads the mailboxes granted to it
};

QString userRoleName(UserRole role);
std::optional<UserRole> userRoleFromName(QStringView name);

/// How a Principal proved who it is.
enum class TokenKind
{
    None,    ///< a username and password (authenticate()), no token yet
    Session, ///< a session token ("ass_..."), from a login; expires
    Device,  ///< a device token ("asd_..."), from registerDevice(); lives until the device is revoked
};

QString tokenKindName(TokenKind kind);

/// \brief A service account. The password hash never leaves the store.
struct User
{
    qint64 id = 0;
    QString username; ///< lower-case
    QString displayName;
    UserRole role = UserRole::User;
    QDateTime created;
    bool hasPassword = false;
};

/// \brief Who a request acts for, as established by a password or a token.
struct Principal
{
    qint64 userId = 0;
    QString username;
    UserRole role = UserRole::User;
    qint64 deviceId = 0; ///< 0 unless tokenKind is Device
    TokenKind tokenKind = TokenKind::None;

    bool isAdmin() const { return role == UserRole::Admin; }
};

/// \brief A new session token: shown to the client once, stored only as its SHA-256.
struct IssuedToken
{
    QString token;
    QDateTime expiresAt;
};

/// \brief A new device and its token (no expiry): shown to the client once.
struct DeviceRegistration
{
    qint64 deviceId = 0;
    QString token;
};

/// \brief A registered device (a tray agent on one computer).
struct Device
{
    qint64 id = 0;
    qint64 userId = 0;
    QString username;
    QString name;
    QDateTime created;
    QDateTime lastSeen; ///< invalid until the device first uses its token; updated at most once a minute
    QDateTime revoked;  ///< invalid while the device is active

    bool isRevoked() const { return revoked.isValid(); }
};

/// \brief One line of the audit log: who did what to what.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString username;
    QString action;
    QString target;
    QString detail;
};

/// \brief Users, passwords, API tokens, devices, mailbox permissions and the audit log.
///
/// Tokens are 256 random bits, handed out as a kind prefix ("ass_" for sessions, "asd_" for
/// devices) plus unpadded base64url, and stored only as the SHA-256 hex of that whole string:
/// a copy of the database gives no usable token. Like Database, one AuthStore serves one thread.
class AuthStore
{
public:
    static constexpr std::chrono::seconds kDefaultSessionTtl = std::chrono::hours(12);
    static constexpr int kMaxUsernameLength = 64;
    static constexpr int kMaxDisplayNameLength = 256;
    static constexpr int kMaxDeviceNameLength = 128;

    AuthStore(Database &db, const Clock &clock, PasswordHasher hasher = PasswordHasher());

    const PasswordHasher &hasher() const { return m_hasher; }

    // Users
    /// Errors: Invalid (field "username", "password", "role" or "displayName"), Conflict when the
    /// username (compared case-insensitively) is taken.
    Result<User> createUser(const QString &username, const QString &password, UserRole role,
                            const QString &displayName = {});
    Result<User> createUser(const QString &username, const QString &password, const QString &role,
                            const QString &displayName = {});
    Result<std::optional<User>> userByName(const QString &username) const;
    Result<User> userById(qint64 userId) const;
    /// Every user, by username.
    Result<QList<User>> users() const;
    /// Policy-checked. Also ends the user's sessions (a new password often answers a leak);
    /// device tokens stay valid: revoke devices for that.
    Status setPassword(qint64 userId, const QString &password);
    /// Conflict when it would leave no administrator.
    Status setRole(qint64 userId, UserRole role);
    Status setRole(qint64 userId, const QString &role);
    /// Trimmed, at most kMaxDisplayNameLength characters (Invalid, field "displayName"). NotFound for an
    /// unknown user.
    Status setDisplayName(qint64 userId, const QString &displayName);
    /// Removes the user with its tokens, devices and permissions. Conflict for the last administrator.
    Status deleteUser(qint64 userId);
    Result<int> adminCount() const;
    /// On a store without users: creates "admin" (role admin) with passwordFromEnv, policy-checked,
    /// or with a generated password when passwordFromEnv is empty. Gives the password only when it
    /// was generated: the caller shows it once. With users present: nullopt, and nothing changes.
    Result<std::optional<QString>> bootstrapAdmin(const QString &passwordFromEnv);
    /// Checks a username and password. Unknown user and wrong password fail alike, in message and
    /// (by hashing against a dummy hash) in time: Auth "invalid username or password".
    /// Renews the stored hash when it was made with other limits.
    Result<Principal> authenticate(const QString &username, const QString &password);

    /// Whether a username is acceptable: 1 to 64 characters of A-Z a-z 0-9 . _ @ -.
    static Status checkUsername(const QString &username);
    /// "admin" or "user"; Invalid (field "role") otherwise.
    static Result<UserRole> parseRole(const QString &name);

    // Tokens
    /// Errors: NotFound for an unknown user, Invalid (field "ttl") for a ttl that is not positive.
    Result<IssuedToken> createSession(qint64 userId, std::chrono::seconds ttl = kDefaultSessionTtl);
    /// Who a bearer token stands for. Auth for a malformed, unknown, expired or revoked token and
    /// for the token of a revoked device. Records the device's last use (at most once a minute).
    Result<Principal> resolveToken(const QString &bearer);
    /// Ends a session (logout); NotFound for a token that is not a known session.
    Status revokeSession(const QString &token);
    /// Ends every session of a user.
    Status revokeSessionsOf(qint64 userId);
    /// Deletes sessions that expired or were revoked before now; gives how many.
    Result<int> purgeEndedSessions();
    /// The form in which a token is stored: SHA-256 of its UTF-8 text, lower-case hex.
    static QString hashToken(const QString &token);

    // Devices
    /// Errors: NotFound for an unknown user, Invalid (field "name") for an empty or over-long name.
    Result<DeviceRegistration> registerDevice(qint64 userId, const QString &name);
    /// Every device, newest first.
    Result<QList<Device>> devices() const;
    Result<QList<Device>> devicesOf(qint64 userId) const;
    Result<Device> device(qint64 deviceId) const;
    /// Marks the device revoked and revokes its tokens; revoking twice keeps the first time.
    Status revokeDevice(qint64 deviceId);
    /// The state a device reports (what it holds offline, its version, ...), stored as given.
    Status setDeviceState(qint64 deviceId, const QJsonObject &state);
    Result<QJsonObject> deviceState(qint64 deviceId) const;

    // Permissions
    /// Lets a user read a mailbox; granting twice is fine. NotFound for an unknown user or mailbox.
    Status grant(qint64 userId, qint64 mailboxId);
    /// Takes the permission away; fine when there was none.
    Status revoke(qint64 userId, qint64 mailboxId);
    /// Admins may read every mailbox; users those granted to them.
    Result<bool> mayAccessMailbox(const Principal &principal, qint64 mailboxId) const;
    Result<QList<qint64>> mailboxIdsFor(qint64 userId) const;
    /// The usernames granted a mailbox, sorted.
    Result<QStringList> permissionsOf(qint64 mailboxId) const;

    // Audit
    Status audit(const QString &username, const QString &action, const QString &target = {},
                 const QString &detail = {});
    /// The newest entries first.
    Result<QList<AuditEntry>> recentAudit(int limit = 100) const;

private:
    Result<QList<Device>> queryDevices(const QString &where, std::initializer_list<QVariant> params) const;
    Result<bool> mailboxExists(qint64 mailboxId) const;
    const QString &dummyHash();

    Database &m_db;
    const Clock &m_clock;
    PasswordHasher m_hasher;
    QString m_dummyHash;
};

} // namespace ArchiveSync
