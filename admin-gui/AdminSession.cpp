// SPDX-License-Identifier: Apache-2.0
#include "AdminSession.h"

#include "AdminLog.h"

#include <QNetworkReply>

namespace ArchiveSync {

AdminSession::AdminSession(QObject *parent)
    : QObject(parent)
    , m_client(std::make_unique<ApiClient>(m_network, QUrl()))
{
    connect(&m_network, &QNetworkAccessManager::sslErrors, this, &AdminSession::onSslErrors);
}

AdminSession::~AdminSession() = default;

void AdminSession::setServer(const QUrl &url)
{
    ++m_epoch;
    m_client = std::make_unique<ApiClient>(m_network, url);
    m_server = url;
    m_session = {};
    m_lastSslErrors.clear();
    m_lastPeerChain.clear();
    if (m_busy != 0) {
        m_busy = 0;
        emit busyChanged(false);
    }
    emit sessionChanged();
}

void AdminSession::setSession(const Api::Session &session)
{
    m_session = session;
    m_client->setToken(session.token);
    qCInfo(lcAdmin) << "signed in to" << m_server.toString() << "as" << session.username;
    emit sessionChanged();
}

void AdminSession::signOut()
{
    if (!isSignedIn())
        return;
    // The answer does not matter: the token is forgotten here either way.
    m_client->signOut([](ApiResult<void>) {});
    m_client->setToken({});
    m_session = {};
    qCInfo(lcAdmin) << "signed out of" << m_server.toString();
    emit sessionChanged();
}

void AdminSession::trustCertificate(const QSslCertificate &certificate)
{
    m_trusted.insert(certificate.digest(QCryptographicHash::Sha256));
    qCInfo(lcAdmin) << "trusting certificate" << certificate.subjectDisplayName() << "for this session";
}

bool AdminSession::isTrusted(const QSslCertificate &certificate) const
{
    return !certificate.isNull() && m_trusted.contains(certificate.digest(QCryptographicHash::Sha256));
}

void AdminSession::beginCall()
{
    if (m_busy++ == 0)
        emit busyChanged(true);
}

void AdminSession::endCall()
{
    if (m_busy > 0 && --m_busy == 0)
        emit busyChanged(false);
}

void AdminSession::noteFailure(const ApiError &error)
{
    qCWarning(lcAdmin) << "call failed:" << error.httpStatus << error.message;
    if (error.category == ErrorCategory::Auth && isSignedIn())
        emit sessionExpired();
}

void AdminSession::onSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    const QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
    if (!chain.isEmpty() && isTrusted(chain.first())) {
        // Accepted by the admin earlier in this run: only for exactly this certificate.
        reply->ignoreSslErrors(errors);
        return;
    }
    m_lastSslErrors = errors;
    m_lastPeerChain = chain;
    qCWarning(lcAdmin) << "TLS verification failed for" << reply->url().host() << errors.size() << "error(s)";
    emit sslErrorsOccurred();
}

} // namespace ArchiveSync
