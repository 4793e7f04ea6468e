// SPDX-License-Identifier: Apache-2.0
#include "service/cli/ServiceCli.h"

#include "core/model/OfflineSettings.h"
#include "core/repository/Manifest.h"
#include "service/ServiceContext.h"
#include "service/cli/ServeCommand.h"
#include "service/ingest/Ingestor.h"
#include "service/offline/OfflineEligibility.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace ArchiveSync {

namespace {
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON for machines."));
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("never");
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

Result<Mailbox> findMailbox(ServiceContext &ctx, const QString &address)
{
    Result<std::optional<Mailbox>> found = ctx.archive().mailboxByAddress(address);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("no mailbox %1 in the archive").arg(address));
    return **found;
}
} // namespace

ServiceCli::ServiceCli(const Clock &clock, QTextStream &out, QTextStream &err)
    : m_clock(clock)
    , m_out(out)
    , m_err(err)
{}

void ServiceCli::printUsage(QTextStream &s) const
{
    s << "Usage: archivesync-service [--data-dir DIR] COMMAND [ARGS]\n"
         "\n"
         "Commands:\n"
         "  archive --mailbox ADDR [--folder NAME] [--folder-kind KIND] [--storage NAME] [--json] PATH...\n"
         "                                 Import a Maildir, mbox files or .eml files (one archive run)\n"
         "  mailboxes [--json]             List the archive's mailboxes\n"
         "  storage list | add NAME --kind disk|storage-manager --path DIR | assign ADDR NAME\n"
         "  offline enable|disable ADDR    Turn offline sync on or off for a mailbox\n"
         "  offline set ADDR KEY=VALUE...  Override settings for a mailbox (use-defaults=true drops the "
         "override)\n"
         "  offline defaults [KEY=VALUE...] Show or change the default offline settings\n"
         "  offline show ADDR              Show a mailbox's offline settings\n"
         "  update [--mailbox ADDR]... [--max-segment-size SIZE] [--json]\n"
         "                                 Update offline repositories now (all enabled by default)\n"
         "  flush --mailbox ADDR [--max-segment-size SIZE] [--json]\n"
         "                                 Discard a repository and rebuild it as a new generation\n"
         "  status [--json]                Repositories, schedule and the last job\n"
         "  schedule show | set daily HH:MM[,HH:MM...] | set weekly DAYS HH:MM | set every Nh\n"
         "  jobs [--limit N] [--json]      Job history\n"
         "  serve [--config FILE] [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]\n"
         "                                 Serve the REST API (default 127.0.0.1:8470; HTTPS with a PEM\n"
         "                                 certificate and key) and run the schedule until stopped; the\n"
         "                                 first start creates the administrator 'admin' (password from\n"
         "                                 $ARCHIVESYNC_ADMIN_PASSWORD, else printed once). FILE is INI:\n"
         "                                 [server] listen, tls_cert, tls_key; [limits] max_connections,\n"
         "                                 max_connections_per_address, header_timeout, idle_timeout,\n"
         "                                 max_body; [offline] max_initial_syncs, lease. Options win.\n"
         "\n"
      << OfflineSettings::keyValueHelp()
      << "The data directory is --data-dir, else $ARCHIVESYNC_DATA_DIR, else the user's application data "
         "folder.\n";
}

int ServiceCli::usageError(const QString &message)
{
    m_err << "archivesync-service: " << message << "\n"
          << "Run 'archivesync-service --help' for usage.\n";
    m_err.flush();
    return kExitUsage;
}

int ServiceCli::failure(const QString &message)
{
    m_err << "archivesync-service: " << message << "\n";
    m_err.flush();
    return kExitFailure;
}

