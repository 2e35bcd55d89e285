// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DeviceProfiles.h"

#include "IsapiProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <functional>

namespace cis::sim {

namespace {

QJsonObject parsed(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "DeviceProfiles",
               qPrintable(error.errorString()));
    return document.object();
}

// The DS-K1A340FWX capture (hikvision-isapi.md §2.3, S2), value for value.
const char *const kDsK1a340fwxUserInfoCapabilities = R"({
  "UserInfo": {
    "supportFunction": { "@opt": "post,delete,put,get,setUp" },
    "UserInfoSearchCond": {
      "maxResults": { "@min": 1, "@max": 30 },
      "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } },
      "fuzzySearch": { "@min": 0, "@max": 32 },
      "isSupportNumOfFace": 0, "isSupportNumOfFP": 0, "isSupportNumOfCard": 0
    },
    "UserInfoDelCond": { "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } } },
    "employeeNo": { "@min": 1, "@max": 32 },
    "name": { "@min": 0, "@max": 128 },
    "userType": { "@opt": "normal" },
    "closeDelayEnabled": "true,false",
    "Valid": {
      "enable": "true,false",
      "beginTime": { "@min": 1, "@max": 32 },
      "endTime": { "@min": 1, "@max": 32 },
      "timeRangeBegin": "2000-01-01T00:00:00",
      "timeRangeEnd": "2037-12-31T23:59:59",
      "timeType": { "@opt": "local,UTC" }
    },
    "maxBelongGroup": 4,
    "belongGroup": { "@min": 1, "@max": 32 },
    "password": { "@min": 1, "@max": 8 },
    "doorRight": { "@min": 1, "@max": 1 },
    "RightPlan": { "maxSize": 1, "doorNo": { "@min": 1, "@max": 1 }, "maxPlanTemplate": 4,
                   "planTemplateNo": { "@min": 1, "@max": 255 } },
    "maxOpenDoorTime": { "@min": 0, "@max": 255 },
    "openDoorTime": { "@min": 0, "@max": 255 },
    "roomNumber": { "@min": 0, "@max": 99 },
    "floorNumber": { "@min": 0, "@max": 99 },
    "localUIRight": "true,false",
    "userVerifyMode": { "@opt": "faceOrFpOrCardOrPw,face,fp,fpOrface,faceAndFp,faceOrPw,faceAndPw,fpAndPw,faceAndPwAndFp" },
    "maxRecordNum": 1500,
    "gender": { "@opt": "male,female,unknown" },
    "purePwdVerifyEnable": true
  }
})";

// The S3 time clock: the DS-K1A340FWX document with the differences §2.3 lists.
const char *const kS3TimeclockUserInfoCapabilities = R"({
  "UserInfo": {
    "supportFunction": { "@opt": "post,delete,put,get,setUp" },
    "UserInfoSearchCond": {
      "maxResults": { "@min": 1, "@max": 30 },
      "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } },
      "fuzzySearch": { "@min": 0, "@max": 128 },
      "isSupportNumOfFace": true, "isSupportNumOfFP": true, "isSupportNumOfCard": true,
      "hasFace": { "@opt": [true, false] },
      "hasCard": { "@opt": [true, false] },
      "hasFingerprint": { "@opt": [true, false] }
    },
    "UserInfoDelCond": { "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } } },
    "employeeNo": { "@min": 1, "@max": 32 },
    "name": { "@min": 0, "@max": 128 },
    "userType": { "@opt": "normal,visitor,blackList" },
    "closeDelayEnabled": "true,false",
    "Valid": {
      "enable": "true,false",
      "beginTime": { "@min": 1, "@max": 32 },
      "endTime": { "@min": 1, "@max": 32 },
      "timeRangeBegin": "2000-01-01T00:00:00",
      "timeRangeEnd": "2037-12-31T23:59:59",
      "timeType": { "@opt": "local" }
    },
    "maxBelongGroup": 4,
    "belongGroup": { "@min": 1, "@max": 32 },
    "password": { "@min": 0, "@max": 8 },
    "doorRight": { "@min": 1, "@max": 1 },
    "RightPlan": { "maxSize": 1, "doorNo": { "@min": 1, "@max": 1 }, "maxPlanTemplate": 4,
                   "planTemplateNo": { "@min": 1, "@max": 255 } },
    "maxOpenDoorTime": { "@min": 0, "@max": 255 },
    "openDoorTime": { "@min": 0, "@max": 255 },
    "roomNumber": { "@min": 0, "@max": 99 },
    "floorNumber": { "@min": 0, "@max": 99 },
    "localUIRight": "true,false",
    "userVerifyMode": { "@opt": "faceOrFpOrCardOrPw,face,fp,fpOrface,faceAndFp,faceOrPw,faceAndPw,fpAndPw,faceAndPwAndFp" },
    "maxRecordNum": 3000,
    "gender": { "@opt": "male,female,unknown" },
    "purePwdVerifyEnable": true,
    "PersonInfoExtends": { "maxSize": 1, "value": { "@min": 0, "@max": 64 } }
  }
})";

