// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/SettingsDialog.h"

#include "core/localstore/MailboxStore.h"
#include "core/sync/StorageCheck.h"
#include "core/sync/SyncEngine.h"
#include "core/sync/SyncLogging.h"
#include "tray-agent/FolderPolicyTree.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace ArchiveSync {

SettingsDialog::SettingsDialog(SyncEngine &engine, QString dataDirectory, DesktopPreferences preferences,
                               bool meteredSupported, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_dataDirectory(std::move(dataDirectory))
    , m_preferences(preferences)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("ArchiveSync Settings"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("ArchiveSync"), question, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    for (const AgentMailbox &m : m_engine.state().mailboxes)
        m_choices.insert(m.address, m.folders);

    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    tabs->addTab(foldersTab(), tr("&Mailboxes and folders"));
    tabs->addTab(networkTab(meteredSupported), tr("&Network"));
    tabs->addTab(storageTab(), tr("S&torage"));
    tabs->addTab(accountTab(), tr("&Account"));
    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(760, 540);
}

QWidget *SettingsDialog::accountTab()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    if (const std::optional<AgentAccount> &a = m_engine.state().account) {
        form->addRow(tr("Service:"), new QLabel(a->server.toString()));
        form->addRow(tr("User:"), new QLabel(a->username));
        form->addRow(tr("This laptop:"),
                     new QLabel(tr("%1 (device %2)").arg(a->deviceName).arg(a->deviceId)));
    }
    auto *note = new QLabel(tr("To use another account, run <tt>archivesync-agent setup</tt>, or remove the "
                               "data directory and start the agent again."));
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *SettingsDialog::foldersTab()
{
    auto *page = new QWidget;
    m_mailbox = new QComboBox;
    m_mailbox->setObjectName(QStringLiteral("settingsMailbox"));
    for (const AgentMailbox &m : m_engine.state().mailboxes)
        m_mailbox->addItem(m.address);
    m_tree = new FolderPolicyTree;
    connect(m_tree, &FolderPolicyTree::choiceChanged, this, [this] {
        if (!m_shown.isEmpty())
            m_choices[m_shown] = m_tree->choice();
    });
    connect(m_mailbox, &QComboBox::currentTextChanged, this, &SettingsDialog::showMailbox);
    auto *form = new QFormLayout;
    form->addRow(tr("Mailbox:"), m_mailbox);
    auto *note =
        new QLabel(tr("Excluding or including a folder rebuilds that mailbox's copy; switching between "
                      "whole and headers only applies from the next sync."));
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_tree, 1);
    layout->addWidget(note);
    showMailbox(m_mailbox->currentText());
    return page;
}

void SettingsDialog::showMailbox(const QString &address)
{
    m_shown.clear();
    QList<FolderEstimate> folders;
    if (MailboxStore *store = m_engine.store(address)) {
        if (Result<QList<LocalFolder>> list = store->folders()) {
            for (const LocalFolder &f : std::as_const(*list))
                folders.append({f.path, guessFolderKind(f.path), 0, f.messages});
        }
    }
    m_tree->setFolders(folders, m_choices.value(address, AgentMailbox::defaultFolders()));
    m_shown = address;
}

