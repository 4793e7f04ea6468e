// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

namespace ArchiveSync {

/// \brief What the agent does and what setting it up takes.
class WelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);
};

} // namespace ArchiveSync
