// SPDX-License-Identifier: Apache-2.0
#include "service/api/DeviceController.h"

#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
Error invalidMember(const QString &name, const QString &what)
{
    return Error::invalid(QStringLiteral("%1 %2").arg(name, what), name);
}

bool isCount(const QJsonValue &v)
{
    const double d = v.toDouble(-1);
    return v.isDouble() && d >= 0 && d <= 9.0e15 && d == static_cast<double>(static_cast<qint64>(d));
}

/// The members the service reads are type-checked; others are kept as the agent sent them, so agents can
/// report more without a service release.
Status checkDeviceState(const QJsonObject &state)
{
    for (const QString &name : {QStringLiteral("generation"), QStringLiteral("appliedSegments")}) {
        if (state.contains(name) && !isCount(state.value(name)))
            return invalidMember(name, QStringLiteral("must be a whole number, 0 or more"));
    }
    if (state.contains(QStringLiteral("mailboxes")) && !state.value(QStringLiteral("mailboxes")).isArray())
        return invalidMember(QStringLiteral("mailboxes"), QStringLiteral("must be an array"));
    if (state.contains(QStringLiteral("status"))) {
        const QJsonValue status = state.value(QStringLiteral("status"));
        if (!status.isString() || status.toString().size() > 1024)
            return invalidMember(QStringLiteral("status"),
                                 QStringLiteral("must be a string of at most 1024 characters"));
    }
    return {};
}
} // namespace

Result<Device> DeviceController::visibleDevice(const Principal &principal, const QString &id)
{
    const Error hidden = Error::notFound(QStringLiteral("no device %1").arg(id));
    bool ok = false;
    const qint64 deviceId = id.toLongLong(&ok);
    // Digits only: "+5", " 5" or "0x5" name no device.
    if (!ok || deviceId <= 0 || QString::number(deviceId) != id)
        return hidden;
    Result<Device> device = m_api.auth().device(deviceId);
    if (!device)
        return device.error().category == ErrorCategory::NotFound ? hidden : device.error();
    if (!principal.isAdmin() && device->userId != principal.userId)
        return hidden;
    return device;
}

void DeviceController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/devices"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> principal = m_api.authenticate(request);
        if (!principal)
            return HttpJson::problem(principal.error());
        Result<QList<Device>> devices =
            principal->isAdmin() ? m_api.auth().devices() : m_api.auth().devicesOf(principal->userId);
        if (!devices)
            return HttpJson::problem(devices.error());
        return HttpJson::json(ApiMapping::toJsonArray(*devices));
    });

    // Revoking is for an admin or the device's own user; revoking twice is harmless.
    server.route(QStringLiteral("/api/v1/devices/<arg>"), Method::Delete,
                 [this](const QString &id, const QHttpServerRequest &request) {
                     Result<Principal> principal = m_api.authenticate(request);
                     if (!principal)
                         return HttpJson::problem(principal.error());
                     Result<Device> device = visibleDevice(*principal, id);
                     if (!device)
                         return HttpJson::problem(device.error());
                     if (Status st = m_api.auth().revokeDevice(device->id); !st.ok())
                         return HttpJson::problem(st.error());
                     m_api.audit(*principal, QStringLiteral("device.revoke"), QString::number(device->id),
                                 QStringLiteral("%1 of %2").arg(device->name, device->username));
                     return QHttpServerResponse(StatusCode::NoContent);
                 });

    server.route(QStringLiteral("/api/v1/devices/<arg>/state"), Method::Put,
                 [this](const QString &id, const QHttpServerRequest &request) {
                     Result<Principal> principal = m_api.authenticate(request);
                     if (!principal)
                         return HttpJson::problem(principal.error());
                     Result<Device> device = visibleDevice(*principal, id);
                     if (!device)
                         return HttpJson::problem(device.error());
                     if (!principal->isAdmin() && principal->deviceId != device->id)
                         return HttpJson::problem(
                             Error{ErrorCategory::Forbidden,
                                   QStringLiteral("only the device itself (with its device token) or an "
                                                  "administrator may report its state"),
                                   {}});
                     if (request.body().size() > kMaxStateBytes)
                         return HttpJson::problem(
                             StatusCode::PayloadTooLarge,
                             QStringLiteral("the state must be at most %1 bytes").arg(kMaxStateBytes),
                             QJsonObject{{QStringLiteral("field"), QStringLiteral("body")}});
                     Result<QJsonObject> state = HttpJson::parseObject(request, kMaxStateBytes);
                     if (!state)
                         return HttpJson::problem(state.error());
                     if (Status st = checkDeviceState(*state); !st.ok())
                         return HttpJson::problem(st.error());
                     if (Status st = m_api.auth().setDeviceState(device->id, *state); !st.ok())
                         return HttpJson::problem(st.error());
                     return QHttpServerResponse(StatusCode::NoContent);
                 });

    server.route(QStringLiteral("/api/v1/devices/<arg>/state"), Method::Get,
                 [this](const QString &id, const QHttpServerRequest &request) {
                     Result<Principal> principal = m_api.authenticate(request);
                     if (!principal)
                         return HttpJson::problem(principal.error());
                     Result<Device> device = visibleDevice(*principal, id);
                     if (!device)
                         return HttpJson::problem(device.error());
                     Result<QJsonObject> state = m_api.auth().deviceState(device->id);
                     return state ? HttpJson::json(*state) : HttpJson::problem(state.error());
                 });
}

} // namespace ArchiveSync
