// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiClient.h"

#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;
class QNetworkAccessManager;

namespace ArchiveSync {

/// \brief The `archivesync` admin command line: the service's REST API for administrators and scripts.
///
/// `login` keeps the server and a session token in a file of the user's (see CliConfig); every other
/// command uses them. Output is plain text, or JSON with --json where a command prints data. Exit codes:
/// 0 success, 1 failure (with the service's explanation), 2 bad usage.
class AdminCli
{
public:
    /// Reads a secret (a password) after showing a prompt; nothing at end of input.
    using SecretReader = std::function<std::optional<QString>(const QString &prompt)>;

    AdminCli(QNetworkAccessManager &network, QTextStream &out, QTextStream &err);
    ~AdminCli();

    /// Where passwords come from when no environment variable gives one (default: the terminal).
    void setSecretReader(SecretReader reader) { m_readSecret = std::move(reader); }

    /// args as main() receives them (the program name first).
    int run(const QStringList &args);

private:
    using Command = int (AdminCli::*)(const QStringList &);

    int login(const QStringList &args);
    int logout(const QStringList &args);
    int whoami(const QStringList &args);
    int mailboxes(const QStringList &args);
    int directory(const QStringList &args);
    int offline(const QStringList &args);
    int schedule(const QStringList &args);
    int syncNow(const QStringList &args);
    int flush(const QStringList &args);
    int status(const QStringList &args);
    int users(const QStringList &args);
    int permissions(const QStringList &args);
    int devices(const QStringList &args);
    int audit(const QStringList &args);

    /// Parses a command's arguments with its own options plus --config; a usage exit code on failure.
    std::optional<int> parse(QCommandLineParser &parser, const QStringList &args, bool json);
    /// Connects with the stored login; a failure exit code when there is none.
    std::optional<int> connect();
    /// A client for `server` and `token` that trusts the CA certificates of --ca-cert, else those of
    /// `storedCaFile` (from the login), else the system's; an exit code when the file cannot serve.
    std::optional<int> makeClient(const QUrl &server, const QString &token, const QString &storedCaFile);
    /// Requests a job with `start`; with `wait` waits for it and reports the jobs it ran, else says what
    /// was `queued` (or prints the job thread's activity as JSON).
    int runJob(bool wait, bool json, const std::function<ApiResult<Api::JobActivity>()> &start,
               const QString &queued);
    /// Waits for the job thread to go idle and reports the jobs after `afterJobId`.
    int waitForJobs(qint64 afterJobId, bool json);
    /// A usage exit code when a KEY=VALUE setting is malformed.
    std::optional<int> checkAssignments(const QStringList &assignments);
    /// A password from `variable`, else from the secret reader; `confirm` asks twice on a terminal.
    Result<QString> password(const char *variable, const QString &prompt, bool confirm);

    int usageError(const QString &message);
    int failure(const QString &message);
    int failure(const ApiError &error);
    void printJson(const QJsonValue &value);
    void printTable(const QStringList &header, const QList<QStringList> &rows);
    void printUsage(QTextStream &stream) const;

    QNetworkAccessManager &m_network;
    QTextStream &m_out;
    QTextStream &m_err;
    SecretReader m_readSecret;
    QString m_configOption; ///< --config as given, before the command or after it
    QString m_caCertOption; ///< --ca-cert as given, before the command or after it
    QString m_caFileInUse;  ///< the CA certificates the client trusts; empty: the system's
    std::unique_ptr<ApiClient> m_client;
};

} // namespace ArchiveSync
