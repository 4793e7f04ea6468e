// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ArchiveSync {

enum class SegmentKind
{
    Index,
    Bodies,
};

QString segmentKindName(SegmentKind kind);

/// \brief One immutable segment file of an offline repository, as the manifest lists it.
struct SegmentInfo
{
    int sequence = 0; ///< 1, 2, ... in the order agents apply them
    QString sha256;   ///< of the file; also its name
    SegmentKind kind = SegmentKind::Index;
    QString folder; ///< for bodies segments: the folder whose full messages it holds
    qint64 size = 0;
    int messages = 0;
    int tombstones = 0;
    QDateTime created;

    QString fileName() const { return sha256 + QStringLiteral(".tar.zst"); }
    bool operator==(const SegmentInfo &) const = default;
};

/// \brief A mailbox's offline repository: generation, revision and ordered segment list.
///
/// Agents poll it (its ETag is the hash of its bytes). A new generation means the repository
/// was rebuilt from scratch (flush, or changed settings) and local copies rebuild too.
struct Manifest
{
    static constexpr int kFormat = 1;

    QString mailbox;
    qint64 generation = 1;
    qint64 revision = 0; ///< counts updates within a generation
    QDateTime generationCreated;
    QDateTime updated;
    QString settingsFingerprint;
    qint64 messageCount = 0; ///< messages in the repository after all segments are applied
    QList<SegmentInfo> segments;

    QByteArray toJson() const;
    /// Strict: agents must not trust a manifest that names unsafe files or breaks the format.
    static Result<Manifest> fromJson(const QByteArray &json);
    static QString etagOf(const QByteArray &manifestBytes);
    qint64 totalBytes() const;
};

} // namespace ArchiveSync
