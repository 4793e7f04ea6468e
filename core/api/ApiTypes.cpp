// SPDX-License-Identifier: Apache-2.0
#include "core/api/ApiTypes.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace ArchiveSync::Api {

namespace {
// JSON numbers are doubles: integers beyond 2^53 cannot arrive intact, so they are refused, not rounded.
constexpr qint64 kMaxJsonInteger = (qint64(1) << 53);

QString joinField(const QString &prefix, const QString &field)
{
    if (field.isEmpty())
        return prefix;
    return field.startsWith(QLatin1Char('[')) ? prefix + field : prefix + QLatin1Char('.') + field;
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

/// \brief Strict reading of one object: the first problem is kept (naming the member), later reads return
/// defaults so a fromJson() reads straight through and reports once at the end.
class Reader
{
public:
    explicit Reader(const QJsonObject &object)
        : m_object(object)
    {}

    bool has(const QString &name) const { return m_object.contains(name); }

    QString string(const QString &name)
    {
        const QJsonValue v = required(name);
        if (v.isUndefined())
            return {};
        if (!v.isString())
            fail(name, QStringLiteral("must be a string"));
        return v.toString();
    }

    QString optionalString(const QString &name) { return has(name) ? string(name) : QString(); }

    QString oneOf(const QString &name, const QStringList &allowed)
    {
        const QString s = string(name);
        if (!m_error && !allowed.contains(s))
            fail(name,
                 QStringLiteral("must be one of %1, not '%2'").arg(allowed.join(QStringLiteral(", ")), s));
        return s;
    }

    qint64 integer(const QString &name, qint64 min = 0, qint64 max = kMaxJsonInteger)
    {
        const QJsonValue v = required(name);
        if (v.isUndefined())
            return 0;
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < double(min) || d > double(max)) {
            fail(name, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            return 0;
        }
        return static_cast<qint64>(d);
    }

    /// A required whole number that fits an int.
    int intValue(const QString &name, int min = 0)
    {
        return int(integer(name, min, std::numeric_limits<int>::max()));
    }

    /// A required whole number that may also be null (nothing).
    std::optional<qint64> nullableInteger(const QString &name, qint64 min = -kMaxJsonInteger,
                                          qint64 max = kMaxJsonInteger)
    {
        if (has(name) && m_object.value(name).isNull())
            return std::nullopt;
        const qint64 value = integer(name, min, max);
        return m_error ? std::nullopt : std::optional<qint64>(value);
    }

    bool boolean(const QString &name)
    {
        const QJsonValue v = required(name);
        if (!v.isUndefined() && !v.isBool())
            fail(name, QStringLiteral("must be true or false"));
        return v.toBool();
    }

    /// A required date-time; `nullable` also takes null (an invalid QDateTime).
    QDateTime time(const QString &name, bool nullable = false)
    {
        const QJsonValue v = required(name);
        return v.isUndefined() ? QDateTime() : timeValue(name, v, nullable);
    }

    QDateTime timeValue(const QString &name, const QJsonValue &v, bool nullable)
    {
        if (nullable && v.isNull())
            return {};
        const QDateTime t = v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODate) : QDateTime();
        if (!t.isValid()) {
            fail(name, nullable ? QStringLiteral("must be an ISO 8601 date-time or null")
                                : QStringLiteral("must be an ISO 8601 date-time"));
            return {};
        }
        return t.toUTC();
    }

    QDateTime optionalTime(const QString &name) { return has(name) ? time(name, true) : QDateTime(); }

    /// A required array of date-times; an error names the element ("nextRuns[1]").
    QList<QDateTime> times(const QString &name)
    {
        QList<QDateTime> list;
        const QJsonArray a = array(name);
        for (qsizetype i = 0; i < a.size() && !m_error; ++i)
            list.append(timeValue(QStringLiteral("%1[%2]").arg(name).arg(i), a.at(i), false));
        return list;
    }

    Role role(const QString &name)
    {
        const QString s = string(name);
        if (m_error)
            return Role::User;
        const std::optional<Role> r = roleFromName(s);
        if (!r)
            fail(name, QStringLiteral("must be admin or user, not '%1'").arg(s));
        return r.value_or(Role::User);
    }

    QJsonObject object(const QString &name)
    {
        const QJsonValue v = required(name);
        if (!v.isUndefined() && !v.isObject())
            fail(name, QStringLiteral("must be an object"));
        return v.toObject();
    }

    QJsonArray array(const QString &name)
    {
        const QJsonValue v = required(name);
        if (!v.isUndefined() && !v.isArray())
            fail(name, QStringLiteral("must be an array"));
        return v.toArray();
    }

    QStringList strings(const QString &name)
    {
        QStringList list;
        const QJsonArray a = array(name);
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                fail(QStringLiteral("%1[%2]").arg(name).arg(i), QStringLiteral("must be a string"));
                return {};
            }
            list.append(a.at(i).toString());
        }
        return list;
    }

    /// A member read by another fromJson(); its errors are prefixed with the member's name.
    template<typename T>
    T nested(const QString &name, Result<T> (*fromJson)(const QJsonObject &))
    {
        const QJsonObject o = object(name);
        if (m_error)
            return T();
        return adopt(name, fromJson(o));
    }

    template<typename T>
    QList<T> list(const QString &name)
    {
        const QJsonArray a = array(name);
        if (m_error)
            return {};
        return adopt(name, listFromJson<T>(a));
    }

    /// Takes a nested result; its error, if any, becomes this reader's, under `name`.
    template<typename T>
    T adopt(const QString &name, Result<T> result)
    {
        if (result)
            return std::move(result).value();
        if (!m_error) {
            Error error = result.error();
            error.field = joinField(name, error.field);
            error.message = QStringLiteral("%1: %2").arg(name, error.message);
            m_error = error;
        }
        return T();
    }

    /// For request bodies, which the service reads strictly too: a misspelt member must not pass.
    void onlyFields(const QStringList &allowed)
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!allowed.contains(it.key()))
                fail(it.key(), QStringLiteral("is not a known field (known: %1)")
                                   .arg(allowed.join(QStringLiteral(", "))));
        }
    }

    void fail(const QString &name, const QString &what)
    {
        if (!m_error)
            m_error = Error::invalid(QStringLiteral("%1 %2").arg(name, what), name);
    }

    template<typename T>
    Result<T> finish(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    QJsonValue required(const QString &name)
    {
        const auto it = m_object.constFind(name);
        if (it == m_object.constEnd()) {
            fail(name, QStringLiteral("is required"));
            return QJsonValue(QJsonValue::Undefined);
        }
        return it.value();
    }

    const QJsonObject &m_object;
    std::optional<Error> m_error;
};

