// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "service/store/ArchiveStore.h"

namespace ArchiveSync {

/// \brief Which mailboxes may have offline sync: those whose archive data lies on disk repositories only.
///
/// Content on a storage-manager repository may be migrated to tape and take minutes to recall, so a
/// synchronized archive must not depend on it. The CLI (`offline enable`) and the REST API
/// (PUT /api/v1/mailboxes/{address}/offline) both apply this one rule.
class OfflineEligibility
{
public:
    /// Conflict, naming the repository, when the mailbox's messages or its default storage lie on a
    /// storage-manager repository; a store failure otherwise; success when offline sync may be enabled.
    static Status checkCanEnable(const ArchiveStore &archive, const Mailbox &mailbox);
};

} // namespace ArchiveSync
