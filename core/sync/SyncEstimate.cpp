// SPDX-License-Identifier: Apache-2.0
#include "core/sync/SyncEstimate.h"

#include <QMap>

#include <cmath>

namespace ArchiveSync {

SyncEstimate SyncEstimate::fromManifest(const Manifest &manifest)
{
    SyncEstimate estimate;
    estimate.m_messages = manifest.messageCount;
    QMap<QString, FolderEstimate> byPath;
    for (const SegmentInfo &segment : manifest.segments) {
        if (segment.kind == SegmentKind::Index) {
            estimate.m_indexBytes += segment.size;
            continue;
        }
        FolderEstimate &folder = byPath[segment.folder];
        folder.path = segment.folder;
        folder.kind = guessFolderKind(segment.folder);
        folder.bodyBytes += segment.size;
        folder.bodyMessages += segment.messages;
    }
    estimate.m_folders = byPath.values();
    return estimate;
}

qint64 SyncEstimate::downloadBytes(const OfflineSettings &choice) const
{
    if (isNothing(choice))
        return m_indexBytes;
    qint64 total = m_indexBytes;
    for (const FolderEstimate &folder : m_folders)
        if (choice.policyFor(folder.path) == FolderPolicy::Whole)
            total += folder.bodyBytes;
    return total;
}

qint64 SyncEstimate::diskBytes(qint64 downloadBytes)
{
    return qint64(std::ceil(double(downloadBytes) * kDiskFactor));
}

OfflineSettings SyncEstimate::defaultChoice(const QStringList &folderPaths)
{
    OfflineSettings choice;
    choice.defaultFolderPolicy = FolderPolicy::HeadersOnly;
    choice.folderPolicies.clear();
    choice.folderPolicies.insert(QStringLiteral("Inbox"), FolderPolicy::Whole);
    for (const QString &path : folderPaths) {
        if (path.compare(QLatin1String("Inbox"), Qt::CaseInsensitive) == 0 ||
            guessFolderKind(path) != FolderKind::Mail)
            choice.folderPolicies.insert(path, FolderPolicy::Whole);
    }
    return choice;
}

OfflineSettings SyncEstimate::nothing()
{
    OfflineSettings choice;
    choice.defaultFolderPolicy = FolderPolicy::Excluded;
    choice.folderPolicies.clear();
    return choice;
}

bool SyncEstimate::isNothing(const OfflineSettings &choice)
{
    if (choice.defaultFolderPolicy != FolderPolicy::Excluded)
        return false;
    for (FolderPolicy policy : choice.folderPolicies)
        if (policy != FolderPolicy::Excluded)
            return false;
    return true;
}

} // namespace ArchiveSync
