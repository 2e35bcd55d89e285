// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The real Cardskipper client against the Cardskipper simulator over loopback HTTP, in the
// simulator's strict request mode: a request the document calls invalid fails these tests.
#include "CardskipperClient.h"
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "Validity.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <optional>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::FaultKind;
using Kind = CardskipperError::Kind;

namespace {

const QDateTime kStart(QDate(2026, 11, 28), QTime(10, 0));

template<typename Result, typename Start> Result waitFor(Start start)
{
    std::optional<Result> result;
    start([&](Result value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        qFatal("client call did not finish");
    return std::move(*result);
}

} // namespace

class TestCardskipperClientE2e : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{kStart};
    std::unique_ptr<CardskipperSimulator> m_simulator;

    CardskipperConfig config(const QString &password = QStringLiteral("demo")) const
    {
        CardskipperConfig c;
        c.baseUrl = m_simulator->baseUrl();
        c.username = QStringLiteral("demo");
        c.password = password;
        c.timeoutMs = 5000;
        return c;
    }

    CardskipperClient::MembersResult exportMembers(const ExportCriteria &criteria,
                                                   const CardskipperConfig &c)
    {
        CardskipperClient client(c);
        return waitFor<CardskipperClient::MembersResult>(
            [&](auto done) { client.exportMembers(criteria, std::move(done)); });
    }

    CardskipperClient::MembersResult exportAll()
    {
        ExportCriteria criteria;
        criteria.organisationId = DemoData::kOrganisationId;
        return exportMembers(criteria, config());
    }

    static const Member *find(const QList<Member> &members, qint64 number)
    {
        for (const Member &member : members) {
            if (member.key.organisationMemberId == number)
                return &member;
        }
        return nullptr;
    }

private slots:
    void init()
    {
        m_clock.setNow(kStart);
        m_simulator = std::make_unique<CardskipperSimulator>(&m_clock);
        m_simulator->loadDemoData();
        QVERIFY(m_simulator->listen());
    }

    void cleanup() { m_simulator.reset(); }

    void exportsEveryMemberExactlyAsTheSimulatorHoldsThem()
    {
        const auto result = exportAll();
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
        const QList<Member> members = result.value();
        QCOMPARE(members.size(), DemoData::kDefaultMemberCount);
        for (const sim::SimMember &expected : m_simulator->members()) {
            const Member *actual = find(members, expected.organisationMemberId);
            QVERIFY2(actual, qPrintable(QString::number(expected.organisationMemberId)));
            QCOMPARE(*actual, expected.toMember(DemoData::kOrganisationId));
        }
        const Member *asa = find(members, DemoData::kPlainMember);
        QCOMPARE(asa->displayName(), QStringLiteral("Åsa Öberg"));
        QCOMPARE(asa->key.organisationId, DemoData::kOrganisationId);
    }

    void sendsCredentialsLanguageAndAValidDocumentUpFront()
    {
        QVERIFY(exportAll());
        const QList<sim::HttpRequest> requests = m_simulator->receivedRequests();
        QCOMPARE(requests.size(), 1); // no challenge round trip, no retry
        const sim::HttpRequest &request = requests.first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("Authorization"), QByteArray("Basic ZGVtbzpkZW1v"));
        QVERIFY(!request.header("Accept-Language").isEmpty());
        QVERIFY(request.header("Content-Type").startsWith("application/xml"));
        QVERIFY(request.body.contains("<OrganisationId value=\"4711\"/>"));
    }

    void bothDateFormsAndNoNamespacesGiveTheSameMembers()
    {
        const auto withTimes = exportAll();
        QVERIFY(withTimes);
        m_simulator->options().dateStyle = CardskipperSimulator::DateStyle::DateOnly;
        m_simulator->options().namespaceDeclarations = false;
        const auto withDates = exportAll();
        QVERIFY(withDates);
        QCOMPARE(withDates.value(), withTimes.value());
    }

