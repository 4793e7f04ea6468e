// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/DesktopAgent.h"

#include "core/common/Clock.h"
#include "core/localstore/DeviceKey.h"
#include "core/localstore/MessageCipher.h"
#include "core/sync/AgentControl.h"
#include "core/sync/MessageLink.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLogging.h"
#include "tray-agent/AgentCli.h"
#include "tray-agent/ArchiveWindow.h"
#include "tray-agent/HeadlessAgent.h"
#include "tray-agent/SettingsDialog.h"
#include "tray-agent/SetupWizard.h"
#include "tray-agent/TrayController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QTextStream>

#include <cstdio>

namespace ArchiveSync {

DesktopAgent::DesktopAgent(QString dataDirectory, QNetworkAccessManager &network, const MessageCipher &cipher,
                           const Clock &clock, bool useTray, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(std::move(dataDirectory))
    , m_network(network)
    , m_clock(clock)
    , m_agent(std::make_unique<HeadlessAgent>(m_dataDirectory, AgentState{}, network, cipher, clock))
    , m_tray(new TrayController(clock, useTray, this))
    , m_preferences(DesktopPreferences::load(m_dataDirectory))
{
    m_agent->setDesktopHandler([this](const QJsonObject &request) { return handleDesktopCommand(request); });
    connect(m_agent.get(), &HeadlessAgent::finished, this, &DesktopAgent::finished);
    connect(m_agent.get(), &HeadlessAgent::engineStarted, this, &DesktopAgent::onEngineStarted);
    connect(m_tray, &TrayController::syncNowRequested, this, [this] {
        if (SyncEngine *e = engine())
            e->syncNow();
    });
    connect(m_tray, &TrayController::pauseRequested, this, [this](const QDateTime &until) {
        if (SyncEngine *e = engine())
            e->pause(until);
    });
    connect(m_tray, &TrayController::resumeRequested, this, [this] {
        m_pausedForMetered = false;
        if (SyncEngine *e = engine())
            e->resume();
    });
    connect(m_tray, &TrayController::openArchiveRequested, this, &DesktopAgent::openArchive);
    connect(m_tray, &TrayController::searchRequested, this, &DesktopAgent::openSearch);
    connect(m_tray, &TrayController::settingsRequested, this, &DesktopAgent::openSettings);
    connect(m_tray, &TrayController::setupRequested, this, &DesktopAgent::showWizard);
    connect(m_tray, &TrayController::quitRequested, this, [this] { emit finished(0); });
    m_windowCheck.setInterval(60 * 1000);
    connect(&m_windowCheck, &QTimer::timeout, this, &DesktopAgent::applyPreferences);
}

DesktopAgent::~DesktopAgent()
{
    delete m_wizard;
    delete m_archive;
    delete m_settings;
}

SyncEngine *DesktopAgent::engine() const
{
    return m_agent->engine();
}

SetupWizard *DesktopAgent::wizard() const
{
    return m_wizard;
}

ArchiveWindow *DesktopAgent::archiveWindow() const
{
    return m_archive;
}

SettingsDialog *DesktopAgent::settingsDialog() const
{
    return m_settings;
}

Status DesktopAgent::start()
{
    if (!QDir().mkpath(m_dataDirectory))
        return Error::io(tr("cannot create %1").arg(m_dataDirectory));
    QFile::setPermissions(m_dataDirectory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    Result<AgentState> state = AgentState::load(m_dataDirectory);
    if (!state)
        return state.error();
    if (Status st = m_agent->start(); !st.ok())
        return st;
    if (state->account)
        m_agent->startSync(*state);
    else
        showWizard();
    m_tray->showWindow();

    // Pausing on metered networks needs a backend that knows (NetworkManager on Linux).
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Metered)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::isMeteredChanged, this,
                &DesktopAgent::onMeteredChanged);
        onMeteredChanged(QNetworkInformation::instance()->isMetered());
    }
    return {};
}

