// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/AgentCli.h"

#include "core/api/ApiClient.h"
#include "core/common/Clock.h"
#include "core/localstore/DeviceKey.h"
#include "core/localstore/MailboxStore.h"
#include "core/localstore/MessageCipher.h"
#include "core/localstore/SearchQuery.h"
#include "core/mime/MessageParser.h"
#include "core/mime/MessageText.h"
#include "core/repository/SegmentReader.h"
#include "core/sync/AccountSetup.h"
#include "core/sync/AgentControl.h"
#include "core/sync/MessageLink.h"
#include "core/sync/SegmentApplier.h"
#include "core/sync/SegmentDownloader.h"
#include "core/sync/SyncEngine.h"
#include "tray-agent/HeadlessAgent.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace ArchiveSync {

namespace {
const char *const kPasswordVariable = "ARCHIVESYNC_PASSWORD";

QString text(const char *s)
{
    return QCoreApplication::translate("AgentCli", s);
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

// Ends the event loop on SIGINT/SIGTERM, from the loop itself (a signal handler may only write a byte).
int g_signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}
} // namespace

AgentCli::AgentCli(QNetworkAccessManager &network, QTextStream &out, QTextStream &err)
    : m_network(network)
    , m_out(out)
    , m_err(err)
{
    m_readSecret = []() -> std::optional<QString> {
        QTextStream in(stdin);
        QString line;
        if (!in.readLineInto(&line))
            return std::nullopt;
        return line;
    };
}

AgentCli::~AgentCli() = default;

QString AgentCli::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

std::optional<qint64> AgentCli::parseDuration(const QString &input)
{
    const QString t = input.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    qint64 unit = 1;
    QString digits = t;
    switch (t.back().toLatin1()) {
    case 's':
        digits.chop(1);
        break;
    case 'm':
        unit = 60;
        digits.chop(1);
        break;
    case 'h':
        unit = 3600;
        digits.chop(1);
        break;
    case 'd':
        unit = 86400;
        digits.chop(1);
        break;
    default:
        break;
    }
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    if (!ok || n <= 0 || n > 366LL * 86400 / unit)
        return std::nullopt;
    return n * unit;
}

int AgentCli::usageError(const QString &message)
{
    m_err << "archivesync-agent: " << message << "\n" << text("Try 'archivesync-agent --help'.") << "\n";
    return 2;
}

int AgentCli::failure(const QString &message)
{
    m_err << "archivesync-agent: " << message << "\n";
    return 1;
}

std::optional<int> AgentCli::parse(QCommandLineParser &parser, const QStringList &args)
{
    parser.addOption(
        {QStringLiteral("data-dir"), text("Where the agent keeps its state and local copies."), text("DIR")});
    parser.addHelpOption();
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return 0;
    }
    m_dataDirectory = parser.isSet(QStringLiteral("data-dir")) ? parser.value(QStringLiteral("data-dir"))
                                                               : defaultDataDirectory();
    m_dataDirectory = QDir(m_dataDirectory).absolutePath();
    return std::nullopt;
}

std::optional<int> AgentCli::loadLocal(bool needAccount)
{
    Result<AgentState> state = AgentState::load(m_dataDirectory);
    if (!state)
        return failure(state.errorString());
    m_state = std::move(*state);
    if (needAccount && !m_state.account)
        return failure(
            text("this laptop is not set up for %1: run 'archivesync-agent setup --server URL --user "
                 "NAME' first")
                .arg(m_dataDirectory));
    Result<DeviceKey::Loaded> key = DeviceKey::loadOrCreate(m_dataDirectory, true);
    if (!key)
        return failure(key.errorString());
    if (!key->warning.isEmpty() && m_showKeyWarning)
        m_err << "archivesync-agent: " << key->warning << "\n";
    m_cipher = std::make_unique<MessageCipher>(key->key);
    return std::nullopt;
}

Result<std::unique_ptr<MailboxStore>> AgentCli::openCopy(const AgentMailbox &mailbox)
{
    if (mailbox.generation == 0)
        return Error::notFound(text("%1 has no complete local copy yet").arg(mailbox.address));
    return MailboxStore::open(AgentState::copyDirectory(m_dataDirectory, mailbox.address, mailbox.generation),
                              *m_cipher);
}

