// SPDX-License-Identifier: Apache-2.0
#include "service/auth/AuthStore.h"

#include "core/common/Sha256.h"
#include "service/store/ArchiveStore.h"

#include <QJsonDocument>

#include <algorithm>
#include <sodium.h>

namespace ArchiveSync {

namespace {
constexpr int kTokenBytes = 32;
// Unpadded base64url of kTokenBytes bytes.
constexpr int kTokenTextLength = (kTokenBytes * 4 + 2) / 3;
// Writing last_seen_at on every request would put every API call behind SQLite's single writer.
constexpr qint64 kLastSeenResolutionMs = 60 * 1000;
constexpr int kMaxAuditLimit = 10000;

const QString kSessionPrefix = QStringLiteral("ass_");
const QString kDevicePrefix = QStringLiteral("asd_");
const QString kUserColumns = QStringLiteral("id, username, display_name, role, created_at, password_hash");
const QString kDeviceColumns = QStringLiteral(
    "d.id, d.user_id, u.username, d.name, d.created_at, d.last_seen_at, d.revoked_at FROM devices d"
    " JOIN users u ON u.id = d.user_id");

Error authError(const QString &message)
{
    return {ErrorCategory::Auth, message, {}};
}

User userFromQuery(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = userRoleFromName(q.value(3).toString()).value_or(UserRole::User);
    u.created = fromDbTime(q.value(4));
    u.hasPassword = !q.value(5).isNull() && !q.value(5).toString().isEmpty();
    return u;
}

Device deviceFromQuery(const QSqlQuery &q)
{
    Device d;
    d.id = q.value(0).toLongLong();
    d.userId = q.value(1).toLongLong();
    d.username = q.value(2).toString();
    d.name = q.value(3).toString();
    d.created = fromDbTime(q.value(4));
    d.lastSeen = fromDbTime(q.value(5));
    d.revoked = fromDbTime(q.value(6));
    return d;
}

QString newToken(TokenKind kind)
{
    unsigned char raw[kTokenBytes];
    randombytes_buf(raw, sizeof raw);
    const QByteArray text = QByteArray(reinterpret_cast<const char *>(raw), kTokenBytes)
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw, sizeof raw);
    return (kind == TokenKind::Device ? kDevicePrefix : kSessionPrefix) + QString::fromLatin1(text);
}

// The kind a well-formed token announces; nullopt for anything that cannot be one of ours, so
// that junk is refused without a database round trip.
std::optional<TokenKind> tokenKindOf(const QString &token)
{
    if (token.size() != kSessionPrefix.size() + kTokenTextLength)
        return std::nullopt;
    std::optional<TokenKind> kind;
    if (token.startsWith(kSessionPrefix))
        kind = TokenKind::Session;
    else if (token.startsWith(kDevicePrefix))
        kind = TokenKind::Device;
    else
        return std::nullopt;
    const bool base64url = std::all_of(token.cbegin() + kSessionPrefix.size(), token.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
    return base64url ? kind : std::nullopt;
}

// Hashes are not secret, but the check after the lookup is: do it in constant time anyway, so the
// store never compares token material any other way.
bool sameHash(const QString &a, const QString &b)
{
    const QByteArray x = a.toLatin1();
    const QByteArray y = b.toLatin1();
    return x.size() == y.size() && sodium_memcmp(x.constData(), y.constData(), x.size()) == 0;
}

Result<QString> checkDisplayName(const QString &displayName)
{
    const QString trimmed = displayName.trimmed();
    if (trimmed.size() > AuthStore::kMaxDisplayNameLength)
        return Error::invalid(QStringLiteral("the display name must be at most %1 characters long")
                                  .arg(AuthStore::kMaxDisplayNameLength),
                              QStringLiteral("displayName"));
    return trimmed;
}
} // namespace

QString userRoleName(UserRole role)
{
    return role == UserRole::Admin ? QStringLiteral("admin") : QStringLiteral("user");
}

std::optional<UserRole> userRoleFromName(QStringView name)
{
    if (name == QLatin1String("admin"))
        return UserRole::Admin;
    if (name == QLatin1String("user"))
        return UserRole::User;
    return std::nullopt;
}

QString tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Session:
        return QStringLiteral("session");
    case TokenKind::Device:
        return QStringLiteral("device");
    case TokenKind::None:
        break;
    }
    return QStringLiteral("none");
}

