// SPDX-License-Identifier: Apache-2.0
#include "tests/support/ServiceProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <csignal>

namespace ArchiveSync::Testing {

ServiceProcess::ServiceProcess(QString binary, QString dataDir)
    : m_binary(std::move(binary))
    , m_dataDir(std::move(dataDir))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServiceProcess::~ServiceProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop();
}

bool ServiceProcess::start(const QProcessEnvironment &environment, int timeoutMsecs)
{
    m_process.setProcessEnvironment(environment);
    m_process.start(m_binary, QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("serve"),
                                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} +
                                  m_serveArgs);
    if (!m_process.waitForStarted(timeoutMsecs))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (https?://\\S+)"));
    const QDeadlineTimer deadline(timeoutMsecs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        m_output += m_process.readAll();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    return false;
}

bool ServiceProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return false;
    }
    m_output += m_process.readAll();
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

void ServiceProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

QByteArray ServiceProcess::output()
{
    m_output += m_process.readAll();
    return m_output;
}

int ServiceProcess::runCli(const QStringList &args, QByteArray *out, QByteArray *err) const
{
    QProcess cli;
    cli.start(m_binary, QStringList{QStringLiteral("--data-dir"), m_dataDir} + args);
    if (!cli.waitForFinished(300000))
        return -1;
    if (out)
        *out = cli.readAllStandardOutput();
    if (err)
        *err = cli.readAllStandardError();
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

} // namespace ArchiveSync::Testing
