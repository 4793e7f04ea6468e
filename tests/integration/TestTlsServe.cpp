// SPDX-License-Identifier: Apache-2.0
// `serve` over HTTPS: certificates made with the openssl CLI at test time, a client that trusts only
// that certificate, the connection guards on the decrypted stream, and start-up refusing certificates
// that cannot work.
#include "tests/support/ServiceProcess.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");

/// Runs the openssl CLI in dir; the error text is returned when it fails.
QString openssl(const QString &dir, const QStringList &args)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(60000))
        return QStringLiteral("openssl %1 did not finish").arg(args.join(QLatin1Char(' ')));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("openssl %1 failed: %2")
            .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
    return {};
}

/// What came back on one raw connection: the bytes read until the server closed or went quiet.
struct RawExchange
{
    bool encrypted = false;
    QByteArray response;
    bool closedByServer = false;
};
} // namespace

class TestTlsServe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    quint16 m_port = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QSslConfiguration trustingTestCertificate() const
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        // Only the test certificate: nothing else may vouch for the server.
        ssl.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("server.crt"))));
        return ssl;
    }

    // GET with a client of its own, so no connection outlives the call.
    static std::pair<int, QNetworkReply::NetworkError> get(const QUrl &url, const QSslConfiguration &ssl,
                                                           QByteArray *body = nullptr,
                                                           QSslConfiguration *negotiated = nullptr)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(url);
        if (!ssl.isNull())
            request.setSslConfiguration(ssl);
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (body)
            *body = reply->readAll();
        if (negotiated)
            *negotiated = reply->sslConfiguration();
        const QNetworkReply::NetworkError error = reply->error();
        delete reply;
        return {status, error};
    }

    // Sends bytes on a fresh TLS connection and reads until the server closes it or timeoutMsecs pass.
    RawExchange exchangeTls(const QByteArray &bytes, int timeoutMsecs = 10000)
    {
        RawExchange result;
        QSslSocket socket;
        socket.setSslConfiguration(trustingTestCertificate());
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        result.encrypted = socket.waitForEncrypted(10000);
        if (!result.encrypted)
            return result;
        socket.write(bytes);
        const QDeadlineTimer deadline(timeoutMsecs);
        while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            result.response += socket.readAll();
        }
        result.response += socket.readAll();
        result.closedByServer = socket.state() != QAbstractSocket::ConnectedState;
        return result;
    }

    /// What one run of the admin command line did.
    struct CliRun
    {
        int code = -1;
        QString out;
        QString err;
        QString describe() const
        {
            return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(code).arg(out, err);
        }
    };

    /// Runs `archivesync args` with a login file of its own and the admin's password at hand.
    CliRun cli(const QStringList &args) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_CONFIG"), path(QStringLiteral("cli/login.json")));
        env.insert(QStringLiteral("ARCHIVESYNC_PASSWORD"), kAdminPassword);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ARCHIVESYNC_ADMIN_CLI_BINARY), args);
        process.closeWriteChannel();
        CliRun run;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished(5000);
            return run;
        }
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString server() const
    {
        QString url = m_service->baseUrl().toString();
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        return url;
    }

    // serve with the given TLS files on a data directory of its own; its exit code and what it printed.
    int serveWith(const QString &certificate, const QString &key, QByteArray *output)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                      {QStringLiteral("--data-dir"), path(QStringLiteral("refused-data")),
                       QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key});
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished(5000);
            *output = process.readAll();
            return -1;
        }
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dir = m_dir.path();
        // The server's certificate, valid for 127.0.0.1 (how the tests connect) and localhost.
        QString failed =
            openssl(dir, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                          QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.crt"),
                          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                          QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                          QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        // A key that belongs to no certificate here.
        failed = openssl(dir, {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                               QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                               QStringLiteral("-out"), QStringLiteral("other.key")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        // A certificate that expired years ago: `openssl ca` is the CLI that takes explicit dates.
        QFile caConfig(path(QStringLiteral("ca.cnf")));
        QVERIFY(caConfig.open(QIODevice::WriteOnly));
        caConfig.write("[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\n"
                       "serial = serial\ndefault_md = sha256\npolicy = any\n[any]\ncommonName = supplied\n");
        caConfig.close();
        QFile(path(QStringLiteral("index.txt"))).open(QIODevice::WriteOnly);
        QFile serial(path(QStringLiteral("serial")));
        QVERIFY(serial.open(QIODevice::WriteOnly));
        serial.write("01\n");
        serial.close();
        failed = openssl(dir, {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                               QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                               QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                               QStringLiteral("-keyout"), QStringLiteral("expired.key"),
                               QStringLiteral("-out"), QStringLiteral("expired.csr"), QStringLiteral("-subj"),
                               QStringLiteral("/CN=expired")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        failed =
            openssl(dir, {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                          QStringLiteral("ca.cnf"), QStringLiteral("-selfsign"), QStringLiteral("-keyfile"),
                          QStringLiteral("expired.key"), QStringLiteral("-in"), QStringLiteral("expired.csr"),
                          QStringLiteral("-out"), QStringLiteral("expired.crt"), QStringLiteral("-startdate"),
                          QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                          QStringLiteral("20200201000000Z")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        // The TLS files come from the configuration file, named relative to it; the limits are small so
        // that the guards are quick to see.
        QFile config(path(QStringLiteral("serve.ini")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[server]\ntls_cert = server.crt\ntls_key = server.key\n"
                     "[limits]\nmax_connections = 4\nheader_timeout = 2s\nmax_body = 64K\n");
        config.close();
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     path(QStringLiteral("data")));
        m_service->setServeArguments({QStringLiteral("--config"), config.fileName()});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());
        QCOMPARE(m_service->baseUrl().scheme(), QStringLiteral("https"));
        m_port = quint16(m_service->baseUrl().port());
        QVERIFY(m_port > 0);
    }

    void cleanupTestCase()
    {
        if (m_service)
            QVERIFY2(m_service->stop(), m_service->output().constData());
    }

    void healthzOverHttps()
    {
        QByteArray body;
        QSslConfiguration negotiated;
        const auto [status, error] = get(QUrl(m_service->baseUrl().toString() + QStringLiteral("healthz")),
                                         trustingTestCertificate(), &body, &negotiated);
        QCOMPARE(error, QNetworkReply::NoError);
        QCOMPARE(status, 200);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));
        const QSsl::SslProtocol protocol = negotiated.sessionProtocol();
        QVERIFY2(protocol == QSsl::TlsV1_2 || protocol == QSsl::TlsV1_3, "TLS 1.2 at least");
    }

    void untrustedClientIsRefusedByItself()
    {
        // Without the test certificate as CA, the client must not accept the server.
        const auto [status, error] =
            get(QUrl(m_service->baseUrl().toString() + QStringLiteral("healthz")), QSslConfiguration());
        QCOMPARE(status, 0);
        QCOMPARE(error, QNetworkReply::SslHandshakeFailedError);
    }

    void plainHttpGetsNoHttpAnswer()
    {
        QUrl plain = m_service->baseUrl();
        plain.setScheme(QStringLiteral("http"));
        const auto [status, error] =
            get(QUrl(plain.toString() + QStringLiteral("healthz")), QSslConfiguration());
        QCOMPARE(status, 0);
        QVERIFY(error != QNetworkReply::NoError);

        // On the wire: the request meets a TLS server, which closes without an HTTP word.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(100);
            answer += socket.readAll();
        }
        QVERIFY2(socket.state() != QAbstractSocket::ConnectedState, "the server should close the connection");
        QVERIFY2(!answer.contains("HTTP/"), answer.constData());
    }

    void oversizeBodyIsRefusedInsideTls()
    {
        const RawExchange exchange = exchangeTls(
            "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000000\r\n\r\n");
        QVERIFY(exchange.encrypted);
        QVERIFY2(exchange.response.startsWith("HTTP/1.1 413 "), exchange.response.constData());
        QVERIFY(exchange.closedByServer);
    }

    void oversizeHeaderIsRefusedInsideTls()
    {
        const RawExchange exchange = exchangeTls("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " +
                                                 QByteArray(40 * 1024, 'a') + "\r\n\r\n");
        QVERIFY(exchange.encrypted);
        QVERIFY2(exchange.response.startsWith("HTTP/1.1 431 "), exchange.response.constData());
    }

    void keepAliveOverTls()
    {
        const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        const RawExchange exchange = exchangeTls(request + request, 1500);
        QVERIFY(exchange.encrypted);
        QCOMPARE(exchange.response.count("HTTP/1.1 200 "), 2);
    }

    void stalledHandshakeTimesOut()
    {
        // Connects and never says a word: the header timeout (2 s here) covers the handshake.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000 && socket.state() == QAbstractSocket::ConnectedState)
            socket.waitForReadyRead(100);
        QVERIFY2(socket.state() != QAbstractSocket::ConnectedState, "a stalled handshake must be cut");
        QVERIFY2(timer.elapsed() >= 1500, "not before the header timeout");
    }

    void connectionCapAnswersInsideTls()
    {
        // Connections of the earlier tests are gone once the service has seen them close.
        QTest::qWait(1000);
        std::vector<std::unique_ptr<QSslSocket>> held;
        for (int i = 0; i < 4; ++i) {
            auto socket = std::make_unique<QSslSocket>();
            socket->setSslConfiguration(trustingTestCertificate());
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
            QVERIFY(socket->waitForEncrypted(10000));
            held.push_back(std::move(socket));
        }
        const RawExchange refused = exchangeTls(QByteArray());
        QVERIFY(refused.encrypted);
        QVERIFY2(refused.response.startsWith("HTTP/1.1 503 "), refused.response.constData());
        QVERIFY(refused.response.contains("Retry-After: 5\r\n"));
        // The held connections were served all along.
        held.front()->write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && !answer.contains("{\"status\":\"ok\"}")) {
            held.front()->waitForReadyRead(100);
            answer += held.front()->readAll();
        }
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
    }

    void adminCliRefusesAnUnknownCertificateAndSaysWhichItIs()
    {
        const CliRun refused = cli({QStringLiteral("login"), QStringLiteral("--server"), server(),
                                    QStringLiteral("--user"), QStringLiteral("admin")});
        QVERIFY2(refused.code == 1, qPrintable(refused.describe()));
        // What a person compares with the server's certificate before trusting it.
        const QList<QSslCertificate> certificates =
            QSslCertificate::fromPath(path(QStringLiteral("server.crt")));
        QCOMPARE(certificates.size(), 1);
        const QString fingerprint =
            QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        QVERIFY2(refused.err.contains(fingerprint), qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains(QStringLiteral("subject:     CN=127.0.0.1")),
                 qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains(QStringLiteral("issuer:      CN=127.0.0.1")),
                 qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains(QStringLiteral("--ca-cert FILE")), qPrintable(refused.describe()));
        QVERIFY(!QFile::exists(path(QStringLiteral("cli/login.json"))));

        // Another CA does not vouch for it either.
        const CliRun wrongCa =
            cli({QStringLiteral("login"), QStringLiteral("--server"), server(), QStringLiteral("--user"),
                 QStringLiteral("admin"), QStringLiteral("--ca-cert"), path(QStringLiteral("expired.crt"))});
        QVERIFY2(wrongCa.code == 1, qPrintable(wrongCa.describe()));
        QVERIFY2(wrongCa.err.contains(fingerprint), qPrintable(wrongCa.describe()));
        QVERIFY2(wrongCa.err.contains(QStringLiteral("do not vouch")), qPrintable(wrongCa.describe()));
    }

    void adminCliRefusesUnusableCaFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QStringLiteral("nothing.crt") << QStringLiteral("cannot read");
        QTest::newRow("a key, not a certificate")
            << QStringLiteral("server.key") << QStringLiteral("is not a PEM certificate file");
        QTest::newRow("empty") << QStringLiteral("index.txt")
                               << QStringLiteral("is not a PEM certificate file");
    }
    void adminCliRefusesUnusableCaFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const CliRun run =
            cli({QStringLiteral("login"), QStringLiteral("--server"), server(), QStringLiteral("--user"),
                 QStringLiteral("admin"), QStringLiteral("--ca-cert"), path(file)});
        QVERIFY2(run.code == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(message) && run.err.contains(path(file)), qPrintable(run.describe()));
        QVERIFY(!QFile::exists(path(QStringLiteral("cli/login.json"))));
        // The same for any command, before or after its name.
        const CliRun whoami = cli({QStringLiteral("--ca-cert"), path(file), QStringLiteral("whoami")});
        QVERIFY2(whoami.code == 1 || whoami.code == 2, qPrintable(whoami.describe()));
    }

    void adminCliTrustsTheGivenCaAndKeepsIt()
    {
        const CliRun login =
            cli({QStringLiteral("login"), QStringLiteral("--server"), server(), QStringLiteral("--user"),
                 QStringLiteral("admin"), QStringLiteral("--ca-cert"), path(QStringLiteral("server.crt"))});
        QVERIFY2(login.code == 0, qPrintable(login.describe()));
        QFile config(path(QStringLiteral("cli/login.json")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(config.readAll())
                     .object()
                     .value(QStringLiteral("caCertificates"))
                     .toString(),
                 QFileInfo(path(QStringLiteral("server.crt"))).absoluteFilePath());

        // Later commands use the stored file without being told.
        const CliRun whoami = cli({QStringLiteral("whoami")});
        QVERIFY2(whoami.code == 0 && whoami.out.startsWith(QStringLiteral("admin (admin)")),
                 qPrintable(whoami.describe()));
        const CliRun status = cli({QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(status.code == 0, qPrintable(status.describe()));
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QVERIFY(json.value(QStringLiteral("repositories")).isArray());
        QVERIFY(json.value(QStringLiteral("devices")).isArray());
        // A file given on the command line wins over the stored one.
        const CliRun overridden =
            cli({QStringLiteral("--ca-cert"), path(QStringLiteral("expired.crt")), QStringLiteral("whoami")});
        QVERIFY2(overridden.code == 1 && overridden.err.contains(QStringLiteral("do not vouch")),
                 qPrintable(overridden.describe()));

        const CliRun logout = cli({QStringLiteral("logout")});
        QVERIFY2(logout.code == 0, qPrintable(logout.describe()));
        QVERIFY(!QFile::exists(path(QStringLiteral("cli/login.json"))));
    }

    void unusableCertificatesStopTheStart_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("expired") << QStringLiteral("expired.crt") << QStringLiteral("expired.key")
                                 << QStringLiteral("expired on 2020-02-01");
        QTest::newRow("key of another certificate")
            << QStringLiteral("server.crt") << QStringLiteral("other.key")
            << QStringLiteral("does not belong");
        QTest::newRow("missing key file")
            << QStringLiteral("server.crt") << QStringLiteral("nothing.key") << QStringLiteral("cannot read");
        QTest::newRow("key given as certificate")
            << QStringLiteral("server.key") << QStringLiteral("server.key")
            << QStringLiteral("no PEM certificate");
    }
    void unusableCertificatesStopTheStart()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, message);
        QByteArray output;
        const int code = serveWith(path(certificate), path(key), &output);
        QVERIFY2(code == 1, output.constData());
        QVERIFY2(output.contains(message.toUtf8()), output.constData());
        QVERIFY2(!output.contains("listening on"), output.constData());
    }
};

QTEST_GUILESS_MAIN(TestTlsServe)
#include "TestTlsServe.moc"
