// SPDX-License-Identifier: Apache-2.0
#include "core/schedule/Schedule.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace ArchiveSync;

namespace {

QDateTime utc(const char *iso)
{
    const QDateTime result = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(result.isValid() && result.timeSpec() == Qt::UTC);
    return result;
}

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    Q_ASSERT(error.error == QJsonParseError::NoError && document.isObject());
    return document.object();
}

Schedule parsed(const QString &text)
{
    const auto result = Schedule::parse(text.split(u' '));
    Q_ASSERT(result.ok());
    return *result;
}

QString localIso(const QDateTime &instant, const QTimeZone &zone)
{
    return instant.toTimeZone(zone).toString(Qt::ISODate);
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The DST rows need real zone data; without it they would compare against UTC and mislead.
        QVERIFY(QTimeZone(QByteArrayLiteral("Europe/Berlin")).isValid());
        QVERIFY(QTimeZone(QByteArrayLiteral("America/New_York")).isValid());
    }

    void defaultIsDailyAtSix()
    {
        const Schedule schedule;
        QCOMPARE(schedule.kind(), Schedule::Kind::Daily);
        QCOMPARE(schedule.times(), QList<QTime>{QTime(6, 0)});
        QCOMPARE(schedule.toString(), QStringLiteral("daily 06:00"));
        QVERIFY(schedule == parsed(QStringLiteral("daily 06:00")));
    }

    void parseAndFormat_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("description");

        QTest::newRow("daily one") << QStringList{"daily", "06:00"} << "daily 06:00"
                                   << "daily at 06:00";
        QTest::newRow("daily two, sorted, deduplicated")
            << QStringList{"daily", "18:00,6:00,06:00"} << "daily 06:00,18:00"
            << "daily at 06:00 and 18:00";
        QTest::newRow("daily three as separate args, upper case")
            << QStringList{"DAILY", "06:00", "12:00", "18:00"} << "daily 06:00,12:00,18:00"
            << "daily at 06:00, 12:00 and 18:00";
        QTest::newRow("daily midnight and last minute")
            << QStringList{"daily", "23:59,00:00"} << "daily 00:00,23:59"
            << "daily at 00:00 and 23:59";
        QTest::newRow("weekly") << QStringList{"weekly", "mon,wed,fri", "06:30"} << "weekly mon,wed,fri 06:30"
                                << "weekly on Mon, Wed, Fri at 06:30";
        QTest::newRow("weekly mixed case, long names, unsorted")
            << QStringList{"Weekly", "FRI,Monday", "6:30"} << "weekly mon,fri 06:30"
            << "weekly on Mon, Fri at 06:30";
        QTest::newRow("weekly as one string with spaces")
            << QStringList{"weekly mon, sun 23:15"} << "weekly mon,sun 23:15"
            << "weekly on Mon, Sun at 23:15";
        QTest::newRow("every 4h") << QStringList{"every", "4h"} << "every 4h"
                                  << "every 4 hours";
        QTest::newRow("every 4") << QStringList{"every", "4"} << "every 4h"
                                 << "every 4 hours";
        QTest::newRow("every 1 hour") << QStringList{"every", "1", "hour"} << "every 1h"
                                      << "every hour";
        QTest::newRow("every 24H") << QStringList{"EVERY", "24H"} << "every 24h"
                                   << "every 24 hours";
        QTest::newRow("every 7hours") << QStringList{"every", "7hours"} << "every 7h"
                                      << "every 7 hours";
    }
    void parseAndFormat()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, canonical);
        QFETCH(QString, description);

        const auto result = Schedule::parse(args);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->toString(), canonical);
        QCOMPARE(result->describe(), description);

        // toString() round-trips, as split arguments and as one string.
        const auto again = Schedule::parse(canonical.split(u' '));
        QVERIFY(again.ok());
        QVERIFY(*again == *result);
        QVERIFY(Schedule::parse({canonical}).ok());
        QVERIFY(*Schedule::parse({canonical}) == *result);

        // So does JSON.
        const auto fromJson = Schedule::fromJson(result->toJson());
        QVERIFY2(fromJson.ok(), qPrintable(fromJson.errorString()));
        QVERIFY(*fromJson == *result);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        QTest::newRow("nothing") << QStringList{} << "kind"
                                 << "missing schedule";
        QTest::newRow("blank") << QStringList{" "} << "kind"
                               << "missing schedule";
        QTest::newRow("unknown kind") << QStringList{"hourly", "4"} << "kind"
                                      << "unknown schedule kind 'hourly'";
        QTest::newRow("daily without time") << QStringList{"daily"} << "times"
                                            << "at least one time";
        QTest::newRow("hour 25") << QStringList{"daily", "25:00"} << "times"
                                 << "invalid time '25:00': expected HH:MM";
        QTest::newRow("hour 24") << QStringList{"daily", "24:00"} << "times"
                                 << "invalid time '24:00'";
        QTest::newRow("minute 60") << QStringList{"daily", "06:00,6:60"} << "times"
                                   << "invalid time '6:60'";
        QTest::newRow("no colon") << QStringList{"daily", "0600"} << "times"
                                  << "invalid time '0600'";
        QTest::newRow("seconds") << QStringList{"daily", "06:00:00"} << "times"
                                 << "invalid time '06:00:00'";
        QTest::newRow("one-digit minute") << QStringList{"daily", "6:3"} << "times"
                                          << "invalid time '6:3'";
        QTest::newRow("sign") << QStringList{"daily", "+6:30"} << "times"
                              << "invalid time '+6:30'";
        QTest::newRow("word") << QStringList{"daily", "06:00", "noon"} << "times"
                              << "invalid time 'noon'";
        QTest::newRow("bad weekday") << QStringList{"weekly", "mon,fry", "06:30"} << "days"
                                     << "unknown weekday 'fry'";
        QTest::newRow("weekly without days") << QStringList{"weekly", "06:30"} << "days"
                                             << "at least one day";
        QTest::newRow("weekly without anything") << QStringList{"weekly"} << "days"
                                                 << "needs days and a time";
        QTest::newRow("weekly without time") << QStringList{"weekly", "mon"} << "time"
                                             << "needs a time";
        QTest::newRow("weekly bad time") << QStringList{"weekly", "mon", "6.30"} << "time"
                                         << "invalid time '6.30': expected HH:MM";
        QTest::newRow("every 25h") << QStringList{"every", "25h"} << "hours"
                                   << "hours must be between 1 and 24";
        QTest::newRow("every 0") << QStringList{"every", "0"} << "hours"
                                 << "hours must be between 1 and 24";
        QTest::newRow("every huge") << QStringList{"every", "99999999999"} << "hours"
                                    << "hours must be between 1 and 24";
        QTest::newRow("every word") << QStringList{"every", "often"} << "hours"
                                    << "invalid hours 'often'";
        QTest::newRow("every negative") << QStringList{"every", "-1h"} << "hours"
                                        << "invalid hours '-1h'";
        QTest::newRow("every minutes") << QStringList{"every", "30m"} << "hours"
                                       << "invalid hours '30m'";
        QTest::newRow("every nothing") << QStringList{"every"} << "hours"
                                       << "number of hours";
        QTest::newRow("every extra") << QStringList{"every", "4h", "now"} << "hours"
                                     << "unexpected argument 'now'";
    }
    void parseErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        QFETCH(QString, message);

        const auto result = Schedule::parse(args);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Invalid);
        QCOMPARE(result.error().field, field);
        QVERIFY2(result.errorString().contains(message), qPrintable(result.errorString()));
    }

    void jsonShape_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("daily") << "daily 18:00,06:00"
                               << QByteArray(R"({"kind":"daily","times":["06:00","18:00"]})");
        QTest::newRow("weekly") << "weekly fri,mon 06:30"
                                << QByteArray(R"({"kind":"weekly","days":["mon","fri"],"time":"06:30"})");
        QTest::newRow("every") << "every 4h" << QByteArray(R"({"kind":"every","hours":4})");
    }
    void jsonShape()
    {
        QFETCH(QString, schedule);
        QFETCH(QByteArray, expected);
        const Schedule value = parsed(schedule);
        QCOMPARE(value.toJson(), json(expected.constData()));
        const auto back = Schedule::fromJson(json(expected.constData()));
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QVERIFY(*back == value);
    }

    void jsonRejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        QTest::newRow("empty object") << QByteArray("{}") << "kind"
                                      << "missing field 'kind'";
        QTest::newRow("kind not a string") << QByteArray(R"({"kind":1})") << "kind"
                                           << "'kind' must be a string";
        QTest::newRow("unknown kind") << QByteArray(R"({"kind":"hourly","hours":1})") << "kind"
                                      << "unknown schedule kind 'hourly'";
        QTest::newRow("kind is case-sensitive")
            << QByteArray(R"({"kind":"Daily","times":["06:00"]})") << "kind"
            << "unknown schedule kind 'Daily'";
        QTest::newRow("daily without times") << QByteArray(R"({"kind":"daily"})") << "times"
                                             << "missing field 'times'";
        QTest::newRow("times a string") << QByteArray(R"({"kind":"daily","times":"06:00"})") << "times"
                                        << "must be an array";
        QTest::newRow("times empty") << QByteArray(R"({"kind":"daily","times":[]})") << "times"
                                     << "must not be empty";
        QTest::newRow("times of numbers") << QByteArray(R"({"kind":"daily","times":[600]})") << "times"
                                          << "must be an array";
        QTest::newRow("time out of range")
            << QByteArray(R"({"kind":"daily","times":["06:00","24:00"]})") << "times"
            << "invalid time '24:00'";
        QTest::newRow("daily with weekly field")
            << QByteArray(R"({"kind":"daily","times":["06:00"],"time":"x"})") << "time"
            << "unknown field 'time'";
        QTest::newRow("daily with hours")
            << QByteArray(R"({"kind":"daily","times":["06:00"],"hours":4})") << "hours"
            << "unknown field 'hours'";
        QTest::newRow("weekly without time") << QByteArray(R"({"kind":"weekly","days":["mon"]})") << "time"
                                             << "missing field 'time'";
        QTest::newRow("weekly without days") << QByteArray(R"({"kind":"weekly","time":"06:30"})") << "days"
                                             << "missing field 'days'";
        QTest::newRow("days a string")
            << QByteArray(R"({"kind":"weekly","days":"mon","time":"06:30"})") << "days"
            << "must be an array";
        QTest::newRow("days empty") << QByteArray(R"({"kind":"weekly","days":[],"time":"06:30"})") << "days"
                                    << "must not be empty";
        QTest::newRow("bad weekday") << QByteArray(R"({"kind":"weekly","days":["mon","fry"],"time":"06:30"})")
                                     << "days"
                                     << "unknown weekday 'fry'";
        QTest::newRow("time a number")
            << QByteArray(R"({"kind":"weekly","days":["mon"],"time":630})") << "time"
            << "'time' must be";
        QTest::newRow("weekly with times") << QByteArray(R"({"kind":"weekly","days":["mon"],"time":"06:30",)"
                                                         R"("times":["06:30"]})")
                                           << "times"
                                           << "unknown field 'times'";
        QTest::newRow("every without hours") << QByteArray(R"({"kind":"every"})") << "hours"
                                             << "missing field 'hours'";
        QTest::newRow("hours a string") << QByteArray(R"({"kind":"every","hours":"4"})") << "hours"
                                        << "'hours' must be a number";
        QTest::newRow("hours fractional") << QByteArray(R"({"kind":"every","hours":4.5})") << "hours"
                                          << "whole number";
        QTest::newRow("hours zero") << QByteArray(R"({"kind":"every","hours":0})") << "hours"
                                    << "hours must be between 1 and 24";
        QTest::newRow("hours 25") << QByteArray(R"({"kind":"every","hours":25})") << "hours"
                                  << "hours must be between 1 and 24";
        QTest::newRow("hours huge") << QByteArray(R"({"kind":"every","hours":1e300})") << "hours"
                                    << "hours must be between 1 and 24";
        QTest::newRow("every with extra null")
            << QByteArray(R"({"kind":"every","hours":4,"extra":null})") << "extra"
            << "unknown field 'extra'";
    }
    void jsonRejects()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, field);
        QFETCH(QString, message);

        const auto result = Schedule::fromJson(json(text.constData()));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Invalid);
        QCOMPARE(result.error().field, field);
        QVERIFY2(result.errorString().contains(message), qPrintable(result.errorString()));
    }

    void factoriesValidate()
    {
        QVERIFY(!Schedule::daily({}).ok());
        QVERIFY(!Schedule::daily({QTime(6, 0, 30)}).ok());
        QVERIFY(!Schedule::daily({QTime()}).ok());
        QVERIFY(!Schedule::weekly({}, QTime(6, 0)).ok());
        QVERIFY(!Schedule::weekly({Qt::Monday}, QTime()).ok());
        QVERIFY(!Schedule::everyNHours(0).ok());
        QVERIFY(!Schedule::everyNHours(25).ok());
        QVERIFY(Schedule::everyNHours(24).ok());
    }

    void equality()
    {
        QVERIFY(parsed("weekly mon,fri 06:30") == parsed("weekly fri,mon,fri 6:30"));
        QVERIFY(!(parsed("weekly mon,fri 06:30") == parsed("weekly mon 06:30")));
        QVERIFY(!(parsed("weekly mon 06:30") == parsed("weekly mon 06:31")));
        QVERIFY(!(parsed("daily 06:00") == parsed("weekly mon,tue,wed,thu,fri,sat,sun 06:00")));
        QVERIFY(!(parsed("every 24h") == parsed("daily 00:00")));
        QVERIFY(!(parsed("every 4h") == parsed("every 6h")));
    }

    void nextRunAfter_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QDateTime>("expected");

        const QByteArray utcZone("UTC");
        const QByteArray berlin("Europe/Berlin");
        const QByteArray newYork("America/New_York");

        // UTC: the plain rules.
        QTest::newRow("utc daily before")
            << "daily 06:00" << utcZone << utc("2026-05-01T05:00:00Z") << utc("2026-05-01T06:00:00Z");
        QTest::newRow("utc daily 1 ms before")
            << "daily 06:00" << utcZone << utc("2026-05-01T05:59:59.999Z") << utc("2026-05-01T06:00:00Z");
        QTest::newRow("utc daily at slot is strictly after")
            << "daily 06:00" << utcZone << utc("2026-05-01T06:00:00Z") << utc("2026-05-02T06:00:00Z");
        QTest::newRow("utc daily month end")
            << "daily 06:00" << utcZone << utc("2026-02-28T07:00:00Z") << utc("2026-03-01T06:00:00Z");
        QTest::newRow("utc two times, first")
            << "daily 06:00,18:00" << utcZone << utc("2026-05-01T00:00:00Z") << utc("2026-05-01T06:00:00Z");
        QTest::newRow("utc two times, second")
            << "daily 06:00,18:00" << utcZone << utc("2026-05-01T06:00:00Z") << utc("2026-05-01T18:00:00Z");
        QTest::newRow("utc two times, wraps")
            << "daily 06:00,18:00" << utcZone << utc("2026-05-01T18:00:00Z") << utc("2026-05-02T06:00:00Z");
        QTest::newRow("utc weekly into new year")
            << "weekly mon,fri 06:30" << utcZone << utc("2026-12-31T12:00:00Z")
            << utc("2027-01-01T06:30:00Z");
        QTest::newRow("utc weekly friday to monday")
            << "weekly mon,fri 06:30" << utcZone << utc("2027-01-01T06:30:00Z")
            << utc("2027-01-04T06:30:00Z");
        QTest::newRow("utc weekly one day, full week")
            << "weekly sun 23:00" << utcZone << utc("2026-12-27T23:00:00Z") << utc("2027-01-03T23:00:00Z");
        QTest::newRow("utc weekly same day later")
            << "weekly thu 23:00" << utcZone << utc("2026-12-31T12:00:00Z") << utc("2026-12-31T23:00:00Z");
        QTest::newRow("utc every 4h")
            << "every 4h" << utcZone << utc("2026-05-01T05:00:00Z") << utc("2026-05-01T08:00:00Z");
        QTest::newRow("utc every 4h to midnight")
            << "every 4h" << utcZone << utc("2026-05-01T20:00:00Z") << utc("2026-05-02T00:00:00Z");
        QTest::newRow("utc every 5h last slot")
            << "every 5h" << utcZone << utc("2026-05-01T19:59:00Z") << utc("2026-05-01T20:00:00Z");
        // 5 does not divide 24: 20:00 is followed by 00:00, four hours later.
        QTest::newRow("utc every 5h restarts at midnight")
            << "every 5h" << utcZone << utc("2026-05-01T20:00:00Z") << utc("2026-05-02T00:00:00Z");
        QTest::newRow("utc every 24h")
            << "every 24h" << utcZone << utc("2026-05-01T00:00:00Z") << utc("2026-05-02T00:00:00Z");
        QTest::newRow("invalid zone reads as utc")
            << "daily 06:00" << QByteArray("Bogus/Zone") << utc("2026-05-01T05:00:00Z")
            << utc("2026-05-01T06:00:00Z");

        // Berlin, ordinary days: local time, not UTC.
        QTest::newRow("berlin summer")
            << "daily 06:00" << berlin << utc("2026-07-01T00:00:00Z") << utc("2026-07-01T04:00:00Z");
        QTest::newRow("berlin winter")
            << "daily 06:00" << berlin << utc("2026-01-15T00:00:00Z") << utc("2026-01-15T05:00:00Z");
        QTest::newRow("berlin local date differs from utc date")
            << "daily 00:30" << berlin << utc("2026-07-01T21:00:00Z") << utc("2026-07-01T22:30:00Z");

        // Berlin spring forward 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
        QTest::newRow("berlin day before gap")
            << "daily 02:30" << berlin << utc("2026-03-27T12:00:00Z") << utc("2026-03-28T01:30:00Z");
        QTest::newRow("berlin gap runs at 03:00 CEST")
            << "daily 02:30" << berlin << utc("2026-03-28T12:00:00Z") << utc("2026-03-29T01:00:00Z");
        QTest::newRow("berlin day after gap")
            << "daily 02:30" << berlin << utc("2026-03-29T01:00:00Z") << utc("2026-03-30T00:30:00Z");
        QTest::newRow("berlin gap start 02:00")
            << "daily 02:00" << berlin << utc("2026-03-28T12:00:00Z") << utc("2026-03-29T01:00:00Z");
        QTest::newRow("berlin 03:00 on gap day exists")
            << "daily 03:00" << berlin << utc("2026-03-28T12:00:00Z") << utc("2026-03-29T01:00:00Z");
        // 02:30 and 03:00 both land on 03:00 CEST: one run, and the next is the following day.
        QTest::newRow("berlin two slots merge in gap")
            << "daily 02:30,03:00" << berlin << utc("2026-03-29T01:00:00Z") << utc("2026-03-30T00:30:00Z");
        QTest::newRow("berlin weekly sunday in gap")
            << "weekly sun 02:30" << berlin << utc("2026-03-22T12:00:00Z") << utc("2026-03-29T01:00:00Z");

        // Berlin fall back 2026-10-25: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice.
        QTest::newRow("berlin overlap runs at first 02:30")
            << "daily 02:30" << berlin << utc("2026-10-24T12:00:00Z") << utc("2026-10-25T00:30:00Z");
        QTest::newRow("berlin overlap never twice")
            << "daily 02:30" << berlin << utc("2026-10-25T00:30:00Z") << utc("2026-10-26T01:30:00Z");
        QTest::newRow("berlin between the two 02:30s")
            << "daily 02:30" << berlin << utc("2026-10-25T01:00:00Z") << utc("2026-10-26T01:30:00Z");
        QTest::newRow("berlin 03:00 after overlap")
            << "daily 03:00" << berlin << utc("2026-10-24T12:00:00Z") << utc("2026-10-25T02:00:00Z");

        // New York spring forward 2026-03-08: 02:00 EST jumps to 03:00 EDT.
        QTest::newRow("new york gap runs at 03:00 EDT")
            << "daily 02:30" << newYork << utc("2026-03-07T12:00:00Z") << utc("2026-03-08T07:00:00Z");
        QTest::newRow("new york day after gap")
            << "daily 02:30" << newYork << utc("2026-03-08T07:00:00Z") << utc("2026-03-09T06:30:00Z");
        // New York fall back 2026-11-01: 02:00 EDT goes back to 01:00 EST, so 01:00-01:59 repeats and 02:30
        // is unambiguous (EST), 25 hours after the day before.
        QTest::newRow("new york 02:30 on fall-back day")
            << "daily 02:30" << newYork << utc("2026-10-31T12:00:00Z") << utc("2026-11-01T07:30:00Z");
        QTest::newRow("new york 02:30 after fall-back day")
            << "daily 02:30" << newYork << utc("2026-11-01T07:30:00Z") << utc("2026-11-02T07:30:00Z");
        QTest::newRow("new york overlap runs at first 01:30")
            << "daily 01:30" << newYork << utc("2026-10-31T12:00:00Z") << utc("2026-11-01T05:30:00Z");
        QTest::newRow("new york overlap never twice")
            << "daily 01:30" << newYork << utc("2026-11-01T05:30:00Z") << utc("2026-11-02T06:30:00Z");

        // Zones whose transitions are at midnight or half an hour long follow the same rules.
        const QByteArray santiago("America/Santiago");
        const QByteArray lordHowe("Australia/Lord_Howe");
        QTest::newRow("santiago 23:30 repeated before midnight, first")
            << "daily 23:30" << santiago << utc("2026-04-04T12:00:00Z") << utc("2026-04-05T02:30:00Z");
        QTest::newRow("santiago 23:30 repeated before midnight, once")
            << "daily 23:30" << santiago << utc("2026-04-05T02:30:00Z") << utc("2026-04-06T03:30:00Z");
        QTest::newRow("santiago 00:30 in midnight gap")
            << "daily 00:30" << santiago << utc("2026-09-05T12:00:00Z") << utc("2026-09-06T04:00:00Z");
        QTest::newRow("lord howe half-hour overlap")
            << "daily 01:45" << lordHowe << utc("2026-04-04T00:00:00Z") << utc("2026-04-04T14:45:00Z");
        QTest::newRow("lord howe half-hour gap")
            << "daily 02:15" << lordHowe << utc("2026-10-03T00:00:00Z") << utc("2026-10-03T15:30:00Z");

        // Every N hours in local wall-clock time across DST.
        QTest::newRow("berlin every 4h across spring forward")
            << "every 4h" << berlin << utc("2026-03-28T23:00:00Z") << utc("2026-03-29T02:00:00Z");
        QTest::newRow("berlin every 4h across fall back")
            << "every 4h" << berlin << utc("2026-10-24T22:00:00Z") << utc("2026-10-25T03:00:00Z");
    }
    void nextRunAfter()
    {
        QFETCH(QString, schedule);
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, after);
        QFETCH(QDateTime, expected);

        const QTimeZone timeZone(zone);
        const QDateTime next = parsed(schedule).nextRunAfter(after, timeZone);
        QCOMPARE(next, expected);
        QCOMPARE(next.timeSpec(), Qt::UTC);
        // The same instant given in local time gives the same answer.
        if (timeZone.isValid())
            QCOMPARE(parsed(schedule).nextRunAfter(after.toTimeZone(timeZone), timeZone), expected);
        // lastRunAtOrBefore() agrees: the run found is the latest at or before itself.
        QCOMPARE(parsed(schedule).lastRunAtOrBefore(next, timeZone), next);
        QVERIFY(parsed(schedule).lastRunAtOrBefore(next.addMSecs(-1), timeZone) <= after);
    }

    void invalidInstant()
    {
        QVERIFY(!Schedule().nextRunAfter(QDateTime(), QTimeZone::utc()).isValid());
        QVERIFY(!Schedule().lastRunAtOrBefore(QDateTime(), QTimeZone::utc()).isValid());
        QVERIFY(Schedule().nextRuns(QDateTime(), QTimeZone::utc(), 5).isEmpty());
    }

    // Hourly through the fall-back night: the wall-clock rule gives 00:00, 01:00, 02:00 (CEST, first
    // occurrence), 03:00 CET... The repeated 02:00-02:59 CET hour has no slot of its own, so there are
    // two hours of elapsed time between the 02:00 and 03:00 runs, and no wall-clock hour is run twice.
    void everyHourThroughBerlinFallBack()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        const auto runs = parsed("every 1h").nextRuns(utc("2026-10-24T21:30:00Z"), berlin, 7);
        const QList<QDateTime> expected = {utc("2026-10-24T22:00:00Z"), utc("2026-10-24T23:00:00Z"),
                                           utc("2026-10-25T00:00:00Z"), utc("2026-10-25T02:00:00Z"),
                                           utc("2026-10-25T03:00:00Z"), utc("2026-10-25T04:00:00Z"),
                                           utc("2026-10-25T05:00:00Z")};
        QCOMPARE(runs, expected);
        QStringList localTimes;
        for (const QDateTime &run : runs)
            localTimes.append(localIso(run, berlin));
        QCOMPARE(localTimes, (QStringList{"2026-10-25T00:00:00+02:00", "2026-10-25T01:00:00+02:00",
                                          "2026-10-25T02:00:00+02:00", "2026-10-25T03:00:00+01:00",
                                          "2026-10-25T04:00:00+01:00", "2026-10-25T05:00:00+01:00",
                                          "2026-10-25T06:00:00+01:00"}));
    }

    // Hourly through the spring-forward night: the 02:00 slot does not exist and resolves to 03:00 CEST,
    // the same instant as the 03:00 slot, so it runs once and the runs stay an hour apart in elapsed time.
    void everyHourThroughBerlinSpringForward()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        const auto runs = parsed("every 1h").nextRuns(utc("2026-03-28T22:30:00Z"), berlin, 5);
        const QList<QDateTime> expected = {utc("2026-03-28T23:00:00Z"), utc("2026-03-29T00:00:00Z"),
                                           utc("2026-03-29T01:00:00Z"), utc("2026-03-29T02:00:00Z"),
                                           utc("2026-03-29T03:00:00Z")};
        QCOMPARE(runs, expected);
        QCOMPARE(localIso(runs.at(2), berlin), QStringLiteral("2026-03-29T03:00:00+02:00"));
    }

    // Over whole DST seasons: every run is later than the one before, is what nextRunAfter() gives for the
    // one before, and is found again by lastRunAtOrBefore().
    void nextRunsStrictlyIncreasing_data()
    {
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<int>("count");
        QTest::newRow("berlin daily 02:30 all year")
            << "daily 02:30" << QByteArray("Europe/Berlin") << utc("2026-01-01T00:00:00Z") << 365;
        QTest::newRow("new york daily 01:30,02:30 all year")
            << "daily 01:30,02:30" << QByteArray("America/New_York") << utc("2026-01-01T00:00:00Z") << 730;
        QTest::newRow("berlin weekly sun 02:30 all year")
            << "weekly sun 02:30" << QByteArray("Europe/Berlin") << utc("2026-01-01T00:00:00Z") << 52;
        QTest::newRow("berlin hourly spring week")
            << "every 1h" << QByteArray("Europe/Berlin") << utc("2026-03-26T00:00:00Z") << 24 * 7;
        QTest::newRow("new york hourly autumn week")
            << "every 1h" << QByteArray("America/New_York") << utc("2026-10-29T00:00:00Z") << 24 * 7;
        QTest::newRow("santiago hourly around midnight fall back")
            << "every 1h" << QByteArray("America/Santiago") << utc("2026-04-02T00:00:00Z") << 24 * 5;
        QTest::newRow("lord howe hourly around half-hour fall back")
            << "every 1h" << QByteArray("Australia/Lord_Howe") << utc("2026-04-02T00:00:00Z") << 24 * 5;
        QTest::newRow("new york every 5h autumn week")
            << "every 5h" << QByteArray("America/New_York") << utc("2026-10-29T00:00:00Z") << 5 * 7;
    }
    void nextRunsStrictlyIncreasing()
    {
        QFETCH(QString, schedule);
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, from);
        QFETCH(int, count);

        const QTimeZone timeZone(zone);
        const Schedule value = parsed(schedule);
        const auto runs = value.nextRuns(from, timeZone, count);
        QCOMPARE(runs.size(), count);
        QDateTime previous = from;
        QSet<QString> localSlots;
        for (const QDateTime &run : runs) {
            QVERIFY2(run > previous, qPrintable(run.toString(Qt::ISODate)));
            QCOMPARE(value.nextRunAfter(previous, timeZone), run);
            QCOMPARE(value.lastRunAtOrBefore(run, timeZone), run);
            QCOMPARE(value.lastRunAtOrBefore(run.addMSecs(-1), timeZone) <= previous, true);
            // No wall-clock slot runs twice.
            const QDateTime local = run.toTimeZone(timeZone);
            const QString key = local.date().toString(Qt::ISODate) + local.time().toString(u"HH:mm");
            QVERIFY2(!localSlots.contains(key), qPrintable(key));
            localSlots.insert(key);
            previous = run;
        }
    }

    void nextRunsForPreview()
    {
        const auto runs =
            parsed("daily 06:00,18:00").nextRuns(utc("2026-05-01T12:00:00Z"), QTimeZone::utc(), 5);
        QCOMPARE(runs, (QList<QDateTime>{utc("2026-05-01T18:00:00Z"), utc("2026-05-02T06:00:00Z"),
                                         utc("2026-05-02T18:00:00Z"), utc("2026-05-03T06:00:00Z"),
                                         utc("2026-05-03T18:00:00Z")}));
        QVERIFY(Schedule().nextRuns(utc("2026-05-01T12:00:00Z"), QTimeZone::utc(), 0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSchedule)
#include "TestSchedule.moc"
