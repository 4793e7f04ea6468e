// SPDX-License-Identifier: Apache-2.0
#include "service/http/GuardedTcpServer.h"

#include "service/common/Logging.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace ArchiveSync {

namespace {

// How long a refused connection may keep sending (its request, or a body we will not read) after our
// answer went out: closing at once with unread input makes the kernel send a reset, and a reset can
// destroy the answer before the client has read it.
constexpr int kLingerMsecs = 2000;
// While lingering, the socket reads at most this much at a time, so a client pushing a huge body
// costs a fixed amount of memory.
constexpr qint64 kLingerReadBufferBytes = 64 * 1024;
// A chunk-size line ("1a2b;ext=1\r\n") longer than this is not a real client.
constexpr qsizetype kMaxChunkLineBytes = 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 413:
        return "Content Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

// A complete response with an RFC 9457 problem body. Built by hand, not with QJsonObject, so the
// members keep the order people expect to read (QJsonObject sorts keys); every value is a constant.
QByteArray problemResponse(int status, const QByteArray &detail, const QByteArray &extraHeaders = {})
{
    const QByteArray title = reasonPhrase(status);
    const QByteArray body = "{\"type\":\"about:blank\",\"title\":\"" + title +
                            "\",\"status\":" + QByteArray::number(status) + ",\"detail\":\"" + detail + "\"}";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + title +
           "\r\n"
           "Content-Type: application/problem+json\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extraHeaders +
           "Connection: close\r\n"
           "\r\n" +
           body;
}

// Sends a final answer and closes without a reset: write, half-close once it is out, then read and
// discard whatever the client still sends until it closes or the linger time ends. Everything else
// that reads this socket (QHttpServer) is disconnected first, so none of the refused input is kept.
void answerAndLinger(QTcpSocket *socket, const QByteArray &response)
{
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    // QHttpServer keeps a partial request inside a read transaction; ending it lets the discarded
    // bytes go instead of staying buffered.
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->setReadBufferSize(kLingerReadBufferBytes);

    const auto discardInput = [socket] {
        char sink[16 * 1024];
        while (socket->read(sink, sizeof sink) > 0) {
        }
    };
    auto halfClosed = std::make_shared<bool>(false);
    auto *tls = qobject_cast<QSslSocket *>(socket);
    const auto halfCloseWhenSent = [socket, tls, halfClosed] {
        if (*halfClosed || socket->bytesToWrite() > 0 || (tls && tls->encryptedBytesToWrite() > 0) ||
            socket->state() != QAbstractSocket::ConnectedState)
            return;
        *halfClosed = true;
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    // QSslSocket signals bytesWritten once it has encrypted the bytes, before they reach the buffer that
    // encryptedBytesToWrite() counts: a half-close then would cut them off. Looked at once the current
    // event is done, they are counted there, until encryptedBytesWritten says they are out.
    const auto halfCloseLater = [socket, halfCloseWhenSent] {
        QMetaObject::invokeMethod(socket, halfCloseWhenSent, Qt::QueuedConnection);
    };
    QObject::connect(socket, &QIODevice::readyRead, socket, discardInput);
    if (tls) {
        QObject::connect(socket, &QIODevice::bytesWritten, socket, halfCloseLater);
        QObject::connect(tls, &QSslSocket::encryptedBytesWritten, socket, halfCloseLater);
    } else {
        QObject::connect(socket, &QIODevice::bytesWritten, socket, halfCloseWhenSent);
    }
    QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(kLingerMsecs, socket, [socket] { socket->abort(); });

    socket->write(response);
    socket->flush();
    if (tls)
        halfCloseLater();
    else
        halfCloseWhenSent();
    discardInput();
}

QHostAddress normalizedAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4);
    QHostAddress plain(address);
    plain.setScopeId(QString());
    return plain;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &part : list.toByteArray().split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Content-Length must be plain digits; anything else ("+5", "5, 5", "0x10") is refused rather than
// guessed at, since a guess that differs from QHttpServer's parser would misplace the next request.
bool parseContentLength(QByteArrayView text, qint64 *length)
{
    const QByteArray trimmed = text.toByteArray().trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 18)
        return false;
    for (const char c : trimmed) {
        if (c < '0' || c > '9')
            return false;
    }
    *length = trimmed.toLongLong();
    return true;
}

