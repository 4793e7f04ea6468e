// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ArchiveSync {

/// \brief What a folder holds; non-mail folders are always synchronized whole.
enum class FolderKind
{
    Mail,
    Contacts,
    Calendar,
    Tasks,
    Notes,
};

QString folderKindName(FolderKind kind);
std::optional<FolderKind> folderKindFromName(QStringView name);
/// \brief Guesses the kind from a folder path's last component ("Contacts", "Kalender", ...).
FolderKind guessFolderKind(const QString &folderPath);

} // namespace ArchiveSync
