// SPDX-License-Identifier: Apache-2.0
#include "AdminTranslations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ArchiveSync {

bool AdminTranslations::install(QCoreApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *admin = new QTranslator(&app);
    if (!admin->load(locale, QStringLiteral("archivesync-admin"), QStringLiteral("_"),
                     QStringLiteral(":/i18n"))) {
        delete admin;
        return false;
    }
    QCoreApplication::installTranslator(admin);
    return true;
}

} // namespace ArchiveSync
