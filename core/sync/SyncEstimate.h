// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/FolderKind.h"
#include "core/model/OfflineSettings.h"
#include "core/repository/Manifest.h"

#include <QList>
#include <QString>

namespace ArchiveSync {

/// \brief One folder whose full messages the service offers, with what keeping it whole costs.
struct FolderEstimate
{
    QString path;
    FolderKind kind = FolderKind::Mail;
    qint64 bodyBytes = 0; ///< compressed, as downloaded
    qint64 bodyMessages = 0;
    bool operator==(const FolderEstimate &) const = default;
};

/// \brief What an initial sync of one mailbox will download and store, from its manifest.
///
/// Every `index` segment is always fetched (headers of every message, and the always-whole ones:
/// signed, encrypted, contacts, calendars...); a `bodies/<folder>` segment only when the laptop keeps
/// that folder whole. The disk estimate allows for the stored messages being uncompressed and indexed.
class SyncEstimate
{
public:
    /// Stored size per downloaded (zstd-compressed) byte: mail compresses about 3:1, plus the index.
    static constexpr double kDiskFactor = 3.5;

    SyncEstimate() = default;
    static SyncEstimate fromManifest(const Manifest &manifest);

    qint64 indexBytes() const { return m_indexBytes; }
    qint64 messages() const { return m_messages; }
    /// Folders with bodies on offer, by path.
    const QList<FolderEstimate> &folders() const { return m_folders; }

    /// What the laptop downloads with these folder choices. Excluded folders still come with the
    /// index segments (they are skipped when applied).
    qint64 downloadBytes(const OfflineSettings &choice) const;
    /// What the copy will take on disk, roughly.
    static qint64 diskBytes(qint64 downloadBytes);

    /// The first-run defaults (as Kerio's offline client chose them): Inbox whole, other mail folders
    /// headers only, contacts/calendar/tasks/notes whole (the service sends those, and signed or
    /// encrypted mail, whole anyway).
    static OfflineSettings defaultChoice(const QStringList &folderPaths);
    /// Nothing of the mailbox on this laptop.
    static OfflineSettings nothing();
    static bool isNothing(const OfflineSettings &choice);

private:
    qint64 m_indexBytes = 0;
    qint64 m_messages = 0;
    QList<FolderEstimate> m_folders;
};

} // namespace ArchiveSync
