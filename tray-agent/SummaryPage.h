// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

class QLabel;

namespace ArchiveSync {

class SetupWizard;

/// \brief Everything chosen, once more; "Start sync" saves it and starts the initial sync.
class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(SetupWizard &wizard);

    void initializePage() override;
    bool validatePage() override;

private:
    SetupWizard &m_wizard;
    QLabel *m_summary;
    QLabel *m_status;
};

} // namespace ArchiveSync
