// SPDX-License-Identifier: Apache-2.0
#include "admin-cli/AdminCli.h"

#include "admin-cli/CliConfig.h"
#include "admin-cli/Terminal.h"
#include "core/model/OfflineSettings.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <algorithm>

namespace ArchiveSync {

namespace {
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
// sync-now --wait / flush --wait: how often to look, and when to give up (the job keeps running).
constexpr int kPollMsecs = 300;
constexpr qint64 kMaxWaitMsecs = 6LL * 3600 * 1000;

const QString kJson = QStringLiteral("json");
const QString kLoginHint = QStringLiteral("run 'archivesync login --server URL --user NAME'");

QString timeText(const QDateTime &t, const QString &none = QStringLiteral("-"))
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : none;
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

QString repositoryText(const Api::MailboxOfflineState &o)
{
    if (!o.hasRepository)
        return QStringLiteral("-");
    return QStringLiteral("generation %1 revision %2, %3 messages, %4")
        .arg(o.generation)
        .arg(o.revision)
        .arg(o.messageCount)
        .arg(OfflineSettings::humanSize(o.bytes));
}

QString activityText(const Api::JobActivity &a)
{
    QString text;
    if (!a.running) {
        text = QStringLiteral("idle");
    } else {
        text = QStringLiteral("running %1 (%2)").arg(a.running->kind, a.running->trigger);
        if (!a.running->mailbox.isEmpty())
            text += QStringLiteral(" on %1: %2/%3 messages")
                        .arg(a.running->mailbox)
                        .arg(a.running->done)
                        .arg(a.running->total);
    }
    if (a.queued > 0)
        text += QStringLiteral("; %1 queued").arg(a.queued);
    return text;
}

QString jobText(const Api::Job &j)
{
    QString text = QStringLiteral("job %1: %2 (%3) %4, %5 mailboxes, %6 segments, %7 messages, %8")
                       .arg(j.id)
                       .arg(j.kind, j.trigger, j.status)
                       .arg(j.mailboxes)
                       .arg(j.segments)
                       .arg(j.messages)
                       .arg(OfflineSettings::humanSize(j.bytes));
    if (j.finished.isValid())
        text += QStringLiteral(", finished %1").arg(timeText(j.finished));
    if (!j.errors.isEmpty())
        text += QStringLiteral("; errors: %1").arg(j.errors);
    return text;
}

/// The PEM certificates in `path`: at least one, or an error that says what is wrong with the file.
Result<QList<QSslCertificate>> readCaCertificates(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(
            QStringLiteral("cannot read the CA certificate file %1: %2").arg(path, file.errorString()));
    // A CA bundle is a few hundred kilobytes at most.
    const QByteArray pem = file.read(4 * 1024 * 1024);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates.isEmpty())
        return Error::invalid(QStringLiteral("%1 is not a PEM certificate file (it needs a "
                                             "-----BEGIN CERTIFICATE----- block)")
                                  .arg(path));
    return certificates;
}

/// "CN=archive.example.org, O=Example" from a certificate's subject or issuer.
QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts.append(QStringLiteral("%1=%2").arg(QString::fromLatin1(attribute), value));
    }
    return parts.isEmpty() ? QStringLiteral("(empty)") : parts.join(QStringLiteral(", "));
}

/// Why a TLS certificate was refused, and what a person needs to decide whether to trust it: the
/// certificate's names and its SHA-256 fingerprint (to compare with the server's) and the option to use.
QString untrustedCertificateText(const ApiError &error, const QString &caFile)
{
    QList<QSslCertificate> chain = error.peerCertificateChain;
    QStringList reasons;
    for (const QSslError &e : error.sslErrors) {
        if (!reasons.contains(e.errorString()))
            reasons.append(e.errorString());
        if (error.peerCertificateChain.isEmpty() && !e.certificate().isNull() &&
            !chain.contains(e.certificate()))
            chain.append(e.certificate());
    }
    QString text = QStringLiteral("\nthe service's TLS certificate is not trusted: %1")
                       .arg(reasons.join(QStringLiteral("; ")));
    if (!chain.isEmpty()) {
        const QSslCertificate &c = chain.first();
        text += QStringLiteral(
                    "\n  subject:     %1\n  issuer:      %2\n  SHA-256:     %3\n  valid:       %4 to %5")
                    .arg(distinguishedName(c, false), distinguishedName(c, true),
                         QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':').toUpper()),
                         c.effectiveDate().toUTC().toString(Qt::ISODate),
                         c.expiryDate().toUTC().toString(Qt::ISODate));
    }
    if (caFile.isEmpty())
        text += QStringLiteral("\nif this is your service's certificate (compare the fingerprint with "
                               "'openssl x509 -noout -fingerprint -sha256 -in CERT' on the server), trust it "
                               "or the CA that signed it with --ca-cert FILE (PEM); login keeps it for later "
                               "commands");
    else
        text += QStringLiteral("\nthe certificates in %1 (--ca-cert) do not vouch for it").arg(caFile);
    return text;
}

bool isValidServerUrl(const QUrl &url)
{
    return url.isValid() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
           !url.host().isEmpty() && !url.hasQuery() && !url.hasFragment();
}
} // namespace

AdminCli::AdminCli(QNetworkAccessManager &network, QTextStream &out, QTextStream &err)
    : m_network(network)
    , m_out(out)
    , m_err(err)
    , m_readSecret(&Terminal::readSecret)
{}

AdminCli::~AdminCli() = default;

