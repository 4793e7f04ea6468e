// SPDX-License-Identifier: Apache-2.0
#include "admin-cli/Terminal.h"

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace ArchiveSync::Terminal {

namespace {
std::optional<std::string> readLine()
{
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    if (c == EOF && line.empty())
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}
} // namespace

bool stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

std::optional<QString> readSecret(const QString &prompt)
{
    if (!stdinIsTerminal()) {
        // A pipe or file: the secret is its first line, as scripts pass it.
        const std::optional<std::string> line = readLine();
        return line ? std::optional<QString>(QString::fromStdString(*line)) : std::nullopt;
    }
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool haveSettings = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveSettings) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL; // the Enter still moves to a new line
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const std::optional<std::string> line = readLine();
    if (haveSettings)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return line ? std::optional<QString>(QString::fromStdString(*line)) : std::nullopt;
}

} // namespace ArchiveSync::Terminal
