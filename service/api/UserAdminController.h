// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHttpServer;

namespace ArchiveSync {

class ApiContext;

/// \brief Changing and deleting accounts (/api/v1/users/{username}); admins only. The last administrator
/// can be neither demoted nor deleted.
class UserAdminController
{
public:
    explicit UserAdminController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
