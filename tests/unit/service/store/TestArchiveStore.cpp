// SPDX-License-Identifier: Apache-2.0
#include "service/store/ArchiveStore.h"
#include "tests/support/MailFixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
QString sha(char c)
{
    return QString(64, QLatin1Char(c));
}
} // namespace

class TestArchiveStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ArchiveStore> m_store;
    qint64 m_disk = 0;

    StoredMessage message(qint64 mailbox, qint64 folder, const QString &hash, const QString &subject)
    {
        StoredMessage m;
        m.mailboxId = mailbox;
        m.folderId = folder;
        m.storageId = m_disk;
        m.sha256 = hash;
        m.size = 123;
        m.meta.messageId = subject + QStringLiteral("@example.org");
        m.meta.from = QStringLiteral("Alice <alice@example.org>");
        m.meta.to = QStringLiteral("bob@example.org");
        m.meta.subject = subject;
        m.meta.date = kNow.addDays(-1);
        m.archivedAt = kNow;
        return m;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->openSqlite(m_dir->filePath(QStringLiteral("archive.db"))).ok());
        m_store = std::make_unique<ArchiveStore>(*m_db);
        auto disk = m_store->ensureStorage(QStringLiteral("default"), StorageKind::Disk,
                                           m_dir->filePath(QStringLiteral("archive")));
        QVERIFY(disk.ok());
        m_disk = disk->id;
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void storageKindNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("disk") << "disk" << true;
        QTest::newRow("storage-manager") << "storage-manager" << true;
        QTest::newRow("tape") << "tape" << false;
        QTest::newRow("empty") << "" << false;
    }
    void storageKindNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const auto kind = storageKindFromName(name);
        QCOMPARE(kind.has_value(), valid);
        if (valid)
            QCOMPARE(storageKindName(*kind), name);
    }

    void storageCrud()
    {
        // ensureStorage is idempotent by name: the stored kind and path win.
        auto again = m_store->ensureStorage(QStringLiteral("default"), StorageKind::StorageManager,
                                            QStringLiteral("/y"));
        QVERIFY(again.ok());
        QCOMPARE(again->id, m_disk);
        QCOMPARE(again->kind, StorageKind::Disk);
        QCOMPARE(again->path, m_dir->filePath(QStringLiteral("archive")));

        auto hsm = m_store->ensureStorage(QStringLiteral("hsm"), StorageKind::StorageManager,
                                          QStringLiteral("/hsm"));
        QVERIFY(hsm.ok());
        QVERIFY(hsm->id != m_disk);

        auto all = m_store->storageRepositories();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("default"));
        QCOMPARE(all->at(1).name, QStringLiteral("hsm"));
        QCOMPARE(all->at(1).kind, StorageKind::StorageManager);
        QCOMPARE(all->at(1).path, QStringLiteral("/hsm"));

        auto byName = m_store->storageByName(QStringLiteral("hsm"));
        QVERIFY(byName.ok() && byName->has_value());
        QCOMPARE((*byName)->id, hsm->id);
        auto missing = m_store->storageByName(QStringLiteral("nope"));
        QVERIFY(missing.ok());
        QVERIFY(!missing->has_value());

        auto byId = m_store->storageById(hsm->id);
        QVERIFY(byId.ok());
        QCOMPARE(byId->name, QStringLiteral("hsm"));
        auto noId = m_store->storageById(9999);
        QVERIFY(!noId);
        QCOMPARE(noId.error().category, ErrorCategory::NotFound);
    }

    void mailboxAddressNormalised_data()
    {
        QTest::addColumn<QString>("created");
        QTest::addColumn<QString>("lookup");
        QTest::newRow("upper case") << "Alice@Example.ORG"
                                    << "alice@example.org";
        QTest::newRow("lookup upper") << "alice@example.org"
                                      << "ALICE@EXAMPLE.ORG";
        QTest::newRow("surrounding space") << "  Alice@Example.org "
                                           << " alice@example.org";
    }
    void mailboxAddressNormalised()
    {
        QFETCH(QString, created);
        QFETCH(QString, lookup);
        auto mb = m_store->ensureMailbox(created, m_disk, kNow);
        QVERIFY2(mb.ok(), qPrintable(mb.errorString()));
        QCOMPARE(mb->address, QStringLiteral("alice@example.org"));
        QCOMPARE(mb->defaultStorageId, m_disk);
        QVERIFY(!mb->managed);
        QCOMPARE(mb->created, kNow);

        auto found = m_store->mailboxByAddress(lookup);
        QVERIFY(found.ok());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, mb->id);
        QCOMPARE((*found)->address, QStringLiteral("alice@example.org"));
        QCOMPARE((*found)->created, kNow);

        // Ensuring it again under either spelling finds the same mailbox.
        for (const QString &spelling : {created, lookup}) {
            auto same = m_store->ensureMailbox(spelling, m_disk, kNow.addDays(1));
            QVERIFY2(same.ok(), qPrintable(same.errorString()));
            QCOMPARE(same->id, mb->id);
            QCOMPARE(same->created, kNow);
        }
        auto list = m_store->mailboxes();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
    }

    void mailboxCrud()
    {
        auto b = m_store->ensureMailbox(QStringLiteral("bob@example.org"), m_disk, kNow);
        auto a = m_store->ensureMailbox(QStringLiteral("alice@example.org"), m_disk, kNow);
        QVERIFY(a.ok() && b.ok());
        auto list = m_store->mailboxes();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).address, QStringLiteral("alice@example.org")); // by address
        QCOMPARE(list->at(1).address, QStringLiteral("bob@example.org"));

        auto hsm = m_store->ensureStorage(QStringLiteral("hsm"), StorageKind::StorageManager,
                                          QStringLiteral("/hsm"));
        QVERIFY(hsm.ok());
        QVERIFY(m_store->setDefaultStorage(a->id, hsm->id).ok());
        QVERIFY(m_store->setManaged(a->id, true).ok());
        auto reread = m_store->mailboxById(a->id);
        QVERIFY(reread.ok());
        QCOMPARE(reread->defaultStorageId, hsm->id);
        QVERIFY(reread->managed);
        QVERIFY(m_store->setManaged(a->id, false).ok());
        QVERIFY(!m_store->mailboxById(a->id)->managed);

        auto missing = m_store->mailboxById(4711);
        QVERIFY(!missing);
        QCOMPARE(missing.error().category, ErrorCategory::NotFound);
        auto none = m_store->mailboxByAddress(QStringLiteral("carol@example.org"));
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        // A storage repository that does not exist is refused (foreign key).
        QVERIFY(!m_store->setDefaultStorage(a->id, 4711).ok());
    }

    void foldersAndMessages()
    {
        auto mb = m_store->ensureMailbox(QStringLiteral("alice@example.org"), m_disk, kNow);
        QVERIFY(mb.ok());
        auto inbox = m_store->ensureFolder(mb->id, QStringLiteral("Inbox"), FolderKind::Mail);
        auto contacts = m_store->ensureFolder(mb->id, QStringLiteral("Contacts"), FolderKind::Contacts);
        QVERIFY(inbox.ok() && contacts.ok());
        QVERIFY(*inbox != *contacts);
        auto inboxAgain = m_store->ensureFolder(mb->id, QStringLiteral("Inbox"), FolderKind::Mail);
        QVERIFY(inboxAgain.ok());
        QCOMPARE(*inboxAgain, *inbox);

        auto run = m_store->beginArchiveRun(mb->id, QStringLiteral("/src"), kNow);
        QVERIFY(run.ok());
        QCOMPARE(*m_store->hasMessage(*inbox, sha('a')), false);

        StoredMessage first = message(mb->id, *inbox, sha('a'), QStringLiteral("first"));
        first.meta.cc = QStringLiteral("carol@example.org");
        first.meta.isSigned = true;
        first.meta.hasAttachments = true;
        auto id1 = m_store->insertMessage(first, *run);
        StoredMessage second = message(mb->id, *contacts, sha('b'), QStringLiteral("second"));
        second.meta.date = QDateTime(); // no Date header
        second.meta.isEncrypted = true;
        auto id2 = m_store->insertMessage(second, *run);
        // Same content in another folder is another message.
        auto id3 =
            m_store->insertMessage(message(mb->id, *contacts, sha('a'), QStringLiteral("third")), *run);
        QVERIFY(id1.ok() && id2.ok() && id3.ok());
        QVERIFY(*id1 < *id2 && *id2 < *id3);

        QCOMPARE(*m_store->hasMessage(*inbox, sha('a')), true);
        QCOMPARE(*m_store->hasMessage(*inbox, sha('b')), false);
        QCOMPARE(*m_store->hasMessage(*contacts, sha('b')), true);
        // The same content twice in one folder is refused.
        QVERIFY(!m_store->insertMessage(message(mb->id, *inbox, sha('a'), QStringLiteral("dup")), *run).ok());
        QCOMPARE(*m_store->messageCount(mb->id), 3);

        QList<StoredMessage> seen;
        QVERIFY(m_store
                    ->forEachMessage(mb->id,
                                     [&seen](const StoredMessage &m) -> Status {
                                         seen.append(m);
                                         return {};
                                     })
                    .ok());
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen.at(0).id, *id1);
        QCOMPARE(seen.at(1).id, *id2);
        QCOMPARE(seen.at(2).id, *id3);
        const StoredMessage &m1 = seen.at(0);
        QCOMPARE(m1.mailboxId, mb->id);
        QCOMPARE(m1.folderId, *inbox);
        QCOMPARE(m1.folder, QStringLiteral("Inbox"));
        QCOMPARE(m1.folderKind, FolderKind::Mail);
        QCOMPARE(m1.storageId, m_disk);
        QCOMPARE(m1.sha256, sha('a'));
        QCOMPARE(m1.size, 123);
        QCOMPARE(m1.meta.messageId, QStringLiteral("first@example.org"));
        QCOMPARE(m1.meta.from, QStringLiteral("Alice <alice@example.org>"));
        QCOMPARE(m1.meta.to, QStringLiteral("bob@example.org"));
        QCOMPARE(m1.meta.cc, QStringLiteral("carol@example.org"));
        QCOMPARE(m1.meta.subject, QStringLiteral("first"));
        QCOMPARE(m1.meta.date, kNow.addDays(-1));
        QVERIFY(m1.meta.isSigned);
        QVERIFY(!m1.meta.isEncrypted);
        QVERIFY(m1.meta.hasAttachments);
        QCOMPARE(m1.archivedAt, kNow);
        const StoredMessage &m2 = seen.at(1);
        QCOMPARE(m2.folder, QStringLiteral("Contacts"));
        QCOMPARE(m2.folderKind, FolderKind::Contacts);
        QVERIFY(!m2.meta.date.isValid());
        QVERIFY(m2.meta.isEncrypted);
        QVERIFY(m2.meta.cc.isEmpty());

        auto byId = m_store->messageById(mb->id, *id2);
        QVERIFY(byId.ok());
        QCOMPARE(byId->sha256, sha('b'));
        auto otherMailbox = m_store->ensureMailbox(QStringLiteral("bob@example.org"), m_disk, kNow);
        QVERIFY(otherMailbox.ok());
        auto wrongMailbox = m_store->messageById(otherMailbox->id, *id2);
        QVERIFY(!wrongMailbox);
        QCOMPARE(wrongMailbox.error().category, ErrorCategory::NotFound);
        QCOMPARE(*m_store->messageCount(otherMailbox->id), 0);

        // A visitor's error stops the walk and is returned.
        int visited = 0;
        const Status stopped = m_store->forEachMessage(mb->id, [&visited](const StoredMessage &) -> Status {
            ++visited;
            return Error::conflict(QStringLiteral("stop"));
        });
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.errorString(), QStringLiteral("stop"));
        QCOMPARE(visited, 1);

        ArchiveRunCounts counts{3, 1, 2, 369};
        QVERIFY(m_store->finishArchiveRun(*run, counts, false, QString(), kNow.addSecs(5)).ok());
        auto q = m_db->exec(QStringLiteral("SELECT status, archived, duplicates, unreadable, bytes, error,"
                                           " finished_at FROM archive_runs WHERE id = ?"),
                            {*run});
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("done"));
        QCOMPARE(q->value(1).toInt(), 3);
        QCOMPARE(q->value(2).toInt(), 1);
        QCOMPARE(q->value(3).toInt(), 2);
        QCOMPARE(q->value(4).toLongLong(), 369);
        QCOMPARE(q->value(5).toString(), QString());
        QCOMPARE(fromDbTime(q->value(6)), kNow.addSecs(5));
    }

    void storageOfMailboxMessages()
    {
        auto mb = m_store->ensureMailbox(QStringLiteral("alice@example.org"), m_disk, kNow);
        auto other = m_store->ensureMailbox(QStringLiteral("bob@example.org"), m_disk, kNow);
        auto second =
            m_store->ensureStorage(QStringLiteral("second"), StorageKind::Disk, QStringLiteral("/second"));
        auto hsm = m_store->ensureStorage(QStringLiteral("hsm"), StorageKind::StorageManager,
                                          QStringLiteral("/hsm"));
        QVERIFY(mb.ok() && other.ok() && second.ok() && hsm.ok());
        auto none = m_store->storageOfMailboxMessages(mb->id);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty()); // the default storage alone does not count

        auto folder = m_store->ensureFolder(mb->id, QStringLiteral("Inbox"), FolderKind::Mail);
        auto otherFolder = m_store->ensureFolder(other->id, QStringLiteral("Inbox"), FolderKind::Mail);
        auto run = m_store->beginArchiveRun(mb->id, QStringLiteral("x"), kNow);
        QVERIFY(folder.ok() && otherFolder.ok() && run.ok());
        StoredMessage a = message(mb->id, *folder, sha('a'), QStringLiteral("a"));
        a.storageId = second->id;
        StoredMessage b = message(mb->id, *folder, sha('b'), QStringLiteral("b"));
        b.storageId = second->id;
        StoredMessage c = message(mb->id, *folder, sha('c'), QStringLiteral("c"));
        StoredMessage d = message(other->id, *otherFolder, sha('d'), QStringLiteral("d"));
        d.storageId = hsm->id;
        for (const StoredMessage &m : {a, b, c, d})
            QVERIFY(m_store->insertMessage(m, *run).ok());

        auto storages = m_store->storageOfMailboxMessages(mb->id);
        QVERIFY(storages.ok());
        QCOMPARE(storages->size(), 2);
        QCOMPARE(storages->at(0).id, m_disk);
        QCOMPARE(storages->at(1).id, second->id);
        auto otherStorages = m_store->storageOfMailboxMessages(other->id);
        QVERIFY(otherStorages.ok());
        QCOMPARE(otherStorages->size(), 1);
        QCOMPARE(otherStorages->at(0).kind, StorageKind::StorageManager);
    }

    void dbTimeRoundTrip()
    {
        QVERIFY(toDbTime(QDateTime()).isNull());
        QVERIFY(!fromDbTime(QVariant()).isValid());
        const QDateTime t =
            QDateTime::fromString(QStringLiteral("2026-05-04T12:34:56.789+02:00"), Qt::ISODate);
        QCOMPARE(fromDbTime(toDbTime(t)), t);
        QCOMPARE(fromDbTime(toDbTime(t)).timeSpec(), Qt::UTC);
    }

    void searchMessages()
    {
        auto mb = m_store->ensureMailbox(QStringLiteral("alice@example.org"), m_disk, kNow);
        auto other = m_store->ensureMailbox(QStringLiteral("bob@example.org"), m_disk, kNow);
        QVERIFY(mb.ok() && other.ok());
        auto inbox = m_store->ensureFolder(mb->id, QStringLiteral("Inbox"), FolderKind::Mail);
        auto sent = m_store->ensureFolder(mb->id, QStringLiteral("Sent"), FolderKind::Mail);
        auto otherInbox = m_store->ensureFolder(other->id, QStringLiteral("Inbox"), FolderKind::Mail);
        auto run = m_store->beginArchiveRun(mb->id, QStringLiteral("x"), kNow);
        QVERIFY(inbox.ok() && sent.ok() && otherInbox.ok() && run.ok());

        struct Row
        {
            qint64 folder;
            char hash;
            const char *subject; // UTF-8
            const char *from;
            const char *cc;
            int daysAgo; // -1: no Date header
        };
        const QList<Row> rows{
            {*inbox, 'a', "Quarterly report", "Carol <carol@example.org>", "", 5},
            {*inbox, 'b', "Re: quarterly REPORT draft", "Dave <dave@example.net>", "", 3},
            {*sent, 'c', "Report for Carol", "Alice <alice@example.org>", "", 1},
            {*inbox, 'd', "100% done_now", "Eve <eve@example.org>", "", 2},
            {*inbox, 'e', "Übersicht GRÜÜE", "Frank <frank@example.org>", "", 4},
            {*inbox, 'f', "It's O'Brien's \\ turn", "Gus <gus@example.org>", "mallory@example.com", -1},
            {*inbox, 'g', "Planning", "Hal <hal@example.org>", "", 6},
        };
        QHash<char, qint64> ids;
        for (const Row &r : rows) {
            StoredMessage m = message(mb->id, r.folder, sha(r.hash), QString::fromUtf8(r.subject));
            m.meta.from = QString::fromUtf8(r.from);
            m.meta.cc = QString::fromUtf8(r.cc);
            m.meta.date = r.daysAgo < 0 ? QDateTime() : kNow.addDays(-r.daysAgo);
            auto id = m_store->insertMessage(m, *run);
            QVERIFY(id.ok());
            ids.insert(r.hash, *id);
        }
        // Another mailbox's message matches every word below but never shows.
        QVERIFY(m_store
                    ->insertMessage(message(other->id, *otherInbox, sha('z'),
                                            QStringLiteral("quarterly report 100% O'Brien")),
                                    *run)
                    .ok());

        auto hashes = [&](const MessageSearch &search) {
            QString found;
            auto page = m_store->searchMessages(mb->id, search);
            if (!page)
                return QStringLiteral("error: ") + page.error().message;
            for (const StoredMessage &m : std::as_const(page->messages))
                found += QChar::fromLatin1(ids.key(m.id));
            return found + QStringLiteral("/%1").arg(page->total);
        };
        auto text = [](const char *words) {
            MessageSearch s;
            s.text = QString::fromUtf8(words);
            return s;
        };

        // Newest first; undated last. Every word must match, in any of the four fields.
        QCOMPARE(hashes(MessageSearch{}), QStringLiteral("cdbeagf/7"));
        QCOMPARE(hashes(text("report")), QStringLiteral("cba/3"));
        QCOMPARE(hashes(text("  QUARTERLY   report ")), QStringLiteral("ba/2"));
        QCOMPARE(hashes(text("report carol")), QStringLiteral("ca/2")); // subject and From
        QCOMPARE(hashes(text("dave@example.net")), QStringLiteral("b/1"));
        QCOMPARE(hashes(text("bob@example.org")), QStringLiteral("cdbeagf/7")); // To of every message
        QCOMPARE(hashes(text("mallory")), QStringLiteral("f/1"));               // Cc
        QCOMPARE(hashes(text("report nowhere")), QStringLiteral("/0"));
        // Non-ASCII letters fold too, whichever case is stored.
        QCOMPARE(hashes(text("übersicht")), QStringLiteral("e/1"));
        QCOMPARE(hashes(text("grüüe")), QStringLiteral("e/1"));
        // % and _ are literal, quotes and backslashes harmless.
        QCOMPARE(hashes(text("%")), QStringLiteral("d/1"));
        QCOMPARE(hashes(text("0%")), QStringLiteral("d/1"));
        QCOMPARE(hashes(text("e_n")), QStringLiteral("d/1"));
        QCOMPARE(hashes(text("_")), QStringLiteral("d/1"));
        QCOMPARE(hashes(text("o'brien's")), QStringLiteral("f/1"));
        QCOMPARE(hashes(text("'")), QStringLiteral("f/1"));
        QCOMPARE(hashes(text("\\")), QStringLiteral("f/1"));
        QCOMPARE(hashes(text("'; DROP TABLE messages; --")), QStringLiteral("/0"));
        QCOMPARE(*m_store->messageCount(mb->id), 7);

        MessageSearch inSent = text("report");
        inSent.folder = QStringLiteral("Sent");
        QCOMPARE(hashes(inSent), QStringLiteral("c/1"));
        inSent.folder = QStringLiteral("sent"); // exact
        QCOMPARE(hashes(inSent), QStringLiteral("/0"));

        MessageSearch paged;
        paged.limit = 2;
        QCOMPARE(hashes(paged), QStringLiteral("cd/7"));
        paged.offset = 2;
        QCOMPARE(hashes(paged), QStringLiteral("be/7"));
        paged.offset = 6;
        QCOMPARE(hashes(paged), QStringLiteral("f/7"));
        paged.offset = 7;
        QCOMPARE(hashes(paged), QStringLiteral("/7"));

        // Full rows, as messageById gives them.
        auto page = m_store->searchMessages(mb->id, text("planning"));
        QVERIFY(page.ok());
        QCOMPARE(page->messages.size(), 1);
        auto byId = m_store->messageById(mb->id, ids.value('g'));
        QVERIFY(byId.ok());
        const StoredMessage &found = page->messages.first();
        QCOMPARE(found.id, byId->id);
        QCOMPARE(found.folder, QStringLiteral("Inbox"));
        QCOMPARE(found.sha256, byId->sha256);
        QCOMPARE(found.meta.subject, QStringLiteral("Planning"));
        QCOMPARE(found.meta.date, byId->meta.date);

        MessageSearch badLimit;
        badLimit.limit = 0;
        auto refused = m_store->searchMessages(mb->id, badLimit);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("limit"));
        MessageSearch badOffset;
        badOffset.offset = -1;
        refused = m_store->searchMessages(mb->id, badOffset);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("offset"));
    }
};

QTEST_GUILESS_MAIN(TestArchiveStore)
#include "TestArchiveStore.moc"
