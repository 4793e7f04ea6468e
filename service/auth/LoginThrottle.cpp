// SPDX-License-Identifier: Apache-2.0
#include "service/auth/LoginThrottle.h"

#include <QMutexLocker>

#include <algorithm>
#include <vector>

namespace ArchiveSync {

namespace {
// Keys come from anonymous requests: cap their length so that memory stays bounded per entry too.
// Usernames are at most 64 characters and addresses (IPv6 with a zone) well under this.
constexpr qsizetype kMaxKeyLength = 128;
} // namespace

LoginThrottle::LoginThrottle(const Clock &clock)
    : LoginThrottle(clock, Limits())
{}

LoginThrottle::LoginThrottle(const Clock &clock, Limits limits)
    : m_clock(clock)
    , m_limits(limits)
{
    m_limits.maxTrackedKeys = std::max<qsizetype>(1, m_limits.maxTrackedKeys);
}

qint64 LoginThrottle::nowMs() const
{
    return m_clock.now().toMSecsSinceEpoch();
}

QString LoginThrottle::accountKey(const QString &account)
{
    // Usernames compare case-insensitively, so "Alice" and "alice" share one budget.
    return account.left(kMaxKeyLength).toLower();
}

QString LoginThrottle::addressKey(const QString &address)
{
    return address.left(kMaxKeyLength);
}

std::optional<qint64> LoginThrottle::lockedUntil(const FailureMap &map, const QString &key, int limit,
                                                 qint64 now) const
{
    if (limit <= 0)
        return std::nullopt;
    const auto it = map.constFind(key);
    if (it == map.cend() || static_cast<qsizetype>(it->size()) < limit)
        return std::nullopt;
    // The deque holds exactly the last `limit` failures: the lock lifts when the oldest of them
    // leaves the window.
    const qint64 until = it->front() + m_limits.window.count();
    if (until <= now)
        return std::nullopt;
    return until;
}

std::optional<int> LoginThrottle::retryAfterSeconds(const QString &account, const QString &address) const
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    const std::optional<qint64> byAccount =
        lockedUntil(m_accounts, accountKey(account), m_limits.maxAccountFailures, now);
    const std::optional<qint64> byAddress =
        lockedUntil(m_addresses, addressKey(address), m_limits.maxAddressFailures, now);
    if (!byAccount && !byAddress)
        return std::nullopt;
    const qint64 until = std::max(byAccount.value_or(0), byAddress.value_or(0));
    // Round up: a client that waits the advertised time must find the lock gone.
    return static_cast<int>(std::max<qint64>(1, (until - now + 999) / 1000));
}

void LoginThrottle::prune(FailureMap &map, qint64 now)
{
    const qint64 cutoff = now - m_limits.window.count();
    map.removeIf([cutoff](const FailureMap::iterator &it) { return it->empty() || it->back() <= cutoff; });
}

void LoginThrottle::record(FailureMap &map, const QString &key, int limit, qint64 now)
{
    if (limit <= 0)
        return;
    auto it = map.find(key);
    if (it == map.end()) {
        if (map.size() >= m_limits.maxTrackedKeys)
            prune(map, now);
        if (map.size() >= m_limits.maxTrackedKeys) {
            // Still full of live entries (a distributed attack): forget the eighth idle longest.
            // Evicting in batches keeps the sort off the path of most failures.
            const qsizetype evict = std::max<qsizetype>(1, map.size() / 8);
            std::vector<qint64> newest;
            newest.reserve(static_cast<std::size_t>(map.size()));
            for (const Failures &f : std::as_const(map))
                newest.push_back(f.empty() ? 0 : f.back());
            const auto nth = newest.begin() + static_cast<std::ptrdiff_t>(evict - 1);
            std::nth_element(newest.begin(), nth, newest.end());
            const qint64 cutoff = *nth;
            // Exactly `evict` entries: everything older than the cutoff, then ties until enough.
            // Dropping every tie could empty the map when a flood arrives within one millisecond.
            const auto lastFailure = [](const Failures &f) {
                return f.empty() ? 0 : f.back();
            };
            qsizetype removed =
                map.removeIf([&](const FailureMap::iterator &e) { return lastFailure(*e) < cutoff; });
            map.removeIf([&](const FailureMap::iterator &e) {
                if (removed >= evict || lastFailure(*e) != cutoff)
                    return false;
                ++removed;
                return true;
            });
        }
        it = map.insert(key, Failures());
    }
    it->push_back(now);
    while (static_cast<qsizetype>(it->size()) > limit)
        it->pop_front();
}

void LoginThrottle::recordFailure(const QString &account, const QString &address)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    // Sweep out stale entries once per window, so that memory follows the recent failure rate.
    if (now - m_lastPrune >= m_limits.window.count()) {
        prune(m_accounts, now);
        prune(m_addresses, now);
        m_lastPrune = now;
    }
    record(m_accounts, accountKey(account), m_limits.maxAccountFailures, now);
    record(m_addresses, addressKey(address), m_limits.maxAddressFailures, now);
}

void LoginThrottle::recordSuccess(const QString &account, const QString &address)
{
    Q_UNUSED(address)
    QMutexLocker lock(&m_mutex);
    m_accounts.remove(accountKey(account));
}

qsizetype LoginThrottle::trackedAccounts() const
{
    QMutexLocker lock(&m_mutex);
    return m_accounts.size();
}

qsizetype LoginThrottle::trackedAddresses() const
{
    QMutexLocker lock(&m_mutex);
    return m_addresses.size();
}

} // namespace ArchiveSync
