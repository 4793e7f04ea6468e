// SPDX-License-Identifier: Apache-2.0
#include "StatusPage.h"

#include "AdminSession.h"
#include "ErrorText.h"
#include "JobHistoryModel.h"
#include "NoticeBar.h"
#include "StatusPropertiesDialog.h"
#include "TimeText.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ArchiveSync {

StatusPage::StatusPage(AdminSession &session, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_clock(clock)
    , m_notice(new NoticeBar(this))
    , m_schedule(new QLabel(this))
    , m_lastRun(new QLabel(this))
    , m_nextRun(new QLabel(this))
    , m_running(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_queue(new QLabel(this))
    , m_initialSyncs(new QLabel(this))
    , m_errors(new QListWidget(this))
    , m_jobs(new QTableView(this))
    , m_history(new JobHistoryModel(this))
    , m_configure(new QPushButton(tr("&Configure…"), this))
    , m_sync(new QPushButton(tr("Synchronize &Now"), this))
{
    setObjectName(QStringLiteral("statusPage"));
    m_schedule->setObjectName(QStringLiteral("scheduleLabel"));
    m_lastRun->setObjectName(QStringLiteral("lastRunLabel"));
    m_nextRun->setObjectName(QStringLiteral("nextRunLabel"));
    m_running->setObjectName(QStringLiteral("runningLabel"));
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_queue->setObjectName(QStringLiteral("queueLabel"));
    m_initialSyncs->setObjectName(QStringLiteral("initialSyncLabel"));
    m_initialSyncs->setWordWrap(true);
    m_errors->setObjectName(QStringLiteral("recentErrorsList"));
    m_errors->setWordWrap(true);
    m_jobs->setObjectName(QStringLiteral("jobHistoryTable"));
    m_configure->setObjectName(QStringLiteral("configureStatusButton"));
    m_sync->setObjectName(QStringLiteral("statusSynchronizeButton"));
    m_sync->setToolTip(tr("Update every enabled mailbox's offline repository now"));

    m_jobs->setModel(m_history);
    m_jobs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobs->setAlternatingRowColors(true);
    m_jobs->verticalHeader()->hide();
    m_jobs->horizontalHeader()->setStretchLastSection(true);
    m_jobs->setWordWrap(false);

    auto *title = new QLabel(tr("<h2>Status</h2>"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_sync);
    top->addWidget(m_configure);

    auto *updates = new QGroupBox(tr("Offline repository updates"), this);
    auto *updatesForm = new QFormLayout(updates);
    updatesForm->addRow(tr("Schedule:"), m_schedule);
    updatesForm->addRow(tr("Last run:"), m_lastRun);
    updatesForm->addRow(tr("Next run:"), m_nextRun);

    auto *activity = new QGroupBox(tr("Activity"), this);
    auto *activityForm = new QFormLayout(activity);
    auto *runningRow = new QVBoxLayout;
    runningRow->addWidget(m_running);
    runningRow->addWidget(m_progress);
    activityForm->addRow(tr("Running job:"), runningRow);
    activityForm->addRow(tr("Waiting jobs:"), m_queue);
    activityForm->addRow(tr("Initial syncs:"), m_initialSyncs);

    auto *errors = new QGroupBox(tr("Recent errors"), this);
    auto *errorsLayout = new QVBoxLayout(errors);
    errorsLayout->addWidget(m_errors);
    m_errors->setMaximumHeight(90);

    auto *history = new QGroupBox(tr("Job history"), this);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->addWidget(m_jobs);

    auto *grid = new QGridLayout;
    grid->addWidget(updates, 0, 0);
    grid->addWidget(activity, 0, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addLayout(grid);
    layout->addWidget(errors);
    layout->addWidget(history, 1);

    connect(m_configure, &QPushButton::clicked, this, &StatusPage::configure);
    connect(m_sync, &QPushButton::clicked, this, &StatusPage::synchronizeNow);
    showStatus();
}

void StatusPage::refresh()
{
    m_session.client().serviceStatus(m_session.track(this, [this](ApiResult<Api::ServiceStatus> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not read the status.")));
            return;
        }
        if (m_notice->kind() == NoticeBar::Kind::Error)
            m_notice->clear();
        m_status = *r;
        showStatus();
    }));
    m_session.client().listJobs(25, m_session.track(this, [this](ApiResult<Api::JobList> r) {
        if (!r)
            return;
        m_history->setJobs(r->jobs);
        m_jobs->resizeColumnsToContents();
    }));
    // Who holds or waits for an initial-sync slot (admission control).
    m_session.client().initialSyncState(m_session.track(this, [this](ApiResult<Api::AdmissionState> state) {
        if (!state) {
            m_initialSyncs->setText(tr("not available"));
            return;
        }
        QString text = tr("%1 of %2 slots in use").arg(state->holders.size()).arg(state->limit);
        if (!state->queue.isEmpty()) {
            QStringList waiting;
            for (const Api::AdmissionWaiter &w : state->queue)
                waiting << tr("%1. %2 (laptop %3)").arg(w.position).arg(w.username).arg(w.deviceId);
            text += QLatin1Char('\n') + tr("Waiting: %1").arg(waiting.join(QStringLiteral(", ")));
        } else {
            text += tr(", none waiting");
        }
        m_initialSyncs->setText(text);
    }));
}

void StatusPage::showStatus()
{
    const QDateTime now = m_clock.now();
    const Api::ServiceStatus &s = m_status;
    m_schedule->setText(s.scheduleDescription.isEmpty() ? QStringLiteral("—") : s.scheduleDescription);
    m_lastRun->setText(s.lastRun.isValid() ? QStringLiteral("%1 (%2)").arg(TimeText::local(s.lastRun),
                                                                           TimeText::relative(s.lastRun, now))
                                           : tr("never"));
    m_nextRun->setText(s.nextRun.isValid() ? QStringLiteral("%1 (%2)").arg(TimeText::local(s.nextRun),
                                                                           TimeText::relative(s.nextRun, now))
                                           : QStringLiteral("—"));
    if (s.activity.running) {
        const Api::JobActivity::Running &r = *s.activity.running;
        QString text = tr("%1, %2, started %3")
                           .arg(JobHistoryModel::kindText(r.kind), JobHistoryModel::triggerText(r.trigger),
                                TimeText::relative(r.started, now));
        if (!r.mailbox.isEmpty())
            text += QLatin1Char('\n') + tr("Working on %1").arg(r.mailbox);
        m_running->setText(text);
        m_progress->setVisible(true);
        if (r.total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(1000 * r.done / r.total));
            m_progress->setFormat(tr("%1 of %2").arg(r.done).arg(r.total));
        } else {
            m_progress->setRange(0, 0);
        }
    } else {
        m_running->setText(tr("none — idle"));
        m_progress->setVisible(false);
    }
    m_queue->setText(s.activity.queued == 0 ? tr("none") : tr("%1 waiting").arg(s.activity.queued));
    m_errors->clear();
    for (const Api::JobError &e : s.recentErrors)
        m_errors->addItem(
            tr("Job %1 (%2): %3").arg(e.job).arg(TimeText::local(e.finished), e.errors.trimmed()));
    if (m_errors->count() == 0)
        m_errors->addItem(tr("No errors in the recent jobs."));
}

void StatusPage::configure()
{
    auto *dialog = new StatusPropertiesDialog(m_session, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_notice->showMessage(tr("Settings saved."), NoticeBar::Kind::Success);
        refresh();
        emit changed();
    });
    connect(dialog, &StatusPropertiesDialog::synchronizationStarted, this, &StatusPage::refresh);
    dialog->open();
}

void StatusPage::synchronizeNow()
{
    m_session.client().synchronizeNow({}, m_session.track(this, [this](ApiResult<Api::JobActivity> r) {
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not start the update.")));
            return;
        }
        m_notice->showMessage(tr("Updating every enabled mailbox's offline repository now."),
                              NoticeBar::Kind::Success);
        refresh();
        emit changed();
    }));
}

} // namespace ArchiveSync
