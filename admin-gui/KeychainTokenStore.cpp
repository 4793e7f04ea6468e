// SPDX-License-Identifier: Apache-2.0
#include "KeychainTokenStore.h"

#include "AdminLog.h"

#include <qt6keychain/keychain.h>

namespace ArchiveSync {

namespace {
const QString kService = QStringLiteral("archivesync-admin");
}

KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : QObject(parent)
{}

QString KeychainTokenStore::key(const QString &server, const QString &username)
{
    return username + QLatin1Char('@') + server;
}

void KeychainTokenStore::save(const QString &server, const QString &username, const QString &token,
                              std::function<void(bool, QString)> done)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(key(server, username));
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            qCWarning(lcAdmin) << "keychain: cannot keep the session:" << j->errorString();
        if (done)
            done(ok, j->errorString());
    });
    job->start();
}

void KeychainTokenStore::load(const QString &server, const QString &username,
                              std::function<void(std::optional<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(key(server, username));
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() != QKeychain::NoError || read->textData().isEmpty()) {
            done(std::nullopt);
            return;
        }
        done(read->textData());
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &server, const QString &username)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(key(server, username));
    job->start();
}

} // namespace ArchiveSync
