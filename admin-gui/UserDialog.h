// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ArchiveSync {

/// \brief A new account (user name, display name, role, password twice), or a new password for one.
/// Only presents and validates; the page makes the call.
class UserDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        NewUser,
        ResetPassword,
    };

    explicit UserDialog(Mode mode, const QString &username = {}, QWidget *parent = nullptr);

    Api::NewUser newUser() const;
    QString password() const;
    /// Why OK is disabled, empty when the input is complete.
    QString problem() const;

    static constexpr int kMinPasswordLength = 12;

private:
    void validate();

    Mode m_mode;
    QLineEdit *m_username;
    QLineEdit *m_displayName;
    QComboBox *m_role;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ArchiveSync
