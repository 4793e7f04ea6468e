// SPDX-License-Identifier: Apache-2.0
#include "service/ingest/Ingestor.h"

#include "core/common/Sha256.h"
#include "core/mime/MessageParser.h"
#include "core/model/OfflineSettings.h"
#include "service/common/Logging.h"
#include "service/ingest/MailSourceScanner.h"
#include "service/store/BlobStore.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace ArchiveSync {

QJsonObject ArchiveReport::toJson() const
{
    QJsonArray list;
    for (const Problem &p : problems)
        list.append(QJsonObject{{QStringLiteral("file"), p.origin}, {QStringLiteral("reason"), p.reason}});
    return QJsonObject{{QStringLiteral("mailbox"), mailbox},
                       {QStringLiteral("run"), runId},
                       {QStringLiteral("archived"), counts.archived},
                       {QStringLiteral("duplicates"), counts.duplicates},
                       {QStringLiteral("unreadable"), counts.unreadable},
                       {QStringLiteral("bytes"), counts.bytes},
                       {QStringLiteral("problems"), list}};
}

Ingestor::Ingestor(ArchiveStore &store, const Clock &clock, QString defaultStoragePath)
    : m_store(store)
    , m_clock(clock)
    , m_defaultStoragePath(std::move(defaultStoragePath))
{}

bool Ingestor::isValidAddress(const QString &address)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s/\\\\]{1,64}@[^@\\s/\\\\]{1,255}$"));
    return re.match(address).hasMatch() && !address.contains(QStringLiteral(".."));
}

Result<ArchiveReport> Ingestor::archive(const Options &options, const QStringList &paths,
                                        const Progress &progress)
{
    if (!isValidAddress(options.mailbox))
        return Error::invalid(
            QStringLiteral("'%1' is not a mailbox address (name@domain)").arg(options.mailbox),
            QStringLiteral("mailbox"));
    if (!options.folder.isEmpty() && !OfflineSettings::isValidFolderPath(options.folder))
        return Error::invalid(QStringLiteral("'%1' is not a valid folder name").arg(options.folder),
                              QStringLiteral("folder"));
    if (paths.isEmpty())
        return Error::invalid(
            QStringLiteral("nothing to archive: give at least one Maildir, mbox or .eml path"));
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            return Error::notFound(QStringLiteral("%1 does not exist").arg(path));
    }

    Database &db = m_store.database();
    Result<StorageRepository> defaultStorage =
        m_store.ensureStorage(QStringLiteral("default"), StorageKind::Disk, m_defaultStoragePath);
    if (!defaultStorage)
        return defaultStorage.error();
    // A named storage repository is checked before the mailbox is created: a refused run leaves nothing.
    std::optional<StorageRepository> namedStorage;
    if (!options.storage.isEmpty()) {
        Result<std::optional<StorageRepository>> named = m_store.storageByName(options.storage);
        if (!named)
            return named.error();
        if (!named->has_value())
            return Error::notFound(QStringLiteral("no storage repository named '%1'").arg(options.storage));
        namedStorage = **named;
    }
    const QDateTime started = m_clock.now();
    Result<Mailbox> mailbox = m_store.ensureMailbox(options.mailbox, defaultStorage->id, started);
    if (!mailbox)
        return mailbox.error();

    StorageRepository storage;
    if (namedStorage) {
        storage = *namedStorage;
    } else {
        Result<StorageRepository> byId = m_store.storageById(mailbox->defaultStorageId);
        if (!byId)
            return byId.error();
        storage = *byId;
    }
    BlobStore blobs(storage.path);

    Result<qint64> runId = m_store.beginArchiveRun(mailbox->id, paths.join(QLatin1Char(' ')), started);
    if (!runId)
        return runId.error();

    ArchiveReport report;
    report.mailbox = mailbox->address;
    report.runId = *runId;
    QHash<QString, qint64> folderIds;
    int pending = 0;
    Status batch = db.begin();
    if (!batch.ok())
        return batch.error();

    auto commitBatch = [&]() -> Status {
        if (Status st = blobs.sync(); !st.ok())
            return st;
        if (Status st = db.commit(); !st.ok())
            return st;
        pending = 0;
        if (progress)
            progress(report.counts);
        return db.begin();
    };

    auto onProblem = [&](const QString &origin, const QString &reason) {
        ++report.counts.unreadable;
        report.problems.append({origin, reason});
        qCWarning(lcIngest) << "skipped" << origin << ":" << reason;
    };

    auto onMessage = [&](const QString &folder, const QString &origin, QByteArray raw) -> Status {
        if (!MessageParser::looksLikeMail(QByteArrayView(raw).first(std::min<qsizetype>(raw.size(), 8192)))) {
            onProblem(origin,
                      raw.isEmpty() ? QStringLiteral("empty file") : QStringLiteral("not a mail message"));
            return {};
        }
        qint64 folderId = folderIds.value(folder, 0);
        if (folderId == 0) {
            const FolderKind kind = options.folderKind.value_or(guessFolderKind(folder));
            Result<qint64> id = m_store.ensureFolder(mailbox->id, folder, kind);
            if (!id)
                return id.error();
            folderId = *id;
            folderIds.insert(folder, folderId);
        }
        const QString sha = Sha256::hex(raw);
        Result<bool> known = m_store.hasMessage(folderId, sha);
        if (!known)
            return known.error();
        if (*known) {
            ++report.counts.duplicates;
            return {};
        }
        StoredMessage message;
        message.mailboxId = mailbox->id;
        message.folderId = folderId;
        message.storageId = storage.id;
        message.sha256 = sha;
        message.size = raw.size();
        message.meta = MessageParser::parse(raw);
        message.archivedAt = m_clock.now();
        if (Status st = blobs.put(sha, raw); !st.ok())
            return st;
        if (Result<qint64> id = m_store.insertMessage(message, *runId); !id)
            return id.error();
        ++report.counts.archived;
        report.counts.bytes += raw.size();
        if (++pending >= options.batchSize)
            return commitBatch();
        return {};
    };

    MailSourceScanner scanner(onMessage, onProblem);
    Status status;
    for (const QString &path : paths) {
        status = scanner.scan(path, options.folder);
        if (!status.ok())
            break;
    }
    if (status.ok())
        status = commitBatch();
    if (status.ok())
        status = db.commit(); // the empty transaction commitBatch() opened
    else
        db.rollback();

    const bool failed = !status.ok();
    if (Status st =
            m_store.finishArchiveRun(*runId, report.counts, failed, status.errorString(), m_clock.now());
        !st.ok() && !failed)
        return st.error();
    if (failed)
        return status.error();
    qCInfo(lcIngest) << "archive run" << *runId << "for" << mailbox->address << ":" << report.counts.archived
                     << "archived," << report.counts.duplicates << "duplicates," << report.counts.unreadable
                     << "unreadable";
    return report;
}

} // namespace ArchiveSync
