// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiRequests.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cis;
using namespace cis::isapi;
using Kind = HikvisionError::Kind;

namespace {

QDateTime at(int y, int m, int d, int h = 0, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s));
}

Person member(const QString &employeeNo, const QString &name)
{
    Person person;
    person.employeeNo = employeeNo;
    person.name = name;
    person.validity.enabled = true;
    person.validity.begin = at(2025, 1, 1);
    person.validity.end = at(2025, 12, 31, 23, 59, 59);
    return person;
}

// The DS-K1A340FWX capability values that matter here.
UserCapabilities terminalCapabilities()
{
    UserCapabilities caps;
    caps.reportedByDevice = true;
    caps.nameLength = {0, 128};
    caps.validTimeRangeBegin = at(2000, 1, 1);
    caps.validTimeRangeEnd = at(2037, 12, 31, 23, 59, 59);
    caps.timeTypeOptions = {QStringLiteral("local"), QStringLiteral("UTC")};
    caps.userTypeOptions = {QStringLiteral("normal")};
    caps.rightPlanMaxSize = 1;
    caps.doorRightMax = 1;
    return caps;
}

QStringList numbers(int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i)
        ids << QString::number(1000 + i);
    return ids;
}

} // namespace

class TestIsapiRequests : public QObject
{
    Q_OBJECT

private slots:
    void recordBody()
    {
        const auto write =
            userInfoBody(member(QStringLiteral("1042"), QStringLiteral("Anna Svensson")),
                         terminalCapabilities(), genericDeviceProfile(), QStringLiteral("door"));
        QVERIFY(write);
        QCOMPARE(write.value().body,
                 QByteArray(R"({"UserInfo":{"RightPlan":[{"doorNo":1,"planTemplateNo":"1"}],)"
                            R"("Valid":{"beginTime":"2025-01-01T00:00:00","enable":true,)"
                            R"("endTime":"2025-12-31T23:59:59","timeType":"local"},)"
                            R"("doorRight":"1","employeeNo":"1042","name":"Anna Svensson",)"
                            R"("userType":"normal"}})"));
        QVERIFY(write.value().warnings.isEmpty());
    }

    void recordKeepsCallerValuesOverProfile()
    {
        Person person = member(QStringLiteral("7"), QStringLiteral("Bo"));
        person.doorRight = QStringLiteral("1");
        person.rightPlans = {DoorPlan{1, QStringLiteral("65535")}};
        const auto write = userInfoBody(person, terminalCapabilities(), genericDeviceProfile(), {});
        QVERIFY(write.value().body.contains(R"("planTemplateNo":"65535")"));
    }

    void recordSendsUtf8()
    {
        const auto write = userInfoBody(member(QStringLiteral("8"), QStringLiteral("Åsa Öberg")),
                                        terminalCapabilities(), genericDeviceProfile(), {});
        QVERIFY(write.value().body.contains(QStringLiteral("Åsa Öberg").toUtf8()));
    }

    void modifyIsPartial()
    {
        Person person = member(QStringLiteral("1042"), QStringLiteral("Anna Svensson"));
        person.doorRight = QStringLiteral("1,3");
        person.userType = QStringLiteral("visitor");
        person.otherFields.insert(QStringLiteral("gender"), QStringLiteral("female"));
        const auto write =
            userInfoValidityBody(person, terminalCapabilities(), genericDeviceProfile(), {});
        QVERIFY(write);
        QCOMPARE(write.value().body,
                 QByteArray(R"({"UserInfo":{"Valid":{"beginTime":"2025-01-01T00:00:00",)"
                            R"("enable":true,"endTime":"2025-12-31T23:59:59",)"
                            R"("timeType":"local"},"employeeNo":"1042"}})"));
    }

    void deleteBatchBody()
    {
        const auto batches = splitIntoBatches({QStringLiteral("1001"), QStringLiteral("1002")},
                                              IdBatch::Kind::EmployeeNo, 30);
        QVERIFY(batches);
        QCOMPARE(batches.value().size(), 1);
        QCOMPARE(userInfoDeleteBody(batches.value().constFirst()),
                 QByteArray(R"({"UserInfoDelCond":{"EmployeeNoList":[{"employeeNo":"1001"},)"
                            R"({"employeeNo":"1002"}]}})"));
    }

