// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DeviceProfile.h"

#include <QRegularExpression>

namespace cis {

namespace {

// One row per known model family. A row applies when the model starts with modelPrefix
// (case-insensitive) and the firmware is at least minFirmware; the first applicable row wins,
// so more specific rows go first. Rows hold data only; the capabilities adjust the result.
struct ProfileRow
{
    const char *id;
    const char *modelPrefix; // nullptr: any model
    const char *minFirmware; // nullptr: any firmware
    const char *description;
    bool sendUserType;
    bool sendTimeType;
    bool sendDoorRight;
    bool sendRightPlan;
    bool sendGivenAndFamilyName;
    const char *planTemplateNo;
};

constexpr ProfileRow kProfiles[] = {
    // Face terminal, firmware V3.2.30 seen (S1 covers it; S4 and S5 wrote to this family).
    // Read-backs always hold doorRight "1" and RightPlan [{1,"1"}]; without timeType the
    // family has been seen to treat the window as UTC.
    {"ds-k1t341am", "DS-K1T341AM", nullptr,
     "DS-K1T341AM face terminal: full record with door right, plan template 1 and local times",
     true, true, true, true, false, "1"},
    // Time-and-attendance terminal, firmware V1.2.7 (S2 captures). Its capabilities allow one
    // door and one plan (doorRight 1..1, RightPlan maxSize 1) and both local and UTC times.
    {"ds-k1a340fwx", "DS-K1A340FWX", nullptr,
     "DS-K1A340FWX attendance terminal: full record, one door, local times", true, true, true, true,
     false, "1"},
    {"generic", nullptr, nullptr,
     "Unknown terminal: full record with every field that any known model requires", true, true,
     true, true, false, "1"},
};

bool rowApplies(const ProfileRow &row, const DeviceInfo &info)
{
    if (row.modelPrefix &&
        !info.model.trimmed().startsWith(QLatin1String(row.modelPrefix), Qt::CaseInsensitive))
        return false;
    if (row.minFirmware &&
        compareFirmwareVersions(info.firmwareVersion, QLatin1String(row.minFirmware)) < 0)
        return false;
    return true;
}

DeviceProfile fromRow(const ProfileRow &row)
{
    DeviceProfile profile;
    profile.id = QLatin1String(row.id);
    profile.description = QLatin1String(row.description);
    profile.sendUserType = row.sendUserType;
    profile.sendTimeType = row.sendTimeType;
    profile.sendDoorRight = row.sendDoorRight;
    profile.sendRightPlan = row.sendRightPlan;
    profile.sendGivenAndFamilyName = row.sendGivenAndFamilyName;
    profile.rightPlanTemplateNo = QLatin1String(row.planTemplateNo);
    return profile;
}

QList<int> versionNumbers(const QString &version)
{
    static const QRegularExpression number(QStringLiteral("\\d+"));
    QList<int> numbers;
    auto it = number.globalMatch(version);
    while (it.hasNext())
        numbers.append(it.next().captured().toInt());
    return numbers;
}

} // namespace

int compareFirmwareVersions(const QString &a, const QString &b)
{
    const QList<int> left = versionNumbers(a);
    const QList<int> right = versionNumbers(b);
    for (qsizetype i = 0; i < qMax(left.size(), right.size()); ++i) {
        const int l = i < left.size() ? left.at(i) : 0;
        const int r = i < right.size() ? right.at(i) : 0;
        if (l != r)
            return l < r ? -1 : 1;
    }
    return 0;
}

DeviceProfile genericDeviceProfile()
{
    return fromRow(kProfiles[std::size(kProfiles) - 1]);
}

QList<DeviceProfile> knownDeviceProfiles()
{
    QList<DeviceProfile> profiles;
    for (const ProfileRow &row : kProfiles)
        profiles.append(fromRow(row));
    return profiles;
}

DeviceProfile selectDeviceProfile(const DeviceInfo &info, const UserCapabilities &capabilities)
{
    DeviceProfile profile = genericDeviceProfile();
    for (const ProfileRow &row : kProfiles) {
        if (rowApplies(row, info)) {
            profile = fromRow(row);
            break;
        }
    }

    const QStringList &userTypes = capabilities.userTypeOptions;
    if (profile.sendUserType && !userTypes.isEmpty() &&
        !userTypes.contains(profile.userType, Qt::CaseInsensitive)) {
        // "normal" is the only type that grants plain access; any other offered type would
        // mean visitor or block-list semantics, so take the first and say so.
        profile.adjustments << QStringLiteral("userType %1 not offered; using %2")
                                   .arg(profile.userType, userTypes.first());
        profile.userType = userTypes.first();
    }

    const QStringList &timeTypes = capabilities.timeTypeOptions;
    if (profile.sendTimeType && !timeTypes.isEmpty() &&
        !timeTypes.contains(profile.timeType, Qt::CaseInsensitive)) {
        if (timeTypes.contains(QStringLiteral("UTC"), Qt::CaseInsensitive)) {
            profile.adjustments << QStringLiteral("timeType local not offered; sending UTC "
                                                  "times with offset");
            profile.timeType = QStringLiteral("UTC");
        } else {
            profile.adjustments << QStringLiteral("timeType not offered as local or UTC (%1); "
                                                  "leaving it out")
                                       .arg(timeTypes.join(QLatin1Char(',')));
            profile.sendTimeType = false;
        }
    }

    if (profile.sendRightPlan && capabilities.rightPlanMaxSize == 0) {
        profile.adjustments << QStringLiteral("RightPlan maxSize 0; leaving it out");
        profile.sendRightPlan = false;
    }
    if (profile.sendDoorRight && capabilities.doorRightMax == 0) {
        profile.adjustments << QStringLiteral("doorRight @max 0; leaving it out");
        profile.sendDoorRight = false;
    }
    if (!profile.sendGivenAndFamilyName && capabilities.hasGivenName &&
        capabilities.hasFamilyName) {
        profile.adjustments << QStringLiteral("givenName/familyName offered; sending them");
        profile.sendGivenAndFamilyName = true;
    }
    return profile;
}

} // namespace cis
