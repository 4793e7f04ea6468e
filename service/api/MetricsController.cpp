// SPDX-License-Identifier: Apache-2.0
#include "service/api/MetricsController.h"

#include "service/ServiceContext.h"
#include "service/api/ApiContext.h"
#include "service/api/HttpJson.h"
#include "service/api/OfflineController.h"
#include "service/api/ResponseCounter.h"
#include "service/http/FileStreamer.h"
#include "service/http/GuardedTcpServer.h"

#include <QHttpServer>

namespace ArchiveSync {

namespace {
const QByteArray kContentType = QByteArrayLiteral("text/plain; version=0.0.4");

/// \brief Writes metric families in the Prometheus text exposition format 0.0.4.
class Exposition
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_text += QByteArrayLiteral("# HELP ") + name + ' ' + escaped(help, false) + '\n';
        m_text += QByteArrayLiteral("# TYPE ") + name + ' ' + type + '\n';
    }
    void sample(const char *name, qint64 value)
    {
        m_text += QByteArray(name) + ' ' + QByteArray::number(value) + '\n';
    }
    void sample(const char *name, const char *label, const QString &labelValue, qint64 value)
    {
        m_text += QByteArray(name) + '{' + label + "=\"" + escaped(labelValue.toUtf8(), true) + "\"} " +
                  QByteArray::number(value) + '\n';
    }
    const QByteArray &text() const { return m_text; }

private:
    // Label values escape backslash, double quote and line feed; HELP text backslash and line feed.
    static QByteArray escaped(const QByteArray &text, bool quote)
    {
        QByteArray out;
        out.reserve(text.size());
        for (const char c : text) {
            if (c == '\\')
                out += "\\\\";
            else if (c == '\n')
                out += "\\n";
            else if (c == '"' && quote)
                out += "\\\"";
            else
                out += c;
        }
        return out;
    }

    QByteArray m_text;
};
} // namespace

void MetricsController::registerRoutes(QHttpServer &server)
{
    // Every response a route returns as a QHttpServerResponse passes here.
    server.afterRequest([](QHttpServerResponse &&response) {
        ResponseCounter::count(int(response.statusCode()));
        return std::move(response);
    });

    // Mailbox addresses appear in the labels: administrators only.
    server.route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) {
                     Result<Principal> admin = m_api.authenticateAdmin(request);
                     if (!admin)
                         return HttpJson::problem(admin.error());
                     Result<QByteArray> text = render();
                     if (!text)
                         return HttpJson::problem(text.error());
                     QHttpServerResponse response(kContentType, *text);
                     response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
                     return response;
                 });
}

Result<QByteArray> MetricsController::render()
{
    ServiceContext &service = m_api.service();
    Exposition out;

    const GuardedTcpServer *tcp = m_tcpServer ? m_tcpServer() : nullptr;
    out.family("archivesync_http_connections", "gauge", "Open HTTP connections.");
    out.sample("archivesync_http_connections", tcp ? tcp->currentConnections() : 0);
    out.family("archivesync_http_rejected_connections_total", "counter",
               "HTTP connections refused with 503 because a connection cap was reached.");
    out.sample("archivesync_http_rejected_connections_total", tcp ? tcp->rejectedConnections() : 0);
    out.family("archivesync_http_timed_out_connections_total", "counter",
               "HTTP connections dropped by the header or the idle timeout.");
    out.sample("archivesync_http_timed_out_connections_total", tcp ? tcp->timedOutConnections() : 0);
    out.family("archivesync_http_oversize_requests_total", "counter",
               "HTTP requests refused with 413 or 431 (body or header block too large).");
    out.sample("archivesync_http_oversize_requests_total", tcp ? tcp->oversizeRequests() : 0);

    out.family("archivesync_http_requests_total", "counter",
               "HTTP responses by status code; file downloads streamed as they are read (segments, raw "
               "messages) are not included.");
    const QMap<int, qint64> byStatus = ResponseCounter::byStatus();
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        out.sample("archivesync_http_requests_total", "status", QString::number(it.key()), it.value());

    out.family("archivesync_segment_streams_active", "gauge",
               "File downloads being sent right now (segments and raw messages).");
    out.sample("archivesync_segment_streams_active", FileStreamer::activeStreams());
    out.family("archivesync_file_bytes_sent_total", "counter",
               "File body bytes (segments, raw messages) handed to clients' connections.");
    out.sample("archivesync_file_bytes_sent_total", FileStreamer::bytesSent());
    out.family("archivesync_manifest_waiters", "gauge",
               "Manifest long-polls held until a change or their wait ends.");
    out.sample("archivesync_manifest_waiters", m_offline.manifestWaiters());

    Result<QList<Mailbox>> mailboxes = service.archive().mailboxes();
    if (!mailboxes)
        return mailboxes.error();
    qint64 enabled = 0;
    for (const Mailbox &mailbox : std::as_const(*mailboxes)) {
        Result<MailboxOfflineConfig> config = service.offline().mailboxConfig(mailbox.id);
        if (!config)
            return config.error();
        if (config->enabled)
            ++enabled;
    }
    out.family("archivesync_mailboxes_offline_enabled", "gauge", "Mailboxes with offline sync switched on.");
    out.sample("archivesync_mailboxes_offline_enabled", enabled);

    Result<QList<qint64>> repositoryIds = service.offline().repositoryMailboxIds();
    if (!repositoryIds)
        return repositoryIds.error();
    QList<Manifest> manifests;
    for (qint64 id : std::as_const(*repositoryIds)) {
        Result<Manifest> manifest = service.builder().manifestFromStore(id);
        if (!manifest)
            return manifest.error();
        manifests.append(*manifest);
    }
    out.family("archivesync_repository_messages", "gauge",
               "Messages in a mailbox's offline repository (current generation).");
    for (const Manifest &manifest : std::as_const(manifests))
        out.sample("archivesync_repository_messages", "mailbox", manifest.mailbox, manifest.messageCount);
    out.family("archivesync_repository_bytes", "gauge",
               "Bytes of segments in a mailbox's offline repository (current generation).");
    for (const Manifest &manifest : std::as_const(manifests))
        out.sample("archivesync_repository_bytes", "mailbox", manifest.mailbox, manifest.totalBytes());
    return out.text();
}

} // namespace ArchiveSync
