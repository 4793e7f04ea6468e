// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"
#include "tests/support/CorpusGenerator.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// Relative path -> SHA-256 of every file under root (Maildir++ folders are hidden directories).
QMap<QString, QString> fileHashes(const QString &root)
{
    QMap<QString, QString> hashes;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        hashes.insert(QDir(root).relativeFilePath(path), Sha256::hex(readAll(path)));
    }
    return hashes;
}

/// The header block of a message, unfolded: one entry per field line as written.
QList<QByteArray> headerLines(const QByteArray &message)
{
    qsizetype end = message.indexOf("\n\n");
    if (end < 0)
        end = message.size();
    QList<QByteArray> lines;
    for (const QByteArray &line : message.left(end).split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !lines.isEmpty())
            lines.last() += line;
        else
            lines.append(line);
    }
    return lines;
}

QByteArray headerValue(const QByteArray &message, const QByteArray &name)
{
    for (const QByteArray &line : headerLines(message)) {
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

/// A small independent RFC 2047 decoder, so that the subjects the generator reports are checked
/// against what it actually wrote.
QString decodeRfc2047(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral(R"(=\?([^?]+)\?([BbQq])\?([^?]*)\?=)"));
    const QString text = QString::fromLatin1(value);
    QString out;
    qsizetype pos = 0;
    bool previousWasWord = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString between = text.mid(pos, m.capturedStart() - pos);
        // White space between two adjacent encoded words is not part of the text (RFC 2047 6.2).
        if (!(previousWasWord && between.trimmed().isEmpty()))
            out += between;
        QByteArray bytes;
        const QByteArray payload = m.captured(3).toLatin1();
        if (m.captured(2).toUpper() == QLatin1String("B")) {
            bytes = QByteArray::fromBase64(payload);
        } else {
            for (qsizetype i = 0; i < payload.size(); ++i) {
                if (payload[i] == '_')
                    bytes += ' ';
                else if (payload[i] == '=' && i + 2 < payload.size())
                    bytes += char(payload.mid(i + 1, 2).toInt(nullptr, 16)), i += 2;
                else
                    bytes += payload[i];
            }
        }
        out += m.captured(1).toUpper() == QLatin1String("UTF-8") ? QString::fromUtf8(bytes)
                                                                 : QString::fromLatin1(bytes);
        pos = m.capturedEnd();
        previousWasWord = true;
    }
    return out + text.mid(pos);
}

/// Splits an mboxrd file the way an importer does: "From " lines separate, the blank line before each
/// separator belongs to the file, and one '>' comes off every ">From " line.
QList<QByteArray> splitMbox(const QByteArray &data)
{
    QList<QByteArray> messages;
    static const QRegularExpression quotedFrom(QStringLiteral("^>+From "));
    QByteArray current;
    bool inMessage = false;
    auto finish = [&] {
        if (!inMessage)
            return;
        if (current.endsWith("\n\n"))
            current.chop(1);
        messages.append(current);
        current.clear();
    };
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        end = end < 0 ? data.size() : end + 1;
        QByteArray line = data.mid(pos, end - pos);
        if (line.startsWith("From ")) {
            finish();
            inMessage = true;
        } else {
            if (line.startsWith('>') && quotedFrom.match(QString::fromLatin1(line)).hasMatch())
                line.remove(0, 1);
            current += line;
        }
        pos = end;
    }
    finish();
    return messages;
}

CorpusOptions fastOptions(int messages)
{
    CorpusOptions o;
    o.messageCount = messages;
    // Small attachments keep the test fast; their number and kind do not change.
    o.maxAttachmentBytes = 48 * 1024;
    return o;
}

} // namespace

class TestCorpusGenerator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameSeedSameBytes();
    void countsAndMaildirFolders();
    void everyKindPresent();
    void subjectsDecodeAsReported();
    void malformedKinds();
    void manifestMatchesFiles();
    void appendLeavesExistingFiles();
    void mboxSplitsBack();
    void emlLayout();
    void smallMessages();
    void targetTotalSize();
    void rejectsBadOptions();

