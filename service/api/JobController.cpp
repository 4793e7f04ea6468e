// SPDX-License-Identifier: Apache-2.0
#include "service/api/JobController.h"

#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"
#include "service/offline/JobRunner.h"

#include <QHttpServer>
#include <QUrlQuery>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
QHttpServerResponse accepted(const JobActivity &activity)
{
    return HttpJson::json(ApiMapping::toApi(activity).toJson(), StatusCode::Accepted);
}
} // namespace

void JobController::registerRoutes(QHttpServer &server)
{
    // Synchronize now: all enabled mailboxes, or the ones named.
    server.route(
        QStringLiteral("/api/v1/offline/sync"), Method::Post, [this](const QHttpServerRequest &request) {
            Result<Principal> admin = m_api.authenticateAdmin(request);
            if (!admin)
                return HttpJson::problem(admin.error());
            QJsonObject body;
            if (!request.body().trimmed().isEmpty()) {
                Result<QJsonObject> parsed = HttpJson::parseObject(request);
                if (!parsed)
                    return HttpJson::problem(parsed.error());
                body = *parsed;
            }
            if (Status st = HttpJson::ObjectReader(body).onlyFields({QStringLiteral("mailboxes")}); !st.ok())
                return HttpJson::problem(st.error());
            QList<qint64> ids;
            QStringList names;
            if (body.contains(QStringLiteral("mailboxes"))) {
                const QJsonValue list = body.value(QStringLiteral("mailboxes"));
                if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > 10000)
                    return HttpJson::problem(
                        Error::invalid(QStringLiteral("mailboxes must be a non-empty list of addresses"),
                                       QStringLiteral("mailboxes")));
                for (const QJsonValue &v : list.toArray()) {
                    if (!v.isString())
                        return HttpJson::problem(Error::invalid(
                            QStringLiteral("mailboxes must hold addresses"), QStringLiteral("mailboxes")));
                    Result<Mailbox> mailbox = m_api.visibleMailbox(*admin, v.toString());
                    if (!mailbox)
                        return HttpJson::problem(mailbox.error());
                    ids.append(mailbox->id);
                    names.append(mailbox->address);
                }
            }
            m_api.jobs().requestUpdate(ids, QStringLiteral("manual"));
            m_api.audit(*admin, QStringLiteral("offline.sync"),
                        names.isEmpty() ? QStringLiteral("*") : names.join(QLatin1Char(',')));
            return accepted(m_api.jobs().activity());
        });

    server.route(QStringLiteral("/api/v1/mailboxes/<arg>/offline/flush"), Method::Post,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<AdminMailbox> target = m_api.adminMailbox(request, address);
                     if (!target)
                         return HttpJson::problem(target.error());
                     auto &[admin, mailbox] = *target;
                     Result<MailboxOfflineConfig> config =
                         m_api.service().offline().mailboxConfig(mailbox.id);
                     if (!config)
                         return HttpJson::problem(config.error());
                     if (!config->enabled)
                         return HttpJson::problem(Error::conflict(
                             QStringLiteral("offline sync is not enabled for %1").arg(mailbox.address)));
                     m_api.jobs().requestFlush(mailbox.id, QStringLiteral("manual"));
                     m_api.audit(admin, QStringLiteral("offline.flush"), mailbox.address);
                     return accepted(m_api.jobs().activity());
                 });

    server.route(QStringLiteral("/api/v1/jobs"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        const QUrlQuery query(request.url());
        int limit = 50;
        if (query.hasQueryItem(QStringLiteral("limit"))) {
            bool ok = false;
            limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
            if (!ok || limit < 1 || limit > 1000)
                return HttpJson::problem(Error::invalid(QStringLiteral("limit must be between 1 and 1000"),
                                                        QStringLiteral("limit")));
        }
        Result<QList<JobRecord>> jobs = m_api.service().jobs().recentJobs(limit);
        if (!jobs)
            return HttpJson::problem(jobs.error());
        Api::JobList list;
        list.activity = ApiMapping::toApi(m_api.jobs().activity());
        for (const JobRecord &job : std::as_const(*jobs))
            list.jobs.append(ApiMapping::toApi(job));
        return HttpJson::json(list.toJson());
    });

    server.route(QStringLiteral("/api/v1/status"), Method::Get, [this](const QHttpServerRequest &request) {
        Result<Principal> admin = m_api.authenticateAdmin(request);
        if (!admin)
            return HttpJson::problem(admin.error());
        ServiceContext &service = m_api.service();
        Result<Schedule> schedule = service.schedule();
        if (!schedule)
            return HttpJson::problem(schedule.error());
        Result<std::optional<QDateTime>> lastSlot = service.jobs().lastRunSlot();
        if (!lastSlot)
            return HttpJson::problem(lastSlot.error());
        Result<QList<JobRecord>> recent = service.jobs().recentJobs(10);
        if (!recent)
            return HttpJson::problem(recent.error());
        const QDateTime now = service.clock().now();
        Api::ServiceStatus status;
        status.schedule = *schedule;
        status.scheduleDescription = schedule->describe();
        status.lastRun = lastSlot->value_or(QDateTime());
        status.nextRun = schedule->nextRunAfter(now, service.clock().timeZone());
        status.activity = ApiMapping::toApi(m_api.jobs().activity());
        for (const JobRecord &job : std::as_const(*recent)) {
            status.recentJobs.append(ApiMapping::toApi(job));
            if (!job.errors.isEmpty())
                status.recentErrors.append(Api::JobError{job.id, job.finished, job.errors});
        }

        // Every repository's state, so the Status page needs one call.
        Result<QList<qint64>> repositoryIds = service.offline().repositoryMailboxIds();
        if (!repositoryIds)
            return HttpJson::problem(repositoryIds.error());
        for (qint64 id : std::as_const(*repositoryIds)) {
            Result<Manifest> manifest = service.builder().manifestFromStore(id);
            Result<MailboxOfflineConfig> config = service.offline().mailboxConfig(id);
            if (!manifest)
                return HttpJson::problem(manifest.error());
            if (!config)
                return HttpJson::problem(config.error());
            status.repositories.append(ApiMapping::repositoryStatus(*manifest, config->enabled));
        }

        // Every laptop: when it was last seen, what it reported, and how far behind it is.
        Result<QList<Device>> devices = m_api.auth().devices();
        if (!devices)
            return HttpJson::problem(devices.error());
        for (const Device &device : std::as_const(*devices)) {
            Result<QJsonObject> state = m_api.auth().deviceState(device.id);
            if (!state)
                return HttpJson::problem(state.error());
            status.devices.append(ApiMapping::deviceStatus(device, *state, now));
        }
        return HttpJson::json(status.toJson());
    });
}

} // namespace ArchiveSync
