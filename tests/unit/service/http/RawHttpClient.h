// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QTcpSocket>
#include <QTest>

#include <utility>

namespace ArchiveSync::Testing {

/// \brief One parsed HTTP/1.1 response, as it came off the wire.
struct HttpResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// The status line and header block exactly as received, for checks on framing.
    QByteArray head;

    bool valid() const { return status > 0; }
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

/// \brief A raw HTTP/1.1 client over a QTcpSocket. The server under test runs in the same thread, so
/// every wait spins the event loop (QTest::qWaitFor) instead of blocking in waitFor*().
class RawHttpClient
{
public:
    RawHttpClient() = default;
    RawHttpClient(const RawHttpClient &) = delete;
    RawHttpClient &operator=(const RawHttpClient &) = delete;

    bool connectTo(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull() && !m_socket.bind(from, 0))
            return false;
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 2000);
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    /// Sends a request with Host and Content-Length added (when there is a body).
    void sendRequest(const QByteArray &method, const QByteArray &target, const QByteArray &extraHeaders = {},
                     const QByteArray &body = {})
    {
        QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
        if (!body.isEmpty())
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        send(request + "\r\n" + body);
    }

    HttpResponse get(const QByteArray &target, const QByteArray &extraHeaders = {})
    {
        sendRequest("GET", target, extraHeaders);
        return readResponse();
    }

    /// Reads one final response (skipping 1xx). The body is framed by Content-Length, or runs to the
    /// close when there is none; HEAD and 304 responses have none. Returns an invalid response on timeout.
    HttpResponse readResponse(int timeoutMsecs = 2000, bool headRequest = false)
    {
        QElapsedTimer clock;
        clock.start();
        const auto remaining = [&] {
            return int(qMax<qint64>(0, timeoutMsecs - clock.elapsed()));
        };
        for (;;) {
            qsizetype end = -1;
            (void)QTest::qWaitFor(
                [&] { return pull(), (end = m_buffer.indexOf("\r\n\r\n")) >= 0 || closed(); }, remaining());
            if (end < 0)
                return {};
            HttpResponse response;
            response.head = m_buffer.left(end + 4);
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            m_buffer.remove(0, end + 4);
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            response.status = statusLine.value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    response.headers.append(
                        {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
            }
            if (response.status >= 100 && response.status < 200)
                continue;
            const bool noBody = headRequest || response.status == 304 || response.status == 204;
            if (noBody)
                return response;
            if (response.hasHeader("Content-Length")) {
                const qsizetype length = response.header("Content-Length").toLongLong();
                (void)QTest::qWaitFor([&] { return pull(), m_buffer.size() >= length || closed(); },
                                      remaining());
                if (m_buffer.size() < length)
                    return {};
                response.body = m_buffer.left(length);
                m_buffer.remove(0, length);
                return response;
            }
            (void)QTest::qWaitFor([&] { return pull(), closed(); }, remaining());
            response.body = std::exchange(m_buffer, {});
            return response;
        }
    }

    /// True once the server closed the connection (within timeoutMsecs).
    bool waitClosed(int timeoutMsecs = 2000)
    {
        return QTest::qWaitFor([this] { return pull(), closed(); }, timeoutMsecs);
    }

    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    /// Bytes received but not yet consumed by readResponse().
    QByteArray &buffer() { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }
    void pull() { m_buffer += m_socket.readAll(); }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace ArchiveSync::Testing