AuthStore::AuthStore(Database &db, const Clock &clock, PasswordHasher hasher)
    : m_db(db)
    , m_clock(clock)
    , m_hasher(hasher)
{}

// ---- Users ----

Status AuthStore::checkUsername(const QString &username)
{
    const QString field = QStringLiteral("username");
    if (username.isEmpty())
        return Error::invalid(QStringLiteral("the username must not be empty"), field);
    if (username.size() > kMaxUsernameLength)
        return Error::invalid(
            QStringLiteral("the username must be at most %1 characters long").arg(kMaxUsernameLength), field);
    const bool allowed = std::all_of(username.cbegin(), username.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
               c == u'.' || c == u'_' || c == u'@' || c == u'-';
    });
    if (!allowed)
        return Error::invalid(
            QStringLiteral("the username may contain only the letters A-Z, digits and . _ @ -"), field);
    return {};
}

Result<UserRole> AuthStore::parseRole(const QString &name)
{
    if (std::optional<UserRole> role = userRoleFromName(name))
        return *role;
    return Error::invalid(QStringLiteral("the role must be \"admin\" or \"user\", not \"%1\"").arg(name),
                          QStringLiteral("role"));
}

Result<User> AuthStore::createUser(const QString &username, const QString &password, const QString &role,
                                   const QString &displayName)
{
    Result<UserRole> parsed = parseRole(role);
    if (!parsed)
        return parsed.error();
    return createUser(username, password, *parsed, displayName);
}

Result<User> AuthStore::createUser(const QString &username, const QString &password, UserRole role,
                                   const QString &displayName)
{
    if (Status st = checkUsername(username); !st.ok())
        return st.error();
    Result<QString> display = checkDisplayName(displayName);
    if (!display)
        return display.error();
    if (Status st = PasswordHasher::checkPolicy(password); !st.ok())
        return st.error();
    const QString name = username.toLower();
    const auto taken = [&]() -> Result<bool> {
        Result<std::optional<User>> existing = userByName(name);
        if (!existing)
            return existing.error();
        return existing->has_value();
    };
    Result<bool> exists = taken();
    if (!exists)
        return exists.error();
    if (*exists)
        return Error::conflict(QStringLiteral("the username \"%1\" is taken").arg(name));
    Result<QString> hash = m_hasher.hash(password);
    if (!hash)
        return hash.error();
    const QDateTime now = m_clock.now();
    Result<qint64> id = m_db.insert(QStringLiteral("INSERT INTO users (username, display_name, role,"
                                                   " password_hash, created_at) VALUES (?, ?, ?, ?, ?)"
                                                   " RETURNING id"),
                                    {name, *display, userRoleName(role), *hash, toDbTime(now)});
    if (!id) {
        // Someone else created the same name between the check and the insert.
        if (Result<bool> raced = taken(); raced.ok() && *raced)
            return Error::conflict(QStringLiteral("the username \"%1\" is taken").arg(name));
        return id.error();
    }
    return User{*id, name, *display, role, fromDbTime(toDbTime(now)), true};
}

Result<std::optional<User>> AuthStore::userByName(const QString &username) const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM users WHERE username = ?").arg(kUserColumns),
                       {username.toLower()});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<User>();
    return std::optional<User>(userFromQuery(*q));
}

Result<User> AuthStore::userById(qint64 userId) const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(kUserColumns), {userId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("no user with id %1").arg(userId));
    return userFromQuery(*q);
}

Result<QList<User>> AuthStore::users() const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM users ORDER BY username").arg(kUserColumns));
    if (!q)
        return q.error();
    QList<User> list;
    while (q->next())
        list.append(userFromQuery(*q));
    return list;
}

Status AuthStore::setPassword(qint64 userId, const QString &password)
{
    if (Status st = PasswordHasher::checkPolicy(password); !st.ok())
        return st;
    if (Result<User> user = userById(userId); !user)
        return user.error();
    // Hash before the transaction: it takes a while and needs no lock.
    Result<QString> hash = m_hasher.hash(password);
    if (!hash)
        return hash.error();
    Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status();
    if (auto q =
            m_db.exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {*hash, userId});
        !q)
        return q.error();
    if (Status st = revokeSessionsOf(userId); !st.ok())
        return st;
    return tx.commit();
}

