// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace ArchiveSync::Testing {

/// \brief A real archivesync-service process for integration tests: `serve` on 127.0.0.1 with a
/// system-chosen port, plus one-shot CLI commands on the same data directory.
class ServiceProcess
{
public:
    ServiceProcess(QString binary, QString dataDir);
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    /// Starts `serve --listen 127.0.0.1:0` (plus the serve arguments set) and waits until it prints the
    /// URL it listens on.
    bool start(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
               int timeoutMsecs = 30000);
    /// SIGTERM, then waits; true when it exited normally with code 0.
    bool stop();
    /// SIGKILL, as a crash would.
    void kill();

    QUrl baseUrl() const { return m_baseUrl; }
    /// More `serve` options for the next start(), e.g. {"--config", file}.
    void setServeArguments(const QStringList &args) { m_serveArgs = args; }
    QProcess &process() { return m_process; }
    /// Everything `serve` printed so far on stdout and stderr.
    QByteArray output();

    /// Runs one CLI command on the data directory; returns its exit code (-1 on a crash or timeout).
    int runCli(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr) const;

private:
    QString m_binary;
    QString m_dataDir;
    QStringList m_serveArgs;
    QProcess m_process;
    QUrl m_baseUrl;
    QByteArray m_output;
};

} // namespace ArchiveSync::Testing