const QStringList kJobKinds = {QStringLiteral("update"), QStringLiteral("flush")};
const QStringList kJobTriggers = {QStringLiteral("manual"), QStringLiteral("schedule"),
                                  QStringLiteral("catch-up")};
const QStringList kJobStatuses = {QStringLiteral("running"), QStringLiteral("done"),
                                  QStringLiteral("failed")};
} // namespace

QString roleName(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("user");
}

std::optional<Role> roleFromName(QStringView name)
{
    if (name == QLatin1String("admin"))
        return Role::Admin;
    if (name == QLatin1String("user"))
        return Role::User;
    return std::nullopt;
}

// ---- Session, Me ----

QJsonObject Session::toJson() const
{
    return QJsonObject{{QStringLiteral("token"), token},
                       {QStringLiteral("expiresAt"), timeJson(expiresAt)},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("role"), roleName(role)}};
}

Result<Session> Session::fromJson(const QJsonObject &json)
{
    Reader r(json);
    Session s;
    s.token = r.string(QStringLiteral("token"));
    s.expiresAt = r.time(QStringLiteral("expiresAt"));
    s.username = r.string(QStringLiteral("username"));
    s.role = r.role(QStringLiteral("role"));
    if (s.token.isEmpty())
        r.fail(QStringLiteral("token"), QStringLiteral("must not be empty"));
    return r.finish(s);
}

QJsonObject Me::toJson() const
{
    QJsonObject o{{QStringLiteral("username"), username},
                  {QStringLiteral("role"), roleName(role)},
                  {QStringLiteral("tokenKind"),
                   tokenKind == TokenKind::Device ? QStringLiteral("device") : QStringLiteral("session")}};
    if (deviceId != 0)
        o.insert(QStringLiteral("deviceId"), deviceId);
    return o;
}

