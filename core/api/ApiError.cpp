// SPDX-License-Identifier: Apache-2.0
#include "core/api/ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace ArchiveSync {

namespace {
// Far enough to cover any sane back-off, small enough that a broken header cannot park a client for days.
constexpr int kMaxRetryAfterSeconds = 24 * 3600;

std::optional<int> nonNegativeInt(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > kMaxRetryAfterSeconds * 100.0 || d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<int>(d);
}

/// Retry-After is delay-seconds or an HTTP-date (RFC 9110 10.2.3).
std::optional<int> parseRetryAfter(const QByteArray &header, const QDateTime &now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt
                           : std::optional<int>(int(qMin<qint64>(seconds, kMaxRetryAfterSeconds)));
    QDateTime at =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeSpec(Qt::UTC);
    const qint64 delta = now.secsTo(at);
    return int(std::clamp<qint64>(delta, 0, kMaxRetryAfterSeconds));
}

QString statusText(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("bad request");
    case 401:
        return QStringLiteral("not signed in");
    case 403:
        return QStringLiteral("not allowed");
    case 404:
        return QStringLiteral("not found");
    case 409:
        return QStringLiteral("conflict");
    case 413:
        return QStringLiteral("request too large");
    case 416:
        return QStringLiteral("range not satisfiable");
    case 429:
        return QStringLiteral("too many requests");
    case 503:
        return QStringLiteral("service unavailable");
    default:
        return status >= 500 ? QStringLiteral("server error") : QStringLiteral("request failed");
    }
}
} // namespace

ErrorCategory ApiError::categoryForStatus(int httpStatus, bool hasRetryAfter)
{
    switch (httpStatus) {
    case 400:
    case 413:
    case 416:
        return ErrorCategory::Invalid;
    case 401:
        return ErrorCategory::Auth;
    case 403:
        return ErrorCategory::Forbidden;
    case 404:
        return ErrorCategory::NotFound;
    case 409:
        return ErrorCategory::Conflict;
    case 429:
        return ErrorCategory::Throttled;
    case 503:
        return hasRetryAfter ? ErrorCategory::Throttled : ErrorCategory::Server;
    default:
        break;
    }
    if (httpStatus >= 500 || httpStatus < 400)
        return ErrorCategory::Server; // 5xx, or a status no endpoint answers with (redirects, 1xx)
    // Other 4xx (405, 415, 422, ...): the request itself was wrong.
    return ErrorCategory::Invalid;
}

ApiError ApiError::fromHttp(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader,
                            const QDateTime &now)
{
    ApiError error;
    error.httpStatus = httpStatus;
    // Proxies and the connection guard may answer with plain text or nothing; only a JSON object is read.
    const QJsonObject problem = QJsonDocument::fromJson(body).object();
    const QString detail = problem.value(QStringLiteral("detail")).toString().trimmed();
    error.message =
        detail.isEmpty()
            ? QStringLiteral("the service answered HTTP %1 (%2)").arg(httpStatus).arg(statusText(httpStatus))
            : detail;
    error.field = problem.value(QStringLiteral("field")).toString();
    error.retryAfterSeconds = parseRetryAfter(retryAfterHeader, now);
    if (!error.retryAfterSeconds)
        error.retryAfterSeconds = nonNegativeInt(problem.value(QStringLiteral("retryAfter")));
    // The admission queue's 503 names the place "position" (service/api/AdmissionController.cpp).
    error.queuePosition = nonNegativeInt(problem.value(QStringLiteral("position")));
    if (!error.queuePosition)
        error.queuePosition = nonNegativeInt(problem.value(QStringLiteral("queuePosition")));
    error.category = categoryForStatus(httpStatus, retryAfterHeader.trimmed().size() > 0);
    if (error.category != ErrorCategory::Throttled) {
        error.retryAfterSeconds.reset();
        error.queuePosition.reset();
    }
    return error;
}

ApiError ApiError::network(const QString &message)
{
    ApiError error;
    error.category = ErrorCategory::Network;
    error.message = message;
    return error;
}

ApiError ApiError::unexpectedReply(int httpStatus, const QString &message)
{
    ApiError error;
    error.category = ErrorCategory::Server;
    error.httpStatus = httpStatus;
    error.message = message;
    return error;
}

} // namespace ArchiveSync
