// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/sync/AgentState.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;
class QNetworkAccessManager;

namespace ArchiveSync {

class MessageCipher;
class MailboxStore;

/// \brief `archivesync-agent` on the command line: setup, the headless agent, and the commands that
/// talk to it (or work on the data directory directly when no agent runs).
///
/// Exit codes: 0 success, 1 failure (explained on stderr), 2 bad usage, 3 the device was revoked.
class AgentCli
{
public:
    using SecretReader = std::function<std::optional<QString>()>;

    AgentCli(QNetworkAccessManager &network, QTextStream &out, QTextStream &err);
    ~AgentCli();

    /// Where the password comes from when ARCHIVESYNC_PASSWORD is not set (default: a line of stdin).
    void setSecretReader(SecretReader reader) { m_readSecret = std::move(reader); }
    /// args as main() receives them (the program name first).
    int run(const QStringList &args);

    /// The data directory used when --data-dir is not given.
    static QString defaultDataDirectory();
    /// "30m", "2h", "1d", "90s" or a plain number of seconds.
    static std::optional<qint64> parseDuration(const QString &text);

private:
    using Command = int (AgentCli::*)(const QStringList &);

    int headless(const QStringList &args);
    int setup(const QStringList &args);
    int status(const QStringList &args);
    int syncNow(const QStringList &args);
    int open(const QStringList &args);
    int search(const QStringList &args);
    int pause(const QStringList &args);
    int resume(const QStringList &args);
    int reset(const QStringList &args);
    int verify(const QStringList &args);
    int folders(const QStringList &args);
    int bandwidth(const QStringList &args);

    std::optional<int> parse(QCommandLineParser &parser, const QStringList &args);
    /// Loads agent.json and the device key; an exit code when either fails or no account is set up.
    std::optional<int> loadLocal(bool needAccount);
    Result<std::unique_ptr<MailboxStore>> openCopy(const AgentMailbox &mailbox);
    int runEngineOnce(bool json);
    QJsonObject localStatus();
    void printStatus(const QJsonObject &status, bool json);

    int usageError(const QString &message);
    int failure(const QString &message);

    QNetworkAccessManager &m_network;
    QTextStream &m_out;
    QTextStream &m_err;
    SecretReader m_readSecret;
    QString m_dataDirectory;
    AgentState m_state;
    std::unique_ptr<MessageCipher> m_cipher;
    bool m_showKeyWarning = false;
};

} // namespace ArchiveSync
