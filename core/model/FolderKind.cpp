// SPDX-License-Identifier: Apache-2.0
#include "core/model/FolderKind.h"

#include <QStringList>

namespace ArchiveSync {

QString folderKindName(FolderKind kind)
{
    switch (kind) {
    case FolderKind::Mail:
        return QStringLiteral("mail");
    case FolderKind::Contacts:
        return QStringLiteral("contacts");
    case FolderKind::Calendar:
        return QStringLiteral("calendar");
    case FolderKind::Tasks:
        return QStringLiteral("tasks");
    case FolderKind::Notes:
        return QStringLiteral("notes");
    }
    return QStringLiteral("mail");
}

std::optional<FolderKind> folderKindFromName(QStringView name)
{
    for (FolderKind kind : {FolderKind::Mail, FolderKind::Contacts, FolderKind::Calendar, FolderKind::Tasks,
                            FolderKind::Notes}) {
        if (name.compare(folderKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

FolderKind guessFolderKind(const QString &folderPath)
{
    // The names mail servers give their special folders in the languages our users work in.
    static const QStringList contacts = {QStringLiteral("contacts"), QStringLiteral("kontakte"),
                                         QStringLiteral("kontakty"), QStringLiteral("address book")};
    static const QStringList calendar = {QStringLiteral("calendar"), QStringLiteral("kalender"),
                                         QStringLiteral("kalendář"), QStringLiteral("calendrier")};
    static const QStringList tasks = {QStringLiteral("tasks"), QStringLiteral("aufgaben"),
                                      QStringLiteral("úkoly"), QStringLiteral("tâches")};
    static const QStringList notes = {QStringLiteral("notes"), QStringLiteral("notizen"),
                                      QStringLiteral("poznámky")};
    const QString last = folderPath.section(QLatin1Char('/'), -1).trimmed().toLower();
    if (contacts.contains(last))
        return FolderKind::Contacts;
    if (calendar.contains(last))
        return FolderKind::Calendar;
    if (tasks.contains(last))
        return FolderKind::Tasks;
    if (notes.contains(last))
        return FolderKind::Notes;
    return FolderKind::Mail;
}

} // namespace ArchiveSync
