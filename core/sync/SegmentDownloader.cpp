// SPDX-License-Identifier: Apache-2.0
#include "core/sync/SegmentDownloader.h"

#include "core/api/ApiClient.h"
#include "core/api/ApiRequest.h"
#include "core/common/FileUtil.h"
#include "core/model/OfflineSettings.h"
#include "core/repository/SegmentReader.h"
#include "core/sync/BandwidthLimiter.h"
#include "core/sync/SyncLogging.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStorageInfo>

namespace ArchiveSync {

namespace {
constexpr qint64 kMaxErrorBody = 64 * 1024;

QByteArray quoted(const QString &s)
{
    return '"' + s.toLatin1() + '"';
}

ApiError asApiError(const Error &error)
{
    ApiError apiError;
    static_cast<Error &>(apiError) = error;
    return apiError;
}

// "bytes 100-199/200" → 100; -1 when the header is not of that form.
qint64 contentRangeStart(const QByteArray &header)
{
    if (!header.startsWith("bytes "))
        return -1;
    const qsizetype dash = header.indexOf('-');
    if (dash < 0)
        return -1;
    bool ok = false;
    const qint64 start = header.mid(6, dash - 6).trimmed().toLongLong(&ok);
    return ok ? start : -1;
}
} // namespace

SegmentDownloader::SegmentDownloader(QNetworkAccessManager &network, const ApiClient &client,
                                     BandwidthLimiter *limiter, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_client(client)
    , m_limiter(limiter)
{
    m_stall.setSingleShot(true);
    // ARCHIVESYNC_STALL_TIMEOUT (seconds) shortens the wait on links known to be bad, and in fault tests.
    bool ok = false;
    const int stallSeconds = qEnvironmentVariableIntValue("ARCHIVESYNC_STALL_TIMEOUT", &ok);
    m_stall.setInterval(ok && stallSeconds > 0 ? stallSeconds * 1000 : kStallTimeoutMsecs);
    connect(&m_stall, &QTimer::timeout, this, [this] {
        m_failure = ApiError::network(tr("the download of segment %1 stalled").arg(m_segment.sha256));
        if (m_reply)
            m_reply->abort();
    });
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, &SegmentDownloader::drain);
}

SegmentDownloader::~SegmentDownloader()
{
    abort();
}

QString SegmentDownloader::finalPath(const QString &spoolDirectory, const QString &sha256)
{
    return QDir(spoolDirectory).filePath(sha256 + QStringLiteral(".tar.zst"));
}

Error SegmentDownloader::diskFullOr(const Error &error, const QString &path)
{
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    constexpr qint64 kNearlyFull = 2 * 1024 * 1024;
    if (!storage.isValid() || storage.bytesAvailable() >= kNearlyFull)
        return error;
    return Error::io(tr("the disk is full (%1 free on %2): make room and the sync goes on by itself")
                         .arg(OfflineSettings::humanSize(storage.bytesAvailable()), storage.rootPath()));
}

QString SegmentDownloader::partPath(const QString &spoolDirectory, const QString &sha256)
{
    return QDir(spoolDirectory).filePath(sha256 + QStringLiteral(".part"));
}

void SegmentDownloader::abort()
{
    m_done = {};
    m_progress = {};
    m_stall.stop();
    m_throttle.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_file.isOpen()) {
        m_file.flush();
        m_file.close();
    }
}

Status SegmentDownloader::restartFile()
{
    m_hash.reset();
    m_resumeFrom = 0;
    if (!m_file.resize(0) || !m_file.seek(0))
        return Error::io(tr("cannot truncate %1: %2").arg(m_file.fileName(), m_file.errorString()));
    return {};
}

