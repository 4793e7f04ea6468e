// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "LaptopFreshness.h"

#include <QAbstractTableModel>

namespace ArchiveSync {

/// \brief Every registered laptop with its user, mailboxes, last contact, generation applied and lag.
class DeviceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        UserColumn,
        MailboxesColumn,
        LastSeenColumn,
        GenerationColumn,
        LagColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        DeviceIdRole,
        RevokedRole,
    };

    explicit DeviceTableModel(QObject *parent = nullptr);

    /// `now` is the instant "last seen" is shown relative to.
    void setDevices(const QList<Api::DeviceStatus> &devices, const QList<Api::RepositoryStatus> &repositories,
                    const QDateTime &now);
    const QList<Api::DeviceStatus> &devices() const { return m_devices; }
    const Api::DeviceStatus *deviceAt(int row) const;
    const LaptopFreshness::Evaluation *evaluationAt(int row) const;
    int rowOfDevice(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Api::DeviceStatus> m_devices;
    QList<LaptopFreshness::Evaluation> m_evaluations;
    QDateTime m_now;
};

} // namespace ArchiveSync