int ServiceCli::run(const QStringList &argv)
{
    QStringList args = argv.mid(1);
    QString dataDir;
    // Global options come before the command.
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            printUsage(m_out);
            return 0;
        }
        if (option == QLatin1String("--version")) {
            m_out << "archivesync-service " << ARCHIVESYNC_VERSION << "\n";
            return 0;
        }
        if (option == QLatin1String("--data-dir")) {
            if (args.isEmpty())
                return usageError(QStringLiteral("--data-dir needs a directory"));
            dataDir = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--data-dir="))) {
            dataDir = option.mid(11);
        } else {
            return usageError(QStringLiteral("unknown option %1").arg(option));
        }
    }
    if (args.isEmpty())
        return usageError(QStringLiteral("no command given"));
    const QString command = args.takeFirst();
    static const QStringList commands = {QStringLiteral("archive"), QStringLiteral("mailboxes"),
                                         QStringLiteral("storage"), QStringLiteral("offline"),
                                         QStringLiteral("update"),  QStringLiteral("flush"),
                                         QStringLiteral("status"),  QStringLiteral("schedule"),
                                         QStringLiteral("jobs"),    QStringLiteral("serve")};
    if (!commands.contains(command))
        return usageError(QStringLiteral("unknown command '%1'").arg(command));

    ServiceContext ctx(ServiceContext::resolveDataDir(dataDir), m_clock);
    if (Status st = ctx.open(); !st.ok())
        return failure(st.errorString());
    // Each command's parser wants a program name first.
    args.prepend(QStringLiteral("archivesync-service ") + command);
    if (command == QLatin1String("archive"))
        return archive(ctx, args);
    if (command == QLatin1String("mailboxes"))
        return mailboxes(ctx, args);
    if (command == QLatin1String("storage"))
        return storage(ctx, args);
    if (command == QLatin1String("offline"))
        return offline(ctx, args);
    if (command == QLatin1String("update"))
        return update(ctx, args, false);
    if (command == QLatin1String("flush"))
        return update(ctx, args, true);
    if (command == QLatin1String("status"))
        return status(ctx, args);
    if (command == QLatin1String("schedule"))
        return schedule(ctx, args);
    if (command == QLatin1String("jobs"))
        return jobs(ctx, args);
    return serve(ctx, args);
}

