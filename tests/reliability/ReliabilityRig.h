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
#include <QList>
#include <QSignalSpy>

namespace cis::reliability {

// The id of the index-th door (from 0) in settingsFor() and demoCredentials(): "door", "door2"...
inline QString doorId(int index)
{
    return index == 0 ? QStringLiteral("door") : QStringLiteral("door%1").arg(index + 1);
}

// These doors ("door", "door2"...; the first named "Front door"), the demo account, no pause
// between write retries.
inline AppSettings settingsFor(const sim::CardskipperSimulator &cardskipper,
                               const QList<const sim::IsapiSimulator *> &doors)
{
    AppSettings settings;
    settings.cardskipper.url = cardskipper.baseUrl();
    settings.cardskipper.username = QStringLiteral("demo");
    settings.cardskipper.organisationId = sim::DemoData::kOrganisationId;
    for (int index = 0; index < doors.size(); ++index) {
        DeviceSettings device;
        device.id = doorId(index);
        device.name =
            index == 0 ? QStringLiteral("Front door") : QStringLiteral("Door %1").arg(index + 1);
        device.url = doors.at(index)->baseUrl();
        settings.devices.append(device);
    }
    settings.sync.retryBackoffMs = 0;
    return settings;
}

// One door ("door", "Front door"), the demo account, no pause between write retries.
inline AppSettings settingsFor(const sim::CardskipperSimulator &cardskipper,
                               const sim::IsapiSimulator &door)
{
    return settingsFor(cardskipper, QList<const sim::IsapiSimulator *>{&door});
}

// One password for the first `doors` doors (doorId()).
inline SyncEngine::Credentials
demoCredentials(const QString &devicePassword = sim::IsapiSimulator::defaultPassword(),
                int doors = 1)
{
    SyncEngine::Credentials credentials;
    credentials.cardskipperPassword = QStringLiteral("demo");
    for (int index = 0; index < doors; ++index)
        credentials.devicePasswords.insert(doorId(index), devicePassword);
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

// club.ini in folder for the command line, with these doors ("front", "door2"...; the command
// line reads one password, IVMS_PASSWORD, for all of them); returns its path.
inline QString writeClubIni(const QString &folder, const sim::CardskipperSimulator &cardskipper,
                            const QList<const sim::IsapiSimulator *> &doors)
{
    const QString path = folder + QStringLiteral("/club.ini");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QString devices = QStringLiteral("[devices]\nsize=%1\n").arg(doors.size());
    for (int index = 0; index < doors.size(); ++index) {
        const int number = index + 1;
        devices += QStringLiteral("%1\\id=%2\n%1\\name=%3\n%1\\url=%4\n%1\\username=admin\n")
                       .arg(number)
                       .arg(index == 0 ? QStringLiteral("front") : doorId(index),
                            index == 0 ? QStringLiteral("Front door")
                                       : QStringLiteral("Door %1").arg(number),
                            doors.at(index)->baseUrl().toString());
    }
    file.write(QStringLiteral("[cardskipper]\nurl=%1\nusername=demo\norganisation_id=%2\n")
                   .arg(cardskipper.baseUrl().toString())
                   .arg(sim::DemoData::kOrganisationId)
                   .toUtf8() +
               devices.toUtf8() + "[sync]\ndatabase=club.sqlite\nretry_backoff_ms=0\n");
    return path;
}

// club.ini in folder for the command line, one door ("front"); returns its path.
inline QString writeClubIni(const QString &folder, const sim::CardskipperSimulator &cardskipper,
                            const sim::IsapiSimulator &door)
{
    return writeClubIni(folder, cardskipper, QList<const sim::IsapiSimulator *>{&door});
}

// A device time as the terminal shows it, to compare without time-zone surprises.
inline QString timeText(const QDateTime &time)
{
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

// What a person looks like to anyone who did not create it: every field we could touch.
inline QString fingerprint(const sim::DevicePerson &person)
{
    return QStringList{person.employeeNo,
                       person.name,
                       person.userType,
                       person.validEnabled ? QStringLiteral("on") : QStringLiteral("off"),
                       timeText(person.beginTime),
                       timeText(person.endTime),
                       person.belongGroup,
                       person.doorRight,
                       person.gender,
                       QString::number(person.numOfFace),
                       QString::number(person.numOfFP)}
        .join(QLatin1Char('|'));
}

} // namespace cis::reliability
