// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

namespace cis {

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("cardskipper-ivms-sync");
}

void KeychainSecretStore::read(const QString &key, std::function<void(ReadResult)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         ReadResult result;
                         auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
                         if (finished->error() == QKeychain::NoError)
                             result.secret = read->textData();
                         else if (finished->error() != QKeychain::EntryNotFound)
                             result.error = finished->errorString();
                         done(result);
                     });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret,
                                std::function<void(QString)> done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(
        job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job *finished) {
            done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
        });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, std::function<void(QString)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         const bool ok = finished->error() == QKeychain::NoError ||
                                         finished->error() == QKeychain::EntryNotFound;
                         done(ok ? QString() : finished->errorString());
                     });
    job->start();
}

} // namespace cis
