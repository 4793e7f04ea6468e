// SPDX-License-Identifier: Apache-2.0
#include "core/repository/IndexRecord.h"

#include "core/common/Sha256.h"

namespace ArchiveSync {

namespace {
QString typeName(IndexRecord::Type type)
{
    switch (type) {
    case IndexRecord::Type::Message:
        return QStringLiteral("message");
    case IndexRecord::Type::Tombstone:
        return QStringLiteral("tombstone");
    case IndexRecord::Type::Body:
        return QStringLiteral("body");
    }
    return {};
}

Error bad(const QString &field, const QString &what)
{
    return Error{ErrorCategory::Corrupt, QStringLiteral("index record: %1 %2").arg(field, what), field};
}
} // namespace

QString indexContentName(IndexRecord::Content content)
{
    switch (content) {
    case IndexRecord::Content::None:
        return QStringLiteral("none");
    case IndexRecord::Content::Whole:
        return QStringLiteral("whole");
    case IndexRecord::Content::Headers:
        return QStringLiteral("headers");
    case IndexRecord::Content::Bodies:
        return QStringLiteral("bodies");
    }
    return {};
}

QString IndexRecord::wholeEntryName(qint64 id)
{
    return QStringLiteral("msg/%1.eml").arg(id);
}

QString IndexRecord::headersEntryName(qint64 id)
{
    return QStringLiteral("hdr/%1.eml").arg(id);
}

QJsonObject IndexRecord::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), typeName(type)}, {QStringLiteral("id"), id}};
    if (type == Type::Tombstone)
        return o;
    o.insert(QStringLiteral("entry"), entry);
    o.insert(QStringLiteral("entrySize"), entrySize);
    o.insert(QStringLiteral("entrySha256"), entrySha256);
    if (type == Type::Body)
        return o;
    o.insert(QStringLiteral("folder"), folder);
    o.insert(QStringLiteral("folderKind"), folderKind);
    o.insert(QStringLiteral("messageId"), messageId);
    o.insert(QStringLiteral("from"), from);
    o.insert(QStringLiteral("to"), to);
    o.insert(QStringLiteral("cc"), cc);
    o.insert(QStringLiteral("subject"), subject);
    o.insert(QStringLiteral("date"),
             date.isValid() ? QJsonValue(date.toUTC().toString(Qt::ISODate)) : QJsonValue());
    o.insert(QStringLiteral("size"), size);
    o.insert(QStringLiteral("sha256"), sha256);
    o.insert(QStringLiteral("signed"), isSigned);
    o.insert(QStringLiteral("encrypted"), isEncrypted);
    o.insert(QStringLiteral("hasAttachments"), hasAttachments);
    o.insert(QStringLiteral("content"), indexContentName(content));
    return o;
}

Result<IndexRecord> IndexRecord::fromJson(const QJsonObject &json)
{
    IndexRecord r;
    const QString type = json.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("message"))
        r.type = Type::Message;
    else if (type == QLatin1String("tombstone"))
        r.type = Type::Tombstone;
    else if (type == QLatin1String("body"))
        r.type = Type::Body;
    else
        return bad(QStringLiteral("type"), QStringLiteral("is not message, tombstone or body"));

    const QJsonValue id = json.value(QStringLiteral("id"));
    if (!id.isDouble() || id.toDouble() < 1 || id.toDouble() > 9.0e15 ||
        id.toDouble() != static_cast<double>(static_cast<qint64>(id.toDouble())))
        return bad(QStringLiteral("id"), QStringLiteral("is not a positive whole number"));
    r.id = static_cast<qint64>(id.toDouble());
    if (r.type == Type::Tombstone)
        return r;

    auto text = [&json](const char *name, QString &out) -> bool {
        const QJsonValue v = json.value(QLatin1String(name));
        if (!v.isString())
            return false;
        out = v.toString();
        return true;
    };
    auto number = [&json](const char *name, qint64 &out) -> bool {
        const QJsonValue v = json.value(QLatin1String(name));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 9.0e15 ||
            v.toDouble() != static_cast<double>(static_cast<qint64>(v.toDouble())))
            return false;
        out = static_cast<qint64>(v.toDouble());
        return true;
    };
    if (!text("entry", r.entry))
        return bad(QStringLiteral("entry"), QStringLiteral("is missing"));
    if (!number("entrySize", r.entrySize))
        return bad(QStringLiteral("entrySize"), QStringLiteral("is not a size"));
    if (!text("entrySha256", r.entrySha256) || !Sha256::isValidHex(r.entrySha256))
        return bad(QStringLiteral("entrySha256"), QStringLiteral("is not a SHA-256"));
    if (r.type == Type::Body) {
        r.content = Content::Whole;
        if (r.entry != wholeEntryName(r.id))
            return bad(QStringLiteral("entry"), QStringLiteral("does not match the id"));
        return r;
    }

    for (const auto &[name, out] : {std::pair<const char *, QString *>{"folder", &r.folder},
                                    {"folderKind", &r.folderKind},
                                    {"messageId", &r.messageId},
                                    {"from", &r.from},
                                    {"to", &r.to},
                                    {"cc", &r.cc},
                                    {"subject", &r.subject},
                                    {"sha256", &r.sha256}}) {
        if (!text(name, *out))
            return bad(QLatin1String(name), QStringLiteral("is not a string"));
    }
    if (r.folder.isEmpty())
        return bad(QStringLiteral("folder"), QStringLiteral("is empty"));
    if (!Sha256::isValidHex(r.sha256))
        return bad(QStringLiteral("sha256"), QStringLiteral("is not a SHA-256"));
    if (!number("size", r.size))
        return bad(QStringLiteral("size"), QStringLiteral("is not a size"));
    const QJsonValue date = json.value(QStringLiteral("date"));
    if (date.isString()) {
        r.date = QDateTime::fromString(date.toString(), Qt::ISODate);
        if (!r.date.isValid())
            return bad(QStringLiteral("date"), QStringLiteral("is not an ISO 8601 date"));
    } else if (!date.isNull()) {
        return bad(QStringLiteral("date"), QStringLiteral("is neither a date nor null"));
    }
    for (const auto &[name, out] : {std::pair<const char *, bool *>{"signed", &r.isSigned},
                                    {"encrypted", &r.isEncrypted},
                                    {"hasAttachments", &r.hasAttachments}}) {
        const QJsonValue v = json.value(QLatin1String(name));
        if (!v.isBool())
            return bad(QLatin1String(name), QStringLiteral("is not a boolean"));
        *out = v.toBool();
    }
    const QString content = json.value(QStringLiteral("content")).toString();
    if (content == QLatin1String("whole"))
        r.content = Content::Whole;
    else if (content == QLatin1String("headers"))
        r.content = Content::Headers;
    else if (content == QLatin1String("bodies"))
        r.content = Content::Bodies;
    else
        return bad(QStringLiteral("content"), QStringLiteral("is not whole, headers or bodies"));
    const QString expectedEntry = r.content == Content::Whole ? wholeEntryName(r.id) : headersEntryName(r.id);
    if (r.entry != expectedEntry)
        return bad(QStringLiteral("entry"), QStringLiteral("does not match the id and content"));
    if (r.content == Content::Whole && r.entrySize != r.size)
        return bad(QStringLiteral("entrySize"), QStringLiteral("differs from the whole message's size"));
    if (r.content == Content::Whole && r.entrySha256 != r.sha256)
        return bad(QStringLiteral("entrySha256"), QStringLiteral("differs from the whole message's hash"));
    return r;
}

} // namespace ArchiveSync
