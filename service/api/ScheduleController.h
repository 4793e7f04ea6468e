// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

class QHttpServer;

namespace ArchiveSync {

class ApiContext;

/// \brief When repositories are updated (/api/v1/offline/schedule); admins only. A running service picks a
/// new schedule up within seconds.
class ScheduleController
{
public:
    static constexpr int kPreviewRuns = 5;

    explicit ScheduleController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    /// The schedule with its next runs, computed from the service's clock.
    Api::ScheduleView scheduleView(const Schedule &schedule) const;
    ApiContext &m_api;
};

} // namespace ArchiveSync