// The index just past the empty line that ends a header block, or -1. Bare LF line ends are accepted
// because QHttpServer's parser accepts them.
qsizetype headerBlockEnd(const QByteArray &buffer, qsizetype from)
{
    const qsizetype start = qMax<qsizetype>(0, from);
    const qsizetype crlf = buffer.indexOf("\n\r\n", start);
    const qsizetype lf = buffer.indexOf("\n\n", start);
    if (crlf < 0 && lf < 0)
        return -1;
    if (lf < 0 || (crlf >= 0 && crlf < lf))
        return crlf + 3;
    return lf + 2;
}

// The longest matching path prefix decides; without one, the general limit applies.
qint64 bodyLimit(qint64 general, const QList<std::pair<QByteArray, qint64>> &byPrefix, QByteArrayView path)
{
    qint64 limit = general;
    qsizetype longest = -1;
    for (const auto &[prefix, bytes] : byPrefix) {
        if (path.startsWith(prefix) && prefix.size() > longest) {
            longest = prefix.size();
            limit = bytes;
        }
    }
    return limit;
}

} // namespace

/// \brief Watches one accepted connection: follows the request framing on the stream QHttpServer reads
/// (the decrypted one for TLS) and applies the server's limits and timeouts to it.
///
/// A child of its socket, so it lives exactly as long as the socket: a QTcpSocket, or a QSslSocket
/// in server mode when the server speaks TLS. For TLS the handshake must finish within the header
/// timeout, and a failed handshake (plain HTTP sent to the port, an old protocol) just closes.
///
/// It sees each readyRead twice: first (connected before QHttpServer's handler) to inspect the bytes
/// QHttpServer is about to read, then (connected after it) to learn how many of the inspected bytes
/// QHttpServer left unread, e.g. a pipelined second request it answers later. Only bytes beyond those
/// are new at the next readyRead.
class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server, const GuardedTcpServer::Limits &limits,
                    QList<std::pair<QByteArray, qint64>> pathBodyLimits);
    ~ConnectionGuard() override;

    void startWatching(const QHostAddress &address);
    void watchAfterHandOver();
    /// TLS: starts the server handshake, which must end within the header timeout.
    void startEncryption(const QSslConfiguration &configuration);
    void refuse(const QByteArray &response) { answerAndLinger(m_socket, response); }
    void detachServer() { m_server = nullptr; }

private:
    enum class State
    {
        Idle,         ///< between requests
        Header,       ///< collecting a header block
        Body,         ///< skipping m_remaining body bytes
        ChunkSize,    ///< collecting a chunk-size line
        ChunkData,    ///< skipping m_remaining chunk bytes
        ChunkDataEnd, ///< expecting the CRLF after chunk data
        Trailer,      ///< collecting trailer lines after the last chunk
        Opaque,       ///< after a protocol upgrade: no longer HTTP/1.1 requests
        Refused,      ///< answered with an error; lingering until closed
    };

    void beforeQHttpServerReads();
    void afterQHttpServerRead() { m_inspectedAhead = m_socket->bytesAvailable(); }
    void touch() { m_lastActivity.restart(); }
    void scan(const char *data, qsizetype size);
    qsizetype scanHeader(const char *data, qsizetype size);
    qsizetype scanLine(const char *data, qsizetype size, qsizetype maxLine, bool *complete);
    void headerComplete(QByteArrayView block);
    void chunkSizeLine(QByteArrayView line);
    void refuseRequest(int status, const QByteArray &detail);
    void onHeaderTimeout();
    void onIdleCheck();
    void onEncrypted();
    void onSocketError(QAbstractSocket::SocketError error);
    void release();
    qint64 bodyLimitFor(QByteArrayView path) const;

    QTcpSocket *const m_socket; // our parent
    GuardedTcpServer *m_server;
    const GuardedTcpServer::Limits m_limits;
    const QList<std::pair<QByteArray, qint64>> m_pathBodyLimits;
    QHostAddress m_address;
    bool m_counted = false;

    State m_state = State::Idle;
    QByteArray m_pending;   // header block, chunk-size line or trailer collected so far
    qint64 m_remaining = 0; // body or chunk bytes still to pass
    qint64 m_bodyBytes = 0; // chunked: body bytes announced so far
    qint64 m_bodyLimit = 0; // chunked: limit for the current request
    qint64 m_inspectedAhead = 0;

    QTimer m_headerTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_lastActivity;
};

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server,
                                 const GuardedTcpServer::Limits &limits,
                                 QList<std::pair<QByteArray, qint64>> pathBodyLimits)
    : QObject(socket)
    , m_socket(socket)
    , m_server(server)
    , m_limits(limits)
    , m_pathBodyLimits(std::move(pathBodyLimits))
{
    m_headerTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setTimerType(Qt::CoarseTimer);
    m_lastActivity.start();
}

