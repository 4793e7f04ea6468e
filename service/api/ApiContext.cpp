// SPDX-License-Identifier: Apache-2.0
#include "service/api/ApiContext.h"

#include "service/ServiceContext.h"
#include "service/common/Logging.h"

namespace ArchiveSync {

Result<Principal> ApiContext::authenticate(const QHttpServerRequest &request)
{
    const QByteArray header = request.value(QByteArrayLiteral("Authorization"));
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (header.size() <= scheme.size() || header.left(scheme.size()).toLower() != scheme)
        return Error{
            ErrorCategory::Auth, QStringLiteral("sign in first: send Authorization: Bearer <token>"), {}};
    return m_auth.resolveToken(QString::fromLatin1(header.mid(scheme.size()).trimmed()));
}

Result<Principal> ApiContext::authenticateAdmin(const QHttpServerRequest &request)
{
    Result<Principal> principal = authenticate(request);
    if (!principal)
        return principal;
    if (!principal->isAdmin())
        return Error{ErrorCategory::Forbidden, QStringLiteral("this needs an administrator"), {}};
    return principal;
}

Result<Mailbox> ApiContext::visibleMailbox(const Principal &principal, const QString &address)
{
    const Error hidden = Error::notFound(QStringLiteral("no mailbox %1").arg(address));
    Result<std::optional<Mailbox>> mailbox = m_service.archive().mailboxByAddress(address);
    if (!mailbox)
        return mailbox.error();
    if (!mailbox->has_value())
        return hidden;
    Result<bool> allowed = m_auth.mayAccessMailbox(principal, (*mailbox)->id);
    if (!allowed)
        return allowed.error();
    if (!*allowed)
        return hidden;
    return **mailbox;
}

Result<AdminMailbox> ApiContext::adminMailbox(const QHttpServerRequest &request, const QString &address)
{
    Result<Principal> admin = authenticateAdmin(request);
    if (!admin)
        return admin.error();
    Result<Mailbox> mailbox = visibleMailbox(*admin, address);
    if (!mailbox)
        return mailbox.error();
    return AdminMailbox{*admin, *mailbox};
}

void ApiContext::audit(const Principal &principal, const QString &action, const QString &target,
                       const QString &detail)
{
    if (Status st = m_auth.audit(principal.username, action, target, detail); !st.ok())
        qCWarning(lcService) << "cannot write the audit log:" << st.errorString();
}

} // namespace ArchiveSync