int AgentCli::run(const QStringList &argv)
{
    const QStringList args = argv.mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        m_out
            << text("Usage: archivesync-agent COMMAND [options]\n"
                    "\n"
                    "The ArchiveSync agent keeps offline copies of archived mailboxes on this laptop.\n"
                    "\n"
                    "Commands:\n"
                    "  --headless            run the agent without a desktop (until SIGTERM or 'quit')\n"
                    "  setup                 register this laptop: --server URL --user NAME [--device-name "
                    "N]\n"
                    "                        (password from ARCHIVESYNC_PASSWORD or a line of stdin)\n"
                    "  status [--json]       what is synced, and how current it is\n"
                    "  sync-now [--wait]     look for updates now; --wait returns once all is applied\n"
                    "  open LINK [--raw]     show an archived message (from the service, or the local copy)\n"
                    "  search QUERY [--json] search the local copies: words, \"phrases\", from:, to:,\n"
                    "                        subject:, folder:, before:YYYY-MM-DD, after:YYYY-MM-DD\n"
                    "  pause [--for DURATION] stop syncing (for 30m, 2h, 1d...; default: until resume)\n"
                    "  resume                sync again\n"
                    "  reset [--mailbox ADDR] delete local copies and fetch them again\n"
                    "  verify                check every stored message; refetch only what is damaged\n"
                    "  folders [--mailbox ADDR] [folder.PATH=whole|headers|excluded|default ...]\n"
                    "                        show or change which folders this laptop keeps whole\n"
                    "  bandwidth [RATE|off]  show or limit the download rate (e.g. 2M = 2 MiB/s)\n"
                    "\n"
                    "Every command takes --data-dir DIR (default: %1).\n")
                   .arg(defaultDataDirectory());
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        m_out << "archivesync-agent " << ARCHIVESYNC_VERSION << "\n";
        return 0;
    }
    static const QList<std::pair<QString, Command>> commands = {
        {QStringLiteral("--headless"), &AgentCli::headless},
        {QStringLiteral("setup"), &AgentCli::setup},
        {QStringLiteral("status"), &AgentCli::status},
        {QStringLiteral("sync-now"), &AgentCli::syncNow},
        {QStringLiteral("open"), &AgentCli::open},
        {QStringLiteral("search"), &AgentCli::search},
        {QStringLiteral("pause"), &AgentCli::pause},
        {QStringLiteral("resume"), &AgentCli::resume},
        {QStringLiteral("reset"), &AgentCli::reset},
        {QStringLiteral("verify"), &AgentCli::verify},
        {QStringLiteral("folders"), &AgentCli::folders},
        {QStringLiteral("bandwidth"), &AgentCli::bandwidth},
    };
    for (const auto &[name, command] : commands)
        if (args.first() == name)
            return (this->*command)(QStringList{argv.first() + QLatin1Char(' ') + name} + args.mid(1));
    return usageError(text("unknown command '%1'").arg(args.first()));
}

int AgentCli::headless(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    m_showKeyWarning = true;
    if (std::optional<int> rc = loadLocal(true))
        return *rc;
    SystemClock clock;
    HeadlessAgent agent(m_dataDirectory, m_state, m_network, *m_cipher, clock);
    if (Status st = agent.start(); !st.ok())
        return failure(st.error().message);

    int exitCode = 0;
    QEventLoop loop;
    QObject::connect(&agent, &HeadlessAgent::finished, &loop, [&](int code) {
        exitCode = code;
        loop.quit();
    });
    std::unique_ptr<QSocketNotifier> notifier;
    if (::pipe(g_signalPipe) == 0) {
        notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&loop] {
            char byte = 0;
            [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
            loop.quit();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    m_out << text("archivesync-agent: syncing for %1 at %2 (data in %3)")
                 .arg(m_state.account->username, m_state.account->server.toString(), m_dataDirectory)
          << Qt::endl;
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (exitCode == 3)
        m_err
            << "archivesync-agent: "
            << text("this laptop's registration was revoked; its local copies were wiped. Run 'setup' again.")
            << "\n";
    return exitCode;
}

int AgentCli::setup(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("server"),
                      text("The ArchiveSync service, e.g. https://archive.example.org"), text("URL")});
    parser.addOption({QStringLiteral("user"), text("Your user name on the service."), text("NAME")});
    parser.addOption({QStringLiteral("device-name"),
                      text("How the admin sees this laptop (default: host name)."), text("NAME")});
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    const Result<QUrl> server = AccountSetup::serverUrl(parser.value(QStringLiteral("server")));
    const QString user = parser.value(QStringLiteral("user"));
    if (!parser.isSet(QStringLiteral("server")) || !server)
        return usageError(text("setup needs --server with an http:// or https:// URL"));
    if (user.isEmpty())
        return usageError(text("setup needs --user"));
    QString password = qEnvironmentVariable(kPasswordVariable);
    if (password.isEmpty()) {
        std::optional<QString> read = m_readSecret();
        if (!read || read->isEmpty())
            return usageError(text("no password: set %1 or give it on standard input")
                                  .arg(QString::fromLatin1(kPasswordVariable)));
        password = *read;
    }
    const QString deviceName = parser.isSet(QStringLiteral("device-name"))
                                   ? parser.value(QStringLiteral("device-name"))
                                   : QHostInfo::localHostName();

    // A broken agent.json is reported before anything is registered.
    if (Result<AgentState> loaded = AgentState::load(m_dataDirectory); !loaded)
        return failure(loaded.errorString());
    AccountSetup setup(m_network);
    setup.setServer(*server);
    ApiResult<AgentAccount> account = ApiClient::wait<AgentAccount>(
        [&](auto done) { setup.registerDevice(user, password, deviceName, done); });
    if (!account) {
        if (account.error().field == QLatin1String("device"))
            return failure(text("cannot register this laptop: %1").arg(account.error().message));
        return failure(text("cannot sign in to %1: %2").arg(server->toString(), account.error().message));
    }
    if (Status st = AccountSetup::save(m_dataDirectory, *account); !st.ok())
        return failure(st.error().message);
    m_out << text("This laptop is registered as device %1 (\"%2\") of %3 at %4.\n")
                 .arg(account->deviceId)
                 .arg(deviceName, account->username, server->toString())
          << text("Start the agent with 'archivesync-agent --headless', or sync once with 'archivesync-agent "
                  "sync-now --wait'.\n");
    return 0;
}

