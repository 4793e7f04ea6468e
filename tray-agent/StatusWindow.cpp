// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/StatusWindow.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ArchiveSync {

StatusWindow::StatusWindow(QMenu *menu, QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel)
    , m_headline(new QLabel)
    , m_details(new QLabel)
    , m_notice(new QLabel)
{
    setObjectName(QStringLiteral("statusWindow"));
    setWindowTitle(tr("ArchiveSync Agent"));
    setWindowIcon(QIcon(QStringLiteral(":/archivesync/agent/icons/archivesync-agent.svg")));
    m_headline->setObjectName(QStringLiteral("statusHeadline"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_headline->setFont(bold);
    m_details->setObjectName(QStringLiteral("statusDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setObjectName(QStringLiteral("statusNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_icon);
    auto *text = new QVBoxLayout;
    text->addWidget(m_headline);
    text->addWidget(m_details);
    top->addLayout(text, 1);

    // The menu's actions as buttons; the pause choices drop down from one.
    auto *buttons = new QHBoxLayout;
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || action->objectName().isEmpty() ||
            action->objectName() == QLatin1String("statusHeadline"))
            continue;
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setVisible(action->isVisible());
        connect(action, &QAction::visibleChanged, button,
                [button, action] { button->setVisible(action->isVisible()); });
        buttons->addWidget(button);
    }
    for (QAction *action : menu->actions()) {
        if (!action->menu())
            continue;
        auto *button = new QToolButton;
        button->setText(action->text());
        button->setMenu(action->menu());
        button->setPopupMode(QToolButton::InstantPopup);
        connect(action, &QAction::visibleChanged, button,
                [button, action] { button->setVisible(action->isVisible()); });
        buttons->insertWidget(2, button);
    }
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addLayout(buttons);
}

void StatusWindow::setStatus(const QIcon &icon, const QString &headline, const QString &details)
{
    m_icon->setPixmap(icon.pixmap(48, 48));
    m_headline->setText(headline);
    // The first tooltip line repeats the headline.
    m_details->setText(details.section(QLatin1Char('\n'), 1));
    setWindowIcon(icon);
}

void StatusWindow::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

} // namespace ArchiveSync
