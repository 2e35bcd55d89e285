// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "IsapiTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cis {

// Which fields a terminal model needs in a person record and which values to use for the
// fields the product does not manage. Chosen from deviceInfo (model, firmware) and then
// adjusted to what the terminal's capabilities offer.
struct DeviceProfile
{
    QString id; // "ds-k1t341am", "ds-k1a340fwx", "generic"
    QString description;

    bool sendUserType = true;
    QString userType = QStringLiteral("normal");
    // Always sent unless the terminal offers no "local": without it one firmware took the
    // window for UTC and denied access (docs/hikvision-isapi.md §3.4).
    bool sendTimeType = true;
    QString timeType = QStringLiteral("local");
    bool sendDoorRight = true;
    QString doorRight = QStringLiteral("1");
    bool sendRightPlan = true;
    int rightPlanDoorNo = 1;
    QString rightPlanTemplateNo = QStringLiteral("1");
    // Newer firmware stores givenName/familyName next to name.
    bool sendGivenAndFamilyName = false;

    // What selection changed because of the capabilities, for the log.
    QStringList adjustments;

    bool usesUtcTimes() const
    {
        return sendTimeType && timeType.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0;
    }
};

// The safe default: userType normal, Valid with timeType local, doorRight "1",
// RightPlan [{doorNo 1, planTemplateNo "1"}].
DeviceProfile genericDeviceProfile();

// Every profile in the table, generic last.
QList<DeviceProfile> knownDeviceProfiles();

// The table row for the model and firmware (generic when none matches), adjusted to the
// capabilities: a userType or timeType the terminal does not offer is replaced, RightPlan and
// doorRight are left out where the terminal allows none, and givenName/familyName are sent
// where the terminal has them.
DeviceProfile selectDeviceProfile(const DeviceInfo &info, const UserCapabilities &capabilities);

// Compares "V3.2.30" with "V3.10.0" number by number; <0, 0, >0.
int compareFirmwareVersions(const QString &a, const QString &b);

} // namespace cis
