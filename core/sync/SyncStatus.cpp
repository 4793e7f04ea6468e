// SPDX-License-Identifier: Apache-2.0
#include "core/sync/SyncStatus.h"

#include <QJsonArray>

namespace ArchiveSync {

namespace {
struct StateName
{
    SyncState state;
    const char *name;
};
constexpr StateName kStateNames[] = {
    {SyncState::NotConfigured, "not-configured"},
    {SyncState::UpToDate, "up-to-date"},
    {SyncState::Syncing, "syncing"},
    {SyncState::Queued, "queued"},
    {SyncState::Offline, "offline"},
    {SyncState::Paused, "paused"},
    {SyncState::Error, "error"},
};

struct CategoryName
{
    ErrorCategory category;
    const char *name;
};
constexpr CategoryName kCategoryNames[] = {
    {ErrorCategory::Invalid, "invalid"},     {ErrorCategory::NotFound, "not-found"},
    {ErrorCategory::Conflict, "conflict"},   {ErrorCategory::Io, "io"},
    {ErrorCategory::Corrupt, "corrupt"},     {ErrorCategory::Database, "database"},
    {ErrorCategory::Network, "network"},     {ErrorCategory::Auth, "auth"},
    {ErrorCategory::Forbidden, "forbidden"}, {ErrorCategory::Throttled, "throttled"},
    {ErrorCategory::Server, "server"},       {ErrorCategory::Internal, "internal"},
};

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QDateTime timeFrom(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODate) : QDateTime();
}

// Higher wins in the summary.
int weight(SyncState s)
{
    switch (s) {
    case SyncState::Error:
        return 6;
    case SyncState::Offline:
        return 5;
    case SyncState::Syncing:
        return 4;
    case SyncState::Queued:
        return 3;
    case SyncState::Paused:
        return 2;
    case SyncState::UpToDate:
        return 1;
    case SyncState::NotConfigured:
        return 0;
    }
    return 0;
}
} // namespace

QString syncStateName(SyncState state)
{
    for (const StateName &n : kStateNames)
        if (n.state == state)
            return QString::fromLatin1(n.name);
    return {};
}

std::optional<SyncState> syncStateFromName(QStringView name)
{
    for (const StateName &n : kStateNames)
        if (name == QLatin1String(n.name))
            return n.state;
    return std::nullopt;
}

QJsonObject MailboxSyncStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("address"), address},
                  {QStringLiteral("state"), syncStateName(state)},
                  {QStringLiteral("asOf"), timeJson(asOf)},
                  {QStringLiteral("generation"), generation},
                  {QStringLiteral("revision"), revision},
                  {QStringLiteral("targetGeneration"), targetGeneration},
                  {QStringLiteral("segmentsDone"), segmentsDone},
                  {QStringLiteral("segmentsTotal"), segmentsTotal},
                  {QStringLiteral("bytesDone"), bytesDone},
                  {QStringLiteral("bytesTotal"), bytesTotal},
                  {QStringLiteral("segmentsFetched"), segmentsFetched},
                  {QStringLiteral("bytesFetched"), bytesFetched},
                  {QStringLiteral("messages"), messages},
                  {QStringLiteral("messagesTotal"), messagesTotal},
                  {QStringLiteral("nextAttempt"), timeJson(nextAttempt)}};
    if (state == SyncState::Queued)
        o.insert(QStringLiteral("queuePosition"), queuePosition);
    if (errorCategory) {
        for (const CategoryName &n : kCategoryNames)
            if (n.category == *errorCategory)
                o.insert(QStringLiteral("errorCategory"), QString::fromLatin1(n.name));
        o.insert(QStringLiteral("error"), errorMessage);
    }
    return o;
}

