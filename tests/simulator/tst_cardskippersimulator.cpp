// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStringDecoder>
#include <QTest>
#include <QXmlStreamReader>
#include <memory>

using namespace cis;
using namespace cis::sim;

namespace {

const QDateTime kStart(QDate(2026, 3, 15), QTime(12, 0));

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

QByteArray basic(const QByteArray &user, const QByteArray &password)
{
    return "Basic " + QByteArray(user + ':' + password).toBase64();
}

// <Cardskipper><SearchCriteriaMember> with one empty element per criterion, as the API wants.
QByteArray criteria(const QList<std::pair<QByteArray, QByteArray>> &values)
{
    QByteArray body = "<Cardskipper><SearchCriteriaMember>";
    for (const auto &[name, value] : values)
        body += "<" + name + " value=\"" + value + "\"/>";
    return body + "</SearchCriteriaMember></Cardskipper>";
}

QByteArray organisation(qint64 id = DemoData::kOrganisationId)
{
    return criteria({{"OrganisationId", QByteArray::number(id)}});
}

// Member numbers in an export document, in document order.
QList<qint64> memberNumbers(const QByteArray &document)
{
    QList<qint64> numbers;
    QXmlStreamReader xml(document);
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("Member")) {
            numbers.append(
                xml.attributes().value(QLatin1String("OrganisationMemberId")).toLongLong());
            xml.skipCurrentElement();
        } else if (xml.name() != QLatin1String("Cardskipper") &&
                   xml.name() != QLatin1String("Members")) {
            xml.skipCurrentElement();
        }
    }
    return xml.hasError() ? QList<qint64>{-1} : numbers;
}

// Every start element below the Member of that number, as "Element@Attribute=value" lines.
QStringList memberFacts(const QByteArray &document, qint64 number)
{
    QStringList facts;
    QXmlStreamReader xml(document);
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const bool isWanted =
                xml.name() == QLatin1String("Member") &&
                xml.attributes().value(QLatin1String("OrganisationMemberId")).toLongLong() ==
                    number;
            if (isWanted || depth > 0) {
                ++depth;
                for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                    facts.append(xml.name().toString() + u'@' + attribute.name().toString() + u'=' +
                                 attribute.value().toString());
                }
                if (xml.attributes().isEmpty())
                    facts.append(xml.name().toString());
            }
        } else if (xml.isEndElement() && depth > 0) {
            --depth;
        }
    }
    return facts;
}

bool parses(const QByteArray &document)
{
    QXmlStreamReader xml(document);
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError();
}

QString isoDay(QDate day)
{
    return day.toString(Qt::ISODate);
}

} // namespace

class TestCardskipperSimulator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<CardskipperSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;

    QDate today() const { return m_clock->today(); }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &authorization = basic("demo", "demo"),
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 0)
    {
        QNetworkRequest request(m_sim->baseUrl().resolved(QUrl(path)));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        if (!body.isEmpty())
            request.setRawHeader("Content-Type", "application/xml; charset=utf-8");
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        if (timeoutMs > 0)
            request.setTransferTimeout(timeoutMs);
        QNetworkReply *reply = body.isEmpty() && method == "GET"
                                   ? m_network->get(request)
                                   : m_network->sendCustomRequest(request, method, body);
        const bool finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000);
        Reply result;
        if (!finished) {
            result.error = QNetworkReply::TimeoutError;
            reply->abort();
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.error = reply->error();
            result.body = reply->readAll();
            result.headers = reply->rawHeaderPairs();
        }
        reply->deleteLater();
        return result;
    }

    Reply exportMembers(const QByteArray &body)
    {
        return send("POST", QStringLiteral("/Member/Export"), body);
    }

    QList<qint64> exported(const QByteArray &body)
    {
        const Reply reply = exportMembers(body);
        if (reply.status != 200)
            return {-reply.status};
        return memberNumbers(reply.body);
    }

    // The demo members that hold a role in 4711.
    QList<qint64> clubMembers() const
    {
        QList<qint64> numbers;
        for (const SimMember &member : m_sim->members()) {
            if (member.membership(DemoData::kOrganisationId))
                numbers.append(member.organisationMemberId);
        }
        return numbers;
    }