int ServiceCli::archive(ServiceContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption mailbox(QStringLiteral("mailbox"), QStringLiteral("Mailbox address."),
                                     QStringLiteral("ADDR"));
    const QCommandLineOption folder(QStringLiteral("folder"), QStringLiteral("Folder name."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption kind(QStringLiteral("folder-kind"),
                                  QStringLiteral("mail|contacts|calendar|tasks|notes"),
                                  QStringLiteral("KIND"));
    const QCommandLineOption storage(QStringLiteral("storage"), QStringLiteral("Storage repository."),
                                     QStringLiteral("NAME"));
    parser.addOptions({mailbox, folder, kind, storage, jsonOption()});
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (!parser.isSet(mailbox))
        return usageError(QStringLiteral("archive needs --mailbox ADDR"));
    if (parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("archive needs at least one PATH (Maildir, mbox or .eml)"));

    Ingestor::Options options;
    options.mailbox = parser.value(mailbox).trimmed().toLower();
    options.folder = parser.value(folder);
    options.storage = parser.value(storage);
    if (parser.isSet(kind)) {
        options.folderKind = folderKindFromName(parser.value(kind));
        if (!options.folderKind)
            return usageError(
                QStringLiteral("--folder-kind must be mail, contacts, calendar, tasks or notes"));
    }
    const bool interactive = ::isatty(STDERR_FILENO) && !parser.isSet(QStringLiteral("json"));
    Ingestor ingestor(ctx.archive(), ctx.clock(), ctx.defaultStoragePath());
    Result<ArchiveReport> report = ingestor.archive(
        options, parser.positionalArguments(), [this, interactive](const ArchiveRunCounts &c) {
            if (interactive) {
                m_err << "\rarchived " << c.archived << ", duplicates " << c.duplicates << ", unreadable "
                      << c.unreadable << "   ";
                m_err.flush();
            }
        });
    if (interactive) {
        m_err << "\r";
        m_err.flush();
    }
    if (!report)
        return failure(report.errorString());
    if (parser.isSet(QStringLiteral("json"))) {
        m_out << QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented);
    } else {
        m_out << "archive run " << report->runId << " for " << report->mailbox << ": "
              << report->counts.archived << " archived, " << report->counts.duplicates
              << " duplicates skipped, " << report->counts.unreadable << " unreadable ("
              << OfflineSettings::humanSize(report->counts.bytes) << " new)\n";
        for (const ArchiveReport::Problem &p : std::as_const(report->problems))
            m_out << "  skipped " << p.origin << ": " << p.reason << "\n";
    }
    return 0;
}

int ServiceCli::mailboxes(ServiceContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(jsonOption());
    if (!parser.parse(args))
        return usageError(parser.errorText());
    Result<QList<Mailbox>> list = ctx.archive().mailboxes();
    if (!list)
        return failure(list.errorString());
    QJsonArray json;
    for (const Mailbox &m : std::as_const(*list)) {
        Result<qint64> count = ctx.archive().messageCount(m.id);
        Result<MailboxOfflineConfig> config = ctx.offline().mailboxConfig(m.id);
        if (!count || !config)
            return failure(!count ? count.errorString() : config.errorString());
        json.append(QJsonObject{{QStringLiteral("address"), m.address},
                                {QStringLiteral("messages"), *count},
                                {QStringLiteral("offlineEnabled"), config->enabled}});
        if (!parser.isSet(QStringLiteral("json")))
            m_out << m.address << "  " << *count << " messages, offline sync "
                  << (config->enabled ? "enabled" : "disabled") << "\n";
    }
    if (parser.isSet(QStringLiteral("json")))
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return 0;
}

int ServiceCli::storage(ServiceContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("disk|storage-manager"),
                                  QStringLiteral("KIND"));
    const QCommandLineOption path(QStringLiteral("path"), QStringLiteral("Directory."),
                                  QStringLiteral("DIR"));
    parser.addOptions({kind, path});
    if (!parser.parse(args))
        return usageError(parser.errorText());
    const QStringList pos = parser.positionalArguments();
    const QString sub = pos.value(0, QStringLiteral("list"));
    if (sub == QLatin1String("list")) {
        Result<QList<StorageRepository>> list = ctx.archive().storageRepositories();
        if (!list)
            return failure(list.errorString());
        for (const StorageRepository &s : std::as_const(*list))
            m_out << s.name << "  " << storageKindName(s.kind) << "  " << s.path << "\n";
        return 0;
    }
    if (sub == QLatin1String("add")) {
        if (pos.size() != 2 || !parser.isSet(kind) || !parser.isSet(path))
            return usageError(
                QStringLiteral("usage: storage add NAME --kind disk|storage-manager --path DIR"));
        const auto k = storageKindFromName(parser.value(kind));
        if (!k)
            return usageError(QStringLiteral("--kind must be disk or storage-manager"));
        Result<std::optional<StorageRepository>> existing = ctx.archive().storageByName(pos.at(1));
        if (!existing)
            return failure(existing.errorString());
        if (existing->has_value())
            return failure(QStringLiteral("a storage repository named '%1' exists already").arg(pos.at(1)));
        Result<StorageRepository> added =
            ctx.archive().ensureStorage(pos.at(1), *k, QDir(parser.value(path)).absolutePath());
        if (!added)
            return failure(added.errorString());
        m_out << "added storage repository " << added->name << " (" << storageKindName(added->kind) << ")\n";
        return 0;
    }
    if (sub == QLatin1String("assign")) {
        if (pos.size() != 3)
            return usageError(QStringLiteral("usage: storage assign ADDR NAME"));
        Result<Mailbox> mailbox = findMailbox(ctx, pos.at(1));
        if (!mailbox)
            return failure(mailbox.errorString());
        Result<std::optional<StorageRepository>> target = ctx.archive().storageByName(pos.at(2));
        if (!target)
            return failure(target.errorString());
        if (!target->has_value())
            return failure(QStringLiteral("no storage repository named '%1'").arg(pos.at(2)));
        if (Status st = ctx.archive().setDefaultStorage(mailbox->id, (*target)->id); !st.ok())
            return failure(st.errorString());
        m_out << mailbox->address << " now archives into " << (*target)->name << "\n";
        return 0;
    }
    return usageError(QStringLiteral("unknown storage command '%1'").arg(sub));
}