ConnectionGuard::~ConnectionGuard()
{
    // Runs after ~QAbstractSocket, whose abort() has usually released the connection already.
    release();
    if (m_server)
        m_server->forgetGuard(this);
}

void ConnectionGuard::startWatching(const QHostAddress &address)
{
    m_address = address;
    m_counted = true;
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::beforeQHttpServerReads);
    connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::touch);
    connect(m_socket, &QAbstractSocket::disconnected, this, &ConnectionGuard::release);
    connect(&m_headerTimer, &QTimer::timeout, this, &ConnectionGuard::onHeaderTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, &ConnectionGuard::onIdleCheck);
    if (m_limits.idleTimeoutMsecs > 0)
        m_idleTimer.start(m_limits.idleTimeoutMsecs);
}

void ConnectionGuard::watchAfterHandOver()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::afterQHttpServerRead);
}

void ConnectionGuard::startEncryption(const QSslConfiguration &configuration)
{
    auto *tls = qobject_cast<QSslSocket *>(m_socket);
    Q_ASSERT(tls);
    connect(tls, &QSslSocket::encrypted, this, &ConnectionGuard::onEncrypted);
    connect(tls, &QAbstractSocket::errorOccurred, this, &ConnectionGuard::onSocketError);
    // A client that connects and never completes the handshake holds a connection like one that
    // never sends its header block; the same timeout ends both.
    if (m_counted && m_limits.headerTimeoutMsecs > 0)
        m_headerTimer.start(m_limits.headerTimeoutMsecs);
    tls->setSslConfiguration(configuration);
    tls->startServerEncryption();
}

void ConnectionGuard::onEncrypted()
{
    touch();
    if (m_state == State::Idle)
        m_headerTimer.stop();
}

void ConnectionGuard::onSocketError(QAbstractSocket::SocketError error)
{
    // The TLS backend closes the connection itself. A failed handshake is the client's business (plain
    // HTTP, an old protocol); the other TLS errors mean the server's own setup fails every client.
    if (error == QAbstractSocket::SslHandshakeFailedError)
        qCDebug(lcHttp) << "TLS handshake with" << m_address.toString()
                        << "failed:" << m_socket->errorString();
    else if (error == QAbstractSocket::SslInternalError || error == QAbstractSocket::SslInvalidUserDataError)
        qCWarning(lcHttp) << "TLS with" << m_address.toString() << "failed:" << m_socket->errorString();
}

void ConnectionGuard::release()
{
    m_headerTimer.stop();
    m_idleTimer.stop();
    if (!m_counted)
        return;
    m_counted = false;
    if (m_server)
        m_server->releaseConnection(m_address);
}

