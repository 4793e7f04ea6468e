// SPDX-License-Identifier: Apache-2.0
#include "service/offline/AdmissionControl.h"

#include "service/common/Logging.h"

namespace ArchiveSync {

namespace {
// Waiters ask again at an eighth of the lease: often enough that a freed slot is taken well before a
// lease would have run out, rarely enough that a long queue costs little. Bounded both ways.
constexpr int kMinRetryAfterSeconds = 1;
constexpr int kMaxRetryAfterSeconds = 30;
constexpr int kRetryDivisor = 8;
// A waiter that misses this many retry times in a row has gone away.
constexpr int kMissedRetries = 2;
} // namespace

AdmissionControl::AdmissionControl(const Clock &clock)
    : AdmissionControl(clock, Settings{})
{}

AdmissionControl::AdmissionControl(const Clock &clock, const Settings &settings)
    : m_clock(clock)
    , m_settings(settings)
{}

int AdmissionControl::retryAfterSeconds() const
{
    return qBound(kMinRetryAfterSeconds, m_settings.leaseSeconds / kRetryDivisor, kMaxRetryAfterSeconds);
}

AdmissionControl::Decision AdmissionControl::request(qint64 deviceId, const QString &username)
{
    expire();
    const QDateTime now = m_clock.now();
    Decision decision;
    if (const qsizetype held = holderIndex(deviceId); held >= 0) {
        m_holders[held].renewed = now;
        decision.admitted = true;
        decision.leaseSeconds = m_settings.leaseSeconds;
        return decision;
    }
    qsizetype place = waiterIndex(deviceId);
    if (place < 0) {
        m_queue.append(Waiter{deviceId, username, now, now});
        place = m_queue.size() - 1;
    } else {
        m_queue[place].lastAsked = now;
    }
    // The free slots belong to the first waiters, whether or not they have asked again yet.
    const qsizetype free = qMax<qsizetype>(0, m_settings.maxHolders - m_holders.size());
    if (place < free) {
        m_queue.removeAt(place);
        m_holders.append(Holder{deviceId, username, now, now});
        qCInfo(lcService) << "initial sync admitted for device" << deviceId << "of" << username << "("
                          << m_holders.size() << "of" << m_settings.maxHolders << "slots taken,"
                          << m_queue.size() << "waiting)";
        decision.admitted = true;
        decision.leaseSeconds = m_settings.leaseSeconds;
        return decision;
    }
    decision.position = int(place + 1);
    decision.retryAfterSeconds = retryAfterSeconds();
    return decision;
}

bool AdmissionControl::renew(qint64 deviceId)
{
    expire();
    const qsizetype held = holderIndex(deviceId);
    if (held < 0)
        return false;
    m_holders[held].renewed = m_clock.now();
    return true;
}

bool AdmissionControl::release(qint64 deviceId)
{
    expire();
    if (const qsizetype held = holderIndex(deviceId); held >= 0) {
        m_holders.removeAt(held);
        qCInfo(lcService) << "initial sync slot released by device" << deviceId;
        return true;
    }
    if (const qsizetype place = waiterIndex(deviceId); place >= 0) {
        m_queue.removeAt(place);
        return true;
    }
    return false;
}

QList<AdmissionControl::Holder> AdmissionControl::holders()
{
    expire();
    return m_holders;
}

QList<AdmissionControl::Waiter> AdmissionControl::queue()
{
    expire();
    return m_queue;
}

void AdmissionControl::expire()
{
    const QDateTime now = m_clock.now();
    const qint64 leaseMsecs = qint64(m_settings.leaseSeconds) * 1000;
    m_holders.removeIf([&](const Holder &h) {
        if (h.renewed.msecsTo(now) < leaseMsecs)
            return false;
        qCInfo(lcService) << "initial sync lease of device" << h.deviceId << "expired";
        return true;
    });
    const qint64 patienceMsecs = qint64(kMissedRetries) * retryAfterSeconds() * 1000;
    m_queue.removeIf([&](const Waiter &w) { return w.lastAsked.msecsTo(now) > patienceMsecs; });
}

qsizetype AdmissionControl::holderIndex(qint64 deviceId) const
{
    for (qsizetype i = 0; i < m_holders.size(); ++i) {
        if (m_holders.at(i).deviceId == deviceId)
            return i;
    }
    return -1;
}

qsizetype AdmissionControl::waiterIndex(qint64 deviceId) const
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).deviceId == deviceId)
            return i;
    }
    return -1;
}

} // namespace ArchiveSync
