// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SyncSession.h"

#include "KeychainSecretStore.h"
#include "WaitFor.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QStandardPaths>
#include <optional>

// The translation context of this file's messages, the same for lupdate and at run time.
struct SyncSessionTexts
{
    Q_DECLARE_TR_FUNCTIONS(SyncSessionTexts)
};

namespace cis {

namespace {

// Reads one secret synchronously: the keychain answers through its own event loop turn.
SecretStore::ReadResult readSecret(SecretStore &store, const QString &key)
{
    return waitFor<SecretStore::ReadResult>([&](auto done) { store.read(key, std::move(done)); });
}

} // namespace

SyncSession::SyncSession(const Clock &clock)
    : m_clock(clock)
{}

SyncSession::~SyncSession() = default;

QString SyncSession::defaultConfigPath()
{
    return AppSettings::defaultConfigPath();
}

QString SyncSession::load(const QString &configPath, bool needPasswords)
{
    if (!QFileInfo::exists(configPath))
        return SyncSessionTexts::tr(
                   "The configuration file %1 does not exist. Write one as shown in the README "
                   "(section Configuration) or pass --config FILE.")
            .arg(configPath);
    QSettings ini(configPath, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return SyncSessionTexts::tr("The configuration file %1 cannot be read.").arg(configPath);
    m_settings = AppSettings::load(ini, &m_problems);
    const QStringList invalid = m_settings.validate();
    if (!invalid.isEmpty())
        return SyncSessionTexts::tr("The configuration in %1 is not complete: %2")
            .arg(configPath, invalid.join(QLatin1Char(' ')));

    SyncEngine::Credentials credentials;
    if (needPasswords) {
        KeychainSecretStore keychain;
        EnvironmentSecretStore secrets(&keychain);
        const auto cardskipper =
            readSecret(secrets, SecretStore::cardskipperKey(m_settings.cardskipper.username));
        if (!cardskipper.secret)
            return SyncSessionTexts::tr(
                       "No Cardskipper password for %1: set CARDSKIPPER_PASSWORD or store it "
                       "with the desktop app's settings%2.")
                .arg(m_settings.cardskipper.username,
                     cardskipper.error.isEmpty()
                         ? QString()
                         : SyncSessionTexts::tr(" (keychain: %1)").arg(cardskipper.error));
        credentials.cardskipperPassword = *cardskipper.secret;
        for (const DeviceSettings &device : m_settings.devices) {
            if (!device.enabled)
                continue;
            const auto secret = readSecret(secrets, SecretStore::deviceKey(device.id));
            if (!secret.secret)
                return SyncSessionTexts::tr(
                           "No password for the door terminal \"%1\": set IVMS_PASSWORD or store "
                           "it with the desktop app's settings%2.")
                    .arg(device.name,
                         secret.error.isEmpty()
                             ? QString()
                             : SyncSessionTexts::tr(" (keychain: %1)").arg(secret.error));
            credentials.devicePasswords.insert(device.id, *secret.secret);
        }
    }

    const QString databasePath = m_settings.sync.databasePath.isEmpty()
                                     ? AppSettings::defaultDatabasePath()
                                     : QDir(QFileInfo(configPath).absolutePath())
                                           .absoluteFilePath(m_settings.sync.databasePath);
    return open(m_settings, credentials, databasePath);
}

QString SyncSession::open(const AppSettings &settings, const SyncEngine::Credentials &credentials,
                          const QString &databasePath)
{
    m_settings = settings;
    m_databasePath = databasePath;
    auto store = Store::open(m_databasePath, m_clock);
    if (!store)
        return store.error().message;
    m_store = std::move(store.value());
    m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
    m_engine->setConfiguration(m_settings, credentials);
    return {};
}

RunReport SyncSession::run(const SyncEngine::RunOptions &options)
{
    std::optional<RunReport> report;
    QEventLoop loop;
    const auto connection = QObject::connect(m_engine.get(), &SyncEngine::runFinished, &loop,
                                             [&](const RunReport &finished) {
                                                 report = finished;
                                                 loop.quit();
                                             });
    if (!m_engine->start(options)) {
        QObject::disconnect(connection);
        RunReport refused;
        refused.run.error = SyncSessionTexts::tr("another run is going on");
        return refused;
    }
    if (!report)
        loop.exec();
    QObject::disconnect(connection);
    return *report;
}

} // namespace cis
