// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/AgentCli.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ArchiveSync"));
    QCoreApplication::setApplicationName(QStringLiteral("archivesync-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHIVESYNC_VERSION));

    // Commands print what a person needs; the running agent also logs what it does.
    const QStringList args = QCoreApplication::arguments();
    if (!args.contains(QStringLiteral("--headless")) && qEnvironmentVariableIsEmpty("ARCHIVESYNC_VERBOSE") &&
        qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("archivesync.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QNetworkAccessManager network;
    ArchiveSync::AgentCli cli(network, out, err);
    const int rc = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return rc;
}
