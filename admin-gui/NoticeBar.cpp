// SPDX-License-Identifier: Apache-2.0
#include "NoticeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace ArchiveSync {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(QStringLiteral("noticeText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &NoticeBar::clear);
    hide();
}

void NoticeBar::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    m_label->setText(text);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString colors = QStringLiteral("background: #e8f0fb; border: 1px solid #9db8e0;");
    if (kind == Kind::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        colors = QStringLiteral("background: #fbeaea; border: 1px solid #e0a0a0;");
    } else if (kind == Kind::Success) {
        colors = QStringLiteral("background: #eaf6ea; border: 1px solid #a0d0a0;");
    }
    setStyleSheet(QStringLiteral("QFrame#noticeBar { %1 border-radius: 4px; } QLabel { background: "
                                 "transparent; border: none; }")
                      .arg(colors));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    show();
}

void NoticeBar::clear()
{
    m_label->clear();
    hide();
}

QString NoticeBar::text() const
{
    return isVisible() || !m_label->text().isEmpty() ? m_label->text() : QString();
}

} // namespace ArchiveSync