void AdminCli::printUsage(QTextStream &s) const
{
    s << "Usage: archivesync [--config FILE] [--ca-cert FILE] COMMAND [ARGS]\n"
         "\n"
         "Session:\n"
         "  login --server URL --user NAME [--ca-cert FILE]\n"
         "                                   Sign in (password from $ARCHIVESYNC_PASSWORD, else asked for)\n"
         "  logout                           End the session and forget it\n"
         "  whoami [--json]                  Who the stored session belongs to\n"
         "Mailboxes:\n"
         "  mailboxes list [--json]          Archived mailboxes with their offline state\n"
         "  mailboxes add ADDR               Take a mailbox from the directory into management\n"
         "  mailboxes remove ADDR            Release it (it returns to the directory; its archive stays)\n"
         "  directory [--json]               Archived mailboxes not yet managed\n"
         "  permissions list ADDR [--json] | grant ADDR USER | revoke ADDR USER\n"
         "Offline sync:\n"
         "  offline enable ADDR [KEY=VALUE...]  Turn offline sync on (optionally with own settings)\n"
         "  offline disable ADDR             Turn it off (the repository is kept, not updated)\n"
         "  offline set ADDR KEY=VALUE...    Own settings for a mailbox (use-defaults=true drops them)\n"
         "  offline show ADDR [--json]       A mailbox's switch and the settings in force\n"
         "  offline defaults [KEY=VALUE...] [--json]  Show or change the default settings\n"
         "  schedule show [--json] | set daily HH:MM[,HH:MM...] | set weekly DAYS HH:MM | set every Nh\n"
         "  sync-now [ADDR...] [--wait] [--json]  Update repositories now (all enabled ones by default)\n"
         "  flush ADDR [--wait] [--json]     Discard a repository and rebuild it as a new generation\n"
         "  status [--json]                  Schedule, jobs, repositories and recent errors\n"
         "Accounts:\n"
         "  users list [--json]\n"
         "  users add NAME [--role admin|user] [--display-name TEXT]   (password from\n"
         "                                   $ARCHIVESYNC_NEW_PASSWORD, else asked for)\n"
         "  users set-password NAME | set-role NAME admin|user | remove NAME\n"
         "  devices list [--json] | revoke ID\n"
         "  audit [--limit N] [--json]       The audit log, newest first\n"
         "\n"
      << OfflineSettings::keyValueHelp()
      << "The login is kept in --config FILE, else $ARCHIVESYNC_CONFIG, else login.json in the user's\n"
         "configuration folder, readable by its owner only.\n"
         "--ca-cert FILE: for an https server whose certificate no system CA signed (self-signed, a private\n"
         "CA), the PEM certificates to trust instead; login keeps the file's path for later commands.\n"
         "Exit codes: 0 success, 1 failure, 2 bad usage.\n";
}

int AdminCli::usageError(const QString &message)
{
    m_err << "archivesync: " << message << "\n"
          << "Run 'archivesync --help' for usage.\n";
    m_err.flush();
    return kExitUsage;
}

int AdminCli::failure(const QString &message)
{
    m_err << "archivesync: " << message << "\n";
    m_err.flush();
    return kExitFailure;
}

int AdminCli::failure(const ApiError &error)
{
    QString message = error.message;
    if (!error.field.isEmpty() && !message.contains(error.field))
        message += QStringLiteral(" (%1)").arg(error.field);
    if (!error.sslErrors.isEmpty())
        message += untrustedCertificateText(error, m_caFileInUse);
    switch (error.category) {
    case ErrorCategory::Auth:
        // The stored session expired, was ended elsewhere, or the account's password changed.
        message += QStringLiteral("; sign in again with 'archivesync login'");
        break;
    case ErrorCategory::Throttled:
        if (error.queuePosition)
            message += QStringLiteral("; place %1 in the queue").arg(*error.queuePosition);
        if (error.retryAfterSeconds)
            message += QStringLiteral("; try again in %1 s").arg(*error.retryAfterSeconds);
        break;
    default:
        break;
    }
    return failure(message);
}

void AdminCli::printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Indented);
}

void AdminCli::printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths.append(h.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            // The last column is not padded: no trailing blanks.
            text += i + 1 < cells.size() ? cells.at(i).leftJustified(widths.value(i) + 2) : cells.at(i);
        }
        // An empty last cell would leave the padding of the one before it.
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        m_out << text << "\n";
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
}

std::optional<int> AdminCli::parse(QCommandLineParser &parser, const QStringList &args, bool json)
{
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("The login file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show usage."));
    const QCommandLineOption caCert(QStringLiteral("ca-cert"),
                                    QStringLiteral("PEM CA certificates to trust for https."),
                                    QStringLiteral("FILE"));
    parser.addOption(config);
    parser.addOption(caCert);
    parser.addOption(help);
    if (json)
        parser.addOption(QCommandLineOption(kJson, QStringLiteral("Print JSON for machines.")));
    if (!parser.parse(args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        printUsage(m_out);
        return 0;
    }
    if (parser.isSet(config))
        m_configOption = parser.value(config);
    if (parser.isSet(caCert))
        m_caCertOption = parser.value(caCert);
    return std::nullopt;
}

std::optional<int> AdminCli::connect()
{
    const QString path = CliConfig::resolvePath(m_configOption);
    Result<std::optional<CliConfig>> config = CliConfig::load(path);
    if (!config)
        return failure(config.errorString());
    if (!config->has_value())
        return failure(QStringLiteral("not signed in: %1").arg(kLoginHint));
    return makeClient(QUrl((*config)->server), (*config)->token, (*config)->caCertificates);
}

