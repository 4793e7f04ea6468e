// SPDX-License-Identifier: Apache-2.0
#include "core/sync/MailboxSync.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiRequest.h"
#include "core/common/Clock.h"
#include "core/common/FileUtil.h"
#include "core/localstore/MailboxStore.h"
#include "core/sync/SegmentApplier.h"
#include "core/sync/SegmentDownloader.h"
#include "core/sync/SyncLogging.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace ArchiveSync {

namespace {
ApiError asApiError(const Error &error)
{
    ApiError apiError;
    static_cast<Error &>(apiError) = error;
    return apiError;
}

bool excludesAnything(const OfflineSettings &folders)
{
    return !AgentMailbox::exclusions(folders).isEmpty();
}
} // namespace

MailboxSync::MailboxSync(Context context, AgentMailbox record, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_record(std::move(record))
{
    m_status.address = m_record.address;
    m_status.generation = m_record.generation;
    m_status.revision = m_record.revision;
    m_status.targetGeneration = m_record.stagingGeneration ? m_record.stagingGeneration : m_record.generation;
    m_status.asOf = m_record.asOf;
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] { checkManifest(0); });
    m_downloader = new SegmentDownloader(m_context.network, m_context.client, &m_context.limiter, this);
    // The copy in use, for status and reading; if it cannot be opened the first cycle says why.
    if (m_record.generation > 0) {
        if (Status st = openTarget(m_record.generation); !st.ok())
            qCWarning(lcSync) << m_record.address << ":" << st.error().message;
    }
    refreshCounts();
}

MailboxSync::~MailboxSync()
{
    stop();
}

bool MailboxSync::needsInitialSync() const
{
    return m_record.generation == 0 || m_record.stagingGeneration != 0;
}

MailboxStore *MailboxSync::activeStore()
{
    return m_active.get();
}

void MailboxSync::syncNow()
{
    if (m_paused)
        return;
    if (m_busy && m_status.state == SyncState::Syncing)
        return; // already at it: the running cycle ends with the newest manifest anyway
    ++m_cycle;
    m_downloader->abort();
    m_busy = false;
    m_retry.stop();
    checkManifest(0);
}

void MailboxSync::pause()
{
    m_paused = true;
    ++m_cycle;
    m_downloader->abort();
    m_busy = false;
    m_retry.stop();
    setState(SyncState::Paused);
}

void MailboxSync::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_backoff.reset();
    checkManifest(0);
}

void MailboxSync::stop()
{
    ++m_cycle;
    if (m_downloader)
        m_downloader->abort();
    m_busy = false;
    m_retry.stop();
}

Status MailboxSync::openTarget(qint64 generation)
{
    const QString directory =
        AgentState::copyDirectory(m_context.dataDirectory, m_record.address, generation);
    // Every level private to the user: even the names of the copies say which mailboxes are here.
    for (const QString &level : {QDir(m_context.dataDirectory).filePath(QStringLiteral("mailboxes")),
                                 AgentState::mailboxDirectory(m_context.dataDirectory, m_record.address)}) {
        if (Status st = FileUtil::makeDirectory(level); !st.ok())
            return st;
    }
    if (generation == m_record.generation) {
        if (!m_active) {
            Result<std::unique_ptr<MailboxStore>> store = MailboxStore::open(directory, m_context.cipher);
            if (!store)
                return store.error();
            m_active = std::move(*store);
        }
        m_target.reset();
        m_targetStore = m_active.get();
        return {};
    }
    if (!m_target || m_target->directory() != directory) {
        m_target.reset();
        Result<std::unique_ptr<MailboxStore>> store = MailboxStore::open(directory, m_context.cipher);
        if (!store)
            return store.error();
        m_target = std::move(*store);
    }
    m_targetStore = m_target.get();
    return {};
}

void MailboxSync::refreshCounts()
{
    if (m_active) {
        Result<qint64> count = m_active->messageCount();
        m_status.messages = count ? *count : 0;
    } else {
        m_status.messages = 0;
    }
}

void MailboxSync::setState(SyncState state)
{
    m_status.state = state;
    if (state != SyncState::Error && state != SyncState::Offline) {
        m_status.errorCategory.reset();
        m_status.errorMessage.clear();
    }
    if (state != SyncState::Queued)
        m_status.queuePosition = 0;
    emit statusChanged();
}

