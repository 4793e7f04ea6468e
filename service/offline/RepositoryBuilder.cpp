// SPDX-License-Identifier: Apache-2.0
#include "service/offline/RepositoryBuilder.h"

#include "core/common/FileUtil.h"
#include "core/mime/MessageParser.h"
#include "core/repository/SegmentWriter.h"
#include "service/common/Logging.h"
#include "service/store/BlobStore.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QSet>

#include <memory>

namespace ArchiveSync {

namespace {
QString deliveryName(Delivery d)
{
    switch (d) {
    case Delivery::Excluded:
        return QStringLiteral("excluded");
    case Delivery::HeadersOnly:
        return QStringLiteral("headers");
    case Delivery::WholeInBodies:
        return QStringLiteral("bodies");
    case Delivery::WholeInIndex:
        return QStringLiteral("whole");
    }
    return {};
}

IndexRecord recordFor(const StoredMessage &m)
{
    IndexRecord r;
    r.type = IndexRecord::Type::Message;
    r.id = m.id;
    r.folder = m.folder;
    r.folderKind = folderKindName(m.folderKind);
    r.messageId = m.meta.messageId;
    r.from = m.meta.from;
    r.to = m.meta.to;
    r.cc = m.meta.cc;
    r.subject = m.meta.subject;
    r.date = m.meta.date;
    r.size = m.size;
    r.sha256 = m.sha256;
    r.isSigned = m.meta.isSigned;
    r.isEncrypted = m.meta.isEncrypted;
    r.hasAttachments = m.meta.hasAttachments;
    return r;
}

struct Pending
{
    StoredMessage message;
    Delivery delivery;
};
} // namespace

QJsonObject RepositoryUpdate::toJson() const
{
    return QJsonObject{
        {QStringLiteral("mailbox"), mailbox},      {QStringLiteral("generation"), generation},
        {QStringLiteral("revision"), revision},    {QStringLiteral("changed"), changed},
        {QStringLiteral("rebuilt"), rebuilt},      {QStringLiteral("segments"), segments},
        {QStringLiteral("bytes"), bytes},          {QStringLiteral("messagesAdded"), messagesAdded},
        {QStringLiteral("tombstones"), tombstones}};
}

RepositoryBuilder::RepositoryBuilder(ArchiveStore &archive, OfflineStore &offline, const Clock &clock,
                                     QString root)
    : m_archive(archive)
    , m_offline(offline)
    , m_clock(clock)
    , m_root(std::move(root))
{}

QString RepositoryBuilder::repositoryDir(qint64 mailboxId) const
{
    return QStringLiteral("%1/%2").arg(m_root).arg(mailboxId);
}

QString RepositoryBuilder::generationDir(qint64 mailboxId, qint64 generation) const
{
    return QStringLiteral("%1/g%2").arg(repositoryDir(mailboxId)).arg(generation);
}

QString RepositoryBuilder::manifestPath(qint64 mailboxId) const
{
    return repositoryDir(mailboxId) + QStringLiteral("/manifest.json");
}

QString RepositoryBuilder::segmentPath(qint64 mailboxId, qint64 generation, const QString &sha256) const
{
    return QStringLiteral("%1/%2.tar.zst").arg(generationDir(mailboxId, generation), sha256);
}

Result<RepositoryUpdate> RepositoryBuilder::update(qint64 mailboxId, bool flush)
{
    Result<Mailbox> mailbox = m_archive.mailboxById(mailboxId);
    if (!mailbox)
        return mailbox.error();
    Result<MailboxOfflineConfig> config = m_offline.mailboxConfig(mailboxId);
    if (!config)
        return config.error();
    if (!config->enabled)
        return Error::conflict(QStringLiteral("offline sync is not enabled for %1").arg(mailbox->address));
    Result<QList<StorageRepository>> storages = m_archive.storageOfMailboxMessages(mailboxId);
    if (!storages)
        return storages.error();
    QHash<qint64, std::shared_ptr<BlobStore>> blobs;
    for (const StorageRepository &s : *storages) {
        if (s.kind != StorageKind::Disk)
            return Error::conflict(
                QStringLiteral("%1 has archive data on the storage-manager repository '%2': "
                               "offline repositories are built only from disk repositories")
                    .arg(mailbox->address, s.name));
        blobs.insert(s.id, std::make_shared<BlobStore>(s.path));
    }
    Result<OfflineSettings> settings = m_offline.effectiveSettings(mailboxId);
    if (!settings)
        return settings.error();
    Result<std::optional<RepositoryState>> state = m_offline.repository(mailboxId);
    if (!state)
        return state.error();

    const QDateTime now = m_clock.now();
    const QString fingerprint = settings->contentFingerprint();
    const bool exists = state->has_value();
    const bool rebuild = flush || !exists || (*state)->settingsFingerprint != fingerprint;
    RepositoryUpdate result;
    result.mailbox = mailbox->address;
    result.rebuilt = rebuild;
    result.generation = exists ? ((*state)->generation + (rebuild ? 1 : 0)) : 1;
    result.revision = rebuild ? 1 : (*state)->revision + 1;

    QHash<qint64, QString> present;
    if (!rebuild) {
        Result<QHash<qint64, QString>> entries = m_offline.entries(mailboxId);
        if (!entries)
            return entries.error();
        present = std::move(*entries);
    }

    // What the settings want in the repository now, against what it holds.
    const QDateTime windowStart =
        settings->contentWindowMonths > 0 ? now.addMonths(-settings->contentWindowMonths) : QDateTime();
    QList<Pending> toAdd;
    QSet<qint64> wanted;
    Status scan = m_archive.forEachMessage(mailboxId, [&](const StoredMessage &m) -> Status {
        // Archived after the storage check above (a concurrent archive run): the next update takes it.
        if (!blobs.contains(m.storageId))
            return {};
        Delivery delivery =
            settings->deliveryFor({m.folder, m.folderKind, m.size, m.meta.isSigned, m.meta.isEncrypted});
        const QDateTime date = m.meta.date.isValid() ? m.meta.date : m.archivedAt;
        if (windowStart.isValid() && date < windowStart)
            delivery = Delivery::Excluded;
        if (delivery == Delivery::Excluded)
            return {};
        wanted.insert(m.id);
        if (!present.contains(m.id))
            toAdd.append({m, delivery});
        return {};
    });
    if (!scan.ok())
        return scan.error();
    QList<qint64> removed;
    for (auto it = present.cbegin(); it != present.cend(); ++it) {
        if (!wanted.contains(it.key()))
            removed.append(it.key());
    }
    std::sort(removed.begin(), removed.end());

    if (!rebuild && toAdd.isEmpty() && removed.isEmpty()) {
        result.revision = (*state)->revision;
        return result; // nothing new: nothing is written, the manifest and its ETag stay
    }
    result.changed = true;

    const QString dir = generationDir(mailboxId, result.generation);
    int sequence = rebuild ? 1 : static_cast<int>((*state)->segments.size()) + 1;
    RepositoryCommit change;
    change.mailboxId = mailboxId;
    change.generation = result.generation;
    change.revision = result.revision;
    change.newGeneration = rebuild;
    change.settingsFingerprint = fingerprint;
    change.generationCreated = rebuild ? now : (*state)->generationCreated;
    change.updated = now;
    change.removedEntries = removed;

    const qint64 total = toAdd.size();
    qint64 done = 0;
    auto loaderFor = [&blobs](const StoredMessage &m) -> SegmentWriter::Loader {
        std::shared_ptr<BlobStore> store = blobs.value(m.storageId);
        const QString sha = m.sha256;
        return [store, sha]() {
            return store->get(sha);
        };
    };
    auto finishSegment = [&](SegmentWriter &writer) -> Status {
        if (writer.isEmpty())
            return {};
        Result<SegmentInfo> info = writer.finish(now, sequence++);
        if (!info)
            return info.error();
        result.segments += 1;
        result.bytes += info->size;
        change.segments.append(*info);
        if (m_progress)
            m_progress(mailbox->address, done, total);
        return {};
    };
    auto full = [this](const SegmentWriter &w) {
        return w.entryBytes() >= m_limits.maxSegmentEntryBytes ||
               w.recordCount() >= m_limits.maxSegmentRecords;
    };

    // Index segments: tombstones, then every added message's record and header block (or
    // whole content for always-whole messages).
    auto index = std::make_unique<SegmentWriter>(dir, SegmentKind::Index);
    for (qint64 id : std::as_const(removed)) {
        index->addTombstone(id);
        if (full(*index)) { // a mass expiry must not make one segment over the record limit
            if (Status st = finishSegment(*index); !st.ok())
                return st.error();
            index = std::make_unique<SegmentWriter>(dir, SegmentKind::Index);
        }
    }
    result.tombstones = static_cast<int>(removed.size());
    QMap<QString, QList<const Pending *>> bodiesByFolder;
    for (const Pending &p : std::as_const(toAdd)) {
        IndexRecord record = recordFor(p.message);
        if (p.delivery == Delivery::WholeInIndex) {
            index->addWhole(record, loaderFor(p.message));
        } else {
            const std::shared_ptr<BlobStore> store = blobs.value(p.message.storageId);
            Result<QByteArray> head = store->head(p.message.sha256, 64 * 1024);
            if (!head)
                return head.error();
            qsizetype length = MessageParser::headerBlockLength(*head);
            if (length == head->size() && head->size() < p.message.size) {
                // A header block longer than the first read: read the whole message.
                head = store->get(p.message.sha256);
                if (!head)
                    return head.error();
                length = MessageParser::headerBlockLength(*head);
            }
            record.content = p.delivery == Delivery::WholeInBodies ? IndexRecord::Content::Bodies
                                                                   : IndexRecord::Content::Headers;
            index->addHeaders(record, head->left(length));
            if (p.delivery == Delivery::WholeInBodies)
                bodiesByFolder[p.message.folder].append(&p);
        }
        change.addedEntries.insert(p.message.id, deliveryName(p.delivery));
        ++done;
        if (full(*index)) {
            if (Status st = finishSegment(*index); !st.ok())
                return st.error();
            index = std::make_unique<SegmentWriter>(dir, SegmentKind::Index);
        }
    }
    if (Status st = finishSegment(*index); !st.ok())
        return st.error();
    result.messagesAdded = static_cast<int>(toAdd.size());

    for (auto it = bodiesByFolder.cbegin(); it != bodiesByFolder.cend(); ++it) {
        auto bodies = std::make_unique<SegmentWriter>(dir, SegmentKind::Bodies, it.key());
        for (const Pending *p : it.value()) {
            IndexRecord record;
            record.type = IndexRecord::Type::Body;
            record.id = p->message.id;
            record.size = p->message.size;
            record.sha256 = p->message.sha256;
            bodies->addWhole(record, loaderFor(p->message));
            if (full(*bodies)) {
                if (Status st = finishSegment(*bodies); !st.ok())
                    return st.error();
                bodies = std::make_unique<SegmentWriter>(dir, SegmentKind::Bodies, it.key());
            }
        }
        if (Status st = finishSegment(*bodies); !st.ok())
            return st.error();
    }

    // The segments are durable; now the store, then the manifest.
    if (Status st = m_offline.commit(change); !st.ok())
        return st.error();
    if (Status st = writeManifest(mailboxId); !st.ok())
        return st.error();
    if (rebuild && exists) {
        for (const QString &name :
             QDir(repositoryDir(mailboxId)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (name != QStringLiteral("g%1").arg(result.generation))
                QDir(repositoryDir(mailboxId) + QLatin1Char('/') + name).removeRecursively();
        }
    }
    qCInfo(lcOffline) << "repository of" << mailbox->address << "generation" << result.generation
                      << "revision" << result.revision << ":" << result.segments << "segments,"
                      << result.messagesAdded << "messages," << result.tombstones << "tombstones";
    return result;
}

Result<Manifest> RepositoryBuilder::manifestFromStore(qint64 mailboxId) const
{
    Result<Mailbox> mailbox = m_archive.mailboxById(mailboxId);
    if (!mailbox)
        return mailbox.error();
    Result<std::optional<RepositoryState>> state = m_offline.repository(mailboxId);
    if (!state)
        return state.error();
    if (!state->has_value())
        return Error::notFound(QStringLiteral("%1 has no offline repository").arg(mailbox->address));
    Result<qint64> count = m_offline.entryCount(mailboxId);
    if (!count)
        return count.error();
    const RepositoryState &s = **state;
    Manifest m;
    m.mailbox = mailbox->address;
    m.generation = s.generation;
    m.revision = s.revision;
    m.generationCreated = s.generationCreated;
    m.updated = s.updated;
    m.settingsFingerprint = s.settingsFingerprint;
    m.messageCount = *count;
    m.segments = s.segments;
    return m;
}

Status RepositoryBuilder::writeManifest(qint64 mailboxId)
{
    Result<Manifest> manifest = manifestFromStore(mailboxId);
    if (!manifest)
        return manifest.error();
    const QByteArray bytes = manifest->toJson();
    QFile current(manifestPath(mailboxId));
    if (current.open(QIODevice::ReadOnly) && current.readAll() == bytes)
        return {};
    current.close();
    if (Status st = FileUtil::makeDirectory(repositoryDir(mailboxId), 0750); !st.ok())
        return st;
    return FileUtil::writeAtomically(manifestPath(mailboxId), bytes);
}

Status RepositoryBuilder::removeStaleFiles(qint64 mailboxId, const RepositoryState &state)
{
    const QString current = QStringLiteral("g%1").arg(state.generation);
    QDir repo(repositoryDir(mailboxId));
    for (const QString &name : repo.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (name != current) {
            qCInfo(lcOffline) << "removing stale generation" << repo.filePath(name);
            QDir(repo.filePath(name)).removeRecursively();
        }
    }
    for (const QString &name : repo.entryList(QDir::Files | QDir::Hidden)) {
        if (name != QLatin1String("manifest.json"))
            QFile::remove(repo.filePath(name)); // temporary manifests of an interrupted write
    }
    QSet<QString> referenced;
    for (const SegmentInfo &s : state.segments)
        referenced.insert(s.fileName());
    QDir gen(generationDir(mailboxId, state.generation));
    for (const QString &name : gen.entryList(QDir::Files | QDir::Hidden)) {
        if (!referenced.contains(name)) {
            qCInfo(lcOffline) << "removing unreferenced segment file" << gen.filePath(name);
            QFile::remove(gen.filePath(name));
        }
    }
    for (const SegmentInfo &s : state.segments) {
        if (!QFile::exists(gen.filePath(s.fileName())))
            return Error::corrupt(
                QStringLiteral("segment %1 of mailbox %2 is missing from %3: flush the repository")
                    .arg(s.sha256)
                    .arg(mailboxId)
                    .arg(gen.path()));
    }
    return {};
}

Status RepositoryBuilder::recover()
{
    Result<QList<qint64>> ids = m_offline.repositoryMailboxIds();
    if (!ids)
        return ids.error();
    const QSet<qint64> known(ids->cbegin(), ids->cend());
    // Repositories whose first build never committed.
    for (const QString &name : QDir(m_root).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isNumber = false;
        const qint64 id = name.toLongLong(&isNumber);
        if (isNumber && !known.contains(id)) {
            qCInfo(lcOffline) << "removing uncommitted repository directory" << name;
            QDir(QDir(m_root).filePath(name)).removeRecursively();
        }
    }
    Status firstError;
    for (qint64 id : std::as_const(*ids)) {
        Result<std::optional<RepositoryState>> state = m_offline.repository(id);
        if (!state)
            return state.error();
        if (!state->has_value())
            continue;
        Status st = removeStaleFiles(id, **state);
        if (st.ok())
            st = writeManifest(id);
        if (!st.ok()) {
            qCWarning(lcOffline) << st.errorString();
            if (firstError.ok())
                firstError = st;
        }
    }
    return firstError;
}

} // namespace ArchiveSync
