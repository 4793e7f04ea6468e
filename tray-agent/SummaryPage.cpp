// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/SummaryPage.h"

#include "core/sync/AccountSetup.h"
#include "core/sync/SyncLogging.h"
#include "tray-agent/SetupWizard.h"

#include <QDir>
#include <QLabel>
#include <QVBoxLayout>

namespace ArchiveSync {

namespace {
QString policyText(FolderPolicy policy)
{
    switch (policy) {
    case FolderPolicy::Whole:
        return SummaryPage::tr("whole messages");
    case FolderPolicy::HeadersOnly:
        return SummaryPage::tr("headers only");
    case FolderPolicy::Excluded:
        return SummaryPage::tr("excluded");
    }
    return {};
}
} // namespace

SummaryPage::SummaryPage(SetupWizard &wizard)
    : m_wizard(wizard)
    , m_summary(new QLabel)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("Check your choices. Start the sync when they are right."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Start sync"));
    m_summary->setObjectName(QStringLiteral("summaryText"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("summaryStatus"));
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch();
    layout->addWidget(m_status);
}

void SummaryPage::initializePage()
{
    const std::optional<AgentAccount> &account = m_wizard.setup().account();
    QString html = QStringLiteral("<table cellspacing='4'>");
    auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value);
    };
    if (account) {
        row(tr("Service:"), account->server.toString().toHtmlEscaped());
        row(tr("User:"), account->username.toHtmlEscaped());
        row(tr("This laptop:"),
            tr("%1 (device %2)").arg(account->deviceName.toHtmlEscaped()).arg(account->deviceId));
    }
    for (const SetupWizard::MailboxChoice &c : m_wizard.choices()) {
        if (!c.selected)
            continue;
        QStringList parts;
        for (auto it = c.folders.folderPolicies.cbegin(); it != c.folders.folderPolicies.cend(); ++it) {
            QString key = it.key();
            if (key.endsWith(QLatin1String("/*")))
                key = tr("%1 and subfolders").arg(key.chopped(2));
            parts << tr("%1: %2").arg(key, policyText(it.value())).toHtmlEscaped();
        }
        parts << tr("other folders: %1").arg(policyText(c.folders.defaultFolderPolicy)).toHtmlEscaped();
        row(c.mailbox.address.toHtmlEscaped(), parts.join(QStringLiteral("<br>")));
    }
    row(tr("Download:"), OfflineSettings::humanSize(m_wizard.downloadBytes()).toHtmlEscaped());
    row(tr("Disk space:"),
        tr("about %1 in %2")
            .arg(OfflineSettings::humanSize(SyncEstimate::diskBytes(m_wizard.downloadBytes())),
                 QDir::toNativeSeparators(m_wizard.dataDirectory()))
            .toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_summary->setText(html);
    m_status->clear();
}

bool SummaryPage::validatePage()
{
    const std::optional<AgentAccount> &account = m_wizard.setup().account();
    if (!account)
        return false;
    if (Status st = AccountSetup::save(m_wizard.dataDirectory(), *account, m_wizard.chosenMailboxes());
        !st.ok()) {
        m_status->setText(tr("Cannot save the settings: %1").arg(st.error().message));
        return false;
    }
    qCInfo(lcAgent) << "set up for" << account->username << "at" << account->server.toString();
    emit m_wizard.accountSaved();
    return true;
}

} // namespace ArchiveSync
