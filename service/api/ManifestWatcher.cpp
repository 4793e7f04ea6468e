// SPDX-License-Identifier: Apache-2.0
#include "service/api/ManifestWatcher.h"

#include "core/repository/Manifest.h"
#include "service/api/HttpJson.h"
#include "service/api/ResponseCounter.h"
#include "service/common/Logging.h"
#include "service/http/GuardedTcpServer.h"

#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QTcpSocket>

#include <climits>
#include <sys/stat.h>

namespace ArchiveSync {

namespace {
const QByteArray kCacheControl = QByteArrayLiteral("private, no-cache");

// How long before the connection's idle timeout a held request is answered.
constexpr int kIdleMarginMsecs = 5000;

bool usable(const QTcpSocket *socket)
{
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}

// The longest a request on this connection may be held: GuardedTcpServer cuts a connection that is
// silent for its idle timeout, and a held request is silent.
int maxHoldMsecs(QTcpSocket *socket)
{
    for (QObject *o = socket; o; o = o->parent()) {
        if (const auto *server = qobject_cast<const GuardedTcpServer *>(o)) {
            const int idle = server->limits().idleTimeoutMsecs;
            return idle > 0 ? qMax(idle - kIdleMarginMsecs, idle / 2) : INT_MAX;
        }
    }
    return INT_MAX;
}
} // namespace

/// \brief One held manifest request: its responder, its deadline, and the tag the client has.
///
/// Answers go straight to the socket, as FileStreamer's bodies do: Qt 6.4's responder keeps a
/// reference to the request, which is gone once the route handler has returned.
class ManifestWaiter final : public QObject
{
public:
    ManifestWaiter(ManifestWatcher *watcher, QHttpServerResponder &&responder, QString path, QByteArray etag,
                   int msecs)
        : QObject(watcher)
        , m_watcher(watcher)
        , m_responder(std::move(responder))
        , m_socket(m_responder.socket())
        , m_path(std::move(path))
        , m_etag(std::move(etag))
    {
        connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
            qCDebug(lcHttp) << "a client waiting for" << m_path << "went away";
            finish();
        });
        connect(m_socket, &QObject::destroyed, this, [this] { finish(); });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { answerUnchanged(); });
        m_timer.start(msecs);
    }
    ~ManifestWaiter() override
    {
        if (!m_finished)
            m_watcher->forget(this);
    }

    const QString &path() const { return m_path; }
    const QByteArray &etag() const { return m_etag; }

    void answerChanged(const QByteArray &bytes, const QByteArray &etag)
    {
        answer(200, "OK",
               "Content-Type: application/json\r\nETag: " + etag + "\r\nCache-Control: " + kCacheControl +
                   "\r\nContent-Length: " + QByteArray::number(bytes.size()) + "\r\n",
               bytes);
    }
    void answerUnchanged()
    {
        // A 304 has no body and no Content-Length of its own (RFC 9110 15.4.5).
        answer(304, "Not Modified", "ETag: " + m_etag + "\r\nCache-Control: " + kCacheControl + "\r\n", {});
    }
    void answerGone()
    {
        const QHttpServerResponse problem =
            HttpJson::problem(Error::notFound(QStringLiteral("the offline repository was removed")));
        answer(404, "Not Found",
               "Content-Type: " + problem.mimeType() +
                   "\r\nContent-Length: " + QByteArray::number(problem.data().size()) + "\r\n",
               problem.data());
    }
    /// The watcher is going away: the client sees a cut connection, not a hang.
    void abandon()
    {
        m_finished = true;
        m_timer.stop();
        if (usable(m_socket))
            m_socket->abort();
    }

private:
    void answer(int status, const QByteArray &reason, const QByteArray &headers, const QByteArray &body)
    {
        if (m_finished)
            return;
        if (usable(m_socket)) {
            m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + headers +
                            "\r\n" + body);
            ResponseCounter::count(status);
        }
        finish();
    }
    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timer.stop();
        if (m_socket)
            disconnect(m_socket, nullptr, this, nullptr);
        m_watcher->forget(this);
        deleteLater();
    }

    ManifestWatcher *m_watcher;
    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    QString m_path;
    QByteArray m_etag;
    QTimer m_timer;
    bool m_finished = false;
};

