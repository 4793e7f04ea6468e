// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "core/model/OfflineSettings.h"
#include "core/repository/Manifest.h"
#include "core/schedule/Schedule.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// The REST API's data as the clients see it (docs/api/openapi.yaml, components/schemas).
///
/// They live in their own namespace because the service has structs of the same names (User, Device,
/// Mailbox, ...) for its storage: one program may hold both, and the names must not collide.
///
/// fromJson() is strict about what it reads: a missing required member, a wrong type, a value out of
/// its enum or range is an Invalid error naming the member ("offline.generation", "jobs[2].id").
/// In answers, members it does not know are ignored, so a service that adds members within v1 does not
/// break older clients; request bodies (NewUser, UserChange, MailboxOfflineChange) refuse them, as the
/// service does. toJson() writes what fromJson() reads (times in UTC, ISO 8601), so the two round-trip.
namespace ArchiveSync::Api {

enum class Role
{
    Admin,
    User,
};
QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

/// \brief A signed-in session (schema Session): the bearer token and whose it is.
struct Session
{
    QString token;
    QDateTime expiresAt;
    QString username;
    Role role = Role::User;

    QJsonObject toJson() const;
    static Result<Session> fromJson(const QJsonObject &json);
    bool operator==(const Session &) const = default;
};

/// \brief Who a token belongs to (schema Me).
struct Me
{
    enum class TokenKind
    {
        Session,
        Device,
    };
    QString username;
    Role role = Role::User;
    TokenKind tokenKind = TokenKind::Session;
    qint64 deviceId = 0; ///< device tokens only; 0 otherwise

    QJsonObject toJson() const;
    static Result<Me> fromJson(const QJsonObject &json);
    bool operator==(const Me &) const = default;
};

/// \brief An account (schema User).
struct User
{
    QString username;
    QString displayName;
    Role role = Role::User;
    QDateTime created;

    QJsonObject toJson() const;
    static Result<User> fromJson(const QJsonObject &json);
    bool operator==(const User &) const = default;
};

/// \brief A new account, as POST /users takes it (schema NewUser).
struct NewUser
{
    QString username;
    QString password;
    Role role = Role::User;
    QString displayName; ///< empty: not sent

    QJsonObject toJson() const;
    static Result<NewUser> fromJson(const QJsonObject &json);
    bool operator==(const NewUser &) const = default;
};

/// \brief A change to an account (schema UserChange): only the members set are sent.
struct UserChange
{
    std::optional<QString> password;
    std::optional<Role> role;
    std::optional<QString> displayName;

    QJsonObject toJson() const;
    static Result<UserChange> fromJson(const QJsonObject &json);
    bool operator==(const UserChange &) const = default;
};

/// \brief A mailbox's offline switch and, once built, its repository (Mailbox.offline).
struct MailboxOfflineState
{
    bool enabled = false;
    bool useDefaults = true;
    /// The repository, once one was built; the members below are meaningful only then.
    bool hasRepository = false;
    qint64 generation = 0;
    qint64 revision = 0;
    qint64 messageCount = 0;
    qint64 bytes = 0;
    QDateTime updated;

    QJsonObject toJson() const;
    static Result<MailboxOfflineState> fromJson(const QJsonObject &json);
    bool operator==(const MailboxOfflineState &) const = default;
};

/// \brief An archived mailbox with its offline state (schema Mailbox).
struct Mailbox
{
    QString address;
    QString displayName;
    bool managed = false;
    qint64 archivedMessages = 0;
    MailboxOfflineState offline;

    QJsonObject toJson() const;
    static Result<Mailbox> fromJson(const QJsonObject &json);
    bool operator==(const Mailbox &) const = default;
};

/// \brief An archived mailbox not yet managed (schema DirectoryEntry).
struct DirectoryEntry
{
    QString address;
    QString displayName;
    qint64 archivedMessages = 0;

