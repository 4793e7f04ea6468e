// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "core/common/Sha256.h"
#include "core/repository/SegmentReader.h"
#include "service/ServiceContext.h"
#include "service/ingest/Ingestor.h"
#include "tests/support/MailFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

const QDateTime kOld = QDateTime::fromString(QStringLiteral("2020-01-01T00:00:00Z"), Qt::ISODate);
const QString kAddress = QStringLiteral("alice@example.org");

QByteArray signedMail(const QByteArray &subject)
{
    return fixtureMail(
        subject, "Mon, 20 Apr 2026 10:00:00 +0000",
        "--sig\n"
        "Content-Type: text/plain\n"
        "\n"
        "Signed body.\n"
        "--sig\n"
        "Content-Type: application/pgp-signature\n"
        "\n"
        "-----BEGIN PGP SIGNATURE-----\n"
        "iQEzBAEBCAAdFiEE\n"
        "-----END PGP SIGNATURE-----\n"
        "--sig--\n",
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha256;"
        " boundary=\"sig\"\n");
}

QByteArray encryptedMail(const QByteArray &subject)
{
    return fixtureMail(
        subject, "Mon, 20 Apr 2026 10:00:00 +0000",
        "--enc\n"
        "Content-Type: application/pgp-encrypted\n"
        "\n"
        "Version: 1\n"
        "--enc\n"
        "Content-Type: application/octet-stream\n"
        "\n"
        "-----BEGIN PGP MESSAGE-----\n"
        "hQEMA1234\n"
        "-----END PGP MESSAGE-----\n"
        "--enc--\n",
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"enc\"\n");
}

QByteArray headerBlock(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\n\n");
    return end < 0 ? raw : raw.left(end + 2);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool setMtime(const QString &path, const QDateTime &t)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite) && f.setFileTime(t, QFileDevice::FileModificationTime);
}

QStringList listFiles(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

struct SegmentContent
{
    SegmentInfo info;
    QList<IndexRecord> records;
    QMap<QString, QByteArray> entries;
};

/// A repository as an agent sees it after applying every segment.
struct RepoContent
{
    QByteArray manifestBytes;
    Manifest manifest;
    QList<SegmentContent> segments;
    QMap<qint64, IndexRecord> messages; ///< id -> message record
    QMap<qint64, QByteArray> entryOf;   ///< id -> the index entry (header block or whole message)
    QMap<qint64, QByteArray> bodies;    ///< id -> full message from a bodies segment
    QMap<qint64, QString> bodiesFolder; ///< id -> the bodies segment's folder
};

} // namespace