std::optional<int> AdminCli::makeClient(const QUrl &server, const QString &token, const QString &storedCaFile)
{
    m_client = std::make_unique<ApiClient>(m_network, server);
    m_client->setToken(token);
    m_caFileInUse = m_caCertOption.isEmpty() ? storedCaFile : m_caCertOption;
    if (m_caFileInUse.isEmpty())
        return std::nullopt;
    Result<QList<QSslCertificate>> certificates = readCaCertificates(m_caFileInUse);
    if (!certificates) {
        // A file named here is a usage error; one the login kept and that went away is not.
        if (!m_caCertOption.isEmpty())
            return usageError(certificates.errorString());
        return failure(QStringLiteral("%1 (kept by login: sign in again with --ca-cert FILE)")
                           .arg(certificates.errorString()));
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    // Only these vouch for the server, as with curl --cacert: not every CA the system trusts as well.
    ssl.setCaCertificates(*certificates);
    m_client->setSslConfiguration(ssl);
    return std::nullopt;
}

Result<QString> AdminCli::password(const char *variable, const QString &prompt, bool confirm)
{
    const QString fromEnvironment = qEnvironmentVariable(variable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const Error none =
        Error::invalid(QStringLiteral("no password given: type it, or set %1").arg(QLatin1String(variable)));
    const std::optional<QString> first = m_readSecret(prompt);
    if (!first || first->isEmpty())
        return none;
    // A typo in a new password would lock the account out: on a terminal it is typed twice.
    if (confirm && Terminal::stdinIsTerminal()) {
        const std::optional<QString> again = m_readSecret(QStringLiteral("Again: "));
        if (!again || *again != *first)
            return Error::invalid(QStringLiteral("the passwords do not match"));
    }
    return *first;
}

int AdminCli::run(const QStringList &argv)
{
    QStringList args = argv.mid(1);
    // Global options come before the command; --config is also taken after it.
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            printUsage(m_out);
            return 0;
        }
        if (option == QLatin1String("--version")) {
            m_out << "archivesync " << ARCHIVESYNC_VERSION << "\n";
            return 0;
        }
        if (option == QLatin1String("--config")) {
            if (args.isEmpty())
                return usageError(QStringLiteral("--config needs a file"));
            m_configOption = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--config="))) {
            m_configOption = option.mid(9);
        } else if (option == QLatin1String("--ca-cert")) {
            if (args.isEmpty())
                return usageError(QStringLiteral("--ca-cert needs a file"));
            m_caCertOption = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--ca-cert="))) {
            m_caCertOption = option.mid(10);
        } else {
            return usageError(QStringLiteral("unknown option %1").arg(option));
        }
    }
    if (args.isEmpty())
        return usageError(QStringLiteral("no command given"));
    static const QList<std::pair<QString, Command>> commands = {
        {QStringLiteral("login"), &AdminCli::login},
        {QStringLiteral("logout"), &AdminCli::logout},
        {QStringLiteral("whoami"), &AdminCli::whoami},
        {QStringLiteral("mailboxes"), &AdminCli::mailboxes},
        {QStringLiteral("directory"), &AdminCli::directory},
        {QStringLiteral("offline"), &AdminCli::offline},
        {QStringLiteral("schedule"), &AdminCli::schedule},
        {QStringLiteral("sync-now"), &AdminCli::syncNow},
        {QStringLiteral("flush"), &AdminCli::flush},
        {QStringLiteral("status"), &AdminCli::status},
        {QStringLiteral("users"), &AdminCli::users},
        {QStringLiteral("permissions"), &AdminCli::permissions},
        {QStringLiteral("devices"), &AdminCli::devices},
        {QStringLiteral("audit"), &AdminCli::audit},
    };
    const QString name = args.takeFirst();
    const auto it =
        std::find_if(commands.cbegin(), commands.cend(), [&name](const auto &c) { return c.first == name; });
    if (it == commands.cend())
        return usageError(QStringLiteral("unknown command '%1'").arg(name));
    // Each command's parser wants a program name first.
    args.prepend(QStringLiteral("archivesync ") + name);
    const int rc = (this->*(it->second))(args);
    m_out.flush();
    m_err.flush();
    return rc;
}

// ---- Session ----

int AdminCli::login(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The service URL."),
                                    QStringLiteral("URL"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("The username."),
                                  QStringLiteral("NAME"));
    parser.addOptions({server, user});
    if (std::optional<int> rc = parse(parser, args, false))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(user) || parser.value(user).trimmed().isEmpty())
        return usageError(QStringLiteral("login needs --user NAME"));
    const QString path = CliConfig::resolvePath(m_configOption);
    QString serverUrl = parser.value(server).trimmed();
    Result<std::optional<CliConfig>> previous = CliConfig::load(path);
    const bool hadLogin = previous && previous->has_value();
    // Signing in again: the server of the last login.
    if (serverUrl.isEmpty() && hadLogin)
        serverUrl = (*previous)->server;
    if (serverUrl.isEmpty())
        return usageError(QStringLiteral("login needs --server URL"));
    while (serverUrl.endsWith(QLatin1Char('/')))
        serverUrl.chop(1);
    const QUrl url(serverUrl, QUrl::StrictMode);
    if (!isValidServerUrl(url))
        return usageError(
            QStringLiteral("--server needs a URL like http://archive.example.org:8470, not '%1'")
                .arg(serverUrl));
    // The CA certificates kept for this server, unless others are given: checked before a password is
    // asked for, and kept as an absolute path so later commands find them from any folder.
    QString caFile = QFileInfo(m_caCertOption).absoluteFilePath();
    if (m_caCertOption.isEmpty())
        caFile = hadLogin && (*previous)->server == serverUrl ? (*previous)->caCertificates : QString();
    if (!caFile.isEmpty() && url.scheme() != QLatin1String("https"))
        return usageError(QStringLiteral("--ca-cert is for https:// servers, not %1").arg(serverUrl));
    if (std::optional<int> rc = makeClient(url, QString(), caFile))
        return *rc;
    const QString username = parser.value(user).trimmed();
    const Result<QString> secret = password(
        "ARCHIVESYNC_PASSWORD", QStringLiteral("Password for %1 at %2: ").arg(username, serverUrl), false);
    if (!secret)
        return failure(secret.errorString());

    ApiResult<Api::Session> session = m_client->waitFor(&ApiClient::signIn, username, *secret);
    if (!session) {
        // A refused password is the answer to this very command: no hint to sign in again.
        if (session.error().category == ErrorCategory::Auth)
            return failure(session.error().message);
        return failure(session.error());
    }
    CliConfig config;
    config.server = serverUrl;
    config.token = session->token;
    config.username = session->username;
    config.role = Api::roleName(session->role);
    config.expiresAt = session->expiresAt;
    config.caCertificates = caFile;
    if (Status st = config.save(path); !st.ok())
        return failure(st.errorString());
    m_out << "signed in to " << serverUrl << " as " << session->username << " (" << config.role << ") until "
          << timeText(session->expiresAt) << "\n";
    if (session->role != Api::Role::Admin)
        m_out << "note: most commands need an administrator\n";
    return 0;
}

