// SPDX-License-Identifier: Apache-2.0
#include "core/api/ApiClient.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>
#include <memory>
#include <utility>

namespace ArchiveSync {

namespace {
template<typename T>
using Reader = std::function<ApiResult<T>(const ApiReply &)>;

/// A success status with a body that breaks the contract: the service's (or a proxy's) fault.
template<typename T>
ApiResult<T> checked(const ApiReply &reply, Result<T> parsed)
{
    if (parsed)
        return std::move(parsed).value();
    return ApiError::unexpectedReply(
        reply.status,
        QStringLiteral("the service's answer does not match the API: %1").arg(parsed.errorString()));
}

template<typename T>
Reader<T> objectOf(Result<T> (*fromJson)(const QJsonObject &))
{
    return [fromJson](const ApiReply &reply) -> ApiResult<T> {
        ApiResult<QJsonObject> object = reply.object();
        if (!object)
            return object.error();
        return checked(reply, fromJson(*object));
    };
}

template<typename T>
Reader<QList<T>> listOf()
{
    return [](const ApiReply &reply) -> ApiResult<QList<T>> {
        ApiResult<QJsonArray> array = reply.array();
        if (!array)
            return array.error();
        return checked(reply, Api::listFromJson<T>(*array));
    };
}

Reader<void> noContent()
{
    return [](const ApiReply &) {
        return ApiResult<void>();
    };
}

/// Sends a request and reads its answer: an error status becomes an ApiError, a success goes to `read`.
template<typename T>
void call(ApiClient &client, const ApiRequest &request, Reader<T> read, ApiClient::Callback<T> done)
{
    client.send(request, [expected = request.expectedStatuses, read = std::move(read),
                          done = std::move(done)](const ApiReply &reply) {
        if (!done)
            return;
        if (std::optional<ApiError> failure = reply.failure(expected))
            done(ApiResult<T>(std::move(*failure)));
        else
            done(read(reply));
    });
}

/// Errors of the transport (below HTTP): there is no usable answer even when a status arrived.
bool isTransportError(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

/// \brief What one reply has read so far; shared by its signal handlers.
struct PendingReply
{
    std::function<void(const ApiReply &)> done;
    QByteArray body;
    qint64 limit = 0;
    bool tooLarge = false;
    QList<QSslError> sslErrors;
    QList<QSslCertificate> peerCertificateChain;
};

void drain(QNetworkReply *reply, PendingReply &state)
{
    if (state.tooLarge)
        return;
    // Read one byte past the room left: more than that means the answer is over the limit.
    const QByteArray chunk = reply->read(state.limit - state.body.size() + 1);
    if (state.body.size() + chunk.size() > state.limit) {
        state.tooLarge = true;
        state.body.clear();
        reply->abort();
        return;
    }
    state.body.append(chunk);
}
} // namespace

ApiClient::ApiClient(QNetworkAccessManager &network, QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(std::move(baseUrl))
{}

ApiClient::~ApiClient()
{
    // The callbacks may refer to things dying with this client: they must not run from abort().
    const QSet<QNetworkReply *> pending = std::exchange(m_pending, {});
    for (QNetworkReply *reply : pending) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

QNetworkRequest ApiClient::networkRequest(const ApiRequest &request) const
{
    QNetworkRequest out(request.url(m_baseUrl));
    // A redirect would carry the bearer token elsewhere; the API never redirects, so one is an error.
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    out.setTransferTimeout(request.timeoutMsecs > 0 ? request.timeoutMsecs : m_timeoutMsecs);
    out.setHeader(QNetworkRequest::UserAgentHeader,
                  QStringLiteral("archivesync/%1").arg(ARCHIVESYNC_VERSION));
    out.setRawHeader(QByteArrayLiteral("Accept"),
                     QByteArrayLiteral("application/json, application/problem+json"));
    if (!request.body.isEmpty())
        out.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (request.authenticated && !m_token.isEmpty())
        out.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1());
    for (const auto &[name, value] : request.headers)
        out.setRawHeader(name, value);
    if (!m_sslConfiguration.isNull())
        out.setSslConfiguration(m_sslConfiguration);
    return out;
}

void ApiClient::send(const ApiRequest &request, std::function<void(const ApiReply &)> done)
{
    const QNetworkRequest networkRequest = this->networkRequest(request);
    const QUrl url = networkRequest.url();
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty()) {
        // Delivered later all the same: callers may rely on the callback never running inside the call.
        ApiReply reply;
        reply.transportError = QStringLiteral("'%1' is not a service URL (http://HOST:PORT or https://...)")
                                   .arg(m_baseUrl.toString());
        QMetaObject::invokeMethod(
            this, [done = std::move(done), reply] { done(reply); }, Qt::QueuedConnection);
        return;
    }
    QNetworkReply *reply = m_network.sendCustomRequest(networkRequest, request.method, request.body);
    m_pending.insert(reply);
    auto state = std::make_shared<PendingReply>();
    state->done = std::move(done);
    state->limit = m_maxReplyBytes;
    // Refuse an announced oversize answer before reading any of it.
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, state] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > state->limit && !state->tooLarge) {
            state->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QIODevice::readyRead, this, [reply, state] { drain(reply, *state); });
    // Not ignored, so the reply fails; kept so the caller can say which certificate was refused.
    connect(reply, &QNetworkReply::sslErrors, this, [reply, state](const QList<QSslError> &errors) {
        state->sslErrors = errors;
        state->peerCertificateChain = reply->sslConfiguration().peerCertificateChain();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, state] {
        drain(reply, *state);
        m_pending.remove(reply);
        reply->deleteLater();

        ApiReply out;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        const QString where = reply->url().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
        if (state->tooLarge) {
            out.transportError = QStringLiteral("the answer from %1 is larger than %2 bytes; refused")
                                     .arg(where)
                                     .arg(state->limit);
        } else if (reply->error() == QNetworkReply::OperationCanceledError ||
                   reply->error() == QNetworkReply::TimeoutError) {
            // The transfer timeout aborts the reply (this client aborts only for size, handled above).
            out.transportError = QStringLiteral("no answer from %1 in time").arg(where);
        } else if (!status.isValid() || isTransportError(reply->error())) {
            out.transportError =
                QStringLiteral("cannot reach the service at %1: %2").arg(where, reply->errorString());
            out.sslErrors = state->sslErrors;
            out.peerCertificateChain = state->peerCertificateChain;
        } else {
            out.status = status.toInt();
            out.body = std::move(state->body);
            out.contentType = reply->rawHeader(QByteArrayLiteral("Content-Type"));
            out.etag = reply->rawHeader(QByteArrayLiteral("ETag"));
            out.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
        }
        // Last: the callback may destroy this client.
        state->done(out);
    });
}

