// SPDX-License-Identifier: Apache-2.0
#pragma once

class QHttpServer;

namespace ArchiveSync {

class AdmissionControl;
class ApiContext;

/// \brief Initial-sync admission (/api/v1/offline/initial-sync): a device asks for a slot before it
/// downloads a whole repository, gives it back when done, and admins see who holds and who waits.
///
/// Slots are per device, so only device tokens may ask; the decisions are AdmissionControl's.
class AdmissionController
{
public:
    AdmissionController(ApiContext &api, AdmissionControl &admission)
        : m_api(api)
        , m_admission(admission)
    {}
    void registerRoutes(QHttpServer &server);

private:
    ApiContext &m_api;
    AdmissionControl &m_admission;
};

} // namespace ArchiveSync