void ConnectionGuard::beforeQHttpServerReads()
{
    touch();
    const qint64 available = m_socket->bytesAvailable();
    // Only QHttpServer's handler reads, and it runs between our two slots; clamp in case something
    // else read in between.
    m_inspectedAhead = qMin(m_inspectedAhead, available);
    const qint64 fresh = available - m_inspectedAhead;
    if (fresh <= 0 || m_state == State::Opaque || m_state == State::Refused) {
        m_inspectedAhead = available;
        return;
    }
    // Most of an upload is body: count it without copying it.
    if (m_state == State::Body && fresh <= m_remaining) {
        m_remaining -= fresh;
        if (m_remaining == 0)
            m_state = State::Idle;
        m_inspectedAhead = available;
        return;
    }
    const QByteArray bytes = m_socket->peek(available);
    const qint64 inspected = qMin<qint64>(m_inspectedAhead, bytes.size());
    scan(bytes.constData() + inspected, bytes.size() - inspected);
    if (m_state != State::Refused)
        m_inspectedAhead = available;
}

void ConnectionGuard::scan(const char *data, qsizetype size)
{
    qsizetype at = 0;
    while (at < size && m_state != State::Refused && m_state != State::Opaque) {
        switch (m_state) {
        case State::Idle:
            // Clients may send stray CRLFs between requests (RFC 9112 2.2); they start nothing.
            while (at < size && (data[at] == '\r' || data[at] == '\n'))
                ++at;
            if (at < size) {
                m_state = State::Header;
                m_pending.clear();
                if (m_limits.headerTimeoutMsecs > 0)
                    m_headerTimer.start(m_limits.headerTimeoutMsecs);
            }
            break;
        case State::Header:
            at += scanHeader(data + at, size - at);
            break;
        case State::Body:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, size - at);
            at += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = m_state == State::Body ? State::Idle : State::ChunkDataEnd;
                m_pending.clear();
            }
            break;
        }
        case State::ChunkSize: {
            bool complete = false;
            at += scanLine(data + at, size - at, kMaxChunkLineBytes, &complete);
            if (m_pending.size() > kMaxChunkLineBytes)
                refuseRequest(400, "malformed chunked body");
            else if (complete)
                chunkSizeLine(m_pending);
            break;
        }
        case State::ChunkDataEnd: {
            bool complete = false;
            at += scanLine(data + at, size - at, 2, &complete);
            if (complete && (m_pending == "\r\n" || m_pending == "\n")) {
                m_state = State::ChunkSize;
                m_pending.clear();
            } else if (complete || m_pending.size() > 2) {
                refuseRequest(400, "malformed chunked body");
            }
            break;
        }
        case State::Trailer: {
            // Trailer lines until an empty one; their total counts against the header limit.
            const qsizetype lineStart = m_pending.size();
            bool complete = false;
            at += scanLine(data + at, size - at, m_limits.maxHeaderBytes, &complete);
            if (m_pending.size() > m_limits.maxHeaderBytes) {
                refuseRequest(431, "request trailer fields too large");
            } else if (complete) {
                const QByteArrayView line = QByteArrayView(m_pending).sliced(lineStart);
                if (line == "\r\n" || line == "\n") {
                    m_state = State::Idle;
                    m_pending.clear();
                }
            }
            break;
        }
        case State::Opaque:
        case State::Refused:
            break;
        }
    }
}

// Appends up to the end of a line to m_pending; returns the bytes taken.
qsizetype ConnectionGuard::scanLine(const char *data, qsizetype size, qsizetype maxLine, bool *complete)
{
    const qsizetype room = qMax<qsizetype>(0, maxLine + 1 - m_pending.size());
    const qsizetype window = qMin(size, room);
    const void *newline = memchr(data, '\n', size_t(window));
    const qsizetype take = newline ? static_cast<const char *>(newline) - data + 1 : window;
    m_pending.append(data, take);
    *complete = newline != nullptr;
    return take;
}

