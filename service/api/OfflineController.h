// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHttpServer;

namespace ArchiveSync {

class ApiContext;

/// \brief What agents pull: my offline mailboxes, a repository's manifest and its segments.
class OfflineController
{
public:
    explicit OfflineController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
