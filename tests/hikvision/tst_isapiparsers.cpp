// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiParsers.h"

#include <QFile>
#include <QTest>

using namespace cis;
using namespace cis::isapi;
using Kind = HikvisionError::Kind;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(CIS_FIXTURES_DIR "/hikvision/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QDateTime at(int y, int m, int d, int h, int min, int s)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s));
}

} // namespace

class TestIsapiParsers : public QObject
{
    Q_OBJECT

private slots:
    void deviceInfoDsK1a340fwx()
    {
        const auto info = parseDeviceInfo(fixture("deviceinfo-ds-k1a340fwx.xml"));
        QVERIFY(info);
        QCOMPARE(info.value().model, QStringLiteral("DS-K1A340FWX"));
        QCOMPARE(info.value().firmwareVersion, QStringLiteral("V1.2.7"));
        QCOMPARE(info.value().firmwareReleasedDate, QStringLiteral("build 240102"));
        QCOMPARE(info.value().deviceType, QStringLiteral("ACS"));
        QCOMPARE(info.value().deviceName, QStringLiteral("Time and Attendance Terminal"));
        QCOMPARE(info.value().serialNumber,
                 QStringLiteral("DS-K1A340FWX20240102V010207ENJ59360966"));
        QCOMPARE(info.value().macAddress, QStringLiteral("40:24:b2:e7:46:04"));
        QCOMPARE(info.value().fields.value(QStringLiteral("bspVersion")),
                 QStringLiteral("1.1.1.654629 build 2023-12-29,13:56:15"));
        QCOMPARE(info.value().fields.size(), 24);
    }

    void deviceInfoDsK1t341am()
    {
        const auto info = parseDeviceInfo(fixture("deviceinfo-ds-k1t341am.xml"));
        QVERIFY(info);
        QCOMPARE(info.value().model, QStringLiteral("DS-K1T341AM"));
        QCOMPARE(info.value().firmwareVersion, QStringLiteral("V3.2.30"));
        QCOMPARE(info.value().manufacturer, QStringLiteral("hikvision"));
        QCOMPARE(info.value().deviceName, QStringLiteral("Access Controller"));
        QCOMPARE(info.value().fields.value(QStringLiteral("electroLockNum")), QStringLiteral("1"));
    }

    void deviceInfoIgnoresNamespaces()
    {
        const QByteArray other = "<DeviceInfo xmlns=\"http://www.std-cgi.org/ver20/XMLSchema\">"
                                 "<model>DS-K1T344MBFWX-E1</model><firmwareVersion>V3.3.0"
                                 "</firmwareVersion></DeviceInfo>";
        QCOMPARE(parseDeviceInfo(other).value().model, QStringLiteral("DS-K1T344MBFWX-E1"));
        const QByteArray prefixed = "<?xml version=\"1.0\"?><isapi:DeviceInfo "
                                    "xmlns:isapi=\"http://www.isapi.org/ver20/XMLSchema\">"
                                    "<isapi:model>DS-K1T341AM</isapi:model></isapi:DeviceInfo>";
        QCOMPARE(parseDeviceInfo(prefixed).value().model, QStringLiteral("DS-K1T341AM"));
    }

    void deviceInfoAsJson()
    {
        const auto info = parseDeviceInfo(fixture("deviceinfo-json.json"));
        QVERIFY(info);
        QCOMPARE(info.value().model, QStringLiteral("DS-K1T341AM"));
        QCOMPARE(info.value().deviceId, QStringLiteral("255"));
    }

