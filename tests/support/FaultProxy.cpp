// SPDX-License-Identifier: Apache-2.0
#include "tests/support/FaultProxy.h"

#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace ArchiveSync::Testing {

namespace {
/// \brief One proxied connection: the client's socket, the service's, and the fault on the response
/// being relayed.
struct Link
{
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> upstream;
    QByteArray pendingToUpstream; ///< what the client sent before the upstream connection was up
    QByteArray requestBuffer;     ///< request bytes not yet scanned for a request line
    int segmentRequests = 0;      ///< segment requests sent and not yet answered
    FaultProxy::Fault fault = FaultProxy::Fault::None;
    bool inFaultyResponse = false;
    bool headerDone = false;
    QByteArray headerBuffer;
    qint64 bodyRelayed = 0;
    bool stalled = false;
    bool finished = false;
};
} // namespace

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
    , m_server(this) // a child, so that moveToThread() takes it along
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onConnection);
}

bool FaultProxy::listen(quint16 upstreamPort)
{
    m_upstreamPort = upstreamPort;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FaultProxy::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::Drop:
        return QStringLiteral("drop");
    case Fault::Reset:
        return QStringLiteral("reset");
    case Fault::Stall:
        return QStringLiteral("stall");
    case Fault::FlipBit:
        return QStringLiteral("flip-bit");
    }
    return {};
}

FaultProxy::Fault FaultProxy::takeFault()
{
    if (m_plan.isEmpty())
        return Fault::None;
    const Fault fault = m_plan.takeFirst();
    m_applied.append(fault);
    return fault;
}

void FaultProxy::onConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto link = std::make_shared<Link>();
        link->client = client;
        auto *upstream = new QTcpSocket(client);
        link->upstream = upstream;

        auto close = [link](bool reset) {
            if (link->finished)
                return;
            link->finished = true;
            for (QTcpSocket *s : {link->client.data(), link->upstream.data()}) {
                if (!s)
                    continue;
                if (reset)
                    s->abort();
                else
                    s->disconnectFromHost();
            }
            if (link->client)
                link->client->deleteLater();
        };

        connect(upstream, &QTcpSocket::connected, client, [link] {
            link->upstream->write(link->pendingToUpstream);
            link->pendingToUpstream.clear();
        });
        connect(client, &QTcpSocket::readyRead, client, [link] {
            const QByteArray data = link->client->readAll();
            // Count the segment requests by their request lines ("GET /api/v1/offline/.../segments/...").
            link->requestBuffer += data;
            qsizetype lineEnd;
            while ((lineEnd = link->requestBuffer.indexOf("\r\n")) >= 0) {
                const QByteArray line = link->requestBuffer.left(lineEnd);
                link->requestBuffer.remove(0, lineEnd + 2);
                if ((line.startsWith("GET ") || line.startsWith("HEAD ")) && line.contains("/segments/"))
                    ++link->segmentRequests;
            }
            if (link->upstream->state() == QAbstractSocket::ConnectedState)
                link->upstream->write(data);
            else
                link->pendingToUpstream += data;
        });
        connect(upstream, &QTcpSocket::readyRead, client, [this, link, close] {
            QByteArray data = link->upstream->readAll();
            if (link->stalled || link->finished)
                return; // held back for good
            if (!link->inFaultyResponse && link->segmentRequests > 0) {
                // The answer to a segment request begins: it gets the next fault of the plan.
                --link->segmentRequests;
                link->fault = takeFault();
                link->inFaultyResponse = link->fault != Fault::None;
                link->headerDone = false;
                link->headerBuffer.clear();
                link->bodyRelayed = 0;
            }
            if (!link->inFaultyResponse) {
                link->client->write(data);
                return;
            }
            QByteArray out;
            if (!link->headerDone) {
                link->headerBuffer += data;
                const qsizetype end = link->headerBuffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                link->headerDone = true;
                out = link->headerBuffer.left(end + 4);
                data = link->headerBuffer.mid(end + 4);
                link->headerBuffer.clear();
            }
            const qint64 before = link->bodyRelayed;
            const qint64 after = before + data.size();
            if (link->fault == Fault::FlipBit) {
                if (before <= m_bodyOffset && m_bodyOffset < after) {
                    data[m_bodyOffset - before] = char(data[m_bodyOffset - before] ^ 0x04);
                    link->inFaultyResponse = false; // one flip, then pass the rest
                }
                link->bodyRelayed = after;
                link->client->write(out + data);
                return;
            }
            if (after <= m_bodyOffset) {
                link->bodyRelayed = after;
                link->client->write(out + data);
                return;
            }
            link->client->write(out + data.left(m_bodyOffset - before));
            link->bodyRelayed = m_bodyOffset;
            link->client->flush();
            if (link->fault == Fault::Stall)
                link->stalled = true;
            else
                close(link->fault == Fault::Reset);
        });
        connect(client, &QTcpSocket::disconnected, client, [close] { close(false); });
        connect(upstream, &QTcpSocket::disconnected, client, [close] { close(false); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }
}

} // namespace ArchiveSync::Testing
