// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiClient.h"
#include "core/sync/AgentState.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace ArchiveSync {

/// \brief Bringing a laptop to a service: check the server, sign in, register the device, list what
/// it may sync, and save the account; shared by `archivesync-agent setup` and the first-run wizard.
///
/// The user's session is used only to register the device; everything after that (mailboxes,
/// manifests) uses the device token, as the agent will.
class AccountSetup : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(ApiResult<T>)>;

    explicit AccountSetup(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~AccountSetup() override;

    /// What a person typed ("archive.example.org", "https://host:8443/") as a service URL; Invalid for
    /// anything but http(s) with a host.
    static Result<QUrl> serverUrl(const QString &input);

    /// Asks the service at `server` whether it is up (GET /healthz); remembers it for the next steps.
    /// A TLS failure comes back as a Network error with sslErrors and the certificate chain.
    void probe(const QUrl &server, Callback<void> done);
    /// Uses `server` for the next steps without asking it anything.
    void setServer(const QUrl &server);
    /// Signs in, registers this laptop as `deviceName` and signs the session out again. The account is
    /// not saved: see save(). A failure after signing in has the field "device".
    void registerDevice(const QString &username, const QString &password, const QString &deviceName,
                        Callback<AgentAccount> done);
    /// The mailboxes this device may sync (own and delegated, those with an offline repository).
    void offlineMailboxes(Callback<QList<Api::OfflineMailbox>> done);
    /// A mailbox's current manifest: its segments give the sizes a choice of folders would download.
    void manifest(const QString &address, Callback<Api::ManifestReply> done);

    QUrl server() const { return m_server; }
    const std::optional<AgentAccount> &account() const { return m_account; }
    ApiClient &client() { return *m_client; }

    /// Saves `account` into the data directory's agent.json. Another account's copies are deleted
    /// (they are not this user's to keep); `mailboxes` (folder choices made before the first sync) are
    /// merged in by address.
    static Status save(const QString &dataDirectory, const AgentAccount &account,
                       const QList<AgentMailbox> &mailboxes = {});

private:
    QNetworkAccessManager &m_network;
    QUrl m_server;
    std::unique_ptr<ApiClient> m_client;
    std::optional<AgentAccount> m_account;
};

} // namespace ArchiveSync
