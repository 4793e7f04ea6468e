// SPDX-License-Identifier: Apache-2.0
#include "service/store/ArchiveStore.h"
#include "service/store/OfflineStore.h"
#include "tests/support/MailFixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
SegmentInfo segment(int sequence, char hash, SegmentKind kind = SegmentKind::Index,
                    const QString &folder = {})
{
    SegmentInfo s;
    s.sequence = sequence;
    s.sha256 = QString(64, QLatin1Char(hash));
    s.kind = kind;
    s.folder = folder;
    s.size = 1000 + sequence;
    s.messages = sequence * 2;
    s.tombstones = sequence - 1;
    s.created = kNow.addSecs(sequence);
    return s;
}

OfflineSettings customSettings()
{
    OfflineSettings s;
    s.contentWindowMonths = 12;
    s.defaultFolderPolicy = FolderPolicy::Excluded;
    s.folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole},
                        {QStringLiteral("Projects/*"), FolderPolicy::HeadersOnly}};
    s.maxWholeMessageBytes = 2 * 1024 * 1024;
    s.checkIntervalMinutes = 30;
    s.maxCacheBytes = 1024LL * 1024 * 1024;
    return s;
}
} // namespace

class TestOfflineStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ArchiveStore> m_archive;
    std::unique_ptr<OfflineStore> m_offline;
    qint64 m_mailbox = 0;
    qint64 m_other = 0;

    RepositoryCommit firstCommit() const
    {
        RepositoryCommit c;
        c.mailboxId = m_mailbox;
        c.generation = 1;
        c.revision = 1;
        c.newGeneration = true;
        c.settingsFingerprint = QStringLiteral("fp1");
        c.generationCreated = kNow;
        c.updated = kNow;
        c.segments = {segment(1, 'a'), segment(2, 'b', SegmentKind::Bodies, QStringLiteral("Inbox"))};
        c.addedEntries = {
            {10, QStringLiteral("headers")}, {11, QStringLiteral("bodies")}, {12, QStringLiteral("whole")}};
        return c;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->openSqlite(m_dir->filePath(QStringLiteral("archive.db"))).ok());
        m_archive = std::make_unique<ArchiveStore>(*m_db);
        m_offline = std::make_unique<OfflineStore>(*m_db);
        auto disk = m_archive->ensureStorage(QStringLiteral("default"), StorageKind::Disk, m_dir->path());
        QVERIFY(disk.ok());
        auto mb = m_archive->ensureMailbox(QStringLiteral("alice@example.org"), disk->id, kNow);
        auto other = m_archive->ensureMailbox(QStringLiteral("bob@example.org"), disk->id, kNow);
        QVERIFY(mb.ok() && other.ok());
        m_mailbox = mb->id;
        m_other = other->id;
    }
    void cleanup()
    {
        m_offline.reset();
        m_archive.reset();
        m_db.reset();
        m_dir.reset();
    }

    void defaultsWhenNoneStored()
    {
        auto defaults = m_offline->defaults();
        QVERIFY(defaults.ok());
        QCOMPARE(*defaults, OfflineSettings{});
        auto config = m_offline->mailboxConfig(m_mailbox);
        QVERIFY(config.ok());
        QVERIFY(!config->enabled);
        QVERIFY(config->useDefaults);
        QVERIFY(!config->override.has_value());
        auto effective = m_offline->effectiveSettings(m_mailbox);
        QVERIFY(effective.ok());
        QCOMPARE(*effective, OfflineSettings{});
        auto repo = m_offline->repository(m_mailbox);
        QVERIFY(repo.ok());
        QVERIFY(!repo->has_value());
        QCOMPARE(*m_offline->entryCount(m_mailbox), 0);
        QVERIFY(m_offline->entries(m_mailbox)->isEmpty());
        QVERIFY(m_offline->repositoryMailboxIds()->isEmpty());
    }

    void defaultsRoundTrip()
    {
        const OfflineSettings s = customSettings();
        QVERIFY(m_offline->setDefaults(s, kNow).ok());
        QCOMPARE(*m_offline->defaults(), s);
        OfflineSettings changed = s;
        changed.contentWindowMonths = 3;
        QVERIFY(m_offline->setDefaults(changed, kNow.addSecs(1)).ok());
        QCOMPARE(*m_offline->defaults(), changed);
        QCOMPARE(*m_offline->effectiveSettings(m_mailbox), changed);

        OfflineSettings invalid;
        invalid.maxWholeMessageBytes = 10; // below 1K
        const Status refused = m_offline->setDefaults(invalid, kNow);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().category, ErrorCategory::Invalid);
        QCOMPARE(refused.error().field, QStringLiteral("max-whole-size"));
        QCOMPARE(*m_offline->defaults(), changed);
    }

    void overrideRoundTrip()
    {
        QVERIFY(m_offline->setDefaults(OfflineSettings{}, kNow).ok());
        MailboxOfflineConfig config;
        config.enabled = true;
        config.useDefaults = false;
        config.override = customSettings();
        QVERIFY(m_offline->setMailboxConfig(m_mailbox, config, kNow).ok());

        auto read = m_offline->mailboxConfig(m_mailbox);
        QVERIFY(read.ok());
        QVERIFY(read->enabled);
        QVERIFY(!read->useDefaults);
        QVERIFY(read->override.has_value());
        QCOMPARE(*read->override, customSettings());
        QCOMPARE(*m_offline->effectiveSettings(m_mailbox), customSettings());
        // The other mailbox keeps the defaults.
        QCOMPARE(*m_offline->effectiveSettings(m_other), OfflineSettings{});
        QVERIFY(!m_offline->mailboxConfig(m_other)->enabled);

        // Back to the defaults: the override is dropped, the switch stays.
        config.useDefaults = true;
        QVERIFY(m_offline->setMailboxConfig(m_mailbox, config, kNow.addSecs(1)).ok());
        read = m_offline->mailboxConfig(m_mailbox);
        QVERIFY(read.ok());
        QVERIFY(read->enabled);
        QVERIFY(read->useDefaults);
        QVERIFY(!read->override.has_value());
        QCOMPARE(*m_offline->effectiveSettings(m_mailbox), OfflineSettings{});
    }

    void overrideValidated()
    {
        MailboxOfflineConfig missing;
        missing.useDefaults = false;
        const Status noSettings = m_offline->setMailboxConfig(m_mailbox, missing, kNow);
        QVERIFY(!noSettings.ok());
        QCOMPARE(noSettings.error().category, ErrorCategory::Invalid);

        MailboxOfflineConfig invalid;
        invalid.useDefaults = false;
        invalid.override = OfflineSettings{};
        invalid.override->checkIntervalMinutes = 1;
        const Status refused = m_offline->setMailboxConfig(m_mailbox, invalid, kNow);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("check-interval"));
        QVERIFY(m_offline->mailboxConfig(m_mailbox)->useDefaults);
    }

    void corruptStoredSettingsReported()
    {
        QVERIFY(m_db->exec(QStringLiteral(
                               "INSERT INTO offline_defaults (id, settings, changed_at) VALUES (1, ?, 0)"),
                           {QStringLiteral("[1,2]")})
                    .ok());
        auto defaults = m_offline->defaults();
        QVERIFY(!defaults);
        QCOMPARE(defaults.error().category, ErrorCategory::Database);
        QVERIFY(m_db->exec(QStringLiteral("UPDATE offline_defaults SET settings = ?"),
                           {QStringLiteral("{\"bogus\": 1}")})
                    .ok());
        defaults = m_offline->defaults();
        QVERIFY(!defaults);
        QCOMPARE(defaults.error().field, QStringLiteral("bogus"));
    }

    void commitFirstGeneration()
    {
        const RepositoryCommit c = firstCommit();
        QVERIFY(m_offline->commit(c).ok());
        auto repo = m_offline->repository(m_mailbox);
        QVERIFY(repo.ok() && repo->has_value());
        const RepositoryState &state = **repo;
        QCOMPARE(state.mailboxId, m_mailbox);
        QCOMPARE(state.generation, 1);
        QCOMPARE(state.revision, 1);
        QCOMPARE(state.settingsFingerprint, QStringLiteral("fp1"));
        QCOMPARE(state.generationCreated, kNow);
        QCOMPARE(state.updated, kNow);
        QCOMPARE(state.segments.size(), 2);
        QCOMPARE(state.segments.at(0), segment(1, 'a'));
        QCOMPARE(state.segments.at(1), segment(2, 'b', SegmentKind::Bodies, QStringLiteral("Inbox")));
        QCOMPARE(*m_offline->entryCount(m_mailbox), 3);
        auto entries = m_offline->entries(m_mailbox);
        QVERIFY(entries.ok());
        QCOMPARE(*entries, c.addedEntries);
        QCOMPARE(*m_offline->repositoryMailboxIds(), QList<qint64>{m_mailbox});
        QCOMPARE(*m_offline->entryCount(m_other), 0);
    }

    void incrementalCommit()
    {
        QVERIFY(m_offline->commit(firstCommit()).ok());
        RepositoryCommit next;
        next.mailboxId = m_mailbox;
        next.generation = 1;
        next.revision = 2;
        next.settingsFingerprint = QStringLiteral("fp1");
        next.generationCreated = kNow;
        next.updated = kNow.addDays(1);
        next.segments = {segment(3, 'c')};
        next.addedEntries = {{13, QStringLiteral("headers")}};
        next.removedEntries = {10, 12};
        QVERIFY(m_offline->commit(next).ok());
        auto repo = m_offline->repository(m_mailbox);
        QVERIFY(repo.ok() && repo->has_value());
        QCOMPARE((*repo)->revision, 2);
        QCOMPARE((*repo)->updated, kNow.addDays(1));
        QCOMPARE((*repo)->generationCreated, kNow);
        QCOMPARE((*repo)->segments.size(), 3);
        QCOMPARE((*repo)->segments.at(2), segment(3, 'c'));
        const QHash<qint64, QString> expected = {{11, QStringLiteral("bodies")},
                                                 {13, QStringLiteral("headers")}};
        QCOMPARE(*m_offline->entries(m_mailbox), expected);
        QCOMPARE(*m_offline->entryCount(m_mailbox), 2);
    }

    void newGenerationDropsOldSegmentsAndEntries()
    {
        QVERIFY(m_offline->commit(firstCommit()).ok());
        // The other mailbox's repository must survive.
        RepositoryCommit other = firstCommit();
        other.mailboxId = m_other;
        QVERIFY(m_offline->commit(other).ok());

        RepositoryCommit rebuild;
        rebuild.mailboxId = m_mailbox;
        rebuild.generation = 2;
        rebuild.revision = 1;
        rebuild.newGeneration = true;
        rebuild.settingsFingerprint = QStringLiteral("fp2");
        rebuild.generationCreated = kNow.addDays(2);
        rebuild.updated = kNow.addDays(2);
        rebuild.segments = {segment(1, 'd')};
        rebuild.addedEntries = {{11, QStringLiteral("headers")}, {20, QStringLiteral("whole")}};
        QVERIFY(m_offline->commit(rebuild).ok());

        auto repo = m_offline->repository(m_mailbox);
        QVERIFY(repo.ok() && repo->has_value());
        QCOMPARE((*repo)->generation, 2);
        QCOMPARE((*repo)->revision, 1);
        QCOMPARE((*repo)->settingsFingerprint, QStringLiteral("fp2"));
        QCOMPARE((*repo)->generationCreated, kNow.addDays(2));
        QCOMPARE((*repo)->segments.size(), 1);
        QCOMPARE((*repo)->segments.at(0), segment(1, 'd'));
        QCOMPARE(*m_offline->entries(m_mailbox), rebuild.addedEntries);
        auto rows = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM offline_segments WHERE mailbox_id = ?"),
                               {m_mailbox});
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), 1);

        auto otherRepo = m_offline->repository(m_other);
        QVERIFY(otherRepo.ok() && otherRepo->has_value());
        QCOMPARE((*otherRepo)->segments.size(), 2);
        QCOMPARE(*m_offline->entryCount(m_other), 3);
        QCOMPARE(*m_offline->repositoryMailboxIds(), (QList<qint64>{m_mailbox, m_other}));
    }

    void failedCommitChangesNothing()
    {
        QVERIFY(m_offline->commit(firstCommit()).ok());
        RepositoryCommit bad;
        bad.mailboxId = m_mailbox;
        bad.generation = 1;
        bad.revision = 2;
        bad.settingsFingerprint = QStringLiteral("fp1");
        bad.generationCreated = kNow;
        bad.updated = kNow.addDays(1);
        bad.segments = {segment(3, 'c')};
        bad.removedEntries = {10};
        bad.addedEntries = {{11, QStringLiteral("again")}}; // already present: primary key violation
        const Status st = m_offline->commit(bad);
        QVERIFY(!st.ok());
        auto repo = m_offline->repository(m_mailbox);
        QVERIFY(repo.ok() && repo->has_value());
        QCOMPARE((*repo)->revision, 1);
        QCOMPARE((*repo)->segments.size(), 2);
        QCOMPARE(*m_offline->entries(m_mailbox), firstCommit().addedEntries);
    }
};

QTEST_GUILESS_MAIN(TestOfflineStore)
#include "TestOfflineStore.moc"
