// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

class QHttpServer;

namespace ArchiveSync {

class ApiContext;
struct Device;
struct Principal;

/// \brief Registered laptops (/api/v1/devices): list, revoke, and the state each one reports.
///
/// Admins see every device; a user sees only their own, and another user's device answers 404 like a
/// missing one. Only the device itself (with its device token) or an admin may report its state.
/// Registering a device (POST /api/v1/devices) stays with SessionController.
class DeviceController
{
public:
    static constexpr qint64 kMaxStateBytes = 64 * 1024;

    explicit DeviceController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);

private:
    /// The device with id `id` (the path segment) if the caller may see it; NotFound otherwise.
    Result<Device> visibleDevice(const Principal &principal, const QString &id);
    ApiContext &m_api;
};

} // namespace ArchiveSync
