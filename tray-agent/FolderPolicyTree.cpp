// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/FolderPolicyTree.h"

#include <QComboBox>
#include <QHeaderView>
#include <QMap>

namespace ArchiveSync {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kLockedRole = Qt::UserRole + 2;
constexpr int kBytesRole = Qt::UserRole + 3;
} // namespace

FolderPolicyTree::FolderPolicyTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("folderPolicyTree"));
    setColumnCount(4);
    setHeaderLabels({tr("Folder"), tr("On this laptop"), tr("Apply to all subfolders"), tr("Size (whole)")});
    header()->setSectionResizeMode(FolderColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(PolicyColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(SubfoldersColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column == SubfoldersColumn && !m_updating) {
            propagate(item);
            onChanged();
        }
    });
}

QComboBox *FolderPolicyTree::addPolicyBox(QTreeWidgetItem *item, FolderPolicy policy, bool locked)
{
    auto *box = new QComboBox;
    box->setObjectName(QStringLiteral("policy:") + item->data(FolderColumn, kPathRole).toString());
    box->addItem(tr("Whole messages"), int(FolderPolicy::Whole));
    box->addItem(tr("Headers only"), int(FolderPolicy::HeadersOnly));
    box->addItem(tr("Excluded"), int(FolderPolicy::Excluded));
    box->setCurrentIndex(box->findData(int(locked ? FolderPolicy::Whole : policy)));
    if (locked) {
        box->setEnabled(false);
        box->setToolTip(tr("Contacts, calendars, tasks and notes are always kept whole."));
    }
    setItemWidget(item, PolicyColumn, box);
    connect(box, &QComboBox::currentIndexChanged, this, [this, item] {
        if (m_updating)
            return;
        propagate(item);
        onChanged();
    });
    return box;
}

void FolderPolicyTree::setFolders(const QList<FolderEstimate> &folders, const OfflineSettings &choice)
{
    m_updating = true;
    clear();
    m_base = choice;
    m_other = new QTreeWidgetItem(this, {tr("All other folders")});
    m_other->setData(FolderColumn, kPathRole, QString());
    m_other->setToolTip(FolderColumn, tr("Folders not listed here, and folders created later. Signed and "
                                         "encrypted messages always travel whole."));
    QFont italic = m_other->font(FolderColumn);
    italic.setItalic(true);
    m_other->setFont(FolderColumn, italic);
    addPolicyBox(m_other, choice.defaultFolderPolicy, false);

    // Parents first: "Projects" before "Projects/Alpha", whether or not it has bodies of its own.
    QMap<QString, FolderEstimate> byPath;
    for (const FolderEstimate &f : folders) {
        byPath.insert(f.path, f);
        const QStringList parts = f.path.split(QLatin1Char('/'));
        for (int i = 1; i < parts.size(); ++i) {
            const QString parent = parts.mid(0, i).join(QLatin1Char('/'));
            if (!byPath.contains(parent))
                byPath.insert(parent, FolderEstimate{parent, guessFolderKind(parent), 0, 0});
        }
    }
    QMap<QString, QTreeWidgetItem *> items;
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it) {
        const FolderEstimate &f = it.value();
        const qsizetype slash = f.path.lastIndexOf(QLatin1Char('/'));
        QTreeWidgetItem *parent = slash > 0 ? items.value(f.path.left(slash)) : nullptr;
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
        item->setText(FolderColumn, slash > 0 ? f.path.mid(slash + 1) : f.path);
        item->setToolTip(FolderColumn, f.path);
        item->setData(FolderColumn, kPathRole, f.path);
        const bool locked = f.kind != FolderKind::Mail;
        item->setData(FolderColumn, kLockedRole, locked);
        item->setData(FolderColumn, kBytesRole, f.bodyBytes);
        if (f.bodyBytes > 0)
            item->setText(SizeColumn, OfflineSettings::humanSize(f.bodyBytes));
        else if (f.bodyMessages > 0)
            item->setText(SizeColumn, tr("%n message(s)", nullptr, int(f.bodyMessages)));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        items.insert(f.path, item);
        addPolicyBox(item, choice.policyFor(f.path), locked);
    }
    for (QTreeWidgetItem *item : std::as_const(items)) {
        if (item->childCount() == 0)
            continue;
        const QString path = item->data(FolderColumn, kPathRole).toString();
        item->setCheckState(SubfoldersColumn, choice.folderPolicies.contains(path + QStringLiteral("/*"))
                                                  ? Qt::Checked
                                                  : Qt::Unchecked);
    }
    expandAll();
    m_updating = false;
    for (QTreeWidgetItem *item : std::as_const(items))
        if (item->checkState(SubfoldersColumn) == Qt::Checked)
            propagate(item);
}