int ServiceCli::offline(ServiceContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(jsonOption());
    if (!parser.parse(args))
        return usageError(parser.errorText());
    QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return usageError(QStringLiteral("offline needs enable, disable, set, defaults or show"));
    const QString sub = pos.takeFirst();
    const QDateTime now = m_clock.now();
    const bool json = parser.isSet(QStringLiteral("json"));
    auto print = [&](const OfflineSettings &s, bool useDefaults) {
        if (json) {
            QJsonObject o = s.toJson();
            o.insert(QStringLiteral("useDefaults"), useDefaults);
            m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return;
        }
        for (const QString &line : s.describe())
            m_out << "  " << line << "\n";
    };

    if (sub == QLatin1String("defaults")) {
        Result<OfflineSettings> defaults = ctx.offline().defaults();
        if (!defaults)
            return failure(defaults.errorString());
        OfflineSettings changed = *defaults;
        for (const QString &assignment : std::as_const(pos)) {
            if (Status st = changed.applyKeyValue(assignment); !st.ok())
                return usageError(st.errorString());
        }
        if (!pos.isEmpty()) {
            if (Status st = ctx.offline().setDefaults(changed, now); !st.ok())
                return failure(st.errorString());
        }
        if (!json)
            m_out << "default offline settings:\n";
        print(changed, true);
        return 0;
    }

    if (pos.isEmpty())
        return usageError(QStringLiteral("offline %1 needs a mailbox address").arg(sub));
    Result<Mailbox> mailbox = findMailbox(ctx, pos.takeFirst());
    if (!mailbox)
        return failure(mailbox.errorString());
    Result<MailboxOfflineConfig> config = ctx.offline().mailboxConfig(mailbox->id);
    if (!config)
        return failure(config.errorString());

    if (sub == QLatin1String("enable") || sub == QLatin1String("disable")) {
        if (!pos.isEmpty())
            return usageError(QStringLiteral("offline %1 takes only the mailbox address").arg(sub));
        const bool enable = sub == QLatin1String("enable");
        if (enable) {
            if (Status st = OfflineEligibility::checkCanEnable(ctx.archive(), *mailbox); !st.ok())
                return failure(st.errorString());
        }
        config->enabled = enable;
        if (Status st = ctx.offline().setMailboxConfig(mailbox->id, *config, now); !st.ok())
            return failure(st.errorString());
        m_out << "offline sync " << (enable ? "enabled" : "disabled") << " for " << mailbox->address
              << (enable ? "; its repository is built at the next update\n"
                         : "; its repository is kept but not updated\n");
        return 0;
    }
    if (sub == QLatin1String("set")) {
        if (pos.isEmpty())
            return usageError(QStringLiteral("offline set needs KEY=VALUE settings"));
        Result<OfflineSettings> base = ctx.offline().effectiveSettings(mailbox->id);
        if (!base)
            return failure(base.errorString());
        OfflineSettings changed = *base;
        bool useDefaults = false;
        for (const QString &assignment : std::as_const(pos)) {
            if (assignment.startsWith(QLatin1String("use-defaults="))) {
                const QString v = assignment.mid(13).toLower();
                if (v != QLatin1String("true") && v != QLatin1String("false"))
                    return usageError(
                        QStringLiteral("use-defaults: expected true or false, got '%1'").arg(v));
                useDefaults = v == QLatin1String("true");
                continue;
            }
            if (Status st = changed.applyKeyValue(assignment); !st.ok())
                return usageError(st.errorString());
        }
        config->useDefaults = useDefaults;
        config->override = useDefaults ? std::nullopt : std::optional<OfflineSettings>(changed);
        if (Status st = ctx.offline().setMailboxConfig(mailbox->id, *config, now); !st.ok())
            return failure(st.errorString());
        if (!json)
            m_out << mailbox->address << (useDefaults ? " uses the default settings\n" : " settings:\n");
        Result<OfflineSettings> effective = ctx.offline().effectiveSettings(mailbox->id);
        if (!effective)
            return failure(effective.errorString());
        print(*effective, useDefaults);
        return 0;
    }
    if (sub == QLatin1String("show")) {
        Result<OfflineSettings> effective = ctx.offline().effectiveSettings(mailbox->id);
        if (!effective)
            return failure(effective.errorString());
        if (!json)
            m_out << mailbox->address << ": offline sync " << (config->enabled ? "enabled" : "disabled")
                  << ", " << (config->useDefaults ? "default settings" : "own settings") << "\n";
        print(*effective, config->useDefaults);
        return 0;
    }
    return usageError(QStringLiteral("unknown offline command '%1'").arg(sub));
}

