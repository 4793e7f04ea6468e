// SPDX-License-Identifier: Apache-2.0
#include "service/api/MessageController.h"

#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"
#include "service/api/QueryReader.h"
#include "service/api/ResponseCounter.h"
#include "service/common/Logging.h"
#include "service/http/FileStreamer.h"
#include "service/store/BlobStore.h"

#include <QFileInfo>
#include <QHttpServer>
#include <QRegularExpression>

#include <limits>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;

namespace {
// The longest search text, and the most words in it: each word costs a few LIKE comparisons per row.
constexpr int kMaxQueryLength = 1000;
constexpr int kMaxQueryWords = 32;

// A message id is a positive decimal number; anything else names no message.
qint64 parseMessageId(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return 0;
    }
    return text.toLongLong();
}
} // namespace

void MessageController::registerRoutes(QHttpServer &server)
{
    // One message: its bytes as archived (message/rfc822, streamed; ETag = its SHA-256, so Range and
    // If-None-Match work), or with ?format=json its header fields.
    server.route(
        QStringLiteral("/api/v1/mailboxes/<arg>/messages/<arg>"), Method::Get,
        [this](const QString &address, const QString &id, const QHttpServerRequest &request,
               QHttpServerResponder &&responder) {
            auto send = [&responder](const QHttpServerResponse &response) {
                ResponseCounter::count(int(response.statusCode()));
                response.write(std::move(responder));
            };
            auto fail = [&send](const Error &error) {
                send(HttpJson::problem(error));
            };
            Result<Principal> principal = m_api.authenticate(request);
            if (!principal)
                return fail(principal.error());
            Result<Mailbox> mailbox = m_api.visibleMailbox(*principal, address);
            if (!mailbox)
                return fail(mailbox.error());
            Result<QString> format =
                QueryReader(request).optionalString(QStringLiteral("format"), QStringLiteral("raw"), 16);
            if (!format)
                return fail(format.error());
            if (*format != QLatin1String("raw") && *format != QLatin1String("json"))
                return fail(
                    Error::invalid(QStringLiteral("format must be raw or json"), QStringLiteral("format")));
            // Another mailbox's message is missing here, exactly like one that does not exist.
            const qint64 messageId = parseMessageId(id);
            if (messageId <= 0)
                return fail(Error::notFound(QStringLiteral("no message %1 in this mailbox").arg(id)));
            ServiceContext &service = m_api.service();
            Result<StoredMessage> message = service.archive().messageById(mailbox->id, messageId);
            if (!message)
                return fail(message.error());
            if (*format == QLatin1String("json")) {
                // Both representations carry the message's identity, its content hash.
                QHttpServerResponse response = HttpJson::json(ApiMapping::toApi(*message).toJson());
                response.setHeader(QByteArrayLiteral("ETag"), '"' + message->sha256.toLatin1() + '"');
                return send(std::move(response));
            }

            Result<StorageRepository> storage = service.archive().storageById(message->storageId);
            if (!storage)
                return fail(storage.error());
            const QString path = BlobStore(storage->path).pathFor(message->sha256);
            if (!QFileInfo(path).isFile()) {
                qCWarning(lcHttp) << "the content of message" << message->id << "of" << mailbox->address
                                  << "is missing:" << path;
                return fail(Error::io(QStringLiteral("message content missing")));
            }
            FileStreamer::stream(std::move(responder), path, request, QByteArrayLiteral("message/rfc822"),
                                 message->sha256.toLatin1());
        });

    // A header search: every word of q in the subject, From, To or Cc (case-insensitive substrings).
    server.route(
        QStringLiteral("/api/v1/mailboxes/<arg>/search"), Method::Get,
        [this](const QString &address, const QHttpServerRequest &request) {
            Result<Principal> principal = m_api.authenticate(request);
            if (!principal)
                return HttpJson::problem(principal.error());
            Result<Mailbox> mailbox = m_api.visibleMailbox(*principal, address);
            if (!mailbox)
                return HttpJson::problem(mailbox.error());
            const QueryReader query(request);
            Result<QString> text = query.optionalString(QStringLiteral("q"), QString(), kMaxQueryLength);
            if (!text)
                return HttpJson::problem(text.error());
            if (text->split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size() >
                kMaxQueryWords)
                return HttpJson::problem(Error::invalid(
                    QStringLiteral("q may hold at most %1 words").arg(kMaxQueryWords), QStringLiteral("q")));
            Result<QString> folder = query.optionalString(QStringLiteral("folder"), QString());
            if (!folder)
                return HttpJson::problem(folder.error());
            Result<qint64> limit = query.optionalInteger(QStringLiteral("limit"), 50, 1, maxLimit);
            if (!limit)
                return HttpJson::problem(limit.error());
            Result<qint64> offset =
                query.optionalInteger(QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max());
            if (!offset)
                return HttpJson::problem(offset.error());

            MessageSearch search;
            search.text = *text;
            search.folder = *folder;
            search.limit = int(*limit);
            search.offset = *offset;
            Result<MessageSearchPage> page = m_api.service().archive().searchMessages(mailbox->id, search);
            if (!page)
                return HttpJson::problem(page.error());
            Api::MessageSearchResult result;
            result.total = page->total;
            for (const StoredMessage &m : std::as_const(page->messages))
                result.messages.append(ApiMapping::toApi(m));
            return HttpJson::json(result.toJson());
        });
}

} // namespace ArchiveSync