int AdminCli::logout(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, false))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const QString path = CliConfig::resolvePath(m_configOption);
    Result<std::optional<CliConfig>> config = CliConfig::load(path);
    if (config && !config->has_value()) {
        m_out << "not signed in\n";
        return 0;
    }
    ApiResult<void> ended = ApiError::network(QString());
    if (config) {
        if (std::optional<int> rc =
                makeClient(QUrl((*config)->server), (*config)->token, (*config)->caCertificates)) {
            // Forgotten here all the same; the service ends the session when it expires.
            if (Status st = CliConfig::remove(path); !st.ok())
                return failure(st.errorString());
            return *rc;
        }
        ended = m_client->waitFor(&ApiClient::signOut);
    }
    // The local copy goes in any case; a token the service still honours is worth saying so.
    if (Status st = CliConfig::remove(path); !st.ok())
        return failure(st.errorString());
    if (config && !ended && ended.error().category != ErrorCategory::Auth)
        return failure(QStringLiteral("forgot the session here, but the service could not end it: %1")
                           .arg(ended.error().message));
    m_out << "signed out\n";
    return 0;
}

int AdminCli::whoami(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (std::optional<int> rc = connect())
        return *rc;
    ApiResult<Api::Me> me = m_client->waitFor(&ApiClient::whoAmI);
    if (!me)
        return failure(me.error());
    if (parser.isSet(kJson)) {
        printJson(me->toJson());
        return 0;
    }
    m_out << me->username << " (" << Api::roleName(me->role) << ") at " << m_client->baseUrl().toString()
          << "\n";
    return 0;
}

// ---- Mailboxes ----

int AdminCli::mailboxes(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    QStringList pos = parser.positionalArguments();
    const QString sub = pos.isEmpty() ? QStringLiteral("list") : pos.takeFirst();
    const bool json = parser.isSet(kJson);
    if (sub == QLatin1String("list")) {
        if (!pos.isEmpty())
            return usageError(QStringLiteral("unexpected argument '%1'").arg(pos.first()));
        if (std::optional<int> rc = connect())
            return *rc;
        ApiResult<QList<Api::Mailbox>> list = m_client->waitFor(&ApiClient::listMailboxes);
        if (!list)
            return failure(list.error());
        if (json) {
            printJson(Api::listToJson(*list));
            return 0;
        }
        if (list->isEmpty()) {
            m_out << "no mailboxes\n";
            return 0;
        }
        QList<QStringList> rows;
        for (const Api::Mailbox &m : std::as_const(*list)) {
            const QString offline =
                m.offline.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
            rows.append({m.address, yesNo(m.managed), QString::number(m.archivedMessages),
                         offline + (m.offline.useDefaults ? QString() : QStringLiteral(" (own settings)")),
                         repositoryText(m.offline)});
        }
        printTable({QStringLiteral("MAILBOX"), QStringLiteral("MANAGED"), QStringLiteral("ARCHIVED"),
                    QStringLiteral("OFFLINE"), QStringLiteral("REPOSITORY")},
                   rows);
        return 0;
    }
    if (sub == QLatin1String("add") || sub == QLatin1String("remove")) {
        if (pos.size() != 1)
            return usageError(QStringLiteral("mailboxes %1 needs one mailbox address").arg(sub));
        if (std::optional<int> rc = connect())
            return *rc;
        if (sub == QLatin1String("add")) {
            ApiResult<Api::Mailbox> mailbox = m_client->waitFor(&ApiClient::manageMailbox, pos.first());
            if (!mailbox)
                return failure(mailbox.error());
            if (json)
                printJson(mailbox->toJson());
            else
                m_out << mailbox->address << " is now managed (" << mailbox->archivedMessages
                      << " archived messages)\n";
            return 0;
        }
        ApiResult<void> removed = m_client->waitFor(&ApiClient::unmanageMailbox, pos.first());
        if (!removed)
            return failure(removed.error());
        if (json)
            printJson(
                QJsonObject{{QStringLiteral("address"), pos.first()}, {QStringLiteral("managed"), false}});
        else
            m_out << pos.first() << " is no longer managed; its archive stays\n";
        return 0;
    }
    return usageError(QStringLiteral("unknown mailboxes command '%1' (list, add, remove)").arg(sub));
}

