// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardNumber.h"
#include "SyncTypes.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QUrl>

namespace cis {

struct CardskipperSettings
{
    QUrl url = QUrl(QStringLiteral("https://api.cardskipper.se"));
    QString username;
    qint64 organisationId = 0;
    int timeoutSeconds = 60;
    // Cardskipper's admin portal, opened by "Open in Cardskipper admin". A "{member}" in it is
    // replaced by the member number; the portal's own member address is not documented.
    QString adminUrl = QStringLiteral("https://adm.cardskipper.se");

    QUrl adminUrlFor(qint64 organisationMemberId) const;
};

struct DeviceSettings
{
    // The key of this device's rows in the database (links, snapshot, history). Defaults to
    // the name; it must stay the same when the device is renamed.
    QString id;
    QString name;
    QUrl url;
    QString username = QStringLiteral("admin");
    QByteArray pinnedCertificateSha256; // empty: ordinary certificate verification
    int maxConcurrentRequests = 1;
    int timeoutSeconds = 30;
    bool enabled = true;
};

struct SyncSettings
{
    int intervalSeconds = 300;
    QString databasePath; // empty: the platform's app data folder
    QTime nightlyReconcileAt = QTime(3, 0);
    int retryAttempts = 3; // per write, for transient device errors
    int retryBackoffMs = 2000;
    // The most doors worked at the same time; 0: all of them. For a site whose network or
    // router cannot take every terminal's traffic at once.
    int maxParallelDoors = 0;
    SyncPolicy policy;
    // The doors' event logs: how far back a door's first reading imports, and how long events
    // are kept (they are personal data) before they are deleted.
    int eventImportDays = 7;
    int eventRetentionDays = 365;
};

// Cards given at the desk: how a desk USB reader's typing becomes the terminal's number, and
// how long a door waits for a card held to its reader.
struct CardSettings
{
    CardReaderTransform reader;
    int captureSeconds = 30; // integrators bound the capture at 30 s (§2.3)
};

// How the desktop app starts; the command line ignores these.
struct GeneralSettings
{
    bool startWithSession = false; // an autostart entry for the desktop session
    bool startMinimised = false;   // to the tray, when there is one
    QString language;              // "sv", "en"; empty: the system's
};

// The whole configuration, read from and written to an INI file (QSettings format) through one
// typed registry of keys, so the README's reference, the CLI and the settings dialog agree.
// Passwords are never part of it: see SecretStore.
struct AppSettings
{
    static constexpr int kVersion = 1;

    CardskipperSettings cardskipper;
    QList<DeviceSettings> devices;
    SyncSettings sync;
    CardSettings cards;
    GeneralSettings general;

    // Reads every key, migrating older layouts; problems (bad numbers, bad URLs, a password
    // written into the file) are appended to `problems`, each naming the key.
    static AppSettings load(QSettings &settings, QStringList *problems = nullptr);
    void save(QSettings &settings) const;

    // What keeps a sync from running, one sentence per problem naming the setting.
    QStringList validate() const;
    const DeviceSettings *device(const QString &id) const;

    // Where the database lives when sync.databasePath is empty.
    static QString defaultDatabasePath();
    // The settings file both apps use unless told otherwise (--config).
    static QString defaultConfigPath();
};

} // namespace cis
