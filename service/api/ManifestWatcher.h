// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QHash>
#include <QHttpServerResponder>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace ArchiveSync {

class ManifestWaiter;

/// \brief Holds manifest long-polls until the manifest changes or their time is up.
///
/// A held request keeps its QHttpServerResponder in a ManifestWaiter; the event loop runs on. When
/// the manifest file's bytes no longer have the entity tag the client sent, the waiter answers 200
/// with the new bytes and ETag; when its time is up, 304. A client that disconnects is dropped.
///
/// The CLI publishes a manifest from another process by renaming a new file over the old one, so
/// changes are noticed in two ways: a QFileSystemWatcher on each watched manifest's directory for
/// a prompt answer, and, while anything is held, a stat of each watched manifest every second
/// (inode, size, times), which works where inotify does not. The file is read and hashed again only
/// when that stat changed.
///
/// A held request is answered before the connection's idle timeout (GuardedTcpServer) would cut it:
/// at most the idle timeout minus 5 seconds, so a client may get its 304 sooner than it asked.
class ManifestWatcher final : public QObject
{
public:
    static constexpr int defaultMaxWaiters = 5000;
    static constexpr int pollIntervalMsecs = 1000;

    explicit ManifestWatcher(QObject *parent = nullptr);
    ~ManifestWatcher() override;

    /// Holds the request until the manifest at path no longer has etag (quoted, as computed from the
    /// bytes the caller just read), or for msecs. False, with responder left untouched, when
    /// maxWaiters() requests are held already: the caller answers at once then.
    bool hold(QHttpServerResponder &&responder, const QString &path, const QByteArray &etag, int msecs);

    /// Requests held right now.
    int waiters() const { return m_waiterCount; }
    int maxWaiters() const { return m_maxWaiters; }
    void setMaxWaiters(int max) { m_maxWaiters = max; }

private:
    friend class ManifestWaiter;

    /// What identifies one version of a file without reading it.
    struct Stamp
    {
        bool exists = false;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 mtimeNsecs = 0;
        qint64 ctimeNsecs = 0;
        bool operator==(const Stamp &) const = default;
    };
    struct Watched
    {
        bool loaded = false;
        Stamp stamp;
        QByteArray bytes;
        QByteArray etag; ///< quoted; empty while the file is missing or unreadable
        QSet<ManifestWaiter *> waiters;
    };

    static Stamp stampOf(const QString &path);
    /// Re-reads the file if its stamp changed since the last look.
    void refresh(const QString &path, Watched &watched);
    /// Refreshes, then answers every waiter whose tag no longer matches.
    void check(const QString &path);
    void checkDirectory(const QString &dir);
    void poll();
    /// Forgets a waiter that answered or whose client went away (called by its destructor).
    void forget(ManifestWaiter *waiter);

    QHash<QString, Watched> m_files; ///< manifest path -> what is known of it, while it has waiters
    QFileSystemWatcher m_fsWatcher;
    QTimer m_pollTimer;
    int m_waiterCount = 0;
    int m_maxWaiters = defaultMaxWaiters;
};

} // namespace ArchiveSync
