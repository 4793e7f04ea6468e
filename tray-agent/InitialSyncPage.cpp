// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/InitialSyncPage.h"

#include "core/model/OfflineSettings.h"
#include "tray-agent/SetupWizard.h"
#include "tray-agent/StatusText.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace ArchiveSync {

InitialSyncPage::InitialSyncPage(SetupWizard &wizard)
    : m_wizard(wizard)
    , m_rate(wizard.clock())
    , m_headline(new QLabel)
    , m_progress(new QProgressBar)
    , m_bytes(new QLabel)
    , m_messages(new QLabel)
    , m_speed(new QLabel)
    , m_eta(new QLabel)
    , m_queue(new QLabel)
    , m_mailboxes(new QLabel)
{
    setObjectName(QStringLiteral("initialSyncPage"));
    setTitle(tr("Initial sync"));
    setSubTitle(tr("The archive is being copied to this laptop. You may close this window: the sync goes on "
                   "in the background, and the tray icon shows how far it is."));
    m_headline->setObjectName(QStringLiteral("syncHeadline"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setRange(0, 0);
    m_bytes->setObjectName(QStringLiteral("syncBytes"));
    m_messages->setObjectName(QStringLiteral("syncMessages"));
    m_speed->setObjectName(QStringLiteral("syncRate"));
    m_eta->setObjectName(QStringLiteral("syncEta"));
    m_queue->setObjectName(QStringLiteral("syncQueue"));
    m_queue->setWordWrap(true);
    m_queue->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 6px; }"));
    m_queue->hide();
    m_mailboxes->setObjectName(QStringLiteral("syncMailboxes"));
    m_mailboxes->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setText(tr("Starting…"));

    auto *form = new QFormLayout;
    form->addRow(tr("Downloaded:"), m_bytes);
    form->addRow(tr("Messages:"), m_messages);
    form->addRow(tr("Rate:"), m_speed);
    form->addRow(tr("Time left:"), m_eta);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_progress);
    layout->addLayout(form);
    layout->addWidget(m_queue);
    layout->addWidget(m_mailboxes);
    layout->addStretch();
}

void InitialSyncPage::setStatusModel(SyncStatusModel *status)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = status;
    m_rate.reset();
    m_done = false;
    if (!status)
        return;
    connect(status, &SyncStatusModel::changed, this, &InitialSyncPage::onStatus);
    onStatus(status->snapshot());
}

void InitialSyncPage::onStatus(const AgentSyncStatus &status)
{
    qint64 done = 0;
    qint64 total = 0;
    qint64 messages = 0;
    qint64 messagesTotal = 0;
    int queuePosition = 0;
    QStringList lines;
    for (const MailboxSyncStatus &m : status.mailboxes) {
        done += m.bytesDone;
        total += m.bytesTotal;
        messages += m.messages;
        messagesTotal += m.messagesTotal;
        if (m.state == SyncState::Queued)
            queuePosition = std::max(queuePosition, std::max(m.queuePosition, 1));
        lines << StatusText::mailboxLine(m).toHtmlEscaped();
    }
    m_rate.sample(done);
    m_headline->setText(StatusText::headline(status));
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * done / total));
    } else {
        m_progress->setRange(0, status.safeToDisconnect() ? 1 : 0);
        m_progress->setValue(status.safeToDisconnect() ? 1 : 0);
    }
    m_bytes->setText(tr("%1 of %2").arg(OfflineSettings::humanSize(done), OfflineSettings::humanSize(total)));
    m_messages->setText(
        messagesTotal > 0
            ? tr("%1 of %2").arg(QLocale().toString(messages), QLocale().toString(messagesTotal))
            : QLocale().toString(messages));
    const double rate = m_rate.bytesPerSecond();
    m_speed->setText(rate > 0 ? tr("%1/s").arg(OfflineSettings::humanSize(qint64(rate))) : tr("—"));
    const std::optional<qint64> left = m_rate.secondsLeft(total);
    m_eta->setText(left && total > done ? StatusText::durationText(*left) : tr("—"));
    if (queuePosition > 0) {
        m_queue->setText(tr("Queued, position %1: the service lets a few laptops copy at a time to protect "
                            "its disks. The sync starts by itself; meanwhile you can use the archive online.")
                             .arg(queuePosition));
        m_queue->show();
    } else {
        m_queue->hide();
    }
    m_mailboxes->setText(lines.join(QStringLiteral("<br>")));
    const bool done_ = status.safeToDisconnect() &&
                       std::all_of(status.mailboxes.cbegin(), status.mailboxes.cend(),
                                   [](const MailboxSyncStatus &m) { return m.state == SyncState::UpToDate; });
    if (done_ != m_done) {
        m_done = done_;
        if (m_done) {
            m_progress->setRange(0, 1);
            m_progress->setValue(1);
            m_eta->setText(tr("done"));
        }
        emit completeChanged();
    }
}

bool InitialSyncPage::isComplete() const
{
    return m_done;
}

} // namespace ArchiveSync