void MailboxSync::checkManifest(int waitSeconds)
{
    // One writer per copy: a check asked for while a segment is applied runs once it is done.
    if (m_applying && !m_paused)
        m_recheckAfterApply = true;
    if (m_paused || m_busy || m_applying)
        return;
    m_busy = true;
    const int cycle = ++m_cycle;
    // Ask "changed?" only when what is applied is the whole of that manifest.
    const QString etag =
        m_record.stagingGeneration == 0 && m_status.state == SyncState::UpToDate && m_record.generation > 0
            ? m_record.etag
            : QString();
    m_longPolling = !etag.isEmpty() && waitSeconds > 0;
    m_pollTimer.start();
    m_context.client.getManifest(m_record.address, etag, m_longPolling ? waitSeconds : 0,
                                 [this, cycle](ApiResult<Api::ManifestReply> reply) {
                                     if (cycle != m_cycle)
                                         return;
                                     m_busy = false;
                                     m_heldTooShort =
                                         m_longPolling && m_pollTimer.elapsed() < m_longPollSeconds * 500LL;
                                     m_longPolling = false;
                                     onManifest(std::move(reply));
                                 });
}

void MailboxSync::onManifest(ApiResult<Api::ManifestReply> reply)
{
    if (!reply)
        return fail(reply.error());
    m_backoff.reset();
    if (reply->notModified) {
        m_record.asOf = m_context.clock.now();
        m_status.asOf = m_record.asOf;
        setState(SyncState::UpToDate);
        if (m_longPollSeconds > 0) {
            // Held for less than half the wait: the service is not holding polls now; do not hammer it.
            if (m_heldTooShort)
                retryLater(kPollFallbackMsecs);
            else
                checkManifest(m_longPollSeconds);
        }
        return;
    }
    m_manifest = reply->manifest;
    m_manifestEtag = reply->etag;
    if (m_manifest.mailbox.compare(m_record.address, Qt::CaseInsensitive) != 0)
        return fail(ApiError::unexpectedReply(
            200, tr("the service sent the manifest of %1 for %2").arg(m_manifest.mailbox, m_record.address)));
    // The same generation going back means a restored or misconfigured service: applying its older
    // state would mix two histories, so the copy stays as it is until someone looks.
    if (m_manifest.generation == m_record.generation && m_manifest.revision < m_record.revision)
        return fail(asApiError(Error::conflict(tr("the service's repository of %1 went back from revision %2 "
                                                  "to %3; the local copy is kept as it "
                                                  "is")
                                                   .arg(m_record.address)
                                                   .arg(m_record.revision)
                                                   .arg(m_manifest.revision))));
    if (m_manifest.generation < m_record.generation)
        return fail(
            asApiError(Error::conflict(tr("the service's repository of %1 went back from generation %2 to %3")
                                           .arg(m_record.address)
                                           .arg(m_record.generation)
                                           .arg(m_manifest.generation))));
    plan();
}

void MailboxSync::plan()
{
    const qint64 generation = m_manifest.generation;
    if (generation != m_record.generation && m_record.stagingGeneration != generation) {
        // A new generation: start its copy beside the one in use (dropping an older unfinished one).
        if (m_record.stagingGeneration != 0) {
            m_target.reset();
            QDir(AgentState::copyDirectory(m_context.dataDirectory, m_record.address,
                                           m_record.stagingGeneration))
                .removeRecursively();
        }
        m_record.stagingGeneration = generation;
        if (Status st = m_context.persist(m_record); !st.ok())
            return fail(asApiError(st.error()));
        qCInfo(lcSync) << m_record.address << ": building generation" << generation << "beside generation"
                       << m_record.generation;
    }
    if (Status st = openTarget(generation); !st.ok())
        return fail(asApiError(st.error()));

    Result<QSet<QString>> applied = m_targetStore->appliedSegments();
    if (!applied)
        return fail(asApiError(applied.error()));
    m_wanted.clear();
    m_status.segmentsDone = 0;
    m_status.bytesDone = 0;
    m_status.segmentsTotal = 0;
    m_status.bytesTotal = 0;
    for (const SegmentInfo &segment : std::as_const(m_manifest.segments)) {
        const bool wanted = segment.kind == SegmentKind::Index ||
                            m_record.folders.policyFor(segment.folder) == FolderPolicy::Whole;
        if (!wanted)
            continue;
        ++m_status.segmentsTotal;
        m_status.bytesTotal += segment.size;
        if (applied->contains(segment.sha256)) {
            ++m_status.segmentsDone;
            m_status.bytesDone += segment.size;
        } else {
            m_wanted.append(segment);
        }
    }
    m_status.targetGeneration = generation;
    m_status.messagesTotal = m_manifest.messageCount;
    if (m_wanted.isEmpty())
        return completeGeneration();
    setState(SyncState::Syncing);
    next();
}

