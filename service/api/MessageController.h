// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

class QHttpServer;

namespace ArchiveSync {

class ApiContext;
struct StoredMessage;

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

    /// The message as the API shows it (schema ArchivedMessage).
    static QJsonObject messageJson(const StoredMessage &message);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
