// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace ArchiveSync::Testing {

/// \brief How the generated corpus is laid out on disk.
enum class CorpusFormat
{
    Maildir, ///< Maildir++: the root is the Inbox, other folders are ".Name.Sub" directories
    Mbox,    ///< one mboxrd file per folder ("Projects.Alpha.mbox")
    Eml,     ///< one "<index>.eml" file per message, one directory per folder ("Projects/Alpha/12.eml")
};

/// \brief "maildir", "mbox" or "eml".
QString corpusFormatName(CorpusFormat format);
std::optional<CorpusFormat> corpusFormatFromName(QStringView name);

/// \brief What to generate. The same options give byte-identical output on every machine.
struct CorpusOptions
{
    quint64 seed = 1;
    int messageCount = 1000;
    /// At least 5, so Inbox, Sent, Contacts, Calendar, Projects/Alpha and "Entwürfe" always exist.
    int folderCount = 8;
    /// The index of the first message: a later run with startIndex = N appends messages N, N+1, ...
    /// (new Message-IDs, new file names) to a corpus that holds 0..N-1.
    int startIndex = 0;
    CorpusFormat format = CorpusFormat::Maildir;
    qint64 maxAttachmentBytes = 4 * 1024 * 1024;
    double attachmentFraction = 0.15;
    double signedFraction = 0.03;
    double encryptedFraction = 0.02;
    double nonAsciiFraction = 0.2;
    /// -1: about 1 % of the messages, at least 3 when messageCount >= 100.
    int malformedCount = -1;
    /// 0: the natural size mix. Otherwise attachment sizes are scaled (within 1 KiB..maxAttachmentBytes) so
    /// that the total comes near this; the total cannot exceed what attachmentFraction and the cap allow.
    qint64 targetTotalBytes = 0;
    /// Every message about 2 KB of plain text: no attachments, HTML, signatures or encryption. Messages in
    /// the contacts and calendar folders still carry their small text/vcard or text/calendar part.
    bool smallMessages = false;
    /// Dates go back from here over spanDays days; nothing depends on the current time.
    QDateTime baseDate = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    int spanDays = 730;
    /// When set, the summary including every message is written there as JSON.
    QString manifestPath;
};

/// \brief One generated message as a MIME parser and an importer should see it.
struct GeneratedMessage
{
    int index = 0;
    QString folder;     ///< folder path, "/"-separated ("Inbox", "Projects/Alpha")
    QString folderKind; ///< "mail", "contacts" or "calendar"
    /// Relative to the output directory, "/"-separated; for mbox "<file>#<n>", n counting from 1.
    QString relativePath;
    QString messageId; ///< without the angle brackets
    /// The decoded subject; empty for malformed messages whose subject a parser cannot decide.
    QString subject;
    /// The Date header's instant (UTC); invalid when the message has no Date header.
    QDateTime date;
    /// Size of the message bytes; for mbox after un-escaping, without the separator lines.
    qint64 size = 0;
    /// SHA-256 (hex) of exactly those bytes: what an importer stores.
    QString sha256;
    /// Offset of the "From " separator line in the mbox file; -1 for the other formats.
    qint64 mboxOffset = -1;
    bool isSigned = false;
    bool isEncrypted = false;
    /// Has user-visible file attachments (vCards and invitations count; signatures and the
    /// opaque body of an encrypted message do not).
    bool hasAttachments = false;
    /// The Subject carries non-ASCII text (RFC 2047 encoded words; raw 8-bit for one malformed kind).
    bool nonAsciiSubject = false;
    bool malformed = false;
    /// "smime" or "pgp" for signed and encrypted messages, empty otherwise.
    QString cryptoFormat;
    /// For malformed messages: "missing-from-date", "raw-8bit-subject", "unclosed-multipart",
    /// "truncated-base64", "header-without-colon", "no-body" or "duplicate-content-type".
    QString malformedKind;

    QJsonObject toJson() const;
};

/// \brief A folder of the corpus.
struct CorpusFolder
{
    QString path;   ///< "/"-separated, may contain non-ASCII characters
    QString kind;   ///< "mail", "contacts" or "calendar"
    int weight = 1; ///< relative share of the messages
};

/// \brief What a run produced (only this run's messages when appending).
struct CorpusSummary
{
    QString outputDir;
    CorpusFormat format = CorpusFormat::Maildir;
    quint64 seed = 0;
    int startIndex = 0;
    QList<GeneratedMessage> messages;
    qint64 totalBytes = 0;        ///< sum of the messages' sizes
    QMap<QString, int> perFolder; ///< folder path -> messages generated in this run
    QStringList folders;          ///< every folder path of the corpus, Inbox first

    /// Totals and folders, plus every message when withMessages is set (the manifest).
    QJsonObject toJson(bool withMessages = true) const;
    /// "generated 1000 messages in 8 folders, 23.4 MB in /tmp/x"
    QString toText() const;
};

/// \brief The folders a corpus with folderCount folders has, in a fixed order; Inbox comes first.
QList<CorpusFolder> corpusFolders(int folderCount);

/// \brief Where a folder goes for a format: ".Projects.Alpha" (Maildir++, IMAP-UTF-7 names, "" for the
/// Inbox), "Projects.Alpha.mbox", "Projects/Alpha" (eml).
QString corpusFolderRelativePath(const QString &folderPath, CorpusFormat format);

/// \brief The number of malformed messages a run with these options writes.
int effectiveMalformedCount(const CorpusOptions &options);

/// \brief Checks the options without touching the disk.
Status validateCorpusOptions(const CorpusOptions &options);

/// \brief Writes options.messageCount messages into outputDir (created if needed). Never overwrites a
/// message file; mbox files must not exist yet unless options.startIndex > 0, in which case they are
/// appended to. Writes the manifest too when options.manifestPath is set.
Result<CorpusSummary> generateCorpus(const CorpusOptions &options, const QString &outputDir);

/// \brief Writes the summary with every message as indented JSON.
Status writeCorpusManifest(const CorpusSummary &summary, const QString &path);

} // namespace ArchiveSync::Testing
