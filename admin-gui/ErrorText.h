// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiError.h"

#include <QString>

namespace ArchiveSync::ErrorText {

/// \brief A failed call in plain words for a person: what went wrong, then the service's own detail.
/// `action` says what was being done ("Could not flush alice@example.org").
QString describe(const ApiError &error, const QString &action = {});

} // namespace ArchiveSync::ErrorText
