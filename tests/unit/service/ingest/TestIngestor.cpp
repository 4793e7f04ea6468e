// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "core/common/Sha256.h"
#include "service/ingest/Ingestor.h"
#include "service/store/BlobStore.h"
#include "tests/support/MailFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

// The date every message of this test carries.
const QByteArray kMailDate = "Mon, 04 May 2026 10:00:00 +0000";

int countFiles(const QString &root)
{
    int n = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

class TestIngestor : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ArchiveStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Ingestor> m_ingestor;

    QString storagePath() const { return m_dir->filePath(QStringLiteral("archive")); }
    QString src(const QString &name) const { return m_dir->filePath(QStringLiteral("src/") + name); }

    QList<StoredMessage> messages(qint64 mailboxId) const
    {
        QList<StoredMessage> list;
        const Status st = m_store->forEachMessage(mailboxId, [&list](const StoredMessage &m) -> Status {
            list.append(m);
            return {};
        });
        return st.ok() ? list : QList<StoredMessage>();
    }

    qint64 mailboxId(const QString &address) const
    {
        auto mb = m_store->mailboxByAddress(address);
        return mb.ok() && mb->has_value() ? (*mb)->id : 0;
    }

    Ingestor::Options options(const QString &folder = {}) const
    {
        Ingestor::Options o;
        o.mailbox = QStringLiteral("alice@example.org");
        o.folder = folder;
        return o;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->openSqlite(m_dir->filePath(QStringLiteral("archive.db"))).ok());
        m_store = std::make_unique<ArchiveStore>(*m_db);
        m_clock = std::make_unique<ManualClock>(kNow);
        m_ingestor = std::make_unique<Ingestor>(*m_store, *m_clock, storagePath());
    }
    void cleanup()
    {
        m_ingestor.reset();
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void validAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "alice@example.org" << true;
        QTest::newRow("plus") << "alice+tag@mail.example.org" << true;
        QTest::newRow("no at") << "alice.example.org" << false;
        QTest::newRow("two ats") << "a@b@example.org" << false;
        QTest::newRow("empty local") << "@example.org" << false;
        QTest::newRow("space") << "alice smith@example.org" << false;
        QTest::newRow("slash") << "../etc@example.org" << false;
        QTest::newRow("backslash") << "a\\b@example.org" << false;
        QTest::newRow("dot dot") << "alice@example..org" << false;
        QTest::newRow("empty") << "" << false;
    }
    void validAddress()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QCOMPARE(Ingestor::isValidAddress(address), valid);
    }

    void countsArchivedDuplicatesUnreadable()
    {
        const QString root = src(QStringLiteral("Maildir"));
        QVERIFY(makeMaildir(root));
        QVERIFY(writeFile(root + "/cur/1:2,S", fixtureMail("one", kMailDate)));
        QVERIFY(writeFile(root + "/cur/2:2,S", fixtureMail("two", kMailDate)));
        QVERIFY(writeFile(root + "/cur/3:2,S", fixtureMail("one", kMailDate))); // same bytes, same folder
        QVERIFY(writeFile(root + "/new/4", QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
        QVERIFY(writeFile(root + "/new/5", QByteArray()));
        QVERIFY(writeFile(root + "/new/6", "Dear diary,\nnot a mail at all.\n"));
        QVERIFY(makeMaildir(root + "/.Sent"));
        QVERIFY(writeFile(root + "/.Sent/cur/7:2,S",
                          fixtureMail("one", kMailDate))); // same bytes, other folder: archived

        QList<ArchiveRunCounts> progress;
        auto report = m_ingestor->archive(options(), {root},
                                          [&progress](const ArchiveRunCounts &c) { progress.append(c); });
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report->mailbox, QStringLiteral("alice@example.org"));
        QCOMPARE(report->counts.archived, 3);
        QCOMPARE(report->counts.duplicates, 1);
        QCOMPARE(report->counts.unreadable, 3);
        QCOMPARE(report->counts.bytes,
                 2 * fixtureMail("one", kMailDate).size() + fixtureMail("two", kMailDate).size());
        QCOMPARE(report->problems.size(), 3);
        QStringList reasons;
        for (const auto &p : std::as_const(report->problems)) {
            QVERIFY(p.origin.startsWith(root + "/new/"));
            reasons << p.reason;
        }
        reasons.sort();
        QCOMPARE(reasons, (QStringList{QStringLiteral("empty file"), QStringLiteral("not a mail message"),
                                       QStringLiteral("not a mail message")}));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().archived, 3);

        const qint64 mb = mailboxId(QStringLiteral("alice@example.org"));
        QVERIFY(mb > 0);
        const QList<StoredMessage> stored = messages(mb);
        QCOMPARE(stored.size(), 3);
        QStringList folders;
        for (const StoredMessage &m : stored)
            folders << m.folder;
        folders.sort();
        QCOMPARE(folders,
                 (QStringList{QStringLiteral("Inbox"), QStringLiteral("Inbox"), QStringLiteral("Sent")}));
        // Content stored once per SHA-256: two blobs for three messages.
        QCOMPARE(countFiles(storagePath()), 2);
        const StoredMessage &first = stored.at(0);
        QCOMPARE(first.meta.subject, QStringLiteral("one"));
        QCOMPARE(first.meta.messageId, QStringLiteral("one@example.org"));
        QVERIFY(first.meta.from.contains(QStringLiteral("alice@example.org")));
        QCOMPARE(first.meta.date, QDateTime::fromString(QStringLiteral("2026-05-04T10:00:00Z"), Qt::ISODate));
        QCOMPARE(first.archivedAt, kNow);
        QCOMPARE(first.size, fixtureMail("one", kMailDate).size());
        QCOMPARE(first.sha256, Sha256::hex(fixtureMail("one", kMailDate)));

        auto run =
            m_db->exec(QStringLiteral("SELECT status, archived, duplicates, unreadable, bytes, started_at"
                                      " FROM archive_runs WHERE id = ?"),
                       {report->runId});
        QVERIFY(run && run->next());
        QCOMPARE(run->value(0).toString(), QStringLiteral("done"));
        QCOMPARE(run->value(1).toInt(), 3);
        QCOMPARE(run->value(2).toInt(), 1);
        QCOMPARE(run->value(3).toInt(), 3);
        QCOMPARE(run->value(4).toLongLong(), report->counts.bytes);
        QCOMPARE(fromDbTime(run->value(5)), kNow);

        const QJsonObject json = report->toJson();
        QCOMPARE(json.value(QStringLiteral("archived")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("problems")).toArray().size(), 3);
    }

    void reimportIsNoOp()
    {
        const QString root = src(QStringLiteral("Maildir"));
        QVERIFY(makeMaildir(root));
        for (int i = 0; i < 4; ++i)
            QVERIFY(writeFile(root + QStringLiteral("/cur/%1:2,S").arg(i),
                              fixtureMail("m" + QByteArray::number(i), kMailDate)));
        QVERIFY(writeFile(src(QStringLiteral("extra.mbox")),
                          "From x@y Mon May  4 10:00:00 2026\n" + fixtureMail("mbox", kMailDate) + "\n"));
        const QStringList paths{root, src(QStringLiteral("extra.mbox"))};
        auto first = m_ingestor->archive(options(), paths);
        QVERIFY(first.ok());
        QCOMPARE(first->counts.archived, 5);
        const qint64 mb = mailboxId(QStringLiteral("alice@example.org"));
        const QList<StoredMessage> before = messages(mb);
        const int blobs = countFiles(storagePath());
        QCOMPARE(blobs, 5);

        m_clock->advance(3600 * 1000);
        auto second = m_ingestor->archive(options(), paths);
        QVERIFY(second.ok());
        QVERIFY(second->runId != first->runId);
        QCOMPARE(second->counts.archived, 0);
        QCOMPARE(second->counts.duplicates, 5);
        QCOMPARE(second->counts.unreadable, 0);
        QCOMPARE(second->counts.bytes, 0);
        const QList<StoredMessage> after = messages(mb);
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).id, before.at(i).id);
            QCOMPARE(after.at(i).archivedAt, kNow);
        }
        QCOMPARE(countFiles(storagePath()), blobs);
    }

    void brokenMailArchivedAsIs()
    {
        // Headers first, then a MIME structure that never ends and bytes that are no charset at all.
        const QByteArray broken = "From: =?utf-8?B?broken\r\n"
                                  "Subject: \xff\xfe invalid\r\n"
                                  "Content-Type: multipart/mixed; boundary=\"never\"\r\n"
                                  "Date: not a date\r\n"
                                  "\r\n"
                                  "--never\r\n"
                                  "Content-Type: text/plain\r\n"
                                  "\r\n"
                                  "\x80\x81 truncated";
        QVERIFY(writeFile(src(QStringLiteral("broken.eml")), broken));
        auto report = m_ingestor->archive(options(), {src(QStringLiteral("broken.eml"))});
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report->counts.archived, 1);
        QCOMPARE(report->counts.unreadable, 0);
        const QList<StoredMessage> stored = messages(mailboxId(QStringLiteral("alice@example.org")));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).folder, QStringLiteral("Inbox"));
        QCOMPARE(stored.at(0).sha256, Sha256::hex(broken));
        QVERIFY(!stored.at(0).meta.date.isValid());
        BlobStore blobs(storagePath());
        auto content = blobs.get(stored.at(0).sha256);
        QVERIFY(content.ok());
        QCOMPARE(*content, broken);
    }

    void binaryFileReportedAndSkipped()
    {
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char(i * 7);
        QVERIFY(writeFile(src(QStringLiteral("dir/image.jpg")), binary));
        QVERIFY(writeFile(src(QStringLiteral("dir/ok.eml")), fixtureMail("ok", kMailDate)));
        auto report = m_ingestor->archive(options(), {src(QStringLiteral("dir"))});
        QVERIFY(report.ok());
        QCOMPARE(report->counts.archived, 1);
        QCOMPARE(report->counts.unreadable, 1);
        QCOMPARE(report->problems.size(), 1);
        QCOMPARE(report->problems.at(0).origin, src(QStringLiteral("dir/image.jpg")));
        QCOMPARE(report->problems.at(0).reason, QStringLiteral("not a mail message"));
        QCOMPARE(countFiles(storagePath()), 1);
    }

    void invalidInput_data()
    {
        QTest::addColumn<QString>("mailbox");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<bool>("pathExists");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad address") << "not-an-address"
                                     << "" << true << int(ErrorCategory::Invalid) << "mailbox";
        QTest::newRow("empty address") << ""
                                       << "" << true << int(ErrorCategory::Invalid) << "mailbox";
        QTest::newRow("bad folder") << "alice@example.org"
                                    << "/abs" << true << int(ErrorCategory::Invalid) << "folder";
        QTest::newRow("folder with //") << "alice@example.org"
                                        << "a//b" << true << int(ErrorCategory::Invalid) << "folder";
        QTest::newRow("missing path") << "alice@example.org"
                                      << "" << false << int(ErrorCategory::NotFound) << "";
    }
    void invalidInput()
    {
        QFETCH(QString, mailbox);
        QFETCH(QString, folder);
        QFETCH(bool, pathExists);
        QFETCH(int, category);
        QFETCH(QString, field);
        QVERIFY(writeFile(src(QStringLiteral("a.eml")), fixtureMail("a", kMailDate)));
        Ingestor::Options o = options(folder);
        o.mailbox = mailbox;
        auto report =
            m_ingestor->archive(o, {pathExists ? src(QStringLiteral("a.eml")) : src(QStringLiteral("gone"))});
        QVERIFY(!report);
        QCOMPARE(int(report.error().category), category);
        QCOMPARE(report.error().field, field);
        // Nothing was created.
        QVERIFY(m_store->mailboxes()->isEmpty());
        QVERIFY(!QFileInfo::exists(storagePath()));
    }

    void noPaths()
    {
        auto report = m_ingestor->archive(options(), {});
        QVERIFY(!report);
        QCOMPARE(report.error().category, ErrorCategory::Invalid);
    }

    void addressNormalised()
    {
        QVERIFY(writeFile(src(QStringLiteral("a.eml")), fixtureMail("a", kMailDate)));
        Ingestor::Options o = options();
        o.mailbox = QStringLiteral("Alice@Example.ORG");
        auto report = m_ingestor->archive(o, {src(QStringLiteral("a.eml"))});
        QVERIFY(report.ok());
        QCOMPARE(report->mailbox, QStringLiteral("alice@example.org"));
        QVERIFY(mailboxId(QStringLiteral("alice@example.org")) > 0);
        QCOMPARE(m_store->mailboxes()->size(), 1);
    }

    void folderKind_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("forced");
        QTest::addColumn<FolderKind>("expected");
        QTest::newRow("Contacts guessed") << "Contacts"
                                          << "" << FolderKind::Contacts;
        QTest::newRow("Kalender guessed") << "Shared/Kalender"
                                          << "" << FolderKind::Calendar;
        QTest::newRow("Inbox is mail") << "Inbox"
                                       << "" << FolderKind::Mail;
        QTest::newRow("forced notes") << "Inbox"
                                      << "notes" << FolderKind::Notes;
        QTest::newRow("forced mail") << "Contacts"
                                     << "mail" << FolderKind::Mail;
    }
    void folderKind()
    {
        QFETCH(QString, folder);
        QFETCH(QString, forced);
        QFETCH(FolderKind, expected);
        QVERIFY(writeFile(src(QStringLiteral("a.eml")), fixtureMail("a", kMailDate)));
        Ingestor::Options o = options(folder);
        if (!forced.isEmpty())
            o.folderKind = folderKindFromName(forced);
        auto report = m_ingestor->archive(o, {src(QStringLiteral("a.eml"))});
        QVERIFY(report.ok());
        const QList<StoredMessage> stored = messages(mailboxId(QStringLiteral("alice@example.org")));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).folder, folder);
        QCOMPARE(stored.at(0).folderKind, expected);
    }

    void folderKindGuessedFromSource()
    {
        const QString root = src(QStringLiteral("Maildir"));
        QVERIFY(makeMaildir(root));
        QVERIFY(writeFile(root + "/cur/1:2,S", fixtureMail("inbox", kMailDate)));
        QVERIFY(makeMaildir(root + "/.Contacts"));
        QVERIFY(writeFile(root + "/.Contacts/cur/2:2,S", fixtureMail("vcard", kMailDate)));
        auto report = m_ingestor->archive(options(), {root});
        QVERIFY(report.ok());
        QMap<QString, FolderKind> kinds;
        for (const StoredMessage &m : messages(mailboxId(QStringLiteral("alice@example.org"))))
            kinds.insert(m.folder, m.folderKind);
        QCOMPARE(kinds.value(QStringLiteral("Inbox")), FolderKind::Mail);
        QCOMPARE(kinds.value(QStringLiteral("Contacts")), FolderKind::Contacts);
    }

    void unknownStorage()
    {
        QVERIFY(writeFile(src(QStringLiteral("a.eml")), fixtureMail("a", kMailDate)));
        Ingestor::Options o = options();
        o.storage = QStringLiteral("nope");
        auto report = m_ingestor->archive(o, {src(QStringLiteral("a.eml"))});
        QVERIFY(!report);
        QCOMPARE(report.error().category, ErrorCategory::NotFound);
        QVERIFY(report.errorString().contains(QStringLiteral("nope")));
        // A refused command leaves no mailbox behind.
        QCOMPARE(mailboxId(QStringLiteral("alice@example.org")), 0);
    }

    void namedStorage()
    {
        const QString otherPath = m_dir->filePath(QStringLiteral("second"));
        auto second = m_store->ensureStorage(QStringLiteral("second"), StorageKind::Disk, otherPath);
        QVERIFY(second.ok());
        QVERIFY(writeFile(src(QStringLiteral("a.eml")), fixtureMail("a", kMailDate)));
        Ingestor::Options o = options();
        o.storage = QStringLiteral("second");
        auto report = m_ingestor->archive(o, {src(QStringLiteral("a.eml"))});
        QVERIFY(report.ok());
        const QList<StoredMessage> stored = messages(mailboxId(QStringLiteral("alice@example.org")));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).storageId, second->id);
        QVERIFY(BlobStore(otherPath).contains(stored.at(0).sha256));
        QVERIFY(!BlobStore(storagePath()).contains(stored.at(0).sha256));

        // Then the mailbox's default storage is used again when none is named.
        QVERIFY(writeFile(src(QStringLiteral("b.eml")), fixtureMail("b", kMailDate)));
        auto next = m_ingestor->archive(options(), {src(QStringLiteral("b.eml"))});
        QVERIFY(next.ok());
        QVERIFY(BlobStore(storagePath()).contains(Sha256::hex(fixtureMail("b", kMailDate))));
    }

    void batchesCommitted()
    {
        for (int i = 0; i < 7; ++i)
            QVERIFY(writeFile(src(QStringLiteral("many/%1.eml").arg(i)),
                              fixtureMail("b" + QByteArray::number(i), kMailDate)));
        Ingestor::Options o = options();
        o.batchSize = 2;
        QList<int> progress;
        auto report =
            m_ingestor->archive(o, {src(QStringLiteral("many"))},
                                [&progress](const ArchiveRunCounts &c) { progress.append(c.archived); });
        QVERIFY(report.ok());
        QCOMPARE(report->counts.archived, 7);
        QCOMPARE(progress, (QList<int>{2, 4, 6, 7}));
        QCOMPARE(*m_store->messageCount(mailboxId(QStringLiteral("alice@example.org"))), 7);
        // The connection is left without an open transaction: a new one starts cleanly.
        Transaction tx(*m_db);
        QVERIFY(tx.status().ok());
    }
};

QTEST_GUILESS_MAIN(TestIngestor)
#include "TestIngestor.moc"
