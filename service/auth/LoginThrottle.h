// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Clock.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>
#include <deque>
#include <optional>

namespace ArchiveSync {

/// \brief Slows password guessing: counts failed logins per account and per client address in a
/// sliding window and says when either has had too many.
///
/// The counters live in memory: they reset when the service restarts, and several service
/// instances behind one load balancer each keep their own (an attacker spread over n instances
/// gets n times the attempts). Thread-safe.
class LoginThrottle
{
public:
    struct Limits
    {
        int maxAccountFailures = 5;
        int maxAddressFailures = 20;
        std::chrono::milliseconds window = std::chrono::minutes(15);
        /// Per map (accounts, addresses). Beyond it the entries idle longest are forgotten.
        qsizetype maxTrackedKeys = 100000;
    };

    explicit LoginThrottle(const Clock &clock);
    LoginThrottle(const Clock &clock, Limits limits);

    const Limits &limits() const { return m_limits; }

    /// Seconds until a login for this account from this address may be tried again; nullopt when
    /// it may be tried now. Ask before checking the password, so a locked account costs no hashing.
    std::optional<int> retryAfterSeconds(const QString &account, const QString &address) const;
    void recordFailure(const QString &account, const QString &address);
    /// Clears the account's failures. The address keeps its count: otherwise one known password
    /// would reset the address's budget for guessing every other account.
    void recordSuccess(const QString &account, const QString &address);

    /// How many accounts and addresses are tracked (each map counts separately).
    qsizetype trackedAccounts() const;
    qsizetype trackedAddresses() const;

private:
    /// The most recent failures, oldest first; never more than the limit of its map.
    using Failures = std::deque<qint64>;
    using FailureMap = QHash<QString, Failures>;

    static QString accountKey(const QString &account);
    static QString addressKey(const QString &address);
    std::optional<qint64> lockedUntil(const FailureMap &map, const QString &key, int limit, qint64 now) const;
    void record(FailureMap &map, const QString &key, int limit, qint64 now);
    void prune(FailureMap &map, qint64 now);
    qint64 nowMs() const;

    const Clock &m_clock;
    Limits m_limits;
    mutable QMutex m_mutex;
    FailureMap m_accounts;
    FailureMap m_addresses;
    qint64 m_lastPrune = 0;
};

} // namespace ArchiveSync
