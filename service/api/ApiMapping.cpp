// SPDX-License-Identifier: Apache-2.0
#include "service/api/ApiMapping.h"

#include "core/repository/Manifest.h"
#include "service/auth/AuthStore.h"
#include "service/offline/JobRunner.h"
#include "service/store/ArchiveStore.h"
#include "service/store/JobStore.h"

namespace ArchiveSync::ApiMapping {

Api::Role toApi(UserRole role)
{
    return role == UserRole::Admin ? Api::Role::Admin : Api::Role::User;
}

UserRole fromApi(Api::Role role)
{
    return role == Api::Role::Admin ? UserRole::Admin : UserRole::User;
}

Api::User toApi(const User &user)
{
    return Api::User{user.username, user.displayName, toApi(user.role), user.created};
}

Api::Me toApi(const Principal &principal)
{
    return Api::Me{principal.username, toApi(principal.role),
                   principal.tokenKind == TokenKind::Device ? Api::Me::TokenKind::Device
                                                            : Api::Me::TokenKind::Session,
                   principal.deviceId};
}

Api::Session toApi(const IssuedToken &token, const Principal &principal)
{
    return Api::Session{token.token, token.expiresAt, principal.username, toApi(principal.role)};
}

Api::Device toApi(const Device &device)
{
    return Api::Device{device.id,      device.username, device.name,
                       device.created, device.lastSeen, device.revoked};
}

Api::DeviceRegistration toApi(const DeviceRegistration &registration)
{
    return Api::DeviceRegistration{registration.deviceId, registration.token};
}

Api::AuditEntry toApi(const AuditEntry &entry)
{
    return Api::AuditEntry{entry.id, entry.at, entry.username, entry.action, entry.target, entry.detail};
}

Api::Job toApi(const JobRecord &job)
{
    Api::Job j;
    j.id = job.id;
    j.kind = job.kind;
    j.trigger = job.trigger;
    j.started = job.started;
    j.finished = job.finished;
    j.status = job.status;
    j.mailboxes = job.mailboxes;
    j.segments = job.segments;
    j.messages = job.messages;
    j.bytes = job.bytes;
    j.errors = job.errors;
    return j;
}

Api::JobActivity toApi(const JobActivity &activity)
{
    Api::JobActivity a;
    a.queued = activity.queued;
    if (activity.running)
        a.running = Api::JobActivity::Running{activity.kind,    activity.trigger, activity.started,
                                              activity.mailbox, activity.done,    activity.total};
    return a;
}

Api::ArchivedMessage toApi(const StoredMessage &message)
{
    Api::ArchivedMessage m;
    m.id = message.id;
    m.folder = message.folder;
    m.messageId = message.meta.messageId;
    m.from = message.meta.from;
    m.to = message.meta.to;
    m.cc = message.meta.cc;
    m.subject = message.meta.subject;
    m.date = message.meta.date;
    m.size = message.size;
    m.sha256 = message.sha256;
    m.isSigned = message.meta.isSigned;
    m.isEncrypted = message.meta.isEncrypted;
    m.hasAttachments = message.meta.hasAttachments;
    return m;
}

Api::OfflineMailbox offlineMailbox(const Manifest &manifest, bool enabled)
{
    return Api::OfflineMailbox{manifest.mailbox,      enabled,
                               manifest.generation,   manifest.revision,
                               manifest.messageCount, manifest.totalBytes()};
}

Api::RepositoryStatus repositoryStatus(const Manifest &manifest, bool enabled)
{
    Api::RepositoryStatus r;
    r.address = manifest.mailbox;
    r.enabled = enabled;
    r.generation = manifest.generation;
    r.revision = manifest.revision;
    r.segments = manifest.segments.size();
    r.messageCount = manifest.messageCount;
    r.bytes = manifest.totalBytes();
    r.updated = manifest.updated;
    return r;
}

Api::DeviceStatus deviceStatus(const Device &device, const QJsonObject &state, const QDateTime &now)
{
    Api::DeviceStatus d;
    d.id = device.id;
    d.username = device.username;
    d.name = device.name;
    d.revoked = device.isRevoked();
    d.lastSeen = device.lastSeen;
    if (device.lastSeen.isValid())
        d.lagSeconds = device.lastSeen.secsTo(now);
    d.state = state;
    return d;
}

void setRepository(Api::MailboxOfflineState &state, const Manifest &manifest)
{
    state.hasRepository = true;
    state.generation = manifest.generation;
    state.revision = manifest.revision;
    state.messageCount = manifest.messageCount;
    state.bytes = manifest.totalBytes();
    state.updated = manifest.updated;
}

} // namespace ArchiveSync::ApiMapping
