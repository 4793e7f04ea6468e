// SPDX-License-Identifier: Apache-2.0
#include "core/sync/SyncEngine.h"

#include "core/api/ApiClient.h"
#include "core/common/Clock.h"
#include "core/localstore/DeviceKey.h"
#include "core/localstore/MailboxStore.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/SyncLogging.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInformation>
#include <QThreadPool>

namespace ArchiveSync {

SyncEngine::SyncEngine(QString dataDirectory, AgentState state, QNetworkAccessManager &network,
                       const MessageCipher &cipher, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(std::move(dataDirectory))
    , m_state(std::move(state))
    , m_network(network)
    , m_cipher(cipher)
    , m_clock(clock)
    , m_limiter(clock)
    , m_longPollSeconds(MailboxSync::kDefaultLongPollSeconds)
{
    Q_ASSERT(m_state.account);
    m_client = std::make_unique<ApiClient>(network, m_state.account->server);
    m_client->setToken(m_state.account->token);
    m_limiter.setBytesPerSecond(m_state.bandwidthLimit);

    m_discovery.setInterval(kDiscoveryIntervalMsecs);
    connect(&m_discovery, &QTimer::timeout, this, &SyncEngine::discover);
    m_pauseEnd.setSingleShot(true);
    connect(&m_pauseEnd, &QTimer::timeout, this, &SyncEngine::resume);
    // State reports are coalesced: a sync changes its progress many times a second.
    m_report.setSingleShot(true);
    m_report.setInterval(2000);
    connect(&m_report, &QTimer::timeout, this, &SyncEngine::reportState);

    for (const AgentMailbox &record : std::as_const(m_state.mailboxes))
        addMailbox(record);
    updateStatus();
}

SyncEngine::~SyncEngine()
{
    for (auto &[address, sync] : m_mailboxes)
        sync->stop();
    // A segment being applied on a pool thread finishes its transaction before the engine goes.
    QThreadPool::globalInstance()->waitForDone();
}

void SyncEngine::start()
{
    if (m_state.pausedUntil.isValid() && m_state.pausedUntil > m_clock.now()) {
        pause(m_state.pausedUntil);
    } else if (m_state.pausedUntil.isValid()) {
        m_state.pausedUntil = {};
        m_state.save(m_dataDirectory).ok();
    }
    discover();
    m_discovery.start();
    // Where the platform tells when the network comes back, a laptop back online syncs at once instead
    // of at the end of its backoff.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    qCInfo(lcSync) << "network reachability:" << reachability;
                    if (reachability == QNetworkInformation::Reachability::Online &&
                        !m_state.pausedUntil.isValid())
                        syncNow();
                });
    }
}

void SyncEngine::syncNow()
{
    m_discovered = false;
    discover();
}

void SyncEngine::discover()
{
    m_client->myOfflineMailboxes([this](ApiResult<QList<Api::OfflineMailbox>> list) {
        if (!list) {
            if (list.error().category == ErrorCategory::Auth)
                return wipeAll(list.error().message);
            qCWarning(lcSync) << "cannot list the offline mailboxes:" << list.error().message;
            // The mailboxes known already still sync (or show why they cannot).
            for (auto &[address, sync] : m_mailboxes)
                sync->syncNow();
            m_discovered = true;
            updateStatus();
            return;
        }
        QList<QString> addresses;
        for (const Api::OfflineMailbox &m : std::as_const(*list))
            if (m.enabled || m.generation > 0)
                addresses.append(m.address);
        onDiscovered(addresses);
    });
}

void SyncEngine::onDiscovered(const QList<QString> &addresses)
{
    // Mailboxes no longer listed are no longer this user's to read offline.
    QStringList gone;
    for (const auto &[key, sync] : m_mailboxes) {
        const bool listed = std::any_of(addresses.cbegin(), addresses.cend(),
                                        [&key](const QString &a) { return a.toLower() == key; });
        if (!listed)
            gone.append(sync->record().address);
    }
    for (const QString &address : std::as_const(gone))
        wipeMailbox(address, tr("the service no longer offers %1 to this user").arg(address));

    for (const QString &address : addresses) {
        if (m_mailboxes.count(address.toLower()) == 0) {
            AgentMailbox record;
            record.address = address;
            m_state.mailboxes.append(record);
            if (Status st = m_state.save(m_dataDirectory); !st.ok())
                qCWarning(lcSync) << "cannot save the agent state:" << st.error().message;
            addMailbox(record);
            qCInfo(lcSync) << "now syncing" << address;
        }
    }
    m_discovered = true;
    const bool paused = m_state.pausedUntil.isValid();
    for (auto &[address, sync] : m_mailboxes) {
        if (paused)
            sync->pause();
        else
            sync->syncNow();
    }
    updateStatus();
}

