// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ArchiveSync {

/// \brief Admission to initial syncs: at most `maxHolders` devices download a whole repository at
/// once, the others wait in a first-come queue. Protects the server's disk from a fleet of new laptops.
///
/// A device asks with request(). It is admitted when it holds a slot already, or when a slot is free
/// for it: free slots go to the queue in order, so a newcomer waits behind the devices that were
/// waiting first. A slot is a lease of leaseSeconds, renewed by renew() (each segment download) and
/// by asking again; a lease not renewed in time expires. A waiter keeps its place while it asks again
/// within twice the retry time it was told; one that stops asking drops out, so a slot is never
/// kept for a device that went away.
///
/// Nothing runs on a timer: expiry is worked out from the clock on every call, so tests drive it with
/// a ManualClock. Like the rest of the API it serves one thread.
class AdmissionControl
{
public:
    struct Settings
    {
        /// Devices in an initial sync at once.
        int maxHolders = 4;
        /// How long a slot lasts without a renewal.
        int leaseSeconds = 120;
    };

    struct Holder
    {
        qint64 deviceId = 0;
        QString username;
        QDateTime since;   ///< when it was admitted
        QDateTime renewed; ///< its last renewal; the lease ends leaseSeconds later
    };

    struct Waiter
    {
        qint64 deviceId = 0;
        QString username;
        QDateTime queued;    ///< its first request: the queue's order
        QDateTime lastAsked; ///< it drops out 2 × retryAfterSeconds() after this
    };

    struct Decision
    {
        bool admitted = false;
        int leaseSeconds = 0;      ///< admitted: the lease's length
        int position = 0;          ///< not admitted: 1-based place in the queue
        int retryAfterSeconds = 0; ///< not admitted: when to ask again
    };

    explicit AdmissionControl(const Clock &clock);
    AdmissionControl(const Clock &clock, const Settings &settings);

    const Settings &settings() const { return m_settings; }
    /// A lower limit takes no slot away: holders over it keep theirs until they release or expire.
    void setSettings(const Settings &settings) { m_settings = settings; }
    /// How long a waiting device should wait before asking again.
    int retryAfterSeconds() const;

    /// Admits the device, renews its lease if it holds one, or queues it (keeping its place when it
    /// is queued already).
    Decision request(qint64 deviceId, const QString &username);
    /// Renews the lease the device holds; false (and nothing changes) when it holds none.
    bool renew(qint64 deviceId);
    /// Gives up the device's slot or its place in the queue; false when it had neither.
    bool release(qint64 deviceId);

    /// The devices holding a slot, in the order they were admitted.
    QList<Holder> holders();
    /// The waiting devices, first in line first.
    QList<Waiter> queue();

private:
    void expire();
    qsizetype holderIndex(qint64 deviceId) const;
    qsizetype waiterIndex(qint64 deviceId) const;

    const Clock &m_clock;
    Settings m_settings;
    QList<Holder> m_holders;
    QList<Waiter> m_queue;
};

} // namespace ArchiveSync
