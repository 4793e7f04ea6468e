// SPDX-License-Identifier: Apache-2.0
#include "UserDialog.h"

#include "UserTableModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ArchiveSync {

UserDialog::UserDialog(Mode mode, const QString &username, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_username(new QLineEdit(username, this))
    , m_displayName(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("userDialog"));
    setWindowTitle(mode == Mode::NewUser ? tr("New User") : tr("Reset Password of %1").arg(username));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_role->addItem(UserTableModel::roleText(Api::Role::User), int(Api::Role::User));
    m_role->addItem(UserTableModel::roleText(Api::Role::Admin), int(Api::Role::Admin));
    m_problem->setStyleSheet(QStringLiteral("color: #a01010;"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    if (mode == Mode::NewUser) {
        form->addRow(tr("&User name:"), m_username);
        form->addRow(tr("&Display name:"), m_displayName);
        form->addRow(tr("&Role:"), m_role);
    } else {
        m_username->hide();
        m_displayName->hide();
        m_role->hide();
    }
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Re&peat password:"), m_repeat);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_username, m_password, m_repeat})
        connect(edit, &QLineEdit::textChanged, this, &UserDialog::validate);
    validate();
    resize(420, sizeHint().height());
}

Api::NewUser UserDialog::newUser() const
{
    Api::NewUser user;
    user.username = m_username->text().trimmed();
    user.displayName = m_displayName->text().trimmed();
    user.password = m_password->text();
    user.role = Api::Role(m_role->currentData().toInt());
    return user;
}

QString UserDialog::password() const
{
    return m_password->text();
}

QString UserDialog::problem() const
{
    if (m_mode == Mode::NewUser && m_username->text().trimmed().isEmpty())
        return tr("Enter a user name.");
    if (m_password->text().size() < kMinPasswordLength)
        return tr("The password needs at least %1 characters.").arg(kMinPasswordLength);
    if (m_password->text() != m_repeat->text())
        return tr("The two passwords differ.");
    return {};
}

void UserDialog::validate()
{
    const QString text = problem();
    // Say nothing before anything was typed: an empty form is not an error yet.
    const bool untouched = m_password->text().isEmpty() && m_repeat->text().isEmpty();
    m_problem->setText(untouched ? QString() : text);
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

} // namespace ArchiveSync
