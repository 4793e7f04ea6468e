// SPDX-License-Identifier: Apache-2.0
#include "service/store/Database.h"
#include "service/store/Migrations.h"

#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

namespace {
QStringList tableNames(const Database &db)
{
    QStringList names;
    auto q = db.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    if (!q)
        return names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

int rowCount(const Database &db, const QString &table)
{
    auto q = db.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    if (!q || !q->next())
        return -1;
    return q->value(0).toInt();
}

// A storage repository row: the smallest table without foreign keys.
Result<qint64> insertStorage(const Database &db, const QString &name)
{
    return db.insert(QStringLiteral("INSERT INTO storage_repositories (name, kind, path, created_at)"
                                    " VALUES (?, 'disk', '/x', 1) RETURNING id"),
                     {name});
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void migratesToLatest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database db;
        const Status st = db.openSqlite(dir.filePath(QStringLiteral("archive.db")));
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QCOMPARE(Database::latestSchemaVersion(), schemaMigrations().constLast().version);
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(rowCount(db, QStringLiteral("schema_version")), 1);
        const QStringList tables = tableNames(db);
        for (const char *table :
             {"users", "storage_repositories", "mailboxes", "folders", "archive_runs", "messages",
              "offline_defaults", "mailbox_offline", "permissions", "schedule", "jobs",
              "offline_repositories", "offline_segments", "offline_entries"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("archive.db"))));
    }

