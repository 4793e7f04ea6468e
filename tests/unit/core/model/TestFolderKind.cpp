// SPDX-License-Identifier: Apache-2.0
#include "core/model/FolderKind.h"

#include <QTest>

using namespace ArchiveSync;

Q_DECLARE_METATYPE(ArchiveSync::FolderKind)

namespace ArchiveSync {
char *toString(FolderKind kind)
{
    return qstrdup(qPrintable(folderKindName(kind)));
}
} // namespace ArchiveSync

class TestFolderKind : public QObject
{
    Q_OBJECT
private slots:
    void names_data()
    {
        QTest::addColumn<FolderKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("mail") << FolderKind::Mail << QStringLiteral("mail");
        QTest::newRow("contacts") << FolderKind::Contacts << QStringLiteral("contacts");
        QTest::newRow("calendar") << FolderKind::Calendar << QStringLiteral("calendar");
        QTest::newRow("tasks") << FolderKind::Tasks << QStringLiteral("tasks");
        QTest::newRow("notes") << FolderKind::Notes << QStringLiteral("notes");
    }
    void names()
    {
        QFETCH(FolderKind, kind);
        QFETCH(QString, name);
        QCOMPARE(folderKindName(kind), name);
        QCOMPARE(folderKindFromName(name), std::optional<FolderKind>(kind));
        QCOMPARE(folderKindFromName(name.toUpper()), std::optional<FolderKind>(kind));
    }

    void unknownNames()
    {
        QVERIFY(!folderKindFromName(u""));
        QVERIFY(!folderKindFromName(u"contact"));
        QVERIFY(!folderKindFromName(u"mails"));
        QVERIFY(!folderKindFromName(u"Kontakte"));
    }

    void guess_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<FolderKind>("expected");
        auto row = [](const char *path, FolderKind kind) {
            QTest::newRow(path) << QString::fromUtf8(path) << kind;
        };
        row("Contacts", FolderKind::Contacts);
        row("contacts", FolderKind::Contacts);
        row("Kontakte", FolderKind::Contacts);
        row("Kontakty", FolderKind::Contacts);
        row("Address Book", FolderKind::Contacts);
        row("Shared/Team/Contacts", FolderKind::Contacts);
        row(" Contacts ", FolderKind::Contacts);
        row("Calendar", FolderKind::Calendar);
        row("Kalender", FolderKind::Calendar);
        row("Kalendář", FolderKind::Calendar);
        row("KALENDÁŘ", FolderKind::Calendar);
        row("Calendrier", FolderKind::Calendar);
        row("Tasks", FolderKind::Tasks);
        row("Aufgaben", FolderKind::Tasks);
        row("Úkoly", FolderKind::Tasks);
        row("Tâches", FolderKind::Tasks);
        row("Notes", FolderKind::Notes);
        row("Notizen", FolderKind::Notes);
        row("Poznámky", FolderKind::Notes);
        row("Inbox", FolderKind::Mail);
        row("", FolderKind::Mail);
        row("Contacts/Old", FolderKind::Mail); // only the last component counts
        row("My Contacts", FolderKind::Mail);  // a whole-name match, not a substring
        row("Calendar Invites", FolderKind::Mail);
        row("Notes/", FolderKind::Mail);
        row("Projects/Notes", FolderKind::Notes);
    }
    void guess()
    {
        QFETCH(QString, path);
        QFETCH(FolderKind, expected);
        QCOMPARE(guessFolderKind(path), expected);
    }
};

QTEST_GUILESS_MAIN(TestFolderKind)
#include "TestFolderKind.moc"
