// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "core/sync/BandwidthLimiter.h"

#include <QTest>

using namespace ArchiveSync;

namespace {
const QDateTime kStart(QDate(2026, 5, 4), QTime(12, 0), Qt::UTC);
} // namespace

class TestBandwidthLimiter : public QObject
{
    Q_OBJECT

private slots:
    void noLimitPassesEverything_data()
    {
        QTest::addColumn<qint64>("rate");
        QTest::newRow("zero") << qint64(0);
        QTest::newRow("negative") << qint64(-100);
    }

    void noLimitPassesEverything()
    {
        QFETCH(qint64, rate);
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        QVERIFY(!limiter.limited());
        limiter.setBytesPerSecond(rate);
        QVERIFY(!limiter.limited());
        QCOMPARE(limiter.bytesPerSecond(), qint64(0));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(limiter.available(qint64(1) << 40), qint64(1) << 40);
            limiter.consume(qint64(1) << 40);
            QCOMPARE(limiter.msecsUntil(qint64(1) << 40), 0);
        }
    }

    void startsEmpty()
    {
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(1000);
        QVERIFY(limiter.limited());
        QCOMPARE(limiter.bytesPerSecond(), qint64(1000));
        QCOMPARE(limiter.available(500), qint64(0));
        QCOMPARE(limiter.msecsUntil(500), 500);
    }

    void refillsWithTime()
    {
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(1000);

        clock.advance(250);
        QCOMPARE(limiter.available(10000), qint64(250));
        QCOMPARE(limiter.available(100), qint64(100)); // at most what is wanted
        limiter.consume(250);
        QCOMPARE(limiter.available(10000), qint64(0));

        clock.advance(100);
        QCOMPARE(limiter.available(10000), qint64(100));
        limiter.consume(40);
        QCOMPARE(limiter.available(10000), qint64(60));

        // Taking more than was available (a read returned a little extra) is paid back first.
        limiter.consume(160);
        QVERIFY(limiter.available(10000) <= 0);
        QCOMPARE(limiter.msecsUntil(1), 101);
        clock.advance(100);
        QCOMPARE(limiter.available(10000), qint64(0));
        clock.advance(50);
        QCOMPARE(limiter.available(10000), qint64(50));
    }

    void atMostRatePerSecond_data()
    {
        QTest::addColumn<qint64>("rate");
        QTest::addColumn<int>("stepMsecs");
        QTest::newRow("1 byte/s, 7 ms steps") << qint64(1) << 7;
        QTest::newRow("1000 byte/s, 10 ms steps") << qint64(1000) << 10;
        QTest::newRow("64 KiB/s, 3 ms steps") << qint64(64 * 1024) << 3;
        QTest::newRow("10 MiB/s, 50 ms steps") << qint64(10 * 1024 * 1024) << 50;
    }

    void atMostRatePerSecond()
    {
        QFETCH(qint64, rate);
        QFETCH(int, stepMsecs);
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(rate);

        // A greedy reader that takes whatever it may, for ten simulated seconds.
        constexpr int kSeconds = 10;
        qint64 total = 0;
        qint64 elapsed = 0;
        while (elapsed < kSeconds * 1000) {
            const qint64 taken = limiter.available(std::numeric_limits<qint64>::max() / 2);
            QVERIFY(taken >= 0);
            limiter.consume(taken);
            total += taken;
            // Never ahead of the rate since the limit was set.
            QVERIFY2(total <= rate * elapsed / 1000 + 1,
                     qPrintable(QStringLiteral("%1 bytes after %2 ms").arg(total).arg(elapsed)));
            clock.advance(stepMsecs);
            elapsed += stepMsecs;
        }
        // ... and not far behind it either.
        QVERIFY2(total >= rate * (kSeconds - 1), qPrintable(QString::number(total)));
    }

    void bucketCappedAtOneSecond()
    {
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(1000);
        clock.advance(60 * 60 * 1000); // an hour idle saves up no more than one second's worth
        QCOMPARE(limiter.available(1000000), qint64(1000));
        QCOMPARE(limiter.msecsUntil(1000), 0);
        limiter.consume(1000);
        QCOMPARE(limiter.available(1000000), qint64(0));
    }

    void msecsUntil_data()
    {
        QTest::addColumn<qint64>("rate");
        QTest::addColumn<qint64>("tokensAfterMsecs"); // idle time before asking
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<int>("expected");

        QTest::newRow("empty, 100 bytes at 1000/s") << qint64(1000) << qint64(0) << qint64(100) << 100;
        QTest::newRow("partly filled") << qint64(1000) << qint64(30) << qint64(100) << 70;
        QTest::newRow("already there") << qint64(1000) << qint64(200) << qint64(100) << 0;
        QTest::newRow("capped at one second's worth") << qint64(1000) << qint64(0) << qint64(1000000) << 1000;
        QTest::newRow("capped, partly filled") << qint64(1000) << qint64(400) << qint64(1000000) << 600;
        QTest::newRow("rounds up, at least 1 ms") << qint64(3000) << qint64(0) << qint64(1) << 1;
        QTest::newRow("slow link") << qint64(10) << qint64(0) << qint64(16 * 1024) << 1000;
    }

    void msecsUntil()
    {
        QFETCH(qint64, rate);
        QFETCH(qint64, tokensAfterMsecs);
        QFETCH(qint64, bytes);
        QFETCH(int, expected);
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(rate);
        clock.advance(tokensAfterMsecs);
        const int wait = limiter.msecsUntil(bytes);
        QCOMPARE(wait, expected);
        // Waiting that long is enough.
        clock.advance(wait);
        QCOMPARE(limiter.available(bytes), std::min(bytes, rate));
    }

    void rateChangeStartsAfresh()
    {
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(1000);
        clock.advance(1000);
        limiter.setBytesPerSecond(5000);
        QCOMPARE(limiter.available(100000), qint64(0));
        clock.advance(100);
        QCOMPARE(limiter.available(100000), qint64(500));
        limiter.setBytesPerSecond(0);
        QCOMPARE(limiter.available(100000), qint64(100000));
    }

    void clockGoingBackIsNoGift()
    {
        ManualClock clock(kStart);
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(1000);
        clock.advance(-60000);
        QCOMPARE(limiter.available(100000), qint64(0));
        clock.advance(100);
        QCOMPARE(limiter.available(100000), qint64(100));
    }
};

QTEST_GUILESS_MAIN(TestBandwidthLimiter)
#include "TestBandwidthLimiter.moc"
