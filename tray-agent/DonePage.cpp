// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/DonePage.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace ArchiveSync {

DonePage::DonePage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("donePage"));
    setTitle(tr("Done"));
    setSubTitle(tr("Your archive is on this laptop."));
    auto *text =
        new QLabel(tr("<p>The agent keeps the copy up to date in the background, whenever this laptop "
                      "is online. Its icon in the system tray shows the state; its menu opens the "
                      "archive, searches it and changes the settings.</p>"
                      "<p>Message links in your mailbox now open from this copy when you are "
                      "offline.</p>"));
    text->setWordWrap(true);
    auto *open = new QCheckBox(tr("&Open the archive now"));
    open->setObjectName(QStringLiteral("openArchiveCheck"));
    open->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(open);
    layout->addStretch();
}

} // namespace ArchiveSync
