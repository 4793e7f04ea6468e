// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

#include <memory>

namespace ArchiveSync::Testing {

/// \brief One HTTP exchange as a test sees it.
struct HttpReply
{
    int status = 0; ///< 0: no HTTP answer (connection failed)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

/// \brief A blocking HTTP client over QNetworkAccessManager for integration tests.
class HttpTestClient
{
public:
    explicit HttpTestClient(QUrl baseUrl)
        : m_baseUrl(std::move(baseUrl))
        , m_network(std::make_unique<QNetworkAccessManager>())
    {}

    void setToken(const QByteArray &token) { m_token = token; }
    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpReply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", path, {}, headers);
    }
    HttpReply postJson(const QString &path, const QJsonObject &body);

private:
    QUrl m_baseUrl;
    QByteArray m_token;
    std::unique_ptr<QNetworkAccessManager> m_network; // held by pointer so clients can be returned by value
};

} // namespace ArchiveSync::Testing