Status AuthStore::setRole(qint64 userId, const QString &role)
{
    Result<UserRole> parsed = parseRole(role);
    if (!parsed)
        return parsed.error();
    return setRole(userId, *parsed);
}

Status AuthStore::setRole(qint64 userId, UserRole role)
{
    Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status();
    Result<User> user = userById(userId);
    if (!user)
        return user.error();
    if (user->role == role)
        return {};
    if (user->role == UserRole::Admin) {
        Result<int> admins = adminCount();
        if (!admins)
            return admins.error();
        if (*admins <= 1)
            return Error::conflict(
                QStringLiteral("%1 is the last administrator: make another user an administrator first")
                    .arg(user->username));
    }
    if (auto q =
            m_db.exec(QStringLiteral("UPDATE users SET role = ? WHERE id = ?"), {userRoleName(role), userId});
        !q)
        return q.error();
    return tx.commit();
}

Status AuthStore::setDisplayName(qint64 userId, const QString &displayName)
{
    Result<QString> display = checkDisplayName(displayName);
    if (!display)
        return display.error();
    auto q = m_db.exec(QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"), {*display, userId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no user with id %1").arg(userId));
    return {};
}

Status AuthStore::deleteUser(qint64 userId)
{
    Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status();
    Result<User> user = userById(userId);
    if (!user)
        return user.error();
    if (user->role == UserRole::Admin) {
        Result<int> admins = adminCount();
        if (!admins)
            return admins.error();
        if (*admins <= 1)
            return Error::conflict(
                QStringLiteral("%1 is the last administrator and cannot be deleted").arg(user->username));
    }
    // Tokens, devices and permissions go with the user (ON DELETE CASCADE).
    if (auto q = m_db.exec(QStringLiteral("DELETE FROM users WHERE id = ?"), {userId}); !q)
        return q.error();
    return tx.commit();
}

Result<int> AuthStore::adminCount() const
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'admin'"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::database(QStringLiteral("counting administrators returned no row"));
    return q->value(0).toInt();
}

Result<std::optional<QString>> AuthStore::bootstrapAdmin(const QString &passwordFromEnv)
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::database(QStringLiteral("counting users returned no row"));
    if (q->value(0).toLongLong() > 0)
        return std::optional<QString>();
    const bool generate = passwordFromEnv.isEmpty();
    const QString password = generate ? PasswordHasher::generatePassword() : passwordFromEnv;
    const QString name = QStringLiteral("admin");
    Result<User> user = createUser(name, password, UserRole::Admin, QStringLiteral("Administrator"));
    if (!user)
        return user.error();
    // "(service)" cannot clash with a username: parentheses are not allowed in one.
    if (Status st = audit(QStringLiteral("(service)"), QStringLiteral("user.bootstrap"), name,
                          generate ? QStringLiteral("first administrator, generated password")
                                   : QStringLiteral("first administrator, password from the environment"));
        !st.ok())
        return st.error();
    return generate ? std::optional<QString>(password) : std::optional<QString>();
}

const QString &AuthStore::dummyHash()
{
    // Made with this store's limits, so that checking it costs what checking a real hash costs.
    if (m_dummyHash.isEmpty()) {
        Result<QString> hash = m_hasher.hash(QStringLiteral("not the password of any account"));
        if (hash)
            m_dummyHash = *hash;
    }
    return m_dummyHash;
}

