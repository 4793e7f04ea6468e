// SPDX-License-Identifier: Apache-2.0
// archivesync-corpus: writes a deterministic mail corpus for tests, benchmarks and manual imports.
#include "tests/support/CorpusGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <optional>

using namespace ArchiveSync::Testing;

namespace {

constexpr int exitFailure = 1;
constexpr int exitUsage = 2;

void printErr(const QString &text)
{
    std::fputs((QStringLiteral("archivesync-corpus: ") + text + QLatin1Char('\n')).toUtf8().constData(),
               stderr);
}

/// "4M", "512K", "1.5G", "300000": bytes, with binary suffixes (an optional "B" or "iB" after them).
std::optional<qint64> parseSize(QString text)
{
    text = text.trimmed().toUpper();
    if (text.endsWith(QLatin1String("IB")))
        text.chop(2);
    else if (text.endsWith(QLatin1Char('B')) && text.size() > 1 && !text.at(text.size() - 2).isDigit())
        text.chop(1);
    double multiplier = 1;
    if (!text.isEmpty()) {
        const QChar last = text.back();
        if (last == QLatin1Char('K'))
            multiplier = 1024.0;
        else if (last == QLatin1Char('M'))
            multiplier = 1024.0 * 1024;
        else if (last == QLatin1Char('G'))
            multiplier = 1024.0 * 1024 * 1024;
        if (multiplier > 1)
            text.chop(1);
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0) || value * multiplier > 9e18)
        return std::nullopt;
    return qint64(std::llround(value * multiplier));
}

std::optional<int> parseCount(const QString &text, int minimum)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("archivesync-corpus"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a deterministic, realistic mail corpus."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output directory."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"), QStringLiteral("Number of messages."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption foldersOption(QStringLiteral("folders"),
                                           QStringLiteral("Number of folders (5..200)."), QStringLiteral("N"),
                                           QStringLiteral("8"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption startOption(
        QStringLiteral("start-index"), QStringLiteral("Index of the first message; > 0 appends to a corpus."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("maildir, mbox or eml."),
                                          QStringLiteral("FORMAT"), QStringLiteral("maildir"));
    const QCommandLineOption maxAttachmentOption(QStringLiteral("max-attachment"),
                                                 QStringLiteral("Largest attachment (K/M/G suffixes)."),
                                                 QStringLiteral("SIZE"), QStringLiteral("4M"));
    const QCommandLineOption totalOption(
        QStringLiteral("total-size"), QStringLiteral("Scale attachments so the corpus comes near this size."),
        QStringLiteral("SIZE"));
    const QCommandLineOption malformedOption(
        QStringLiteral("malformed"), QStringLiteral("Number of malformed messages (default about 1 %)."),
        QStringLiteral("N"));
    const QCommandLineOption smallOption(QStringLiteral("small"),
                                         QStringLiteral("Every message about 2 KB of plain text."));
    const QCommandLineOption manifestOption(QStringLiteral("manifest"),
                                            QStringLiteral("Write every message's metadata as JSON to FILE."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the summary as JSON."));
    parser.addOptions({outOption, messagesOption, foldersOption, seedOption, startOption, formatOption,
                       maxAttachmentOption, totalOption, malformedOption, smallOption, manifestOption,
                       jsonOption});

    if (!parser.parse(QCoreApplication::arguments())) {
        printErr(parser.errorText());
        return exitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toUtf8().constData(), stdout);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printErr(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
        return exitUsage;
    }
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty()) {
        printErr(QStringLiteral("--out DIR is required"));
        return exitUsage;
    }

    CorpusOptions options;
    auto usage = [](const QString &message) {
        printErr(message);
        return exitUsage;
    };
    if (const auto n = parseCount(parser.value(messagesOption), 0))
        options.messageCount = *n;
    else
        return usage(QStringLiteral("--messages needs a number >= 0"));
    if (const auto n = parseCount(parser.value(foldersOption), 5); n && *n <= 200)
        options.folderCount = *n;
    else
        return usage(QStringLiteral("--folders needs a number between 5 and 200"));
    bool seedOk = false;
    options.seed = parser.value(seedOption).toULongLong(&seedOk);
    if (!seedOk)
        return usage(QStringLiteral("--seed needs an unsigned number"));
    if (const auto n = parseCount(parser.value(startOption), 0))
        options.startIndex = *n;
    else
        return usage(QStringLiteral("--start-index needs a number >= 0"));
    if (const auto format = corpusFormatFromName(parser.value(formatOption)))
        options.format = *format;
    else
        return usage(QStringLiteral("--format must be maildir, mbox or eml"));
    if (const auto size = parseSize(parser.value(maxAttachmentOption)); size && *size >= 1024)
        options.maxAttachmentBytes = *size;
    else
        return usage(QStringLiteral("--max-attachment needs a size of at least 1K"));
    if (parser.isSet(totalOption)) {
        if (const auto size = parseSize(parser.value(totalOption)))
            options.targetTotalBytes = *size;
        else
            return usage(QStringLiteral("--total-size needs a size such as 500M"));
    }
    if (parser.isSet(malformedOption)) {
        if (const auto n = parseCount(parser.value(malformedOption), 0); n && *n <= options.messageCount)
            options.malformedCount = *n;
        else
            return usage(QStringLiteral("--malformed needs a number between 0 and the message count"));
    }
    options.smallMessages = parser.isSet(smallOption);
    if (parser.isSet(manifestOption))
        options.manifestPath = parser.value(manifestOption);
    if (const auto valid = validateCorpusOptions(options); !valid)
        return usage(valid.errorString());

    const QString out = parser.value(outOption);
    const QDir outDir(out);
    // A fresh corpus goes into an empty directory, so that nothing left over gets mistaken for part of it.
    if (options.startIndex == 0 && outDir.exists() &&
        !outDir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return usage(QStringLiteral("%1 is not empty (use --start-index to append)").arg(out));

    const auto summary = generateCorpus(options, out);
    if (!summary) {
        printErr(summary.errorString());
        return exitFailure;
    }
    if (parser.isSet(jsonOption))
        std::fputs(
            QJsonDocument(summary->toJson(false)).toJson(QJsonDocument::Compact).append('\n').constData(),
            stdout);
    else
        std::fputs((summary->toText() + QLatin1Char('\n')).toUtf8().constData(), stdout);
    return 0;
}
