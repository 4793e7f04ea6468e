// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ArchiveSync {

/// \brief How current a laptop's copy is, from what it last reported and the repositories' state.
///
/// A laptop reports (PUT /devices/{id}/state) a generation, optionally one entry per mailbox
/// (`{"address", "generation", "revision"}` or just the address). It is *up to date* when every
/// mailbox it reports matches its repository's current generation (and revision, when reported);
/// without per-mailbox detail, when no enabled repository changed after it was last seen. Otherwise
/// it is behind by the time since it was last seen: its copy is at least that old.
class LaptopFreshness
{
public:
    enum class Bucket
    {
        UpToDate,
        UnderDay,
        UnderWeek,
        Older,
        Never, ///< never reported since it registered
    };
    static constexpr int kBucketCount = 5;

    /// \brief One mailbox as the laptop reported it.
    struct MailboxReport
    {
        QString address;
        std::optional<qint64> generation;
        std::optional<qint64> revision;
    };

    /// \brief What the Laptops view shows for one device.
    struct Evaluation
    {
        Bucket bucket = Bucket::Never;
        qint64 lagSeconds = -1; ///< 0: up to date; -1: never seen
        QList<MailboxReport> mailboxes;
        std::optional<qint64> generation; ///< the device-wide generation it reported
        QString reportedStatus;           ///< the agent's own words ("up to date", "syncing 40%")
        /// Per mailbox: is its copy current?
        QHash<QString, bool> current;
    };

    static Evaluation evaluate(const Api::DeviceStatus &device,
                               const QList<Api::RepositoryStatus> &repositories);
    static Bucket bucketForLag(qint64 lagSeconds);
    static QString bucketName(Bucket bucket);
    /// "3 days behind", "up to date", "never connected".
    static QString lagText(const Evaluation &evaluation);
    /// "g3" or "alice@…: g3 r12; bob@…: g1".
    static QString generationText(const Evaluation &evaluation);
    /// Per mailbox: laptops (not revoked) reporting it, and how many of those are current.
    static QHash<QString, QPair<int, int>> countsPerMailbox(const QList<Api::DeviceStatus> &devices,
                                                            const QList<Api::RepositoryStatus> &repositories);
};

} // namespace ArchiveSync
