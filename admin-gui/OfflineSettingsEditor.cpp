// SPDX-License-Identifier: Apache-2.0
#include "OfflineSettingsEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ArchiveSync {

namespace {
enum FolderColumn
{
    FolderPathColumn,
    FolderPolicyColumn,
    FolderSubfoldersColumn,
};
const QString kSubtree = QStringLiteral("/*");

QComboBox *policyCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    for (FolderPolicy policy : {FolderPolicy::Whole, FolderPolicy::HeadersOnly, FolderPolicy::Excluded})
        combo->addItem(OfflineSettingsEditor::policyText(policy), int(policy));
    return combo;
}
} // namespace

OfflineSettingsEditor::OfflineSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_contentWindow(new QSpinBox(this))
    , m_defaultPolicy(policyCombo(this))
    , m_folders(new QTableWidget(0, 3, this))
    , m_addFolder(new QPushButton(tr("&Add Folder"), this))
    , m_removeFolder(new QPushButton(tr("Re&move Folder"), this))
    , m_maxWholeSize(new QLineEdit(this))
    , m_checkInterval(new QSpinBox(this))
    , m_limitCache(new QCheckBox(tr("&Limit each laptop's cache to"), this))
    , m_maxCacheSize(new QLineEdit(this))
    , m_validation(new QLabel(this))
{
    m_contentWindow->setObjectName(QStringLiteral("contentWindowSpin"));
    m_contentWindow->setRange(0, 1200);
    m_contentWindow->setSpecialValueText(tr("All archived messages"));
    m_contentWindow->setSuffix(tr(" months"));
    m_contentWindow->setToolTip(
        tr("Only messages of the last N months go offline; the first value keeps all."));
    m_defaultPolicy->setObjectName(QStringLiteral("defaultPolicyCombo"));
    m_defaultPolicy->setToolTip(tr("For folders without a rule of their own."));

    m_folders->setObjectName(QStringLiteral("folderPolicyTable"));
    m_folders->setHorizontalHeaderLabels({tr("Folder"), tr("Messages travel"), tr("Subfolders too")});
    m_folders->horizontalHeader()->setSectionResizeMode(FolderPathColumn, QHeaderView::Stretch);
    m_folders->horizontalHeader()->setSectionResizeMode(FolderPolicyColumn, QHeaderView::ResizeToContents);
    m_folders->horizontalHeader()->setSectionResizeMode(FolderSubfoldersColumn,
                                                        QHeaderView::ResizeToContents);
    m_folders->verticalHeader()->hide();
    m_folders->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_folders->setMinimumHeight(120);
    m_addFolder->setObjectName(QStringLiteral("addFolderButton"));
    m_removeFolder->setObjectName(QStringLiteral("removeFolderButton"));

    m_maxWholeSize->setObjectName(QStringLiteral("maxWholeSizeEdit"));
    m_maxWholeSize->setPlaceholderText(tr("e.g. 50M"));
    m_maxWholeSize->setToolTip(tr("Bigger messages travel as headers only. Sizes like 512K, 50M, 1G."));
    m_checkInterval->setObjectName(QStringLiteral("checkIntervalSpin"));
    m_checkInterval->setRange(5, 7 * 24 * 60);
    m_checkInterval->setSuffix(tr(" minutes"));
    m_checkInterval->setToolTip(tr("How often laptops look for updates (5 minutes to 7 days)."));
    m_limitCache->setObjectName(QStringLiteral("limitCacheCheck"));
    m_maxCacheSize->setObjectName(QStringLiteral("maxCacheSizeEdit"));
    m_maxCacheSize->setPlaceholderText(tr("e.g. 2G"));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #a01010;"));

    auto *content = new QGroupBox(tr("What goes offline"), this);
    auto *contentForm = new QFormLayout(content);
    contentForm->addRow(tr("&Messages of the last:"), m_contentWindow);
    contentForm->addRow(tr("Other &folders:"), m_defaultPolicy);
    auto *folderButtons = new QHBoxLayout;
    folderButtons->addWidget(m_addFolder);
    folderButtons->addWidget(m_removeFolder);
    folderButtons->addStretch();
    auto *folderBox = new QVBoxLayout;
    folderBox->addWidget(m_folders);
    folderBox->addLayout(folderButtons);
    auto *foldersLabel = new QLabel(tr("Folder &rules:"), content);
    foldersLabel->setBuddy(m_folders);
    contentForm->addRow(foldersLabel, folderBox);
    contentForm->addRow(tr("Whole messages up &to:"), m_maxWholeSize);
    auto *note = new QLabel(tr("Signed and encrypted messages, contacts, calendars, tasks and notes always "
                               "travel whole."),
                            content);
    note->setWordWrap(true);
    note->setEnabled(false);
    contentForm->addRow(note);

    auto *laptops = new QGroupBox(tr("Laptops"), this);
    auto *laptopForm = new QFormLayout(laptops);
    laptopForm->addRow(tr("&Check for updates every:"), m_checkInterval);
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_limitCache);
    cacheRow->addWidget(m_maxCacheSize, 1);
    laptopForm->addRow(cacheRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(content);
    layout->addWidget(laptops);
    layout->addWidget(m_validation);

    const auto edited = [this] {
        if (m_loading)
            return;
        updateValidation();
        emit changed();
    };
    connect(m_contentWindow, &QSpinBox::valueChanged, this, edited);
    connect(m_defaultPolicy, &QComboBox::currentIndexChanged, this, edited);
    connect(m_maxWholeSize, &QLineEdit::textChanged, this, edited);
    connect(m_checkInterval, &QSpinBox::valueChanged, this, edited);
    connect(m_maxCacheSize, &QLineEdit::textChanged, this, edited);
    connect(m_limitCache, &QCheckBox::toggled, this, [this, edited] {
        updateButtons();
        edited();
    });
    connect(m_folders, &QTableWidget::itemChanged, this, edited);
    connect(m_folders, &QTableWidget::itemSelectionChanged, this, &OfflineSettingsEditor::updateButtons);
    connect(m_addFolder, &QPushButton::clicked, this, [this, edited] {
        addFolderRow(QString(), FolderPolicy::Whole, false);
        const int row = m_folders->rowCount() - 1;
        m_folders->setCurrentCell(row, FolderPathColumn);
        m_folders->editItem(m_folders->item(row, FolderPathColumn));
        edited();
    });
    connect(m_removeFolder, &QPushButton::clicked, this, [this, edited] {
        const int row = m_folders->currentRow();
        if (row >= 0)
            m_folders->removeRow(row);
        updateButtons();
        edited();
    });

    setSettings(OfflineSettings());
}

