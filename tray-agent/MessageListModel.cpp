// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/MessageListModel.h"

#include "tray-agent/StatusText.h"

#include <QBrush>
#include <QColor>

namespace ArchiveSync {

void MessageListModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int MessageListModel::rowOf(const QString &address, qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).message.id == id && m_rows.at(i).address.compare(address, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const LocalMessage &m = row.message;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FromColumn:
            return m.from;
        case SubjectColumn:
            return m.subject.isEmpty() ? tr("(no subject)") : m.subject;
        case DateColumn:
            return StatusText::timeText(m.date);
        case OfflineColumn:
            return m.whole ? tr("Whole") : tr("Headers only");
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == OfflineColumn)
            return m.whole ? tr("The whole message is on this laptop.")
                           : tr("Only the headers are on this laptop; the body opens when online.");
        return tr("%1 / %2").arg(row.address, m.folder);
    case Qt::ForegroundRole:
        if (index.column() == OfflineColumn)
            return QBrush(m.whole ? QColor(0x2e, 0x7d, 0x32) : QColor(0x8a, 0x6d, 0x00));
        return {};
    case AddressRole:
        return row.address;
    case IdRole:
        return m.id;
    case WholeRole:
        return m.whole;
    default:
        return {};
    }
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FromColumn:
        return tr("From");
    case SubjectColumn:
        return tr("Subject");
    case DateColumn:
        return tr("Date");
    case OfflineColumn:
        return tr("Offline");
    default:
        return {};
    }
}

} // namespace ArchiveSync
