// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// What the reliability tests share: a configuration pointing at the two simulators, one sync
// run waited for, and the club's INI file for the tests that run the real command line.
#include "CardskipperSimulator.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "SyncEngine.h"

#include <QFile>
#include <QSignalSpy>

namespace cis::reliability {

// One door ("door", "Front door"), the demo account, no pause between write retries.
inline AppSettings settingsFor(const sim::CardskipperSimulator &cardskipper,
                               const sim::IsapiSimulator &door)
{
    AppSettings settings;
    settings.cardskipper.url = cardskipper.baseUrl();
    settings.cardskipper.username = QStringLiteral("demo");
    settings.cardskipper.organisationId = sim::DemoData::kOrganisationId;
    DeviceSettings device;
    device.id = QStringLiteral("door");
    device.name = QStringLiteral("Front door");
    device.url = door.baseUrl();
    settings.devices = {device};
    settings.sync.retryBackoffMs = 0;
    return settings;
}

inline SyncEngine::Credentials
demoCredentials(const QString &devicePassword = sim::IsapiSimulator::defaultPassword())
{
    SyncEngine::Credentials credentials;
    credentials.cardskipperPassword = QStringLiteral("demo");
    credentials.devicePasswords.insert(QStringLiteral("door"), devicePassword);
    return credentials;
}

inline RunReport runSync(SyncEngine &engine, RunKind kind, bool force = false)
{
    SyncEngine::RunOptions options;
    options.kind = kind;
    options.force = force;
    QSignalSpy finished(&engine, &SyncEngine::runFinished);
    if (!engine.start(options))
        qFatal("a run is already going on");
    if (!finished.wait(300000))
        qFatal("the run did not finish");
    return finished.first().first().value<RunReport>();
}

// club.ini in folder for the command line, the same door; returns its path.
inline QString writeClubIni(const QString &folder, const sim::CardskipperSimulator &cardskipper,
                            const sim::IsapiSimulator &door)
{
    const QString path = folder + QStringLiteral("/club.ini");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QStringLiteral("[cardskipper]\nurl=%1\nusername=demo\norganisation_id=%2\n"
                              "[devices]\nsize=1\n1\\id=front\n1\\name=Front door\n"
                              "1\\url=%3\n1\\username=admin\n"
                              "[sync]\ndatabase=club.sqlite\nretry_backoff_ms=0\n")
                   .arg(cardskipper.baseUrl().toString())
                   .arg(sim::DemoData::kOrganisationId)
                   .arg(door.baseUrl().toString())
                   .toUtf8());
    return path;
}

} // namespace cis::reliability
