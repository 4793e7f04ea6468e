// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"
#include "core/repository/Manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace ArchiveSync;

using JsonChange = std::function<void(QJsonObject &)>;
Q_DECLARE_METATYPE(JsonChange)

namespace {

SegmentInfo segment(int sequence, SegmentKind kind, const QString &folder = {})
{
    SegmentInfo s;
    s.sequence = sequence;
    s.sha256 = Sha256::hex(QByteArray::number(sequence));
    s.kind = kind;
    s.folder = folder;
    s.size = 1000 * sequence + 7;
    s.messages = 10 * sequence;
    s.tombstones = sequence - 1;
    s.created = QDateTime(QDate(2024, 3, sequence), QTime(6, 0, 0, 123), Qt::UTC);
    return s;
}

Manifest sample()
{
    Manifest m;
    m.mailbox = QStringLiteral("alice@example.org");
    m.generation = 3;
    m.revision = 2;
    m.generationCreated = QDateTime(QDate(2024, 3, 1), QTime(6, 0, 0, 5), Qt::UTC);
    m.updated = QDateTime(QDate(2024, 3, 3), QTime(6, 0, 1, 999), Qt::UTC);
    m.settingsFingerprint = Sha256::hex("settings");
    m.messageCount = 42;
    m.segments = {segment(1, SegmentKind::Index), segment(2, SegmentKind::Bodies, QStringLiteral("Inbox")),
                  segment(3, SegmentKind::Bodies, QStringLiteral("Projekte/Entwürfe")),
                  segment(4, SegmentKind::Index)};
    return m;
}

void compareManifests(const Manifest &actual, const Manifest &expected)
{
    QCOMPARE(actual.mailbox, expected.mailbox);
    QCOMPARE(actual.generation, expected.generation);
    QCOMPARE(actual.revision, expected.revision);
    QCOMPARE(actual.generationCreated, expected.generationCreated);
    QCOMPARE(actual.updated, expected.updated);
    QCOMPARE(actual.settingsFingerprint, expected.settingsFingerprint);
    QCOMPARE(actual.messageCount, expected.messageCount);
    QCOMPARE(actual.segments.size(), expected.segments.size());
    for (qsizetype i = 0; i < expected.segments.size(); ++i) {
        const SegmentInfo &a = actual.segments.at(i);
        const SegmentInfo &e = expected.segments.at(i);
        QCOMPARE(a.sequence, e.sequence);
        QCOMPARE(a.sha256, e.sha256);
        QCOMPARE(a.kind, e.kind);
        QCOMPARE(a.folder, e.folder);
        QCOMPARE(a.size, e.size);
        QCOMPARE(a.messages, e.messages);
        QCOMPARE(a.tombstones, e.tombstones);
        QCOMPARE(a.created, e.created);
        QVERIFY(a == e);
    }
}

QJsonObject sampleJson()
{
    return QJsonDocument::fromJson(sample().toJson()).object();
}

// Applies a change to the n-th segment object of a manifest's JSON.
JsonChange inSegment(int index, const std::function<void(QJsonObject &)> &change)
{
    return [index, change](QJsonObject &root) {
        QJsonArray segments = root.value(QStringLiteral("segments")).toArray();
        QJsonObject o = segments.at(index).toObject();
        change(o);
        segments.replace(index, o);
        root.insert(QStringLiteral("segments"), segments);
    };
}

JsonChange setField(const char *key, const QJsonValue &value)
{
    return [key, value](QJsonObject &o) {
        if (value.isUndefined())
            o.remove(QLatin1String(key));
        else
            o.insert(QLatin1String(key), value);
    };
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        const Manifest original = sample();
        const QByteArray bytes = original.toJson();
        const auto back = Manifest::fromJson(bytes);
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        compareManifests(*back, original);
        // Rendering is deterministic, so the ETag only changes with the content.
        QCOMPARE(back->toJson(), bytes);
        QCOMPARE(Manifest::etagOf(bytes), Sha256::hex(bytes));
        Manifest other = original;
        other.revision += 1;
        QVERIFY(Manifest::etagOf(other.toJson()) != Manifest::etagOf(bytes));
    }

    void roundTripEmpty()
    {
        Manifest m;
        m.mailbox = QStringLiteral("bob@example.org");
        const auto back = Manifest::fromJson(m.toJson());
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        compareManifests(*back, m);
        QVERIFY(back->segments.isEmpty());
        QCOMPARE(back->totalBytes(), qint64(0));
    }