QJsonObject AgentCli::localStatus()
{
    AgentSyncStatus status;
    if (m_state.account) {
        status.server = m_state.account->server.toString();
        status.username = m_state.account->username;
        status.deviceId = m_state.account->deviceId;
    }
    status.pausedUntil = m_state.pausedUntil;
    for (const AgentMailbox &m : std::as_const(m_state.mailboxes)) {
        MailboxSyncStatus s;
        s.address = m.address;
        s.generation = m.generation;
        s.revision = m.revision;
        s.targetGeneration = m.stagingGeneration ? m.stagingGeneration : m.generation;
        s.asOf = m.asOf;
        s.state = m.generation > 0 && m.stagingGeneration == 0 ? SyncState::UpToDate : SyncState::Syncing;
        if (m_cipher && m.generation > 0) {
            if (Result<std::unique_ptr<MailboxStore>> store = openCopy(m)) {
                Result<qint64> count = (*store)->messageCount();
                s.messages = count ? *count : 0;
            }
        }
        status.mailboxes.append(s);
    }
    status.state = !m_state.account                ? SyncState::NotConfigured
                   : m_state.pausedUntil.isValid() ? SyncState::Paused
                                                   : AgentSyncStatus::summarize(status.mailboxes);
    QJsonObject json = status.toJson();
    json.insert(QStringLiteral("running"), false);
    return json;
}

void AgentCli::printStatus(const QJsonObject &json, bool asJson)
{
    if (asJson) {
        m_out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return;
    }
    const AgentSyncStatus status = AgentSyncStatus::fromJson(json);
    if (status.state == SyncState::NotConfigured && status.server.isEmpty()) {
        m_out << text("Not set up. Run 'archivesync-agent setup --server URL --user NAME'.\n");
        return;
    }
    m_out << text("Server:  %1 (%2, device %3)\n").arg(status.server, status.username).arg(status.deviceId);
    QString summary = syncStateName(status.state);
    if (status.safeToDisconnect())
        summary += text(" - safe to disconnect, archive as of %1").arg(timeText(status.asOf()));
    if (AgentState::isUntilResumed(status.pausedUntil))
        summary += text(" until resumed");
    else if (status.pausedUntil.isValid())
        summary += text(" until %1").arg(timeText(status.pausedUntil));
    m_out << text("State:   %1%2\n")
                 .arg(summary, json.value(QStringLiteral("running")).toBool() ? QString()
                                                                              : text(" (agent not running)"));
    for (const MailboxSyncStatus &m : status.mailboxes) {
        QString line = QStringLiteral("  %1  %2  generation %3  %4 messages")
                           .arg(m.address, -28)
                           .arg(syncStateName(m.state), -12)
                           .arg(m.generation)
                           .arg(m.messages);
        if (m.state == SyncState::Syncing && m.segmentsTotal > 0)
            line += text("  segment %1 of %2, %3 of %4 MB")
                        .arg(m.segmentsDone)
                        .arg(m.segmentsTotal)
                        .arg(m.bytesDone / 1048576.0, 0, 'f', 1)
                        .arg(m.bytesTotal / 1048576.0, 0, 'f', 1);
        if (m.state == SyncState::Queued)
            line += text("  queued, position %1").arg(m.queuePosition);
        if (m.asOf.isValid())
            line += text("  as of %1").arg(timeText(m.asOf));
        if (!m.errorMessage.isEmpty())
            line += QStringLiteral("  (") + m.errorMessage + QLatin1Char(')');
        m_out << line << "\n";
    }
}

