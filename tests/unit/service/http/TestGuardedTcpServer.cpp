// SPDX-License-Identifier: Apache-2.0
#include "RawHttpClient.h"
#include "service/http/GuardedTcpServer.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

/// A QHttpServer with a few trivial routes on a GuardedTcpServer listening on 127.0.0.1.
struct Server
{
    explicit Server(const GuardedTcpServer::Limits &limits)
    {
        tcp = new GuardedTcpServer(limits);
        if (!tcp->listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen: %s", qPrintable(tcp->errorString()));
        port = tcp->serverPort();
        http.route("/ok", [this] {
            ++handled;
            return QStringLiteral("ok");
        });
        // Answers with the size of the body QHttpServer handed over.
        http.route("/echo", [this](const QHttpServerRequest &request) {
            ++handled;
            return QString::number(request.body().size());
        });
        http.route("/upload", [this](const QHttpServerRequest &request) {
            ++handled;
            return QString::number(request.body().size());
        });
        http.bind(tcp);
    }

    QHttpServer http;
    GuardedTcpServer *tcp = nullptr; // owned by http after bind()
    quint16 port = 0;
    int handled = 0;
};

GuardedTcpServer::Limits smallLimits()
{
    GuardedTcpServer::Limits limits;
    limits.maxConnections = 100;
    limits.maxConnectionsPerAddress = 100;
    limits.headerTimeoutMsecs = 2000;
    limits.idleTimeoutMsecs = 5000;
    limits.maxHeaderBytes = 1024;
    limits.maxBodyBytes = 1000;
    return limits;
}

const QByteArray kTooManyBody =
    R"({"type":"about:blank","title":"Service Unavailable","status":503,"detail":"too many connections"})";

} // namespace

class TestGuardedTcpServer : public QObject
{
    Q_OBJECT
private slots:
    void keepAliveServesTwoRequests()
    {
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        for (int i = 0; i < 2; ++i) {
            const HttpResponse response = client.get("/ok");
            QCOMPARE(response.status, 200);
            QCOMPARE(response.body, QByteArray("ok"));
        }
        QCOMPARE(server.handled, 2);
        QCOMPARE(server.tcp->currentConnections(), 1);
        QVERIFY(!client.closed());
    }

    void pipelinedRequestsAreEachChecked()
    {
        // Three requests in one packet, one with a body: QHttpServer 6.4 answers one per readyRead and
        // re-emits readyRead for the rest, which the guard must not count twice.
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        client.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"
                    "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"
                    "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(client.readResponse().body, QByteArray("ok"));
        QCOMPARE(client.readResponse().body, QByteArray("10"));
        QCOMPARE(client.readResponse().body, QByteArray("ok"));
        // The framing is still right for a request that must be refused.
        client.sendRequest("POST", "/echo", "Content-Length: 5000\r\n");
        QCOMPARE(client.readResponse().status, 413);
        QCOMPARE(server.tcp->oversizeRequests(), 1);
    }

    void connectionCapAnswers503()
    {
        GuardedTcpServer::Limits limits = smallLimits();
        limits.maxConnections = 2;
        Server server(limits);
        RawHttpClient first;
        RawHttpClient second;
        QVERIFY(first.connectTo(server.port));
        QVERIFY(second.connectTo(server.port));
        QTRY_COMPARE_WITH_TIMEOUT(server.tcp->currentConnections(), 2, 1000);

        RawHttpClient third;
        QVERIFY(third.connectTo(server.port));
        const HttpResponse refused = third.readResponse();
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.head.startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
        QCOMPARE(refused.header("Retry-After"), QByteArray("5"));
        QCOMPARE(refused.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(refused.header("Connection"), QByteArray("close"));
        QCOMPARE(refused.body, kTooManyBody);
        QVERIFY(third.waitClosed());
        QCOMPARE(server.tcp->rejectedConnections(), 1);
        QCOMPARE(server.tcp->currentConnections(), 2);

        // A freed place is available again, and the held connections still work.
        first.socket().disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(server.tcp->currentConnections(), 1, 1000);
        RawHttpClient fourth;
        QVERIFY(fourth.connectTo(server.port));
        QCOMPARE(fourth.get("/ok").status, 200);
        QCOMPARE(second.get("/ok").status, 200);
    }

    void perAddressCapAnswers503()
    {
        GuardedTcpServer::Limits limits = smallLimits();
        limits.maxConnectionsPerAddress = 1;
        Server server(limits);
        RawHttpClient first;
        QVERIFY(first.connectTo(server.port));
        QTRY_COMPARE_WITH_TIMEOUT(server.tcp->currentConnections(), 1, 1000);

        RawHttpClient sameAddress;
        QVERIFY(sameAddress.connectTo(server.port));
        const HttpResponse refused = sameAddress.readResponse();
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.body, kTooManyBody);
        QVERIFY(sameAddress.waitClosed());

        // Another loopback address is another client.
        RawHttpClient otherAddress;
        QVERIFY(otherAddress.connectTo(server.port, QHostAddress(QStringLiteral("127.0.0.2"))));
        QCOMPARE(otherAddress.get("/ok").status, 200);
        QCOMPARE(server.tcp->connectionsFrom(QHostAddress(QStringLiteral("127.0.0.1"))), 1);
        QCOMPARE(server.tcp->connectionsFrom(QHostAddress(QStringLiteral("127.0.0.2"))), 1);
        QCOMPARE(server.tcp->rejectedConnections(), 1);
    }

