// SPDX-License-Identifier: Apache-2.0
// The admin's daily work through the real windows and dialogs, against a live archivesync-service started
// here: sign in, add a mailbox from the directory, enable offline sync with custom settings, grant a
// search right, change the schedule, synchronize now, flush (after a confirmation), revoke a laptop and
// create a user. Each step checks the service's state afterwards through the REST client.
#include "admin-gui/AdminSession.h"
#include "admin-gui/ChooseMailboxesDialog.h"
#include "admin-gui/DeviceTableModel.h"
#include "admin-gui/DirectoryModel.h"
#include "admin-gui/JobHistoryModel.h"
#include "admin-gui/LaptopsPage.h"
#include "admin-gui/MailboxManagerPage.h"
#include "admin-gui/MailboxPropertiesDialog.h"
#include "admin-gui/MailboxTableModel.h"
#include "admin-gui/MainWindow.h"
#include "admin-gui/NoticeBar.h"
#include "admin-gui/OfflineSettingsDialog.h"
#include "admin-gui/ScheduleDialog.h"
#include "admin-gui/SignInDialog.h"
#include "admin-gui/StatusPage.h"
#include "admin-gui/StatusPropertiesDialog.h"
#include "admin-gui/UserDialog.h"
#include "admin-gui/UserTableModel.h"
#include "admin-gui/UsersPage.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/ServiceProcess.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

namespace {
// The service answers in milliseconds; a CI machine running other suites at once may take seconds.
constexpr int kServiceWait = 30000;
} // namespace
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kUserPassword = QStringLiteral("a user's long passphrase");
const QString kAlice = QStringLiteral("alice@example.org");
const QString kBob = QStringLiteral("bob@example.org");
const QString kCarol = QStringLiteral("carol@example.org");

template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

void clickOk(QWidget *dialog)
{
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}
} // namespace

