// SPDX-License-Identifier: Apache-2.0
#include "service/store/Migrations.h"

namespace ArchiveSync {

// Times are BIGINT milliseconds since the epoch (UTC) and booleans INTEGER 0/1, so that SQLite
// and PostgreSQL read the same statements. Never edit a released migration: add one.
const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations = {
        {1,
         {
             QStringLiteral("CREATE TABLE users ("
                            " id {{id}},"
                            " username TEXT NOT NULL UNIQUE,"
                            " display_name TEXT NOT NULL DEFAULT '',"
                            " role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),"
                            " password_hash TEXT,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE storage_repositories ("
                            " id {{id}},"
                            " name TEXT NOT NULL UNIQUE,"
                            " kind TEXT NOT NULL CHECK (kind IN ('disk', 'storage-manager')),"
                            " path TEXT NOT NULL,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE mailboxes ("
                            " id {{id}},"
                            " address TEXT NOT NULL UNIQUE,"
                            " display_name TEXT NOT NULL DEFAULT '',"
                            " owner_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,"
                            " default_storage_id BIGINT NOT NULL REFERENCES storage_repositories(id),"
                            " managed INTEGER NOT NULL DEFAULT 0,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE folders ("
                 " id {{id}},"
                 " mailbox_id BIGINT NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
                 " path TEXT NOT NULL,"
                 " kind TEXT NOT NULL CHECK (kind IN ('mail', 'contacts', 'calendar', 'tasks', 'notes')),"
                 " UNIQUE (mailbox_id, path))"),
             QStringLiteral(
                 "CREATE TABLE archive_runs ("
                 " id {{id}},"
                 " mailbox_id BIGINT NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
                 " source TEXT NOT NULL,"
                 " started_at BIGINT NOT NULL,"
                 " finished_at BIGINT,"
                 " status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),"
                 " archived INTEGER NOT NULL DEFAULT 0,"
                 " duplicates INTEGER NOT NULL DEFAULT 0,"
                 " unreadable INTEGER NOT NULL DEFAULT 0,"
                 " bytes BIGINT NOT NULL DEFAULT 0,"
                 " error TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE messages ("
                            " id {{id}},"
                            " mailbox_id BIGINT NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
                            " folder_id BIGINT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,"
                            " storage_id BIGINT NOT NULL REFERENCES storage_repositories(id),"
                            " archive_run_id BIGINT REFERENCES archive_runs(id) ON DELETE SET NULL,"
                            " sha256 TEXT NOT NULL,"
                            " size BIGINT NOT NULL,"
                            " message_id TEXT NOT NULL DEFAULT '',"
                            " from_addr TEXT NOT NULL DEFAULT '',"
                            " to_addr TEXT NOT NULL DEFAULT '',"
                            " cc_addr TEXT NOT NULL DEFAULT '',"
                            " subject TEXT NOT NULL DEFAULT '',"
                            " sent_at BIGINT,"
                            " is_signed INTEGER NOT NULL DEFAULT 0,"
                            " is_encrypted INTEGER NOT NULL DEFAULT 0,"
                            " has_attachments INTEGER NOT NULL DEFAULT 0,"
                            " archived_at BIGINT NOT NULL,"
                            " UNIQUE (folder_id, sha256))"),
             QStringLiteral("CREATE INDEX messages_by_mailbox ON messages (mailbox_id, id)"),
             QStringLiteral("CREATE TABLE offline_defaults ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " settings TEXT NOT NULL,"
                            " changed_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE mailbox_offline ("
                            " mailbox_id BIGINT PRIMARY KEY REFERENCES mailboxes(id) ON DELETE CASCADE,"
                            " enabled INTEGER NOT NULL DEFAULT 0,"
                            " use_defaults INTEGER NOT NULL DEFAULT 1,"
                            " settings TEXT,"
                            " changed_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE permissions ("
                            " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " mailbox_id BIGINT NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
                            " granted_at BIGINT NOT NULL,"
                            " PRIMARY KEY (user_id, mailbox_id))"),
             QStringLiteral("CREATE TABLE schedule ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " spec TEXT NOT NULL,"
                            " last_run_slot BIGINT,"
                            " changed_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE jobs ("
                            " id {{id}},"
                            " kind TEXT NOT NULL,"
                            " trigger_kind TEXT NOT NULL,"
                            " started_at BIGINT NOT NULL,"
                            " finished_at BIGINT,"
                            " status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),"
                            " mailboxes INTEGER NOT NULL DEFAULT 0,"
                            " segments INTEGER NOT NULL DEFAULT 0,"
                            " messages INTEGER NOT NULL DEFAULT 0,"
                            " bytes BIGINT NOT NULL DEFAULT 0,"
                            " errors TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE offline_repositories ("
                            " mailbox_id BIGINT PRIMARY KEY REFERENCES mailboxes(id) ON DELETE CASCADE,"
                            " generation BIGINT NOT NULL,"
                            " revision BIGINT NOT NULL,"
                            " settings_fingerprint TEXT NOT NULL,"
                            " generation_created_at BIGINT NOT NULL,"
                            " updated_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE offline_segments ("
                            " id {{id}},"
                            " mailbox_id BIGINT NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
                            " generation BIGINT NOT NULL,"
                            " sequence INTEGER NOT NULL,"
                            " sha256 TEXT NOT NULL,"
                            " kind TEXT NOT NULL CHECK (kind IN ('index', 'bodies')),"
                            " folder TEXT NOT NULL DEFAULT '',"
                            " size BIGINT NOT NULL,"
                            " messages INTEGER NOT NULL,"
                            " tombstones INTEGER NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " UNIQUE (mailbox_id, generation, sequence))"),
             // What the current generation of each repository holds; no foreign key to messages,
             // so that a message removed from the archive can still be tombstoned.
             QStringLiteral("CREATE TABLE offline_entries ("
                            " mailbox_id BIGINT NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
                            " message_id BIGINT NOT NULL,"
                            " delivery TEXT NOT NULL,"
                            " PRIMARY KEY (mailbox_id, message_id))"),
         }},
        // Authentication for the REST API: devices (tray agents), API tokens, the audit log.
        // Tokens are stored only as the SHA-256 hex of the token text.
        {2,
         {
             QStringLiteral("CREATE TABLE devices ("
                            " id {{id}},"
                            " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " name TEXT NOT NULL,"
                            " created_at BIGINT NOT NULL,"
                            " last_seen_at BIGINT,"
                            " revoked_at BIGINT,"
                            " state TEXT NOT NULL DEFAULT '{}')"),
             QStringLiteral("CREATE TABLE api_tokens ("
                            " id {{id}},"
                            " token_hash TEXT NOT NULL UNIQUE,"
                            " kind TEXT NOT NULL CHECK (kind IN ('session', 'device')),"
                            " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                            " device_id BIGINT REFERENCES devices(id) ON DELETE CASCADE,"
                            " created_at BIGINT NOT NULL,"
                            " expires_at BIGINT,"
                            " revoked_at BIGINT)"),
             QStringLiteral("CREATE INDEX api_tokens_by_user ON api_tokens (user_id)"),
             // username is text, not a reference: the log outlives the accounts it mentions.
             QStringLiteral("CREATE TABLE audit_log ("
                            " id {{id}},"
                            " at BIGINT NOT NULL,"
                            " username TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " target TEXT NOT NULL DEFAULT '',"
                            " detail TEXT NOT NULL DEFAULT '')"),
         }},
    };
    return migrations;
}

} // namespace ArchiveSync