    void headerTimeoutDropsTricklingClient()
    {
        GuardedTcpServer::Limits limits = smallLimits();
        limits.headerTimeoutMsecs = 300;
        Server server(limits);
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        // A slowloris: a header field every 100 ms keeps the connection busy but never ends the header.
        client.send("GET /ok HTTP/1.1\r\nHost: x\r\n");
        QTimer trickle;
        QObject::connect(&trickle, &QTimer::timeout, &trickle, [&client] { client.send("X-Slow: 1\r\n"); });
        trickle.start(100);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(client.waitClosed(2000));
        QVERIFY2(clock.elapsed() >= 250, QByteArray::number(clock.elapsed()).constData());
        QCOMPARE(server.tcp->timedOutConnections(), 1);
        QCOMPARE(server.handled, 0);
        QTRY_COMPARE_WITH_TIMEOUT(server.tcp->currentConnections(), 0, 1000);
    }

    void headerTimeoutOnlyRunsWhileAHeaderArrives()
    {
        GuardedTcpServer::Limits limits = smallLimits();
        limits.headerTimeoutMsecs = 200;
        Server server(limits);
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        QCOMPARE(client.get("/ok").status, 200);
        QTest::qWait(400); // longer than the header timeout, between requests
        QCOMPARE(client.get("/ok").status, 200);
        // A header sent in two parts well within the limit is fine too.
        client.send("GET /ok HTTP/1.1\r\n");
        QTest::qWait(100);
        client.send("Host: x\r\n\r\n");
        QCOMPARE(client.readResponse().status, 200);
        QCOMPARE(server.tcp->timedOutConnections(), 0);
    }