// NOT a capture: the DS-K1A340FWX shape with values plausible for a DS-K1T341AM (a face and
// card terminal without a fingerprint reader).
const char *const kDsK1t341amUserInfoCapabilities = R"({
  "UserInfo": {
    "supportFunction": { "@opt": "post,delete,put,get,setUp" },
    "UserInfoSearchCond": {
      "maxResults": { "@min": 1, "@max": 30 },
      "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } },
      "fuzzySearch": { "@min": 0, "@max": 32 },
      "isSupportNumOfFace": 1, "isSupportNumOfFP": 0, "isSupportNumOfCard": 1
    },
    "UserInfoDelCond": { "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } } },
    "employeeNo": { "@min": 1, "@max": 32 },
    "name": { "@min": 0, "@max": 128 },
    "userType": { "@opt": "normal,visitor,blackList" },
    "closeDelayEnabled": "true,false",
    "Valid": {
      "enable": "true,false",
      "beginTime": { "@min": 1, "@max": 32 },
      "endTime": { "@min": 1, "@max": 32 },
      "timeRangeBegin": "2000-01-01T00:00:00",
      "timeRangeEnd": "2037-12-31T23:59:59",
      "timeType": { "@opt": "local,UTC" }
    },
    "maxBelongGroup": 4,
    "belongGroup": { "@min": 1, "@max": 32 },
    "password": { "@min": 1, "@max": 8 },
    "doorRight": { "@min": 1, "@max": 1 },
    "RightPlan": { "maxSize": 1, "doorNo": { "@min": 1, "@max": 1 }, "maxPlanTemplate": 4,
                   "planTemplateNo": { "@min": 1, "@max": 255 } },
    "maxOpenDoorTime": { "@min": 0, "@max": 255 },
    "openDoorTime": { "@min": 0, "@max": 255 },
    "roomNumber": { "@min": 0, "@max": 99 },
    "floorNumber": { "@min": 0, "@max": 99 },
    "localUIRight": "true,false",
    "userVerifyMode": { "@opt": "faceOrFpOrCardOrPw,card,face,cardOrFace,faceAndCard,faceOrPw,faceAndPw,cardAndPw" },
    "maxRecordNum": 1500,
    "gender": { "@opt": "male,female,unknown" },
    "purePwdVerifyEnable": true
  }
})";

// Invented for every profile: no card capability document was captured.
const char *const kCardInfoCapabilities = R"({
  "CardInfo": {
    "supportFunction": { "@opt": "post,delete,put,get,setUp" },
    "CardInfoSearchCond": {
      "maxResults": { "@min": 1, "@max": 30 },
      "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } },
      "CardNoList": { "maxSize": 30, "cardNo": { "@min": 1, "@max": 32 } }
    },
    "CardInfoDelCond": {
      "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } },
      "CardNoList": { "maxSize": 30, "cardNo": { "@min": 1, "@max": 32 } }
    },
    "employeeNo": { "@min": 1, "@max": 32 },
    "cardNo": { "@min": 1, "@max": 32 },
    "cardType": { "@opt": "normalCard,patrolCard,hijackCard,superCard,dismissingCard,emergencyCard" },
    "maxCardNum": 3000
  }
})";

