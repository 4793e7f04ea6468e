// SPDX-License-Identifier: Apache-2.0
// The admin console's item models: QAbstractItemModelTester on each, with rows that change, plus what
// they show (sizes, lag, states) and how the Laptops view decides a laptop's freshness.
#include "admin-gui/DeviceTableModel.h"
#include "admin-gui/DirectoryModel.h"
#include "admin-gui/JobHistoryModel.h"
#include "admin-gui/LaptopFreshness.h"
#include "admin-gui/MailboxTableModel.h"
#include "admin-gui/UserTableModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace ArchiveSync;

namespace {
const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 0), QTimeZone::utc());

Api::Mailbox mailbox(const QString &address, bool enabled, qint64 generation, qint64 bytes)
{
    Api::Mailbox m;
    m.address = address;
    m.displayName = address.section(QLatin1Char('@'), 0, 0);
    m.managed = true;
    m.archivedMessages = 100;
    m.offline.enabled = enabled;
    m.offline.hasRepository = generation > 0;
    m.offline.generation = generation;
    m.offline.revision = 3;
    m.offline.messageCount = 90;
    m.offline.bytes = bytes;
    m.offline.updated = kNow.addDays(-1);
    return m;
}

Api::RepositoryStatus repository(const QString &address, qint64 generation, qint64 revision,
                                 const QDateTime &updated)
{
    Api::RepositoryStatus r;
    r.address = address;
    r.enabled = true;
    r.generation = generation;
    r.revision = revision;
    r.bytes = 5 * 1024 * 1024;
    r.updated = updated;
    return r;
}

Api::DeviceStatus device(qint64 id, const QDateTime &lastSeen, const QJsonObject &state, bool revoked = false)
{
    Api::DeviceStatus d;
    d.id = id;
    d.username = QStringLiteral("sam");
    d.name = QStringLiteral("laptop-%1").arg(id);
    d.revoked = revoked;
    d.lastSeen = lastSeen;
    if (lastSeen.isValid())
        d.lagSeconds = lastSeen.secsTo(kNow);
    d.state = state;
    return d;
}

QJsonObject reported(const QString &address, qint64 generation, qint64 revision)
{
    return QJsonObject{
        {QStringLiteral("generation"), generation},
        {QStringLiteral("mailboxes"), QJsonArray{QJsonObject{{QStringLiteral("address"), address},
                                                             {QStringLiteral("generation"), generation},
                                                             {QStringLiteral("revision"), revision}}}}};
}
} // namespace