class TestAdminWorkflows : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_admin; // checks the service's state, apart from the GUI's session
    std::unique_ptr<AdminSession> m_session;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_samDevice = 0;
    // The confirmation seam: what was asked, and the answer to give.
    QStringList m_questions;
    bool m_answer = true;

    Api::Mailbox mailbox(const QString &address)
    {
        ApiResult<Api::Mailbox> m = m_admin->waitFor(&ApiClient::getMailbox, address);
        return m ? *m : Api::Mailbox();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     m_dir.filePath(QStringLiteral("data")));
        quint64 seed = 5;
        for (const QString &address : {kAlice, kBob, kCarol}) {
            CorpusOptions options;
            options.messageCount = 10;
            options.folderCount = 5;
            options.seed = seed++;
            options.smallMessages = true;
            options.malformedCount = 0;
            const QString maildir = m_dir.filePath(address);
            QVERIFY(generateCorpus(options, maildir).ok());
            QCOMPARE(
                m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), address, maildir}),
                0);
        }
        // Bob is managed with offline sync from the start, so there is a repository to flush.
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kBob}), 0);
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());

        m_admin = std::make_unique<ApiClient>(m_network, m_service->baseUrl());
        ApiResult<Api::Session> admin =
            m_admin->waitFor(&ApiClient::signIn, QStringLiteral("admin"), kAdminPassword);
        QVERIFY2(admin.ok(), qPrintable(admin.errorString()));
        m_admin->setToken(admin->token);
        QVERIFY(m_admin->waitFor(&ApiClient::manageMailbox, kBob).ok());
        QVERIFY(m_admin
                    ->waitFor(&ApiClient::createUser, Api::NewUser{QStringLiteral("sam"), kUserPassword,
                                                                   Api::Role::User, QStringLiteral("Sam")})
                    .ok());
        ApiClient sam(m_network, m_service->baseUrl());
        ApiResult<Api::Session> samSession =
            sam.waitFor(&ApiClient::signIn, QStringLiteral("sam"), kUserPassword);
        QVERIFY(samSession.ok());
        sam.setToken(samSession->token);
        ApiResult<Api::DeviceRegistration> device =
            sam.waitFor(&ApiClient::registerDevice, QStringLiteral("sam-laptop"));
        QVERIFY(device.ok());
        m_samDevice = device->deviceId;

        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc(), QTimeZone::utc());
        m_session = std::make_unique<AdminSession>();
        m_window = std::make_unique<MainWindow>(*m_session, *m_clock);
        m_window->setRefreshInterval(0);
        m_window->setConfirm([this](QWidget *, const QString &, const QString &text, const QString &) {
            m_questions << text;
            return m_answer;
        });
        m_window->show();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_session.reset();
        if (m_service)
            QVERIFY2(m_service->stop(), m_service->output().constData());
    }

    void signInThroughDialog()
    {
        QSettings().setValue(QStringLiteral("signIn/server"), m_service->baseUrl().toString());
        m_window->signIn();
        SignInDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<SignInDialog *>()) != nullptr, kServiceWait);
        QCOMPARE(child<QLineEdit>(dialog, "serverEdit")->text(), m_service->baseUrl().toString());
        child<QLineEdit>(dialog, "userEdit")->setText(QStringLiteral("admin"));
        // A wrong password: the service's refusal appears in the dialog, which stays open.
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("wrong password"));
        child<QPushButton>(dialog, "signInButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!child<NoticeBar>(dialog, "noticeBar")->text().isEmpty(), kServiceWait);
        QVERIFY(child<NoticeBar>(dialog, "noticeBar")->text().contains(QStringLiteral("sign in")));
        QVERIFY(!m_session->isSignedIn());

        child<QLineEdit>(dialog, "passwordEdit")->setText(kAdminPassword);
        child<QPushButton>(dialog, "signInButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isSignedIn(), kServiceWait);
        QCOMPARE(m_session->session().username, QStringLiteral("admin"));
        QCOMPARE(QSettings().value(QStringLiteral("signIn/user")).toString(), QStringLiteral("admin"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), kServiceWait);
    }

    void addMailboxFromDirectory()
    {
        m_window->showPage(MainWindow::Page::MailboxManager);
        MailboxManagerPage *page = m_window->mailboxManagerPage();
        QAbstractItemModelTester tester(page->proxy(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, kServiceWait); // bob only
        page->addMailboxAction()->trigger();
        ChooseMailboxesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<ChooseMailboxesDialog *>()) != nullptr,
                                 kServiceWait);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 2,
                                  kServiceWait); // alice and carol are not managed yet
        QTest::keyClicks(child<QLineEdit>(dialog, "directorySearch"), QStringLiteral("ALICE"));
        auto *table = child<QTableView>(dialog, "directoryTable");
        QCOMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        child<QPushButton>(dialog, "addButton")->click();
        QCOMPARE(dialog->chosenAddresses(), QStringList{kAlice});
        clickOk(dialog);

        QTRY_VERIFY_WITH_TIMEOUT(mailbox(kAlice).managed, kServiceWait);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, kServiceWait);
        QVERIFY(page->notice()->text().contains(kAlice));
        QVERIFY(!mailbox(kCarol).managed);
    }

    void enableOfflineWithCustomSettings()
    {
        MailboxManagerPage *page = m_window->mailboxManagerPage();
        QVERIFY(page->selectMailbox(kAlice));
        page->propertiesAction()->trigger();
        MailboxPropertiesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<MailboxPropertiesDialog *>()) != nullptr,
                                 kServiceWait);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kServiceWait);
        dialog->showTab(MailboxPropertiesDialog::OfflineTab);
        auto *enable = child<QCheckBox>(dialog, "enableOfflineCheck");
        QVERIFY(!enable->isChecked());
        enable->click();
        child<QPushButton>(dialog, "configureOfflineButton")->click();
        OfflineSettingsDialog *settings = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((settings = dialog->findChild<OfflineSettingsDialog *>()) != nullptr,
                                 kServiceWait);
        auto *useDefaults = child<QCheckBox>(settings, "useDefaultsCheck");
        QVERIFY(useDefaults->isChecked());
        useDefaults->click();
        child<QSpinBox>(settings, "contentWindowSpin")->setValue(24);
        child<QSpinBox>(settings, "checkIntervalSpin")->setValue(30);
        auto *size = child<QLineEdit>(settings, "maxWholeSizeEdit");
        size->setText(QStringLiteral("10M"));
        clickOk(settings);
        QVERIFY(child<QLabel>(dialog, "offlineSummary")->text().contains(QStringLiteral("own settings")));
        clickOk(dialog);

        const auto offline = [this] {
            ApiResult<Api::MailboxOfflineConfig> c = m_admin->waitFor(&ApiClient::getMailboxOffline, kAlice);
            return c ? *c : Api::MailboxOfflineConfig();
        };
        QTRY_VERIFY_WITH_TIMEOUT(offline().enabled, kServiceWait);
        const Api::MailboxOfflineConfig config = offline();
        QCOMPARE(config.useDefaults, false);
        QCOMPARE(config.settings.contentWindowMonths, 24);
        QCOMPARE(config.settings.checkIntervalMinutes, 30);
        QCOMPARE(config.settings.maxWholeMessageBytes, 10LL * 1024 * 1024);
    }

    void grantSearchRight()
    {
        MailboxManagerPage *page = m_window->mailboxManagerPage();
        QVERIFY(page->selectMailbox(kAlice));
        page->propertiesAction()->trigger();
        MailboxPropertiesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<MailboxPropertiesDialog *>()) != nullptr,
                                 kServiceWait);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kServiceWait);
        dialog->showTab(MailboxPropertiesDialog::PermissionsTab);
        auto *users = child<QComboBox>(dialog, "permissionUserCombo");
        const int sam = users->findData(QStringLiteral("sam"));
        QVERIFY(sam >= 0);
        users->setCurrentIndex(sam);
        child<QPushButton>(dialog, "grantButton")->click();
        QCOMPARE(dialog->permittedUsers(), QStringList{QStringLiteral("sam")});
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(*m_admin->waitFor(&ApiClient::listPermissions, kAlice),
                                  QStringList{QStringLiteral("sam")}, kServiceWait);
    }

    void changeSchedule()
    {
        m_window->showPage(MainWindow::Page::Status);
        StatusPage *page = m_window->statusPage();
        QAbstractItemModelTester tester(page->historyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        page->configure();
        StatusPropertiesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<StatusPropertiesDialog *>()) != nullptr,
                                 kServiceWait);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kServiceWait);
        child<QPushButton>(dialog, "scheduleButton")->click();
        ScheduleDialog *schedule = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((schedule = dialog->findChild<ScheduleDialog *>()) != nullptr, kServiceWait);
        child<QRadioButton>(schedule, "everyRadio")->click();
        child<QSpinBox>(schedule, "hoursSpin")->setValue(6);
        QCOMPARE(schedule->previewLines().size(), 5);
        clickOk(schedule);
        QCOMPARE(dialog->schedule(), *Schedule::everyNHours(6));
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(m_admin->waitFor(&ApiClient::getSchedule)->schedule,
                                  *Schedule::everyNHours(6), kServiceWait);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "scheduleLabel")->text().contains(QStringLiteral("6")),
                                 kServiceWait);
    }

    void synchronizeNow()
    {
        QVERIFY(!mailbox(kAlice).offline.hasRepository);
        m_window->showPage(MainWindow::Page::MailboxManager);
        MailboxManagerPage *page = m_window->mailboxManagerPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->selectMailbox(kAlice), kServiceWait);
        page->synchronizeAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(mailbox(kAlice).offline.hasRepository, 30000);
        QVERIFY(page->notice()->text().contains(kAlice));
        const Api::Mailbox alice = mailbox(kAlice);
        QVERIFY(alice.offline.messageCount > 0);
        // The table follows on refresh.
        page->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->mailboxAt(page->model()->rowOf(kAlice))->offline.generation,
                                  alice.offline.generation, kServiceWait);
    }

    void flushWithConfirmation()
    {
        MailboxManagerPage *page = m_window->mailboxManagerPage();
        const qint64 generation = mailbox(kBob).offline.generation;
        QVERIFY(generation >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(page->selectMailbox(kBob), kServiceWait);
        // Declined: nothing happens on the service.
        m_questions.clear();
        m_answer = false;
        page->flushAction()->trigger();
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(kBob));
        QVERIFY(m_questions.first().contains(QStringLiteral("laptop")));
        QTest::qWait(200);
        QCOMPARE(mailbox(kBob).offline.generation, generation);
        // Accepted: a new generation.
        m_answer = true;
        page->flushAction()->trigger();
        QCOMPARE(m_questions.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(mailbox(kBob).offline.generation == generation + 1, 30000);
    }

    void revokeDevice()
    {
        m_window->showPage(MainWindow::Page::Laptops);
        LaptopsPage *page = m_window->laptopsPage();
        QAbstractItemModelTester tester(page->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, kServiceWait);
        QCOMPARE(page->freshnessCounts().value(int(LaptopFreshness::Bucket::Never)), 1);
        QVERIFY(page->selectDevice(m_samDevice));
        m_questions.clear();
        m_answer = true;
        page->revokeAction()->trigger();
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(QStringLiteral("sam-laptop")));
        QTRY_VERIFY_WITH_TIMEOUT(m_admin->waitFor(&ApiClient::listDevices)->value(0).isRevoked(),
                                 kServiceWait);
        QTRY_VERIFY_WITH_TIMEOUT(page->notice()->text().contains(QStringLiteral("sam-laptop")), kServiceWait);
    }

    void createUser()
    {
        m_window->showPage(MainWindow::Page::Users);
        UsersPage *page = m_window->usersPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, kServiceWait);
        page->newUserAction()->trigger();
        UserDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<UserDialog *>()) != nullptr, kServiceWait);
        child<QLineEdit>(dialog, "usernameEdit")->setText(QStringLiteral("nora"));
        child<QComboBox>(dialog, "roleCombo")->setCurrentIndex(1);
        child<QLineEdit>(dialog, "passwordEdit")->setText(kUserPassword);
        child<QLineEdit>(dialog, "repeatPasswordEdit")->setText(kUserPassword);
        clickOk(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 3, kServiceWait);
        bool admin = false;
        for (const Api::User &u : *m_admin->waitFor(&ApiClient::listUsers))
            admin = admin || (u.username == QLatin1String("nora") && u.role == Api::Role::Admin);
        QVERIFY(admin);
    }
};

QTEST_MAIN(TestAdminWorkflows)
#include "TestAdminWorkflows.moc"
