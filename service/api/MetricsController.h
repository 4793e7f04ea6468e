// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>

#include <functional>

class QHttpServer;

namespace ArchiveSync {

class ApiContext;
class GuardedTcpServer;
class OfflineController;

/// \brief GET /metrics: the service's state in the Prometheus text format (0.0.4), for administrators.
///
/// Also installs the hook that counts responses by status (ResponseCounter).
class MetricsController
{
public:
    /// The listening socket; null before ApiServer::listen().
    using TcpServerSource = std::function<const GuardedTcpServer *()>;

    MetricsController(ApiContext &api, TcpServerSource tcpServer, const OfflineController &offline)
        : m_api(api)
        , m_tcpServer(std::move(tcpServer))
        , m_offline(offline)
    {}
    void registerRoutes(QHttpServer &server);

    /// The exposition text.
    Result<QByteArray> render();

private:
    ApiContext &m_api;
    TcpServerSource m_tcpServer;
    const OfflineController &m_offline;
};

} // namespace ArchiveSync