Result<Me> Me::fromJson(const QJsonObject &json)
{
    Reader r(json);
    Me me;
    me.username = r.string(QStringLiteral("username"));
    me.role = r.role(QStringLiteral("role"));
    me.tokenKind = r.oneOf(QStringLiteral("tokenKind"),
                           {QStringLiteral("session"), QStringLiteral("device")}) == QLatin1String("device")
                       ? TokenKind::Device
                       : TokenKind::Session;
    if (r.has(QStringLiteral("deviceId")))
        me.deviceId = r.integer(QStringLiteral("deviceId"), 1);
    return r.finish(me);
}

// ---- Users ----

QJsonObject User::toJson() const
{
    return QJsonObject{{QStringLiteral("username"), username},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("role"), roleName(role)},
                       {QStringLiteral("created"), timeJson(created)}};
}

Result<User> User::fromJson(const QJsonObject &json)
{
    Reader r(json);
    User u;
    u.username = r.string(QStringLiteral("username"));
    u.displayName = r.string(QStringLiteral("displayName"));
    u.role = r.role(QStringLiteral("role"));
    u.created = r.time(QStringLiteral("created"));
    return r.finish(u);
}

QJsonObject NewUser::toJson() const
{
    QJsonObject o{{QStringLiteral("username"), username},
                  {QStringLiteral("password"), password},
                  {QStringLiteral("role"), roleName(role)}};
    if (!displayName.isEmpty())
        o.insert(QStringLiteral("displayName"), displayName);
    return o;
}

Result<NewUser> NewUser::fromJson(const QJsonObject &json)
{
    Reader r(json);
    // Unknown members first: a misspelt one is the error to report, not what it left out.
    r.onlyFields({QStringLiteral("username"), QStringLiteral("password"), QStringLiteral("role"),
                  QStringLiteral("displayName")});
    NewUser u;
    u.username = r.string(QStringLiteral("username"));
    u.password = r.string(QStringLiteral("password"));
    if (r.has(QStringLiteral("role")))
        u.role = r.role(QStringLiteral("role"));
    u.displayName = r.optionalString(QStringLiteral("displayName"));
    return r.finish(u);
}

QJsonObject UserChange::toJson() const
{
    QJsonObject o;
    if (password)
        o.insert(QStringLiteral("password"), *password);
    if (role)
        o.insert(QStringLiteral("role"), roleName(*role));
    if (displayName)
        o.insert(QStringLiteral("displayName"), *displayName);
    return o;
}

Result<UserChange> UserChange::fromJson(const QJsonObject &json)
{
    Reader r(json);
    r.onlyFields({QStringLiteral("password"), QStringLiteral("role"), QStringLiteral("displayName")});
    UserChange c;
    if (r.has(QStringLiteral("password")))
        c.password = r.string(QStringLiteral("password"));
    if (r.has(QStringLiteral("role")))
        c.role = r.role(QStringLiteral("role"));
    if (r.has(QStringLiteral("displayName")))
        c.displayName = r.string(QStringLiteral("displayName"));
    return r.finish(c);
}

// ---- Mailboxes ----

QJsonObject MailboxOfflineState::toJson() const
{
    QJsonObject o{{QStringLiteral("enabled"), enabled}, {QStringLiteral("useDefaults"), useDefaults}};
    if (hasRepository) {
        o.insert(QStringLiteral("generation"), generation);
        o.insert(QStringLiteral("revision"), revision);
        o.insert(QStringLiteral("messageCount"), messageCount);
        o.insert(QStringLiteral("bytes"), bytes);
        o.insert(QStringLiteral("updated"), timeJson(updated));
    }
    return o;
}

Result<MailboxOfflineState> MailboxOfflineState::fromJson(const QJsonObject &json)
{
    Reader r(json);
    MailboxOfflineState s;
    s.enabled = r.boolean(QStringLiteral("enabled"));
    s.useDefaults = r.boolean(QStringLiteral("useDefaults"));
    // The repository members come all together, once a repository was built.
    s.hasRepository = r.has(QStringLiteral("generation"));
    if (s.hasRepository) {
        s.generation = r.integer(QStringLiteral("generation"), 1);
        s.revision = r.integer(QStringLiteral("revision"));
        s.messageCount = r.integer(QStringLiteral("messageCount"));
        s.bytes = r.integer(QStringLiteral("bytes"));
        s.updated = r.time(QStringLiteral("updated"));
    }
    return r.finish(s);
}

