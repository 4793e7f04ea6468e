// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiRequest.h"
#include "core/api/ApiTypes.h"

#include <QEventLoop>
#include <QNetworkRequest>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>

class QNetworkAccessManager;
class QNetworkReply;

namespace ArchiveSync {

/// \brief The archive service's REST API for Qt programs: one typed asynchronous call per endpoint.
///
/// Each call builds an ApiRequest, sends it on the injected QNetworkAccessManager and hands the answer,
/// read into its type or an ApiError, to the callback, on this object's thread, exactly once (unless the
/// client is destroyed first: then it is never called). Replies are read as they arrive and refused
/// beyond maxReplyBytes(); every transfer has a timeout. Segment downloads are the sync engine's and not
/// here.
///
/// For command-line tools, waitFor() makes a call and runs a local event loop until it completes (the
/// client must live until then):
/// \code
/// ApiResult<Api::Session> s = client.waitFor(&ApiClient::signIn, username, password);
/// \endcode
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(ApiResult<T>)>;

    static constexpr qint64 kDefaultMaxReplyBytes = 16 * 1024 * 1024;
    static constexpr int kDefaultTimeoutMsecs = 30000;

    ApiClient(QNetworkAccessManager &network, QUrl baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    /// The bearer token sent with every call but sign-in and health; empty for none.
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    /// How long a transfer may stall before it fails with a Network error.
    void setTimeout(int msecs) { m_timeoutMsecs = msecs; }
    int timeout() const { return m_timeoutMsecs; }
    /// TLS settings for https calls, e.g. the CA certificates to trust instead of the system's; a null
    /// configuration (the default) leaves Qt's defaults.
    void setSslConfiguration(const QSslConfiguration &configuration) { m_sslConfiguration = configuration; }
    QSslConfiguration sslConfiguration() const { return m_sslConfiguration; }
    void setMaxReplyBytes(qint64 bytes) { m_maxReplyBytes = bytes; }
    qint64 maxReplyBytes() const { return m_maxReplyBytes; }
    /// Calls sent and not answered yet.
    int pendingCalls() const { return int(m_pending.size()); }

    void health(Callback<void> done);

    // Session and identity
    /// Does not set the token: the caller decides whether to keep the session.
    void signIn(const QString &username, const QString &password, Callback<Api::Session> done);
    void signOut(Callback<void> done);
    void whoAmI(Callback<Api::Me> done);
    void registerDevice(const QString &name, Callback<Api::DeviceRegistration> done);

    // Devices
    void listDevices(Callback<QList<Api::Device>> done);
    void revokeDevice(qint64 id, Callback<void> done);
    void deviceState(qint64 id, Callback<QJsonObject> done);
    void reportDeviceState(qint64 id, const QJsonObject &state, Callback<void> done);

    // Users and audit (administrators)
    void listUsers(Callback<QList<Api::User>> done);
    void createUser(const Api::NewUser &user, Callback<Api::User> done);
    void updateUser(const QString &username, const Api::UserChange &change, Callback<Api::User> done);
    void deleteUser(const QString &username, Callback<void> done);
    /// limit 0: the service's default.
    void listAudit(int limit, Callback<QList<Api::AuditEntry>> done);

    // Mailboxes
    void listMailboxes(Callback<QList<Api::Mailbox>> done);
    void getMailbox(const QString &address, Callback<Api::Mailbox> done);
    void manageMailbox(const QString &address, Callback<Api::Mailbox> done);
    void renameMailbox(const QString &address, const QString &displayName, Callback<Api::Mailbox> done);
    void unmanageMailbox(const QString &address, Callback<void> done);
    void listPermissions(const QString &address, Callback<QStringList> done);
    void grantPermission(const QString &address, const QString &username, Callback<void> done);
    void revokePermission(const QString &address, const QString &username, Callback<void> done);
    void listDirectory(Callback<QList<Api::DirectoryEntry>> done);
    void searchMessages(const QString &address, const Api::MessageQuery &query,
                        Callback<Api::MessageSearchResult> done);
    void getMessage(const QString &address, qint64 id, Callback<Api::ArchivedMessage> done);
    /// The message as archived; bounded by maxReplyBytes() like every answer.
    void getRawMessage(const QString &address, qint64 id, Callback<QByteArray> done);

    // Offline configuration and what agents pull
    void getMailboxOffline(const QString &address, Callback<Api::MailboxOfflineConfig> done);
    void setMailboxOffline(const QString &address, const Api::MailboxOfflineChange &change,
                           Callback<Api::MailboxOfflineConfig> done);
    void getOfflineDefaults(Callback<OfflineSettings> done);
    void setOfflineDefaults(const OfflineSettings &settings, Callback<OfflineSettings> done);
    void getSchedule(Callback<Api::ScheduleView> done);
    void setSchedule(const Schedule &schedule, Callback<Api::ScheduleView> done);
    void myOfflineMailboxes(Callback<QList<Api::OfflineMailbox>> done);
    /// With ifNoneMatch and waitSeconds > 0 a long-poll; the timeout is stretched to cover the wait.
    void getManifest(const QString &address, const QString &ifNoneMatch, int waitSeconds,
                     Callback<Api::ManifestReply> done);

    // Initial-sync admission (devices ask; administrators look)
    /// A Throttled error with queuePosition and retryAfterSeconds when every slot is taken.
    void requestInitialSync(Callback<Api::Admission> done);
    void releaseInitialSync(Callback<void> done);
    void initialSyncState(Callback<Api::AdmissionState> done);

    // Jobs and status (administrators)
    /// mailboxes empty: every enabled mailbox.
    void synchronizeNow(const QStringList &mailboxes, Callback<Api::JobActivity> done);
    void flushRepository(const QString &address, Callback<Api::JobActivity> done);
    /// limit 0: the service's default.
    void listJobs(int limit, Callback<Api::JobList> done);
    void serviceStatus(Callback<Api::ServiceStatus> done);
    /// The Prometheus text.
    void metrics(Callback<QString> done);

    /// Sends any request and hands over the raw reply; the typed calls are built on this.
    void send(const ApiRequest &request, std::function<void(const ApiReply &)> done);
    /// The QNetworkRequest a request goes out as (URL, headers, timeout).
    QNetworkRequest networkRequest(const ApiRequest &request) const;

    /// Runs a local event loop until the call `start` makes completes; for command-line tools and tests.
    /// `start` gets the callback to pass to the call.
    template<typename T>
    static ApiResult<T> wait(const std::function<void(Callback<T>)> &start)
    {
        std::optional<ApiResult<T>> result;
        QEventLoop loop;
        start([&result, &loop](ApiResult<T> r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        // A call may complete before start() returns (e.g. a refused request): no loop then.
        if (!result)
            loop.exec();
        return std::move(*result);
    }

    /// Makes one call and waits for it: `client.waitFor(&ApiClient::getMailbox, address)` gives an
    /// ApiResult<Api::Mailbox>. The arguments are those of the call without its callback.
    template<typename... Params, typename... Args>
    auto waitFor(void (ApiClient::*method)(Params...), Args &&...args)
    {
        using Done = std::tuple_element_t<sizeof...(Params) - 1, std::tuple<Params...>>;
        using T = typename CallbackTraits<std::decay_t<Done>>::Value;
        return wait<T>(
            [&](Callback<T> done) { (this->*method)(std::forward<Args>(args)..., std::move(done)); });
    }

private:
    template<typename>
    struct CallbackTraits;
    template<typename T>
    struct CallbackTraits<Callback<T>>
    {
        using Value = T;
    };

    QNetworkAccessManager &m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMsecs = kDefaultTimeoutMsecs;
    qint64 m_maxReplyBytes = kDefaultMaxReplyBytes;
    QSslConfiguration m_sslConfiguration;
    QSet<QNetworkReply *> m_pending;
};

} // namespace ArchiveSync
