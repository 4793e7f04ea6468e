// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHttpServer;

namespace ArchiveSync {

class ApiContext;

/// \brief Archived messages of a mailbox: one message (raw or as JSON) and a header search.
class MessageController
{
public:
    /// The most messages one search page holds.
    static constexpr int maxLimit = 500;

    explicit MessageController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
