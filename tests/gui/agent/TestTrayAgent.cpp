// SPDX-License-Identifier: Apache-2.0
// The desktop agent's tray: its menu's actions (Sync now, Pause for an hour / until tomorrow, Resume)
// change the real engine's state; the status window stands in for a missing tray; the first start
// without an account shows the wizard; the control socket still answers the command line.
#include "core/common/Clock.h"
#include "core/localstore/MessageCipher.h"
#include "core/sync/SyncEngine.h"
#include "tray-agent/DesktopAgent.h"
#include "tray-agent/HeadlessAgent.h"
#include "tray-agent/SetupWizard.h"
#include "tray-agent/StatusWindow.h"
#include "tray-agent/TrayController.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

namespace {
QAction *action(TrayController &tray, const char *name)
{
    return tray.menu()->findChild<QAction *>(QString::fromLatin1(name));
}
} // namespace

class TestTrayAgent : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    MessageCipher m_cipher{QByteArray(32, 'k')};
    ManualClock m_clock{QDateTime(QDate(2024, 5, 6), QTime(14, 30), QTimeZone::utc())};

    /// A data directory set up for a service that does not answer (a closed port).
    QString configured(QTemporaryDir &dir)
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost);
        const quint16 port = closed.serverPort();
        closed.close();
        AgentState state;
        state.account = AgentAccount{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                     QStringLiteral("alice"),
                                     7,
                                     QStringLiteral("laptop"),
                                     QStringLiteral("token"),
                                     {}};
        AgentMailbox mailbox;
        mailbox.address = QStringLiteral("alice@example.org");
        state.mailboxes.append(mailbox);
        [[maybe_unused]] Status st = state.save(dir.path());
        return dir.path();
    }

private slots:
    void menuActionsChangeTheEngine()
    {
        QTemporaryDir dir;
        DesktopAgent agent(configured(dir), m_network, m_cipher, m_clock, false);
        QVERIFY(agent.start().ok());
        SyncEngine *engine = agent.engine();
        QVERIFY(engine);
        QVERIFY(!agent.wizard());
        TrayController &tray = agent.tray();
        QVERIFY(tray.statusWindow()); // offscreen: no system tray
        QVERIFY(!action(tray, "actionSetup")->isVisible());

        QVERIFY(action(tray, "actionPauseHour")->isVisible());
        QVERIFY(!action(tray, "actionResume")->isVisible());
        action(tray, "actionPauseHour")->trigger();
        QCOMPARE(engine->state().pausedUntil, m_clock.now().addSecs(3600));
        QTRY_COMPARE(engine->status().snapshot().state, SyncState::Paused);
        QTRY_VERIFY(action(tray, "actionResume")->isVisible());
        QVERIFY(!action(tray, "actionSyncNow")->isEnabled());
        QVERIFY(tray.statusWindow()
                    ->findChild<QLabel *>(QStringLiteral("statusHeadline"))
                    ->text()
                    .startsWith(QStringLiteral("Paused until")));

        action(tray, "actionResume")->trigger();
        QVERIFY(!engine->state().pausedUntil.isValid());
        QTRY_VERIFY(engine->status().snapshot().state != SyncState::Paused);
        QTRY_VERIFY(action(tray, "actionPauseHour")->isVisible());

        action(tray, "actionPauseTomorrow")->trigger();
        QCOMPARE(engine->state().pausedUntil, QDateTime(QDate(2024, 5, 7), QTime(8, 0), QTimeZone::utc()));
        action(tray, "actionResume")->trigger();

        // Sync now asks the service again: the engine finds it unreachable once more.
        QTRY_COMPARE_WITH_TIMEOUT(engine->status().snapshot().mailboxes.value(0).state, SyncState::Offline,
                                  10000);
        QSignalSpy changed(&engine->status(), &SyncStatusModel::changed);
        action(tray, "actionSyncNow")->trigger();
        QTRY_VERIFY(changed.count() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(engine->status().snapshot().mailboxes.value(0).state, SyncState::Offline,
                                  10000);
        QVERIFY(tray.menu()->findChild<QAction *>(QStringLiteral("statusLine")));

        // (The command line talking to the desktop agent over its socket: TestLinkHandover, two processes.)
        action(tray, "actionPauseHour")->trigger();
        QTRY_VERIFY(action(tray, "actionResume")->isVisible());

        QSignalSpy finished(&agent, &DesktopAgent::finished);
        action(tray, "actionQuit")->trigger();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), 0);
    }

    void firstStartShowsTheWizard()
    {
        QTemporaryDir dir;
        DesktopAgent agent(dir.path(), m_network, m_cipher, m_clock, false);
        QVERIFY(agent.start().ok());
        QVERIFY(!agent.engine());
        QVERIFY(agent.wizard());
        QVERIFY(agent.wizard()->isVisible());
        QCOMPARE(agent.wizard()->currentId(), int(SetupWizard::WelcomePageId));
        TrayController &tray = agent.tray();
        QVERIFY(action(tray, "actionSetup")->isVisible());
        QVERIFY(!action(tray, "actionSyncNow")->isEnabled());
        agent.wizard()->close();
        QTRY_VERIFY(!agent.wizard());
        action(tray, "actionSetup")->trigger();
        QVERIFY(agent.wizard());
        // A second agent on the same data directory is refused.
        DesktopAgent second(dir.path(), m_network, m_cipher, m_clock, false);
        QVERIFY(!second.start().ok());
    }
};

QTEST_MAIN(TestTrayAgent)
#include "TestTrayAgent.moc"
