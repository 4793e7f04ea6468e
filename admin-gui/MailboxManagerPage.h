// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Confirm.h"

#include <QWidget>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ArchiveSync {

class AdminSession;
class MailboxTableModel;
class NoticeBar;

/// \brief Mailbox Manager: the managed mailboxes with their offline state, a filter, and the actions on
/// them (Properties, Synchronize now, Flush Offline Repository, Remove, Add Mailbox).
class MailboxManagerPage : public QWidget
{
    Q_OBJECT

public:
    explicit MailboxManagerPage(AdminSession &session, QWidget *parent = nullptr);

    void setConfirm(ConfirmFunction confirm) { m_confirm = std::move(confirm); }

    QAction *addMailboxAction() const { return m_addAction; }
    QAction *propertiesAction() const { return m_propertiesAction; }
    QAction *synchronizeAction() const { return m_syncAction; }
    QAction *flushAction() const { return m_flushAction; }
    QAction *removeAction() const { return m_removeAction; }
    QList<QAction *> mailboxActions() const;

    MailboxTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    NoticeBar *notice() const { return m_notice; }

    /// Selects a mailbox's row (e.g. after adding it); false when it is not listed.
    bool selectMailbox(const QString &address);
    /// The address of the current row, empty for none.
    QString currentAddress() const;

    /// "Flush Offline Repository" question for a mailbox; shown before flushing.
    static QString flushQuestion(const QString &address);

public slots:
    void refresh();
    void addMailboxes();
    void showProperties();
    void synchronizeNow();
    void flush();
    void removeMailbox();

signals:
    /// Something changed on the service (other views may want to refresh).
    void changed();

private:
    void updateActions();
    void showContextMenu(const QPoint &pos);

    AdminSession &m_session;
    ConfirmFunction m_confirm;
    MailboxTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    NoticeBar *m_notice;
    QLineEdit *m_filter;
    QTableView *m_table;
    QAction *m_addAction;
    QAction *m_propertiesAction;
    QAction *m_syncAction;
    QAction *m_flushAction;
    QAction *m_removeAction;
};

} // namespace ArchiveSync
