// SPDX-License-Identifier: Apache-2.0
#include "service/api/AuditController.h"

#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>
#include <QUrlQuery>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;

namespace {
/// ?limit=N, 1..kMaxLimit; other query parameters are refused like unknown JSON fields.
Result<int> limitFrom(const QUrlQuery &query)
{
    const QString name = QStringLiteral("limit");
    for (const auto &[key, value] : query.queryItems()) {
        if (key != name)
            return Error::invalid(QStringLiteral("%1 is not a known parameter (known: limit)").arg(key), key);
    }
    const QStringList values = query.allQueryItemValues(name);
    if (values.isEmpty())
        return AuditController::kDefaultLimit;
    bool ok = false;
    const int limit = values.size() == 1 ? values.first().toInt(&ok) : 0;
    if (!ok || limit < 1 || limit > AuditController::kMaxLimit || QString::number(limit) != values.first())
        return Error::invalid(
            QStringLiteral("limit must be a whole number between 1 and %1").arg(AuditController::kMaxLimit),
            name);
    return limit;
}
} // namespace

void AuditController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/audit"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        Result<int> limit = limitFrom(request.query());
        if (!limit)
            return HttpJson::problem(limit.error());
        Result<QList<AuditEntry>> entries = m_api.auth().recentAudit(*limit);
        if (!entries)
            return HttpJson::problem(entries.error());
        return HttpJson::json(ApiMapping::toJsonArray(*entries));
    });
}

} // namespace ArchiveSync
