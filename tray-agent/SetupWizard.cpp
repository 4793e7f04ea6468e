// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/SetupWizard.h"

#include "core/sync/AccountSetup.h"
#include "tray-agent/DonePage.h"
#include "tray-agent/FoldersPage.h"
#include "tray-agent/InitialSyncPage.h"
#include "tray-agent/MailboxesPage.h"
#include "tray-agent/ServerPage.h"
#include "tray-agent/SignInPage.h"
#include "tray-agent/StoragePage.h"
#include "tray-agent/SummaryPage.h"
#include "tray-agent/WelcomePage.h"

#include <QCheckBox>
#include <QIcon>

namespace ArchiveSync {

SetupWizard::SetupWizard(QString dataDirectory, QNetworkAccessManager &network, const Clock &clock,
                         QWidget *parent)
    : QWizard(parent)
    , m_dataDirectory(std::move(dataDirectory))
    , m_clock(clock)
    , m_setup(std::make_unique<AccountSetup>(network))
    , m_checkStorage(&StorageCheck::check)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up ArchiveSync"));
    setWindowIcon(QIcon(QStringLiteral(":/archivesync/agent/icons/archivesync-agent.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setPixmap(QWizard::LogoPixmap,
              QIcon(QStringLiteral(":/archivesync/agent/icons/archivesync-agent.svg")).pixmap(48, 48));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(WelcomePageId, new WelcomePage);
    setPage(ServerPageId, new ServerPage(*this));
    setPage(SignInPageId, new SignInPage(*this));
    setPage(MailboxesPageId, new MailboxesPage(*this));
    setPage(FoldersPageId, new FoldersPage(*this));
    setPage(StoragePageId, new StoragePage(*this));
    setPage(SummaryPageId, new SummaryPage(*this));
    m_syncPage = new InitialSyncPage(*this);
    setPage(InitialSyncPageId, m_syncPage);
    setPage(DonePageId, new DonePage);
    setStartId(WelcomePageId);
    // The page in the title too: window lists and the screenshot script see where the wizard is.
    connect(this, &QWizard::currentIdChanged, this, [this] {
        if (currentPage())
            setWindowTitle(tr("Set up ArchiveSync — %1").arg(currentPage()->title()));
    });
    resize(760, 560);
}

SetupWizard::~SetupWizard() = default;

QList<AgentMailbox> SetupWizard::chosenMailboxes() const
{
    QList<AgentMailbox> list;
    for (const MailboxChoice &c : m_choices) {
        AgentMailbox m;
        m.address = c.mailbox.address;
        m.folders = c.selected ? c.folders : SyncEstimate::nothing();
        list.append(m);
    }
    return list;
}

qint64 SetupWizard::downloadBytes() const
{
    qint64 total = 0;
    for (const MailboxChoice &c : m_choices)
        if (c.selected)
            total += c.estimate.downloadBytes(c.folders);
    return total;
}

StorageCheck SetupWizard::checkStorage() const
{
    return m_checkStorage(m_dataDirectory, SyncEstimate::diskBytes(downloadBytes()));
}

void SetupWizard::attachStatus(SyncStatusModel *status)
{
    m_syncPage->setStatusModel(status);
}

bool SetupWizard::openArchiveWhenDone() const
{
    auto *check = findChild<QCheckBox *>(QStringLiteral("openArchiveCheck"));
    return check && check->isChecked();
}

} // namespace ArchiveSync
