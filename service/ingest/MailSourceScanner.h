// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace ArchiveSync {

/// \brief Finds the messages in Maildir trees, mbox files and .eml files, with their folders.
///
/// - A Maildir (a directory with cur/ or new/) is the folder given, or "Inbox"; its Maildir++
///   subfolders (".Sent", ".Projects.Alpha", names in IMAP modified UTF-7) become "Sent",
///   "Projects/Alpha"; nested Maildirs become subfolders by their directory names.
/// - An mbox file (first line "From ") is split into messages (mboxrd un-escaping); its folder
///   is the one given, or the file's name without .mbox.
/// - Any other file is one message (.eml); in a plain directory, subdirectories become folders.
class MailSourceScanner
{
public:
    /// folder, where the message came from (path, or path#n for mbox), its bytes.
    using MessageHandler =
        std::function<Status(const QString &folder, const QString &origin, QByteArray raw)>;
    /// A file that could not be read at all.
    using ProblemHandler = std::function<void(const QString &origin, const QString &reason)>;

    MailSourceScanner(MessageHandler onMessage, ProblemHandler onProblem);

    /// Scans one path; folder may be empty (then names come from the source).
    Status scan(const QString &path, const QString &folder);

    static bool isMaildir(const QString &dir);

private:
    Status scanMaildirTree(const QString &root, const QString &rootFolder);
    Status scanMaildirMessages(const QString &dir, const QString &folder);
    Status scanPlainDirectory(const QString &dir, const QString &folder, bool folderGiven);
    Status scanFile(const QString &path, const QString &folder, bool folderGiven);
    Status scanMbox(const QString &path, const QString &folder);
    bool firstVisit(const QString &dir);

    MessageHandler m_onMessage;
    ProblemHandler m_onProblem;
    QSet<QString> m_visited; ///< canonical paths of the directories scanned by the current scan()
};

} // namespace ArchiveSync
