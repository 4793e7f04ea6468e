// SPDX-License-Identifier: Apache-2.0
#include "service/http/FileStreamer.h"

#include "service/common/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QSslSocket>
#include <QTcpSocket>

#include <atomic>
#include <fcntl.h>

namespace ArchiveSync {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

std::atomic<int> s_activeStreams{0};
std::atomic<qint64> s_bytesSent{0};

const QByteArray kCacheControl = QByteArrayLiteral("private, no-cache");

bool parseDigits(QByteArrayView text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    *value = text.toByteArray().toLongLong();
    return true;
}

// Bytes written but not yet handed to the kernel. Over TLS, bytesToWrite() counts only those not yet
// encrypted; the encrypted ones wait in a second buffer, which would otherwise grow to the whole file.
qint64 unsentBytes(const QTcpSocket *socket)
{
    const auto *tls = qobject_cast<const QSslSocket *>(socket);
    return socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
}

QByteArray quotedEtag(const QByteArray &etag)
{
    if (etag.startsWith('"') || etag.startsWith("W/\""))
        return etag;
    return '"' + etag + '"';
}

// The opaque part of an entity tag: the quoted string without a weak prefix.
QByteArray opaqueTag(QByteArray tag, bool *weak = nullptr)
{
    tag = tag.trimmed();
    const bool isWeak = tag.startsWith("W/");
    if (isWeak)
        tag.remove(0, 2);
    if (weak)
        *weak = isWeak;
    return tag;
}

// If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" matches "x".
bool noneMatchHits(const QByteArray &headerValue, const QByteArray &ourTag)
{
    if (headerValue.trimmed() == "*")
        return true;
    const QByteArray ours = opaqueTag(ourTag);
    for (const QByteArray &candidate : headerValue.split(',')) {
        if (opaqueTag(candidate) == ours)
            return true;
    }
    return false;
}

// If-Range uses the strong comparison (RFC 9110 13.1.5): a weak tag, or a date (we send no
// Last-Modified), never matches, and the whole file is sent.
bool ifRangeHits(const QByteArray &headerValue, const QByteArray &ourTag)
{
    bool theirsWeak = false;
    bool oursWeak = false;
    const QByteArray theirs = opaqueTag(headerValue, &theirsWeak);
    const QByteArray ours = opaqueTag(ourTag, &oursWeak);
    return !theirsWeak && !oursWeak && theirs.startsWith('"') && theirs == ours;
}

bool usable(QTcpSocket *socket)
{
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}

// Qt 6.4's writeHeader() writes straight to the socket, and only writeBody() ends the header block;
// since bodies go to the socket directly here, the blank line is ours to write.
void endHeaders(QHttpServerResponder &responder)
{
    responder.socket()->write("\r\n");
}

void writeProblem(QHttpServerResponder &responder, StatusCode status, const QByteArray &title,
                  const QByteArray &detail, bool head, const QByteArray &contentRange = {})
{
    const QByteArray body = "{\"type\":\"about:blank\",\"title\":\"" + title +
                            "\",\"status\":" + QByteArray::number(int(status)) + ",\"detail\":\"" + detail +
                            "\"}";
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", "application/problem+json");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    if (!contentRange.isEmpty())
        responder.writeHeader("Content-Range", contentRange);
    endHeaders(responder);
    if (!head)
        responder.socket()->write(body);
}

} // namespace

FileStreamer::Range FileStreamer::resolveRange(QByteArrayView rangeHeader, qint64 size)
{
    const QByteArray value = rangeHeader.toByteArray().trimmed();
    // Range units are case-insensitive (RFC 9110 14.1).
    if (value.size() < 6 || value.left(6).toLower() != "bytes=")
        return {};
    const QByteArray spec = value.mid(6).trimmed();
    if (spec.contains(','))
        return {};
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return {};
    const QByteArray firstText = spec.left(dash).trimmed();
    const QByteArray lastText = spec.mid(dash + 1).trimmed();

    if (firstText.isEmpty()) {
        qint64 suffix = 0;
        if (!parseDigits(lastText, &suffix))
            return {};
        if (suffix == 0 || size == 0)
            return {RangeKind::Unsatisfiable, 0, 0};
        suffix = qMin(suffix, size);
        return {RangeKind::Partial, size - suffix, suffix};
    }
    qint64 first = 0;
    qint64 last = size - 1;
    if (!parseDigits(firstText, &first) || (!lastText.isEmpty() && !parseDigits(lastText, &last)))
        return {};
    // "A byte-range-spec is invalid if the last-pos value is present and less than the first-pos"
    // (RFC 9110 14.1.1); an invalid Range header is ignored.
    if (!lastText.isEmpty() && last < first)
        return {};
    if (first >= size)
        return {RangeKind::Unsatisfiable, 0, 0};
    last = qMin(last, size - 1);
    return {RangeKind::Partial, first, last - first + 1};
}

