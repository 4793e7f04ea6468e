// SPDX-License-Identifier: Apache-2.0
#include "core/sync/SegmentApplier.h"

#include "core/localstore/MailboxStore.h"
#include "core/repository/SegmentReader.h"
#include "core/sync/SyncLogging.h"

namespace ArchiveSync {

Result<SegmentApplier::Stats> SegmentApplier::apply(MailboxStore &store, const SegmentInfo &segment,
                                                    const QString &path, const OfflineSettings &localPolicy)
{
    Stats stats;
    QSet<qint64> added;
    if (Status st = store.beginApply(); !st.ok())
        return st.error();
    auto onEntry = [&](const IndexRecord &record, const QByteArray &data) -> Status {
        // Body records name no folder: theirs is the bodies segment's.
        const QString &folder = record.type == IndexRecord::Type::Body ? segment.folder : record.folder;
        if (localPolicy.policyFor(folder) == FolderPolicy::Excluded) {
            ++stats.skipped;
            return {};
        }
        Status st = record.type == IndexRecord::Type::Body ? store.addBody(record, data, segment.sha256)
                                                           : store.addMessage(record, data, segment.sha256);
        if (st.ok()) {
            ++stats.messages;
            added.insert(record.id);
        }
        return st;
    };
    Result<QList<IndexRecord>> records = SegmentReader().read(path, onEntry);
    if (!records) {
        store.rollbackApply();
        return records.error();
    }
    for (const IndexRecord &record : std::as_const(*records)) {
        if (record.type != IndexRecord::Type::Tombstone || added.contains(record.id))
            continue;
        if (Status st = store.removeMessage(record.id); !st.ok()) {
            store.rollbackApply();
            return st.error();
        }
        ++stats.removed;
    }
    if (Status st = store.recordSegment(segment); !st.ok()) {
        store.rollbackApply();
        return st.error();
    }
    if (Status st = store.commitApply(); !st.ok()) {
        store.rollbackApply();
        return st.error();
    }
    return stats;
}

Result<SegmentApplier::Stats> SegmentApplier::repair(MailboxStore &store, const QString &path,
                                                     const QSet<qint64> &ids)
{
    Stats stats;
    if (Status st = store.beginApply(); !st.ok())
        return st.error();
    auto onEntry = [&](const IndexRecord &record, const QByteArray &data) -> Status {
        if (!ids.contains(record.id))
            return {};
        const bool whole =
            record.type == IndexRecord::Type::Body || record.content == IndexRecord::Content::Whole;
        Result<LocalMessage> current = store.message(record.id);
        // A headers segment cannot repair a message that a bodies segment made whole.
        if (!current || (current->whole && !whole))
            return {};
        Status st = store.repairMessage(record.id, data, whole);
        if (st.ok())
            ++stats.messages;
        return st;
    };
    Result<QList<IndexRecord>> records = SegmentReader().read(path, onEntry);
    if (!records) {
        store.rollbackApply();
        return records.error();
    }
    if (Status st = store.commitApply(); !st.ok()) {
        store.rollbackApply();
        return st.error();
    }
    return stats;
}

} // namespace ArchiveSync