qsizetype ConnectionGuard::scanHeader(const char *data, qsizetype size)
{
    const qsizetype before = m_pending.size();
    // Enough to find a terminator that ends exactly at the limit, never more.
    const qsizetype room = qMax<qsizetype>(0, m_limits.maxHeaderBytes + 4 - before);
    m_pending.append(data, qMin(size, room));
    const qsizetype end = headerBlockEnd(m_pending, before - 2);
    if (end < 0) {
        if (m_pending.size() > m_limits.maxHeaderBytes)
            refuseRequest(431, "request header fields too large");
        return m_pending.size() - before;
    }
    if (end > m_limits.maxHeaderBytes) {
        refuseRequest(431, "request header fields too large");
        return end - before;
    }
    m_pending.truncate(end);
    m_headerTimer.stop();
    headerComplete(m_pending);
    return end - before;
}

void ConnectionGuard::headerComplete(QByteArrayView block)
{
    const QList<QByteArray> lines = block.toByteArray().split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray path = requestLine.value(1);
    if (const qsizetype query = path.indexOf('?'); query >= 0)
        path.truncate(query);

    bool hasLength = false;
    qint64 length = 0;
    bool hasTransferEncoding = false;
    bool chunked = false;
    bool expectContinue = false;
    bool upgrade = false;
    bool connectionUpgrade = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            qint64 parsed = 0;
            if (!parseContentLength(value, &parsed) || (hasLength && parsed != length))
                return refuseRequest(400, "invalid Content-Length");
            hasLength = true;
            length = parsed;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            const QList<QByteArray> codings = value.split(',');
            chunked = codings.last().trimmed().compare("chunked", Qt::CaseInsensitive) == 0;
        } else if (name == "expect") {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        } else if (name == "upgrade") {
            upgrade = true;
        } else if (name == "connection") {
            connectionUpgrade = connectionUpgrade || hasToken(value, "upgrade");
        }
    }

    // Both framings at once, or a transfer coding we cannot delimit, is how requests get smuggled
    // past one parser into another (RFC 9112 6.1, 6.3).
    if (hasTransferEncoding && (hasLength || !chunked))
        return refuseRequest(400, "invalid Transfer-Encoding");
    const qint64 limit = bodyLimitFor(path);
    if (hasLength && length > limit) {
        qCDebug(lcHttp) << "refusing a body of" << length << "bytes from" << m_address.toString();
        return refuseRequest(413, "request body too large");
    }
    if (upgrade && connectionUpgrade) {
        // What follows belongs to another protocol (WebSocket); QHttpServer decides about it.
        m_state = State::Opaque;
        m_pending.clear();
        return;
    }
    // QHttpServer 6.4 ignores "Expect: 100-continue", leaving clients such as curl to wait a second
    // before sending the body. The body is acceptable, so say so. Only when nothing else is being
    // written, so the interim answer cannot land inside another response.
    // HTTP/1.0 clients must not get one (RFC 9110 10.1.1).
    const bool http11 = requestLine.value(2) == "HTTP/1.1";
    if (expectContinue && http11 && (chunked || length > 0) && m_socket->bytesToWrite() == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");

    m_pending.clear();
    if (chunked) {
        m_state = State::ChunkSize;
        m_bodyBytes = 0;
        m_bodyLimit = limit;
    } else if (length > 0) {
        m_state = State::Body;
        m_remaining = length;
    } else {
        m_state = State::Idle;
    }
}

void ConnectionGuard::chunkSizeLine(QByteArrayView line)
{
    QByteArray digits = line.toByteArray();
    if (const qsizetype extension = digits.indexOf(';'); extension >= 0)
        digits.truncate(extension);
    digits = digits.trimmed();
    bool ok = !digits.isEmpty() && digits.size() <= 15;
    const qint64 chunkSize = ok ? digits.toLongLong(&ok, 16) : 0;
    if (!ok || chunkSize < 0)
        return refuseRequest(400, "malformed chunked body");
    m_pending.clear();
    if (chunkSize == 0) {
        m_state = State::Trailer;
        return;
    }
    m_bodyBytes += chunkSize;
    if (m_bodyBytes > m_bodyLimit)
        return refuseRequest(413, "request body too large");
    m_remaining = chunkSize;
    m_state = State::ChunkData;
}

