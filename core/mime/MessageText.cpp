// SPDX-License-Identifier: Apache-2.0
// GLib's headers use the identifier "signals", which Qt defines as a macro: this file is
// compiled with QT_NO_KEYWORDS (see CMakeLists.txt).
#include "core/mime/MessageText.h"

#include "core/mime/GMimeSupport.h"
#include "core/mime/MessageParser.h"

#include <QHash>

#include <gmime/gmime.h>

namespace ArchiveSync {

namespace {

using namespace GMimeSupport;

constexpr int kMaxDepth = 64;

class TextCollector
{
public:
    explicit TextCollector(qsizetype maxChars)
        : m_max(maxChars)
    {}

    bool full() const { return m_text.size() >= m_max; }
    QString result() const { return m_text.left(m_max); }

    void append(const QString &text)
    {
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty() || full())
            return;
        if (!m_text.isEmpty())
            m_text += QStringLiteral("\n\n");
        m_text += QStringView(trimmed).left(m_max - m_text.size());
    }

    /// The text of one MIME object, without appending it; alternatives pick among these.
    QString textOf(GMimeObject *object, int depth)
    {
        TextCollector inner(m_max - m_text.size());
        inner.collect(object, depth);
        return inner.result();
    }

    void collect(GMimeObject *object, int depth)
    {
        if (!object || depth > kMaxDepth || full())
            return;
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            if (isType(object, "multipart", "alternative")) {
                append(bestAlternative(multipart, count, depth));
                return;
            }
            if (GMIME_IS_MULTIPART_ENCRYPTED(object))
                return; // ciphertext, and a version part: nothing readable
            for (int i = 0; i < count && !full(); ++i)
                collect(g_mime_multipart_get_part(multipart, i), depth + 1);
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object))
            return; // a forwarded message is an attachment of its own
        if (!GMIME_IS_PART(object) || isAttachment(object))
            return;
        if (isType(object, "text", "plain"))
            append(partText(GMIME_PART(object)));
        else if (isType(object, "text", "html"))
            append(MessageText::htmlToText(partText(GMIME_PART(object))));
    }

private:
    // Plain text first, as the sender wrote it; then nested structures (a multipart/related
    // around HTML, say); HTML last.
    QString bestAlternative(GMimeMultipart *multipart, int count, int depth)
    {
        auto rank = [](GMimeObject *part) {
            if (isAttachment(part))
                return -1;
            if (isType(part, "text", "plain"))
                return 0;
            if (GMIME_IS_MULTIPART(part))
                return 1;
            if (isType(part, "text", "html"))
                return 2;
            return -1;
        };
        for (int wanted = 0; wanted <= 2; ++wanted) {
            for (int i = 0; i < count; ++i) {
                GMimeObject *part = g_mime_multipart_get_part(multipart, i);
                if (rank(part) != wanted)
                    continue;
                const QString text = textOf(part, depth + 1);
                if (!text.trimmed().isEmpty())
                    return text;
            }
        }
        return {};
    }

    qsizetype m_max;
    QString m_text;
};

bool isSpaceChar(QChar c)
{
    return c.isSpace() || c == QChar(0x00A0);
}

