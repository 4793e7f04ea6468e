// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "service/auth/AuthStore.h"
#include "service/store/ArchiveStore.h"

#include <QHttpServerRequest>

namespace ArchiveSync {

class JobRunner;
class LoginThrottle;
class ServiceContext;

/// \brief An admin route's caller and the mailbox it is about.
struct AdminMailbox
{
    Principal admin;
    Mailbox mailbox;
};

/// \brief What every API route needs: the service's stores, and who is asking.
class ApiContext
{
public:
    ApiContext(ServiceContext &service, AuthStore &auth, LoginThrottle &throttle, JobRunner &jobs)
        : m_service(service)
        , m_auth(auth)
        , m_throttle(throttle)
        , m_jobs(jobs)
    {}

    ServiceContext &service() { return m_service; }
    AuthStore &auth() { return m_auth; }
    LoginThrottle &throttle() { return m_throttle; }
    JobRunner &jobs() { return m_jobs; }

    /// The caller behind "Authorization: Bearer <token>"; Error{Auth} when there is none or it is not valid.
    Result<Principal> authenticate(const QHttpServerRequest &request);
    /// Like authenticate(), and Error{Forbidden} unless the caller is an admin.
    Result<Principal> authenticateAdmin(const QHttpServerRequest &request);
    /// The mailbox at `address` if the caller may search into it. A mailbox the caller may not see
    /// is NotFound, exactly like one that does not exist: existence must not leak.
    Result<Mailbox> visibleMailbox(const Principal &principal, const QString &address);
    /// authenticateAdmin() then visibleMailbox(): the prologue of every admin route on one mailbox.
    Result<AdminMailbox> adminMailbox(const QHttpServerRequest &request, const QString &address);
    /// Records an admin action in the audit log; a failure to record is logged, not returned.
    void audit(const Principal &principal, const QString &action, const QString &target,
               const QString &detail = {});

private:
    ServiceContext &m_service;
    AuthStore &m_auth;
    LoginThrottle &m_throttle;
    JobRunner &m_jobs;
};

} // namespace ArchiveSync
