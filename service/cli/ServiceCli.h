// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"

#include <QStringList>
#include <QTextStream>

namespace ArchiveSync {

class ServiceContext;

/// \brief The archivesync-service command line: archive, offline, update, flush, status, schedule, serve.
///
/// Each command prints a short human summary, or JSON with --json; errors go to stderr with a
/// non-zero exit code (2 for bad usage, 1 for failures).
class ServiceCli
{
public:
    ServiceCli(const Clock &clock, QTextStream &out, QTextStream &err);

    /// args as main() receives them (the program name first).
    int run(const QStringList &args);

private:
    int archive(ServiceContext &ctx, const QStringList &args);
    int mailboxes(ServiceContext &ctx, const QStringList &args);
    int storage(ServiceContext &ctx, const QStringList &args);
    int offline(ServiceContext &ctx, const QStringList &args);
    int update(ServiceContext &ctx, const QStringList &args, bool flush);
    int status(ServiceContext &ctx, const QStringList &args);
    int schedule(ServiceContext &ctx, const QStringList &args);
    int jobs(ServiceContext &ctx, const QStringList &args);
    int serve(ServiceContext &ctx, const QStringList &args);

    int usageError(const QString &message);
    int failure(const QString &message);
    void printUsage(QTextStream &stream) const;

    const Clock &m_clock;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace ArchiveSync
