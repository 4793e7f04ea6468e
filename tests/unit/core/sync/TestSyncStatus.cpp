// SPDX-License-Identifier: Apache-2.0
#include "core/sync/SyncStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace ArchiveSync;

namespace {

const QDateTime kAsOf(QDate(2026, 5, 4), QTime(11, 30, 15), Qt::UTC);

const QList<SyncState> kAllStates = {SyncState::NotConfigured, SyncState::UpToDate, SyncState::Syncing,
                                     SyncState::Queued,        SyncState::Offline,  SyncState::Paused,
                                     SyncState::Error};

MailboxSyncStatus complete(const QString &address, const QDateTime &asOf = kAsOf)
{
    MailboxSyncStatus m;
    m.address = address;
    m.state = SyncState::UpToDate;
    m.asOf = asOf;
    m.generation = 3;
    m.targetGeneration = 3;
    m.revision = 12;
    return m;
}

MailboxSyncStatus inState(SyncState state)
{
    MailboxSyncStatus m = complete(QStringLiteral("m@example.org"));
    m.state = state;
    return m;
}

MailboxSyncStatus busyMailbox()
{
    MailboxSyncStatus m;
    m.address = QStringLiteral("alice@example.org");
    m.state = SyncState::Syncing;
    m.asOf = kAsOf;
    m.generation = 4;
    m.revision = 17;
    m.targetGeneration = 5;
    m.segmentsDone = 3;
    m.segmentsTotal = 9;
    m.bytesDone = 123456;
    m.bytesTotal = 9876543210;
    m.segmentsFetched = 4;
    m.bytesFetched = 234567;
    m.messages = 1500;
    m.messagesTotal = 2100;
    m.nextAttempt = kAsOf.addSecs(90);
    return m;
}

QJsonObject reparsed(const QJsonObject &o)
{
    // Through text, as the status command and the tray see it.
    return QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
}

} // namespace

class TestSyncStatus : public QObject
{
    Q_OBJECT

private slots:
    void stateNames()
    {
        QSet<QString> names;
        for (SyncState state : kAllStates) {
            const QString name = syncStateName(state);
            QVERIFY(!name.isEmpty());
            QCOMPARE(name, name.toLower());
            names.insert(name);
            QCOMPARE(syncStateFromName(name), std::optional<SyncState>(state));
        }
        QCOMPARE(names.size(), kAllStates.size());
        QCOMPARE(syncStateName(SyncState::UpToDate), QStringLiteral("up-to-date"));
        QVERIFY(!syncStateFromName(u"Up-To-Date"));
        QVERIFY(!syncStateFromName(u"bogus"));
        QVERIFY(!syncStateFromName(u""));
    }

    void mailboxRoundTrip_data()
    {
        QTest::addColumn<MailboxSyncStatus>("status");

        QTest::newRow("syncing, every number") << busyMailbox();
        QTest::newRow("never complete") << [] {
            MailboxSyncStatus m;
            m.address = QStringLiteral("new@example.org");
            return m;
        }();
        QTest::newRow("up to date") << complete(QStringLiteral("bob@example.org"));
        QTest::newRow("queued with position") << [] {
            MailboxSyncStatus m = busyMailbox();
            m.state = SyncState::Queued;
            m.queuePosition = 7;
            return m;
        }();
        QTest::newRow("offline") << [] {
            MailboxSyncStatus m = busyMailbox();
            m.state = SyncState::Offline;
            m.errorCategory = ErrorCategory::Network;
            m.errorMessage = QStringLiteral("connection refused");
            return m;
        }();
        QTest::newRow("paused") << inState(SyncState::Paused);
        QTest::newRow("not configured") << inState(SyncState::NotConfigured);
        const QList<ErrorCategory> categories = {
            ErrorCategory::Invalid,   ErrorCategory::NotFound, ErrorCategory::Conflict,
            ErrorCategory::Io,        ErrorCategory::Corrupt,  ErrorCategory::Database,
            ErrorCategory::Network,   ErrorCategory::Auth,     ErrorCategory::Forbidden,
            ErrorCategory::Throttled, ErrorCategory::Server,   ErrorCategory::Internal};
        for (ErrorCategory category : categories) {
            MailboxSyncStatus m = busyMailbox();
            m.state = SyncState::Error;
            m.errorCategory = category;
            m.errorMessage = QStringLiteral("it failed: %1").arg(errorCategoryName(category));
            QTest::addRow("error %s", qPrintable(errorCategoryName(category))) << m;
        }
    }