    QJsonObject toJson() const;
    static Result<DirectoryEntry> fromJson(const QJsonObject &json);
    bool operator==(const DirectoryEntry &) const = default;
};

/// \brief A repository the caller may pull (schema OfflineMailbox).
struct OfflineMailbox
{
    QString address;
    bool enabled = false;
    qint64 generation = 0;
    qint64 revision = 0;
    qint64 messageCount = 0;
    qint64 bytes = 0;

    QJsonObject toJson() const;
    static Result<OfflineMailbox> fromJson(const QJsonObject &json);
    bool operator==(const OfflineMailbox &) const = default;
};

/// \brief A mailbox's offline switch and the settings in force (schema MailboxOffline).
struct MailboxOfflineConfig
{
    bool enabled = false;
    bool useDefaults = true;
    OfflineSettings settings;

    QJsonObject toJson() const;
    /// Settings errors name the member inside, e.g. "settings.maxCacheBytes".
    static Result<MailboxOfflineConfig> fromJson(const QJsonObject &json);
    bool operator==(const MailboxOfflineConfig &) const = default;
};

/// \brief A change to a mailbox's offline configuration (schema MailboxOfflineChange): members left
/// unset stay as they are on the service.
struct MailboxOfflineChange
{
    std::optional<bool> enabled;
    std::optional<bool> useDefaults;
    std::optional<OfflineSettings> settings; ///< own settings (implies useDefaults false)

    QJsonObject toJson() const;
    static Result<MailboxOfflineChange> fromJson(const QJsonObject &json);
    bool operator==(const MailboxOfflineChange &) const = default;
};

/// \brief The update schedule with its next runs (schema ScheduleView).
struct ScheduleView
{
    Schedule schedule;
    QString description;
    QString timeZone;
    QList<QDateTime> nextRuns;

    QJsonObject toJson() const;
    static Result<ScheduleView> fromJson(const QJsonObject &json);
    bool operator==(const ScheduleView &) const = default;
};

/// \brief A registered laptop (schema Device).
struct Device
{
    qint64 id = 0;
    QString username;
    QString name;
    QDateTime created;
    QDateTime lastSeen; ///< invalid: never seen
    QDateTime revoked;  ///< invalid: not revoked

    bool isRevoked() const { return revoked.isValid(); }
    QJsonObject toJson() const;
    static Result<Device> fromJson(const QJsonObject &json);
    bool operator==(const Device &) const = default;
};

/// \brief A device just registered and its token, shown once.
struct DeviceRegistration
{
    qint64 deviceId = 0;
    QString token;

    QJsonObject toJson() const;
    static Result<DeviceRegistration> fromJson(const QJsonObject &json);
    bool operator==(const DeviceRegistration &) const = default;
};

/// \brief The job thread's state (schema JobActivity): the running job, if any, and how many wait.
struct JobActivity
{
    /// \brief The job being run.
    struct Running
    {
        QString kind; ///< "update" or "flush"
        QString trigger;
        QDateTime started;
        QString mailbox; ///< the mailbox being worked on; empty between mailboxes
        qint64 done = 0;
        qint64 total = 0;
        bool operator==(const Running &) const = default;
    };
    std::optional<Running> running;
    int queued = 0;

    bool idle() const { return !running && queued == 0; }
    QJsonObject toJson() const;
    static Result<JobActivity> fromJson(const QJsonObject &json);
    bool operator==(const JobActivity &) const = default;
};

/// \brief One repository job of the history (schema Job).
struct Job
{
    qint64 id = 0;
    QString kind;    ///< "update" or "flush"
    QString trigger; ///< "manual", "schedule" or "catch-up"
    QDateTime started;
    QDateTime finished; ///< invalid while running
    QString status;     ///< "running", "done" or "failed"
    qint64 mailboxes = 0;
    qint64 segments = 0;
    qint64 messages = 0;
    qint64 bytes = 0;
    QString errors;

    QJsonObject toJson() const;
    static Result<Job> fromJson(const QJsonObject &json);
    bool operator==(const Job &) const = default;
};

/// \brief GET /jobs: the activity and the history, newest first.
struct JobList
{
    JobActivity activity;
    QList<Job> jobs;