// S1 §6.1.61, with the list size the terminals report for UserInfoDelCond.
const char *const kUserInfoDetailDeleteCapabilities = R"({
  "UserInfoDetail": {
    "mode": { "@opt": "all,byEmployeeNo" },
    "EmployeeNoList": { "maxSize": 30, "employeeNo": { "@min": 1, "@max": 32 } }
  }
})";

QByteArray accessControlCapabilities(bool cardInfo, bool employeeNoInfo,
                                     const DeviceProfile &profile)
{
    const auto flag = [](const char *name, bool value) -> QByteArray {
        return QByteArray("<") + name + '>' + (value ? "true" : "false") + "</" + name + ">\n";
    };
    // The root element's name is not in the document [U]; S1 calls the schema
    // XML_Cap_AccessControl.
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AccessControl version=\"2.0\" "
                     "xmlns=\"" +
                     kIsapiXmlNamespace.toUtf8() + "\">\n";
    xml += flag("isSupportUserInfo", true);
    xml += flag("isSupportCardInfo", cardInfo);
    xml += flag("isSupportUserInfoDetailDelete", true);
    xml += flag("isSupportAcsEvent", true);
    xml += flag("isSupportAcsEventTotalNum", true);
    xml += flag("isSupportCaptureCardInfo", profile.captureCardInfo);
    xml += flag("isSupportCaptureFace", profile.captureFace);
    // The S3 device reports isSupportFDLib; the DS-K1A340FWX capture has no such element.
    if (profile.faceLibrary)
        xml += flag("isSupportFDLib", true);
    if (employeeNoInfo) {
        xml += "<EmployeeNoInfo>\n<employeeNo min=\"1\" max=\"32\"></employeeNo>\n"
               "<characterType opt=\"any\"></characterType>\n</EmployeeNoInfo>\n";
    }
    return xml + "</AccessControl>\n";
}

using Info = QList<std::pair<QString, QString>>;

std::pair<QString, QString> info(const char *element, const char *value)
{
    return {QLatin1String(element), QString::fromUtf8(value)};
}

DeviceProfile dsK1t341am()
{
    DeviceProfile profile;
    profile.name = QStringLiteral("DS-K1T341AM");
    profile.summary = QStringLiteral("face and card terminal, firmware V3.2.30 (deviceInfo from a "
                                     "real unit, capabilities plausible)");
    profile.realm = QStringLiteral("DS-K1T341AM");
    // S14, with the elements it shares with the DS-K1A340FWX at that unit's factory values;
    // serialNumber and macAddress are invented.
    profile.deviceInfo = Info{
        info("deviceName", "Access Controller"),
        info("deviceID", "255"),
        info("deviceDescription", "ACS"),
        info("deviceLocation", "hangzhou"),
        info("systemContact", "Hikvision.China"),
        info("model", "DS-K1T341AM"),
        info("serialNumber", "DS-K1T341AM20220210V030230ENQ00000001"),
        info("macAddress", "02:00:5e:34:1a:01"),
        info("firmwareVersion", "V3.2.30"),
        info("firmwareReleasedDate", "build 220210"),
        info("encoderVersion", "V1.0"),
        info("encoderReleasedDate", "build 191119"),
        info("deviceType", "ACS"),
        info("telecontrolID", "255"),
        info("localZoneNum", "0"),
        info("alarmOutNum", "0"),
        info("electroLockNum", "1"),
        info("RS485Num", "1"),
        info("manufacturer", "hikvision"),
        info("OEMCode", "1"),
        info("marketType", "2"),
    };
    profile.captureCardInfo = true;
    profile.captureFace = true;
    profile.faceLibrary = true;
    profile.accessControlCapabilities = accessControlCapabilities(true, false, profile);
    profile.userInfoCapabilities = parsed(kDsK1t341amUserInfoCapabilities);
    profile.cardInfoCapabilities = parsed(kCardInfoCapabilities);
    profile.userInfoDetailDeleteCapabilities = parsed(kUserInfoDetailDeleteCapabilities);
    return profile;
}