int AgentCli::status(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), text("Print JSON.")});
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    const bool json = parser.isSet(QStringLiteral("json"));
    Result<QJsonObject> running =
        AgentControlClient::request(m_dataDirectory, {{QStringLiteral("command"), QStringLiteral("status")}});
    if (running) {
        printStatus(running->value(QStringLiteral("status")).toObject(), json);
        return 0;
    }
    if (std::optional<int> rc = loadLocal(false))
        return *rc;
    printStatus(localStatus(), json);
    return 0;
}

int AgentCli::runEngineOnce(bool json)
{
    std::unique_ptr<QLockFile> lock = HeadlessAgent::lock(m_dataDirectory);
    if (!lock)
        return failure(text("another agent is working on %1").arg(m_dataDirectory));
    SystemClock clock;
    SyncEngine engine(m_dataDirectory, m_state, m_network, *m_cipher, clock);
    engine.setLongPollSeconds(0);
    bool revoked = false;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::settledChanged, &loop, [&] {
        if (engine.settled())
            loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::deviceRevoked, &loop, [&] { revoked = true; });
    engine.start();
    // settledChanged may come while the same step still has work to send (the slot's release).
    while (!engine.settled())
        loop.exec();
    const AgentSyncStatus status = engine.status().snapshot();
    QJsonObject statusJson = status.toJson();
    statusJson.insert(QStringLiteral("running"), false);
    printStatus(statusJson, json);
    if (revoked)
        return failure(text("this laptop's registration was revoked; its local copies were wiped")), 3;
    for (const MailboxSyncStatus &m : status.mailboxes)
        if (m.state != SyncState::UpToDate)
            return 1;
    return 0;
}

int AgentCli::syncNow(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("wait"), text("Return once everything is applied (non-zero on error).")});
    parser.addOption({QStringLiteral("json"), text("With --wait: print the final status as JSON.")});
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    const bool wait = parser.isSet(QStringLiteral("wait"));
    const bool json = parser.isSet(QStringLiteral("json"));
    Result<QJsonObject> sent = AgentControlClient::request(
        m_dataDirectory, {{QStringLiteral("command"), QStringLiteral("sync-now")}});
    if (sent) {
        if (!wait) {
            m_out << text("The agent is looking for updates.\n");
            return 0;
        }
        // The agent settles once every mailbox is up to date or has failed.
        QThread::msleep(200);
        forever
        {
            Result<QJsonObject> answer = AgentControlClient::request(
                m_dataDirectory, {{QStringLiteral("command"), QStringLiteral("status")}});
            if (!answer)
                return failure(answer.errorString());
            const QJsonObject status = answer->value(QStringLiteral("status")).toObject();
            if (status.value(QStringLiteral("settled")).toBool()) {
                printStatus(status, json);
                const AgentSyncStatus parsed = AgentSyncStatus::fromJson(status);
                for (const MailboxSyncStatus &m : parsed.mailboxes)
                    if (m.state != SyncState::UpToDate)
                        return 1;
                return parsed.state == SyncState::NotConfigured ? 1 : 0;
            }
            QThread::msleep(250);
        }
    }
    // No agent runs: do the work here, once.
    m_showKeyWarning = true;
    if (std::optional<int> rc = loadLocal(true))
        return *rc;
    return runEngineOnce(json);
}

