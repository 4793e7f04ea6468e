// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHttpServer;

namespace ArchiveSync {

class ApiContext;

/// \brief Accounts (/api/v1/users): list and create; admins only.
class UserController
{
public:
    explicit UserController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
