// SPDX-License-Identifier: Apache-2.0
// GLib's headers use the identifier "signals", which Qt defines as a macro: this file is
// compiled with QT_NO_KEYWORDS (see CMakeLists.txt).
#include "core/mime/MessageContent.h"

#include <gmime/gmime.h>
#include <mutex>

namespace ArchiveSync {

namespace {

constexpr int kMaxDepth = 64;
constexpr qsizetype kMaxParts = 500;

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        static std::once_flag once;
        std::call_once(once, [] { g_mime_init(); });
        GMimeParserOptions *o = g_mime_parser_options_new();
        static const char *fallback[] = {"UTF-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(o, fallback);
        g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
        return o;
    }();
    return options;
}

QByteArray streamBytes(GMimeStream *stream)
{
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    return array ? QByteArray(reinterpret_cast<const char *>(array->data), static_cast<qsizetype>(array->len))
                 : QByteArray();
}

QByteArray decodedBytes(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    GMimeStream *raw = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(content, raw);
    QByteArray bytes = streamBytes(raw);
    g_object_unref(raw);
    return bytes;
}

QString decode8bit(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    char *text =
        g_mime_utils_decode_8bit(parserOptions(), bytes.constData(), static_cast<size_t>(bytes.size()));
    QString result = QString::fromUtf8(text);
    g_free(text);
    return result;
}

QString partText(GMimePart *part)
{
    const QByteArray bytes = decodedBytes(part);
    if (bytes.isEmpty())
        return {};
    const char *charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    if (!charset || !*charset)
        return decode8bit(bytes);
    const char *canonical = g_mime_charset_canon_name(charset);
    if (g_ascii_strcasecmp(canonical, "utf-8") == 0 || g_ascii_strcasecmp(canonical, "us-ascii") == 0)
        return decode8bit(bytes);
    GMimeFilter *filter = g_mime_filter_charset_new(charset, "UTF-8");
    if (!filter)
        return decode8bit(bytes);
    GMimeStream *out = g_mime_stream_mem_new();
    GMimeStream *filtered = g_mime_stream_filter_new(out);
    g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), filter);
    g_object_unref(filter);
    g_mime_stream_write(filtered, bytes.constData(), static_cast<size_t>(bytes.size()));
    g_mime_stream_flush(filtered);
    g_object_unref(filtered);
    const QByteArray converted = streamBytes(out);
    g_object_unref(out);
    return QString::fromUtf8(converted);
}

bool isType(GMimeObject *object, const char *type, const char *subtype)
{
    GMimeContentType *ct = g_mime_object_get_content_type(object);
    return ct && g_mime_content_type_is_type(ct, type, subtype);
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *ct = g_mime_object_get_content_type(object);
    if (!ct)
        return QStringLiteral("application/octet-stream");
    char *type = g_mime_content_type_get_mime_type(ct);
    QString result = QString::fromUtf8(type).toLower();
    g_free(type);
    return result;
}

class Walker
{
public:
    MessageContent content;

    void walk(GMimeObject *object, int depth)
    {
        if (!object || depth > kMaxDepth || content.attachments.size() >= kMaxParts)
            return;
        if (GMIME_IS_MULTIPART(object)) {
            if (GMIME_IS_MULTIPART_ENCRYPTED(object))
                return;
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            for (int i = 0; i < count; ++i)
                walk(g_mime_multipart_get_part(multipart, i), depth + 1);
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            GMimeStream *out = g_mime_stream_mem_new();
            if (inner)
                g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, out);
            content.attachments.append(
                {QStringLiteral("message.eml"), QStringLiteral("message/rfc822"), streamBytes(out)});
            g_object_unref(out);
            return;
        }
        if (!GMIME_IS_PART(object))
            return;
        GMimePart *part = GMIME_PART(object);
        GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
        const bool attachment = disposition && g_mime_content_disposition_is_attachment(disposition);
        if (!attachment && isType(object, "text", "plain") && content.plainText.isEmpty()) {
            content.plainText = partText(part);
            return;
        }
        if (!attachment && isType(object, "text", "html") && content.html.isEmpty()) {
            content.html = partText(part);
            return;
        }
        const char *name = g_mime_part_get_filename(part);
        content.attachments.append({QString::fromUtf8(name), mimeTypeOf(object), decodedBytes(part)});
    }
};

} // namespace

MessageContent MessageContent::parse(QByteArrayView raw)
{
    GMimeParserOptions *options = parserOptions(); // initialises GMime first
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(raw.constData(), static_cast<size_t>(raw.size()));
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_object_unref(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, options);
    g_object_unref(parser);
    Walker walker;
    if (message) {
        walker.walk(g_mime_message_get_mime_part(message), 0);
        g_object_unref(message);
    }
    return walker.content;
}

} // namespace ArchiveSync