DeviceProfile dsK1a340fwx()
{
    DeviceProfile profile;
    profile.name = QStringLiteral("DS-K1A340FWX");
    profile.summary =
        QStringLiteral("time and attendance terminal, firmware V1.2.7 (a real unit's capture)");
    profile.realm = QStringLiteral("DS-K1A340FWX");
    profile.deviceInfo = Info{
        info("deviceName", "Time and Attendance Terminal"),
        info("deviceID", "255"),
        info("deviceDescription", "ACS"),
        info("deviceLocation", "hangzhou"),
        info("systemContact", "Hikvision.China"),
        info("model", "DS-K1A340FWX"),
        info("serialNumber", "DS-K1A340FWX20240102V010207ENJ59360966"),
        info("macAddress", "40:24:b2:e7:46:04"),
        info("firmwareVersion", "V1.2.7"),
        info("firmwareReleasedDate", "build 240102"),
        info("bootVersion", "16908295"),
        info("bootReleasedDate", ""),
        info("hardwareVersion", "0x10000"),
        info("deviceType", "ACS"),
        info("telecontrolID", "255"),
        info("supportBeep", "false"),
        info("supportVideoLoss", "true"),
        info("alarmOutNum", "0"),
        info("RS485Num", "0"),
        info("bspVersion", "1.1.1.654629 build 2023-12-29,13:56:15"),
        info("dspVersion", "1.1.0.569665 build 2023-05-31,13:45:23"),
        info("OEMCode", "1"),
        info("customizedInfo", ""),
        info("marketType", "1"),
    };
    profile.captureFace = true;
    profile.accessControlCapabilities = accessControlCapabilities(false, false, profile);
    profile.userInfoCapabilities = parsed(kDsK1a340fwxUserInfoCapabilities);
    profile.cardInfoCapabilities = parsed(kCardInfoCapabilities);
    profile.userInfoDetailDeleteCapabilities = parsed(kUserInfoDetailDeleteCapabilities);
    profile.extraPersonFields =
        QJsonObject{{QStringLiteral("groupId"), 1}, {QStringLiteral("localAtndPlanTemplateId"), 0}};
    return profile;
}

DeviceProfile s3Timeclock()
{
    DeviceProfile profile;
    profile.name = QStringLiteral("S3-timeclock");
    profile.summary = QStringLiteral("fingerprint and face time clock of an unstated model "
                                     "(capabilities from a capture, deviceInfo invented)");
    profile.realm = QStringLiteral("S3-timeclock");
    profile.deviceInfo = Info{
        info("deviceName", "Time and Attendance Terminal"),
        info("deviceID", "255"),
        info("deviceDescription", "ACS"),
        info("deviceLocation", "hangzhou"),
        info("systemContact", "Hikvision.China"),
        info("model", "S3-timeclock"),
        info("serialNumber", "S3-timeclock20230101V010000ENQ00000003"),
        info("macAddress", "02:00:5e:00:00:03"),
        info("firmwareVersion", "V1.0.0"),
        info("firmwareReleasedDate", "build 230101"),
        info("deviceType", "ACS"),
        info("telecontrolID", "255"),
        info("alarmOutNum", "0"),
        info("RS485Num", "0"),
        info("OEMCode", "1"),
        info("marketType", "1"),
    };
    profile.captureCardInfo = true;
    profile.captureFace = true;
    profile.faceLibrary = true;
    profile.accessControlCapabilities = accessControlCapabilities(true, true, profile);
    profile.userInfoCapabilities = parsed(kS3TimeclockUserInfoCapabilities);
    profile.cardInfoCapabilities = parsed(kCardInfoCapabilities);
    profile.userInfoDetailDeleteCapabilities = parsed(kUserInfoDetailDeleteCapabilities);
    profile.countsBoundUsers = true;
    profile.faceUrls = true;
    return profile;
}