void FileStreamer::stream(QHttpServerResponder &&responder, const QString &path,
                          const QHttpServerRequest &request, const QByteArray &contentType,
                          const QByteArray &etag, QObject *context)
{
    // Qt 6.4's responder asserts the socket is open; a client gone before we answer gets nothing.
    if (!usable(responder.socket()))
        return;
    const bool head = request.method() == QHttpServerRequest::Method::Head;

    const QFileInfo info(path);
    if (!info.isFile()) {
        writeProblem(responder, StatusCode::NotFound, "Not Found", "no such file", head);
        return;
    }
    auto file = std::make_unique<QFile>(path);
    // Unbuffered: QFile's own buffer would only add a copy to 256 KiB reads.
    if (!file->open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        qCWarning(lcHttp) << "cannot open" << path << "for a download:" << file->errorString();
        writeProblem(responder, StatusCode::InternalServerError, "Internal Server Error",
                     "the file cannot be read", head);
        return;
    }
    const qint64 size = file->size();
    const QByteArray tag = etag.isEmpty() ? QByteArray() : quotedEtag(etag);

    if (!tag.isEmpty()) {
        const QByteArray noneMatch = request.value("If-None-Match");
        if (!noneMatch.isEmpty() && noneMatchHits(noneMatch, tag)) {
            responder.writeStatusLine(StatusCode::NotModified);
            responder.writeHeader("ETag", tag);
            responder.writeHeader("Cache-Control", kCacheControl);
            endHeaders(responder);
            return;
        }
    }

    Range range{RangeKind::Full, 0, size};
    const QByteArray rangeHeader = request.value("Range");
    if (!rangeHeader.isEmpty()) {
        const QByteArray ifRange = request.value("If-Range");
        if (ifRange.isEmpty() || (!tag.isEmpty() && ifRangeHits(ifRange, tag)))
            range = resolveRange(rangeHeader, size);
    }
    if (range.kind == RangeKind::Unsatisfiable) {
        writeProblem(responder, StatusCode::RequestRangeNotSatisfiable, "Range Not Satisfiable",
                     "the range is outside the file", head, "bytes */" + QByteArray::number(size));
        return;
    }
    if (range.kind == RangeKind::Full)
        range = {RangeKind::Full, 0, size};

    const bool partial = range.kind == RangeKind::Partial;
    responder.writeStatusLine(partial ? StatusCode::PartialContent : StatusCode::Ok);
    responder.writeHeader("Content-Type",
                          contentType.isEmpty() ? QByteArray("application/octet-stream") : contentType);
    responder.writeHeader("Content-Length", QByteArray::number(range.length));
    responder.writeHeader("Accept-Ranges", "bytes");
    if (!tag.isEmpty())
        responder.writeHeader("ETag", tag);
    responder.writeHeader("Cache-Control", kCacheControl);
    if (partial) {
        responder.writeHeader("Content-Range", "bytes " + QByteArray::number(range.first) + '-' +
                                                   QByteArray::number(range.first + range.length - 1) + '/' +
                                                   QByteArray::number(size));
    }
    endHeaders(responder);
    if (head || range.length == 0)
        return;

    if (!file->seek(range.first)) {
        // The status line is out; cutting the connection is the only honest answer left.
        qCWarning(lcHttp) << "cannot seek in" << path << ":" << file->errorString();
        responder.socket()->abort();
        return;
    }
    ::posix_fadvise(file->handle(), range.first, range.length, POSIX_FADV_SEQUENTIAL);
    new FileStreamer(std::move(responder), std::move(file), range.length, context);
}

int FileStreamer::activeStreams()
{
    return s_activeStreams.load();
}

qint64 FileStreamer::bytesSent()
{
    return s_bytesSent.load();
}

FileStreamer::FileStreamer(QHttpServerResponder &&responder, std::unique_ptr<QFile> file, qint64 length,
                           QObject *context)
    : m_responder(std::move(responder))
    , m_socket(m_responder.socket())
    , m_file(std::move(file))
    , m_remaining(length)
{
    ++s_activeStreams;
    // Owned by the connection: when QHttpServer deletes a closed socket, this goes with it.
    setParent(m_socket);
    connect(m_socket, &QIODevice::bytesWritten, this, &FileStreamer::pump);
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, &FileStreamer::pump);
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        qCDebug(lcHttp) << "client left during a download," << m_remaining << "bytes unsent";
        stop(false);
    });
    if (context)
        connect(context, &QObject::destroyed, this, [this] { stop(true); });
    pump();
}

FileStreamer::~FileStreamer()
{
    --s_activeStreams;
}

void FileStreamer::pump()
{
    if (m_stopped || m_pumping)
        return;
    if (!usable(m_socket)) {
        stop(false);
        return;
    }
    m_pumping = true;
    // Refill only while little is queued: the socket's buffer, not the file, sets the pace.
    while (m_remaining > 0 && unsentBytes(m_socket) < highWaterBytes) {
        QByteArray chunk(qMin(chunkBytes, m_remaining), Qt::Uninitialized);
        const qint64 got = m_file->read(chunk.data(), chunk.size());
        if (got <= 0) {
            qCWarning(lcHttp) << "download of" << m_file->fileName() << "cut short:"
                              << (got < 0 ? m_file->errorString() : QStringLiteral("the file shrank"));
            m_pumping = false;
            stop(true);
            return;
        }
        chunk.truncate(got);
        m_remaining -= got;
        // A QByteArray of at least 4 KiB is queued without another copy (QIODevice::write).
        if (m_socket->write(chunk) != got) {
            m_pumping = false;
            stop(true);
            return;
        }
        s_bytesSent += got;
    }
    m_pumping = false;
    if (m_remaining == 0)
        stop(false);
}

void FileStreamer::stop(bool abortConnection)
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    m_file.reset();
    if (abortConnection && m_socket)
        m_socket->abort();
    deleteLater();
}

} // namespace ArchiveSync
