// SPDX-License-Identifier: Apache-2.0
#include "tests/support/CorpusGenerator.h"

#include "core/common/Sha256.h"
#include "core/mime/ImapUtf7.h"
#include "core/model/OfflineSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <memory>

namespace ArchiveSync::Testing {

namespace {

// ---------------------------------------------------------------------------------------------
// Randomness. Everything comes from these generators so that the output depends on the options
// alone: std distributions differ between standard libraries, and so would the corpus.

quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// xoshiro256**, seeded through splitmix64.
class Rng
{
public:
    explicit Rng(quint64 seed)
    {
        for (quint64 &s : m_s)
            s = splitmix64(seed);
    }

    /// An independent stream per (seed, message index, purpose): message n comes out the same whether
    /// it is generated in one run or appended by a later one.
    static Rng forKey(quint64 seed, quint64 index, quint64 stream)
    {
        quint64 state = seed;
        quint64 key = splitmix64(state);
        state = key ^ (index * 0xD1B54A32D192ED03ull);
        key = splitmix64(state);
        state = key ^ (stream * 0x8CB92BA72F3D8DD7ull);
        return Rng(splitmix64(state));
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, n); rejection sampling keeps it unbiased.
    quint64 below(quint64 n)
    {
        if (n <= 1)
            return 0;
        const quint64 limit = ~quint64(0) - (~quint64(0) % n);
        quint64 x = next();
        while (x >= limit)
            x = next();
        return x % n;
    }
    /// Uniform in [lo, hi].
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(below(quint64(hi - lo) + 1)); }
    /// Uniform in [0, 1) with 53 bits; IEEE arithmetic makes the comparisons below portable.
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }

    template<typename T, std::size_t N>
    const T &pick(const std::array<T, N> &items)
    {
        return items[below(N)];
    }

    void fill(char *data, qsizetype size)
    {
        qsizetype i = 0;
        for (; i + 8 <= size; i += 8) {
            const quint64 v = next();
            for (int b = 0; b < 8; ++b)
                data[i + b] = char((v >> (8 * b)) & 0xff);
        }
        if (i < size) {
            const quint64 v = next();
            for (int b = 0; i < size; ++i, ++b)
                data[i] = char((v >> (8 * b)) & 0xff);
        }
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<quint64, 4> m_s{};
};

// Streams of Rng::forKey, so that adding a draw to one concern does not shift the others. Blobs use
// StreamBlob + 16 * n, which never meets the other values.
enum Stream : quint64
{
    StreamMessage = 1,
    StreamBlob = 2,
    StreamFolder = 3,
    StreamFlags = 4,
};

// ---------------------------------------------------------------------------------------------
// Encoders.

constexpr char hexDigits[] = "0123456789ABCDEF";

/// Base64 in lines of lineLength characters, each ending with LF.
QByteArray wrappedBase64(QByteArrayView raw, int lineLength)
{
    const QByteArray b64 = QByteArray::fromRawData(raw.data(), raw.size()).toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / lineLength + 2);
    for (qsizetype i = 0; i < b64.size(); i += lineLength) {
        out.append(b64.constData() + i, std::min<qsizetype>(lineLength, b64.size() - i));
        out.append('\n');
    }
    return out;
}

/// What wrappedBase64() produces for rawSize bytes; the size targeting needs it without the bytes.
qint64 wrappedBase64Size(qint64 rawSize, int lineLength)
{
    const qint64 chars = 4 * ((rawSize + 2) / 3);
    return chars + (chars + lineLength - 1) / lineLength;
}

/// Quoted-printable (RFC 2045 6.7) of UTF-8 text with LF line ends, soft breaks before 76 characters.
QByteArray quotedPrintable(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() * 11 / 10 + 16);
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf('\n', lineStart);
        const bool hasNewline = lineEnd >= 0;
        if (!hasNewline)
            lineEnd = text.size();
        int column = 0;
        for (qsizetype i = lineStart; i < lineEnd; ++i) {
            const uchar c = uchar(text[i]);
            const bool last = i + 1 == lineEnd;
            char token[3];
            int tokenLength = 1;
            token[0] = char(c);
            // Trailing white space would be stripped in transit, so it is encoded at the end of a line.
            if (c == '=' || c > 126 || (c < 32 && c != '\t') || ((c == ' ' || c == '\t') && last)) {
                token[0] = '=';
                token[1] = hexDigits[c >> 4];
                token[2] = hexDigits[c & 15];
                tokenLength = 3;
            }
            if (column + tokenLength > (last ? 76 : 75)) {
                out.append("=\n");
                column = 0;
            }
            out.append(token, tokenLength);
            column += tokenLength;
        }
        out.append('\n');
        lineStart = lineEnd + 1;
    }
    return out;
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; });
}

bool isLatin1(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 256; });
}

enum class WordEncoding
{
    Base64Utf8,
    QUtf8,
    QLatin1,
};

/// The text as RFC 2047 encoded words. The first word is at most firstLimit characters long (it shares
/// its line with the field name), the others at most 75. Words break between code points only, never
/// inside a UTF-8 sequence, so each decodes on its own.
QList<QByteArray> encodedWords(const QString &text, WordEncoding encoding, int firstLimit)
{
    const QByteArray prefix = encoding == WordEncoding::Base64Utf8 ? QByteArrayLiteral("=?UTF-8?B?")
                              : encoding == WordEncoding::QUtf8    ? QByteArrayLiteral("=?UTF-8?Q?")
                                                                   : QByteArrayLiteral("=?ISO-8859-1?Q?");
    auto qEncode = [](QByteArrayView bytes) {
        QByteArray out;
        for (char ch : bytes) {
            const uchar c = uchar(ch);
            if (c == ' ') {
                out.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(char(c));
            } else {
                out.append('=');
                out.append(hexDigits[c >> 4]);
                out.append(hexDigits[c & 15]);
            }
        }
        return out;
    };
    auto encodeChunk = [&](QStringView chunk) {
        if (encoding == WordEncoding::Base64Utf8)
            return chunk.toUtf8().toBase64();
        return qEncode(encoding == WordEncoding::QUtf8 ? chunk.toUtf8() : chunk.toLatin1());
    };

    QList<QByteArray> words;
    qsizetype start = 0;
    while (start < text.size()) {
        const int limit = (words.isEmpty() ? firstLimit : 75) - int(prefix.size()) - 2;
        qsizetype end = start;
        QByteArray best;
        // Grow the chunk one code point at a time while it still fits.
        while (end < text.size()) {
            qsizetype next = end + 1;
            if (text.at(end).isHighSurrogate() && next < text.size())
                ++next;
            const QByteArray candidate = encodeChunk(QStringView(text).mid(start, next - start));
            if (candidate.size() > limit && end > start)
                break;
            best = candidate;
            end = next;
        }
        words.append(prefix + best + "?=");
        start = end;
    }
    return words;
}

/// An RFC 2231 parameter (name*=UTF-8''..., or name*0*=...; name*1*=... when long) for a non-ASCII value.
QByteArray rfc2231Parameter(const QByteArray &name, const QString &value)
{
    QByteArray encoded;
    for (char ch : value.toUtf8()) {
        const uchar c = uchar(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
            c == '-' || c == '_') {
            encoded.append(char(c));
        } else {
            encoded.append('%');
            encoded.append(hexDigits[c >> 4]);
            encoded.append(hexDigits[c & 15]);
        }
    }
    constexpr qsizetype segment = 48;
    if (encoded.size() <= segment)
        return name + "*=UTF-8''" + encoded;
    QByteArray out;
    qsizetype pos = 0;
    for (int n = 0; pos < encoded.size(); ++n) {
        qsizetype length = std::min(segment, encoded.size() - pos);
        // A %XX escape must not be split between two segments.
        if (pos + length < encoded.size()) {
            if (encoded.at(pos + length - 1) == '%')
                length -= 1;
            else if (encoded.at(pos + length - 2) == '%')
                length -= 2;
        }
        if (n > 0)
            out.append(";\n ");
        out.append(name + '*' + QByteArray::number(n) + "*=" + (n == 0 ? "UTF-8''" : ""));
        out.append(encoded.mid(pos, length));
        pos += length;
    }
    return out;
}

constexpr std::array<const char *, 7> dayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<const char *, 12> monthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

QByteArray twoDigits(int n)
{
    return QByteArray::number(n).rightJustified(2, '0');
}