Result<Principal> AuthStore::authenticate(const QString &username, const QString &password)
{
    const Error refused = authError(QStringLiteral("invalid username or password"));
    // Before the lookup, so that the first login to an unknown name is not the slow one.
    const QString &dummy = dummyHash();
    // No stored password can be longer (the policy caps it), and the cap bounds the hashing work
    // an anonymous request can ask for; the length of a guess reveals nothing about accounts.
    if (password.toUtf8().size() > PasswordHasher::kMaxPasswordBytes)
        return refused;
    auto q =
        m_db.exec(QStringLiteral("SELECT id, username, role, password_hash FROM users WHERE username = ?"),
                  {username.toLower()});
    if (!q)
        return q.error();
    Principal principal;
    QString stored;
    if (q->next()) {
        principal.userId = q->value(0).toLongLong();
        principal.username = q->value(1).toString();
        principal.role = userRoleFromName(q->value(2).toString()).value_or(UserRole::User);
        stored = q->value(3).toString();
    }
    q->finish();
    if (stored.isEmpty()) {
        // Unknown user, or one without a password: spend the time a real check would take.
        (void)m_hasher.verify(dummy, password);
        return refused;
    }
    if (!m_hasher.verify(stored, password))
        return refused;
    if (m_hasher.needsRehash(stored)) {
        // Best effort: a failed upgrade must not refuse a correct password; the next login retries.
        // The WHERE on the old hash keeps a password changed meanwhile.
        if (Result<QString> fresh = m_hasher.hash(password); fresh.ok())
            (void)m_db.exec(
                QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?"),
                {*fresh, principal.userId, stored});
    }
    return principal;
}

// ---- Tokens ----

QString AuthStore::hashToken(const QString &token)
{
    return Sha256::hex(token.toUtf8());
}

Result<IssuedToken> AuthStore::createSession(qint64 userId, std::chrono::seconds ttl)
{
    if (ttl.count() <= 0)
        return Error::invalid(QStringLiteral("a session must last a positive time"), QStringLiteral("ttl"));
    if (Status st = PasswordHasher::initializeCrypto(); !st.ok())
        return st.error();
    if (Result<User> user = userById(userId); !user)
        return user.error();
    const QDateTime now = m_clock.now();
    const QDateTime expires = fromDbTime(toDbTime(now.addSecs(ttl.count())));
    IssuedToken issued{newToken(TokenKind::Session), expires};
    Result<qint64> id = m_db.insert(
        QStringLiteral("INSERT INTO api_tokens (token_hash, kind, user_id, created_at, expires_at)"
                       " VALUES (?, 'session', ?, ?, ?) RETURNING id"),
        {hashToken(issued.token), userId, toDbTime(now), toDbTime(expires)});
    if (!id)
        return id.error();
    return issued;
}

Result<Principal> AuthStore::resolveToken(const QString &bearer)
{
    const std::optional<TokenKind> kind = tokenKindOf(bearer);
    if (!kind)
        return authError(QStringLiteral("invalid token"));
    const QString hash = hashToken(bearer);
    const QDateTime now = m_clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();

    Principal principal;
    QVariant expiresAt;
    QVariant revokedAt;
    QVariant deviceRevokedAt;
    QVariant deviceLastSeen;
    {
        auto q = m_db.exec(
            QStringLiteral("SELECT t.token_hash, t.kind, t.user_id, t.device_id, t.expires_at, t.revoked_at,"
                           " u.username, u.role, d.revoked_at, d.last_seen_at FROM api_tokens t"
                           " JOIN users u ON u.id = t.user_id LEFT JOIN devices d ON d.id = t.device_id"
                           " WHERE t.token_hash = ?"),
            {hash});
        if (!q)
            return q.error();
        if (!q->next() || !sameHash(q->value(0).toString(), hash))
            return authError(QStringLiteral("unknown token"));
        if (q->value(1).toString() != tokenKindName(*kind))
            return authError(QStringLiteral("invalid token"));
        principal.tokenKind = *kind;
        principal.userId = q->value(2).toLongLong();
        principal.deviceId = q->value(3).isNull() ? 0 : q->value(3).toLongLong();
        expiresAt = q->value(4);
        revokedAt = q->value(5);
        principal.username = q->value(6).toString();
        principal.role = userRoleFromName(q->value(7).toString()).value_or(UserRole::User);
        deviceRevokedAt = q->value(8);
        deviceLastSeen = q->value(9);
    }
    if (!revokedAt.isNull())
        return authError(QStringLiteral("the token has been revoked"));
    if (!expiresAt.isNull() && nowMs >= expiresAt.toLongLong())
        return authError(QStringLiteral("the session has expired: sign in again"));
    if (principal.tokenKind == TokenKind::Device) {
        if (principal.deviceId == 0 || !deviceRevokedAt.isNull())
            return authError(QStringLiteral("the device has been revoked"));
        if (deviceLastSeen.isNull() || nowMs - deviceLastSeen.toLongLong() >= kLastSeenResolutionMs) {
            if (auto q = m_db.exec(QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"),
                                   {nowMs, principal.deviceId});
                !q)
                return q.error();
        }
    } else {
        principal.deviceId = 0;
    }
    return principal;
}

