// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>

namespace ArchiveSync::Testing {

/// \brief A TCP proxy on 127.0.0.1 that damages segment downloads on purpose.
///
/// It forwards bytes both ways between a client and the real service. Each time a response to a
/// segment request (a path with "/segments/") begins, it takes the next fault of its plan and applies
/// it to that response: the connection dropped (FIN) or reset (RST) part-way through the body, the
/// body stalled (no more bytes, connection left open), or one bit of the body flipped. Requests after
/// the plan is used up pass untouched.
///
/// Tests that block (waiting for a process) run it in a thread of its own: moveToThread() and call
/// listen() there.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Fault
    {
        None,
        Drop,
        Reset,
        Stall,
        FlipBit,
    };

    explicit FaultProxy(QObject *parent = nullptr);

    /// Listens on 127.0.0.1 (port 0: the system chooses) and forwards to upstreamPort there.
    bool listen(quint16 upstreamPort);
    quint16 port() const { return m_server.serverPort(); }
    void setPlan(const QList<Fault> &plan) { m_plan = plan; }
    /// Faults applied so far, in order.
    const QList<Fault> &applied() const { return m_applied; }
    /// How far into a body a Drop, Reset or Stall strikes, and where a FlipBit flips.
    void setBodyOffset(qint64 bytes) { m_bodyOffset = bytes; }

    static QString faultName(Fault fault);

private:
    void onConnection();
    Fault takeFault();

    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    QList<Fault> m_plan;
    QList<Fault> m_applied;
    qint64 m_bodyOffset = 100 * 1024;
};

} // namespace ArchiveSync::Testing
