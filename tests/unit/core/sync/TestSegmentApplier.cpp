// SPDX-License-Identifier: Apache-2.0
// Segments are built with the real SegmentWriter and applied to a real MailboxStore.
#include "core/common/Sha256.h"
#include "core/localstore/MailboxStore.h"
#include "core/localstore/MessageCipher.h"
#include "core/mime/MessageParser.h"
#include "core/repository/SegmentWriter.h"
#include "core/sync/SegmentApplier.h"
#include "tests/support/MailFixtures.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

const QDateTime kCreated(QDate(2026, 5, 1), QTime(6, 0), Qt::UTC);

struct Mail
{
    qint64 id = 0;
    QString folder = QStringLiteral("Inbox");
    QByteArray body = "Hello.\n";
};

QByteArray rawMail(const Mail &m)
{
    return fixtureMail("message-" + QByteArray::number(m.id), "Mon, 20 Apr 2026 10:00:00 +0000", m.body);
}

QByteArray headerBlock(const Mail &m)
{
    const QByteArray raw = rawMail(m);
    return raw.left(MessageParser::headerBlockLength(raw));
}

IndexRecord messageRecord(const Mail &m, IndexRecord::Content content)
{
    const QByteArray raw = rawMail(m);
    IndexRecord r;
    r.type = IndexRecord::Type::Message;
    r.id = m.id;
    r.folder = m.folder;
    r.folderKind = QStringLiteral("mail");
    r.messageId = QStringLiteral("message-%1@example.org").arg(m.id);
    r.from = QStringLiteral("Alice <alice@example.org>");
    r.to = QStringLiteral("bob@example.org");
    r.subject = QStringLiteral("message-%1").arg(m.id);
    r.date = QDateTime(QDate(2026, 4, 20), QTime(10, 0), Qt::UTC);
    r.size = raw.size();
    r.sha256 = Sha256::hex(raw);
    r.content = content;
    return r;
}

SegmentWriter::Loader loader(const QByteArray &bytes)
{
    return [bytes]() -> Result<QByteArray> {
        return bytes;
    };
}

/// Writes the index segment's entry for m: the whole message, or its header block.
void addMessage(SegmentWriter &writer, const Mail &m, IndexRecord::Content content)
{
    if (content == IndexRecord::Content::Whole)
        writer.addWhole(messageRecord(m, content), loader(rawMail(m)));
    else
        writer.addHeaders(messageRecord(m, content), headerBlock(m));
}

void addBody(SegmentWriter &writer, qint64 id, const QByteArray &whole)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Body;
    r.id = id;
    r.size = whole.size();
    r.sha256 = Sha256::hex(whole);
    writer.addWhole(r, loader(whole));
}

struct Segment
{
    SegmentInfo info;
    QString path;
};

// Text that compresses poorly, so a segment spans several zstd blocks.
QByteArray noise(quint32 seed, int size)
{
    QRandomGenerator random(seed);
    QByteArray text(size, Qt::Uninitialized);
    for (char &c : text)
        c = static_cast<char>('a' + random.bounded(26));
    for (int i = 70; i < size; i += 71)
        text[i] = '\n';
    return text;
}