Status AuthStore::revokeSession(const QString &token)
{
    if (tokenKindOf(token) != TokenKind::Session)
        return Error::notFound(QStringLiteral("not a session token"));
    const QString hash = hashToken(token);
    auto q = m_db.exec(QStringLiteral("SELECT id FROM api_tokens WHERE token_hash = ? AND kind = 'session'"),
                       {hash});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("no such session"));
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    // COALESCE keeps the first revocation time when a client logs out twice.
    if (auto u = m_db.exec(
            QStringLiteral("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"),
            {toDbTime(m_clock.now()), id});
        !u)
        return u.error();
    return {};
}

Status AuthStore::revokeSessionsOf(qint64 userId)
{
    auto q =
        m_db.exec(QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND kind = 'session'"
                                 " AND revoked_at IS NULL"),
                  {toDbTime(m_clock.now()), userId});
    if (!q)
        return q.error();
    return {};
}

Result<int> AuthStore::purgeEndedSessions()
{
    const QVariant now = toDbTime(m_clock.now());
    auto q = m_db.exec(QStringLiteral("DELETE FROM api_tokens WHERE kind = 'session'"
                                      " AND (expires_at <= ? OR revoked_at <= ?)"),
                       {now, now});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

// ---- Devices ----

Result<DeviceRegistration> AuthStore::registerDevice(qint64 userId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(QStringLiteral("the device name must not be empty"), QStringLiteral("name"));
    if (trimmed.size() > kMaxDeviceNameLength)
        return Error::invalid(
            QStringLiteral("the device name must be at most %1 characters long").arg(kMaxDeviceNameLength),
            QStringLiteral("name"));
    if (Status st = PasswordHasher::initializeCrypto(); !st.ok())
        return st.error();
    Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status().error();
    if (Result<User> user = userById(userId); !user)
        return user.error();
    const QVariant now = toDbTime(m_clock.now());
    Result<qint64> deviceId = m_db.insert(
        QStringLiteral("INSERT INTO devices (user_id, name, created_at) VALUES (?, ?, ?) RETURNING id"),
        {userId, trimmed, now});
    if (!deviceId)
        return deviceId.error();
    DeviceRegistration registration{*deviceId, newToken(TokenKind::Device)};
    Result<qint64> tokenId =
        m_db.insert(QStringLiteral("INSERT INTO api_tokens (token_hash, kind, user_id, device_id, created_at)"
                                   " VALUES (?, 'device', ?, ?, ?) RETURNING id"),
                    {hashToken(registration.token), userId, *deviceId, now});
    if (!tokenId)
        return tokenId.error();
    if (Status st = tx.commit(); !st.ok())
        return st.error();
    return registration;
}

Result<QList<Device>> AuthStore::queryDevices(const QString &where,
                                              std::initializer_list<QVariant> params) const
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 %2 ORDER BY d.id DESC").arg(kDeviceColumns, where), params);
    if (!q)
        return q.error();
    QList<Device> list;
    while (q->next())
        list.append(deviceFromQuery(*q));
    return list;
}

Result<QList<Device>> AuthStore::devices() const
{
    return queryDevices(QString(), {});
}

Result<QList<Device>> AuthStore::devicesOf(qint64 userId) const
{
    return queryDevices(QStringLiteral("WHERE d.user_id = ?"), {userId});
}

Result<Device> AuthStore::device(qint64 deviceId) const
{
    Result<QList<Device>> list = queryDevices(QStringLiteral("WHERE d.id = ?"), {deviceId});
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error::notFound(QStringLiteral("no device with id %1").arg(deviceId));
    return list->constFirst();
}