QJsonObject Mailbox::toJson() const
{
    return QJsonObject{{QStringLiteral("address"), address},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("managed"), managed},
                       {QStringLiteral("archivedMessages"), archivedMessages},
                       {QStringLiteral("offline"), offline.toJson()}};
}

Result<Mailbox> Mailbox::fromJson(const QJsonObject &json)
{
    Reader r(json);
    Mailbox m;
    m.address = r.string(QStringLiteral("address"));
    m.displayName = r.string(QStringLiteral("displayName"));
    m.managed = r.boolean(QStringLiteral("managed"));
    m.archivedMessages = r.integer(QStringLiteral("archivedMessages"));
    m.offline = r.nested(QStringLiteral("offline"), &MailboxOfflineState::fromJson);
    return r.finish(m);
}

QJsonObject DirectoryEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("address"), address},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("archivedMessages"), archivedMessages}};
}

Result<DirectoryEntry> DirectoryEntry::fromJson(const QJsonObject &json)
{
    Reader r(json);
    DirectoryEntry e;
    e.address = r.string(QStringLiteral("address"));
    e.displayName = r.string(QStringLiteral("displayName"));
    e.archivedMessages = r.integer(QStringLiteral("archivedMessages"));
    return r.finish(e);
}

QJsonObject OfflineMailbox::toJson() const
{
    return QJsonObject{{QStringLiteral("address"), address},           {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("generation"), generation},     {QStringLiteral("revision"), revision},
                       {QStringLiteral("messageCount"), messageCount}, {QStringLiteral("bytes"), bytes}};
}

Result<OfflineMailbox> OfflineMailbox::fromJson(const QJsonObject &json)
{
    Reader r(json);
    OfflineMailbox m;
    m.address = r.string(QStringLiteral("address"));
    m.enabled = r.boolean(QStringLiteral("enabled"));
    m.generation = r.integer(QStringLiteral("generation"), 1);
    m.revision = r.integer(QStringLiteral("revision"));
    m.messageCount = r.integer(QStringLiteral("messageCount"));
    m.bytes = r.integer(QStringLiteral("bytes"));
    return r.finish(m);
}

// ---- Offline settings and schedule ----

QJsonObject MailboxOfflineConfig::toJson() const
{
    return QJsonObject{{QStringLiteral("enabled"), enabled},
                       {QStringLiteral("useDefaults"), useDefaults},
                       {QStringLiteral("settings"), settings.toJson()}};
}

Result<MailboxOfflineConfig> MailboxOfflineConfig::fromJson(const QJsonObject &json)
{
    Reader r(json);
    MailboxOfflineConfig c;
    c.enabled = r.boolean(QStringLiteral("enabled"));
    c.useDefaults = r.boolean(QStringLiteral("useDefaults"));
    c.settings = r.nested(QStringLiteral("settings"), &OfflineSettings::fromJson);
    return r.finish(c);
}

QJsonObject MailboxOfflineChange::toJson() const
{
    QJsonObject o;
    if (enabled)
        o.insert(QStringLiteral("enabled"), *enabled);
    if (useDefaults)
        o.insert(QStringLiteral("useDefaults"), *useDefaults);
    if (settings)
        o.insert(QStringLiteral("settings"), settings->toJson());
    return o;
}

Result<MailboxOfflineChange> MailboxOfflineChange::fromJson(const QJsonObject &json)
{
    Reader r(json);
    r.onlyFields({QStringLiteral("enabled"), QStringLiteral("useDefaults"), QStringLiteral("settings")});
    MailboxOfflineChange c;
    if (r.has(QStringLiteral("enabled")))
        c.enabled = r.boolean(QStringLiteral("enabled"));
    if (r.has(QStringLiteral("useDefaults")))
        c.useDefaults = r.boolean(QStringLiteral("useDefaults"));
    if (r.has(QStringLiteral("settings")))
        c.settings = r.nested(QStringLiteral("settings"), &OfflineSettings::fromJson);
    return r.finish(c);
}

