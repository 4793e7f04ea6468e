// SPDX-License-Identifier: Apache-2.0
#include "ChooseMailboxesDialog.h"

#include "AdminSession.h"
#include "DirectoryModel.h"
#include "ErrorText.h"
#include "NoticeBar.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ArchiveSync {

ChooseMailboxesDialog::ChooseMailboxesDialog(AdminSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new DirectoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_chosen(new QListWidget(this))
    , m_notice(new NoticeBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("chooseMailboxesDialog"));
    setWindowTitle(tr("Choose Mailboxes"));
    m_search->setObjectName(QStringLiteral("directorySearch"));
    m_search->setPlaceholderText(tr("Search by address or name"));
    m_search->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(DirectoryModel::SortRole);
    m_table->setObjectName(QStringLiteral("directoryTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DirectoryModel::AddressColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(DirectoryModel::AddressColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DirectoryModel::NameColumn, QHeaderView::Stretch);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_chosen->setObjectName(QStringLiteral("chosenList"));
    m_chosen->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_chosen->setMaximumHeight(120);

    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search);
    auto *chosenRow = new QHBoxLayout;
    chosenRow->addWidget(m_add);
    chosenRow->addWidget(m_remove);
    chosenRow->addStretch();
    auto *chosenLabel = new QLabel(tr("Mailbo&xes to manage:"), this);
    chosenLabel->setBuddy(m_chosen);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Archived mailboxes that are not managed yet:"), this));
    layout->addLayout(searchRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(chosenRow);
    layout->addWidget(chosenLabel);
    layout->addWidget(m_chosen);
    layout->addWidget(m_notice);
    layout->addWidget(m_buttons);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_add, &QPushButton::clicked, this, &ChooseMailboxesDialog::addSelected);
    connect(m_table, &QTableView::doubleClicked, this, &ChooseMailboxesDialog::addSelected);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_chosen->selectedItems());
        updateButtons();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChooseMailboxesDialog::updateButtons);
    connect(m_chosen, &QListWidget::itemSelectionChanged, this, &ChooseMailboxesDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_search->setFocus();
    updateButtons();
    resize(640, 520);
    reload();
}

void ChooseMailboxesDialog::reload()
{
    m_notice->showMessage(tr("Reading the directory…"));
    m_session.client().listDirectory(
        m_session.track(this, [this](ApiResult<QList<Api::DirectoryEntry>> result) {
            if (!result) {
                m_notice->showError(ErrorText::describe(result.error(), tr("Could not read the directory.")));
                return;
            }
            m_notice->clear();
            m_model->setEntries(*result);
            if (result->isEmpty())
                m_notice->showMessage(tr("Every archived mailbox is managed already."));
            updateButtons();
        }));
}

void ChooseMailboxesDialog::addSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(DirectoryModel::AddressColumn);
    for (const QModelIndex &index : rows) {
        const QString address = index.data(DirectoryModel::AddressRole).toString();
        if (m_chosen->findItems(address, Qt::MatchExactly).isEmpty())
            m_chosen->addItem(address);
    }
    updateButtons();
}

QStringList ChooseMailboxesDialog::chosenAddresses() const
{
    QStringList addresses;
    for (int row = 0; row < m_chosen->count(); ++row)
        addresses << m_chosen->item(row)->text();
    if (addresses.isEmpty()) {
        for (const QModelIndex &index :
             m_table->selectionModel()->selectedRows(DirectoryModel::AddressColumn))
            addresses << index.data(DirectoryModel::AddressRole).toString();
    }
    return addresses;
}

void ChooseMailboxesDialog::updateButtons()
{
    m_add->setEnabled(m_table->selectionModel()->hasSelection());
    m_remove->setEnabled(!m_chosen->selectedItems().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosenAddresses().isEmpty());
}

} // namespace ArchiveSync
