// SPDX-License-Identifier: Apache-2.0
// The first-run wizard driven page by page against a live archivesync-service: server probe, sign-in
// and device registration, the mailboxes with sizes, the folder choices with their estimate, storage,
// summary, and the initial sync through to Done; afterwards the local copy holds what was chosen.
// Also: a copy that does not fit is refused, and a wrong password or server is told, not crashed on.
#include "core/common/Clock.h"
#include "core/localstore/MailboxStore.h"
#include "core/localstore/MessageCipher.h"
#include "core/sync/AccountSetup.h"
#include "core/sync/SyncEngine.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/ServiceProcess.h"
#include "tray-agent/ArchiveWindow.h"
#include "tray-agent/DesktopAgent.h"
#include "tray-agent/FolderPolicyTree.h"
#include "tray-agent/FolderTreeModel.h"
#include "tray-agent/FoldersPage.h"
#include "tray-agent/MessageListModel.h"
#include "tray-agent/SetupWizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kAlicePassword = QStringLiteral("alice's long passphrase");
const QString kMailbox = QStringLiteral("alice@example.org");
constexpr int kMessages = 160;

template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

void next(QWizard *wizard)
{
    QAbstractButton *button =
        wizard->button(wizard->currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
    QVERIFY(button->isEnabled());
    button->click();
}
} // namespace

class TestSetupWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QNetworkAccessManager m_network;
    MessageCipher m_cipher{QByteArray(32, 'w')};
    SystemClock m_clock;
    CorpusSummary m_corpus;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        CorpusOptions options;
        options.seed = 3;
        options.messageCount = kMessages;
        options.folderCount = 7;
        Result<CorpusSummary> corpus = generateCorpus(options, m_dir.filePath(QStringLiteral("maildir")));
        QVERIFY(corpus.ok());
        m_corpus = *corpus;
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY),
                                                     m_dir.filePath(QStringLiteral("service")));
        QCOMPARE(m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), kMailbox,
                                    m_dir.filePath(QStringLiteral("maildir"))}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), kMailbox}), 0);
        QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("set"), kMailbox,
                                    QStringLiteral("folder.Projects/*=whole")}),
                 0);
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());

        ApiClient admin(m_network, m_service->baseUrl());
        ApiResult<Api::Session> session =
            admin.waitFor(&ApiClient::signIn, QStringLiteral("admin"), kAdminPassword);
        QVERIFY(session.ok());
        admin.setToken(session->token);
        Api::NewUser alice;
        alice.username = QStringLiteral("alice");
        alice.password = kAlicePassword;
        QVERIFY(admin.waitFor(&ApiClient::createUser, alice).ok());
        QVERIFY(admin.waitFor(&ApiClient::manageMailbox, kMailbox).ok());
        QVERIFY(admin.waitFor(&ApiClient::grantPermission, kMailbox, QStringLiteral("alice")).ok());
    }

    void cleanupTestCase()
    {
        if (m_service)
            m_service->stop();
    }

    void wholeWizardThroughInitialSync()
    {
        const QString data = m_dir.filePath(QStringLiteral("laptop"));
        DesktopAgent agent(data, m_network, m_cipher, m_clock, false);
        QVERIFY(agent.start().ok());
        SetupWizard *wizard = agent.wizard();
        QVERIFY(wizard);
        QCOMPARE(wizard->currentId(), int(SetupWizard::WelcomePageId));
        next(wizard);

        // Server: a wrong one is told and stays; the right one answers and moves on.
        QCOMPARE(wizard->currentId(), int(SetupWizard::ServerPageId));
        auto *server = child<QLineEdit>(wizard, "serverEdit");
        server->setText(QStringLiteral("http://127.0.0.1:1"));
        next(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(wizard, "serverStatus")->text().startsWith(QStringLiteral("Cannot reach")), 15000);
        QCOMPARE(wizard->currentId(), int(SetupWizard::ServerPageId));
        server->setText(m_service->baseUrl().toString());
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::SignInPageId), 10000);

        // Sign in: a wrong password is told; the right one registers the laptop.
        child<QLineEdit>(wizard, "userEdit")->setText(QStringLiteral("alice"));
        child<QLineEdit>(wizard, "passwordEdit")->setText(QStringLiteral("wrong"));
        child<QLineEdit>(wizard, "deviceNameEdit")->setText(QStringLiteral("WIZARD-LAPTOP"));
        next(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(wizard, "signInStatus")->text().contains(QStringLiteral("not right")), 10000);
        QCOMPARE(wizard->currentId(), int(SetupWizard::SignInPageId));
        child<QLineEdit>(wizard, "passwordEdit")->setText(kAlicePassword);
        next(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::MailboxesPageId), 10000);
        QVERIFY(wizard->setup().account());
        QCOMPARE(wizard->setup().account()->deviceName, QStringLiteral("WIZARD-LAPTOP"));

        // Mailboxes with their sizes.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 10000);
        auto *mailboxes = child<QTreeWidget>(wizard, "mailboxList");
        QCOMPARE(mailboxes->topLevelItemCount(), 1);
        QCOMPARE(mailboxes->topLevelItem(0)->text(0), kMailbox);
        QCOMPARE(mailboxes->topLevelItem(0)->checkState(0), Qt::Checked);
        QCOMPARE(mailboxes->topLevelItem(0)->text(1), QLocale().toString(kMessages));
        QVERIFY(wizard->choices().first().estimated);
        next(wizard);

        // Folders: the defaults, then Projects and its subfolders whole.
        QCOMPARE(wizard->currentId(), int(SetupWizard::FoldersPageId));
        auto *tree = child<FolderPolicyTree>(wizard, "folderTree");
        QVERIFY(tree);
        QCOMPARE(FolderPolicy(tree->policyBox(QStringLiteral("Inbox"))->currentData().toInt()),
                 FolderPolicy::Whole);
        QVERIFY(tree->policyBox(QStringLiteral("Projects/Alpha")));
        QCOMPARE(FolderPolicy(tree->policyBox(QStringLiteral("Projects/Alpha"))->currentData().toInt()),
                 FolderPolicy::HeadersOnly);
        const qint64 before = wizard->downloadBytes();
        const QString estimateBefore = child<QLabel>(wizard, "estimateLabel")->text();
        QVERIFY(estimateBefore.startsWith(QStringLiteral("Estimated download")));
        QVERIFY(tree->setPolicy(QStringLiteral("Projects"), FolderPolicy::Whole));
        QVERIFY(tree->setApplyToSubfolders(QStringLiteral("Projects"), true));
        QVERIFY(wizard->downloadBytes() > before);
        QVERIFY(child<QLabel>(wizard, "estimateLabel")->text() != estimateBefore);
        QCOMPARE(wizard->choices().first().folders.folderPolicies.value(QStringLiteral("Projects/*")),
                 FolderPolicy::Whole);
        next(wizard);

        // Storage fits on the test machine.
        QCOMPARE(wizard->currentId(), int(SetupWizard::StoragePageId));
        QVERIFY(child<QLabel>(wizard, "storageVerdict")->text().startsWith(QStringLiteral("✔")));
        next(wizard);

        // Summary, then start: the engine runs and the page follows it to the end.
        QCOMPARE(wizard->currentId(), int(SetupWizard::SummaryPageId));
        QVERIFY(child<QLabel>(wizard, "summaryText")->text().contains(kMailbox));
        QVERIFY(
            child<QLabel>(wizard, "summaryText")->text().contains(QStringLiteral("Projects and subfolders")));
        next(wizard);
        QCOMPARE(wizard->currentId(), int(SetupWizard::InitialSyncPageId));
        QVERIFY(agent.engine());
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 90000);
        QCOMPARE(child<QProgressBar>(wizard, "syncProgress")->value(),
                 child<QProgressBar>(wizard, "syncProgress")->maximum());
        QVERIFY(child<QLabel>(wizard, "syncMessages")->text().contains(QLocale().toString(kMessages)));
        next(wizard);
        QCOMPARE(wizard->currentId(), int(SetupWizard::DonePageId));
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(agent.archiveWindow()); // "Open the archive now" was checked

        // What was chosen is what is here.
        SyncEngine *engine = agent.engine();
        QCOMPARE(engine->state().account->username, QStringLiteral("alice"));
        MailboxStore *store = engine->store(kMailbox);
        QVERIFY(store);
        QCOMPARE(*store->messageCount(), kMessages);
        Result<QList<LocalMessage>> all = store->messages(QString(), 100000, 0);
        QVERIFY(all.ok());
        int inboxWhole = 0;
        int projectsWhole = 0;
        for (const LocalMessage &m : std::as_const(*all)) {
            if (m.folder == QLatin1String("Inbox") && m.whole)
                ++inboxWhole;
            if (m.folder.startsWith(QLatin1String("Projects/")) && m.whole)
                ++projectsWhole;
            if (m.folder == QLatin1String("Sent") && !m.isSigned && !m.isEncrypted)
                QVERIFY2(!m.whole, qPrintable(m.subject));
        }
        QVERIFY(inboxWhole > 0);
        QVERIFY(projectsWhole > 0);
        QVERIFY(engine->status().snapshot().safeToDisconnect());

        // The archive window lists and searches the copy.
        ArchiveWindow *archive = agent.archiveWindow();
        QAbstractItemModelTester folderTester(&archive->folderModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester listTester(&archive->messageModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(archive->folderModel().rowCount() == 1);
        const LocalMessage first = all->first();
        QVERIFY(archive->search(QStringLiteral("folder:\"%1\"").arg(first.folder)));
        QVERIFY(archive->messageModel().rowCount() > 0);
        QVERIFY(!archive->search(QStringLiteral("\"unbalanced")));
        QVERIFY(agent
                    .openLink(QStringLiteral("archivesync://%1:%2/%3/%4")
                                  .arg(m_service->baseUrl().host())
                                  .arg(m_service->baseUrl().port())
                                  .arg(QString(kMailbox).replace(QLatin1Char('@'), QStringLiteral("%40")))
                                  .arg(first.id))
                    .ok());
        QTRY_VERIFY(!child<QLabel>(archive, "messageSubject")->text().isEmpty());
    }

    void storageThatDoesNotFitIsRefused()
    {
        SetupWizard wizard(m_dir.filePath(QStringLiteral("small")), m_network, m_clock);
        wizard.setStorageChecker([](const QString &directory, qint64 needed) {
            StorageCheck check;
            check.directory = directory;
            check.volume = QStringLiteral("/small");
            check.freeBytes = 100 * 1024 * 1024;
            check.neededBytes = needed + 1024LL * 1024 * 1024;
            check.writable = true;
            return check;
        });
        QWizardPage *page = wizard.page(SetupWizard::StoragePageId);
        page->initializePage();
        QVERIFY(!page->isComplete());
        QVERIFY(child<QLabel>(&wizard, "storageVerdict")
                    ->text()
                    .contains(QStringLiteral("Not enough free space")));
    }
};

QTEST_MAIN(TestSetupWizard)
#include "TestSetupWizard.moc"