QList<qint64> sortedIds(const QList<DamagedMessage> &damaged)
{
    QList<qint64> ids;
    for (const DamagedMessage &d : damaged)
        ids.append(d.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class TestSegmentApplier : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<MessageCipher> m_cipher;
    std::unique_ptr<MailboxStore> m_store;
    int m_tamperConnections = 0;

    // The fixture mailbox: 1 Inbox (headers here, body in the Inbox bodies segment), 2 Inbox whole,
    // 3 Junk whole, 4 Projects headers only.
    const Mail m1{1, QStringLiteral("Inbox"), "Body of one.\n"};
    const Mail m2{2, QStringLiteral("Inbox"), "Body of two.\n"};
    const Mail m3{3, QStringLiteral("Junk"), "Cheap watches.\n"};
    const Mail m4{4, QStringLiteral("Projects"), "Body of four, kept on the server.\n"};
    const Mail m5{5, QStringLiteral("Inbox"), "Body of five.\n"};

    QString segmentDir() const { return m_tmp->filePath(QStringLiteral("segments")); }

    Segment finish(SegmentWriter &writer, int sequence)
    {
        Result<SegmentInfo> info = writer.finish(kCreated, sequence);
        if (!info) {
            qWarning("cannot write segment: %s", qPrintable(info.errorString()));
            return {};
        }
        return {*info, QDir(segmentDir()).filePath(info->fileName())};
    }

    Segment firstIndex()
    {
        SegmentWriter writer(segmentDir(), SegmentKind::Index);
        addMessage(writer, m1, IndexRecord::Content::Bodies);
        addMessage(writer, m2, IndexRecord::Content::Whole);
        addMessage(writer, m3, IndexRecord::Content::Whole);
        addMessage(writer, m4, IndexRecord::Content::Headers);
        return finish(writer, 1);
    }

    Segment inboxBodies()
    {
        SegmentWriter writer(segmentDir(), SegmentKind::Bodies, QStringLiteral("Inbox"));
        addBody(writer, m1.id, rawMail(m1));
        return finish(writer, 2);
    }

    Segment secondIndex()
    {
        SegmentWriter writer(segmentDir(), SegmentKind::Index);
        writer.addTombstone(m2.id);
        writer.addTombstone(999); // never here: no error
        addMessage(writer, m5, IndexRecord::Content::Whole);
        return finish(writer, 3);
    }

    // Many sizeable messages: a later error comes after earlier entries were applied.
    Segment bigIndex(int sequence)
    {
        SegmentWriter writer(segmentDir(), SegmentKind::Index);
        writer.addTombstone(m4.id);
        for (qint64 id = 100; id < 130; ++id)
            addMessage(writer, Mail{id, QStringLiteral("Inbox"), noise(quint32(id), 4000)},
                       IndexRecord::Content::Whole);
        return finish(writer, sequence);
    }

    Result<SegmentApplier::Stats> apply(const Segment &segment,
                                        const OfflineSettings &policy = wholeEverywhere())
    {
        return SegmentApplier::apply(*m_store, segment.info, segment.path, policy);
    }

    static OfflineSettings wholeEverywhere()
    {
        OfflineSettings s;
        s.defaultFolderPolicy = FolderPolicy::Whole;
        s.folderPolicies.clear();
        return s;
    }

    QList<qint64> messageIds() const
    {
        QList<qint64> ids;
        for (qint64 id = 1; id < 200; ++id)
            if (m_store->message(id).ok())
                ids.append(id);
        return ids;
    }

    QSet<QString> applied() const
    {
        Result<QSet<QString>> set = m_store->appliedSegments();
        return set ? *set : QSet<QString>{QStringLiteral("error: ") + set.errorString()};
    }

    qint64 count() const
    {
        Result<qint64> n = m_store->messageCount();
        return n ? *n : -1;
    }

    // Flips a bit in the sealed bytes of each message, behind the store's back.
    bool tamper(const QList<qint64> &ids)
    {
        const QString name = QStringLiteral("tamper%1").arg(++m_tamperConnections);
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QDir(m_store->directory()).filePath(QStringLiteral("mailbox.db")));
            ok = db.open();
            for (qint64 id : ids) {
                if (!ok)
                    break;
                QSqlQuery q(db);
                ok = q.prepare(QStringLiteral("SELECT data FROM messages WHERE id = ?"));
                q.addBindValue(id);
                ok = ok && q.exec() && q.next();
                if (!ok)
                    break;
                QByteArray data = q.value(0).toByteArray();
                data[data.size() / 2] = static_cast<char>(data.at(data.size() / 2) ^ 0x01);
                q.finish();
                QSqlQuery u(db);
                ok = u.prepare(QStringLiteral("UPDATE messages SET data = ? WHERE id = ?"));
                u.addBindValue(data);
                u.addBindValue(id);
                ok = ok && u.exec() && u.numRowsAffected() == 1;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    QList<qint64> damaged() const
    {
        Result<QList<DamagedMessage>> list = m_store->verify();
        return list ? sortedIds(*list) : QList<qint64>{-1};
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_cipher = std::make_unique<MessageCipher>(MessageCipher::generateKey());
        auto opened = MailboxStore::open(m_tmp->filePath(QStringLiteral("copy")), *m_cipher);
        QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
        m_store = std::move(opened).value();
    }

    void cleanup()
    {
        m_store.reset();
        m_cipher.reset();
        m_tmp.reset();
    }

    void appliesIndexBodiesAndTombstones()
    {
        const Segment s1 = firstIndex();
        const Segment b1 = inboxBodies();
        const Segment s2 = secondIndex();
        QVERIFY(!s1.path.isEmpty() && !b1.path.isEmpty() && !s2.path.isEmpty());

        Result<SegmentApplier::Stats> stats = apply(s1);
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(4));
        QCOMPARE(stats->removed, qint64(0));
        QCOMPARE(stats->skipped, qint64(0));
        QCOMPARE(count(), qint64(4));
        QCOMPARE(applied(), QSet<QString>{s1.info.sha256});
        QVERIFY(!m_store->message(1)->whole);
        QCOMPARE(*m_store->messageBytes(1), headerBlock(m1));
        QVERIFY(m_store->message(2)->whole);
        QCOMPARE(*m_store->messageBytes(2), rawMail(m2));
        QCOMPARE(m_store->message(3)->folder, QStringLiteral("Junk"));
        QVERIFY(!m_store->message(4)->whole);
        QCOMPARE(m_store->message(2)->subject, QStringLiteral("message-2"));

        // The bodies segment completes the Inbox message that came as headers.
        stats = apply(b1);
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(1));
        QCOMPARE(count(), qint64(4));
        QVERIFY(m_store->message(1)->whole);
        QCOMPARE(*m_store->messageBytes(1), rawMail(m1));
        QVERIFY(!m_store->message(4)->whole);
        QCOMPARE(applied(), (QSet<QString>{s1.info.sha256, b1.info.sha256}));

        // The next update: a tombstone deletes, a new message arrives.
        stats = apply(s2);
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(1));
        QVERIFY(stats->removed >= 1);
        QCOMPARE(messageIds(), (QList<qint64>{1, 3, 4, 5}));
        QCOMPARE(m_store->message(2).error().category, ErrorCategory::NotFound);
        QCOMPARE(*m_store->messageBytes(5), rawMail(m5));
        QCOMPARE(applied(), (QSet<QString>{s1.info.sha256, b1.info.sha256, s2.info.sha256}));
        QVERIFY(m_store->integrityCheck().ok());
        QVERIFY(m_store->verify()->isEmpty());
    }

    void excludedFolderSkipped()
    {
        const Segment s1 = firstIndex();
        OfflineSettings policy = wholeEverywhere();
        policy.folderPolicies.insert(QStringLiteral("Junk"), FolderPolicy::Excluded);

        const Result<SegmentApplier::Stats> stats = apply(s1, policy);
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(3));
        QCOMPARE(stats->skipped, qint64(1));
        QCOMPARE(messageIds(), (QList<qint64>{1, 2, 4}));
        QCOMPARE(m_store->message(3).error().category, ErrorCategory::NotFound);
        const Result<QList<LocalFolder>> folders = m_store->folders();
        QVERIFY2(folders.ok(), qPrintable(folders.errorString()));
        QStringList paths;
        for (const LocalFolder &folder : folders.value())
            paths.append(folder.path);
        QVERIFY2(!paths.contains(QStringLiteral("Junk")), qPrintable(paths.join(u',')));
        QCOMPARE(applied(), QSet<QString>{s1.info.sha256});
    }

    void bodiesOfKeptFolderWhenDefaultExcluded()
    {
        // Only the Inbox is kept: its bodies segment must complete its messages, although the body
        // records themselves name no folder.
        const Segment s1 = firstIndex();
        const Segment b1 = inboxBodies();
        OfflineSettings policy;
        policy.defaultFolderPolicy = FolderPolicy::Excluded;
        policy.folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole}};

        Result<SegmentApplier::Stats> stats = apply(s1, policy);
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(messageIds(), (QList<qint64>{1, 2}));
        QCOMPARE(stats->skipped, qint64(2));

        stats = apply(b1, policy);
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->skipped, qint64(0));
        QCOMPARE(stats->messages, qint64(1));
        QVERIFY(m_store->message(1)->whole);
        QCOMPARE(*m_store->messageBytes(1), rawMail(m1));
    }

    void bodiesOfExcludedFolderSkipped()
    {
        const Segment s1 = firstIndex();
        const Segment b1 = inboxBodies();
        QVERIFY(apply(s1).ok());
        OfflineSettings policy = wholeEverywhere();
        policy.folderPolicies.insert(QStringLiteral("Inbox"), FolderPolicy::Excluded);
        const Result<SegmentApplier::Stats> stats = apply(b1, policy);
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->skipped, qint64(1));
        QVERIFY(!m_store->message(1)->whole);
    }

    void brokenSegmentChangesNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<double>("where");

        QTest::newRow("truncated to a tenth") << QStringLiteral("truncate") << 0.1;
        QTest::newRow("truncated to half") << QStringLiteral("truncate") << 0.5;
        QTest::newRow("truncated near the end") << QStringLiteral("truncate") << 0.9;
        QTest::newRow("byte flipped early") << QStringLiteral("flip") << 0.2;
        QTest::newRow("byte flipped in the middle") << QStringLiteral("flip") << 0.5;
        QTest::newRow("byte flipped late") << QStringLiteral("flip") << 0.8;
        QTest::newRow("empty file") << QStringLiteral("truncate") << 0.0;
        QTest::newRow("missing file") << QStringLiteral("remove") << 0.0;
    }

    void brokenSegmentChangesNothing()
    {
        QFETCH(QString, damage);
        QFETCH(double, where);

        QVERIFY(apply(firstIndex()).ok());
        QVERIFY(apply(inboxBodies()).ok());
        const QList<qint64> idsBefore = messageIds();
        const QSet<QString> appliedBefore = applied();
        const qint64 countBefore = count();

        const Segment big = bigIndex(3);
        QVERIFY(!big.path.isEmpty());
        QFile file(big.path);
        const qint64 size = file.size();
        QVERIFY(size > 64 * 1024); // several zstd blocks
        const qint64 at = qint64(double(size) * where);
        if (damage == QLatin1String("truncate")) {
            QVERIFY(file.resize(at));
        } else if (damage == QLatin1String("flip")) {
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(at));
            char c = 0;
            QVERIFY(file.getChar(&c));
            QVERIFY(file.seek(at));
            QVERIFY(file.putChar(static_cast<char>(c ^ 0x10)));
            file.close();
        } else {
            QVERIFY(file.remove());
        }

        const Result<SegmentApplier::Stats> stats = apply(big);
        QVERIFY2(!stats.ok(), "a damaged segment was applied");
        QVERIFY(!stats.error().message.isEmpty());
        if (damage != QLatin1String("remove"))
            QCOMPARE(errorCategoryName(stats.error().category), errorCategoryName(ErrorCategory::Corrupt));

        QCOMPARE(count(), countBefore);
        QCOMPARE(messageIds(), idsBefore);
        QCOMPARE(applied(), appliedBefore);
        QVERIFY(m_store->integrityCheck().ok());
        QVERIFY(m_store->verify()->isEmpty());

        // The copy is not left inside a transaction: the intact segment applies afterwards.
        const Segment intact = bigIndex(3);
        const Result<SegmentApplier::Stats> after = apply(intact);
        QVERIFY2(after.ok(), qPrintable(after.errorString()));
        QCOMPARE(after->messages, qint64(30));
        QCOMPARE(count(), countBefore - 1 + 30); // message 4 went with the tombstone
        QVERIFY(applied().contains(intact.info.sha256));
    }

    void wellFormedButHostileSegmentChangesNothing()
    {
        QVERIFY(apply(firstIndex()).ok());
        const QList<qint64> idsBefore = messageIds();
        const QSet<QString> appliedBefore = applied();

        // A valid body for message 4, then "the body" of message 1 that is another message: the
        // segment's own checks pass, the store's do not.
        SegmentWriter writer(segmentDir(), SegmentKind::Bodies, QStringLiteral("Inbox"));
        addBody(writer, m4.id, rawMail(m4));
        addBody(writer, m1.id, rawMail(m5));
        const Segment hostile = finish(writer, 2);
        QVERIFY(!hostile.path.isEmpty());

        const Result<SegmentApplier::Stats> stats = apply(hostile);
        QVERIFY(!stats.ok());
        QCOMPARE(errorCategoryName(stats.error().category), errorCategoryName(ErrorCategory::Corrupt));
        QCOMPARE(messageIds(), idsBefore);
        QCOMPARE(applied(), appliedBefore);
        QVERIFY2(!m_store->message(4)->whole, "the body applied before the error was not rolled back");
        QVERIFY(!m_store->message(1)->whole);
        QCOMPARE(*m_store->messageBytes(1), headerBlock(m1));
    }

    void repairRestoresOnlyNamedMessages()
    {
        const Segment s1 = firstIndex();
        const Segment b1 = inboxBodies();
        const Segment s2 = secondIndex(); // deletes message 2
        QVERIFY(apply(s1).ok());
        QVERIFY(apply(b1).ok());
        QVERIFY(apply(s2).ok());
        const QSet<QString> appliedBefore = applied();

        QVERIFY(tamper({1, 3, 4}));
        QCOMPARE(damaged(), (QList<qint64>{1, 3, 4}));

        // Message 2 is in s1 but was deleted since: it stays deleted.
        Result<SegmentApplier::Stats> stats = SegmentApplier::repair(*m_store, s1.path, {2, 3});
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(1));
        QCOMPARE(m_store->message(2).error().category, ErrorCategory::NotFound);
        QCOMPARE(*m_store->messageBytes(3), rawMail(m3));
        QCOMPARE(damaged(), (QList<qint64>{1, 4}));

        // s1 holds only the header block of message 1, which the bodies segment made whole.
        stats = SegmentApplier::repair(*m_store, s1.path, {1});
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(0));
        QVERIFY(m_store->message(1)->whole);
        QCOMPARE(damaged(), (QList<qint64>{1, 4}));

        stats = SegmentApplier::repair(*m_store, b1.path, {1});
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(1));
        QCOMPARE(*m_store->messageBytes(1), rawMail(m1));
        QCOMPARE(damaged(), QList<qint64>{4});

        stats = SegmentApplier::repair(*m_store, s1.path, {4});
        QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
        QCOMPARE(stats->messages, qint64(1));
        QCOMPARE(*m_store->messageBytes(4), headerBlock(m4));
        QVERIFY(!m_store->message(4)->whole);
        QCOMPARE(damaged(), QList<qint64>{});

        QCOMPARE(messageIds(), (QList<qint64>{1, 3, 4, 5}));
        QCOMPARE(applied(), appliedBefore);
        QVERIFY(m_store->integrityCheck().ok());
    }

    void repairFromBrokenSegmentChangesNothing()
    {
        const Segment s1 = firstIndex();
        QVERIFY(apply(s1).ok());
        QVERIFY(tamper({2, 3}));
        QFile file(s1.path);
        QVERIFY(file.resize(file.size() / 2));

        const Result<SegmentApplier::Stats> stats = SegmentApplier::repair(*m_store, s1.path, {2, 3});
        QVERIFY(!stats.ok());
        QCOMPARE(damaged(), (QList<qint64>{2, 3}));
        QCOMPARE(messageIds(), (QList<qint64>{1, 2, 3, 4}));
    }
};

QTEST_GUILESS_MAIN(TestSegmentApplier)
#include "TestSegmentApplier.moc"
