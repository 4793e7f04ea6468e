// SPDX-License-Identifier: Apache-2.0
#include "MailboxPropertiesDialog.h"

#include "AdminSession.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "OfflineSettingsDialog.h"
#include "OfflineSettingsEditor.h"
#include "StepRunner.h"
#include "TimeText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ArchiveSync {

namespace {
QString plainSettings(const OfflineSettings &s)
{
    QStringList lines;
    lines << (s.contentWindowMonths == 0
                  ? QCoreApplication::translate("MailboxPropertiesDialog", "All archived messages")
                  : QCoreApplication::translate("MailboxPropertiesDialog", "Messages of the last %1 months")
                        .arg(s.contentWindowMonths));
    for (auto it = s.folderPolicies.cbegin(); it != s.folderPolicies.cend(); ++it) {
        QString folder = it.key();
        if (folder.endsWith(QLatin1String("/*")))
            folder = QCoreApplication::translate("MailboxPropertiesDialog", "%1 and subfolders")
                         .arg(folder.chopped(2));
        lines << QStringLiteral("%1: %2").arg(folder, OfflineSettingsEditor::policyText(it.value()));
    }
    lines << QCoreApplication::translate("MailboxPropertiesDialog", "Other folders: %1")
                 .arg(OfflineSettingsEditor::policyText(s.defaultFolderPolicy));
    lines << QCoreApplication::translate("MailboxPropertiesDialog", "Whole messages up to %1")
                 .arg(OfflineSettings::humanSize(s.maxWholeMessageBytes));
    lines << QCoreApplication::translate("MailboxPropertiesDialog",
                                         "Laptops check for updates every %1 minutes")
                 .arg(s.checkIntervalMinutes);
    lines << (s.maxCacheBytes == 0
                  ? QCoreApplication::translate("MailboxPropertiesDialog", "No cache limit on laptops")
                  : QCoreApplication::translate("MailboxPropertiesDialog", "Laptop cache limited to %1")
                        .arg(OfflineSettings::humanSize(s.maxCacheBytes)));
    return lines.join(QLatin1Char('\n'));
}
} // namespace