QJsonObject ScheduleView::toJson() const
{
    QJsonArray runs;
    for (const QDateTime &t : nextRuns)
        runs.append(timeJson(t));
    return QJsonObject{{QStringLiteral("schedule"), schedule.toJson()},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("timeZone"), timeZone},
                       {QStringLiteral("nextRuns"), runs}};
}

Result<ScheduleView> ScheduleView::fromJson(const QJsonObject &json)
{
    Reader r(json);
    ScheduleView v;
    v.schedule = r.nested(QStringLiteral("schedule"), &Schedule::fromJson);
    v.description = r.string(QStringLiteral("description"));
    v.timeZone = r.string(QStringLiteral("timeZone"));
    v.nextRuns = r.times(QStringLiteral("nextRuns"));
    return r.finish(v);
}

// ---- Devices ----

QJsonObject Device::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("created"), timeJson(created)},
                       {QStringLiteral("lastSeen"), timeJson(lastSeen)},
                       {QStringLiteral("revoked"), timeJson(revoked)}};
}

Result<Device> Device::fromJson(const QJsonObject &json)
{
    Reader r(json);
    Device d;
    d.id = r.integer(QStringLiteral("id"), 1);
    d.username = r.string(QStringLiteral("username"));
    d.name = r.string(QStringLiteral("name"));
    d.created = r.time(QStringLiteral("created"));
    d.lastSeen = r.time(QStringLiteral("lastSeen"), true);
    d.revoked = r.time(QStringLiteral("revoked"), true);
    return r.finish(d);
}

QJsonObject DeviceRegistration::toJson() const
{
    return QJsonObject{{QStringLiteral("deviceId"), deviceId}, {QStringLiteral("token"), token}};
}

Result<DeviceRegistration> DeviceRegistration::fromJson(const QJsonObject &json)
{
    Reader r(json);
    DeviceRegistration d;
    d.deviceId = r.integer(QStringLiteral("deviceId"), 1);
    d.token = r.string(QStringLiteral("token"));
    if (d.token.isEmpty())
        r.fail(QStringLiteral("token"), QStringLiteral("must not be empty"));
    return r.finish(d);
}

// ---- Jobs and status ----

QJsonObject JobActivity::toJson() const
{
    QJsonObject o{{QStringLiteral("queued"), queued}};
    if (!running) {
        o.insert(QStringLiteral("running"), QJsonValue());
        return o;
    }
    o.insert(QStringLiteral("running"), QJsonObject{{QStringLiteral("kind"), running->kind},
                                                    {QStringLiteral("trigger"), running->trigger},
                                                    {QStringLiteral("started"), timeJson(running->started)},
                                                    {QStringLiteral("mailbox"), running->mailbox},
                                                    {QStringLiteral("done"), running->done},
                                                    {QStringLiteral("total"), running->total}});
    return o;
}

Result<JobActivity> JobActivity::fromJson(const QJsonObject &json)
{
    Reader r(json);
    JobActivity a;
    a.queued = r.intValue(QStringLiteral("queued"));
    const QJsonValue running = json.value(QStringLiteral("running"));
    if (running.isUndefined()) {
        r.fail(QStringLiteral("running"), QStringLiteral("is required"));
    } else if (!running.isNull()) {
        // null when the job thread is idle, else the job being run.
        const QJsonObject o = r.object(QStringLiteral("running"));
        if (running.isObject()) {
            Reader rr(o);
            Running run;
            run.kind = rr.oneOf(QStringLiteral("kind"), kJobKinds);
            run.trigger = rr.string(QStringLiteral("trigger"));
            run.started = rr.time(QStringLiteral("started"));
            run.mailbox = rr.string(QStringLiteral("mailbox"));
            run.done = rr.integer(QStringLiteral("done"));
            run.total = rr.integer(QStringLiteral("total"));
            a.running = r.adopt(QStringLiteral("running"), rr.finish(run));
        }
    }
    return r.finish(a);
}

QJsonObject Job::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("trigger"), trigger},
                       {QStringLiteral("started"), timeJson(started)},
                       {QStringLiteral("finished"), timeJson(finished)},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("mailboxes"), mailboxes},
                       {QStringLiteral("segments"), segments},
                       {QStringLiteral("messages"), messages},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("errors"), errors}};
}

