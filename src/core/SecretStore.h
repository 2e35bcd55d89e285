// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QHash>
#include <QString>
#include <functional>
#include <optional>

namespace cis {

// Where passwords live: the operating system's keychain in the apps, the environment for
// headless runs. Never in the settings file, the database or a log. Asynchronous, because
// keychains may ask the user or talk to a service.
class SecretStore
{
public:
    struct ReadResult
    {
        std::optional<QString> secret; // nullopt: no such entry
        QString error;                 // non-empty: the store itself failed
    };

    virtual ~SecretStore() = default;
    virtual void read(const QString &key, std::function<void(ReadResult)> done) = 0;
    // done receives an empty string on success, else what went wrong.
    virtual void write(const QString &key, const QString &secret,
                       std::function<void(QString error)> done) = 0;
    virtual void remove(const QString &key, std::function<void(QString error)> done) = 0;

    static QString cardskipperKey(const QString &username);
    static QString deviceKey(const QString &deviceId);
};

// Keeps secrets in memory only: tests, and the demo (whose passwords are public anyway).
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, std::function<void(ReadResult)> done) override;
    void write(const QString &key, const QString &secret,
               std::function<void(QString error)> done) override;
    void remove(const QString &key, std::function<void(QString error)> done) override;

private:
    QHash<QString, QString> m_secrets;
};

// Headless runs: CARDSKIPPER_PASSWORD for Cardskipper and IVMS_PASSWORD for every device take
// precedence; everything else is asked of the fallback store (may be null).
class EnvironmentSecretStore final : public SecretStore
{
public:
    explicit EnvironmentSecretStore(SecretStore *fallback = nullptr);
    void read(const QString &key, std::function<void(ReadResult)> done) override;
    void write(const QString &key, const QString &secret,
               std::function<void(QString error)> done) override;
    void remove(const QString &key, std::function<void(QString error)> done) override;

private:
    SecretStore *m_fallback;
};

} // namespace cis
