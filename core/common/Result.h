// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace ArchiveSync {

/// \brief A value or an error: what core functions return instead of throwing.
///
/// E is Error, or a type derived from it that carries more (ApiError keeps the HTTP details);
/// toResult() narrows such a result to a plain one.
template<typename T, typename E = Error>
class [[nodiscard]] Result
{
    static_assert(std::is_base_of_v<Error, E>, "a Result's error type is an Error");

public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(E error)
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

    const E &error() const { return std::get<1>(m_data); }
    QString errorString() const { return ok() ? QString() : error().message; }
    /// The same outcome with a plain Error.
    Result<T> toResult() const & { return ok() ? Result<T>(value()) : Result<T>(Error(error())); }

private:
    std::variant<T, E> m_data;
};

/// \brief Success or an error, for operations that return nothing.
template<typename E>
class [[nodiscard]] Result<void, E>
{
    static_assert(std::is_base_of_v<Error, E>, "a Result's error type is an Error");

public:
    Result() = default;
    Result(E error)
        : m_failed(true)
        , m_error(std::move(error))
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const E &error() const { return m_error; }
    QString errorString() const { return ok() ? QString() : m_error.message; }
    /// The same outcome with a plain Error.
    Result<void> toResult() const { return ok() ? Result<void>() : Result<void>(Error(m_error)); }

private:
    bool m_failed = false;
    E m_error;
};

using Status = Result<void>;

} // namespace ArchiveSync