class TestAdminModels : public QObject
{
    Q_OBJECT

private slots:
    void mailboxModel()
    {
        MailboxTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString alice = QStringLiteral("alice@example.org");
        const QString bob = QStringLiteral("bob@example.org");
        model.setMailboxes({mailbox(alice, true, 2, 3 * 1024 * 1024), mailbox(bob, false, 0, 0)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, MailboxTableModel::SizeColumn).data().toString(), QStringLiteral("3.0 MiB"));
        QCOMPARE(model.index(0, MailboxTableModel::OfflineColumn).data().toString(), QStringLiteral("On"));
        QCOMPARE(model.index(1, MailboxTableModel::GenerationColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(1, MailboxTableModel::StateColumn).data().toString(),
                 QStringLiteral("Disabled"));

        // A refresh keeps rows that stay (selection survives), drops and appends the rest.
        const QPersistentModelIndex aliceRow = model.index(0, 0);
        model.setMailboxes({mailbox(alice, true, 3, 3 * 1024 * 1024),
                            mailbox(QStringLiteral("carol@example.org"), true, 1, 10)});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(aliceRow.isValid());
        QCOMPARE(aliceRow.row(), 0);
        QCOMPARE(model.index(0, MailboxTableModel::GenerationColumn).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.rowOf(QStringLiteral("CAROL@example.org")), 1);

        model.setLaptopCounts({{alice, {1, 2}}});
        QCOMPARE(model.index(0, MailboxTableModel::LaptopsColumn).data().toString(), QStringLiteral("1 / 2"));

        Api::JobActivity activity;
        activity.running =
            Api::JobActivity::Running{QStringLiteral("update"), QStringLiteral("manual"), kNow, alice, 1, 2};
        model.setActivity(activity);
        QCOMPARE(model.index(0, MailboxTableModel::StateColumn).data().toString(),
                 QStringLiteral("Updating…"));
        model.setMailboxes({});
        QCOMPARE(model.rowCount(), 0);
    }

    void mailboxModelSortsAndFilters()
    {
        MailboxTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(MailboxTableModel::SortRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Sizes sort as numbers: 900 KiB before 3 MiB before 20 MiB, whatever the text says.
        model.setMailboxes({mailbox(QStringLiteral("a@x.org"), true, 1, 20 * 1024 * 1024),
                            mailbox(QStringLiteral("b@x.org"), true, 1, 900 * 1024),
                            mailbox(QStringLiteral("c@x.org"), true, 1, 3 * 1024 * 1024)});
        proxy.sort(MailboxTableModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("b@x.org"));
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("a@x.org"));
        proxy.setFilterFixedString(QStringLiteral("C@X"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("c@x.org"));
    }

    void directoryModel()
    {
        DirectoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries({{QStringLiteral("dora@example.org"), QStringLiteral("Dora"), 1234}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, DirectoryModel::AddressColumn).data(DirectoryModel::AddressRole).toString(),
                 QStringLiteral("dora@example.org"));
        QCOMPARE(model.index(0, DirectoryModel::MessagesColumn).data(DirectoryModel::SortRole).toLongLong(),
                 1234);
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void jobHistoryModel()
    {
        JobHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::Job done;
        done.id = 1;
        done.kind = QStringLiteral("update");
        done.trigger = QStringLiteral("schedule");
        done.status = QStringLiteral("done");
        done.started = kNow.addSecs(-125);
        done.finished = kNow;
        done.bytes = 2048;
        Api::Job failed = done;
        failed.id = 2;
        failed.kind = QStringLiteral("flush");
        failed.trigger = QStringLiteral("manual");
        failed.status = QStringLiteral("failed");
        failed.errors = QStringLiteral("alice@example.org: disk full\nmore");
        model.setJobs({failed, done});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, JobHistoryModel::KindColumn).data().toString(), QStringLiteral("Flush"));
        QCOMPARE(model.index(0, JobHistoryModel::TriggerColumn).data().toString(),
                 QStringLiteral("Synchronize now"));
        QCOMPARE(model.index(0, JobHistoryModel::ErrorsColumn).data().toString(),
                 QStringLiteral("alice@example.org: disk full"));
        QCOMPARE(model.index(1, JobHistoryModel::DurationColumn).data().toString(),
                 QStringLiteral("2 minutes"));
        model.setJobs({done});
        QCOMPARE(model.rowCount(), 1);
    }

    void laptopFreshness_data()
    {
        QTest::addColumn<QJsonObject>("state");
        QTest::addColumn<int>("seenHoursAgo"); // -1: never
        QTest::addColumn<int>("bucket");
        QTest::addColumn<QString>("lag");
        const QString a = QStringLiteral("alice@example.org");
        QTest::newRow("current") << reported(a, 2, 5) << 1 << int(LaptopFreshness::Bucket::UpToDate)
                                 << QStringLiteral("up to date");
        QTest::newRow("old revision, seen 3 days ago")
            << reported(a, 2, 4) << 72 << int(LaptopFreshness::Bucket::UnderWeek)
            << QStringLiteral("3 days behind");
        QTest::newRow("old generation, seen 5 hours ago")
            << reported(a, 1, 5) << 5 << int(LaptopFreshness::Bucket::UnderDay)
            << QStringLiteral("5 hours behind");
        QTest::newRow("seen 10 days ago, stale")
            << reported(a, 1, 1) << 240 << int(LaptopFreshness::Bucket::Older)
            << QStringLiteral("10 days behind");
        QTest::newRow("never seen") << QJsonObject() << -1 << int(LaptopFreshness::Bucket::Never)
                                    << QStringLiteral("never connected");
        // No per-mailbox detail: current when no repository changed after it was last seen.
        QTest::newRow("no detail, seen after update")
            << QJsonObject{{QStringLiteral("generation"), 2}} << 1 << int(LaptopFreshness::Bucket::UpToDate)
            << QStringLiteral("up to date");
        QTest::newRow("no detail, seen before update")
            << QJsonObject{{QStringLiteral("generation"), 2}} << 30 << int(LaptopFreshness::Bucket::UnderWeek)
            << QStringLiteral("1 day behind");
    }
    void laptopFreshness()
    {
        QFETCH(QJsonObject, state);
        QFETCH(int, seenHoursAgo);
        QFETCH(int, bucket);
        QFETCH(QString, lag);
        const QList<Api::RepositoryStatus> repositories = {
            repository(QStringLiteral("alice@example.org"), 2, 5, kNow.addSecs(-2 * 3600))};
        const QDateTime seen = seenHoursAgo < 0 ? QDateTime() : kNow.addSecs(-3600LL * seenHoursAgo);
        const LaptopFreshness::Evaluation e = LaptopFreshness::evaluate(device(1, seen, state), repositories);
        QCOMPARE(int(e.bucket), bucket);
        QCOMPARE(LaptopFreshness::lagText(e), lag);
    }

    void deviceModel()
    {
        DeviceTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString a = QStringLiteral("alice@example.org");
        const QList<Api::RepositoryStatus> repositories = {repository(a, 2, 5, kNow.addDays(-4))};
        model.setDevices({device(1, kNow.addDays(-3), reported(a, 2, 4)),
                          device(2, kNow.addSecs(-60), reported(a, 2, 5)), device(3, QDateTime(), {}, true)},
                         repositories, kNow);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, DeviceTableModel::LagColumn).data().toString(),
                 QStringLiteral("3 days behind"));
        QCOMPARE(model.index(0, DeviceTableModel::GenerationColumn).data().toString(),
                 QStringLiteral("alice@example.org: g2 r4"));
        QCOMPARE(model.index(0, DeviceTableModel::LastSeenColumn).data().toString(),
                 QStringLiteral("3 days ago"));
        QCOMPARE(model.index(1, DeviceTableModel::LagColumn).data().toString(), QStringLiteral("up to date"));
        QCOMPARE(model.index(2, DeviceTableModel::StateColumn).data().toString(), QStringLiteral("Revoked"));
        QCOMPARE(model.index(2, 0).data(DeviceTableModel::RevokedRole).toBool(), true);
        QCOMPARE(model.rowOfDevice(2), 1);

        const auto counts = LaptopFreshness::countsPerMailbox(
            {device(1, kNow.addDays(-3), reported(a, 2, 4)), device(2, kNow, reported(a, 2, 5))},
            repositories);
        QCOMPARE(counts.value(a), qMakePair(1, 2));
        model.setDevices({}, {}, kNow);
        QCOMPARE(model.rowCount(), 0);
    }

    void userModel()
    {
        UserTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Api::User admin{QStringLiteral("admin"), QStringLiteral("The Admin"), Api::Role::Admin, kNow};
        Api::User sam{QStringLiteral("sam"), QString(), Api::Role::User, kNow};
        model.setUsers({admin, sam});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, UserTableModel::RoleColumn).data().toString(),
                 QStringLiteral("Administrator"));
        QCOMPARE(model.rowOf(QStringLiteral("sam")), 1);
        model.setUsers({sam});
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestAdminModels)
#include "TestAdminModels.moc"
