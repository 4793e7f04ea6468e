// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/WelcomePage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ArchiveSync {

WelcomePage::WelcomePage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Welcome to ArchiveSync"));
    setSubTitle(tr("Your archived mail, on this laptop, also when you are offline."));
    auto *text = new QLabel(
        tr("<p>The ArchiveSync agent keeps a copy of the mail archive on this laptop. It fetches what is "
           "archived on the server, keeps it up to date in the background, and lets you search and read "
           "it offline; message links from your mailbox open from it.</p>"
           "<p>To set it up you need:</p>"
           "<ul><li>the address of your organisation's ArchiveSync service,</li>"
           "<li>your user name and password,</li>"
           "<li>some free disk space (the wizard tells you how much).</li></ul>"
           "<p>The copy is encrypted with a key kept in this computer's keychain.</p>"));
    text->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addStretch();
}

} // namespace ArchiveSync
