// SPDX-License-Identifier: Apache-2.0
// Two archivesync-agent processes on one data directory: the second start hands its message link to
// the running desktop agent over the control socket and ends at once with 0; the first opens it.
#include "core/sync/AgentControl.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ArchiveSync;

namespace {
QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("ARCHIVESYNC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("archivesync.agent.info=true"));
    return env;
}
} // namespace

class TestLinkHandover : public QObject
{
    Q_OBJECT

private slots:
    void secondStartHandsTheLinkOver()
    {
        QTemporaryDir dir;
        QProcess first;
        first.setProcessEnvironment(environment());
        first.setProcessChannelMode(QProcess::MergedChannels);
        first.start(QStringLiteral(ARCHIVESYNC_AGENT_BINARY),
                    {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--no-tray")});
        QVERIFY(first.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (!AgentControlClient::request(dir.path(),
                                            {{QStringLiteral("command"), QStringLiteral("status")}}, 1000) &&
               timer.elapsed() < 15000)
            QThread::msleep(50);
        QVERIFY2(timer.elapsed() < 15000, first.readAll().constData());

        const QString link = QStringLiteral("archivesync://archive.example.org/alice%40example.org/42");
        QProcess second;
        second.setProcessEnvironment(environment());
        second.setProcessChannelMode(QProcess::MergedChannels);
        timer.restart();
        second.start(QStringLiteral(ARCHIVESYNC_AGENT_BINARY),
                     {QStringLiteral("--data-dir"), dir.path(), link});
        QVERIFY(second.waitForFinished(10000));
        const QByteArray secondOutput = second.readAll();
        QVERIFY2(second.exitCode() == 0, secondOutput.constData());
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY2(secondOutput.contains("handed over"), secondOutput.constData());

        QByteArray firstOutput;
        QTRY_VERIFY_WITH_TIMEOUT(
            (firstOutput += first.readAll())
                .contains("opening link \"archivesync://archive.example.org/alice@example.org/42\""),
            5000);

        // A bad link is refused by the running agent, and the second start says so.
        QProcess third;
        third.setProcessEnvironment(environment());
        third.start(
            QStringLiteral(ARCHIVESYNC_AGENT_BINARY),
            {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("archivesync://host/only-two")});
        QVERIFY(third.waitForFinished(10000));
        QCOMPARE(third.exitCode(), 1);

        // The command line still works beside it; quit ends the first.
        QProcess status;
        status.setProcessEnvironment(environment());
        status.start(QStringLiteral(ARCHIVESYNC_AGENT_BINARY),
                     {QStringLiteral("status"), QStringLiteral("--data-dir"), dir.path()});
        QVERIFY(status.waitForFinished(10000));
        QCOMPARE(status.exitCode(), 0);
        QVERIFY(AgentControlClient::request(dir.path(), {{QStringLiteral("command"), QStringLiteral("quit")}},
                                            5000));
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitCode(), 0);
    }
};

QTEST_MAIN(TestLinkHandover)
#include "TestLinkHandover.moc"