void ApiClient::health(Callback<void> done)
{
    call<void>(*this, ApiRequest::health(), noContent(), std::move(done));
}

void ApiClient::signIn(const QString &username, const QString &password, Callback<Api::Session> done)
{
    call<Api::Session>(*this, ApiRequest::signIn(username, password), objectOf(&Api::Session::fromJson),
                       std::move(done));
}

void ApiClient::signOut(Callback<void> done)
{
    call<void>(*this, ApiRequest::signOut(), noContent(), std::move(done));
}

void ApiClient::whoAmI(Callback<Api::Me> done)
{
    call<Api::Me>(*this, ApiRequest::whoAmI(), objectOf(&Api::Me::fromJson), std::move(done));
}

void ApiClient::registerDevice(const QString &name, Callback<Api::DeviceRegistration> done)
{
    call<Api::DeviceRegistration>(*this, ApiRequest::registerDevice(name),
                                  objectOf(&Api::DeviceRegistration::fromJson), std::move(done));
}

void ApiClient::listDevices(Callback<QList<Api::Device>> done)
{
    call<QList<Api::Device>>(*this, ApiRequest::listDevices(), listOf<Api::Device>(), std::move(done));
}

void ApiClient::revokeDevice(qint64 id, Callback<void> done)
{
    call<void>(*this, ApiRequest::revokeDevice(id), noContent(), std::move(done));
}

void ApiClient::deviceState(qint64 id, Callback<QJsonObject> done)
{
    call<QJsonObject>(
        *this, ApiRequest::deviceState(id), [](const ApiReply &reply) { return reply.object(); },
        std::move(done));
}

void ApiClient::reportDeviceState(qint64 id, const QJsonObject &state, Callback<void> done)
{
    call<void>(*this, ApiRequest::reportDeviceState(id, state), noContent(), std::move(done));
}

void ApiClient::listUsers(Callback<QList<Api::User>> done)
{
    call<QList<Api::User>>(*this, ApiRequest::listUsers(), listOf<Api::User>(), std::move(done));
}

void ApiClient::createUser(const Api::NewUser &user, Callback<Api::User> done)
{
    call<Api::User>(*this, ApiRequest::createUser(user), objectOf(&Api::User::fromJson), std::move(done));
}

void ApiClient::updateUser(const QString &username, const Api::UserChange &change, Callback<Api::User> done)
{
    call<Api::User>(*this, ApiRequest::updateUser(username, change), objectOf(&Api::User::fromJson),
                    std::move(done));
}

