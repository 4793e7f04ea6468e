// SPDX-License-Identifier: Apache-2.0
#include "service/api/UserController.h"

#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

void UserController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/users"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        Result<QList<User>> users = m_api.auth().users();
        if (!users)
            return HttpJson::problem(users.error());
        return HttpJson::json(ApiMapping::toJsonArray(*users));
    });

    server.route(QStringLiteral("/api/v1/users"), Method::Post, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        Result<QJsonObject> body = HttpJson::parseObject(request);
        if (!body)
            return HttpJson::problem(body.error());
        Result<Api::NewUser> fresh = Api::NewUser::fromJson(*body);
        if (!fresh)
            return HttpJson::problem(fresh.error());
        Result<User> user = m_api.auth().createUser(fresh->username, fresh->password,
                                                    ApiMapping::fromApi(fresh->role), fresh->displayName);
        if (!user)
            return HttpJson::problem(user.error());
        m_api.audit(*admin, QStringLiteral("user.create"), user->username, userRoleName(user->role));
        return HttpJson::json(ApiMapping::toApi(*user).toJson(), StatusCode::Created);
    });
}

} // namespace ArchiveSync