/// "Thu, 01 Jan 2026 09:30:00 +0100": the instant shown in a zone offsetMinutes east of UTC. Written by
/// hand because QLocale's day and month names follow the system language.
QByteArray rfc5322Date(const QDateTime &utc, int offsetMinutes)
{
    const QDateTime local = utc.toOffsetFromUtc(offsetMinutes * 60);
    const QDate d = local.date();
    const QTime t = local.time();
    const int absOffset = std::abs(offsetMinutes);
    return QByteArray(dayNames[d.dayOfWeek() - 1]) + ", " + twoDigits(d.day()) + ' ' +
           monthNames[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' ' + twoDigits(t.hour()) + ':' +
           twoDigits(t.minute()) + ':' + twoDigits(t.second()) + ' ' + (offsetMinutes < 0 ? '-' : '+') +
           twoDigits(absOffset / 60) + twoDigits(absOffset % 60);
}

/// "Thu Jan  1 00:00:00 2026", the date of an mbox "From " line (UTC).
QByteArray asctimeDate(const QDateTime &utc)
{
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray(dayNames[d.dayOfWeek() - 1]) + ' ' + monthNames[d.month() - 1] + ' ' +
           QByteArray::number(d.day()).rightJustified(2, ' ') + ' ' + twoDigits(t.hour()) + ':' +
           twoDigits(t.minute()) + ':' + twoDigits(t.second()) + ' ' + QByteArray::number(d.year());
}

/// "20250105T090000Z" for iCalendar.
QByteArray icalDate(const QDateTime &utc)
{
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray::number(d.year()) + twoDigits(d.month()) + twoDigits(d.day()) + 'T' +
           twoDigits(t.hour()) + twoDigits(t.minute()) + twoDigits(t.second()) + 'Z';
}

// ---------------------------------------------------------------------------------------------
// Material for the messages.

struct Person
{
    const char *name; // UTF-8
    const char *address;
};

// The mailbox owner: the From of everything in "Sent", a recipient of most of the rest.
constexpr Person owner = {"Alex Morgan", "alex.morgan@example.org"};

constexpr std::array<Person, 24> people = {{
    {"Jürgen Müller", "juergen.mueller@example.de"},
    {"François Lefèvre", "f.lefevre@example.fr"},
    {"Zdeněk Dvořák", "zdenek.dvorak@example.cz"},
    {"山田 太郎", "taro.yamada@example.jp"},
    {"Søren Kierkegaard", "soren@example.dk"},
    {"Zoë Ångström", "zoe.angstrom@example.se"},
    {"Smith, John", "john.smith@example.com"},
    {"Maria Garcia", "maria.garcia@example.com"},
    {"Wei Chen", "wei.chen@example.com"},
    {"Priya Patel", "priya.patel@example.org"},
    {"Oliver Brown", "oliver.brown@example.net"},
    {"Emma Wilson", "emma.wilson@example.net"},
    {"Lukas Schneider", "lukas.schneider@example.de"},
    {"Anna Nowak", "anna.nowak@example.pl"},
    {"Björn Lindqvist", "bjorn.lindqvist@example.se"},
    {"Chloé Martin", "chloe.martin@example.fr"},
    {"Ivan Petrov", "ivan.petrov@example.com"},
    {"Fatima Zahra", "fatima.zahra@example.com"},
    {"Noah Davis", "noah.davis@example.org"},
    {"Mia Rossi", "mia.rossi@example.it"},
    {"Kateřina Horáková", "katerina.horakova@example.cz"},
    {"Hans-Peter Weiß", "hp.weiss@example.de"},
    {"Support Team", "support@example.com"},
    {"Project Bot", "noreply@ci.example.com"},
}};

constexpr std::array<const char *, 24> asciiSubjects = {
    "Quarterly report Q%1",
    "Meeting notes %1",
    "Budget review for project %1",
    "Invoice %1",
    "Server maintenance window on Saturday",
    "Lunch on Friday?",
    "Draft proposal v%1",
    "Updated timeline for the migration",
    "Question about ticket #%1",
    "Minutes of the steering committee",
    "Travel arrangements for the conference",
    "Release checklist %1",
    "Code review: storage module, part %1",
    "Welcome to the team",
    "Contract renewal",
    "Your order %1 has shipped",
    "Weekly status",
    "Action items from today's call",
    "Rescheduling our 1:1",
    "Customer feedback summary",
    "Build %1 failed on main",
    "Slides for Thursday",
    "Holiday schedule",
    "Access request for the shared drive",
};

struct LanguageText
{
    const char *language;
    std::array<const char *, 5> subjects; // UTF-8, "%1" becomes a number
    std::array<const char *, 4> sentences;
};

constexpr std::array<LanguageText, 5> languages = {{
    {"de",
     {"Besprechung zur Übergabe der Unterlagen", "Rückfrage zur Rechnung Nr. %1", "Grüße aus München",
      "Änderungen am Vertragsentwurf – bitte prüfen", "Schöne Feiertage und einen guten Rutsch"},
     {"Vielen Dank für die schnelle Rückmeldung zu den Unterlagen.",
      "Könnten wir die Besprechung auf Dienstag verschieben?", "Die Änderungen sind im Anhang grün markiert.",
      "Mit freundlichen Grüßen aus dem Büro in Köln."}},
    {"fr",
     {"Réunion de préparation : ordre du jour", "Facture n° %1 à régler",
      "Résumé de l'été et prochaines étapes", "Où en est le déménagement ?",
      "Félicitations pour la nouvelle année !"},
     {"Je vous remercie pour votre réponse rapide.", "La réunion est déplacée à jeudi après-midi.",
      "Vous trouverez ci-joint le document révisé.", "Bien à vous, et à très bientôt à Genève."}},
    {"cs",
     {"Schůzka v úterý", "Příliš žluťoučký kůň úpěl ďábelské ódy", "Faktura č. %1 – splatnost",
      "Děkuji za zprávu", "Změna termínu předání"},
     {"Děkuji za rychlou odpověď.", "Schůzka se přesouvá na čtvrtek odpoledne.",
      "V příloze posílám opravený dokument.", "S pozdravem z Brna."}},
    {"ja",
     {"会議の議事録について", "見積書の送付（第%1版）", "来週の打ち合わせの件", "新年のご挨拶",
      "資料の確認をお願いします"},
     {"いつもお世話になっております。", "来週の会議の資料を添付いたします。",
      "ご確認のほど、よろしくお願いいたします。", "引き続きよろしくお願いいたします。"}},
    {"emoji",
     {"Launch day 🚀 thanks everyone 🎉", "Coffee ☕ tomorrow?", "Team offsite photos 📸🏔",
      "Happy birthday 🎂🎈", "Release %1 is out ✅"},
     {"Great work everyone 🎉", "See you at the offsite 🏔", "Cake is in the kitchen 🎂",
      "All checks are green ✅"}},
}};

constexpr std::array<const char *, 64> words = {
    "project",  "timeline",  "budget",   "review",   "meeting",  "schedule",  "update",   "customer",
    "release",  "server",    "storage",  "archive",  "folder",   "document",  "report",   "quarter",
    "team",     "decision",  "proposal", "draft",    "feedback", "migration", "backup",   "network",
    "contract", "invoice",   "support",  "question", "answer",   "deadline",  "estimate", "risk",
    "plan",     "milestone", "workshop", "agenda",   "summary",  "analysis",  "numbers",  "forecast",
    "vendor",   "office",    "travel",   "hotel",    "train",    "slides",    "draft",    "version",
    "please",   "should",    "could",    "will",     "probably", "tomorrow",  "next",     "week",
    "the",      "a",         "we",       "our",      "this",     "that",      "with",     "about",
};

struct AttachmentType
{
    const char *stem;
    const char *extension;
    const char *mimeType;
    const char *magic; // the first bytes, so that sniffing tools see the right kind of file
};

constexpr std::array<AttachmentType, 7> attachmentTypes = {{
    {"report", "pdf", "application/pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"},
    {"scan", "png", "image/png", "\x89PNG\r\n\x1a\n"},
    {"photo", "jpg", "image/jpeg", "\xff\xd8\xff\xe0"},
    {"budget", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\x03\x04"},
    {"minutes", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     "PK\x03\x04"},
    {"archive", "zip", "application/zip", "PK\x03\x04"},
    {"data", "bin", "application/octet-stream", ""},
}};

constexpr std::array<const char *, 6> nonAsciiFileStems = {
    "Übersicht",
    "Präsentation Résumé",
    "Kostenschätzung für das Jahr",
    "přehled nákladů",
    "議事録",
    "Überarbeitete Fassung des Vertragsentwurfs mit Änderungen",
};

constexpr std::array<const char *, 7> malformedKinds = {
    "missing-from-date",    "raw-8bit-subject", "unclosed-multipart",     "truncated-base64",
    "header-without-colon", "no-body",          "duplicate-content-type",
};

// Zones of the Date header, minutes east of UTC.
constexpr std::array<int, 8> zoneOffsets = {0, 60, 60, 120, -300, -480, 540, 330};

QString utf8(const char *s)
{
    return QString::fromUtf8(s);
}

// ---------------------------------------------------------------------------------------------
// Folders.

struct FolderTemplate
{
    const char *path;
    const char *kind;
    int weight;
};

// The first six always exist; the order of the rest decides which a larger folderCount adds.
constexpr std::array<FolderTemplate, 16> folderTemplates = {{
    {"Inbox", "mail", 40},
    {"Sent", "mail", 14},
    {"Contacts", "contacts", 4},
    {"Calendar", "calendar", 4},
    {"Projects/Alpha", "mail", 8},
    {"Entwürfe", "mail", 3},
    {"Projects/Beta", "mail", 6},
    {"Archive/2024", "mail", 10},
    {"Archive/2025", "mail", 10},
    {"Newsletters", "mail", 7},
    {"Reisen/Zürich", "mail", 3},
    {"Lists/Qt Interest", "mail", 5},
    {"Receipts", "mail", 3},
    {"Family & Friends", "mail", 3},
    {"仕事", "mail", 2},
    {"Lists/Debian", "mail", 4},
}};

} // namespace

QList<CorpusFolder> corpusFolders(int folderCount)
{
    QList<CorpusFolder> folders;
    const int count = std::max(folderCount, 5);
    for (int i = 0; i < count; ++i) {
        if (i < int(folderTemplates.size())) {
            const FolderTemplate &t = folderTemplates[i];
            folders.append({utf8(t.path), QString::fromLatin1(t.kind), t.weight});
        } else {
            // Beyond the named folders: older archive years, then numbered topics.
            const int extra = i - int(folderTemplates.size());
            const QString path =
                extra < 10 ? QStringLiteral("Archive/%1").arg(2023 - extra)
                           : QStringLiteral("Topics/Topic %1").arg(extra - 9, 3, 10, QLatin1Char('0'));
            folders.append({path, QStringLiteral("mail"), 2});
        }
    }
    return folders;
}

QString corpusFolderRelativePath(const QString &folderPath, CorpusFormat format)
{
    const QStringList parts = folderPath.split(QLatin1Char('/'));
    switch (format) {
    case CorpusFormat::Maildir: {
        if (folderPath == QLatin1String("Inbox"))
            return QString();
        QStringList encoded;
        for (const QString &part : parts)
            encoded.append(ImapUtf7::encode(part));
        return QLatin1Char('.') + encoded.join(QLatin1Char('.'));
    }
    case CorpusFormat::Mbox:
        return parts.join(QLatin1Char('.')) + QStringLiteral(".mbox");
    case CorpusFormat::Eml:
        return folderPath;
    }
    return folderPath;
}

QString corpusFormatName(CorpusFormat format)
{
    switch (format) {
    case CorpusFormat::Maildir:
        return QStringLiteral("maildir");
    case CorpusFormat::Mbox:
        return QStringLiteral("mbox");
    case CorpusFormat::Eml:
        return QStringLiteral("eml");
    }
    return QString();
}

std::optional<CorpusFormat> corpusFormatFromName(QStringView name)
{
    for (CorpusFormat f : {CorpusFormat::Maildir, CorpusFormat::Mbox, CorpusFormat::Eml}) {
        if (name.compare(corpusFormatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

int effectiveMalformedCount(const CorpusOptions &options)
{
    if (options.malformedCount >= 0)
        return std::min(options.malformedCount, std::max(options.messageCount, 0));
    int count = (options.messageCount + 50) / 100;
    if (options.messageCount >= 100)
        count = std::max(count, 3);
    return count;
}

Status validateCorpusOptions(const CorpusOptions &o)
{
    if (o.messageCount < 0)
        return Error::invalid(QStringLiteral("the message count must not be negative"),
                              QStringLiteral("messages"));
    if (o.folderCount < 5 || o.folderCount > 200)
        return Error::invalid(QStringLiteral("the folder count must be between 5 and 200"),
                              QStringLiteral("folders"));
    if (o.startIndex < 0 || qint64(o.startIndex) + o.messageCount > std::numeric_limits<int>::max())
        return Error::invalid(QStringLiteral("the start index is out of range"),
                              QStringLiteral("start-index"));
    if (o.maxAttachmentBytes < 1024)
        return Error::invalid(QStringLiteral("the attachment size limit must be at least 1 KiB"),
                              QStringLiteral("max-attachment"));
    for (double f : {o.attachmentFraction, o.signedFraction, o.encryptedFraction, o.nonAsciiFraction}) {
        if (!(f >= 0.0 && f <= 1.0))
            return Error::invalid(QStringLiteral("fractions must be between 0 and 1"));
    }
    if (o.signedFraction + o.encryptedFraction > 1.0)
        return Error::invalid(QStringLiteral("signed and encrypted fractions add up to more than 1"));
    if (o.malformedCount < -1 || o.malformedCount > o.messageCount)
        return Error::invalid(
            QStringLiteral("the malformed count must be -1 or between 0 and the message count"),
            QStringLiteral("malformed"));
    if (o.targetTotalBytes < 0)
        return Error::invalid(QStringLiteral("the total size must not be negative"),
                              QStringLiteral("total-size"));
    if (!o.baseDate.isValid() || o.spanDays < 1)
        return Error::invalid(QStringLiteral("the date range is invalid"));
    return {};
}

// ---------------------------------------------------------------------------------------------
// Composing one message.

namespace {

/// A MIME entity: its header lines (each ending with LF) and its body (ending with LF).
struct Part
{
    QByteArray headers;
    QByteArray body;
};

/// A blob whose size follows the natural size mix and that targetTotalBytes may scale.
struct BlobSize
{
    qint64 natural = 0;
    int lineLength = 76;
};

/// How the composer sizes scalable blobs. A dry run leaves them out and lists their natural sizes, so the
/// rest of each message can be measured once and the scale solved for without writing anything.
struct SizeControl
{
    bool dryRun = false;
    bool scaling = false;
    double scale = 1.0;
    qint64 maxBytes = 0;
    QList<BlobSize> blobs;

    qint64 scaled(qint64 natural) const
    {
        if (!scaling)
            return natural;
        const double wanted = double(natural) * scale;
        const qint64 bytes = wanted >= double(maxBytes) ? maxBytes : qint64(wanted + 0.5);
        return std::clamp<qint64>(bytes, std::min<qint64>(1024, maxBytes), maxBytes);
    }
};

/// The CRC-24 of OpenPGP ASCII armor (RFC 4880 6.1).
quint32 crc24(QByteArrayView data)
{
    quint32 crc = 0xB704CE;
    for (char ch : data) {
        crc ^= quint32(uchar(ch)) << 16;
        for (int i = 0; i < 8; ++i) {
            crc <<= 1;
            if (crc & 0x1000000)
                crc ^= 0x1864CFB;
        }
    }
    return crc & 0xFFFFFF;
}

QByteArray messageIdFor(quint64 seed, int index)
{
    return "corpus-" + QByteArray::number(seed) + '-' + QByteArray::number(index) +
           "@corpus.archivesync.test";
}

/// Greedy word wrap at width characters; words longer than a line stay whole.
QString wrapText(const QString &paragraph, int width)
{
    QString out;
    int column = 0;
    for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (column > 0 && column + 1 + word.size() > width) {
            out += QLatin1Char('\n');
            column = 0;
        } else if (column > 0) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    return out;
}

QString htmlEscape(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    out.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    out.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return out;
}

QString firstName(const Person &p)
{
    const QString name = utf8(p.name);
    const qsizetype comma = name.indexOf(QLatin1Char(','));
    if (comma >= 0)
        return name.mid(comma + 1).trimmed();
    return name.section(QLatin1Char(' '), 0, 0);
}

enum class Crypto
{
    None,
    Signed,
    Encrypted,
};

/// What the run decides for a message before composing it: where it goes and its rare traits, which
/// are dealt out across the run rather than drawn per message so that small corpora have them all.
struct MessagePlan
{
    int index = 0;
    int folder = 0;
    int malformedKind = -1; ///< index into malformedKinds, -1 for a sound message
    Crypto crypto = Crypto::None;
    bool pgp = false; ///< OpenPGP rather than S/MIME
};

struct Composed
{
    QByteArray bytes;
    GeneratedMessage meta;
    /// The message's time even when it has no Date header: file names and mbox "From " lines use it.
    QDateTime instant;
    QByteArray envelopeSender;
};

class MessageComposer
{
public:
    MessageComposer(const CorpusOptions &options, const QList<CorpusFolder> &folders, SizeControl &sizes)
        : m_options(options)
        , m_folders(folders)
        , m_sizes(sizes)
    {}

    Composed compose(const MessagePlan &plan);

private:
    struct Subject
    {
        QByteArray field; // the Subject field's value as written, possibly folded
        QString decoded;
    };

    QString sentence();
    QString paragraph(const LanguageText *lang);
    QString bodyText(const Person &recipient, const Person &signer, const LanguageText *lang, int paragraphs,
                     const Person *quoted);
    QString smallBodyText(const Person &recipient, const Person &signer, qint64 budget);
    Subject makeSubject(const LanguageText *lang, const QString &prefix);
    QByteArray phrase(const QString &name);
    QByteArray mailbox(const Person &p);
    QByteArray mailboxList(const QList<const Person *> &list);
    QByteArray boundary();

    Part textPart(const QString &text, const char *subtype);
    Part htmlAlternative(const QString &text);
    Part multipart(const QByteArray &subtype, const QByteArray &parameters, const QList<Part> &parts,
                   const QByteArray &preamble, bool closed = true);
    qint64 attachmentSize();
    Part attachmentPart(qint64 naturalSize);
    Part vcardPart(const Person &p);
    Part calendarPart(const QString &summary, const QDateTime &instant, const Person &organizer);
    Part smimeSignature();
    Part pgpSignature();
    Part smimeEncrypted(qint64 payloadSize, bool scalable);
    Part pgpEncrypted(qint64 payloadSize, bool scalable);

    QByteArray blobBytes(qint64 size, const char *magic);
    QByteArray base64Blob(qint64 natural, bool scalable, const char *magic);
    QByteArray armoredBlob(const char *type, qint64 natural, bool scalable);

    const CorpusOptions &m_options;
    const QList<CorpusFolder> &m_folders;
    SizeControl &m_sizes;
    Rng m_rng{0};
    int m_index = 0;
    quint64 m_blobCount = 0;
};

QString MessageComposer::sentence()
{
    const int n = int(m_rng.range(6, 16));
    QString s;
    for (int i = 0; i < n; ++i) {
        QString word = QString::fromLatin1(m_rng.pick(words));
        if (i == 0)
            word[0] = word[0].toUpper();
        else
            s += QLatin1Char(' ');
        s += word;
        if (i + 1 < n && m_rng.chance(0.08))
            s += QLatin1Char(',');
    }
    s += m_rng.chance(0.1) ? QLatin1Char('?') : QLatin1Char('.');
    return s;
}

QString MessageComposer::paragraph(const LanguageText *lang)
{
    QStringList sentences;
    const int n = int(m_rng.range(2, 6));
    for (int i = 0; i < n; ++i)
        sentences.append(sentence());
    if (lang) {
        // Native text first and last, so that non-ASCII bytes reach the start and end of QP lines too.
        sentences.prepend(utf8(m_rng.pick(lang->sentences)));
        sentences.append(utf8(m_rng.pick(lang->sentences)));
    }
    return wrapText(sentences.join(QLatin1Char(' ')), 72);
}

QString MessageComposer::bodyText(const Person &recipient, const Person &signer, const LanguageText *lang,
                                  int paragraphs, const Person *quoted)
{
    const QString language = lang ? QString::fromLatin1(lang->language) : QString();
    QString text;
    if (language == QLatin1String("de"))
        text = QStringLiteral("Hallo %1,\n\n");
    else if (language == QLatin1String("fr"))
        text = QStringLiteral("Bonjour %1,\n\n");
    else if (language == QLatin1String("cs"))
        text = QStringLiteral("Dobrý den, %1,\n\n");
    else if (language == QLatin1String("ja"))
        text = QStringLiteral("%1様\n\n");
    else
        text = QStringLiteral("Hi %1,\n\n");
    text = text.arg(firstName(recipient));
    for (int i = 0; i < paragraphs; ++i) {
        text += paragraph(lang) + QStringLiteral("\n\n");
        // Lines that an mbox writer must escape, and one escaped already (mboxrd quotes it once more).
        if (i == 0 && m_rng.chance(0.06))
            text += QStringLiteral("From the notes of our last meeting:\n") + paragraph(nullptr) +
                    QStringLiteral("\n\n");
        if (i == 0 && m_rng.chance(0.02))
            text += QStringLiteral(">From an old archive, quoted as it was.\n\n");
    }
    text += QStringLiteral("Best regards,\n%1\n").arg(firstName(signer));
    if (quoted) {
        text += QStringLiteral("\n%1 wrote:\n").arg(utf8(quoted->name));
        const QString quotedText = paragraph(lang) + QStringLiteral("\n\n") + paragraph(nullptr);
        for (const QString &line : quotedText.split(QLatin1Char('\n')))
            text += line.isEmpty() ? QStringLiteral(">\n") : QStringLiteral("> ") + line + QLatin1Char('\n');
    }
    text += QStringLiteral("\n-- \n%1\nExample Corp, Research Park 7\n").arg(utf8(signer.name));
    return text;
}

QString MessageComposer::smallBodyText(const Person &recipient, const Person &signer, qint64 budget)
{
    // ASCII only: an encoded body (base64 adds a third) would throw the size off its target.
    const QString to = firstName(recipient);
    const QString by = firstName(signer);
    QString text = isAscii(to) ? QStringLiteral("Hi %1,\n\n").arg(to) : QStringLiteral("Hi,\n\n");
    const QString closing =
        QStringLiteral("\nBest regards,\n%1\n")
            .arg(isAscii(by) ? by : QString::fromLatin1(signer.address).section(QLatin1Char('@'), 0, 0));
    QString para;
    qint64 size = text.toUtf8().size() + closing.toUtf8().size();
    while (size < budget) {
        const QString s = sentence();
        para += (para.isEmpty() ? QString() : QStringLiteral(" ")) + s;
        size += s.size() + 1;
        if (para.size() > 400 && size < budget) {
            text += wrapText(para, 72) + QStringLiteral("\n\n");
            para.clear();
        }
    }
    if (!para.isEmpty())
        text += wrapText(para, 72) + QLatin1Char('\n');
    return text + closing;
}

MessageComposer::Subject MessageComposer::makeSubject(const LanguageText *lang, const QString &prefix)
{
    const QString number = QString::number(m_rng.range(1, 999));
    if (!lang) {
        const QString text =
            prefix + QString::fromLatin1(m_rng.pick(asciiSubjects)).replace(QLatin1String("%1"), number);
        return {text.toLatin1(), text};
    }
    const std::size_t first = m_rng.below(lang->subjects.size());
    QString text = utf8(lang->subjects[first]);
    // Some are long enough that their encoded words have to be folded over several lines. The three
    // phrases are distinct: i, i+1+r and i+3+r differ modulo 5 for r in {0, 1}.
    if (m_rng.chance(0.15)) {
        const std::size_t r = m_rng.below(2);
        text += QStringLiteral(" – ") + utf8(lang->subjects[(first + 1 + r) % 5]) + QStringLiteral(" / ") +
                utf8(lang->subjects[(first + 3 + r) % 5]);
    }
    text.replace(QLatin1String("%1"), number);

    WordEncoding encoding = m_rng.chance(0.5) ? WordEncoding::Base64Utf8 : WordEncoding::QUtf8;
    const bool latin1 = isLatin1(prefix + text);
    if (latin1 && m_rng.chance(0.4))
        encoding = WordEncoding::QLatin1;
    // Mail clients differ: some leave "Re: " readable, others encode the whole subject.
    const bool encodePrefix = m_rng.chance(0.3);
    const QByteArray lead = encodePrefix ? QByteArray() : prefix.toLatin1();
    const QString encodedText = encodePrefix ? prefix + text : text;
    const QList<QByteArray> parts = encodedWords(encodedText, encoding, 76 - 9 - int(lead.size()));
    QByteArray field = lead;
    for (qsizetype i = 0; i < parts.size(); ++i)
        field += (i > 0 ? "\n " : "") + parts[i];
    return {field, prefix + text};
}

QByteArray MessageComposer::phrase(const QString &name)
{
    if (isAscii(name)) {
        const auto special = [](QChar c) {
            return QStringView(u",.;:@()<>\"").contains(c);
        };
        if (std::any_of(name.begin(), name.end(), special))
            return '"' + name.toLatin1().replace('"', "\\\"") + '"';
        return name.toLatin1();
    }
    WordEncoding encoding = m_rng.chance(0.5) ? WordEncoding::Base64Utf8 : WordEncoding::QUtf8;
    if (isLatin1(name) && m_rng.chance(0.3))
        encoding = WordEncoding::QLatin1;
    return encodedWords(name, encoding, 60).join(' ');
}

QByteArray MessageComposer::mailbox(const Person &p)
{
    return phrase(utf8(p.name)) + " <" + p.address + '>';
}

QByteArray MessageComposer::mailboxList(const QList<const Person *> &list)
{
    QByteArray out;
    for (const Person *p : list)
        out += (out.isEmpty() ? "" : ",\n ") + mailbox(*p);
    return out;
}

QByteArray MessageComposer::boundary()
{
    static constexpr char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QByteArray b("------------");
    for (int i = 0; i < 24; ++i)
        b.append(alphabet[m_rng.below(62)]);
    return b;
}

Part MessageComposer::textPart(const QString &text, const char *subtype)
{
    Part p;
    const QByteArray type = QByteArray("Content-Type: text/") + subtype;
    if (isAscii(text)) {
        p.headers = type + "; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n";
        p.body = text.toLatin1();
    } else if (m_rng.chance(0.2)) {
        p.headers = type + "; charset=UTF-8\nContent-Transfer-Encoding: base64\n";
        p.body = wrappedBase64(text.toUtf8(), 76);
    } else {
        p.headers = type + "; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n";
        p.body = quotedPrintable(text.toUtf8());
    }
    if (!p.body.endsWith('\n'))
        p.body.append('\n');
    return p;
}

Part MessageComposer::htmlAlternative(const QString &text)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html>\n<head><meta charset=\"UTF-8\"></head>\n<body>\n");
    for (const QString &para : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>") +
                htmlEscape(para).replace(QLatin1Char('\n'), QStringLiteral("<br>\n")) +
                QStringLiteral("</p>\n");
    html += QStringLiteral("</body>\n</html>\n");
    return multipart("alternative", {}, {textPart(text, "plain"), textPart(html, "html")}, {});
}

Part MessageComposer::multipart(const QByteArray &subtype, const QByteArray &parameters,
                                const QList<Part> &parts, const QByteArray &preamble, bool closed)
{
    const QByteArray b = boundary();
    Part p;
    p.headers = "Content-Type: multipart/" + subtype + parameters + ";\n boundary=\"" + b + "\"\n";
    p.body = preamble;
    for (const Part &part : parts)
        p.body += "--" + b + '\n' + part.headers + '\n' + part.body;
    if (closed)
        p.body += "--" + b + "--\n";
    return p;
}

/// Attachment sizes: from 20 KiB, each doubling half as likely as the one before, up to the cap.
qint64 MessageComposer::attachmentSize()
{
    const qint64 maxBytes = m_options.maxAttachmentBytes;
    qint64 base = std::min<qint64>(20 * 1024, maxBytes);
    while (base < maxBytes && m_rng.chance(0.5))
        base *= 2;
    return std::min(maxBytes, base + qint64(m_rng.below(quint64(base))));
}

Part MessageComposer::attachmentPart(qint64 naturalSize)
{
    const AttachmentType &type = m_rng.pick(attachmentTypes);
    Part p;
    const QByteArray mimeType(type.mimeType);
    if (m_rng.chance(0.2)) {
        const QString name =
            utf8(m_rng.pick(nonAsciiFileStems)) + QLatin1Char('.') + QLatin1String(type.extension);
        p.headers = "Content-Type: " + mimeType + ";\n " + rfc2231Parameter("name", name) + '\n' +
                    "Content-Disposition: attachment;\n " + rfc2231Parameter("filename", name) + '\n';
    } else {
        const QByteArray name =
            QByteArray(type.stem) + '-' + QByteArray::number(m_rng.range(1, 99)) + '.' + type.extension;
        p.headers = "Content-Type: " + mimeType + "; name=\"" + name +
                    "\"\nContent-Disposition: attachment; filename=\"" + name + "\"\n";
    }
    p.headers += "Content-Transfer-Encoding: base64\n";
    p.body = base64Blob(naturalSize, true, type.magic);
    return p;
}

Part MessageComposer::vcardPart(const Person &person)
{
    const QString name = utf8(person.name);
    const QString family = name.contains(QLatin1Char(',')) ? name.section(QLatin1Char(','), 0, 0)
                                                           : name.section(QLatin1Char(' '), -1);
    const QString given = firstName(person);
    const QByteArray address(person.address);
    const QByteArray local = address.left(address.indexOf('@'));
    const QString card =
        QStringLiteral("BEGIN:VCARD\nVERSION:3.0\nFN:%1\nN:%2;%3;;;\nEMAIL;TYPE=INTERNET:%4\n"
                       "TEL;TYPE=CELL:+49 170 555%5\nORG:Example Corp\nNOTE:Met at the %6 workshop\n"
                       "END:VCARD\n")
            .arg(name.contains(QLatin1Char(',')) ? given + QLatin1Char(' ') + family : name, family, given,
                 QString::fromLatin1(person.address))
            .arg(m_rng.range(1000, 9999))
            .arg(QString::fromLatin1(m_rng.pick(words)));
    Part p = textPart(card, "vcard");
    p.headers.replace("Content-Type: text/vcard; charset=us-ascii",
                      "Content-Type: text/vcard; charset=us-ascii; name=\"" + local + ".vcf\"");
    p.headers.replace("Content-Type: text/vcard; charset=UTF-8",
                      "Content-Type: text/vcard; charset=UTF-8; name=\"" + local + ".vcf\"");
    p.headers += "Content-Disposition: attachment; filename=\"" + local + ".vcf\"\n";
    return p;
}

Part MessageComposer::calendarPart(const QString &summary, const QDateTime &instant, const Person &organizer)
{
    const QDateTime start =
        instant.addDays(m_rng.range(1, 21))
            .addSecs(-instant.time().msecsSinceStartOfDay() / 1000 + 3600 * m_rng.range(7, 16));
    const QDateTime end = start.addSecs(1800 * m_rng.range(1, 4));
    QString escaped = summary;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char(';'), QLatin1String("\\;"))
        .replace(QLatin1Char(','), QLatin1String("\\,"));
    QString cn = utf8(organizer.name);
    if (cn.contains(QLatin1Char(',')))
        cn = QLatin1Char('"') + cn + QLatin1Char('"');
    const QString ics =
        QStringLiteral("BEGIN:VCALENDAR\nPRODID:-//ArchiveSync//Corpus Generator//EN\nVERSION:2.0\n"
                       "METHOD:REQUEST\nBEGIN:VEVENT\nUID:event-%1-%2@corpus.archivesync.test\n"
                       "DTSTAMP:%3\nDTSTART:%4\nDTEND:%5\nSUMMARY:%6\nLOCATION:Room %7\n"
                       "ORGANIZER;CN=%8:mailto:%9\n")
            .arg(m_options.seed)
            .arg(m_index)
            .arg(QString::fromLatin1(icalDate(instant)), QString::fromLatin1(icalDate(start)),
                 QString::fromLatin1(icalDate(end)), escaped)
            .arg(m_rng.range(100, 499))
            .arg(cn, QString::fromLatin1(organizer.address)) +
        QStringLiteral("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:%1\n"
                       "END:VEVENT\nEND:VCALENDAR\n")
            .arg(QString::fromLatin1(owner.address));
    Part p = textPart(ics, "calendar");
    const qsizetype semicolon = p.headers.indexOf(';');
    p.headers.insert(semicolon, "; method=REQUEST; name=\"invite.ics\"");
    p.headers += "Content-Disposition: attachment; filename=\"invite.ics\"\n";
    return p;
}

Part MessageComposer::smimeSignature()
{
    Part p;
    p.headers =
        "Content-Type: application/pkcs7-signature; name=smime.p7s\nContent-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment; filename=smime.p7s\n"
        "Content-Description: S/MIME Cryptographic Signature\n";
    p.body =
        base64Blob(m_rng.range(1800, 3800), false, "\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02");
    return p;
}

Part MessageComposer::pgpSignature()
{
    Part p;
    p.headers = "Content-Type: application/pgp-signature; name=\"signature.asc\"\n"
                "Content-Description: OpenPGP digital signature\n"
                "Content-Disposition: attachment; filename=\"signature.asc\"\n";
    p.body = armoredBlob("SIGNATURE", m_rng.range(280, 600), false);
    return p;
}

Part MessageComposer::smimeEncrypted(qint64 payloadSize, bool scalable)
{
    Part p;
    p.headers = "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\n"
                "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=smime.p7m\n"
                "Content-Description: S/MIME Encrypted Message\n";
    p.body = base64Blob(payloadSize, scalable, "\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03");
    return p;
}

Part MessageComposer::pgpEncrypted(qint64 payloadSize, bool scalable)
{
    Part version{
        "Content-Type: application/pgp-encrypted\nContent-Description: PGP/MIME version identification\n",
        "Version: 1\n"};
    Part data{"Content-Type: application/octet-stream; name=\"encrypted.asc\"\n"
              "Content-Description: OpenPGP encrypted message\n"
              "Content-Disposition: inline; filename=\"encrypted.asc\"\n",
              armoredBlob("MESSAGE", payloadSize, scalable)};
    return multipart("encrypted", "; protocol=\"application/pgp-encrypted\"", {version, data},
                     "This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\n");
}

QByteArray MessageComposer::blobBytes(qint64 size, const char *magic)
{
    // Every blob has its own stream: its bytes do not depend on the sizes of the blobs before it.
    Rng rng = Rng::forKey(m_options.seed, quint64(m_index), StreamBlob + 16 * m_blobCount++);
    QByteArray data(size, Qt::Uninitialized);
    rng.fill(data.data(), size);
    const qsizetype magicLength = std::min<qsizetype>(qstrlen(magic), size);
    std::copy(magic, magic + magicLength, data.data());
    return data;
}

QByteArray MessageComposer::base64Blob(qint64 natural, bool scalable, const char *magic)
{
    if (scalable && m_sizes.dryRun) {
        m_sizes.blobs.append({natural, 76});
        ++m_blobCount;
        return {};
    }
    return wrappedBase64(blobBytes(scalable ? m_sizes.scaled(natural) : natural, magic), 76);
}

QByteArray MessageComposer::armoredBlob(const char *type, qint64 natural, bool scalable)
{
    QByteArray out = QByteArray("-----BEGIN PGP ") + type + "-----\n\n";
    if (scalable && m_sizes.dryRun) {
        m_sizes.blobs.append({natural, 64});
        ++m_blobCount;
        out += "=AAAA\n"; // same length as the real checksum line
    } else {
        const QByteArray data = blobBytes(scalable ? m_sizes.scaled(natural) : natural, "\x85\x01\x0c\x03");
        const quint32 crc = crc24(data);
        const char crcBytes[3] = {char(crc >> 16), char((crc >> 8) & 0xff), char(crc & 0xff)};
        out += wrappedBase64(data, 64) + '=' + QByteArray(crcBytes, 3).toBase64() + '\n';
    }
    return out + "-----END PGP " + type + "-----\n";
}

Composed MessageComposer::compose(const MessagePlan &plan)
{
    const int index = plan.index;
    const int malformedKind = plan.malformedKind;
    m_rng = Rng::forKey(m_options.seed, quint64(index), StreamMessage);
    m_index = index;
    m_blobCount = 0;
    const CorpusFolder &folder = m_folders[plan.folder];
    const bool malformed = malformedKind >= 0;

    Composed c;
    GeneratedMessage &m = c.meta;
    m.index = index;
    m.folder = folder.path;
    m.folderKind = folder.kind;
    m.messageId = QString::fromLatin1(messageIdFor(m_options.seed, index));
    m.malformed = malformed;
    if (malformed)
        m.malformedKind = QString::fromLatin1(malformedKinds[malformedKind]);

    // Every decision is drawn up front in a fixed order; the text comes after, so that a decision's
    // outcome does not depend on how much text an earlier part happened to need.
    const qint64 span = qint64(m_options.spanDays) * 86400;
    c.instant = m_options.baseDate.toUTC().addSecs(-m_rng.range(0, span - 1));
    const int zone = m_rng.pick(zoneOffsets);
    const bool sent = folder.path == QLatin1String("Sent");
    const Person &correspondent = m_rng.pick(people);
    const Person &from = sent ? owner : correspondent;
    QList<const Person *> to{sent ? &correspondent : &owner};
    if (m_rng.chance(0.2))
        to.append(&m_rng.pick(people));
    QList<const Person *> cc;
    if (m_rng.chance(0.25))
        cc.append(&m_rng.pick(people));
    if (m_rng.chance(0.08))
        cc.append(&m_rng.pick(people));
    const bool reply = index > 0 && m_rng.chance(0.25);
    const int parent = reply ? index - 1 - int(m_rng.below(quint64(std::min(index, 40)))) : -1;
    const bool forward = !reply && m_rng.chance(0.04);
    const bool nonAscii = m_rng.chance(m_options.nonAsciiFraction) && !malformed;
    const LanguageText *lang = nonAscii ? &m_rng.pick(languages) : nullptr;
    const bool small = m_options.smallMessages;
    const bool withAttachments = m_rng.chance(m_options.attachmentFraction) && !small && !malformed;
    const bool pgp = plan.pgp;
    const bool encrypted = plan.crypto == Crypto::Encrypted;
    const bool isSigned = plan.crypto == Crypto::Signed;
    const bool html = !small && m_rng.chance(folder.path == QLatin1String("Newsletters") ? 0.9 : 0.3);
    const int paragraphs = !small && m_rng.chance(0.02) ? int(m_rng.range(20, 80)) : int(m_rng.range(1, 5));

    const QString prefix = reply ? QStringLiteral("Re: ") : forward ? QStringLiteral("Fwd: ") : QString();
    const Subject subject = makeSubject(lang, prefix);
    m.subject = subject.decoded;
    m.nonAsciiSubject = !isAscii(subject.decoded);
    m.date = c.instant;
    m.isSigned = isSigned;
    m.isEncrypted = encrypted;
    if (isSigned || encrypted)
        m.cryptoFormat = pgp ? QStringLiteral("pgp") : QStringLiteral("smime");
    c.envelopeSender = from.address;

    const QByteArray dateLine = "Date: " + rfc5322Date(c.instant, zone) + '\n';
    const QByteArray fromLine = "From: " + mailbox(from) + '\n';
    const QByteArray idLine = "Message-ID: <" + m.messageId.toLatin1() + ">\n";
    QByteArray head;
    if (!sent && !malformed) {
        head += "Return-Path: <" + QByteArray(from.address) + ">\n";
        head += "Received: from mail.example.net (mail.example.net [192.0.2." +
                QByteArray::number(m_rng.range(1, 254)) +
                "])\n\tby mx.example.org (Postfix) with ESMTPS id " + boundary().right(10) + "\n\tfor <" +
                owner.address + ">; " + rfc5322Date(c.instant, 0) + '\n';
    }
    QByteArray addressLines = "To: " + mailboxList(to) + '\n';
    if (!cc.isEmpty())
        addressLines += "Cc: " + mailboxList(cc) + '\n';
    const QByteArray subjectLine = "Subject: " + subject.field + '\n';
    QByteArray threadLines;
    if (reply) {
        threadLines = "In-Reply-To: <" + messageIdFor(m_options.seed, parent) + ">\nReferences: ";
        if (parent > 0)
            threadLines += '<' + messageIdFor(m_options.seed, parent - 1) + ">\n ";
        threadLines += '<' + messageIdFor(m_options.seed, parent) + ">\n";
    }
    static constexpr std::array<const char *, 4> agents = {
        "User-Agent: Mozilla Thunderbird\n", "X-Mailer: Microsoft Outlook 16.0\n",
        "X-Mailer: Apple Mail (2.3774)\n", "User-Agent: Mutt/2.2.9 (2022-11-12)\n"};
    const QByteArray agentLine = m_rng.pick(agents);

    if (malformed) {
        // Between the owner's own names, so the text is plain ASCII whatever else is broken.
        const QString text = bodyText(owner, owner, nullptr, 1, nullptr);
        QByteArray out;
        switch (malformedKind) {
        case 0: // missing-from-date
            m.date = QDateTime();
            out = addressLines + subjectLine + idLine + "MIME-Version: 1.0\n" +
                  textPart(text, "plain").headers + '\n' + text.toLatin1();
            break;
        case 1: // raw-8bit-subject: Latin-1 bytes with no encoding, so no parser can know the charset
            m.subject.clear();
            m.nonAsciiSubject = true;
            out = dateLine + fromLine + addressLines +
                  "Subject: Gr\xfc\xdf"
                  "e aus K\xf6ln und sch\xf6ne Feiertage\n" +
                  idLine + "MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-8859-1\n" +
                  "Content-Transfer-Encoding: 8bit\n\n" + text.toLatin1() +
                  "Gr\xfc\xdf"
                  "e, J\xfcrgen\n";
            break;
        case 2: { // unclosed-multipart
            const Part p =
                multipart("alternative", {}, {textPart(text, "plain"), textPart(text, "html")}, {}, false);
            out = dateLine + fromLine + addressLines + subjectLine + idLine + "MIME-Version: 1.0\n" +
                  p.headers + '\n' + p.body;
            break;
        }
        case 3: { // truncated-base64: the attachment ends in the middle of a line
            m.hasAttachments = true;
            QByteArray data = wrappedBase64(blobBytes(m_rng.range(3000, 20000), "%PDF-1.4\n"), 76);
            data.truncate(data.size() / 2 - 7);
            while (data.endsWith('\n'))
                data.chop(1);
            // A cut that happens to leave whole 4-character groups would decode cleanly.
            if ((data.size() - data.count('\n')) % 4 == 0)
                data.chop(1);
            const Part attachment{"Content-Type: application/pdf; name=\"truncated.pdf\"\n"
                                  "Content-Disposition: attachment; filename=\"truncated.pdf\"\n"
                                  "Content-Transfer-Encoding: base64\n",
                                  data + '\n'};
            const Part p = multipart("mixed", {}, {textPart(text, "plain"), attachment}, {});
            out = dateLine + fromLine + addressLines + subjectLine + idLine + "MIME-Version: 1.0\n" +
                  p.headers + '\n' + p.body;
            break;
        }
        case 4: // header-without-colon, after the fields a reader needs most
            out = dateLine + fromLine + addressLines + subjectLine + idLine +
                  "This line is not a header field and has no colon\nMIME-Version: 1.0\n" +
                  textPart(text, "plain").headers + '\n' + text.toLatin1();
            break;
        case 5: // no-body: the message ends after its last header field, without the blank line
            out = dateLine + fromLine + addressLines + subjectLine + idLine + "MIME-Version: 1.0\n" +
                  textPart(text, "plain").headers;
            break;
        default: // duplicate-content-type
            out = dateLine + fromLine + addressLines + subjectLine + idLine + "MIME-Version: 1.0\n" +
                  "Content-Type: text/plain; charset=us-ascii\nContent-Type: text/html; charset=us-ascii\n" +
                  "Content-Transfer-Encoding: 7bit\n\n" + text.toLatin1();
            break;
        }
        c.bytes = out;
        return c;
    }

    // Contacts and calendar folders hold what makes them what they are.
    QList<Part> extras;
    if (folder.kind == QLatin1String("contacts"))
        extras.append(vcardPart(m_rng.pick(people)));
    else if (folder.kind == QLatin1String("calendar"))
        extras.append(calendarPart(subject.decoded, c.instant, from));

    const QByteArray headBlock = head + dateLine + fromLine + addressLines + subjectLine + idLine +
                                 threadLines + "MIME-Version: 1.0\n" + agentLine;
    QString text;
    if (small) {
        // Fill the text so that the whole message lands near its target size.
        const qint64 target = m_rng.range(1850, 2200);
        qint64 rest = headBlock.size() + 80;
        for (const Part &e : extras)
            rest += e.headers.size() + e.body.size() + 200;
        text = smallBodyText(*to.first(), from, std::max<qint64>(200, target - rest));
    } else {
        text = bodyText(*to.first(), from, lang, paragraphs, reply ? &correspondent : nullptr);
    }

    Part content = html ? htmlAlternative(text) : textPart(text, "plain");
    const int attachmentCount =
        withAttachments ? 1 + (m_rng.chance(0.3) ? 1 + int(m_rng.chance(0.33)) : 0) : 0;
    QList<qint64> attachmentSizes;
    for (int i = 0; i < attachmentCount; ++i)
        attachmentSizes.append(attachmentSize());

    Part entity;
    if (encrypted) {
        // The text and attachments are inside the opaque payload: only its size shows.
        qint64 payload = text.toUtf8().size() + m_rng.range(600, 3000);
        for (qint64 s : attachmentSizes)
            payload += s * 4 / 3;
        entity =
            pgp ? pgpEncrypted(payload, attachmentCount > 0) : smimeEncrypted(payload, attachmentCount > 0);
    } else {
        for (qint64 s : attachmentSizes)
            extras.append(attachmentPart(s));
        m.hasAttachments = !extras.isEmpty();
        entity = content;
        if (!extras.isEmpty()) {
            extras.prepend(content);
            entity = multipart("mixed", {}, extras, "This is a multi-part message in MIME format.\n");
        }
        if (isSigned && pgp)
            entity = multipart("signed", "; protocol=\"application/pgp-signature\"; micalg=pgp-sha256",
                               {entity, pgpSignature()},
                               "This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\n");
        else if (isSigned)
            entity = multipart("signed", "; protocol=\"application/pkcs7-signature\"; micalg=sha-256",
                               {entity, smimeSignature()},
                               "This is a cryptographically signed message in MIME format.\n\n");
    }
    c.bytes = headBlock + entity.headers + '\n' + entity.body;
    return c;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Writing.

namespace {

Status writeNewFile(const QString &path, QByteArrayView data)
{
    QFile file(path);
    // NewOnly: an append run must never replace a message an earlier run wrote.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error::io(QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    if (file.write(data.data(), data.size()) != data.size() || !file.flush())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Status makePath(const QString &path)
{
    if (!QDir().mkpath(path))
        return Error::io(QStringLiteral("cannot create directory %1").arg(path));
    return {};
}

/// mboxrd: every line matching ^>*From  gets one more '>', which a reader removes again.
QByteArray mboxrdEscape(const QByteArray &message)
{
    if (!message.contains("From "))
        return message;
    QByteArray out;
    out.reserve(message.size() + 64);
    qsizetype lineStart = 0;
    while (lineStart < message.size()) {
        qsizetype lineEnd = message.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? message.size() : lineEnd + 1;
        qsizetype i = lineStart;
        while (i < lineEnd && message.at(i) == '>')
            ++i;
        if (QByteArrayView(message).sliced(i, lineEnd - i).startsWith("From "))
            out.append('>');
        out.append(message.constData() + lineStart, lineEnd - lineStart);
        lineStart = lineEnd;
    }
    return out;
}

/// One open mbox file of the corpus.
struct MboxFile
{
    std::unique_ptr<QFile> file;
    QString relativePath;
    int messages = 0;  // already in the file, for the "#n" of the next one
    qint64 offset = 0; // where the next separator line goes; kept here so writes can stay buffered
};

/// Counts the messages of an existing mbox: with mboxrd escaping, every line starting "From " is a separator.
Result<int> countMboxMessages(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return 0;
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    int count = 0;
    QByteArray line;
    while (!file.atEnd()) {
        line = file.readLine();
        if (line.startsWith("From "))
            ++count;
    }
    return count;
}

/// Solves for the attachment scale at which the corpus comes nearest targetTotalBytes.
void solveScale(SizeControl &sizes, qint64 fixedBytes, qint64 target)
{
    sizes.scaling = true;
    auto total = [&](double scale) {
        sizes.scale = scale;
        qint64 sum = fixedBytes;
        for (const BlobSize &b : std::as_const(sizes.blobs))
            sum += wrappedBase64Size(sizes.scaled(b.natural), b.lineLength);
        return sum;
    };
    double low = 0.0;
    double high = 1.0;
    while (total(high) < target && high < 1e9)
        high *= 2;
    for (int i = 0; i < 64; ++i) {
        const double mid = (low + high) / 2;
        if (total(mid) < target)
            low = mid;
        else
            high = mid;
    }
    const qint64 lowTotal = total(low);
    const qint64 highTotal = total(high);
    sizes.scale = target - lowTotal <= highTotal - target ? low : high;
}

} // namespace

QJsonObject GeneratedMessage::toJson() const
{
    QJsonObject o{
        {QStringLiteral("index"), index},
        {QStringLiteral("folder"), folder},
        {QStringLiteral("folderKind"), folderKind},
        {QStringLiteral("relativePath"), relativePath},
        {QStringLiteral("messageId"), messageId},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("date"), date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("size"), size},
        {QStringLiteral("sha256"), sha256},
        {QStringLiteral("isSigned"), isSigned},
        {QStringLiteral("isEncrypted"), isEncrypted},
        {QStringLiteral("hasAttachments"), hasAttachments},
        {QStringLiteral("nonAsciiSubject"), nonAsciiSubject},
        {QStringLiteral("malformed"), malformed},
    };
    if (mboxOffset >= 0)
        o.insert(QStringLiteral("mboxOffset"), mboxOffset);
    if (!cryptoFormat.isEmpty())
        o.insert(QStringLiteral("cryptoFormat"), cryptoFormat);
    if (!malformedKind.isEmpty())
        o.insert(QStringLiteral("malformedKind"), malformedKind);
    return o;
}

QJsonObject CorpusSummary::toJson(bool withMessages) const
{
    QJsonObject perFolderJson;
    for (auto it = perFolder.cbegin(); it != perFolder.cend(); ++it)
        perFolderJson.insert(it.key(), it.value());
    QJsonObject o{
        {QStringLiteral("outputDir"), outputDir},
        {QStringLiteral("format"), corpusFormatName(format)},
        // JSON numbers are doubles: a seed above 2^53 would come back as a different seed.
        {QStringLiteral("seed"),
         seed < (quint64(1) << 53) ? QJsonValue(qint64(seed)) : QJsonValue(QString::number(seed))},
        {QStringLiteral("startIndex"), startIndex},
        {QStringLiteral("messageCount"), int(messages.size())},
        {QStringLiteral("totalBytes"), totalBytes},
        {QStringLiteral("folders"), QJsonArray::fromStringList(folders)},
        {QStringLiteral("perFolder"), perFolderJson},
    };
    if (withMessages) {
        QJsonArray list;
        for (const GeneratedMessage &m : messages)
            list.append(m.toJson());
        o.insert(QStringLiteral("messages"), list);
    }
    return o;
}

QString CorpusSummary::toText() const
{
    return QStringLiteral("generated %1 messages in %2 folders, %3 in %4")
        .arg(messages.size())
        .arg(folders.size())
        .arg(OfflineSettings::humanSize(totalBytes), outputDir);
}

Status writeCorpusManifest(const CorpusSummary &summary, const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (auto made = makePath(dir); !made)
        return made;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::io(QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    const QByteArray json = QJsonDocument(summary.toJson(true)).toJson(QJsonDocument::Indented);
    if (file.write(json) != json.size() || !file.flush())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<CorpusSummary> generateCorpus(const CorpusOptions &options, const QString &outputDir)
{
    if (auto valid = validateCorpusOptions(options); !valid)
        return valid.error();
    const QList<CorpusFolder> folders = corpusFolders(options.folderCount);
    const QString root = QDir::cleanPath(QDir(outputDir).absolutePath());

    // Plan: which folder each message goes to and which are malformed. Malformed ones are spaced evenly
    // through the run and dealt round the folders, so every importer path meets some.
    const int count = options.messageCount;
    const int malformedTotal = effectiveMalformedCount(options);
    QList<int> malformedSlot(count, -1);
    for (int k = 0; k < malformedTotal; ++k)
        malformedSlot[int((2 * qint64(k) + 1) * count / (2 * qint64(malformedTotal)))] = k;
    int weightSum = 0;
    for (const CorpusFolder &f : folders)
        weightSum += f.weight;
    QList<MessagePlan> plan;
    std::array<int, 3> cryptoSeen{};
    plan.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int index = options.startIndex + i;
        const int k = malformedSlot[i];
        if (k >= 0) {
            plan.append({index, int(k % folders.size()), int(k % malformedKinds.size())});
            continue;
        }
        Rng rng = Rng::forKey(options.seed, quint64(index), StreamFolder);
        int pick = int(rng.below(quint64(weightSum)));
        int folder = 0;
        while (pick >= folders[folder].weight)
            pick -= folders[folder++].weight;
        MessagePlan p{index, folder};
        const double cryptoRoll = rng.unit();
        if (!options.smallMessages && folders[folder].kind == QLatin1String("mail")) {
            if (cryptoRoll < options.encryptedFraction)
                p.crypto = Crypto::Encrypted;
            else if (cryptoRoll < options.encryptedFraction + options.signedFraction)
                p.crypto = Crypto::Signed;
        }
        // Every third signed or encrypted message is OpenPGP, starting with the second: both formats
        // appear as soon as there are two.
        if (p.crypto != Crypto::None)
            p.pgp = cryptoSeen[int(p.crypto)]++ % 3 == 1;
        plan.append(p);
    }

    SizeControl sizes;
    sizes.maxBytes = options.maxAttachmentBytes;
    if (options.targetTotalBytes > 0) {
        sizes.dryRun = true;
        MessageComposer dry(options, folders, sizes);
        qint64 fixedBytes = 0;
        for (const MessagePlan &p : std::as_const(plan))
            fixedBytes += dry.compose(p).bytes.size();
        sizes.dryRun = false;
        solveScale(sizes, fixedBytes, options.targetTotalBytes);
    }

    CorpusSummary summary;
    summary.outputDir = root;
    summary.format = options.format;
    summary.seed = options.seed;
    summary.startIndex = options.startIndex;
    for (const CorpusFolder &f : folders) {
        summary.folders.append(f.path);
        summary.perFolder.insert(f.path, 0);
    }

    // Folder locations on disk.
    if (auto made = makePath(root); !made)
        return made.error();
    QStringList folderRel;
    std::vector<MboxFile> mboxes;
    for (const CorpusFolder &f : folders) {
        const QString rel = corpusFolderRelativePath(f.path, options.format);
        folderRel.append(rel);
        const QString abs = rel.isEmpty() ? root : root + QLatin1Char('/') + rel;
        switch (options.format) {
        case CorpusFormat::Maildir:
            for (const char *sub : {"cur", "new", "tmp"}) {
                if (auto made = makePath(abs + QLatin1Char('/') + QLatin1String(sub)); !made)
                    return made.error();
            }
            // Maildir++ marks subfolders with an empty "maildirfolder" file (Dovecot, Courier).
            if (!rel.isEmpty() && !QFileInfo::exists(abs + QStringLiteral("/maildirfolder"))) {
                if (auto written = writeNewFile(abs + QStringLiteral("/maildirfolder"), {}); !written)
                    return written.error();
            }
            break;
        case CorpusFormat::Eml:
            if (auto made = makePath(abs); !made)
                return made.error();
            break;
        case CorpusFormat::Mbox: {
            MboxFile mbox;
            mbox.relativePath = rel;
            if (options.startIndex > 0) {
                const Result<int> existing = countMboxMessages(abs);
                if (!existing)
                    return existing.error();
                mbox.messages = *existing;
            }
            mbox.file = std::make_unique<QFile>(abs);
            const QIODevice::OpenMode mode = options.startIndex > 0
                                                 ? QIODevice::WriteOnly | QIODevice::Append
                                                 : QIODevice::WriteOnly | QIODevice::NewOnly;
            if (!mbox.file->open(mode))
                return Error::io(QStringLiteral("cannot create %1: %2").arg(abs, mbox.file->errorString()));
            mbox.offset = mbox.file->size();
            mboxes.push_back(std::move(mbox));
            break;
        }
        }
    }

    MessageComposer composer(options, folders, sizes);
    summary.messages.reserve(count);
    for (const MessagePlan &p : std::as_const(plan)) {
        Composed c = composer.compose(p);
        GeneratedMessage &m = c.meta;
        m.size = c.bytes.size();
        m.sha256 = Sha256::hex(c.bytes);
        const QString &rel = folderRel[p.folder];
        const QString dir = rel.isEmpty() ? root : root + QLatin1Char('/') + rel;
        const QString relPrefix = rel.isEmpty() ? QString() : rel + QLatin1Char('/');

        switch (options.format) {
        case CorpusFormat::Maildir: {
            // About one in ten is still unseen: in new/, without the info suffix.
            const bool unseen = Rng::forKey(options.seed, quint64(p.index), StreamFlags).chance(0.1);
            const QString name =
                QStringLiteral("%1.M%2P1.corpus").arg(c.instant.toSecsSinceEpoch()).arg(p.index);
            m.relativePath = relPrefix + (unseen ? QStringLiteral("new/") + name
                                                 : QStringLiteral("cur/") + name + QStringLiteral(":2,S"));
            if (auto written = writeNewFile(root + QLatin1Char('/') + m.relativePath, c.bytes); !written)
                return written.error();
            break;
        }
        case CorpusFormat::Eml:
            m.relativePath = relPrefix + QString::number(p.index) + QStringLiteral(".eml");
            if (auto written = writeNewFile(
                    dir + QLatin1Char('/') + QString::number(p.index) + QStringLiteral(".eml"), c.bytes);
                !written)
                return written.error();
            break;
        case CorpusFormat::Mbox: {
            MboxFile &mbox = mboxes[size_t(p.folder)];
            m.mboxOffset = mbox.offset;
            m.relativePath = mbox.relativePath + QLatin1Char('#') + QString::number(++mbox.messages);
            const QByteArray data = "From " + c.envelopeSender + ' ' + asctimeDate(c.instant) + '\n' +
                                    mboxrdEscape(c.bytes) + '\n';
            if (mbox.file->write(data) != data.size())
                return Error::io(QStringLiteral("cannot write %1: %2")
                                     .arg(mbox.file->fileName(), mbox.file->errorString()));
            mbox.offset += data.size();
            break;
        }
        }
        summary.totalBytes += m.size;
        ++summary.perFolder[m.folder];
        summary.messages.append(std::move(m));
    }
    for (MboxFile &mbox : mboxes) {
        if (!mbox.file->flush())
            return Error::io(
                QStringLiteral("cannot write %1: %2").arg(mbox.file->fileName(), mbox.file->errorString()));
        mbox.file->close();
    }

    if (!options.manifestPath.isEmpty()) {
        if (auto written = writeCorpusManifest(summary, options.manifestPath); !written)
            return written.error();
    }
    return summary;
}

} // namespace ArchiveSync::Testing