Result<Job> Job::fromJson(const QJsonObject &json)
{
    Reader r(json);
    Job j;
    j.id = r.integer(QStringLiteral("id"), 1);
    j.kind = r.oneOf(QStringLiteral("kind"), kJobKinds);
    j.trigger = r.oneOf(QStringLiteral("trigger"), kJobTriggers);
    j.started = r.time(QStringLiteral("started"));
    j.finished = r.optionalTime(QStringLiteral("finished"));
    j.status = r.oneOf(QStringLiteral("status"), kJobStatuses);
    j.mailboxes = r.integer(QStringLiteral("mailboxes"));
    j.segments = r.integer(QStringLiteral("segments"));
    j.messages = r.integer(QStringLiteral("messages"));
    j.bytes = r.integer(QStringLiteral("bytes"));
    j.errors = r.string(QStringLiteral("errors"));
    return r.finish(j);
}

QJsonObject JobList::toJson() const
{
    return QJsonObject{{QStringLiteral("activity"), activity.toJson()},
                       {QStringLiteral("jobs"), listToJson(jobs)}};
}

Result<JobList> JobList::fromJson(const QJsonObject &json)
{
    Reader r(json);
    JobList l;
    l.activity = r.nested(QStringLiteral("activity"), &JobActivity::fromJson);
    l.jobs = r.list<Job>(QStringLiteral("jobs"));
    return r.finish(l);
}

QJsonObject JobError::toJson() const
{
    return QJsonObject{{QStringLiteral("job"), job},
                       {QStringLiteral("finished"), timeJson(finished)},
                       {QStringLiteral("errors"), errors}};
}

Result<JobError> JobError::fromJson(const QJsonObject &json)
{
    Reader r(json);
    JobError e;
    e.job = r.integer(QStringLiteral("job"), 1);
    e.finished = r.optionalTime(QStringLiteral("finished"));
    e.errors = r.string(QStringLiteral("errors"));
    return r.finish(e);
}

QJsonObject RepositoryStatus::toJson() const
{
    return QJsonObject{
        {QStringLiteral("address"), address},       {QStringLiteral("enabled"), enabled},
        {QStringLiteral("generation"), generation}, {QStringLiteral("revision"), revision},
        {QStringLiteral("segments"), segments},     {QStringLiteral("messageCount"), messageCount},
        {QStringLiteral("bytes"), bytes},           {QStringLiteral("updated"), timeJson(updated)}};
}

Result<RepositoryStatus> RepositoryStatus::fromJson(const QJsonObject &json)
{
    Reader r(json);
    RepositoryStatus s;
    s.address = r.string(QStringLiteral("address"));
    s.enabled = r.boolean(QStringLiteral("enabled"));
    s.generation = r.integer(QStringLiteral("generation"), 1);
    s.revision = r.integer(QStringLiteral("revision"));
    s.segments = r.integer(QStringLiteral("segments"));
    s.messageCount = r.integer(QStringLiteral("messageCount"));
    s.bytes = r.integer(QStringLiteral("bytes"));
    s.updated = r.time(QStringLiteral("updated"), true);
    return r.finish(s);
}

QJsonObject DeviceStatus::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("revoked"), revoked},
                       {QStringLiteral("lastSeen"), timeJson(lastSeen)},
                       {QStringLiteral("lagSeconds"), lagSeconds ? QJsonValue(*lagSeconds) : QJsonValue()},
                       {QStringLiteral("state"), state}};
}

Result<DeviceStatus> DeviceStatus::fromJson(const QJsonObject &json)
{
    Reader r(json);
    DeviceStatus d;
    d.id = r.integer(QStringLiteral("id"), 1);
    d.username = r.string(QStringLiteral("username"));
    d.name = r.string(QStringLiteral("name"));
    d.revoked = r.boolean(QStringLiteral("revoked"));
    d.lastSeen = r.time(QStringLiteral("lastSeen"), true);
    // May be negative when the device's last contact is ahead of the service's clock.
    d.lagSeconds = r.nullableInteger(QStringLiteral("lagSeconds"));
    d.state = r.object(QStringLiteral("state"));
    return r.finish(d);
}