    void jsonForm()
    {
        const QJsonObject root = sampleJson();
        QCOMPARE(root.value(QStringLiteral("format")).toInt(), Manifest::kFormat);
        QCOMPARE(root.value(QStringLiteral("updated")).toString(),
                 QStringLiteral("2024-03-03T06:00:01.999Z"));
        const QJsonArray segments = root.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), 4);
        QCOMPARE(segments.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("index"));
        QVERIFY(!segments.at(0).toObject().contains(QStringLiteral("folder")));
        QCOMPARE(segments.at(1).toObject().value(QStringLiteral("folder")).toString(),
                 QStringLiteral("Inbox"));
    }

    void helpers()
    {
        const Manifest m = sample();
        QCOMPARE(m.totalBytes(), qint64(1007 + 2007 + 3007 + 4007));
        QCOMPARE(m.segments.at(0).fileName(), Sha256::hex("1") + QStringLiteral(".tar.zst"));
        QCOMPARE(segmentKindName(SegmentKind::Index), QStringLiteral("index"));
        QCOMPARE(segmentKindName(SegmentKind::Bodies), QStringLiteral("bodies"));
    }

    void rejects_data()
    {
        QTest::addColumn<JsonChange>("change");
        const QJsonValue missing(QJsonValue::Undefined);
        auto row = [](const char *name, const JsonChange &change) {
            QTest::newRow(name) << change;
        };
        row("format 2", setField("format", 2));
        row("format 0", setField("format", 0));
        row("format string", setField("format", QStringLiteral("1")));
        row("format missing", setField("format", missing));
        row("mailbox empty", setField("mailbox", QString()));
        row("mailbox missing", setField("mailbox", missing));
        row("mailbox number", setField("mailbox", 5));
        row("generation 0", setField("generation", 0));
        row("generation negative", setField("generation", -1));
        row("generation fraction", setField("generation", 1.5));
        row("generation string", setField("generation", QStringLiteral("3")));
        row("generation missing", setField("generation", missing));
        row("revision negative", setField("revision", -1));
        row("revision missing", setField("revision", missing));
        row("messageCount negative", setField("messageCount", -1));
        row("messageCount missing", setField("messageCount", missing));
        row("segments missing", setField("segments", missing));
        row("segments object", setField("segments", QJsonObject()));
        row("segment not an object", [](QJsonObject &root) {
            QJsonArray segments = root.value(QStringLiteral("segments")).toArray();
            segments.replace(0, QStringLiteral("index"));
            root.insert(QStringLiteral("segments"), segments);
        });
        row("sequence starts at 0", inSegment(0, setField("sequence", 0)));
        row("sequence gap", inSegment(2, setField("sequence", 4)));
        row("sequence repeated", inSegment(1, setField("sequence", 1)));
        row("sequence fraction", inSegment(0, setField("sequence", 1.5)));
        row("sequence string", inSegment(0, setField("sequence", QStringLiteral("1"))));
        row("sequence missing", inSegment(3, setField("sequence", missing)));
        row("sequences reordered", [](QJsonObject &root) {
            QJsonArray segments = root.value(QStringLiteral("segments")).toArray();
            const QJsonValue first = segments.at(0);
            segments.replace(0, segments.at(1));
            segments.replace(1, first);
            root.insert(QStringLiteral("segments"), segments);
        });
        row("sha upper case", inSegment(0, setField("sha256", Sha256::hex("1").toUpper())));
        row("sha short", inSegment(0, setField("sha256", Sha256::hex("1").left(63))));
        row("sha traversal", inSegment(1, setField("sha256", QStringLiteral("../../../etc/passwd"))));
        row("sha with extension",
            inSegment(1, setField("sha256", Sha256::hex("1") + QStringLiteral(".tar.zst"))));
        row("sha missing", inSegment(3, setField("sha256", missing)));
        row("kind unknown", inSegment(0, setField("kind", QStringLiteral("headers"))));
        row("kind upper case", inSegment(0, setField("kind", QStringLiteral("Index"))));
        row("kind missing", inSegment(0, setField("kind", missing)));
        row("bodies folder missing", inSegment(1, setField("folder", missing)));
        row("bodies folder empty", inSegment(1, setField("folder", QString())));
        row("bodies folder absolute", inSegment(1, setField("folder", QStringLiteral("/etc"))));
        row("bodies folder double slash", inSegment(1, setField("folder", QStringLiteral("a//b"))));
        row("bodies folder trailing slash", inSegment(1, setField("folder", QStringLiteral("Inbox/"))));
        row("bodies folder control char", inSegment(1, setField("folder", QStringLiteral("In\nbox"))));
        row("bodies folder number", inSegment(1, setField("folder", 1)));
        row("size negative", inSegment(0, setField("size", -1)));
        row("size string", inSegment(0, setField("size", QStringLiteral("1007"))));
        row("size missing", inSegment(0, setField("size", missing)));
        row("messages negative", inSegment(0, setField("messages", -1)));
        row("tombstones negative", inSegment(0, setField("tombstones", -1)));
        row("tombstones missing", inSegment(0, setField("tombstones", missing)));
    }
    void rejects()
    {
        QFETCH(JsonChange, change);
        QJsonObject root = sampleJson();
        QVERIFY(Manifest::fromJson(QJsonDocument(root).toJson()).ok()); // the unchanged base is accepted
        change(root);
        const auto result = Manifest::fromJson(QJsonDocument(root).toJson());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Corrupt);
        QVERIFY(!result.error().message.isEmpty());
    }

    void rejectsNonJson_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x89PNG\r\n");
        QTest::newRow("array") << QByteArray("[1, 2]");
        QTest::newRow("truncated") << sample().toJson().left(200);
        QTest::newRow("string") << QByteArray("\"manifest\"");
    }
    void rejectsNonJson()
    {
        QFETCH(QByteArray, bytes);
        const auto result = Manifest::fromJson(bytes);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "TestManifest.moc"
