// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"
#include "core/repository/IndexRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace ArchiveSync;

Q_DECLARE_METATYPE(ArchiveSync::IndexRecord)

namespace {

IndexRecord messageRecord(qint64 id, IndexRecord::Content content)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Message;
    r.id = id;
    r.folder = QStringLiteral("Projekte/Entwürfe");
    r.folderKind = QStringLiteral("mail");
    r.messageId = QStringLiteral("abc.%1@example.org").arg(id);
    r.from = QStringLiteral("Jürgen Müller <juergen@example.org>");
    r.to = QStringLiteral("bob@example.org, \"Doe, John\" <john@example.org>");
    r.cc = QString();
    r.subject = QStringLiteral("Grüße \"quoted\" \\ 日本語");
    r.date = QDateTime(QDate(2024, 1, 2), QTime(9, 30, 15), Qt::UTC);
    r.size = 12345;
    r.sha256 = Sha256::hex(QByteArray::number(id) + "whole");
    r.isSigned = true;
    r.isEncrypted = false;
    r.hasAttachments = true;
    r.content = content;
    if (content == IndexRecord::Content::Whole) {
        r.entry = IndexRecord::wholeEntryName(id);
        r.entrySize = r.size;
        r.entrySha256 = r.sha256;
    } else {
        r.entry = IndexRecord::headersEntryName(id);
        r.entrySize = 321;
        r.entrySha256 = Sha256::hex(QByteArray::number(id) + "headers");
    }
    return r;
}

IndexRecord tombstone(qint64 id)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Tombstone;
    r.id = id;
    return r;
}

IndexRecord bodyRecord(qint64 id)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Body;
    r.id = id;
    r.content = IndexRecord::Content::Whole;
    r.entry = IndexRecord::wholeEntryName(id);
    r.entrySize = 999;
    r.entrySha256 = Sha256::hex(QByteArray::number(id) + "body");
    return r;
}

// Every field, so a field lost on the way shows up.
void compareRecords(const IndexRecord &actual, const IndexRecord &expected)
{
    QCOMPARE(actual.type, expected.type);
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.folder, expected.folder);
    QCOMPARE(actual.folderKind, expected.folderKind);
    QCOMPARE(actual.messageId, expected.messageId);
    QCOMPARE(actual.from, expected.from);
    QCOMPARE(actual.to, expected.to);
    QCOMPARE(actual.cc, expected.cc);
    QCOMPARE(actual.subject, expected.subject);
    QCOMPARE(actual.date, expected.date);
    QCOMPARE(actual.size, expected.size);
    QCOMPARE(actual.sha256, expected.sha256);
    QCOMPARE(actual.isSigned, expected.isSigned);
    QCOMPARE(actual.isEncrypted, expected.isEncrypted);
    QCOMPARE(actual.hasAttachments, expected.hasAttachments);
    QCOMPARE(actual.content, expected.content);
    QCOMPARE(actual.entry, expected.entry);
    QCOMPARE(actual.entrySize, expected.entrySize);
    QCOMPARE(actual.entrySha256, expected.entrySha256);
}

} // namespace

