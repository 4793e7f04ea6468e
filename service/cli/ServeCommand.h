// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "service/cli/ServiceConfig.h"

#include <QObject>
#include <QTextStream>

namespace ArchiveSync {

class ServiceContext;

/// \brief `serve`: repairs leftovers, creates the first administrator, then serves the REST API and runs
/// scheduled repository updates until SIGTERM or SIGINT.
class ServeCommand : public QObject
{
    Q_OBJECT
public:
    using Options = ServiceConfig;

    ServeCommand(ServiceContext &ctx, Options options, QObject *parent = nullptr);

    int exec(QTextStream &out, QTextStream &err);

private:
    ServiceContext &m_ctx;
    Options m_options;
};

} // namespace ArchiveSync
