// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/model/FolderKind.h"
#include "service/store/ArchiveStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ArchiveSync {

/// \brief What one archive run did.
struct ArchiveReport
{
    QString mailbox;
    qint64 runId = 0;
    ArchiveRunCounts counts;
    struct Problem
    {
        QString origin;
        QString reason;
    };
    QList<Problem> problems; ///< files skipped as unreadable, with the reason

    QJsonObject toJson() const;
};

/// \brief One archive run: imports Maildir trees, mbox files and .eml files into a mailbox.
///
/// Content is stored once per SHA-256 in the mailbox's default storage repository (or the one
/// given); a message already archived in the same folder is a duplicate and changes nothing.
/// Broken mail is archived as it is; a file that is not mail is reported and skipped. Work is
/// committed in batches, each made durable (blobs synced) before its rows are committed.
class Ingestor
{
public:
    struct Options
    {
        QString mailbox;
        QString folder;                       ///< empty: folder names come from the sources
        std::optional<FolderKind> folderKind; ///< empty: guessed from each folder's name
        QString storage;                      ///< empty: the mailbox's default storage repository
        int batchSize = 500;
    };
    using Progress = std::function<void(const ArchiveRunCounts &)>;

    Ingestor(ArchiveStore &store, const Clock &clock, QString defaultStoragePath);

    Result<ArchiveReport> archive(const Options &options, const QStringList &paths,
                                  const Progress &progress = {});

    static bool isValidAddress(const QString &address);

private:
    ArchiveStore &m_store;
    const Clock &m_clock;
    QString m_defaultStoragePath;
};

} // namespace ArchiveSync