void DesktopAgent::onEngineStarted()
{
    SyncEngine *e = engine();
    connect(&e->status(), &SyncStatusModel::changed, this, [this](const AgentSyncStatus &status) {
        m_tray->setStatus(status);
        if (m_archive && status.safeToDisconnect())
            m_archive->reload();
    });
    m_tray->setStatus(e->status().snapshot());
    if (m_wizard)
        m_wizard->attachStatus(&e->status());
    applyPreferences();
    m_windowCheck.start();
    if (!m_pendingLink.isEmpty()) {
        if (Status st = openLink(std::exchange(m_pendingLink, QString())); !st.ok())
            qCWarning(lcAgent) << "cannot open the link:" << st.error().message;
    }
}

void DesktopAgent::applyPreferences()
{
    SyncEngine *e = engine();
    if (!e)
        return;
    const qint64 limit = m_preferences.limitAt(m_clock.now().toTimeZone(m_clock.timeZone()).time());
    if (limit != e->state().bandwidthLimit)
        e->setBandwidthLimit(limit);
    if (QNetworkInformation *info = QNetworkInformation::instance())
        onMeteredChanged(info->isMetered());
}

void DesktopAgent::onMeteredChanged(bool metered)
{
    SyncEngine *e = engine();
    if (!e)
        return;
    const bool wantPause = metered && m_preferences.pauseOnMetered;
    if (wantPause && !e->state().pausedUntil.isValid()) {
        qCInfo(lcAgent) << "metered network: pausing";
        m_pausedForMetered = true;
        e->pause(QDateTime());
        m_tray->notify(tr("ArchiveSync paused"),
                       tr("This network is metered; syncing resumes on another one."), false);
    } else if (!wantPause && m_pausedForMetered) {
        qCInfo(lcAgent) << "network no longer metered: resuming";
        m_pausedForMetered = false;
        e->resume();
    }
}

void DesktopAgent::showWizard()
{
    if (!m_wizard) {
        m_wizard = new SetupWizard(m_dataDirectory, m_network, m_clock);
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_wizard, &SetupWizard::accountSaved, this, [this] {
            Result<AgentState> state = AgentState::load(m_dataDirectory);
            if (!state || !state->account) {
                m_tray->notify(tr("ArchiveSync"), tr("The new settings cannot be read back."), true);
                return;
            }
            m_agent->startSync(*state);
        });
        connect(m_wizard, &QWizard::accepted, this, [this] {
            if (m_wizard && m_wizard->openArchiveWhenDone())
                openArchive();
        });
    }
    m_wizard->show();
    m_wizard->raise();
    m_wizard->activateWindow();
}

void DesktopAgent::openArchive()
{
    SyncEngine *e = engine();
    if (!e) {
        showWizard();
        return;
    }
    if (!m_archive) {
        m_archive = new ArchiveWindow(*e);
        m_archive->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_archive->reload();
    }
    m_archive->show();
    m_archive->raise();
    m_archive->activateWindow();
}

void DesktopAgent::openSearch()
{
    openArchive();
    if (m_archive)
        m_archive->focusSearch();
}

void DesktopAgent::openSettings()
{
    SyncEngine *e = engine();
    if (!e) {
        showWizard();
        return;
    }
    if (!m_settings) {
        const bool metered = QNetworkInformation::instance() &&
                             QNetworkInformation::instance()->supports(QNetworkInformation::Feature::Metered);
        m_settings = new SettingsDialog(*e, m_dataDirectory, m_preferences, metered);
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settings, &SettingsDialog::preferencesChanged, this, [this](const DesktopPreferences &p) {
            m_preferences = p;
            applyPreferences();
        });
    }
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

Status DesktopAgent::openLink(const QString &text)
{
    Result<MessageLink> link = MessageLink::parse(text);
    if (!link)
        return link.error();
    m_lastLink = link->toString();
    qCInfo(lcAgent) << "opening link" << m_lastLink;
    if (!engine()) {
        m_pendingLink = text;
        showWizard();
        return {};
    }
    openArchive();
    m_archive->openLink(*link);
    return {};
}

