// SPDX-License-Identifier: Apache-2.0
#include "LaptopsPage.h"

#include "AdminSession.h"
#include "DeviceTableModel.h"
#include "ErrorText.h"
#include "NoticeBar.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QMenu>
#include <QPieSeries>
#include <QPieSlice>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ArchiveSync {

namespace {
/// Hides revoked laptops unless asked to show them.
class RevokedFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setShowRevoked(bool show)
    {
        m_showRevoked = show;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return m_showRevoked ||
               !sourceModel()->index(row, 0, parent).data(DeviceTableModel::RevokedRole).toBool();
    }

private:
    bool m_showRevoked = false;
};

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(4);
    return chart;
}

const QColor kBucketColors[] = {QColor(0x3c, 0x9a, 0x4a), QColor(0x9c, 0xc8, 0x4b), QColor(0xf0, 0xa8, 0x30),
                                QColor(0xd0, 0x45, 0x3a), QColor(0x9a, 0x9a, 0x9a)};
} // namespace

LaptopsPage::LaptopsPage(AdminSession &session, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_clock(clock)
    , m_confirm(messageBoxConfirm())
    , m_model(new DeviceTableModel(this))
    , m_proxy(new RevokedFilter(this))
    , m_notice(new NoticeBar(this))
    , m_showRevoked(new QCheckBox(tr("Show &revoked laptops"), this))
    , m_table(new QTableView(this))
    , m_revokeAction(
          new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("Re&voke Laptop…"), this))
    , m_freshnessView(new QChartView(this))
    , m_sizesView(new QChartView(this))
{
    setObjectName(QStringLiteral("laptopsPage"));
    m_showRevoked->setObjectName(QStringLiteral("showRevokedCheck"));
    m_table->setObjectName(QStringLiteral("deviceTable"));
    m_revokeAction->setObjectName(QStringLiteral("revokeDeviceAction"));
    m_revokeAction->setShortcut(QKeySequence::Delete);
    m_revokeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_revokeAction->setToolTip(tr("Revoke the selected laptop: its token stops working at once"));
    addAction(m_revokeAction);
    m_freshnessView->setObjectName(QStringLiteral("freshnessChart"));
    m_sizesView->setObjectName(QStringLiteral("repositorySizeChart"));
    m_freshnessView->setRenderHint(QPainter::Antialiasing);
    m_sizesView->setRenderHint(QPainter::Antialiasing);
    m_freshnessView->setMinimumHeight(230);
    m_sizesView->setMinimumHeight(230);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DeviceTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DeviceTableModel::LagColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);

    auto *revokeButton = new QToolButton(this);
    revokeButton->setDefaultAction(m_revokeAction);
    revokeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *title = new QLabel(tr("<h2>Laptops</h2>"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_showRevoked);
    top->addWidget(revokeButton);

    auto *charts = new QWidget(this);
    auto *chartsLayout = new QHBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(m_freshnessView, 1);
    chartsLayout->addWidget(m_sizesView, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(charts);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);

    connect(m_showRevoked, &QCheckBox::toggled, this,
            [this](bool show) { static_cast<RevokedFilter *>(m_proxy)->setShowRevoked(show); });
    connect(m_revokeAction, &QAction::triggered, this, &LaptopsPage::revoke);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LaptopsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LaptopsPage::updateActions);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (!index.isValid())
            return;
        m_table->setCurrentIndex(index);
        QMenu menu(this);
        menu.addAction(m_revokeAction);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    updateCharts();
    updateActions();
}

