// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/ArchiveWindow.h"

#include "core/api/ApiClient.h"
#include "core/localstore/MailboxStore.h"
#include "core/localstore/SearchQuery.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLogging.h"
#include "tray-agent/FolderTreeModel.h"
#include "tray-agent/MessageListModel.h"
#include "tray-agent/MessageView.h"
#include "tray-agent/StatusText.h"

#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace ArchiveSync {

ArchiveWindow::ArchiveWindow(SyncEngine &engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_folderModel(new FolderTreeModel(this))
    , m_messageModel(new MessageListModel(this))
    , m_folderView(new QTreeView)
    , m_searchEdit(new QLineEdit)
    , m_messageList(new QTableView)
    , m_viewer(new MessageView)
    , m_statusLabel(new QLabel)
{
    setObjectName(QStringLiteral("archiveWindow"));
    setWindowTitle(tr("ArchiveSync — Archive"));
    setWindowIcon(QIcon(QStringLiteral(":/archivesync/agent/icons/archivesync-agent.svg")));

    m_folderView->setObjectName(QStringLiteral("folderView"));
    m_folderView->setModel(m_folderModel);
    m_folderView->setHeaderHidden(true);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search offline: words, \"phrases\", from:, to:, subject:, folder:, "
                                        "before:YYYY-MM-DD, after:YYYY-MM-DD"));
    m_searchEdit->setClearButtonEnabled(true);
    m_messageList->setObjectName(QStringLiteral("messageList"));
    m_messageList->setModel(m_messageModel);
    m_messageList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_messageList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_messageList->verticalHeader()->hide();
    m_messageList->setShowGrid(false);
    m_messageList->setWordWrap(false);
    m_messageList->horizontalHeader()->setSectionResizeMode(MessageListModel::SubjectColumn,
                                                            QHeaderView::Stretch);
    m_messageList->setColumnWidth(MessageListModel::FromColumn, 220);
    m_messageList->setColumnWidth(MessageListModel::DateColumn, 160);
    m_statusLabel->setObjectName(QStringLiteral("archiveStatus"));

    auto *listPane = new QWidget;
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_searchEdit);
    listLayout->addWidget(m_messageList);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(listPane);
    right->addWidget(m_viewer);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(m_folderView);
    main->addWidget(right);
    main->setStretchFactor(1, 1);
    main->setSizes({260, 900});
    setCentralWidget(main);
    statusBar()->addWidget(m_statusLabel, 1);
    resize(1180, 740);

    connect(m_folderView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ArchiveWindow::onFolderSelected);
    connect(m_messageList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ArchiveWindow::onMessageSelected);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_searchEdit->text().trimmed().isEmpty())
            onFolderSelected();
        else
            search(m_searchEdit->text());
    });
    connect(m_viewer, &MessageView::fetchRequested, this, &ArchiveWindow::fetchOnline);
    reload();
}

ArchiveWindow::~ArchiveWindow() = default;

void ArchiveWindow::showStatus(const QString &text)
{
    m_statusLabel->setText(text);
}

void ArchiveWindow::reload()
{
    const QString address = m_folderView->currentIndex().data(FolderTreeModel::AddressRole).toString();
    const QString folder = m_folderView->currentIndex().data(FolderTreeModel::FolderRole).toString();
    QList<FolderTreeModel::Mailbox> mailboxes;
    for (const AgentMailbox &record : m_engine.state().mailboxes) {
        FolderTreeModel::Mailbox m;
        m.address = record.address;
        MailboxStore *store = m_engine.store(record.address);
        m.available = store != nullptr;
        if (store) {
            if (Result<QList<LocalFolder>> folders = store->folders())
                m.folders = *folders;
        }
        mailboxes.append(m);
    }
    m_folderModel->setMailboxes(mailboxes);
    m_folderView->expandAll();
    const QModelIndex again = m_folderModel->indexOf(address, folder);
    if (again.isValid())
        m_folderView->setCurrentIndex(again);
    const AgentSyncStatus status = m_engine.status().snapshot();
    showStatus(
        tr("%1 — archive as of %2").arg(StatusText::headline(status), StatusText::timeText(status.asOf())));
}

void ArchiveWindow::onFolderSelected()
{
    const QModelIndex current = m_folderView->currentIndex();
    const QString address = current.data(FolderTreeModel::AddressRole).toString();
    const QString folder = current.data(FolderTreeModel::FolderRole).toString();
    QList<MessageListModel::Row> rows;
    if (MailboxStore *store = m_engine.store(address)) {
        if (Result<QList<LocalMessage>> list = store->messages(folder, kListLimit, 0)) {
            for (const LocalMessage &m : std::as_const(*list))
                rows.append({address, m});
        }
    }
    m_messageModel->setRows(rows);
    m_viewer->clear();
    m_currentAddress.clear();
    m_currentId = 0;
}