int AdminCli::directory(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (std::optional<int> rc = connect())
        return *rc;
    ApiResult<QList<Api::DirectoryEntry>> list = m_client->waitFor(&ApiClient::listDirectory);
    if (!list)
        return failure(list.error());
    if (parser.isSet(kJson)) {
        printJson(Api::listToJson(*list));
        return 0;
    }
    if (list->isEmpty()) {
        m_out << "every archived mailbox is managed\n";
        return 0;
    }
    QList<QStringList> rows;
    for (const Api::DirectoryEntry &e : std::as_const(*list))
        rows.append({e.address, QString::number(e.archivedMessages), e.displayName});
    printTable({QStringLiteral("MAILBOX"), QStringLiteral("ARCHIVED"), QStringLiteral("NAME")}, rows);
    return 0;
}

int AdminCli::permissions(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    QStringList pos = parser.positionalArguments();
    const QString sub = pos.isEmpty() ? QString() : pos.takeFirst();
    const bool json = parser.isSet(kJson);
    if (sub == QLatin1String("list")) {
        if (pos.size() != 1)
            return usageError(QStringLiteral("permissions list needs one mailbox address"));
        if (std::optional<int> rc = connect())
            return *rc;
        ApiResult<QStringList> users = m_client->waitFor(&ApiClient::listPermissions, pos.first());
        if (!users)
            return failure(users.error());
        if (json)
            printJson(QJsonObject{{QStringLiteral("usernames"), QJsonArray::fromStringList(*users)}});
        else if (users->isEmpty())
            m_out << "only administrators may search into " << pos.first() << "\n";
        else
            for (const QString &u : std::as_const(*users))
                m_out << u << "\n";
        return 0;
    }
    if (sub == QLatin1String("grant") || sub == QLatin1String("revoke")) {
        if (pos.size() != 2)
            return usageError(
                QStringLiteral("permissions %1 needs a mailbox address and a username").arg(sub));
        if (std::optional<int> rc = connect())
            return *rc;
        const bool grant = sub == QLatin1String("grant");
        ApiResult<void> done = grant ? m_client->waitFor(&ApiClient::grantPermission, pos.at(0), pos.at(1))
                                     : m_client->waitFor(&ApiClient::revokePermission, pos.at(0), pos.at(1));
        if (!done)
            return failure(done.error());
        m_out << pos.at(1) << (grant ? " may now search into " : " may no longer search into ") << pos.at(0)
              << "\n";
        return 0;
    }
    return usageError(sub.isEmpty() ? QStringLiteral("permissions needs list, grant or revoke")
                                    : QStringLiteral("unknown permissions command '%1'").arg(sub));
}

// ---- Offline settings and schedule ----

std::optional<int> AdminCli::checkAssignments(const QStringList &assignments)
{
    // Checked before anything is sent, so a typo is a usage error even without a service to ask.
    OfflineSettings probe;
    for (const QString &assignment : assignments) {
        if (Status st = probe.applyKeyValue(assignment); !st.ok())
            return usageError(st.errorString());
    }
    return std::nullopt;
}

int AdminCli::offline(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return usageError(QStringLiteral("offline needs enable, disable, set, show or defaults"));
    const QString sub = pos.takeFirst();
    const bool json = parser.isSet(kJson);
    auto printSettings = [this](const OfflineSettings &s) {
        for (const QString &line : s.describe())
            m_out << "  " << line << "\n";
    };

    if (sub == QLatin1String("defaults")) {
        if (std::optional<int> rc = checkAssignments(pos))
            return *rc;
        if (std::optional<int> rc = connect())
            return *rc;
        ApiResult<OfflineSettings> defaults = m_client->waitFor(&ApiClient::getOfflineDefaults);
        if (!defaults)
            return failure(defaults.error());
        if (!pos.isEmpty()) {
            OfflineSettings changed = *defaults;
            for (const QString &assignment : std::as_const(pos)) {
                if (Status st = changed.applyKeyValue(assignment); !st.ok())
                    return usageError(st.errorString());
            }
            defaults = m_client->waitFor(&ApiClient::setOfflineDefaults, changed);
            if (!defaults)
                return failure(defaults.error());
        }
        if (json) {
            printJson(defaults->toJson());
            return 0;
        }
        m_out << "default offline settings:\n";
        printSettings(*defaults);
        return 0;
    }

    static const QStringList mailboxCommands = {QStringLiteral("enable"), QStringLiteral("disable"),
                                                QStringLiteral("set"), QStringLiteral("show")};
    if (!mailboxCommands.contains(sub))
        return usageError(QStringLiteral("unknown offline command '%1'").arg(sub));
    if (pos.isEmpty())
        return usageError(QStringLiteral("offline %1 needs a mailbox address").arg(sub));
    const QString address = pos.takeFirst();
    if ((sub == QLatin1String("disable") || sub == QLatin1String("show")) && !pos.isEmpty())
        return usageError(QStringLiteral("offline %1 takes only the mailbox address").arg(sub));
    if (sub == QLatin1String("set") && pos.isEmpty())
        return usageError(QStringLiteral("offline set needs KEY=VALUE settings"));

    std::optional<bool> useDefaults;
    QStringList assignments;
    for (const QString &assignment : std::as_const(pos)) {
        if (assignment.startsWith(QLatin1String("use-defaults="))) {
            const QString v = assignment.mid(13).toLower();
            if (v != QLatin1String("true") && v != QLatin1String("false"))
                return usageError(QStringLiteral("use-defaults: expected true or false, got '%1'").arg(v));
            useDefaults = v == QLatin1String("true");
        } else {
            assignments << assignment;
        }
    }
    if (useDefaults.value_or(false) && !assignments.isEmpty())
        return usageError(QStringLiteral("use-defaults=true cannot be combined with other settings"));
    if (std::optional<int> rc = checkAssignments(assignments))
        return *rc;

    if (std::optional<int> rc = connect())
        return *rc;
    ApiResult<Api::MailboxOfflineConfig> config = m_client->waitFor(&ApiClient::getMailboxOffline, address);
    if (!config)
        return failure(config.error());

    if (sub != QLatin1String("show")) {
        Api::MailboxOfflineChange change;
        if (sub != QLatin1String("set"))
            change.enabled = sub == QLatin1String("enable");
        if (useDefaults)
            change.useDefaults = *useDefaults;
        if (!assignments.isEmpty()) {
            // Own settings start from those in force, so naming one key changes only that one.
            OfflineSettings changed = config->settings;
            for (const QString &assignment : std::as_const(assignments)) {
                if (Status st = changed.applyKeyValue(assignment); !st.ok())
                    return usageError(st.errorString());
            }
            change.settings = changed;
        }
        config = m_client->waitFor(&ApiClient::setMailboxOffline, address, change);
        if (!config)
            return failure(config.error());
    }
    if (json) {
        printJson(config->toJson());
        return 0;
    }
    if (sub == QLatin1String("enable"))
        m_out << "offline sync enabled for " << address
              << "; its repository is built at the next update (or run 'archivesync sync-now " << address
              << "')\n";
    else if (sub == QLatin1String("disable"))
        m_out << "offline sync disabled for " << address << "; its repository is kept but not updated\n";
    else
        m_out << address << ": offline sync " << (config->enabled ? "enabled" : "disabled") << ", "
              << (config->useDefaults ? "default settings" : "own settings") << ":\n";
    if (sub != QLatin1String("disable"))
        printSettings(config->settings);
    return 0;
}