    // Shapes an ASP.NET service may send (document §2.3: the encoding "is UTF8", the header
    // unknown). The client decides the encoding as RFC 7303 says, so none of them changes a
    // member or an organisation.
    void dotNetEncodingsGiveTheSameAnswers_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QByteArray>("contentType");
        const int utf8DeclaredUtf16 = int(CardskipperSimulator::BodyEncoding::Utf8DeclaredUtf16);
        const int utf16WithBom = int(CardskipperSimulator::BodyEncoding::Utf16WithBom);
        QTest::newRow("UTF-8 declared utf-16, charset=utf-8")
            << utf8DeclaredUtf16 << QByteArray("application/xml; charset=utf-8");
        QTest::newRow("UTF-8 declared utf-16, no charset")
            << utf8DeclaredUtf16 << QByteArray("application/xml");
        QTest::newRow("UTF-16 with mark, charset=utf-16")
            << utf16WithBom << QByteArray("application/xml; charset=utf-16");
        QTest::newRow("UTF-16 with mark, no charset") << utf16WithBom << QByteArray("text/xml");
        QTest::newRow("UTF-16 with mark, mislabelled charset=utf-8")
            << utf16WithBom << QByteArray("application/xml; charset=utf-8");
    }

    void dotNetEncodingsGiveTheSameAnswers()
    {
        QFETCH(int, encoding);
        QFETCH(QByteArray, contentType);
        const auto fetchOrganisations = [this] {
            CardskipperClient client(config());
            return waitFor<CardskipperClient::OrganisationsResult>(
                [&](auto done) { client.fetchOrganisations(std::move(done)); });
        };
        const auto utf8Members = exportAll();
        const auto utf8Organisations = fetchOrganisations();
        QVERIFY(utf8Members && utf8Organisations);

        m_simulator->options().bodyEncoding = CardskipperSimulator::BodyEncoding(encoding);
        m_simulator->options().contentType = contentType;
        const auto members = exportAll();
        QVERIFY2(members, qPrintable(members ? QString() : members.error().message()));
        QCOMPARE(members.value(), utf8Members.value());
        QCOMPARE(find(members.value(), DemoData::kPlainMember)->displayName(),
                 QStringLiteral("Åsa Öberg"));

        const auto organisations = fetchOrganisations();
        QVERIFY2(organisations,
                 qPrintable(organisations ? QString() : organisations.error().message()));
        QCOMPARE(organisations.value().size(), utf8Organisations.value().size());
        for (qsizetype i = 0; i < organisations.value().size(); ++i) {
            const OrganisationInfo &actual = organisations.value().at(i);
            const OrganisationInfo &expected = utf8Organisations.value().at(i);
            QCOMPARE(actual.id, expected.id);
            QCOMPARE(actual.name, expected.name);
            QCOMPARE(actual.roles.size(), expected.roles.size());
            for (qsizetype j = 0; j < actual.roles.size(); ++j)
                QCOMPARE(actual.roles.at(j).name, expected.roles.at(j).name);
        }
    }

    void birthNumbersAreNotKept()
    {
        m_simulator->options().includeBirthnumber = true;
        const auto result = exportAll();
        QVERIFY(result);
        const Member *asa = find(result.value(), DemoData::kPlainMember);
        const QString birthNumber = m_simulator->member(DemoData::kPlainMember)->birthNumber;
        QVERIFY(!birthNumber.isEmpty());
        QCOMPARE(*asa, m_simulator->member(DemoData::kPlainMember)->toMember(4711));
    }

    void emptyListIsZeroMembersNotAnError_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("<Members/>") << int(CardskipperSimulator::EmptyListStyle::SelfClosing);
        QTest::newRow("<Members></Members>")
            << int(CardskipperSimulator::EmptyListStyle::StartAndEndTag);
    }

    void emptyListIsZeroMembersNotAnError()
    {
        QFETCH(int, style);
        m_simulator->options().emptyList = CardskipperSimulator::EmptyListStyle(style);
        m_simulator->setMembers({});
        const auto result = exportAll();
        QVERIFY(result);
        QVERIFY(result.value().isEmpty());
    }

    void onlyActiveLeavesOutExpiredInactiveAndUpcoming()
    {
        ExportCriteria criteria;
        criteria.organisationId = DemoData::kOrganisationId;
        criteria.onlyActive = true;
        const auto result = exportMembers(criteria, config());
        QVERIFY(result);
        const QList<Member> members = result.value();
        QVERIFY(find(members, DemoData::kPlainMember));
        QVERIFY(find(members, DemoData::kEndsToday));
        QVERIFY(!find(members, DemoData::kExpired));
        QVERIFY(!find(members, DemoData::kInactive));
        QVERIFY(!find(members, DemoData::kStartsNextMonth));
        QVERIFY(!find(members, DemoData::kEndedYesterday));
        for (const Member &member : members) {
            QCOMPARE(int(membershipState(member, DemoData::kOrganisationId, m_clock.today())),
                     int(MembershipState::Active));
        }
        QVERIFY(
            m_simulator->receivedRequests().last().body.contains("<OnlyActive value=\"true\"/>"));
    }

    void changedAtReturnsOnlyMembersChangedSince()
    {
        const QDateTime lastFetch = m_clock.now();
        m_clock.advanceSeconds(3600);
        QVERIFY(
            m_simulator->extendMembership(DemoData::kPlainMember, m_clock.today().addDays(400)));
        QVERIFY(m_simulator->changeEmail(DemoData::kNoEmail, QStringLiteral("marta@example.se")));

        ExportCriteria criteria;
        criteria.organisationId = DemoData::kOrganisationId;
        criteria.changedAt = ExportCriteria::changedAtWithOverlap(lastFetch);
        const auto result = exportMembers(criteria, config());
        QVERIFY(result);
        QCOMPARE(result.value().size(), 2);
        const Member *asa = find(result.value(), DemoData::kPlainMember);
        QVERIFY(asa);
        QCOMPARE(effectivePeriod(asa->rolesIn(4711), m_clock.today())->end,
                 m_clock.today().addDays(400));
        QCOMPARE(find(result.value(), DemoData::kNoEmail)->email,
                 QStringLiteral("marta@example.se"));
    }

    void exportsFiveThousandMembers()
    {
        m_simulator->loadDemoData(5000, 7);
        const auto result = exportAll();
        QVERIFY(result);
        QCOMPARE(result.value().size(), 5000);
        QCOMPARE(*find(result.value(), 4999 + 1000),
                 m_simulator->member(5999)->toMember(DemoData::kOrganisationId));
    }

    void organisationsAndRolesAreListed()
    {
        CardskipperClient client(config());
        const auto result = waitFor<CardskipperClient::OrganisationsResult>(
            [&](auto done) { client.fetchOrganisations(std::move(done)); });
        QVERIFY(result);
        const QList<OrganisationInfo> organisations = result.value();
        QVERIFY(!organisations.isEmpty());
        const auto club = std::find_if(organisations.cbegin(), organisations.cend(),
                                       [](const OrganisationInfo &o) { return o.id == 4711; });
        QVERIFY(club != organisations.cend());
        QCOMPARE(club->name, QStringLiteral("Exempelklubben IF"));
        QVERIFY(std::any_of(club->roles.cbegin(), club->roles.cend(), [](const RoleInfo &role) {
            return role.id == DemoData::kRoleYearCard && role.name == QStringLiteral("Årskort");
        }));
        for (const OrganisationInfo &organisation : organisations)
            QVERIFY(organisation.id != DemoData::kForeignOrganisationId);
    }

    void wrongPasswordIsOneAttemptAndSaysSo_data()
    {
        QTest::addColumn<bool>("challenge");
        QTest::newRow("with Basic challenge") << true;
        QTest::newRow("without challenge") << false;
    }

    void wrongPasswordIsOneAttemptAndSaysSo()
    {
        QFETCH(bool, challenge);
        m_simulator->options().challengeOnBadCredentials = challenge;
        ExportCriteria criteria;
        criteria.organisationId = DemoData::kOrganisationId;
        const auto result = exportMembers(criteria, config(QStringLiteral("wrong")));
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::WrongCredentials));
        QCOMPARE(result.error().httpStatus, 401);
        QCOMPARE(m_simulator->failedAuthCount(), 1);
        QVERIFY(result.error().message().contains(QStringLiteral("password")));
        QVERIFY(!result.error().message().contains(QStringLiteral("wrong")));
        QVERIFY(!result.error().isTransient());
    }

    void aCallWithoutItsApiRightNamesTheCall()
    {
        QVERIFY(m_simulator->setGrants(QStringLiteral("demo"),
                                       {sim::CardskipperRoute::OrganisationInfo}));
        const auto result = exportAll();
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::CallNotGranted));
        QCOMPARE(result.error().httpStatus, 403);
        QVERIFY(result.error().message().contains(QStringLiteral("/Member/Export")));
    }

    void unknownOrganisation_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("403") << int(CardskipperSimulator::UnknownOrganisation::Forbidden);
        QTest::newRow("empty list") << int(CardskipperSimulator::UnknownOrganisation::EmptyList);
    }

    void unknownOrganisation()
    {
        QFETCH(int, mode);
        m_simulator->options().unknownOrganisation =
            CardskipperSimulator::UnknownOrganisation(mode);
        ExportCriteria criteria;
        criteria.organisationId = DemoData::kForeignOrganisationId;
        const auto result = exportMembers(criteria, config());
        if (mode == int(CardskipperSimulator::UnknownOrganisation::Forbidden)) {
            QVERIFY(!result);
            QCOMPARE(int(result.error().kind), int(Kind::CallNotGranted));
        } else {
            QVERIFY(result);
            QVERIFY(result.value().isEmpty()); // the engine's guard, not the client, must doubt it
        }
    }

    void serverFaultsAreTypedErrors_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("500") << int(FaultKind::Http500) << int(Kind::ServerError) << 500;
        QTest::newRow("503") << int(FaultKind::Http503) << int(Kind::RateLimited) << 503;
        QTest::newRow("429") << int(FaultKind::Http429) << int(Kind::RateLimited) << 429;
        QTest::newRow("malformed body")
            << int(FaultKind::MalformedBody) << int(Kind::MalformedResponse) << 0;
    }

    void serverFaultsAreTypedErrors()
    {
        QFETCH(int, fault);
        QFETCH(int, kind);
        QFETCH(int, status);
        m_simulator->faults().setRetryAfterSeconds(42);
        m_simulator->faults().failNext(1, FaultKind(fault));
        const auto result = exportAll();
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), kind);
        if (status)
            QCOMPARE(result.error().httpStatus, status);
        if (kind == int(Kind::RateLimited))
            QCOMPARE(result.error().retryAfterSeconds, 42);
        QVERIFY(result.error().isTransient());
        QVERIFY(!result.error().message().isEmpty());
        // The next call, without a fault, works again.
        QVERIFY(exportAll());
    }

    void brokenTransfersAreTransientErrors_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("dropped connection") << int(FaultKind::DropConnection);
        QTest::newRow("truncated body") << int(FaultKind::TruncatedBody);
    }

    void brokenTransfersAreTransientErrors()
    {
        QFETCH(int, fault);
        // Qt itself resends a request once when a kept-alive connection drops before any answer;
        // a peer that keeps failing must still end in an error.
        m_simulator->faults().failNext(3, FaultKind(fault));
        const auto result = exportAll();
        QVERIFY(!result);
        QVERIFY2(result.error().isTransient(), qPrintable(result.error().message()));
        m_simulator->faults().reset();
        QVERIFY(exportAll());
    }

    void aSilentServerTimesOut()
    {
        m_simulator->faults().failNext(1, FaultKind::Timeout);
        CardskipperConfig c = config();
        c.timeoutMs = 300;
        ExportCriteria criteria;
        criteria.organisationId = DemoData::kOrganisationId;
        const auto result = exportMembers(criteria, c);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::Timeout));
        QVERIFY(result.error().message().contains(QStringLiteral("127.0.0.1")));
    }

    void anUnreachableHostIsNamed()
    {
        QTcpServer placeholder;
        QVERIFY(placeholder.listen(QHostAddress::LocalHost));
        const quint16 port = placeholder.serverPort();
        placeholder.close(); // nothing listens there now
        CardskipperConfig c = config();
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        ExportCriteria criteria;
        criteria.organisationId = DemoData::kOrganisationId;
        const auto result = exportMembers(criteria, c);
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), int(Kind::HostUnreachable));
        QVERIFY(result.error().message().contains(QStringLiteral("127.0.0.1")));
    }

    void destroyingTheClientMidCallNeverCallsBack()
    {
        m_simulator->faults().setLatencyMs(200);
        QSignalSpy answered(&m_simulator->server(), &sim::HttpServer::responseWritten);
        QSignalSpy closed(&m_simulator->server(), &sim::HttpServer::connectionClosed);
        bool called = false;
        {
            CardskipperClient client(config());
            ExportCriteria criteria;
            criteria.organisationId = DemoData::kOrganisationId;
            client.exportMembers(criteria, [&](auto) { called = true; });
            QTRY_VERIFY(!m_simulator->receivedRequests().isEmpty());
        }
        // Whatever the simulator does with the abandoned request, nobody is called back.
        QTRY_VERIFY(answered.count() + closed.count() > 0);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCardskipperClientE2e)
#include "tst_cardskipperclient_e2e.moc"