MailboxPropertiesDialog::MailboxPropertiesDialog(AdminSession &session, const QString &address,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_address(address)
    , m_tabs(new QTabWidget(this))
    , m_notice(new NoticeBar(this))
    , m_addressLabel(new QLabel(address, this))
    , m_displayName(new QLineEdit(this))
    , m_archived(new QLabel(this))
    , m_repository(new QLabel(this))
    , m_enable(new QCheckBox(tr("&Enable offline archive synchronization for this mailbox"), this))
    , m_offlineSummary(new QLabel(this))
    , m_configure(new QPushButton(tr("&Configure…"), this))
    , m_permissions(new QListWidget(this))
    , m_userCombo(new QComboBox(this))
    , m_grant(new QPushButton(tr("&Add"), this))
    , m_revoke(new QPushButton(tr("&Remove"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("mailboxPropertiesDialog"));
    setWindowTitle(tr("%1 — Properties").arg(address));
    m_tabs->setObjectName(QStringLiteral("propertiesTabs"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_enable->setObjectName(QStringLiteral("enableOfflineCheck"));
    m_offlineSummary->setObjectName(QStringLiteral("offlineSummary"));
    m_offlineSummary->setWordWrap(true);
    m_offlineSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_configure->setObjectName(QStringLiteral("configureOfflineButton"));
    m_permissions->setObjectName(QStringLiteral("permissionsList"));
    m_userCombo->setObjectName(QStringLiteral("permissionUserCombo"));
    m_grant->setObjectName(QStringLiteral("grantButton"));
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_repository->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // General
    auto *general = new QWidget(m_tabs);
    auto *generalForm = new QFormLayout(general);
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    generalForm->addRow(tr("Address:"), m_addressLabel);
    generalForm->addRow(tr("&Display name:"), m_displayName);
    generalForm->addRow(tr("Archived messages:"), m_archived);
    generalForm->addRow(tr("Offline repository:"), m_repository);

    // Offline archive synchronization
    auto *offline = new QWidget(m_tabs);
    auto *offlineLayout = new QVBoxLayout(offline);
    auto *explain =
        new QLabel(tr("When enabled, the service keeps an offline repository of this mailbox up to "
                      "date on schedule, and the laptops of users who may search into it copy it."),
                   offline);
    explain->setWordWrap(true);
    offlineLayout->addWidget(explain);
    offlineLayout->addWidget(m_enable);
    auto *settingsBox = new QGroupBox(tr("Settings in force"), offline);
    auto *settingsLayout = new QVBoxLayout(settingsBox);
    settingsLayout->addWidget(m_offlineSummary);
    auto *configureRow = new QHBoxLayout;
    configureRow->addStretch();
    configureRow->addWidget(m_configure);
    settingsLayout->addLayout(configureRow);
    offlineLayout->addWidget(settingsBox);
    offlineLayout->addStretch();

    // Permissions
    auto *permissions = new QWidget(m_tabs);
    auto *permissionsLayout = new QVBoxLayout(permissions);
    permissionsLayout->addWidget(new QLabel(
        tr("Users who may search into this mailbox (and copy it to their laptops):"), permissions));
    permissionsLayout->addWidget(m_permissions);
    auto *grantRow = new QHBoxLayout;
    auto *userLabel = new QLabel(tr("&User:"), permissions);
    userLabel->setBuddy(m_userCombo);
    grantRow->addWidget(userLabel);
    grantRow->addWidget(m_userCombo, 1);
    grantRow->addWidget(m_grant);
    grantRow->addWidget(m_revoke);
    permissionsLayout->addLayout(grantRow);

    m_tabs->addTab(general, tr("General"));
    m_tabs->addTab(offline, tr("Offline archive synchronization"));
    m_tabs->addTab(permissions, tr("Permissions"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_notice);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &MailboxPropertiesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_configure, &QPushButton::clicked, this, &MailboxPropertiesDialog::configureOffline);
    connect(m_grant, &QPushButton::clicked, this, [this] {
        const QString user = m_userCombo->currentData().toString();
        if (user.isEmpty() || !m_permissions->findItems(user, Qt::MatchExactly).isEmpty())
            return;
        m_permissions->addItem(user);
        m_userCombo->removeItem(m_userCombo->currentIndex());
        updateButtons();
    });
    connect(m_revoke, &QPushButton::clicked, this, [this] {
        for (QListWidgetItem *item : m_permissions->selectedItems()) {
            m_userCombo->addItem(item->text(), item->text());
            delete item;
        }
        updateButtons();
    });
    connect(m_permissions, &QListWidget::itemSelectionChanged, this, &MailboxPropertiesDialog::updateButtons);
    connect(m_enable, &QCheckBox::toggled, this, &MailboxPropertiesDialog::updateButtons);

    resize(600, 480);
    load();
}

void MailboxPropertiesDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void MailboxPropertiesDialog::load()
{
    m_pendingLoads = 5;
    m_loadFailed = false;
    m_notice->showMessage(tr("Loading…"));
    updateButtons();
    const auto failed = [this](const ApiError &error, const QString &what) {
        m_loadFailed = true;
        m_notice->showError(ErrorText::describe(error, what));
        loadDone();
    };
    ApiClient &client = m_session.client();
    client.getMailbox(m_address, m_session.track(this, [this, failed](ApiResult<Api::Mailbox> r) {
        if (!r)
            return failed(r.error(), tr("Could not read the mailbox."));
        m_mailbox = *r;
        m_displayName->setText(r->displayName);
        m_archived->setText(QStringLiteral("%L1").arg(r->archivedMessages));
        const Api::MailboxOfflineState &o = r->offline;
        m_repository->setText(o.hasRepository
                                  ? tr("generation %1, revision %2 — %L3 messages, %4 — updated %5")
                                        .arg(o.generation)
                                        .arg(o.revision)
                                        .arg(o.messageCount)
                                        .arg(OfflineSettings::humanSize(o.bytes), TimeText::local(o.updated))
                                  : tr("not built yet"));
        loadDone();
    }));
    client.getMailboxOffline(m_address,
                             m_session.track(this, [this, failed](ApiResult<Api::MailboxOfflineConfig> r) {
                                 if (!r)
                                     return failed(r.error(), tr("Could not read the offline settings."));
                                 m_offline = *r;
                                 m_enable->setChecked(r->enabled);
                                 loadDone();
                             }));
    client.getOfflineDefaults(m_session.track(this, [this, failed](ApiResult<OfflineSettings> r) {
        if (!r)
            return failed(r.error(), tr("Could not read the default settings."));
        m_defaults = *r;
        loadDone();
    }));
    client.listPermissions(m_address, m_session.track(this, [this, failed](ApiResult<QStringList> r) {
        if (!r)
            return failed(r.error(), tr("Could not read the permissions."));
        m_originalPermissions = *r;
        m_permissions->clear();
        m_permissions->addItems(*r);
        loadDone();
    }));
    client.listUsers(m_session.track(this, [this, failed](ApiResult<QList<Api::User>> r) {
        if (!r)
            return failed(r.error(), tr("Could not read the users."));
        m_users = *r;
        loadDone();
    }));
}

void MailboxPropertiesDialog::loadDone()
{
    if (--m_pendingLoads > 0)
        return;
    if (!m_loadFailed)
        m_notice->clear();
    m_userCombo->clear();
    for (const Api::User &user : std::as_const(m_users)) {
        if (m_permissions->findItems(user.username, Qt::MatchExactly).isEmpty()) {
            const QString label = user.displayName.isEmpty()
                                      ? user.username
                                      : QStringLiteral("%1 (%2)").arg(user.username, user.displayName);
            m_userCombo->addItem(label, user.username);
        }
    }
    showOfflineSummary();
    updateButtons();
    emit loaded();
}

void MailboxPropertiesDialog::showOfflineSummary()
{
    const bool useDefaults = m_newOffline ? m_newOffline->first : m_offline.useDefaults;
    const OfflineSettings settings =
        m_newOffline ? (useDefaults ? m_defaults : m_newOffline->second) : m_offline.settings;
    m_offlineSummary->setText(
        (useDefaults ? tr("Uses the default settings:") : tr("Uses its own settings:")) + QLatin1Char('\n') +
        plainSettings(settings));
}

void MailboxPropertiesDialog::configureOffline()
{
    auto *dialog = new OfflineSettingsDialog(m_address, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool useDefaults = m_newOffline ? m_newOffline->first : m_offline.useDefaults;
    const OfflineSettings own = m_newOffline ? m_newOffline->second : m_offline.settings;
    dialog->setSettings(m_defaults, useDefaults, own);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const bool defaults = dialog->useDefaults();
        const Result<OfflineSettings> settings = dialog->settings();
        m_newOffline = std::make_pair(defaults, settings.ok() ? *settings : m_defaults);
        showOfflineSummary();
    });
    dialog->open();
}

QStringList MailboxPropertiesDialog::permittedUsers() const
{
    QStringList users;
    for (int row = 0; row < m_permissions->count(); ++row)
        users << m_permissions->item(row)->text();
    return users;
}

void MailboxPropertiesDialog::updateButtons()
{
    const bool ready = m_pendingLoads == 0 && !m_loadFailed && !m_applying;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    m_configure->setEnabled(m_pendingLoads == 0 && !m_loadFailed);
    m_grant->setEnabled(ready && m_userCombo->count() > 0);
    m_revoke->setEnabled(ready && !m_permissions->selectedItems().isEmpty());
}

void MailboxPropertiesDialog::accept()
{
    if (!isLoaded() || m_applying)
        return;
    auto *runner = new StepRunner(this);
    const auto report = [](StepRunner::Report done, const QString &what) {
        return [done, what](const ApiError &error) {
            done(ErrorText::describe(error, what));
        };
    };

    const QString name = m_displayName->text().trimmed();
    if (name != m_mailbox.displayName) {
        runner->add([this, name, report](StepRunner::Report done) {
            m_session.client().renameMailbox(
                m_address, name, m_session.track(this, [done, report, this](ApiResult<Api::Mailbox> r) {
                    r ? done(std::nullopt) : report(done, tr("Could not rename the mailbox."))(r.error());
                }));
        });
    }
    Api::MailboxOfflineChange change;
    if (m_enable->isChecked() != m_offline.enabled)
        change.enabled = m_enable->isChecked();
    if (m_newOffline) {
        if (m_newOffline->first && !m_offline.useDefaults)
            change.useDefaults = true;
        else if (!m_newOffline->first &&
                 (m_offline.useDefaults || m_newOffline->second != m_offline.settings))
            change.settings = m_newOffline->second;
    }
    if (change.enabled || change.useDefaults || change.settings) {
        runner->add([this, change, report](StepRunner::Report done) {
            m_session.client().setMailboxOffline(
                m_address, change,
                m_session.track(this, [done, report, this](ApiResult<Api::MailboxOfflineConfig> r) {
                    r ? done(std::nullopt)
                      : report(done, tr("Could not change offline synchronization."))(r.error());
                }));
        });
    }
    const QStringList now = permittedUsers();
    for (const QString &user : now) {
        if (m_originalPermissions.contains(user))
            continue;
        runner->add([this, user, report](StepRunner::Report done) {
            m_session.client().grantPermission(
                m_address, user, m_session.track(this, [done, report, user, this](ApiResult<void> r) {
                    r ? done(std::nullopt)
                      : report(done,
                               tr("Could not allow %1 to search into the mailbox.").arg(user))(r.error());
                }));
        });
    }
    for (const QString &user : std::as_const(m_originalPermissions)) {
        if (now.contains(user))
            continue;
        runner->add([this, user, report](StepRunner::Report done) {
            m_session.client().revokePermission(
                m_address, user, m_session.track(this, [done, report, user, this](ApiResult<void> r) {
                    r ? done(std::nullopt)
                      : report(done, tr("Could not take %1's permission away.").arg(user))(r.error());
                }));
        });
    }
    if (runner->isEmpty()) {
        runner->deleteLater();
        QDialog::accept();
        return;
    }
    m_applying = true;
    m_notice->showMessage(tr("Saving…"));
    updateButtons();
    runner->run([this, runner](std::optional<QString> error) {
        runner->deleteLater();
        m_applying = false;
        updateButtons();
        if (error) {
            m_notice->showError(*error);
            return;
        }
        m_notice->clear();
        QDialog::accept();
    });
}

} // namespace ArchiveSync
