// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/HeadlessAgent.h"

#include "core/sync/AgentControl.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLogging.h"

#include <QDir>
#include <QTimer>

#include <utility>

namespace ArchiveSync {

HeadlessAgent::HeadlessAgent(QString dataDirectory, AgentState state, QNetworkAccessManager &network,
                             const MessageCipher &cipher, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(std::move(dataDirectory))
    , m_initialState(std::move(state))
    , m_network(network)
    , m_cipher(cipher)
    , m_clock(clock)
{
    m_control = new AgentControlServer([this](const QJsonObject &request) { return handle(request); }, this);
}

HeadlessAgent::~HeadlessAgent() = default;

std::unique_ptr<QLockFile> HeadlessAgent::lock(const QString &dataDirectory)
{
    auto lock = std::make_unique<QLockFile>(QDir(dataDirectory).filePath(QStringLiteral("agent.lock")));
    lock->setStaleLockTime(0); // stale only when its process is gone
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

Status HeadlessAgent::start()
{
    m_lock = lock(m_dataDirectory);
    if (!m_lock)
        return Error::conflict(tr("another agent is working on %1").arg(m_dataDirectory));
    if (Status st = m_control->listen(m_dataDirectory); !st.ok())
        return st;
    qCInfo(lcAgent) << "agent running for" << m_dataDirectory;
    if (m_initialState.account)
        startSync(std::exchange(m_initialState, AgentState{}));
    return {};
}

void HeadlessAgent::startSync(AgentState state)
{
    m_engine.reset();
    m_engine = std::make_unique<SyncEngine>(m_dataDirectory, std::move(state), m_network, m_cipher, m_clock);
    connect(m_engine.get(), &SyncEngine::deviceRevoked, this, [this](const QString &reason) {
        qCWarning(lcAgent) << "this laptop's registration was revoked and its local copies wiped:" << reason;
        emit finished(3);
    });
    m_engine->start();
    emit engineStarted(m_engine.get());
}

QJsonObject HeadlessAgent::handle(const QJsonObject &request)
{
    const QString command = request.value(QStringLiteral("command")).toString();
    auto ok = [](QJsonObject answer = {}) {
        answer.insert(QStringLiteral("ok"), true);
        return answer;
    };
    auto refused = [](const QString &message) {
        return QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
    };
    if (command == QLatin1String("status")) {
        QJsonObject status = m_engine ? m_engine->status().snapshot().toJson() : AgentSyncStatus{}.toJson();
        status.insert(QStringLiteral("running"), true);
        status.insert(QStringLiteral("settled"), m_engine ? m_engine->settled() : true);
        return ok(QJsonObject{{QStringLiteral("status"), status}});
    }
    if (command == QLatin1String("open-link") || command == QLatin1String("show")) {
        if (!m_desktop)
            return refused(tr("this agent runs without a desktop"));
        if (Status st = m_desktop(request); !st.ok())
            return refused(st.error().message);
        return ok();
    }
    if (command == QLatin1String("quit")) {
        // After the answer is on its way.
        QTimer::singleShot(100, this, [this] { emit finished(0); });
        return ok();
    }
    if (!m_engine)
        return refused(tr("this laptop is not set up yet"));
    if (command == QLatin1String("sync-now")) {
        m_engine->syncNow();
        return ok();
    }
    if (command == QLatin1String("pause")) {
        const qint64 seconds = request.value(QStringLiteral("seconds")).toInteger();
        m_engine->pause(seconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(seconds) : QDateTime());
        return ok();
    }
    if (command == QLatin1String("resume")) {
        m_engine->resume();
        return ok();
    }
    if (command == QLatin1String("reset")) {
        if (Status st = m_engine->reset(request.value(QStringLiteral("mailbox")).toString()); !st.ok())
            return refused(st.error().message);
        return ok();
    }
    if (command == QLatin1String("folders")) {
        Result<OfflineSettings> folders =
            OfflineSettings::fromJson(request.value(QStringLiteral("folders")).toObject());
        if (!folders)
            return refused(folders.errorString());
        if (Status st = m_engine->setFolders(request.value(QStringLiteral("mailbox")).toString(), *folders);
            !st.ok())
            return refused(st.error().message);
        return ok();
    }
    if (command == QLatin1String("bandwidth")) {
        m_engine->setBandwidthLimit(request.value(QStringLiteral("bytesPerSecond")).toInteger());
        return ok();
    }
    return refused(tr("unknown command '%1'").arg(command));
}

} // namespace ArchiveSync