class TestIndexRecord : public QObject
{
    Q_OBJECT
private slots:
    void entryNames()
    {
        QCOMPARE(IndexRecord::wholeEntryName(42), QStringLiteral("msg/42.eml"));
        QCOMPARE(IndexRecord::headersEntryName(42), QStringLiteral("hdr/42.eml"));
        QCOMPARE(IndexRecord::wholeEntryName(9000000000000000), QStringLiteral("msg/9000000000000000.eml"));
        QCOMPARE(indexContentName(IndexRecord::Content::Bodies), QStringLiteral("bodies"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<IndexRecord>("record");
        QTest::newRow("message whole") << messageRecord(1, IndexRecord::Content::Whole);
        QTest::newRow("message headers") << messageRecord(2, IndexRecord::Content::Headers);
        QTest::newRow("message bodies") << messageRecord(3, IndexRecord::Content::Bodies);
        IndexRecord noDate = messageRecord(4, IndexRecord::Content::Headers);
        noDate.date = QDateTime();
        noDate.subject.clear();
        noDate.messageId.clear();
        QTest::newRow("no date, empty strings") << noDate;
        IndexRecord big = messageRecord(9000000000000000, IndexRecord::Content::Whole);
        big.size = big.entrySize = 8000000000000000;
        QTest::newRow("large numbers") << big;
        IndexRecord empty = messageRecord(5, IndexRecord::Content::Whole);
        empty.size = empty.entrySize = 0;
        QTest::newRow("empty message") << empty;
        QTest::newRow("tombstone") << tombstone(6);
        QTest::newRow("body") << bodyRecord(7);
    }
    void roundTrip()
    {
        QFETCH(IndexRecord, record);
        const QJsonObject json = record.toJson();
        const auto back = IndexRecord::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        compareRecords(*back, record);
        // As the index stores it: one compact line.
        const QByteArray line = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QVERIFY(!line.contains('\n'));
        const auto reparsed = IndexRecord::fromJson(QJsonDocument::fromJson(line).object());
        QVERIFY2(reparsed.ok(), qPrintable(reparsed.errorString()));
        compareRecords(*reparsed, record);
    }

    void dateIsUtcInJson()
    {
        IndexRecord r = messageRecord(8, IndexRecord::Content::Headers);
        r.date = QDateTime(QDate(2024, 1, 2), QTime(10, 30), QTimeZone(3600));
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("date")).toString(), QStringLiteral("2024-01-02T09:30:00Z"));
        QVERIFY(json.value(QStringLiteral("date")).isString());
        r.date = QDateTime();
        QVERIFY(r.toJson().value(QStringLiteral("date")).isNull());
    }

