// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiError.h"
#include "core/common/Sha256.h"
#include "core/repository/Manifest.h"

#include <QFile>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;

namespace ArchiveSync {

class ApiClient;
class BandwidthLimiter;

/// \brief Fetches one segment file into the spool directory: resumable, verified, bounded in memory.
///
/// Bytes go to "<sha256>.part" as they arrive (the reply's read buffer is capped, so a fast service
/// cannot make the agent hold more than that); a part left by an earlier attempt is resumed with a
/// Range request guarded by If-Range. The SHA-256 is computed on the way in, and only a file whose
/// size and hash are the manifest's is renamed to "<sha256>.tar.zst". A file that fails the check is
/// deleted: the next attempt starts from zero.
class SegmentDownloader : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(ApiResult<QString> path)>;
    using Progress = std::function<void(qint64 bytesInFile)>;

    static constexpr qint64 kReadBufferBytes = 256 * 1024;
    static constexpr int kStallTimeoutMsecs = 60000;

    SegmentDownloader(QNetworkAccessManager &network, const ApiClient &client, BandwidthLimiter *limiter,
                      QObject *parent = nullptr);
    ~SegmentDownloader() override;

    /// Starts the download; `done` is called once (not after abort()).
    void start(const QString &address, const SegmentInfo &segment, const QString &spoolDirectory, Done done,
               Progress progress = {});
    void abort();
    bool isRunning() const { return bool(m_reply); }
    void setStallTimeout(int msecs) { m_stall.setInterval(msecs); }

    static QString finalPath(const QString &spoolDirectory, const QString &sha256);
    /// `error` as it stands, or, when the disk holding `path` has (almost) no room left, an Io error that
    /// says the disk is full: the state a person can do something about.
    static Error diskFullOr(const Error &error, const QString &path);
    static QString partPath(const QString &spoolDirectory, const QString &sha256);
    /// Bytes this downloader took off the wire since it was made.
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    void onMetaData();
    void drain();
    void onFinished();
    void finish(ApiResult<QString> result);
    Status restartFile();

    QNetworkAccessManager &m_network;
    const ApiClient &m_client;
    BandwidthLimiter *m_limiter = nullptr;
    QPointer<QNetworkReply> m_reply;
    QFile m_file;
    Sha256 m_hash;
    SegmentInfo m_segment;
    QString m_spool;
    qint64 m_resumeFrom = 0;
    qint64 m_bytesReceived = 0;
    int m_status = 0;
    bool m_accepted = false;
    QByteArray m_errorBody;
    QTimer m_stall;
    QTimer m_throttle;
    Done m_done;
    Progress m_progress;
    std::optional<ApiError> m_failure;
};

} // namespace ArchiveSync