void LaptopsPage::refresh()
{
    m_session.client().serviceStatus(m_session.track(this, [this](ApiResult<Api::ServiceStatus> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not read the laptops.")));
            return;
        }
        if (m_notice->kind() == NoticeBar::Kind::Error)
            m_notice->clear();
        const qint64 current = m_table->currentIndex().data(DeviceTableModel::DeviceIdRole).toLongLong();
        m_model->setDevices(r->devices, r->repositories, m_clock.now());
        if (current == 0 || !selectDevice(current)) {
            if (m_proxy->rowCount() > 0)
                m_table->setCurrentIndex(m_proxy->index(0, 0));
        }
        m_table->resizeColumnsToContents();
        // Charts keep the repositories of the last answer.
        auto *sizes = new QHorizontalBarSeries;
        auto *set = new QBarSet(tr("Repository size (MiB)"));
        set->setColor(QColor(0x3b, 0x6e, 0xb4));
        QStringList names;
        qreal largest = 0;
        QList<Api::RepositoryStatus> repositories = r->repositories;
        std::sort(repositories.begin(), repositories.end(),
                  [](const auto &a, const auto &b) { return a.bytes < b.bytes; });
        for (const Api::RepositoryStatus &repository : std::as_const(repositories)) {
            const qreal mib = qreal(repository.bytes) / (1024.0 * 1024.0);
            *set << mib;
            names << repository.address;
            largest = qMax(largest, mib);
        }
        sizes->append(set);
        sizes->setLabelsVisible(true);
        sizes->setLabelsFormat(QStringLiteral("@value"));
        sizes->setLabelsPrecision(3);
        QChart *chart = newChart(tr("Repository size per mailbox (MiB)"));
        chart->addSeries(sizes);
        auto *axisY = new QBarCategoryAxis;
        axisY->append(names);
        chart->addAxis(axisY, Qt::AlignLeft);
        sizes->attachAxis(axisY);
        auto *axisX = new QValueAxis;
        axisX->setRange(0, largest > 0 ? largest * 1.15 : 1);
        axisX->applyNiceNumbers();
        axisX->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(axisX, Qt::AlignBottom);
        sizes->attachAxis(axisX);
        chart->legend()->hide();
        QChart *old = m_sizesView->chart();
        m_sizesView->setChart(chart);
        delete old;
        updateCharts();
    }));
}

void LaptopsPage::updateCharts()
{
    m_freshness = QList<int>(LaptopFreshness::kBucketCount, 0);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->deviceAt(row)->revoked)
            continue;
        m_freshness[int(m_model->evaluationAt(row)->bucket)] += 1;
    }
    auto *pie = new QPieSeries;
    pie->setHoleSize(0.35);
    for (int bucket = 0; bucket < LaptopFreshness::kBucketCount; ++bucket) {
        if (m_freshness.at(bucket) == 0)
            continue;
        QPieSlice *slice = pie->append(QStringLiteral("%1: %2")
                                           .arg(LaptopFreshness::bucketName(LaptopFreshness::Bucket(bucket)))
                                           .arg(m_freshness.at(bucket)),
                                       m_freshness.at(bucket));
        slice->setColor(kBucketColors[bucket]);
    }
    QChart *chart = newChart(tr("Laptop freshness"));
    chart->addSeries(pie);
    if (pie->count() == 0)
        chart->setTitle(tr("Laptop freshness — no laptops registered"));
    QChart *old = m_freshnessView->chart();
    m_freshnessView->setChart(chart);
    delete old;
}

bool LaptopsPage::selectDevice(qint64 id)
{
    const int row = m_model->rowOfDevice(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    return true;
}

void LaptopsPage::updateActions()
{
    const QModelIndex index = m_table->currentIndex();
    m_revokeAction->setEnabled(index.isValid() && !index.data(DeviceTableModel::RevokedRole).toBool());
}

void LaptopsPage::revoke()
{
    const QModelIndex index = m_table->currentIndex();
    const int row = m_proxy->mapToSource(index).row();
    const Api::DeviceStatus *device = m_model->deviceAt(row);
    if (!device || device->revoked)
        return;
    const qint64 id = device->id;
    const QString name = device->name;
    const QString text =
        tr("Revoke the laptop \"%1\" of %2?\n\nIts token stops working at once: it can no longer "
           "download updates or open archived messages through the service. The copy already on "
           "the laptop stays there until the user removes it. To bring the user back, run the "
           "agent's setup again on a laptop.")
            .arg(name, device->username);
    if (!m_confirm(this, tr("Revoke Laptop"), text, tr("&Revoke")))
        return;
    m_session.client().revokeDevice(id, m_session.track(this, [this, name](ApiResult<void> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not revoke %1.").arg(name)));
            return;
        }
        m_notice->showMessage(tr("The laptop \"%1\" was revoked.").arg(name), NoticeBar::Kind::Success);
        refresh();
        emit changed();
    }));
}

} // namespace ArchiveSync
