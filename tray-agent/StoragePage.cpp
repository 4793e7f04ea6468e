// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/StoragePage.h"

#include "core/model/OfflineSettings.h"
#include "core/sync/StorageCheck.h"
#include "tray-agent/SetupWizard.h"

#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ArchiveSync {

StoragePage::StoragePage(SetupWizard &wizard)
    : m_wizard(wizard)
    , m_location(new QLabel)
    , m_needed(new QLabel)
    , m_free(new QLabel)
    , m_verdict(new QLabel)
{
    setObjectName(QStringLiteral("storagePage"));
    setTitle(tr("Storage"));
    setSubTitle(tr("The copy is kept encrypted in your profile. Check that it fits."));
    m_location->setObjectName(QStringLiteral("storageLocation"));
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setWordWrap(true);
    m_needed->setObjectName(QStringLiteral("storageNeeded"));
    m_free->setObjectName(QStringLiteral("storageFree"));
    m_verdict->setObjectName(QStringLiteral("storageVerdict"));
    m_verdict->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Location:"), m_location);
    form->addRow(tr("Space needed (estimate):"), m_needed);
    form->addRow(tr("Free space there:"), m_free);
    auto *hint = new QLabel(tr("To keep the archive somewhere else, start the agent with "
                               "<tt>--data-dir</tt> pointing there."));
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_verdict);
    layout->addStretch();
    layout->addWidget(hint);
}

void StoragePage::initializePage()
{
    const StorageCheck check = m_wizard.checkStorage();
    m_location->setText(QDir::toNativeSeparators(check.directory));
    m_needed->setText(OfflineSettings::humanSize(check.neededBytes));
    m_free->setText(check.freeBytes >= 0
                        ? tr("%1 on %2").arg(OfflineSettings::humanSize(check.freeBytes), check.volume)
                        : tr("unknown"));
    m_fits = check.fits();
    if (m_fits)
        m_verdict->setText(tr("✔ There is enough room: %1 stay free afterwards.")
                               .arg(OfflineSettings::humanSize(check.freeBytes - check.neededBytes)));
    else if (!check.writable)
        m_verdict->setText(tr("✘ The agent cannot write to this location."));
    else
        m_verdict->setText(tr("✘ Not enough free space: the copy needs %1 and %2 must stay free, but only %3 "
                              "are available. Go back and keep fewer folders whole, or free some space.")
                               .arg(OfflineSettings::humanSize(check.neededBytes),
                                    OfflineSettings::humanSize(StorageCheck::kReserveBytes),
                                    OfflineSettings::humanSize(std::max<qint64>(check.freeBytes, 0))));
    m_verdict->setStyleSheet(m_fits ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    emit completeChanged();
}

bool StoragePage::isComplete() const
{
    return m_fits;
}

} // namespace ArchiveSync
