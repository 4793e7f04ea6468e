// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "service/api/AdmissionController.h"
#include "service/api/ApiContext.h"
#include "service/api/AuditController.h"
#include "service/api/DeviceController.h"
#include "service/api/DirectoryController.h"
#include "service/api/JobController.h"
#include "service/api/MailboxAdminController.h"
#include "service/api/MailboxController.h"
#include "service/api/MessageController.h"
#include "service/api/MetricsController.h"
#include "service/api/OfflineController.h"
#include "service/api/OfflineSettingsController.h"
#include "service/api/ScheduleController.h"
#include "service/api/SessionController.h"
#include "service/api/UserAdminController.h"
#include "service/api/UserController.h"
#include "service/http/GuardedTcpServer.h"
#include "service/offline/AdmissionControl.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QSslConfiguration>

#include <memory>

namespace ArchiveSync {

/// \brief The REST API: QHttpServer behind a guarded listening socket, with one controller per resource.
class ApiServer
{
public:
    ApiServer(ServiceContext &service, AuthStore &auth, LoginThrottle &throttle, JobRunner &jobs);
    ~ApiServer();

    /// Starts listening; port 0 lets the system choose. Returns the port. A non-null `tls` serves HTTPS.
    Result<quint16> listen(const QHostAddress &address, quint16 port,
                           const GuardedTcpServer::Limits &limits = {}, const QSslConfiguration &tls = {});
    GuardedTcpServer &tcpServer() { return *m_tcp; }
    AdmissionControl &admission() { return m_admission; }

private:
    ApiContext m_api;
    QHttpServer m_http;
    GuardedTcpServer *m_tcp = nullptr; ///< owned by m_http once bound
    SessionController m_sessions{m_api};
    UserController m_users{m_api};
    MailboxController m_mailboxes{m_api};
    MailboxAdminController m_mailboxAdmin{m_api};
    DirectoryController m_directory{m_api};
    OfflineSettingsController m_offlineSettings{m_api};
    ScheduleController m_schedule{m_api};
    UserAdminController m_userAdmin{m_api};
    DeviceController m_devices{m_api};
    AuditController m_audit{m_api};
    OfflineController m_offline{m_api};
    MessageController m_messages{m_api};
    MetricsController m_metrics{m_api, [this] { return m_tcp; }, m_offline};
    JobController m_jobs{m_api};
    AdmissionControl m_admission;
    AdmissionController m_admissionRoutes{m_api, m_admission};
};

} // namespace ArchiveSync