QJsonObject DeviceMailboxState::toJson() const
{
    return QJsonObject{{QStringLiteral("address"), address},       {QStringLiteral("state"), state},
                       {QStringLiteral("generation"), generation}, {QStringLiteral("revision"), revision},
                       {QStringLiteral("messages"), messages},     {QStringLiteral("asOf"), timeJson(asOf)}};
}

Result<DeviceMailboxState> DeviceMailboxState::fromJson(const QJsonObject &json)
{
    Reader r(json);
    DeviceMailboxState m;
    m.address = r.string(QStringLiteral("address"));
    m.state = r.string(QStringLiteral("state"));
    m.generation = r.integer(QStringLiteral("generation"));
    m.revision = r.integer(QStringLiteral("revision"));
    m.messages = r.integer(QStringLiteral("messages"));
    m.asOf = r.time(QStringLiteral("asOf"), true);
    return r.finish(m);
}

QJsonObject DeviceState::toJson() const
{
    return QJsonObject{{QStringLiteral("status"), status},
                       {QStringLiteral("mailboxes"), listToJson(mailboxes)}};
}

Result<DeviceState> DeviceState::fromJson(const QJsonObject &json)
{
    Reader r(json);
    DeviceState s;
    s.status = r.string(QStringLiteral("status"));
    s.mailboxes = r.list<DeviceMailboxState>(QStringLiteral("mailboxes"));
    return r.finish(s);
}

QJsonObject ServiceStatus::toJson() const
{
    return QJsonObject{{QStringLiteral("schedule"), schedule.toJson()},
                       {QStringLiteral("scheduleDescription"), scheduleDescription},
                       {QStringLiteral("lastRun"), timeJson(lastRun)},
                       {QStringLiteral("nextRun"), timeJson(nextRun)},
                       {QStringLiteral("activity"), activity.toJson()},
                       {QStringLiteral("recentJobs"), listToJson(recentJobs)},
                       {QStringLiteral("recentErrors"), listToJson(recentErrors)},
                       {QStringLiteral("repositories"), listToJson(repositories)},
                       {QStringLiteral("devices"), listToJson(devices)}};
}

Result<ServiceStatus> ServiceStatus::fromJson(const QJsonObject &json)
{
    Reader r(json);
    ServiceStatus s;
    s.schedule = r.nested(QStringLiteral("schedule"), &Schedule::fromJson);
    s.scheduleDescription = r.string(QStringLiteral("scheduleDescription"));
    s.lastRun = r.optionalTime(QStringLiteral("lastRun"));
    s.nextRun = r.time(QStringLiteral("nextRun"));
    s.activity = r.nested(QStringLiteral("activity"), &JobActivity::fromJson);
    s.recentJobs = r.list<Job>(QStringLiteral("recentJobs"));
    s.recentErrors = r.list<JobError>(QStringLiteral("recentErrors"));
    s.repositories = r.list<RepositoryStatus>(QStringLiteral("repositories"));
    s.devices = r.list<DeviceStatus>(QStringLiteral("devices"));
    return r.finish(s);
}

// ---- Initial-sync admission ----

QJsonObject Admission::toJson() const
{
    return QJsonObject{{QStringLiteral("admitted"), true}, {QStringLiteral("leaseSeconds"), leaseSeconds}};
}

Result<Admission> Admission::fromJson(const QJsonObject &json)
{
    Reader r(json);
    Admission a;
    // Refusals are 503 problems, so a success that says otherwise breaks the contract.
    if (!r.boolean(QStringLiteral("admitted")))
        r.fail(QStringLiteral("admitted"), QStringLiteral("must be true"));
    a.leaseSeconds = r.intValue(QStringLiteral("leaseSeconds"), 1);
    return r.finish(a);
}

QJsonObject AdmissionHolder::toJson() const
{
    return QJsonObject{{QStringLiteral("deviceId"), deviceId},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("since"), timeJson(since)}};
}

Result<AdmissionHolder> AdmissionHolder::fromJson(const QJsonObject &json)
{
    Reader r(json);
    AdmissionHolder h;
    h.deviceId = r.integer(QStringLiteral("deviceId"), 1);
    h.username = r.string(QStringLiteral("username"));
    h.since = r.time(QStringLiteral("since"));
    return r.finish(h);
}

QJsonObject AdmissionWaiter::toJson() const
{
    return QJsonObject{{QStringLiteral("deviceId"), deviceId},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("position"), position}};
}

