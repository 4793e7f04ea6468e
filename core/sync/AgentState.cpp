// SPDX-License-Identifier: Apache-2.0
#include "core/sync/AgentState.h"

#include "core/common/FileUtil.h"
#include "core/common/Sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ArchiveSync {

namespace {
QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}
} // namespace

OfflineSettings AgentMailbox::defaultFolders()
{
    // Fetch every body the service offers: its folder settings already are the admin's choice.
    OfflineSettings folders;
    folders.defaultFolderPolicy = FolderPolicy::Whole;
    folders.folderPolicies.clear();
    return folders;
}

QStringList AgentMailbox::exclusions(const OfflineSettings &folders)
{
    QStringList list;
    if (folders.defaultFolderPolicy == FolderPolicy::Excluded)
        list.append(QStringLiteral("*"));
    for (auto it = folders.folderPolicies.cbegin(); it != folders.folderPolicies.cend(); ++it)
        if (it.value() == FolderPolicy::Excluded)
            list.append(it.key());
    return list;
}

AgentMailbox *AgentState::mailbox(const QString &address)
{
    for (AgentMailbox &m : mailboxes)
        if (m.address.compare(address, Qt::CaseInsensitive) == 0)
            return &m;
    return nullptr;
}

const AgentMailbox *AgentState::mailbox(const QString &address) const
{
    return const_cast<AgentState *>(this)->mailbox(address);
}

QString AgentState::filePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("agent.json"));
}

QString AgentState::mailboxDirectory(const QString &dataDirectory, const QString &address)
{
    const QString key = Sha256::hex(address.toLower().toUtf8()).left(20);
    return QDir(dataDirectory).filePath(QStringLiteral("mailboxes/") + key);
}

QString AgentState::copyDirectory(const QString &dataDirectory, const QString &address, qint64 generation)
{
    return QDir(mailboxDirectory(dataDirectory, address)).filePath(QStringLiteral("g%1").arg(generation));
}

QString AgentState::spoolDirectory(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("spool"));
}

QByteArray AgentState::toJson() const
{
    QJsonObject root{{QStringLiteral("format"), kFormat}};
    if (account) {
        root.insert(QStringLiteral("account"),
                    QJsonObject{{QStringLiteral("server"), account->server.toString()},
                                {QStringLiteral("username"), account->username},
                                {QStringLiteral("deviceId"), account->deviceId},
                                {QStringLiteral("deviceName"), account->deviceName},
                                {QStringLiteral("token"), account->token},
                                {QStringLiteral("caCertificate"), account->caCertificate}});
    }
    QJsonArray list;
    for (const AgentMailbox &m : mailboxes) {
        list.append(QJsonObject{{QStringLiteral("address"), m.address},
                                {QStringLiteral("generation"), m.generation},
                                {QStringLiteral("revision"), m.revision},
                                {QStringLiteral("etag"), m.etag},
                                {QStringLiteral("asOf"), timeText(m.asOf)},
                                {QStringLiteral("stagingGeneration"), m.stagingGeneration},
                                {QStringLiteral("folders"), m.folders.toJson()}});
    }
    root.insert(QStringLiteral("mailboxes"), list);
    root.insert(QStringLiteral("pausedUntil"), timeText(pausedUntil));
    root.insert(QStringLiteral("bandwidthLimit"), bandwidthLimit);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<AgentState> AgentState::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return Error::corrupt(
            QStringLiteral("the agent state is not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != kFormat)
        return Error::corrupt(QStringLiteral("the agent state has an unknown format"));
    AgentState state;
    if (root.value(QStringLiteral("account")).isObject()) {
        const QJsonObject a = root.value(QStringLiteral("account")).toObject();
        AgentAccount account;
        account.server = QUrl(a.value(QStringLiteral("server")).toString());
        account.username = a.value(QStringLiteral("username")).toString();
        account.deviceId = a.value(QStringLiteral("deviceId")).toInteger();
        account.deviceName = a.value(QStringLiteral("deviceName")).toString();
        account.token = a.value(QStringLiteral("token")).toString();
        account.caCertificate = a.value(QStringLiteral("caCertificate")).toString();
        if (!account.server.isValid() || account.token.isEmpty())
            return Error::corrupt(QStringLiteral("the agent state's account is incomplete"));
        state.account = account;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("mailboxes")).toArray()) {
        const QJsonObject o = v.toObject();
        AgentMailbox m;
        m.address = o.value(QStringLiteral("address")).toString();
        m.generation = o.value(QStringLiteral("generation")).toInteger();
        m.revision = o.value(QStringLiteral("revision")).toInteger();
        m.etag = o.value(QStringLiteral("etag")).toString();
        m.asOf = timeFrom(o.value(QStringLiteral("asOf")));
        m.stagingGeneration = o.value(QStringLiteral("stagingGeneration")).toInteger();
        Result<OfflineSettings> folders =
            OfflineSettings::fromJson(o.value(QStringLiteral("folders")).toObject());
        if (!folders)
            return Error::corrupt(QStringLiteral("the agent state's folder choices for %1: %2")
                                      .arg(m.address, folders.errorString()));
        m.folders = *folders;
        if (m.address.isEmpty())
            return Error::corrupt(QStringLiteral("the agent state names a mailbox without an address"));
        state.mailboxes.append(m);
    }
    state.pausedUntil = timeFrom(root.value(QStringLiteral("pausedUntil")));
    state.bandwidthLimit = root.value(QStringLiteral("bandwidthLimit")).toInteger();
    return state;
}

Result<AgentState> AgentState::load(const QString &dataDirectory)
{
    QFile file(filePath(dataDirectory));
    if (!file.exists())
        return AgentState{};
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    return fromJson(file.readAll());
}

Status AgentState::save(const QString &dataDirectory) const
{
    if (Status st = FileUtil::makeDirectory(dataDirectory); !st.ok())
        return st;
    const QString path = filePath(dataDirectory);
    if (Status st = FileUtil::writeAtomically(path, toJson()); !st.ok())
        return st;
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

} // namespace ArchiveSync
