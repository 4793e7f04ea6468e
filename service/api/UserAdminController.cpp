// SPDX-License-Identifier: Apache-2.0
#include "service/api/UserAdminController.h"

#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
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
                     Result<Api::UserChange> change = Api::UserChange::fromJson(*body);
                     if (!change)
                         return HttpJson::problem(change.error());
                     if (change->password) {
                         if (Status st = PasswordHasher::checkPolicy(*change->password); !st.ok())
                             return HttpJson::problem(st.error());
                     }
                     if (change->displayName &&
                         change->displayName->trimmed().size() > AuthStore::kMaxDisplayNameLength)
                         return HttpJson::problem(
                             Error::invalid(QStringLiteral("displayName must be at most %1 characters")
                                                .arg(AuthStore::kMaxDisplayNameLength),
                                            QStringLiteral("displayName")));
                     const UserRole newRole = change->role ? ApiMapping::fromApi(*change->role) : user->role;
                     if (user->role == UserRole::Admin && newRole != UserRole::Admin) {
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
                     if (newRole != user->role) {
                         if (Status st = auth.setRole(user->id, newRole); !st.ok())
                             return HttpJson::problem(st.error());
                         changed << QStringLiteral("role=%1").arg(userRoleName(newRole));
                     }
                     if (change->displayName) {
                         if (Status st = auth.setDisplayName(user->id, *change->displayName); !st.ok())
                             return HttpJson::problem(st.error());
                         changed << QStringLiteral("displayName");
                     }
                     if (change->password) {
                         if (Status st = auth.setPassword(user->id, *change->password); !st.ok())
                             return HttpJson::problem(st.error());
                         changed << QStringLiteral("password");
                     }
                     if (!changed.isEmpty())
                         m_api.audit(*admin, QStringLiteral("user.update"), user->username,
                                     changed.join(QLatin1Char(' ')));
                     Result<User> updated = auth.userById(user->id);
                     return updated ? HttpJson::json(ApiMapping::toApi(*updated).toJson())
                                    : HttpJson::problem(updated.error());
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
