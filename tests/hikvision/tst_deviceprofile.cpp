// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DeviceProfile.h"
#include "IsapiParsers.h"

#include <QFile>
#include <QTest>

using namespace cis;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(CIS_FIXTURES_DIR "/hikvision/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

DeviceInfo device(const QString &model, const QString &firmware)
{
    DeviceInfo info;
    info.model = model;
    info.firmwareVersion = firmware;
    return info;
}

// The safe default the issue asks for.
void verifySafeDefault(const DeviceProfile &profile)
{
    QVERIFY(profile.sendUserType);
    QCOMPARE(profile.userType, QStringLiteral("normal"));
    QVERIFY(profile.sendTimeType);
    QCOMPARE(profile.timeType, QStringLiteral("local"));
    QVERIFY(profile.sendDoorRight);
    QCOMPARE(profile.doorRight, QStringLiteral("1"));
    QVERIFY(profile.sendRightPlan);
    QCOMPARE(profile.rightPlanDoorNo, 1);
    QCOMPARE(profile.rightPlanTemplateNo, QStringLiteral("1"));
}

} // namespace

class TestDeviceProfile : public QObject
{
    Q_OBJECT

private slots:
    void genericIsTheSafeDefault() { verifySafeDefault(genericDeviceProfile()); }

    void tableHasTheKnownModels()
    {
        QStringList ids;
        for (const DeviceProfile &profile : knownDeviceProfiles())
            ids << profile.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("ds-k1t341am"), QStringLiteral("ds-k1a340fwx"),
                                   QStringLiteral("generic")}));
    }

    void selectionFromRealDocuments_data()
    {
        QTest::addColumn<QByteArray>("deviceInfo");
        QTest::addColumn<QByteArray>("capabilities");
        QTest::addColumn<QString>("id");
        QTest::newRow("DS-K1T341AM")
            << fixture("deviceinfo-ds-k1t341am.xml") << fixture("capabilities-timeclock.json")
            << QStringLiteral("ds-k1t341am");
        QTest::newRow("DS-K1A340FWX")
            << fixture("deviceinfo-ds-k1a340fwx.xml") << fixture("capabilities-ds-k1a340fwx.json")
            << QStringLiteral("ds-k1a340fwx");
    }

    void selectionFromRealDocuments()
    {
        QFETCH(QByteArray, deviceInfo);
        QFETCH(QByteArray, capabilities);
        QFETCH(QString, id);
        const auto info = isapi::parseDeviceInfo(deviceInfo);
        const auto caps = isapi::parseUserCapabilities(capabilities);
        QVERIFY(info);
        QVERIFY(caps);
        const DeviceProfile profile = selectDeviceProfile(info.value(), caps.value());
        QCOMPARE(profile.id, id);
        verifySafeDefault(profile);
        QVERIFY(profile.adjustments.isEmpty());
    }

    void modelVariantsAndUnknownModels()
    {
        QCOMPARE(selectDeviceProfile(device(QStringLiteral("ds-k1t341amf"), {}), {}).id,
                 QStringLiteral("ds-k1t341am"));
        const DeviceProfile unknown =
            selectDeviceProfile(device(QStringLiteral("DS-K1T671M"), QStringLiteral("V3.4")), {});
        QCOMPARE(unknown.id, QStringLiteral("generic"));
        verifySafeDefault(unknown);
        QCOMPARE(selectDeviceProfile(DeviceInfo(), {}).id, QStringLiteral("generic"));
    }

    void utcOnlyTerminal()
    {
        UserCapabilities caps;
        caps.timeTypeOptions = {QStringLiteral("UTC")};
        const DeviceProfile profile = selectDeviceProfile(device(QStringLiteral("X"), {}), caps);
        QCOMPARE(profile.timeType, QStringLiteral("UTC"));
        QVERIFY(profile.usesUtcTimes());
        QCOMPARE(profile.adjustments.size(), 1);
    }

    void unknownTimeTypesLeaveItOut()
    {
        UserCapabilities caps;
        caps.timeTypeOptions = {QStringLiteral("something")};
        QVERIFY(!selectDeviceProfile(device(QStringLiteral("X"), {}), caps).sendTimeType);
    }

    void userTypeWithoutNormal()
    {
        UserCapabilities caps;
        caps.userTypeOptions = {QStringLiteral("resident"), QStringLiteral("visitor")};
        const DeviceProfile profile = selectDeviceProfile(device(QStringLiteral("X"), {}), caps);
        QCOMPARE(profile.userType, QStringLiteral("resident"));
        QCOMPARE(profile.adjustments.size(), 1);
    }

    void noRoomForDoorsOrPlans()
    {
        UserCapabilities caps;
        caps.rightPlanMaxSize = 0;
        caps.doorRightMax = 0;
        const DeviceProfile profile = selectDeviceProfile(device(QStringLiteral("X"), {}), caps);
        QVERIFY(!profile.sendRightPlan);
        QVERIFY(!profile.sendDoorRight);
    }

    void splitNamesWhenOffered()
    {
        UserCapabilities caps;
        caps.hasGivenName = true;
        caps.hasFamilyName = true;
        QVERIFY(selectDeviceProfile(device(QStringLiteral("DS-K1T341AM"), {}), caps)
                    .sendGivenAndFamilyName);
        QVERIFY(!selectDeviceProfile(device(QStringLiteral("DS-K1T341AM"), {}), {})
                     .sendGivenAndFamilyName);
    }

    void firmwareComparison()
    {
        QVERIFY(compareFirmwareVersions(QStringLiteral("V3.2.30"), QStringLiteral("V3.10.0")) < 0);
        QVERIFY(compareFirmwareVersions(QStringLiteral("V1.2.7"), QStringLiteral("V1.2.7")) == 0);
        QVERIFY(compareFirmwareVersions(QStringLiteral("V4.0"), QStringLiteral("V3.99.99")) > 0);
        QVERIFY(compareFirmwareVersions(QStringLiteral("V1.2"), QStringLiteral("V1.2.0")) == 0);
    }
};

QTEST_GUILESS_MAIN(TestDeviceProfile)
#include "tst_deviceprofile.moc"