private:
    // One 500-message Maildir corpus with a manifest, shared by the tests that only read: creating files is
    // what takes the time here (about a millisecond each on a busy disk).
    QTemporaryDir m_dir;
    QString m_root;
    QString m_manifest;
    std::optional<CorpusSummary> m_shared;
};

void TestCorpusGenerator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("shared"));
    m_manifest = m_dir.filePath(QStringLiteral("manifest.json"));
    CorpusOptions options = fastOptions(500);
    options.manifestPath = m_manifest;
    auto summary = generateCorpus(options, m_root);
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    m_shared = std::move(summary).value();
}

void TestCorpusGenerator::sameSeedSameBytes()
{
    QTemporaryDir a, b, c;
    const CorpusOptions options = fastOptions(100);
    const auto first = generateCorpus(options, a.path());
    const auto second = generateCorpus(options, b.path());
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    const QMap<QString, QString> hashesA = fileHashes(a.path());
    QVERIFY(hashesA.size() >= 100);
    QCOMPARE(hashesA, fileHashes(b.path()));

    CorpusOptions other = options;
    other.seed = 2;
    QVERIFY(generateCorpus(other, c.path()).ok());
    const QMap<QString, QString> hashesC = fileHashes(c.path());
    QVERIFY(hashesA != hashesC);
    // Not merely renamed: the message bytes differ too.
    const QList<QString> valuesA = hashesA.values();
    const QList<QString> valuesC = hashesC.values();
    const QSet<QString> setA(valuesA.cbegin(), valuesA.cend());
    const QSet<QString> setC(valuesC.cbegin(), valuesC.cend());
    QVERIFY(QSet<QString>(setA).intersect(setC).size() <= 1); // the empty maildirfolder files
}

void TestCorpusGenerator::countsAndMaildirFolders()
{
    const QDir dir(m_root);
    const CorpusSummary *summary = &*m_shared;
    QCOMPARE(summary->messages.size(), 500);
    QCOMPARE(summary->folders.size(), 8);
    int sum = 0;
    for (int n : summary->perFolder)
        sum += n;
    QCOMPARE(sum, 500);
    for (const QString &folder : summary->folders) {
        if (folder != QLatin1String("Inbox"))
            QVERIFY2(summary->perFolder.value(QStringLiteral("Inbox")) > summary->perFolder.value(folder),
                     qPrintable(folder));
    }

    const QStringList expected = {QString(),
                                  QStringLiteral(".Sent"),
                                  QStringLiteral(".Contacts"),
                                  QStringLiteral(".Calendar"),
                                  QStringLiteral(".Projects.Alpha"),
                                  QStringLiteral(".Entw&APw-rfe")};
    for (const QString &rel : expected) {
        for (const char *sub : {"cur", "new", "tmp"})
            QVERIFY2(
                QFileInfo(m_root + QLatin1Char('/') + rel + QLatin1Char('/') + QLatin1String(sub)).isDir(),
                qPrintable(rel));
    }
    int files = 0;
    int inNew = 0;
    QSet<QString> names;
    for (const GeneratedMessage &m : summary->messages) {
        QVERIFY2(QFileInfo::exists(dir.filePath(m.relativePath)), qPrintable(m.relativePath));
        const QString name = m.relativePath.section(QLatin1Char('/'), -1);
        QVERIFY(QRegularExpression(QStringLiteral(R"(^\d+\.M\d+P1\.corpus(:2,S)?$)")).match(name).hasMatch());
        QCOMPARE(m.relativePath.contains(QLatin1String("/new/")) ||
                     m.relativePath.startsWith(QLatin1String("new/")),
                 !name.endsWith(QLatin1String(":2,S")));
        inNew += name.endsWith(QLatin1String(":2,S")) ? 0 : 1;
        names.insert(name);
        ++files;
    }
    QCOMPARE(names.size(), files);
    QVERIFY2(inNew > 20 && inNew < 90, qPrintable(QString::number(inNew)));
}