DeviceProfile dsK1t341amStrict()
{
    DeviceProfile profile = dsK1t341am();
    profile.name = QStringLiteral("DS-K1T341AM-strict");
    profile.summary = QStringLiteral("the DS-K1T341AM with the strict rules reported for some "
                                     "models: RightPlan, doorRight and givenName/familyName "
                                     "required (not a capture)");
    profile.recordRequiresRightPlan = true;
    profile.recordRequiresDoorRight = true;
    profile.splitNames = true;
    profile.strictCardNo = true;
    profile.setCapability({QStringLiteral("givenName")},
                          QJsonObject{{QStringLiteral("@min"), 1}, {QStringLiteral("@max"), 64}});
    profile.setCapability({QStringLiteral("familyName")},
                          QJsonObject{{QStringLiteral("@min"), 1}, {QStringLiteral("@max"), 64}});
    return profile;
}

IntRange rangeOf(const QJsonValue &value, IntRange fallback)
{
    const QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("@min")))
        fallback.min = object.value(QLatin1String("@min")).toInt();
    if (object.contains(QLatin1String("@max")))
        fallback.max = object.value(QLatin1String("@max")).toInt();
    return fallback;
}

QStringList optionsOf(const QJsonValue &value, const QStringList &fallback)
{
    const QJsonValue opt = value.toObject().value(QLatin1String("@opt"));
    return opt.isString() ? opt.toString().split(u',', Qt::SkipEmptyParts) : fallback;
}

QDateTime naiveTime(const QJsonValue &value, const QDateTime &fallback)
{
    QDateTime parsedTime = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!parsedTime.isValid())
        return fallback;
    return QDateTime(parsedTime.date(), parsedTime.time(), Qt::UTC);
}

} // namespace

DeviceLimits DeviceLimits::fromCapabilities(const QJsonObject &capabilities)
{
    const QJsonObject root = capabilities.value(QLatin1String("UserInfo")).toObject();
    const auto object = [&root](const char *key) {
        return root.value(QLatin1String(key)).toObject();
    };
    const QJsonObject search = object("UserInfoSearchCond");
    const QJsonObject deletion = object("UserInfoDelCond");
    const QJsonObject valid = object("Valid");
    const QJsonObject rightPlan = object("RightPlan");

    DeviceLimits limits;
    limits.maxResults = rangeOf(search.value(QLatin1String("maxResults")), {1, 30}).max;
    limits.searchEmployeeNoListMaxSize = search.value(QLatin1String("EmployeeNoList"))
                                             .toObject()
                                             .value(QLatin1String("maxSize"))
                                             .toInt(30);
    limits.deleteEmployeeNoListMaxSize = deletion.value(QLatin1String("EmployeeNoList"))
                                             .toObject()
                                             .value(QLatin1String("maxSize"))
                                             .toInt(30);
    limits.employeeNo = rangeOf(root.value(QLatin1String("employeeNo")), limits.employeeNo);
    limits.name = rangeOf(root.value(QLatin1String("name")), limits.name);
    limits.givenName = rangeOf(root.value(QLatin1String("givenName")), limits.name);
    limits.familyName = rangeOf(root.value(QLatin1String("familyName")), limits.name);
    limits.fuzzySearch = rangeOf(search.value(QLatin1String("fuzzySearch")), limits.fuzzySearch);
    limits.userTypes = optionsOf(
        root.value(QLatin1String("userType")),
        {QStringLiteral("normal"), QStringLiteral("visitor"), QStringLiteral("blackList")});
    limits.timeRangeBegin = naiveTime(valid.value(QLatin1String("timeRangeBegin")),
                                      QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC));
    limits.timeRangeEnd = naiveTime(valid.value(QLatin1String("timeRangeEnd")),
                                    QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59), Qt::UTC));
    limits.timeTypes = optionsOf(valid.value(QLatin1String("timeType")),
                                 {QStringLiteral("local"), QStringLiteral("UTC")});
    limits.maxRecordNum = root.value(QLatin1String("maxRecordNum")).toInt(limits.maxRecordNum);
    limits.password = rangeOf(root.value(QLatin1String("password")), limits.password);
    limits.maxBelongGroup =
        root.value(QLatin1String("maxBelongGroup")).toInt(limits.maxBelongGroup);
    limits.doorRight = rangeOf(root.value(QLatin1String("doorRight")), limits.doorRight);
    limits.rightPlanMaxSize =
        rightPlan.value(QLatin1String("maxSize")).toInt(limits.rightPlanMaxSize);
    limits.doorNo = rangeOf(rightPlan.value(QLatin1String("doorNo")), limits.doorNo);
    limits.planTemplateNo =
        rangeOf(rightPlan.value(QLatin1String("planTemplateNo")), limits.planTemplateNo);
    limits.maxOpenDoorTime =
        rangeOf(root.value(QLatin1String("maxOpenDoorTime")), limits.maxOpenDoorTime);
    limits.roomNumber = rangeOf(root.value(QLatin1String("roomNumber")), limits.roomNumber);
    limits.floorNumber = rangeOf(root.value(QLatin1String("floorNumber")), limits.floorNumber);
    limits.genders =
        optionsOf(root.value(QLatin1String("gender")),
                  {QStringLiteral("male"), QStringLiteral("female"), QStringLiteral("unknown")});
    limits.userVerifyModes = optionsOf(root.value(QLatin1String("userVerifyMode")), {});
    return limits;
}