class TestRepositoryBuilder : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ServiceContext> m_ctx;
    int m_sources = 0;

    RepositoryBuilder &builder() { return m_ctx->builder(); }

    bool archive(const QString &folder, const QList<QByteArray> &mails, const QString &address = kAddress)
    {
        const QString dir = m_dir->filePath(QStringLiteral("src/%1").arg(++m_sources));
        for (int i = 0; i < mails.size(); ++i) {
            if (!writeFile(QStringLiteral("%1/%2.eml").arg(dir).arg(i), mails.at(i)))
                return false;
        }
        Ingestor ingestor(m_ctx->archive(), *m_clock, m_ctx->defaultStoragePath());
        Ingestor::Options options;
        options.mailbox = address;
        options.folder = folder;
        auto report = ingestor.archive(options, {dir});
        if (!report) {
            qWarning() << report.errorString();
            return false;
        }
        return report->counts.archived == mails.size();
    }

    qint64 mailboxId(const QString &address = kAddress)
    {
        auto mb = m_ctx->archive().mailboxByAddress(address);
        return mb.ok() && mb->has_value() ? (*mb)->id : 0;
    }

    /// subject -> message id
    QMap<QString, qint64> idsBySubject(qint64 mb)
    {
        QMap<QString, qint64> ids;
        const Status st = m_ctx->archive().forEachMessage(mb, [&ids](const StoredMessage &m) -> Status {
            ids.insert(m.meta.subject, m.id);
            return {};
        });
        return st.ok() ? ids : QMap<QString, qint64>();
    }

    bool enable(qint64 mb, const std::optional<OfflineSettings> &override = std::nullopt)
    {
        MailboxOfflineConfig config;
        config.enabled = true;
        config.useDefaults = !override.has_value();
        config.override = override;
        return m_ctx->offline().setMailboxConfig(mb, config, m_clock->now()).ok();
    }

    /// Reads the manifest and every segment it lists, checking each file's hash; empty on success.
    QString readRepository(qint64 mb, RepoContent &out)
    {
        out = RepoContent();
        out.manifestBytes = readFile(builder().manifestPath(mb));
        Result<Manifest> manifest = Manifest::fromJson(out.manifestBytes);
        if (!manifest)
            return QStringLiteral("manifest: ") + manifest.errorString();
        out.manifest = *manifest;
        Result<Manifest> fromStore = builder().manifestFromStore(mb);
        if (!fromStore)
            return fromStore.errorString();
        if (fromStore->toJson() != out.manifestBytes)
            return QStringLiteral("manifest.json differs from the store");
        int expectedSequence = 1;
        for (const SegmentInfo &info : std::as_const(out.manifest.segments)) {
            if (info.sequence != expectedSequence++)
                return QStringLiteral("segment sequence %1 out of order").arg(info.sequence);
            const QString path = builder().segmentPath(mb, out.manifest.generation, info.sha256);
            if (QFileInfo(path).size() != info.size)
                return QStringLiteral("%1: size %2, manifest says %3")
                    .arg(path)
                    .arg(QFileInfo(path).size())
                    .arg(info.size);
            if (Status st = SegmentReader::verifyFile(path, info.sha256); !st.ok())
                return st.errorString();
            SegmentContent segment;
            segment.info = info;
            Result<QList<IndexRecord>> records = SegmentReader().read(
                path, [&segment](const IndexRecord &r, const QByteArray &data) -> Status {
                    segment.entries.insert(r.entry, data);
                    return {};
                });
            if (!records)
                return records.errorString();
            segment.records = *records;
            int messages = 0;
            int tombstones = 0;
            for (const IndexRecord &r : std::as_const(segment.records)) {
                if (r.type == IndexRecord::Type::Tombstone) {
                    ++tombstones;
                    if (info.kind != SegmentKind::Index)
                        return QStringLiteral("tombstone in a bodies segment");
                    out.messages.remove(r.id);
                    out.entryOf.remove(r.id);
                    out.bodies.remove(r.id);
                    out.bodiesFolder.remove(r.id);
                } else if (r.type == IndexRecord::Type::Message) {
                    ++messages;
                    if (info.kind != SegmentKind::Index)
                        return QStringLiteral("message record in a bodies segment");
                    out.messages.insert(r.id, r);
                    out.entryOf.insert(r.id, segment.entries.value(r.entry));
                } else {
                    ++messages;
                    if (info.kind != SegmentKind::Bodies)
                        return QStringLiteral("body record in an index segment");
                    out.bodies.insert(r.id, segment.entries.value(r.entry));
                    out.bodiesFolder.insert(r.id, info.folder);
                }
            }
            if (messages != info.messages || tombstones != info.tombstones)
                return QStringLiteral("segment %1 counts differ from the manifest").arg(info.sequence);
            out.segments.append(segment);
        }
        if (out.manifest.messageCount != out.messages.size())
            return QStringLiteral("messageCount %1, but %2 messages in the segments")
                .arg(out.manifest.messageCount)
                .arg(out.messages.size());
        // Nothing but the manifest and the current generation's listed segments on disk.
        QStringList expectedFiles{QStringLiteral("manifest.json")};
        for (const SegmentInfo &info : std::as_const(out.manifest.segments))
            expectedFiles << QStringLiteral("g%1/%2").arg(out.manifest.generation).arg(info.fileName());
        expectedFiles.sort();
        const QStringList files = listFiles(builder().repositoryDir(mb));
        if (files != expectedFiles)
            return QStringLiteral("files on disk: %1; expected %2")
                .arg(files.join(QLatin1Char(' ')), expectedFiles.join(QLatin1Char(' ')));
        return {};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(kNow);
        m_ctx = std::make_unique<ServiceContext>(m_dir->filePath(QStringLiteral("data")), *m_clock);
        const Status st = m_ctx->open();
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
    }
    void cleanup()
    {
        m_ctx.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void refusedWhenDisabled()
    {
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a")}));
        const qint64 mb = mailboxId();
        auto update = builder().update(mb, false);
        QVERIFY(!update);
        QCOMPARE(update.error().category, ErrorCategory::Conflict);
        QVERIFY(!QFileInfo::exists(builder().repositoryDir(mb)));
        QVERIFY(!m_ctx->offline().repository(mb)->has_value());

        auto unknown = builder().update(4711, false);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().category, ErrorCategory::NotFound);
    }

    void refusedForStorageManagerData()
    {
        auto hsm = m_ctx->archive().ensureStorage(QStringLiteral("hsm"), StorageKind::StorageManager,
                                                  m_dir->filePath(QStringLiteral("hsm")));
        QVERIFY(hsm.ok());
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a")}));
        const qint64 mb = mailboxId();
        QVERIFY(m_ctx->archive().setDefaultStorage(mb, hsm->id).ok());
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("b")}));
        QVERIFY(enable(mb));
        auto update = builder().update(mb, false);
        QVERIFY(!update);
        QCOMPARE(update.error().category, ErrorCategory::Conflict);
        QVERIFY(update.errorString().contains(QStringLiteral("hsm")));
        QVERIFY(!QFileInfo::exists(builder().repositoryDir(mb)));
    }

    void firstUpdateThenNothingNew()
    {
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a"), fixtureMail("b"), fixtureMail("c")}));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb));
        QList<std::pair<qint64, qint64>> progress;
        builder().setProgress([&progress](const QString &address, qint64 done, qint64 total) {
            QCOMPARE(address, kAddress);
            progress.append({done, total});
        });
        auto first = builder().update(mb, false);
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QCOMPARE(first->mailbox, kAddress);
        QVERIFY(first->changed);
        QVERIFY(first->rebuilt);
        QCOMPARE(first->generation, 1);
        QCOMPARE(first->revision, 1);
        QCOMPARE(first->messagesAdded, 3);
        QCOMPARE(first->tombstones, 0);
        QCOMPARE(first->segments, 2); // the index and the Inbox's bodies
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().second, 3);

        RepoContent repo;
        const QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(repo.manifest.mailbox, kAddress);
        QCOMPARE(repo.manifest.generation, 1);
        QCOMPARE(repo.manifest.revision, 1);
        QCOMPARE(repo.manifest.messageCount, 3);
        QCOMPARE(repo.manifest.generationCreated, kNow);
        QCOMPARE(repo.manifest.updated, kNow);
        QCOMPARE(repo.manifest.segments.size(), 2);
        qint64 bytes = 0;
        for (const SegmentInfo &s : std::as_const(repo.manifest.segments))
            bytes += s.size;
        QCOMPARE(first->bytes, bytes);
        QCOMPARE(*m_ctx->offline().entryCount(mb), 3);

        // Nothing new: nothing is written; the manifest keeps its bytes and its time.
        const QString manifest = builder().manifestPath(mb);
        QVERIFY(setMtime(manifest, kOld));
        m_clock->advance(3600 * 1000);
        auto second = builder().update(mb, false);
        QVERIFY(second.ok());
        QVERIFY(!second->changed);
        QVERIFY(!second->rebuilt);
        QCOMPARE(second->generation, 1);
        QCOMPARE(second->revision, 1);
        QCOMPARE(second->segments, 0);
        QCOMPARE(second->messagesAdded, 0);
        QCOMPARE(readFile(manifest), repo.manifestBytes);
        QCOMPARE(QFileInfo(manifest).lastModified().toUTC(), kOld);
        QCOMPARE((*m_ctx->offline().repository(mb))->updated, kNow);
    }

    void newMessagesAppendNewSegments()
    {
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a"), fixtureMail("b")}));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb));
        QVERIFY(builder().update(mb, false).ok());
        RepoContent before;
        QString error = readRepository(mb, before);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QMap<QString, QByteArray> oldFiles;
        for (const SegmentInfo &s : std::as_const(before.manifest.segments)) {
            const QString path = builder().segmentPath(mb, 1, s.sha256);
            oldFiles.insert(path, readFile(path));
            QVERIFY(setMtime(path, kOld));
        }

        m_clock->advance(24 * 3600 * 1000LL);
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("c")}));
        QVERIFY(archive(QStringLiteral("Sent"), {fixtureMail("d")}));
        auto update = builder().update(mb, false);
        QVERIFY2(update.ok(), qPrintable(update.errorString()));
        QVERIFY(update->changed);
        QVERIFY(!update->rebuilt);
        QCOMPARE(update->generation, 1);
        QCOMPARE(update->revision, 2);
        QCOMPARE(update->messagesAdded, 2);
        QCOMPARE(update->segments, 2); // one index, Inbox bodies; Sent is headers only

        RepoContent after;
        error = readRepository(mb, after);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(after.manifest.revision, 2);
        QCOMPARE(after.manifest.generationCreated, kNow);
        QCOMPARE(after.manifest.updated, m_clock->now());
        QCOMPARE(after.manifest.messageCount, 4);
        QCOMPARE(after.manifest.segments.size(), before.manifest.segments.size() + 2);
        for (int i = 0; i < before.manifest.segments.size(); ++i)
            QCOMPARE(after.manifest.segments.at(i), before.manifest.segments.at(i));
        for (auto it = oldFiles.cbegin(); it != oldFiles.cend(); ++it) {
            QCOMPARE(readFile(it.key()), it.value());
            QCOMPARE(QFileInfo(it.key()).lastModified().toUTC(), kOld);
        }
        // The new segments hold only the new messages.
        const QMap<QString, qint64> ids = idsBySubject(mb);
        QSet<qint64> inNewSegments;
        for (int i = before.segments.size(); i < after.segments.size(); ++i) {
            for (const IndexRecord &r : after.segments.at(i).records)
                inNewSegments.insert(r.id);
        }
        QCOMPARE(inNewSegments, (QSet<qint64>{ids.value("c"), ids.value("d")}));
    }

    void policyDecidesDelivery()
    {
        OfflineSettings settings; // Inbox whole, everything else headers only
        settings.folderPolicies.insert(QStringLiteral("Junk"), FolderPolicy::Excluded);
        settings.maxWholeMessageBytes = 1024;
        const QByteArray big =
            fixtureMail("big", "Mon, 20 Apr 2026 10:00:00 +0000", QByteArray(2000, 'x') + "\n");
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("small"), big, signedMail("signed")}));
        QVERIFY(archive(QStringLiteral("Archive"), {fixtureMail("archived"), encryptedMail("secret")}));
        QVERIFY(archive(QStringLiteral("Contacts"), {fixtureMail("vcard")}));
        QVERIFY(archive(QStringLiteral("Junk"), {fixtureMail("spam")}));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb, settings));
        auto update = builder().update(mb, false);
        QVERIFY2(update.ok(), qPrintable(update.errorString()));
        QCOMPARE(update->messagesAdded, 6);

        RepoContent repo;
        const QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QMap<QString, qint64> ids = idsBySubject(mb);
        QCOMPARE(ids.size(), 7);
        QCOMPARE(repo.manifest.messageCount, 6);
        QVERIFY(!repo.messages.contains(ids.value("spam")));

        struct Expect
        {
            const char *subject;
            IndexRecord::Content content;
            QByteArray raw;
        };
        const QList<Expect> expected = {
            {"small", IndexRecord::Content::Bodies, fixtureMail("small")},
            {"big", IndexRecord::Content::Headers, big},
            {"signed", IndexRecord::Content::Whole, signedMail("signed")},
            {"archived", IndexRecord::Content::Headers, fixtureMail("archived")},
            {"secret", IndexRecord::Content::Whole, encryptedMail("secret")},
            {"vcard", IndexRecord::Content::Whole, fixtureMail("vcard")},
        };
        for (const Expect &e : expected) {
            const qint64 id = ids.value(QLatin1String(e.subject));
            QVERIFY2(repo.messages.contains(id), e.subject);
            const IndexRecord &r = repo.messages.value(id);
            QCOMPARE(r.content, e.content);
            QCOMPARE(r.sha256, Sha256::hex(e.raw));
            QCOMPARE(r.size, e.raw.size());
            QCOMPARE(r.subject, QLatin1String(e.subject));
            if (e.content == IndexRecord::Content::Whole) {
                QCOMPARE(r.entry, IndexRecord::wholeEntryName(id));
                QCOMPARE(repo.entryOf.value(id), e.raw);
            } else {
                QCOMPARE(r.entry, IndexRecord::headersEntryName(id));
                QCOMPARE(repo.entryOf.value(id), headerBlock(e.raw));
            }
        }
        QCOMPARE(repo.messages.value(ids.value("vcard")).folderKind, QStringLiteral("contacts"));
        QVERIFY(repo.messages.value(ids.value("signed")).isSigned);
        QVERIFY(repo.messages.value(ids.value("secret")).isEncrypted);

        // Index entries of the headers-only folder are header blocks only.
        for (const SegmentContent &s : std::as_const(repo.segments)) {
            for (const IndexRecord &r : s.records) {
                if (r.folder == QLatin1String("Archive") && r.id == ids.value("archived"))
                    QCOMPARE(r.entry, QStringLiteral("hdr/%1.eml").arg(r.id));
            }
        }
        // One bodies segment, the Inbox's, holding only the small plain message.
        QStringList bodiesFolders;
        for (const SegmentInfo &s : std::as_const(repo.manifest.segments)) {
            if (s.kind == SegmentKind::Bodies)
                bodiesFolders << s.folder;
        }
        QCOMPARE(bodiesFolders, QStringList{QStringLiteral("Inbox")});
        QCOMPARE(repo.bodies.keys(), QList<qint64>{ids.value("small")});
        QCOMPARE(repo.bodies.value(ids.value("small")), fixtureMail("small"));

        const QHash<qint64, QString> entries = *m_ctx->offline().entries(mb);
        QCOMPARE(entries.value(ids.value("small")), QStringLiteral("bodies"));
        QCOMPARE(entries.value(ids.value("big")), QStringLiteral("headers"));
        QCOMPARE(entries.value(ids.value("signed")), QStringLiteral("whole"));
        QCOMPARE(entries.value(ids.value("archived")), QStringLiteral("headers"));
        QCOMPARE(entries.value(ids.value("vcard")), QStringLiteral("whole"));
        QVERIFY(!entries.contains(ids.value("spam")));
    }

    void contentWindowTombstones()
    {
        OfflineSettings settings;
        settings.contentWindowMonths = 6;
        QVERIFY(
            archive(QStringLiteral("Inbox"), {fixtureMail("recent", "Mon, 20 Apr 2026 10:00:00 +0000"),
                                              fixtureMail("ancient", "Wed, 01 Jan 2020 10:00:00 +0000")}));
        const qint64 mb = mailboxId();
        const QMap<QString, qint64> ids = idsBySubject(mb);
        QVERIFY(enable(mb, settings));
        auto first = builder().update(mb, false);
        QVERIFY(first.ok());
        QCOMPARE(first->messagesAdded, 1);
        RepoContent repo;
        QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(repo.messages.keys(), QList<qint64>{ids.value("recent")});

        // Still inside the window: nothing to do.
        m_clock->setNow(QDateTime::fromString(QStringLiteral("2026-10-19T00:00:00Z"), Qt::ISODate));
        auto inside = builder().update(mb, false);
        QVERIFY(inside.ok());
        QVERIFY(!inside->changed);

        // Past the window: the message is tombstoned in the same generation.
        m_clock->setNow(QDateTime::fromString(QStringLiteral("2026-11-01T00:00:00Z"), Qt::ISODate));
        auto later = builder().update(mb, false);
        QVERIFY2(later.ok(), qPrintable(later.errorString()));
        QVERIFY(later->changed);
        QVERIFY(!later->rebuilt);
        QCOMPARE(later->generation, 1);
        QCOMPARE(later->revision, 2);
        QCOMPARE(later->tombstones, 1);
        QCOMPARE(later->messagesAdded, 0);
        error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(repo.messages.isEmpty());
        QCOMPARE(repo.manifest.messageCount, 0);
        const SegmentContent &last = repo.segments.constLast();
        QCOMPARE(last.records.size(), 1);
        QCOMPARE(last.records.at(0).type, IndexRecord::Type::Tombstone);
        QCOMPARE(last.records.at(0).id, ids.value("recent"));
        QCOMPARE(last.info.tombstones, 1);
        QCOMPARE(*m_ctx->offline().entryCount(mb), 0);
    }

    void changedContentSettingsRebuild()
    {
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a")}));
        QVERIFY(archive(QStringLiteral("Sent"), {fixtureMail("b")}));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb));
        QVERIFY(builder().update(mb, false).ok());
        const QString g1 = builder().generationDir(mb, 1);
        QVERIFY(QFileInfo(g1).isDir());

        // A setting that does not decide content changes nothing.
        OfflineSettings defaults;
        defaults.checkIntervalMinutes = 15;
        defaults.maxCacheBytes = 1024LL * 1024 * 1024;
        QVERIFY(m_ctx->offline().setDefaults(defaults, m_clock->now()).ok());
        auto same = builder().update(mb, false);
        QVERIFY(same.ok());
        QVERIFY(!same->changed);
        QCOMPARE(same->generation, 1);

        defaults.folderPolicies.insert(QStringLiteral("Sent"), FolderPolicy::Whole);
        QVERIFY(m_ctx->offline().setDefaults(defaults, m_clock->now()).ok());
        m_clock->advance(60 * 1000);
        auto rebuilt = builder().update(mb, false);
        QVERIFY2(rebuilt.ok(), qPrintable(rebuilt.errorString()));
        QVERIFY(rebuilt->changed);
        QVERIFY(rebuilt->rebuilt);
        QCOMPARE(rebuilt->generation, 2);
        QCOMPARE(rebuilt->revision, 1);
        QCOMPARE(rebuilt->messagesAdded, 2);
        QVERIFY(!QFileInfo::exists(g1));
        RepoContent repo;
        const QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(repo.manifest.generation, 2);
        QCOMPARE(repo.manifest.generationCreated, m_clock->now());
        QCOMPARE(repo.manifest.settingsFingerprint, defaults.contentFingerprint());
        QCOMPARE(repo.bodies.size(), 2); // Sent is whole now
        QCOMPARE((QSet<QString>{repo.bodiesFolder.cbegin(), repo.bodiesFolder.cend()}),
                 (QSet<QString>{QStringLiteral("Inbox"), QStringLiteral("Sent")}));
    }

    void flushStartsNewGeneration()
    {
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a"), fixtureMail("b")}));
        QVERIFY(archive(QStringLiteral("Projects/Alpha"), {fixtureMail("c")}));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb));
        QVERIFY(builder().update(mb, false).ok());
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("d")}));
        QVERIFY(builder().update(mb, false).ok());
        RepoContent before;
        QString error = readRepository(mb, before);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(before.manifest.revision, 2);

        m_clock->advance(60 * 1000);
        auto flushed = builder().update(mb, true);
        QVERIFY2(flushed.ok(), qPrintable(flushed.errorString()));
        QVERIFY(flushed->changed);
        QVERIFY(flushed->rebuilt);
        QCOMPARE(flushed->generation, 2);
        QCOMPARE(flushed->revision, 1);
        QCOMPARE(flushed->messagesAdded, 4);
        QVERIFY(!QFileInfo::exists(builder().generationDir(mb, 1)));
        RepoContent after;
        error = readRepository(mb, after);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(after.manifest.generation, 2);
        QCOMPARE(after.manifest.revision, 1);
        QCOMPARE(after.messages.keys(), before.messages.keys());
        QCOMPARE(after.bodies.keys(), before.bodies.keys());
        for (auto it = before.entryOf.cbegin(); it != before.entryOf.cend(); ++it)
            QCOMPARE(after.entryOf.value(it.key()), it.value());
        // A second flush goes on counting.
        auto again = builder().update(mb, true);
        QVERIFY(again.ok());
        QCOMPARE(again->generation, 3);
        error = readRepository(mb, after);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(after.messages.keys(), before.messages.keys());
    }

    void segmentsSplitAtLimits()
    {
        QList<QByteArray> inbox;
        for (int i = 0; i < 5; ++i)
            inbox << fixtureMail("m" + QByteArray::number(i), "Mon, 20 Apr 2026 10:00:00 +0000",
                                 QByteArray(600, 'a' + i) + "\n");
        QVERIFY(archive(QStringLiteral("Inbox"), inbox));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb));
        RepositoryBuilder::Limits limits;
        limits.maxSegmentEntryBytes = 500; // about one message's body
        builder().setLimits(limits);
        auto update = builder().update(mb, false);
        QVERIFY2(update.ok(), qPrintable(update.errorString()));
        RepoContent repo;
        const QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        int indexSegments = 0;
        int bodiesSegments = 0;
        for (const SegmentContent &s : std::as_const(repo.segments)) {
            if (s.info.kind == SegmentKind::Index) {
                ++indexSegments;
            } else {
                ++bodiesSegments;
                QCOMPARE(s.info.messages, 1); // 600+ bytes each: full after one
            }
        }
        QVERIFY2(indexSegments >= 2, qPrintable(QString::number(indexSegments)));
        QCOMPARE(bodiesSegments, 5);
        QCOMPARE(update->segments, repo.segments.size());
        QCOMPARE(repo.messages.size(), 5);
        QCOMPARE(repo.bodies.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(repo.bodies.value(idsBySubject(mb).value(QStringLiteral("m%1").arg(i))), inbox.at(i));

        // A record cap splits too.
        limits = RepositoryBuilder::Limits();
        limits.maxSegmentRecords = 2;
        builder().setLimits(limits);
        auto flushed = builder().update(mb, true);
        QVERIFY(flushed.ok());
        const QString error2 = readRepository(mb, repo);
        QVERIFY2(error2.isEmpty(), qPrintable(error2));
        for (const SegmentContent &s : std::as_const(repo.segments))
            QVERIFY(s.records.size() <= 2);
        QCOMPARE(repo.messages.size(), 5);
    }

    void tombstonesRespectRecordLimit()
    {
        OfflineSettings settings;
        settings.contentWindowMonths = 1;
        QList<QByteArray> mails;
        for (int i = 0; i < 5; ++i)
            mails << fixtureMail("t" + QByteArray::number(i), "Mon, 20 Apr 2026 10:00:00 +0000");
        QVERIFY(archive(QStringLiteral("Sent"), mails));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb, settings));
        RepositoryBuilder::Limits limits;
        limits.maxSegmentRecords = 2;
        builder().setLimits(limits);
        auto first = builder().update(mb, false);
        QVERIFY(first.ok());
        QCOMPARE(first->messagesAdded, 5);
        QCOMPARE(first->segments, 3);

        m_clock->setNow(QDateTime::fromString(QStringLiteral("2026-06-01T00:00:00Z"), Qt::ISODate));
        auto expired = builder().update(mb, false);
        QVERIFY2(expired.ok(), qPrintable(expired.errorString()));
        QCOMPARE(expired->tombstones, 5);
        RepoContent repo;
        const QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(repo.messages.isEmpty());
        for (const SegmentContent &s : std::as_const(repo.segments))
            QVERIFY2(s.records.size() <= 2, qPrintable(QString::number(s.records.size())));
        QCOMPARE(expired->segments, 3);
    }

    void recoverRemovesLeftovers()
    {
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a"), fixtureMail("b")}));
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("x")}, QStringLiteral("bob@example.org")));
        const qint64 mb = mailboxId();
        const qint64 bob = mailboxId(QStringLiteral("bob@example.org"));
        QVERIFY(enable(mb));
        QVERIFY(enable(bob));
        QVERIFY(builder().update(mb, false).ok());
        QVERIFY(builder().update(bob, false).ok());
        RepoContent clean;
        QString error = readRepository(mb, clean);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString root = m_ctx->repositoriesPath();
        const QString g1 = builder().generationDir(mb, 1);
        const QString repoDir = builder().repositoryDir(mb);

        QVERIFY(writeFile(g1 + "/.tmp-0123456789abcdef.part", "partial segment"));
        QVERIFY(writeFile(g1 + "/" + Sha256::hex("orphan") + ".tar.zst", "unreferenced"));
        QVERIFY(writeFile(builder().generationDir(mb, 2) + "/" + Sha256::hex("next") + ".tar.zst", "stale"));
        QVERIFY(writeFile(builder().generationDir(mb, 0) + "/x", "stale"));
        QVERIFY(writeFile(repoDir + "/.manifest.json.tmp", "half a manifest"));
        QVERIFY(writeFile(root + "/4711/g1/" + Sha256::hex("never") + ".tar.zst", "uncommitted"));
        QVERIFY(writeFile(root + "/.lock.keep", "not ours"));
        QVERIFY(QDir().mkpath(root + "/not-a-repository"));
        QVERIFY(QFile::remove(builder().manifestPath(mb)));
        QVERIFY(writeFile(builder().manifestPath(bob), "{\"altered\": true}"));
        const QByteArray bobManifest = builder().manifestFromStore(bob)->toJson();

        const Status st = builder().recover();
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        error = readRepository(mb, clean); // checks that only listed files remain
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(readFile(builder().manifestPath(bob)), bobManifest);
        RepoContent bobRepo;
        error = readRepository(bob, bobRepo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!QFileInfo::exists(root + "/4711"));
        QVERIFY(QFileInfo::exists(root + "/.lock.keep"));
        QVERIFY(QFileInfo::exists(root + "/not-a-repository"));

        // recover() is idempotent, and does not touch a correct manifest.
        const QString manifest = builder().manifestPath(mb);
        QVERIFY(setMtime(manifest, kOld));
        QVERIFY(builder().recover().ok());
        QCOMPARE(QFileInfo(manifest).lastModified().toUTC(), kOld);

        // An update after recovery goes on from the store's state.
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("c")}));
        auto update = builder().update(mb, false);
        QVERIFY(update.ok());
        QCOMPARE(update->revision, 2);
        error = readRepository(mb, clean);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(clean.messages.size(), 3);
    }

    void recoverReportsMissingSegment()
    {
        QVERIFY(archive(QStringLiteral("Inbox"), {fixtureMail("a")}));
        const qint64 mb = mailboxId();
        QVERIFY(enable(mb));
        QVERIFY(builder().update(mb, false).ok());
        const Manifest manifest = *builder().manifestFromStore(mb);
        QVERIFY(QFile::remove(builder().segmentPath(mb, 1, manifest.segments.at(0).sha256)));
        const Status st = builder().recover();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Corrupt);
        QVERIFY(st.errorString().contains(manifest.segments.at(0).sha256));
        // A flush repairs it.
        auto flushed = builder().update(mb, true);
        QVERIFY(flushed.ok());
        RepoContent repo;
        const QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(builder().recover().ok());
    }

    void emptyMailboxBuildsEmptyRepository()
    {
        QVERIFY(archive(QStringLiteral("Junk"), {fixtureMail("spam")}));
        const qint64 mb = mailboxId();
        OfflineSettings settings;
        settings.folderPolicies.insert(QStringLiteral("Junk"), FolderPolicy::Excluded);
        QVERIFY(enable(mb, settings));
        auto update = builder().update(mb, false);
        QVERIFY2(update.ok(), qPrintable(update.errorString()));
        QCOMPARE(update->generation, 1);
        QCOMPARE(update->segments, 0);
        RepoContent repo;
        const QString error = readRepository(mb, repo);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(repo.manifest.messageCount, 0);
        auto again = builder().update(mb, false);
        QVERIFY(again.ok());
        QVERIFY(!again->changed);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryBuilder)
#include "TestRepositoryBuilder.moc"
