// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace ArchiveSync {

/// \brief The service's metadata store: one named Qt Sql connection, migrated to the current schema.
///
/// SQLite (the embedded default) runs in WAL mode with full sync; the schema is plain SQL
/// that PostgreSQL runs as well. Each Database object owns its own connection, so each thread
/// opens its own.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating) an SQLite database file and migrates it.
    Status openSqlite(const QString &path);
    void close();

    int schemaVersion() const;
    static int latestSchemaVersion();

    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }

    /// Runs a statement with bound parameters; the query is positioned before its first row.
    Result<QSqlQuery> exec(const QString &sql, std::initializer_list<QVariant> params = {}) const;
    /// Runs an INSERT ... RETURNING id and gives the new id.
    Result<qint64> insert(const QString &sql, std::initializer_list<QVariant> params = {}) const;

    Status begin();
    Status commit();
    void rollback();

private:
    Status migrate();
    Status applyPragmas();

    QString m_connectionName;
    bool m_inTransaction = false;
};

/// \brief Rolls back on scope exit unless commit() was called: an error path never leaves a half-done write.
class Transaction
{
public:
    explicit Transaction(Database &db)
        : m_db(db)
    {
        m_status = db.begin();
    }
    ~Transaction()
    {
        if (m_status.ok() && !m_committed)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &status() const { return m_status; }
    Status commit()
    {
        if (!m_status.ok())
            return m_status;
        m_committed = true;
        return m_db.commit();
    }

private:
    Database &m_db;
    Status m_status;
    bool m_committed = false;
};

} // namespace ArchiveSync
