// SPDX-License-Identifier: Apache-2.0
#include "service/api/MailboxAdminController.h"

#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"
#include "service/api/MailboxController.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
constexpr int kMaxAddressLength = 320; // RFC 5321: 64 + 1 + 255
constexpr int kMaxDisplayNameLength = 256;
} // namespace

void MailboxAdminController::registerRoutes(QHttpServer &server)
{
    // Takes an archived mailbox from the directory into management.
    server.route(
        QStringLiteral("/api/v1/mailboxes"), Method::Post, [this](const QHttpServerRequest &request) {
            Result<Principal> admin = m_api.authenticateAdmin(request);
            if (!admin)
                return HttpJson::problem(admin.error());
            Result<QJsonObject> body = HttpJson::parseObject(request);
            if (!body)
                return HttpJson::problem(body.error());
            const HttpJson::ObjectReader reader(*body);
            if (Status st = reader.onlyFields({QStringLiteral("address")}); !st.ok())
                return HttpJson::problem(st.error());
            Result<QString> address = reader.requiredString(QStringLiteral("address"), kMaxAddressLength);
            if (!address)
                return HttpJson::problem(address.error());
            if (address->trimmed().isEmpty())
                return HttpJson::problem(
                    Error::invalid(QStringLiteral("address must not be empty"), QStringLiteral("address")));
            Result<Mailbox> mailbox = m_api.visibleMailbox(*admin, *address);
            if (!mailbox)
                return HttpJson::problem(mailbox.error());
            if (mailbox->managed)
                return HttpJson::problem(
                    Error::conflict(QStringLiteral("%1 is already managed").arg(mailbox->address)));
            if (Status st = m_api.service().archive().setManaged(mailbox->id, true); !st.ok())
                return HttpJson::problem(st.error());
            mailbox->managed = true;
            m_api.audit(*admin, QStringLiteral("mailbox.manage"), mailbox->address);
            Result<Api::Mailbox> shown = MailboxController(m_api).apiMailbox(*mailbox);
            return shown ? HttpJson::json(shown->toJson(), StatusCode::Created)
                         : HttpJson::problem(shown.error());
        });

    // Releases a mailbox from management: it returns to the directory; its archive stays.
    server.route(QStringLiteral("/api/v1/mailboxes/<arg>"), Method::Delete,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<AdminMailbox> target = m_api.adminMailbox(request, address);
                     if (!target)
                         return HttpJson::problem(target.error());
                     auto &[admin, mailbox] = *target;
                     if (mailbox.managed) {
                         if (Status st = m_api.service().archive().setManaged(mailbox.id, false); !st.ok())
                             return HttpJson::problem(st.error());
                         m_api.audit(admin, QStringLiteral("mailbox.unmanage"), mailbox.address);
                     }
                     return QHttpServerResponse(StatusCode::NoContent);
                 });

    server.route(QStringLiteral("/api/v1/mailboxes/<arg>"), Method::Patch,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<AdminMailbox> target = m_api.adminMailbox(request, address);
                     if (!target)
                         return HttpJson::problem(target.error());
                     auto &[admin, mailbox] = *target;
                     Result<QJsonObject> body = HttpJson::parseObject(request);
                     if (!body)
                         return HttpJson::problem(body.error());
                     const HttpJson::ObjectReader reader(*body);
                     if (Status st = reader.onlyFields({QStringLiteral("displayName")}); !st.ok())
                         return HttpJson::problem(st.error());
                     if (reader.has(QStringLiteral("displayName"))) {
                         Result<QString> displayName =
                             reader.requiredString(QStringLiteral("displayName"), kMaxDisplayNameLength);
                         if (!displayName)
                             return HttpJson::problem(displayName.error());
                         if (Status st = m_api.service().archive().setDisplayName(mailbox.id, *displayName);
                             !st.ok())
                             return HttpJson::problem(st.error());
                         mailbox.displayName = displayName->trimmed();
                         m_api.audit(admin, QStringLiteral("mailbox.update"), mailbox.address,
                                     QStringLiteral("displayName=%1").arg(mailbox.displayName));
                     }
                     Result<Api::Mailbox> shown = MailboxController(m_api).apiMailbox(mailbox);
                     return shown ? HttpJson::json(shown->toJson()) : HttpJson::problem(shown.error());
                 });
}

} // namespace ArchiveSync