    void mailboxRoundTrip()
    {
        QFETCH(MailboxSyncStatus, status);
        const QJsonObject json = reparsed(status.toJson());
        QCOMPARE(json.value(QStringLiteral("state")).toString(), syncStateName(status.state));
        if (status.errorCategory)
            QCOMPARE(json.value(QStringLiteral("errorCategory")).toString(),
                     errorCategoryName(*status.errorCategory));
        const MailboxSyncStatus back = MailboxSyncStatus::fromJson(json);
        QCOMPARE(back.address, status.address);
        QCOMPARE(back.state, status.state);
        QCOMPARE(back.asOf, status.asOf);
        QCOMPARE(back.nextAttempt, status.nextAttempt);
        QCOMPARE(back.bytesTotal, status.bytesTotal);
        QCOMPARE(back.queuePosition, status.queuePosition);
        QCOMPARE(back.errorCategory, status.errorCategory);
        QCOMPARE(back.errorMessage, status.errorMessage);
        QVERIFY(back == status);
    }

    void queuePositionOnlyWhenQueued()
    {
        MailboxSyncStatus m = busyMailbox();
        m.queuePosition = 4;
        QVERIFY(!m.toJson().contains(QStringLiteral("queuePosition")));
        m.state = SyncState::Queued;
        QCOMPARE(m.toJson().value(QStringLiteral("queuePosition")).toInt(), 4);
    }

    void unknownStateReadsAsError()
    {
        QJsonObject json = busyMailbox().toJson();
        json.insert(QStringLiteral("state"), QStringLiteral("exploded"));
        QCOMPARE(MailboxSyncStatus::fromJson(json).state, SyncState::Error);
        QCOMPARE(MailboxSyncStatus::fromJson({}).state, SyncState::Error);
    }

    void agentRoundTrip()
    {
        AgentSyncStatus status;
        status.state = SyncState::Error;
        status.server = QStringLiteral("https://archive.example.org:8443");
        status.username = QStringLiteral("alice");
        status.deviceId = 42;
        status.pausedUntil = kAsOf.addSecs(3600);
        status.mailboxes.append(busyMailbox());
        status.mailboxes.append(complete(QStringLiteral("bob@example.org"), kAsOf.addSecs(-600)));
        MailboxSyncStatus queued = complete(QStringLiteral("carol@example.org"));
        queued.state = SyncState::Queued;
        queued.queuePosition = 2;
        status.mailboxes.append(queued);
        MailboxSyncStatus failed = complete(QStringLiteral("dave@example.org"));
        failed.state = SyncState::Error;
        failed.errorCategory = ErrorCategory::Forbidden;
        failed.errorMessage = QStringLiteral("no longer allowed");
        status.mailboxes.append(failed);

        const QJsonObject json = reparsed(status.toJson());
        QCOMPARE(json.value(QStringLiteral("mailboxes")).toArray().size(), 4);
        // Derived values are written for readers...
        QCOMPARE(json.value(QStringLiteral("asOf")).toString(), QStringLiteral("2026-05-04T11:20:15Z"));
        QCOMPARE(json.value(QStringLiteral("safeToDisconnect")).toBool(), false);
        // ... and everything else comes back.
        const AgentSyncStatus back = AgentSyncStatus::fromJson(json);
        QCOMPARE(back.mailboxes.size(), 4);
        QCOMPARE(back.mailboxes.at(2).queuePosition, 2);
        QCOMPARE(back.mailboxes.at(3).errorCategory, std::optional<ErrorCategory>(ErrorCategory::Forbidden));
        QCOMPARE(back.pausedUntil, status.pausedUntil);
        QVERIFY(back == status);

        const AgentSyncStatus empty = AgentSyncStatus::fromJson(reparsed(AgentSyncStatus().toJson()));
        QVERIFY(empty == AgentSyncStatus());
    }

    void summarize_data()
    {
        QTest::addColumn<QList<SyncState>>("states");
        QTest::addColumn<SyncState>("expected");

        using S = SyncState;
        QTest::newRow("nothing") << QList<S>{} << S::NotConfigured;
        QTest::newRow("all up to date") << QList<S>{S::UpToDate, S::UpToDate} << S::UpToDate;
        QTest::newRow("paused over up to date") << QList<S>{S::UpToDate, S::Paused} << S::Paused;
        QTest::newRow("queued over paused") << QList<S>{S::Paused, S::UpToDate, S::Queued} << S::Queued;
        QTest::newRow("syncing over queued") << QList<S>{S::Queued, S::Syncing, S::Paused} << S::Syncing;
        QTest::newRow("offline over syncing") << QList<S>{S::Syncing, S::Offline, S::UpToDate} << S::Offline;
        QTest::newRow("error over everything")
            << QList<S>{S::UpToDate, S::Syncing, S::Error, S::Offline, S::Queued, S::Paused} << S::Error;
        QTest::newRow("not configured is least") << QList<S>{S::NotConfigured, S::UpToDate} << S::UpToDate;
        QTest::newRow("one error") << QList<S>{S::Error} << S::Error;
    }

