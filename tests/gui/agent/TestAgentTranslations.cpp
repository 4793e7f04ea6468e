// SPDX-License-Identifier: Apache-2.0
// The agent's German and Czech translations are built in and load for their locales.
#include "core/common/Clock.h"
#include "tray-agent/AgentTranslations.h"
#include "tray-agent/StatusText.h"
#include "tray-agent/TrayController.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTest>
#include <QTranslator>

using namespace ArchiveSync;

class TestAgentTranslations : public QObject
{
    Q_OBJECT

private slots:
    void german()
    {
        QVERIFY(AgentTranslations::install(*QCoreApplication::instance(),
                                           QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(StatusText::stateText(SyncState::UpToDate), QStringLiteral("Aktuell"));
        SystemClock clock;
        TrayController tray(clock, false);
        auto *syncNow = tray.menu()->findChild<QAction *>(QStringLiteral("actionSyncNow"));
        QVERIFY(syncNow);
        QCOMPARE(syncNow->text(), QStringLiteral("Jetzt synchronisieren"));
    }

    void czech()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Czech), QStringLiteral("archivesync-agent"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(translator.translate("ArchiveSync::TrayController", "Sync now"),
                 QStringLiteral("Synchronizovat nyní"));
    }

    void unknownLocaleFallsBack()
    {
        QTranslator translator;
        QVERIFY(!translator.load(QLocale(QLocale::Japanese), QStringLiteral("archivesync-agent"),
                                 QStringLiteral("_"), QStringLiteral(":/i18n")));
    }
};

QTEST_MAIN(TestAgentTranslations)
#include "TestAgentTranslations.moc"
