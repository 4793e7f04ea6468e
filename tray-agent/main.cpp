// SPDX-License-Identifier: Apache-2.0
// archivesync-agent: with a command, the command line (no display needed); without one, or with a
// message link, the desktop agent (tray, wizard, archive window).
#include "tray-agent/AgentCli.h"
#include "tray-agent/AgentTranslations.h"
#include "tray-agent/DesktopAgent.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace {
void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ArchiveSync"));
    QCoreApplication::setApplicationName(QStringLiteral("archivesync-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHIVESYNC_VERSION));
}

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    return args;
}
} // namespace

int main(int argc, char *argv[])
{
    const QStringList rawArgs = argumentsOf(argc, argv);
    const bool desktop = ArchiveSync::DesktopAgent::isDesktopStart(rawArgs.mid(1));
    // Commands print what a person needs; the running agent also logs what it does.
    const bool running = desktop || rawArgs.contains(QStringLiteral("--headless"));
    if (!running && qEnvironmentVariableIsEmpty("ARCHIVESYNC_VERBOSE") &&
        qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("archivesync.*.info=false"));

    if (desktop) {
        QApplication app(argc, argv);
        describeApplication();
        ArchiveSync::AgentTranslations::install(app);
        return ArchiveSync::DesktopAgent::run(app, QCoreApplication::arguments());
    }

    QCoreApplication app(argc, argv);
    describeApplication();
    ArchiveSync::AgentTranslations::install(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QNetworkAccessManager network;
    ArchiveSync::AgentCli cli(network, out, err);
    const int rc = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return rc;
}
