// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.h"
#include "service/cli/ServiceCli.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ArchiveSync"));
    QCoreApplication::setApplicationName(QStringLiteral("archivesync-service"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHIVESYNC_VERSION));

    // The CLI speaks through its own output; progress logs are for `serve` and for debugging
    // (QT_LOGGING_RULES="archivesync.*.info=true" or ARCHIVESYNC_VERBOSE=1).
    const bool serving = QCoreApplication::arguments().contains(QStringLiteral("serve"));
    if (!serving && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES") &&
        qEnvironmentVariableIsEmpty("ARCHIVESYNC_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("archivesync.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    ArchiveSync::SystemClock clock;
    ArchiveSync::ServiceCli cli(clock, out, err);
    const int rc = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return rc;
}
