// SPDX-License-Identifier: Apache-2.0
#include "core/api/ApiRequest.h"

#include <QJsonDocument>

namespace ArchiveSync {

namespace {
const QString kApi = QStringLiteral("/api/v1");

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ApiRequest make(const char *method, const QString &path, QList<int> expected = {200})
{
    ApiRequest r;
    r.method = method;
    r.path = path;
    r.expectedStatuses = std::move(expected);
    return r;
}

ApiRequest withBody(ApiRequest r, const QJsonObject &body)
{
    r.body = compact(body);
    return r;
}

QString mailboxPath(const QString &address, const QString &rest = {})
{
    return kApi + QStringLiteral("/mailboxes/") + ApiRequest::segment(address) + rest;
}

// The service lets a query value pass only once; a limit is sent only when one was asked for.
void addLimit(ApiRequest &r, int limit)
{
    if (limit > 0)
        r.query.append({QStringLiteral("limit"), QString::number(limit)});
}
} // namespace

QString ApiRequest::segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl ApiRequest::url(const QUrl &baseUrl) const
{
    QUrl url = baseUrl;
    QString prefix = baseUrl.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path, QUrl::TolerantMode);
    // Each name and value fully encoded: the service reads "+" as a space, so a literal plus must travel
    // as %2B, which QUrlQuery would leave alone.
    QStringList items;
    for (const auto &[name, value] : query)
        items << segment(name) + QLatin1Char('=') + segment(value);
    if (items.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(items.join(QLatin1Char('&')), QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

ApiRequest ApiRequest::health()
{
    ApiRequest r = make("GET", QStringLiteral("/healthz"));
    r.authenticated = false;
    return r;
}

ApiRequest ApiRequest::signIn(const QString &username, const QString &password)
{
    ApiRequest r =
        withBody(make("POST", kApi + QStringLiteral("/session"), {201}),
                 QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    r.authenticated = false;
    return r;
}

ApiRequest ApiRequest::signOut()
{
    return make("DELETE", kApi + QStringLiteral("/session"), {204});
}

ApiRequest ApiRequest::whoAmI()
{
    return make("GET", kApi + QStringLiteral("/me"));
}

ApiRequest ApiRequest::registerDevice(const QString &name)
{
    return withBody(make("POST", kApi + QStringLiteral("/devices"), {201}),
                    QJsonObject{{QStringLiteral("name"), name}});
}

ApiRequest ApiRequest::listDevices()
{
    return make("GET", kApi + QStringLiteral("/devices"));
}

ApiRequest ApiRequest::revokeDevice(qint64 id)
{
    return make("DELETE", kApi + QStringLiteral("/devices/%1").arg(id), {204});
}

ApiRequest ApiRequest::deviceState(qint64 id)
{
    return make("GET", kApi + QStringLiteral("/devices/%1/state").arg(id));
}

ApiRequest ApiRequest::reportDeviceState(qint64 id, const QJsonObject &state)
{
    return withBody(make("PUT", kApi + QStringLiteral("/devices/%1/state").arg(id), {204}), state);
}

ApiRequest ApiRequest::listUsers()
{
    return make("GET", kApi + QStringLiteral("/users"));
}

ApiRequest ApiRequest::createUser(const Api::NewUser &user)
{
    return withBody(make("POST", kApi + QStringLiteral("/users"), {201}), user.toJson());
}

ApiRequest ApiRequest::updateUser(const QString &username, const Api::UserChange &change)
{
    return withBody(make("PATCH", kApi + QStringLiteral("/users/") + segment(username)), change.toJson());
}

ApiRequest ApiRequest::deleteUser(const QString &username)
{
    return make("DELETE", kApi + QStringLiteral("/users/") + segment(username), {204});
}

ApiRequest ApiRequest::listAudit(int limit)
{
    ApiRequest r = make("GET", kApi + QStringLiteral("/audit"));
    addLimit(r, limit);
    return r;
}

ApiRequest ApiRequest::listMailboxes()
{
    return make("GET", kApi + QStringLiteral("/mailboxes"));
}

ApiRequest ApiRequest::getMailbox(const QString &address)
{
    return make("GET", mailboxPath(address));
}

ApiRequest ApiRequest::manageMailbox(const QString &address)
{
    return withBody(make("POST", kApi + QStringLiteral("/mailboxes"), {201}),
                    QJsonObject{{QStringLiteral("address"), address}});
}

ApiRequest ApiRequest::renameMailbox(const QString &address, const QString &displayName)
{
    return withBody(make("PATCH", mailboxPath(address)),
                    QJsonObject{{QStringLiteral("displayName"), displayName}});
}

ApiRequest ApiRequest::unmanageMailbox(const QString &address)
{
    return make("DELETE", mailboxPath(address), {204});
}

ApiRequest ApiRequest::listPermissions(const QString &address)
{
    return make("GET", mailboxPath(address, QStringLiteral("/permissions")));
}

ApiRequest ApiRequest::grantPermission(const QString &address, const QString &username)
{
    return withBody(make("POST", mailboxPath(address, QStringLiteral("/permissions")), {204}),
                    QJsonObject{{QStringLiteral("username"), username}});
}

ApiRequest ApiRequest::revokePermission(const QString &address, const QString &username)
{
    return make("DELETE", mailboxPath(address, QStringLiteral("/permissions/") + segment(username)), {204});
}

ApiRequest ApiRequest::listDirectory()
{
    return make("GET", kApi + QStringLiteral("/directory"));
}

ApiRequest ApiRequest::searchMessages(const QString &address, const Api::MessageQuery &query)
{
    ApiRequest r = make("GET", mailboxPath(address, QStringLiteral("/search")));
    if (!query.text.isEmpty())
        r.query.append({QStringLiteral("q"), query.text});
    if (!query.folder.isEmpty())
        r.query.append({QStringLiteral("folder"), query.folder});
    addLimit(r, query.limit);
    if (query.offset > 0)
        r.query.append({QStringLiteral("offset"), QString::number(query.offset)});
    return r;
}

ApiRequest ApiRequest::getMessage(const QString &address, qint64 id)
{
    ApiRequest r = make("GET", mailboxPath(address, QStringLiteral("/messages/%1").arg(id)));
    r.query.append({QStringLiteral("format"), QStringLiteral("json")});
    return r;
}

ApiRequest ApiRequest::getRawMessage(const QString &address, qint64 id)
{
    ApiRequest r = make("GET", mailboxPath(address, QStringLiteral("/messages/%1").arg(id)));
    r.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("message/rfc822")});
    return r;
}

ApiRequest ApiRequest::getMailboxOffline(const QString &address)
{
    return make("GET", mailboxPath(address, QStringLiteral("/offline")));
}

ApiRequest ApiRequest::setMailboxOffline(const QString &address, const Api::MailboxOfflineChange &change)
{
    return withBody(make("PUT", mailboxPath(address, QStringLiteral("/offline"))), change.toJson());
}

ApiRequest ApiRequest::getOfflineDefaults()
{
    return make("GET", kApi + QStringLiteral("/offline/defaults"));
}

ApiRequest ApiRequest::setOfflineDefaults(const OfflineSettings &settings)
{
    return withBody(make("PUT", kApi + QStringLiteral("/offline/defaults")), settings.toJson());
}

ApiRequest ApiRequest::getSchedule()
{
    return make("GET", kApi + QStringLiteral("/offline/schedule"));
}

ApiRequest ApiRequest::setSchedule(const Schedule &schedule)
{
    return withBody(make("PUT", kApi + QStringLiteral("/offline/schedule")), schedule.toJson());
}

ApiRequest ApiRequest::myOfflineMailboxes()
{
    return make("GET", kApi + QStringLiteral("/me/offline"));
}

ApiRequest ApiRequest::getManifest(const QString &address, const QString &ifNoneMatch, int waitSeconds)
{
    ApiRequest r =
        make("GET", kApi + QStringLiteral("/offline/") + segment(address) + QStringLiteral("/manifest"),
             {200, 304});
    if (!ifNoneMatch.isEmpty()) {
        r.headers.append({QByteArrayLiteral("If-None-Match"), ifNoneMatch.toLatin1()});
        if (waitSeconds > 0) {
            r.query.append({QStringLiteral("wait"), QString::number(waitSeconds)});
            // The service holds the request up to waitSeconds: the transfer must not time out first.
            r.timeoutMsecs = (waitSeconds + 30) * 1000;
        }
    }
    return r;
}

ApiRequest ApiRequest::synchronizeNow(const QStringList &mailboxes)
{
    ApiRequest r = make("POST", kApi + QStringLiteral("/offline/sync"), {202});
    if (!mailboxes.isEmpty())
        r.body = compact(QJsonObject{{QStringLiteral("mailboxes"), QJsonArray::fromStringList(mailboxes)}});
    return r;
}

ApiRequest ApiRequest::requestInitialSync()
{
    return make("POST", kApi + QStringLiteral("/offline/initial-sync"));
}

ApiRequest ApiRequest::releaseInitialSync()
{
    return make("DELETE", kApi + QStringLiteral("/offline/initial-sync"), {204});
}

ApiRequest ApiRequest::initialSyncState()
{
    return make("GET", kApi + QStringLiteral("/offline/initial-sync"));
}

ApiRequest ApiRequest::flushRepository(const QString &address)
{
    return make("POST", mailboxPath(address, QStringLiteral("/offline/flush")), {202});
}

ApiRequest ApiRequest::listJobs(int limit)
{
    ApiRequest r = make("GET", kApi + QStringLiteral("/jobs"));
    addLimit(r, limit);
    return r;
}

ApiRequest ApiRequest::serviceStatus()
{
    return make("GET", kApi + QStringLiteral("/status"));
}

ApiRequest ApiRequest::metrics()
{
    ApiRequest r = make("GET", QStringLiteral("/metrics"));
    r.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("text/plain")});
    return r;
}

// ---- Replies ----

std::optional<ApiError> ApiReply::failure(const QList<int> &expected) const
{
    if (status == 0) {
        ApiError error = ApiError::network(
            transportError.isEmpty() ? QStringLiteral("no answer from the service") : transportError);
        error.sslErrors = sslErrors;
        error.peerCertificateChain = peerCertificateChain;
        return error;
    }
    if (expected.contains(status))
        return std::nullopt;
    if (status >= 200 && status < 300)
        return ApiError::unexpectedReply(status, QStringLiteral("the service answered HTTP %1 where the API "
                                                                "promises %2")
                                                     .arg(status)
                                                     .arg(expected.value(0)));
    return ApiError::fromHttp(status, body, retryAfter);
}

ApiResult<QJsonObject> ApiReply::object() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return ApiError::unexpectedReply(status, QStringLiteral("the service's answer is not a JSON object"));
    return doc.object();
}

ApiResult<QJsonArray> ApiReply::array() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return ApiError::unexpectedReply(status, QStringLiteral("the service's answer is not a JSON array"));
    return doc.array();
}

} // namespace ArchiveSync
