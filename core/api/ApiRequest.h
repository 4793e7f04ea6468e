// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace ArchiveSync {

/// \brief One REST request as plain data: method, path, query and JSON body.
///
/// Built apart from the network so what goes on the wire (percent-encoding of addresses, which members a
/// body has) can be checked without a service. One builder per endpoint of docs/api/openapi.yaml.
struct ApiRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path;                         ///< below the base URL; segments already percent-encoded
    QList<QPair<QString, QString>> query; ///< decoded; encoded when the URL is built
    QByteArray body;                      ///< JSON, or empty for none
    QList<QPair<QByteArray, QByteArray>> headers;
    bool authenticated = true; ///< false: no Authorization header, even with a token set
    int timeoutMsecs = 0;      ///< 0: the client's default
    /// The statuses that mean success; anything else is read as an error.
    QList<int> expectedStatuses = {200};

    /// The URL under `baseUrl`; a path in the base URL ("https://host/archivesync") is kept as a prefix.
    QUrl url(const QUrl &baseUrl) const;

    /// One path segment, every reserved character percent-encoded ("alice%40example.org", "a%2Fb").
    static QString segment(const QString &value);

    static ApiRequest health();

    static ApiRequest signIn(const QString &username, const QString &password);
    static ApiRequest signOut();
    static ApiRequest whoAmI();
    static ApiRequest registerDevice(const QString &name);

    static ApiRequest listDevices();
    static ApiRequest revokeDevice(qint64 id);
    static ApiRequest deviceState(qint64 id);
    static ApiRequest reportDeviceState(qint64 id, const QJsonObject &state);

    static ApiRequest listUsers();
    static ApiRequest createUser(const Api::NewUser &user);
    static ApiRequest updateUser(const QString &username, const Api::UserChange &change);
    static ApiRequest deleteUser(const QString &username);

    /// limit 0: the service's default.
    static ApiRequest listAudit(int limit = 0);

    static ApiRequest listMailboxes();
    static ApiRequest getMailbox(const QString &address);
    static ApiRequest manageMailbox(const QString &address);
    static ApiRequest renameMailbox(const QString &address, const QString &displayName);
    static ApiRequest unmanageMailbox(const QString &address);
    static ApiRequest listPermissions(const QString &address);
    static ApiRequest grantPermission(const QString &address, const QString &username);
    static ApiRequest revokePermission(const QString &address, const QString &username);
    static ApiRequest listDirectory();
    static ApiRequest searchMessages(const QString &address, const Api::MessageQuery &query);
    static ApiRequest getMessage(const QString &address, qint64 id);
    static ApiRequest getRawMessage(const QString &address, qint64 id);

    static ApiRequest getMailboxOffline(const QString &address);
    static ApiRequest setMailboxOffline(const QString &address, const Api::MailboxOfflineChange &change);
    static ApiRequest getOfflineDefaults();
    static ApiRequest setOfflineDefaults(const OfflineSettings &settings);
    static ApiRequest getSchedule();
    static ApiRequest setSchedule(const Schedule &schedule);
    static ApiRequest myOfflineMailboxes();
    /// ifNoneMatch empty: answer at once; else, with waitSeconds > 0, a long-poll.
    static ApiRequest getManifest(const QString &address, const QString &ifNoneMatch = {},
                                  int waitSeconds = 0);

    /// A device asks for (or renews) its initial-sync slot; 503 with a queue position when all are taken.
    static ApiRequest requestInitialSync();
    static ApiRequest releaseInitialSync();
    static ApiRequest initialSyncState();
    /// mailboxes empty: every enabled mailbox.
    static ApiRequest synchronizeNow(const QStringList &mailboxes = {});
    static ApiRequest flushRepository(const QString &address);
    /// limit 0: the service's default.
    static ApiRequest listJobs(int limit = 0);
    static ApiRequest serviceStatus();
    static ApiRequest metrics();
};

/// \brief What came back for one request: status, the headers callers read, and the body.
struct ApiReply
{
    int status = 0;         ///< 0: no HTTP answer
    QString transportError; ///< why there is no usable answer (refused, timeout, body too large, TLS)
    QByteArray body;
    QByteArray contentType;
    QByteArray etag;
    QByteArray retryAfter;
    QList<QSslError> sslErrors;                  ///< a refused TLS certificate: why
    QList<QSslCertificate> peerCertificateChain; ///< a refused TLS certificate: what the service presented

    /// The error this reply stands for, or nothing when its status is one of `expected`.
    std::optional<ApiError> failure(const QList<int> &expected) const;
    /// The body as one JSON object / array; anything else is the service's fault (Server).
    ApiResult<QJsonObject> object() const;
    ApiResult<QJsonArray> array() const;
};

} // namespace ArchiveSync
