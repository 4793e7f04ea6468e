// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace ArchiveSync {

/// \brief The per-device key that seals message bodies at rest.
///
/// Kept in the OS keychain through QtKeychain (service "ArchiveSync Agent", one entry per data
/// directory). Where no keychain runs (headless machines, tests) it falls back to a 0600 file
/// "device.key" in the data directory and says so in `warning`: anyone who can read that file
/// can read the local archive.
class DeviceKey
{
public:
    enum class Source
    {
        Keychain,
        File,
    };
    struct Loaded
    {
        QByteArray key;
        Source source = Source::File;
        QString warning; ///< empty when the key is in the keychain
    };

    /// Loads the key for dataDir, creating and storing a new one when there is none. With
    /// useKeychain false, or when the keychain fails or does not answer within a few seconds, the
    /// file is used. A key file that is not kKeyBytes long or readable by others is an error.
    static Result<Loaded> loadOrCreate(const QString &dataDir, bool useKeychain);
    /// Forgets the key (keychain entry and file): what it sealed can no longer be read.
    static Status remove(const QString &dataDir, bool useKeychain);
};

} // namespace ArchiveSync
