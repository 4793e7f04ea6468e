// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QStringList>

namespace ArchiveSync {

/// \brief One step of the schema: statements run together in one transaction.
struct Migration
{
    int version;
    QStringList statements;
};

/// \brief Every migration in order. "{{id}}" stands for the dialect's auto-increment primary key.
const QList<Migration> &schemaMigrations();

} // namespace ArchiveSync
