// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QTextStream>

namespace ArchiveSync {

class ServiceContext;

/// \brief `serve`: repairs leftovers, then runs scheduled repository updates until SIGTERM or SIGINT.
class ServeCommand : public QObject
{
    Q_OBJECT
public:
    explicit ServeCommand(ServiceContext &ctx, QObject *parent = nullptr);

    int exec(QTextStream &out, QTextStream &err);

private:
    ServiceContext &m_ctx;
};

} // namespace ArchiveSync