    QJsonObject toJson() const;
    static Result<JobList> fromJson(const QJsonObject &json);
    bool operator==(const JobList &) const = default;
};

/// \brief A job that reported errors, as the status lists it.
struct JobError
{
    qint64 job = 0;
    QDateTime finished;
    QString errors;

    QJsonObject toJson() const;
    static Result<JobError> fromJson(const QJsonObject &json);
    bool operator==(const JobError &) const = default;
};

/// \brief One offline repository as the Status page lists it.
struct RepositoryStatus
{
    QString address;
    bool enabled = false;
    qint64 generation = 0;
    qint64 revision = 0;
    qint64 segments = 0;
    qint64 messageCount = 0;
    qint64 bytes = 0;
    QDateTime updated; ///< invalid: not known

    QJsonObject toJson() const;
    static Result<RepositoryStatus> fromJson(const QJsonObject &json);
    bool operator==(const RepositoryStatus &) const = default;
};

/// \brief One registered laptop's freshness as the Status page lists it.
struct DeviceStatus
{
    qint64 id = 0;
    QString username;
    QString name;
    bool revoked = false;
    QDateTime lastSeen;               ///< invalid: never seen
    std::optional<qint64> lagSeconds; ///< seconds since lastSeen (by the service's clock); none if never seen
    /// What the device last reported (PUT /devices/{id}/state), as it sent it; empty if nothing yet.
    QJsonObject state;

    QJsonObject toJson() const;
    static Result<DeviceStatus> fromJson(const QJsonObject &json);
    bool operator==(const DeviceStatus &) const = default;
};

/// \brief One mailbox as a laptop reports it (DeviceState.mailboxes).
struct DeviceMailboxState
{
    QString address;
    QString state; ///< the agent's sync state: "up-to-date", "syncing", "queued", "offline", "error"...
    qint64 generation = 0; ///< of the copy in use; 0: none complete yet
    qint64 revision = 0;
    qint64 messages = 0;
    QDateTime asOf; ///< the copy is the service's as of this time; invalid: never complete

    QJsonObject toJson() const;
    static Result<DeviceMailboxState> fromJson(const QJsonObject &json);
    bool operator==(const DeviceMailboxState &) const = default;
};

/// \brief What an agent reports about itself (PUT /devices/{id}/state, schema DeviceState).
///
/// The service stores the report as sent (members it does not know included), so newer agents can
/// say more; fromJson() reads the members defined here and ignores the rest.
struct DeviceState
{
    QString status; ///< the agent's overall state
    QList<DeviceMailboxState> mailboxes;

    QJsonObject toJson() const;
    static Result<DeviceState> fromJson(const QJsonObject &json);
    bool operator==(const DeviceState &) const = default;
};

/// \brief GET /status: the Status page's data.
struct ServiceStatus
{
    Schedule schedule;
    QString scheduleDescription;
    QDateTime lastRun; ///< invalid: never ran
    QDateTime nextRun;
    JobActivity activity;
    QList<Job> recentJobs;
    QList<JobError> recentErrors;
    QList<RepositoryStatus> repositories; ///< every mailbox that has a repository
    QList<DeviceStatus> devices;          ///< every registered laptop, revoked ones included

    QJsonObject toJson() const;
    static Result<ServiceStatus> fromJson(const QJsonObject &json);
    bool operator==(const ServiceStatus &) const = default;
};

/// \brief An initial-sync slot granted to a device (POST /offline/initial-sync, schema Admission).
///
/// A device that finds every slot taken gets an ApiError instead: Throttled, with retryAfterSeconds and
/// queuePosition.
struct Admission
{
    int leaseSeconds = 0; ///< the slot lasts this long after each renewal (each segment download renews it)

