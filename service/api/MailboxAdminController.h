// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHttpServer;

namespace ArchiveSync {

class ApiContext;

/// \brief Managing mailboxes (/api/v1/mailboxes): take one from the directory into management, rename it,
/// release it again; admins only. Reading mailboxes stays with MailboxController.
class MailboxAdminController
{
public:
    explicit MailboxAdminController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
