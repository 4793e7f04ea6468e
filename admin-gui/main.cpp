// SPDX-License-Identifier: Apache-2.0
// archivesync-admin: the admin console. Builds the session and the main window, then signs in.
#include "AdminSession.h"
#include "AdminTranslations.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

using namespace ArchiveSync;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AdminTranslations::install(app);
    QApplication::setOrganizationName(QStringLiteral("ArchiveSync"));
    QApplication::setApplicationName(QStringLiteral("archivesync-admin"));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "ArchiveSync Admin"));
    QApplication::setApplicationVersion(QStringLiteral(ARCHIVESYNC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "ArchiveSync administration console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    QApplication::translate("main", "Service URL to offer at sign-in."),
                                    QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QApplication::translate("main", "User name to offer."),
                                  QStringLiteral("name"));
    const QCommandLineOption refresh(
        QStringLiteral("refresh"), QApplication::translate("main", "Seconds between refreshes (default 30)."),
        QStringLiteral("seconds"), QStringLiteral("30"));
    parser.addOptions({server, user, refresh});
    parser.process(app);

    QSettings settings;
    if (parser.isSet(server))
        settings.setValue(QStringLiteral("signIn/server"), parser.value(server));
    if (parser.isSet(user))
        settings.setValue(QStringLiteral("signIn/user"), parser.value(user));

    SystemClock clock;
    AdminSession session;
    MainWindow window(session, clock);
    window.setRefreshInterval(parser.value(refresh).toInt() * 1000);
    window.show();
    window.start();
    return QApplication::exec();
}
