// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/repository/IndexRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace ArchiveSync {

/// \brief Bounds on what a segment may make a reader allocate.
struct SegmentLimits
{
    qint64 maxIndexBytes = 256LL * 1024 * 1024;
    qint64 maxEntryBytes = 2LL * 1024 * 1024 * 1024;
};

/// \brief Reads a segment and trusts nothing in it.
///
/// index.jsonl must come first; every later entry must be a regular file named by exactly
/// one index record, with the size and SHA-256 that record declares. Anything else (links,
/// devices, unknown or repeated names, paths such as "../x" or "/etc/x", an entry larger
/// than declared, a record without its entry) fails the whole segment with ErrorCategory::Corrupt.
class SegmentReader
{
public:
    /// Called once per entry, after its bytes were checked; an error stops the read.
    using EntryHandler = std::function<Status(const IndexRecord &record, const QByteArray &data)>;

    explicit SegmentReader(SegmentLimits limits = {})
        : m_limits(limits)
    {}

    /// Reads the whole segment; returns its index records (tombstones included) in index order.
    Result<QList<IndexRecord>> read(const QString &path, const EntryHandler &onEntry = {}) const;

    /// Checks that a segment file's SHA-256 is the one its name and the manifest promise.
    static Status verifyFile(const QString &path, const QString &expectedSha256);

private:
    SegmentLimits m_limits;
};

} // namespace ArchiveSync
