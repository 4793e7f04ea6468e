// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/FoldersPage.h"

#include "tray-agent/FolderPolicyTree.h"
#include "tray-agent/SetupWizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ArchiveSync {

FoldersPage::FoldersPage(SetupWizard &wizard)
    : m_wizard(wizard)
    , m_mailbox(new QComboBox)
    , m_tree(new FolderPolicyTree)
    , m_estimate(new QLabel)
{
    setObjectName(QStringLiteral("foldersPage"));
    setTitle(tr("Folders"));
    setSubTitle(tr("Keep whole messages where you need to read them offline; headers only elsewhere saves "
                   "space. Signed and encrypted messages, contacts, calendars, tasks and notes always travel "
                   "whole."));
    m_mailbox->setObjectName(QStringLiteral("folderMailbox"));
    m_tree->setObjectName(QStringLiteral("folderTree"));
    m_estimate->setObjectName(QStringLiteral("estimateLabel"));
    m_estimate->setWordWrap(true);
    connect(m_mailbox, &QComboBox::currentIndexChanged, this,
            [this] { showMailbox(m_mailbox->currentData().toInt()); });
    connect(m_tree, &FolderPolicyTree::choiceChanged, this, [this] {
        if (m_shown >= 0 && m_shown < m_wizard.choices().size())
            m_wizard.choices()[m_shown].folders = m_tree->choice();
        updateEstimate();
    });
    auto *form = new QFormLayout;
    form->addRow(tr("&Mailbox:"), m_mailbox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_estimate);
}

void FoldersPage::initializePage()
{
    const QSignalBlocker blocker(m_mailbox);
    m_mailbox->clear();
    for (int i = 0; i < m_wizard.choices().size(); ++i)
        if (m_wizard.choices().at(i).selected)
            m_mailbox->addItem(m_wizard.choices().at(i).mailbox.address, i);
    m_shown = -1;
    showMailbox(m_mailbox->currentData().toInt());
}

void FoldersPage::showMailbox(int choiceIndex)
{
    if (choiceIndex < 0 || choiceIndex >= m_wizard.choices().size())
        return;
    m_shown = choiceIndex;
    const SetupWizard::MailboxChoice &choice = m_wizard.choices().at(choiceIndex);
    const int comboRow = m_mailbox->findData(choiceIndex);
    if (comboRow >= 0 && m_mailbox->currentIndex() != comboRow) {
        const QSignalBlocker blocker(m_mailbox);
        m_mailbox->setCurrentIndex(comboRow);
    }
    QList<FolderEstimate> folders = choice.estimate.folders();
    // Inbox is always offered, even while it holds nothing to download whole.
    if (std::none_of(folders.cbegin(), folders.cend(),
                     [](const FolderEstimate &f) { return f.path == QLatin1String("Inbox"); }))
        folders.prepend(FolderEstimate{QStringLiteral("Inbox"), FolderKind::Mail, 0, 0});
    m_tree->setFolders(folders, choice.folders);
    updateEstimate();
}

void FoldersPage::updateEstimate()
{
    if (m_shown < 0 || m_shown >= m_wizard.choices().size()) {
        m_estimate->clear();
        return;
    }
    const SetupWizard::MailboxChoice &choice = m_wizard.choices().at(m_shown);
    const qint64 mailbox = choice.estimate.downloadBytes(choice.folders);
    QString text = tr("Estimated download for %1: %2 (headers of all %3 messages: %4).")
                       .arg(choice.mailbox.address, OfflineSettings::humanSize(mailbox))
                       .arg(choice.estimate.messages())
                       .arg(OfflineSettings::humanSize(choice.estimate.indexBytes()));
    if (m_mailbox->count() > 1)
        text += QLatin1Char(' ') +
                tr("All mailboxes: %1.").arg(OfflineSettings::humanSize(m_wizard.downloadBytes()));
    m_estimate->setText(text);
}

} // namespace ArchiveSync