void MailboxSync::next()
{
    if (m_paused)
        return;
    if (m_wanted.isEmpty())
        return completeGeneration();
    if (needsInitialSync())
        admitThenDownload();
    else
        download();
}

void MailboxSync::admitThenDownload()
{
    // Asked before every segment: the answer renews the lease, and a full queue is a state to show.
    m_busy = true;
    const int cycle = m_cycle;
    m_context.client.requestInitialSync([this, cycle](ApiResult<Api::Admission> admitted) {
        if (cycle != m_cycle)
            return;
        m_busy = false;
        if (!admitted) {
            const ApiError &error = admitted.error();
            // A session token (no device) cannot queue: syncing without admission is all it can do.
            if (error.category == ErrorCategory::Forbidden)
                return download();
            if (error.category == ErrorCategory::Throttled) {
                const int wait = std::max(1, error.retryAfterSeconds.value_or(5));
                m_status.nextAttempt = m_context.clock.now().addSecs(wait);
                setState(SyncState::Queued);
                m_status.queuePosition = error.queuePosition.value_or(0);
                emit statusChanged();
                m_retry.disconnect();
                connect(&m_retry, &QTimer::timeout, this, [this] { next(); });
                m_retry.start(wait * 1000);
                return;
            }
            return fail(error);
        }
        if (m_status.state != SyncState::Syncing)
            setState(SyncState::Syncing);
        download();
    });
}

void MailboxSync::download()
{
    const SegmentInfo segment = m_wanted.constFirst();
    const qint64 doneBefore = m_status.bytesDone;
    const qint64 fetchedBefore = m_downloader->bytesReceived();
    const qint64 statusFetchedBefore = m_status.bytesFetched;
    ++m_status.segmentsFetched;
    m_busy = true;
    const int cycle = m_cycle;
    m_downloader->start(
        m_record.address, segment, AgentState::spoolDirectory(m_context.dataDirectory),
        [this, cycle](ApiResult<QString> path) {
            if (cycle != m_cycle)
                return;
            m_busy = false;
            onDownloaded(std::move(path));
        },
        [this, doneBefore, fetchedBefore, statusFetchedBefore](qint64 inFile) {
            m_status.bytesDone = doneBefore + inFile;
            m_status.bytesFetched = statusFetchedBefore + (m_downloader->bytesReceived() - fetchedBefore);
            emit statusChanged();
        });
}

