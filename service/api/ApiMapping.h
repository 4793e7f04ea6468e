// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"

namespace ArchiveSync {

enum class UserRole;
struct AuditEntry;
struct Device;
struct DeviceRegistration;
struct IssuedToken;
struct JobActivity;
struct JobRecord;
struct Manifest;
struct Principal;
struct StoredMessage;
struct User;

/// \brief The service's records as the API's types (core/api/ApiTypes.h), the one definition of the
/// JSON that clients read: controllers answer with Api::X::toJson() of what these return.
namespace ApiMapping {

Api::Role toApi(UserRole role);
UserRole fromApi(Api::Role role);

Api::User toApi(const User &user);
Api::Me toApi(const Principal &principal);
Api::Session toApi(const IssuedToken &token, const Principal &principal);
Api::Device toApi(const Device &device);
Api::DeviceRegistration toApi(const DeviceRegistration &registration);
Api::AuditEntry toApi(const AuditEntry &entry);
Api::Job toApi(const JobRecord &job);
Api::JobActivity toApi(const JobActivity &activity);
Api::ArchivedMessage toApi(const StoredMessage &message);

/// Records as the API's JSON array: toApi() of each, as its toJson() writes it.
template<typename Record>
QJsonArray toJsonArray(const QList<Record> &records)
{
    QJsonArray array;
    for (const Record &record : records)
        array.append(toApi(record).toJson());
    return array;
}

/// A repository from its manifest as stored, with its mailbox's offline switch.
Api::OfflineMailbox offlineMailbox(const Manifest &manifest, bool enabled);
Api::RepositoryStatus repositoryStatus(const Manifest &manifest, bool enabled);
/// A laptop as the Status page lists it: `state` as it last reported it, lag counted up to `now`.
Api::DeviceStatus deviceStatus(const Device &device, const QJsonObject &state, const QDateTime &now);
/// The repository members of Mailbox.offline.
void setRepository(Api::MailboxOfflineState &state, const Manifest &manifest);

} // namespace ApiMapping
} // namespace ArchiveSync