ManifestWatcher::ManifestWatcher(QObject *parent)
    : QObject(parent)
{
    m_pollTimer.setInterval(pollIntervalMsecs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ManifestWatcher::poll);
    connect(&m_fsWatcher, &QFileSystemWatcher::directoryChanged, this, &ManifestWatcher::checkDirectory);
}

ManifestWatcher::~ManifestWatcher()
{
    for (const Watched &watched : std::as_const(m_files)) {
        for (ManifestWaiter *waiter : watched.waiters)
            waiter->abandon();
    }
    m_files.clear();
    m_waiterCount = 0;
    // The waiters, children of this object, are deleted by ~QObject and no longer call back.
}

bool ManifestWatcher::hold(QHttpServerResponder &&responder, const QString &path, const QByteArray &etag,
                           int msecs)
{
    if (m_waiterCount >= m_maxWaiters)
        return false;
    QTcpSocket *socket = responder.socket();
    if (!usable(socket))
        return true; // nobody left to answer
    msecs = qMin(msecs, maxHoldMsecs(socket));

    auto it = m_files.find(path);
    if (it == m_files.end()) {
        it = m_files.insert(path, Watched{});
        const QString dir = QFileInfo(path).absolutePath();
        if (!m_fsWatcher.directories().contains(dir) && !m_fsWatcher.addPath(dir))
            qCDebug(lcHttp) << "cannot watch" << dir << "; polling it only";
    }
    auto *waiter = new ManifestWaiter(this, std::move(responder), path, etag, msecs);
    it->waiters.insert(waiter);
    ++m_waiterCount;
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
    // The file may have changed since the caller read it.
    check(path);
    return true;
}

ManifestWatcher::Stamp ManifestWatcher::stampOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return Stamp{true, quint64(st.st_ino), qint64(st.st_size),
                 qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                 qint64(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec};
}

void ManifestWatcher::refresh(const QString &path, Watched &watched)
{
    // Stamp first, then read: a change in between shows as a changed stamp at the next look.
    const Stamp now = stampOf(path);
    if (watched.loaded && now == watched.stamp)
        return;
    watched.stamp = now;
    if (!now.exists) {
        watched.loaded = true;
        watched.bytes.clear();
        watched.etag.clear();
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // Keep what was known and try again at the next look.
        qCWarning(lcHttp) << "cannot read" << path << ":" << file.errorString();
        watched.loaded = false;
        return;
    }
    watched.bytes = file.readAll();
    watched.etag = '"' + Manifest::etagOf(watched.bytes).toLatin1() + '"';
    watched.loaded = true;
}

void ManifestWatcher::check(const QString &path)
{
    auto it = m_files.find(path);
    if (it == m_files.end())
        return;
    refresh(path, *it);
    const bool gone = !it->stamp.exists;
    const QByteArray bytes = it->bytes;
    const QByteArray etag = it->etag;
    if (!gone && etag.isEmpty())
        return; // not readable yet
    QList<ManifestWaiter *> due;
    for (ManifestWaiter *waiter : std::as_const(it->waiters)) {
        if (gone || waiter->etag() != etag)
            due.append(waiter);
    }
    // Answering forgets the waiter, which may erase the entry: `it` is not used past here.
    for (ManifestWaiter *waiter : std::as_const(due)) {
        if (gone)
            waiter->answerGone();
        else
            waiter->answerChanged(bytes, etag);
    }
}

void ManifestWatcher::checkDirectory(const QString &dir)
{
    const QStringList paths = m_files.keys();
    for (const QString &path : paths) {
        if (QFileInfo(path).absolutePath() == dir)
            check(path);
    }
}

void ManifestWatcher::poll()
{
    const QStringList paths = m_files.keys();
    for (const QString &path : paths)
        check(path);
}

void ManifestWatcher::forget(ManifestWaiter *waiter)
{
    auto it = m_files.find(waiter->path());
    if (it == m_files.end() || !it->waiters.remove(waiter))
        return;
    --m_waiterCount;
    if (it->waiters.isEmpty()) {
        const QString dir = QFileInfo(it.key()).absolutePath();
        m_files.erase(it);
        const bool dirStillWatched =
            std::any_of(m_files.keyBegin(), m_files.keyEnd(),
                        [&dir](const QString &p) { return QFileInfo(p).absolutePath() == dir; });
        if (!dirStillWatched)
            m_fsWatcher.removePath(dir);
    }
    if (m_waiterCount == 0)
        m_pollTimer.stop();
}

} // namespace ArchiveSync
