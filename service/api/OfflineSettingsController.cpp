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

namespace {
const QString kEnabled = QStringLiteral("enabled");
const QString kUseDefaults = QStringLiteral("useDefaults");
const QString kSettings = QStringLiteral("settings");

/// Strict settings from a JSON member; errors name the member inside `prefix` ("settings.maxCacheBytes").
Result<OfflineSettings> settingsFrom(const QJsonObject &json, const QString &prefix)
{
    Result<OfflineSettings> settings = OfflineSettings::fromJson(json);
    if (settings || prefix.isEmpty())
        return settings;
    Error error = settings.error();
    error.field = error.field.isEmpty() ? prefix : prefix + QLatin1Char('.') + error.field;
    return error;
}
} // namespace

Result<QJsonObject> OfflineSettingsController::offlineJson(const Mailbox &mailbox)
{
    OfflineStore &offline = m_api.service().offline();
    Result<MailboxOfflineConfig> config = offline.mailboxConfig(mailbox.id);
    if (!config)
        return config.error();
    Result<OfflineSettings> effective = offline.effectiveSettings(mailbox.id);
    if (!effective)
        return effective.error();
    return QJsonObject{
        {kEnabled, config->enabled}, {kUseDefaults, config->useDefaults}, {kSettings, effective->toJson()}};
}

void OfflineSettingsController::registerRoutes(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/mailboxes/<arg>/offline"), Method::Get,
                 [this](const QString &address, const QHttpServerRequest &request) {
                     Result<AdminMailbox> target = m_api.adminMailbox(request, address);
                     if (!target)
                         return HttpJson::problem(target.error());
                     auto &[admin, mailbox] = *target;
                     Result<QJsonObject> json = offlineJson(mailbox);
                     return json ? HttpJson::json(*json) : HttpJson::problem(json.error());
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
            const HttpJson::ObjectReader reader(*body);
            if (Status st = reader.onlyFields({kEnabled, kUseDefaults, kSettings}); !st.ok())
                return HttpJson::problem(st.error());

            OfflineStore &offline = m_api.service().offline();
            Result<MailboxOfflineConfig> current = offline.mailboxConfig(mailbox.id);
            if (!current)
                return HttpJson::problem(current.error());
            MailboxOfflineConfig config = *current;

            Result<bool> enabled = reader.optionalBool(kEnabled, config.enabled);
            if (!enabled)
                return HttpJson::problem(enabled.error());
            Result<bool> useDefaults = reader.optionalBool(kUseDefaults, false);
            if (!useDefaults)
                return HttpJson::problem(useDefaults.error());
            if (reader.has(kSettings)) {
                if (reader.has(kUseDefaults) && *useDefaults)
                    return HttpJson::problem(Error::invalid(
                        QStringLiteral("settings cannot be given together with useDefaults true"),
                        kSettings));
                Result<QJsonObject> json = reader.optionalObject(kSettings);
                if (!json)
                    return HttpJson::problem(json.error());
                Result<OfflineSettings> settings = settingsFrom(*json, kSettings);
                if (!settings)
                    return HttpJson::problem(settings.error());
                config.useDefaults = false;
                config.override = *settings;
            } else if (reader.has(kUseDefaults)) {
                if (*useDefaults) {
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
            config.enabled = *enabled;
            if (reader.has(kEnabled) && config.enabled) {
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
            Result<QJsonObject> json = offlineJson(mailbox);
            return json ? HttpJson::json(*json) : HttpJson::problem(json.error());
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
            Result<OfflineSettings> settings = settingsFrom(*body, QString());
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