Status DesktopAgent::handleDesktopCommand(const QJsonObject &request)
{
    const QString command = request.value(QStringLiteral("command")).toString();
    if (command == QLatin1String("open-link"))
        return openLink(request.value(QStringLiteral("link")).toString());
    // "show": a second start without a link brings the agent forward (or the window it names).
    const QString window = request.value(QStringLiteral("window")).toString();
    if (!engine())
        showWizard();
    else if (window == QLatin1String("settings"))
        openSettings();
    else if (window == QLatin1String("search"))
        openSearch();
    else
        openArchive();
    return {};
}

bool DesktopAgent::isDesktopStart(const QStringList &args)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if ((a == QLatin1String("--data-dir") || a == QLatin1String("--show")) && i + 1 < args.size())
            ++i;
        else if (a.startsWith(QLatin1String("--data-dir=")) || a == QLatin1String("--no-tray") ||
                 a.startsWith(QLatin1String("archivesync:"), Qt::CaseInsensitive))
            continue;
        else
            return false;
    }
    return true;
}

int DesktopAgent::run(QApplication &app, const QStringList &args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("data-dir"), tr("Where the agent keeps its state and local copies."), tr("DIR")});
    parser.addOption({QStringLiteral("no-tray"), tr("Show the status window instead of a tray icon.")});
    parser.addOption({QStringLiteral("show"),
                      tr("Open this window of the running agent: archive, search or settings."),
                      tr("WINDOW")});
    parser.addPositionalArgument(QStringLiteral("link"), tr("An archivesync:// message link to open."));
    if (!parser.parse(args)) {
        err << "archivesync-agent: " << parser.errorText() << Qt::endl;
        return 2;
    }
    const QString dataDirectory =
        QDir(parser.isSet(QStringLiteral("data-dir")) ? parser.value(QStringLiteral("data-dir"))
                                                      : AgentCli::defaultDataDirectory())
            .absolutePath();
    const QString link = parser.positionalArguments().value(0);

    // Already running for this data directory: hand the link over (or bring it forward) and end.
    const QJsonObject handOver =
        link.isEmpty() ? QJsonObject{{QStringLiteral("command"), QStringLiteral("show")},
                                     {QStringLiteral("window"), parser.value(QStringLiteral("show"))}}
                       : QJsonObject{{QStringLiteral("command"), QStringLiteral("open-link")},
                                     {QStringLiteral("link"), link}};
    Result<QJsonObject> answer = AgentControlClient::request(dataDirectory, handOver, 5000);
    if (answer) {
        if (!answer->value(QStringLiteral("ok")).toBool()) {
            err << "archivesync-agent: " << answer->value(QStringLiteral("error")).toString() << Qt::endl;
            return 1;
        }
        qCInfo(lcAgent) << "handed over to the agent running for" << dataDirectory;
        return 0;
    }
    if (answer.error().category != ErrorCategory::NotFound) {
        err << "archivesync-agent: " << answer.errorString() << Qt::endl;
        return 1;
    }

    if (!QDir().mkpath(dataDirectory)) {
        err << "archivesync-agent: " << tr("cannot create %1").arg(dataDirectory) << Qt::endl;
        return 1;
    }
    Result<DeviceKey::Loaded> key = DeviceKey::loadOrCreate(dataDirectory, true);
    if (!key) {
        err << "archivesync-agent: " << key.errorString() << Qt::endl;
        return 1;
    }
    if (!key->warning.isEmpty())
        qCWarning(lcAgent) << key->warning;
    const MessageCipher cipher(key->key);
    QNetworkAccessManager network;
    const SystemClock clock;
    QApplication::setQuitOnLastWindowClosed(false);
    DesktopAgent agent(dataDirectory, network, cipher, clock, !parser.isSet(QStringLiteral("no-tray")));
    if (Status st = agent.start(); !st.ok()) {
        err << "archivesync-agent: " << st.error().message << Qt::endl;
        return 1;
    }
    if (!link.isEmpty()) {
        if (Status st = agent.openLink(link); !st.ok())
            err << "archivesync-agent: " << st.error().message << Qt::endl;
    } else if (parser.isSet(QStringLiteral("show"))) {
        [[maybe_unused]] Status shown = agent.handleDesktopCommand(handOver);
    }
    connect(&agent, &DesktopAgent::finished, &app, &QCoreApplication::exit);
    return app.exec();
}

} // namespace ArchiveSync