void TestCorpusGenerator::everyKindPresent()
{
    const QDir dir(m_root);
    const CorpusSummary *summary = &*m_shared;
    QSet<QString> kinds;
    for (const GeneratedMessage &m : summary->messages) {
        const QByteArray bytes = readAll(dir.filePath(m.relativePath));
        QVERIFY(bytes.endsWith('\n'));
        if (m.isSigned && m.cryptoFormat == QLatin1String("smime")) {
            QVERIFY(bytes.contains(
                "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256"));
            QVERIFY(bytes.contains("Content-Type: application/pkcs7-signature"));
            kinds.insert(QStringLiteral("smime-signed"));
        }
        if (m.isSigned && m.cryptoFormat == QLatin1String("pgp")) {
            QVERIFY(bytes.contains("multipart/signed; protocol=\"application/pgp-signature\""));
            kinds.insert(QStringLiteral("pgp-signed"));
        }
        if (m.isEncrypted && m.cryptoFormat == QLatin1String("smime")) {
            QVERIFY(bytes.contains(
                "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m"));
            kinds.insert(QStringLiteral("smime-encrypted"));
        }
        if (m.isEncrypted && m.cryptoFormat == QLatin1String("pgp")) {
            QVERIFY(
                bytes.contains("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\""));
            QVERIFY(bytes.contains("\nVersion: 1\n"));
            QVERIFY(bytes.contains("-----BEGIN PGP MESSAGE-----"));
            kinds.insert(QStringLiteral("pgp-encrypted"));
        }
        if (m.hasAttachments && m.folderKind == QLatin1String("mail") && !m.malformed) {
            QVERIFY(bytes.contains("Content-Disposition: attachment"));
            kinds.insert(QStringLiteral("attachment"));
            if (bytes.contains("filename*"))
                kinds.insert(QStringLiteral("rfc2231-filename"));
        }
        if (m.folderKind == QLatin1String("contacts") && !m.malformed) {
            QVERIFY(bytes.contains("Content-Type: text/vcard"));
            kinds.insert(QStringLiteral("vcard"));
        }
        if (m.folderKind == QLatin1String("calendar") && !m.malformed) {
            QVERIFY(bytes.contains("Content-Type: text/calendar"));
            kinds.insert(QStringLiteral("calendar"));
        }
        if (m.nonAsciiSubject && !m.malformed) {
            const QByteArray subject = headerValue(bytes, "Subject");
            for (const char *form : {"=?UTF-8?B?", "=?UTF-8?Q?", "=?ISO-8859-1?Q?"}) {
                if (subject.contains(form))
                    kinds.insert(QString::fromLatin1(form));
            }
            const qsizetype lineEnd = bytes.indexOf('\n', bytes.indexOf("\nSubject: ") + 1);
            if (bytes.mid(lineEnd + 1, 3) == " =?")
                kinds.insert(QStringLiteral("folded-subject"));
        }
        if (bytes.contains("multipart/alternative"))
            kinds.insert(QStringLiteral("html"));
        if (bytes.contains("Content-Transfer-Encoding: quoted-printable"))
            kinds.insert(QStringLiteral("quoted-printable"));
        if (bytes.contains("\nIn-Reply-To: <corpus-1-"))
            kinds.insert(QStringLiteral("reply"));
        if (m.malformed)
            kinds.insert(QStringLiteral("malformed"));
    }
    const QStringList required = {QStringLiteral("smime-signed"),
                                  QStringLiteral("pgp-signed"),
                                  QStringLiteral("smime-encrypted"),
                                  QStringLiteral("pgp-encrypted"),
                                  QStringLiteral("attachment"),
                                  QStringLiteral("rfc2231-filename"),
                                  QStringLiteral("vcard"),
                                  QStringLiteral("calendar"),
                                  QStringLiteral("=?UTF-8?B?"),
                                  QStringLiteral("=?UTF-8?Q?"),
                                  QStringLiteral("=?ISO-8859-1?Q?"),
                                  QStringLiteral("folded-subject"),
                                  QStringLiteral("html"),
                                  QStringLiteral("quoted-printable"),
                                  QStringLiteral("reply"),
                                  QStringLiteral("malformed")};
    for (const QString &kind : required)
        QVERIFY2(kinds.contains(kind), qPrintable(kind));
}