    void tombstoneJsonIsMinimal()
    {
        const QJsonObject json = tombstone(9).toJson();
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("type")}));
    }

    // Start from a valid record's JSON, change one field, and expect the error to name it.
    void rejects_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        auto row = [](const char *name, const IndexRecord &base, const char *key, const QJsonValue &value,
                      const char *field) {
            QJsonObject json = base.toJson();
            if (value.isUndefined())
                json.remove(QLatin1String(key));
            else
                json.insert(QLatin1String(key), value);
            QTest::newRow(name) << json << QString::fromLatin1(field);
        };
        const QJsonValue missing(QJsonValue::Undefined);
        const IndexRecord headers = messageRecord(7, IndexRecord::Content::Headers);
        const IndexRecord whole = messageRecord(7, IndexRecord::Content::Whole);
        const IndexRecord bodies = messageRecord(7, IndexRecord::Content::Bodies);
        const IndexRecord body = bodyRecord(7);
        const IndexRecord dead = tombstone(7);
        const QString otherSha = Sha256::hex("other");

        row("type unknown", headers, "type", QStringLiteral("letter"), "type");
        row("type missing", headers, "type", missing, "type");
        row("type upper case", headers, "type", QStringLiteral("Message"), "type");
        row("type number", headers, "type", 1, "type");
        row("id zero", headers, "id", 0, "id");
        row("id negative", headers, "id", -7, "id");
        row("id fraction", headers, "id", 7.5, "id");
        row("id string", headers, "id", QStringLiteral("7"), "id");
        row("id too big", headers, "id", 1e16, "id");
        row("id huge", headers, "id", 1e300, "id");
        row("id missing", headers, "id", missing, "id");
        row("tombstone id zero", dead, "id", 0, "id");
        row("tombstone id string", dead, "id", QStringLiteral("7"), "id");
        row("entry missing", headers, "entry", missing, "entry");
        row("entry number", headers, "entry", 7, "entry");
        row("entry other id", headers, "entry", QStringLiteral("hdr/8.eml"), "entry");
        row("entry traversal", headers, "entry", QStringLiteral("../../etc/passwd"), "entry");
        row("entry absolute", headers, "entry", QStringLiteral("/etc/passwd"), "entry");
        row("entry dot prefix", headers, "entry", QStringLiteral("./hdr/7.eml"), "entry");
        row("entry whole for headers", headers, "entry", QStringLiteral("msg/7.eml"), "entry");
        row("entry headers for whole", whole, "entry", QStringLiteral("hdr/7.eml"), "entry");
        row("entry whole for bodies", bodies, "entry", QStringLiteral("msg/7.eml"), "entry");
        row("entrySize negative", headers, "entrySize", -1, "entrySize");
        row("entrySize fraction", headers, "entrySize", 320.5, "entrySize");
        row("entrySize string", headers, "entrySize", QStringLiteral("321"), "entrySize");
        row("entrySize huge", headers, "entrySize", 1e300, "entrySize");
        row("entrySize missing", headers, "entrySize", missing, "entrySize");
        row("entrySha256 upper case", headers, "entrySha256", Sha256::hex("x").toUpper(), "entrySha256");
        row("entrySha256 short", headers, "entrySha256", Sha256::hex("x").left(63), "entrySha256");
        row("entrySha256 missing", headers, "entrySha256", missing, "entrySha256");
        row("folder empty", headers, "folder", QString(), "folder");
        row("folder missing", headers, "folder", missing, "folder");
        row("folder number", headers, "folder", 3, "folder");
        row("folderKind missing", headers, "folderKind", missing, "folderKind");
        row("messageId null", headers, "messageId", QJsonValue(), "messageId");
        row("from array", headers, "from", QJsonArray{QStringLiteral("a@b")}, "from");
        row("to missing", headers, "to", missing, "to");
        row("cc bool", headers, "cc", false, "cc");
        row("subject number", headers, "subject", 1, "subject");
        row("sha256 garbage", headers, "sha256", QStringLiteral("x"), "sha256");
        row("sha256 missing", headers, "sha256", missing, "sha256");
        row("size negative", headers, "size", -5, "size");
        row("size fraction", headers, "size", 12344.5, "size");
        row("size string", headers, "size", QStringLiteral("big"), "size");
        row("size missing", headers, "size", missing, "size");
        row("date garbage", headers, "date", QStringLiteral("yesterday"), "date");
        row("date number", headers, "date", 1704188400, "date");
        row("date missing", headers, "date", missing, "date");
        row("signed string", headers, "signed", QStringLiteral("yes"), "signed");
        row("signed missing", headers, "signed", missing, "signed");
        row("encrypted number", headers, "encrypted", 0, "encrypted");
        row("hasAttachments null", headers, "hasAttachments", QJsonValue(), "hasAttachments");
        row("content none", headers, "content", QStringLiteral("none"), "content");
        row("content unknown", headers, "content", QStringLiteral("everything"), "content");
        row("content missing", headers, "content", missing, "content");
        row("whole with other sha", whole, "entrySha256", otherSha, "entrySha256");
        row("whole with other size", whole, "entrySize", 1, "entrySize");
        row("body entry headers", body, "entry", QStringLiteral("hdr/7.eml"), "entry");
        row("body entry other id", body, "entry", QStringLiteral("msg/8.eml"), "entry");
        row("body sha missing", body, "entrySha256", missing, "entrySha256");
        row("body size negative", body, "entrySize", -1, "entrySize");
    }
    void rejects()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        const auto result = IndexRecord::fromJson(json);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Corrupt);
        QCOMPARE(result.error().field, field);
        QVERIFY(result.error().message.contains(field));
    }

    void rejectsNonObjects()
    {
        QVERIFY(!IndexRecord::fromJson(QJsonObject()).ok());
        QCOMPARE(IndexRecord::fromJson(QJsonObject()).error().category, ErrorCategory::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestIndexRecord)
#include "TestIndexRecord.moc"
