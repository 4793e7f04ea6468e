// SPDX-License-Identifier: Apache-2.0
// SegmentDownloader against a small HTTP/1.1 responder on 127.0.0.1 that can serve a segment whole,
// by range, cut short, stalled, corrupted, or answer with an error.
#include "core/api/ApiClient.h"
#include "core/common/Clock.h"
#include "core/common/Sha256.h"
#include "core/sync/BandwidthLimiter.h"
#include "core/sync/SegmentDownloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace ArchiveSync;

namespace {

const QString kAddress = QStringLiteral("alice@example.org");

/// \brief One segment file served over HTTP/1.1, with Range support and ways to misbehave.
class SegmentServer
{
public:
    enum class Mode
    {
        Full,        ///< 200, or 206 for a Range request
        Cut,         ///< as Full, but the connection closes after cutAfter body bytes
        IgnoreRange, ///< always 200 with the whole file
        Corrupt,     ///< as Full with one byte of the body flipped
        Longer,      ///< as Full with extra bytes after the file
        WrongOffset, ///< 206 whose Content-Range starts one byte late
        Stall,       ///< headers and cutAfter body bytes, then silence with the connection open
        Status,      ///< answers status with body (problem+json) and retryAfter
    };

    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray range;
        QByteArray ifRange;
        QByteArray authorization;
    };

    QByteArray file;
    Mode mode = Mode::Full;
    qint64 cutAfter = 0;
    int status = 0;
    QByteArray statusBody;
    QByteArray retryAfter;
    QList<Request> requests;

    bool listen()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    for (;;) {
                        const qsizetype end = buffer->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        const QByteArray head = buffer->left(end);
                        buffer->remove(0, end + 4);
                        answer(socket, parse(head));
                    }
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    static Request parse(const QByteArray &head)
    {
        Request request;
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "range")
                request.range = value;
            else if (name == "if-range")
                request.ifRange = value;
            else if (name == "authorization")
                request.authorization = value;
        }
        return request;
    }

    void answer(QTcpSocket *socket, const Request &request)
    {
        requests.append(request);
        if (mode == Mode::Status) {
            QByteArray head = "HTTP/1.1 " + QByteArray::number(status) +
                              " Whatever\r\nContent-Type: application/problem+json\r\nContent-Length: " +
                              QByteArray::number(statusBody.size()) + "\r\n";
            if (!retryAfter.isEmpty())
                head += "Retry-After: " + retryAfter + "\r\n";
            socket->write(head + "\r\n" + statusBody);
            return;
        }

        qint64 start = 0;
        if (request.range.startsWith("bytes=") && mode != Mode::IgnoreRange) {
            bool ok = false;
            start = request.range.mid(6, request.range.indexOf('-') - 6).toLongLong(&ok);
            if (!ok)
                start = 0;
        }
        if (start >= file.size() && start > 0) {
            socket->write("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" +
                          QByteArray::number(file.size()) + "\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        QByteArray body = file.mid(start);
        if (mode == Mode::Corrupt)
            body[body.size() / 2] = static_cast<char>(body.at(body.size() / 2) ^ 0x01);
        if (mode == Mode::Longer)
            body += QByteArray(4096, 'x');
        QByteArray head;
        if (start > 0) {
            const qint64 shown = mode == Mode::WrongOffset ? start + 1 : start;
            head = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + QByteArray::number(shown) + '-' +
                   QByteArray::number(file.size() - 1) + '/' + QByteArray::number(file.size()) + "\r\n";
        } else {
            head = "HTTP/1.1 200 OK\r\n";
        }
        head += "Content-Type: application/zstd\r\nETag: \"" + Sha256::hex(file).toLatin1() +
                "\"\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        if (mode == Mode::Cut || mode == Mode::Stall) {
            socket->write(head + body.left(cutAfter));
            if (mode == Mode::Cut) {
                socket->flush();
                socket->disconnectFromHost();
            }
            return;
        }
        socket->write(head + body);
    }

    QTcpServer m_server;
};

