// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/localstore/MailboxStore.h"
#include "core/localstore/MessageCipher.h"
#include "core/sync/AgentState.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace ArchiveSync {
class ApiClient;
}

namespace ArchiveSync::Testing {

/// \brief What one archivesync-agent command did.
struct AgentRun
{
    int exitCode = -1; ///< -1: crashed or timed out
    QByteArray out;
    QByteArray err;
};

/// \brief A real archivesync-agent on one data directory, driven as a person or a script would: one
/// command at a time, or `--headless` in the background, steered over its control socket.
class AgentProcess
{
public:
    AgentProcess(QString binary, QString dataDir, QString password);

    QString dataDir() const { return m_dataDir; }
    /// The file device key, never the OS keychain; the password for `setup`.
    QProcessEnvironment environment() const;

    AgentRun run(const QString &command, const QStringList &args = {}, int timeoutMsecs = 180000) const;
    /// `setup` for `user` at `server`; exit code 0 on success.
    AgentRun setup(const QUrl &server, const QString &user) const;
    /// Starts `--headless` and waits until its control socket answers (nullptr when it does not).
    QProcess *startHeadless(QObject *parent) const;
    /// The running agent's status (empty when none answers).
    QJsonObject status() const;
    /// One mailbox of status() (empty when absent).
    QJsonObject mailboxStatus(const QString &address) const;
    bool quit() const;

    /// One mailbox of a status object.
    static QJsonObject mailboxIn(const QJsonObject &status, const QString &address);

private:
    QString m_binary;
    QString m_dataDir;
    QString m_password;
};

/// \brief An agent's local copy of one mailbox, opened the way the agent opens it.
struct LocalCopy
{
    AgentState state;
    std::unique_ptr<MessageCipher> cipher;
    std::unique_ptr<MailboxStore> store;
};

/// Signs `admin` in as the service's administrator and makes `user` (role user) with the right to search
/// into each of `mailboxes` (taken into management first); an empty string on success, else what failed.
QString createSearchingUser(ApiClient &admin, const QString &adminPassword, const QString &user,
                            const QString &password, const QStringList &mailboxes);

/// One row of docs/RELIABILITY.md's table: printed, and appended to $ARCHIVESYNC_FAULT_REPORT when set.
void reportFaultResult(const QString &scenario, int tried, int survived, int lost, const QString &notes);

/// Nothing when the agent has no complete copy of `address`.
std::optional<LocalCopy> openLocalCopy(const QString &dataDir, const QString &address);

} // namespace ArchiveSync::Testing