void SyncEngine::addMailbox(const AgentMailbox &record)
{
    MailboxSync::Context context{m_network,
                                 *m_client,
                                 m_limiter,
                                 m_cipher,
                                 m_clock,
                                 m_dataDirectory,
                                 [this](const AgentMailbox &changed) {
                                     return persist(changed);
                                 }};
    auto *sync = new MailboxSync(std::move(context), record, this);
    sync->setLongPollSeconds(m_longPollSeconds);
    m_mailboxes[record.address.toLower()] = sync;
    connect(sync, &MailboxSync::statusChanged, this, &SyncEngine::updateStatus);
    connect(sync, &MailboxSync::authenticationLost, this,
            [this](const ApiError &error) { wipeAll(error.message); });
    connect(sync, &MailboxSync::accessLost, this,
            [this, sync](const ApiError &error) { wipeMailbox(sync->record().address, error.message); });
    connect(sync, &MailboxSync::initialSyncFinished, this, &SyncEngine::releaseAdmissionIfDone);
}

Status SyncEngine::persist(const AgentMailbox &record)
{
    AgentMailbox *stored = m_state.mailbox(record.address);
    if (!stored)
        return Error::internal(QStringLiteral("no agent state for %1").arg(record.address));
    const AgentMailbox previous = *stored;
    *stored = record;
    if (Status st = m_state.save(m_dataDirectory); !st.ok()) {
        *stored = previous;
        return st;
    }
    return {};
}

MailboxStore *SyncEngine::store(const QString &address)
{
    auto it = m_mailboxes.find(address.toLower());
    return it == m_mailboxes.end() ? nullptr : it->second->activeStore();
}

void SyncEngine::wipeMailbox(const QString &address, const QString &reason)
{
    auto it = m_mailboxes.find(address.toLower());
    if (it != m_mailboxes.end()) {
        MailboxSync *sync = it->second;
        m_mailboxes.erase(it);
        sync->stop();
        delete sync; // closes its stores before their files go
    }
    m_state.mailboxes.removeIf(
        [&address](const AgentMailbox &m) { return m.address.compare(address, Qt::CaseInsensitive) == 0; });
    if (Status st = m_state.save(m_dataDirectory); !st.ok())
        qCWarning(lcSync) << "cannot save the agent state:" << st.error().message;
    QDir(AgentState::mailboxDirectory(m_dataDirectory, address)).removeRecursively();
    qCWarning(lcSync) << "local copy of" << address << "wiped:" << reason;
    releaseAdmissionIfDone();
    updateStatus();
}

void SyncEngine::wipeAll(const QString &reason)
{
    if (m_revoked)
        return;
    m_revoked = true;
    m_discovery.stop();
    const QStringList addresses = [this] {
        QStringList list;
        for (const auto &[key, sync] : m_mailboxes)
            list.append(sync->record().address);
        return list;
    }();
    for (const QString &address : addresses)
        wipeMailbox(address, reason);
    QDir(QDir(m_dataDirectory).filePath(QStringLiteral("mailboxes"))).removeRecursively();
    QDir(AgentState::spoolDirectory(m_dataDirectory)).removeRecursively();
    // Nothing sealed with the key remains; a new registration gets a new key.
    if (Status st = DeviceKey::remove(m_dataDirectory, true); !st.ok())
        qCWarning(lcSync) << "cannot remove the device key:" << st.error().message;
    // The token is dead: forget it, so the agent asks to be set up again.
    m_state.account.reset();
    m_state.mailboxes.clear();
    if (Status st = m_state.save(m_dataDirectory); !st.ok())
        qCWarning(lcSync) << "cannot save the agent state:" << st.error().message;
    qCWarning(lcSync) << "the service refused this device; every local copy was wiped:" << reason;
    updateStatus();
    emit deviceRevoked(reason);
}

void SyncEngine::pause(const QDateTime &until)
{
    m_state.pausedUntil = until.isValid() ? until : AgentState::untilResumed();
    if (Status st = m_state.save(m_dataDirectory); !st.ok())
        qCWarning(lcSync) << "cannot save the agent state:" << st.error().message;
    for (auto &[address, sync] : m_mailboxes)
        sync->pause();
    m_pauseEnd.stop();
    if (until.isValid())
        m_pauseEnd.start(
            int(std::clamp<qint64>(m_clock.now().msecsTo(until), 0, std::numeric_limits<int>::max())));
    updateStatus();
}

void SyncEngine::resume()
{
    m_pauseEnd.stop();
    m_state.pausedUntil = {};
    if (Status st = m_state.save(m_dataDirectory); !st.ok())
        qCWarning(lcSync) << "cannot save the agent state:" << st.error().message;
    for (auto &[address, sync] : m_mailboxes)
        sync->resume();
    updateStatus();
}