    void pragmasApplied()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.openSqlite(dir.filePath(QStringLiteral("archive.db"))).ok());
        auto mode = db.exec(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode && mode->next());
        QCOMPARE(mode->value(0).toString().toLower(), QStringLiteral("wal"));
        auto fk = db.exec(QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(fk && fk->next());
        QCOMPARE(fk->value(0).toInt(), 1);
        // Foreign keys are enforced: a mailbox needs an existing storage repository.
        auto bad = db.exec(QStringLiteral("INSERT INTO mailboxes (address, default_storage_id, created_at)"
                                          " VALUES ('a@b.c', 4242, 1)"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().category, ErrorCategory::Database);
    }

    void reopenIsIdempotent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("archive.db"));
        {
            Database db;
            QVERIFY(db.openSqlite(path).ok());
            QVERIFY(insertStorage(db, QStringLiteral("kept")).ok());
        }
        for (int i = 0; i < 2; ++i) {
            Database db;
            const Status st = db.openSqlite(path);
            QVERIFY2(st.ok(), qPrintable(st.errorString()));
            QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
            QCOMPARE(rowCount(db, QStringLiteral("schema_version")), 1);
            QCOMPARE(rowCount(db, QStringLiteral("storage_repositories")), 1);
        }
    }

    void twoConnectionsSameFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("archive.db"));
        Database a;
        Database b;
        QVERIFY(a.openSqlite(path).ok());
        QVERIFY(b.openSqlite(path).ok());
        QVERIFY(a.connection().connectionName() != b.connection().connectionName());
        QVERIFY(insertStorage(a, QStringLiteral("one")).ok());
        QCOMPARE(rowCount(b, QStringLiteral("storage_repositories")), 1);
    }

    void newerSchemaRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("archive.db"));
        const int newer = Database::latestSchemaVersion() + 1;
        {
            Database db;
            QVERIFY(db.openSqlite(path).ok());
            QVERIFY(db.exec(QStringLiteral("UPDATE schema_version SET version = ?"), {newer}).ok());
        }
        Database db;
        const Status st = db.openSqlite(path);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Database);
        QVERIFY2(st.errorString().contains(QString::number(newer)), qPrintable(st.errorString()));
        QVERIFY2(st.errorString().contains(QStringLiteral("newer")), qPrintable(st.errorString()));
        QVERIFY2(st.errorString().contains(QStringLiteral("upgrade")), qPrintable(st.errorString()));
        // Nothing was downgraded.
        QCOMPARE(db.schemaVersion(), newer);
    }

    void unopenableFileFails()
    {
        QTemporaryDir dir;
        Database db;
        // A directory where the file should be.
        const Status st = db.openSqlite(dir.path());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Database);
    }

    void transactionRollsBackOnScopeExit()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.openSqlite(dir.filePath(QStringLiteral("archive.db"))).ok());
        {
            Transaction tx(db);
            QVERIFY(tx.status().ok());
            QVERIFY(insertStorage(db, QStringLiteral("gone")).ok());
            QCOMPARE(rowCount(db, QStringLiteral("storage_repositories")), 1);
        }
        QCOMPARE(rowCount(db, QStringLiteral("storage_repositories")), 0);
        {
            Transaction tx(db);
            QVERIFY(insertStorage(db, QStringLiteral("kept")).ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(rowCount(db, QStringLiteral("storage_repositories")), 1);
        // After a rollback and a commit the connection takes new transactions.
        {
            Transaction tx(db);
            QVERIFY(tx.status().ok());
            QVERIFY(insertStorage(db, QStringLiteral("again")).ok());
        }
        QCOMPARE(rowCount(db, QStringLiteral("storage_repositories")), 1);
    }

    void execBindsParameters()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.openSqlite(dir.filePath(QStringLiteral("archive.db"))).ok());
        Result<qint64> first = insertStorage(db, QStringLiteral("alpha"));
        Result<qint64> second = insertStorage(db, QStringLiteral("beta"));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(*second > *first);
        auto q = db.exec(QStringLiteral("SELECT id, name FROM storage_repositories WHERE name = ? OR id = ?"
                                        " ORDER BY id"),
                         {QStringLiteral("beta"), QVariant::fromValue<qint64>(-1)});
        QVERIFY(q.ok());
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toLongLong(), *second);
        QCOMPARE(q->value(1).toString(), QStringLiteral("beta"));
        QVERIFY(!q->next());

        // A quote in a bound value is data, not SQL.
        QVERIFY(insertStorage(db, QStringLiteral("o'brien; DROP TABLE mailboxes")).ok());
        auto quoted = db.exec(QStringLiteral("SELECT COUNT(*) FROM storage_repositories WHERE name = ?"),
                              {QStringLiteral("o'brien; DROP TABLE mailboxes")});
        QVERIFY(quoted && quoted->next());
        QCOMPARE(quoted->value(0).toInt(), 1);

        // Errors carry the statement and the driver's reason.
        auto broken = db.exec(QStringLiteral("SELECT nope FROM storage_repositories"));
        QVERIFY(!broken);
        QCOMPARE(broken.error().category, ErrorCategory::Database);
        QVERIFY(broken.errorString().contains(QStringLiteral("nope")));
        auto duplicate = insertStorage(db, QStringLiteral("alpha"));
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().category, ErrorCategory::Database);
    }

    void nullStringBindsEmptyButInvalidVariantBindsNull()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.openSqlite(dir.filePath(QStringLiteral("archive.db"))).ok());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (k INTEGER, v TEXT)")).ok());
        QVERIFY(db.exec(QStringLiteral("INSERT INTO t VALUES (1, ?)"), {QString()}).ok());
        QVERIFY(db.exec(QStringLiteral("INSERT INTO t VALUES (2, ?)"), {QVariant()}).ok());
        QVERIFY(db.exec(QStringLiteral("INSERT INTO t VALUES (3, ?)"), {QStringLiteral("")}).ok());
        QVERIFY(db.exec(QStringLiteral("INSERT INTO t VALUES (4, ?)"), {QStringLiteral("x")}).ok());
        auto q = db.exec(QStringLiteral("SELECT k, v IS NULL, v FROM t ORDER BY k"));
        QVERIFY(q.ok());
        const QList<std::pair<bool, QString>> expected = {
            {false, QString()}, {true, QString()}, {false, QString()}, {false, QStringLiteral("x")}};
        for (const auto &[isNull, value] : expected) {
            QVERIFY(q->next());
            QCOMPARE(q->value(1).toBool(), isNull);
            QCOMPARE(q->value(2).toString(), value);
        }
        // The NOT NULL text columns accept an absent display name.
        QVERIFY(insertStorage(db, QStringLiteral("s")).ok());
        QVERIFY(db.exec(QStringLiteral(
                            "INSERT INTO mailboxes (address, display_name, default_storage_id, created_at)"
                            " VALUES ('a@b.c', ?, 1, 1)"),
                        {QString()})
                    .ok());
    }

    void insertReturnsId()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.openSqlite(dir.filePath(QStringLiteral("archive.db"))).ok());
        auto id = insertStorage(db, QStringLiteral("x"));
        QVERIFY(id.ok());
        QCOMPARE(*id, 1);
        auto noId = db.insert(QStringLiteral("UPDATE storage_repositories SET name = 'y' WHERE id = 99"));
        QVERIFY(!noId);
        QCOMPARE(noId.error().category, ErrorCategory::Database);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