QTreeWidgetItem *FolderPolicyTree::itemFor(const QString &path) const
{
    if (path.isEmpty())
        return m_other;
    QTreeWidgetItemIterator it(const_cast<FolderPolicyTree *>(this));
    for (; *it; ++it)
        if ((*it) != m_other && (*it)->data(FolderColumn, kPathRole).toString() == path)
            return *it;
    return nullptr;
}

QComboBox *FolderPolicyTree::policyBox(const QString &path) const
{
    QTreeWidgetItem *item = itemFor(path);
    return item ? qobject_cast<QComboBox *>(itemWidget(item, PolicyColumn)) : nullptr;
}

bool FolderPolicyTree::setPolicy(const QString &path, FolderPolicy policy)
{
    QComboBox *box = policyBox(path);
    if (!box || !box->isEnabled())
        return false;
    box->setCurrentIndex(box->findData(int(policy)));
    return true;
}

bool FolderPolicyTree::setApplyToSubfolders(const QString &path, bool apply)
{
    QTreeWidgetItem *item = itemFor(path);
    if (!item || item == m_other || item->childCount() == 0)
        return false;
    item->setCheckState(SubfoldersColumn, apply ? Qt::Checked : Qt::Unchecked);
    return true;
}

void FolderPolicyTree::propagate(QTreeWidgetItem *item)
{
    // An item whose choice covers its subfolders sets them, and they follow it (disabled).
    if (item == m_other)
        return;
    const bool apply = item->checkState(SubfoldersColumn) == Qt::Checked;
    auto *box = qobject_cast<QComboBox *>(itemWidget(item, PolicyColumn));
    const bool wasUpdating = m_updating;
    m_updating = true;
    std::function<void(QTreeWidgetItem *, bool)> visit = [&](QTreeWidgetItem *parent, bool covered) {
        for (int i = 0; i < parent->childCount(); ++i) {
            QTreeWidgetItem *child = parent->child(i);
            auto *childBox = qobject_cast<QComboBox *>(itemWidget(child, PolicyColumn));
            const bool locked = child->data(FolderColumn, kLockedRole).toBool();
            if (childBox && !locked) {
                if (covered)
                    childBox->setCurrentIndex(box->currentIndex());
                childBox->setEnabled(!covered);
            }
            if (child->childCount() > 0) {
                if (covered)
                    child->setCheckState(SubfoldersColumn, Qt::Unchecked);
                child->setDisabled(false);
                child->setFlags(covered ? child->flags() & ~Qt::ItemIsUserCheckable
                                        : child->flags() | Qt::ItemIsUserCheckable);
            }
            visit(child, covered);
        }
    };
    if (box)
        visit(item, apply);
    m_updating = wasUpdating;
}

void FolderPolicyTree::onChanged()
{
    emit choiceChanged();
}

OfflineSettings FolderPolicyTree::choice() const
{
    OfflineSettings result = m_base;
    result.folderPolicies.clear();
    auto policyOf = [this](QTreeWidgetItem *item) {
        auto *box = qobject_cast<QComboBox *>(itemWidget(item, PolicyColumn));
        return box ? FolderPolicy(box->currentData().toInt()) : FolderPolicy::HeadersOnly;
    };
    result.defaultFolderPolicy = m_other ? policyOf(m_other) : m_base.defaultFolderPolicy;
    // Keys the tree does not show (set elsewhere, e.g. on the command line) are kept.
    for (auto it = m_base.folderPolicies.cbegin(); it != m_base.folderPolicies.cend(); ++it) {
        QString path = it.key();
        if (path.endsWith(QLatin1String("/*")))
            path.chop(2);
        if (!itemFor(path))
            result.folderPolicies.insert(it.key(), it.value());
    }
    std::function<void(QTreeWidgetItem *, FolderPolicy)> visit = [&](QTreeWidgetItem *parent,
                                                                     FolderPolicy inherited) {
        for (int i = 0; i < parent->childCount(); ++i) {
            QTreeWidgetItem *item = parent->child(i);
            const QString path = item->data(FolderColumn, kPathRole).toString();
            const FolderPolicy policy = policyOf(item);
            if (item->childCount() > 0 && item->checkState(SubfoldersColumn) == Qt::Checked) {
                result.folderPolicies.insert(path + QStringLiteral("/*"), policy);
                continue; // the subtree key covers every subfolder
            }
            if (policy != inherited || item->data(FolderColumn, kLockedRole).toBool() ||
                path.compare(QLatin1String("Inbox"), Qt::CaseInsensitive) == 0)
                result.folderPolicies.insert(path, policy);
            visit(item, inherited);
        }
    };
    visit(invisibleRootItem(), result.defaultFolderPolicy);
    return result;
}

} // namespace ArchiveSync
