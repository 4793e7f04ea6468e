// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"
#include "core/localstore/MailboxStore.h"
#include "core/localstore/MessageCipher.h"
#include "core/mime/MessageParser.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ArchiveSync;

namespace {

const QString kIndexSegment = QString(64, QLatin1Char('a'));
const QString kBodySegment = QString(64, QLatin1Char('b'));
// Words of a sentence with spaces and capitals: the index keeps each word as a lower-case term,
// so the sentence itself appears in no file unless the text was stored.
const QByteArray kBodyMarker = "Quietly The Zebra-7731 Sings Beneath Xylophone Moons";

struct Mail
{
    qint64 id = 0;
    QString folder = QStringLiteral("Inbox");
    QString from = QStringLiteral("Alice Example <alice@example.org>");
    QString to = QStringLiteral("bob@example.org");
    QString cc;
    QString subject = QStringLiteral("Hello");
    QDateTime date = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
    QByteArray body = "Hello there.\n";
};

QByteArray rawMail(const Mail &m)
{
    QByteArray raw = "From: " + m.from.toUtf8() + "\nTo: " + m.to.toUtf8() + "\n";
    if (!m.cc.isEmpty())
        raw += "Cc: " + m.cc.toUtf8() + "\n";
    raw += "Subject: " + m.subject.toUtf8() + "\nMessage-ID: <" + QByteArray::number(m.id) +
           "@example.org>\nDate: " + m.date.toString(Qt::RFC2822Date).toLatin1() +
           "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + m.body;
    return raw;
}

IndexRecord recordFor(const Mail &m, IndexRecord::Content content)
{
    const QByteArray raw = rawMail(m);
    IndexRecord r;
    r.type = IndexRecord::Type::Message;
    r.id = m.id;
    r.folder = m.folder;
    r.folderKind = QStringLiteral("mail");
    r.messageId = QString::number(m.id) + QStringLiteral("@example.org");
    r.from = m.from;
    r.to = m.to;
    r.cc = m.cc;
    r.subject = m.subject;
    r.date = m.date;
    r.size = raw.size();
    r.sha256 = Sha256::hex(raw);
    r.content = content;
    if (content == IndexRecord::Content::Whole) {
        r.entry = IndexRecord::wholeEntryName(m.id);
        r.entrySize = raw.size();
        r.entrySha256 = r.sha256;
    } else {
        const QByteArray header = raw.left(MessageParser::headerBlockLength(raw));
        r.entry = IndexRecord::headersEntryName(m.id);
        r.entrySize = header.size();
        r.entrySha256 = Sha256::hex(header);
    }
    return r;
}

QByteArray headerBlock(const Mail &m)
{
    const QByteArray raw = rawMail(m);
    return raw.left(MessageParser::headerBlockLength(raw));
}

IndexRecord bodyRecordFor(const Mail &m)
{
    const QByteArray raw = rawMail(m);
    IndexRecord r;
    r.type = IndexRecord::Type::Body;
    r.id = m.id;
    r.content = IndexRecord::Content::Whole;
    r.entry = IndexRecord::wholeEntryName(m.id);
    r.entrySize = raw.size();
    r.entrySha256 = Sha256::hex(raw);
    return r;
}

QList<qint64> ids(const QList<LocalMessage> &messages)
{
    QList<qint64> result;
    for (const LocalMessage &m : messages)
        result << m.id;
    return result;
}

} // namespace

class TestMailboxStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<MessageCipher> m_cipher;
    std::unique_ptr<MailboxStore> m_store;

    QString storeDir() const { return m_tmp->filePath(QStringLiteral("mbx")); }

    std::unique_ptr<MailboxStore> openStore(const MessageCipher &cipher)
    {
        auto opened = MailboxStore::open(storeDir(), cipher);
        if (!opened) {
            qWarning("open failed: %s", qPrintable(opened.errorString()));
            return {};
        }
        return std::move(opened).value();
    }

    QList<qint64> find(const QString &text)
    {
        auto query = SearchQuery::parse(text);
        if (!query) {
            qWarning("bad query %s: %s", qPrintable(text), qPrintable(query.errorString()));
            return {-1};
        }
        auto found = m_store->search(*query, 100);
        if (!found) {
            qWarning("search %s failed: %s", qPrintable(text), qPrintable(found.errorString()));
            return {-2};
        }
        QList<qint64> result = ids(*found);
        std::sort(result.begin(), result.end());
        return result;
    }

    bool add(const Mail &m, IndexRecord::Content content = IndexRecord::Content::Whole)
    {
        const QByteArray bytes = content == IndexRecord::Content::Whole ? rawMail(m) : headerBlock(m);
        const Status st = m_store->addMessage(recordFor(m, content), bytes, kIndexSegment);
        if (!st)
            qWarning("addMessage %lld: %s", m.id, qPrintable(st.errorString()));
        return st.ok();
    }

    void addSearchCorpus()
    {
        Mail m1;
        m1.id = 1;
        m1.subject = QStringLiteral("Quarterly budget review");
        m1.body = "The numbers for the harbour project look fine.\n";
        m1.date = QDateTime(QDate(2026, 1, 15), QTime(8, 0), Qt::UTC);
        Mail m2;
        m2.id = 2;
        m2.folder = QStringLiteral("Projects/Alpha");
        m2.from = QStringLiteral("Carol <carol@example.net>");
        m2.to = QStringLiteral("dave@example.net");
        m2.cc = QStringLiteral("erin@example.com");
        m2.subject = QStringLiteral("Harbour kickoff");
        m2.body = "Let us meet at the old lighthouse on Friday.\n";
        m2.date = QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC);
        Mail m3;
        m3.id = 3;
        m3.folder = QStringLiteral("Projects");
        m3.subject = QStringLiteral("Lighthouse photos");
        m3.body = "Photos from the lighthouse trip, and the budget.\n";
        m3.date = QDateTime(QDate(2026, 2, 28), QTime(23, 59), Qt::UTC);
        Mail m4;
        m4.id = 4;
        m4.folder = QStringLiteral("Projectsold");
        m4.from = QStringLiteral("Frank <frank@example.com>");
        m4.subject = QStringLiteral("Old lighthouse");
        m4.body = "An old note about the lighthouse of the old harbour.\n";
        m4.date = QDateTime();
        QVERIFY(m_store->beginApply().ok());
        QVERIFY(add(m1));
        QVERIFY(add(m2));
        QVERIFY(add(m3));
        QVERIFY(add(m4));
        QVERIFY(m_store->commitApply().ok());
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_cipher = std::make_unique<MessageCipher>(MessageCipher::generateKey());
        m_store = openStore(*m_cipher);
        QVERIFY(m_store);
    }
    void cleanup()
    {
        m_store.reset();
        m_cipher.reset();
        m_tmp.reset();
    }

    void createsPrivateFiles()
    {
        Mail m;
        m.id = 1;
        QVERIFY(add(m)); // the first commit creates -wal and -shm
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(storeDir()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
        const QStringList files = QDir(storeDir()).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(files.contains(QStringLiteral("mailbox.db-wal")), qPrintable(files.join(u',')));
        for (const QString &name : files) {
            QCOMPARE(::stat(QFile::encodeName(QDir(storeDir()).filePath(name)).constData(), &info), 0);
            QVERIFY2((info.st_mode & 0777) == 0600, qPrintable(name));
        }
    }

    void valuesPersist()
    {
        QVERIFY(m_store->setValue(QStringLiteral("generation"), QStringLiteral("3")).ok());
        QVERIFY(m_store->setValue(QStringLiteral("generation"), QStringLiteral("4")).ok());
        QCOMPARE(m_store->value(QStringLiteral("generation")), QStringLiteral("4"));
        QVERIFY(m_store->value(QStringLiteral("missing")).isNull());
        m_store.reset();
        m_store = openStore(*m_cipher);
        QVERIFY(m_store);
        QCOMPARE(m_store->value(QStringLiteral("generation")), QStringLiteral("4"));
    }

    void anotherKeyIsRefused()
    {
        m_store.reset();
        MessageCipher other(MessageCipher::generateKey());
        auto opened = MailboxStore::open(storeDir(), other);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().category, ErrorCategory::Corrupt);
        m_store = openStore(*m_cipher);
        QVERIFY(m_store);
    }

    void segments()
    {
        SegmentInfo s1{1, kIndexSegment, SegmentKind::Index, {}, 100, 3, 0, {}};
        SegmentInfo s2{2, kBodySegment, SegmentKind::Bodies, QStringLiteral("Inbox"), 100, 3, 0, {}};
        QVERIFY(m_store->recordSegment(s1).ok());
        QVERIFY(m_store->recordSegment(s2).ok());
        QCOMPARE(*m_store->appliedSegments(), (QSet<QString>{kIndexSegment, kBodySegment}));
        QVERIFY(m_store->forgetSegment(kBodySegment).ok());
        QCOMPARE(*m_store->appliedSegments(), QSet<QString>{kIndexSegment});
    }

    void addAndRead()
    {
        Mail m;
        m.id = 42;
        m.cc = QStringLiteral("carol@example.org");
        QVERIFY(add(m));
        auto message = m_store->message(42);
        QVERIFY(message.ok());
        QCOMPARE(message->id, qint64(42));
        QCOMPARE(message->folder, QStringLiteral("Inbox"));
        QCOMPARE(message->from, m.from);
        QCOMPARE(message->to, m.to);
        QCOMPARE(message->cc, m.cc);
        QCOMPARE(message->subject, m.subject);
        QCOMPARE(message->date, m.date);
        QCOMPARE(message->sha256, Sha256::hex(rawMail(m)));
        QVERIFY(message->whole);
        QCOMPARE(*m_store->messageBytes(42), rawMail(m));
        QCOMPARE(*m_store->messageCount(), qint64(1));
        QCOMPARE(m_store->message(7).error().category, ErrorCategory::NotFound);
        QCOMPARE(m_store->messageBytes(7).error().category, ErrorCategory::NotFound);
    }

    void bytesMustMatchTheirHash()
    {
        Mail m;
        m.id = 5;
        IndexRecord record = recordFor(m, IndexRecord::Content::Whole);
        const Status st = m_store->addMessage(record, rawMail(m) + "x", kIndexSegment);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Corrupt);
        QCOMPARE(*m_store->messageCount(), qint64(0));
        IndexRecord tombstone;
        tombstone.type = IndexRecord::Type::Tombstone;
        tombstone.id = 6;
        QCOMPARE(m_store->addMessage(tombstone, {}, kIndexSegment).error().category, ErrorCategory::Invalid);
    }

    void search_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("word in subject or body") << "harbour" << QList<qint64>{1, 2, 4};
        QTest::newRow("word in body only") << "numbers" << QList<qint64>{1};
        QTest::newRow("word in several") << "lighthouse" << QList<qint64>{2, 3, 4};
        QTest::newRow("two words") << "lighthouse budget" << QList<qint64>{3};
        QTest::newRow("case and diacritics") << "LÍGHTHOUSE" << QList<qint64>{2, 3, 4};
        QTest::newRow("phrase") << "\"old lighthouse\"" << QList<qint64>{2, 4};
        QTest::newRow("phrase not adjacent") << "\"lighthouse old\"" << QList<qint64>{};
        QTest::newRow("from name") << "from:carol" << QList<qint64>{2};
        QTest::newRow("from address") << "from:frank@example.com" << QList<qint64>{4};
        QTest::newRow("from is not subject") << "from:budget" << QList<qint64>{};
        QTest::newRow("to") << "to:dave" << QList<qint64>{2};
        QTest::newRow("to finds cc") << "to:erin" << QList<qint64>{2};
        QTest::newRow("to all bob") << "to:bob" << QList<qint64>{1, 3, 4};
        QTest::newRow("subject") << "subject:lighthouse" << QList<qint64>{3, 4};
        QTest::newRow("subject phrase") << "subject:\"budget review\"" << QList<qint64>{1};
        QTest::newRow("folder and subfolders") << "folder:projects" << QList<qint64>{2, 3};
        QTest::newRow("subfolder only") << "folder:Projects/ALPHA" << QList<qint64>{2};
        QTest::newRow("folder with word") << "folder:Projects lighthouse" << QList<qint64>{2, 3};
        QTest::newRow("unknown folder") << "folder:Nowhere" << QList<qint64>{};
        QTest::newRow("after inclusive") << "after:2026-02-01" << QList<qint64>{2, 3};
        QTest::newRow("before exclusive") << "before:2026-02-01" << QList<qint64>{1};
        QTest::newRow("date range with word")
            << "lighthouse after:2026-01-01 before:2026-03-01" << QList<qint64>{2, 3};
        QTest::newRow("injection quoted") << "\"harbour\" OR lighthouse*" << QList<qint64>{};
        QTest::newRow("column syntax quoted") << "body:harbour" << QList<qint64>{};
        QTest::newRow("quote inside") << "harbour\"\"" << QList<qint64>{-1};
        QTest::newRow("no letters matches nothing") << "\"!!!\"" << QList<qint64>{};
    }
    void search()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expected);
        addSearchCorpus();
        QCOMPARE(find(query), expected);
    }

    void searchOrdersBestFirstThenNewest()
    {
        addSearchCorpus();
        auto found = m_store->search(*SearchQuery::parse(QStringLiteral("folder:Projects")), 10);
        QVERIFY(found.ok());
        QCOMPARE(ids(*found), (QList<qint64>{3, 2}));
        found = m_store->search(*SearchQuery::parse(QStringLiteral("lighthouse")), 1);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        // Subject matches weigh more than text matches.
        QVERIFY(found->first().id == 3 || found->first().id == 4);
    }

    void foldersAndMessages()
    {
        addSearchCorpus();
        Mail headersOnly;
        headersOnly.id = 5;
        headersOnly.date = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(add(headersOnly, IndexRecord::Content::Headers));
        auto folders = m_store->folders();
        QVERIFY(folders.ok());
        QCOMPARE(*folders,
                 (QList<LocalFolder>{{QStringLiteral("Inbox"), QStringLiteral("mail"), 2, 1},
                                     {QStringLiteral("Projects"), QStringLiteral("mail"), 1, 1},
                                     {QStringLiteral("Projects/Alpha"), QStringLiteral("mail"), 1, 1},
                                     {QStringLiteral("Projectsold"), QStringLiteral("mail"), 1, 1}}));
        QCOMPARE(ids(*m_store->messages(QStringLiteral("Inbox"), 10, 0)), (QList<qint64>{5, 1}));
        QCOMPARE(ids(*m_store->messages(QStringLiteral("Inbox"), 1, 1)), QList<qint64>{1});
        QCOMPARE(ids(*m_store->messages(QString(), 10, 0)), (QList<qint64>{5, 3, 2, 1, 4}));
    }

    void replaceUpdatesIndex()
    {
        Mail m;
        m.id = 9;
        m.subject = QStringLiteral("First version");
        m.body = "alphaword appears here\n";
        QVERIFY(add(m));
        QCOMPARE(find(QStringLiteral("alphaword")), QList<qint64>{9});
        m.subject = QStringLiteral("Second version");
        m.body = "betaword replaces it\n";
        QVERIFY(add(m));
        QCOMPARE(find(QStringLiteral("alphaword")), QList<qint64>{});
        QCOMPARE(find(QStringLiteral("subject:first")), QList<qint64>{});
        QCOMPARE(find(QStringLiteral("betaword subject:second")), QList<qint64>{9});
        QCOMPARE(*m_store->messageCount(), qint64(1));
        QVERIFY2(m_store->integrityCheck().ok(), qPrintable(m_store->integrityCheck().errorString()));
    }

    void headersThenBody()
    {
        Mail m;
        m.id = 11;
        m.subject = QStringLiteral("Partial");
        m.body = "gammaword only in the body\n";
        QVERIFY(add(m, IndexRecord::Content::Bodies));
        QVERIFY(!m_store->message(11)->whole);
        QCOMPARE(*m_store->messageBytes(11), headerBlock(m));
        QCOMPARE(find(QStringLiteral("gammaword")), QList<qint64>{});
        QCOMPARE(find(QStringLiteral("partial")), QList<qint64>{11});

        IndexRecord wrong = bodyRecordFor(m);
        Status st = m_store->addBody(wrong, rawMail(m) + "tampered", kBodySegment);
        QCOMPARE(st.error().category, ErrorCategory::Corrupt);

        QVERIFY(m_store->addBody(bodyRecordFor(m), rawMail(m), kBodySegment).ok());
        QVERIFY(m_store->message(11)->whole);
        QCOMPARE(*m_store->messageBytes(11), rawMail(m));
        QCOMPARE(find(QStringLiteral("gammaword")), QList<qint64>{11});
        QCOMPARE(find(QStringLiteral("partial")), QList<qint64>{11});
        // The same body again changes nothing.
        QVERIFY(m_store->addBody(bodyRecordFor(m), rawMail(m), kBodySegment).ok());
        QCOMPARE(find(QStringLiteral("gammaword")), QList<qint64>{11});

        Mail absent;
        absent.id = 12;
        QVERIFY(m_store->addBody(bodyRecordFor(absent), rawMail(absent), kBodySegment).ok());
        QCOMPARE(*m_store->messageCount(), qint64(1));
        QVERIFY(m_store->integrityCheck().ok());
        QVERIFY(m_store->verify()->isEmpty());
    }

    void tombstoneRemoves()
    {
        addSearchCorpus();
        QCOMPARE(find(QStringLiteral("harbour")), (QList<qint64>{1, 2, 4}));
        QVERIFY(m_store->beginApply().ok());
        QVERIFY(m_store->removeMessage(4).ok());
        QVERIFY(m_store->removeMessage(4).ok());
        QVERIFY(m_store->removeMessage(1000).ok());
        QVERIFY(m_store->commitApply().ok());
        QCOMPARE(find(QStringLiteral("harbour")), (QList<qint64>{1, 2}));
        QCOMPARE(find(QStringLiteral("from:frank")), QList<qint64>{});
        QCOMPARE(m_store->message(4).error().category, ErrorCategory::NotFound);
        QCOMPARE(*m_store->messageCount(), qint64(3));
        QVERIFY(m_store->integrityCheck().ok());
    }

    void rollbackLeavesNothing()
    {
        QVERIFY(m_store->beginApply().ok());
        QCOMPARE(m_store->beginApply().error().category, ErrorCategory::Conflict);
        Mail m;
        m.id = 1;
        m.body = "rollbackword\n";
        QVERIFY(add(m));
        QVERIFY(m_store->recordSegment({1, kIndexSegment, SegmentKind::Index, {}, 10, 1, 0, {}}).ok());
        QVERIFY(m_store->setValue(QStringLiteral("revision"), QStringLiteral("7")).ok());
        m_store->rollbackApply();
        QCOMPARE(*m_store->messageCount(), qint64(0));
        QVERIFY(m_store->appliedSegments()->isEmpty());
        QVERIFY(m_store->value(QStringLiteral("revision")).isEmpty());
        QCOMPARE(find(QStringLiteral("rollbackword")), QList<qint64>{});
        QVERIFY(m_store->integrityCheck().ok());
        QCOMPARE(m_store->commitApply().error().category, ErrorCategory::Conflict);
        // The store is usable afterwards.
        QVERIFY(add(m));
        QCOMPARE(find(QStringLiteral("rollbackword")), QList<qint64>{1});
    }

    void verifyFindsTamperedData()
    {
        addSearchCorpus();
        Mail headersOnly;
        headersOnly.id = 5;
        QVERIFY(add(headersOnly, IndexRecord::Content::Headers));
        QVERIFY(m_store->verify()->isEmpty());
        QVERIFY(m_store->integrityCheck().ok());

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(QDir(storeDir()).filePath(QStringLiteral("mailbox.db")));
            QVERIFY(db.open());
            for (qint64 id : {1, 3, 5}) {
                QSqlQuery q(db);
                QVERIFY(q.prepare(QStringLiteral("SELECT data FROM messages WHERE id = ?")));
                q.addBindValue(id);
                QVERIFY(q.exec() && q.next());
                QByteArray data = q.value(0).toByteArray();
                data[data.size() / 2] = static_cast<char>(data.at(data.size() / 2) ^ 0x01);
                q.finish();
                QSqlQuery u(db);
                QVERIFY(u.prepare(QStringLiteral("UPDATE messages SET data = ? WHERE id = ?")));
                u.addBindValue(data);
                u.addBindValue(id);
                QVERIFY(u.exec());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

        auto damaged = m_store->verify();
        QVERIFY(damaged.ok());
        QCOMPARE(damaged->size(), 3);
        QCOMPARE(damaged->at(0).id, qint64(1));
        QCOMPARE(damaged->at(0).indexSegment, kIndexSegment);
        QVERIFY(damaged->at(0).bodySegment.isEmpty());
        QVERIFY(!damaged->at(0).reason.isEmpty());
        QCOMPARE(damaged->at(1).id, qint64(3));
        QCOMPARE(damaged->at(2).id, qint64(5));
        QCOMPARE(m_store->messageBytes(3).error().category, ErrorCategory::Corrupt);

        // Repair restores the bytes without disturbing the index.
        Mail m3;
        m3.id = 3;
        m3.folder = QStringLiteral("Projects");
        m3.subject = QStringLiteral("Lighthouse photos");
        m3.body = "Photos from the lighthouse trip, and the budget.\n";
        m3.date = QDateTime(QDate(2026, 2, 28), QTime(23, 59), Qt::UTC);
        QCOMPARE(m_store->repairMessage(3, "wrong bytes", true).error().category, ErrorCategory::Corrupt);
        QVERIFY(m_store->repairMessage(3, rawMail(m3), true).ok());
        QCOMPARE(*m_store->messageBytes(3), rawMail(m3));
        QCOMPARE(find(QStringLiteral("photos")), QList<qint64>{3});

        // Damaged messages can still go: the index is rebuilt around one whose text is lost.
        QVERIFY(m_store->removeMessage(1).ok());
        QVERIFY(m_store->removeMessage(5).ok());
        QVERIFY(m_store->verify()->isEmpty());
        QVERIFY2(m_store->integrityCheck().ok(), qPrintable(m_store->integrityCheck().errorString()));
        QCOMPARE(find(QStringLiteral("lighthouse")), (QList<qint64>{2, 3, 4}));
        QCOMPARE(find(QStringLiteral("harbour")), (QList<qint64>{2, 4}));
    }

    void repairWithWholeBytesCompletesTheMessage()
    {
        Mail m;
        m.id = 21;
        m.body = "epsilonword in the body\n";
        QVERIFY(add(m, IndexRecord::Content::Headers));
        QCOMPARE(find(QStringLiteral("epsilonword")), QList<qint64>{});
        QVERIFY(m_store->repairMessage(21, headerBlock(m), false).ok());
        QCOMPARE(find(QStringLiteral("epsilonword")), QList<qint64>{});
        QVERIFY(m_store->repairMessage(21, rawMail(m), true).ok());
        QVERIFY(m_store->message(21)->whole);
        QCOMPARE(find(QStringLiteral("epsilonword")), QList<qint64>{21});
        QCOMPARE(m_store->repairMessage(22, rawMail(m), true).error().category, ErrorCategory::NotFound);
        QVERIFY(m_store->integrityCheck().ok());
        QVERIFY(m_store->verify()->isEmpty());
    }

    void damagedWholeMessageReplaced()
    {
        addSearchCorpus();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper2"));
            db.setDatabaseName(QDir(storeDir()).filePath(QStringLiteral("mailbox.db")));
            QVERIFY(db.open());
            QSqlQuery u(db);
            QVERIFY(u.exec(QStringLiteral("UPDATE messages SET data = zeroblob(10) WHERE id = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper2"));
        Mail m;
        m.id = 1;
        m.body = "deltaword now\n";
        QVERIFY(add(m));
        QCOMPARE(find(QStringLiteral("deltaword")), QList<qint64>{1});
        QCOMPARE(find(QStringLiteral("harbour")), (QList<qint64>{2, 4}));
        QVERIFY(m_store->integrityCheck().ok());
    }

    void noPlaintextOnDisk()
    {
        Mail m;
        m.id = 77;
        m.body = "Dear Bob,\n" + kBodyMarker + "\nRegards\n";
        QVERIFY(add(m));
        Mail h;
        h.id = 78;
        h.body = kBodyMarker + "\n";
        QVERIFY(add(h, IndexRecord::Content::Headers));
        QCOMPARE(find(QStringLiteral("xylophone")), QList<qint64>{77});
        QStringList checked;
        for (const QString &name : QDir(storeDir()).entryList(QDir::Files | QDir::Hidden)) {
            QFile file(QDir(storeDir()).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(kBodyMarker), qPrintable(name));
            QVERIFY2(!content.contains("Dear Bob"), qPrintable(name));
            // The search index holds keyed hashes of words, not the words.
            QVERIFY2(!content.contains("xylophone"), qPrintable(name));
            checked << name;
        }
        QVERIFY2(checked.contains(QStringLiteral("mailbox.db-wal")), qPrintable(checked.join(u',')));
        // After a checkpoint the pages are in the main file: still sealed.
        m_store.reset();
        QFile db(QDir(storeDir()).filePath(QStringLiteral("mailbox.db")));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(kBodyMarker));
    }

    void reopenKeepsEverything()
    {
        addSearchCorpus();
        m_store.reset();
        m_store = openStore(*m_cipher);
        QVERIFY(m_store);
        QCOMPARE(*m_store->messageCount(), qint64(4));
        QCOMPARE(find(QStringLiteral("harbour")), (QList<qint64>{1, 2, 4}));
        QVERIFY(m_store->integrityCheck().ok());
    }
};

QTEST_GUILESS_MAIN(TestMailboxStore)
#include "TestMailboxStore.moc"
