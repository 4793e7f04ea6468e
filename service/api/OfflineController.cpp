// SPDX-License-Identifier: Apache-2.0
#include "service/api/OfflineController.h"

#include "core/common/Sha256.h"
#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/ApiMapping.h"
#include "service/api/HttpJson.h"
#include "service/api/QueryReader.h"
#include "service/api/ResponseCounter.h"
#include "service/http/FileStreamer.h"
#include "service/offline/AdmissionControl.h"

#include <QFile>
#include <QHttpServer>

namespace ArchiveSync {

using Method = QHttpServerRequest::Method;
using HttpJson::StatusCode;

namespace {
QByteArray quoted(const QString &etag)
{
    return '"' + etag.toLatin1() + '"';
}

// If-None-Match may list several tags, or "*".
bool matchesIfNoneMatch(const QHttpServerRequest &request, const QByteArray &etag)
{
    const QByteArray header = request.value(QByteArrayLiteral("If-None-Match"));
    if (header.isEmpty())
        return false;
    for (QByteArray tag : header.split(',')) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == "*" || tag == etag)
            return true;
    }
    return false;
}
} // namespace

void OfflineController::registerRoutes(QHttpServer &server)
{
    // The mailboxes the caller may search into that have an offline repository.
    server.route(QStringLiteral("/api/v1/me/offline"), Method::Get,
                 [this](const QHttpServerRequest &request) {
                     Result<Principal> principal = m_api.authenticate(request);
                     if (!principal)
                         return HttpJson::problem(principal.error());
                     ServiceContext &service = m_api.service();
                     Result<QList<qint64>> ids = service.offline().repositoryMailboxIds();
                     if (!ids)
                         return HttpJson::problem(ids.error());
                     QList<Api::OfflineMailbox> list;
                     for (qint64 id : std::as_const(*ids)) {
                         Result<bool> allowed = m_api.auth().mayAccessMailbox(*principal, id);
                         if (!allowed)
                             return HttpJson::problem(allowed.error());
                         if (!*allowed)
                             continue;
                         Result<MailboxOfflineConfig> config = service.offline().mailboxConfig(id);
                         Result<Manifest> manifest = service.builder().manifestFromStore(id);
                         if (!config)
                             return HttpJson::problem(config.error());
                         if (!manifest)
                             return HttpJson::problem(manifest.error());
                         list.append(ApiMapping::offlineMailbox(*manifest, config->enabled));
                     }
                     return HttpJson::json(Api::listToJson(list));
                 });

    // ?wait=N turns a conditional request into a long-poll: while the client's ETag is current, the
    // request is held (the event loop runs on) until the manifest changes or N seconds pass.
    server.route(
        QStringLiteral("/api/v1/offline/<arg>/manifest"), Method::Get,
        [this](const QString &address, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            auto send = [&responder](const QHttpServerResponse &response) {
                ResponseCounter::count(int(response.statusCode()));
                response.write(std::move(responder));
            };
            Result<Principal> principal = m_api.authenticate(request);
            if (!principal)
                return send(HttpJson::problem(principal.error()));
            Result<Mailbox> mailbox = m_api.visibleMailbox(*principal, address);
            if (!mailbox)
                return send(HttpJson::problem(mailbox.error()));
            Result<qint64> wait =
                QueryReader(request).optionalInteger(QStringLiteral("wait"), 0, 0, maxWaitSeconds);
            if (!wait)
                return send(HttpJson::problem(wait.error()));
            // The published file, byte for byte: its hash is the ETag agents poll with.
            const QString path = m_api.service().builder().manifestPath(mailbox->id);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return send(HttpJson::problem(
                    Error::notFound(QStringLiteral("%1 has no offline repository").arg(mailbox->address))));
            const QByteArray bytes = file.readAll();
            const QByteArray etag = quoted(Manifest::etagOf(bytes));
            if (matchesIfNoneMatch(request, etag)) {
                if (*wait > 0 && m_watcher.hold(std::move(responder), path, etag, int(*wait) * 1000))
                    return;
                // No wait asked for, or too many held already: the client polls again later.
                QHttpServerResponse notModified(StatusCode::NotModified);
                notModified.setHeader(QByteArrayLiteral("ETag"), etag);
                notModified.setHeader(QByteArrayLiteral("Cache-Control"),
                                      QByteArrayLiteral("private, no-cache"));
                return send(notModified);
            }
            QHttpServerResponse response(QByteArrayLiteral("application/json"), bytes);
            response.setHeader(QByteArrayLiteral("ETag"), etag);
            response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("private, no-cache"));
            send(response);
        });

    server.route(
        QStringLiteral("/api/v1/offline/<arg>/segments/<arg>"), Method::Get | Method::Head,
        [this](const QString &address, const QString &sha256, const QHttpServerRequest &request,
               QHttpServerResponder &&responder) {
            auto fail = [&responder](const Error &error) {
                const QHttpServerResponse problem = HttpJson::problem(error);
                ResponseCounter::count(int(problem.statusCode()));
                responder.write(problem.data(), problem.mimeType(), problem.statusCode());
            };
            Result<Principal> principal = m_api.authenticate(request);
            if (!principal)
                return fail(principal.error());
            // A device in its initial sync keeps its slot while it downloads.
            if (m_admission && principal->tokenKind == TokenKind::Device)
                m_admission->renew(principal->deviceId);
            Result<Mailbox> mailbox = m_api.visibleMailbox(*principal, address);
            if (!mailbox)
                return fail(mailbox.error());
            // Only a segment of the current manifest, named by a well-formed hash, maps to a path.
            if (!Sha256::isValidHex(sha256))
                return fail(Error::notFound(QStringLiteral("no such segment")));
            Result<Manifest> manifest = m_api.service().builder().manifestFromStore(mailbox->id);
            if (!manifest)
                return fail(manifest.error());
            const auto it = std::find_if(manifest->segments.cbegin(), manifest->segments.cend(),
                                         [&sha256](const SegmentInfo &s) { return s.sha256 == sha256; });
            if (it == manifest->segments.cend())
                return fail(Error::notFound(
                    QStringLiteral("no segment %1 in generation %2").arg(sha256).arg(manifest->generation)));
            const QString path =
                m_api.service().builder().segmentPath(mailbox->id, manifest->generation, sha256);
            FileStreamer::stream(std::move(responder), path, request, QByteArrayLiteral("application/zstd"),
                                 quoted(sha256));
        });
}

} // namespace ArchiveSync