int AgentCli::open(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("raw"), text("Write the message as archived (RFC 5322 bytes).")});
    parser.addOption({QStringLiteral("offline"), text("Use the local copy only.")});
    parser.addPositionalArgument(QStringLiteral("link"), text("archivesync://SERVER/MAILBOX/MESSAGE"));
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(text("open takes one message link"));
    Result<MessageLink> link = MessageLink::parse(parser.positionalArguments().constFirst());
    if (!link)
        return usageError(link.errorString());
    if (std::optional<int> rc = loadLocal(true))
        return *rc;
    if (!link->isFor(m_state.account->server))
        return failure(text("the link names the service at %1; this laptop syncs from %2")
                           .arg(link->server, m_state.account->server.toString()));
    const bool raw = parser.isSet(QStringLiteral("raw"));

    QByteArray bytes;
    bool whole = false;
    QString source;
    if (!parser.isSet(QStringLiteral("offline"))) {
        ApiClient client(m_network, m_state.account->server);
        client.setToken(m_state.account->token);
        client.setTimeout(10000);
        ApiResult<QByteArray> online =
            client.waitFor(&ApiClient::getRawMessage, link->mailbox, link->message);
        if (online) {
            bytes = *online;
            whole = true;
            source = text("the service");
        } else if (online.error().category != ErrorCategory::Network) {
            return failure(online.error().message);
        }
    }
    if (source.isEmpty()) {
        const AgentMailbox *mailbox = m_state.mailbox(link->mailbox);
        if (!mailbox)
            return failure(
                text("%1 is not synced to this laptop and the service cannot be reached").arg(link->mailbox));
        Result<std::unique_ptr<MailboxStore>> store = openCopy(*mailbox);
        if (!store)
            return failure(store.errorString());
        Result<LocalMessage> message = (*store)->message(link->message);
        if (!message)
            return failure(
                text("message %1 is not in the local copy of %2").arg(link->message).arg(link->mailbox));
        Result<QByteArray> stored = (*store)->messageBytes(link->message);
        if (!stored)
            return failure(stored.errorString());
        bytes = *stored;
        whole = message->whole;
        source = text("the local copy");
    }
    m_err << text("(from %1)").arg(source) << "\n";
    m_err.flush();
    if (raw) {
        m_out.flush();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
        if (!whole)
            m_err << text("Only the headers of this message are stored offline; its body is not available "
                          "offline.\n");
        return 0;
    }
    const MessageMetadata meta = MessageParser::parse(bytes);
    m_out << "From:    " << meta.from << "\n"
          << "To:      " << meta.to << "\n";
    if (!meta.cc.isEmpty())
        m_out << "Cc:      " << meta.cc << "\n";
    m_out << "Date:    " << timeText(meta.date) << "\n"
          << "Subject: " << meta.subject << "\n\n";
    if (whole)
        m_out << MessageText::extract(bytes) << "\n";
    else
        m_out
            << text(
                   "[The body of this message is not available offline. Open the link again when connected.]")
            << "\n";
    return 0;
}

int AgentCli::search(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), text("Print JSON.")});
    parser.addOption(
        {QStringLiteral("limit"), text("At most N hits (default 50)."), text("N"), QStringLiteral("50")});
    parser.addPositionalArgument(QStringLiteral("query"), text("What to look for."));
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    Result<SearchQuery> query = SearchQuery::parse(parser.positionalArguments().join(QLatin1Char(' ')));
    if (!query)
        return usageError(query.errorString());
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0 || limit > 10000)
        return usageError(text("--limit must be between 1 and 10000"));
    if (std::optional<int> rc = loadLocal(true))
        return *rc;

    struct Hit
    {
        QString mailbox;
        LocalMessage message;
    };
    QList<Hit> hits;
    for (const AgentMailbox &mailbox : std::as_const(m_state.mailboxes)) {
        if (mailbox.generation == 0)
            continue;
        Result<std::unique_ptr<MailboxStore>> store = openCopy(mailbox);
        if (!store)
            return failure(store.errorString());
        Result<QList<LocalMessage>> found = (*store)->search(*query, limit);
        if (!found)
            return failure(found.errorString());
        for (const LocalMessage &m : std::as_const(*found))
            hits.append({mailbox.address, m});
    }
    // Several mailboxes: newest first across them.
    if (m_state.mailboxes.size() > 1)
        std::stable_sort(hits.begin(), hits.end(),
                         [](const Hit &a, const Hit &b) { return a.message.date > b.message.date; });
    if (hits.size() > limit)
        hits.resize(limit);

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Hit &h : std::as_const(hits))
            list.append(QJsonObject{
                {QStringLiteral("link"),
                 MessageLink::forMessage(m_state.account->server, h.mailbox, h.message.id).toString()},
                {QStringLiteral("mailbox"), h.mailbox},
                {QStringLiteral("id"), h.message.id},
                {QStringLiteral("folder"), h.message.folder},
                {QStringLiteral("subject"), h.message.subject},
                {QStringLiteral("from"), h.message.from},
                {QStringLiteral("to"), h.message.to},
                {QStringLiteral("date"), h.message.date.isValid()
                                             ? QJsonValue(h.message.date.toUTC().toString(Qt::ISODate))
                                             : QJsonValue()},
                {QStringLiteral("whole"), h.message.whole}});
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (hits.isEmpty()) {
        m_out << text("No messages match.\n");
        return 0;
    }
    for (const Hit &h : std::as_const(hits))
        m_out << timeText(h.message.date) << "  " << h.message.from.left(30).leftJustified(30) << "  "
              << h.message.subject << "\n    " << h.mailbox << " / " << h.message.folder
              << (h.message.whole ? QString() : text("  [headers only]")) << "  "
              << MessageLink::forMessage(m_state.account->server, h.mailbox, h.message.id).toString() << "\n";
    m_out << QCoreApplication::translate("AgentCli", "%n message(s)", nullptr, int(hits.size())) << "\n";
    return 0;
}

