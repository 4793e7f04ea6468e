// SPDX-License-Identifier: Apache-2.0
#include "service/api/ScheduleController.h"

#include "core/schedule/Schedule.h"
#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;

Api::ScheduleView ScheduleController::scheduleView(const Schedule &schedule) const
{
    const Clock &clock = m_api.service().clock();
    return Api::ScheduleView{schedule, schedule.describe(), QString::fromUtf8(clock.timeZone().id()),
                             schedule.nextRuns(clock.now(), clock.timeZone(), kPreviewRuns)};
}

void ScheduleController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/offline/schedule"), Method::Get,
                 [this](const QHttpServerRequest &request) {
                     Result<Principal> admin = m_api.authenticateAdmin(request);
                     if (!admin)
                         return HttpJson::problem(admin.error());
                     Result<Schedule> schedule = m_api.service().schedule();
                     return schedule ? HttpJson::json(scheduleView(*schedule).toJson())
                                     : HttpJson::problem(schedule.error());
                 });

    server.route(
        QStringLiteral("/api/v1/offline/schedule"), Method::Put, [this](const QHttpServerRequest &request) {
            Result<Principal> admin = m_api.authenticateAdmin(request);
            if (!admin)
                return HttpJson::problem(admin.error());
            Result<QJsonObject> body = HttpJson::parseObject(request);
            if (!body)
                return HttpJson::problem(body.error());
            Result<Schedule> schedule = Schedule::fromJson(*body);
            if (!schedule)
                return HttpJson::problem(schedule.error());
            if (Status st =
                    m_api.service().jobs().setSchedule(schedule->toJson(), m_api.service().clock().now());
                !st.ok())
                return HttpJson::problem(st.error());
            m_api.audit(*admin, QStringLiteral("schedule.set"), QString(), schedule->toString());
            return HttpJson::json(scheduleView(*schedule).toJson());
        });
}

} // namespace ArchiveSync
