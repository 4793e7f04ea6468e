// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ArchiveSync {

class AdminSession;
class DirectoryModel;
class NoticeBar;

/// \brief "Choose mailboxes": the archive's mailboxes not managed yet, with search and multi-select.
/// Add moves the selected ones to the list below; OK takes that list (or, if it is empty, the selection).
class ChooseMailboxesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ChooseMailboxesDialog(AdminSession &session, QWidget *parent = nullptr);

    /// Loads the directory (asynchronously).
    void reload();
    QStringList chosenAddresses() const;
    DirectoryModel *model() const { return m_model; }

private:
    void addSelected();
    void updateButtons();

    AdminSession &m_session;
    DirectoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QListWidget *m_chosen;
    NoticeBar *m_notice;
    QDialogButtonBox *m_buttons;
};

} // namespace ArchiveSync