int AdminCli::schedule(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    QStringList pos = parser.positionalArguments();
    const QString sub = pos.isEmpty() ? QStringLiteral("show") : pos.takeFirst();
    ApiResult<Api::ScheduleView> view = ApiError::network(QString());
    if (sub == QLatin1String("show")) {
        if (!pos.isEmpty())
            return usageError(QStringLiteral("unexpected argument '%1'").arg(pos.first()));
        if (std::optional<int> rc = connect())
            return *rc;
        view = m_client->waitFor(&ApiClient::getSchedule);
    } else if (sub == QLatin1String("set")) {
        Result<Schedule> parsed = Schedule::parse(pos);
        if (!parsed)
            return usageError(parsed.errorString());
        if (std::optional<int> rc = connect())
            return *rc;
        view = m_client->waitFor(&ApiClient::setSchedule, *parsed);
    } else {
        return usageError(QStringLiteral("unknown schedule command '%1' (show, set)").arg(sub));
    }
    if (!view)
        return failure(view.error());
    if (parser.isSet(kJson)) {
        printJson(view->toJson());
        return 0;
    }
    m_out << (sub == QLatin1String("set") ? "schedule set: " : "schedule: ") << view->description << " ("
          << view->schedule.toString() << "), time zone " << view->timeZone << "\n";
    for (const QDateTime &t : std::as_const(view->nextRuns))
        m_out << "  next: " << timeText(t) << "\n";
    return 0;
}

// ---- Jobs and status ----

int AdminCli::waitForJobs(qint64 afterJobId, bool json)
{
    const QDeadlineTimer deadline(kMaxWaitMsecs);
    ApiResult<Api::JobList> jobs = ApiError::network(QString());
    QString lastProgress;
    while (true) {
        jobs = m_client->waitFor(&ApiClient::listJobs, 20);
        if (!jobs)
            return failure(jobs.error());
        if (jobs->activity.idle())
            break;
        if (deadline.hasExpired())
            return failure(QStringLiteral("the jobs are still running; see 'archivesync status'"));
        // Progress for a person watching; scripts read the result.
        const QString progress = activityText(jobs->activity);
        if (!json && progress != lastProgress) {
            m_err << progress << "\n";
            m_err.flush();
            lastProgress = progress;
        }
        QEventLoop pause;
        QTimer::singleShot(kPollMsecs, &pause, &QEventLoop::quit);
        pause.exec();
    }
    QList<Api::Job> finished;
    for (const Api::Job &j : std::as_const(jobs->jobs)) {
        if (j.id > afterJobId)
            finished.prepend(j); // oldest first
    }
    bool failed = false;
    for (const Api::Job &j : std::as_const(finished))
        failed = failed || j.status != QLatin1String("done") || !j.errors.isEmpty();
    if (json)
        printJson(Api::listToJson(finished));
    else
        for (const Api::Job &j : std::as_const(finished))
            m_out << jobText(j) << "\n";
    if (failed)
        return failure(QStringLiteral("a job failed; see 'archivesync status'"));
    return 0;
}

int AdminCli::runJob(bool wait, bool json, const std::function<ApiResult<Api::JobActivity>()> &start,
                     const QString &queued)
{
    qint64 lastJob = 0;
    if (wait) {
        ApiResult<Api::JobList> before = m_client->waitFor(&ApiClient::listJobs, 1);
        if (!before)
            return failure(before.error());
        lastJob = before->jobs.isEmpty() ? 0 : before->jobs.first().id;
    }
    ApiResult<Api::JobActivity> activity = start();
    if (!activity)
        return failure(activity.error());
    if (wait)
        return waitForJobs(lastJob, json);
    if (json) {
        printJson(activity->toJson());
        return 0;
    }
    m_out << queued << "; job thread: " << activityText(*activity) << "\n";
    return 0;
}