Status SyncEngine::reset(const QString &address)
{
    QStringList targets;
    for (const auto &[key, sync] : m_mailboxes)
        if (address.isEmpty() || key == address.toLower())
            targets.append(sync->record().address);
    if (targets.isEmpty() && !address.isEmpty())
        return Error::notFound(tr("this laptop does not sync %1").arg(address));
    for (const QString &target : std::as_const(targets)) {
        auto it = m_mailboxes.find(target.toLower());
        MailboxSync *sync = it->second;
        m_mailboxes.erase(it);
        sync->stop();
        delete sync;
        QDir(AgentState::mailboxDirectory(m_dataDirectory, target)).removeRecursively();
        AgentMailbox *record = m_state.mailbox(target);
        const OfflineSettings folders = record->folders;
        *record = AgentMailbox{};
        record->address = target;
        record->folders = folders;
        if (Status st = m_state.save(m_dataDirectory); !st.ok())
            return st;
        addMailbox(*record);
        qCInfo(lcSync) << "local copy of" << target << "reset";
    }
    syncNow();
    return {};
}

void SyncEngine::setBandwidthLimit(qint64 bytesPerSecond)
{
    m_state.bandwidthLimit = std::max<qint64>(bytesPerSecond, 0);
    m_limiter.setBytesPerSecond(m_state.bandwidthLimit);
    if (Status st = m_state.save(m_dataDirectory); !st.ok())
        qCWarning(lcSync) << "cannot save the agent state:" << st.error().message;
}

Status SyncEngine::setFolders(const QString &address, const OfflineSettings &folders)
{
    AgentMailbox *record = m_state.mailbox(address);
    if (!record)
        return Error::notFound(tr("this laptop does not sync %1").arg(address));
    const bool rebuild = AgentMailbox::exclusions(record->folders) != AgentMailbox::exclusions(folders);
    record->folders = folders;
    if (Status st = m_state.save(m_dataDirectory); !st.ok())
        return st;
    if (rebuild)
        return reset(record->address);
    auto it = m_mailboxes.find(address.toLower());
    if (it != m_mailboxes.end()) {
        // The running sync keeps its own copy of the record: replace the mailbox's sync with one that
        // has the new choices.
        MailboxSync *old = it->second;
        m_mailboxes.erase(it);
        old->stop();
        delete old;
        addMailbox(*record);
    }
    syncNow();
    return {};
}

bool SyncEngine::settled() const
{
    if (m_revoked)
        return true;
    if (!m_discovered || m_releasing)
        return false;
    for (const auto &[address, sync] : m_mailboxes) {
        if (sync->isWorking() || sync->status().state == SyncState::Queued)
            return false;
    }
    return true;
}

void SyncEngine::releaseAdmissionIfDone()
{
    for (const auto &[address, sync] : m_mailboxes)
        if (sync->needsInitialSync())
            return;
    m_releasing = true;
    m_client->releaseInitialSync([this](ApiResult<void> released) {
        m_releasing = false;
        if (!released && released.error().category != ErrorCategory::Forbidden)
            qCInfo(lcSync) << "could not release the initial-sync slot (it expires by itself):"
                           << released.error().message;
        emit settledChanged();
    });
}

void SyncEngine::updateStatus()
{
    AgentSyncStatus status;
    if (m_state.account) {
        status.server = m_state.account->server.toString();
        status.username = m_state.account->username;
        status.deviceId = m_state.account->deviceId;
    }
    status.pausedUntil = m_state.pausedUntil;
    for (const auto &[address, sync] : m_mailboxes)
        status.mailboxes.append(sync->status());
    status.state = m_revoked || !m_state.account   ? SyncState::NotConfigured
                   : m_state.pausedUntil.isValid() ? SyncState::Paused
                   : status.mailboxes.isEmpty()
                       ? (m_discovered ? SyncState::NotConfigured : SyncState::Syncing)
                       : AgentSyncStatus::summarize(status.mailboxes);
    const bool wasSettled = settled();
    m_status.setStatus(status);
    if (m_state.account && !m_report.isActive())
        m_report.start();
    Q_UNUSED(wasSettled)
    emit settledChanged();
}

void SyncEngine::reportState()
{
    if (!m_state.account || m_revoked)
        return;
    const AgentSyncStatus &status = m_status.snapshot();
    Api::DeviceState report;
    report.status = syncStateName(status.state);
    for (const MailboxSyncStatus &m : status.mailboxes)
        report.mailboxes.append(Api::DeviceMailboxState{m.address, syncStateName(m.state), m.generation,
                                                        m.revision, m.messages, m.asOf});
    const QJsonObject state = report.toJson();
    const QString text = QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact));
    if (text == m_lastReport)
        return;
    m_lastReport = text;
    m_client->reportDeviceState(m_state.account->deviceId, state, [this](ApiResult<void> result) {
        if (!result) {
            m_lastReport.clear(); // try again with the next change
            if (result.error().category == ErrorCategory::Auth)
                wipeAll(result.error().message);
        }
    });
}

} // namespace ArchiveSync
