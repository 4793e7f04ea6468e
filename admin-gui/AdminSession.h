// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiClient.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>

#include <memory>
#include <type_traits>

namespace ArchiveSync {

/// \brief The admin console's connection to one service: the REST client, the signed-in session, the
/// certificates the admin chose to trust, and how many calls are in flight (for the busy indicator).
///
/// Views make calls through track(), which counts the call as busy, drops the answer when the view that
/// asked is gone, and reports an expired session once for the whole window.
class AdminSession : public QObject
{
    Q_OBJECT

public:
    explicit AdminSession(QObject *parent = nullptr);
    ~AdminSession() override;

    /// Points the client at a service; forgets the session and drops calls still in flight.
    void setServer(const QUrl &url);
    QUrl server() const { return m_server; }
    ApiClient &client() { return *m_client; }

    void setSession(const Api::Session &session);
    const Api::Session &session() const { return m_session; }
    bool isSignedIn() const { return !m_session.token.isEmpty(); }
    /// Ends the session on the service (best effort) and locally.
    void signOut();

    /// Certificates accepted for this run although they failed verification (self-signed, unknown CA).
    void trustCertificate(const QSslCertificate &certificate);
    bool isTrusted(const QSslCertificate &certificate) const;
    /// The last TLS failure: the errors and the chain the server sent; cleared by setServer().
    QList<QSslError> lastSslErrors() const { return m_lastSslErrors; }
    QList<QSslCertificate> lastPeerChain() const { return m_lastPeerChain; }

    bool isBusy() const { return m_busy > 0; }

    /// Wraps a handler `void(ApiResult<T>)` for one of the client's calls: counted as busy until it
    /// answers, not run when `context` is gone.
    template<typename F>
    auto track(QObject *context, F &&handler)
    {
        using Arg = typename HandlerArg<decltype(&std::decay_t<F>::operator())>::type;
        beginCall();
        QPointer<QObject> guard(context);
        QPointer<AdminSession> self(this);
        const quint64 epoch = m_epoch;
        return std::function<void(Arg)>(
            [guard, self, epoch, handler = std::forward<F>(handler)](Arg result) mutable {
                if (!self || self->m_epoch != epoch)
                    return;
                self->endCall();
                if (!result.ok())
                    self->noteFailure(result.error());
                if (guard)
                    handler(std::move(result));
            });
    }

signals:
    void busyChanged(bool busy);
    void sessionChanged();
    /// A call was refused because the session expired or was ended elsewhere.
    void sessionExpired();
    /// A TLS handshake failed verification; lastSslErrors() and lastPeerChain() say why.
    void sslErrorsOccurred();

private:
    template<typename>
    struct HandlerArg;
    template<typename C, typename R, typename A>
    struct HandlerArg<R (C::*)(A) const>
    {
        using type = std::decay_t<A>;
    };
    template<typename C, typename R, typename A>
    struct HandlerArg<R (C::*)(A)>
    {
        using type = std::decay_t<A>;
    };

    void beginCall();
    void endCall();
    void noteFailure(const ApiError &error);
    void onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors);

    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    QUrl m_server;
    Api::Session m_session;
    QSet<QByteArray> m_trusted; ///< SHA-256 digests of accepted leaf certificates
    QList<QSslError> m_lastSslErrors;
    QList<QSslCertificate> m_lastPeerChain;
    int m_busy = 0;
    quint64 m_epoch = 0; ///< bumped when the client is replaced, so old answers are ignored
};

} // namespace ArchiveSync
