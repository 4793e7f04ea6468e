// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"
#include "core/common/Result.h"

class QHttpServer;

namespace ArchiveSync {

class ApiContext;
struct Mailbox;

/// \brief Offline settings: a mailbox's switch and settings (/api/v1/mailboxes/{address}/offline) and the
/// defaults (/api/v1/offline/defaults); admins only.
class OfflineSettingsController
{
public:
    explicit OfflineSettingsController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    /// The switch and the settings in force (schema MailboxOffline).
    Result<Api::MailboxOfflineConfig> apiOffline(const Mailbox &mailbox);
    ApiContext &m_api;
};

} // namespace ArchiveSync