int ServiceCli::update(ServiceContext &ctx, const QStringList &args, bool flush)
{
    QCommandLineParser parser;
    const QCommandLineOption mailbox(QStringLiteral("mailbox"), QStringLiteral("Mailbox address."),
                                     QStringLiteral("ADDR"));
    const QCommandLineOption segmentSize(QStringLiteral("max-segment-size"),
                                         QStringLiteral("Content per segment before a new one starts."),
                                         QStringLiteral("SIZE"));
    parser.addOptions({mailbox, segmentSize, jsonOption()});
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(segmentSize)) {
        const auto bytes = OfflineSettings::parseSize(parser.value(segmentSize));
        if (!bytes || *bytes < 64 * 1024 || *bytes > 4LL * 1024 * 1024 * 1024)
            return usageError(QStringLiteral("--max-segment-size must be a size between 64K and 4G"));
        RepositoryBuilder::Limits limits;
        limits.maxSegmentEntryBytes = *bytes;
        ctx.builder().setLimits(limits);
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (flush && parser.values(mailbox).size() != 1)
        return usageError(QStringLiteral("flush needs exactly one --mailbox ADDR"));
    QList<qint64> ids;
    for (const QString &address : parser.values(mailbox)) {
        Result<Mailbox> m = findMailbox(ctx, address);
        if (!m)
            return failure(m.errorString());
        ids.append(m->id);
    }
    const bool interactive = ::isatty(STDERR_FILENO) && !parser.isSet(QStringLiteral("json"));
    if (interactive) {
        ctx.builder().setProgress([this](const QString &address, qint64 done, qint64 total) {
            m_err << "\r" << address << ": " << done << "/" << total << " messages   ";
            m_err.flush();
        });
    }
    Result<JobOutcome> outcome = flush ? ctx.repositoryJobs().flush(ids.first(), QStringLiteral("manual"))
                                       : ctx.repositoryJobs().update(ids, QStringLiteral("manual"));
    if (interactive) {
        m_err << "\r";
        m_err.flush();
    }
    if (!outcome)
        return failure(outcome.errorString());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray updates;
        for (const RepositoryUpdate &u : std::as_const(outcome->updates))
            updates.append(u.toJson());
        QJsonObject o = outcome->record.toJson();
        o.insert(QStringLiteral("updates"), updates);
        m_out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        for (const RepositoryUpdate &u : std::as_const(outcome->updates)) {
            if (!u.changed)
                m_out << u.mailbox << ": up to date (generation " << u.generation << ", revision "
                      << u.revision << ")\n";
            else
                m_out << u.mailbox << ": generation " << u.generation << " revision " << u.revision
                      << (u.rebuilt ? " (new generation)" : "") << ", " << u.segments << " new segments, "
                      << u.messagesAdded << " messages, " << u.tombstones << " removed, "
                      << OfflineSettings::humanSize(u.bytes) << "\n";
        }
        if (outcome->updates.isEmpty() && outcome->errors.isEmpty())
            m_out << "no mailbox has offline sync enabled\n";
    }
    for (const QString &e : std::as_const(outcome->errors))
        m_err << "archivesync-service: " << e << "\n";
    m_err.flush();
    return outcome->errors.isEmpty() ? 0 : kExitFailure;
}

