// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QStringList>

namespace ArchiveSync::HttpJson {

using StatusCode = QHttpServerResponse::StatusCode;

/// \brief The one mapping from an error's category to its HTTP status.
StatusCode statusFor(ErrorCategory category);

/// \brief An RFC 9457 problem response (application/problem+json); `extra` adds members.
QHttpServerResponse problem(StatusCode status, const QString &detail, const QJsonObject &extra = {});
/// \brief The problem response for an Error: its status from the category, the field it names.
QHttpServerResponse problem(const Error &error);

QHttpServerResponse json(const QJsonObject &body, StatusCode status = StatusCode::Ok);
QHttpServerResponse json(const QJsonArray &body, StatusCode status = StatusCode::Ok);

/// \brief Parses a request body that must be one JSON object of at most maxBytes.
Result<QJsonObject> parseObject(const QHttpServerRequest &request, qint64 maxBytes = 1024 * 1024);

/// \brief Strict reading of a JSON request body: every error names the field.
class ObjectReader
{
public:
    explicit ObjectReader(const QJsonObject &object)
        : m_object(object)
    {}

    /// Fails on a member not in `allowed` (misspelt fields must not be silently ignored).
    Status onlyFields(const QStringList &allowed) const;
    Result<QString> requiredString(const QString &name, int maxLength = 1024) const;
    Result<QString> optionalString(const QString &name, const QString &fallback, int maxLength = 1024) const;
    Result<bool> optionalBool(const QString &name, bool fallback) const;
    Result<QJsonObject> optionalObject(const QString &name) const;
    bool has(const QString &name) const { return m_object.contains(name); }

private:
    const QJsonObject &m_object;
};

} // namespace ArchiveSync::HttpJson