void TestCorpusGenerator::subjectsDecodeAsReported()
{
    const QDir dir(m_root);
    const CorpusSummary *summary = &*m_shared;
    int nonAscii = 0;
    for (const GeneratedMessage &m : summary->messages) {
        const QByteArray bytes = readAll(dir.filePath(m.relativePath));
        QVERIFY2(bytes.contains("Message-ID: <" + m.messageId.toLatin1() + ">\n"),
                 qPrintable(m.relativePath));
        QVERIFY(m.messageId.startsWith(QStringLiteral("corpus-1-%1@").arg(m.index)));
        if (m.malformed)
            continue;
        const QByteArray raw = headerValue(bytes, "Subject");
        QCOMPARE(decodeRfc2047(raw), m.subject);
        // Encoded words stay within the 75 characters RFC 2047 allows.
        for (const QString &w : QString::fromLatin1(raw).split(QLatin1Char(' ')))
            QVERIFY2(!w.startsWith(QLatin1String("=?")) || w.size() <= 75, qPrintable(w));
        if (m.nonAsciiSubject) {
            ++nonAscii;
            QVERIFY(raw.contains("=?"));
        }
        // Every header line is 7-bit in a sound message.
        const QList<QByteArray> lines = headerLines(bytes);
        for (const QByteArray &line : lines)
            QVERIFY(std::all_of(line.begin(), line.end(), [](char c) { return uchar(c) < 128; }));
        QVERIFY(m.date.isValid());
    }
    QVERIFY2(nonAscii > 60, qPrintable(QString::number(nonAscii)));
}

void TestCorpusGenerator::malformedKinds()
{
    QCOMPARE(effectiveMalformedCount(fastOptions(1000)), 10);
    QCOMPARE(effectiveMalformedCount(fastOptions(100)), 3);
    QCOMPARE(effectiveMalformedCount(fastOptions(20)), 0);

    QTemporaryDir dir;
    CorpusOptions options = fastOptions(100);
    options.malformedCount = 14;
    const auto summary = generateCorpus(options, dir.path());
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QMap<QString, int> kinds;
    QSet<QString> folders;
    static const QRegularExpression fieldLine(QStringLiteral("^[A-Za-z][A-Za-z0-9-]*: "));
    for (const GeneratedMessage &m : summary->messages) {
        if (!m.malformed)
            continue;
        ++kinds[m.malformedKind];
        folders.insert(m.folder);
        const QByteArray bytes = readAll(dir.filePath(m.relativePath));
        // Broken mail, but still mail: it starts with a header field.
        QVERIFY2(fieldLine.match(QString::fromLatin1(bytes.left(bytes.indexOf('\n')))).hasMatch(),
                 qPrintable(m.malformedKind));
        QVERIFY(bytes.endsWith('\n'));
        const qsizetype headerEnd = bytes.contains("\n\n") ? bytes.indexOf("\n\n") : bytes.size();
        const QByteArray header = "\n" + bytes.left(headerEnd);
        if (m.malformedKind == QLatin1String("missing-from-date")) {
            QVERIFY(!header.contains("\nFrom:") && !header.contains("\nDate:"));
            QVERIFY(!m.date.isValid());
        } else if (m.malformedKind == QLatin1String("raw-8bit-subject")) {
            QVERIFY(headerValue(bytes, "Subject").contains('\xfc'));
            QVERIFY(m.subject.isEmpty());
        } else if (m.malformedKind == QLatin1String("unclosed-multipart")) {
            const QByteArray boundary = headerValue(bytes, "Content-Type").split('"').value(1);
            QVERIFY(!boundary.isEmpty());
            QVERIFY(bytes.contains("--" + boundary + "\n"));
            QVERIFY(!bytes.contains("--" + boundary + "--"));
        } else if (m.malformedKind == QLatin1String("truncated-base64")) {
            const qsizetype start = bytes.indexOf("\n\n", bytes.indexOf("truncated.pdf")) + 2;
            const QByteArray b64 = bytes.mid(start, bytes.indexOf("\n--", start) - start).replace("\n", "");
            QVERIFY(b64.size() > 100);
            QVERIFY(b64.size() % 4 != 0);
        } else if (m.malformedKind == QLatin1String("header-without-colon")) {
            const QList<QByteArray> lines = bytes.left(headerEnd).split('\n');
            QVERIFY(lines.first().contains(':'));
            QVERIFY(std::any_of(lines.begin(), lines.end(),
                                [](const QByteArray &l) { return !l.contains(':'); }));
        } else if (m.malformedKind == QLatin1String("no-body")) {
            QVERIFY(!bytes.contains("\n\n"));
        } else if (m.malformedKind == QLatin1String("duplicate-content-type")) {
            QCOMPARE(header.count("\nContent-Type:"), 2);
        } else {
            QFAIL(qPrintable(m.malformedKind));
        }
    }
    QCOMPARE(kinds.size(), 7);
    for (int n : kinds)
        QCOMPARE(n, 2);
    QVERIFY(folders.size() >= 5);
}