    void idleTimeoutDropsQuietConnection()
    {
        GuardedTcpServer::Limits limits = smallLimits();
        limits.idleTimeoutMsecs = 300;
        Server server(limits);
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        QCOMPARE(client.get("/ok").status, 200);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(client.waitClosed(2000));
        QVERIFY2(clock.elapsed() >= 250, QByteArray::number(clock.elapsed()).constData());
        QCOMPARE(server.tcp->timedOutConnections(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(server.tcp->currentConnections(), 0, 1000);
    }

    void hugeContentLengthGets413AtOnce()
    {
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        QElapsedTimer clock;
        clock.start();
        // Only the header is sent: the answer must not wait for the 50 MB that are announced.
        client.sendRequest("POST", "/echo", "Content-Length: 50000000\r\n");
        const HttpResponse response = client.readResponse(1000);
        QCOMPARE(response.status, 413);
        QVERIFY(clock.elapsed() < 1000);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QCOMPARE(response.body, QByteArray(R"({"type":"about:blank","title":"Content Too Large",)"
                                           R"("status":413,"detail":"request body too large"})"));
        QVERIFY(client.waitClosed());
        QCOMPARE(server.handled, 0);
        QCOMPARE(server.tcp->oversizeRequests(), 1);
    }

    void guardReadsBeforeQHttpServer()
    {
        // The whole oversized request arrives at once. Had QHttpServer's readyRead handler run first, it
        // would have parsed the complete request and called the route; the guard, connected first,
        // refuses it before QHttpServer reads a byte.
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        client.sendRequest("POST", "/echo", {}, QByteArray(5000, 'x'));
        QCOMPARE(client.readResponse().status, 413);
        QVERIFY(client.waitClosed());
        QCOMPARE(server.handled, 0);
    }

    void bodySentAnywayStillGetsTheAnswer()
    {
        // A client that does not wait (no Expect) pushes body bytes we never read; the answer must
        // still reach it rather than be lost to a connection reset.
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4000000\r\n\r\n" +
                    QByteArray(4'000'000, 'b'));
        const HttpResponse response = client.readResponse(2000);
        QCOMPARE(response.status, 413);
        QVERIFY(client.waitClosed(2500));
        QCOMPARE(server.handled, 0);
    }

    void oversizedHeaderGets431()
    {
        Server server(smallLimits());
        {
            // Refused as soon as the limit is passed, before any end of the header arrives.
            RawHttpClient client;
            QVERIFY(client.connectTo(server.port));
            client.send("GET /ok HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(2000, 'a'));
            const HttpResponse response = client.readResponse(1000);
            QCOMPARE(response.status, 431);
            QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
            QVERIFY(client.waitClosed());
        }
        {
            // A complete header block just over the limit.
            RawHttpClient client;
            QVERIFY(client.connectTo(server.port));
            client.get("/ok", "X-Pad: " + QByteArray(1000, 'a') + "\r\n");
            QVERIFY(client.waitClosed());
        }
        {
            // One just under the limit passes.
            RawHttpClient client;
            QVERIFY(client.connectTo(server.port));
            QCOMPARE(client.get("/ok", "X-Pad: " + QByteArray(900, 'a') + "\r\n").status, 200);
        }
        QCOMPARE(server.tcp->oversizeRequests(), 2);
        QCOMPARE(server.handled, 1);
    }

    void chunkedBodiesAreCountedAndFramed()
    {
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        // No trailer fields: QHttpServer 6.4 itself loses the connection's framing after them.
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "a\r\n0123456789\r\n14;ext=1\r\n01234567890123456789\r\n0\r\n\r\n");
        QCOMPARE(client.readResponse().body, QByteArray("30"));
        QCOMPARE(client.get("/ok").status, 200);

        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "3e8\r\n" +
                    QByteArray(1000, 'c') + "\r\n1\r\n");
        QCOMPARE(client.readResponse().status, 413);
        QVERIFY(client.waitClosed());
        QCOMPARE(server.tcp->oversizeRequests(), 1);
    }

    void ambiguousFramingGets400()
    {
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        client.sendRequest("POST", "/echo", "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n");
        QCOMPARE(client.readResponse().status, 400);
        QVERIFY(client.waitClosed());

        RawHttpClient other;
        QVERIFY(other.connectTo(server.port));
        other.sendRequest("POST", "/echo", "Content-Length: 3\r\nContent-Length: 4\r\n");
        QCOMPARE(other.readResponse().status, 400);
        QCOMPARE(server.handled, 0);
    }

    void expectContinueIsAnswered()
    {
        Server server(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT((client.pull(), client.buffer().startsWith("HTTP/1.1 100 Continue\r\n\r\n")),
                                 1000);
        client.send("hello");
        const HttpResponse response = client.readResponse();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("5"));
    }

    void pathLimitOverridesBodyLimit()
    {
        Server server(smallLimits());
        server.tcp->setMaxBodyBytesForPath("/upload", 100'000);
        QCOMPARE(server.tcp->maxBodyBytesFor("/upload/x"), 100'000);
        QCOMPARE(server.tcp->maxBodyBytesFor("/echo"), 1000);
        RawHttpClient client;
        QVERIFY(client.connectTo(server.port));
        client.sendRequest("POST", "/upload?name=a", {}, QByteArray(50'000, 'u'));
        QCOMPARE(client.readResponse().body, QByteArray("50000"));
        client.sendRequest("POST", "/echo", {}, QByteArray(5000, 'e'));
        QCOMPARE(client.readResponse().status, 413);
    }

    void destroyingTheServerWithOpenConnectionsIsClean()
    {
        auto server = std::make_unique<Server>(smallLimits());
        RawHttpClient client;
        QVERIFY(client.connectTo(server->port));
        QCOMPARE(client.get("/ok").status, 200);
        server.reset();
        QVERIFY(client.waitClosed());
    }
};

QTEST_GUILESS_MAIN(TestGuardedTcpServer)
#include "TestGuardedTcpServer.moc"
