// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/sync/SyncStatus.h"
#include "core/sync/TransferRate.h"

#include <QPointer>
#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace ArchiveSync {

class SetupWizard;

/// \brief The initial sync as it runs: bytes, messages, rate, time left, or the place in the service's
/// queue; complete when every copy is applied. Closing the wizard leaves the sync running.
class InitialSyncPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit InitialSyncPage(SetupWizard &wizard);

    void setStatusModel(SyncStatusModel *status);
    bool isComplete() const override;

private:
    void onStatus(const AgentSyncStatus &status);

    SetupWizard &m_wizard;
    QPointer<SyncStatusModel> m_model;
    TransferRate m_rate;
    QLabel *m_headline;
    QProgressBar *m_progress;
    QLabel *m_bytes;
    QLabel *m_messages;
    QLabel *m_speed;
    QLabel *m_eta;
    QLabel *m_queue;
    QLabel *m_mailboxes;
    bool m_done = false;
};

} // namespace ArchiveSync
