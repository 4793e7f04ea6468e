// SPDX-License-Identifier: Apache-2.0
#include "service/cli/ServeCommand.h"

#include "service/ServiceContext.h"
#include "service/api/ApiServer.h"
#include "service/auth/AuthStore.h"
#include "service/auth/LoginThrottle.h"
#include "service/common/Logging.h"
#include "service/http/ServerTls.h"
#include "service/offline/JobRunner.h"
#include "service/schedule/Scheduler.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace ArchiveSync {

namespace {
constexpr int kScheduleReloadMsecs = 5000;
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

QString triggerName(Scheduler::Trigger trigger)
{
    return trigger == Scheduler::Trigger::CatchUp ? QStringLiteral("catch-up") : QStringLiteral("schedule");
}
} // namespace

ServeCommand::ServeCommand(ServiceContext &ctx, Options options, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_options(std::move(options))
{}

int ServeCommand::exec(QTextStream &out, QTextStream &err)
{
    // Checked before anything else happens: a certificate that cannot work must stop the start.
    QSslConfiguration tls;
    if (m_options.tlsEnabled()) {
        Result<QSslConfiguration> loaded =
            ServerTls::load(m_options.tlsCertificateFile, m_options.tlsKeyFile, m_ctx.clock().now());
        if (!loaded) {
            err << "archivesync-service: " << loaded.errorString() << "\n";
            return 1;
        }
        tls = *loaded;
    }
    if (Status st = m_ctx.repositoryJobs().recover(); !st.ok())
        err << "archivesync-service: repair at start-up: " << st.errorString() << "\n";
    Result<Schedule> schedule = m_ctx.schedule();
    if (!schedule) {
        err << "archivesync-service: " << schedule.errorString() << "\n";
        return 1;
    }
    Result<std::optional<QDateTime>> lastSlot = m_ctx.jobs().lastRunSlot();
    if (!lastSlot) {
        err << "archivesync-service: " << lastSlot.errorString() << "\n";
        return 1;
    }

    // The first start creates the administrator; its password is printed this once, or taken from
    // the environment. There is never a default password.
    AuthStore auth(m_ctx.database(), m_ctx.clock());
    Result<std::optional<QString>> bootstrap =
        auth.bootstrapAdmin(qEnvironmentVariable("ARCHIVESYNC_ADMIN_PASSWORD"));
    if (!bootstrap) {
        err << "archivesync-service: cannot create the administrator: " << bootstrap.errorString() << "\n";
        return 1;
    }
    if (bootstrap->has_value())
        out << "archivesync-service: created the administrator account 'admin' with the one-time password "
            << **bootstrap << "\n  (shown only now; sign in and change it)\n";
    LoginThrottle throttle(m_ctx.clock());
    // Builds run on their own thread: the API keeps answering while a repository is written.
    JobRunner jobs(m_ctx.dataDir(), m_ctx.clock());
    connect(&jobs, &JobRunner::jobFinished, this, [](const JobRecord &record) {
        qCInfo(lcService) << record.kind << "job" << record.id << record.status << ":" << record.mailboxes
                          << "mailboxes," << record.segments << "segments," << record.messages << "messages";
    });
    ApiServer api(m_ctx, auth, throttle, jobs);
    api.admission().setSettings(m_options.admission);
    Result<quint16> port = api.listen(m_options.address, m_options.port, m_options.limits, tls);
    if (!port) {
        err << "archivesync-service: " << port.errorString() << "\n";
        return 1;
    }
    const QString host = m_options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_options.address.toString())
                             : m_options.address.toString();

    // SIGTERM and SIGINT end the event loop through a self-pipe: a signal handler may only write.
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        err << "archivesync-service: cannot create the signal pipe\n";
        return 1;
    }
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    connect(&notifier, &QSocketNotifier::activated, qApp, [] {
        qCInfo(lcService) << "stopping on signal";
        QCoreApplication::quit();
    });

    Scheduler scheduler(m_ctx.clock(), *schedule, *lastSlot);
    connect(
        &scheduler, &Scheduler::runDue, this,
        [&jobs](const QDateTime &slot, Scheduler::Trigger trigger) {
            jobs.requestUpdate({}, triggerName(trigger), slot);
        },
        Qt::QueuedConnection); // queued: a catch-up found by start() runs once the service is up
    connect(&scheduler, &Scheduler::nextRunChanged, this, [](const QDateTime &next) {
        qCInfo(lcService) << "next repository update at" << next.toString(Qt::ISODate);
    });
    scheduler.start();

    // `schedule set` writes the store from another process; pick the change up within seconds.
    QTimer scheduleWatch;
    scheduleWatch.setInterval(kScheduleReloadMsecs);
    connect(&scheduleWatch, &QTimer::timeout, this, [this, &scheduler] {
        Result<Schedule> stored = m_ctx.schedule();
        if (!stored) {
            qCWarning(lcService) << "cannot read the schedule:" << stored.errorString();
            return;
        }
        if (!(*stored == scheduler.schedule())) {
            qCInfo(lcService) << "schedule changed to" << stored->describe();
            scheduler.setSchedule(*stored);
        }
    });
    scheduleWatch.start();

    out << "archivesync-service: listening on " << (m_options.tlsEnabled() ? "https" : "http") << "://"
        << host << ":" << *port << "/\n";
    out << "archivesync-service: serving " << m_ctx.dataDir() << "; " << schedule->describe() << ", next run "
        << scheduler.nextRun().toString(Qt::ISODate) << "\n";
    out.flush();
    const int rc = QCoreApplication::exec();
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    return rc;
}

} // namespace ArchiveSync