bool ArchiveWindow::search(const QString &text)
{
    if (m_searchEdit->text() != text)
        m_searchEdit->setText(text);
    Result<SearchQuery> query = SearchQuery::parse(text);
    if (!query) {
        showStatus(tr("Cannot search: %1").arg(query.errorString()));
        return false;
    }
    QList<MessageListModel::Row> rows;
    for (const AgentMailbox &record : m_engine.state().mailboxes) {
        MailboxStore *store = m_engine.store(record.address);
        if (!store)
            continue;
        if (Result<QList<LocalMessage>> hits = store->search(*query, kSearchLimit)) {
            for (const LocalMessage &m : std::as_const(*hits))
                rows.append({record.address, m});
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.message.date > b.message.date; });
    if (rows.size() > kSearchLimit)
        rows.resize(kSearchLimit);
    m_messageModel->setRows(rows);
    m_viewer->clear();
    showStatus(tr("%n message(s) found offline", nullptr, int(rows.size())));
    return true;
}

void ArchiveWindow::focusSearch()
{
    m_searchEdit->setFocus();
    m_searchEdit->selectAll();
}

void ArchiveWindow::onMessageSelected()
{
    const QModelIndex current = m_messageList->currentIndex();
    if (!current.isValid())
        return;
    showMessage(current.data(MessageListModel::AddressRole).toString(),
                current.data(MessageListModel::IdRole).toLongLong());
}

void ArchiveWindow::showMessage(const QString &address, qint64 id)
{
    m_currentAddress = address;
    m_currentId = id;
    MailboxStore *store = m_engine.store(address);
    Result<LocalMessage> message =
        store ? store->message(id) : Result<LocalMessage>(Error::notFound(QString()));
    if (!message) {
        m_viewer->clear();
        m_viewer->setNotice(tr("This message is not in the local copy; fetching it from the service…"));
        fetchOnline();
        return;
    }
    Result<QByteArray> bytes = store->messageBytes(id);
    if (!bytes) {
        m_viewer->clear();
        m_viewer->setNotice(tr("Cannot read this message: %1").arg(bytes.errorString()));
        return;
    }
    m_viewer->showMessage(*message, *bytes, message->whole);
}

void ArchiveWindow::openLink(const MessageLink &link)
{
    if (m_engine.state().account && !link.isFor(m_engine.state().account->server)) {
        showStatus(tr("The link names the service at %1; this laptop syncs from %2")
                       .arg(link.server, m_engine.state().account->server.toString()));
        return;
    }
    // The message's folder, listed, with the message selected: as if the user had found it.
    QString folder;
    if (MailboxStore *store = m_engine.store(link.mailbox)) {
        if (Result<LocalMessage> local = store->message(link.message))
            folder = local->folder;
    }
    QModelIndex where = m_folderModel->indexOf(link.mailbox, folder);
    if (!where.isValid())
        where = m_folderModel->indexOf(link.mailbox);
    if (where.isValid())
        m_folderView->setCurrentIndex(where);
    const int row = m_messageModel->rowOf(link.mailbox, link.message);
    if (row >= 0) {
        m_messageList->selectRow(row);
        m_messageList->scrollTo(m_messageModel->index(row, 0));
    }
    if (m_currentAddress.compare(link.mailbox, Qt::CaseInsensitive) != 0 || m_currentId != link.message)
        showMessage(link.mailbox, link.message);
    show();
    raise();
    activateWindow();
}

void ArchiveWindow::fetchOnline()
{
    if (m_currentAddress.isEmpty())
        return;
    m_viewer->setNotice(tr("Fetching the message from the service…"));
    QPointer<ArchiveWindow> self(this);
    const QString address = m_currentAddress;
    const qint64 id = m_currentId;
    m_engine.client().getRawMessage(address, id, [self, address, id](ApiResult<QByteArray> raw) {
        if (!self || self->m_currentAddress != address || self->m_currentId != id)
            return;
        if (!raw) {
            self->m_viewer->setNotice(
                raw.error().category == ErrorCategory::Network
                    ? tr("The service cannot be reached: the body is not available offline. Try again when "
                         "online.")
                    : tr("The service did not give the message: %1").arg(raw.error().message));
            return;
        }
        LocalMessage shown;
        shown.id = id;
        if (MailboxStore *store = self->m_engine.store(address)) {
            if (Result<LocalMessage> local = store->message(id))
                shown = *local;
        }
        self->m_viewer->showMessage(shown, *raw, true);
        self->m_viewer->setNotice(tr("Shown from the service."));
    });
}

} // namespace ArchiveSync
