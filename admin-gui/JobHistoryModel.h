// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

#include <QAbstractTableModel>

namespace ArchiveSync {

/// \brief Repository jobs, newest first, for the Status page's history.
class JobHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StartedColumn,
        KindColumn,
        TriggerColumn,
        StatusColumn,
        DurationColumn,
        MailboxesColumn,
        MessagesColumn,
        BytesColumn,
        ErrorsColumn,
        ColumnCount
    };

    explicit JobHistoryModel(QObject *parent = nullptr);

    void setJobs(const QList<Api::Job> &jobs);
    const QList<Api::Job> &jobs() const { return m_jobs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(const QString &kind);
    static QString triggerText(const QString &trigger);
    static QString statusText(const QString &status);

private:
    QList<Api::Job> m_jobs;
};

} // namespace ArchiveSync
