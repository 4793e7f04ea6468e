// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/FolderKind.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace ArchiveSync {

/// \brief How a folder's messages travel to laptops.
enum class FolderPolicy
{
    Whole,       ///< full messages
    HeadersOnly, ///< header block only; the body stays on the server
    Excluded,    ///< not offline at all
};

QString folderPolicyName(FolderPolicy policy);
std::optional<FolderPolicy> folderPolicyFromName(QStringView name);

/// \brief Where one message goes in a repository, decided by the settings.
enum class Delivery
{
    Excluded,      ///< not in the repository
    HeadersOnly,   ///< header block in the index segment
    WholeInBodies, ///< full message in its folder's bodies segment (fetched only when the folder is kept
                   ///< whole)
    WholeInIndex,  ///< full message in the index segment: always whole (signed, encrypted, non-mail)
};

/// \brief What the service needs to know of a message to decide its Delivery.
struct DeliveryInput
{
    QString folder;
    FolderKind folderKind = FolderKind::Mail;
    qint64 size = 0;
    bool isSigned = false;
    bool isEncrypted = false;
};

/// \brief Offline archive settings: the global defaults, or one mailbox's override of them.
///
/// Folder policies are keyed by folder path; a key ending in "/*" applies to the folder and
/// all its subfolders ("apply to all subfolders"). An exact key wins over a subtree key, a
/// deeper subtree over a shallower one, and the default policy applies to the rest.
struct OfflineSettings
{
    int contentWindowMonths = 0; ///< 0: everything; N: messages of the last N months
    FolderPolicy defaultFolderPolicy = FolderPolicy::HeadersOnly;
    QMap<QString, FolderPolicy> folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole}};
    qint64 maxWholeMessageBytes = 50LL * 1024 * 1024; ///< bigger messages travel as headers only
    int checkIntervalMinutes = 60;                    ///< how often agents look for updates
    qint64 maxCacheBytes = 0;                         ///< agents' local cache cap; 0: no cap

    FolderPolicy policyFor(const QString &folder) const;
    Delivery deliveryFor(const DeliveryInput &message) const;

    /// Applies one "key=value" setting, as the CLI takes them; errors name the key.
    Status applyKeyValue(const QString &assignment);
    Status validate() const;

    QJsonObject toJson() const;
    /// Strict: unknown fields, wrong types and out-of-range values are errors naming the field.
    static Result<OfflineSettings> fromJson(const QJsonObject &json);

    /// Hash of what decides a repository's content; a change means the repository is rebuilt.
    QString contentFingerprint() const;
    /// The KEY=VALUE settings applyKeyValue() takes, as command-line help (lines end in '\n').
    static QString keyValueHelp();
    /// One line per setting, for people.
    QStringList describe() const;

    bool operator==(const OfflineSettings &) const = default;

    static bool isValidFolderPath(const QString &path);
    /// Parses "50M", "2G", "1024" (bytes) and the like.
    static std::optional<qint64> parseSize(const QString &text);
    /// The exact form settings take back ("50M"); see humanSize() for display.
    static QString formatSize(qint64 bytes);
    /// A rounded size for people: "1.5 KiB", "23.4 MiB".
    static QString humanSize(qint64 bytes);
};

} // namespace ArchiveSync
