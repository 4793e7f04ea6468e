// SPDX-License-Identifier: Apache-2.0
#include "service/api/DirectoryController.h"

#include "core/api/ApiTypes.h"
#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;

void DirectoryController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/directory"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        ArchiveStore &archive = m_api.service().archive();
        Result<QList<Mailbox>> all = archive.mailboxes();
        if (!all)
            return HttpJson::problem(all.error());
        QList<Api::DirectoryEntry> list;
        for (const Mailbox &mailbox : std::as_const(*all)) {
            if (mailbox.managed)
                continue;
            Result<qint64> count = archive.messageCount(mailbox.id);
            if (!count)
                return HttpJson::problem(count.error());
            list.append(Api::DirectoryEntry{mailbox.address, mailbox.displayName, *count});
        }
        return HttpJson::json(Api::listToJson(list));
    });
}

} // namespace ArchiveSync
