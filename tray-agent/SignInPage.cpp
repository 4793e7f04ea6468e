// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/SignInPage.h"

#include "core/sync/AccountSetup.h"
#include "tray-agent/SetupWizard.h"

#include <QFormLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ArchiveSync {

SignInPage::SignInPage(SetupWizard &wizard)
    : m_wizard(wizard)
    , m_user(new QLineEdit)
    , m_password(new QLineEdit)
    , m_deviceName(new QLineEdit(QHostInfo::localHostName()))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("signInPage"));
    setTitle(tr("Sign in"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_deviceName->setObjectName(QStringLiteral("deviceNameEdit"));
    m_deviceName->setToolTip(tr("How your administrator sees this laptop."));
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    for (QLineEdit *edit : {m_user, m_password, m_deviceName})
        connect(edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("This &laptop's name:"), m_deviceName);
    auto *note = new QLabel(tr("Your password is used once, to register this laptop, and is not stored. "
                               "Your administrator can revoke the laptop at any time."));
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addStretch();
}

void SignInPage::initializePage()
{
    setSubTitle(
        tr("Sign in to %1 with your user name and password.").arg(m_wizard.setup().server().toString()));
}

bool SignInPage::isComplete() const
{
    if (m_busy)
        return false;
    const QString key = m_wizard.setup().server().toString() + QLatin1Char(' ') + m_user->text().trimmed();
    if (m_wizard.setup().account() && m_registeredFor == key)
        return true; // registered; the password is gone
    return !m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty() &&
           !m_deviceName->text().trimmed().isEmpty();
}

bool SignInPage::validatePage()
{
    const QString key = m_wizard.setup().server().toString() + QLatin1Char(' ') + m_user->text().trimmed();
    if (m_wizard.setup().account() && m_registeredFor == key)
        return true;
    if (m_busy)
        return false;
    m_busy = true;
    emit completeChanged();
    m_status->setText(tr("Signing in…"));
    m_wizard.setup().registerDevice(
        m_user->text().trimmed(), m_password->text(), m_deviceName->text().trimmed(),
        [this, key](ApiResult<AgentAccount> account) {
            m_busy = false;
            emit completeChanged();
            if (!account) {
                if (account.error().category == ErrorCategory::Auth)
                    m_status->setText(tr("The user name or password is not right."));
                else if (account.error().field == QLatin1String("device"))
                    m_status->setText(tr("Signed in, but this laptop could not be registered: %1")
                                          .arg(account.error().message));
                else
                    m_status->setText(tr("Cannot sign in: %1").arg(account.error().message));
                return;
            }
            m_password->clear();
            m_registeredFor = key;
            m_status->setText(tr("This laptop is registered as device %1.").arg(account->deviceId));
            if (m_wizard.currentPage() == this)
                m_wizard.next();
        });
    return false;
}

} // namespace ArchiveSync
