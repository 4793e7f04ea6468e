// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;

namespace ArchiveSync {

class FolderPolicyTree;
class SetupWizard;

/// \brief Per mailbox and folder: whole messages, headers only or excluded (Inbox whole and the rest
/// headers only to begin with), "apply to all subfolders", and the estimated download.
class FoldersPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FoldersPage(SetupWizard &wizard);

    void initializePage() override;
    FolderPolicyTree *tree() const { return m_tree; }
    /// Shows the folders of the mailbox at this index of the wizard's choices.
    void showMailbox(int choiceIndex);

private:
    void updateEstimate();

    SetupWizard &m_wizard;
    QComboBox *m_mailbox;
    FolderPolicyTree *m_tree;
    QLabel *m_estimate;
    int m_shown = -1;
};

} // namespace ArchiveSync
