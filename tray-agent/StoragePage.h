// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

class QLabel;

namespace ArchiveSync {

class SetupWizard;

/// \brief Where the copy will live, the room it needs and the room there is; a copy that does not fit
/// is refused.
class StoragePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit StoragePage(SetupWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    SetupWizard &m_wizard;
    QLabel *m_location;
    QLabel *m_needed;
    QLabel *m_free;
    QLabel *m_verdict;
    bool m_fits = false;
};

} // namespace ArchiveSync
