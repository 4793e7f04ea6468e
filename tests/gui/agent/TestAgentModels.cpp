// SPDX-License-Identifier: Apache-2.0
// The agent's item models under QAbstractItemModelTester, the folder choice tree, and the non-GUI
// helpers behind the wizard: estimates from a manifest, the storage check, the transfer rate, the
// server URL, the status texts and the desktop preferences.
#include "core/common/Clock.h"
#include "core/sync/AccountSetup.h"
#include "core/sync/StorageCheck.h"
#include "core/sync/SyncEstimate.h"
#include "core/sync/TransferRate.h"
#include "tray-agent/DesktopPreferences.h"
#include "tray-agent/FolderPolicyTree.h"
#include "tray-agent/FolderTreeModel.h"
#include "tray-agent/MessageListModel.h"
#include "tray-agent/StatusText.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

namespace {
LocalMessage message(qint64 id, const QString &folder, bool whole)
{
    LocalMessage m;
    m.id = id;
    m.folder = folder;
    m.from = QStringLiteral("Bob <bob@example.org>");
    m.subject = QStringLiteral("Message %1").arg(id);
    m.date = QDateTime(QDate(2024, 3, int(id % 27) + 1), QTime(10, 0), QTimeZone::utc());
    m.whole = whole;
    return m;
}

SegmentInfo segment(SegmentKind kind, const QString &folder, qint64 size, int messages)
{
    SegmentInfo s;
    s.kind = kind;
    s.folder = folder;
    s.size = size;
    s.messages = messages;
    return s;
}

Manifest sampleManifest()
{
    Manifest m;
    m.messageCount = 300;
    m.segments = {segment(SegmentKind::Index, {}, 1000, 300),
                  segment(SegmentKind::Bodies, QStringLiteral("Inbox"), 5000, 100),
                  segment(SegmentKind::Bodies, QStringLiteral("Projects/Alpha"), 7000, 80),
                  segment(SegmentKind::Bodies, QStringLiteral("Projects/Beta"), 3000, 50),
                  segment(SegmentKind::Index, {}, 500, 20),
                  segment(SegmentKind::Bodies, QStringLiteral("Inbox"), 1000, 20),
                  segment(SegmentKind::Bodies, QStringLiteral("Contacts"), 200, 10)};
    return m;
}
} // namespace

class TestAgentModels : public QObject
{
    Q_OBJECT

private slots:
    void folderTreeModel()
    {
        FolderTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMailboxes({{QStringLiteral("alice@example.org"),
                             {{QStringLiteral("Inbox"), QStringLiteral("mail"), 10, 10},
                              {QStringLiteral("Projects/Alpha"), QStringLiteral("mail"), 5, 0}},
                             true},
                            {QStringLiteral("team@example.org"), {}, false}});
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex alice = model.index(0, 0);
        QCOMPARE(model.rowCount(alice), 2);
        QCOMPARE(model.index(1, 0, alice).data(FolderTreeModel::FolderRole).toString(),
                 QStringLiteral("Projects/Alpha"));
        QCOMPARE(model.index(1, 0, alice).data(FolderTreeModel::AddressRole).toString(),
                 QStringLiteral("alice@example.org"));
        QCOMPARE(model.indexOf(QStringLiteral("ALICE@example.org"), QStringLiteral("Inbox")),
                 model.index(0, 0, alice));
        QVERIFY(model.index(1, 0).data().toString().contains(QStringLiteral("not synced")));
        model.setMailboxes({});
        QCOMPARE(model.rowCount(), 0);
    }

