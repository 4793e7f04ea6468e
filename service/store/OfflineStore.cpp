// SPDX-License-Identifier: Apache-2.0
#include "service/store/OfflineStore.h"

#include "service/store/ArchiveStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ArchiveSync {

namespace {
Result<OfflineSettings> settingsFromText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return Error::database(QStringLiteral("stored offline settings are not a JSON object"));
    return OfflineSettings::fromJson(doc.object());
}

QString settingsToText(const OfflineSettings &settings)
{
    return QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact));
}
} // namespace

Result<OfflineSettings> OfflineStore::defaults() const
{
    auto q = m_db.exec(QStringLiteral("SELECT settings FROM offline_defaults WHERE id = 1"));
    if (!q)
        return q.error();
    if (!q->next())
        return OfflineSettings{};
    return settingsFromText(q->value(0).toString());
}

Status OfflineStore::setDefaults(const OfflineSettings &settings, const QDateTime &now)
{
    if (Status valid = settings.validate(); !valid.ok())
        return valid;
    auto q =
        m_db.exec(QStringLiteral("INSERT INTO offline_defaults (id, settings, changed_at) VALUES (1, ?, ?)"
                                 " ON CONFLICT (id) DO UPDATE SET settings = excluded.settings,"
                                 " changed_at = excluded.changed_at"),
                  {settingsToText(settings), toDbTime(now)});
    if (!q)
        return q.error();
    return {};
}

Result<MailboxOfflineConfig> OfflineStore::mailboxConfig(qint64 mailboxId) const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT enabled, use_defaults, settings FROM mailbox_offline WHERE mailbox_id = ?"),
        {mailboxId});
    if (!q)
        return q.error();
    MailboxOfflineConfig config;
    if (!q->next())
        return config;
    config.enabled = q->value(0).toBool();
    config.useDefaults = q->value(1).toBool();
    if (!config.useDefaults && !q->value(2).isNull()) {
        Result<OfflineSettings> settings = settingsFromText(q->value(2).toString());
        if (!settings)
            return settings.error();
        config.override = *settings;
    }
    return config;
}

Status OfflineStore::setMailboxConfig(qint64 mailboxId, const MailboxOfflineConfig &config,
                                      const QDateTime &now)
{
    if (!config.useDefaults) {
        if (!config.override)
            return Error::invalid(
                QStringLiteral("a mailbox that does not use the defaults needs its own settings"));
        if (Status valid = config.override->validate(); !valid.ok())
            return valid;
    }
    const QVariant settings =
        config.useDefaults || !config.override ? QVariant() : QVariant(settingsToText(*config.override));
    auto q = m_db.exec(
        QStringLiteral(
            "INSERT INTO mailbox_offline (mailbox_id, enabled, use_defaults, settings, changed_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (mailbox_id) DO UPDATE SET enabled = excluded.enabled,"
            " use_defaults = excluded.use_defaults, settings = excluded.settings,"
            " changed_at = excluded.changed_at"),
        {mailboxId, config.enabled ? 1 : 0, config.useDefaults ? 1 : 0, settings, toDbTime(now)});
    if (!q)
        return q.error();
    return {};
}

Result<OfflineSettings> OfflineStore::effectiveSettings(qint64 mailboxId) const
{
    Result<MailboxOfflineConfig> config = mailboxConfig(mailboxId);
    if (!config)
        return config.error();
    if (!config->useDefaults && config->override)
        return *config->override;
    return defaults();
}

