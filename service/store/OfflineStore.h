// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/OfflineSettings.h"
#include "core/repository/Manifest.h"
#include "service/store/Database.h"

#include <QHash>
#include <QList>

#include <optional>

namespace ArchiveSync {

/// \brief A mailbox's offline sync switch and its settings override, if any.
struct MailboxOfflineConfig
{
    bool enabled = false;
    bool useDefaults = true;
    std::optional<OfflineSettings> override; ///< present when useDefaults is false
};

/// \brief What the store records of a repository's current generation.
struct RepositoryState
{
    qint64 mailboxId = 0;
    qint64 generation = 0;
    qint64 revision = 0;
    QString settingsFingerprint;
    QDateTime generationCreated;
    QDateTime updated;
    QList<SegmentInfo> segments;
};

/// \brief The change one repository update commits: new segments and entry changes.
struct RepositoryCommit
{
    qint64 mailboxId = 0;
    qint64 generation = 0;
    qint64 revision = 0;
    bool newGeneration = false; ///< drop every segment and entry of older generations
    QString settingsFingerprint;
    QDateTime generationCreated;
    QDateTime updated;
    QList<SegmentInfo> segments;         ///< appended after the existing ones
    QHash<qint64, QString> addedEntries; ///< message id -> delivery name
    QList<qint64> removedEntries;
};

/// \brief Offline settings (defaults and per mailbox) and offline repository state.
class OfflineStore
{
public:
    explicit OfflineStore(Database &db)
        : m_db(db)
    {}

    Result<OfflineSettings> defaults() const;
    Status setDefaults(const OfflineSettings &settings, const QDateTime &now);

    Result<MailboxOfflineConfig> mailboxConfig(qint64 mailboxId) const;
    Status setMailboxConfig(qint64 mailboxId, const MailboxOfflineConfig &config, const QDateTime &now);
    /// The settings in force for a mailbox: its override, or the defaults.
    Result<OfflineSettings> effectiveSettings(qint64 mailboxId) const;

    Result<std::optional<RepositoryState>> repository(qint64 mailboxId) const;
    Result<QList<qint64>> repositoryMailboxIds() const;
    /// message id -> delivery name, for the current generation.
    Result<QHash<qint64, QString>> entries(qint64 mailboxId) const;
    Result<qint64> entryCount(qint64 mailboxId) const;
    /// Applies a repository update in one transaction.
    Status commit(const RepositoryCommit &change);

private:
    Database &m_db;
};

} // namespace ArchiveSync