QString OfflineSettingsEditor::policyText(FolderPolicy policy)
{
    switch (policy) {
    case FolderPolicy::Whole:
        return tr("Whole messages");
    case FolderPolicy::HeadersOnly:
        return tr("Headers only");
    case FolderPolicy::Excluded:
        return tr("Not offline");
    }
    return {};
}

void OfflineSettingsEditor::addFolderRow(const QString &folder, FolderPolicy policy, bool subfolders)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_folders->rowCount();
    m_folders->insertRow(row);
    m_folders->setItem(row, FolderPathColumn, new QTableWidgetItem(folder));
    QComboBox *combo = policyCombo(m_folders);
    combo->setCurrentIndex(combo->findData(int(policy)));
    combo->setEnabled(!m_readOnly);
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading) {
            updateValidation();
            emit changed();
        }
    });
    m_folders->setCellWidget(row, FolderPolicyColumn, combo);
    auto *check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    check->setCheckState(subfolders ? Qt::Checked : Qt::Unchecked);
    check->setToolTip(tr("Apply to all subfolders"));
    m_folders->setItem(row, FolderSubfoldersColumn, check);
    m_loading = wasLoading;
}

void OfflineSettingsEditor::setSettings(const OfflineSettings &settings)
{
    m_loading = true;
    m_contentWindow->setValue(settings.contentWindowMonths);
    m_defaultPolicy->setCurrentIndex(m_defaultPolicy->findData(int(settings.defaultFolderPolicy)));
    m_folders->setRowCount(0);
    for (auto it = settings.folderPolicies.cbegin(); it != settings.folderPolicies.cend(); ++it) {
        const bool subtree = it.key().endsWith(kSubtree);
        addFolderRow(subtree ? it.key().chopped(kSubtree.size()) : it.key(), it.value(), subtree);
    }
    m_maxWholeSize->setText(OfflineSettings::formatSize(settings.maxWholeMessageBytes));
    m_checkInterval->setValue(settings.checkIntervalMinutes);
    m_limitCache->setChecked(settings.maxCacheBytes > 0);
    m_maxCacheSize->setText(settings.maxCacheBytes > 0 ? OfflineSettings::formatSize(settings.maxCacheBytes)
                                                       : QString());
    m_loading = false;
    updateButtons();
    updateValidation();
}

