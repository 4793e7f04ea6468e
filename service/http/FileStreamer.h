// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>

#include <memory>

QT_BEGIN_NAMESPACE
class QFile;
class QHttpServerRequest;
class QTcpSocket;
QT_END_NAMESPACE

namespace ArchiveSync {

/// \brief Sends a file as an HTTP response body, for segment downloads of many GB.
///
/// Qt 6.4's QHttpServerResponder::write(QIODevice *) copies through a 512-byte buffer and closes the
/// connection afterwards (QTBUG-119405). This writes large chunks straight to the responder's socket
/// and refills only as the socket drains, so memory stays bounded (about highWaterBytes + chunkBytes
/// per download), a slow client never blocks the event loop, and the connection stays usable.
///
/// Supports one byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`: 206 with Content-Range; out of range:
/// 416 with `Content-Range: bytes */size`), If-None-Match (304) and If-Range (strong ETag comparison).
/// A Range header asking for several ranges is ignored and the whole file is sent with 200, which
/// RFC 9110 allows and which spares clients a multipart/byteranges body. A malformed Range header or
/// another unit is ignored the same way. HEAD gets the headers GET would get. A missing file is a 404
/// and an unreadable one a 500, both with a problem+json body.
class FileStreamer final : public QObject
{
public:
    /// The file is read in pieces of this size.
    static constexpr qint64 chunkBytes = 256 * 1024;
    /// Another piece is read only while the socket holds less than this unsent.
    static constexpr qint64 highWaterBytes = 1024 * 1024;

    /// Answers request with the file at path. The response headers are written at once; the body is
    /// sent as the client reads it, by an object owned by the socket. It stops when the client goes
    /// away, and when context (if given) is destroyed first, in which case the connection is aborted
    /// so the client sees a cut-off body rather than a hang. etag is the entity tag without quotes.
    static void stream(QHttpServerResponder &&responder, const QString &path,
                       const QHttpServerRequest &request, const QByteArray &contentType,
                       const QByteArray &etag, QObject *context = nullptr);

    enum class RangeKind
    {
        Full,          ///< no usable single range: send the whole file with 200
        Partial,       ///< send [first, first + length) with 206
        Unsatisfiable, ///< 416
    };
    struct Range
    {
        RangeKind kind = RangeKind::Full;
        qint64 first = 0;
        qint64 length = 0;
    };
    /// What a Range header value means for a file of size bytes.
    static Range resolveRange(QByteArrayView rangeHeader, qint64 size);

    /// Bodies being sent right now, for metrics and tests.
    static int activeStreams();
    /// File body bytes handed to clients' sockets since the process started.
    static qint64 bytesSent();

    ~FileStreamer() override;

private:
    FileStreamer(QHttpServerResponder &&responder, std::unique_ptr<QFile> file, qint64 length,
                 QObject *context);
    void pump();
    void stop(bool abortConnection);

    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    std::unique_ptr<QFile> m_file;
    qint64 m_remaining = 0;
    bool m_pumping = false;
    bool m_stopped = false;
};

} // namespace ArchiveSync
