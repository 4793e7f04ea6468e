// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"
#include "core/common/Clock.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ArchiveSync {

class AdminSession;
class JobHistoryModel;
class NoticeBar;

/// \brief The Status node: last and next repository update, the running job with its progress, the job
/// queue and the laptops waiting for an initial sync, recent errors and the job history. Configure…
/// opens Status properties.
class StatusPage : public QWidget
{
    Q_OBJECT

public:
    StatusPage(AdminSession &session, const Clock &clock, QWidget *parent = nullptr);

    JobHistoryModel *historyModel() const { return m_history; }
    NoticeBar *notice() const { return m_notice; }
    /// The last status read, if any.
    const Api::ServiceStatus &status() const { return m_status; }
    /// True while a job runs or waits: the window then refreshes this page more often.
    bool isActive() const { return !m_status.activity.idle(); }

public slots:
    void refresh();
    void configure();
    void synchronizeNow();

signals:
    void changed();

private:
    void showStatus();

    AdminSession &m_session;
    const Clock &m_clock;
    NoticeBar *m_notice;
    QLabel *m_schedule;
    QLabel *m_lastRun;
    QLabel *m_nextRun;
    QLabel *m_running;
    QProgressBar *m_progress;
    QLabel *m_queue;
    QLabel *m_initialSyncs;
    QListWidget *m_errors;
    QTableView *m_jobs;
    JobHistoryModel *m_history;
    QPushButton *m_configure;
    QPushButton *m_sync;
    Api::ServiceStatus m_status;
};

} // namespace ArchiveSync
