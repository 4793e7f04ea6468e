// SPDX-License-Identifier: Apache-2.0
// Dialogs that only present and validate, driven through their widgets (found by objectName): the
// schedule with its preview, the offline settings form and its "Use defaults" toggle, the user dialog,
// and the wording of the flush question.
#include "admin-gui/MailboxManagerPage.h"
#include "admin-gui/OfflineSettingsDialog.h"
#include "admin-gui/OfflineSettingsEditor.h"
#include "admin-gui/ScheduleDialog.h"
#include "admin-gui/SignInDialog.h"
#include "admin-gui/TimeText.h"
#include "admin-gui/UserDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>

using namespace ArchiveSync;

namespace {
template<typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

QPushButton *okButton(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}
} // namespace

class TestAdminDialogs : public QObject
{
    Q_OBJECT

private slots:
    void schedulePreview_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("expected");
        // Tuesday 2026-03-10 12:00 UTC.
        QTest::newRow("every 6 hours")
            << QStringLiteral("every")
            << QStringList{QStringLiteral("2026-03-10 18:00"), QStringLiteral("2026-03-11 00:00"),
                           QStringLiteral("2026-03-11 06:00"), QStringLiteral("2026-03-11 12:00"),
                           QStringLiteral("2026-03-11 18:00")};
        QTest::newRow("weekly Mon, Fri 07:30")
            << QStringLiteral("weekly")
            << QStringList{QStringLiteral("2026-03-13 07:30"), QStringLiteral("2026-03-16 07:30"),
                           QStringLiteral("2026-03-20 07:30"), QStringLiteral("2026-03-23 07:30"),
                           QStringLiteral("2026-03-27 07:30")};
        QTest::newRow("daily 06:00 and 18:00")
            << QStringLiteral("daily")
            << QStringList{QStringLiteral("2026-03-10 18:00"), QStringLiteral("2026-03-11 06:00"),
                           QStringLiteral("2026-03-11 18:00"), QStringLiteral("2026-03-12 06:00"),
                           QStringLiteral("2026-03-12 18:00")};
    }
    void schedulePreview()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, expected);
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(12, 0), QTimeZone::utc()));
        ScheduleDialog dialog(clock);
        dialog.setTimeZone(QTimeZone::utc());
        if (kind == QLatin1String("every")) {
            child<QRadioButton>(&dialog, "everyRadio")->click();
            child<QSpinBox>(&dialog, "hoursSpin")->setValue(6);
            QCOMPARE(dialog.schedule()->toString(), QStringLiteral("every 6h"));
        } else if (kind == QLatin1String("weekly")) {
            child<QRadioButton>(&dialog, "weeklyRadio")->click();
            QVERIFY(!okButton(&dialog)->isEnabled()); // no day chosen yet
            QVERIFY(child<QLabel>(&dialog, "scheduleProblem")->text().contains(QStringLiteral("day")));
            child<QCheckBox>(&dialog, "day1Check")->click();
            child<QCheckBox>(&dialog, "day5Check")->click();
            child<QTimeEdit>(&dialog, "weeklyTimeEdit")->setTime(QTime(7, 30));
            QCOMPARE(dialog.schedule()->toString(), QStringLiteral("weekly mon,fri 07:30"));
        } else {
            // Starts as the default, daily at 06:00; add 18:00.
            QCOMPARE(child<QListWidget>(&dialog, "dailyTimesList")->count(), 1);
            child<QTimeEdit>(&dialog, "dailyTimeEdit")->setTime(QTime(18, 0));
            child<QPushButton>(&dialog, "addTimeButton")->click();
            QCOMPARE(dialog.schedule()->toString(), QStringLiteral("daily 06:00,18:00"));
        }
        QVERIFY(okButton(&dialog)->isEnabled());
        const QStringList lines = dialog.previewLines();
        QCOMPARE(lines.size(), 5);
        for (int i = 0; i < 5; ++i)
            QVERIFY2(lines.at(i).endsWith(expected.at(i).mid(11)) &&
                         lines.at(i).contains(expected.at(i).left(10)),
                     qPrintable(lines.at(i) + QStringLiteral(" vs ") + expected.at(i)));
    }

    void scheduleDialogLoadsSchedule()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 10), QTime(12, 0), QTimeZone::utc()));
        ScheduleDialog dialog(clock);
        dialog.setSchedule(*Schedule::weekly({Qt::Wednesday}, QTime(5, 15)));
        QVERIFY(child<QRadioButton>(&dialog, "weeklyRadio")->isChecked());
        QVERIFY(child<QCheckBox>(&dialog, "day3Check")->isChecked());
        QCOMPARE(child<QTimeEdit>(&dialog, "weeklyTimeEdit")->time(), QTime(5, 15));
    }

    void offlineEditorRoundTrip()
    {
        OfflineSettingsEditor editor;
        OfflineSettings s;
        s.contentWindowMonths = 24;
        s.folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole},
                            {QStringLiteral("Projects/*"), FolderPolicy::Whole},
                            {QStringLiteral("Spam"), FolderPolicy::Excluded}};
        s.maxWholeMessageBytes = 512 * 1024;
        s.checkIntervalMinutes = 15;
        s.maxCacheBytes = 2LL * 1024 * 1024 * 1024;
        editor.setSettings(s);
        QCOMPARE(child<QTableWidget>(&editor, "folderPolicyTable")->rowCount(), 3);
        const Result<OfflineSettings> back = editor.settings();
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(*back, s);
    }

    void offlineEditorValidates_data()
    {
        QTest::addColumn<QString>("widget");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("size not a size") << QStringLiteral("maxWholeSizeEdit") << QStringLiteral("lots")
                                         << QStringLiteral("max-whole-size");
        QTest::newRow("size too small") << QStringLiteral("maxWholeSizeEdit") << QStringLiteral("100")
                                        << QStringLiteral("max-whole-size");
        QTest::newRow("cache too small")
            << QStringLiteral("maxCacheSizeEdit") << QStringLiteral("1M") << QStringLiteral("max-cache-size");
    }
    void offlineEditorValidates()
    {
        QFETCH(QString, widget);
        QFETCH(QString, value);
        QFETCH(QString, field);
        OfflineSettingsEditor editor;
        editor.show();
        if (widget == QLatin1String("maxCacheSizeEdit"))
            child<QCheckBox>(&editor, "limitCacheCheck")->setChecked(true);
        auto *edit = editor.findChild<QLineEdit *>(widget);
        edit->clear();
        QTest::keyClicks(edit, value);
        const Result<OfflineSettings> s = editor.settings();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, field);
        QVERIFY(child<QLabel>(&editor, "validationLabel")->isVisible());
    }

    void offlineDialogUseDefaults()
    {
        OfflineSettings defaults;
        OfflineSettings own;
        own.contentWindowMonths = 6;
        OfflineSettingsDialog dialog(QStringLiteral("alice@example.org"));
        dialog.setSettings(defaults, true, own);
        auto *useDefaults = child<QCheckBox>(&dialog, "useDefaultsCheck");
        auto *window = child<QSpinBox>(&dialog, "contentWindowSpin");
        QVERIFY(useDefaults->isChecked());
        QVERIFY(!window->isEnabled());
        QCOMPARE(window->value(), 0);
        useDefaults->click();
        QVERIFY(window->isEnabled());
        window->setValue(12);
        QVERIFY(!dialog.useDefaults());
        QCOMPARE(dialog.settings()->contentWindowMonths, 12);
        // An invalid own setting keeps OK disabled; the defaults are always acceptable.
        auto *size = child<QLineEdit>(&dialog, "maxWholeSizeEdit");
        size->setText(QStringLiteral("nonsense"));
        QVERIFY(!okButton(&dialog)->isEnabled());
        useDefaults->click();
        QVERIFY(okButton(&dialog)->isEnabled());
        QCOMPARE(window->value(), 0);
    }

    void userDialogValidates()
    {
        UserDialog dialog(UserDialog::Mode::NewUser);
        QVERIFY(!okButton(&dialog)->isEnabled());
        child<QLineEdit>(&dialog, "usernameEdit")->setText(QStringLiteral("bob"));
        child<QLineEdit>(&dialog, "passwordEdit")->setText(QStringLiteral("short"));
        QVERIFY(dialog.problem().contains(QStringLiteral("12")));
        child<QLineEdit>(&dialog, "passwordEdit")->setText(QStringLiteral("a long enough passphrase"));
        child<QLineEdit>(&dialog, "repeatPasswordEdit")->setText(QStringLiteral("a long enough passphrasE"));
        QVERIFY(!okButton(&dialog)->isEnabled());
        child<QLineEdit>(&dialog, "repeatPasswordEdit")->setText(QStringLiteral("a long enough passphrase"));
        QVERIFY(okButton(&dialog)->isEnabled());
        QCOMPARE(dialog.newUser().username, QStringLiteral("bob"));
    }

    void flushQuestionNamesMailboxAndConsequences()
    {
        const QString text = MailboxManagerPage::flushQuestion(QStringLiteral("alice@example.org"));
        QVERIFY(text.contains(QStringLiteral("alice@example.org")));
        QVERIFY(text.contains(QStringLiteral("new generation")));
        QVERIFY(text.contains(QStringLiteral("laptop")));
    }

    void serverUrlNormalised()
    {
        QCOMPARE(SignInDialog::normalizedUrl(QStringLiteral(" archive.example.org:8470 ")),
                 QUrl(QStringLiteral("http://archive.example.org:8470")));
        QCOMPARE(SignInDialog::normalizedUrl(QStringLiteral("https://a.example/")),
                 QUrl(QStringLiteral("https://a.example/")));
        QVERIFY(!SignInDialog::normalizedUrl(QStringLiteral("ftp://a.example")).isValid());
        QVERIFY(!SignInDialog::normalizedUrl(QStringLiteral("")).isValid());
    }

    void timeText()
    {
        QCOMPARE(TimeText::behind(3 * 86400 + 5), QStringLiteral("3 days behind"));
        QCOMPARE(TimeText::behind(0), QStringLiteral("up to date"));
        const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(TimeText::relative(now.addSecs(-7200), now), QStringLiteral("2 hours ago"));
        QCOMPARE(TimeText::relative(now.addSecs(600), now), QStringLiteral("in 10 minutes"));
        QCOMPARE(TimeText::relative(QDateTime(), now), QStringLiteral("never"));
    }
};

QTEST_MAIN(TestAdminDialogs)
#include "TestAdminDialogs.moc"