MailboxSyncStatus MailboxSyncStatus::fromJson(const QJsonObject &o)
{
    MailboxSyncStatus s;
    s.address = o.value(QStringLiteral("address")).toString();
    s.state = syncStateFromName(o.value(QStringLiteral("state")).toString()).value_or(SyncState::Error);
    s.asOf = timeFrom(o.value(QStringLiteral("asOf")));
    s.generation = o.value(QStringLiteral("generation")).toInteger();
    s.revision = o.value(QStringLiteral("revision")).toInteger();
    s.targetGeneration = o.value(QStringLiteral("targetGeneration")).toInteger();
    s.segmentsDone = o.value(QStringLiteral("segmentsDone")).toInteger();
    s.segmentsTotal = o.value(QStringLiteral("segmentsTotal")).toInteger();
    s.bytesDone = o.value(QStringLiteral("bytesDone")).toInteger();
    s.bytesTotal = o.value(QStringLiteral("bytesTotal")).toInteger();
    s.segmentsFetched = o.value(QStringLiteral("segmentsFetched")).toInteger();
    s.bytesFetched = o.value(QStringLiteral("bytesFetched")).toInteger();
    s.messages = o.value(QStringLiteral("messages")).toInteger();
    s.messagesTotal = o.value(QStringLiteral("messagesTotal")).toInteger();
    s.queuePosition = o.value(QStringLiteral("queuePosition")).toInt();
    s.nextAttempt = timeFrom(o.value(QStringLiteral("nextAttempt")));
    const QString category = o.value(QStringLiteral("errorCategory")).toString();
    for (const CategoryName &n : kCategoryNames)
        if (category == QLatin1String(n.name))
            s.errorCategory = n.category;
    s.errorMessage = o.value(QStringLiteral("error")).toString();
    return s;
}

bool AgentSyncStatus::safeToDisconnect() const
{
    if (mailboxes.isEmpty())
        return false;
    for (const MailboxSyncStatus &m : mailboxes)
        if (!m.asOf.isValid() || m.generation == 0 || m.state == SyncState::Syncing ||
            m.targetGeneration != m.generation)
            return false;
    return true;
}

QDateTime AgentSyncStatus::asOf() const
{
    QDateTime oldest;
    for (const MailboxSyncStatus &m : mailboxes) {
        if (!m.asOf.isValid())
            return {};
        if (!oldest.isValid() || m.asOf < oldest)
            oldest = m.asOf;
    }
    return oldest;
}

SyncState AgentSyncStatus::summarize(const QList<MailboxSyncStatus> &mailboxes)
{
    SyncState summary = SyncState::NotConfigured;
    for (const MailboxSyncStatus &m : mailboxes)
        if (weight(m.state) > weight(summary))
            summary = m.state;
    return summary;
}

QJsonObject AgentSyncStatus::toJson() const
{
    QJsonArray list;
    for (const MailboxSyncStatus &m : mailboxes)
        list.append(m.toJson());
    return QJsonObject{{QStringLiteral("state"), syncStateName(state)},
                       {QStringLiteral("server"), server},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("deviceId"), deviceId},
                       {QStringLiteral("pausedUntil"), timeJson(pausedUntil)},
                       {QStringLiteral("asOf"), timeJson(asOf())},
                       {QStringLiteral("safeToDisconnect"), safeToDisconnect()},
                       {QStringLiteral("mailboxes"), list}};
}

AgentSyncStatus AgentSyncStatus::fromJson(const QJsonObject &o)
{
    AgentSyncStatus s;
    s.state = syncStateFromName(o.value(QStringLiteral("state")).toString()).value_or(SyncState::Error);
    s.server = o.value(QStringLiteral("server")).toString();
    s.username = o.value(QStringLiteral("username")).toString();
    s.deviceId = o.value(QStringLiteral("deviceId")).toInteger();
    s.pausedUntil = timeFrom(o.value(QStringLiteral("pausedUntil")));
    for (const QJsonValue &v : o.value(QStringLiteral("mailboxes")).toArray())
        s.mailboxes.append(MailboxSyncStatus::fromJson(v.toObject()));
    return s;
}

void SyncStatusModel::setStatus(const AgentSyncStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit changed(m_status);
}

} // namespace ArchiveSync
