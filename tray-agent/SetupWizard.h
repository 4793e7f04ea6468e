// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiTypes.h"
#include "core/model/OfflineSettings.h"
#include "core/sync/AgentState.h"
#include "core/sync/StorageCheck.h"
#include "core/sync/SyncEstimate.h"

#include <QWizard>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace ArchiveSync {

class AccountSetup;
class Clock;
class InitialSyncPage;
class SyncStatusModel;

/// \brief The first-run wizard: Welcome → Server → Sign in → Mailboxes → Folders → Storage → Summary →
/// Initial sync → Done.
///
/// Pages present and validate; the talking to the service is AccountSetup's, the sizes SyncEstimate's
/// and the room StorageCheck's. On Summary the account and the folder choices are saved and
/// accountSaved() asks the agent to start syncing; the Initial sync page then follows the engine's
/// status. Closing the wizard then leaves the sync running in the tray.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        WelcomePageId,
        ServerPageId,
        SignInPageId,
        MailboxesPageId,
        FoldersPageId,
        StoragePageId,
        SummaryPageId,
        InitialSyncPageId,
        DonePageId,
    };

    /// One mailbox offered by the service, and what the user chose for it.
    struct MailboxChoice
    {
        Api::OfflineMailbox mailbox;
        bool selected = true;
        bool estimated = false; ///< the manifest was read
        SyncEstimate estimate;
        OfflineSettings folders;
    };
    using StorageChecker = std::function<StorageCheck(const QString &directory, qint64 neededBytes)>;

    SetupWizard(QString dataDirectory, QNetworkAccessManager &network, const Clock &clock,
                QWidget *parent = nullptr);
    ~SetupWizard() override;

    AccountSetup &setup() { return *m_setup; }
    const Clock &clock() const { return m_clock; }
    QString dataDirectory() const { return m_dataDirectory; }
    QList<MailboxChoice> &choices() { return m_choices; }
    const QList<MailboxChoice> &choices() const { return m_choices; }
    /// The choices as the agent keeps them: unselected mailboxes keep nothing.
    QList<AgentMailbox> chosenMailboxes() const;
    qint64 downloadBytes() const;
    StorageCheck checkStorage() const;
    /// Tests put a small disk here.
    void setStorageChecker(StorageChecker checker) { m_checkStorage = std::move(checker); }

    /// The engine's status, once it runs (after accountSaved()).
    void attachStatus(SyncStatusModel *status);
    /// Whether the user asked (on Done) to open the archive.
    bool openArchiveWhenDone() const;

signals:
    /// The account and folder choices are in agent.json: start syncing.
    void accountSaved();

private:
    QString m_dataDirectory;
    const Clock &m_clock;
    std::unique_ptr<AccountSetup> m_setup;
    QList<MailboxChoice> m_choices;
    StorageChecker m_checkStorage;
    InitialSyncPage *m_syncPage = nullptr;
};

} // namespace ArchiveSync