void SegmentDownloader::start(const QString &address, const SegmentInfo &segment,
                              const QString &spoolDirectory, Done done, Progress progress)
{
    abort();
    m_segment = segment;
    m_spool = spoolDirectory;
    m_done = std::move(done);
    m_progress = std::move(progress);
    m_status = 0;
    m_accepted = false;
    m_errorBody.clear();
    m_failure.reset();
    m_hash.reset();

    // A complete file from an earlier run is used if it still checks out.
    const QString complete = finalPath(spoolDirectory, segment.sha256);
    if (QFile::exists(complete)) {
        if (QFileInfo(complete).size() == segment.size &&
            SegmentReader::verifyFile(complete, segment.sha256).ok())
            return finish(complete);
        QFile::remove(complete);
    }

    if (Status st = FileUtil::makeDirectory(spoolDirectory); !st.ok())
        return finish(asApiError(st.error()));
    m_file.setFileName(partPath(spoolDirectory, segment.sha256));
    if (!m_file.open(QIODevice::ReadWrite))
        return finish(
            asApiError(Error::io(tr("cannot open %1: %2").arg(m_file.fileName(), m_file.errorString()))));
    m_file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);

    // Hash what an earlier attempt left; a part longer than the segment is garbage.
    m_resumeFrom = m_file.size();
    if (m_resumeFrom > segment.size) {
        if (Status st = restartFile(); !st.ok())
            return finish(asApiError(st.error()));
    } else if (m_resumeFrom > 0) {
        QByteArray buffer(1024 * 1024, Qt::Uninitialized);
        qint64 left = m_resumeFrom;
        while (left > 0) {
            const qint64 n = m_file.read(buffer.data(), std::min<qint64>(left, buffer.size()));
            if (n <= 0)
                return finish(asApiError(
                    Error::io(tr("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString()))));
            m_hash.addData(buffer.constData(), n);
            left -= n;
        }
    }
    if (m_resumeFrom == segment.size && segment.size > 0)
        return onFinished();

    ApiRequest request;
    request.path = QStringLiteral("/api/v1/offline/%1/segments/%2")
                       .arg(ApiRequest::segment(address), ApiRequest::segment(segment.sha256));
    QNetworkRequest networkRequest = m_client.networkRequest(request);
    // The stall timer below watches progress; the request's own timeout would cut a long download.
    networkRequest.setTransferTimeout(0);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    if (m_resumeFrom > 0) {
        networkRequest.setRawHeader("Range", "bytes=" + QByteArray::number(m_resumeFrom) + '-');
        networkRequest.setRawHeader("If-Range", quoted(segment.sha256));
        qCInfo(lcSync) << "resuming segment" << segment.sha256 << "at byte" << m_resumeFrom;
    }
    m_reply = m_network.get(networkRequest);
    m_reply->setReadBufferSize(kReadBufferBytes);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &SegmentDownloader::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &SegmentDownloader::drain);
    connect(m_reply, &QNetworkReply::finished, this, &SegmentDownloader::onFinished);
    m_stall.start();
}

void SegmentDownloader::onMetaData()
{
    if (!m_reply || m_status != 0)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 206) {
        if (contentRangeStart(m_reply->rawHeader("Content-Range")) != m_resumeFrom) {
            m_failure = ApiError::unexpectedReply(
                206, tr("the service resumed segment %1 at the wrong offset").arg(m_segment.sha256));
            m_reply->abort();
            return;
        }
        m_accepted = true;
    } else if (m_status == 200) {
        // The whole file again (the service ignored the range, or the part was stale): start over.
        if (m_resumeFrom > 0) {
            if (Status st = restartFile(); !st.ok()) {
                m_failure = asApiError(st.error());
                m_reply->abort();
                return;
            }
        }
        m_accepted = true;
    }
}

void SegmentDownloader::drain()
{
    if (!m_reply)
        return;
    if (m_status == 0)
        onMetaData();
    if (!m_reply)
        return;
    if (!m_accepted) {
        // An error answer: keep a bounded part of its body for the problem detail.
        const QByteArray chunk = m_reply->read(kMaxErrorBody - m_errorBody.size());
        m_errorBody += chunk;
        if (m_reply->bytesAvailable() > 0 && m_errorBody.size() >= kMaxErrorBody)
            m_reply->read(m_reply->bytesAvailable()); // discard the rest
        return;
    }
    m_stall.start();
    while (m_reply->bytesAvailable() > 0) {
        qint64 allowed = kReadBufferBytes;
        if (m_limiter) {
            allowed = m_limiter->available(kReadBufferBytes);
            if (allowed <= 0) {
                m_throttle.start(m_limiter->msecsUntil(16 * 1024));
                return;
            }
        }
        const QByteArray chunk = m_reply->read(allowed);
        if (chunk.isEmpty())
            break;
        if (m_file.size() + chunk.size() > m_segment.size) {
            m_failure = asApiError(Error::corrupt(tr("segment %1 is longer than the manifest says (%2 bytes)")
                                                      .arg(m_segment.sha256)
                                                      .arg(m_segment.size)));
            m_reply->abort();
            return;
        }
        if (m_file.write(chunk) != chunk.size()) {
            m_failure = asApiError(
                diskFullOr(Error::io(tr("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString())),
                           m_file.fileName()));
            m_reply->abort();
            return;
        }
        if (m_limiter)
            m_limiter->consume(chunk.size());
        m_hash.addData(chunk);
        m_bytesReceived += chunk.size();
        if (m_progress)
            m_progress(m_file.size());
    }
    // Everything read: the finished signal may have been held back by the throttle.
    if (m_reply->isFinished())
        onFinished();
}

void SegmentDownloader::onFinished()
{
    m_stall.stop();
    QNetworkReply *reply = m_reply;
    if (reply && reply->bytesAvailable() > 0 && m_accepted && !m_failure) {
        drain(); // the throttle left bytes behind; drain() comes back here once they are written
        // Done already (drain() ended the download, and the callback may have started the next one),
        // or bytes still wait for the throttle.
        if (m_reply != reply || m_reply->bytesAvailable() > 0)
            return;
    }
    if (reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->deleteLater();
    }
    m_throttle.stop();

    if (m_failure) {
        // A body longer than the segment fails its check like a wrong hash: the part goes, so the
        // next attempt starts from zero.
        if (m_failure->category == ErrorCategory::Corrupt && m_file.isOpen()) {
            m_file.close();
            QFile::remove(m_file.fileName());
        }
        return finish(*m_failure);
    }
    if (reply) {
        if (!m_accepted) {
            if (m_status == 0)
                return finish(
                    ApiError::network(tr("segment %1: %2").arg(m_segment.sha256, reply->errorString())));
            if (m_status == 416) {
                // The part is no prefix the service can continue: drop it.
                if (Status st = restartFile(); !st.ok())
                    return finish(asApiError(st.error()));
                return finish(ApiError::unexpectedReply(
                    416, tr("segment %1 must be fetched from the start").arg(m_segment.sha256)));
            }
            return finish(ApiError::fromHttp(m_status, m_errorBody, reply->rawHeader("Retry-After")));
        }
        if (reply->error() != QNetworkReply::NoError)
            return finish(
                ApiError::network(tr("segment %1: %2").arg(m_segment.sha256, reply->errorString())));
    }

    const qint64 size = m_file.size();
    if (size != m_segment.size) {
        // Cut short: keep the part for the next attempt's Range request.
        return finish(ApiError::network(
            tr("segment %1 ended after %2 of %3 bytes").arg(m_segment.sha256).arg(size).arg(m_segment.size)));
    }
    const QString actual = m_hash.resultHex();
    if (actual != m_segment.sha256) {
        const QString part = m_file.fileName();
        m_file.close();
        QFile::remove(part);
        qCWarning(lcSync) << "segment" << m_segment.sha256 << "failed verification (got" << actual
                          << "); discarded";
        return finish(asApiError(Error::corrupt(
            tr("segment %1 failed verification: its SHA-256 is %2").arg(m_segment.sha256, actual))));
    }
    if (!m_file.flush())
        return finish(asApiError(
            diskFullOr(Error::io(tr("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString())),
                       m_file.fileName())));
    const QString part = m_file.fileName();
    m_file.close();
    if (Status st = FileUtil::syncFile(part); !st.ok())
        return finish(asApiError(st.error()));
    const QString complete = finalPath(m_spool, m_segment.sha256);
    if (Status st = FileUtil::renameDurably(part, complete); !st.ok())
        return finish(asApiError(st.error()));
    finish(complete);
}

void SegmentDownloader::finish(ApiResult<QString> result)
{
    if (m_file.isOpen())
        m_file.close();
    Done done = std::move(m_done);
    m_done = {};
    m_progress = {};
    if (done)
        done(std::move(result));
}

} // namespace ArchiveSync
