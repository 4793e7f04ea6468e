// SPDX-License-Identifier: Apache-2.0
// GLib's headers use the identifier "signals", which Qt defines as a macro: this file is
// compiled with QT_NO_KEYWORDS (see CMakeLists.txt).
#include "core/mime/MessageParser.h"

#include "core/common/Logging.h"

#include <QRegularExpression>

#include <gmime/gmime.h>
#include <mutex>

namespace ArchiveSync {

namespace {

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        initGMime();
        GMimeParserOptions *o = g_mime_parser_options_new();
        // Undeclared 8-bit headers are mostly UTF-8 or Windows-1252 in real archives.
        static const char *fallback[] = {"UTF-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(o, fallback);
        g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        return o;
    }();
    return options;
}

QString addressList(InternetAddressList *list)
{
    if (!list || internet_address_list_length(list) == 0)
        return {};
    char *text = internet_address_list_to_string(list, nullptr, FALSE);
    QString result = QString::fromUtf8(text);
    g_free(text);
    return result;
}

bool isContentType(GMimeObject *object, const char *type, const char *subtype)
{
    GMimeContentType *ct = g_mime_object_get_content_type(object);
    return ct && g_mime_content_type_is_type(ct, type, subtype);
}

struct StructureFlags
{
    bool isSigned = false;
    bool isEncrypted = false;
    bool hasAttachments = false;
};

void inspect(GMimeObject *object, StructureFlags &flags, int depth)
{
    if (!object || depth > 64)
        return;
    if (GMIME_IS_MULTIPART_SIGNED(object))
        flags.isSigned = true;
    if (GMIME_IS_MULTIPART_ENCRYPTED(object)) {
        // Like pkcs7-mime below: the parts are the encryption's (a version part and the
        // ciphertext, often named "encrypted.asc"), not attachments of the message.
        flags.isEncrypted = true;
        return;
    }
    if (GMIME_IS_APPLICATION_PKCS7_MIME(object)) {
        const GMimeSecureMimeType type =
            g_mime_application_pkcs7_mime_get_smime_type(GMIME_APPLICATION_PKCS7_MIME(object));
        if (type == GMIME_SECURE_MIME_TYPE_SIGNED_DATA)
            flags.isSigned = true;
        else if (type != GMIME_SECURE_MIME_TYPE_COMPRESSED_DATA && type != GMIME_SECURE_MIME_TYPE_CERTS_ONLY)
            flags.isEncrypted = true;
        return;
    }
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        const int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i)
            inspect(g_mime_multipart_get_part(multipart, i), flags, depth + 1);
        return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        // A forwarded message is an attachment; its own signature is not this message's.
        flags.hasAttachments = true;
        return;
    }
    if (GMIME_IS_PART(object)) {
        if (isContentType(object, "application", "pkcs7-signature") ||
            isContentType(object, "application", "x-pkcs7-signature") ||
            isContentType(object, "application", "pgp-signature") ||
            isContentType(object, "application", "pgp-encrypted"))
            return;
        GMimePart *part = GMIME_PART(object);
        if (g_mime_part_is_attachment(part) || g_mime_part_get_filename(part))
            flags.hasAttachments = true;
    }
}

// GMime joins adjacent base64 encoded-words of one charset into one stream before decoding,
// and stops at the padding of the first: "=?UTF-8?B?...=?= =?UTF-8?B?...?=" loses all but the
// first word. Real mailers pad every word, so each encoded-word is decoded on its own here;
// the white space between two encoded-words is dropped (RFC 2047 6.2).
QString decodeHeaderText(const char *raw)
{
    if (!raw)
        return {};
    QByteArray value(raw);
    value.replace("\r\n", "\n");
    value.replace("\n", "");
    static const QRegularExpression encodedWord(QStringLiteral("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?="));
    // Matching runs on Latin-1 so that every byte maps to one character and back.
    const QString text = QString::fromLatin1(value);
    auto decode = [](const QString &piece) {
        const QByteArray bytes = piece.toLatin1();
        char *decoded = g_mime_utils_header_decode_text(parserOptions(), bytes.constData());
        QString result = QString::fromUtf8(decoded);
        g_free(decoded);
        return result;
    };
    QString out;
    qsizetype pos = 0;
    bool previousWasEncoded = false;
    auto it = encodedWord.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString gap = text.mid(pos, match.capturedStart() - pos);
        if (!(previousWasEncoded && gap.trimmed().isEmpty()))
            out += decode(gap);
        out += decode(match.captured());
        pos = match.capturedEnd();
        previousWasEncoded = true;
    }
    out += decode(text.mid(pos));
    return out.simplified();
}

bool isFieldNameChar(char c)
{
    return c > 32 && c < 127 && c != ':';
}

// A header field line: a name of printable characters, then a colon.
bool isHeaderFieldLine(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && isFieldNameChar(line[i]))
        ++i;
    return i > 0 && i < line.size() && line[i] == ':';
}

} // namespace

MessageMetadata MessageParser::parse(QByteArrayView raw)
{
    MessageMetadata meta;
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(raw.data(), static_cast<size_t>(raw.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_object_unref(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    GMimeMessage *message = g_mime_parser_construct_message(parser, parserOptions());
    g_object_unref(parser);
    if (!message) {
        qCInfo(lcMime) << "message structure not readable; archived as-is";
        meta.structureReadable = false;
        return meta;
    }

    if (const char *id = g_mime_message_get_message_id(message))
        meta.messageId = QString::fromUtf8(id);
    meta.from = addressList(g_mime_message_get_from(message));
    meta.to = addressList(g_mime_message_get_to(message));
    meta.cc = addressList(g_mime_message_get_cc(message));
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    if (GMimeHeader *subject = headers ? g_mime_header_list_get_header(headers, "Subject") : nullptr)
        meta.subject = decodeHeaderText(g_mime_header_get_raw_value(subject));
    if (GDateTime *date = g_mime_message_get_date(message))
        meta.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);

    StructureFlags flags;
    inspect(g_mime_message_get_mime_part(message), flags, 0);
    meta.isSigned = flags.isSigned;
    meta.isEncrypted = flags.isEncrypted;
    meta.hasAttachments = flags.hasAttachments;
    g_object_unref(message);
    return meta;
}

bool MessageParser::looksLikeMail(QByteArrayView head)
{
    if (head.isEmpty() || head.contains('\0'))
        return false;
    qsizetype pos = 0;
    int fields = 0;
    while (pos < head.size()) {
        qsizetype end = head.indexOf('\n', pos);
        const bool complete = end >= 0;
        if (!complete)
            end = head.size();
        QByteArrayView line = head.sliced(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = end + 1;
        if (line.isEmpty())
            break; // end of the header block
        if (line.front() == ' ' || line.front() == '\t')
            continue; // a folded continuation
        if (fields == 0 && line.startsWith("From ") && !line.startsWith("From: "))
            continue; // an mbox separator line in front of the headers
        if (isHeaderFieldLine(line)) {
            ++fields;
        } else if (fields == 0) {
            return false; // the first line is no header field: not mail
        }
        if (!complete)
            break;
    }
    return fields > 0;
}

qsizetype MessageParser::headerBlockLength(QByteArrayView raw)
{
    qsizetype pos = 0;
    while (pos < raw.size()) {
        const qsizetype end = raw.indexOf('\n', pos);
        if (end < 0)
            return raw.size();
        const qsizetype lineLength = end - pos;
        if (lineLength == 0 || (lineLength == 1 && raw[pos] == '\r'))
            return end + 1;
        pos = end + 1;
    }
    return raw.size();
}

} // namespace ArchiveSync
