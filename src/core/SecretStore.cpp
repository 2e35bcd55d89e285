// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SecretStore.h"

namespace cis {

namespace {
const QString kCardskipperPrefix = QStringLiteral("cardskipper/");
const QString kDevicePrefix = QStringLiteral("device/");
} // namespace

QString SecretStore::cardskipperKey(const QString &username)
{
    return kCardskipperPrefix + username;
}

QString SecretStore::deviceKey(const QString &deviceId)
{
    return kDevicePrefix + deviceId;
}

void MemorySecretStore::read(const QString &key, std::function<void(ReadResult)> done)
{
    ReadResult result;
    const auto found = m_secrets.constFind(key);
    if (found != m_secrets.constEnd())
        result.secret = *found;
    done(result);
}

void MemorySecretStore::write(const QString &key, const QString &secret,
                              std::function<void(QString)> done)
{
    m_secrets.insert(key, secret);
    done({});
}

void MemorySecretStore::remove(const QString &key, std::function<void(QString)> done)
{
    m_secrets.remove(key);
    done({});
}

EnvironmentSecretStore::EnvironmentSecretStore(SecretStore *fallback)
    : m_fallback(fallback)
{}

void EnvironmentSecretStore::read(const QString &key, std::function<void(ReadResult)> done)
{
    const char *variable = key.startsWith(kCardskipperPrefix) ? "CARDSKIPPER_PASSWORD"
                           : key.startsWith(kDevicePrefix)    ? "IVMS_PASSWORD"
                                                              : nullptr;
    if (variable && qEnvironmentVariableIsSet(variable)) {
        ReadResult result;
        result.secret = qEnvironmentVariable(variable);
        return done(result);
    }
    if (m_fallback)
        return m_fallback->read(key, std::move(done));
    done(ReadResult{});
}

void EnvironmentSecretStore::write(const QString &key, const QString &secret,
                                   std::function<void(QString)> done)
{
    if (m_fallback)
        return m_fallback->write(key, secret, std::move(done));
    done(QStringLiteral("no password store is available; set the password in the environment"));
}

void EnvironmentSecretStore::remove(const QString &key, std::function<void(QString)> done)
{
    if (m_fallback)
        return m_fallback->remove(key, std::move(done));
    done({});
}

} // namespace cis
