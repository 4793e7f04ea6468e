// SPDX-License-Identifier: Apache-2.0
#include "service/schedule/Scheduler.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace ArchiveSync;

namespace {

QDateTime utc(const char *iso)
{
    const QDateTime result = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(result.isValid() && result.timeSpec() == Qt::UTC);
    return result;
}

Schedule parsed(const char *text)
{
    const auto result = Schedule::parse(QString::fromLatin1(text).split(u' '));
    Q_ASSERT(result.ok());
    return *result;
}

struct Run
{
    QDateTime slot;
    Scheduler::Trigger trigger;
    QDateTime seenAt;
};

// Records runDue() with the clock reading at emission, to check runs fire at (not before) their slot.
void recordRuns(Scheduler &scheduler, const Clock &clock, QList<Run> &runs)
{
    QObject::connect(&scheduler, &Scheduler::runDue, &scheduler,
                     [&runs, &clock](const QDateTime &slot, Scheduler::Trigger trigger) {
                         runs.append({slot, trigger, clock.now()});
                     });
}

QTimer *timerOf(Scheduler &scheduler)
{
    return scheduler.findChild<QTimer *>(QStringLiteral("ArchiveSync.Scheduler.timer"));
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT
private slots:
    void freshInstallDoesNotCatchUp()
    {
        ManualClock clock(utc("2026-05-04T12:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), std::nullopt);
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        QSignalSpy next(&scheduler, &Scheduler::nextRunChanged);
        QVERIFY(!scheduler.nextRun().isValid());

        scheduler.start();
        QCOMPARE(due.count(), 0);
        QCOMPARE(scheduler.nextRun(), utc("2026-05-05T06:00:00Z"));
        QCOMPARE(next.count(), 1);
        QCOMPARE(next.at(0).at(0).toDateTime(), utc("2026-05-05T06:00:00Z"));
        QVERIFY(!scheduler.lastRunSlot().has_value());
    }

    void catchUpOnceAfterThreeDayOutage()
    {
        ManualClock clock(utc("2026-05-04T12:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), utc("2026-05-01T06:00:00Z"));
        QSignalSpy due(&scheduler, &Scheduler::runDue);

        scheduler.start();
        // Three slots were missed (05-02, 05-03, 05-04); one run, for the latest.
        QCOMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toDateTime(), utc("2026-05-04T06:00:00Z"));
        QCOMPARE(due.at(0).at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::CatchUp);
        QCOMPARE(scheduler.lastRunSlot().value_or(QDateTime()), utc("2026-05-04T06:00:00Z"));
        QCOMPARE(scheduler.nextRun(), utc("2026-05-05T06:00:00Z"));

        scheduler.checkNow();
        scheduler.start();
        QCOMPARE(due.count(), 1);
    }

    void noCatchUpWhenLatestSlotAlreadyRan()
    {
        ManualClock clock(utc("2026-05-04T12:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), utc("2026-05-04T06:00:00Z"));
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        scheduler.start();
        QCOMPARE(due.count(), 0);
        QCOMPARE(scheduler.nextRun(), utc("2026-05-05T06:00:00Z"));
    }

    void catchUpIncludesSlotAtNow()
    {
        ManualClock clock(utc("2026-05-04T06:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), utc("2026-05-03T06:00:00Z"));
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        scheduler.start();
        QCOMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toDateTime(), utc("2026-05-04T06:00:00Z"));
        QCOMPARE(scheduler.nextRun(), utc("2026-05-05T06:00:00Z"));
        scheduler.checkNow();
        QCOMPARE(due.count(), 1);
    }

    // A last slot in the future (clock set back) must not hold runs back until that date.
    void lastSlotInFutureDoesNotStall()
    {
        ManualClock clock(utc("2026-05-04T12:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), utc("2027-01-01T06:00:00Z"));
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        scheduler.start();
        QCOMPARE(due.count(), 0);
        QCOMPARE(scheduler.nextRun(), utc("2026-05-05T06:00:00Z"));
    }

    void oneEmissionPerSlot()
    {
        ManualClock clock(utc("2026-05-04T05:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), std::nullopt);
        QList<Run> runs;
        recordRuns(scheduler, clock, runs);
        scheduler.start();

        scheduler.checkNow();
        clock.setNow(utc("2026-05-04T05:59:59.999Z"));
        scheduler.checkNow();
        QCOMPARE(runs.size(), 0);

        clock.setNow(utc("2026-05-04T06:00:00Z"));
        scheduler.checkNow();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.at(0).slot, utc("2026-05-04T06:00:00Z"));
        QCOMPARE(runs.at(0).trigger, Scheduler::Trigger::Scheduled);
        QCOMPARE(scheduler.lastRunSlot().value_or(QDateTime()), utc("2026-05-04T06:00:00Z"));
        QCOMPARE(scheduler.nextRun(), utc("2026-05-05T06:00:00Z"));

        for (int i = 0; i < 3; ++i)
            scheduler.checkNow();
        clock.advance(60 * 60 * 1000);
        scheduler.checkNow();
        QCOMPARE(runs.size(), 1);

        clock.setNow(utc("2026-05-05T06:00:30Z"));
        scheduler.checkNow();
        scheduler.checkNow();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(1).slot, utc("2026-05-05T06:00:00Z"));
    }

    // Suspended for three days: one run, reported for the latest passed slot, and the next slot is in the
    // future, so there is no burst.
    void longGapWhileRunningFiresOnce()
    {
        ManualClock clock(utc("2026-05-04T05:30:00Z"));
        Scheduler scheduler(clock, parsed("every 1h"), std::nullopt);
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        scheduler.start();
        QCOMPARE(scheduler.nextRun(), utc("2026-05-04T06:00:00Z"));

        clock.setNow(utc("2026-05-07T05:30:00Z"));
        scheduler.checkNow();
        scheduler.checkNow();
        QCOMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toDateTime(), utc("2026-05-07T05:00:00Z"));
        QCOMPARE(due.at(0).at(1).value<Scheduler::Trigger>(), Scheduler::Trigger::Scheduled);
        QCOMPARE(scheduler.nextRun(), utc("2026-05-07T06:00:00Z"));
    }

    void setScheduleReplans()
    {
        ManualClock clock(utc("2026-05-04T05:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), std::nullopt);
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        QSignalSpy next(&scheduler, &Scheduler::nextRunChanged);
        scheduler.start();
        QCOMPARE(scheduler.nextRun(), utc("2026-05-04T06:00:00Z"));
        QCOMPARE(next.count(), 1);

        scheduler.setSchedule(parsed("daily 18:00"));
        QVERIFY(scheduler.schedule() == parsed("daily 18:00"));
        QCOMPARE(scheduler.nextRun(), utc("2026-05-04T18:00:00Z"));
        QCOMPARE(next.count(), 2);
        QCOMPARE(next.at(1).at(0).toDateTime(), utc("2026-05-04T18:00:00Z"));

        // The same schedule again changes nothing.
        scheduler.setSchedule(parsed("daily 18:00"));
        QCOMPARE(next.count(), 2);

        // The old slot no longer fires; the new one does.
        clock.setNow(utc("2026-05-04T06:00:00Z"));
        scheduler.checkNow();
        QCOMPARE(due.count(), 0);
        clock.setNow(utc("2026-05-04T18:00:00Z"));
        scheduler.checkNow();
        QCOMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toDateTime(), utc("2026-05-04T18:00:00Z"));
    }

    void setScheduleBeforeStartOnlyStores()
    {
        ManualClock clock(utc("2026-05-04T05:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), std::nullopt);
        scheduler.setSchedule(parsed("every 2h"));
        QVERIFY(!scheduler.nextRun().isValid());
        scheduler.start();
        QCOMPARE(scheduler.nextRun(), utc("2026-05-04T06:00:00Z"));
        QVERIFY(scheduler.schedule() == parsed("every 2h"));
    }

    void timerSleepsAtMostAMinute()
    {
        ManualClock clock(utc("2026-05-04T05:00:00Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), std::nullopt);
        QTimer *timer = timerOf(scheduler);
        QVERIFY(timer);
        QVERIFY(!timer->isActive());

        scheduler.start();
        QVERIFY(timer->isActive());
        QVERIFY(timer->isSingleShot());
        QCOMPARE(timer->interval(), Scheduler::maxSleepMsecs);

        clock.setNow(utc("2026-05-04T05:59:30Z"));
        scheduler.checkNow();
        QCOMPARE(timer->interval(), 30 * 1000);

        scheduler.stop();
        QVERIFY(!timer->isActive());
        QVERIFY(!scheduler.isActive());
        // A stopped scheduler does not fire.
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        clock.setNow(utc("2026-05-04T06:00:00Z"));
        scheduler.checkNow();
        QCOMPARE(due.count(), 0);
    }

    // The timer is what calls checkNow() in the service; a slot 10 ms away shows the wiring without waiting.
    void timerDrivesCheckNow()
    {
        ManualClock clock(utc("2026-05-04T05:59:59.990Z"));
        Scheduler scheduler(clock, parsed("daily 06:00"), std::nullopt);
        QSignalSpy due(&scheduler, &Scheduler::runDue);
        scheduler.start();
        QVERIFY(timerOf(scheduler)->interval() <= 10);
        clock.setNow(utc("2026-05-04T06:00:00.500Z"));
        QTRY_COMPARE(due.count(), 1);
        QCOMPARE(due.at(0).at(0).toDateTime(), utc("2026-05-04T06:00:00Z"));
    }

    // Daily 02:30 in Berlin over the spring-forward weekend, one-minute steps: one run per local day;
    // on 03-29 (no 02:30) it runs at 03:00 CEST.
    void berlinSpringForwardOneRunPerDay()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        QVERIFY(berlin.isValid());
        ManualClock clock(utc("2026-03-27T23:00:00Z"), berlin); // 03-28 00:00 CET
        Scheduler scheduler(clock, parsed("daily 02:30"), std::nullopt);
        QList<Run> runs;
        recordRuns(scheduler, clock, runs);
        scheduler.start();
        const QDateTime end = utc("2026-03-30T22:00:00Z"); // 03-31 00:00 CEST
        while (clock.now() < end) {
            clock.advance(60 * 1000);
            scheduler.checkNow();
        }

        QCOMPARE(runs.size(), 3);
        const QList<QDateTime> expected = {utc("2026-03-28T01:30:00Z"), utc("2026-03-29T01:00:00Z"),
                                           utc("2026-03-30T00:30:00Z")};
        QStringList local;
        for (int i = 0; i < runs.size(); ++i) {
            QCOMPARE(runs.at(i).slot, expected.at(i));
            QCOMPARE(runs.at(i).trigger, Scheduler::Trigger::Scheduled);
            QCOMPARE(runs.at(i).seenAt, expected.at(i)); // noticed at the first check at or after the slot
            local.append(runs.at(i).slot.toTimeZone(berlin).toString(Qt::ISODate));
        }
        QCOMPARE(local, (QStringList{"2026-03-28T02:30:00+01:00", "2026-03-29T03:00:00+02:00",
                                     "2026-03-30T02:30:00+02:00"}));
    }

    // The fall-back weekend: 02:30 on 10-25 happens twice on the wall clock but runs once.
    void berlinFallBackOneRunPerDay()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        ManualClock clock(utc("2026-10-23T22:00:00Z"), berlin); // 10-24 00:00 CEST
        Scheduler scheduler(clock, parsed("daily 02:30"), std::nullopt);
        QList<Run> runs;
        recordRuns(scheduler, clock, runs);
        scheduler.start();
        const QDateTime end = utc("2026-10-26T23:00:00Z"); // 10-27 00:00 CET
        while (clock.now() < end) {
            clock.advance(60 * 1000);
            scheduler.checkNow();
        }

        const QList<QDateTime> expected = {utc("2026-10-24T00:30:00Z"), utc("2026-10-25T00:30:00Z"),
                                           utc("2026-10-26T01:30:00Z")};
        QCOMPARE(runs.size(), expected.size());
        for (int i = 0; i < runs.size(); ++i)
            QCOMPARE(runs.at(i).slot, expected.at(i));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "TestScheduler.moc"