void MailboxSync::onDownloaded(ApiResult<QString> path)
{
    const SegmentInfo segment = m_wanted.constFirst();
    if (!path) {
        // The segment is gone from the service: the manifest moved on (a flush, a repair). Start the
        // cycle again from the manifest; only a manifest refused means the mailbox is no longer ours.
        if (path.error().category == ErrorCategory::NotFound) {
            qCInfo(lcSync) << m_record.address << ": segment" << segment.sha256
                           << "is no longer served; reading the manifest again";
            ++m_cycle;
            return checkManifest(0);
        }
        if (path.error().category == ErrorCategory::Corrupt) {
            // Discarded by the downloader; fetched again from zero, a few times at most.
            if (++m_verifyFailures[segment.sha256] < kMaxVerifyFailures)
                return next();
        }
        return fail(path.error());
    }
    // Applying a large segment takes seconds: it runs on a pool thread, on a connection of its own to
    // the same database, so the event loop (the tray, the control socket, other downloads) goes on.
    m_busy = true;
    const int cycle = m_cycle;
    const QString file = *path;
    auto *watcher = new QFutureWatcher<ApplyOutcome>(this);
    m_applying = true;
    connect(watcher, &QFutureWatcher<ApplyOutcome>::finished, this, [this, watcher, cycle, segment, file] {
        watcher->deleteLater();
        m_applying = false;
        if (cycle != m_cycle) {
            // Stopped or restarted meanwhile; the transaction committed or rolled back whole.
            if (std::exchange(m_recheckAfterApply, false))
                checkManifest(0);
            return;
        }
        m_recheckAfterApply = false;
        m_busy = false;
        onApplied(segment, file, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([directory = m_targetStore->directory(), &cipher = m_context.cipher,
                                          segment, file, folders = m_record.folders]() -> ApplyOutcome {
        Result<std::unique_ptr<MailboxStore>> store = MailboxStore::open(directory, cipher);
        if (!store)
            return {store.error()};
        Result<SegmentApplier::Stats> stats = SegmentApplier::apply(**store, segment, file, folders);
        return stats ? ApplyOutcome{} : ApplyOutcome{stats.error()};
    }));
}

void MailboxSync::onApplied(const SegmentInfo &segment, const QString &path, const ApplyOutcome &outcome)
{
    if (outcome.error) {
        // Whatever the reader refused is never applied; a fresh copy is fetched next time.
        QFile::remove(path);
        if (outcome.error->category == ErrorCategory::Corrupt &&
            ++m_verifyFailures[segment.sha256] < kMaxVerifyFailures)
            return next();
        return fail(asApiError(SegmentDownloader::diskFullOr(*outcome.error, path)));
    }
    QFile::remove(path);
    m_verifyFailures.remove(segment.sha256);
    m_wanted.removeFirst();
    ++m_status.segmentsDone;
    if (m_targetStore == m_active.get())
        refreshCounts();
    emit statusChanged();
    // Back to the event loop between segments, so commands (pause, status) are answered.
    const int cycle = m_cycle;
    QTimer::singleShot(0, this, [this, cycle] {
        if (cycle == m_cycle)
            next();
    });
}

void MailboxSync::completeGeneration()
{
    const bool wasInitial = needsInitialSync();
    MailboxStore &target = *m_targetStore;
    if (Status st = target.setValue(QStringLiteral("generation"), QString::number(m_manifest.generation));
        !st.ok())
        return fail(asApiError(st.error()));
    if (Status st = target.setValue(QStringLiteral("revision"), QString::number(m_manifest.revision));
        !st.ok())
        return fail(asApiError(st.error()));
    if (!excludesAnything(m_record.folders)) {
        Result<qint64> count = target.messageCount();
        if (count && *count != m_manifest.messageCount)
            qCWarning(lcSync) << m_record.address << ": the copy holds" << *count
                              << "messages, the manifest says" << m_manifest.messageCount;
    }
    const qint64 oldGeneration = m_record.generation;
    AgentMailbox next = m_record;
    next.generation = m_manifest.generation;
    next.stagingGeneration = 0;
    next.revision = m_manifest.revision;
    next.etag = m_manifestEtag;
    next.asOf = m_context.clock.now();
    // The swap: once the state names the new generation, it is the copy in use.
    if (Status st = m_context.persist(next); !st.ok())
        return fail(asApiError(st.error()));
    m_record = next;
    if (m_target) {
        m_active = std::move(m_target);
        m_targetStore = m_active.get();
        if (oldGeneration != 0 && oldGeneration != m_record.generation) {
            QDir(AgentState::copyDirectory(m_context.dataDirectory, m_record.address, oldGeneration))
                .removeRecursively();
            qCInfo(lcSync) << m_record.address << ": generation" << m_record.generation
                           << "replaced generation" << oldGeneration;
        }
    }
    m_status.generation = m_record.generation;
    m_status.revision = m_record.revision;
    m_status.targetGeneration = m_record.generation;
    m_status.asOf = m_record.asOf;
    m_status.nextAttempt = {};
    refreshCounts();
    setState(SyncState::UpToDate);
    if (wasInitial)
        emit initialSyncFinished();
    if (m_longPollSeconds > 0) {
        const int cycle = m_cycle;
        QTimer::singleShot(0, this, [this, cycle] {
            if (cycle == m_cycle)
                checkManifest(m_longPollSeconds);
        });
    }
}

void MailboxSync::fail(const ApiError &error)
{
    m_busy = false;
    if (error.category == ErrorCategory::Auth) {
        emit authenticationLost(error);
        return;
    }
    if (error.category == ErrorCategory::NotFound && error.httpStatus == 404) {
        emit accessLost(error);
        return;
    }
    const int wait = error.category == ErrorCategory::Throttled && error.retryAfterSeconds
                         ? *error.retryAfterSeconds * 1000
                         : m_backoff.next();
    m_status.errorCategory = error.category;
    m_status.errorMessage = error.message;
    m_status.nextAttempt = m_context.clock.now().addMSecs(wait);
    m_status.state = error.category == ErrorCategory::Network ? SyncState::Offline : SyncState::Error;
    qCWarning(lcSync) << m_record.address << ":" << error.message << "- trying again in" << wait / 1000
                      << "s";
    emit statusChanged();
    retryLater(wait);
}

void MailboxSync::retryLater(int msecs)
{
    m_retry.disconnect();
    connect(&m_retry, &QTimer::timeout, this, [this] { checkManifest(0); });
    m_retry.start(msecs);
}

} // namespace ArchiveSync