    void summarize()
    {
        QFETCH(QList<SyncState>, states);
        QFETCH(SyncState, expected);
        QList<MailboxSyncStatus> mailboxes;
        for (SyncState s : states)
            mailboxes.append(inState(s));
        QCOMPARE(syncStateName(AgentSyncStatus::summarize(mailboxes)), syncStateName(expected));
        // The order of the mailboxes does not matter.
        std::reverse(mailboxes.begin(), mailboxes.end());
        QCOMPARE(syncStateName(AgentSyncStatus::summarize(mailboxes)), syncStateName(expected));
        if (!mailboxes.isEmpty()) {
            std::rotate(mailboxes.begin(), mailboxes.begin() + 1, mailboxes.end());
            QCOMPARE(syncStateName(AgentSyncStatus::summarize(mailboxes)), syncStateName(expected));
        }
    }

    void safeToDisconnect_data()
    {
        QTest::addColumn<QList<MailboxSyncStatus>>("mailboxes");
        QTest::addColumn<bool>("expected");

        const MailboxSyncStatus a = complete(QStringLiteral("a@example.org"));
        const MailboxSyncStatus b = complete(QStringLiteral("b@example.org"), kAsOf.addDays(-1));
        auto with = [](MailboxSyncStatus m, auto change) {
            change(m);
            return m;
        };
        QTest::newRow("no mailboxes") << QList<MailboxSyncStatus>{} << false;
        QTest::newRow("all complete") << QList<MailboxSyncStatus>{a, b} << true;
        QTest::newRow("complete but offline")
            << QList<MailboxSyncStatus>{a, with(b, [](auto &m) { m.state = SyncState::Offline; })} << true;
        QTest::newRow("complete but paused")
            << QList<MailboxSyncStatus>{with(a, [](auto &m) { m.state = SyncState::Paused; }), b} << true;
        QTest::newRow("one syncing")
            << QList<MailboxSyncStatus>{a, with(b, [](auto &m) { m.state = SyncState::Syncing; })} << false;
        QTest::newRow("one never complete")
            << QList<MailboxSyncStatus>{a, with(b, [](auto &m) { m.asOf = QDateTime(); })} << false;
        QTest::newRow("one without generation") << QList<MailboxSyncStatus>{with(a,
                                                                                 [](auto &m) {
                                                                                     m.generation = 0;
                                                                                     m.targetGeneration = 0;
                                                                                 }),
                                                                            b}
                                                << false;
        QTest::newRow("one being rebuilt")
            << QList<MailboxSyncStatus>{a, with(b, [](auto &m) { m.targetGeneration = m.generation + 1; })}
            << false;
    }

    void safeToDisconnect()
    {
        QFETCH(QList<MailboxSyncStatus>, mailboxes);
        QFETCH(bool, expected);
        AgentSyncStatus status;
        status.mailboxes = mailboxes;
        QCOMPARE(status.safeToDisconnect(), expected);
        QCOMPARE(status.toJson().value(QStringLiteral("safeToDisconnect")).toBool(), expected);
    }

    void asOfIsTheOldest()
    {
        AgentSyncStatus status;
        QVERIFY(!status.asOf().isValid());
        status.mailboxes.append(complete(QStringLiteral("a@example.org"), kAsOf));
        QCOMPARE(status.asOf(), kAsOf);
        status.mailboxes.append(complete(QStringLiteral("b@example.org"), kAsOf.addSecs(-7200)));
        status.mailboxes.append(complete(QStringLiteral("c@example.org"), kAsOf.addSecs(3600)));
        QCOMPARE(status.asOf(), kAsOf.addSecs(-7200));
        // Another time zone, same instant rules.
        status.mailboxes.append(
            complete(QStringLiteral("d@example.org"), kAsOf.addSecs(-7300).toOffsetFromUtc(2 * 3600)));
        QCOMPARE(status.asOf(), kAsOf.addSecs(-7300));
        // A mailbox never complete: the archive as a whole is not current to any time.
        status.mailboxes.append(complete(QStringLiteral("e@example.org"), QDateTime()));
        QVERIFY(!status.asOf().isValid());
    }

    void modelSignalsOnlyChanges()
    {
        SyncStatusModel model;
        QSignalSpy spy(&model, &SyncStatusModel::changed);
        QVERIFY(spy.isValid());

        model.setStatus(AgentSyncStatus());
        QCOMPARE(spy.count(), 0);

        AgentSyncStatus status;
        status.state = SyncState::Syncing;
        status.mailboxes.append(busyMailbox());
        model.setStatus(status);
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.at(0).at(0).value<AgentSyncStatus>() == status);
        QVERIFY(model.snapshot() == status);

        model.setStatus(status);
        QCOMPARE(spy.count(), 1);

        // A change deep in one mailbox is a change.
        status.mailboxes[0].bytesDone += 1;
        model.setStatus(status);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<AgentSyncStatus>().mailboxes.at(0).bytesDone,
                 busyMailbox().bytesDone + 1);
        model.setStatus(status);
        QCOMPARE(spy.count(), 2);

        model.setStatus(AgentSyncStatus());
        QCOMPARE(spy.count(), 3);
        QVERIFY(model.snapshot() == AgentSyncStatus());
    }
};

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "TestSyncStatus.moc"