    void messageListModel()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<MessageListModel::Row> rows;
        for (int i = 1; i <= 20; ++i)
            rows.append(
                {QStringLiteral("alice@example.org"), message(i, QStringLiteral("Inbox"), i % 2 == 0)});
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.columnCount(), int(MessageListModel::ColumnCount));
        QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Message 1"));
        QCOMPARE(model.index(0, MessageListModel::OfflineColumn).data().toString(),
                 QStringLiteral("Headers only"));
        QCOMPARE(model.index(1, MessageListModel::OfflineColumn).data().toString(), QStringLiteral("Whole"));
        QCOMPARE(model.index(3, 0).data(MessageListModel::IdRole).toLongLong(), 4);
        QCOMPARE(model.rowOf(QStringLiteral("alice@example.org"), 7), 6);
        QCOMPARE(model.rowOf(QStringLiteral("bob@example.org"), 7), -1);
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void estimateFromManifest()
    {
        const SyncEstimate estimate = SyncEstimate::fromManifest(sampleManifest());
        QCOMPARE(estimate.indexBytes(), 1500);
        QCOMPARE(estimate.messages(), 300);
        QCOMPARE(estimate.folders().size(), 4);
        QCOMPARE(estimate.folders().at(1).path, QStringLiteral("Inbox"));
        QCOMPARE(estimate.folders().at(1).bodyBytes, 6000);
        QCOMPARE(estimate.folders().at(0).kind, FolderKind::Contacts);

        // KOFF defaults: Inbox and non-mail whole, the rest headers only.
        const OfflineSettings defaults = SyncEstimate::defaultChoice(
            {QStringLiteral("Contacts"), QStringLiteral("Inbox"), QStringLiteral("Projects/Alpha")});
        QCOMPARE(defaults.policyFor(QStringLiteral("Inbox")), FolderPolicy::Whole);
        QCOMPARE(defaults.policyFor(QStringLiteral("Contacts")), FolderPolicy::Whole);
        QCOMPARE(defaults.policyFor(QStringLiteral("Projects/Alpha")), FolderPolicy::HeadersOnly);
        QCOMPARE(estimate.downloadBytes(defaults), 1500 + 6000 + 200);

        OfflineSettings projects = defaults;
        projects.folderPolicies.insert(QStringLiteral("Projects/*"), FolderPolicy::Whole);
        QCOMPARE(estimate.downloadBytes(projects), 1500 + 6000 + 200 + 10000);
        QCOMPARE(estimate.downloadBytes(SyncEstimate::nothing()), 1500);
        QVERIFY(SyncEstimate::isNothing(SyncEstimate::nothing()));
        QVERIFY(!SyncEstimate::isNothing(defaults));
        QVERIFY(SyncEstimate::diskBytes(1000) > 1000);
    }

    void storageCheck()
    {
        QTemporaryDir dir;
        const StorageCheck fits = StorageCheck::check(dir.filePath(QStringLiteral("not/yet/there")), 1024);
        QVERIFY(fits.writable);
        QVERIFY(fits.freeBytes > 0);
        QVERIFY(!fits.volume.isEmpty());
        QCOMPARE(fits.fits(), fits.freeBytes > 1024 + StorageCheck::kReserveBytes);
        const StorageCheck huge = StorageCheck::check(dir.path(), qint64(1) << 60);
        QVERIFY(!huge.fits());
    }

    void transferRate()
    {
        ManualClock clock(QDateTime(QDate(2024, 1, 1), QTime(12, 0), QTimeZone::utc()));
        TransferRate rate(clock);
        QCOMPARE(rate.bytesPerSecond(), 0.0);
        QVERIFY(!rate.secondsLeft(1000));
        rate.sample(0);
        clock.advance(2000);
        rate.sample(2000);
        QCOMPARE(rate.bytesPerSecond(), 1000.0);
        QCOMPARE(*rate.secondsLeft(10000), 8);
        clock.advance(20000);
        rate.sample(2500);
        clock.advance(1000);
        rate.sample(3000); // the window forgets the fast start
        QCOMPARE(rate.bytesPerSecond(), 500.0);
        rate.sample(10); // starts over
        QCOMPARE(rate.bytesPerSecond(), 0.0);
    }

    void serverUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("url");
        QTest::newRow("host") << "archive.example.org"
                              << "http://archive.example.org";
        QTest::newRow("https, port, path") << " https://archive.example.org:8443/app?x#y "
                                           << "https://archive.example.org:8443";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("ftp") << "ftp://archive.example.org"
                             << "";
    }
    void serverUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, url);
        const Result<QUrl> parsed = AccountSetup::serverUrl(input);
        QCOMPARE(parsed.ok(), !url.isEmpty());
        if (parsed)
            QCOMPARE(parsed->toString(), url);
    }

    void folderPolicyTree()
    {
        FolderPolicyTree tree;
        const SyncEstimate estimate = SyncEstimate::fromManifest(sampleManifest());
        QStringList paths;
        for (const FolderEstimate &f : estimate.folders())
            paths.append(f.path);
        tree.setFolders(estimate.folders(), SyncEstimate::defaultChoice(paths));
        QVERIFY(tree.policyBox(QStringLiteral("Projects")));
        QCOMPARE(FolderPolicy(tree.policyBox(QStringLiteral("Inbox"))->currentData().toInt()),
                 FolderPolicy::Whole);
        QVERIFY(!tree.policyBox(QStringLiteral("Contacts"))->isEnabled());
        QVERIFY(tree.setPolicy(QStringLiteral("Projects"), FolderPolicy::Whole));
        QVERIFY(tree.setApplyToSubfolders(QStringLiteral("Projects"), true));
        QVERIFY(!tree.policyBox(QStringLiteral("Projects/Alpha"))->isEnabled());
        OfflineSettings choice = tree.choice();
        QCOMPARE(choice.folderPolicies.value(QStringLiteral("Projects/*")), FolderPolicy::Whole);
        QCOMPARE(choice.policyFor(QStringLiteral("Projects/Beta")), FolderPolicy::Whole);
        QCOMPARE(choice.policyFor(QStringLiteral("Inbox")), FolderPolicy::Whole);
        QCOMPARE(choice.policyFor(QStringLiteral("Elsewhere")), FolderPolicy::HeadersOnly);
        QVERIFY(tree.setApplyToSubfolders(QStringLiteral("Projects"), false));
        QVERIFY(tree.setPolicy(QStringLiteral("Projects/Beta"), FolderPolicy::Excluded));
        QVERIFY(tree.setPolicy(QString(), FolderPolicy::Excluded));
        choice = tree.choice();
        QCOMPARE(choice.policyFor(QStringLiteral("Projects/Beta")), FolderPolicy::Excluded);
        QCOMPARE(choice.policyFor(QStringLiteral("Projects/Alpha")), FolderPolicy::Whole);
        QCOMPARE(choice.defaultFolderPolicy, FolderPolicy::Excluded);
        // Shown again, the same choice.
        tree.setFolders(estimate.folders(), choice);
        QCOMPARE(tree.choice(), choice);
    }

    void statusTexts()
    {
        AgentSyncStatus status;
        QCOMPARE(StatusText::iconPath(status.state),
                 QStringLiteral(":/archivesync/agent/icons/tray-not-configured.svg"));
        for (SyncState s : {SyncState::NotConfigured, SyncState::UpToDate, SyncState::Syncing,
                            SyncState::Queued, SyncState::Offline, SyncState::Paused, SyncState::Error})
            QVERIFY2(!QIcon(StatusText::iconPath(s)).pixmap(32, 32).isNull(), qPrintable(syncStateName(s)));
        MailboxSyncStatus m;
        m.address = QStringLiteral("alice@example.org");
        m.state = SyncState::Queued;
        m.queuePosition = 3;
        QCOMPARE(StatusText::mailboxLine(m), QStringLiteral("alice@example.org: queued, position 3"));
        m.state = SyncState::Syncing;
        m.bytesDone = 512;
        m.bytesTotal = 1024;
        status.state = SyncState::Syncing;
        status.mailboxes = {m};
        QCOMPARE(StatusText::percentDone(status), 50);
        QVERIFY(StatusText::tooltip(status).startsWith(QStringLiteral("ArchiveSync: Syncing, 50% done")));
        m.state = SyncState::UpToDate;
        m.generation = 1;
        m.targetGeneration = 1;
        m.asOf = QDateTime::currentDateTimeUtc();
        status.state = SyncState::UpToDate;
        status.mailboxes = {m};
        QVERIFY(StatusText::tooltip(status).contains(QStringLiteral("Safe to disconnect")));
        QVERIFY(StatusText::tooltip(status).contains(QStringLiteral("Archive as of")));
    }

    void desktopPreferences()
    {
        QVERIFY(DesktopPreferences::inWindow(QTime(20, 0), QTime(19, 0), QTime(7, 0)));
        QVERIFY(DesktopPreferences::inWindow(QTime(6, 59), QTime(19, 0), QTime(7, 0)));
        QVERIFY(!DesktopPreferences::inWindow(QTime(12, 0), QTime(19, 0), QTime(7, 0)));
        QVERIFY(DesktopPreferences::inWindow(QTime(12, 0), QTime(9, 0), QTime(17, 0)));
        DesktopPreferences p;
        p.bandwidthLimit = 4096;
        p.fullSpeedWindow = true;
        QCOMPARE(p.limitAt(QTime(23, 0)), 0);
        QCOMPARE(p.limitAt(QTime(12, 0)), 4096);
        QTemporaryDir dir;
        p.pauseOnMetered = false;
        p.fullSpeedFrom = QTime(18, 30);
        p.save(dir.path());
        QCOMPARE(DesktopPreferences::load(dir.path()), p);
    }
};

QTEST_MAIN(TestAgentModels)
#include "TestAgentModels.moc"
