// SPDX-License-Identifier: Apache-2.0
#include "OfflineSettingsDialog.h"

#include "OfflineSettingsEditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ArchiveSync {

OfflineSettingsDialog::OfflineSettingsDialog(const QString &mailbox, QWidget *parent)
    : QDialog(parent)
    , m_useDefaults(new QCheckBox(tr("&Use defaults"), this))
    , m_editor(new OfflineSettingsEditor(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("offlineSettingsDialog"));
    setWindowTitle(tr("Offline archive synchronization settings"));
    m_useDefaults->setObjectName(QStringLiteral("useDefaultsCheck"));
    m_useDefaults->setToolTip(tr("Follow the defaults set under Status → Configure → Offline Archive."));
    auto *intro = new QLabel(tr("Settings for <b>%1</b>. Changing what goes offline rebuilds the mailbox's "
                                "repository; laptops then download it again.")
                                 .arg(mailbox.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_useDefaults);
    layout->addWidget(m_editor);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_useDefaults, &QCheckBox::toggled, this, [this](bool useDefaults) {
        if (useDefaults) {
            if (Result<OfflineSettings> own = m_editor->settings(); own)
                m_own = *own;
            m_editor->setSettings(m_defaults);
        } else {
            m_editor->setSettings(m_own);
        }
        updateState();
    });
    connect(m_editor, &OfflineSettingsEditor::changed, this, &OfflineSettingsDialog::updateState);
    resize(620, 640);
}

void OfflineSettingsDialog::setSettings(const OfflineSettings &defaults, bool useDefaults,
                                        const OfflineSettings &own)
{
    m_defaults = defaults;
    // A mailbox without settings of its own starts them from the defaults.
    m_own = useDefaults ? defaults : own;
    const QSignalBlocker blocker(m_useDefaults);
    m_useDefaults->setChecked(useDefaults);
    m_editor->setSettings(useDefaults ? m_defaults : m_own);
    updateState();
}

bool OfflineSettingsDialog::useDefaults() const
{
    return m_useDefaults->isChecked();
}

Result<OfflineSettings> OfflineSettingsDialog::settings() const
{
    return m_editor->settings();
}

void OfflineSettingsDialog::updateState()
{
    m_editor->setReadOnly(useDefaults());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(useDefaults() || m_editor->isValid());
}

} // namespace ArchiveSync
