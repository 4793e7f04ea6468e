// SPDX-License-Identifier: Apache-2.0
#include "service/api/HttpJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ArchiveSync::HttpJson {

namespace {
const QByteArray kProblemType = QByteArrayLiteral("application/problem+json");
const QByteArray kJsonType = QByteArrayLiteral("application/json");

QString reasonPhrase(StatusCode status)
{
    switch (status) {
    case StatusCode::BadRequest:
        return QStringLiteral("Bad Request");
    case StatusCode::Unauthorized:
        return QStringLiteral("Unauthorized");
    case StatusCode::Forbidden:
        return QStringLiteral("Forbidden");
    case StatusCode::NotFound:
        return QStringLiteral("Not Found");
    case StatusCode::MethodNotAllowed:
        return QStringLiteral("Method Not Allowed");
    case StatusCode::Conflict:
        return QStringLiteral("Conflict");
    case StatusCode::PayloadTooLarge:
        return QStringLiteral("Content Too Large");
    case StatusCode::UnsupportedMediaType:
        return QStringLiteral("Unsupported Media Type");
    case StatusCode::UnprocessableEntity:
        return QStringLiteral("Unprocessable Content");
    case StatusCode::TooManyRequests:
        return QStringLiteral("Too Many Requests");
    case StatusCode::ServiceUnavailable:
        return QStringLiteral("Service Unavailable");
    case StatusCode::InternalServerError:
        return QStringLiteral("Internal Server Error");
    default:
        return QStringLiteral("Error");
    }
}

Error invalidField(const QString &name, const QString &what)
{
    return Error::invalid(QStringLiteral("%1 %2").arg(name, what), name);
}
} // namespace

StatusCode statusFor(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::Invalid:
        return StatusCode::BadRequest;
    case ErrorCategory::NotFound:
        return StatusCode::NotFound;
    case ErrorCategory::Conflict:
        return StatusCode::Conflict;
    case ErrorCategory::Auth:
        return StatusCode::Unauthorized;
    case ErrorCategory::Forbidden:
        return StatusCode::Forbidden;
    case ErrorCategory::Throttled:
        return StatusCode::TooManyRequests;
    case ErrorCategory::Network:
    case ErrorCategory::Server:
        return StatusCode::BadGateway;
    case ErrorCategory::Io:
    case ErrorCategory::Corrupt:
    case ErrorCategory::Database:
    case ErrorCategory::Internal:
        return StatusCode::InternalServerError;
    }
    return StatusCode::InternalServerError;
}

QHttpServerResponse problem(StatusCode status, const QString &detail, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("type"), QStringLiteral("about:blank"));
    body.insert(QStringLiteral("title"), reasonPhrase(status));
    body.insert(QStringLiteral("status"), static_cast<int>(status));
    body.insert(QStringLiteral("detail"), detail);
    return QHttpServerResponse(kProblemType, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse problem(const Error &error)
{
    const StatusCode status = statusFor(error.category);
    QJsonObject extra;
    if (!error.field.isEmpty())
        extra.insert(QStringLiteral("field"), error.field);
    // Internal details (paths, SQL) stay in the log; the client gets a plain sentence.
    const bool internal = status == StatusCode::InternalServerError;
    return problem(status,
                   internal ? QStringLiteral("the service could not complete the request") : error.message,
                   extra);
}

QHttpServerResponse json(const QJsonObject &body, StatusCode status)
{
    return QHttpServerResponse(kJsonType, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse json(const QJsonArray &body, StatusCode status)
{
    return QHttpServerResponse(kJsonType, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

Result<QJsonObject> parseObject(const QHttpServerRequest &request, qint64 maxBytes)
{
    const QByteArray body = request.body();
    if (body.size() > maxBytes)
        return Error{ErrorCategory::Invalid,
                     QStringLiteral("the request body is larger than %1 bytes").arg(maxBytes),
                     QStringLiteral("body")};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalid(QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                  .arg(parseError.errorString())
                                  .arg(parseError.offset),
                              QStringLiteral("body"));
    if (!doc.isObject())
        return Error::invalid(QStringLiteral("the body must be a JSON object"), QStringLiteral("body"));
    return doc.object();
}

Status ObjectReader::onlyFields(const QStringList &allowed) const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return invalidField(
                it.key(),
                QStringLiteral("is not a known field (known: %1)").arg(allowed.join(QStringLiteral(", "))));
    }
    return {};
}

Result<QString> ObjectReader::requiredString(const QString &name, int maxLength) const
{
    if (!m_object.contains(name))
        return invalidField(name, QStringLiteral("is required"));
    return optionalString(name, QString(), maxLength);
}

Result<QString> ObjectReader::optionalString(const QString &name, const QString &fallback,
                                             int maxLength) const
{
    if (!m_object.contains(name))
        return fallback;
    const QJsonValue v = m_object.value(name);
    if (!v.isString())
        return invalidField(name, QStringLiteral("must be a string"));
    const QString s = v.toString();
    if (s.size() > maxLength)
        return invalidField(name, QStringLiteral("must be at most %1 characters").arg(maxLength));
    return s;
}

Result<bool> ObjectReader::optionalBool(const QString &name, bool fallback) const
{
    if (!m_object.contains(name))
        return fallback;
    const QJsonValue v = m_object.value(name);
    if (!v.isBool())
        return invalidField(name, QStringLiteral("must be true or false"));
    return v.toBool();
}

Result<QJsonObject> ObjectReader::optionalObject(const QString &name) const
{
    if (!m_object.contains(name))
        return QJsonObject();
    const QJsonValue v = m_object.value(name);
    if (!v.isObject())
        return invalidField(name, QStringLiteral("must be an object"));
    return v.toObject();
}

} // namespace ArchiveSync::HttpJson