int ServiceCli::status(ServiceContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(jsonOption());
    if (!parser.parse(args))
        return usageError(parser.errorText());
    Result<QList<Mailbox>> list = ctx.archive().mailboxes();
    if (!list)
        return failure(list.errorString());
    Result<Schedule> sched = ctx.schedule();
    if (!sched)
        return failure(sched.errorString());
    const QDateTime nextRun = sched->nextRunAfter(m_clock.now(), m_clock.timeZone());
    QJsonArray mailboxes;
    for (const Mailbox &m : std::as_const(*list)) {
        Result<qint64> count = ctx.archive().messageCount(m.id);
        Result<MailboxOfflineConfig> config = ctx.offline().mailboxConfig(m.id);
        if (!count || !config)
            return failure(!count ? count.errorString() : config.errorString());
        QJsonObject o{{QStringLiteral("address"), m.address},
                      {QStringLiteral("archivedMessages"), *count},
                      {QStringLiteral("offlineEnabled"), config->enabled},
                      {QStringLiteral("useDefaults"), config->useDefaults}};
        Result<Manifest> manifest = ctx.builder().manifestFromStore(m.id);
        if (!manifest && manifest.error().category != ErrorCategory::NotFound)
            return failure(manifest.errorString());
        if (manifest) {
            QJsonArray segments;
            for (const SegmentInfo &s : std::as_const(manifest->segments)) {
                QJsonObject so{
                    {QStringLiteral("sequence"), s.sequence},
                    {QStringLiteral("file"), ctx.builder().segmentPath(m.id, manifest->generation, s.sha256)},
                    {QStringLiteral("sha256"), s.sha256},
                    {QStringLiteral("kind"), segmentKindName(s.kind)},
                    {QStringLiteral("messages"), s.messages},
                    {QStringLiteral("tombstones"), s.tombstones},
                    {QStringLiteral("bytes"), s.size}};
                if (s.kind == SegmentKind::Bodies)
                    so.insert(QStringLiteral("folder"), s.folder);
                segments.append(so);
            }
            o.insert(QStringLiteral("generation"), manifest->generation);
            o.insert(QStringLiteral("revision"), manifest->revision);
            o.insert(QStringLiteral("messageCount"), manifest->messageCount);
            o.insert(QStringLiteral("updated"), timeJson(manifest->updated));
            o.insert(QStringLiteral("bytes"), manifest->totalBytes());
            o.insert(QStringLiteral("manifest"), ctx.builder().manifestPath(m.id));
            o.insert(QStringLiteral("segments"), segments);
        } else {
            o.insert(QStringLiteral("generation"), QJsonValue());
            o.insert(QStringLiteral("messageCount"), 0);
            o.insert(QStringLiteral("segments"), QJsonArray());
        }
        mailboxes.append(o);
    }
    Result<QList<JobRecord>> lastJobs = ctx.jobs().recentJobs(1);
    if (!lastJobs)
        return failure(lastJobs.errorString());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject root{{QStringLiteral("dataDir"), ctx.dataDir()},
                         {QStringLiteral("schedule"), sched->toJson()},
                         {QStringLiteral("scheduleDescription"), sched->describe()},
                         {QStringLiteral("nextRun"), timeJson(nextRun)},
                         {QStringLiteral("lastJob"),
                          lastJobs->isEmpty() ? QJsonValue() : QJsonValue(lastJobs->first().toJson())},
                         {QStringLiteral("mailboxes"), mailboxes}};
        m_out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return 0;
    }
    m_out << "data directory: " << ctx.dataDir() << "\n"
          << "schedule: " << sched->describe() << ", next run " << timeText(nextRun) << "\n";
    if (!lastJobs->isEmpty()) {
        const JobRecord &j = lastJobs->first();
        m_out << "last job: " << j.kind << " (" << j.trigger << ") " << j.status << " at "
              << timeText(j.finished) << "\n";
    }
    for (const QJsonValue &v : std::as_const(mailboxes)) {
        const QJsonObject o = v.toObject();
        m_out << o.value(QStringLiteral("address")).toString() << ": "
              << o.value(QStringLiteral("archivedMessages")).toInteger() << " archived, offline sync "
              << (o.value(QStringLiteral("offlineEnabled")).toBool() ? "enabled" : "disabled");
        if (!o.value(QStringLiteral("generation")).isNull()) {
            m_out << ", repository generation " << o.value(QStringLiteral("generation")).toInteger()
                  << " revision " << o.value(QStringLiteral("revision")).toInteger() << ": "
                  << o.value(QStringLiteral("messageCount")).toInteger() << " messages in "
                  << o.value(QStringLiteral("segments")).toArray().size() << " segments, "
                  << OfflineSettings::humanSize(o.value(QStringLiteral("bytes")).toInteger()) << ", updated "
                  << o.value(QStringLiteral("updated")).toString();
        }
        m_out << "\n";
    }
    return 0;
}

