// SPDX-License-Identifier: Apache-2.0
#include "Confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace ArchiveSync {

ConfirmFunction messageBoxConfirm()
{
    return [](QWidget *parent, const QString &title, const QString &text, const QString &action) {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
        QPushButton *go = box.addButton(action, QMessageBox::DestructiveRole);
        QPushButton *cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(cancel);
        box.setEscapeButton(cancel);
        box.exec();
        return box.clickedButton() == go;
    };
}

} // namespace ArchiveSync
