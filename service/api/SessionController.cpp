// SPDX-License-Identifier: Apache-2.0
#include "service/api/SessionController.h"

#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"
#include "service/auth/LoginThrottle.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

void SessionController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/session"), Method::Post, [this](const QHttpServerRequest &request) {
        Result<QJsonObject> body = HttpJson::parseObject(request);
        if (!body)
            return HttpJson::problem(body.error());
        const HttpJson::ObjectReader reader(*body);
        if (Status st = reader.onlyFields({QStringLiteral("username"), QStringLiteral("password")}); !st.ok())
            return HttpJson::problem(st.error());
        Result<QString> username = reader.requiredString(QStringLiteral("username"), 256);
        Result<QString> password = reader.requiredString(QStringLiteral("password"), 1024);
        if (!username)
            return HttpJson::problem(username.error());
        if (!password)
            return HttpJson::problem(password.error());

        const QString address = request.remoteAddress().toString();
        const QString account = username->trimmed().toLower();
        if (const std::optional<int> wait = m_api.throttle().retryAfterSeconds(account, address)) {
            QHttpServerResponse response =
                HttpJson::problem(StatusCode::TooManyRequests,
                                  QStringLiteral("too many failed sign-ins; try again in %1 s").arg(*wait),
                                  QJsonObject{{QStringLiteral("retryAfter"), *wait}});
            response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(*wait));
            return response;
        }
        Result<Principal> principal = m_api.auth().authenticate(account, *password);
        if (!principal) {
            if (principal.error().category == ErrorCategory::Auth)
                m_api.throttle().recordFailure(account, address);
            return HttpJson::problem(principal.error());
        }
        m_api.throttle().recordSuccess(account, address);
        Result<IssuedToken> token = m_api.auth().createSession(principal->userId);
        if (!token)
            return HttpJson::problem(token.error());
        return HttpJson::json(ApiMapping::toApi(*token, *principal).toJson(), StatusCode::Created);
    });

    server.route(QStringLiteral("/api/v1/session"), Method::Delete,
                 [this](const QHttpServerRequest &request) {
                     Result<Principal> principal = m_api.authenticate(request);
                     if (!principal)
                         return HttpJson::problem(principal.error());
                     const QByteArray header = request.value(QByteArrayLiteral("Authorization"));
                     if (Status st = m_api.auth().revokeSession(QString::fromLatin1(header.mid(7).trimmed()));
                         !st.ok())
                         return HttpJson::problem(st.error());
                     return QHttpServerResponse(StatusCode::NoContent);
                 });

    server.route(QStringLiteral("/api/v1/me"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> principal = m_api.authenticate(request);
        if (!principal)
            return HttpJson::problem(principal.error());
        return HttpJson::json(ApiMapping::toApi(*principal).toJson());
    });

    server.route(QStringLiteral("/api/v1/devices"), Method::Post, [this](const QHttpServerRequest &request) {
        Result<Principal> principal = m_api.authenticate(request);
        if (!principal)
            return HttpJson::problem(principal.error());
        Result<QJsonObject> body = HttpJson::parseObject(request);
        if (!body)
            return HttpJson::problem(body.error());
        const HttpJson::ObjectReader reader(*body);
        if (Status st = reader.onlyFields({QStringLiteral("name")}); !st.ok())
            return HttpJson::problem(st.error());
        Result<QString> name = reader.requiredString(QStringLiteral("name"), AuthStore::kMaxDeviceNameLength);
        if (!name)
            return HttpJson::problem(name.error());
        Result<DeviceRegistration> device = m_api.auth().registerDevice(principal->userId, *name);
        if (!device)
            return HttpJson::problem(device.error());
        return HttpJson::json(ApiMapping::toApi(*device).toJson(), StatusCode::Created);
    });
}

} // namespace ArchiveSync
