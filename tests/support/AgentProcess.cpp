// SPDX-License-Identifier: Apache-2.0
#include "tests/support/AgentProcess.h"

#include "core/api/ApiClient.h"
#include "core/localstore/DeviceKey.h"
#include "core/sync/AgentControl.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

namespace ArchiveSync::Testing {

AgentProcess::AgentProcess(QString binary, QString dataDir, QString password)
    : m_binary(std::move(binary))
    , m_dataDir(std::move(dataDir))
    , m_password(std::move(password))
{}

QProcessEnvironment AgentProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ARCHIVESYNC_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("ARCHIVESYNC_PASSWORD"), m_password);
    env.remove(QStringLiteral("ARCHIVESYNC_VERBOSE"));
    return env;
}

AgentRun AgentProcess::run(const QString &command, const QStringList &args, int timeoutMsecs) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_binary, QStringList{command, QStringLiteral("--data-dir"), m_dataDir} + args);
    process.closeWriteChannel();
    AgentRun run;
    if (!process.waitForFinished(timeoutMsecs)) {
        process.kill();
        process.waitForFinished();
        run.err = process.readAllStandardError();
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

AgentRun AgentProcess::setup(const QUrl &server, const QString &user) const
{
    return run(QStringLiteral("setup"),
               {QStringLiteral("--server"), server.toString(), QStringLiteral("--user"), user,
                QStringLiteral("--device-name"), QFileInfo(m_dataDir).fileName()});
}

QProcess *AgentProcess::startHeadless(QObject *parent) const
{
    auto *process = new QProcess(parent);
    process->setProcessEnvironment(environment());
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(m_binary, {QStringLiteral("--headless"), QStringLiteral("--data-dir"), m_dataDir});
    QElapsedTimer timer;
    timer.start();
    while (status().isEmpty() && timer.elapsed() < 10000) {
        if (process->state() == QProcess::NotRunning)
            return nullptr;
        QThread::msleep(20);
    }
    return status().isEmpty() ? nullptr : process;
}

QJsonObject AgentProcess::status() const
{
    Result<QJsonObject> answer =
        AgentControlClient::request(m_dataDir, {{QStringLiteral("command"), QStringLiteral("status")}}, 5000);
    return answer ? answer->value(QStringLiteral("status")).toObject() : QJsonObject();
}

QJsonObject AgentProcess::mailboxIn(const QJsonObject &status, const QString &address)
{
    for (const QJsonValue &m : status.value(QStringLiteral("mailboxes")).toArray())
        if (m.toObject().value(QStringLiteral("address")).toString() == address)
            return m.toObject();
    return {};
}

QJsonObject AgentProcess::mailboxStatus(const QString &address) const
{
    return mailboxIn(status(), address);
}

bool AgentProcess::quit() const
{
    return AgentControlClient::request(m_dataDir, {{QStringLiteral("command"), QStringLiteral("quit")}}).ok();
}

void reportFaultResult(const QString &scenario, int tried, int survived, int lost, const QString &notes)
{
    const QString row = QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                            .arg(scenario)
                            .arg(tried)
                            .arg(survived)
                            .arg(lost)
                            .arg(notes);
    qInfo().noquote() << "FAULT-RESULT" << row.trimmed();
    const QString file = qEnvironmentVariable("ARCHIVESYNC_FAULT_REPORT");
    if (file.isEmpty())
        return;
    QFile out(file);
    if (out.open(QIODevice::Append))
        out.write(row.toUtf8());
}

QString createSearchingUser(ApiClient &admin, const QString &adminPassword, const QString &user,
                            const QString &password, const QStringList &mailboxes)
{
    ApiResult<Api::Session> session =
        admin.waitFor(&ApiClient::signIn, QStringLiteral("admin"), adminPassword);
    if (!session)
        return QStringLiteral("admin sign-in: ") + session.errorString();
    admin.setToken(session->token);
    Api::NewUser account;
    account.username = user;
    account.password = password;
    if (ApiResult<Api::User> created = admin.waitFor(&ApiClient::createUser, account); !created)
        return QStringLiteral("create %1: %2").arg(user, created.errorString());
    for (const QString &mailbox : mailboxes) {
        if (ApiResult<Api::Mailbox> managed = admin.waitFor(&ApiClient::manageMailbox, mailbox); !managed)
            return QStringLiteral("manage %1: %2").arg(mailbox, managed.errorString());
        if (ApiResult<void> granted = admin.waitFor(&ApiClient::grantPermission, mailbox, user); !granted)
            return QStringLiteral("grant %1: %2").arg(mailbox, granted.errorString());
    }
    return {};
}

std::optional<LocalCopy> openLocalCopy(const QString &dataDir, const QString &address)
{
    LocalCopy copy;
    Result<AgentState> state = AgentState::load(dataDir);
    if (!state || !state->mailbox(address) || state->mailbox(address)->generation == 0)
        return std::nullopt;
    copy.state = *state;
    Result<DeviceKey::Loaded> key = DeviceKey::loadOrCreate(dataDir, false);
    if (!key)
        return std::nullopt;
    copy.cipher = std::make_unique<MessageCipher>(key->key);
    const AgentMailbox &m = *copy.state.mailbox(address);
    Result<std::unique_ptr<MailboxStore>> store =
        MailboxStore::open(AgentState::copyDirectory(dataDir, m.address, m.generation), *copy.cipher);
    if (!store)
        return std::nullopt;
    copy.store = std::move(*store);
    return copy;
}

} // namespace ArchiveSync::Testing
