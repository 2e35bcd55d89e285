// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SecretStore.h"
#include "Settings.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QString>
#include <QStringList>
#include <memory>

namespace cis {

class Clock;

// Everything a sync command needs, set up from --config: the settings, the passwords (the
// environment first, then the keychain), the database and an engine. Failures are sentences
// naming the setting, the file or the password that is missing.
class SyncSession
{
public:
    explicit SyncSession(const Clock &clock);
    ~SyncSession();

    static QString defaultConfigPath();

    // Returns an empty string on success, else what is wrong (exit code 2).
    QString load(const QString &configPath, bool needPasswords = true);

    // Without a configuration file: the demo, tests.
    QString open(const AppSettings &settings, const SyncEngine::Credentials &credentials,
                 const QString &databasePath);

    // Runs one engine run to its end (the CLI may wait; the libraries do not).
    RunReport run(const SyncEngine::RunOptions &options);

    AppSettings &settings() { return m_settings; }
    Store &store() { return *m_store; }
    SyncEngine &engine() { return *m_engine; }
    QStringList &problems() { return m_problems; }
    QString databasePath() const { return m_databasePath; }

private:
    const Clock &m_clock;
    AppSettings m_settings;
    QStringList m_problems;
    QString m_databasePath;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace cis
