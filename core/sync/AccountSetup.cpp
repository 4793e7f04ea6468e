// SPDX-License-Identifier: Apache-2.0
#include "core/sync/AccountSetup.h"

#include <QDir>

namespace ArchiveSync {

AccountSetup::AccountSetup(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

AccountSetup::~AccountSetup() = default;

Result<QUrl> AccountSetup::serverUrl(const QString &input)
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(tr("enter the address of the ArchiveSync service"), QStringLiteral("server"));
    QUrl url = QUrl::fromUserInput(trimmed);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error::invalid(tr("'%1' is not an http:// or https:// address").arg(trimmed),
                              QStringLiteral("server"));
    // The service's routes are absolute: keep scheme, host and port only.
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());
    return url;
}

void AccountSetup::setServer(const QUrl &server)
{
    if (m_client && m_server == server)
        return;
    m_server = server;
    m_account.reset();
    m_client = std::make_unique<ApiClient>(m_network, server);
    m_client->setTimeout(15000);
}

void AccountSetup::probe(const QUrl &server, Callback<void> done)
{
    setServer(server);
    m_client->health(std::move(done));
}

void AccountSetup::registerDevice(const QString &username, const QString &password, const QString &deviceName,
                                  Callback<AgentAccount> done)
{
    if (!m_client) {
        done(ApiError::network(tr("no service chosen yet")));
        return;
    }
    m_client->setToken(QString());
    m_client->signIn(username, password, [this, deviceName, done](ApiResult<Api::Session> session) {
        if (!session) {
            done(session.error());
            return;
        }
        m_client->setToken(session->token);
        m_client->registerDevice(deviceName, [this, deviceName, done, user = session->username](
                                                 ApiResult<Api::DeviceRegistration> device) {
            if (!device) {
                m_client->setToken(QString());
                ApiError error = device.error();
                error.field = QStringLiteral("device"); // signed in, but not registered
                done(error);
                return;
            }
            AgentAccount account{m_server, user, device->deviceId, deviceName, device->token, {}};
            // The session was only for registering: the device token is what the agent uses.
            m_client->signOut([this, account, done](ApiResult<void>) {
                m_client->setToken(account.token);
                m_account = account;
                done(account);
            });
        });
    });
}

void AccountSetup::offlineMailboxes(Callback<QList<Api::OfflineMailbox>> done)
{
    if (!m_client || !m_account) {
        done(ApiError::network(tr("this laptop is not registered yet")));
        return;
    }
    m_client->myOfflineMailboxes(std::move(done));
}

void AccountSetup::manifest(const QString &address, Callback<Api::ManifestReply> done)
{
    if (!m_client || !m_account) {
        done(ApiError::network(tr("this laptop is not registered yet")));
        return;
    }
    m_client->getManifest(address, QString(), 0, std::move(done));
}

Status AccountSetup::save(const QString &dataDirectory, const AgentAccount &account,
                          const QList<AgentMailbox> &mailboxes)
{
    Result<AgentState> loaded = AgentState::load(dataDirectory);
    if (!loaded)
        return loaded.error();
    AgentState state = std::move(*loaded);
    const bool sameAccount = state.account && state.account->server == account.server &&
                             state.account->username.compare(account.username, Qt::CaseInsensitive) == 0;
    if (!sameAccount) {
        state.mailboxes.clear();
        QDir(QDir(dataDirectory).filePath(QStringLiteral("mailboxes"))).removeRecursively();
    }
    state.account = account;
    for (const AgentMailbox &chosen : mailboxes) {
        if (AgentMailbox *existing = state.mailbox(chosen.address)) {
            if (AgentMailbox::exclusions(existing->folders) != AgentMailbox::exclusions(chosen.folders) &&
                existing->generation > 0) {
                // A changed exclusion means a new copy (see SyncEngine::setFolders).
                QDir(AgentState::mailboxDirectory(dataDirectory, chosen.address)).removeRecursively();
                *existing = AgentMailbox{};
                existing->address = chosen.address;
            }
            existing->folders = chosen.folders;
        } else {
            AgentMailbox record;
            record.address = chosen.address;
            record.folders = chosen.folders;
            state.mailboxes.append(record);
        }
    }
    return state.save(dataDirectory);
}

} // namespace ArchiveSync
