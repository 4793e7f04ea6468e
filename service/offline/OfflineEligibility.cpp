// SPDX-License-Identifier: Apache-2.0
#include "service/offline/OfflineEligibility.h"

namespace ArchiveSync {

Status OfflineEligibility::checkCanEnable(const ArchiveStore &archive, const Mailbox &mailbox)
{
    Result<QList<StorageRepository>> storages = archive.storageOfMailboxMessages(mailbox.id);
    if (!storages)
        return storages.error();
    Result<StorageRepository> defaultStorage = archive.storageById(mailbox.defaultStorageId);
    if (!defaultStorage)
        return defaultStorage.error();
    storages->append(*defaultStorage);
    for (const StorageRepository &s : std::as_const(*storages)) {
        if (s.kind == StorageKind::StorageManager)
            return Error::conflict(
                QStringLiteral("cannot enable offline sync for %1: its archive data lies on the "
                               "storage-manager repository '%2'; synchronized archives must be "
                               "on disk repositories")
                    .arg(mailbox.address, s.name));
    }
    return {};
}

} // namespace ArchiveSync
