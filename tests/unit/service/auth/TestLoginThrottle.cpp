// SPDX-License-Identifier: Apache-2.0
#include "service/auth/LoginThrottle.h"
#include "tests/support/MailFixtures.h"

#include <QTest>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;
using namespace std::chrono_literals;

namespace {
const QString kAddress = QStringLiteral("192.0.2.10");
const QString kOtherAddress = QStringLiteral("2001:db8::1");
constexpr qint64 kMinute = 60 * 1000;
} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT
private slots:
    void defaults()
    {
        ManualClock clock(kNow);
        const LoginThrottle throttle(clock);
        QCOMPARE(throttle.limits().maxAccountFailures, 5);
        QCOMPARE(throttle.limits().maxAddressFailures, 20);
        QCOMPARE(throttle.limits().window, std::chrono::milliseconds(15min));
        QCOMPARE(throttle.limits().maxTrackedKeys, 100000);
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress).has_value());
    }

    void locksAccountAfterFiveFailures()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock);
        for (int i = 0; i < 4; ++i) {
            throttle.recordFailure(QStringLiteral("alice"), kAddress);
            QVERIFY2(!throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress),
                     qPrintable(QString::number(i)));
        }
        throttle.recordFailure(QStringLiteral("alice"), kAddress);
        std::optional<int> retry = throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress);
        QVERIFY(retry.has_value());
        QCOMPARE(*retry, 15 * 60);
        // The account is locked from everywhere, in any spelling; other accounts are not.
        QVERIFY(throttle.retryAfterSeconds(QStringLiteral("ALICE"), kOtherAddress).has_value());
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("bob"), kAddress).has_value());

        clock.advance(10 * kMinute);
        QCOMPARE(*throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress), 5 * 60);
        clock.advance(5 * kMinute - 1500);
        // Rounded up: waiting the advertised time is always enough.
        QCOMPARE(*throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress), 2);
        clock.advance(1500);
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress).has_value());
    }

    void windowSlides()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock);
        // One failure every 4 minutes: at most 4 fall in any 15-minute window.
        for (int i = 0; i < 10; ++i) {
            throttle.recordFailure(QStringLiteral("alice"), kAddress);
            QVERIFY2(!throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress),
                     qPrintable(QString::number(i)));
            clock.advance(4 * kMinute);
        }
        // Failures at 0, 1, 2, 3 minutes and 10 minutes: locked until the first leaves the window.
        clock.setNow(kNow.addDays(1));
        for (int minute : {0, 1, 2, 3}) {
            clock.setNow(kNow.addDays(1).addSecs(minute * 60));
            throttle.recordFailure(QStringLiteral("bob"), kAddress);
        }
        clock.setNow(kNow.addDays(1).addSecs(10 * 60));
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("bob"), kAddress));
        throttle.recordFailure(QStringLiteral("bob"), kAddress);
        QCOMPARE(*throttle.retryAfterSeconds(QStringLiteral("bob"), kAddress), 5 * 60);
        clock.setNow(kNow.addDays(1).addSecs(15 * 60));
        // The failure at minute 0 has left the window; four remain.
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("bob"), kAddress));
        // One more and the oldest remaining (minute 1) decides.
        throttle.recordFailure(QStringLiteral("bob"), kAddress);
        QCOMPARE(*throttle.retryAfterSeconds(QStringLiteral("bob"), kAddress), 60);
    }

    void locksAddressAfterTwentyFailures()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock);
        // Spraying: a few guesses each at many accounts from one address.
        for (int i = 0; i < 19; ++i) {
            throttle.recordFailure(QStringLiteral("user%1").arg(i), kAddress);
            clock.advance(1000);
        }
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("fresh"), kAddress));
        throttle.recordFailure(QStringLiteral("user19"), kAddress);
        std::optional<int> retry = throttle.retryAfterSeconds(QStringLiteral("fresh"), kAddress);
        QVERIFY(retry.has_value());
        QCOMPARE(*retry, 15 * 60 - 19);
        // Another address may still try the same accounts.
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("fresh"), kOtherAddress));
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("user0"), kOtherAddress));
        // A success does not reset the address's budget.
        throttle.recordSuccess(QStringLiteral("user0"), kAddress);
        QVERIFY(throttle.retryAfterSeconds(QStringLiteral("fresh"), kAddress).has_value());
    }

    void longerOfTwoLocksWins()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock, LoginThrottle::Limits{2, 3, 10min, 1000});
        throttle.recordFailure(QStringLiteral("alice"), kAddress);
        clock.advance(kMinute);
        throttle.recordFailure(QStringLiteral("bob"), kAddress);
        clock.advance(kMinute);
        throttle.recordFailure(QStringLiteral("alice"), kAddress); // alice: locked until 10 min
        clock.advance(kMinute);
        throttle.recordFailure(QStringLiteral("carol"), kAddress); // address: locked until 11 min
        clock.advance(kMinute);
        QCOMPARE(*throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress), 7 * 60);
        QCOMPARE(*throttle.retryAfterSeconds(QStringLiteral("alice"), kOtherAddress), 6 * 60);
        QCOMPARE(*throttle.retryAfterSeconds(QStringLiteral("dave"), kAddress), 7 * 60);
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("dave"), kOtherAddress));
    }

    void successClearsAccount()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock);
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure(QStringLiteral("alice"), kAddress);
        throttle.recordSuccess(QStringLiteral("Alice"), kAddress);
        QCOMPARE(throttle.trackedAccounts(), 0);
        // The count starts over: four more failures do not lock.
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure(QStringLiteral("alice"), kAddress);
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress));
        throttle.recordFailure(QStringLiteral("alice"), kAddress);
        QVERIFY(throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress).has_value());
        // A success (for instance from a session that was already open) lifts the account lock.
        throttle.recordSuccess(QStringLiteral("alice"), kAddress);
        QVERIFY(!throttle.retryAfterSeconds(QStringLiteral("alice"), kAddress));
    }

    void staleEntriesPruned()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock);
        for (int i = 0; i < 500; ++i)
            throttle.recordFailure(QStringLiteral("user%1").arg(i),
                                   QStringLiteral("198.51.100.%1").arg(i % 250));
        QCOMPARE(throttle.trackedAccounts(), 500);
        QCOMPARE(throttle.trackedAddresses(), 250);
        clock.advance(16 * kMinute);
        throttle.recordFailure(QStringLiteral("late"), kAddress);
        QCOMPARE(throttle.trackedAccounts(), 1);
        QCOMPARE(throttle.trackedAddresses(), 1);
    }

    void memoryCapped()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock, LoginThrottle::Limits{5, 20, 15min, 1000});
        // An attack from many addresses at many accounts, all within one window.
        for (int i = 0; i < 20000; ++i) {
            throttle.recordFailure(QStringLiteral("user%1").arg(i), QStringLiteral("addr%1").arg(i));
            if (i % 100 == 0)
                clock.advance(1);
            QVERIFY(throttle.trackedAccounts() <= 1000);
            QVERIFY(throttle.trackedAddresses() <= 1000);
        }
        QVERIFY(throttle.trackedAccounts() > 500);
        // The newest entries are kept: a fresh lock still holds under the flood.
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(QStringLiteral("victim"), QStringLiteral("attacker"));
        QVERIFY(throttle.retryAfterSeconds(QStringLiteral("victim"), kOtherAddress).has_value());

        // Over-long keys are cut, so one entry's size is bounded too.
        const QString huge(1 << 20, u'x');
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(huge, kAddress);
        QVERIFY(throttle.retryAfterSeconds(huge, kOtherAddress).has_value());
    }

    void defaultCapHolds()
    {
        ManualClock clock(kNow);
        LoginThrottle throttle(clock);
        for (int i = 0; i < 110000; ++i)
            throttle.recordFailure(QStringLiteral("u%1").arg(i), kAddress);
        QVERIFY(throttle.trackedAccounts() <= 100000);
        QCOMPARE(throttle.trackedAddresses(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "TestLoginThrottle.moc"
