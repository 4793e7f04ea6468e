// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace ArchiveSync {

/// \brief Keeps the admin's session token in the OS keychain (QtKeychain), keyed by user and server, for
/// "Keep me signed in". Nothing is written to disk by the app itself; without a keychain the token stays
/// in memory only and the admin signs in again next time.
class KeychainTokenStore : public QObject
{
    Q_OBJECT

public:
    explicit KeychainTokenStore(QObject *parent = nullptr);

    void save(const QString &server, const QString &username, const QString &token,
              std::function<void(bool ok, QString error)> done = {});
    void load(const QString &server, const QString &username,
              std::function<void(std::optional<QString> token)> done);
    void remove(const QString &server, const QString &username);

private:
    static QString key(const QString &server, const QString &username);
};

} // namespace ArchiveSync
