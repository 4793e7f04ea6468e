// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/sync/MessageLink.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QTableView;
class QTreeView;

namespace ArchiveSync {

class FolderTreeModel;
class MessageListModel;
class MessageView;
class SyncEngine;

/// \brief The local archive: mailboxes and folders, the message list (or the hits of an offline
/// search), and the message itself. Links open here; a message held as headers only is fetched
/// from the service on request.
class ArchiveWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kListLimit = 5000;
    static constexpr int kSearchLimit = 500;

    explicit ArchiveWindow(SyncEngine &engine, QWidget *parent = nullptr);
    ~ArchiveWindow() override;

    /// Reads the mailboxes and folders again (after a sync).
    void reload();
    /// Shows the message a link names: from the local copy, or from the service when not here.
    void openLink(const MessageLink &link);
    /// Runs an offline search (SearchQuery syntax) over every mailbox; false for a query that does
    /// not parse (said in the status bar).
    bool search(const QString &text);
    void focusSearch();
    /// Shows one message of the local copy (fetching it when it is not here).
    void showMessage(const QString &address, qint64 id);

    FolderTreeModel &folderModel() const { return *m_folderModel; }
    MessageListModel &messageModel() const { return *m_messageModel; }
    MessageView *viewer() const { return m_viewer; }

private:
    void onFolderSelected();
    void onMessageSelected();
    void fetchOnline();
    void showStatus(const QString &text);

    SyncEngine &m_engine;
    FolderTreeModel *m_folderModel;
    MessageListModel *m_messageModel;
    QTreeView *m_folderView;
    QLineEdit *m_searchEdit;
    QTableView *m_messageList;
    MessageView *m_viewer;
    QLabel *m_statusLabel;
    QString m_currentAddress;
    qint64 m_currentId = 0;
};

} // namespace ArchiveSync