Result<AdmissionWaiter> AdmissionWaiter::fromJson(const QJsonObject &json)
{
    Reader r(json);
    AdmissionWaiter w;
    w.deviceId = r.integer(QStringLiteral("deviceId"), 1);
    w.username = r.string(QStringLiteral("username"));
    w.position = r.intValue(QStringLiteral("position"), 1);
    return r.finish(w);
}

QJsonObject AdmissionState::toJson() const
{
    return QJsonObject{{QStringLiteral("limit"), limit},
                       {QStringLiteral("leaseSeconds"), leaseSeconds},
                       {QStringLiteral("holders"), listToJson(holders)},
                       {QStringLiteral("queue"), listToJson(queue)}};
}

Result<AdmissionState> AdmissionState::fromJson(const QJsonObject &json)
{
    Reader r(json);
    AdmissionState s;
    s.limit = r.intValue(QStringLiteral("limit"), 1);
    s.leaseSeconds = r.intValue(QStringLiteral("leaseSeconds"), 1);
    s.holders = r.list<AdmissionHolder>(QStringLiteral("holders"));
    s.queue = r.list<AdmissionWaiter>(QStringLiteral("queue"));
    return r.finish(s);
}

// ---- Audit and messages ----

QJsonObject AuditEntry::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("at"), timeJson(at)},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("action"), action},
                       {QStringLiteral("target"), target},
                       {QStringLiteral("detail"), detail}};
}

Result<AuditEntry> AuditEntry::fromJson(const QJsonObject &json)
{
    Reader r(json);
    AuditEntry e;
    e.id = r.integer(QStringLiteral("id"), 1);
    e.at = r.time(QStringLiteral("at"));
    e.username = r.string(QStringLiteral("username"));
    e.action = r.string(QStringLiteral("action"));
    e.target = r.string(QStringLiteral("target"));
    e.detail = r.string(QStringLiteral("detail"));
    return r.finish(e);
}

QJsonObject ArchivedMessage::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("folder"), folder},
                       {QStringLiteral("messageId"), messageId},
                       {QStringLiteral("from"), from},
                       {QStringLiteral("to"), to},
                       {QStringLiteral("cc"), cc},
                       {QStringLiteral("subject"), subject},
                       {QStringLiteral("date"), timeJson(date)},
                       {QStringLiteral("size"), size},
                       {QStringLiteral("sha256"), sha256},
                       {QStringLiteral("signed"), isSigned},
                       {QStringLiteral("encrypted"), isEncrypted},
                       {QStringLiteral("hasAttachments"), hasAttachments}};
}

Result<ArchivedMessage> ArchivedMessage::fromJson(const QJsonObject &json)
{
    Reader r(json);
    ArchivedMessage m;
    m.id = r.integer(QStringLiteral("id"), 1);
    m.folder = r.string(QStringLiteral("folder"));
    m.messageId = r.string(QStringLiteral("messageId"));
    m.from = r.string(QStringLiteral("from"));
    m.to = r.string(QStringLiteral("to"));
    m.cc = r.string(QStringLiteral("cc"));
    m.subject = r.string(QStringLiteral("subject"));
    m.date = r.time(QStringLiteral("date"), true);
    m.size = r.integer(QStringLiteral("size"));
    m.sha256 = r.string(QStringLiteral("sha256"));
    m.isSigned = r.boolean(QStringLiteral("signed"));
    m.isEncrypted = r.boolean(QStringLiteral("encrypted"));
    m.hasAttachments = r.boolean(QStringLiteral("hasAttachments"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(m.sha256).hasMatch())
        r.fail(QStringLiteral("sha256"), QStringLiteral("must be 64 lower-case hex digits"));
    return r.finish(m);
}

QJsonObject MessageSearchResult::toJson() const
{
    return QJsonObject{{QStringLiteral("total"), total}, {QStringLiteral("messages"), listToJson(messages)}};
}

Result<MessageSearchResult> MessageSearchResult::fromJson(const QJsonObject &json)
{
    Reader r(json);
    MessageSearchResult s;
    s.total = r.integer(QStringLiteral("total"));
    s.messages = r.list<ArchivedMessage>(QStringLiteral("messages"));
    return r.finish(s);
}

} // namespace ArchiveSync::Api
