// SPDX-License-Identifier: Apache-2.0
#include "service/api/AdmissionController.h"

#include "core/api/ApiTypes.h"
#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"
#include "service/offline/AdmissionControl.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
// A slot belongs to one laptop; a session token (the admin app, a script) names no device.
Result<Principal> authenticateDevice(ApiContext &api, const QHttpServerRequest &request)
{
    Result<Principal> principal = api.authenticate(request);
    if (principal && principal->tokenKind != TokenKind::Device)
        return Error{ErrorCategory::Forbidden,
                     QStringLiteral("register the device first: initial syncs are admitted per device, "
                                    "with the device token from POST /api/v1/devices"),
                     {}};
    return principal;
}
} // namespace

void AdmissionController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/offline/initial-sync"), Method::Post,
                 [this](const QHttpServerRequest &request) {
                     Result<Principal> device = authenticateDevice(m_api, request);
                     if (!device)
                         return HttpJson::problem(device.error());
                     const AdmissionControl::Decision decision =
                         m_admission.request(device->deviceId, device->username);
                     if (decision.admitted)
                         return HttpJson::json(Api::Admission{decision.leaseSeconds}.toJson());
                     QHttpServerResponse busy = HttpJson::problem(
                         StatusCode::ServiceUnavailable,
                         QStringLiteral("all %1 initial-sync slots are taken; this device is number %2 in "
                                        "the queue and keeps its place while it asks again within %3 "
                                        "seconds")
                             .arg(m_admission.settings().maxHolders)
                             .arg(decision.position)
                             .arg(2 * decision.retryAfterSeconds),
                         QJsonObject{{QStringLiteral("position"), decision.position},
                                     {QStringLiteral("retryAfter"), decision.retryAfterSeconds}});
                     busy.setHeader(QByteArrayLiteral("Retry-After"),
                                    QByteArray::number(decision.retryAfterSeconds));
                     return busy;
                 });

    // Releasing what the device does not hold is no error: the end state is the same.
    server.route(QStringLiteral("/api/v1/offline/initial-sync"), Method::Delete,
                 [this](const QHttpServerRequest &request) {
                     Result<Principal> device = authenticateDevice(m_api, request);
                     if (!device)
                         return HttpJson::problem(device.error());
                     m_admission.release(device->deviceId);
                     return QHttpServerResponse(StatusCode::NoContent);
                 });

    server.route(
        QStringLiteral("/api/v1/offline/initial-sync"), Method::Get,
        [this](const QHttpServerRequest &request) {
            Result<Principal> admin = m_api.authenticateAdmin(request);
            if (!admin)
                return HttpJson::problem(admin.error());
            Api::AdmissionState state;
            state.limit = m_admission.settings().maxHolders;
            state.leaseSeconds = m_admission.settings().leaseSeconds;
            for (const AdmissionControl::Holder &h : m_admission.holders())
                state.holders.append(Api::AdmissionHolder{h.deviceId, h.username, h.since});
            for (const AdmissionControl::Waiter &w : m_admission.queue())
                state.queue.append(Api::AdmissionWaiter{w.deviceId, w.username, int(state.queue.size()) + 1});
            return HttpJson::json(state.toJson());
        });
}

} // namespace ArchiveSync