Status AuthStore::revokeDevice(qint64 deviceId)
{
    Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status();
    if (Result<Device> d = device(deviceId); !d)
        return d.error();
    const QVariant now = toDbTime(m_clock.now());
    if (auto q =
            m_db.exec(QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                      {now, deviceId});
        !q)
        return q.error();
    if (auto q = m_db.exec(
            QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL"),
            {now, deviceId});
        !q)
        return q.error();
    return tx.commit();
}

Status AuthStore::setDeviceState(qint64 deviceId, const QJsonObject &state)
{
    auto q = m_db.exec(QStringLiteral("UPDATE devices SET state = ? WHERE id = ?"),
                       {QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)), deviceId});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no device with id %1").arg(deviceId));
    return {};
}

Result<QJsonObject> AuthStore::deviceState(qint64 deviceId) const
{
    auto q = m_db.exec(QStringLiteral("SELECT state FROM devices WHERE id = ?"), {deviceId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("no device with id %1").arg(deviceId));
    const QJsonDocument doc = QJsonDocument::fromJson(q->value(0).toString().toUtf8());
    if (!doc.isObject())
        return Error::database(
            QStringLiteral("the stored state of device %1 is not a JSON object").arg(deviceId));
    return doc.object();
}

// ---- Permissions ----

Result<bool> AuthStore::mailboxExists(qint64 mailboxId) const
{
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM mailboxes WHERE id = ?"), {mailboxId});
    if (!q)
        return q.error();
    return q->next();
}

Status AuthStore::grant(qint64 userId, qint64 mailboxId)
{
    if (Result<User> user = userById(userId); !user)
        return user.error();
    Result<bool> exists = mailboxExists(mailboxId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return Error::notFound(QStringLiteral("no mailbox with id %1").arg(mailboxId));
    auto q =
        m_db.exec(QStringLiteral("INSERT INTO permissions (user_id, mailbox_id, granted_at) VALUES (?, ?, ?)"
                                 " ON CONFLICT (user_id, mailbox_id) DO NOTHING"),
                  {userId, mailboxId, toDbTime(m_clock.now())});
    if (!q)
        return q.error();
    return {};
}

Status AuthStore::revoke(qint64 userId, qint64 mailboxId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM permissions WHERE user_id = ? AND mailbox_id = ?"),
                       {userId, mailboxId});
    if (!q)
        return q.error();
    return {};
}

Result<bool> AuthStore::mayAccessMailbox(const Principal &principal, qint64 mailboxId) const
{
    if (principal.isAdmin())
        return true;
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM permissions WHERE user_id = ? AND mailbox_id = ?"),
                       {principal.userId, mailboxId});
    if (!q)
        return q.error();
    return q->next();
}

Result<QList<qint64>> AuthStore::mailboxIdsFor(qint64 userId) const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT mailbox_id FROM permissions WHERE user_id = ? ORDER BY mailbox_id"), {userId});
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    return ids;
}

Result<QStringList> AuthStore::permissionsOf(qint64 mailboxId) const
{
    auto q = m_db.exec(QStringLiteral("SELECT u.username FROM permissions p JOIN users u ON u.id = p.user_id"
                                      " WHERE p.mailbox_id = ? ORDER BY u.username"),
                       {mailboxId});
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names.append(q->value(0).toString());
    return names;
}

// ---- Audit ----

Status AuthStore::audit(const QString &username, const QString &action, const QString &target,
                        const QString &detail)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO audit_log (at, username, action, target, detail)"
                                      " VALUES (?, ?, ?, ?, ?)"),
                       {toDbTime(m_clock.now()), username, action, target, detail});
    if (!q)
        return q.error();
    return {};
}

Result<QList<AuditEntry>> AuthStore::recentAudit(int limit) const
{
    auto q = m_db.exec(QStringLiteral("SELECT id, at, username, action, target, detail FROM audit_log"
                                      " ORDER BY id DESC LIMIT ?"),
                       {std::clamp(limit, 0, kMaxAuditLimit)});
    if (!q)
        return q.error();
    QList<AuditEntry> entries;
    while (q->next())
        entries.append(AuditEntry{q->value(0).toLongLong(), fromDbTime(q->value(1)), q->value(2).toString(),
                                  q->value(3).toString(), q->value(4).toString(), q->value(5).toString()});
    return entries;
}

} // namespace ArchiveSync
