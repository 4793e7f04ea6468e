// SPDX-License-Identifier: Apache-2.0
// GLib's headers use the identifier "signals", which Qt defines as a macro: this file is
// compiled with QT_NO_KEYWORDS (see CMakeLists.txt).
#include "core/mime/MessageContent.h"

#include "core/mime/GMimeSupport.h"

#include <gmime/gmime.h>

namespace ArchiveSync {

namespace {

using namespace GMimeSupport;

constexpr int kMaxDepth = 64;
constexpr qsizetype kMaxParts = 500;

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
