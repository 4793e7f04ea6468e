// SPDX-License-Identifier: Apache-2.0
#include "MailboxManagerPage.h"

#include "AdminSession.h"
#include "ChooseMailboxesDialog.h"
#include "ErrorText.h"
#include "LaptopFreshness.h"
#include "MailboxPropertiesDialog.h"
#include "MailboxTableModel.h"
#include "NoticeBar.h"
#include "StepRunner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ArchiveSync {

MailboxManagerPage::MailboxManagerPage(AdminSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_confirm(messageBoxConfirm())
    , m_model(new MailboxTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_notice(new NoticeBar(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_addAction(new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add Mailbox…"), this))
    , m_propertiesAction(
          new QAction(QIcon::fromTheme(QStringLiteral("document-properties")), tr("&Properties"), this))
    , m_syncAction(
          new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Synchronize Now"), this))
    , m_flushAction(
          new QAction(QIcon::fromTheme(QStringLiteral("edit-clear")), tr("&Flush Offline Repository…"), this))
    , m_removeAction(new QAction(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Remove…"), this))
{
    setObjectName(QStringLiteral("mailboxManagerPage"));
    m_addAction->setObjectName(QStringLiteral("addMailboxAction"));
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_addAction->setToolTip(tr("Add mailboxes from the archive's directory"));
    m_propertiesAction->setObjectName(QStringLiteral("propertiesAction"));
    m_propertiesAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Return));
    m_syncAction->setObjectName(QStringLiteral("synchronizeMailboxAction"));
    m_syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_syncAction->setToolTip(tr("Update the selected mailbox's offline repository now"));
    m_flushAction->setObjectName(QStringLiteral("flushAction"));
    m_flushAction->setToolTip(tr("Discard the selected mailbox's offline repository and rebuild it"));
    m_removeAction->setObjectName(QStringLiteral("removeMailboxAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    for (QAction *action : {m_propertiesAction, m_syncAction, m_flushAction, m_removeAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_addAction, m_propertiesAction, m_syncAction, m_flushAction, m_removeAction});

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(MailboxTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("mailboxFilter"));
    m_filter->setPlaceholderText(tr("Filter by address, name or state (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    focusFilter->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusFilter, &QAction::triggered, m_filter, qOverload<>(&QWidget::setFocus));
    addAction(focusFilter);

    m_table->setObjectName(QStringLiteral("mailboxTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MailboxTableModel::AddressColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setWordWrap(false);

    auto *title = new QLabel(tr("<h2>Mailbox Manager</h2>"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    m_filter->setMinimumWidth(260);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QTableView::customContextMenuRequested, this, &MailboxManagerPage::showContextMenu);
    connect(m_table, &QTableView::activated, this, &MailboxManagerPage::showProperties);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MailboxManagerPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MailboxManagerPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MailboxManagerPage::updateActions);
    connect(m_addAction, &QAction::triggered, this, &MailboxManagerPage::addMailboxes);
    connect(m_propertiesAction, &QAction::triggered, this, &MailboxManagerPage::showProperties);
    connect(m_syncAction, &QAction::triggered, this, &MailboxManagerPage::synchronizeNow);
    connect(m_flushAction, &QAction::triggered, this, &MailboxManagerPage::flush);
    connect(m_removeAction, &QAction::triggered, this, &MailboxManagerPage::removeMailbox);
    updateActions();
}

QList<QAction *> MailboxManagerPage::mailboxActions() const
{
    return {m_propertiesAction, m_syncAction, m_flushAction, m_removeAction};
}

void MailboxManagerPage::refresh()
{
    m_session.client().listMailboxes(m_session.track(this, [this](ApiResult<QList<Api::Mailbox>> result) {
        if (!result) {
            m_notice->showError(ErrorText::describe(result.error(), tr("Could not read the mailboxes.")));
            return;
        }
        if (m_notice->kind() == NoticeBar::Kind::Error)
            m_notice->clear();
        QList<Api::Mailbox> managed;
        for (const Api::Mailbox &m : std::as_const(*result)) {
            // A mailbox enabled for offline sync from the service's command line counts as managed too.
            if (m.managed || m.offline.enabled || m.offline.hasRepository)
                managed << m;
        }
        m_model->setMailboxes(managed);
        m_table->resizeColumnsToContents();
        if (!currentAddress().isEmpty() || m_proxy->rowCount() == 0)
            return;
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    }));
    m_session.client().serviceStatus(m_session.track(this, [this](ApiResult<Api::ServiceStatus> result) {
        if (!result)
            return; // the mailbox list says what is wrong; the laptop counts just stay as they were
        m_model->setActivity(result->activity);
        m_model->setLaptopCounts(LaptopFreshness::countsPerMailbox(result->devices, result->repositories));
    }));
}

bool MailboxManagerPage::selectMailbox(const QString &address)
{
    const int row = m_model->rowOf(address);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    return true;
}

QString MailboxManagerPage::currentAddress() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.data(MailboxTableModel::AddressRole).toString() : QString();
}

void MailboxManagerPage::updateActions()
{
    const bool has = !currentAddress().isEmpty();
    for (QAction *action : mailboxActions())
        action->setEnabled(has);
}

void MailboxManagerPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    QMenu menu(this);
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        menu.addAction(m_propertiesAction);
        menu.setDefaultAction(m_propertiesAction);
        menu.addSeparator();
        menu.addAction(m_syncAction);
        menu.addAction(m_flushAction);
        menu.addSeparator();
        menu.addAction(m_removeAction);
    } else {
        menu.addAction(m_addAction);
    }
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MailboxManagerPage::addMailboxes()
{
    auto *dialog = new ChooseMailboxesDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList addresses = dialog->chosenAddresses();
        auto *runner = new StepRunner(this);
        for (const QString &address : addresses) {
            runner->add([this, address](StepRunner::Report done) {
                m_session.client().manageMailbox(
                    address, m_session.track(this, [done, address](ApiResult<Api::Mailbox> r) {
                        if (r)
                            done(std::nullopt);
                        else
                            done(ErrorText::describe(r.error(), tr("Could not add %1.").arg(address)));
                    }));
            });
        }
        m_notice->showMessage(tr("Adding %1…").arg(addresses.join(QStringLiteral(", "))));
        runner->run([this, runner, addresses](std::optional<QString> error) {
            runner->deleteLater();
            if (error)
                m_notice->showError(*error);
            else
                m_notice->showMessage(tr("Added %1. Open Properties to enable offline synchronization.")
                                          .arg(addresses.join(QStringLiteral(", "))),
                                      NoticeBar::Kind::Success);
            refresh();
            emit changed();
        });
    });
    dialog->open();
}

void MailboxManagerPage::showProperties()
{
    const QString address = currentAddress();
    if (address.isEmpty())
        return;
    auto *dialog = new MailboxPropertiesDialog(m_session, address, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        refresh();
        emit changed();
    });
    dialog->open();
}

void MailboxManagerPage::synchronizeNow()
{
    const QString address = currentAddress();
    if (address.isEmpty())
        return;
    m_session.client().synchronizeNow({address}, m_session.track(this, [this, address](
                                                                           ApiResult<Api::JobActivity> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not synchronize %1.").arg(address)));
            return;
        }
        m_notice->showMessage(tr("Updating the offline repository of %1. Laptops pick up the new segments on "
                                 "their next check.")
                                  .arg(address),
                              NoticeBar::Kind::Success);
        refresh();
        emit changed();
    }));
}

QString MailboxManagerPage::flushQuestion(const QString &address)
{
    return tr("Flush the offline repository of %1?\n\n"
              "On the server, the repository is discarded and rebuilt from the archive as a new generation. "
              "Every laptop holding this mailbox discards its local copy and downloads it again in full, "
              "which takes time and network capacity; until then, the mailbox is not available offline on "
              "those laptops.\n\nThe archive itself is not changed.")
        .arg(address);
}

void MailboxManagerPage::flush()
{
    const QString address = currentAddress();
    if (address.isEmpty())
        return;
    if (!m_confirm(this, tr("Flush Offline Repository"), flushQuestion(address), tr("&Flush")))
        return;
    m_session.client().flushRepository(
        address, m_session.track(this, [this, address](ApiResult<Api::JobActivity> r) {
            if (!r) {
                m_notice->showError(ErrorText::describe(r.error(), tr("Could not flush %1.").arg(address)));
                return;
            }
            m_notice->showMessage(
                tr("Flushing the offline repository of %1: it is rebuilt as a new generation.").arg(address),
                NoticeBar::Kind::Success);
            refresh();
            emit changed();
        }));
}

void MailboxManagerPage::removeMailbox()
{
    const QString address = currentAddress();
    if (address.isEmpty())
        return;
    const QString text =
        tr("Stop managing %1?\n\nIts offline repository is no longer updated and laptops stop "
           "receiving it. The archived mail stays in the archive; you can add the mailbox "
           "again from the directory.")
            .arg(address);
    if (!m_confirm(this, tr("Remove Mailbox"), text, tr("&Remove")))
        return;
    m_session.client().unmanageMailbox(address, m_session.track(this, [this, address](ApiResult<void> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not remove %1.").arg(address)));
            return;
        }
        m_notice->showMessage(tr("%1 is no longer managed.").arg(address), NoticeBar::Kind::Success);
        refresh();
        emit changed();
    }));
}

} // namespace ArchiveSync
