// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "MemberXmlParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTest>
#include <algorithm>
#include <cstring>

using namespace cis;
using Kind = CardskipperError::Kind;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(CIS_FIXTURES_DIR "/cardskipper/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

const Member *find(const QList<Member> &members, qint64 number)
{
    for (const Member &member : members) {
        if (member.key.organisationMemberId == number)
            return &member;
    }
    return nullptr;
}

// At least minimumBytes of export with realistic members; *count says how many.
QByteArray membersDocument(qsizetype minimumBytes, int *count)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Cardskipper><Members>";
    xml.reserve(minimumBytes + 1024);
    int i = 0;
    for (; xml.size() < minimumBytes; ++i) {
        xml += "<Member OrganisationMemberId=\"" + QByteArray::number(1000 + i) +
               "\" Firstname=\"Åsa\" Lastname=\"Öberg-" + QByteArray::number(i) +
               "\" Birthdate=\"1990-04-21T00:00:00\" Inactive=\"false\"><Address Line1=\"Storgatan "
               "1\" Zip=\"11122\" City=\"Stockholm\"/><ContactInfo CellPhone1=\"+46 70 111 22 "
               "33\" EMail=\"asa" +
               QByteArray::number(i) +
               "@example.com\"/><Organisations><Organisation Id=\"4711\"><Roles><Role "
               "Id=\"3126\" StartDate=\"2026-01-01T00:00:00\" EndDate=\"2026-12-31T00:00:00\"/>"
               "</Roles></Organisation></Organisations></Member>\n";
    }
    xml += "</Members></Cardskipper>\n";
    *count = i;
    return xml;
}

Member memberFrom(const QByteArray &xml, qint64 organisationId = 4711)
{
    QStringList warnings;
    const auto result = MemberXmlParser::parseMembers(xml, organisationId, &warnings);
    if (!result || result.value().size() != 1)
        qFatal("expected exactly one member");
    return result.value().first();
}

QByteArray oneMember(const QByteArray &memberAttributes, const QByteArray &inside = {})
{
    return "<Cardskipper><Members><Member OrganisationMemberId=\"1\" " + memberAttributes + ">" +
           inside + "</Member></Members></Cardskipper>";
}

// One member, Åsa Öberg, under the declaration and root element .NET's XmlSerializer writes.
QString dotNetDocument(const QString &declaredEncoding)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"") + declaredEncoding +
           QStringLiteral("\"?>\n<Cardskipper xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <Members>\n"
                          "    <Member OrganisationMemberId=\"1001\" Firstname=\"Åsa\" "
                          "Lastname=\"Öberg\"/>\n  </Members>\n</Cardskipper>\n");
}

QByteArray encoded(const QString &text, QStringConverter::Encoding encoding, bool byteOrderMark)
{
    QStringEncoder encoder(encoding, byteOrderMark ? QStringEncoder::Flag::WriteBom
                                                   : QStringEncoder::Flag::Default);
    return encoder.encode(text);
}

// Every text the parser could have copied a value into.
QStringList everyText(const Member &member)
{
    QStringList texts{member.firstName,  member.lastName,   member.email,
                      member.cellPhone1, member.cellPhone2, member.birthDate.toString()};
    texts += member.tags;
    for (const RolePeriod &role : member.roles)
        texts << role.type << role.organisationUnit;
    return texts;
}

} // namespace

class TestMemberXmlParser : public QObject
{
    Q_OBJECT

private slots:
    void synthesizedExportFromTheDocument()
    {
        const auto result =
            MemberXmlParser::parseMembers(fixture(QStringLiteral("export-synthesized.xml")), 123);
        QVERIFY(result);
        QCOMPARE(result.value().size(), 1);
        const Member &member = result.value().first();
        QCOMPARE(member.key.organisationId, 123);
        QCOMPARE(member.key.organisationMemberId, 1001);
        QCOMPARE(member.firstName, QStringLiteral("Åsa"));
        QCOMPARE(member.lastName, QStringLiteral("Öberg"));
        QCOMPARE(member.birthDate, QDate(1990, 4, 21));
        QCOMPARE(member.email, QStringLiteral("asa.oberg@example.com"));
        QCOMPARE(member.cellPhone1, QStringLiteral("+46 70 111 22 33"));
        QVERIFY(!member.inactive);
        QCOMPARE(member.roles.size(), 2);
        QCOMPARE(member.roles.at(0),
                 (RolePeriod{123, 3126, QDate(2025, 1, 1), QDate(2025, 12, 31), {}, {}}));
        QCOMPARE(member.roles.at(1).roleId, 3127);
        QCOMPARE(member.tags, QStringList{QStringLiteral("gym")});
    }

    void everyDocumentedVariant()
    {
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(
            fixture(QStringLiteral("export-variants.xml")), 4711, &warnings);
        QVERIFY(result);
        const QList<Member> members = result.value();
        QCOMPARE(members.size(), 5); // the member without a number is left out, with a warning

        const Member *marta = find(members, 2001);
        QVERIFY(marta);
        QVERIFY(marta->email.isEmpty());
        QCOMPARE(marta->cellPhone1, QStringLiteral("070 333 44 55"));
        QCOMPARE(marta->birthDate, QDate(1985, 2, 3));
        QCOMPARE(marta->rolesIn(4711).size(), 3);
        QCOMPARE(marta->rolesIn(4711).at(1).type, QStringLiteral("Senior"));
        QCOMPARE(marta->rolesIn(4711).at(1).organisationUnit, QStringLiteral("Gym"));
        QCOMPARE(marta->rolesIn(4711).at(2).start, QDate(2027, 1, 1));
        QCOMPARE(marta->rolesIn(4711).at(2).end, QDate(2027, 12, 31));
        QCOMPARE(marta->rolesIn(4712).size(), 1);
        QCOMPARE(marta->rolesIn(4712).first().start, QDate(2026, 1, 1));
        QVERIFY(marta->tags.isEmpty()); // tags of another organisation are not ours
        // The personal identity number is never kept.
        const QString birthNumber = QStringLiteral("19850203-1234");
        for (const QString &field : {marta->firstName, marta->lastName, marta->email,
                                     marta->cellPhone1, marta->cellPhone2}) {
            QVERIFY(!field.contains(birthNumber));
        }

        const Member *goran = find(members, 2002);
        QVERIFY(goran->inactive);
        QVERIFY(goran->email.isEmpty() && goran->cellPhone1.isEmpty());

        const Member *kalle = find(members, 2003);
        QCOMPARE(kalle->firstName, QStringLiteral("Kalle & Stina"));
        QCOMPARE(kalle->lastName, QStringLiteral("\"Ström\""));
        QVERIFY(kalle->inactive); // "True"
        QCOMPARE(kalle->email, QStringLiteral("kalle@example.se"));
        QCOMPARE(kalle->cellPhone2, QStringLiteral("+45 70 111 222"));
        QCOMPARE(kalle->tags, QStringList{QStringLiteral("Fys & Kondition")});

        const Member *renee = find(members, 2004); // all in child elements instead of attributes
        QVERIFY(renee);
        QCOMPARE(renee->displayName(), QStringLiteral("Renée Sjöström"));
        QCOMPARE(renee->email, QStringLiteral("renee@example.se"));
        QCOMPARE(renee->roles.size(), 1);
        QCOMPARE(renee->roles.first(),
                 (RolePeriod{4711, 3126, QDate(2026, 3, 1), QDate(2027, 2, 28), {}, {}}));

        const Member *broken = find(members, 2005);
        QCOMPARE(broken->roles.size(), 1);
        QCOMPARE(broken->roles.first().roleId, 3127);

        QCOMPARE(warnings.size(), 2);
        QVERIFY(warnings.at(0).contains(QStringLiteral("2005")));
        QVERIFY(warnings.at(0).contains(QStringLiteral("2026-13-01")));
        QVERIFY(warnings.at(1).contains(QStringLiteral("not-a-number")));
    }

    void aSingleMemberIsAList()
    {
        const auto result =
            MemberXmlParser::parseMembers(fixture(QStringLiteral("export-single-member.xml")), 1);
        QVERIFY(result);
        QCOMPARE(result.value().size(), 1);
        QCOMPARE(result.value().first().displayName(), QStringLiteral("Ensam Medlem"));
    }

