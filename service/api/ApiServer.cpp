// SPDX-License-Identifier: Apache-2.0
#include "service/api/ApiServer.h"

#include "service/ServiceContext.h"
#include "service/api/HttpJson.h"
#include "service/http/GuardedTcpServer.h"

#include <QMetaEnum>

namespace ArchiveSync {

ApiServer::ApiServer(ServiceContext &service, AuthStore &auth, LoginThrottle &throttle, JobRunner &jobs)
    : m_api(service, auth, throttle, jobs)
    , m_admission(service.clock())
{
    m_http.route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [] {
        return HttpJson::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    m_sessions.registerRoutes(m_http);
    m_users.registerRoutes(m_http);
    m_mailboxes.registerRoutes(m_http);
    m_mailboxAdmin.registerRoutes(m_http);
    m_directory.registerRoutes(m_http);
    m_offlineSettings.registerRoutes(m_http);
    m_schedule.registerRoutes(m_http);
    m_userAdmin.registerRoutes(m_http);
    m_devices.registerRoutes(m_http);
    m_audit.registerRoutes(m_http);
    m_offline.registerRoutes(m_http);
    m_messages.registerRoutes(m_http);
    m_metrics.registerRoutes(m_http);
    m_jobs.registerRoutes(m_http);
    m_admissionRoutes.registerRoutes(m_http);
    m_offline.setAdmission(&m_admission); // segment downloads renew initial-sync leases
    m_http.setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const QHttpServerResponse problem = HttpJson::problem(
            HttpJson::StatusCode::NotFound,
            QStringLiteral("no resource %1 for method %2")
                .arg(request.url().path(),
                     QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                         static_cast<int>(request.method())))));
        responder.write(problem.data(), problem.mimeType(), problem.statusCode());
    });
}

ApiServer::~ApiServer() = default;

Result<quint16> ApiServer::listen(const QHostAddress &address, quint16 port,
                                  const GuardedTcpServer::Limits &limits, const QSslConfiguration &tls)
{
    auto *tcp = new GuardedTcpServer(limits, &m_http); // the HTTP server's child: they live and die together
    tcp->setSslConfiguration(tls);
    if (!tcp->listen(address, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return Error::io(
            QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(reason));
    }
    m_tcp = tcp;
    m_http.bind(m_tcp);
    return m_tcp->serverPort();
}

} // namespace ArchiveSync
