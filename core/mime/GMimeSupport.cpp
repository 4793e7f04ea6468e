// SPDX-License-Identifier: Apache-2.0
// Compiled with QT_NO_KEYWORDS (see CMakeLists.txt).
#include "core/mime/GMimeSupport.h"

#include <mutex>

namespace ArchiveSync::GMimeSupport {

GMimeParserOptions *parserOptions()
{
    static GMimeParserOptions *options = [] {
        static std::once_flag once;
        std::call_once(once, [] { g_mime_init(); });
        GMimeParserOptions *o = g_mime_parser_options_new();
        // Undeclared 8-bit text is mostly UTF-8 or Windows-1252 in real archives.
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
    g_mime_data_wrapper_write_to_stream(content, raw); // decodes base64 / quoted-printable
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
        return decode8bit(bytes); // UTF-8 when valid; mislabelled Windows-1252 otherwise
    GMimeFilter *filter = g_mime_filter_charset_new(charset, "UTF-8");
    if (!filter)
        return decode8bit(bytes); // a charset iconv does not know
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

bool isAttachment(GMimeObject *object)
{
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    return disposition && g_mime_content_disposition_is_attachment(disposition);
}

} // namespace ArchiveSync::GMimeSupport