int AdminCli::syncNow(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption wait(QStringLiteral("wait"), QStringLiteral("Wait until the update is done."));
    parser.addOption(wait);
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    const QStringList mailboxes = parser.positionalArguments();
    if (std::optional<int> rc = connect())
        return *rc;
    return runJob(
        parser.isSet(wait), parser.isSet(kJson),
        [&] { return m_client->waitFor(&ApiClient::synchronizeNow, mailboxes); },
        QStringLiteral("update queued for %1")
            .arg(mailboxes.isEmpty() ? QStringLiteral("every enabled mailbox")
                                     : mailboxes.join(QStringLiteral(", "))));
}

int AdminCli::flush(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption wait(QStringLiteral("wait"), QStringLiteral("Wait until the rebuild is done."));
    parser.addOption(wait);
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("flush needs one mailbox address"));
    const QString address = parser.positionalArguments().first();
    if (std::optional<int> rc = connect())
        return *rc;
    return runJob(
        parser.isSet(wait), parser.isSet(kJson),
        [&] { return m_client->waitFor(&ApiClient::flushRepository, address); },
        QStringLiteral("flush queued for %1; laptops rebuild their copies when they see the new "
                       "generation")
            .arg(address));
}

int AdminCli::status(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (std::optional<int> rc = connect())
        return *rc;
    ApiResult<Api::ServiceStatus> status = m_client->waitFor(&ApiClient::serviceStatus);
    if (!status)
        return failure(status.error());
    ApiResult<QList<Api::Mailbox>> mailboxes = m_client->waitFor(&ApiClient::listMailboxes);
    if (!mailboxes)
        return failure(mailboxes.error());
    QList<Api::Mailbox> offline;
    for (const Api::Mailbox &m : std::as_const(*mailboxes)) {
        if (m.offline.enabled || m.offline.hasRepository)
            offline.append(m);
    }
    if (parser.isSet(kJson)) {
        QJsonObject o = status->toJson();
        o.insert(QStringLiteral("mailboxes"), Api::listToJson(offline));
        printJson(o);
        return 0;
    }
    m_out << "server:    " << m_client->baseUrl().toString() << "\n"
          << "schedule:  " << status->scheduleDescription << ", next run " << timeText(status->nextRun)
          << ", last run " << timeText(status->lastRun, QStringLiteral("never")) << "\n"
          << "jobs:      " << activityText(status->activity) << "\n";
    if (!status->recentJobs.isEmpty())
        m_out << "last job:  " << jobText(status->recentJobs.first()) << "\n";
    m_out << "\n";
    if (offline.isEmpty()) {
        m_out << "no mailbox has offline sync enabled\n";
    } else {
        QList<QStringList> rows;
        for (const Api::Mailbox &m : std::as_const(offline)) {
            const Api::MailboxOfflineState &o = m.offline;
            rows.append({m.address, o.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"),
                         o.hasRepository ? QString::number(o.generation) : QStringLiteral("-"),
                         o.hasRepository ? QString::number(o.revision) : QStringLiteral("-"),
                         o.hasRepository ? QString::number(o.messageCount) : QStringLiteral("-"),
                         o.hasRepository ? OfflineSettings::humanSize(o.bytes) : QStringLiteral("-"),
                         o.hasRepository ? timeText(o.updated) : QStringLiteral("not built yet")});
        }
        printTable({QStringLiteral("MAILBOX"), QStringLiteral("OFFLINE"), QStringLiteral("GENERATION"),
                    QStringLiteral("REVISION"), QStringLiteral("MESSAGES"), QStringLiteral("SIZE"),
                    QStringLiteral("UPDATED")},
                   rows);
    }
    if (!status->recentErrors.isEmpty()) {
        m_out << "\nrecent errors:\n";
        for (const Api::JobError &e : std::as_const(status->recentErrors))
            m_out << "  job " << e.job << " (" << timeText(e.finished) << "): " << e.errors << "\n";
    }
    return 0;
}

// ---- Accounts ----