    void deviceInfoFailures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << QByteArray() << int(Kind::MalformedResponse);
        QTest::newRow("garbage") << QByteArray("hello") << int(Kind::MalformedResponse);
        QTest::newRow("truncated")
            << fixture("deviceinfo-ds-k1a340fwx.xml").left(400) << int(Kind::MalformedResponse);
        QTest::newRow("status instead")
            << fixture("responsestatus-404.xml") << int(Kind::UnexpectedResponse);
        QTest::newRow("no model") << QByteArray(
                                         "<DeviceInfo><deviceName>x</deviceName></DeviceInfo>")
                                  << int(Kind::UnexpectedResponse);
        QTest::newRow("json ok status")
            << QByteArray(R"({"statusCode":1,"statusString":"OK","subStatusCode":"ok"})")
            << int(Kind::UnexpectedResponse);
    }

    void deviceInfoFailures()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const auto info = parseDeviceInfo(body);
        QVERIFY(!info);
        QCOMPARE(int(info.error().kind), kind);
    }

    void capabilitiesDsK1a340fwx()
    {
        const auto parsed = parseUserCapabilities(fixture("capabilities-ds-k1a340fwx.json"));
        QVERIFY(parsed);
        const UserCapabilities &caps = parsed.value();
        QVERIFY(caps.reportedByDevice);
        QCOMPARE(
            caps.supportedFunctions,
            (QStringList{QStringLiteral("post"), QStringLiteral("delete"), QStringLiteral("put"),
                         QStringLiteral("get"), QStringLiteral("setUp")}));
        QCOMPARE(caps.searchMaxResults, 30);
        QCOMPARE(caps.searchEmployeeNoListMaxSize, 30);
        QCOMPARE(caps.deleteEmployeeNoListMaxSize, 30);
        QCOMPARE(caps.employeeNoLength.min, 1);
        QCOMPARE(caps.employeeNoLength.max, 32);
        QCOMPARE(caps.nameLength.min, 0);
        QCOMPARE(caps.nameLength.max, 128);
        QCOMPARE(caps.validTimeRangeBegin, at(2000, 1, 1, 0, 0, 0));
        QCOMPARE(caps.validTimeRangeEnd, at(2037, 12, 31, 23, 59, 59));
        QCOMPARE(caps.timeTypeOptions,
                 (QStringList{QStringLiteral("local"), QStringLiteral("UTC")}));
        QCOMPARE(caps.userTypeOptions, QStringList{QStringLiteral("normal")});
        QCOMPARE(caps.maxRecordNum, 1500);
        QVERIFY(!caps.reportsNumOfCard);
        QVERIFY(!caps.reportsNumOfFace);
        QVERIFY(!caps.reportsNumOfFP);
        QCOMPARE(caps.doorRightMax, 1);
        QCOMPARE(caps.rightPlanMaxSize, 1);
        QVERIFY(!caps.hasGivenName);
    }

    void capabilitiesTimeClock()
    {
        const auto parsed = parseUserCapabilities(fixture("capabilities-timeclock.json"));
        QVERIFY(parsed);
        const UserCapabilities &caps = parsed.value();
        QCOMPARE(caps.timeTypeOptions, QStringList{QStringLiteral("local")});
        QCOMPARE(caps.userTypeOptions,
                 (QStringList{QStringLiteral("normal"), QStringLiteral("visitor"),
                              QStringLiteral("blackList")}));
        QCOMPARE(caps.maxRecordNum, 3000);
        QVERIFY(caps.reportsNumOfCard);
        QVERIFY(caps.reportsNumOfFace);
        QVERIFY(caps.reportsNumOfFP);
        QCOMPARE(caps.nameLength.max, 128);
    }

    void capabilitiesDefaultsWhenAbsent()
    {
        const auto parsed = parseUserCapabilities(fixture("capabilities-minimal.json"));
        QVERIFY(parsed);
        const UserCapabilities &caps = parsed.value();
        QCOMPARE(caps.validTimeRangeBegin, at(1970, 1, 1, 0, 0, 0));
        QCOMPARE(caps.validTimeRangeEnd, at(2037, 12, 31, 23, 59, 59));
        QCOMPARE(caps.searchMaxResults, 30);
        QCOMPARE(caps.searchEmployeeNoListMaxSize, 30);
        QCOMPARE(caps.deleteEmployeeNoListMaxSize, 30);
        QCOMPARE(caps.nameLength.max, 32);
        QCOMPARE(caps.maxRecordNum, -1);
        QVERIFY(caps.timeTypeOptions.isEmpty());
        QVERIFY(caps.userTypeOptions.isEmpty());
        QCOMPARE(caps.rightPlanMaxSize, -1);
        QVERIFY(!caps.supportsFunction(QStringLiteral("setUp")));
        QVERIFY(caps.supportsFunction(QStringLiteral("post")));
    }

    void capabilitiesSmallerLimitsAndOddEncodings()
    {
        const QByteArray body = R"({"UserInfo":{
            "UserInfoSearchCond":{"maxResults":{"@min":"1","@max":"10"},
                                  "EmployeeNoList":{"maxSize":"8"}},
            "UserInfoDelCond":{"EmployeeNoList":{"maxSize":5}},
            "name":{"@min":1,"@max":32},
            "givenName":{"@min":0,"@max":64},"familyName":{"@min":0,"@max":64},
            "userType":{"@opt":["normal","visitor"]},
            "Valid":{"timeRangeBegin":"1970-01-01T00:00:00","timeRangeEnd":"2030-12-31T23:59:59",
                     "timeType":{"@opt":"local"}}}})";
        const auto parsed = parseUserCapabilities(body);
        QVERIFY(parsed);
        const UserCapabilities &caps = parsed.value();
        QCOMPARE(caps.searchMaxResults, 10);
        QCOMPARE(caps.searchEmployeeNoListMaxSize, 8);
        QCOMPARE(caps.deleteEmployeeNoListMaxSize, 5);
        QCOMPARE(caps.nameLength.min, 1);
        QVERIFY(caps.hasGivenName);
        QVERIFY(caps.hasFamilyName);
        QCOMPARE(caps.givenNameLength.max, 64);
        QCOMPARE(caps.userTypeOptions.size(), 2);
        QCOMPARE(caps.validTimeRangeEnd, at(2030, 12, 31, 23, 59, 59));
    }

    void capabilitiesNonsenseFallsBack()
    {
        const QByteArray body = R"({"UserInfo":{
            "UserInfoSearchCond":{"maxResults":{"@min":1,"@max":0},"EmployeeNoList":{"maxSize":0}},
            "name":{"@min":5,"@max":2},
            "Valid":{"timeRangeBegin":"2037-12-31T23:59:59","timeRangeEnd":"2000-01-01T00:00:00"}}})";
        const auto parsed = parseUserCapabilities(body);
        QVERIFY(parsed);
        QCOMPARE(parsed.value().searchMaxResults, 30);
        QCOMPARE(parsed.value().searchEmployeeNoListMaxSize, 30);
        QCOMPARE(parsed.value().nameLength.max, 32);
        QCOMPARE(parsed.value().validTimeRangeBegin, at(1970, 1, 1, 0, 0, 0));
    }

    void capabilitiesFailures()
    {
        QCOMPARE(parseUserCapabilities({}).error().kind, Kind::MalformedResponse);
        QCOMPARE(parseUserCapabilities("<html/>").error().kind, Kind::MalformedResponse);
        QCOMPARE(parseUserCapabilities(R"({"CardInfo":{}})").error().kind,
                 Kind::UnexpectedResponse);
    }

    void count()
    {
        const auto plain = parsePersonCount(fixture("count.json"));
        QVERIFY(plain);
        QCOMPARE(plain.value().persons, 1);
        QCOMPARE(plain.value().withFace, -1);
        QCOMPARE(plain.value().withFingerprint, -1);
        QCOMPARE(plain.value().withCard, -1);

        const auto bind = parsePersonCount(fixture("count-bind.json"));
        QVERIFY(bind);
        QCOMPARE(bind.value().persons, 87);
        QCOMPARE(bind.value().withFace, 1);
        QCOMPARE(bind.value().withFingerprint, 81);
        QCOMPARE(bind.value().withCard, 0);

        QCOMPARE(parsePersonCount({}).error().kind, Kind::MalformedResponse);
        QCOMPARE(parsePersonCount(R"({"UserInfoCount":{}})").error().kind,
                 Kind::UnexpectedResponse);
        QCOMPARE(parsePersonCount(R"({"statusCode":1,"statusString":"OK","subStatusCode":"ok"})")
                     .error()
                     .kind,
                 Kind::UnexpectedResponse);
    }

    void searchOk()
    {
        const auto page = parsePersonSearchPage(fixture("search-ok.json"));
        QVERIFY(page);
        QCOMPARE(page.value().responseStatus, QStringLiteral("OK"));
        QVERIFY(!page.value().hasMore());
        QCOMPARE(page.value().numOfMatches, 1);
        QCOMPARE(page.value().totalMatches, 1);
        QCOMPARE(page.value().searchId, QStringLiteral("doc-probe-user-1"));
        QCOMPARE(page.value().persons.size(), 1);
        const Person &person = page.value().persons.constFirst();
        QCOMPARE(person.employeeNo, QStringLiteral("1"));
        QCOMPARE(person.name, QStringLiteral("admin"));
        QCOMPARE(person.userType, QStringLiteral("normal"));
        QVERIFY(person.validity.enabled);
        QCOMPARE(person.validity.begin, at(2026, 7, 6, 0, 38, 29));
        QCOMPARE(person.validity.end, at(2037, 12, 31, 23, 59, 59));
        QCOMPARE(person.doorRight, QStringLiteral("1"));
        QCOMPARE(person.rightPlans, (QList<DoorPlan>{DoorPlan{1, QStringLiteral("1")}}));
        QCOMPARE(person.numOfCard, 0);
        QCOMPARE(person.numOfFP, 1);
        QCOMPARE(person.numOfFace, 1);
        // Everything not modelled is kept as read.
        QCOMPARE(person.otherFields.value(QStringLiteral("gender")).toString(),
                 QStringLiteral("unknown"));
        QCOMPARE(person.otherFields.value(QStringLiteral("localUIRight")).toBool(), true);
        QCOMPARE(person.otherFields.value(QStringLiteral("groupId")).toInt(), 1);
        QVERIFY(person.otherFields.contains(QStringLiteral("localAtndPlanTemplateId")));
        QVERIFY(person.otherFields.contains(QStringLiteral("belongGroup")));
        QCOMPARE(person.otherFields.value(QStringLiteral("Valid.timeType")).toString(),
                 QStringLiteral("local"));
        QVERIFY(!person.otherFields.contains(QStringLiteral("employeeNo")));
        QVERIFY(!person.otherFields.contains(QStringLiteral("Valid")));
    }

    void searchMore()
    {
        const auto page = parsePersonSearchPage(fixture("search-more.json"));
        QVERIFY(page);
        QVERIFY(page.value().hasMore());
        QCOMPARE(page.value().numOfMatches, 2);
        QCOMPARE(page.value().totalMatches, 87);
        QCOMPARE(page.value().itemCount, 2);
        const Person &first = page.value().persons.at(0);
        QCOMPARE(first.name, QString());
        QVERIFY(!first.validity.enabled);
        QCOMPARE(first.validity.begin, at(2000, 1, 1, 0, 0, 0));
        QVERIFY(first.otherFields.value(QStringLiteral("faceURL"))
                    .toString()
                    .startsWith(QStringLiteral("http://192.168.1.7")));
        QCOMPARE(page.value().persons.at(1).name, QStringLiteral("Åsa Öberg"));
        QCOMPARE(page.value().persons.at(1).employeeNo, QStringLiteral("88"));
    }

    void searchNoMatch()
    {
        const auto page = parsePersonSearchPage(fixture("search-no-match.json"));
        QVERIFY(page);
        QCOMPARE(page.value().responseStatus, QStringLiteral("NO MATCH"));
        QVERIFY(!page.value().hasMore());
        QCOMPARE(page.value().numOfMatches, 0);
        QCOMPARE(page.value().itemCount, 0);
        QVERIFY(page.value().persons.isEmpty());
    }

    void searchFailures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty 200") << QByteArray() << int(Kind::MalformedResponse);
        QTest::newRow("not json") << QByteArray("<html>busy</html>")
                                  << int(Kind::MalformedResponse);
        QTest::newRow("bare ok")
            << QByteArray(R"({"statusCode":1,"statusString":"OK","subStatusCode":"ok"})")
            << int(Kind::UnexpectedResponse);
        QTest::newRow("wrong root")
            << fixture("card-search-ok.json") << int(Kind::UnexpectedResponse);
        QTest::newRow("matches but no list")
            << QByteArray(
                   R"({"UserInfoSearch":{"searchID":"1","responseStatusStrg":"MORE","numOfMatches":30,"totalMatches":87}})")
            << int(Kind::UnexpectedResponse);
        QTest::newRow("no status string")
            << QByteArray(
                   R"({"UserInfoSearch":{"searchID":"1","numOfMatches":0,"totalMatches":0}})")
            << int(Kind::UnexpectedResponse);
    }

    void searchFailures()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const auto page = parsePersonSearchPage(body);
        QVERIFY(!page);
        QCOMPARE(int(page.error().kind), kind);
    }

    void searchSkipsPersonsWithoutEmployeeNo()
    {
        const auto page = parsePersonSearchPage(
            R"({"UserInfoSearch":{"searchID":"1","responseStatusStrg":"OK","numOfMatches":2,"totalMatches":2,
                "UserInfo":[{"name":"ghost"},{"employeeNo":"5","name":"real"}]}})");
        QVERIFY(page);
        QCOMPARE(page.value().itemCount, 2);
        QCOMPARE(page.value().persons.size(), 1);
        QCOMPARE(page.value().warnings.size(), 1);
    }

    void aPageIsPagedBeforeItsEntriesAreRead_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("cards");
        QTest::newRow("more") << fixture("search-more.json") << false;
        QTest::newRow("ok") << fixture("search-ok.json") << false;
        QTest::newRow("no match") << fixture("search-no-match.json") << false;
        QTest::newRow("cards") << fixture("card-search-ok.json") << true;
        QTest::newRow("unusable entries")
            << QByteArray(
                   R"({"UserInfoSearch":{"searchID":"1","responseStatusStrg":"MORE","numOfMatches":3,"totalMatches":9,
                "UserInfo":[{"name":"ghost"},7,{"employeeNo":"5","name":"real"}]}})")
            << false;
    }

    void aPageIsPagedBeforeItsEntriesAreRead()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, cards);
        const auto whole = cards ? parseCardSearchPage(body) : parsePersonSearchPage(body);
        auto head = cards ? parseCardSearchPageHead(body) : parsePersonSearchPageHead(body);
        QVERIFY(whole);
        QVERIFY(head);
        // The paging is all there before the entries are read, and the entries are not.
        const SearchPage &paging = head.value().page;
        QCOMPARE(paging.responseStatus, whole.value().responseStatus);
        QCOMPARE(paging.searchId, whole.value().searchId);
        QCOMPARE(paging.numOfMatches, whole.value().numOfMatches);
        QCOMPARE(paging.totalMatches, whole.value().totalMatches);
        QCOMPARE(paging.itemCount, whole.value().itemCount);
        QVERIFY(paging.persons.isEmpty() && paging.cards.isEmpty() && paging.warnings.isEmpty());
        const SearchPage read = readSearchPageItems(std::move(head.value()));
        QCOMPARE(read.persons, whole.value().persons);
        QCOMPARE(read.cards.size(), whole.value().cards.size());
        QCOMPARE(read.warnings, whole.value().warnings);
    }

    void personsAlikeShareWhatTheyHaveAlike()
    {
        const auto page = parsePersonSearchPage(
            R"({"UserInfoSearch":{"searchID":"1","responseStatusStrg":"OK","numOfMatches":3,"totalMatches":3,
                "UserInfo":[
                 {"employeeNo":"1","name":"Åsa","userType":"normal","doorRight":"1","gender":"female","localUIRight":false},
                 {"employeeNo":"2","name":"Örjan","userType":"visitor","doorRight":"1","gender":"male","localUIRight":false},
                 {"employeeNo":"3","name":"Märta","userType":"normal","doorRight":"1","gender":"female","localUIRight":false}]}})");
        QVERIFY(page);
        const QList<Person> &persons = page.value().persons;
        QCOMPARE(persons.size(), 3);
        // Each keeps what it was sent...
        QCOMPARE(persons.at(1).otherFields.value(QStringLiteral("gender")).toString(),
                 QStringLiteral("male"));
        QCOMPARE(persons.at(1).userType, QStringLiteral("visitor"));
        QCOMPARE(persons.at(2).name, QStringLiteral("Märta"));
        // ... and the third holds no copy of its own of what the first has alike.
        QVERIFY(persons.at(2).otherFields.isSharedWith(persons.at(0).otherFields));
        QVERIFY(!persons.at(1).otherFields.isSharedWith(persons.at(0).otherFields));
        QCOMPARE(persons.at(2).userType.constData(), persons.at(0).userType.constData());
    }

    void aPageHeadFailsLikeTheWholePage()
    {
        const QList<QByteArray> bodies{
            QByteArray(), QByteArray("<html>busy</html>"), fixture("card-search-ok.json"),
            QByteArray(
                R"({"UserInfoSearch":{"searchID":"1","responseStatusStrg":"MORE","numOfMatches":30,"totalMatches":87}})"),
            QByteArray(R"({"UserInfoSearch":{"searchID":"1","numOfMatches":0,"totalMatches":0}})")};
        for (const QByteArray &body : bodies) {
            const auto whole = parsePersonSearchPage(body);
            const auto head = parsePersonSearchPageHead(body);
            QVERIFY(!whole);
            QVERIFY(!head);
            QCOMPARE(head.error().kind, whole.error().kind);
            QCOMPARE(head.error().detail, whole.error().detail);
        }
    }

    void cardSearch()
    {
        const auto page = parseCardSearchPage(fixture("card-search-ok.json"));
        QVERIFY(page);
        QCOMPARE(page.value().cards.size(), 1);
        QCOMPARE(page.value().cards.constFirst().employeeNo, QStringLiteral("100054"));
        QCOMPARE(page.value().cards.constFirst().cardNo, QStringLiteral("tmp001"));
        QCOMPARE(page.value().cards.constFirst().cardType, QStringLiteral("normalCard"));
        QVERIFY(page.value().cards.constFirst().otherFields.contains(QStringLiteral("leaderCard")));

        const auto none = parseCardSearchPage(fixture("card-search-no-match.json"));
        QVERIFY(none);
        QVERIFY(none.value().cards.isEmpty());
        QCOMPARE(none.value().responseStatus, QStringLiteral("NO MATCH"));
    }

    // Found by fuzzing: a number no int (or qint64) holds was cast to one, which is undefined
    // behaviour. Out of range is now as unreadable as a string that is no number.
    void numbersOutOfRangeAreUnreadable()
    {
        const auto page = parsePersonSearchPage(
            R"({"UserInfoSearch":{"searchID":1e300,"responseStatusStrg":"MORE","numOfMatches":2,
                "totalMatches":922337203685477580887,
                "UserInfo":[{"employeeNo":1e30,"name":"huge"},
                            {"employeeNo":12,"name":"number","numOfCard":-1e300}]}})");
        QVERIFY(page);
        QCOMPARE(page.value().totalMatches, -1);
        QVERIFY(page.value().searchId.isEmpty());
        QCOMPARE(page.value().persons.size(), 1); // no employeeNo is made up from 1e30
        QCOMPARE(page.value().persons.constFirst().employeeNo, QStringLiteral("12"));
        QCOMPARE(page.value().persons.constFirst().numOfCard, -1);
        QCOMPARE(page.value().warnings.size(), 1);

        const auto caps = parseUserCapabilities(
            R"({"UserInfo":{"UserInfoSearchCond":{"maxResults":{"@min":1,"@max":1e20}},
                "employeeNo":{"@min":1,"@max":4294967328},"maxRecordNum":-1e300}})");
        QVERIFY(caps);
        QCOMPARE(caps.value().searchMaxResults, 30);
        QCOMPARE(caps.value().employeeNoLength.max, 32);
        QCOMPARE(caps.value().maxRecordNum, -1);

        QCOMPARE(parsePersonCount(R"({"UserInfoCount":{"userNumber":1e300}})").error().kind,
                 Kind::UnexpectedResponse);
    }

    void deviceTimes()
    {
        QCOMPARE(parseDeviceTime(QStringLiteral("2017-08-01T17:30:08")), at(2017, 8, 1, 17, 30, 8));
        const QDateTime utc = parseDeviceTime(QStringLiteral("2017-08-01T17:30:08+08:00"));
        QVERIFY(utc.isValid());
        QCOMPARE(utc.toUTC(), QDateTime(QDate(2017, 8, 1), QTime(9, 30, 8), Qt::UTC));
        QVERIFY(!parseDeviceTime(QStringLiteral("yesterday")).isValid());

        const QString local = formatDeviceTime(at(2025, 1, 2, 3, 4, 5));
        QCOMPARE(local, QStringLiteral("2025-01-02T03:04:05"));
        const QString withOffset = formatDeviceTime(at(2025, 1, 2, 3, 4, 5), true);
        QVERIFY2(withOffset.startsWith(QStringLiteral("2025-01-02T03:04:05")),
                 qPrintable(withOffset));
        QVERIFY2(withOffset.size() > 19, qPrintable(withOffset));
    }
    // The two styles of isapi-events-credentials.md §1.3: every field zero-filled (S2), and only
    // those present (S27, S28), with the devices' own offsets.
    void acsEventPageInBothStyles()
    {
        const QByteArray sparse = fixture("acsevent-sparse.json");
        const auto page = isapi::parseAcsEventPage(sparse);
        QVERIFY(page);
        QVERIFY(page.value().hasMore());
        QCOMPARE(page.value().totalMatches, 101);
        QCOMPARE(page.value().events.size(), 3);
        const AccessEvent &face = page.value().events.at(0);
        QCOMPARE(face.serialNo, 18);
        QCOMPARE(face.time, QDateTime(QDate(2022, 2, 3), QTime(8, 51, 18), Qt::UTC));
        QCOMPARE(face.utcOffsetSeconds, 6 * 3600);
        QVERIFY(face.timeHadOffset);
        QCOMPARE(face.employeeNo, QStringLiteral("32083"));
        QCOMPARE(face.name, QStringLiteral("Åsa"));
        QCOMPARE(face.outcome(), AccessEvent::Outcome::Granted);
        QCOMPARE(face.method(), AccessEvent::Method::Face);
        QVERIFY(face.pictureUrl.startsWith(QLatin1String("http://192.168.1.64/LOCALS/")));
        const AccessEvent &card = page.value().events.at(1);
        QCOMPARE(card.serialNo, 10450); // quoted by the firmware
        QCOMPARE(card.cardNo, QStringLiteral("3308812528"));
        QVERIFY(card.employeeNo.isEmpty());
        QCOMPARE(card.outcome(), AccessEvent::Outcome::Refused);
        QCOMPARE(card.method(), AccessEvent::Method::Card);
        QCOMPARE(page.value().events.at(2).serialNo, Q_INT64_C(3000000000));
        QCOMPARE(page.value().events.at(2).outcome(), AccessEvent::Outcome::Other);

        const QByteArray zeroFilled = fixture("acsevent-zerofilled.json");
        const auto filled = isapi::parseAcsEventPage(zeroFilled);
        QVERIFY(filled);
        QVERIFY(!filled.value().hasMore());
        QCOMPARE(filled.value().events.size(), 1);
        QCOMPARE(filled.value().events.first().outcome(), AccessEvent::Outcome::Refused);
        QVERIFY(filled.value().events.first().cardNo.isEmpty());
        QVERIFY(filled.value().events.first().pictureUrl.isEmpty());
    }

    void acsEventPageEdges()
    {
        // No serial number: cannot be told from another event, so skipped with a warning.
        const auto noSerial = isapi::parseAcsEventPage(fixture("acsevent-no-serial.json"));
        QVERIFY(noSerial);
        QVERIFY(noSerial.value().events.isEmpty());
        QCOMPARE(noSerial.value().warnings.size(), 1);
        // Other spellings of NO MATCH end the search like the guide's.
        for (const char *status : {"NO MATCH", "NO MATCHES", "NO_MATCHES", "NO MORE MATCHES"}) {
            const auto none = isapi::parseAcsEventPage(
                QByteArray("{\"AcsEvent\":{\"searchID\":\"d\",\"responseStatusStrg\":\"") + status +
                QByteArray("\",\"numOfMatches\":0,\"totalMatches\":0}}"));
            QVERIFY2(none, status);
            QCOMPARE(none.value().responseStatus, QStringLiteral("NO MATCH"));
            QVERIFY(!none.value().hasMore());
        }
        // A time without an offset is the PC's local time.
        bool hadOffset = true;
        const QDateTime local =
            isapi::parseEventTime(QStringLiteral("2026-03-01T12:00:00"), &hadOffset);
        QVERIFY(!hadOffset);
        QCOMPARE(local, QDateTime(QDate(2026, 3, 1), QTime(12, 0)));
        QVERIFY(!isapi::parseAcsEventPage("<AcsEvent/>"));
        QVERIFY(!isapi::parseAcsEventPage(R"({"UserInfoSearch":{}})"));
        const auto total = isapi::parseAcsEventTotalNum(R"({"AcsEventTotalNum":{"totalNum":68}})");
        QVERIFY(total);
        QCOMPARE(total.value(), 68);
        QVERIFY(!isapi::parseAcsEventTotalNum(R"({"AcsEventTotalNum":{}})"));
    }
    void systemTime()
    {
        const auto xml = isapi::parseSystemTime(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Time version=\"2.0\" "
            "xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><timeMode>NTP</timeMode>"
            "<localTime>2026-07-13T19:14:08+03:00</localTime><timeZone>CST-3:00:00</timeZone>"
            "</Time>");
        QVERIFY(xml);
        QCOMPARE(xml.value().toUTC(), QDateTime(QDate(2026, 7, 13), QTime(16, 14, 8), Qt::UTC));
        QVERIFY(!isapi::parseSystemTime("<Time><timeMode>NTP</timeMode></Time>"));
        QVERIFY(!isapi::parseSystemTime("<DeviceInfo/>"));
        QVERIFY(!isapi::parseSystemTime(""));
    }
};

QTEST_GUILESS_MAIN(TestIsapiParsers)
#include "tst_isapiparsers.moc"
