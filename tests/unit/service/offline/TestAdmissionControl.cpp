// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "service/offline/AdmissionControl.h"

#include <QTest>

using namespace ArchiveSync;

namespace {
const QString kBob = QStringLiteral("bob");

QList<qint64> holderIds(AdmissionControl &admission)
{
    QList<qint64> ids;
    for (const AdmissionControl::Holder &h : admission.holders())
        ids.append(h.deviceId);
    return ids;
}

QList<qint64> queueIds(AdmissionControl &admission)
{
    QList<qint64> ids;
    for (const AdmissionControl::Waiter &w : admission.queue())
        ids.append(w.deviceId);
    return ids;
}
} // namespace

class TestAdmissionControl : public QObject
{
    Q_OBJECT
private:
    ManualClock m_clock{QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc())};

    // Two slots, a 120 s lease: waiters are told to ask again in 15 s and drop out after 30 s.
    AdmissionControl twoSlots() { return AdmissionControl(m_clock, AdmissionControl::Settings{2, 120}); }

private slots:
    void init() { m_clock.setNow(QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc())); }

    void defaults()
    {
        AdmissionControl admission(m_clock);
        QCOMPARE(admission.settings().maxHolders, 4);
        QCOMPARE(admission.settings().leaseSeconds, 120);
        QCOMPARE(admission.retryAfterSeconds(), 15);
    }

    void retryAfterFollowsTheLeaseWithinBounds()
    {
        AdmissionControl admission(m_clock, AdmissionControl::Settings{1, 3});
        QCOMPARE(admission.retryAfterSeconds(), 1);
        admission.setSettings(AdmissionControl::Settings{1, 3600});
        QCOMPARE(admission.retryAfterSeconds(), 30);
    }

    void admitsUpToTheLimitThenQueues()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2}) {
            const AdmissionControl::Decision d = admission.request(device, kBob);
            QVERIFY(d.admitted);
            QCOMPARE(d.leaseSeconds, 120);
        }
        for (qint64 device : {3, 4, 5}) {
            const AdmissionControl::Decision d = admission.request(device, kBob);
            QVERIFY(!d.admitted);
            QCOMPARE(d.position, int(device - 2));
            QCOMPARE(d.retryAfterSeconds, 15);
        }
        QCOMPARE(holderIds(admission), (QList<qint64>{1, 2}));
        QCOMPARE(queueIds(admission), (QList<qint64>{3, 4, 5}));
        QCOMPARE(admission.holders().first().since, m_clock.now());
        QCOMPARE(admission.queue().first().username, kBob);
    }

    void askingAgainKeepsThePlace()
    {
        AdmissionControl admission = twoSlots();
        admission.request(1, kBob);
        admission.request(2, kBob);
        admission.request(3, kBob);
        admission.request(4, kBob);
        // The holder asking again is simply still admitted; a waiter keeps its number.
        QVERIFY(admission.request(1, kBob).admitted);
        QCOMPARE(admission.request(4, kBob).position, 2);
        QCOMPARE(admission.request(3, kBob).position, 1);
        QCOMPARE(holderIds(admission), (QList<qint64>{1, 2}));
    }

    void releasedSlotGoesToTheFirstInLine()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2, 3, 4})
            admission.request(device, kBob);
        QVERIFY(admission.release(1));
        // The slot is kept for device 3 even when device 4, or a newcomer, asks first.
        AdmissionControl::Decision d = admission.request(4, kBob);
        QVERIFY(!d.admitted);
        QCOMPARE(d.position, 2);
        d = admission.request(9, kBob);
        QVERIFY(!d.admitted);
        QCOMPARE(d.position, 3);
        QVERIFY(admission.request(3, kBob).admitted);
        QCOMPARE(admission.request(4, kBob).position, 1);
        QCOMPARE(holderIds(admission), (QList<qint64>{2, 3}));
        QCOMPARE(queueIds(admission), (QList<qint64>{4, 9}));
    }

    void releaseLeavesTheQueueToo()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2, 3, 4})
            admission.request(device, kBob);
        QVERIFY(admission.release(3));
        QCOMPARE(admission.request(4, kBob).position, 1);
        QVERIFY(!admission.release(3));
        QVERIFY(!admission.release(42));
    }

    void leaseExpiresWithoutRenewal()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2, 3})
            admission.request(device, kBob);
        // Device 3 waits, asking on time; device 2 renews once, at 60 s; device 1 never does.
        for (int second = 15; second < 120; second += 15) {
            m_clock.advance(15'000);
            if (second == 60)
                QVERIFY(admission.renew(2));
            QCOMPARE(admission.request(3, kBob).position, 1);
        }
        m_clock.advance(15'000);
        QCOMPARE(holderIds(admission), (QList<qint64>{2}));
        QVERIFY(!admission.renew(1));
        QVERIFY(admission.request(3, kBob).admitted);
        QCOMPARE(holderIds(admission), (QList<qint64>{2, 3}));
    }

    void leaseHoldsUntilItsLastSecond()
    {
        AdmissionControl admission = twoSlots();
        admission.request(1, kBob);
        m_clock.advance(119'999);
        QCOMPARE(holderIds(admission), (QList<qint64>{1}));
        m_clock.advance(1);
        QCOMPARE(holderIds(admission), QList<qint64>());
    }

    void askingAgainRenewsTheLease()
    {
        AdmissionControl admission = twoSlots();
        admission.request(1, kBob);
        m_clock.advance(100'000);
        QVERIFY(admission.request(1, kBob).admitted);
        m_clock.advance(100'000);
        QCOMPARE(holderIds(admission), (QList<qint64>{1}));
    }

    void renewIsOnlyForHolders()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2, 3})
            admission.request(device, kBob);
        QVERIFY(!admission.renew(3)); // a waiter's downloads do not admit it
        QVERIFY(!admission.renew(0));
        QCOMPARE(queueIds(admission), (QList<qint64>{3}));
    }

    void waiterThatStopsAskingDropsOut()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2, 3, 4})
            admission.request(device, kBob);
        // Device 4 keeps asking every 15 s; device 3 goes quiet for longer than 30 s.
        for (int i = 0; i < 3; ++i) {
            m_clock.advance(15'000);
            admission.request(4, kBob);
        }
        QCOMPARE(queueIds(admission), (QList<qint64>{4}));
        QCOMPARE(admission.request(4, kBob).position, 1);
        // Coming back, device 3 starts again at the end.
        QCOMPARE(admission.request(3, kBob).position, 2);
    }

    void waiterKeepsItsPlaceAtExactlyTwiceTheRetryTime()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2, 3, 4})
            admission.request(device, kBob);
        m_clock.advance(30'000);
        QCOMPARE(queueIds(admission), (QList<qint64>{3, 4}));
        QCOMPARE(admission.request(3, kBob).position, 1);
        m_clock.advance(1);
        QCOMPARE(queueIds(admission), (QList<qint64>{3}));
    }

    void expiredSlotsGoToTheQueueInOrder()
    {
        AdmissionControl admission = twoSlots();
        for (qint64 device : {1, 2, 3, 4, 5})
            admission.request(device, kBob);
        // Both holders go quiet; the waiters ask on time.
        for (int i = 0; i < 8; ++i) {
            m_clock.advance(15'000);
            for (qint64 device : {5, 4, 3})
                admission.request(device, kBob);
        }
        // Device 5 asked first each time, but the two freed slots went to 3 and 4.
        QList<qint64> holders = holderIds(admission);
        std::sort(holders.begin(), holders.end());
        QCOMPARE(holders, (QList<qint64>{3, 4}));
        QCOMPARE(queueIds(admission), (QList<qint64>{5}));
    }

    void loweringTheLimitTakesNoSlotAway()
    {
        AdmissionControl admission = twoSlots();
        admission.request(1, kBob);
        admission.request(2, kBob);
        admission.setSettings(AdmissionControl::Settings{1, 120});
        QCOMPARE(holderIds(admission), (QList<qint64>{1, 2}));
        QVERIFY(admission.request(2, kBob).admitted);
        QVERIFY(admission.release(1));
        QCOMPARE(admission.request(3, kBob).position, 1);
        QVERIFY(admission.release(2));
        QVERIFY(admission.request(3, kBob).admitted);
    }
};

QTEST_GUILESS_MAIN(TestAdmissionControl)
#include "TestAdmissionControl.moc"
