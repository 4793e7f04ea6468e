// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/SearchQuery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace ArchiveSync;

namespace {
QDateTime utcDay(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC);
}
} // namespace

class TestSearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Every expression ftsMatch() gives must be valid FTS5 syntax for the store's table.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fts"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(
            q.exec(QStringLiteral("CREATE VIRTUAL TABLE fts USING fts5(subject, sender, recipients, body, "
                                  "content='', tokenize='unicode61 remove_diacritics 2')")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO fts(rowid, subject, sender, recipients, body) VALUES(1, "
                                      "'foo \"bar\" or baz', 'Alice <alice@example.org>', 'bob', 'text')")));
    }
    void cleanupTestCase() { QSqlDatabase::removeDatabase(QStringLiteral("fts")); }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<QStringList>("from");
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<QStringList>("subject");
        QTest::addColumn<QStringList>("folders");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QDateTime>("before");
        QTest::addColumn<QString>("match");
        const QStringList none;
        const QDateTime noDate;

        QTest::newRow("word") << "hello" << QStringList{"hello"} << none << none << none << none << noDate
                              << noDate << "\"hello\"";
        QTest::newRow("words") << "  hello   world " << QStringList{"hello", "world"} << none << none << none
                               << none << noDate << noDate << "\"hello\" AND \"world\"";
        QTest::newRow("phrase") << "\"hello world\" again" << QStringList{"hello world", "again"} << none
                                << none << none << none << noDate << noDate
                                << "\"hello world\" AND \"again\"";
        QTest::newRow("from") << "from:alice" << none << QStringList{"alice"} << none << none << none
                              << noDate << noDate << "sender : \"alice\"";
        QTest::newRow("from phrase") << "From:\"Alice Example\"" << none << QStringList{"Alice Example"}
                                     << none << none << none << noDate << noDate
                                     << "sender : \"Alice Example\"";
        QTest::newRow("to") << "to:bob@example.org" << none << none << QStringList{"bob@example.org"} << none
                            << none << noDate << noDate << "recipients : \"bob@example.org\"";
        QTest::newRow("subject") << "subject:\"budget review\" report" << QStringList{"report"} << none
                                 << none << QStringList{"budget review"} << none << noDate << noDate
                                 << "\"report\" AND subject : \"budget review\"";
        QTest::newRow("folder") << "folder:Projects/Alpha" << none << none << none << none
                                << QStringList{"Projects/Alpha"} << noDate << noDate << QString();
        QTest::newRow("folder phrase") << "folder:\"My Mail\" x" << QStringList{"x"} << none << none << none
                                       << QStringList{"My Mail"} << noDate << noDate << "\"x\"";
        QTest::newRow("dates") << "after:2026-01-31 before:2026-03-01" << none << none << none << none << none
                               << utcDay(2026, 1, 31) << utcDay(2026, 3, 1) << QString();
        QTest::newRow("narrowest dates")
            << "before:2026-03-01 before:2026-02-01 after:2025-01-01 after:2025-06-01" << none << none << none
            << none << none << utcDay(2025, 6, 1) << utcDay(2026, 2, 1) << QString();
        QTest::newRow("unknown key is a word")
            << "http://example.org body:x" << QStringList{"http://example.org", "body:x"} << none << none
            << none << none << noDate << noDate << "\"http://example.org\" AND \"body:x\"";
        QTest::newRow("injection OR star")
            << "\"foo\" OR bar*" << QStringList{"foo", "OR", "bar*"} << none << none << none << none << noDate
            << noDate << "\"foo\" AND \"OR\" AND \"bar*\"";
        QTest::newRow("injection column")
            << "subject:x) OR (body" << QStringList{"OR", "(body"} << none << none << QStringList{"x)"}
            << none << noDate << noDate << "\"OR\" AND \"(body\" AND subject : \"x)\"";
        QTest::newRow("injection NEAR")
            << "NEAR(a b) ^start -not" << QStringList{"NEAR(a", "b)", "^start", "-not"} << none << none
            << none << none << noDate << noDate << "\"NEAR(a\" AND \"b)\" AND \"^start\" AND \"-not\"";
        QTest::newRow("quote mid word") << "foo\"bar baz\"" << QStringList{"foo", "bar baz"} << none << none
                                        << none << none << noDate << noDate << "\"foo\" AND \"bar baz\"";
        QTest::newRow("apostrophe") << "o'neil" << QStringList{"o'neil"} << none << none << none << none
                                    << noDate << noDate << "\"o'neil\"";
        QTest::newRow("unicode") << "Grüße from:Jürgen" << QStringList{"Grüße"} << QStringList{"Jürgen"}
                                 << none << none << none << noDate << noDate
                                 << "\"Grüße\" AND sender : \"Jürgen\"";
    }
    void parse()
    {
        QFETCH(QString, text);
        const auto parsed = SearchQuery::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QTEST(parsed->terms, "terms");
        QTEST(parsed->from, "from");
        QTEST(parsed->to, "to");
        QTEST(parsed->subject, "subject");
        QTEST(parsed->folders, "folders");
        QTEST(parsed->after, "after");
        QTEST(parsed->before, "before");
        QTEST(parsed->ftsMatch(), "match");
        if (!parsed->ftsMatch().isEmpty()) {
            QSqlQuery q(QSqlDatabase::database(QStringLiteral("fts")));
            QVERIFY(q.prepare(QStringLiteral("SELECT rowid FROM fts WHERE fts MATCH ?")));
            q.addBindValue(parsed->ftsMatch());
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
    }

    void embeddedQuotesAreDoubled()
    {
        SearchQuery query;
        query.terms << QStringLiteral("say \"hi\"");
        query.from << QStringLiteral("a\"b");
        QCOMPARE(query.ftsMatch(), QStringLiteral("\"say \"\"hi\"\"\" AND sender : \"a\"\"b\""));
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("fts")));
        QVERIFY(q.prepare(QStringLiteral("SELECT rowid FROM fts WHERE fts MATCH ?")));
        q.addBindValue(query.ftsMatch());
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }

    void quotedOperatorsMatchLiterally()
    {
        // "or" is an ordinary word of the stored subject; as a quoted term it is no operator.
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("fts")));
        QVERIFY(q.prepare(QStringLiteral("SELECT rowid FROM fts WHERE fts MATCH ?")));
        q.addBindValue(SearchQuery::parse(QStringLiteral("\"foo\" OR baz"))->ftsMatch());
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QVERIFY(q.prepare(QStringLiteral("SELECT rowid FROM fts WHERE fts MATCH ?")));
        q.addBindValue(SearchQuery::parse(QStringLiteral("nothere OR foo"))->ftsMatch());
        QVERIFY(q.exec());
        QVERIFY(!q.next());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("blank") << "   \t ";
        QTest::newRow("unbalanced quote") << "\"hello world";
        QTest::newRow("unbalanced after word") << "hello \"world";
        QTest::newRow("unbalanced key phrase") << "from:\"alice";
        QTest::newRow("empty phrase") << "hello \"\"";
        QTest::newRow("key without value") << "from: alice";
        QTest::newRow("key at end") << "subject:";
        QTest::newRow("bad date") << "before:2026-13-01";
        QTest::newRow("date without zero") << "after:2026-1-5";
        QTest::newRow("date with time") << "after:2026-01-05T10:00";
        QTest::newRow("not a date") << "before:yesterday";
        QTest::newRow("feb 30") << "before:2026-02-30";
    }
    void errors()
    {
        QFETCH(QString, text);
        const auto parsed = SearchQuery::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().category, ErrorCategory::Invalid);
        QVERIFY(!parsed.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "TestSearchQuery.moc"