int AgentCli::pause(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("for"), text("How long: 30m, 2h, 1d... (default: until resume)."), text("DURATION")});
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    qint64 seconds = 0;
    if (parser.isSet(QStringLiteral("for"))) {
        const std::optional<qint64> parsed = parseDuration(parser.value(QStringLiteral("for")));
        if (!parsed)
            return usageError(text("--for takes a duration such as 30m, 2h or 1d"));
        seconds = *parsed;
    }
    Result<QJsonObject> sent =
        AgentControlClient::request(m_dataDirectory, {{QStringLiteral("command"), QStringLiteral("pause")},
                                                      {QStringLiteral("seconds"), seconds}});
    if (!sent) {
        if (sent.error().category != ErrorCategory::NotFound)
            return failure(sent.errorString());
        if (std::optional<int> rc = loadLocal(true))
            return *rc;
        m_state.pausedUntil =
            seconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(seconds) : AgentState::untilResumed();
        if (Status st = m_state.save(m_dataDirectory); !st.ok())
            return failure(st.error().message);
    }
    m_out << (seconds > 0 ? text("Syncing is paused until %1.\n")
                                .arg(timeText(QDateTime::currentDateTimeUtc().addSecs(seconds)))
                          : text("Syncing is paused until 'archivesync-agent resume'.\n"));
    return 0;
}

int AgentCli::resume(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    Result<QJsonObject> sent =
        AgentControlClient::request(m_dataDirectory, {{QStringLiteral("command"), QStringLiteral("resume")}});
    if (!sent) {
        if (sent.error().category != ErrorCategory::NotFound)
            return failure(sent.errorString());
        if (std::optional<int> rc = loadLocal(true))
            return *rc;
        m_state.pausedUntil = {};
        if (Status st = m_state.save(m_dataDirectory); !st.ok())
            return failure(st.error().message);
    }
    m_out << text("Syncing resumed.\n");
    return 0;
}

int AgentCli::reset(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("mailbox"), text("Only this mailbox's copy."), text("ADDRESS")});
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    const QString address = parser.value(QStringLiteral("mailbox"));
    Result<QJsonObject> sent =
        AgentControlClient::request(m_dataDirectory, {{QStringLiteral("command"), QStringLiteral("reset")},
                                                      {QStringLiteral("mailbox"), address}});
    if (!sent) {
        if (sent.error().category != ErrorCategory::NotFound)
            return failure(sent.errorString());
        if (std::optional<int> rc = loadLocal(true))
            return *rc;
        std::unique_ptr<QLockFile> lock = HeadlessAgent::lock(m_dataDirectory);
        if (!lock)
            return failure(text("another agent is working on %1").arg(m_dataDirectory));
        bool found = false;
        for (AgentMailbox &m : m_state.mailboxes) {
            if (!address.isEmpty() && m.address.compare(address, Qt::CaseInsensitive) != 0)
                continue;
            found = true;
            QDir(AgentState::mailboxDirectory(m_dataDirectory, m.address)).removeRecursively();
            const OfflineSettings folders = m.folders;
            const QString kept = m.address;
            m = AgentMailbox{};
            m.address = kept;
            m.folders = folders;
        }
        if (!found && !address.isEmpty())
            return failure(text("this laptop does not sync %1").arg(address));
        if (Status st = m_state.save(m_dataDirectory); !st.ok())
            return failure(st.error().message);
    }
    m_out << (address.isEmpty()
                  ? text("Every local copy was deleted; the next sync fetches them again.\n")
                  : text("The local copy of %1 was deleted; the next sync fetches it again.\n").arg(address));
    return 0;
}