void ApiClient::deleteUser(const QString &username, Callback<void> done)
{
    call<void>(*this, ApiRequest::deleteUser(username), noContent(), std::move(done));
}

void ApiClient::listAudit(int limit, Callback<QList<Api::AuditEntry>> done)
{
    call<QList<Api::AuditEntry>>(*this, ApiRequest::listAudit(limit), listOf<Api::AuditEntry>(),
                                 std::move(done));
}

void ApiClient::listMailboxes(Callback<QList<Api::Mailbox>> done)
{
    call<QList<Api::Mailbox>>(*this, ApiRequest::listMailboxes(), listOf<Api::Mailbox>(), std::move(done));
}

void ApiClient::getMailbox(const QString &address, Callback<Api::Mailbox> done)
{
    call<Api::Mailbox>(*this, ApiRequest::getMailbox(address), objectOf(&Api::Mailbox::fromJson),
                       std::move(done));
}

void ApiClient::manageMailbox(const QString &address, Callback<Api::Mailbox> done)
{
    call<Api::Mailbox>(*this, ApiRequest::manageMailbox(address), objectOf(&Api::Mailbox::fromJson),
                       std::move(done));
}

void ApiClient::renameMailbox(const QString &address, const QString &displayName, Callback<Api::Mailbox> done)
{
    call<Api::Mailbox>(*this, ApiRequest::renameMailbox(address, displayName),
                       objectOf(&Api::Mailbox::fromJson), std::move(done));
}

void ApiClient::unmanageMailbox(const QString &address, Callback<void> done)
{
    call<void>(*this, ApiRequest::unmanageMailbox(address), noContent(), std::move(done));
}

void ApiClient::listPermissions(const QString &address, Callback<QStringList> done)
{
    call<QStringList>(
        *this, ApiRequest::listPermissions(address),
        [](const ApiReply &reply) -> ApiResult<QStringList> {
            ApiResult<QJsonObject> object = reply.object();
            if (!object)
                return object.error();
            const QJsonValue names = object->value(QStringLiteral("usernames"));
            const bool strings =
                names.isArray() && std::all_of(names.toArray().begin(), names.toArray().end(),
                                               [](const QJsonValue &v) { return v.isString(); });
            if (!strings)
                return ApiError::unexpectedReply(
                    reply.status,
                    QStringLiteral("the service's answer does not match the API: usernames must "
                                   "be an array of strings"));
            QStringList list;
            for (const QJsonValue &v : names.toArray())
                list.append(v.toString());
            return list;
        },
        std::move(done));
}

void ApiClient::grantPermission(const QString &address, const QString &username, Callback<void> done)
{
    call<void>(*this, ApiRequest::grantPermission(address, username), noContent(), std::move(done));
}

void ApiClient::revokePermission(const QString &address, const QString &username, Callback<void> done)
{
    call<void>(*this, ApiRequest::revokePermission(address, username), noContent(), std::move(done));
}

void ApiClient::listDirectory(Callback<QList<Api::DirectoryEntry>> done)
{
    call<QList<Api::DirectoryEntry>>(*this, ApiRequest::listDirectory(), listOf<Api::DirectoryEntry>(),
                                     std::move(done));
}

void ApiClient::searchMessages(const QString &address, const Api::MessageQuery &query,
                               Callback<Api::MessageSearchResult> done)
{
    call<Api::MessageSearchResult>(*this, ApiRequest::searchMessages(address, query),
                                   objectOf(&Api::MessageSearchResult::fromJson), std::move(done));
}

void ApiClient::getMessage(const QString &address, qint64 id, Callback<Api::ArchivedMessage> done)
{
    call<Api::ArchivedMessage>(*this, ApiRequest::getMessage(address, id),
                               objectOf(&Api::ArchivedMessage::fromJson), std::move(done));
}

void ApiClient::getRawMessage(const QString &address, qint64 id, Callback<QByteArray> done)
{
    call<QByteArray>(
        *this, ApiRequest::getRawMessage(address, id),
        [](const ApiReply &reply) { return ApiResult<QByteArray>(reply.body); }, std::move(done));
}

void ApiClient::getMailboxOffline(const QString &address, Callback<Api::MailboxOfflineConfig> done)
{
    call<Api::MailboxOfflineConfig>(*this, ApiRequest::getMailboxOffline(address),
                                    objectOf(&Api::MailboxOfflineConfig::fromJson), std::move(done));
}

