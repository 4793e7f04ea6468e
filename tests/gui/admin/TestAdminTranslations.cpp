// SPDX-License-Identifier: Apache-2.0
// The admin app's German and Czech translations are built in, load for their locales and reach real
// dialogs; the .ts files are complete (nothing unfinished) and keep placeholders and accelerators.
#include "admin-gui/AdminSession.h"
#include "admin-gui/AdminTranslations.h"
#include "admin-gui/SignInDialog.h"
#include "admin-gui/UserDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace ArchiveSync;

namespace {
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d|%n"));
    QStringList found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found << m.captured();
    found.sort();
    return found;
}

struct TsCheck
{
    QString language;
    int messages = 0;
    QStringList problems;
};

// Reads one .ts file: every message needs a finished translation (all numerus forms filled, as many
// as the language has) with the source's placeholders and number of accelerator ampersands.
TsCheck checkTs(const QString &path, int numerusForms)
{
    TsCheck result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems << QStringLiteral("cannot open %1").arg(path);
        return result;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("TS")) {
            result.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++result.messages;
            const QString where = context + QStringLiteral(": ") + source;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (!type.isEmpty())
                result.problems << QStringLiteral("%1 [%2]").arg(where, type);
            QStringList forms;
            bool numerus = false;
            QString text;
            while (!xml.atEnd() && !(xml.readNext() == QXmlStreamReader::EndElement &&
                                     xml.name() == QLatin1String("translation"))) {
                if (xml.isCharacters())
                    text += xml.text();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    numerus = true;
                    forms << xml.readElementText();
                }
            }
            if (!numerus)
                forms << text;
            else if (forms.size() != numerusForms)
                result.problems << QStringLiteral("%1 [%2 plural forms]").arg(where).arg(forms.size());
            for (const QString &form : std::as_const(forms)) {
                if (form.isEmpty())
                    result.problems << QStringLiteral("%1 [empty]").arg(where);
                else if (placeholders(form) != placeholders(source))
                    result.problems << QStringLiteral("%1 [placeholders: %2]").arg(where, form);
                else if (form.count(QLatin1Char('&')) != source.count(QLatin1Char('&')))
                    result.problems << QStringLiteral("%1 [accelerator: %2]").arg(where, form);
            }
        }
    }
    if (xml.hasError())
        result.problems << QStringLiteral("%1: %2").arg(path, xml.errorString());
    return result;
}
} // namespace

class TestAdminTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ArchiveSyncTest"));
        QCoreApplication::setApplicationName(QStringLiteral("TestAdminTranslations"));
    }

    // The startup path: German for a German system locale, seen in the sign-in dialog.
    void german()
    {
        QVERIFY(AdminTranslations::install(*QCoreApplication::instance(),
                                           QLocale(QLocale::German, QLocale::Germany)));
        AdminSession session;
        SignInDialog dialog(session);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Anmelden — ArchiveSync Admin"));
        auto *signIn = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
        QVERIFY(signIn);
        QCOMPARE(signIn->text(), QStringLiteral("&Anmelden"));
        auto *keep = dialog.findChild<QCheckBox *>(QStringLiteral("keepSignedInCheck"));
        QVERIFY(keep);
        QVERIFY(keep->text().startsWith(QStringLiteral("Auf diesem Computer angemeldet")));
        // Strings outside a QObject class (own translation contexts) are covered too.
        QCOMPARE(QCoreApplication::translate("main", "ArchiveSync administration console"),
                 QStringLiteral("ArchiveSync-Verwaltungskonsole"));
    }

    // Czech, installed last so it takes precedence over German, seen in the user dialog.
    void czech()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Czech), QStringLiteral("archivesync-admin"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        {
            UserDialog dialog(UserDialog::Mode::NewUser);
            QCOMPARE(dialog.windowTitle(), QStringLiteral("Nový uživatel"));
            UserDialog reset(UserDialog::Mode::ResetPassword, QStringLiteral("alice"));
            QCOMPARE(reset.windowTitle(), QStringLiteral("Obnovit heslo uživatele alice"));
        }
        QCoreApplication::removeTranslator(&translator);
    }

    void unknownLocaleFallsBack()
    {
        QTranslator translator;
        QVERIFY(!translator.load(QLocale(QLocale::Japanese), QStringLiteral("archivesync-admin"),
                                 QStringLiteral("_"), QStringLiteral(":/i18n")));
    }

    void tsFilesComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("numerusForms");
        QTest::newRow("de") << QStringLiteral("archivesync-admin_de.ts") << QStringLiteral("de_DE") << 2;
        QTest::newRow("cs") << QStringLiteral("archivesync-admin_cs.ts") << QStringLiteral("cs_CZ") << 3;
    }

    void tsFilesComplete()
    {
        QFETCH(QString, file);
        QFETCH(QString, language);
        QFETCH(int, numerusForms);
        const TsCheck check = checkTs(QStringLiteral(ARCHIVESYNC_TRANSLATIONS_DIR "/") + file, numerusForms);
        QCOMPARE(check.language, language);
        QVERIFY(check.messages > 0);
        QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestAdminTranslations)
#include "TestAdminTranslations.moc"
