// SPDX-License-Identifier: Apache-2.0
#include "service/ingest/MailSourceScanner.h"

#include "core/mime/ImapUtf7.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ArchiveSync {

namespace {
const QString kInbox = QStringLiteral("Inbox");

QString joinFolder(const QString &parent, const QString &child)
{
    return parent.isEmpty() ? child : parent + QLatin1Char('/') + child;
}

QString folderFromMboxName(const QString &fileName)
{
    QString name = fileName;
    for (const char *suffix : {".mbox", ".mbx"}) {
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            name.chop(static_cast<qsizetype>(qstrlen(suffix)));
    }
    // "a..b", ".a" or "a." must not make empty path components ("a//b", "/a", "a/").
    name = name.split(QLatin1Char('.'), Qt::SkipEmptyParts).join(QLatin1Char('/'));
    if (name.isEmpty() || name.compare(QLatin1String("inbox"), Qt::CaseInsensitive) == 0)
        return kInbox;
    return name;
}

bool startsLikeMbox(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(5) == "From ";
}
} // namespace

MailSourceScanner::MailSourceScanner(MessageHandler onMessage, ProblemHandler onProblem)
    : m_onMessage(std::move(onMessage))
    , m_onProblem(std::move(onProblem))
{}

bool MailSourceScanner::isMaildir(const QString &dir)
{
    return QFileInfo(dir + QStringLiteral("/cur")).isDir() || QFileInfo(dir + QStringLiteral("/new")).isDir();
}

Status MailSourceScanner::scan(const QString &path, const QString &folder)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(QStringLiteral("%1 does not exist").arg(path));
    m_visited.clear();
    if (info.isDir()) {
        if (isMaildir(path))
            return scanMaildirTree(info.absoluteFilePath(), folder.isEmpty() ? kInbox : folder);
        return scanPlainDirectory(info.absoluteFilePath(), folder, !folder.isEmpty());
    }
    return scanFile(info.absoluteFilePath(), folder, !folder.isEmpty());
}

bool MailSourceScanner::firstVisit(const QString &dir)
{
    // A symbolic link back to an ancestor would otherwise be followed until the path is too long.
    const QString canonical = QFileInfo(dir).canonicalFilePath();
    if (canonical.isEmpty() || m_visited.contains(canonical))
        return false;
    m_visited.insert(canonical);
    return true;
}

Status MailSourceScanner::scanMaildirTree(const QString &root, const QString &rootFolder)
{
    if (!firstVisit(root))
        return {};
    if (Status st = scanMaildirMessages(root, rootFolder); !st.ok())
        return st;
    // A root named after a folder other than the Inbox keeps its Maildir++ children beneath it.
    const QString childParent = rootFolder == kInbox ? QString() : rootFolder;
    const QDir dir(root);
    const QStringList entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &name : entries) {
        if (name == QLatin1String("cur") || name == QLatin1String("new") || name == QLatin1String("tmp"))
            continue;
        const QString sub = dir.filePath(name);
        if (name.startsWith(QLatin1Char('.'))) {
            if (!isMaildir(sub))
                continue;
            QStringList parts;
            for (const QString &part : name.mid(1).split(QLatin1Char('.'), Qt::SkipEmptyParts))
                parts << ImapUtf7::decode(part);
            if (parts.isEmpty())
                continue;
            if (Status st = scanMaildirMessages(sub, joinFolder(childParent, parts.join(QLatin1Char('/'))));
                !st.ok())
                return st;
        } else if (isMaildir(sub)) {
            if (Status st = scanMaildirTree(sub, joinFolder(childParent, ImapUtf7::decode(name))); !st.ok())
                return st;
        }
    }
    return {};
}

Status MailSourceScanner::scanMaildirMessages(const QString &dir, const QString &folder)
{
    for (const char *sub : {"cur", "new"}) {
        const QDir messages(dir + QLatin1Char('/') + QLatin1String(sub));
        if (!messages.exists())
            continue;
        for (const QString &name : messages.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString path = messages.filePath(name);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                m_onProblem(path, file.errorString());
                continue;
            }
            QByteArray raw = file.readAll();
            if (file.error() != QFile::NoError) { // a partial read must not be archived as the message
                m_onProblem(path, file.errorString());
                continue;
            }
            if (Status st = m_onMessage(folder, path, std::move(raw)); !st.ok())
                return st;
        }
    }
    return {};
}

Status MailSourceScanner::scanPlainDirectory(const QString &root, const QString &folder, bool folderGiven)
{
    if (!firstVisit(root))
        return {};
    const QDir dir(root);
    for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
        if (Status st = scanFile(dir.filePath(name), folder, folderGiven); !st.ok())
            return st;
    }
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString sub = dir.filePath(name);
        const QString subFolder = joinFolder(folder, name);
        Status st = isMaildir(sub) ? scanMaildirTree(sub, subFolder)
                                   : scanPlainDirectory(sub, subFolder, folderGiven);
        if (!st.ok())
            return st;
    }
    return {};
}

// folderGiven: the caller named the folder, so an mbox file's own name does not add a level.
Status MailSourceScanner::scanFile(const QString &path, const QString &folder, bool folderGiven)
{
    if (startsLikeMbox(path)) {
        const QString mboxFolder = folderFromMboxName(QFileInfo(path).fileName());
        return scanMbox(path, folderGiven ? folder : joinFolder(folder, mboxFolder));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_onProblem(path, file.errorString());
        return {};
    }
    QByteArray raw = file.readAll();
    if (file.error() != QFile::NoError) { // a partial read must not be archived as the message
        m_onProblem(path, file.errorString());
        return {};
    }
    return m_onMessage(folder.isEmpty() ? kInbox : folder, path, std::move(raw));
}

Status MailSourceScanner::scanMbox(const QString &path, const QString &folder)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_onProblem(path, file.errorString());
        return {};
    }
    QByteArray message;
    bool inMessage = false;
    bool previousBlank = true;
    int index = 0;
    auto emitMessage = [&]() -> Status {
        if (!inMessage)
            return {};
        // mbox puts one blank line between messages; it is not part of the message.
        if (message.endsWith("\n\n"))
            message.chop(1);
        else if (message.endsWith("\r\n\r\n"))
            message.chop(2);
        ++index;
        return m_onMessage(folder, QStringLiteral("%1#%2").arg(path).arg(index), std::exchange(message, {}));
    };
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        if (line.startsWith("From ") && previousBlank) {
            if (Status st = emitMessage(); !st.ok())
                return st;
            inMessage = true;
            previousBlank = false;
            continue;
        }
        // mboxrd: ">From ", ">>From ", ... lost one '>' when written.
        qsizetype quotes = 0;
        while (quotes < line.size() && line.at(quotes) == '>')
            ++quotes;
        if (quotes > 0 && line.mid(quotes).startsWith("From "))
            line.remove(0, 1);
        previousBlank = (line == "\n" || line == "\r\n");
        if (inMessage)
            message += line;
    }
    if (file.error() != QFile::NoError)
        m_onProblem(path, file.errorString());
    return emitMessage();
}

} // namespace ArchiveSync
