// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWizardPage>

namespace ArchiveSync {

/// \brief The archive is on this laptop; where to find the agent from now on.
class DonePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DonePage(QWidget *parent = nullptr);
};

} // namespace ArchiveSync