void TestCorpusGenerator::manifestMatchesFiles()
{
    const CorpusSummary *summary = &*m_shared;
    const QJsonObject manifest = QJsonDocument::fromJson(readAll(m_manifest)).object();
    const QJsonArray messages = manifest.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 500);
    qint64 total = 0;
    for (const QJsonValue &v : messages) {
        const QJsonObject o = v.toObject();
        const QByteArray bytes =
            readAll(m_root + QLatin1Char('/') + o.value(QStringLiteral("relativePath")).toString());
        QVERIFY(bytes.endsWith('\n'));
        QCOMPARE(o.value(QStringLiteral("sha256")).toString(), Sha256::hex(bytes));
        QCOMPARE(o.value(QStringLiteral("size")).toInteger(), bytes.size());
        total += bytes.size();
    }
    QCOMPARE(manifest.value(QStringLiteral("totalBytes")).toInteger(), total);
    QCOMPARE(summary->totalBytes, total);
}

void TestCorpusGenerator::appendLeavesExistingFiles()
{
    QTemporaryDir dir;
    const auto first = generateCorpus(fastOptions(60), dir.path());
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    const QMap<QString, QString> before = fileHashes(dir.path());

    CorpusOptions more = fastOptions(40);
    more.startIndex = 60;
    const auto second = generateCorpus(more, dir.path());
    QVERIFY2(second.ok(), qPrintable(second.errorString()));
    const QMap<QString, QString> after = fileHashes(dir.path());
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
    QCOMPARE(after.size(), before.size() + 40);

    QSet<QString> ids;
    for (const auto *summary : {&first.value(), &second.value()}) {
        for (const GeneratedMessage &m : summary->messages)
            ids.insert(m.messageId);
    }
    QCOMPARE(ids.size(), 100);
    QCOMPARE(second->messages.first().index, 60);

    // Running the first batch again would overwrite: it must fail instead.
    QVERIFY(!generateCorpus(fastOptions(60), dir.path()).ok());
    QCOMPARE(fileHashes(dir.path()), after);
}

void TestCorpusGenerator::mboxSplitsBack()
{
    QTemporaryDir dir;
    CorpusOptions options = fastOptions(250);
    options.format = CorpusFormat::Mbox;
    const auto first = generateCorpus(options, dir.path());
    QVERIFY2(first.ok(), qPrintable(first.errorString()));
    CorpusOptions more = options;
    more.messageCount = 60;
    more.startIndex = 250;
    const auto second = generateCorpus(more, dir.path());
    QVERIFY2(second.ok(), qPrintable(second.errorString()));

    // relativePath "file#n" -> sha256, from both runs.
    QMap<QString, QString> expected;
    for (const auto *summary : {&first.value(), &second.value()}) {
        for (const GeneratedMessage &m : summary->messages) {
            QVERIFY(m.mboxOffset >= 0);
            expected.insert(m.relativePath, m.sha256);
        }
    }
    QCOMPARE(expected.size(), 310);

    QMap<QString, QString> found;
    bool sawEscapedFrom = false;
    for (const QString &folder : first->folders) {
        const QString file = corpusFolderRelativePath(folder, CorpusFormat::Mbox);
        const QByteArray data = readAll(dir.filePath(file));
        QVERIFY2(data.isEmpty() || data.startsWith("From "), qPrintable(file));
        sawEscapedFrom = sawEscapedFrom || data.contains("\n>From ") || data.contains("\n>>From ");
        const QList<QByteArray> messages = splitMbox(data);
        for (qsizetype i = 0; i < messages.size(); ++i)
            found.insert(file + QLatin1Char('#') + QString::number(i + 1), Sha256::hex(messages[i]));
    }
    QCOMPARE(found, expected);
    QVERIFY(sawEscapedFrom);

    // The offsets point at the separator lines, also after an append.
    QMap<QString, QByteArray> files;
    for (const auto *summary : {&first.value(), &second.value()}) {
        for (const GeneratedMessage &m : summary->messages) {
            const QString file = m.relativePath.section(QLatin1Char('#'), 0, 0);
            if (!files.contains(file))
                files.insert(file, readAll(dir.filePath(file)));
            const QByteArray &data = files[file];
            QVERIFY(m.mboxOffset == 0 || data.mid(m.mboxOffset - 2, 2) == "\n\n");
            QVERIFY(data.mid(m.mboxOffset, 5) == "From ");
        }
    }
}

