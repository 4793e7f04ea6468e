// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/OfflineSettings.h"
#include "core/sync/SyncEstimate.h"

#include <QTreeWidget>

class QComboBox;

namespace ArchiveSync {

/// \brief The laptop's folder choices as a tree: per folder whole / headers only / excluded, "apply to
/// all subfolders", and what keeping it whole costs. A first row stands for every other folder.
///
/// Folders that hold contacts, calendars, tasks or notes are always whole (the service sends them
/// so), and so shown.
class FolderPolicyTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column
    {
        FolderColumn,
        PolicyColumn,
        SubfoldersColumn,
        SizeColumn,
    };

    explicit FolderPolicyTree(QWidget *parent = nullptr);

    /// folders: those to list (sizes of their bodies, or message counts when sizes are unknown).
    void setFolders(const QList<FolderEstimate> &folders, const OfflineSettings &choice);
    /// The choices as shown (the policies of other settings are kept from the last setFolders()).
    OfflineSettings choice() const;
    /// Sets a folder's policy ("" for every other folder), as the user would.
    bool setPolicy(const QString &path, FolderPolicy policy);
    bool setApplyToSubfolders(const QString &path, bool apply);
    /// The combo box of a folder ("" for every other folder).
    QComboBox *policyBox(const QString &path) const;

signals:
    void choiceChanged();

private:
    QTreeWidgetItem *itemFor(const QString &path) const;
    QComboBox *addPolicyBox(QTreeWidgetItem *item, FolderPolicy policy, bool locked);
    void propagate(QTreeWidgetItem *item);
    void onChanged();

    OfflineSettings m_base;
    QTreeWidgetItem *m_other = nullptr;
    bool m_updating = false;
};

} // namespace ArchiveSync
