// SPDX-License-Identifier: Apache-2.0
#include "service/api/MailboxController.h"

#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>
#include <QJsonArray>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

Result<Api::Mailbox> MailboxController::apiMailbox(const Mailbox &mailbox)
{
    ServiceContext &service = m_api.service();
    Result<qint64> count = service.archive().messageCount(mailbox.id);
    if (!count)
        return count.error();
    Result<MailboxOfflineConfig> config = service.offline().mailboxConfig(mailbox.id);
    if (!config)
        return config.error();
    Api::Mailbox out;
    out.address = mailbox.address;
    out.displayName = mailbox.displayName;
    out.managed = mailbox.managed;
    out.archivedMessages = *count;
    out.offline.enabled = config->enabled;
    out.offline.useDefaults = config->useDefaults;
    Result<Manifest> manifest = service.builder().manifestFromStore(mailbox.id);
    if (manifest)
        ApiMapping::setRepository(out.offline, *manifest);
    else if (manifest.error().category != ErrorCategory::NotFound)
        return manifest.error();
    return out;
}

void MailboxController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/mailboxes"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> principal = m_api.authenticate(request);
        if (!principal)
            return HttpJson::problem(principal.error());
        Result<QList<Mailbox>> all = m_api.service().archive().mailboxes();
        if (!all)
            return HttpJson::problem(all.error());
        QList<Api::Mailbox> list;
        for (const Mailbox &mailbox : std::as_const(*all)) {
            Result<bool> allowed = m_api.auth().mayAccessMailbox(*principal, mailbox.id);
            if (!allowed)
                return HttpJson::problem(allowed.error());
            if (!*allowed)
                continue;
            Result<Api::Mailbox> shown = apiMailbox(mailbox);
            if (!shown)
                return HttpJson::problem(shown.error());
            list.append(*shown);
        }
        return HttpJson::json(Api::listToJson(list));
    });

    server.route(QStringLiteral("/api/v1/mailboxes/<arg>"), Method::Get,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<Principal> principal = m_api.authenticate(request);
                     if (!principal)
                         return HttpJson::problem(principal.error());
                     Result<Mailbox> mailbox = m_api.visibleMailbox(*principal, address);
                     if (!mailbox)
                         return HttpJson::problem(mailbox.error());
                     Result<Api::Mailbox> shown = apiMailbox(*mailbox);
                     return shown ? HttpJson::json(shown->toJson()) : HttpJson::problem(shown.error());
                 });

    server.route(QStringLiteral("/api/v1/mailboxes/<arg>/permissions"), Method::Get,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<AdminMailbox> target = m_api.adminMailbox(request, address);
                     if (!target)
                         return HttpJson::problem(target.error());
                     auto &[admin, mailbox] = *target;
                     Result<QStringList> users = m_api.auth().permissionsOf(mailbox.id);
                     if (!users)
                         return HttpJson::problem(users.error());
                     return HttpJson::json(
                         QJsonObject{{QStringLiteral("usernames"), QJsonArray::fromStringList(*users)}});
                 });

    server.route(QStringLiteral("/api/v1/mailboxes/<arg>/permissions"), Method::Post,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<AdminMailbox> target = m_api.adminMailbox(request, address);
                     if (!target)
                         return HttpJson::problem(target.error());
                     auto &[admin, mailbox] = *target;
                     Result<QJsonObject> body = HttpJson::parseObject(request);
                     if (!body)
                         return HttpJson::problem(body.error());
                     const HttpJson::ObjectReader reader(*body);
                     if (Status st = reader.onlyFields({QStringLiteral("username")}); !st.ok())
                         return HttpJson::problem(st.error());
                     Result<QString> username = reader.requiredString(QStringLiteral("username"), 256);
                     if (!username)
                         return HttpJson::problem(username.error());
                     Result<std::optional<User>> user = m_api.auth().userByName(*username);
                     if (!user)
                         return HttpJson::problem(user.error());
                     if (!user->has_value())
                         return HttpJson::problem(Error{ErrorCategory::Invalid,
                                                        QStringLiteral("no user %1").arg(*username),
                                                        QStringLiteral("username")});
                     if (Status st = m_api.auth().grant((*user)->id, mailbox.id); !st.ok())
                         return HttpJson::problem(st.error());
                     m_api.audit(admin, QStringLiteral("permission.grant"), mailbox.address,
                                 (*user)->username);
                     return QHttpServerResponse(StatusCode::NoContent);
                 });

    server.route(
        QStringLiteral("/api/v1/mailboxes/<arg>/permissions/<arg>"), Method::Delete,
        [this](const QString &address, const QString &username, const QHttpServerRequest &request) {
            Result<AdminMailbox> target = m_api.adminMailbox(request, address);
            if (!target)
                return HttpJson::problem(target.error());
            auto &[admin, mailbox] = *target;
            Result<std::optional<User>> user = m_api.auth().userByName(username);
            if (!user)
                return HttpJson::problem(user.error());
            if (!user->has_value())
                return HttpJson::problem(Error::notFound(QStringLiteral("no user %1").arg(username)));
            if (Status st = m_api.auth().revoke((*user)->id, mailbox.id); !st.ok())
                return HttpJson::problem(st.error());
            m_api.audit(admin, QStringLiteral("permission.revoke"), mailbox.address, (*user)->username);
            return QHttpServerResponse(StatusCode::NoContent);
        });
}

} // namespace ArchiveSync