int AdminCli::users(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("admin or user."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption displayName(QStringLiteral("display-name"), QStringLiteral("A name for people."),
                                         QStringLiteral("TEXT"));
    parser.addOptions({role, displayName});
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    QStringList pos = parser.positionalArguments();
    const QString sub = pos.isEmpty() ? QStringLiteral("list") : pos.takeFirst();
    const bool json = parser.isSet(kJson);
    if (sub != QLatin1String("add") && (parser.isSet(role) || parser.isSet(displayName)))
        return usageError(QStringLiteral("--role and --display-name are for users add"));

    if (sub == QLatin1String("list")) {
        if (!pos.isEmpty())
            return usageError(QStringLiteral("unexpected argument '%1'").arg(pos.first()));
        if (std::optional<int> rc = connect())
            return *rc;
        ApiResult<QList<Api::User>> list = m_client->waitFor(&ApiClient::listUsers);
        if (!list)
            return failure(list.error());
        if (json) {
            printJson(Api::listToJson(*list));
            return 0;
        }
        QList<QStringList> rows;
        for (const Api::User &u : std::as_const(*list))
            rows.append({u.username, Api::roleName(u.role), timeText(u.created), u.displayName});
        printTable({QStringLiteral("USERNAME"), QStringLiteral("ROLE"), QStringLiteral("CREATED"),
                    QStringLiteral("NAME")},
                   rows);
        return 0;
    }

    static const QStringList known = {QStringLiteral("add"), QStringLiteral("set-password"),
                                      QStringLiteral("set-role"), QStringLiteral("remove")};
    if (!known.contains(sub))
        return usageError(QStringLiteral("unknown users command '%1'").arg(sub));
    const int expected = sub == QLatin1String("set-role") ? 2 : 1;
    if (pos.size() != expected)
        return usageError(sub == QLatin1String("set-role")
                              ? QStringLiteral("users set-role needs NAME admin|user")
                              : QStringLiteral("users %1 needs one username").arg(sub));
    const QString username = pos.first();
    std::optional<Api::Role> newRole;
    if (sub == QLatin1String("add") && parser.isSet(role))
        newRole = Api::roleFromName(parser.value(role));
    else if (sub == QLatin1String("set-role"))
        newRole = Api::roleFromName(pos.at(1));
    if ((sub == QLatin1String("set-role") || parser.isSet(role)) && !newRole)
        return usageError(QStringLiteral("the role must be admin or user"));
    if (std::optional<int> rc = connect())
        return *rc;

    if (sub == QLatin1String("remove")) {
        ApiResult<void> removed = m_client->waitFor(&ApiClient::deleteUser, username);
        if (!removed)
            return failure(removed.error());
        m_out << "user " << username << " removed, with their devices and permissions\n";
        return 0;
    }
    std::optional<QString> secret;
    if (sub != QLatin1String("set-role")) {
        Result<QString> typed =
            password("ARCHIVESYNC_NEW_PASSWORD", QStringLiteral("New password for %1: ").arg(username), true);
        if (!typed)
            return failure(typed.errorString());
        secret = *typed;
    }
    ApiResult<Api::User> user = ApiError::network(QString());
    if (sub == QLatin1String("add")) {
        Api::NewUser fresh;
        fresh.username = username;
        fresh.password = *secret;
        fresh.role = newRole.value_or(Api::Role::User);
        fresh.displayName = parser.value(displayName);
        user = m_client->waitFor(&ApiClient::createUser, fresh);
    } else {
        Api::UserChange change;
        change.password = secret;
        change.role = newRole;
        user = m_client->waitFor(&ApiClient::updateUser, username, change);
    }
    if (!user)
        return failure(user.error());
    if (json)
        printJson(user->toJson());
    else if (sub == QLatin1String("add"))
        m_out << "user " << user->username << " created (" << Api::roleName(user->role) << ")\n";
    else if (sub == QLatin1String("set-role"))
        m_out << user->username << " is now " << (user->role == Api::Role::Admin ? "an admin" : "a user")
              << "\n";
    else
        m_out << "password of " << user->username << " changed; their sessions have ended\n";
    return 0;
}

int AdminCli::devices(const QStringList &args)
{
    QCommandLineParser parser;
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    QStringList pos = parser.positionalArguments();
    const QString sub = pos.isEmpty() ? QStringLiteral("list") : pos.takeFirst();
    if (sub == QLatin1String("list")) {
        if (!pos.isEmpty())
            return usageError(QStringLiteral("unexpected argument '%1'").arg(pos.first()));
        if (std::optional<int> rc = connect())
            return *rc;
        ApiResult<QList<Api::Device>> list = m_client->waitFor(&ApiClient::listDevices);
        if (!list)
            return failure(list.error());
        if (parser.isSet(kJson)) {
            printJson(Api::listToJson(*list));
            return 0;
        }
        if (list->isEmpty()) {
            m_out << "no devices registered\n";
            return 0;
        }
        QList<QStringList> rows;
        for (const Api::Device &d : std::as_const(*list))
            rows.append({QString::number(d.id), d.username, timeText(d.created),
                         timeText(d.lastSeen, QStringLiteral("never")),
                         d.isRevoked() ? QStringLiteral("revoked %1").arg(timeText(d.revoked))
                                       : QStringLiteral("active"),
                         d.name});
        printTable({QStringLiteral("ID"), QStringLiteral("USER"), QStringLiteral("REGISTERED"),
                    QStringLiteral("LAST SEEN"), QStringLiteral("STATE"), QStringLiteral("NAME")},
                   rows);
        return 0;
    }
    if (sub == QLatin1String("revoke")) {
        bool ok = false;
        const qint64 id = pos.value(0).toLongLong(&ok);
        if (pos.size() != 1 || !ok || id <= 0)
            return usageError(
                QStringLiteral("devices revoke needs one device id (a number, see 'devices list')"));
        if (std::optional<int> rc = connect())
            return *rc;
        ApiResult<void> revoked = m_client->waitFor(&ApiClient::revokeDevice, id);
        if (!revoked)
            return failure(revoked.error());
        m_out << "device " << id << " revoked; its token no longer works\n";
        return 0;
    }
    return usageError(QStringLiteral("unknown devices command '%1' (list, revoke)").arg(sub));
}

int AdminCli::audit(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("How many entries (1-1000)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    parser.addOption(limit);
    if (std::optional<int> rc = parse(parser, args, true))
        return *rc;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    bool ok = false;
    const int n = parser.value(limit).toInt(&ok);
    if (!ok || n < 1 || n > 1000)
        return usageError(QStringLiteral("--limit must be a number from 1 to 1000"));
    if (std::optional<int> rc = connect())
        return *rc;
    ApiResult<QList<Api::AuditEntry>> entries = m_client->waitFor(&ApiClient::listAudit, n);
    if (!entries)
        return failure(entries.error());
    if (parser.isSet(kJson)) {
        printJson(Api::listToJson(*entries));
        return 0;
    }
    QList<QStringList> rows;
    for (const Api::AuditEntry &e : std::as_const(*entries))
        rows.append({timeText(e.at), e.username, e.action, e.target, e.detail});
    printTable({QStringLiteral("AT"), QStringLiteral("USER"), QStringLiteral("ACTION"),
                QStringLiteral("TARGET"), QStringLiteral("DETAIL")},
               rows);
    return 0;
}

} // namespace ArchiveSync