    QJsonObject toJson() const;
    static Result<Admission> fromJson(const QJsonObject &json);
    bool operator==(const Admission &) const = default;
};

/// \brief A device in an initial sync (AdmissionState.holders).
struct AdmissionHolder
{
    qint64 deviceId = 0;
    QString username;
    QDateTime since; ///< when it was admitted

    QJsonObject toJson() const;
    static Result<AdmissionHolder> fromJson(const QJsonObject &json);
    bool operator==(const AdmissionHolder &) const = default;
};

/// \brief A device waiting for an initial-sync slot (AdmissionState.queue).
struct AdmissionWaiter
{
    qint64 deviceId = 0;
    QString username;
    int position = 0; ///< 1 is next

    QJsonObject toJson() const;
    static Result<AdmissionWaiter> fromJson(const QJsonObject &json);
    bool operator==(const AdmissionWaiter &) const = default;
};

/// \brief Who holds and who waits for initial-sync slots (GET /offline/initial-sync, schema AdmissionState).
struct AdmissionState
{
    int limit = 0; ///< devices in an initial sync at once
    int leaseSeconds = 0;
    QList<AdmissionHolder> holders;
    QList<AdmissionWaiter> queue; ///< in order, the next first

    QJsonObject toJson() const;
    static Result<AdmissionState> fromJson(const QJsonObject &json);
    bool operator==(const AdmissionState &) const = default;
};

/// \brief One audit log line (schema AuditEntry).
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString username;
    QString action; ///< e.g. "user.delete"
    QString target;
    QString detail;

    QJsonObject toJson() const;
    static Result<AuditEntry> fromJson(const QJsonObject &json);
    bool operator==(const AuditEntry &) const = default;
};

/// \brief One archived message's header fields (schema ArchivedMessage).
struct ArchivedMessage
{
    qint64 id = 0;
    QString folder;
    QString messageId;
    QString from;
    QString to;
    QString cc;
    QString subject;
    QDateTime date; ///< invalid: the message has no (readable) Date
    qint64 size = 0;
    QString sha256;
    bool isSigned = false;
    bool isEncrypted = false;
    bool hasAttachments = false;

    QJsonObject toJson() const;
    static Result<ArchivedMessage> fromJson(const QJsonObject &json);
    bool operator==(const ArchivedMessage &) const = default;
};

/// \brief One page of a header search and the number of matches in all (schema MessageSearchResult).
struct MessageSearchResult
{
    qint64 total = 0;
    QList<ArchivedMessage> messages;

    QJsonObject toJson() const;
    static Result<MessageSearchResult> fromJson(const QJsonObject &json);
    bool operator==(const MessageSearchResult &) const = default;
};

/// \brief What to search for (the query of GET /mailboxes/{address}/search); empty members are not sent.
struct MessageQuery
{
    QString text; ///< words that must all occur
    QString folder;
    int limit = 0; ///< 0: the service's default
    qint64 offset = 0;
};

/// \brief A manifest poll's answer: the manifest with its ETag, or "unchanged" (304).
struct ManifestReply
{
    bool notModified = false;
    QString etag;     ///< as sent, quotes included; send it back as If-None-Match
    QByteArray bytes; ///< the manifest byte for byte (its hash is the ETag)
    Manifest manifest;
};

/// \brief Reads an array of objects with T::fromJson; errors name the element ("[3].address").
template<typename T>
Result<QList<T>> listFromJson(const QJsonArray &array)
{
    QList<T> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject())
            return Error::invalid(QStringLiteral("%1 must be an object").arg(where), where);
        Result<T> item = T::fromJson(array.at(i).toObject());
        if (!item) {
            Error error = item.error();
            error.field = error.field.isEmpty() ? where : where + QLatin1Char('.') + error.field;
            error.message = QStringLiteral("%1: %2").arg(where, error.message);
            return error;
        }
        list.append(std::move(item).value());
    }
    return list;
}

template<typename T>
QJsonArray listToJson(const QList<T> &list)
{
    QJsonArray array;
    for (const T &item : list)
        array.append(item.toJson());
    return array;
}

} // namespace ArchiveSync::Api
