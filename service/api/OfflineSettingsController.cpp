// SPDX-License-Identifier: Apache-2.0
#include "service/api/OfflineSettingsController.h"

#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"
#include "service/offline/OfflineEligibility.h"

#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

Result<Api::MailboxOfflineConfig> OfflineSettingsController::apiOffline(const Mailbox &mailbox)
{
    OfflineStore &offline = m_api.service().offline();
    Result<MailboxOfflineConfig> config = offline.mailboxConfig(mailbox.id);
    if (!config)
        return config.error();
    Result<OfflineSettings> effective = offline.effectiveSettings(mailbox.id);
    if (!effective)
        return effective.error();
    return Api::MailboxOfflineConfig{config->enabled, config->useDefaults, *effective};
}

void OfflineSettingsController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/mailboxes/<arg>/offline"), Method::Get,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<AdminMailbox> target = m_api.adminMailbox(request, address);
                     if (!target)
                         return HttpJson::problem(target.error());
                     auto &[admin, mailbox] = *target;
                     Result<Api::MailboxOfflineConfig> shown = apiOffline(mailbox);
                     return shown ? HttpJson::json(shown->toJson()) : HttpJson::problem(shown.error());
                 });

    // Every member is optional; whatever is absent stays as it is. Everything is checked before anything
    // is written, so a rejected request changes nothing.
    server.route(
        QStringLiteral("/api/v1/mailboxes/<arg>/offline"), Method::Put,
        [this](const QString &address, const QHttpServerRequest &request) {
            Result<AdminMailbox> target = m_api.adminMailbox(request, address);
            if (!target)
                return HttpJson::problem(target.error());
            auto &[admin, mailbox] = *target;
            Result<QJsonObject> body = HttpJson::parseObject(request);
            if (!body)
                return HttpJson::problem(body.error());
            Result<Api::MailboxOfflineChange> change = Api::MailboxOfflineChange::fromJson(*body);
            if (!change)
                return HttpJson::problem(change.error());
            if (change->settings && change->useDefaults.value_or(false))
                return HttpJson::problem(
                    Error::invalid(QStringLiteral("settings cannot be given together with useDefaults true"),
                                   QStringLiteral("settings")));

            OfflineStore &offline = m_api.service().offline();
            Result<MailboxOfflineConfig> current = offline.mailboxConfig(mailbox.id);
            if (!current)
                return HttpJson::problem(current.error());
            MailboxOfflineConfig config = *current;
            if (change->settings) {
                config.useDefaults = false;
                config.override = *change->settings;
            } else if (change->useDefaults) {
                if (*change->useDefaults) {
                    config.useDefaults = true;
                    config.override.reset();
                } else if (config.useDefaults) {
                    // Own settings, starting from the defaults they replace.
                    Result<OfflineSettings> defaults = offline.defaults();
                    if (!defaults)
                        return HttpJson::problem(defaults.error());
                    config.useDefaults = false;
                    config.override = *defaults;
                }
            }
            config.enabled = change->enabled.value_or(config.enabled);
            if (change->enabled && config.enabled) {
                if (Status st = OfflineEligibility::checkCanEnable(m_api.service().archive(), mailbox);
                    !st.ok())
                    return HttpJson::problem(st.error());
            }
            if (Status st = offline.setMailboxConfig(mailbox.id, config, m_api.service().clock().now());
                !st.ok())
                return HttpJson::problem(st.error());
            m_api.audit(admin, QStringLiteral("offline.configure"), mailbox.address,
                        QStringLiteral("enabled=%1 useDefaults=%2")
                            .arg(config.enabled ? QStringLiteral("true") : QStringLiteral("false"),
                                 config.useDefaults ? QStringLiteral("true") : QStringLiteral("false")));
            Result<Api::MailboxOfflineConfig> shown = apiOffline(mailbox);
            return shown ? HttpJson::json(shown->toJson()) : HttpJson::problem(shown.error());
        });

    server.route(
        QStringLiteral("/api/v1/offline/defaults"), Method::Get, [this](const QHttpServerRequest &request) {
            Result<Principal> admin = m_api.authenticateAdmin(request);
            if (!admin)
                return HttpJson::problem(admin.error());
            Result<OfflineSettings> defaults = m_api.service().offline().defaults();
            return defaults ? HttpJson::json(defaults->toJson()) : HttpJson::problem(defaults.error());
        });

    // The whole settings object: members left out take their built-in default, as in fromJson().
    server.route(
        QStringLiteral("/api/v1/offline/defaults"), Method::Put, [this](const QHttpServerRequest &request) {
            Result<Principal> admin = m_api.authenticateAdmin(request);
            if (!admin)
                return HttpJson::problem(admin.error());
            Result<QJsonObject> body = HttpJson::parseObject(request);
            if (!body)
                return HttpJson::problem(body.error());
            Result<OfflineSettings> settings = OfflineSettings::fromJson(*body);
            if (!settings)
                return HttpJson::problem(settings.error());
            if (Status st = m_api.service().offline().setDefaults(*settings, m_api.service().clock().now());
                !st.ok())
                return HttpJson::problem(st.error());
            m_api.audit(*admin, QStringLiteral("offline.defaults"), QString(),
                        settings->describe().join(QLatin1Char(' ')));
            return HttpJson::json(settings->toJson());
        });
}

} // namespace ArchiveSync
