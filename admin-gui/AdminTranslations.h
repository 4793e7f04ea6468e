// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLocale>

class QCoreApplication;

namespace ArchiveSync {

/// \brief Loads the admin app's translation (built in by qt_add_translations) and Qt's own for a locale.
class AdminTranslations
{
public:
    /// Installs the translators on the application; false when the admin app has none for the locale.
    static bool install(QCoreApplication &app, const QLocale &locale = QLocale::system());
};

} // namespace ArchiveSync
