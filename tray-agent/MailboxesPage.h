// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

class QLabel;
class QTreeWidget;

namespace ArchiveSync {

class SetupWizard;

/// \brief The mailboxes the user may search into that have offline repositories, with their sizes;
/// the user picks those to keep on this laptop.
class MailboxesPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MailboxesPage(SetupWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void load();
    void fill();

    SetupWizard &m_wizard;
    QTreeWidget *m_list;
    QLabel *m_status;
    qint64 m_loadedFor = 0; ///< device id the list was loaded for
    int m_pending = 0;
    bool m_failed = false;
};

} // namespace ArchiveSync
