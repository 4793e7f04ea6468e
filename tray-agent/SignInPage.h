// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace ArchiveSync {

class SetupWizard;

/// \brief User name and password; going on registers this laptop as a device of the user (the
/// password is used once and not kept).
class SignInPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SignInPage(SetupWizard &wizard);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    SetupWizard &m_wizard;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_deviceName;
    QLabel *m_status;
    QString m_registeredFor; ///< server + user the current registration is for
    bool m_busy = false;
};

} // namespace ArchiveSync
