// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/MailboxesPage.h"

#include "core/sync/AccountSetup.h"
#include "tray-agent/SetupWizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ArchiveSync {

MailboxesPage::MailboxesPage(SetupWizard &wizard)
    : m_wizard(wizard)
    , m_list(new QTreeWidget)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("mailboxesPage"));
    setTitle(tr("Mailboxes"));
    setSubTitle(tr("These are the archived mailboxes you may read that are available offline. Choose those "
                   "to keep on this laptop."));
    m_list->setObjectName(QStringLiteral("mailboxList"));
    m_list->setHeaderLabels({tr("Mailbox"), tr("Messages"), tr("Size on the service")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_status->setObjectName(QStringLiteral("mailboxesStatus"));
    m_status->setWordWrap(true);
    auto *retry = new QPushButton(tr("&Try again"));
    retry->setObjectName(QStringLiteral("mailboxesRetry"));
    retry->hide();
    connect(retry, &QPushButton::clicked, this, [this, retry] {
        retry->hide();
        load();
    });
    connect(this, &QWizardPage::completeChanged, retry, [this, retry] { retry->setVisible(m_failed); });
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column != 0)
            return;
        const int row = m_list->indexOfTopLevelItem(item);
        if (row >= 0 && row < m_wizard.choices().size())
            m_wizard.choices()[row].selected = item->checkState(0) == Qt::Checked;
        emit completeChanged();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(retry, 0, Qt::AlignLeft);
}

void MailboxesPage::initializePage()
{
    const qint64 device = m_wizard.setup().account() ? m_wizard.setup().account()->deviceId : 0;
    if (device != 0 && device == m_loadedFor && !m_failed)
        return;
    m_loadedFor = device;
    load();
}

void MailboxesPage::load()
{
    m_failed = false;
    m_list->clear();
    m_wizard.choices().clear();
    m_status->setText(tr("Asking the service which mailboxes you may keep offline…"));
    m_pending = 1;
    emit completeChanged();
    m_wizard.setup().offlineMailboxes([this](ApiResult<QList<Api::OfflineMailbox>> list) {
        m_pending = 0;
        if (!list) {
            m_failed = true;
            m_status->setText(tr("Cannot list your mailboxes: %1").arg(list.error().message));
            emit completeChanged();
            return;
        }
        for (const Api::OfflineMailbox &m : std::as_const(*list)) {
            SetupWizard::MailboxChoice choice;
            choice.mailbox = m;
            choice.selected = m.enabled;
            m_wizard.choices().append(choice);
        }
        // Each manifest tells what the folders' bodies weigh.
        for (int i = 0; i < m_wizard.choices().size(); ++i) {
            if (!m_wizard.choices().at(i).mailbox.enabled)
                continue;
            ++m_pending;
            const QString address = m_wizard.choices().at(i).mailbox.address;
            m_wizard.setup().manifest(address, [this, i, address](ApiResult<Api::ManifestReply> reply) {
                --m_pending;
                if (i < m_wizard.choices().size() && m_wizard.choices().at(i).mailbox.address == address) {
                    SetupWizard::MailboxChoice &choice = m_wizard.choices()[i];
                    if (reply) {
                        choice.estimate = SyncEstimate::fromManifest(reply->manifest);
                        choice.estimated = true;
                    }
                    QStringList paths;
                    for (const FolderEstimate &f : choice.estimate.folders())
                        paths.append(f.path);
                    choice.folders = SyncEstimate::defaultChoice(paths);
                }
                fill();
            });
        }
        fill();
    });
}

void MailboxesPage::fill()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const SetupWizard::MailboxChoice &c : std::as_const(m_wizard.choices())) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, c.mailbox.address);
        item->setText(1, QLocale().toString(c.mailbox.messageCount));
        item->setText(2, OfflineSettings::humanSize(c.mailbox.bytes));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        if (c.mailbox.enabled) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, c.selected ? Qt::Checked : Qt::Unchecked);
        } else {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(0, tr("Offline sync is not enabled for this mailbox on the service."));
        }
    }
    if (m_pending == 0)
        m_status->setText(
            m_wizard.choices().isEmpty()
                ? tr("The service offers no mailbox to you for offline use. Ask your administrator "
                     "to enable offline sync for your mailbox.")
                : tr("%n mailbox(es) available.", nullptr, int(m_wizard.choices().size())));
    emit completeChanged();
}

bool MailboxesPage::isComplete() const
{
    if (m_pending > 0 || m_failed)
        return false;
    return std::any_of(m_wizard.choices().cbegin(), m_wizard.choices().cend(),
                       [](const SetupWizard::MailboxChoice &c) { return c.selected && c.mailbox.enabled; });
}

bool MailboxesPage::validatePage()
{
    return isComplete();
}

} // namespace ArchiveSync