void TestCorpusGenerator::emlLayout()
{
    QTemporaryDir dir;
    CorpusOptions options = fastOptions(60);
    options.format = CorpusFormat::Eml;
    options.folderCount = 12;
    const auto summary = generateCorpus(options, dir.path());
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QCOMPARE(summary->folders.size(), 12);
    for (const GeneratedMessage &m : summary->messages) {
        QCOMPARE(m.relativePath,
                 m.folder + QLatin1Char('/') + QString::number(m.index) + QStringLiteral(".eml"));
        QCOMPARE(Sha256::hex(readAll(dir.filePath(m.relativePath))), m.sha256);
    }
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("Projects/Alpha"))).isDir());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("Entwürfe"))).isDir());
}

void TestCorpusGenerator::smallMessages()
{
    QTemporaryDir dir;
    CorpusOptions options = fastOptions(200);
    options.smallMessages = true;
    options.format = CorpusFormat::Mbox; // one file per folder: sizes come from the summary
    const auto summary = generateCorpus(options, dir.path());
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    qint64 sum = 0;
    int sound = 0;
    for (const GeneratedMessage &m : summary->messages) {
        QVERIFY(!m.isSigned && !m.isEncrypted);
        if (m.malformed)
            continue;
        QVERIFY2(m.size >= 1500 && m.size <= 2700,
                 qPrintable(QStringLiteral("%1: %2").arg(m.relativePath).arg(m.size)));
        QCOMPARE(m.hasAttachments, m.folderKind != QLatin1String("mail"));
        sum += m.size;
        ++sound;
    }
    const qint64 average = sum / sound;
    QVERIFY2(average > 1800 && average < 2300, qPrintable(QString::number(average)));
}

void TestCorpusGenerator::targetTotalSize()
{
    QTemporaryDir dir;
    CorpusOptions options = fastOptions(150);
    options.maxAttachmentBytes = 1024 * 1024;
    options.targetTotalBytes = 6 * 1000 * 1000;
    options.format = CorpusFormat::Mbox;
    const auto summary = generateCorpus(options, dir.path());
    QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
    QVERIFY2(std::abs(summary->totalBytes - options.targetTotalBytes) < options.targetTotalBytes / 20,
             qPrintable(QString::number(summary->totalBytes)));
}

void TestCorpusGenerator::rejectsBadOptions()
{
    CorpusOptions options;
    options.folderCount = 4;
    QVERIFY(!validateCorpusOptions(options).ok());
    options = CorpusOptions();
    options.messageCount = -1;
    QVERIFY(!validateCorpusOptions(options).ok());
    options = CorpusOptions();
    options.signedFraction = 1.5;
    QVERIFY(!validateCorpusOptions(options).ok());
    QVERIFY(validateCorpusOptions(CorpusOptions()).ok());
    // An output directory that cannot be created is an I/O error naming the path.
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const auto result = generateCorpus(fastOptions(5), dir.filePath(QStringLiteral("file/sub")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().category, ErrorCategory::Io);
    QVERIFY(result.errorString().contains(QLatin1String("file/sub")));
}

QTEST_GUILESS_MAIN(TestCorpusGenerator)
#include "TestCorpusGenerator.moc"
