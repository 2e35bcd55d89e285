// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SyncTypes.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cis {

// What happened to one device in one run.
struct DeviceOutcome
{
    enum class Status
    {
        Synced,       // every planned write done (or none needed)
        Previewed,    // planned only
        Held,         // the guard held the plan back
        PartlyFailed, // some writes failed
        Failed,       // could not read or write the device
        AuthFailed,   // wrong password or locked: not contacted again until settings change
        Skipped,      // disabled, or the run stopped before it
    };

    QString deviceId;
    QString deviceName;
    Status status = Status::Skipped;
    QString message; // one sentence naming the device when something went wrong
    Plan plan;
    int written = 0;
    int failed = 0;
    int requests = 0;
};

QString deviceStatusToString(DeviceOutcome::Status status);

// The structured result of a run, for the log panel, the CLI's summary and --report FILE.
struct RunReport
{
    RunRecord run;
    QString cardskipperError; // non-empty: members could not be fetched, no device touched
    bool membersHeld = false; // the member list looked like an accident (guard)
    QStringList guardReasons;
    QList<DeviceOutcome> devices;
    QList<OperationRecord> operations;
    QMap<QString, int> requestsByEndpoint; // "POST /Member/Export" -> 1
    qint64 fetchMs = 0;
    qint64 planMs = 0;
    qint64 applyMs = 0;
    qint64 databaseMs = 0;

    // 0 done, 1 some operations failed, 3 cannot connect or authenticate, 4 the guard held.
    int exitCode() const;
    int totalRequests() const;
    int deviceRequests() const;
    QJsonObject toJson() const;
};

QJsonObject personToJson(const Person &person);

} // namespace cis

Q_DECLARE_METATYPE(cis::RunReport)
