// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QMenu;

namespace ArchiveSync {

/// \brief Where no system tray runs: a small window with the state, per-mailbox lines and the tray
/// menu's actions as buttons.
class StatusWindow : public QWidget
{
    Q_OBJECT

public:
    /// The menu (owned by the tray controller) supplies the actions.
    explicit StatusWindow(QMenu *menu, QWidget *parent = nullptr);

    void setStatus(const QIcon &icon, const QString &headline, const QString &details);
    void setNotice(const QString &notice);

private:
    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_details;
    QLabel *m_notice;
};

} // namespace ArchiveSync
