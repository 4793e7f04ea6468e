// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHttpServer;

namespace ArchiveSync {

class ApiContext;

/// \brief Sign-in and sign-out (/api/v1/session), who am I (/api/v1/me), device registration
/// (/api/v1/devices).
class SessionController
{
public:
    explicit SessionController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
