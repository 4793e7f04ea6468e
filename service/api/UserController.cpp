// SPDX-License-Identifier: Apache-2.0
#include "service/api/UserController.h"

#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>
#include <QJsonArray>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
QJsonObject userJson(const User &user)
{
    return QJsonObject{{QStringLiteral("username"), user.username},
                       {QStringLiteral("displayName"), user.displayName},
                       {QStringLiteral("role"), userRoleName(user.role)},
                       {QStringLiteral("created"), user.created.toUTC().toString(Qt::ISODate)}};
}
} // namespace

void UserController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/users"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        Result<QList<User>> users = m_api.auth().users();
        if (!users)
            return HttpJson::problem(users.error());
        QJsonArray list;
        for (const User &user : std::as_const(*users))
            list.append(userJson(user));
        return HttpJson::json(list);
    });

    server.route(QStringLiteral("/api/v1/users"), Method::Post, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        Result<QJsonObject> body = HttpJson::parseObject(request);
        if (!body)
            return HttpJson::problem(body.error());
        const HttpJson::ObjectReader reader(*body);
        if (Status st = reader.onlyFields({QStringLiteral("username"), QStringLiteral("password"),
                                           QStringLiteral("role"), QStringLiteral("displayName")});
            !st.ok())
            return HttpJson::problem(st.error());
        Result<QString> username =
            reader.requiredString(QStringLiteral("username"), AuthStore::kMaxUsernameLength);
        Result<QString> password = reader.requiredString(QStringLiteral("password"), 1024);
        Result<QString> role = reader.optionalString(QStringLiteral("role"), QStringLiteral("user"), 16);
        Result<QString> displayName =
            reader.optionalString(QStringLiteral("displayName"), QString(), AuthStore::kMaxDisplayNameLength);
        for (const Result<QString> *field : {&username, &password, &role, &displayName}) {
            if (!*field)
                return HttpJson::problem(field->error());
        }
        Result<User> user = m_api.auth().createUser(*username, *password, *role, *displayName);
        if (!user)
            return HttpJson::problem(user.error());
        m_api.audit(*admin, QStringLiteral("user.create"), user->username, userRoleName(user->role));
        return HttpJson::json(userJson(*user), StatusCode::Created);
    });
}

} // namespace ArchiveSync
