// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>
#include <utility>

namespace ArchiveSync {

class ConnectionGuard;

/// \brief The QTcpServer handed to QHttpServer::bind(): adds the limits Qt 6.4's QHttpServer lacks.
///
/// Qt 6.4's QHttpServer has no connection cap, no header or idle timeout, and reads a whole request
/// body into memory before any handler can refuse it. This server accepts each socket itself, refuses
/// connections over the caps with a 503, and watches every request's header block on the raw stream
/// *before* QHttpServer reads it: a header block over maxHeaderBytes gets a 431, a declared body over
/// the body limit a 413, both answered at once and without reading the body.
///
/// That ordering relies on a Qt 6.4 fact checked by the tests: QHttpServer connects its readyRead
/// handler while addPendingConnection() runs, after the handler this server connected first.
///
/// With an SSL configuration set, every connection is a QSslSocket in server mode and all limits apply
/// to the decrypted stream; the TLS handshake counts against the header timeout, and a connection
/// refused for the caps gets its 503 after the handshake.
///
/// Limits are read when a connection is accepted; changing them affects later connections only.
/// After a protocol upgrade (WebSocket) only the idle timeout still applies to the connection.
/// HTTP pipelining (a request sent before the previous response ended) is watched correctly, but a
/// 413/431 on a connection cuts off any response still being written on it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        /// Open connections across all clients; one more gets a 503.
        int maxConnections = 10000;
        /// Open connections from one peer address (IPv4-mapped IPv6 counts as the IPv4 address).
        int maxConnectionsPerAddress = 256;
        /// Time for a request's complete header block, counted from its first byte.
        int headerTimeoutMsecs = 10'000;
        /// Time without a byte read or written before the connection is dropped.
        int idleTimeoutMsecs = 60'000;
        /// Largest request line plus header fields, including the blank line; larger gets a 431.
        qint64 maxHeaderBytes = 32 * 1024;
        /// Largest request body (Content-Length, or the sum of chunks); larger gets a 413.
        qint64 maxBodyBytes = 1024 * 1024;
    };

    explicit GuardedTcpServer(QObject *parent = nullptr);
    explicit GuardedTcpServer(const Limits &limits, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits) { m_limits = limits; }
    void setMaxBodyBytes(qint64 bytes) { m_limits.maxBodyBytes = bytes; }
    /// Raises (or lowers) the body limit for request targets whose path starts with pathPrefix, e.g. an
    /// upload endpoint; the longest matching prefix wins.
    void setMaxBodyBytesForPath(const QByteArray &pathPrefix, qint64 bytes);
    /// The body limit that applies to a request for path (the target without its query).
    qint64 maxBodyBytesFor(QByteArrayView path) const;
    /// Serves HTTPS with this configuration (certificate, key, protocols); a null one means plain
    /// HTTP. Like the limits, it applies to connections accepted afterwards.
    void setSslConfiguration(const QSslConfiguration &configuration);
    bool isTls() const { return m_tls.has_value(); }

    int currentConnections() const { return m_current; }
    int connectionsFrom(const QHostAddress &address) const;
    /// Connections refused with a 503 because a cap was reached.
    qint64 rejectedConnections() const { return m_rejected; }
    /// Connections dropped by the header or the idle timeout.
    qint64 timedOutConnections() const { return m_timedOut; }
    /// Requests refused with a 413 or a 431.
    qint64 oversizeRequests() const { return m_oversize; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class ConnectionGuard;
    void releaseConnection(const QHostAddress &address);
    void forgetGuard(ConnectionGuard *guard) { m_guards.remove(guard); }
    void countTimeout() { ++m_timedOut; }
    void countOversize() { ++m_oversize; }

    Limits m_limits;
    QList<std::pair<QByteArray, qint64>> m_pathBodyLimits;
    std::optional<QSslConfiguration> m_tls;
    QHash<QHostAddress, int> m_perAddress;
    QSet<ConnectionGuard *> m_guards;
    int m_current = 0;
    qint64 m_rejected = 0;
    qint64 m_timedOut = 0;
    qint64 m_oversize = 0;
};

} // namespace ArchiveSync
