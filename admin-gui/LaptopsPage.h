// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Confirm.h"
#include "core/common/Clock.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QChart;
class QChartView;
class QSortFilterProxyModel;
class QTableView;

namespace ArchiveSync {

class AdminSession;
class DeviceTableModel;
class NoticeBar;

/// \brief Laptops: every registered device with its user, mailboxes, last contact, generation applied
/// and lag; Revoke with confirmation; charts of laptop freshness and of repository sizes per mailbox.
class LaptopsPage : public QWidget
{
    Q_OBJECT

public:
    LaptopsPage(AdminSession &session, const Clock &clock, QWidget *parent = nullptr);

    void setConfirm(ConfirmFunction confirm) { m_confirm = std::move(confirm); }
    DeviceTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QAction *revokeAction() const { return m_revokeAction; }
    NoticeBar *notice() const { return m_notice; }
    bool selectDevice(qint64 id);
    /// Laptops per freshness bucket as last charted (LaptopFreshness::Bucket order).
    QList<int> freshnessCounts() const { return m_freshness; }

public slots:
    void refresh();
    void revoke();

signals:
    void changed();

private:
    void updateCharts();
    void updateActions();

    AdminSession &m_session;
    const Clock &m_clock;
    ConfirmFunction m_confirm;
    DeviceTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    NoticeBar *m_notice;
    QCheckBox *m_showRevoked;
    QTableView *m_table;
    QAction *m_revokeAction;
    QChartView *m_freshnessView;
    QChartView *m_sizesView;
    QList<int> m_freshness;
};

} // namespace ArchiveSync