int AgentCli::verify(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    if (std::optional<int> rc = loadLocal(true))
        return *rc;
    ApiClient client(m_network, m_state.account->server);
    client.setToken(m_state.account->token);
    int unrepaired = 0;
    for (const AgentMailbox &mailbox : std::as_const(m_state.mailboxes)) {
        if (mailbox.generation == 0)
            continue;
        Result<std::unique_ptr<MailboxStore>> store = openCopy(mailbox);
        if (!store)
            return failure(store.errorString());
        if (Status st = (*store)->integrityCheck(); !st.ok()) {
            m_out << text("%1: the database fails its integrity check: %2; run 'reset --mailbox %1'.\n")
                         .arg(mailbox.address, st.error().message);
            ++unrepaired;
            continue;
        }
        Result<QList<DamagedMessage>> damaged = (*store)->verify();
        if (!damaged)
            return failure(damaged.errorString());
        Result<qint64> count = (*store)->messageCount();
        if (damaged->isEmpty()) {
            m_out << text("%1: all %2 messages check out.\n").arg(mailbox.address).arg(count ? *count : 0);
            continue;
        }
        m_out << text("%1: %2 damaged message(s); fetching them again.\n")
                     .arg(mailbox.address)
                     .arg(damaged->size());
        // Group by segment: each segment is fetched once, and restores only the damaged messages.
        QHash<QString, QSet<qint64>> bySegment;
        for (const DamagedMessage &d : std::as_const(*damaged)) {
            bySegment[d.indexSegment].insert(d.id);
            if (!d.bodySegment.isEmpty())
                bySegment[d.bodySegment].insert(d.id);
        }
        ApiResult<Api::ManifestReply> manifest =
            client.waitFor(&ApiClient::getManifest, mailbox.address, QString(), 0);
        if (!manifest)
            return failure(
                text("cannot fetch the manifest of %1: %2").arg(mailbox.address, manifest.error().message));
        if (manifest->manifest.generation != mailbox.generation) {
            m_out << text("%1: the service has a new generation; the next sync replaces the copy.\n")
                         .arg(mailbox.address);
            continue;
        }
        qint64 repaired = 0;
        for (const SegmentInfo &segment : std::as_const(manifest->manifest.segments)) {
            auto it = bySegment.find(segment.sha256);
            if (it == bySegment.end())
                continue;
            SegmentDownloader downloader(m_network, client, nullptr);
            std::optional<ApiResult<QString>> path;
            QEventLoop loop;
            downloader.start(mailbox.address, segment, AgentState::spoolDirectory(m_dataDirectory),
                             [&](ApiResult<QString> result) {
                                 path.emplace(std::move(result));
                                 loop.quit();
                             });
            if (!path)
                loop.exec();
            if (!*path)
                return failure(path->error().message);
            Result<SegmentApplier::Stats> stats = SegmentApplier::repair(**store, **path, *it);
            QFile::remove(**path);
            if (!stats)
                return failure(stats.errorString());
            repaired += stats->messages;
        }
        Result<QList<DamagedMessage>> after = (*store)->verify();
        const qsizetype left = after ? after->size() : damaged->size();
        unrepaired += int(left);
        m_out << text("%1: %2 message(s) restored, %3 still damaged.\n")
                     .arg(mailbox.address)
                     .arg(repaired)
                     .arg(left);
    }
    return unrepaired == 0 ? 0 : 1;
}

