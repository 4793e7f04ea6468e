// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ArchiveSync {

/// \brief Whether a copy of a given size fits where the agent would keep it.
struct StorageCheck
{
    /// Room kept free beyond the copy, so that the laptop does not fill up to the last byte.
    static constexpr qint64 kReserveBytes = 512LL * 1024 * 1024;

    QString directory; ///< as asked
    QString volume;    ///< the mount point it is on; empty when nothing there can be read
    qint64 freeBytes = -1;
    qint64 neededBytes = 0;
    bool writable = false;

    bool fits() const { return writable && freeBytes >= 0 && neededBytes + kReserveBytes <= freeBytes; }

    /// Looks at `directory`, or, when it does not exist yet, the nearest parent that does.
    static StorageCheck check(const QString &directory, qint64 neededBytes);
};

} // namespace ArchiveSync