QWidget *SettingsDialog::networkTab(bool meteredSupported)
{
    auto *page = new QWidget;
    m_limit = new QCheckBox(tr("&Limit the download rate to"));
    m_limit->setObjectName(QStringLiteral("limitCheck"));
    m_rate = new QSpinBox;
    m_rate->setObjectName(QStringLiteral("rateSpin"));
    m_rate->setRange(16, 1024 * 1024);
    m_rate->setSuffix(tr(" KiB/s"));
    m_rate->setValue(m_preferences.bandwidthLimit > 0 ? int(m_preferences.bandwidthLimit / 1024) : 1024);
    m_limit->setChecked(m_preferences.bandwidthLimit > 0);
    m_window = new QCheckBox(tr("but at &full speed from"));
    m_window->setObjectName(QStringLiteral("windowCheck"));
    m_window->setChecked(m_preferences.fullSpeedWindow);
    m_from = new QTimeEdit(m_preferences.fullSpeedFrom);
    m_from->setObjectName(QStringLiteral("windowFrom"));
    m_to = new QTimeEdit(m_preferences.fullSpeedTo);
    m_to->setObjectName(QStringLiteral("windowTo"));
    for (QTimeEdit *edit : {m_from, m_to})
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_metered = new QCheckBox(tr("&Pause while on a metered network (mobile hotspot, tethering)"));
    m_metered->setObjectName(QStringLiteral("meteredCheck"));
    m_metered->setChecked(m_preferences.pauseOnMetered);
    if (!meteredSupported) {
        m_metered->setEnabled(false);
        m_metered->setToolTip(tr("This system does not tell whether a network is metered."));
    }
    auto enable = [this] {
        m_rate->setEnabled(m_limit->isChecked());
        m_window->setEnabled(m_limit->isChecked());
        m_from->setEnabled(m_limit->isChecked() && m_window->isChecked());
        m_to->setEnabled(m_limit->isChecked() && m_window->isChecked());
    };
    connect(m_limit, &QCheckBox::toggled, this, enable);
    connect(m_window, &QCheckBox::toggled, this, enable);
    enable();

    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_limit);
    rateRow->addWidget(m_rate);
    rateRow->addStretch();
    auto *windowRow = new QHBoxLayout;
    windowRow->addSpacing(24);
    windowRow->addWidget(m_window);
    windowRow->addWidget(m_from);
    windowRow->addWidget(new QLabel(tr("to")));
    windowRow->addWidget(m_to);
    windowRow->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(rateRow);
    layout->addLayout(windowRow);
    layout->addSpacing(12);
    layout->addWidget(m_metered);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::storageTab()
{
    auto *page = new QWidget;
    m_storage = new QLabel;
    m_storage->setObjectName(QStringLiteral("storageInfo"));
    m_storage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storage->setWordWrap(true);
    auto *reset = new QPushButton(tr("&Reset local copy…"));
    reset->setObjectName(QStringLiteral("resetButton"));
    connect(reset, &QPushButton::clicked, this, &SettingsDialog::resetLocalCopy);
    auto *note =
        new QLabel(tr("Reset deletes the copies on this laptop and fetches them again from the service. "
                      "Use it when the copy seems damaged."));
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_storage);
    layout->addSpacing(12);
    layout->addWidget(note);
    layout->addWidget(reset, 0, Qt::AlignLeft);
    layout->addStretch();
    updateStorage();
    return page;
}

void SettingsDialog::updateStorage()
{
    qint64 used = 0;
    QDirIterator it(QDir(m_dataDirectory).filePath(QStringLiteral("mailboxes")), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        used += it.fileInfo().size();
    }
    const StorageCheck check = StorageCheck::check(m_dataDirectory, 0);
    m_storage->setText(
        tr("Location: %1\nLocal copies: %2\nFree space: %3")
            .arg(QDir::toNativeSeparators(m_dataDirectory), OfflineSettings::humanSize(used),
                 check.freeBytes >= 0 ? OfflineSettings::humanSize(check.freeBytes) : tr("unknown")));
}

DesktopPreferences SettingsDialog::preferences() const
{
    DesktopPreferences p = m_preferences;
    p.bandwidthLimit = m_limit->isChecked() ? qint64(m_rate->value()) * 1024 : 0;
    p.fullSpeedWindow = m_limit->isChecked() && m_window->isChecked();
    p.fullSpeedFrom = m_from->time();
    p.fullSpeedTo = m_to->time();
    p.pauseOnMetered = m_metered->isChecked();
    return p;
}

void SettingsDialog::apply()
{
    for (const AgentMailbox &m : m_engine.state().mailboxes) {
        const OfflineSettings chosen = m_choices.value(m.address, m.folders);
        if (chosen == m.folders)
            continue;
        if (Status st = m_engine.setFolders(m.address, chosen); !st.ok())
            QMessageBox::warning(
                this, tr("ArchiveSync"),
                tr("Cannot change the folders of %1: %2").arg(m.address, st.error().message));
    }
    const DesktopPreferences p = preferences();
    if (!(p == m_preferences)) {
        m_preferences = p;
        p.save(m_dataDirectory);
        emit preferencesChanged(p);
    }
}

void SettingsDialog::resetLocalCopy()
{
    if (!m_confirm(tr("Delete the local copies of every mailbox and fetch them again? Until the sync is "
                      "done, the archive is not available offline.")))
        return;
    if (Status st = m_engine.reset(QString()); !st.ok())
        QMessageBox::warning(this, tr("ArchiveSync"),
                             tr("Cannot reset the local copy: %1").arg(st.error().message));
    else
        qCInfo(lcAgent) << "local copies reset from the settings";
    updateStorage();
}

} // namespace ArchiveSync
