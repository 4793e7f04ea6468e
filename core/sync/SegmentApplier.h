// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/OfflineSettings.h"
#include "core/repository/Manifest.h"

#include <QSet>

namespace ArchiveSync {

class MailboxStore;

/// \brief Applies one verified segment file to a local copy, in one transaction.
///
/// The file is read with SegmentReader, which trusts nothing in it: a segment that breaks the format
/// leaves the copy as it was. Messages of folders the laptop excludes are skipped; tombstones delete.
class SegmentApplier
{
public:
    struct Stats
    {
        qint64 messages = 0; ///< messages added (or completed, for a bodies segment)
        qint64 removed = 0;
        qint64 skipped = 0; ///< in excluded folders
    };

    /// localPolicy: the laptop's folder choices (policyFor()); only Excluded matters here, the rest
    /// decided which segments were fetched.
    static Result<Stats> apply(MailboxStore &store, const SegmentInfo &segment, const QString &path,
                               const OfflineSettings &localPolicy);

    /// Restores only the messages in `ids` from the segment (see MailboxStore::verify()); nothing else
    /// changes, so messages deleted since stay deleted.
    static Result<Stats> repair(MailboxStore &store, const QString &path, const QSet<qint64> &ids);
};

} // namespace ArchiveSync
