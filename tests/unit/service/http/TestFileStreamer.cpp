// SPDX-License-Identifier: Apache-2.0
#include "RawHttpClient.h"
#include "service/http/FileStreamer.h"
#include "service/http/GuardedTcpServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

const QByteArray kEtag = "0123abcd";
const QByteArray kQuotedEtag = "\"0123abcd\"";

} // namespace

class TestFileStreamer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QByteArray m_small; // 3 MiB
    QByteArray m_big;   // 20 MiB
    std::unique_ptr<QHttpServer> m_http;
    std::unique_ptr<QObject> m_context;
    GuardedTcpServer *m_tcp = nullptr; // owned by m_http
    quint16 m_port = 0;

    QString pathOf(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    void writeFile(const char *name, const QByteArray &bytes)
    {
        QFile file(pathOf(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    void serveFile(const QString &route, const char *name)
    {
        m_http->route(route,
                      [this, name](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                          FileStreamer::stream(std::move(responder), pathOf(name), request,
                                               "application/octet-stream", kEtag, m_context.get());
                      });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_small = randomBytes(3 * 1024 * 1024, 1);
        m_big = randomBytes(20 * 1024 * 1024, 2);
        writeFile("small.bin", m_small);
        writeFile("big.bin", m_big);
        writeFile("empty.bin", {});
    }

    void init()
    {
        m_http = std::make_unique<QHttpServer>();
        m_context = std::make_unique<QObject>();
        m_tcp = new GuardedTcpServer;
        QVERIFY(m_tcp->listen(QHostAddress::LocalHost, 0));
        m_port = m_tcp->serverPort();
        serveFile(QStringLiteral("/small"), "small.bin");
        serveFile(QStringLiteral("/big"), "big.bin");
        serveFile(QStringLiteral("/empty"), "empty.bin");
        serveFile(QStringLiteral("/missing"), "missing.bin");
        m_http->route("/ping", [] { return QStringLiteral("pong"); });
        m_http->bind(m_tcp);
    }

    void cleanup()
    {
        m_http.reset();
        m_context.reset();
        QTRY_COMPARE_WITH_TIMEOUT(FileStreamer::activeStreams(), 0, 2000);
    }

    void fullDownloadEqualsTheFile()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        const HttpResponse response = client.get("/small");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Length"), QByteArray::number(m_small.size()));
        QCOMPARE(response.header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(response.header("ETag"), kQuotedEtag);
        QCOMPARE(response.header("Accept-Ranges"), QByteArray("bytes"));
        QCOMPARE(response.header("Cache-Control"), QByteArray("private, no-cache"));
        QVERIFY(!response.hasHeader("Content-Range"));
        QVERIFY(response.body == m_small);
        // The connection stays usable after a body, unlike Qt 6.4's write(QIODevice *).
        QCOMPARE(client.get("/ping").body, QByteArray("pong"));
    }

    void ranges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("length");
        const qint64 size = 3 * 1024 * 1024;
        QTest::newRow("first-last") << QByteArray("bytes=0-99") << 206 << qint64(0) << qint64(100);
        QTest::newRow("middle") << QByteArray("bytes=1000-1999") << 206 << qint64(1000) << qint64(1000);
        QTest::newRow("one byte") << QByteArray("bytes=5-5") << 206 << qint64(5) << qint64(1);
        QTest::newRow("open end") << QByteArray("bytes=3000000-") << 206 << qint64(3000000) << size - 3000000;
        QTest::newRow("suffix") << QByteArray("bytes=-500") << 206 << size - 500 << qint64(500);
        QTest::newRow("suffix longer than file") << QByteArray("bytes=-99999999") << 206 << qint64(0) << size;
        QTest::newRow("last past end")
            << QByteArray("bytes=100-99999999") << 206 << qint64(100) << size - 100;
        QTest::newRow("unit case") << QByteArray("Bytes=0-9") << 206 << qint64(0) << qint64(10);
        QTest::newRow("several ranges: whole file")
            << QByteArray("bytes=0-1,5-6") << 200 << qint64(0) << size;
        QTest::newRow("malformed: whole file") << QByteArray("bytes=abc") << 200 << qint64(0) << size;
        QTest::newRow("reversed: whole file") << QByteArray("bytes=9-5") << 200 << qint64(0) << size;
        QTest::newRow("other unit: whole file") << QByteArray("items=0-5") << 200 << qint64(0) << size;
    }

    void ranges()
    {
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(qint64, first);
        QFETCH(qint64, length);
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        const HttpResponse response = client.get("/small", "Range: " + range + "\r\n");
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Content-Length"), QByteArray::number(length));
        QVERIFY(response.body == m_small.mid(first, length));
        if (status == 206) {
            QCOMPARE(response.header("Content-Range"), "bytes " + QByteArray::number(first) + '-' +
                                                           QByteArray::number(first + length - 1) + '/' +
                                                           QByteArray::number(m_small.size()));
        } else {
            QVERIFY(!response.hasHeader("Content-Range"));
        }
        QCOMPARE(client.get("/ping").body, QByteArray("pong"));
    }

    void unsatisfiableRangeGets416()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        for (const QByteArray &range : {QByteArray("bytes=3145728-"), QByteArray("bytes=-0")}) {
            const HttpResponse response = client.get("/small", "Range: " + range + "\r\n");
            QCOMPARE(response.status, 416);
            QCOMPARE(response.header("Content-Range"), QByteArray("bytes */3145728"));
            QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
            QVERIFY(response.body.contains("\"status\":416"));
        }
        QCOMPARE(client.get("/empty", "Range: bytes=0-\r\n").status, 416);
    }

    void resolveRangeCoversEdges()
    {
        using Kind = FileStreamer::RangeKind;
        QCOMPARE(FileStreamer::resolveRange("bytes=0-0", 1).kind, Kind::Partial);
        QCOMPARE(FileStreamer::resolveRange("bytes=1-", 1).kind, Kind::Unsatisfiable);
        QCOMPARE(FileStreamer::resolveRange("bytes=-1", 0).kind, Kind::Unsatisfiable);
        QCOMPARE(FileStreamer::resolveRange("bytes= 2 - 3 ", 10).first, 2);
        QCOMPARE(FileStreamer::resolveRange("bytes=-", 10).kind, Kind::Full);
        QCOMPARE(FileStreamer::resolveRange("bytes=+1-2", 10).kind, Kind::Full);
        QCOMPARE(FileStreamer::resolveRange("bytes=99999999999999999999-", 10).kind, Kind::Full);
        QCOMPARE(FileStreamer::resolveRange("", 10).kind, Kind::Full);
    }

    void ifNoneMatchGets304()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        for (const QByteArray &tag :
             {kQuotedEtag, "W/" + kQuotedEtag, "\"other\", " + kQuotedEtag, QByteArray("*")}) {
            const HttpResponse response = client.get("/small", "If-None-Match: " + tag + "\r\n");
            QCOMPARE(response.status, 304);
            QCOMPARE(response.header("ETag"), kQuotedEtag);
            QCOMPARE(response.header("Cache-Control"), QByteArray("private, no-cache"));
        }
        // No body followed any 304: the next answer on the connection parses cleanly.
        QCOMPARE(client.get("/ping").body, QByteArray("pong"));
        QCOMPARE(client.get("/small", "If-None-Match: \"other\"\r\n").status, 200);
    }

    void ifRangeDecidesBetweenPartAndWhole()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        const HttpResponse same =
            client.get("/small", "Range: bytes=0-9\r\nIf-Range: " + kQuotedEtag + "\r\n");
        QCOMPARE(same.status, 206);
        QVERIFY(same.body == m_small.left(10));
        const HttpResponse changed = client.get("/small", "Range: bytes=0-9\r\nIf-Range: \"changed\"\r\n");
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.body.size(), m_small.size());
        const HttpResponse weak =
            client.get("/small", "Range: bytes=0-9\r\nIf-Range: W/" + kQuotedEtag + "\r\n");
        QCOMPARE(weak.status, 200);
    }

    void headGetsHeadersOnly()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        client.sendRequest("HEAD", "/small");
        const HttpResponse response = client.readResponse(2000, true);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Length"), QByteArray::number(m_small.size()));
        QCOMPARE(response.header("ETag"), kQuotedEtag);
        QCOMPARE(client.get("/ping").body, QByteArray("pong"));
        QVERIFY(client.buffer().isEmpty());
    }

    void headerBlockEndsWithBlankLine()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        client.sendRequest("GET", "/small", "Range: bytes=0-3\r\n");
        QVERIFY(QTest::qWaitFor([&] { return client.pull(), client.buffer().size() >= 4; }, 2000));
        QTRY_VERIFY_WITH_TIMEOUT((client.pull(), client.buffer().endsWith("\r\n\r\n" + m_small.left(4))),
                                 2000);
    }

    void emptyFileGetsEmptyBody()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        const HttpResponse response = client.get("/empty");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Length"), QByteArray("0"));
        QCOMPARE(client.get("/ping").body, QByteArray("pong"));
    }

    void missingFileGets404()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        const HttpResponse response = client.get("/missing");
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(response.body, QByteArray(R"({"type":"about:blank","title":"Not Found","status":404,)"
                                           R"("detail":"no such file"})"));
        QCOMPARE(client.get("/ping").body, QByteArray("pong"));
    }

    void clientLeavingMidStreamIsCleanedUp()
    {
        {
            RawHttpClient leaver;
            QVERIFY(leaver.connectTo(m_port));
            leaver.sendRequest("GET", "/big");
            QVERIFY(
                QTest::qWaitFor([&] { return leaver.pull(), leaver.buffer().size() > 1024 * 1024; }, 2000));
            QCOMPARE(FileStreamer::activeStreams(), 1);
            leaver.socket().abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(FileStreamer::activeStreams(), 0, 2000);
        RawHttpClient next;
        QVERIFY(next.connectTo(m_port));
        const HttpResponse response = next.get("/small");
        QCOMPARE(response.status, 200);
        QVERIFY(response.body == m_small);
    }

    void slowDownloadDoesNotBlockOthers()
    {
        // The slow client reads at most 64 KiB into its socket and then stops reading, so the server
        // must hold back instead of queueing the whole 20 MiB.
        RawHttpClient slow;
        QVERIFY(slow.connectTo(m_port));
        slow.socket().setReadBufferSize(64 * 1024);
        slow.sendRequest("GET", "/big");
        QTest::qWait(200);
        QCOMPARE(FileStreamer::activeStreams(), 1);

        RawHttpClient other;
        QVERIFY(other.connectTo(m_port));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(other.get("/ping").body, QByteArray("pong"));
        QVERIFY2(clock.elapsed() < 500, QByteArray::number(clock.elapsed()).constData());
        QCOMPARE(FileStreamer::activeStreams(), 1);
        // Backpressure: what waits in the server's socket stays near the high-water mark.
        for (const QTcpSocket *socket : m_tcp->findChildren<QTcpSocket *>())
            QVERIFY(socket->bytesToWrite() <= FileStreamer::highWaterBytes + FileStreamer::chunkBytes);

        slow.socket().setReadBufferSize(0);
        const HttpResponse response = slow.readResponse(2500);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body == m_big);
    }

    void destroyedContextCutsTheDownload()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        client.socket().setReadBufferSize(64 * 1024);
        client.sendRequest("GET", "/big");
        QTRY_COMPARE_WITH_TIMEOUT(FileStreamer::activeStreams(), 1, 1000);
        m_context.reset();
        QTRY_COMPARE_WITH_TIMEOUT(FileStreamer::activeStreams(), 0, 1000);
        client.socket().setReadBufferSize(0);
        QVERIFY(client.waitClosed());
        QVERIFY(client.buffer().size() < m_big.size());
    }
};

QTEST_GUILESS_MAIN(TestFileStreamer)
#include "TestFileStreamer.moc"
