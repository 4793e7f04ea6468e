// SPDX-License-Identifier: Apache-2.0
#include "admin-cli/AdminCli.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ArchiveSync"));
    QCoreApplication::setApplicationName(QStringLiteral("archivesync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHIVESYNC_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QNetworkAccessManager network;
    ArchiveSync::AdminCli cli(network, out, err);
    const int rc = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return rc;
}
