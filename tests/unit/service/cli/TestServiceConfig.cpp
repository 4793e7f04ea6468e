// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "service/cli/ServiceCli.h"
#include "service/cli/ServiceConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

class TestServiceConfig : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeIni(const QByteArray &text, const QString &name = QStringLiteral("serve.ini"))
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

private slots:
    void defaults()
    {
        const ServiceConfig config;
        QCOMPARE(config.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.port, quint16(8470));
        QVERIFY(!config.tlsEnabled());
        QCOMPARE(config.limits.maxBodyBytes, GuardedTcpServer::Limits().maxBodyBytes);
        QCOMPARE(config.admission.maxHolders, 4);
        QCOMPARE(config.admission.leaseSeconds, 120);
        QVERIFY(config.validate().ok());
    }

    void everyKey()
    {
        ServiceConfig config;
        const Status st = config.loadFile(writeIni("[server]\n"
                                                   "listen = [::1]:9443\n"
                                                   "tls_cert = certs/server.crt\n"
                                                   "tls_key = /etc/archivesync/server.key\n"
                                                   "[limits]\n"
                                                   "max_connections = 500\n"
                                                   "max_connections_per_address = 20\n"
                                                   "header_timeout = 500ms\n"
                                                   "idle_timeout = 2m\n"
                                                   "max_body = 4M\n"
                                                   "[offline]\n"
                                                   "max_initial_syncs = 2\n"
                                                   "lease = 90s\n"));
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        QCOMPARE(config.address, QHostAddress(QStringLiteral("::1")));
        QCOMPARE(config.port, quint16(9443));
        // Relative to the file, so the file can move with its certificates.
        QCOMPARE(config.tlsCertificateFile, QDir(m_dir.path()).filePath(QStringLiteral("certs/server.crt")));
        QCOMPARE(config.tlsKeyFile, QStringLiteral("/etc/archivesync/server.key"));
        QVERIFY(config.tlsEnabled());
        QCOMPARE(config.limits.maxConnections, 500);
        QCOMPARE(config.limits.maxConnectionsPerAddress, 20);
        QCOMPARE(config.limits.headerTimeoutMsecs, 500);
        QCOMPARE(config.limits.idleTimeoutMsecs, 120'000);
        QCOMPARE(config.limits.maxBodyBytes, 4 * 1024 * 1024);
        QCOMPARE(config.admission.maxHolders, 2);
        QCOMPARE(config.admission.leaseSeconds, 90);
        QVERIFY(config.validate().ok());
    }

    void keysLeftOutKeepTheirValues()
    {
        ServiceConfig config;
        QVERIFY(config.loadFile(writeIni("[offline]\nmax_initial_syncs=7\n")).ok());
        QCOMPARE(config.admission.maxHolders, 7);
        QCOMPARE(config.admission.leaseSeconds, 120);
        QCOMPARE(config.port, quint16(8470));
        QCOMPARE(config.limits.maxConnections, GuardedTcpServer::Limits().maxConnections);
    }

    void emptyFileChangesNothing()
    {
        ServiceConfig config;
        QVERIFY(config.loadFile(writeIni("; nothing set\n")).ok());
        QCOMPARE(config.port, quint16(8470));
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray("[limits]\nmax_conections=5\n")
                                     << QStringLiteral("limits/max_conections")
                                     << QStringLiteral("[limits] max_conections: unknown setting");
        QTest::newRow("unknown section")
            << QByteArray("[serve]\nlisten=127.0.0.1:1\n") << QStringLiteral("serve/listen")
            << QStringLiteral("[serve] listen: unknown setting");
        QTest::newRow("key outside a section")
            << QByteArray("listen=127.0.0.1:1\n") << QStringLiteral("listen")
            << QStringLiteral("listen: unknown");
        QTest::newRow("keys are case-sensitive")
            << QByteArray("[server]\nListen=127.0.0.1:1\n") << QStringLiteral("server/Listen")
            << QStringLiteral("unknown");
        QTest::newRow("listen by name")
            << QByteArray("[server]\nlisten=localhost:8470\n") << QStringLiteral("server/listen")
            << QStringLiteral("[server] listen needs HOST:PORT");
        QTest::newRow("listen without port")
            << QByteArray("[server]\nlisten=127.0.0.1\n") << QStringLiteral("server/listen")
            << QStringLiteral("HOST:PORT");
        QTest::newRow("zero connections")
            << QByteArray("[limits]\nmax_connections=0\n") << QStringLiteral("limits/max_connections")
            << QStringLiteral("[limits] max_connections: expected a whole number");
        QTest::newRow("connections as words")
            << QByteArray("[limits]\nmax_connections_per_address=many\n")
            << QStringLiteral("limits/max_connections_per_address") << QStringLiteral("got 'many'");
        QTest::newRow("timeout without a number")
            << QByteArray("[limits]\nheader_timeout=s\n") << QStringLiteral("limits/header_timeout")
            << QStringLiteral("[limits] header_timeout: expected a duration");
        QTest::newRow("timeout too short")
            << QByteArray("[limits]\nidle_timeout=10ms\n") << QStringLiteral("limits/idle_timeout")
            << QStringLiteral("1s to 1d");
        QTest::newRow("unknown unit")
            << QByteArray("[limits]\nidle_timeout=3 weeks\n") << QStringLiteral("limits/idle_timeout")
            << QStringLiteral("got '3 weeks'");
        QTest::newRow("body size") << QByteArray("[limits]\nmax_body=lots\n")
                                   << QStringLiteral("limits/max_body")
                                   << QStringLiteral("[limits] max_body: expected a size such as 1M");
        QTest::newRow("body too large") << QByteArray("[limits]\nmax_body=2G\n")
                                        << QStringLiteral("limits/max_body") << QStringLiteral("1K to 1G");
        QTest::newRow("value with a comma")
            << QByteArray("[limits]\nmax_body=1,5M\n") << QStringLiteral("limits/max_body")
            << QStringLiteral("got '1,5M'");
        QTest::newRow("no initial syncs")
            << QByteArray("[offline]\nmax_initial_syncs=0\n") << QStringLiteral("offline/max_initial_syncs")
            << QStringLiteral("[offline] max_initial_syncs");
        QTest::newRow("negative initial syncs")
            << QByteArray("[offline]\nmax_initial_syncs=-1\n") << QStringLiteral("offline/max_initial_syncs")
            << QStringLiteral("got '-1'");
        QTest::newRow("lease in parts of a second")
            << QByteArray("[offline]\nlease=1500ms\n") << QStringLiteral("offline/lease")
            << QStringLiteral("[offline] lease: expected whole seconds");
    }
    void badFiles()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString path = writeIni(ini);
        ServiceConfig config;
        const Status st = config.loadFile(path);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Invalid);
        QCOMPARE(st.error().field, field);
        QVERIFY2(st.errorString().contains(message), qPrintable(st.errorString()));
        QVERIFY2(st.errorString().startsWith(path), qPrintable(st.errorString()));
    }

    void allOrNothing()
    {
        // A good key before a bad one is not applied either.
        ServiceConfig config;
        QVERIFY(!config.loadFile(writeIni("[offline]\nmax_initial_syncs=9\nlease=soon\n")).ok());
        QCOMPARE(config.admission.maxHolders, 4);
    }

    void missingFile()
    {
        ServiceConfig config;
        const Status st = config.loadFile(m_dir.filePath(QStringLiteral("nothing.ini")));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Io);
        QVERIFY(st.errorString().contains(QStringLiteral("nothing.ini")));
    }

    void tlsFilesComeAsAPair()
    {
        ServiceConfig config;
        config.tlsCertificateFile = QStringLiteral("server.crt");
        QVERIFY(!config.validate().ok());
        QCOMPARE(config.validate().error().field, QStringLiteral("tls_key"));
        config.tlsKeyFile = QStringLiteral("server.key");
        QVERIFY(config.validate().ok());
    }

    void listen()
    {
        ServiceConfig config;
        QVERIFY(config.setListen(QStringLiteral("0.0.0.0:0")).ok());
        QCOMPARE(config.address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(config.port, quint16(0));
        const Status bad = config.setListen(QStringLiteral("127.0.0.1:70000"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorString().startsWith(QStringLiteral("--listen needs")));
        QCOMPARE(config.port, quint16(0));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("msecs");
        QTest::newRow("bare seconds") << QStringLiteral("30") << qint64(30'000);
        QTest::newRow("ms") << QStringLiteral("250ms") << qint64(250);
        QTest::newRow("s") << QStringLiteral("30s") << qint64(30'000);
        QTest::newRow("m") << QStringLiteral("5m") << qint64(300'000);
        QTest::newRow("h, spaced, upper case") << QStringLiteral(" 2 H ") << qint64(7'200'000);
        QTest::newRow("d") << QStringLiteral("1d") << qint64(86'400'000);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5s") << qint64(-1);
        QTest::newRow("fraction") << QStringLiteral("1.5s") << qint64(-1);
        QTest::newRow("unit only") << QStringLiteral("ms") << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, msecs);
        QCOMPARE(ServiceConfig::parseDuration(text).value_or(-1), msecs);
    }

    // The CLI: a bad file or a half TLS pair ends `serve` with the usage code before anything starts.
    void serveRefusesBadSettings_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad key") << QStringList{QStringLiteral("--config"),
                                                writeIni("[limits]\nmax_body=huge\n",
                                                         QStringLiteral("bad.ini"))}
                                 << QStringLiteral("[limits] max_body");
        QTest::newRow("unknown key") << QStringList{QStringLiteral("--config"),
                                                    writeIni("[offline]\nslots=3\n",
                                                             QStringLiteral("unknown.ini"))}
                                     << QStringLiteral("[offline] slots: unknown setting");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("--config"), m_dir.filePath(QStringLiteral("no.ini"))}
            << QStringLiteral("cannot read the configuration file");
        QTest::newRow("certificate without key")
            << QStringList{QStringLiteral("--tls-cert"), m_dir.filePath(QStringLiteral("server.crt"))}
            << QStringLiteral("TLS needs both");
        QTest::newRow("bad --listen") << QStringList{QStringLiteral("--listen"), QStringLiteral("anywhere")}
                                      << QStringLiteral("--listen needs HOST:PORT");
    }
    void serveRefusesBadSettings()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        ManualClock clock(QDateTime(QDate(2025, 3, 1), QTime(9, 0), QTimeZone::utc()));
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        ServiceCli cli(clock, outStream, errStream);
        const int code =
            cli.run(QStringList{QStringLiteral("archivesync-service"), QStringLiteral("--data-dir"),
                                m_dir.filePath(QStringLiteral("data")), QStringLiteral("serve")} +
                    args);
        errStream.flush();
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!out.contains(QStringLiteral("listening")));
    }
};

QTEST_GUILESS_MAIN(TestServiceConfig)
#include "TestServiceConfig.moc"
