// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>

#include <optional>
#include <utility>
#include <variant>

namespace ArchiveSync {

/// \brief A failed REST call: an Error whose category comes from the HTTP status (or the transport),
/// with what the service's problem+json said.
///
/// message is the problem's `detail` (what the service wants a person to read), field its `field`.
struct ApiError : Error
{
    int httpStatus = 0;                   ///< 0: no HTTP answer (network failure, timeout, refused body)
    std::optional<int> retryAfterSeconds; ///< for Throttled: when to try again
    std::optional<int> queuePosition;     ///< for Throttled: the place in the service's waiting line, if told
    /// For Network: why the service's TLS certificate was refused, when that is why there is no answer.
    QList<QSslError> sslErrors;
    /// For Network with sslErrors: the certificates the service presented, its own first.
    QList<QSslCertificate> peerCertificateChain;

    /// The category a status stands for; 503 is Throttled only when the service says when to retry.
    static ErrorCategory categoryForStatus(int httpStatus, bool hasRetryAfter);
    /// Reads an error answer: the category from the status, detail and field from a problem+json body,
    /// the wait from Retry-After (seconds or an HTTP date, relative to `now`) or the problem's retryAfter.
    static ApiError fromHttp(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader = {},
                             const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// No usable HTTP answer: refused connection, DNS, TLS, timeout, a body over the limit.
    static ApiError network(const QString &message);
    /// A success status whose body is not what the contract promises: the service (or a proxy) is at fault.
    static ApiError unexpectedReply(int httpStatus, const QString &message);
};

/// \brief A value or an ApiError: Result for REST calls, keeping the HTTP details callers branch on
/// (retryAfterSeconds, queuePosition); toResult() narrows it where only the Error matters.
template<typename T>
using ApiResult = Result<T, ApiError>;

} // namespace ArchiveSync