void DeviceProfile::refreshAccessControlCapabilities()
{
    const bool cardInfo = accessControlCapabilities.contains("<isSupportCardInfo>true");
    const bool employeeNoInfo = accessControlCapabilities.contains("<EmployeeNoInfo>");
    accessControlCapabilities =
        cis::sim::accessControlCapabilities(cardInfo, employeeNoInfo, *this);
}

QString DeviceProfile::model() const
{
    return deviceInfoValue(QStringLiteral("model"));
}

QString DeviceProfile::deviceInfoValue(const QString &element) const
{
    for (const auto &[elementName, value] : deviceInfo) {
        if (elementName == element)
            return value;
    }
    return {};
}

QJsonValue DeviceProfile::capability(const QStringList &path) const
{
    QJsonValue value = userInfoCapabilities.value(QLatin1String("UserInfo"));
    for (const QString &key : path)
        value = value.toObject().value(key);
    return value;
}

void DeviceProfile::setCapability(const QStringList &path, const QJsonValue &value)
{
    // QJsonObject has no references into nested objects, so rebuild the chain bottom-up.
    const std::function<QJsonObject(QJsonObject, qsizetype)> set =
        [&](QJsonObject object, qsizetype depth) -> QJsonObject {
        const QString &key = path.at(depth);
        if (depth + 1 == path.size())
            object.insert(key, value);
        else
            object.insert(key, set(object.value(key).toObject(), depth + 1));
        return object;
    };
    if (path.isEmpty())
        return;
    userInfoCapabilities.insert(
        QStringLiteral("UserInfo"),
        set(userInfoCapabilities.value(QLatin1String("UserInfo")).toObject(), 0));
}

QStringList DeviceProfiles::names()
{
    return {QStringLiteral("DS-K1T341AM"), QStringLiteral("DS-K1A340FWX"),
            QStringLiteral("S3-timeclock"), QStringLiteral("DS-K1T341AM-strict")};
}

std::optional<DeviceProfile> DeviceProfiles::byName(const QString &name)
{
    if (name.compare(QLatin1String("DS-K1T341AM"), Qt::CaseInsensitive) == 0)
        return dsK1t341am();
    if (name.compare(QLatin1String("DS-K1A340FWX"), Qt::CaseInsensitive) == 0)
        return dsK1a340fwx();
    if (name.compare(QLatin1String("S3-timeclock"), Qt::CaseInsensitive) == 0)
        return s3Timeclock();
    if (name.compare(QLatin1String("DS-K1T341AM-strict"), Qt::CaseInsensitive) == 0)
        return dsK1t341amStrict();
    return std::nullopt;
}

DeviceProfile DeviceProfiles::defaultProfile()
{
    return dsK1t341am();
}

} // namespace cis::sim