void ApiClient::setMailboxOffline(const QString &address, const Api::MailboxOfflineChange &change,
                                  Callback<Api::MailboxOfflineConfig> done)
{
    call<Api::MailboxOfflineConfig>(*this, ApiRequest::setMailboxOffline(address, change),
                                    objectOf(&Api::MailboxOfflineConfig::fromJson), std::move(done));
}

void ApiClient::getOfflineDefaults(Callback<OfflineSettings> done)
{
    call<OfflineSettings>(*this, ApiRequest::getOfflineDefaults(), objectOf(&OfflineSettings::fromJson),
                          std::move(done));
}

void ApiClient::setOfflineDefaults(const OfflineSettings &settings, Callback<OfflineSettings> done)
{
    call<OfflineSettings>(*this, ApiRequest::setOfflineDefaults(settings),
                          objectOf(&OfflineSettings::fromJson), std::move(done));
}

void ApiClient::getSchedule(Callback<Api::ScheduleView> done)
{
    call<Api::ScheduleView>(*this, ApiRequest::getSchedule(), objectOf(&Api::ScheduleView::fromJson),
                            std::move(done));
}

void ApiClient::setSchedule(const Schedule &schedule, Callback<Api::ScheduleView> done)
{
    call<Api::ScheduleView>(*this, ApiRequest::setSchedule(schedule), objectOf(&Api::ScheduleView::fromJson),
                            std::move(done));
}

void ApiClient::myOfflineMailboxes(Callback<QList<Api::OfflineMailbox>> done)
{
    call<QList<Api::OfflineMailbox>>(*this, ApiRequest::myOfflineMailboxes(), listOf<Api::OfflineMailbox>(),
                                     std::move(done));
}

void ApiClient::getManifest(const QString &address, const QString &ifNoneMatch, int waitSeconds,
                            Callback<Api::ManifestReply> done)
{
    call<Api::ManifestReply>(
        *this, ApiRequest::getManifest(address, ifNoneMatch, waitSeconds),
        [](const ApiReply &reply) -> ApiResult<Api::ManifestReply> {
            Api::ManifestReply out;
            out.etag = QString::fromLatin1(reply.etag);
            if (reply.status == 304) {
                out.notModified = true;
                return out;
            }
            // Manifest::fromJson is the agents' strict check: it refuses unsafe names and broken formats.
            Result<Manifest> manifest = Manifest::fromJson(reply.body);
            if (!manifest)
                return ApiError::unexpectedReply(
                    reply.status,
                    QStringLiteral("the service's manifest is not valid: %1").arg(manifest.errorString()));
            out.bytes = reply.body;
            out.manifest = std::move(manifest).value();
            return out;
        },
        std::move(done));
}

void ApiClient::synchronizeNow(const QStringList &mailboxes, Callback<Api::JobActivity> done)
{
    call<Api::JobActivity>(*this, ApiRequest::synchronizeNow(mailboxes),
                           objectOf(&Api::JobActivity::fromJson), std::move(done));
}

void ApiClient::requestInitialSync(Callback<Api::Admission> done)
{
    call<Api::Admission>(*this, ApiRequest::requestInitialSync(), objectOf(&Api::Admission::fromJson),
                         std::move(done));
}

void ApiClient::releaseInitialSync(Callback<void> done)
{
    call<void>(*this, ApiRequest::releaseInitialSync(), noContent(), std::move(done));
}

void ApiClient::initialSyncState(Callback<Api::AdmissionState> done)
{
    call<Api::AdmissionState>(*this, ApiRequest::initialSyncState(), objectOf(&Api::AdmissionState::fromJson),
                              std::move(done));
}

void ApiClient::flushRepository(const QString &address, Callback<Api::JobActivity> done)
{
    call<Api::JobActivity>(*this, ApiRequest::flushRepository(address), objectOf(&Api::JobActivity::fromJson),
                           std::move(done));
}

void ApiClient::listJobs(int limit, Callback<Api::JobList> done)
{
    call<Api::JobList>(*this, ApiRequest::listJobs(limit), objectOf(&Api::JobList::fromJson),
                       std::move(done));
}

void ApiClient::serviceStatus(Callback<Api::ServiceStatus> done)
{
    call<Api::ServiceStatus>(*this, ApiRequest::serviceStatus(), objectOf(&Api::ServiceStatus::fromJson),
                             std::move(done));
}

void ApiClient::metrics(Callback<QString> done)
{
    call<QString>(
        *this, ApiRequest::metrics(),
        [](const ApiReply &reply) { return ApiResult<QString>(QString::fromUtf8(reply.body)); },
        std::move(done));
}

} // namespace ArchiveSync
