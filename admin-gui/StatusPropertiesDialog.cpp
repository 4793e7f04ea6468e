// SPDX-License-Identifier: Apache-2.0
#include "StatusPropertiesDialog.h"

#include "AdminSession.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "OfflineSettingsEditor.h"
#include "ScheduleDialog.h"
#include "StepRunner.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ArchiveSync {

StatusPropertiesDialog::StatusPropertiesDialog(AdminSession &session, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_clock(clock)
    , m_tabs(new QTabWidget(this))
    , m_editor(new OfflineSettingsEditor(this))
    , m_scheduleText(new QLabel(this))
    , m_scheduleButton(new QPushButton(tr("&Schedule…"), this))
    , m_syncButton(new QPushButton(tr("Synchronize &Now"), this))
    , m_notice(new NoticeBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_zone(clock.timeZone())
{
    setObjectName(QStringLiteral("statusPropertiesDialog"));
    setWindowTitle(tr("Status Properties"));
    m_scheduleText->setObjectName(QStringLiteral("scheduleText"));
    m_scheduleText->setWordWrap(true);
    m_scheduleButton->setObjectName(QStringLiteral("scheduleButton"));
    m_syncButton->setObjectName(QStringLiteral("synchronizeNowButton"));
    m_syncButton->setToolTip(tr("Update every enabled mailbox's offline repository now"));

    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    auto *scheduleBox = new QGroupBox(tr("Repository updates"), page);
    auto *scheduleLayout = new QHBoxLayout(scheduleBox);
    scheduleLayout->addWidget(m_scheduleText, 1);
    scheduleLayout->addWidget(m_scheduleButton);
    scheduleLayout->addWidget(m_syncButton);
    pageLayout->addWidget(scheduleBox);
    auto *defaultsLabel =
        new QLabel(tr("<b>Default settings</b> for mailboxes that use the defaults:"), page);
    pageLayout->addWidget(defaultsLabel);
    pageLayout->addWidget(m_editor);
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(scroll, tr("Offline Archive"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_notice);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &StatusPropertiesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scheduleButton, &QPushButton::clicked, this, &StatusPropertiesDialog::editSchedule);
    connect(m_syncButton, &QPushButton::clicked, this, &StatusPropertiesDialog::synchronizeNow);
    connect(m_editor, &OfflineSettingsEditor::changed, this, &StatusPropertiesDialog::updateButtons);

    m_pendingLoads = 2;
    m_notice->showMessage(tr("Loading…"));
    updateButtons();
    m_session.client().getOfflineDefaults(m_session.track(this, [this](ApiResult<OfflineSettings> r) {
        if (!r) {
            m_loadFailed = true;
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not read the default settings.")));
        } else {
            m_defaults = *r;
            m_editor->setSettings(*r);
        }
        loadDone();
    }));
    m_session.client().getSchedule(m_session.track(this, [this](ApiResult<Api::ScheduleView> r) {
        if (!r) {
            m_loadFailed = true;
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not read the schedule.")));
        } else {
            m_schedule = r->schedule;
            const QTimeZone zone(r->timeZone.toUtf8());
            if (zone.isValid())
                m_zone = zone;
        }
        loadDone();
    }));
    resize(680, 720);
}

void StatusPropertiesDialog::loadDone()
{
    if (--m_pendingLoads > 0)
        return;
    if (!m_loadFailed)
        m_notice->clear();
    showSchedule();
    updateButtons();
    emit loaded();
}

void StatusPropertiesDialog::showSchedule()
{
    const Schedule s = schedule();
    QString text = tr("Offline repositories are updated %1.").arg(s.describe());
    if (m_newSchedule)
        text += QLatin1Char(' ') + tr("(changed; saved with OK)");
    m_scheduleText->setText(text);
}

void StatusPropertiesDialog::editSchedule()
{
    auto *dialog = new ScheduleDialog(m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTimeZone(m_zone);
    dialog->setSchedule(schedule());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Result<Schedule> s = dialog->schedule();
        if (s && *s != m_schedule)
            m_newSchedule = *s;
        else if (s)
            m_newSchedule.reset();
        showSchedule();
    });
    dialog->open();
}

void StatusPropertiesDialog::synchronizeNow()
{
    m_syncButton->setEnabled(false);
    m_session.client().synchronizeNow({}, m_session.track(this, [this](ApiResult<Api::JobActivity> r) {
        m_syncButton->setEnabled(true);
        if (!r) {
            m_notice->showError(ErrorText::describe(r.error(), tr("Could not start the update.")));
            return;
        }
        m_notice->showMessage(tr("Updating every enabled mailbox's offline repository now."),
                              NoticeBar::Kind::Success);
        emit synchronizationStarted();
    }));
}

void StatusPropertiesDialog::updateButtons()
{
    const bool ready = m_pendingLoads == 0 && !m_loadFailed && !m_applying;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready && m_editor->isValid());
    m_scheduleButton->setEnabled(ready);
}

void StatusPropertiesDialog::accept()
{
    if (!isLoaded() || m_applying)
        return;
    const Result<OfflineSettings> defaults = m_editor->settings();
    if (!defaults) {
        m_notice->showError(defaults.errorString());
        return;
    }
    auto *runner = new StepRunner(this);
    if (*defaults != m_defaults) {
        const OfflineSettings settings = *defaults;
        runner->add([this, settings](StepRunner::Report done) {
            m_session.client().setOfflineDefaults(
                settings, m_session.track(this, [done](ApiResult<OfflineSettings> r) {
                    if (r)
                        done(std::nullopt);
                    else
                        done(ErrorText::describe(r.error(), tr("Could not save the default settings.")));
                }));
        });
    }
    if (m_newSchedule) {
        const Schedule schedule = *m_newSchedule;
        runner->add([this, schedule](StepRunner::Report done) {
            m_session.client().setSchedule(
                schedule, m_session.track(this, [done](ApiResult<Api::ScheduleView> r) {
                    if (r)
                        done(std::nullopt);
                    else
                        done(ErrorText::describe(r.error(), tr("Could not save the schedule.")));
                }));
        });
    }
    if (runner->isEmpty()) {
        runner->deleteLater();
        QDialog::accept();
        return;
    }
    m_applying = true;
    updateButtons();
    m_notice->showMessage(tr("Saving…"));
    runner->run([this, runner](std::optional<QString> error) {
        runner->deleteLater();
        m_applying = false;
        updateButtons();
        if (error) {
            m_notice->showError(*error);
            return;
        }
        QDialog::accept();
    });
}

} // namespace ArchiveSync