Result<OfflineSettings> OfflineSettingsEditor::settings() const
{
    OfflineSettings s;
    s.contentWindowMonths = m_contentWindow->value();
    s.defaultFolderPolicy = FolderPolicy(m_defaultPolicy->currentData().toInt());
    s.folderPolicies.clear();
    for (int row = 0; row < m_folders->rowCount(); ++row) {
        const QTableWidgetItem *pathItem = m_folders->item(row, FolderPathColumn);
        QString path = pathItem ? pathItem->text().trimmed() : QString();
        if (path.isEmpty())
            return Error::invalid(tr("Folder rule %1 has no folder name.").arg(row + 1),
                                  QStringLiteral("folder"));
        const QTableWidgetItem *subItem = m_folders->item(row, FolderSubfoldersColumn);
        if (subItem && subItem->checkState() == Qt::Checked)
            path += kSubtree;
        const auto *combo = qobject_cast<QComboBox *>(m_folders->cellWidget(row, FolderPolicyColumn));
        if (s.folderPolicies.contains(path))
            return Error::invalid(tr("The folder '%1' has two rules.").arg(path), QStringLiteral("folder"));
        s.folderPolicies.insert(path,
                                combo ? FolderPolicy(combo->currentData().toInt()) : FolderPolicy::Whole);
    }
    const std::optional<qint64> whole = OfflineSettings::parseSize(m_maxWholeSize->text().trimmed());
    if (!whole)
        return Error::invalid(
            tr("'%1' is not a size; write it like 512K, 50M or 1G.").arg(m_maxWholeSize->text()),
            QStringLiteral("max-whole-size"));
    s.maxWholeMessageBytes = *whole;
    s.checkIntervalMinutes = m_checkInterval->value();
    if (m_limitCache->isChecked()) {
        const std::optional<qint64> cache = OfflineSettings::parseSize(m_maxCacheSize->text().trimmed());
        if (!cache || *cache <= 0)
            return Error::invalid(
                tr("'%1' is not a cache size; write it like 500M or 2G.").arg(m_maxCacheSize->text()),
                QStringLiteral("max-cache-size"));
        s.maxCacheBytes = *cache;
    }
    if (Status valid = s.validate(); !valid)
        return valid.error();
    return s;
}

void OfflineSettingsEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_contentWindow->setEnabled(!readOnly);
    m_defaultPolicy->setEnabled(!readOnly);
    m_folders->setEnabled(!readOnly);
    m_maxWholeSize->setEnabled(!readOnly);
    m_checkInterval->setEnabled(!readOnly);
    m_limitCache->setEnabled(!readOnly);
    for (int row = 0; row < m_folders->rowCount(); ++row) {
        if (QWidget *w = m_folders->cellWidget(row, FolderPolicyColumn))
            w->setEnabled(!readOnly);
    }
    updateButtons();
    updateValidation();
}

void OfflineSettingsEditor::updateButtons()
{
    m_addFolder->setEnabled(!m_readOnly);
    m_removeFolder->setEnabled(!m_readOnly && m_folders->currentRow() >= 0);
    m_maxCacheSize->setEnabled(!m_readOnly && m_limitCache->isChecked());
}

void OfflineSettingsEditor::updateValidation()
{
    const Result<OfflineSettings> s = settings();
    m_validation->setText(s.ok() || m_readOnly ? QString() : s.errorString());
    m_validation->setVisible(!m_validation->text().isEmpty());
}

} // namespace ArchiveSync