private slots:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(kStart);
        m_sim = std::make_unique<CardskipperSimulator>(m_clock.get());
        // Only the fixed cases, so expectations can be exact.
        m_sim->loadDemoData(int(DemoData::specialMemberIds().size()));
        QVERIFY(m_sim->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_network.reset();
        m_sim.reset();
        m_clock.reset();
    }

    void routesAnswerWithAndWithoutSlashInAnyCase_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("root");
        const QByteArray search = organisation();
        for (const QString &slash : {QString(), QStringLiteral("/")}) {
            const QByteArray tag = slash.isEmpty() ? " without slash" : " with slash";
            QTest::addRow("country%s", tag.constData())
                << QByteArray("GET") << QString(QStringLiteral("/Basedata/Country") + slash)
                << QByteArray() << QStringLiteral("Countries");
            QTest::addRow("gender%s", tag.constData())
                << QByteArray("GET") << QString(QStringLiteral("/Basedata/Gender") + slash)
                << QByteArray() << QStringLiteral("Genders");
            QTest::addRow("info%s", tag.constData())
                << QByteArray("GET") << QString(QStringLiteral("/Organisation/Info") + slash)
                << QByteArray() << QStringLiteral("Organisations");
            QTest::addRow("export%s", tag.constData())
                << QByteArray("POST") << QString(QStringLiteral("/Member/Export") + slash) << search
                << QStringLiteral("Members");
        }
        QTest::newRow("export lower case") << QByteArray("POST") << QStringLiteral("/member/export")
                                           << search << QStringLiteral("Members");
        QTest::newRow("info upper case")
            << QByteArray("GET") << QStringLiteral("/ORGANISATION/INFO/") << QByteArray()
            << QStringLiteral("Organisations");
    }

    void routesAnswerWithAndWithoutSlashInAnyCase()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, root);
        const Reply reply = send(method, path, body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/xml; charset=utf-8"));
        QVERIFY(reply.body.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        QXmlStreamReader xml(reply.body);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("Cardskipper"));
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), root);
    }

    void unknownRoutesAndWrongMethodsAreRefused()
    {
        QCOMPARE(send("GET", QStringLiteral("/Member/Exports")).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/")).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/Member/Export//")).status, 404);
        const Reply wrongMethod = send("GET", QStringLiteral("/Member/Export"));
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));
        QCOMPARE(send("POST", QStringLiteral("/Organisation/Info"), "<x/>").status, 405);
    }

    void badCredentialsGetAChallengeByDefault_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("wrong password") << basic("demo", "wrong");
        QTest::newRow("unknown user") << basic("nobody", "demo");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("not basic") << QByteArray("Bearer abc");
        QTest::newRow("not base64") << QByteArray("Basic !!!");
        QTest::newRow("no colon") << QByteArray("Basic " + QByteArray("demo").toBase64());
    }

    void badCredentialsGetAChallengeByDefault()
    {
        QFETCH(QByteArray, authorization);
        const Reply reply =
            send("POST", QStringLiteral("/Member/Export"), organisation(), authorization);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Basic realm=\"Cardskipper\""));
        QVERIFY(reply.header("Content-Type").startsWith("text/html"));
        QVERIFY(reply.body.contains("401"));
        QCOMPARE(m_sim->failedAuthCount(), 1);
    }

    void badCredentialsCanComeWithoutChallenge()
    {
        m_sim->options().challengeOnBadCredentials = false;
        const Reply reply =
            send("GET", QStringLiteral("/Organisation/Info"), {}, basic("demo", "nope"));
        QCOMPARE(reply.status, 401);
        QVERIFY(!reply.headers.isEmpty());
        QVERIFY(reply.header("WWW-Authenticate").isEmpty());
        QCOMPARE(m_sim->failedAuthCount(), 1);
        QCOMPARE(send("GET", QStringLiteral("/Organisation/Info")).status, 200);
        QCOMPARE(m_sim->failedAuthCount(), 1);
    }

    void everyRouteNeedsItsOwnGrant()
    {
        QVERIFY(m_sim->setGrants(QStringLiteral("demo"), {CardskipperRoute::OrganisationInfo}));
        QCOMPARE(send("GET", QStringLiteral("/Organisation/Info")).status, 200);
        const Reply refused = exportMembers(organisation());
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.header("Content-Type").startsWith("text/html"));
        QCOMPARE(send("GET", QStringLiteral("/Basedata/Country")).status, 403);
        QVERIFY(!m_sim->setGrants(QStringLiteral("nobody"), {}));
    }

    void otherAccountsSeeTheirOwnOrganisations()
    {
        SimAccount gym;
        gym.username = QStringLiteral("gym");
        gym.password = QStringLiteral("s3cret åäö");
        gym.organisationIds = {DemoData::kChildOrganisationId};
        m_sim->setAccount(gym);
        const QByteArray auth = basic("gym", QStringLiteral("s3cret åäö").toUtf8());
        QCOMPARE(memberNumbers(send("POST", QStringLiteral("/Member/Export"),
                                    organisation(DemoData::kChildOrganisationId), auth)
                                   .body),
                 (QList<qint64>{DemoData::kTwoOrganisations}));
        QCOMPARE(send("POST", QStringLiteral("/Member/Export"), organisation(), auth).status, 403);
        m_sim->removeAccount(QStringLiteral("gym"));
        QCOMPARE(send("GET", QStringLiteral("/Organisation/Info"), {}, auth).status, 401);
    }

    void strictModeRejectsWhatTheSchemaForbids_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("element text")
            << QByteArray("<Cardskipper><SearchCriteriaMember><OrganisationId>4711</OrganisationId>"
                          "</SearchCriteriaMember></Cardskipper>")
            << QStringLiteral("element text");
        QTest::newRow("no Cardskipper root")
            << QByteArray("<SearchCriteriaMember><OrganisationId value=\"4711\"/>"
                          "</SearchCriteriaMember>")
            << QStringLiteral("root element");
        QTest::newRow("empty value") << criteria({{"OrganisationId", "4711"}, {"Firstname", ""}})
                                     << QStringLiteral("empty value");
        QTest::newRow("unknown criterion")
            << criteria({{"OrganisationId", "4711"}, {"Email", "a@b.se"}})
            << QStringLiteral("Unknown search criterion Email");
        QTest::newRow("out of order")
            << criteria({{"OnlyActive", "true"}, {"OrganisationId", "4711"}})
            << QStringLiteral("out of order");
        QTest::newRow("repeated") << criteria(
                                         {{"OrganisationId", "4711"}, {"OrganisationId", "4711"}})
                                  << QStringLiteral("repeated");
        QTest::newRow("wrong case")
            << criteria({{"organisationid", "4711"}}) << QStringLiteral("Unknown search criterion");
        QTest::newRow("no OrganisationId")
            << criteria({{"OnlyActive", "true"}}) << QStringLiteral("OrganisationId must");
        QTest::newRow("no value attribute")
            << QByteArray("<Cardskipper><SearchCriteriaMember><OrganisationId/>"
                          "</SearchCriteriaMember></Cardskipper>")
            << QStringLiteral("no value attribute");
        QTest::newRow("no SearchCriteriaMember")
            << QByteArray("<Cardskipper/>") << QStringLiteral("SearchCriteriaMember is missing");
        QTest::newRow("foreign element")
            << QByteArray("<Cardskipper><Paging value=\"1\"/></Cardskipper>")
            << QStringLiteral("Unexpected element Paging");
        // Rejected in lenient mode too:
        QTest::newRow("malformed XML")
            << QByteArray("<Cardskipper><SearchCriteriaMember><OrganisationId value=\"4711\">")
            << QStringLiteral("not well-formed");
        QTest::newRow("trailing garbage")
            << organisation() + "<more/>" << QStringLiteral("not well-formed");
        QTest::newRow("not XML") << QByteArray("OrganisationId=4711")
                                 << QStringLiteral("not well-formed");
        QTest::newRow("not a number")
            << criteria({{"OrganisationId", "Exempelklubben"}}) << QStringLiteral("invalid value");
        QTest::newRow("not a boolean")
            << criteria({{"OrganisationId", "4711"}, {"OnlyActive", "yes"}})
            << QStringLiteral("invalid value");
        QTest::newRow("not a date")
            << criteria({{"OrganisationId", "4711"}, {"ChangedAt", "yesterday"}})
            << QStringLiteral("invalid value");
    }

    void strictModeRejectsWhatTheSchemaForbids()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, complaint);
        const Reply reply = exportMembers(body);
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.header("Content-Type").startsWith("application/xml"));
        QXmlStreamReader xml(reply.body);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("Error"));
        QVERIFY(xml.readNextStartElement());
        const QString message = xml.readElementText();
        QVERIFY2(message.contains(complaint), qPrintable(message));
    }

    void lenientModeAcceptsTheVariants_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<qint64>>("expected");
        const QList<qint64> all = {-1};
        const QList<qint64> asa = {DemoData::kPlainMember};
        QTest::newRow("element text")
            << QByteArray("<Cardskipper><SearchCriteriaMember><OrganisationId>4711</OrganisationId>"
                          "<OrganisationMemberId> 1001 </OrganisationMemberId>"
                          "</SearchCriteriaMember></Cardskipper>")
            << asa;
        QTest::newRow("no Cardskipper root")
            << QByteArray("<SearchCriteriaMember><OrganisationId value=\"4711\"/>"
                          "<OrganisationMemberId value=\"1001\"/></SearchCriteriaMember>")
            << asa;
        QTest::newRow("empty value ignored") << criteria({{"OrganisationId", "4711"},
                                                          {"OrganisationMemberId", "1001"},
                                                          {"Firstname", ""}})
                                             << asa;
        QTest::newRow("unknown criterion ignored") << criteria({{"OrganisationId", "4711"},
                                                                {"OrganisationMemberId", "1001"},
                                                                {"Email", "x@y.se"}})
                                                   << asa;
        QTest::newRow("out of order")
            << criteria({{"OrganisationMemberId", "1001"}, {"OrganisationId", "4711"}}) << asa;
        QTest::newRow("any case") << criteria({{"organisationid", "4711"},
                                               {"ORGANISATIONMEMBERID", "1001"},
                                               {"onlyactive", "TRUE"}})
                                  << asa;
        QTest::newRow("S6 shape")
            << QByteArray("<SearchCriteriaMember xmlns:xsi=\"http://www.w3.org/2001/"
                          "XMLSchema-instance\"><OrganisationId>4711</OrganisationId>"
                          "<OrganisationMemberId>1001</OrganisationMemberId>"
                          "</SearchCriteriaMember>")
            << asa;
        QTest::newRow("no OrganisationId searches every readable one")
            << criteria({{"OrganisationMemberId", "1014"}})
            << QList<qint64>{DemoData::kTwoOrganisations};
        QTest::newRow("everything") << organisation() << all;
    }

    void lenientModeAcceptsTheVariants()
    {
        QFETCH(QByteArray, body);
        QFETCH(QList<qint64>, expected);
        m_sim->options().strict = false;
        QCOMPARE(exported(body), expected == QList<qint64>{-1} ? clubMembers() : expected);
    }

    void strictModeAcceptsTheDocumentedShape()
    {
        // S3's production request, namespaces and all.
        const QByteArray body =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<Cardskipper xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            "  <SearchCriteriaMember>\n    <OrganisationId value=\"4711\"/>\n"
            "    <OnlyActive value=\"true\"/>\n  </SearchCriteriaMember>\n</Cardskipper>\n";
        const Reply reply = exportMembers(body);
        QCOMPARE(reply.status, 200);
        QVERIFY(!memberNumbers(reply.body).isEmpty());
        // Every criterion at once, in the schema's order.
        const QByteArray all =
            criteria({{"MemberId", "901001"},
                      {"OrganisationId", "4711"},
                      {"RoleId", "3126"},
                      {"UserId", "701001"},
                      {"OrganisationMemberId", "1001"},
                      {"Birthdate", "1990-04-21"},
                      {"Firstname", "Åsa"},
                      {"Lastname", "Öberg"},
                      {"Cellphone", "070 111 22 33"},
                      {"TagContains", "gy"},
                      {"OrganisationUnit", "Gym"},
                      {"HasUserDevice", m_sim->member(1001)->hasUserDevice ? "true" : "false"},
                      {"OnlyActive", "true"},
                      {"ChangedAt", "2020-01-01T00:00:00"}});
        QCOMPARE(exported(all), (QList<qint64>{DemoData::kPlainMember}));
    }

    void criteriaFilterTheMembers_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("OrganisationMemberId")
            << QByteArray("OrganisationMemberId") << QByteArray("1002") << QList<qint64>{1002};
        QTest::newRow("MemberId") << QByteArray("MemberId") << QByteArray("901003")
                                  << QList<qint64>{1003};
        QTest::newRow("UserId") << QByteArray("UserId") << QByteArray("701004")
                                << QList<qint64>{1004};
        QTest::newRow("RoleId youth")
            << QByteArray("RoleId") << QByteArray("3127") << QList<qint64>{DemoData::kYouth};
        QTest::newRow("RoleId gym")
            << QByteArray("RoleId") << QByteArray("3128") << QList<qint64>{DemoData::kPlainMember};
        QTest::newRow("Firstname any case")
            << QByteArray("Firstname") << QByteArray("åSA") << QList<qint64>{1001};
        QTest::newRow("Firstname exact only")
            << QByteArray("Firstname") << QByteArray("Ås") << QList<qint64>{};
        QTest::newRow("Lastname") << QByteArray("Lastname") << QByteArray("LINDQVIST")
                                  << QList<qint64>{1005, 1006, 1018};
        QTest::newRow("Lastname with ampersand")
            << QByteArray("Lastname") << QByteArray("Ström &amp; Dotter") << QList<qint64>{1012};
        QTest::newRow("Cellphone spaced")
            << QByteArray("Cellphone") << QByteArray("070 111 22 33") << QList<qint64>{1001};
        QTest::newRow("Cellphone +46")
            << QByteArray("Cellphone") << QByteArray("+46702223344") << QList<qint64>{1002};
        QTest::newRow("Cellphone 0046")
            << QByteArray("Cellphone") << QByteArray("0046 70 333 44 55") << QList<qint64>{1003};
        QTest::newRow("TagContains")
            << QByteArray("TagContains") << QByteArray("kondition") << QList<qint64>{1012};
        QTest::newRow("OrganisationUnit")
            << QByteArray("OrganisationUnit") << QByteArray("gym") << QList<qint64>{1001};
        QTest::newRow("Birthdate")
            << QByteArray("Birthdate") << QByteArray("1990-04-21") << QList<qint64>{1001};
        QTest::newRow("Birthdate as datetime")
            << QByteArray("Birthdate") << QByteArray("1990-04-21T00:00:00") << QList<qint64>{1001};
    }

    void criteriaFilterTheMembers()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QList<qint64>, expected);
        QList<std::pair<QByteArray, QByteArray>> values = {{"OrganisationId", "4711"}};
        if (name == "MemberId")
            values.prepend({name, value});
        else
            values.append({name, value});
        QCOMPARE(exported(criteria(values)), expected);
    }

    void hasUserDeviceSplitsTheClub()
    {
        const QList<qint64> with =
            exported(criteria({{"OrganisationId", "4711"}, {"HasUserDevice", "true"}}));
        const QList<qint64> without =
            exported(criteria({{"OrganisationId", "4711"}, {"HasUserDevice", "false"}}));
        QVERIFY(!with.isEmpty());
        QVERIFY(!without.isEmpty());
        QCOMPARE(with.size() + without.size(), clubMembers().size());
        for (qint64 number : with)
            QVERIFY(m_sim->member(number)->hasUserDevice);
    }

    void onlyActiveMeansARoleCoversTodayAndNotInactive()
    {
        const QByteArray active = criteria({{"OrganisationId", "4711"}, {"OnlyActive", "true"}});
        const QList<qint64> numbers = exported(active);
        for (qint64 in : {DemoData::kPlainMember, DemoData::kPastGap, DemoData::kEndsToday,
                          DemoData::kStartsToday, DemoData::kTwoOrganisations, DemoData::kYouth})
            QVERIFY2(numbers.contains(in), QByteArray::number(in).constData());
        for (qint64 out : {DemoData::kExpired, DemoData::kInGapToday, DemoData::kStartsNextMonth,
                           DemoData::kInactive, DemoData::kEndedYesterday})
            QVERIFY2(!numbers.contains(out), QByteArray::number(out).constData());

        // Expired roles of an active member are still listed.
        const QStringList facts = memberFacts(exportMembers(active).body, DemoData::kPastGap);
        QCOMPARE(facts.filter(QStringLiteral("Role@Id=")).size(), 2);

        QCOMPARE(exported(criteria({{"OrganisationId", "4711"}, {"OnlyActive", "false"}})),
                 clubMembers());
        QCOMPARE(exported(organisation()), clubMembers());
    }

    void onlyActiveVariantsAreSwitchable()
    {
        const QByteArray active = criteria({{"OrganisationId", "4711"}, {"OnlyActive", "true"}});
        m_sim->options().onlyActiveIncludesFutureRoles = true;
        QList<qint64> numbers = exported(active);
        QVERIFY(numbers.contains(DemoData::kInGapToday));
        QVERIFY(numbers.contains(DemoData::kStartsNextMonth));
        QVERIFY(!numbers.contains(DemoData::kEndedYesterday));
        QVERIFY(!numbers.contains(DemoData::kInactive));
        m_sim->options().onlyActiveIncludesFutureRoles = false;
        m_sim->options().onlyActiveGraceDays = 1;
        numbers = exported(active);
        QVERIFY(numbers.contains(DemoData::kEndedYesterday));
        QVERIFY(!numbers.contains(DemoData::kInGapToday));
    }

    void onlyActiveFollowsTheClock()
    {
        const QByteArray active = criteria({{"OrganisationId", "4711"}, {"OnlyActive", "true"}});
        QVERIFY(exported(active).contains(DemoData::kEndsToday));
        QVERIFY(!exported(active).contains(DemoData::kInGapToday));
        m_clock->advanceDays(1);
        QVERIFY(!exported(active).contains(DemoData::kEndsToday));
        m_clock->advanceDays(19);
        QVERIFY(exported(active).contains(DemoData::kInGapToday));
    }

    void changedAtReturnsLaterChanges()
    {
        const auto changedSince = [this](const QByteArray &moment) {
            return exported(criteria({{"OrganisationId", "4711"}, {"ChangedAt", moment}}));
        };
        // Demo data was last changed a day ago or earlier.
        QCOMPARE(changedSince(kStart.addDays(-1).toString(Qt::ISODate).toUtf8()).size(), 0);
        QCOMPARE(changedSince("2000-01-01"), clubMembers());

        const QDateTime before = m_clock->now();
        m_clock->advanceSeconds(60);
        QVERIFY(m_sim->extendMembership(DemoData::kExpired, today().addYears(1)));
        QCOMPARE(changedSince(before.toString(Qt::ISODate).toUtf8()),
                 (QList<qint64>{DemoData::kExpired}));
        // Strictly after: a change at exactly ChangedAt is not reported again.
        QCOMPARE(changedSince(m_clock->now().toString(Qt::ISODate).toUtf8()), QList<qint64>{});

        m_clock->advanceSeconds(3600);
        const QDateTime second = m_clock->now().addSecs(-1);
        QVERIFY(m_sim->changeEmail(DemoData::kNoEmail, QStringLiteral("marta@example.se")));
        QCOMPARE(changedSince(second.toString(Qt::ISODate).toUtf8()),
                 (QList<qint64>{DemoData::kNoEmail}));
        // A date alone means its midnight; fractions and zones are understood.
        QCOMPARE(changedSince(isoDay(today()).toUtf8()),
                 (QList<qint64>{DemoData::kNoEmail, DemoData::kExpired}));
        QCOMPARE(changedSince(second.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")).toUtf8()),
                 (QList<qint64>{DemoData::kNoEmail}));
        QCOMPARE(changedSince(second.toUTC().toString(Qt::ISODate).toUtf8()),
                 (QList<qint64>{DemoData::kNoEmail}));
        QCOMPARE(changedSince(second.toOffsetFromUtc(3600).toString(Qt::ISODate).toUtf8()),
                 (QList<qint64>{DemoData::kNoEmail}));
    }

    void childOrganisationExportsItsOwnMembers()
    {
        const Reply reply = exportMembers(organisation(DemoData::kChildOrganisationId));
        QCOMPARE(memberNumbers(reply.body), (QList<qint64>{DemoData::kTwoOrganisations}));
        const QStringList facts = memberFacts(reply.body, DemoData::kTwoOrganisations);
        QCOMPARE(facts.filter(QStringLiteral("Organisation@Id=")),
                 (QStringList{QStringLiteral("Organisation@Id=4712")}));
    }

    void otherOrganisationsAreListedWhenAsked()
    {
        QStringList facts =
            memberFacts(exportMembers(organisation()).body, DemoData::kTwoOrganisations);
        QCOMPARE(facts.filter(QStringLiteral("Organisation@Id=")).size(), 1);
        m_sim->options().includeOtherOrganisations = true;
        facts = memberFacts(exportMembers(organisation()).body, DemoData::kTwoOrganisations);
        QCOMPARE(facts.filter(QStringLiteral("Organisation@Id=")),
                 (QStringList{QStringLiteral("Organisation@Id=4711"),
                              QStringLiteral("Organisation@Id=4712")}));
    }

    void unknownOrganisationIsForbiddenOrEmpty()
    {
        for (qint64 id : {DemoData::kForeignOrganisationId, qint64(999999)}) {
            m_sim->options().unknownOrganisation =
                CardskipperSimulator::UnknownOrganisation::Forbidden;
            QCOMPARE(exportMembers(organisation(id)).status, 403);
            m_sim->options().unknownOrganisation =
                CardskipperSimulator::UnknownOrganisation::EmptyList;
            const Reply reply = exportMembers(organisation(id));
            QCOMPARE(reply.status, 200);
            QVERIFY(reply.body.contains("<Members/>"));
            QCOMPARE(memberNumbers(reply.body), QList<qint64>{});
        }
    }

    void exportCarriesTheMemberShape()
    {
        const Reply reply = exportMembers(organisation());
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        QVERIFY(reply.body.contains("<Cardskipper xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"));
        const QDate start = today().addDays(-100);
        const QDate end = today().addDays(265);
        const QStringList asa = memberFacts(reply.body, DemoData::kPlainMember);
        const QStringList expected = {
            QStringLiteral("Member@OrganisationMemberId=1001"),
            QStringLiteral("Member@Firstname=Åsa"),
            QStringLiteral("Member@Lastname=Öberg"),
            QStringLiteral("Member@Birthdate=1990-04-21T00:00:00"),
            QStringLiteral("Member@GenderCode=") + m_sim->member(1001)->genderCode,
            QStringLiteral("Member@Inactive=false"),
            QStringLiteral("Address@Line1=Storgatan 1"),
            QStringLiteral("Address@Zip=11122"),
            QStringLiteral("Address@City=Stockholm"),
            QStringLiteral("ContactInfo@CellPhone1=+46 70 111 22 33"),
            QStringLiteral("ContactInfo@EMail=asa.oberg@example.se"),
            QStringLiteral("Organisations"),
            QStringLiteral("Organisation@Id=4711"),
            QStringLiteral("Roles"),
            QStringLiteral("Role@Id=3126"),
            QStringLiteral("Role@StartDate=") + isoDay(start) + QStringLiteral("T00:00:00"),
            QStringLiteral("Role@EndDate=") + isoDay(end) + QStringLiteral("T00:00:00"),
            QStringLiteral("Role@Id=3128"),
            QStringLiteral("Role@StartDate=") + isoDay(start) + QStringLiteral("T00:00:00"),
            QStringLiteral("Role@EndDate=") + isoDay(end) + QStringLiteral("T00:00:00"),
            QStringLiteral("Role@OrganisationUnit=Gym"),
            QStringLiteral("Tags"),
            QStringLiteral("Tag@Label=gym"),
        };
        QCOMPARE(asa, expected);
        QVERIFY(!asa.join(u'\n').contains(QLatin1String("Birthnumber")));

        const QStringList marta = memberFacts(reply.body, DemoData::kNoEmail);
        QCOMPARE(marta.filter(QStringLiteral("ContactInfo")),
                 (QStringList{QStringLiteral("ContactInfo@CellPhone1=070 333 44 55")}));
        QCOMPARE(memberFacts(reply.body, DemoData::kNoContactInfo)
                     .filter(QStringLiteral("ContactInfo"))
                     .size(),
                 0);
        QVERIFY(memberFacts(reply.body, DemoData::kInactive)
                    .contains(QStringLiteral("Member@Inactive=true")));
        const QStringList kalle = memberFacts(reply.body, DemoData::kAmpersand);
        QVERIFY(kalle.contains(QStringLiteral("Member@Lastname=Ström & Dotter")));
        QVERIFY(kalle.contains(QStringLiteral("Address@Line1=Villa \"Solbacken\"")));
        QVERIFY(reply.body.contains("Lastname=\"Ström &amp; Dotter\""));
        QVERIFY(reply.body.contains("Line1=\"Villa &quot;Solbacken&quot;\""));
        QVERIFY(memberFacts(reply.body, DemoData::kAccentedName)
                    .contains(QStringLiteral("Member@Firstname=Renée")));
    }

    void singleMemberIsStillAList()
    {
        const Reply reply =
            exportMembers(criteria({{"OrganisationId", "4711"}, {"OrganisationMemberId", "1001"}}));
        QCOMPARE(memberNumbers(reply.body), (QList<qint64>{1001}));
        QVERIFY(reply.body.contains("<Members>"));
    }

    void responseVariantsAreSwitchable()
    {
        auto &options = m_sim->options();
        const QByteArray one =
            criteria({{"OrganisationId", "4711"}, {"OrganisationMemberId", "1001"}});
        options.dateStyle = CardskipperSimulator::DateStyle::DateOnly;
        options.namespaceDeclarations = false;
        options.includeBirthnumber = true;
        options.contentType = "text/xml";
        Reply reply = exportMembers(one);
        QCOMPARE(reply.header("Content-Type"), QByteArray("text/xml"));
        QVERIFY(reply.body.contains("<Cardskipper>"));
        QVERIFY(!reply.body.contains("xmlns"));
        QVERIFY(!reply.body.contains("T00:00:00"));
        QStringList facts = memberFacts(reply.body, 1001);
        QVERIFY(facts.contains(QStringLiteral("Member@Birthdate=1990-04-21")));
        QVERIFY(facts.contains(QStringLiteral("Member@Birthnumber=") +
                               m_sim->member(1001)->birthNumber));
        QVERIFY(facts.contains(QStringLiteral("Role@EndDate=") + isoDay(today().addDays(265))));

        const QByteArray none =
            criteria({{"OrganisationId", "4711"}, {"OrganisationMemberId", "5"}});
        QVERIFY(exportMembers(none).body.contains("<Members/>"));
        options.emptyList = CardskipperSimulator::EmptyListStyle::StartAndEndTag;
        reply = exportMembers(none);
        QVERIFY(reply.body.contains("<Members></Members>"));
        QVERIFY(parses(reply.body));
        QCOMPARE(memberNumbers(reply.body), QList<qint64>{});
    }

    void bodyEncodingsAreSwitchable()
    {
        auto &options = m_sim->options();
        const QByteArray one =
            criteria({{"OrganisationId", "4711"}, {"OrganisationMemberId", "1001"}});
        const QByteArray utf8Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
        const QByteArray utf16Declaration = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n";
        const Reply plain = exportMembers(one);
        QVERIFY(plain.body.startsWith(utf8Declaration));
        const QByteArray document = plain.body.mid(utf8Declaration.size());

        // What .NET sends when it serialised to a string first: the header and the bytes say
        // UTF-8, the declaration utf-16. A reader that believes the declaration fails.
        options.bodyEncoding = CardskipperSimulator::BodyEncoding::Utf8DeclaredUtf16;
        Reply reply = exportMembers(one);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/xml; charset=utf-8"));
        QCOMPARE(reply.body, utf16Declaration + document);
        QVERIFY(!parses(reply.body));

        // Real UTF-16, little-endian as .NET's Encoding.Unicode writes it, with its mark; the
        // header is whatever contentType says.
        options.bodyEncoding = CardskipperSimulator::BodyEncoding::Utf16WithBom;
        for (const QByteArray &contentType :
             {QByteArray("application/xml; charset=utf-16"), QByteArray("application/xml")}) {
            options.contentType = contentType;
            reply = exportMembers(one);
            QCOMPARE(reply.header("Content-Type"), contentType);
            QVERIFY(reply.body.startsWith("\xFF\xFE<\0?\0x\0m\0l\0"));
            QStringDecoder utf16(QStringDecoder::Utf16LE);
            const QString text = utf16.decode(reply.body.mid(2));
            QVERIFY(!utf16.hasError());
            QCOMPARE(text, QString::fromUtf8(utf16Declaration + document));
            QCOMPARE(memberFacts(reply.body, 1001), memberFacts(plain.body, 1001));
        }

        // Every XML answer, not only the export.
        const Reply info = send("GET", QStringLiteral("/Organisation/Info"));
        QCOMPARE(info.status, 200);
        QVERIFY(info.body.startsWith("\xFF\xFE"));
        QVERIFY(parses(info.body));
        QVERIFY(m_sim->exportDocument({}, {DemoData::kOrganisationId}).startsWith("\xFF\xFE"));
    }

    void organisationInfoListsWhatTheAccountMayRead()
    {
        const Reply reply = send("GET", QStringLiteral("/Organisation/Info"));
        QCOMPARE(reply.status, 200);
        QStringList facts;
        QXmlStreamReader xml(reply.body);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            for (const QXmlStreamAttribute &attribute : xml.attributes())
                facts.append(xml.name().toString() + u'@' + attribute.name().toString() + u'=' +
                             attribute.value().toString());
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(facts.filter(QRegularExpression(QStringLiteral("^Organisation@Id="))),
                 (QStringList{QStringLiteral("Organisation@Id=4711"),
                              QStringLiteral("Organisation@Id=4712")}));
        for (const QString &fact :
             {QStringLiteral("Organisation@Name=Exempelklubben IF"),
              QStringLiteral("Role@Name=Årskort"), QStringLiteral("Role@Description=Helårsmedlem"),
              QStringLiteral("Role@Id=3127"), QStringLiteral("Role@Id=3128"),
              QStringLiteral("InformationType@Name=Nyheter"),
              QStringLiteral("InformationType@OrganisationId=4711"),
              QStringLiteral("CardskipperOrganisationChildren@Id=4712"),
              QStringLiteral("CardskipperOrganisationChildren@Name=Exempelklubben IF Gym"),
              QStringLiteral("OrganisationUnit@Value=Gym"), QStringLiteral("Role@Id=3130")})
            QVERIFY2(facts.contains(fact), qPrintable(fact));
        QVERIFY(!reply.body.contains("Grannklubben"));
    }

    void basedataFollowsAcceptLanguage()
    {
        const Reply swedish = send("GET", QStringLiteral("/Basedata/Country"), {},
                                   basic("demo", "demo"), {{"Accept-Language", "sv-SE"}});
        QVERIFY(swedish.body.contains("Name=\"Tyskland\""));
        QVERIFY(swedish.body.contains("Code=\"SE\""));
        const Reply english = send("GET", QStringLiteral("/Basedata/Country"), {},
                                   basic("demo", "demo"), {{"Accept-Language", "en"}});
        QVERIFY(english.body.contains("Name=\"Germany\""));
        const Reply genders = send("GET", QStringLiteral("/Basedata/Gender"), {},
                                   basic("demo", "demo"), {{"Accept-Language", "sv"}});
        QVERIFY(genders.body.contains("Name=\"Kvinna\""));
        QVERIFY(parses(genders.body));
    }

    void requestsAreRecorded()
    {
        QSignalSpy received(m_sim.get(), &CardskipperSimulator::requestReceived);
        send("POST", QStringLiteral("/Member/Export/"), organisation(), basic("demo", "demo"),
             {{"Accept-Language", "sv-SE"}});
        QCOMPARE(received.size(), 1);
        QCOMPARE(received[0][0].toString(), QStringLiteral("POST"));
        QCOMPARE(received[0][1].toString(), QStringLiteral("/Member/Export/"));
        const QList<HttpRequest> requests = m_sim->receivedRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("POST"));
        QCOMPARE(requests[0].header("authorization"), basic("demo", "demo"));
        QCOMPARE(requests[0].header("Accept-Language"), QByteArray("sv-SE"));
        QCOMPARE(requests[0].body, organisation());
        m_sim->clearReceivedRequests();
        QVERIFY(m_sim->receivedRequests().isEmpty());
    }

    void hooksChangeMembersAndStampThem()
    {
        const QDate yesterday = today().addDays(-1);
        m_clock->advanceSeconds(5);
        const QDateTime now = m_clock->now();
        const auto stamped = [&](qint64 number) {
            return m_sim->member(number)->lastChanged == now;
        };

        QVERIFY(m_sim->extendMembership(DemoData::kPastGap, today().addYears(2)));
        QCOMPARE(m_sim->member(DemoData::kPastGap)->organisations[0].roles[1].end,
                 today().addYears(2));
        QCOMPARE(m_sim->member(DemoData::kPastGap)->organisations[0].roles[0].end,
                 today().addDays(-200));
        QVERIFY(stamped(DemoData::kPastGap));

        QVERIFY(m_sim->shortenMembership(DemoData::kPlainMember, today().addDays(3)));
        const std::optional<SimMember> shortened = m_sim->member(DemoData::kPlainMember);
        QVERIFY(shortened);
        for (const SimRole &role : shortened->organisations[0].roles)
            QVERIFY(role.end == today().addDays(3) || role.end == today().addDays(265));
        QVERIFY(stamped(DemoData::kPlainMember));

        QVERIFY(m_sim->expireMember(DemoData::kInGapToday));
        const QList<SimRole> roles = m_sim->member(DemoData::kInGapToday)->organisations[0].roles;
        QCOMPARE(roles.size(), 1); // the future period is gone
        QCOMPARE(roles[0].end, today().addDays(-10));
        QVERIFY(m_sim->expireMember(DemoData::kYouth));
        QCOMPARE(m_sim->member(DemoData::kYouth)->organisations[0].roles[0].end, yesterday);
        QVERIFY(stamped(DemoData::kYouth));

        QVERIFY(m_sim->inactivateMember(DemoData::kStartsToday));
        QVERIFY(m_sim->member(DemoData::kStartsToday)->inactive);
        QVERIFY(stamped(DemoData::kStartsToday));

        QVERIFY(m_sim->changeEmail(DemoData::kFamilyParentB, QStringLiteral("karin@example.se")));
        QCOMPARE(m_sim->member(DemoData::kFamilyParentB)->email,
                 QStringLiteral("karin@example.se"));
        QVERIFY(stamped(DemoData::kFamilyParentB));

        SimMember newcomer = *m_sim->member(DemoData::kPlainMember);
        newcomer.organisationMemberId = 2001;
        newcomer.lastChanged = QDateTime();
        m_sim->addMember(newcomer);
        QVERIFY(stamped(2001));

        QVERIFY(m_sim->removeMember(DemoData::kExpired));
        QVERIFY(!m_sim->member(DemoData::kExpired));

        for (qint64 missing : {qint64(1), DemoData::kExpired}) {
            QVERIFY(!m_sim->extendMembership(missing, today()));
            QVERIFY(!m_sim->shortenMembership(missing, today()));
            QVERIFY(!m_sim->expireMember(missing));
            QVERIFY(!m_sim->inactivateMember(missing));
            QVERIFY(!m_sim->removeMember(missing));
            QVERIFY(!m_sim->changeEmail(missing, {}));
        }

        // And the export tells: only what changed after the earlier instant.
        const QList<qint64> changed =
            exported(criteria({{"OrganisationId", "4711"},
                               {"ChangedAt", now.addSecs(-1).toString(Qt::ISODate).toUtf8()}}));
        QCOMPARE(changed, (QList<qint64>{DemoData::kPlainMember, DemoData::kFamilyParentB,
                                         DemoData::kPastGap, DemoData::kInGapToday,
                                         DemoData::kStartsToday, DemoData::kYouth, 2001}));
        const QList<qint64> active =
            exported(criteria({{"OrganisationId", "4711"}, {"OnlyActive", "true"}}));
        QVERIFY(!active.contains(DemoData::kYouth));
        QVERIFY(!active.contains(DemoData::kStartsToday));
        QVERIFY(!active.contains(DemoData::kExpired));
    }

    void importCreatesAndUpdatesMembers()
    {
        m_clock->advanceSeconds(30);
        const QByteArray body =
            "<Cardskipper><Members>"
            "<Member Birthdate=\"2009-04-21\" Firstname=\"Märit\" Lastname=\"Ödman\" "
            "OrganisationMemberId=\"150002\"><ContactInfo CellPhone1=\"070 999 88 77\"/>"
            "<Organisations><Organisation ClearTags=\"false\" Id=\"4711\"><Roles>"
            "<Role Id=\"3127\" StartDate=\"2026-01-01\" EndDate=\"2026-12-31\"/>"
            "</Roles><Tags><Tag Label=\"nybörjare\"/></Tags></Organisation></Organisations>"
            "</Member>"
            "<Member OrganisationMemberId=\"1001\" Firstname=\"Åsa\" Lastname=\"Öberg\" "
            "Birthdate=\"1990-04-21\" Inactive=\"true\"><ContactInfo EMail=\"asa@example.se\"/>"
            "</Member></Members></Cardskipper>";
        const Reply reply = send("POST", QStringLiteral("/Import/Member"), body);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.contains("Imported=\"2\""));
        const std::optional<SimMember> created = m_sim->member(150002);
        QVERIFY(created);
        QCOMPARE(created->firstName, QStringLiteral("Märit"));
        QCOMPARE(created->organisations[0].roles[0].end, QDate(2026, 12, 31));
        QCOMPARE(created->organisations[0].tags, QStringList{QStringLiteral("nybörjare")});
        QCOMPARE(created->lastChanged, m_clock->now());
        const std::optional<SimMember> updated = m_sim->member(1001);
        QCOMPARE(updated->email, QStringLiteral("asa@example.se"));
        QVERIFY(updated->cellPhone1.isEmpty());
        QVERIFY(updated->inactive);
        QCOMPARE(updated->organisations[0].roles.size(), 2);
        QCOMPARE(exported(criteria({{"OrganisationId", "4711"}, {"RoleId", "3127"}})),
                 (QList<qint64>{DemoData::kYouth, 150002}));
    }

    void importRejectsWhatItCannotStore()
    {
        const auto member = [](const QByteArray &organisationAndRole) -> QByteArray {
            return "<Cardskipper><Members><Member OrganisationMemberId=\"7\" Firstname=\"A\" "
                   "Lastname=\"B\" Birthdate=\"2000-01-01\"><ContactInfo EMail=\"a@b.se\"/>"
                   "<Organisations>" +
                   organisationAndRole + "</Organisations></Member></Members></Cardskipper>";
        };
        const QByteArray role = "<Roles><Role Id=\"3126\" StartDate=\"2026-01-01\" "
                                "EndDate=\"2026-12-31\"/></Roles>";
        QCOMPARE(send("POST", QStringLiteral("/Import/Member"),
                      member("<Organisation Id=\"4800\">" + role + "</Organisation>"))
                     .status,
                 403);
        QCOMPARE(send("POST", QStringLiteral("/Import/Member"),
                      member("<Organisation Id=\"4712\">" + role + "</Organisation>"))
                     .status,
                 400);
        QCOMPARE(send("POST", QStringLiteral("/Import/Member"), "<Cardskipper><Members>").status,
                 400);
        QCOMPARE(send("POST", QStringLiteral("/Import/Member"),
                      "<Cardskipper><Members><Member OrganisationMemberId=\"8\" Firstname=\"A\" "
                      "Lastname=\"B\" Birthdate=\"2000-01-01\"/></Members></Cardskipper>")
                     .status,
                 400);
        QVERIFY(!m_sim->member(7));
        QVERIFY(!m_sim->member(8));
    }

    void refusalFaultsAnswerInsteadOfTheApi_data()
    {
        QTest::addColumn<FaultKind>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("500") << FaultKind::Http500 << 500;
        QTest::newRow("503") << FaultKind::Http503 << 503;
        QTest::newRow("429") << FaultKind::Http429 << 429;
    }

    void refusalFaultsAnswerInsteadOfTheApi()
    {
        QFETCH(FaultKind, kind);
        QFETCH(int, status);
        m_sim->faults().setRetryAfterSeconds(17);
        m_sim->faults().failNext(1, kind);
        const Reply refused = exportMembers(organisation());
        QCOMPARE(refused.status, status);
        QVERIFY(refused.header("Content-Type").startsWith("text/html"));
        QCOMPARE(refused.header("Retry-After"), status == 500 ? QByteArray() : QByteArray("17"));
        QCOMPARE(exportMembers(organisation()).status, 200);
        QCOMPARE(m_sim->faults().injectedCount(kind), 1);
    }

    void transportFaultsBreakTheExchange()
    {
        m_sim->faults().failNext(1, FaultKind::Timeout);
        QElapsedTimer timer;
        timer.start();
        Reply reply = send("POST", QStringLiteral("/Member/Export"), organisation(),
                           basic("demo", "demo"), {}, 300);
        QVERIFY(reply.error != QNetworkReply::NoError);
        QCOMPARE(reply.status, 0);
        QVERIFY(timer.elapsed() >= 300);

        // Two drops, because QNetworkAccessManager resends once by itself.
        m_sim->clearReceivedRequests();
        m_sim->faults().failNext(2, FaultKind::DropConnection);
        reply = exportMembers(organisation());
        QCOMPARE(reply.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(reply.status, 0);
        QVERIFY(m_sim->receivedRequests().size() <= 2);
        m_sim->faults().reset();
        QCOMPARE(exportMembers(organisation()).status, 200);

        m_sim->faults().failNext(1, FaultKind::TruncatedBody);
        reply = exportMembers(organisation());
        QVERIFY(reply.error != QNetworkReply::NoError);

        m_sim->faults().failNext(1, FaultKind::MalformedBody);
        reply = exportMembers(organisation());
        QCOMPARE(reply.status, 200);
        QVERIFY(!parses(reply.body));

        QCOMPARE(exportMembers(organisation()).status, 200);
    }

    void droppedReusedConnectionIsResentByQNetworkAccessManager()
    {
        // Guards the advice in FaultKind::DropConnection's comment: after a success on the
        // channel, QNetworkAccessManager resends an unanswered request once by itself.
        QCOMPARE(exportMembers(organisation()).status, 200);
        m_sim->clearReceivedRequests();
        m_sim->faults().failNext(1, FaultKind::DropConnection);
        QCOMPARE(exportMembers(organisation()).status, 200);
        QCOMPARE(m_sim->receivedRequests().size(), 2);
        QCOMPARE(m_sim->faults().injectedCount(FaultKind::DropConnection), 1);
    }

    void latencyAndSlowAnswersTakeTheirTime()
    {
        m_sim->faults().setLatencyMs(100);
        m_sim->faults().setSlowDelayMs(200);
        m_sim->faults().failNext(1, FaultKind::Slow);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(exportMembers(organisation()).status, 200);
        QVERIFY(timer.elapsed() >= 300);
        timer.restart();
        QCOMPARE(send("GET", QStringLiteral("/Organisation/Info")).status, 200);
        QVERIFY(timer.elapsed() >= 100);
    }

    void faultRateIsReproducible()
    {
        const auto run = [this] {
            m_sim->faults().setSeed(99);
            m_sim->faults().setFaultRate(0.5);
            m_sim->faults().setEnabledKinds({FaultKind::Http500, FaultKind::Http503});
            QList<int> statuses;
            for (int i = 0; i < 12; ++i)
                statuses.append(send("GET", QStringLiteral("/Organisation/Info")).status);
            return statuses;
        };
        const QList<int> first = run();
        QCOMPARE(run(), first);
        QVERIFY(first.contains(200));
        QVERIFY(first.contains(500) || first.contains(503));
    }

    void serialisedServerStillAnswersEveryone()
    {
        m_sim->server().setSerialized(true);
        m_sim->server().setLatencyMs(20);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 4; ++i) {
            QNetworkRequest request(
                m_sim->baseUrl().resolved(QUrl(QStringLiteral("/Organisation/Info"))));
            request.setRawHeader("Authorization", basic("demo", "demo"));
            replies.append(m_network->get(request));
        }
        for (QNetworkReply *reply : replies) {
            QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            reply->deleteLater();
        }
    }

    void bigClubExportsInOneDocument()
    {
        m_sim->loadDemoData(5000, 3);
        const Reply reply = exportMembers(organisation());
        QCOMPARE(reply.status, 200);
        QCOMPARE(memberNumbers(reply.body).size(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestCardskipperSimulator)
#include "tst_cardskippersimulator.moc"