Result<std::optional<RepositoryState>> OfflineStore::repository(qint64 mailboxId) const
{
    auto q =
        m_db.exec(QStringLiteral("SELECT generation, revision, settings_fingerprint, generation_created_at,"
                                 " updated_at FROM offline_repositories WHERE mailbox_id = ?"),
                  {mailboxId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<RepositoryState>();
    RepositoryState state;
    state.mailboxId = mailboxId;
    state.generation = q->value(0).toLongLong();
    state.revision = q->value(1).toLongLong();
    state.settingsFingerprint = q->value(2).toString();
    state.generationCreated = fromDbTime(q->value(3));
    state.updated = fromDbTime(q->value(4));
    auto s = m_db.exec(
        QStringLiteral("SELECT sequence, sha256, kind, folder, size, messages, tombstones, created_at"
                       " FROM offline_segments WHERE mailbox_id = ? AND generation = ?"
                       " ORDER BY sequence"),
        {mailboxId, state.generation});
    if (!s)
        return s.error();
    while (s->next()) {
        SegmentInfo info;
        info.sequence = s->value(0).toInt();
        info.sha256 = s->value(1).toString();
        info.kind =
            s->value(2).toString() == QLatin1String("bodies") ? SegmentKind::Bodies : SegmentKind::Index;
        info.folder = s->value(3).toString();
        info.size = s->value(4).toLongLong();
        info.messages = s->value(5).toInt();
        info.tombstones = s->value(6).toInt();
        info.created = fromDbTime(s->value(7));
        state.segments.append(info);
    }
    return std::optional<RepositoryState>(state);
}

Result<QList<qint64>> OfflineStore::repositoryMailboxIds() const
{
    auto q = m_db.exec(QStringLiteral("SELECT mailbox_id FROM offline_repositories ORDER BY mailbox_id"));
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    return ids;
}

Result<QHash<qint64, QString>> OfflineStore::entries(qint64 mailboxId) const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT message_id, delivery FROM offline_entries WHERE mailbox_id = ?"), {mailboxId});
    if (!q)
        return q.error();
    QHash<qint64, QString> map;
    while (q->next())
        map.insert(q->value(0).toLongLong(), q->value(1).toString());
    return map;
}

Result<qint64> OfflineStore::entryCount(qint64 mailboxId) const
{
    auto q =
        m_db.exec(QStringLiteral("SELECT COUNT(*) FROM offline_entries WHERE mailbox_id = ?"), {mailboxId});
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

Status OfflineStore::commit(const RepositoryCommit &change)
{
    Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status();
    if (change.newGeneration) {
        for (const char *sql : {"DELETE FROM offline_segments WHERE mailbox_id = ?",
                                "DELETE FROM offline_entries WHERE mailbox_id = ?"}) {
            if (auto q = m_db.exec(QLatin1String(sql), {change.mailboxId}); !q)
                return q.error();
        }
    }
    auto q = m_db.exec(
        QStringLiteral(
            "INSERT INTO offline_repositories (mailbox_id, generation, revision, settings_fingerprint,"
            " generation_created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (mailbox_id) DO UPDATE SET generation = excluded.generation,"
            " revision = excluded.revision, settings_fingerprint = excluded.settings_fingerprint,"
            " generation_created_at = excluded.generation_created_at, updated_at = excluded.updated_at"),
        {change.mailboxId, change.generation, change.revision, change.settingsFingerprint,
         toDbTime(change.generationCreated), toDbTime(change.updated)});
    if (!q)
        return q.error();
    for (const SegmentInfo &s : change.segments) {
        auto ins =
            m_db.exec(QStringLiteral("INSERT INTO offline_segments (mailbox_id, generation, sequence, sha256,"
                                     " kind, folder, size, messages, tombstones, created_at)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {change.mailboxId, change.generation, s.sequence, s.sha256, segmentKindName(s.kind),
                       s.folder, s.size, s.messages, s.tombstones, toDbTime(s.created)});
        if (!ins)
            return ins.error();
    }
    for (qint64 id : change.removedEntries) {
        if (auto del = m_db.exec(
                QStringLiteral("DELETE FROM offline_entries WHERE mailbox_id = ? AND message_id = ?"),
                {change.mailboxId, id});
            !del)
            return del.error();
    }
    for (auto it = change.addedEntries.cbegin(); it != change.addedEntries.cend(); ++it) {
        if (auto ins =
                m_db.exec(QStringLiteral("INSERT INTO offline_entries (mailbox_id, message_id, delivery)"
                                         " VALUES (?, ?, ?)"),
                          {change.mailboxId, it.key(), it.value()});
            !ins)
            return ins.error();
    }
    return tx.commit();
}

} // namespace ArchiveSync
