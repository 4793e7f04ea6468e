// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "service/api/ManifestWatcher.h"

class QHttpServer;

namespace ArchiveSync {

class AdmissionControl;
class ApiContext;

/// \brief What agents pull: my offline mailboxes, a repository's manifest (long-polled with ?wait)
/// and its segments.
class OfflineController
{
public:
    /// The longest ?wait a client may ask for, in seconds.
    static constexpr int maxWaitSeconds = 300;

    explicit OfflineController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

    /// Manifest requests held until a change or their time is up.
    int manifestWaiters() const { return m_watcher.waiters(); }
    ManifestWatcher &manifestWatcher() { return m_watcher; }
    /// Each segment request by a device renews the initial-sync lease it holds there.
    void setAdmission(AdmissionControl *admission) { m_admission = admission; }

private:
    ApiContext &m_api;
    ManifestWatcher m_watcher;
    AdmissionControl *m_admission = nullptr; ///< not owned
};

} // namespace ArchiveSync
