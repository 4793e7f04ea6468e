// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>

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

/// \brief A value or an ApiError: Result for REST calls, keeping the HTTP details the callers branch on.
///
/// Result<T> holds a plain Error; slicing an ApiError into it would drop retryAfterSeconds, so calls
/// answer with this and toResult() converts where only the Error matters.
template<typename T>
class [[nodiscard]] ApiResult
{
public:
    ApiResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    ApiResult(ApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const ApiError &error() const { return std::get<1>(m_data); }
    QString errorString() const { return ok() ? QString() : error().message; }
    Result<T> toResult() const & { return ok() ? Result<T>(value()) : Result<T>(Error(error())); }

private:
    std::variant<T, ApiError> m_data;
};

/// \brief Success or an ApiError, for calls that answer with no content.
template<>
class [[nodiscard]] ApiResult<void>
{
public:
    ApiResult() = default;
    ApiResult(ApiError error)
        : m_failed(true)
        , m_error(std::move(error))
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const ApiError &error() const { return m_error; }
    QString errorString() const { return ok() ? QString() : m_error.message; }
    Status toResult() const { return ok() ? Status() : Status(Error(m_error)); }

private:
    bool m_failed = false;
    ApiError m_error;
};

} // namespace ArchiveSync
