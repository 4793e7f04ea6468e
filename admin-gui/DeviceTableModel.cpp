// SPDX-License-Identifier: Apache-2.0
#include "DeviceTableModel.h"

#include "TimeText.h"

#include <QBrush>
#include <QFont>

namespace ArchiveSync {

DeviceTableModel::DeviceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DeviceTableModel::setDevices(const QList<Api::DeviceStatus> &devices,
                                  const QList<Api::RepositoryStatus> &repositories, const QDateTime &now)
{
    beginResetModel();
    m_devices = devices;
    m_now = now;
    m_evaluations.clear();
    for (const Api::DeviceStatus &device : devices)
        m_evaluations.append(LaptopFreshness::evaluate(device, repositories));
    endResetModel();
}

const Api::DeviceStatus *DeviceTableModel::deviceAt(int row) const
{
    return row >= 0 && row < m_devices.size() ? &m_devices.at(row) : nullptr;
}

const LaptopFreshness::Evaluation *DeviceTableModel::evaluationAt(int row) const
{
    return row >= 0 && row < m_evaluations.size() ? &m_evaluations.at(row) : nullptr;
}

int DeviceTableModel::rowOfDevice(qint64 id) const
{
    for (int row = 0; row < m_devices.size(); ++row) {
        if (m_devices.at(row).id == id)
            return row;
    }
    return -1;
}

int DeviceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

int DeviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceTableModel::data(const QModelIndex &index, int role) const
{
    const Api::DeviceStatus *device = index.isValid() ? deviceAt(index.row()) : nullptr;
    if (!device)
        return {};
    const LaptopFreshness::Evaluation &e = m_evaluations.at(index.row());
    switch (role) {
    case DeviceIdRole:
        return device->id;
    case RevokedRole:
        return device->revoked;
    case Qt::ForegroundRole:
        if (device->revoked)
            return QBrush(Qt::gray);
        if (index.column() == LagColumn && e.bucket == LaptopFreshness::Bucket::Older)
            return QBrush(Qt::darkRed);
        return {};
    case Qt::FontRole:
        if (device->revoked) {
            QFont font;
            font.setStrikeOut(index.column() == NameColumn);
            return font;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case LastSeenColumn:
            return device->lastSeen.isValid() ? device->lastSeen.toMSecsSinceEpoch() : -1;
        case LagColumn:
            return e.lagSeconds < 0 ? std::numeric_limits<qint64>::max() : e.lagSeconds;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == LastSeenColumn)
            return TimeText::local(device->lastSeen, tr("never"));
        if (index.column() == StateColumn && !device->state.isEmpty())
            return e.reportedStatus;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return device->name;
    case UserColumn:
        return device->username;
    case MailboxesColumn: {
        QStringList addresses;
        for (const LaptopFreshness::MailboxReport &m : e.mailboxes)
            addresses << m.address;
        return addresses.isEmpty() ? QStringLiteral("—") : addresses.join(QStringLiteral(", "));
    }
    case LastSeenColumn:
        return TimeText::relative(device->lastSeen, m_now);
    case GenerationColumn:
        return LaptopFreshness::generationText(e);
    case LagColumn:
        return device->revoked ? QStringLiteral("—") : LaptopFreshness::lagText(e);
    case StateColumn:
        if (device->revoked)
            return tr("Revoked");
        return e.reportedStatus.isEmpty() ? LaptopFreshness::bucketName(e.bucket) : e.reportedStatus;
    default:
        return {};
    }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Laptop");
    case UserColumn:
        return tr("User");
    case MailboxesColumn:
        return tr("Mailboxes");
    case LastSeenColumn:
        return tr("Last seen");
    case GenerationColumn:
        return tr("Generation applied");
    case LagColumn:
        return tr("Lag");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace ArchiveSync
