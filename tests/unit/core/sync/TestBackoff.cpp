// SPDX-License-Identifier: Apache-2.0
#include "core/sync/Backoff.h"

#include <QSet>
#include <QTest>

using namespace ArchiveSync;

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void growsWithinJitterBounds_data()
    {
        QTest::addColumn<int>("initial");
        QTest::addColumn<int>("maximum");
        QTest::addColumn<quint32>("seed");

        QTest::newRow("defaults") << 2000 << 5 * 60 * 1000 << 1u;
        QTest::newRow("maximum not a power-of-two multiple") << 1000 << 45000 << 7u;
        QTest::newRow("tiny initial") << 1 << 1000 << 42u;
        QTest::newRow("initial above maximum") << 10000 << 3000 << 99u;
        QTest::newRow("hour ceiling") << 500 << 60 * 60 * 1000 << 123456u;
    }

    void growsWithinJitterBounds()
    {
        QFETCH(int, initial);
        QFETCH(int, maximum);
        QFETCH(quint32, seed);

        QRandomGenerator random(seed);
        Backoff backoff(initial, maximum);
        backoff.setRandomGenerator(&random);
        QCOMPARE(backoff.failures(), 0);

        qint64 ceiling = std::min(initial, maximum);
        for (int attempt = 0; attempt < 64; ++attempt) {
            const int wait = backoff.next();
            QCOMPARE(backoff.failures(), attempt + 1);
            QVERIFY2(wait >= ceiling / 2 && wait <= ceiling,
                     qPrintable(QStringLiteral("attempt %1: %2 not in [%3, %4]")
                                    .arg(attempt)
                                    .arg(wait)
                                    .arg(ceiling / 2)
                                    .arg(ceiling)));
            ceiling = std::min<qint64>(ceiling * 2, maximum);
        }
    }

    void capsAtMaximum()
    {
        QRandomGenerator random(5);
        Backoff backoff(1000, 30000);
        backoff.setRandomGenerator(&random);
        for (int i = 0; i < 10; ++i)
            (void)backoff.next();
        // Long past the cap (and past any shift that could overflow): still within [max/2, max].
        for (int i = 0; i < 1000; ++i) {
            const int wait = backoff.next();
            QVERIFY2(wait >= 15000 && wait <= 30000, qPrintable(QString::number(wait)));
        }
        QCOMPARE(backoff.failures(), 1010);
    }

    void exponentialOnAverage()
    {
        // The mean of [c/2, c] is 3c/4: successive attempts double it until the cap.
        QRandomGenerator random(2024);
        constexpr int kRuns = 400;
        QList<double> mean(6, 0.0);
        for (int run = 0; run < kRuns; ++run) {
            Backoff backoff(1000, 1000000);
            backoff.setRandomGenerator(&random);
            for (int attempt = 0; attempt < mean.size(); ++attempt)
                mean[attempt] += backoff.next() / double(kRuns);
        }
        for (int attempt = 0; attempt < mean.size(); ++attempt) {
            const double expected = 750.0 * double(1 << attempt);
            QVERIFY2(std::abs(mean.at(attempt) - expected) < expected * 0.05,
                     qPrintable(QStringLiteral("attempt %1: mean %2, expected about %3")
                                    .arg(attempt)
                                    .arg(mean.at(attempt))
                                    .arg(expected)));
        }
    }

    void jittered()
    {
        QRandomGenerator random(77);
        QSet<int> firstWaits;
        for (int run = 0; run < 50; ++run) {
            Backoff backoff(10000, 60000);
            backoff.setRandomGenerator(&random);
            firstWaits.insert(backoff.next());
        }
        // Laptops that failed together do not all come back at the same moment.
        QVERIFY2(firstWaits.size() > 40, qPrintable(QString::number(firstWaits.size())));
    }

    void sameSeedSameWaits()
    {
        QRandomGenerator a(31337);
        QRandomGenerator b(31337);
        Backoff first(1000, 60000);
        Backoff second(1000, 60000);
        first.setRandomGenerator(&a);
        second.setRandomGenerator(&b);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(first.next(), second.next());
    }

    void resetStartsOver()
    {
        QRandomGenerator random(9);
        Backoff backoff(1000, 60000);
        backoff.setRandomGenerator(&random);
        for (int i = 0; i < 8; ++i)
            (void)backoff.next();
        QCOMPARE(backoff.failures(), 8);
        const int late = backoff.next();
        QVERIFY(late >= 30000);

        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        const int first = backoff.next();
        QVERIFY2(first >= 500 && first <= 1000, qPrintable(QString::number(first)));
        QCOMPARE(backoff.failures(), 1);
        const int second = backoff.next();
        QVERIFY2(second >= 1000 && second <= 2000, qPrintable(QString::number(second)));
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "TestBackoff.moc"