// Tags after which a browser starts a new line; any other tag is a word boundary or nothing.
bool isBlockTag(QStringView name)
{
    static const QStringList block{
        QStringLiteral("address"),    QStringLiteral("article"), QStringLiteral("aside"),
        QStringLiteral("blockquote"), QStringLiteral("br"),      QStringLiteral("dd"),
        QStringLiteral("div"),        QStringLiteral("dl"),      QStringLiteral("dt"),
        QStringLiteral("footer"),     QStringLiteral("form"),    QStringLiteral("h1"),
        QStringLiteral("h2"),         QStringLiteral("h3"),      QStringLiteral("h4"),
        QStringLiteral("h5"),         QStringLiteral("h6"),      QStringLiteral("header"),
        QStringLiteral("hr"),         QStringLiteral("li"),      QStringLiteral("ol"),
        QStringLiteral("p"),          QStringLiteral("pre"),     QStringLiteral("section"),
        QStringLiteral("table"),      QStringLiteral("tbody"),   QStringLiteral("thead"),
        QStringLiteral("tr"),         QStringLiteral("ul"),      QStringLiteral("body"),
        QStringLiteral("html")};
    for (const QString &b : block)
        if (name.compare(b, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool isCellTag(QStringView name)
{
    return name.compare(u"td", Qt::CaseInsensitive) == 0 || name.compare(u"th", Qt::CaseInsensitive) == 0;
}

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> entities{
        {QStringLiteral("amp"), U'&'},      {QStringLiteral("lt"), U'<'},
        {QStringLiteral("gt"), U'>'},       {QStringLiteral("quot"), U'"'},
        {QStringLiteral("apos"), U'\''},    {QStringLiteral("nbsp"), U' '},
        {QStringLiteral("ensp"), U' '},     {QStringLiteral("emsp"), U' '},
        {QStringLiteral("thinsp"), U' '},   {QStringLiteral("shy"), 0xAD},
        {QStringLiteral("zwnj"), 0x200C},   {QStringLiteral("zwj"), 0x200D},
        {QStringLiteral("copy"), 0xA9},     {QStringLiteral("reg"), 0xAE},
        {QStringLiteral("trade"), 0x2122},  {QStringLiteral("hellip"), 0x2026},
        {QStringLiteral("mdash"), 0x2014},  {QStringLiteral("ndash"), 0x2013},
        {QStringLiteral("lsquo"), 0x2018},  {QStringLiteral("rsquo"), 0x2019},
        {QStringLiteral("sbquo"), 0x201A},  {QStringLiteral("ldquo"), 0x201C},
        {QStringLiteral("rdquo"), 0x201D},  {QStringLiteral("bdquo"), 0x201E},
        {QStringLiteral("laquo"), 0xAB},    {QStringLiteral("raquo"), 0xBB},
        {QStringLiteral("lsaquo"), 0x2039}, {QStringLiteral("rsaquo"), 0x203A},
        {QStringLiteral("bull"), 0x2022},   {QStringLiteral("middot"), 0xB7},
        {QStringLiteral("euro"), 0x20AC},   {QStringLiteral("pound"), 0xA3},
        {QStringLiteral("yen"), 0xA5},      {QStringLiteral("cent"), 0xA2},
        {QStringLiteral("sect"), 0xA7},     {QStringLiteral("para"), 0xB6},
        {QStringLiteral("deg"), 0xB0},      {QStringLiteral("plusmn"), 0xB1},
        {QStringLiteral("times"), 0xD7},    {QStringLiteral("divide"), 0xF7},
        {QStringLiteral("frac12"), 0xBD},   {QStringLiteral("frac14"), 0xBC},
        {QStringLiteral("frac34"), 0xBE},   {QStringLiteral("iexcl"), 0xA1},
        {QStringLiteral("iquest"), 0xBF},   {QStringLiteral("Agrave"), 0xC0},
        {QStringLiteral("Aacute"), 0xC1},   {QStringLiteral("Acirc"), 0xC2},
        {QStringLiteral("Atilde"), 0xC3},   {QStringLiteral("Auml"), 0xC4},
        {QStringLiteral("Aring"), 0xC5},    {QStringLiteral("AElig"), 0xC6},
        {QStringLiteral("Ccedil"), 0xC7},   {QStringLiteral("Egrave"), 0xC8},
        {QStringLiteral("Eacute"), 0xC9},   {QStringLiteral("Ecirc"), 0xCA},
        {QStringLiteral("Euml"), 0xCB},     {QStringLiteral("Igrave"), 0xCC},
        {QStringLiteral("Iacute"), 0xCD},   {QStringLiteral("Icirc"), 0xCE},
        {QStringLiteral("Iuml"), 0xCF},     {QStringLiteral("Ntilde"), 0xD1},
        {QStringLiteral("Ograve"), 0xD2},   {QStringLiteral("Oacute"), 0xD3},
        {QStringLiteral("Ocirc"), 0xD4},    {QStringLiteral("Otilde"), 0xD5},
        {QStringLiteral("Ouml"), 0xD6},     {QStringLiteral("Oslash"), 0xD8},
        {QStringLiteral("Ugrave"), 0xD9},   {QStringLiteral("Uacute"), 0xDA},
        {QStringLiteral("Ucirc"), 0xDB},    {QStringLiteral("Uuml"), 0xDC},
        {QStringLiteral("Yacute"), 0xDD},   {QStringLiteral("szlig"), 0xDF},
        {QStringLiteral("agrave"), 0xE0},   {QStringLiteral("aacute"), 0xE1},
        {QStringLiteral("acirc"), 0xE2},    {QStringLiteral("atilde"), 0xE3},
        {QStringLiteral("auml"), 0xE4},     {QStringLiteral("aring"), 0xE5},
        {QStringLiteral("aelig"), 0xE6},    {QStringLiteral("ccedil"), 0xE7},
        {QStringLiteral("egrave"), 0xE8},   {QStringLiteral("eacute"), 0xE9},
        {QStringLiteral("ecirc"), 0xEA},    {QStringLiteral("euml"), 0xEB},
        {QStringLiteral("igrave"), 0xEC},   {QStringLiteral("iacute"), 0xED},
        {QStringLiteral("icirc"), 0xEE},    {QStringLiteral("iuml"), 0xEF},
        {QStringLiteral("ntilde"), 0xF1},   {QStringLiteral("ograve"), 0xF2},
        {QStringLiteral("oacute"), 0xF3},   {QStringLiteral("ocirc"), 0xF4},
        {QStringLiteral("otilde"), 0xF5},   {QStringLiteral("ouml"), 0xF6},
        {QStringLiteral("oslash"), 0xF8},   {QStringLiteral("ugrave"), 0xF9},
        {QStringLiteral("uacute"), 0xFA},   {QStringLiteral("ucirc"), 0xFB},
        {QStringLiteral("uuml"), 0xFC},     {QStringLiteral("yacute"), 0xFD},
        {QStringLiteral("yuml"), 0xFF},     {QStringLiteral("OElig"), 0x152},
        {QStringLiteral("oelig"), 0x153},   {QStringLiteral("Scaron"), 0x160},
        {QStringLiteral("scaron"), 0x161},  {QStringLiteral("Zcaron"), 0x17D},
        {QStringLiteral("zcaron"), 0x17E},  {QStringLiteral("larr"), 0x2190},
        {QStringLiteral("rarr"), 0x2192},   {QStringLiteral("uarr"), 0x2191},
        {QStringLiteral("darr"), 0x2193},   {QStringLiteral("check"), 0x2713},
    };
    return entities;
}

void appendCodePoint(QString &out, char32_t code)
{
    // NUL, surrogates and values beyond Unicode are what browsers replace, too.
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        code = 0xFFFD;
    out += QString::fromUcs4(&code, 1);
}

/// Decodes the entity at html[pos] ('&'); returns the characters consumed, 0 when it is none.
qsizetype decodeEntity(QStringView html, qsizetype pos, QString &out)
{
    const qsizetype limit = qMin(html.size(), pos + 34);
    const qsizetype semicolon = html.sliced(0, limit).indexOf(QLatin1Char(';'), pos + 1);
    if (semicolon < 0 || semicolon == pos + 1)
        return 0;
    const QStringView name = html.sliced(pos + 1, semicolon - pos - 1);
    if (name.front() == QLatin1Char('#')) {
        bool ok = false;
        const QStringView digits = name.sliced(1);
        qulonglong code = 0;
        if (!digits.isEmpty() && (digits.front() == QLatin1Char('x') || digits.front() == QLatin1Char('X')))
            code = digits.sliced(1).toULongLong(&ok, 16);
        else
            code = digits.toULongLong(&ok, 10);
        if (!ok)
            return 0;
        appendCodePoint(out, code > 0x10FFFF ? char32_t(0xFFFD) : static_cast<char32_t>(code));
        return semicolon - pos + 1;
    }
    const auto it = namedEntities().constFind(name.toString());
    if (it == namedEntities().cend())
        return 0;
    if (*it == 0xAD || *it == 0x200C || *it == 0x200D)
        return semicolon - pos + 1; // invisible: joins or may break a word, adds no text
    appendCodePoint(out, *it);
    return semicolon - pos + 1;
}

/// Where the element whose content is skipped (script, style, head...) ends.
qsizetype skipElement(QStringView html, qsizetype from, QStringView name)
{
    qsizetype pos = from;
    const QString closing = QStringLiteral("</") + name.toString();
    while (true) {
        const qsizetype at = html.indexOf(closing, pos, Qt::CaseInsensitive);
        if (at < 0)
            return html.size(); // unclosed: a browser shows none of the rest either
        const qsizetype after = at + closing.size();
        if (after >= html.size() || html.at(after) == QLatin1Char('>') || isSpaceChar(html.at(after)) ||
            html.at(after) == QLatin1Char('/')) {
            const qsizetype end = html.indexOf(QLatin1Char('>'), after);
            return end < 0 ? html.size() : end + 1;
        }
        pos = after;
    }
}

/// Index just past the '>' that closes the tag opened at html[pos], quotes respected.
qsizetype tagEnd(QStringView html, qsizetype pos)
{
    QChar quote;
    for (qsizetype i = pos + 1; i < html.size(); ++i) {
        const QChar c = html.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            // Only a quote that opens an attribute value counts; a stray one in a broken tag
            // would otherwise hide the rest of the document.
            if (html.at(i - 1) == QLatin1Char('='))
                quote = c;
        } else if (c == QLatin1Char('>')) {
            return i + 1;
        }
    }
    return html.size();
}

/// Collapses white space: runs inside a line become one space, runs with a line break one newline.
QString collapseWhitespace(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    bool pendingBreak = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            pendingBreak = true;
        } else if (isSpaceChar(c)) {
            pendingSpace = true;
        } else {
            if (!out.isEmpty()) {
                if (pendingBreak)
                    out += QLatin1Char('\n');
                else if (pendingSpace)
                    out += QLatin1Char(' ');
            }
            pendingBreak = pendingSpace = false;
            out += c;
        }
    }
    return out;
}

} // namespace