int AgentCli::folders(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("mailbox"), text("The mailbox (needed when several are synced)."), text("ADDRESS")});
    parser.addOption({QStringLiteral("json"), text("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("settings"),
                                 text("folder.PATH=whole|headers|excluded|default"));
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    if (std::optional<int> rc = loadLocal(true))
        return *rc;
    AgentMailbox *mailbox = nullptr;
    const QString address = parser.value(QStringLiteral("mailbox"));
    if (!address.isEmpty())
        mailbox = m_state.mailbox(address);
    else if (m_state.mailboxes.size() == 1)
        mailbox = &m_state.mailboxes.first();
    if (!mailbox)
        return usageError(address.isEmpty() ? text("name the mailbox with --mailbox")
                                            : text("this laptop does not sync %1").arg(address));
    const QStringList assignments = parser.positionalArguments();
    if (assignments.isEmpty()) {
        QList<LocalFolder> folders;
        if (Result<std::unique_ptr<MailboxStore>> store = openCopy(*mailbox)) {
            if (Result<QList<LocalFolder>> list = (*store)->folders())
                folders = *list;
        }
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const LocalFolder &f : std::as_const(folders))
                list.append(QJsonObject{
                    {QStringLiteral("path"), f.path},
                    {QStringLiteral("policy"), folderPolicyName(mailbox->folders.policyFor(f.path))},
                    {QStringLiteral("messages"), f.messages},
                    {QStringLiteral("wholeMessages"), f.wholeMessages}});
            m_out << QJsonDocument(QJsonObject{{QStringLiteral("mailbox"), mailbox->address},
                                               {QStringLiteral("settings"), mailbox->folders.toJson()},
                                               {QStringLiteral("folders"), list}})
                         .toJson(QJsonDocument::Indented);
            return 0;
        }
        m_out << text("%1: folders kept %2 unless listed\n")
                     .arg(mailbox->address, folderPolicyName(mailbox->folders.defaultFolderPolicy));
        for (const LocalFolder &f : std::as_const(folders))
            m_out << "  " << f.path.leftJustified(30) << "  "
                  << folderPolicyName(mailbox->folders.policyFor(f.path)).leftJustified(9) << "  "
                  << text("%1 messages, %2 whole").arg(f.messages).arg(f.wholeMessages) << "\n";
        return 0;
    }
    OfflineSettings folders = mailbox->folders;
    for (const QString &assignment : assignments) {
        if (!assignment.startsWith(QLatin1String("folder.")) &&
            !assignment.startsWith(QLatin1String("default-folder-policy=")))
            return usageError(
                text("'%1': expected folder.PATH=POLICY or default-folder-policy=POLICY").arg(assignment));
        if (Status st = folders.applyKeyValue(assignment); !st.ok())
            return usageError(st.error().message);
    }
    Result<QJsonObject> sent =
        AgentControlClient::request(m_dataDirectory, {{QStringLiteral("command"), QStringLiteral("folders")},
                                                      {QStringLiteral("mailbox"), mailbox->address},
                                                      {QStringLiteral("folders"), folders.toJson()}});
    if (!sent) {
        if (sent.error().category != ErrorCategory::NotFound)
            return failure(sent.errorString());
        // No agent: the next sync takes the new choices; a changed exclusion starts the copy over.
        if (AgentMailbox::exclusions(folders) != AgentMailbox::exclusions(mailbox->folders)) {
            QDir(AgentState::mailboxDirectory(m_dataDirectory, mailbox->address)).removeRecursively();
            const QString kept = mailbox->address;
            *mailbox = AgentMailbox{};
            mailbox->address = kept;
        }
        mailbox->folders = folders;
        if (Status st = m_state.save(m_dataDirectory); !st.ok())
            return failure(st.error().message);
    }
    m_out << text("Folder choices for %1 saved; they apply from the next sync.\n").arg(mailbox->address);
    return 0;
}

int AgentCli::bandwidth(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("rate"), text("Bytes per second (2M, 500K) or 'off'."));
    if (std::optional<int> rc = parse(parser, args))
        return *rc;
    if (std::optional<int> rc = loadLocal(false))
        return *rc;
    if (parser.positionalArguments().isEmpty()) {
        m_out << (m_state.bandwidthLimit > 0 ? text("Downloads are limited to %1/s.\n")
                                                   .arg(OfflineSettings::humanSize(m_state.bandwidthLimit))
                                             : text("Downloads are not limited.\n"));
        return 0;
    }
    const QString value = parser.positionalArguments().constFirst();
    qint64 rate = 0;
    if (value != QLatin1String("off")) {
        const std::optional<qint64> parsed = OfflineSettings::parseSize(value);
        if (!parsed || *parsed < 1024)
            return usageError(text("the rate must be 'off' or a size of at least 1K, such as 500K or 2M"));
        rate = *parsed;
    }
    Result<QJsonObject> sent = AgentControlClient::request(
        m_dataDirectory,
        {{QStringLiteral("command"), QStringLiteral("bandwidth")}, {QStringLiteral("bytesPerSecond"), rate}});
    if (!sent) {
        if (sent.error().category != ErrorCategory::NotFound)
            return failure(sent.errorString());
        m_state.bandwidthLimit = rate;
        if (Status st = m_state.save(m_dataDirectory); !st.ok())
            return failure(st.error().message);
    }
    m_out << (rate > 0 ? text("Downloads are now limited to %1/s.\n").arg(OfflineSettings::humanSize(rate))
                       : text("Downloads are no longer limited.\n"));
    return 0;
}

} // namespace ArchiveSync
