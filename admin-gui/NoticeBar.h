// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace ArchiveSync {

/// \brief An in-place message above a view or in a dialog: errors in plain words without a modal box,
/// so the window keeps working while the admin reads them.
class NoticeBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Information,
        Success,
        Error,
    };

    explicit NoticeBar(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Information);
    void showError(const QString &text) { showMessage(text, Kind::Error); }
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_close;
    Kind m_kind = Kind::Information;
};

} // namespace ArchiveSync
