// SPDX-License-Identifier: Apache-2.0
#include "core/repository/Manifest.h"

#include "core/common/Sha256.h"
#include "core/model/OfflineSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ArchiveSync {

namespace {
Error bad(const QString &what)
{
    return Error{ErrorCategory::Corrupt, QStringLiteral("manifest: %1").arg(what), {}};
}

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}
} // namespace

QString segmentKindName(SegmentKind kind)
{
    return kind == SegmentKind::Index ? QStringLiteral("index") : QStringLiteral("bodies");
}

QByteArray Manifest::toJson() const
{
    QJsonArray list;
    for (const SegmentInfo &s : segments) {
        QJsonObject o{
            {QStringLiteral("sequence"), s.sequence},          {QStringLiteral("sha256"), s.sha256},
            {QStringLiteral("kind"), segmentKindName(s.kind)}, {QStringLiteral("size"), s.size},
            {QStringLiteral("messages"), s.messages},          {QStringLiteral("tombstones"), s.tombstones},
            {QStringLiteral("created"), timeValue(s.created)}};
        if (s.kind == SegmentKind::Bodies)
            o.insert(QStringLiteral("folder"), s.folder);
        list.append(o);
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("mailbox"), mailbox},
                           {QStringLiteral("generation"), generation},
                           {QStringLiteral("revision"), revision},
                           {QStringLiteral("generationCreated"), timeValue(generationCreated)},
                           {QStringLiteral("updated"), timeValue(updated)},
                           {QStringLiteral("settingsFingerprint"), settingsFingerprint},
                           {QStringLiteral("messageCount"), messageCount},
                           {QStringLiteral("segments"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<Manifest> Manifest::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return bad(QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != kFormat)
        return bad(QStringLiteral("unsupported format %1").arg(root.value(QStringLiteral("format")).toInt()));
    Manifest m;
    m.mailbox = root.value(QStringLiteral("mailbox")).toString();
    if (m.mailbox.isEmpty())
        return bad(QStringLiteral("no mailbox"));
    m.generation = root.value(QStringLiteral("generation")).toInteger(-1);
    m.revision = root.value(QStringLiteral("revision")).toInteger(-1);
    if (m.generation < 1 || m.revision < 0)
        return bad(QStringLiteral("generation or revision out of range"));
    m.generationCreated =
        QDateTime::fromString(root.value(QStringLiteral("generationCreated")).toString(), Qt::ISODateWithMs);
    m.updated = QDateTime::fromString(root.value(QStringLiteral("updated")).toString(), Qt::ISODateWithMs);
    m.settingsFingerprint = root.value(QStringLiteral("settingsFingerprint")).toString();
    m.messageCount = root.value(QStringLiteral("messageCount")).toInteger(-1);
    if (m.messageCount < 0)
        return bad(QStringLiteral("messageCount out of range"));
    const QJsonValue segments = root.value(QStringLiteral("segments"));
    if (!segments.isArray())
        return bad(QStringLiteral("segments is not a list"));
    int expectedSequence = 1;
    for (const QJsonValue &v : segments.toArray()) {
        const QJsonObject o = v.toObject();
        SegmentInfo s;
        s.sequence = o.value(QStringLiteral("sequence")).toInt(-1);
        s.sha256 = o.value(QStringLiteral("sha256")).toString();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        s.size = o.value(QStringLiteral("size")).toInteger(-1);
        s.messages = o.value(QStringLiteral("messages")).toInt(-1);
        s.tombstones = o.value(QStringLiteral("tombstones")).toInt(-1);
        s.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
        if (s.sequence != expectedSequence++)
            return bad(QStringLiteral("segment sequence is not 1, 2, 3, ..."));
        if (!Sha256::isValidHex(s.sha256))
            return bad(QStringLiteral("segment %1 has no valid SHA-256").arg(s.sequence));
        if (s.size < 0 || s.messages < 0 || s.tombstones < 0)
            return bad(QStringLiteral("segment %1 has negative counts").arg(s.sequence));
        if (kind == QLatin1String("index")) {
            s.kind = SegmentKind::Index;
        } else if (kind == QLatin1String("bodies")) {
            s.kind = SegmentKind::Bodies;
            s.folder = o.value(QStringLiteral("folder")).toString();
            if (!OfflineSettings::isValidFolderPath(s.folder))
                return bad(QStringLiteral("segment %1 names no valid folder").arg(s.sequence));
        } else {
            return bad(QStringLiteral("segment %1 has unknown kind '%2'").arg(s.sequence).arg(kind));
        }
        m.segments.append(s);
    }
    return m;
}

QString Manifest::etagOf(const QByteArray &manifestBytes)
{
    return Sha256::hex(manifestBytes);
}

qint64 Manifest::totalBytes() const
{
    qint64 total = 0;
    for (const SegmentInfo &s : segments)
        total += s.size;
    return total;
}

} // namespace ArchiveSync