    void batchingToMaxSize_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("maxSize");
        QTest::addColumn<QList<int>>("sizes");
        QTest::newRow("one") << 1 << 30 << QList<int>{1};
        QTest::newRow("exactly full") << 30 << 30 << QList<int>{30};
        QTest::newRow("one over") << 31 << 30 << QList<int>{30, 1};
        QTest::newRow("65 by 30") << 65 << 30 << QList<int>{30, 30, 5};
        QTest::newRow("official 56") << 100 << 56 << QList<int>{56, 44};
        QTest::newRow("turnstile 10") << 25 << 10 << QList<int>{10, 10, 5};
    }

    void batchingToMaxSize()
    {
        QFETCH(int, count);
        QFETCH(int, maxSize);
        QFETCH(QList<int>, sizes);
        const auto batches = splitIntoBatches(numbers(count), IdBatch::Kind::EmployeeNo, maxSize);
        QVERIFY(batches);
        QList<int> actual;
        QStringList all;
        for (const IdBatch &batch : batches.value()) {
            actual << static_cast<int>(batch.ids().size());
            all += batch.ids();
        }
        QCOMPARE(actual, sizes);
        QCOMPARE(all, numbers(count));
    }

    void emptyDeleteIsRefused()
    {
        const auto none = splitIntoBatches({}, IdBatch::Kind::EmployeeNo, 30);
        QVERIFY(!none);
        QCOMPARE(none.error().kind, Kind::RefusedRequest);
        QVERIFY(none.error().detail.contains(QStringLiteral("every person")));

        const auto cards = splitIntoBatches({}, IdBatch::Kind::CardNo, 30);
        QCOMPARE(cards.error().kind, Kind::RefusedRequest);

        const auto blank = splitIntoBatches({QStringLiteral("1"), QStringLiteral(" ")},
                                            IdBatch::Kind::EmployeeNo, 30);
        QCOMPARE(blank.error().kind, Kind::RefusedRequest);
    }

    void duplicatesAreDropped()
    {
        const auto batches =
            splitIntoBatches({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("1")},
                             IdBatch::Kind::EmployeeNo, 30);
        QCOMPARE(batches.value().constFirst().ids(),
                 (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    }

    void cardDeleteBodies()
    {
        const auto byPerson =
            splitIntoBatches({QStringLiteral("100054")}, IdBatch::Kind::EmployeeNo, 30);
        QCOMPARE(cardInfoDeleteBody(byPerson.value().constFirst()),
                 QByteArray(R"({"CardInfoDelCond":{"EmployeeNoList":[{"employeeNo":"100054"}]}})"));
        const auto byCard =
            splitIntoBatches({QStringLiteral("garten-zho0k6WjKtxJm")}, IdBatch::Kind::CardNo, 30);
        QCOMPARE(cardInfoDeleteBody(byCard.value().constFirst()),
                 QByteArray(
                     R"({"CardInfoDelCond":{"CardNoList":[{"cardNo":"garten-zho0k6WjKtxJm"}]}})"));
    }

    void searchBodies()
    {
        QCOMPARE(userInfoSearchBody(QStringLiteral("abc"), 60, 30, std::nullopt),
                 QByteArray(R"({"UserInfoSearchCond":{"maxResults":30,"searchID":"abc",)"
                            R"("searchResultPosition":60}})"));
        const auto filter = splitIntoBatches({QStringLiteral("5")}, IdBatch::Kind::EmployeeNo, 30);
        QCOMPARE(userInfoSearchBody(QStringLiteral("abc"), 0, 30, filter.value().constFirst()),
                 QByteArray(R"({"UserInfoSearchCond":{"EmployeeNoList":[{"employeeNo":"5"}],)"
                            R"("maxResults":30,"searchID":"abc","searchResultPosition":0}})"));
        QCOMPARE(cardInfoSearchBody(QStringLiteral("c"), 0, 30, filter.value().constFirst()),
                 QByteArray(R"({"CardInfoSearchCond":{"EmployeeNoList":[{"employeeNo":"5"}],)"
                            R"("maxResults":30,"searchID":"c","searchResultPosition":0}})"));
    }

    void truncation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("maxBytes");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("fits") << QStringLiteral("Åsa") << 4 << QStringLiteral("Åsa") << false;
        QTest::newRow("å not split") << QStringLiteral("åäö") << 5 << QStringLiteral("åä") << true;
        QTest::newRow("åäö exact") << QStringLiteral("åäö") << 6 << QStringLiteral("åäö") << false;
        QTest::newRow("one byte short of ö")
            << QStringLiteral("Öberg Åström") << 13 << QStringLiteral("Öberg Åstr") << true;
        QTest::newRow("trailing space trimmed")
            << QStringLiteral("Bo Ek") << 3 << QStringLiteral("Bo") << true;
        QTest::newRow("decomposed å counts as one letter")
            << QString(QStringLiteral("a") + QChar(0x030A) + QStringLiteral("sa")) << 3
            << QStringLiteral("ås") << true;
        QTest::newRow("surrogate pair not split")
            << QString(QStringLiteral("ab") + QString::fromUcs4(U"\U0001F600")) << 5
            << QStringLiteral("ab") << true;
        QTest::newRow("zero") << QStringLiteral("x") << 0 << QString() << true;
    }

    void truncation()
    {
        QFETCH(QString, text);
        QFETCH(int, maxBytes);
        QFETCH(QString, expected);
        QFETCH(bool, truncated);
        const TruncatedText result = truncateUtf8(text, maxBytes);
        QCOMPARE(result.text, expected);
        QCOMPARE(result.truncated, truncated);
    }

    void truncationNeverBreaksUtf8()
    {
        const QString name = QStringLiteral("Ærlig Åsa-Märta Öhrström ") +
                             QString::fromUcs4(U"\U0001F600") + QStringLiteral(" Ünal");
        const qsizetype bytes = name.toUtf8().size();
        for (int limit = 0; limit <= bytes + 1; ++limit) {
            const TruncatedText result = truncateUtf8(name, limit);
            const QByteArray utf8 = result.text.toUtf8();
            QVERIFY(utf8.size() <= limit);
            QCOMPARE(QString::fromUtf8(utf8), result.text); // round-trips: nothing split
            QVERIFY(name.startsWith(result.text));
            for (const QChar c : result.text)
                QVERIFY(!c.isHighSurrogate() || result.text.endsWith(c) == false);
        }
    }

    void longNameIsShortenedWithAWarning()
    {
        UserCapabilities caps = terminalCapabilities();
        caps.nameLength = {1, 32};
        const QString longName = QStringLiteral("Åsa-Märta Öhrström Ängström Åkesson");
        const auto write = userInfoBody(member(QStringLiteral("77"), longName), caps,
                                        genericDeviceProfile(), QStringLiteral("10.0.0.5"));
        QVERIFY(write);
        QCOMPARE(write.value().warnings.size(), 1);
        const QString warning = write.value().warnings.constFirst();
        QVERIFY2(warning.contains(longName), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("77")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("10.0.0.5")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("32")), qPrintable(warning));
        const QString sent = QString::fromUtf8(
            write.value().body.mid(write.value().body.indexOf("\"name\":\"") + 8));
        const QString sentName = sent.left(sent.indexOf(QLatin1Char('"')));
        QVERIFY(sentName.toUtf8().size() <= 32);
        QVERIFY(longName.startsWith(sentName));
    }

    void employeeNoLimits()
    {
        const UserCapabilities caps = terminalCapabilities();
        const DeviceProfile profile = genericDeviceProfile();
        QCOMPARE(userInfoBody(member(QString(33, QLatin1Char('9')), QStringLiteral("x")), caps,
                              profile, {})
                     .error()
                     .kind,
                 Kind::RefusedRequest);
        QCOMPARE(
            userInfoBody(member(QString(), QStringLiteral("x")), caps, profile, {}).error().kind,
            Kind::RefusedRequest);
        QCOMPARE(userInfoBody(member(QStringLiteral(" 5"), QStringLiteral("x")), caps, profile, {})
                     .error()
                     .kind,
                 Kind::RefusedRequest);
        QVERIFY(userInfoBody(member(QString(32, QLatin1Char('9')), QStringLiteral("x")), caps,
                             profile, {}));
        const auto refused = userInfoValidityBody(
            member(QString(33, QLatin1Char('9')), QStringLiteral("Nils")), caps, profile, {});
        QCOMPARE(refused.error().personName, QStringLiteral("Nils"));
    }

    void emptyNameWhereRequired()
    {
        UserCapabilities caps = terminalCapabilities();
        caps.nameLength = {1, 32};
        QCOMPARE(
            userInfoBody(member(QStringLiteral("1"), QString()), caps, genericDeviceProfile(), {})
                .error()
                .kind,
            Kind::RefusedRequest);
        caps.nameLength = {0, 32};
        QVERIFY(
            userInfoBody(member(QStringLiteral("1"), QString()), caps, genericDeviceProfile(), {}));
    }

    void userTypeNotOffered()
    {
        Person person = member(QStringLiteral("1"), QStringLiteral("x"));
        person.userType = QStringLiteral("visitor");
        QCOMPARE(
            userInfoBody(person, terminalCapabilities(), genericDeviceProfile(), {}).error().kind,
            Kind::RefusedRequest);
    }

    void clamping_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QDateTime>("begin");
        QTest::addColumn<QDateTime>("end");
        QTest::addColumn<QDateTime>("expectedBegin");
        QTest::addColumn<QDateTime>("expectedEnd");
        QTest::newRow("inside") << true << at(2025, 1, 1) << at(2025, 12, 31, 23, 59, 59)
                                << at(2025, 1, 1) << at(2025, 12, 31, 23, 59, 59);
        QTest::newRow("end beyond range") << true << at(2025, 1, 1) << at(2099, 12, 31, 23, 59, 59)
                                          << at(2025, 1, 1) << at(2037, 12, 31, 23, 59, 59);
        QTest::newRow("begin before range")
            << true << at(1990, 5, 1) << at(2025, 1, 1) << at(2000, 1, 1) << at(2025, 1, 1);
        QTest::newRow("inverted: lapsed member")
            << true << at(2025, 6, 2) << at(2025, 6, 1, 23, 59, 59) << at(2025, 6, 1, 23, 59, 58)
            << at(2025, 6, 1, 23, 59, 59);
        QTest::newRow("equal") << true << at(2025, 6, 1) << at(2025, 6, 1)
                               << at(2025, 5, 31, 23, 59, 59) << at(2025, 6, 1);
        QTest::newRow("all before range") << true << at(1995, 1, 1) << at(1999, 12, 31)
                                          << at(2000, 1, 1) << at(2000, 1, 1, 0, 0, 1);
        QTest::newRow("all after range")
            << true << at(2040, 1, 1) << at(2041, 1, 1) << at(2037, 12, 31, 23, 59, 58)
            << at(2037, 12, 31, 23, 59, 59);
        QTest::newRow("milliseconds dropped")
            << true << at(2025, 1, 1).addMSecs(999) << at(2025, 1, 1, 0, 0, 1).addMSecs(500)
            << at(2025, 1, 1) << at(2025, 1, 1, 0, 0, 1);
        QTest::newRow("permanent without times") << false << QDateTime() << QDateTime()
                                                 << at(2000, 1, 1) << at(2037, 12, 31, 23, 59, 59);
    }

    void clamping()
    {
        QFETCH(bool, enabled);
        QFETCH(QDateTime, begin);
        QFETCH(QDateTime, end);
        QFETCH(QDateTime, expectedBegin);
        QFETCH(QDateTime, expectedEnd);
        const auto clamped =
            clampValidity(PersonValidity{enabled, begin, end}, terminalCapabilities());
        QVERIFY(clamped);
        QCOMPARE(clamped.value().begin, expectedBegin);
        QCOMPARE(clamped.value().end, expectedEnd);
        QVERIFY(clamped.value().begin < clamped.value().end);
        QCOMPARE(clamped.value().enabled, enabled);
    }

    void enabledValidityNeedsTimes()
    {
        const auto clamped = clampValidity(PersonValidity{true, at(2025, 1, 1), QDateTime()},
                                           terminalCapabilities());
        QCOMPARE(clamped.error().kind, Kind::RefusedRequest);
    }

    void inversionIsFixedInTheBody()
    {
        Person person = member(QStringLiteral("3"), QStringLiteral("x"));
        person.validity.begin = at(2025, 6, 2);
        person.validity.end = at(2025, 6, 1, 23, 59, 59);
        const auto write =
            userInfoValidityBody(person, terminalCapabilities(), genericDeviceProfile(), {});
        QVERIFY(write.value().body.contains(R"("beginTime":"2025-06-01T23:59:58")"));
        QVERIFY(write.value().body.contains(R"("endTime":"2025-06-01T23:59:59")"));
    }

    void utcProfileSendsOffsets()
    {
        DeviceProfile profile = genericDeviceProfile();
        profile.timeType = QStringLiteral("UTC");
        const auto write = userInfoValidityBody(member(QStringLiteral("3"), {}),
                                                terminalCapabilities(), profile, {});
        QVERIFY(write.value().body.contains(R"("timeType":"UTC")"));
        QVERIFY(write.value().body.contains(R"("beginTime":"2025-01-01T00:00:00+)") ||
                write.value().body.contains(R"("beginTime":"2025-01-01T00:00:00-)"));
    }

    void givenAndFamilyName()
    {
        DeviceProfile profile = genericDeviceProfile();
        profile.sendGivenAndFamilyName = true;
        const auto write =
            userInfoBody(member(QStringLiteral("3"), QStringLiteral("Anna Maria Lind")),
                         terminalCapabilities(), profile, {});
        QVERIFY(write.value().body.contains(R"("givenName":"Anna Maria")"));
        QVERIFY(write.value().body.contains(R"("familyName":"Lind")"));
        QVERIFY(write.value().body.contains(R"("name":"Anna Maria Lind")"));
    }

    void profileCanLeaveFieldsOut()
    {
        DeviceProfile profile = genericDeviceProfile();
        profile.sendRightPlan = false;
        profile.sendDoorRight = false;
        profile.sendTimeType = false;
        const auto write = userInfoBody(member(QStringLiteral("3"), QStringLiteral("x")),
                                        terminalCapabilities(), profile, {});
        QVERIFY(!write.value().body.contains("RightPlan"));
        QVERIFY(!write.value().body.contains("doorRight"));
        QVERIFY(!write.value().body.contains("timeType"));
    }

    void tooManyDoorPlansAreCut()
    {
        Person person = member(QStringLiteral("3"), QStringLiteral("x"));
        person.rightPlans = {DoorPlan{1, QStringLiteral("1")}, DoorPlan{2, QStringLiteral("1")}};
        const auto write = userInfoBody(person, terminalCapabilities(), genericDeviceProfile(), {});
        QVERIFY(write.value().body.contains(R"("RightPlan":[{"doorNo":1,"planTemplateNo":"1"}])"));
        QCOMPARE(write.value().warnings.size(), 1);
    }

    void cardRecord()
    {
        Card card;
        card.employeeNo = QStringLiteral("100054");
        card.cardNo = QStringLiteral("garten-zho0k6WjKtxJm");
        QCOMPARE(cardInfoRecordBody(card, terminalCapabilities()).value(),
                 QByteArray(R"({"CardInfo":{"cardNo":"garten-zho0k6WjKtxJm",)"
                            R"("cardType":"normalCard","employeeNo":"100054"}})"));
        card.cardNo.clear();
        QCOMPARE(cardInfoRecordBody(card, terminalCapabilities()).error().kind,
                 Kind::RefusedRequest);
        card.cardNo = QString(33, QLatin1Char('1'));
        QCOMPARE(cardInfoRecordBody(card, terminalCapabilities()).error().kind,
                 Kind::RefusedRequest);
    }
    void acsEventSearchBody()
    {
        const QJsonObject all =
            QJsonDocument::fromJson(isapi::acsEventSearchBody(QStringLiteral("s1"), 60))
                .object()
                .value(QLatin1String("AcsEventCond"))
                .toObject();
        QCOMPARE(all.value(QLatin1String("searchID")).toString(), QStringLiteral("s1"));
        QCOMPARE(all.value(QLatin1String("searchResultPosition")).toInt(), 60);
        QCOMPARE(all.value(QLatin1String("maxResults")).toInt(), 30);
        QCOMPARE(all.value(QLatin1String("major")).toInt(-1), 0);
        QCOMPARE(all.value(QLatin1String("minor")).toInt(-1), 0);
        QVERIFY(!all.contains(QLatin1String("beginSerialNo")));
        const QByteArray fromSerial =
            isapi::acsEventSearchBody(QStringLiteral("s2"), 0, 2999999999);
        // Written as integers, never as 3e+09.
        QVERIFY(fromSerial.contains("\"beginSerialNo\":2999999999"));
        QVERIFY(fromSerial.contains("\"endSerialNo\":999999999"));
        QCOMPARE(isapi::acsEventTotalNumBody(),
                 QByteArray(R"({"AcsEventTotalNumCond":{"major":0,"minor":0}})"));
    }
};

QTEST_GUILESS_MAIN(TestIsapiRequests)
#include "tst_isapirequests.moc"
