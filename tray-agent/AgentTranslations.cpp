// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/AgentTranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ArchiveSync {

bool AgentTranslations::install(QCoreApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *agent = new QTranslator(&app);
    if (!agent->load(locale, QStringLiteral("archivesync-agent"), QStringLiteral("_"),
                     QStringLiteral(":/i18n"))) {
        delete agent;
        return false;
    }
    QCoreApplication::installTranslator(agent);
    return true;
}

} // namespace ArchiveSync
