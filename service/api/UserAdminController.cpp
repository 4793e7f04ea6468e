// SPDX-License-Identifier: Apache-2.0
#include "service/api/UserAdminController.h"

#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
const QString kPassword = QStringLiteral("password");
const QString kRole = QStringLiteral("role");
const QString kDisplayName = QStringLiteral("displayName");

// The same shape as UserController's answers (schema User).
QJsonObject userJson(const User &user)
{
    return QJsonObject{{QStringLiteral("username"), user.username},
                       {QStringLiteral("displayName"), user.displayName},
                       {QStringLiteral("role"), userRoleName(user.role)},
                       {QStringLiteral("created"), user.created.toUTC().toString(Qt::ISODate)}};
}

Result<User> existingUser(AuthStore &auth, const QString &username)
{
    Result<std::optional<User>> user = auth.userByName(username);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error::notFound(QStringLiteral("no user %1").arg(username));
    return **user;
}
} // namespace

void UserAdminController::registerRoutes(QHttpServer &server)
{
    // Checks every member first, the last-administrator rule included, and only then writes: a rejected
    // request changes nothing.
    server.route(QStringLiteral("/api/v1/users/<arg>"), Method::Patch,
                 [this](const QString &username, const QHttpServerRequest &request) {
                     Result<Principal> admin = m_api.authenticateAdmin(request);
                     if (!admin)
                         return HttpJson::problem(admin.error());
                     AuthStore &auth = m_api.auth();
                     Result<User> user = existingUser(auth, username);
                     if (!user)
                         return HttpJson::problem(user.error());
                     Result<QJsonObject> body = HttpJson::parseObject(request);
                     if (!body)
                         return HttpJson::problem(body.error());
                     const HttpJson::ObjectReader reader(*body);
                     if (Status st = reader.onlyFields({kPassword, kRole, kDisplayName}); !st.ok())
                         return HttpJson::problem(st.error());
                     Result<QString> password = reader.optionalString(kPassword, QString(), 1024);
                     Result<QString> role = reader.optionalString(kRole, userRoleName(user->role), 16);
                     Result<QString> displayName = reader.optionalString(kDisplayName, user->displayName,
                                                                         AuthStore::kMaxDisplayNameLength);
                     for (const Result<QString> *field : {&password, &role, &displayName}) {
                         if (!*field)
                             return HttpJson::problem(field->error());
                     }
                     if (reader.has(kPassword)) {
                         if (Status st = PasswordHasher::checkPolicy(*password); !st.ok())
                             return HttpJson::problem(st.error());
                     }
                     Result<UserRole> newRole = AuthStore::parseRole(*role);
                     if (!newRole)
                         return HttpJson::problem(newRole.error());
                     if (user->role == UserRole::Admin && *newRole != UserRole::Admin) {
                         Result<int> admins = auth.adminCount();
                         if (!admins)
                             return HttpJson::problem(admins.error());
                         if (*admins <= 1)
                             return HttpJson::problem(Error::conflict(
                                 QStringLiteral(
                                     "%1 is the last administrator: make another user an administrator first")
                                     .arg(user->username)));
                     }

                     QStringList changed;
                     if (*newRole != user->role) {
                         if (Status st = auth.setRole(user->id, *newRole); !st.ok())
                             return HttpJson::problem(st.error());
                         changed << QStringLiteral("role=%1").arg(userRoleName(*newRole));
                     }
                     if (reader.has(kDisplayName)) {
                         if (Status st = auth.setDisplayName(user->id, *displayName); !st.ok())
                             return HttpJson::problem(st.error());
                         changed << kDisplayName;
                     }
                     if (reader.has(kPassword)) {
                         if (Status st = auth.setPassword(user->id, *password); !st.ok())
                             return HttpJson::problem(st.error());
                         changed << kPassword;
                     }
                     if (!changed.isEmpty())
                         m_api.audit(*admin, QStringLiteral("user.update"), user->username,
                                     changed.join(QLatin1Char(' ')));
                     Result<User> updated = auth.userById(user->id);
                     return updated ? HttpJson::json(userJson(*updated)) : HttpJson::problem(updated.error());
                 });

    server.route(QStringLiteral("/api/v1/users/<arg>"), Method::Delete,
                 [this](const QString &username, const QHttpServerRequest &request) {
                     Result<Principal> admin = m_api.authenticateAdmin(request);
                     if (!admin)
                         return HttpJson::problem(admin.error());
                     Result<User> user = existingUser(m_api.auth(), username);
                     if (!user)
                         return HttpJson::problem(user.error());
                     if (Status st = m_api.auth().deleteUser(user->id); !st.ok())
                         return HttpJson::problem(st.error());
                     m_api.audit(*admin, QStringLiteral("user.delete"), user->username);
                     return QHttpServerResponse(StatusCode::NoContent);
                 });
}

} // namespace ArchiveSync