QByteArray segmentBytes(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = static_cast<char>(random.bounded(256));
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestSegmentDownloader : public QObject
{
    Q_OBJECT

private:
    static constexpr int kSize = 600 * 1024;

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<SegmentServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SegmentDownloader> m_downloader;
    SegmentInfo m_segment;
    QList<qint64> m_progress;

    QString spool() const { return m_tmp->filePath(QStringLiteral("spool")); }
    QString partPath() const { return SegmentDownloader::partPath(spool(), m_segment.sha256); }
    QString finalPath() const { return SegmentDownloader::finalPath(spool(), m_segment.sha256); }

    std::optional<ApiResult<QString>> download(int timeoutMsecs = 8000)
    {
        std::optional<ApiResult<QString>> result;
        int calls = 0;
        m_progress.clear();
        m_downloader->start(
            kAddress, m_segment, spool(),
            [&result, &calls](ApiResult<QString> r) {
                ++calls;
                result.emplace(std::move(r));
            },
            [this](qint64 bytesInFile) { m_progress.append(bytesInFile); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMsecs)) {
            qWarning("the download did not finish");
            m_downloader->abort(); // the callback refers to this frame
        }
        // Exactly once, and nothing is left running.
        QTest::qWait(20);
        if (calls > 1)
            qWarning("done called %d times", calls);
        return calls == 1 ? result : std::nullopt;
    }

    QString expectedPath() const
    {
        return QStringLiteral("/api/v1/offline/alice%40example.org/segments/") + m_segment.sha256;
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_server = std::make_unique<SegmentServer>();
        m_server->file = segmentBytes(kSize, 7);
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_client = std::make_unique<ApiClient>(*m_network, m_server->baseUrl());
        m_client->setToken(QStringLiteral("device-token"));
        m_downloader = std::make_unique<SegmentDownloader>(*m_network, *m_client, nullptr);
        m_segment = SegmentInfo{};
        m_segment.sequence = 1;
        m_segment.sha256 = Sha256::hex(m_server->file);
        m_segment.size = m_server->file.size();
    }

    void cleanup()
    {
        m_downloader.reset();
        m_client.reset();
        m_network.reset();
        m_server.reset();
        m_tmp.reset();
    }

    void completeDownloadVerifiedAndRenamed()
    {
        const auto result = download();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorString()));
        QCOMPARE(result->value(), finalPath());
        QCOMPARE(QFileInfo(finalPath()).fileName(), m_segment.sha256 + QStringLiteral(".tar.zst"));
        QCOMPARE(readFile(finalPath()), m_server->file);
        QVERIFY(!QFile::exists(partPath()));
        QVERIFY(!m_downloader->isRunning());
        QCOMPARE(m_downloader->bytesReceived(), qint64(kSize));
        QVERIFY(!m_progress.isEmpty());
        QCOMPARE(m_progress.constLast(), qint64(kSize));
        QVERIFY(std::is_sorted(m_progress.cbegin(), m_progress.cend()));
        QVERIFY(!(QFileInfo(finalPath()).permissions() & (QFile::ReadOther | QFile::ReadGroup)));

        QCOMPARE(m_server->requests.size(), 1);
        QCOMPARE(m_server->requests.at(0).method, QByteArray("GET"));
        QCOMPARE(m_server->requests.at(0).path, expectedPath().toLatin1());
        QVERIFY(m_server->requests.at(0).range.isEmpty());
        QCOMPARE(m_server->requests.at(0).authorization, QByteArray("Bearer device-token"));

        // A second start finds the verified file and does not fetch it again.
        const auto again = download();
        QVERIFY(again && again->ok());
        QCOMPARE(m_server->requests.size(), 1);
    }

    void damagedCompleteFileFetchedAgain()
    {
        QVERIFY(QDir().mkpath(spool()));
        QByteArray damaged = m_server->file;
        damaged[10] = static_cast<char>(damaged.at(10) ^ 0x01);
        QVERIFY(writeFile(finalPath(), damaged));
        const auto result = download();
        QVERIFY(result && result->ok());
        QCOMPARE(readFile(finalPath()), m_server->file);
        QCOMPARE(m_server->requests.size(), 1);
    }

    void cutDownloadResumes_data()
    {
        QTest::addColumn<qint64>("cutAfter");
        QTest::newRow("after a few bytes") << qint64(1);
        QTest::newRow("after 100 KiB") << qint64(100 * 1024);
        QTest::newRow("one byte short") << qint64(kSize - 1);
    }

    void cutDownloadResumes()
    {
        QFETCH(qint64, cutAfter);
        m_server->mode = SegmentServer::Mode::Cut;
        m_server->cutAfter = cutAfter;
        const auto first = download();
        QVERIFY(first);
        QVERIFY(!first->ok());
        QCOMPARE(errorCategoryName(first->error().category), errorCategoryName(ErrorCategory::Network));
        QVERIFY(!QFile::exists(finalPath()));
        // What arrived before the cut is kept: all of it when it fits the reply's buffer (Qt drops
        // what is still in the socket beyond that when the connection breaks).
        const qint64 partSize = QFileInfo(partPath()).size();
        QVERIFY2(partSize > 0 && partSize <= cutAfter, qPrintable(QString::number(partSize)));
        if (cutAfter <= SegmentDownloader::kReadBufferBytes)
            QCOMPARE(partSize, cutAfter);
        QCOMPARE(readFile(partPath()), m_server->file.left(partSize));

        m_server->mode = SegmentServer::Mode::Full;
        const auto second = download();
        QVERIFY(second);
        QVERIFY2(second->ok(), qPrintable(second->errorString()));
        QCOMPARE(readFile(finalPath()), m_server->file);
        QVERIFY(!QFile::exists(partPath()));

        QCOMPARE(m_server->requests.size(), 2);
        const SegmentServer::Request &resumed = m_server->requests.at(1);
        QCOMPARE(resumed.path, expectedPath().toLatin1());
        QCOMPARE(resumed.range, "bytes=" + QByteArray::number(partSize) + '-');
        QCOMPARE(resumed.ifRange, '"' + m_segment.sha256.toLatin1() + '"');
        // Only the rest travelled the second time.
        QCOMPARE(m_downloader->bytesReceived(), qint64(kSize));
    }

    void completePartIsVerifiedWithoutRequest()
    {
        QVERIFY(QDir().mkpath(spool()));
        QVERIFY(writeFile(partPath(), m_server->file));
        const auto result = download();
        QVERIFY(result && result->ok());
        QCOMPARE(readFile(finalPath()), m_server->file);
        QVERIFY(m_server->requests.isEmpty());
    }

    void wholeAnswerToRangeRestarts()
    {
        QVERIFY(QDir().mkpath(spool()));
        // A part that is not even a prefix of the file: the 200 answer must replace all of it.
        QVERIFY(writeFile(partPath(), QByteArray(5000, 'z')));
        m_server->mode = SegmentServer::Mode::IgnoreRange;
        const auto result = download();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorString()));
        QCOMPARE(readFile(finalPath()), m_server->file);
        QVERIFY(!QFile::exists(partPath()));
        QCOMPARE(m_server->requests.size(), 1);
        QCOMPARE(m_server->requests.at(0).range, QByteArray("bytes=5000-"));
    }

    void corruptBodyDiscarded()
    {
        m_server->mode = SegmentServer::Mode::Corrupt;
        const auto result = download();
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(errorCategoryName(result->error().category), errorCategoryName(ErrorCategory::Corrupt));
        QVERIFY(!QFile::exists(partPath()));
        QVERIFY(!QFile::exists(finalPath()));

        // The next attempt starts from zero.
        m_server->mode = SegmentServer::Mode::Full;
        const auto again = download();
        QVERIFY(again && again->ok());
        QVERIFY(m_server->requests.at(1).range.isEmpty());
    }

    void wrongPartDiscardedAfterResume()
    {
        QVERIFY(QDir().mkpath(spool()));
        QByteArray part = m_server->file.left(1000);
        part[500] = static_cast<char>(part.at(500) ^ 0x01);
        QVERIFY(writeFile(partPath(), part));
        const auto result = download();
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(errorCategoryName(result->error().category), errorCategoryName(ErrorCategory::Corrupt));
        QCOMPARE(m_server->requests.at(0).range, QByteArray("bytes=1000-"));
        QVERIFY(!QFile::exists(partPath()));
        QVERIFY(!QFile::exists(finalPath()));
    }

    void longerBodyRefused()
    {
        m_server->mode = SegmentServer::Mode::Longer;
        const auto result = download();
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(errorCategoryName(result->error().category), errorCategoryName(ErrorCategory::Corrupt));
        QVERIFY(!QFile::exists(finalPath()));
        // Like any file that fails its check, the part goes: the next attempt starts from zero.
        QVERIFY(!QFile::exists(partPath()));
    }

    void partLongerThanSegmentDiscarded()
    {
        QVERIFY(QDir().mkpath(spool()));
        QVERIFY(writeFile(partPath(), m_server->file + QByteArray(100, 'x')));
        const auto result = download();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorString()));
        QCOMPARE(readFile(finalPath()), m_server->file);
        QCOMPARE(m_server->requests.size(), 1);
        QVERIFY(m_server->requests.at(0).range.isEmpty());
    }

    void wrongResumeOffsetRefused()
    {
        QVERIFY(QDir().mkpath(spool()));
        QVERIFY(writeFile(partPath(), m_server->file.left(2000)));
        m_server->mode = SegmentServer::Mode::WrongOffset;
        const auto result = download();
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(errorCategoryName(result->error().category), errorCategoryName(ErrorCategory::Server));
        QCOMPARE(result->error().httpStatus, 206);
        QVERIFY(!QFile::exists(finalPath()));
        // Nothing of the misplaced answer was written.
        QCOMPARE(readFile(partPath()), m_server->file.left(2000));
    }

    void unsatisfiableRangeDropsPart()
    {
        QVERIFY(QDir().mkpath(spool()));
        QVERIFY(writeFile(partPath(), m_server->file.left(3000)));
        m_server->file = m_server->file.left(2000); // the service's file is shorter than the part
        m_segment.size = kSize;
        const auto result = download();
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().httpStatus, 416);
        QCOMPARE(QFileInfo(partPath()).size(), qint64(0));
    }

    void stallGivesNetworkError_data()
    {
        QTest::addColumn<qint64>("sentBeforeStall");
        QTest::newRow("after the headers") << qint64(0);
        QTest::newRow("mid-body") << qint64(50 * 1024);
    }

    void stallGivesNetworkError()
    {
        QFETCH(qint64, sentBeforeStall);
        m_server->mode = SegmentServer::Mode::Stall;
        m_server->cutAfter = sentBeforeStall;
        m_downloader->setStallTimeout(300);
        QElapsedTimer timer;
        timer.start();
        const auto result = download(5000);
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(errorCategoryName(result->error().category), errorCategoryName(ErrorCategory::Network));
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!m_downloader->isRunning());
        // What arrived is kept for the next attempt.
        QCOMPARE(QFileInfo(partPath()).size(), sentBeforeStall);
    }

    void errorStatusMapsThroughApiError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("message");

        QTest::newRow("404 problem")
            << 404
            << QByteArray("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                          "\"detail\":\"no such segment\"}")
            << QByteArray() << int(ErrorCategory::NotFound) << QStringLiteral("no such segment");
        QTest::newRow("401") << 401
                             << QByteArray("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"device "
                                           "revoked\"}")
                             << QByteArray() << int(ErrorCategory::Auth) << QStringLiteral("device revoked");
        QTest::newRow("403") << 403 << QByteArray("{\"status\":403,\"detail\":\"not yours\"}") << QByteArray()
                             << int(ErrorCategory::Forbidden) << QStringLiteral("not yours");
        QTest::newRow("503 with Retry-After")
            << 503 << QByteArray("{\"status\":503,\"detail\":\"busy\"}") << QByteArray("30")
            << int(ErrorCategory::Throttled) << QStringLiteral("busy");
        QTest::newRow("500 without body")
            << 500 << QByteArray() << QByteArray() << int(ErrorCategory::Server) << QString();
    }

    void errorStatusMapsThroughApiError()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, category);
        QFETCH(QString, message);
        m_server->mode = SegmentServer::Mode::Status;
        m_server->status = status;
        m_server->statusBody = body;
        m_server->retryAfter = retryAfter;

        const auto result = download();
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(errorCategoryName(result->error().category), errorCategoryName(ErrorCategory(category)));
        QCOMPARE(result->error().httpStatus, status);
        if (!message.isEmpty())
            QCOMPARE(result->error().message, message);
        else
            QVERIFY(!result->error().message.isEmpty());
        if (!retryAfter.isEmpty())
            QCOMPARE(result->error().retryAfterSeconds, std::optional<int>(retryAfter.toInt()));
        QVERIFY(!QFile::exists(finalPath()));
        // The error body is not taken for segment bytes.
        QCOMPARE(QFileInfo(partPath()).size(), qint64(0));
    }

    void bandwidthLimitSlowsButCompletes()
    {
        SystemClock clock;
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(2 * 1024 * 1024);
        m_downloader = std::make_unique<SegmentDownloader>(*m_network, *m_client, &limiter);
        const auto result = download();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->errorString()));
        QCOMPARE(readFile(finalPath()), m_server->file);
        QCOMPARE(m_downloader->bytesReceived(), qint64(kSize));
        QCOMPARE(m_progress.constLast(), qint64(kSize));
        m_downloader.reset(); // before the limiter goes
    }

    void restartFromCallback_data()
    {
        QTest::addColumn<bool>("corrupt");
        QTest::addColumn<bool>("throttled");
        QTest::newRow("after a failed check") << true << false;
        QTest::newRow("after a failed check, throttled") << true << true;
        QTest::newRow("after success, throttled") << false << true;
    }

    // MailboxSync fetches a segment that failed its check again from inside the callback: the new
    // download must not be disturbed by the end of the old one.
    void restartFromCallback()
    {
        QFETCH(bool, corrupt);
        QFETCH(bool, throttled);
        // Small enough for the reply to finish while its bytes wait in the buffer.
        m_server->file = segmentBytes(100 * 1024, 11);
        m_segment.sha256 = Sha256::hex(m_server->file);
        m_segment.size = m_server->file.size();
        m_server->mode = corrupt ? SegmentServer::Mode::Corrupt : SegmentServer::Mode::Full;

        // Time stands still, so the bytes wait for the throttle until the reply has finished; then
        // a second passes and the reply's end finds them all allowed at once.
        ManualClock clock(QDateTime::currentDateTimeUtc());
        BandwidthLimiter limiter(clock);
        limiter.setBytesPerSecond(throttled ? 1024 * 1024 : 0);
        QObject context; // ends the connection with this test, whichever way it leaves
        connect(m_network.get(), &QNetworkAccessManager::finished, &context,
                [&clock] { clock.advance(1000); });
        m_downloader = std::make_unique<SegmentDownloader>(*m_network, *m_client, &limiter);

        std::optional<ApiResult<QString>> first;
        std::optional<ApiResult<QString>> second;
        int secondCalls = 0;
        m_downloader->start(kAddress, m_segment, spool(), [&](ApiResult<QString> r) {
            first.emplace(std::move(r));
            m_server->mode = SegmentServer::Mode::Full;
            QFile::remove(finalPath());
            m_downloader->start(kAddress, m_segment, spool(), [&](ApiResult<QString> r2) {
                ++secondCalls;
                second.emplace(std::move(r2));
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 5000);
        QTest::qWait(20);
        QVERIFY(first);
        QCOMPARE(first->ok(), !corrupt);
        QCOMPARE(secondCalls, 1);
        QVERIFY2(second->ok(), qPrintable(second->errorString()));
        QCOMPARE(readFile(finalPath()), m_server->file);
        QCOMPARE(m_server->requests.size(), 2);
        m_downloader.reset(); // before the limiter goes
    }

    void abortCallsNothing()
    {
        m_server->mode = SegmentServer::Mode::Stall;
        m_server->cutAfter = 1000;
        bool called = false;
        qint64 inFile = 0;
        m_downloader->start(
            kAddress, m_segment, spool(), [&called](ApiResult<QString>) { called = true; },
            [&inFile](qint64 bytes) { inFile = bytes; });
        QTRY_COMPARE(inFile, qint64(1000));
        QVERIFY(m_downloader->isRunning());
        m_downloader->abort();
        QVERIFY(!m_downloader->isRunning());
        QTest::qWait(50);
        QVERIFY(!called);
        // The part stays for a later resume.
        QCOMPARE(QFileInfo(partPath()).size(), qint64(1000));
    }
};

QTEST_GUILESS_MAIN(TestSegmentDownloader)
#include "TestSegmentDownloader.moc"