int ServiceCli::schedule(ServiceContext &ctx, const QStringList &args)
{
    const QStringList rest = args.mid(1);
    const QString sub = rest.value(0, QStringLiteral("show"));
    if (sub == QLatin1String("show")) {
        Result<Schedule> sched = ctx.schedule();
        if (!sched)
            return failure(sched.errorString());
        m_out << "schedule: " << sched->describe() << " (" << sched->toString() << ")\n";
        for (const QDateTime &t : sched->nextRuns(m_clock.now(), m_clock.timeZone(), 5))
            m_out << "  next: " << t.toTimeZone(m_clock.timeZone()).toString(Qt::ISODate) << "\n";
        return 0;
    }
    if (sub == QLatin1String("set")) {
        Result<Schedule> sched = Schedule::parse(rest.mid(1));
        if (!sched)
            return usageError(sched.errorString());
        if (Status st = ctx.jobs().setSchedule(sched->toJson(), m_clock.now()); !st.ok())
            return failure(st.errorString());
        m_out << "schedule set: " << sched->describe() << "; next run "
              << sched->nextRunAfter(m_clock.now(), m_clock.timeZone())
                     .toTimeZone(m_clock.timeZone())
                     .toString(Qt::ISODate)
              << "\n";
        return 0;
    }
    return usageError(QStringLiteral("unknown schedule command '%1'").arg(sub));
}

int ServiceCli::jobs(ServiceContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("How many."), QStringLiteral("N"),
                                   QStringLiteral("20"));
    parser.addOptions({limit, jsonOption()});
    if (!parser.parse(args))
        return usageError(parser.errorText());
    bool ok = false;
    const int n = parser.value(limit).toInt(&ok);
    if (!ok || n < 1 || n > 10000)
        return usageError(QStringLiteral("--limit must be between 1 and 10000"));
    Result<QList<JobRecord>> list = ctx.jobs().recentJobs(n);
    if (!list)
        return failure(list.errorString());
    QJsonArray json;
    for (const JobRecord &j : std::as_const(*list)) {
        json.append(j.toJson());
        if (!parser.isSet(QStringLiteral("json")))
            m_out << j.id << "  " << j.kind << "  " << j.trigger << "  " << j.status << "  "
                  << timeText(j.started) << " .. " << timeText(j.finished) << "  " << j.mailboxes
                  << " mailboxes, " << j.segments << " segments, " << j.messages << " messages, "
                  << OfflineSettings::humanSize(j.bytes)
                  << (j.errors.isEmpty() ? QString() : QStringLiteral("  errors: ") + j.errors) << "\n";
    }
    if (parser.isSet(QStringLiteral("json")))
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return 0;
}

int ServiceCli::serve(ServiceContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port (default 127.0.0.1:8470)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("INI file of serve settings."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate (chain) for HTTPS."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("Its unencrypted PEM private key."),
                                    QStringLiteral("FILE"));
    parser.addOptions({listen, config, tlsCert, tlsKey});
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    // The file first; options given on the command line override what it says.
    ServeCommand::Options options;
    if (parser.isSet(config)) {
        if (Status st = options.loadFile(parser.value(config)); !st.ok())
            return usageError(st.errorString());
    }
    if (parser.isSet(listen)) {
        if (Status st = options.setListen(parser.value(listen)); !st.ok())
            return usageError(st.errorString());
    }
    if (parser.isSet(tlsCert))
        options.tlsCertificateFile = parser.value(tlsCert);
    if (parser.isSet(tlsKey))
        options.tlsKeyFile = parser.value(tlsKey);
    if (Status st = options.validate(); !st.ok())
        return usageError(st.errorString());
    ServeCommand command(ctx, options);
    return command.exec(m_out, m_err);
}

} // namespace ArchiveSync