void ConnectionGuard::refuseRequest(int status, const QByteArray &detail)
{
    m_state = State::Refused;
    m_pending.clear();
    // The linger time bounds the rest; an idle timeout now would count a refusal as a timeout.
    m_headerTimer.stop();
    m_idleTimer.stop();
    if (status != 400 && m_server)
        m_server->countOversize();
    qCDebug(lcHttp) << "refusing a request from" << m_address.toString() << "with" << status << detail;
    refuse(problemResponse(status, detail));
}

void ConnectionGuard::onHeaderTimeout()
{
    qCDebug(lcHttp) << "header timeout for" << m_address.toString();
    if (m_server)
        m_server->countTimeout();
    m_socket->abort();
}

void ConnectionGuard::onIdleCheck()
{
    // Activity only records a time; the timer is re-armed here rather than on every byte.
    const qint64 idleFor = m_lastActivity.elapsed();
    if (idleFor < m_limits.idleTimeoutMsecs) {
        m_idleTimer.start(int(m_limits.idleTimeoutMsecs - idleFor));
        return;
    }
    qCDebug(lcHttp) << "idle timeout for" << m_address.toString();
    if (m_server)
        m_server->countTimeout();
    m_socket->abort();
}

qint64 ConnectionGuard::bodyLimitFor(QByteArrayView path) const
{
    return bodyLimit(m_limits.maxBodyBytes, m_pathBodyLimits, path);
}

GuardedTcpServer::GuardedTcpServer(QObject *parent)
    : GuardedTcpServer(Limits{}, parent)
{}

GuardedTcpServer::GuardedTcpServer(const Limits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{}

GuardedTcpServer::~GuardedTcpServer()
{
    // The sockets (with their guards) are our children and outlive this destructor body; they must not
    // call back.
    for (ConnectionGuard *guard : std::as_const(m_guards))
        guard->detachServer();
}

void GuardedTcpServer::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration.isNull() ? std::nullopt : std::optional<QSslConfiguration>(configuration);
}

void GuardedTcpServer::setMaxBodyBytesForPath(const QByteArray &pathPrefix, qint64 bytes)
{
    for (auto &[prefix, limit] : m_pathBodyLimits) {
        if (prefix == pathPrefix) {
            limit = bytes;
            return;
        }
    }
    m_pathBodyLimits.append({pathPrefix, bytes});
}

qint64 GuardedTcpServer::maxBodyBytesFor(QByteArrayView path) const
{
    return bodyLimit(m_limits.maxBodyBytes, m_pathBodyLimits, path);
}

int GuardedTcpServer::connectionsFrom(const QHostAddress &address) const
{
    return m_perAddress.value(normalizedAddress(address));
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcHttp) << "cannot take an accepted connection:" << socket->errorString();
        delete socket;
        ::close(int(socketDescriptor));
        return;
    }
    auto *guard = new ConnectionGuard(socket, this, m_limits, m_pathBodyLimits);
    m_guards.insert(guard);

    const QHostAddress address = normalizedAddress(socket->peerAddress());
    int &fromAddress = m_perAddress[address];
    if (m_current >= m_limits.maxConnections || fromAddress >= m_limits.maxConnectionsPerAddress) {
        if (fromAddress == 0)
            m_perAddress.remove(address);
        ++m_rejected;
        qCDebug(lcHttp) << "refusing a connection from" << address.toString() << "(" << m_current << "open,"
                        << fromAddress << "from that address)";
        // Over TLS the answer waits for the handshake; the linger time bounds both.
        if (m_tls)
            guard->startEncryption(*m_tls);
        guard->refuse(problemResponse(503, "too many connections", "Retry-After: 5\r\n"));
        return;
    }
    ++fromAddress;
    ++m_current;

    // Connected before QHttpServer's handler, which addPendingConnection() makes it connect.
    guard->startWatching(address);
    addPendingConnection(socket);
    guard->watchAfterHandOver();
    // Last, so that everything reading the decrypted stream is connected before it can flow.
    if (m_tls)
        guard->startEncryption(*m_tls);
}

void GuardedTcpServer::releaseConnection(const QHostAddress &address)
{
    --m_current;
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

} // namespace ArchiveSync
