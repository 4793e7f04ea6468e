// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"
#include "core/common/Result.h"

class QHttpServer;

namespace ArchiveSync {

class ApiContext;
struct Mailbox;

/// \brief Mailboxes (/api/v1/mailboxes) and who may search into them (.../permissions).
class MailboxController
{
public:
    explicit MailboxController(ApiContext &api)
        : m_api(api)
    {}
    void registerRoutes(QHttpServer &server);
    /// The mailbox as the API shows it (schema Mailbox); MailboxAdminController answers with it too.
    Result<Api::Mailbox> apiMailbox(const Mailbox &mailbox);

private:
    ApiContext &m_api;
};

} // namespace ArchiveSync