    void emptyListsAreZeroMembers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("<Members/>") << QStringLiteral("export-empty-selfclosing.xml");
        QTest::newRow("<Members> whitespace </Members>") << QStringLiteral("export-empty-pair.xml");
        QTest::newRow("<Members></Members>") << QStringLiteral("export-empty-start-end.xml");
    }

    void emptyListsAreZeroMembers()
    {
        QFETCH(QString, file);
        const auto result = MemberXmlParser::parseMembers(fixture(file), 1);
        QVERIFY(result);
        QVERIFY(result.value().isEmpty());
    }

    void organisationInfoFromTheDocument()
    {
        const auto result =
            MemberXmlParser::parseOrganisations(fixture(QStringLiteral("organisation-info.xml")));
        QVERIFY(result);
        QCOMPARE(result.value().size(), 1);
        const OrganisationInfo &organisation = result.value().first();
        QCOMPARE(organisation.id, 123);
        QCOMPARE(organisation.name, QStringLiteral("Exempelklubben"));
        QCOMPARE(organisation.roles.size(), 2);
        QCOMPARE(organisation.roles.at(0).name, QStringLiteral("Årskort"));
        QCOMPARE(organisation.roles.at(0).description, QStringLiteral("Helårsmedlem"));
        QCOMPARE(organisation.roles.at(1).id, 3127);
        QCOMPARE(organisation.children.size(), 1);
        QCOMPARE(organisation.children.first().id, 124);
        QCOMPARE(organisation.children.first().name, QStringLiteral("Exempelklubben Gym"));
    }

    void notAMemberListIsAnError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << QByteArray() << int(Kind::UnexpectedResponse);
        QTest::newRow("whitespace") << QByteArray(" \n") << int(Kind::UnexpectedResponse);
        QTest::newRow("html error page with 200")
            << QByteArray(
                   "<html><head><title>Error</title></head><body>Runtime Error</body></html>")
            << int(Kind::UnexpectedResponse);
        QTest::newRow("wrong root") << QByteArray("<Error><Message>Nope</Message></Error>")
                                    << int(Kind::UnexpectedResponse);
        QTest::newRow("no Members") << QByteArray("<Cardskipper><Organisations/></Cardskipper>")
                                    << int(Kind::UnexpectedResponse);
        QTest::newRow("Members too deep")
            << QByteArray("<Cardskipper><X><Members/></X></Cardskipper>")
            << int(Kind::UnexpectedResponse);
        QTest::newRow("plain text")
            << QByteArray("Internal Server Error") << int(Kind::MalformedResponse);
        QTest::newRow("json") << QByteArray("{\"Members\":[]}") << int(Kind::MalformedResponse);
        QTest::newRow("mismatched tags")
            << QByteArray("<Cardskipper><Members></Cardskipper></Members>")
            << int(Kind::MalformedResponse);
        QTest::newRow("two roots")
            << QByteArray("<Cardskipper><Members/></Cardskipper><Cardskipper/>")
            << int(Kind::MalformedResponse);
        QTest::newRow("undeclared entity")
            << QByteArray("<Cardskipper><Members><Member OrganisationMemberId=\"1\" "
                          "Firstname=\"&nbsp;\"/></Members></Cardskipper>")
            << int(Kind::MalformedResponse);
    }

    void notAMemberListIsAnError()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const auto result = MemberXmlParser::parseMembers(body, 1);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), kind);
        QVERIFY(!result.error().detail.isEmpty());
    }

    void everyTruncationIsAnError()
    {
        const QByteArray whole = fixture(QStringLiteral("export-variants.xml"));
        QStringList warnings;
        QVERIFY(MemberXmlParser::parseMembers(whole, 4711, &warnings));
        const qsizetype end = whole.lastIndexOf("</Cardskipper>");
        for (qsizetype length = 0; length < end; length += 7) {
            const auto result = MemberXmlParser::parseMembers(whole.left(length), 4711, &warnings);
            QVERIFY2(!result,
                     qPrintable(
                         QStringLiteral("accepted %1 of %2 bytes").arg(length).arg(whole.size())));
        }
        const auto truncated = MemberXmlParser::parseMembers(whole.left(end / 2), 4711, &warnings);
        QCOMPARE(int(truncated.error().kind), int(Kind::MalformedResponse));
        QVERIFY(truncated.error().line > 1);
    }

    void entityDeclarationsAreRefusedNotExpanded()
    {
        // "Billion laughs": 10 levels of tenfold expansion.
        QByteArray xml =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE Cardskipper [\n<!ENTITY lol0 \"lol\">\n";
        for (int i = 1; i < 10; ++i) {
            xml += "<!ENTITY lol" + QByteArray::number(i) + " \"";
            for (int j = 0; j < 10; ++j)
                xml += "&lol" + QByteArray::number(i - 1) + ';';
            xml += "\">\n";
        }
        xml += "]>\n<Cardskipper><Members><Member OrganisationMemberId=\"1\" "
               "Firstname=\"&lol9;\"/></Members></Cardskipper>";
        const auto result = MemberXmlParser::parseMembers(xml, 1);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));
        QVERIFY(result.error().detail.contains(QStringLiteral("document type")));
    }

    void externalEntitiesAreRefused()
    {
        const QByteArray xml =
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
            "\"file:///etc/passwd\">]><Cardskipper><Members><Member "
            "OrganisationMemberId=\"1\" Firstname=\"&e;\"/></Members></Cardskipper>";
        const auto result = MemberXmlParser::parseMembers(xml, 1);
        QVERIFY(!result);
    }

    void deepNestingIsRefusedWithoutExhaustingTheStack()
    {
        const int depth = 100000;
        QByteArray xml = "<Cardskipper><Members><Member OrganisationMemberId=\"1\">";
        xml.reserve(depth * 8 + 100);
        for (int i = 0; i < depth; ++i)
            xml += "<a>";
        for (int i = 0; i < depth; ++i)
            xml += "</a>";
        xml += "</Member></Members></Cardskipper>";
        const auto result = MemberXmlParser::parseMembers(xml, 1);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));

        QByteArray outside = "<Cardskipper>";
        for (int i = 0; i < depth; ++i)
            outside += "<a>";
        const auto unclosed = MemberXmlParser::parseMembers(outside, 1);
        QVERIFY(!unclosed);
    }

    void invalidUtf8IsAnErrorNotMojibake()
    {
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Cardskipper><Members><Member "
                         "OrganisationMemberId=\"1\" Firstname=\"";
        xml += "\xC5sa"; // Latin-1 Å in a UTF-8 document
        xml += "\"/></Members></Cardskipper>";
        const auto result = MemberXmlParser::parseMembers(xml, 1);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));
    }

    void aDeclaredLatin1DocumentIsDecoded()
    {
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Cardskipper><Members>"
                         "<Member OrganisationMemberId=\"1\" Firstname=\"";
        xml += "\xC5sa";
        xml += "\"/></Members></Cardskipper>";
        const auto result = MemberXmlParser::parseMembers(xml, 1);
        QVERIFY(result);
        QCOMPARE(result.value().first().firstName, QStringLiteral("Åsa"));
    }

    void aTenMegabyteExportParses()
    {
        int count = 0;
        const QByteArray xml = membersDocument(10 * 1024 * 1024, &count);
        QElapsedTimer timer;
        timer.start();
        const auto result = MemberXmlParser::parseMembers(xml, 4711);
        // Measured, not asserted: the machines that run this vary too much.
        qInfo("parsed %lld bytes, %d members in %lld ms", qlonglong(xml.size()), count,
              qlonglong(timer.elapsed()));
        QVERIFY(result);
        QCOMPARE(result.value().size(), count);
        QCOMPARE(result.value().last().lastName, QStringLiteral("Öberg-%1").arg(count - 1));
        QCOMPARE(result.value().last().roles.size(), 1);
    }

    void specialCharactersSurviveEscaping()
    {
        const Member member = memberFrom(fixture(QStringLiteral("export-special-characters.xml")));
        QCOMPARE(member.firstName, QStringLiteral("Björn & Gösta"));
        QCOMPARE(member.lastName, QStringLiteral("Ståhl \"Tösen\" Éclair"));
        QCOMPARE(member.roles.size(), 1);
        QCOMPARE(member.roles.first().type, QStringLiteral("Fys & Kondition"));
        QCOMPARE(member.roles.first().organisationUnit, QStringLiteral("Väst <Gym>"));
        QCOMPARE(member.tags,
                 (QStringList{QStringLiteral("Fys & Kondition"), QStringLiteral("åäö")}));
    }

    void childElementsStandInForAttributes()
    {
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(
            fixture(QStringLiteral("export-child-elements.xml")), 123, &warnings);
        QVERIFY(result);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(result.value().size(), 2);

        Member expected;
        expected.key = {123, 4001};
        expected.firstName = QStringLiteral("Åsa");
        expected.lastName = QStringLiteral("Öberg"); // element text is trimmed
        expected.birthDate = QDate(1990, 4, 21);
        expected.email = QStringLiteral("asa@example.com");
        expected.cellPhone1 = QStringLiteral("+46 70 111 22 33");
        // The organisation's Id comes after its roles and still reaches them.
        expected.roles = {
            {123, 3126, QDate(2026, 1, 1), QDate(2026, 12, 31), QStringLiteral("Senior"), {}}};
        expected.tags = {QStringLiteral("gym")};
        QCOMPARE(result.value().at(0), expected);

        const Member &mixed = result.value().at(1);
        QCOMPARE(mixed.firstName, QStringLiteral("Attribut")); // the attribute wins
        QCOMPARE(mixed.lastName, QStringLiteral("Blandad"));
        QVERIFY(mixed.roles.isEmpty());
    }

    void unknownElementsAndAttributesAreSkipped()
    {
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(
            fixture(QStringLiteral("export-unknown-elements.xml")), 4711, &warnings);
        QVERIFY(result);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        // Only Members/Member counts: not a Member nested in an unknown element, not text that
        // looks like one inside CDATA.
        QCOMPARE(result.value().size(), 1);
        Member expected;
        expected.key = {4711, 5001};
        expected.firstName = QStringLiteral("Ny");
        expected.lastName = QStringLiteral("Fält");
        expected.birthDate = QDate(1980, 5, 5);
        expected.email = QStringLiteral("ny@example.com");
        // Not Discount, not Membership, not the roles inside Devices.
        expected.roles = {{4711, 10, QDate(2026, 1, 1), QDate(2026, 12, 31), {}, {}}};
        expected.tags = {QStringLiteral("gym")};
        QCOMPARE(result.value().first(), expected);
    }

    void theBirthnumberIsNeverKept()
    {
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(
            fixture(QStringLiteral("export-birthnumber.xml")), 4711, &warnings);
        QVERIFY(result);
        QCOMPARE(result.value().size(), 1);
        const Member &member = result.value().first();
        for (const QString &text : everyText(member)) {
            QVERIFY2(!text.contains(QStringLiteral("9876")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("19900421")), qPrintable(text));
        }
        for (const QString &warning : std::as_const(warnings))
            QVERIFY(!warning.contains(QStringLiteral("9876")));
        // The whole member equals one built without it: there is nowhere else it could hide.
        Member expected;
        expected.key = {4711, 6001};
        expected.firstName = QStringLiteral("Sven");
        expected.lastName = QStringLiteral("Persson");
        expected.birthDate = QDate(1990, 4, 21);
        expected.email = QStringLiteral("sven@example.com");
        expected.cellPhone1 = QStringLiteral("+46 70 333 44 55");
        expected.roles = {{4711, 10, QDate(2026, 1, 1), QDate(2026, 12, 31), {}, {}}};
        QCOMPARE(member, expected);
    }

    void partlyUnusableMembersAreNamedInWarnings()
    {
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(
            fixture(QStringLiteral("export-problems.xml")), 4711, &warnings);
        QVERIFY(result);
        const QList<Member> &members = result.value();
        QCOMPARE(members.size(), 3);

        const Member &broken = members.at(0);
        QCOMPARE(broken.key.organisationMemberId, 7001);
        QVERIFY(!broken.birthDate.isValid());
        QVERIFY(!broken.inactive);
        // Only the role whose period and id are whole survives.
        QCOMPARE(broken.roles.size(), 1);
        QCOMPARE(broken.roles.first().roleId, 11);

        // A member number that appears twice is kept twice, and said so.
        QCOMPARE(members.at(1).key.organisationMemberId, 7002);
        QCOMPARE(members.at(2).key.organisationMemberId, 7002);
        QCOMPARE(members.at(2).lastName, QStringLiteral("Två"));

        const auto warned = [&](const QStringList &parts) {
            return std::any_of(warnings.cbegin(), warnings.cend(), [&](const QString &warning) {
                return std::all_of(parts.cbegin(), parts.cend(),
                                   [&](const QString &part) { return warning.contains(part); });
            });
        };
        QVERIFY(warned({QStringLiteral("7001"), QStringLiteral("1990-02-30")}));
        QVERIFY(warned({QStringLiteral("7001"), QStringLiteral("kanske")}));
        QVERIFY(warned(
            {QStringLiteral("7001"), QStringLiteral("role 10"), QStringLiteral("2026-13-01")}));
        QVERIFY(warned({QStringLiteral("7001"), QStringLiteral("role 12")}));
        QVERIFY(warned({QStringLiteral("7001"), QStringLiteral("without a usable Id (\"\")")}));
        QVERIFY(warned({QStringLiteral("7001"), QStringLiteral("organisation")}));
        QVERIFY(warned({QStringLiteral("Utan Nummer")}));
        QVERIFY(warned({QStringLiteral("Fel Nummer"), QStringLiteral("\"abc\"")}));
        QVERIFY(warned({QStringLiteral("7002"), QStringLiteral("more than once")}));
        QCOMPARE(warnings.size(), 9);
    }

    void theShortFormLogsWarnings()
    {
        const QByteArray xml = oneMember(
            "", "<Organisations><Organisation Id=\"4711\"><Roles><Role Id=\"10\" StartDate=\"x\" "
                "EndDate=\"2026-12-31\"/></Roles></Organisation></Organisations>");
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Member 1: role 10")));
        const auto result = MemberXmlParser::parseMembers(xml, 4711);
        QVERIFY(result);
        QVERIFY(result.value().first().roles.isEmpty());
    }

    void theShortFormLogsAtMostTwentyWarnings()
    {
        QByteArray xml = "<Cardskipper><Members>";
        for (int i = 1; i <= 30; ++i)
            xml +=
                "<Member OrganisationMemberId=\"" + QByteArray::number(i) + "\" Inactive=\"?\"/>";
        xml += "</Members></Cardskipper>";
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
        for (int i = 0; i < 20; ++i)
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(QStringLiteral("^Member \\d+: Inactive")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("and 10 more")));
        const auto result = MemberXmlParser::parseMembers(xml, 4711);
        QVERIFY(result);
        QCOMPARE(result.value().size(), 30);
    }

    void theKeyIsTheExportOrganisationAndRolesKeepTheirOwn()
    {
        const Member member = memberFrom(
            oneMember("", "<Organisations><Organisation Id=\"4712\"><Roles><Role Id=\"10\" "
                          "StartDate=\"2026-01-01\" EndDate=\"2026-12-31\"/></Roles><Tags><Tag "
                          "Label=\"simning\"/></Tags></Organisation></Organisations>"),
            4711);
        QCOMPARE(member.key, (MemberKey{4711, 1}));
        QCOMPARE(member.roles.size(), 1);
        QCOMPARE(member.roles.first().organisationId, 4712);
        QVERIFY(member.rolesIn(4711).isEmpty());
        QVERIFY(member.tags.isEmpty());
    }

    void tagsAreTrimmedNonEmptyAndUnique()
    {
        const Member member = memberFrom(oneMember(
            "",
            "<Organisations><Organisation Id=\"4711\"><Tags><Tag Label=\" gym \"/><Tag "
            "Label=\"\"/><Tag/><Tag Label=\"gym\"/><Tag Label=\"styrka\"/></Tags></Organisation>"
            "<Organisation Id=\"4711\"><Tags><Tag Label=\"styrka\"/><Tag Label=\"yoga\"/>"
            "</Tags></Organisation></Organisations>"));
        QCOMPARE(member.tags, (QStringList{QStringLiteral("gym"), QStringLiteral("styrka"),
                                           QStringLiteral("yoga")}));
    }

    void contactInfoIsTrimmed()
    {
        const Member member = memberFrom(
            oneMember("", "<ContactInfo EMail=\"  asa@example.com\t\" CellPhone1=\" 070 1 \" "
                          "CellPhone2=\"\"/>"));
        QCOMPARE(member.email, QStringLiteral("asa@example.com"));
        QCOMPARE(member.cellPhone1, QStringLiteral("070 1"));
        QVERIFY(member.cellPhone2.isEmpty());
    }

    void inactiveForms_data()
    {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<bool>("inactive");
        QTest::newRow("absent") << QByteArray() << false;
        QTest::newRow("true") << QByteArray("Inactive=\"true\"") << true;
        QTest::newRow("True") << QByteArray("Inactive=\"True\"") << true;
        QTest::newRow("TRUE") << QByteArray("Inactive=\"TRUE\"") << true;
        QTest::newRow("1") << QByteArray("Inactive=\"1\"") << true;
        QTest::newRow("padded") << QByteArray("Inactive=\" true \"") << true;
        QTest::newRow("false") << QByteArray("Inactive=\"false\"") << false;
        QTest::newRow("FALSE") << QByteArray("Inactive=\"FALSE\"") << false;
        QTest::newRow("0") << QByteArray("Inactive=\"0\"") << false;
        QTest::newRow("empty") << QByteArray("Inactive=\"\"") << false;
    }

    void inactiveForms()
    {
        QFETCH(QByteArray, attribute);
        QFETCH(bool, inactive);
        QCOMPARE(memberFrom(oneMember(attribute)).inactive, inactive);
    }

    void localNamesMatchWhateverTheNamespace()
    {
        const QByteArray xml =
            "<c:Cardskipper xmlns:c=\"urn:cardskipper\" xmlns=\"urn:default\"><c:Members>"
            "<Member c:OrganisationMemberId=\"5\" Firstname=\"Åsa\"/></c:Members></c:Cardskipper>";
        const Member member = memberFrom(xml);
        QCOMPARE(member.key.organisationMemberId, 5);
        QCOMPARE(member.firstName, QStringLiteral("Åsa"));
    }

    void everyByteOfTruncationIsAnError()
    {
        const QByteArray whole = fixture(QStringLiteral("export-synthesized.xml"));
        const qsizetype end =
            whole.lastIndexOf("</Cardskipper>") + qsizetype(strlen("</Cardskipper>"));
        QVERIFY(MemberXmlParser::parseMembers(whole.left(end), 123));
        for (qsizetype length = 1; length < end; ++length) {
            const auto result = MemberXmlParser::parseMembers(whole.left(length), 123);
            QVERIFY2(!result, qPrintable(QStringLiteral("accepted %1 bytes").arg(length)));
            QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));
            QVERIFY(result.error().line >= 1);
            QVERIFY(!result.error().detail.isEmpty());
        }
    }

    void malformedErrorsSayWhere()
    {
        const QByteArray xml = "<Cardskipper>\n<Members>\n<Member OrganisationMemberId=\"1\">\n"
                               "</Members>\n</Cardskipper>";
        const auto result = MemberXmlParser::parseMembers(xml, 1);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));
        QCOMPARE(result.error().line, 4);
        QVERIFY(result.error().column > 0);
        QVERIFY(result.error().call.isEmpty()); // the client fills in the call
    }

    void htmlPagesAreNotMemberLists_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("IIS page with doctype")
            << QByteArray("<!DOCTYPE html>\r\n<html><head><title>404 - File or directory not "
                          "found.</title></head>\r\n<body><h1>404</h1></body></html>\r\n");
        QTest::newRow("not well-formed, with doctype")
            << QByteArray("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<HTML><BODY>"
                          "Server Error<br><p>in '/' Application.</BODY></HTML>");
        QTest::newRow("not well-formed, no doctype")
            << QByteArray("<html><body>Runtime Error<br><hr></body></html>");
    }

    void htmlPagesAreNotMemberLists()
    {
        QFETCH(QByteArray, body);
        const auto members = MemberXmlParser::parseMembers(body, 1);
        QVERIFY(!members);
        QCOMPARE(int(members.error().kind), int(Kind::UnexpectedResponse));
        const auto organisations = MemberXmlParser::parseOrganisations(body);
        QVERIFY(!organisations);
        QCOMPARE(int(organisations.error().kind), int(Kind::UnexpectedResponse));
    }

    void wrongShapesAreNamedInTheDetail()
    {
        const auto wrongRoot = MemberXmlParser::parseMembers(
            "<?xml version=\"1.0\"?><Error><Message>An error has occurred.</Message></Error>", 1);
        QVERIFY(!wrongRoot);
        QVERIFY(wrongRoot.error().detail.contains(QStringLiteral("<Error>")));
        const auto noMembers = MemberXmlParser::parseMembers(
            "<Cardskipper><Error Message=\"Organisation not found\"/></Cardskipper>", 1);
        QVERIFY(!noMembers);
        QCOMPARE(int(noMembers.error().kind), int(Kind::UnexpectedResponse));
        QVERIFY(noMembers.error().detail.contains(QStringLiteral("<Members>")));
        QVERIFY(noMembers.error().detail.contains(QStringLiteral("<Error>")));
        const auto emptyRoot = MemberXmlParser::parseMembers("<Cardskipper/>", 1);
        QVERIFY(!emptyRoot);
        QCOMPARE(int(emptyRoot.error().kind), int(Kind::UnexpectedResponse));
    }

    void hostileBytesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("invalid UTF-8, no declaration")
            << QByteArray("<Cardskipper><Members><Member OrganisationMemberId=\"1\" Firstname=\""
                          "\xC5sa\"/></Members></Cardskipper>")
            << int(Kind::MalformedResponse);
        QTest::newRow("overlong UTF-8")
            << QByteArray("<Cardskipper><Members><Member OrganisationMemberId=\"1\" Firstname=\""
                          "\xC0\xBC\"/></Members></Cardskipper>")
            << int(Kind::MalformedResponse);
        QTest::newRow("NUL byte") << QByteArray("<Cardskipper><Members>\0</Members></Cardskipper>",
                                                45)
                                  << int(Kind::MalformedResponse);
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                << int(Kind::MalformedResponse);
        QTest::newRow("undeclared entity in text")
            << QByteArray("<Cardskipper><Members>&lol;</Members></Cardskipper>")
            << int(Kind::MalformedResponse);
        QTest::newRow("external DTD only")
            << QByteArray("<!DOCTYPE Cardskipper SYSTEM \"http://attacker.example/x.dtd\">"
                          "<Cardskipper><Members>&x;</Members></Cardskipper>")
            << int(Kind::MalformedResponse);
        QTest::newRow("only a declaration")
            << QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
            << int(Kind::MalformedResponse);
        QTest::newRow("only a comment")
            << QByteArray("<!-- <Cardskipper><Members/></Cardskipper> -->")
            << int(Kind::MalformedResponse);
        QTest::newRow("garbage after the root")
            << QByteArray("<Cardskipper><Members/></Cardskipper>trailing")
            << int(Kind::MalformedResponse);
    }

    void hostileBytesAreErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const auto result = MemberXmlParser::parseMembers(body, 1);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), kind);
        QVERIFY(!result.error().detail.isEmpty());
        QVERIFY(result.error().line >= 1);
    }

    void billionLaughsNeverExpandsEvenInOrganisations()
    {
        QByteArray xml = "<!DOCTYPE Cardskipper [<!ENTITY a \"aaaaaaaaaa\">";
        char previous = 'a';
        for (char name = 'b'; name <= 'k'; ++name) {
            xml += QByteArray("<!ENTITY ") + name + " \"" +
                   QByteArray("&").append(previous).append(';').repeated(10) + "\">";
            previous = name;
        }
        xml += "]><Cardskipper><Organisations><Organisation Id=\"1\" Name=\"&k;\"/></Organisations>"
               "</Cardskipper>";
        QElapsedTimer timer;
        timer.start();
        const auto result = MemberXmlParser::parseOrganisations(xml);
        qInfo("refused the entity bomb in %lld ms", qlonglong(timer.elapsed()));
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));
    }

    void nestingUpToTheLimitIsFine()
    {
        // Known levels: Cardskipper, Members, Member = 3; the limit is 256 in all.
        const auto nested = [](int levels) {
            return oneMember("", QByteArray("<x>").repeated(levels) +
                                     QByteArray("</x>").repeated(levels));
        };
        QVERIFY(MemberXmlParser::parseMembers(nested(253), 1));
        const auto tooDeep = MemberXmlParser::parseMembers(nested(254), 1);
        QVERIFY(!tooDeep);
        QCOMPARE(int(tooDeep.error().kind), int(Kind::MalformedResponse));
        QVERIFY(tooDeep.error().detail.contains(QStringLiteral("256")));
    }

    void otherDeclaredEncodingsAreDecoded()
    {
        const QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                                            "<Cardskipper><Members><Member OrganisationMemberId="
                                            "\"1\" Firstname=\"Åsa\"/></Members></Cardskipper>");
        QByteArray utf16("\xFF\xFE", 2); // little-endian BOM
        utf16 += QByteArray(reinterpret_cast<const char *>(text.utf16()),
                            text.size() * qsizetype(sizeof(char16_t)));
        QCOMPARE(memberFrom(utf16).firstName, QStringLiteral("Åsa"));
    }

    // RFC 7303: a byte-order mark decides the encoding; without one the Content-Type charset;
    // without that what XML 1.0 says for a document on its own. The declaration never overrules
    // the header: Cardskipper's answers look like .NET's, and .NET declares utf-16 for a
    // document it serialised to a string, whatever bytes it then sends.
    void theEncodingIsDecidedAsRfc7303Says_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        const QString utf16 = dotNetDocument(QStringLiteral("utf-16"));
        const QString utf8 = dotNetDocument(QStringLiteral("utf-8"));
        const QByteArray utf8Bytes = encoded(utf16, QStringConverter::Utf8, false);
        QTest::newRow(".NET: UTF-8 declared utf-16, charset=utf-8")
            << utf8Bytes << QByteArray("application/xml; charset=utf-8");
        QTest::newRow(".NET: UTF-8 declared utf-16, quoted CHARSET=\"UTF-8\"")
            << utf8Bytes << QByteArray("text/xml; Charset=\"UTF-8\"");
        QTest::newRow(".NET: UTF-8 declared utf-16, no charset")
            << utf8Bytes << QByteArray("application/xml");
        QTest::newRow(".NET: UTF-8 declared utf-16, no Content-Type") << utf8Bytes << QByteArray();
        QTest::newRow("UTF-8 mark, declared utf-16, charset=utf-8")
            << encoded(utf16, QStringConverter::Utf8, true)
            << QByteArray("application/xml; charset=utf-8");
        QTest::newRow("UTF-8 mark, no charset")
            << encoded(utf8, QStringConverter::Utf8, true) << QByteArray("application/xml");
        QTest::newRow("UTF-8 mark wins over charset=utf-16")
            << encoded(utf8, QStringConverter::Utf8, true)
            << QByteArray("application/xml; charset=utf-16");
        QTest::newRow("UTF-16LE mark, charset=utf-16")
            << encoded(utf16, QStringConverter::Utf16LE, true)
            << QByteArray("application/xml; charset=utf-16");
        QTest::newRow("UTF-16LE mark, no charset")
            << encoded(utf16, QStringConverter::Utf16LE, true) << QByteArray("application/xml");
        QTest::newRow("UTF-16LE mark, no Content-Type")
            << encoded(utf16, QStringConverter::Utf16LE, true) << QByteArray();
        QTest::newRow("UTF-16LE mark wins over charset=utf-8")
            << encoded(utf16, QStringConverter::Utf16LE, true)
            << QByteArray("application/xml; charset=utf-8");
        QTest::newRow("UTF-16BE mark, charset=utf-16")
            << encoded(utf16, QStringConverter::Utf16BE, true)
            << QByteArray("application/xml; charset=utf-16");
        QTest::newRow("UTF-16BE mark, no charset")
            << encoded(utf16, QStringConverter::Utf16BE, true) << QByteArray("text/xml");
        QTest::newRow("UTF-32LE mark, no charset")
            << encoded(dotNetDocument(QStringLiteral("utf-32")), QStringConverter::Utf32LE, true)
            << QByteArray("application/xml");
        QTest::newRow("unmarked UTF-16LE, charset=utf-16le")
            << encoded(utf16, QStringConverter::Utf16LE, false)
            << QByteArray("application/xml; charset=utf-16le");
        QTest::newRow("unmarked UTF-16LE, charset=utf-16 (order from '<')")
            << encoded(utf16, QStringConverter::Utf16LE, false)
            << QByteArray("application/xml; charset=utf-16");
        QTest::newRow("unmarked UTF-16BE, charset=utf-16")
            << encoded(utf16, QStringConverter::Utf16BE, false)
            << QByteArray("application/xml; charset=utf-16");
        QTest::newRow("unmarked UTF-16LE, no charset (XML 1.0 appendix F)")
            << encoded(utf16, QStringConverter::Utf16LE, false) << QByteArray("application/xml");
        QTest::newRow("Latin-1 declared utf-8, charset=iso-8859-1")
            << encoded(utf8, QStringConverter::Latin1, false)
            << QByteArray("application/xml; charset=iso-8859-1");
        QTest::newRow("Latin-1 declared iso-8859-1, no charset")
            << encoded(dotNetDocument(QStringLiteral("ISO-8859-1")), QStringConverter::Latin1,
                       false)
            << QByteArray();
        QTest::newRow("declared encoding nobody knows, charset=utf-8")
            << encoded(dotNetDocument(QStringLiteral("x-cardskipper")), QStringConverter::Utf8,
                       false)
            << QByteArray("application/xml; charset=utf-8");
    }

    void theEncodingIsDecidedAsRfc7303Says()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QStringList warnings;
        const auto members = MemberXmlParser::parseMembers(body, 4711, &warnings, contentType);
        QVERIFY2(members, members ? "" : qPrintable(members.error().message()));
        QCOMPARE(members.value().size(), 1);
        QCOMPARE(members.value().first().key.organisationMemberId, 1001);
        QCOMPARE(members.value().first().firstName, QStringLiteral("Åsa"));
        QCOMPARE(members.value().first().lastName, QStringLiteral("Öberg"));
        QCOMPARE(warnings, QStringList());
    }

    void organisationInfoIsDecodedTheSameWay_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        const QString text = QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<Cardskipper "
            "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><Organisations><Organisation "
            "Id=\"4711\" "
            "Name=\"Ölands Gym\"><Roles><Role Id=\"1\" Name=\"Årskort\"/></Roles></Organisation>"
            "</Organisations></Cardskipper>");
        QTest::newRow(".NET: UTF-8 declared utf-16, charset=utf-8")
            << encoded(text, QStringConverter::Utf8, false)
            << QByteArray("application/xml; charset=utf-8");
        QTest::newRow("UTF-16LE mark, charset=utf-16")
            << encoded(text, QStringConverter::Utf16LE, true)
            << QByteArray("application/xml; charset=utf-16");
        QTest::newRow("UTF-16LE mark, no charset")
            << encoded(text, QStringConverter::Utf16LE, true) << QByteArray("application/xml");
    }

    void organisationInfoIsDecodedTheSameWay()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const auto result = MemberXmlParser::parseOrganisations(body, contentType);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        QCOMPARE(result.value().size(), 1);
        QCOMPARE(result.value().first().name, QStringLiteral("Ölands Gym"));
        QCOMPARE(result.value().first().roles.first().name, QStringLiteral("Årskort"));
    }

    // Bytes that start as ASCII cannot be UTF-16, so a header saying so is wrong; taking it at
    // its word would make every answer unreadable.
    void aUtf16CharsetOnAsciiBytesIsReadAsUtf8AndSaid()
    {
        QStringList warnings;
        const auto members = MemberXmlParser::parseMembers(
            encoded(dotNetDocument(QStringLiteral("utf-16")), QStringConverter::Utf8, false), 4711,
            &warnings, "application/xml; charset=utf-16");
        QVERIFY(members);
        QCOMPARE(members.value().first().firstName, QStringLiteral("Åsa"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("\"utf-16\"")),
                 qPrintable(warnings.first()));
    }

    // The API documents UTF-8. Valid UTF-8 under a Latin-1 header is a wrong header; read as
    // Latin-1 every Å would silently become "Ã…".
    void utf8UnderALatin1HeaderIsReadAsUtf8AndSaid()
    {
        QStringList warnings;
        const auto members = MemberXmlParser::parseMembers(
            encoded(dotNetDocument(QStringLiteral("utf-8")), QStringConverter::Utf8, false), 4711,
            &warnings, "application/xml; charset=ISO-8859-1");
        QVERIFY(members);
        QCOMPARE(members.value().first().firstName, QStringLiteral("Åsa"));
        QCOMPARE(members.value().first().lastName, QStringLiteral("Öberg"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("\"ISO-8859-1\"")),
                 qPrintable(warnings.first()));
    }

    void unsupportedEncodingsAreNamed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("readAsUtf8");
        QTest::addColumn<QString>("named");
        const QString plain = dotNetDocument(QStringLiteral("utf-8"));
        const QString declared = dotNetDocument(QStringLiteral("x-cardskipper"));
        QTest::newRow("unknown charset, UTF-8 bytes")
            << encoded(plain, QStringConverter::Utf8, false)
            << QByteArray("application/xml; charset=x-cardskipper") << true
            << QStringLiteral("x-cardskipper");
        QTest::newRow("unknown charset, bytes that are not UTF-8")
            << encoded(plain, QStringConverter::Latin1, false)
            << QByteArray("application/xml; charset=x-cardskipper") << false
            << QStringLiteral("x-cardskipper");
        // "locale" names this computer's encoding to Qt, which says nothing about the answer.
        QTest::newRow("charset=locale")
            << encoded(plain, QStringConverter::Latin1, false)
            << QByteArray("text/xml; charset=locale") << false << QStringLiteral("locale");
        QTest::newRow("unknown declared encoding, UTF-8 bytes")
            << encoded(declared, QStringConverter::Utf8, false) << QByteArray() << true
            << QStringLiteral("x-cardskipper");
        QTest::newRow("unknown declared encoding, bytes that are not UTF-8")
            << encoded(declared, QStringConverter::Latin1, false) << QByteArray("application/xml")
            << false << QStringLiteral("x-cardskipper");
    }

    void unsupportedEncodingsAreNamed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(bool, readAsUtf8);
        QFETCH(QString, named);
        const QString quoted = u'"' + named + u'"';
        QStringList warnings;
        const auto members = MemberXmlParser::parseMembers(body, 4711, &warnings, contentType);
        if (readAsUtf8) {
            QVERIFY(members);
            QCOMPARE(members.value().first().firstName, QStringLiteral("Åsa"));
            QCOMPARE(warnings.size(), 1);
            QVERIFY2(warnings.first().contains(quoted), qPrintable(warnings.first()));
            QVERIFY(warnings.first().contains(QStringLiteral("UTF-8")));
        } else {
            QVERIFY(!members);
            QCOMPARE(int(members.error().kind), int(Kind::UnexpectedResponse));
            QVERIFY2(members.error().detail.contains(quoted), qPrintable(members.error().detail));
            QVERIFY(!members.error().isTransient()); // asking again gets the same answer
            QVERIFY(warnings.isEmpty());
        }
        const auto organisations = MemberXmlParser::parseOrganisations(body, contentType);
        QCOMPARE(bool(organisations), false); // not an organisation document, whatever its bytes
    }

    void bytesInvalidInTheDecidedEncodingAreDamage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const QByteArray latin1Inside =
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<Cardskipper><Members>\n<Member "
            "OrganisationMemberId=\"1\" Firstname=\"\xC5sa\"/></Members></Cardskipper>";
        QTest::newRow("Latin-1 byte under charset=utf-8")
            << latin1Inside << QByteArray("application/xml; charset=utf-8")
            << QStringLiteral("UTF-8") << 3 << 45;
        QTest::newRow("Latin-1 byte after a UTF-8 mark")
            << QByteArray("\xEF\xBB\xBF") + latin1Inside << QByteArray() << QStringLiteral("UTF-8")
            << 3 << 45;
        QString text = dotNetDocument(QStringLiteral("utf-16"));
        QByteArray cut = encoded(text, QStringConverter::Utf16LE, true);
        cut.chop(1);
        QTest::newRow("UTF-16 cut mid-character")
            << cut << QByteArray("application/xml; charset=utf-16") << QStringLiteral("UTF-16LE")
            << 6 << 15;
        text.replace(QStringLiteral("Öberg"), QStringLiteral("\xD800") + QStringLiteral("berg"));
        QTest::newRow("UTF-16 with an unpaired surrogate")
            << encoded(text, QStringConverter::Utf16LE, true) << QByteArray()
            << QStringLiteral("UTF-16LE") << 4 << 67;
    }

    void bytesInvalidInTheDecidedEncodingAreDamage()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, encoding);
        QFETCH(int, line);
        QFETCH(int, column);
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(body, 4711, &warnings, contentType);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));
        QVERIFY2(result.error().detail.contains(encoding), qPrintable(result.error().detail));
        QCOMPARE(result.error().line, line);
        QCOMPARE(result.error().column, column);
        QVERIFY(warnings.isEmpty());
        QVERIFY(!MemberXmlParser::parseOrganisations(body, contentType));
    }

    void aByteOrderMarkAloneIsAnEmptyAnswer()
    {
        for (const QByteArray &body :
             {QByteArray("\xEF\xBB\xBF"), QByteArray("\xFF\xFE \0\n\0", 6)}) {
            const auto result = MemberXmlParser::parseMembers(body, 1);
            QVERIFY(!result);
            QCOMPARE(int(result.error().kind), int(Kind::UnexpectedResponse));
            QVERIFY(result.error().detail.contains(QStringLiteral("empty")));
        }
    }

    void organisationInfoVariants()
    {
        // The root of this answer is undocumented: any root that holds Organisations, or is it.
        const auto other = MemberXmlParser::parseOrganisations(
            "<OrganisationInfo xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            "<Organisations><Organisation><Id>7</Id><Name>Klubb &amp; Co</Name></Organisation>"
            "</Organisations></OrganisationInfo>");
        QVERIFY(other);
        QCOMPARE(other.value().size(), 1);
        QCOMPARE(other.value().first().id, 7);
        QCOMPARE(other.value().first().name, QStringLiteral("Klubb & Co"));

        const auto bare = MemberXmlParser::parseOrganisations(
            "<Organisations><Organisation Id=\"8\" Name=\"Bar\"/></Organisations>");
        QVERIFY(bare);
        QCOMPARE(bare.value().first().id, 8);

        const auto none =
            MemberXmlParser::parseOrganisations("<Cardskipper><Organisations/></Cardskipper>");
        QVERIFY(none);
        QVERIFY(none.value().isEmpty());

        QStringList warnings;
        const auto partial = MemberXmlParser::parseOrganisations(
            "<Cardskipper><Organisations><Organisation Name=\"Utan id\"/>"
            "<Organisation Id=\"9\" Name=\"Med id\"><Roles><Role Name=\"Trasig\"/>"
            "<Role Id=\"1\" Name=\"Hel\"/></Roles><Children><OrganisationChildren Id=\"10\" "
            "Name=\"Barn\"/><Unknown Id=\"11\"/><CardskipperOrganisationChildren Name=\"x\"/>"
            "</Children></Organisation></Organisations></Cardskipper>",
            &warnings);
        QVERIFY(partial);
        QCOMPARE(partial.value().size(), 1);
        const OrganisationInfo &organisation = partial.value().first();
        QCOMPARE(organisation.id, 9);
        QCOMPARE(organisation.roles.size(), 1);
        QCOMPARE(organisation.roles.first().name, QStringLiteral("Hel"));
        QCOMPARE(organisation.children.size(), 1);
        QCOMPARE(organisation.children.first().id, 10);
        QCOMPARE(warnings.size(), 3);
        QVERIFY(warnings.at(0).contains(QStringLiteral("Utan id")));
    }

    void organisationInfoErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << QByteArray() << int(Kind::UnexpectedResponse);
        QTest::newRow("no Organisations")
            << QByteArray("<Cardskipper><Members/></Cardskipper>") << int(Kind::UnexpectedResponse);
        QTest::newRow("Organisations too deep")
            << QByteArray("<Cardskipper><X><Organisations/></X></Cardskipper>")
            << int(Kind::UnexpectedResponse);
        QTest::newRow("truncated") << fixture(QStringLiteral("organisation-info.xml")).left(300)
                                   << int(Kind::MalformedResponse);
        QTest::newRow("DTD") << QByteArray("<!DOCTYPE a [<!ENTITY e \"e\">]><Cardskipper/>")
                             << int(Kind::MalformedResponse);
    }

    void organisationInfoErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const auto result = MemberXmlParser::parseOrganisations(body);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), kind);
    }

    // ---- hostile but well-formed member data (reliability: hostile input) ------------------

    // What people put in names reaches the member exactly as written: the parser only trims.
    // Direction, joiners and surrogate pairs are the text's own; fitting a name to a terminal
    // is the planner's job (truncateUtf8), simplifying whitespace the request's.
    void unusualNamesAreKeptAsWritten_data()
    {
        QTest::addColumn<QByteArray>("xml"); // the Firstname attribute's value, as XML text
        QTest::addColumn<QString>("expected");
        QTest::newRow("Arabic with harakat")
            << QByteArray("مُحَمَّد العَلِي") << QStringLiteral("مُحَمَّد العَلِي");
        QTest::newRow("Hebrew with niqqud") << QByteArray("שָׁלוֹם כֹּהֵן") << QStringLiteral("שָׁלוֹם כֹּהֵן");
        QTest::newRow("mixed direction with marks") << QByteArray("Anna &#x200F;שרה&#x200E; Öberg")
                                                    << QStringLiteral("Anna \u200Fשרה\u200E Öberg");
        QTest::newRow("right-to-left override")
            << QByteArray("&#x202E;grebÖ") << QStringLiteral("\u202EgrebÖ");
        QTest::newRow("emoji ZWJ sequence with VS16")
            << QByteArray("Anna 🏊‍♀️")
            << QStringLiteral("Anna \U0001F3CA\u200D\u2640\uFE0F");
        QTest::newRow("family emoji")
            << QByteArray("👨‍👩‍👧")
            << QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467");
        QTest::newRow("flag and skin tone")
            << QByteArray("🇸🇪 👍🏽")
            << QStringLiteral("\U0001F1F8\U0001F1EA \U0001F44D\U0001F3FD");
        QTest::newRow("emoji by character reference")
            << QByteArray("&#x1F600; Glad") << QStringLiteral("\U0001F600 Glad");
        QTest::newRow("tab and newline by reference")
            << QByteArray("Anna&#x9;Maria&#xA;Öberg") << QStringLiteral("Anna\tMaria\nÖberg");
        // XML reads CR LF as LF, then normalises literal whitespace in attributes to spaces.
        QTest::newRow("literal tab and newline")
            << QByteArray("Anna\tMaria\r\nÖberg") << QStringLiteral("Anna Maria Öberg");
        QTest::newRow("DEL and C1 controls")
            << QByteArray("An\x7Fna\xC2\x80X") << QStringLiteral("An\u007Fna\u0080X");
        QTest::newRow("zero-width characters") << QByteArray("Ann&#x200B;a&#x200C;&#xFEFF;")
                                               << QStringLiteral("Ann\u200Ba\u200C\uFEFF");
    }

    void unusualNamesAreKeptAsWritten()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, expected);
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(
            oneMember("Firstname=\"" + xml + "\" Lastname=\"" + xml + "\""), 4711, &warnings);
        QVERIFY(result);
        QCOMPARE(result.value().size(), 1);
        QCOMPARE(result.value().first().firstName, expected);
        QCOMPARE(result.value().first().lastName, expected);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));

        // The same text as a child element and as a tag label (an attribute again).
        const Member child =
            memberFrom(oneMember("", "<Firstname>" + xml +
                                         "</Firstname><Organisations><Organisation "
                                         "Id=\"4711\"><Tags><Tag Label=\"" +
                                         xml +
                                         "\"/></Tags></Organisation>"
                                         "</Organisations>"));
        // In element text XML keeps literal whitespace (only CR LF becomes LF).
        const QString asText = QString::fromUtf8(xml).contains(QLatin1Char('\t'))
                                   ? QStringLiteral("Anna\tMaria\nÖberg")
                                   : expected;
        QCOMPARE(child.firstName, asText);
        QCOMPARE(child.tags, QStringList{expected});
    }

    // XML 1.0 cannot carry U+0000..U+001F other than tab, LF and CR: not raw, not as &#x1;. A
    // document with one would not parse, so one member's bad name would stop every sync. Such
    // characters become U+FFFD and the member is named in a warning; the rest is untouched.
    void controlCharactersXmlCannotCarryAreReplacedAndReported_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<bool>("utf16");
        const QList<std::pair<const char *, QByteArray>> rows{
            {"raw U+0001 in an attribute", QByteArray("Anna\x01")},
            {"raw ESC in an attribute", QByteArray("Anna\x1B[31m")},
            {"raw U+FFFF in an attribute", QByteArray("Anna\xEF\xBF\xBF")},
            {"&#x1; in an attribute", QByteArray("Anna&#x1;")},
            {"&#0; in an attribute", QByteArray("Anna&#0;")},
            {"&#x1F; in element text",
             QByteArray("Anna\"><Lastname>Anna&#x1F;</Lastname></Member><Member "
                        "OrganisationMemberId=\"3\" Firstname=\"Cecilia")},
            {"&#xFFFE;", QByteArray("Anna&#xFFFE;")},
            {"lone surrogate by reference", QByteArray("Anna&#xD800;")},
            {"beyond Unicode", QByteArray("Anna&#x110000;")},
        };
        // The repair works on the decoded text, so a UTF-16 answer gets it too.
        for (const bool utf16 : {false, true}) {
            for (const auto &[name, xml] : rows) {
                QTest::addRow("%s, %s", name, utf16 ? "UTF-16" : "UTF-8") << xml << utf16;
            }
        }
    }

    void controlCharactersXmlCannotCarryAreReplacedAndReported()
    {
        QFETCH(QByteArray, xml);
        QFETCH(bool, utf16);
        QByteArray body = "<Cardskipper><Members>\n<Member OrganisationMemberId=\"1\" "
                          "Firstname=\"" +
                          xml +
                          "\"/>\n<Member OrganisationMemberId=\"2\" Firstname=\"Bo\"/>\n"
                          "</Members></Cardskipper>";
        if (utf16)
            body = encoded(QString::fromUtf8(body), QStringConverter::Utf16LE, true);
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(body, 4711, &warnings);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        QVERIFY(result.value().size() >= 2);
        const Member &first = result.value().at(0);
        QVERIFY(first.firstName.startsWith(QStringLiteral("Anna")) ||
                first.lastName.startsWith(QStringLiteral("Anna")));
        QVERIFY(QString(first.firstName + first.lastName).contains(QChar(0xFFFD)));
        QCOMPARE(result.value().last().firstName, QStringLiteral("Bo"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(QStringLiteral("Member 1:")),
                 qPrintable(warnings.first()));
    }

    void aDocumentBrokenElsewhereStillFailsWhole()
    {
        // The repair is for characters only: a cut-off document still fails as a whole.
        const QByteArray body = "<Cardskipper><Members><Member OrganisationMemberId=\"1\" "
                                "Firstname=\"A\x01\"/><Member Organisa";
        const auto result = MemberXmlParser::parseMembers(body, 4711);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::MalformedResponse));
    }

    void aTenThousandCharacterNameIsKeptWhole()
    {
        // 10,000 UTF-16 code units: two-byte letters, right-to-left letters and a surrogate pair
        // at the very end, where a cut would split it.
        const QString name = QString(5000, QChar(0x00C5)) + QString(4998, QChar(0x0628)) +
                             QStringLiteral("\U0001F600");
        QCOMPARE(name.size(), 10000);
        const QByteArray utf8 = name.toUtf8();
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(
            oneMember("Firstname=\"" + utf8 + "\"",
                      "<Lastname>" + utf8 + "</Lastname><ContactInfo EMail=\"" + utf8 + "\"/>"),
            4711, &warnings);
        QVERIFY(result);
        const Member &member = result.value().first();
        QCOMPARE(member.firstName, name);
        QCOMPARE(member.lastName, name);
        QCOMPARE(member.email, name);
        QVERIFY(warnings.isEmpty());
    }

    // An unreadable date is the member's problem, not the export's: the member stays (without
    // the birthdate, or without the role whose period cannot be read) and a warning names it.
    void unreadableDatesAreReportedByMember_data()
    {
        QTest::addColumn<QByteArray>("date");
        QTest::newRow("February 30") << QByteArray("2026-02-30");
        QTest::newRow("all zeros") << QByteArray("0000-00-00");
        QTest::newRow("all nines") << QByteArray("9999-99-99");
        QTest::newRow("zeros with time") << QByteArray("0000-00-00T00:00:00");
        QTest::newRow("February 29 of a common year") << QByteArray("2027-02-29T00:00:00");
    }

    void unreadableDatesAreReportedByMember()
    {
        QFETCH(QByteArray, date);
        const QByteArray role = "<Organisations><Organisation Id=\"4711\"><Roles>";
        const QByteArray end = "</Roles></Organisation></Organisations></Member>";
        const QByteArray body =
            "<Cardskipper><Members>"
            "<Member OrganisationMemberId=\"101\" Firstname=\"Född\" Birthdate=\"" +
            date + "\">" + role +
            "<Role Id=\"10\" StartDate=\"2026-01-01\" EndDate=\"2026-12-31\"/>" + end +
            "<Member OrganisationMemberId=\"102\" Firstname=\"Start\">" + role +
            "<Role Id=\"20\" StartDate=\"" + date + "\" EndDate=\"2026-12-31\"/>" +
            "<Role Id=\"21\" StartDate=\"2026-01-01\" EndDate=\"2026-12-31\"/>" + end +
            "<Member OrganisationMemberId=\"103\" Firstname=\"Slut\">" + role +
            "<Role Id=\"30\" StartDate=\"2026-01-01\" EndDate=\"" + date + "\"/>" + end +
            "<Member OrganisationMemberId=\"104\" Firstname=\"Hel\" Birthdate=\"2000-02-29\">" +
            role + "<Role Id=\"40\" StartDate=\"0001-01-01\" EndDate=\"9999-12-31\"/>" + end +
            "</Members></Cardskipper>";
        QStringList warnings;
        const auto result = MemberXmlParser::parseMembers(body, 4711, &warnings);
        QVERIFY(result);
        const QList<Member> &members = result.value();
        QCOMPARE(members.size(), 4);

        QVERIFY(!find(members, 101)->birthDate.isValid());
        QCOMPARE(find(members, 101)->roles.size(), 1);
        QCOMPARE(find(members, 102)->roles.size(), 1); // role 20 left out, 21 kept
        QCOMPARE(find(members, 102)->roles.first().roleId, 21);
        QVERIFY(find(members, 103)->roles.isEmpty());
        const Member *whole = find(members, 104);
        QCOMPARE(whole->birthDate, QDate(2000, 2, 29));
        QCOMPARE(whole->roles.first().start, QDate(1, 1, 1));
        QCOMPARE(whole->roles.first().end, QDate(9999, 12, 31));

        QCOMPARE(warnings.size(), 3);
        const QString text = QString::fromUtf8(date);
        QVERIFY2(warnings.at(0).startsWith(QStringLiteral("Member 101: the Birthdate")) &&
                     warnings.at(0).contains(text),
                 qPrintable(warnings.at(0)));
        QVERIFY2(warnings.at(1).startsWith(QStringLiteral("Member 102: role 20")) &&
                     warnings.at(1).contains(text),
                 qPrintable(warnings.at(1)));
        QVERIFY2(warnings.at(2).startsWith(QStringLiteral("Member 103: role 30")) &&
                     warnings.at(2).contains(text),
                 qPrintable(warnings.at(2)));
    }

    void dateForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        const QDate day(2025, 10, 1);
        QTest::newRow("date") << QStringLiteral("2025-10-01") << day;
        QTest::newRow("date Z") << QStringLiteral("2025-10-01Z") << day;
        QTest::newRow("date offset") << QStringLiteral("2025-10-01+02:00") << day;
        QTest::newRow("datetime") << QStringLiteral("2025-10-01T00:00:00") << day;
        QTest::newRow("late evening stays that day")
            << QStringLiteral("2025-10-01T23:59:59") << day;
        QTest::newRow("fraction") << QStringLiteral("2025-10-01T00:00:00.1234567") << day;
        QTest::newRow("fraction Z") << QStringLiteral("2025-10-01T00:00:00.5Z") << day;
        QTest::newRow("offset") << QStringLiteral("2025-10-01T00:00:00-05:00") << day;
        QTest::newRow("spaces") << QStringLiteral("  2025-10-01 ") << day;
        QTest::newRow("empty") << QString() << QDate();
        QTest::newRow("month 13") << QStringLiteral("2025-13-01") << QDate();
        QTest::newRow("Feb 30") << QStringLiteral("2025-02-30") << QDate();
        QTest::newRow("hour 25") << QStringLiteral("2025-10-01T25:00:00") << QDate();
        QTest::newRow("eight fraction digits")
            << QStringLiteral("2025-10-01T00:00:00.12345678") << QDate();
        QTest::newRow("swedish order") << QStringLiteral("01/10/2025") << QDate();
        QTest::newRow("trailing junk") << QStringLiteral("2025-10-01x") << QDate();
        QTest::newRow("short") << QStringLiteral("2025-1-1") << QDate();
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00") << QDate(2024, 2, 29);
        QTest::newRow("no leap day") << QStringLiteral("2025-02-29") << QDate();
        QTest::newRow("one fraction digit") << QStringLiteral("2025-10-01T12:30:45.1") << day;
        QTest::newRow("offset +14:00") << QStringLiteral("2025-10-01T00:00:00+14:00") << day;
        QTest::newRow("zone not applied")
            << QStringLiteral("2025-10-01T23:00:00-05:00") << day; // 04:00 UTC the next day
        QTest::newRow("offset +15:00") << QStringLiteral("2025-10-01T00:00:00+15:00") << QDate();
        QTest::newRow("offset without colon")
            << QStringLiteral("2025-10-01T00:00:00+0200") << QDate();
        QTest::newRow("lower-case z") << QStringLiteral("2025-10-01T00:00:00z") << QDate();
        QTest::newRow("no seconds") << QStringLiteral("2025-10-01T00:00") << QDate();
        QTest::newRow("bare T") << QStringLiteral("2025-10-01T") << QDate();
        QTest::newRow("bare fraction point") << QStringLiteral("2025-10-01T00:00:00.") << QDate();
        QTest::newRow("minute 60") << QStringLiteral("2025-10-01T00:60:00") << QDate();
        QTest::newRow("year 0") << QStringLiteral("0000-01-01") << QDate();
        QTest::newRow("all zeros") << QStringLiteral("0000-00-00") << QDate();
        QTest::newRow("all nines") << QStringLiteral("9999-99-99") << QDate();
        QTest::newRow("Feb 30 2026") << QStringLiteral("2026-02-30T00:00:00") << QDate();
        QTest::newRow("last day of 9999")
            << QStringLiteral("9999-12-31T23:59:59") << QDate(9999, 12, 31);
        QTest::newRow("first day of year 1") << QStringLiteral("0001-01-01") << QDate(1, 1, 1);
        QTest::newRow("five-digit year") << QStringLiteral("20251-01-01") << QDate();
        QTest::newRow("non-ASCII digits") << QStringLiteral("２０２５-10-01") << QDate();
        QTest::newRow("whitespace around a datetime")
            << QStringLiteral("\n\t2025-10-01T00:00:00Z \n") << day;
    }

    void dateForms()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QCOMPARE(MemberXmlParser::parseDate(text), date);
    }
};

QTEST_GUILESS_MAIN(TestMemberXmlParser)
#include "tst_memberxmlparser.moc"
