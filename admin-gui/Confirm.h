// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace ArchiveSync {

/// \brief Asks a yes/no question before something that cannot be undone; true means go ahead.
///
/// Views take one of these instead of calling QMessageBox themselves, so tests answer the question
/// (and check its wording) without a modal loop.
using ConfirmFunction =
    std::function<bool(QWidget *parent, const QString &title, const QString &text, const QString &action)>;

/// \brief The real question: a warning box whose default button is the safe "Cancel"; `action` labels
/// the button that goes ahead ("Flush", "Revoke").
ConfirmFunction messageBoxConfirm();

} // namespace ArchiveSync
