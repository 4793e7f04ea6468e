// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTcpServer>

namespace ArchiveSync::Testing {

/// \brief A stand-in for the archive service that serves whatever manifest and segment files a test
/// gives it: hostile segments, or a manifest that goes back. It speaks just enough of the REST API for
/// an agent (sign-in, device registration, /me/offline, manifest with ETag, segments, admission, state
/// reports), one request per connection. Thread-safe: run it in a thread of its own.
class FakeOfflineService : public QObject
{
    Q_OBJECT

public:
    explicit FakeOfflineService(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    /// The mailbox, manifest and segment files served from now on (by SHA-256).
    void publish(const QString &mailbox, const QByteArray &manifest,
                 const QHash<QString, QByteArray> &segments);
    /// Segment downloads served so far.
    int segmentRequests() const;

private:
    void onConnection();
    QByteArray answer(const QByteArray &method, const QByteArray &path,
                      const QHash<QByteArray, QByteArray> &headers);

    QTcpServer m_server;
    mutable QMutex m_mutex;
    QString m_mailbox;
    QByteArray m_manifest;
    QHash<QString, QByteArray> m_segments;
    int m_segmentRequests = 0;
};

} // namespace ArchiveSync::Testing
