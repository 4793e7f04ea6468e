// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ArchiveSync::Terminal {

/// \brief Whether standard input is a terminal (a person typing) rather than a pipe or file.
bool stdinIsTerminal();

/// \brief Reads one line from standard input; on a terminal it prompts on stderr and does not echo.
/// Nothing at end of input.
std::optional<QString> readSecret(const QString &prompt);

} // namespace ArchiveSync::Terminal