QString MessageText::extract(QByteArrayView raw, qsizetype maxChars)
{
    if (raw.isEmpty() || maxChars <= 0)
        return {};
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(raw.data(), static_cast<size_t>(raw.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_object_unref(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    GMimeMessage *message = g_mime_parser_construct_message(parser, parserOptions());
    g_object_unref(parser);
    if (!message) {
        // No structure to read: what follows the header block is the best guess at the text.
        const qsizetype headerLength = MessageParser::headerBlockLength(raw);
        const QString body = decode8bit(raw.sliced(headerLength).toByteArray());
        return collapseWhitespace(body).left(maxChars);
    }
    TextCollector collector(maxChars);
    collector.collect(g_mime_message_get_mime_part(message), 0);
    g_object_unref(message);
    return collector.result();
}

QString MessageText::htmlToText(QStringView html)
{
    QString out;
    out.reserve(html.size() / 2);
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('&')) {
            const qsizetype used = decodeEntity(html, i, out);
            if (used > 0) {
                i += used;
            } else {
                out += c;
                ++i;
            }
            continue;
        }
        if (c != QLatin1Char('<') || i + 1 >= n) {
            out += c;
            ++i;
            continue;
        }
        const QChar next = html.at(i + 1);
        if (html.sliced(i).startsWith(u"<!--")) {
            const qsizetype end = html.indexOf(u"-->", i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (next == QLatin1Char('!') || next == QLatin1Char('?')) {
            i = tagEnd(html, i); // doctype, CDATA, processing instruction
            continue;
        }
        const bool closing = next == QLatin1Char('/');
        qsizetype nameStart = closing ? i + 2 : i + 1;
        if (nameStart >= n || !html.at(nameStart).isLetter()) {
            out += c; // "a < b" is text, not a tag
            ++i;
            continue;
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < n && (html.at(nameEnd).isLetterOrNumber() || html.at(nameEnd) == QLatin1Char('-') ||
                               html.at(nameEnd) == QLatin1Char(':')))
            ++nameEnd;
        const QStringView name = html.sliced(nameStart, nameEnd - nameStart);
        const qsizetype end = tagEnd(html, i);
        if (!closing && (name.compare(u"script", Qt::CaseInsensitive) == 0 ||
                         name.compare(u"style", Qt::CaseInsensitive) == 0 ||
                         name.compare(u"title", Qt::CaseInsensitive) == 0 ||
                         name.compare(u"template", Qt::CaseInsensitive) == 0)) {
            const bool selfClosing = end >= 2 && html.at(end - 2) == QLatin1Char('/');
            i = selfClosing ? end : skipElement(html, end, name);
            continue;
        }
        if (!closing && name.compare(u"head", Qt::CaseInsensitive) == 0) {
            // The head ends at </head>, or where a body starts in documents that never close it.
            const qsizetype headEnd = skipElement(html, end, name);
            const qsizetype body = html.indexOf(u"<body", end, Qt::CaseInsensitive);
            i = (body >= 0 && body < headEnd) ? body : headEnd;
            continue;
        }
        if (isBlockTag(name))
            out += QLatin1Char('\n');
        else if (isCellTag(name))
            out += QLatin1Char(' ');
        i = end;
    }
    return collapseWhitespace(out);
}

} // namespace ArchiveSync
