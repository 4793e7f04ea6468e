// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/repository/Manifest.h"
#include "service/store/ArchiveStore.h"
#include "service/store/OfflineStore.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace ArchiveSync {

/// \brief What one repository update did.
struct RepositoryUpdate
{
    QString mailbox;
    qint64 generation = 0;
    qint64 revision = 0;
    bool changed = false; ///< false: nothing new, nothing written
    bool rebuilt = false; ///< a new generation (flush, first build, or changed settings)
    int segments = 0;
    qint64 bytes = 0;
    int messagesAdded = 0;
    int tombstones = 0;

    QJsonObject toJson() const;
};

/// \brief Builds and repairs mailboxes' offline repositories on disk.
///
/// Order of writes, so that a crash anywhere leaves a consistent repository:
/// 1. segments are written under temporary names, fsynced and renamed (durable, unreferenced);
/// 2. the store commits the new segment list and entries in one transaction;
/// 3. the manifest is rendered from the store and replaced atomically.
/// recover() removes what a crash left between these steps and rewrites a stale manifest, so a
/// manifest never names a missing or partial segment. Callers hold the repositories lock.
class RepositoryBuilder
{
public:
    struct Limits
    {
        qint64 maxSegmentEntryBytes = 64LL * 1024 * 1024;
        int maxSegmentRecords = 20000;
    };
    using Progress = std::function<void(const QString &mailbox, qint64 done, qint64 total)>;

    RepositoryBuilder(ArchiveStore &archive, OfflineStore &offline, const Clock &clock, QString root);

    void setLimits(const Limits &limits) { m_limits = limits; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /// Appends what was archived since the last update; with flush, rebuilds as generation + 1.
    Result<RepositoryUpdate> update(qint64 mailboxId, bool flush);
    /// Removes leftovers of interrupted builds and rewrites manifests that differ from the store.
    Status recover();

    QString repositoryDir(qint64 mailboxId) const;
    QString generationDir(qint64 mailboxId, qint64 generation) const;
    QString manifestPath(qint64 mailboxId) const;
    QString segmentPath(qint64 mailboxId, qint64 generation, const QString &sha256) const;
    /// The manifest as the store describes it (what manifest.json must contain).
    Result<Manifest> manifestFromStore(qint64 mailboxId) const;

private:
    Status writeManifest(qint64 mailboxId);
    Status removeStaleFiles(qint64 mailboxId, const RepositoryState &state);

    ArchiveStore &m_archive;
    OfflineStore &m_offline;
    const Clock &m_clock;
    QString m_root;
    Limits m_limits;
    Progress m_progress;
};

} // namespace ArchiveSync
