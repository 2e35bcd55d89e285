// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Clock.h"
#include "FakeTerminal.h"
#include "HikvisionClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTest>
#include <memory>
#include <optional>

using namespace cis;
using Kind = HikvisionError::Kind;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(CIS_FIXTURES_DIR "/hikvision/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

template<typename T> struct Outcome
{
    std::optional<Expected<T, HikvisionError>> result;
    int calls = 0;

    bool ok() const { return result && result->hasValue(); }
    const T &value() const { return result->value(); }
    const HikvisionError &error() const { return result->error(); }
};

// Runs one asynchronous call to completion and counts how often its continuation ran.
template<typename T, typename Start> Outcome<T> await(Start start)
{
    auto outcome = std::make_shared<Outcome<T>>();
    start([outcome](Expected<T, HikvisionError> result) {
        ++outcome->calls;
        outcome->result.emplace(std::move(result));
    });
    if (!QTest::qWaitFor([&] { return outcome->result.has_value(); }, 20000))
        qWarning("the continuation was never called");
    QTest::qWait(5); // a second invocation would show up here
    return *outcome;
}

QJsonObject personJson(int number)
{
    return QJsonObject{
        {QStringLiteral("employeeNo"), QString::number(number)},
        {QStringLiteral("name"), QStringLiteral("Person %1").arg(number)},
        {QStringLiteral("userType"), QStringLiteral("normal")},
        {QStringLiteral("Valid"),
         QJsonObject{{QStringLiteral("enable"), true},
                     {QStringLiteral("beginTime"), QStringLiteral("2025-01-01T00:00:00")},
                     {QStringLiteral("endTime"), QStringLiteral("2025-12-31T23:59:59")},
                     {QStringLiteral("timeType"), QStringLiteral("local")}}},
        {QStringLiteral("doorRight"), QStringLiteral("1")}};
}

const QByteArray kOk = R"({"statusCode":1,"statusString":"OK","subStatusCode":"ok"})";

// The person side of a terminal: Search honours position, maxResults (capped at pageCap) and
// EmployeeNoList, changes searchID on every page and leaves UserInfo out when nothing matched.
struct PersonStore
{
    QList<QJsonObject> people;
    int pageCap = 30;
    int searchCalls = 0;
    QList<int> askedMaxResults;
    QList<int> askedPositions;
    QList<int> filterSizes;
    QList<QByteArray> deleteBodies;
    QList<QByteArray> writeBodies;
    QList<QByteArray> cardSearchBodies;
    QList<QByteArray> cardWriteBodies;

    FakeResponse route(const FakeRequest &request)
    {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (request.path == "/ISAPI/AccessControl/UserInfo/Search" && request.method == "POST") {
            const QJsonObject cond = body.value(QStringLiteral("UserInfoSearchCond")).toObject();
            const int position = cond.value(QStringLiteral("searchResultPosition")).toInt();
            const int asked = cond.value(QStringLiteral("maxResults")).toInt();
            askedMaxResults << asked;
            askedPositions << position;
            QSet<QString> wanted;
            for (const QJsonValue &entry : cond.value(QStringLiteral("EmployeeNoList")).toArray())
                wanted.insert(entry.toObject().value(QStringLiteral("employeeNo")).toString());
            filterSizes << static_cast<int>(wanted.size());
            QList<QJsonObject> matching;
            for (const QJsonObject &person : people) {
                if (wanted.isEmpty() ||
                    wanted.contains(person.value(QStringLiteral("employeeNo")).toString()))
                    matching << person;
            }
            const int count =
                qMax(0, qMin(qMin(asked, pageCap), static_cast<int>(matching.size()) - position));
            QJsonArray page;
            for (int i = 0; i < count; ++i)
                page.append(matching.at(position + i));
            const bool more = position + count < matching.size();
            QJsonObject search{{QStringLiteral("searchID"), QString::number(++searchCalls)},
                               {QStringLiteral("responseStatusStrg"),
                                matching.isEmpty() ? QStringLiteral("NO MATCH")
                                : more             ? QStringLiteral("MORE")
                                                   : QStringLiteral("OK")},
                               {QStringLiteral("numOfMatches"), count},
                               {QStringLiteral("totalMatches"), static_cast<int>(matching.size())}};
            if (count > 0)
                search.insert(QStringLiteral("UserInfo"), page);
            return FakeResponse::json(
                200, QJsonDocument(QJsonObject{{QStringLiteral("UserInfoSearch"), search}})
                         .toJson(QJsonDocument::Compact));
        }
        if (request.path == "/ISAPI/AccessControl/UserInfo/Count")
            return FakeResponse::json(200, "{\"UserInfoCount\":{\"userNumber\":" +
                                               QByteArray::number(people.size()) + "}}");
        if (request.path == "/ISAPI/AccessControl/UserInfo/Delete" && request.method == "PUT") {
            deleteBodies << request.body;
            return FakeResponse::json(200, kOk);
        }
        if (request.path == "/ISAPI/AccessControl/CardInfo/Search") {
            cardSearchBodies << request.body;
            return FakeResponse::json(200, fixture("card-search-ok.json"));
        }
        if (request.path.startsWith("/ISAPI/AccessControl/CardInfo/")) {
            cardWriteBodies << request.body;
            return FakeResponse::json(200, kOk);
        }
        if (request.path == "/ISAPI/System/deviceInfo")
            return FakeResponse::xml(200, fixture("deviceinfo-ds-k1t341am.xml"));
        if (request.path == "/ISAPI/AccessControl/UserInfo/capabilities")
            return FakeResponse::json(200, fixture("capabilities-timeclock.json"));
        if (request.path.startsWith("/ISAPI/AccessControl/UserInfo/")) {
            writeBodies << request.body;
            return FakeResponse::json(200, kOk);
        }
        return FakeResponse::json(404, {});
    }
};

struct Rig
{
    FakeTerminal terminal;
    PersonStore store;
    ManualClock clock{QDateTime(QDate(2025, 6, 1), QTime(12, 0))};
    std::unique_ptr<HikvisionClient> client;

    explicit Rig(const QString &password = QStringLiteral("secret"))
    {
        if (!terminal.listen())
            qFatal("cannot listen");
        terminal.routes = [this](const FakeRequest &request) { return store.route(request); };
        HikvisionConfig config;
        config.baseUrl = terminal.baseUrl();
        config.username = QStringLiteral("admin");
        config.password = password;
        config.readRetryBackoffMs = 0;
        client = std::make_unique<HikvisionClient>(config, &clock);
    }

    Outcome<PersonCount> count()
    {
        return await<PersonCount>([this](auto done) { client->countPersons(done); });
    }
};

Person member(const QString &employeeNo, const QString &name)
{
    Person person;
    person.employeeNo = employeeNo;
    person.name = name;
    person.validity.enabled = true;
    person.validity.begin = QDateTime(QDate(2025, 1, 1), QTime(0, 0));
    person.validity.end = QDateTime(QDate(2025, 12, 31), QTime(23, 59, 59));
    return person;
}

QStringList logLines;

void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    logLines << message;
}

} // namespace

class TestHikvisionClient : public QObject
{
    Q_OBJECT

private slots:
    void handshakeThenReusesNonce()
    {
        Rig rig;
        auto first = rig.count();
        QVERIFY(first.ok());
        QCOMPARE(first.calls, 1);
        QCOMPARE(rig.terminal.requests.size(), 2); // challenge, then the answer
        QVERIFY(rig.terminal.requests.at(0).authorization().isEmpty());
        QVERIFY(rig.terminal.requests.at(1).authorization().contains("nc=00000001"));
        QCOMPARE(rig.terminal.requests.at(1).target,
                 QByteArray("/ISAPI/AccessControl/UserInfo/Count?format=json"));

        auto second = rig.count();
        QVERIFY(second.ok());
        QCOMPARE(rig.terminal.requests.size(), 3); // the nonce is reused, no new challenge
        QVERIFY(rig.terminal.requests.at(2).authorization().contains("nc=00000002"));
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 0);
        // Every request on its own connection.
        QCOMPARE(rig.terminal.connections, 3);
        QCOMPARE(rig.terminal.requests.at(2).headers.value("connection"), QByteArray("close"));
    }

    void wrongPasswordSpendsOneAttemptThenRefuses()
    {
        Rig rig(QStringLiteral("wrong-password"));
        auto result = rig.count();
        QVERIFY(!result.ok());
        QCOMPARE(result.calls, 1);
        QCOMPARE(result.error().kind, Kind::WrongCredentials);
        QCOMPARE(result.error().attemptsLeft, 4);
        QVERIFY2(result.error().message().contains(QStringLiteral("4 attempt")),
                 qPrintable(result.error().message()));
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 1);
        QCOMPARE(rig.terminal.requests.size(), 2);

        // Every later call fails fast with the same error and touches no network.
        auto again = rig.count();
        QCOMPARE(again.error().kind, Kind::WrongCredentials);
        auto search =
            await<PersonSearchResult>([&](auto done) { rig.client->searchAllPersons(done); });
        QCOMPARE(search.error().kind, Kind::WrongCredentials);
        auto record = await<WriteResult>(
            [&](auto done) { rig.client->recordPerson(member(QStringLiteral("7"), {}), done); });
        QCOMPARE(record.error().kind, Kind::WrongCredentials);
        QCOMPARE(rig.terminal.requests.size(), 2);
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 1);
        QVERIFY(rig.client->refusal().has_value());

        rig.client->setCredentials(QStringLiteral("admin"), QStringLiteral("secret"));
        QVERIFY(!rig.client->refusal().has_value());
        QVERIFY(rig.count().ok());
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 1);
    }

    void wrongPasswordWithParallelCallsStillOneAttempt()
    {
        Rig rig(QStringLiteral("wrong-password"));
        rig.client->setMaxConcurrentRequests(4);
        QList<std::shared_ptr<int>> failures;
        int done = 0;
        for (int i = 0; i < 5; ++i) {
            rig.client->countPersons([&done](HikvisionClient::Result<PersonCount> result) {
                QVERIFY(!result);
                QCOMPARE(result.error().kind, Kind::WrongCredentials);
                ++done;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 5, 20000);
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 1);
    }

    void officialAuthenticationFailedShape()
    {
        Rig rig(QStringLiteral("wrong-password"));
        rig.terminal.officialAuthShape = true;
        auto result = rig.count();
        QCOMPARE(result.error().kind, Kind::WrongCredentials);
        QCOMPARE(result.error().attemptsLeft, 4);
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 1);
    }

    void staleNonceGetsExactlyOneFreshHandshake()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        const qsizetype before = rig.terminal.requests.size();
        rig.terminal.staleNext = 1;
        auto result = rig.count();
        QVERIFY(result.ok());
        QCOMPARE(rig.terminal.staleAnswers, 1);
        // The stale request and one retry with the new nonce; no unauthenticated round trip.
        QCOMPARE(rig.terminal.requests.size() - before, 2);
        QVERIFY(!rig.terminal.requests.constLast().authorization().isEmpty());
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 0);
    }

    void staleForeverIsBounded()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        const qsizetype before = rig.terminal.requests.size();
        rig.terminal.staleNext = 1000;
        auto result = rig.count();
        QVERIFY(!result.ok());
        QCOMPARE(result.calls, 1);
        // Stale says the digest was right: a transient failure, never a refused password.
        QCOMPARE(result.error().kind, Kind::NonceKeptExpiring);
        QVERIFY(result.error().isTransient());
        QVERIFY(!result.error().blocksClient());
        QVERIFY(!rig.client->refusal());
        // Three new handshakes per try (QNAM would loop without end here), and the two read
        // retries start from an unauthenticated handshake: 4 + 5 + 5.
        QCOMPARE(rig.terminal.requests.size() - before, 14);
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 0);
        // Once the terminal behaves, the same client goes on.
        rig.terminal.staleNext = 0;
        QVERIFY(rig.count().ok());
    }

    void expiredNonceOnReuseGetsOneFreshHandshake()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        rig.terminal.expireNonces(); // the terminal forgot it; it answers stale="TRUE"
        const qsizetype before = rig.terminal.requests.size();
        QVERIFY(rig.count().ok());
        QCOMPARE(rig.terminal.requests.size() - before, 2);
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 0);
    }

    void invalidOperationOn401RetriesOnceOnAFreshConnection()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        const qsizetype before = rig.terminal.requests.size();
        rig.terminal.invalidOperationNext = 1;
        auto result = rig.count();
        QVERIFY(result.ok());
        QCOMPARE(rig.terminal.invalidOperationAnswers, 1);
        // The rejected request, a new handshake without credentials, and the retry.
        QCOMPARE(rig.terminal.requests.size() - before, 3);
        const FakeRequest &rejected = rig.terminal.requests.at(before);
        const FakeRequest &handshake = rig.terminal.requests.at(before + 1);
        const FakeRequest &retry = rig.terminal.requests.at(before + 2);
        QVERIFY(!rejected.authorization().isEmpty());
        QVERIFY(handshake.authorization().isEmpty());
        QVERIFY(!retry.authorization().isEmpty());
        QVERIFY(handshake.connection != rejected.connection);
        QVERIFY(retry.connection != rejected.connection);
        QVERIFY(!retry.authorization().contains(digestNonce(rejected.authorization())));
    }

    void invalidOperationForeverIsBounded()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        const qsizetype before = rig.terminal.requests.size();
        rig.terminal.invalidOperationNext = 1000;
        auto result = rig.count();
        QCOMPARE(result.error().kind, Kind::WrongCredentials);
        QCOMPARE(rig.terminal.invalidOperationAnswers, 2);
        QCOMPARE(rig.terminal.requests.size() - before, 3);
        // And then the client stops.
        QCOMPARE(rig.count().error().kind, Kind::WrongCredentials);
        QCOMPARE(rig.terminal.requests.size() - before, 3);
    }

    void lockedTerminalGetsNoCredentialsAndIsLeftAloneUntilUnlock()
    {
        Rig rig;
        rig.terminal.locked = true;
        rig.terminal.lockSeconds = 1500;
        auto result = rig.count();
        QCOMPARE(result.error().kind, Kind::LockedOut);
        QCOMPARE(result.error().lockSecondsLeft, 1500);
        QCOMPARE(result.error().lockMinutesLeft(), 25);
        QVERIFY2(result.error().message().contains(QStringLiteral("25 more minute")),
                 qPrintable(result.error().message()));
        QCOMPARE(rig.terminal.requestsWithAuthorization, 0);
        QCOMPARE(rig.terminal.requests.size(), 1);

        rig.clock.advanceSeconds(1499);
        auto refused = rig.count();
        QCOMPARE(refused.error().kind, Kind::LockedOut);
        QCOMPARE(refused.error().lockSecondsLeft, 1);
        QCOMPARE(rig.terminal.requests.size(), 1);

        // Changing the credentials does not lift the terminal's lock.
        rig.client->setCredentials(QStringLiteral("admin"), QStringLiteral("secret"));
        QCOMPARE(rig.count().error().kind, Kind::LockedOut);
        QCOMPARE(rig.terminal.requests.size(), 1);

        rig.clock.advanceSeconds(1);
        rig.terminal.locked = false;
        QVERIFY(rig.count().ok());
        QCOMPARE(rig.terminal.requests.size(), 3);
    }

    void lockoutInOfficialShape()
    {
        Rig rig;
        rig.terminal.locked = true;
        rig.terminal.officialAuthShape = true;
        rig.terminal.lockSeconds = 61;
        auto result = rig.count();
        QCOMPARE(result.error().kind, Kind::LockedOut);
        QCOMPARE(result.error().lockMinutesLeft(), 2);
        QCOMPARE(rig.terminal.requestsWithAuthorization, 0);
    }

    void credentialsNeverLogged()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("cis.*=true"));
        logLines.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        {
            Rig rig(QStringLiteral("hunter2-wrong"));
            rig.count();
            rig.client->setCredentials(QStringLiteral("admin"), QStringLiteral("secret"));
            rig.count();
            await<WriteResult>([&](auto done) {
                rig.client->recordPerson(member(QStringLiteral("1"), QStringLiteral("A")), done);
            });
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QStringLiteral("cis.*.debug=false"));
        QVERIFY(!logLines.isEmpty());
        for (const QString &line : std::as_const(logLines)) {
            QVERIFY2(!line.contains(QStringLiteral("hunter2")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("secret")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("Digest ")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("response=")), qPrintable(line));
        }
    }

    void pagingReadsEverybody()
    {
        Rig rig;
        for (int i = 1; i <= 65; ++i)
            rig.store.people << personJson(i);
        auto result =
            await<PersonSearchResult>([&](auto done) { rig.client->searchAllPersons(done); });
        QVERIFY(result.ok());
        QCOMPARE(result.calls, 1);
        QCOMPARE(result.value().persons.size(), 65);
        QCOMPARE(rig.store.askedPositions, (QList<int>{0, 30, 60}));
        for (int asked : std::as_const(rig.store.askedMaxResults))
            QVERIFY(asked <= 30);
        QCOMPARE(result.value().persons.at(64).employeeNo, QStringLiteral("65"));
    }

    void pagesAreReportedAsTheyArrive()
    {
        Rig rig;
        rig.store.pageCap = 20; // asked for 30, it sends 20 and says MORE
        for (int i = 1; i <= 45; ++i) {
            rig.store.people << personJson(i);
            if (i == 25)
                rig.store.people << personJson(3); // the list shifted: seen on the first page
        }
        QList<QList<Person>> pages;
        auto result = await<PersonSearchResult>([&](auto done) {
            rig.client->searchAllPersons(done,
                                         [&](const QList<Person> &page) { pages.append(page); });
        });
        QVERIFY(result.ok());
        QCOMPARE(result.value().persons.size(), 45);
        QCOMPARE(pages.size(), 3);
        QCOMPARE(pages.at(0).size(), 20);
        QCOMPARE(pages.at(1).size(), 19);
        QCOMPARE(pages.at(2).size(), 6);
        QList<Person> reported;
        for (const QList<Person> &page : std::as_const(pages))
            reported += page;
        QCOMPARE(reported, result.value().persons);
    }

    void pagingFollowsWhatTheTerminalReturns()
    {
        Rig rig;
        rig.store.pageCap = 10; // asked for 30, it sends 10 and says MORE
        for (int i = 1; i <= 25; ++i)
            rig.store.people << personJson(i);
        auto result =
            await<PersonSearchResult>([&](auto done) { rig.client->searchAllPersons(done); });
        QVERIFY(result.ok());
        QCOMPARE(result.value().persons.size(), 25);
        QCOMPARE(rig.store.askedPositions, (QList<int>{0, 10, 20}));
    }

    void pagingHonoursTheDevicePageSize()
    {
        Rig rig;
        UserCapabilities capabilities;
        capabilities.searchMaxResults = 7;
        rig.client->setDeviceContext(capabilities, genericDeviceProfile());
        for (int i = 1; i <= 15; ++i)
            rig.store.people << personJson(i);
        auto result =
            await<PersonSearchResult>([&](auto done) { rig.client->searchAllPersons(done); });
        QVERIFY(result.ok());
        QCOMPARE(result.value().persons.size(), 15);
        QCOMPARE(rig.store.askedMaxResults, (QList<int>{7, 7, 7}));
    }

    void emptyTerminalIsAnEmptyList()
    {
        Rig rig;
        auto result =
            await<PersonSearchResult>([&](auto done) { rig.client->searchAllPersons(done); });
        QVERIFY(result.ok());
        QVERIFY(result.value().persons.isEmpty());
    }

    void moreWithoutMatchesStops_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("total not reached") << 50 << false;
        QTest::newRow("total reached") << 2 << true;
    }

    void moreWithoutMatchesStops()
    {
        QFETCH(int, total);
        QFETCH(bool, succeeds);
        Rig rig;
        int pages = 0;
        rig.terminal.routes = [&](const FakeRequest &) {
            ++pages;
            if (pages == 1)
                return FakeResponse::json(
                    200, "{\"UserInfoSearch\":{\"searchID\":\"x\",\"responseStatusStrg\":\"MORE\","
                         "\"numOfMatches\":2,\"totalMatches\":" +
                             QByteArray::number(total) +
                             ",\"UserInfo\":[{\"employeeNo\":\"1\"},{\"employeeNo\":\"2\"}]}}");
            return FakeResponse::json(
                200, "{\"UserInfoSearch\":{\"searchID\":\"y\",\"responseStatusStrg\":\"MORE\","
                     "\"numOfMatches\":0,\"totalMatches\":" +
                         QByteArray::number(total) + "}}");
        };
        auto result =
            await<PersonSearchResult>([&](auto done) { rig.client->searchAllPersons(done); });
        QCOMPARE(result.ok(), succeeds);
        QCOMPARE(pages, 2);
        if (!succeeds)
            QCOMPARE(result.error().kind, Kind::UnexpectedResponse);
    }

    void searchByListBatchesAndSkipsEmpty()
    {
        Rig rig;
        QStringList wanted;
        for (int i = 1; i <= 65; ++i) {
            rig.store.people << personJson(i);
            wanted << QString::number(i);
        }
        rig.store.people << personJson(100);
        auto result =
            await<PersonSearchResult>([&](auto done) { rig.client->searchPersons(wanted, done); });
        QVERIFY(result.ok());
        QCOMPARE(result.value().persons.size(), 65);
        QCOMPARE(rig.store.filterSizes, (QList<int>{30, 30, 5}));

        const qsizetype before = rig.terminal.requests.size();
        auto none =
            await<PersonSearchResult>([&](auto done) { rig.client->searchPersons({}, done); });
        QVERIFY(none.ok());
        QVERIFY(none.value().persons.isEmpty());
        QCOMPARE(rig.terminal.requests.size(), before);
    }

    void deleteInBatchesAndRefuseEmpty()
    {
        Rig rig;
        QStringList ids;
        for (int i = 1; i <= 65; ++i)
            ids << QString::number(i);
        auto result = await<DeleteResult>([&](auto done) { rig.client->deletePersons(ids, done); });
        QVERIFY(result.ok());
        QCOMPARE(result.value().deleted.size(), 65);
        QCOMPARE(result.value().batches, 3);
        QCOMPARE(rig.store.deleteBodies.size(), 3);
        for (const QByteArray &body : std::as_const(rig.store.deleteBodies)) {
            const QJsonArray list = QJsonDocument::fromJson(body)
                                        .object()
                                        .value(QStringLiteral("UserInfoDelCond"))
                                        .toObject()
                                        .value(QStringLiteral("EmployeeNoList"))
                                        .toArray();
            QVERIFY(!list.isEmpty());
            QVERIFY(list.size() <= 30);
        }

        const qsizetype before = rig.terminal.requests.size();
        auto empty = await<DeleteResult>([&](auto done) { rig.client->deletePersons({}, done); });
        QCOMPARE(empty.calls, 1);
        QCOMPARE(empty.error().kind, Kind::RefusedRequest);
        auto cards =
            await<DeleteResult>([&](auto done) { rig.client->deleteCardsOfPersons({}, done); });
        QCOMPARE(cards.error().kind, Kind::RefusedRequest);
        auto cardNos = await<DeleteResult>([&](auto done) { rig.client->deleteCards({}, done); });
        QCOMPARE(cardNos.error().kind, Kind::RefusedRequest);
        QCOMPARE(rig.terminal.requests.size(), before);
    }

    void passwordChangedOnTheTerminal()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        rig.terminal.password = "changed-on-the-terminal";
        auto result = rig.count();
        QCOMPARE(result.error().kind, Kind::WrongCredentials);
        // The reused nonce might merely have expired, so it gets one fresh handshake; that
        // bounds the cost of a password changed behind our back to two of the five attempts.
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 2);
        QCOMPARE(rig.count().error().kind, Kind::WrongCredentials);
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 2);
    }

    void passwordChangedOnTheTerminalWithOneAttemptLeftCostsOnlyThatOne()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        rig.terminal.password = "changed-on-the-terminal";
        rig.terminal.attemptsLeft = 1; // someone else failed four times already
        rig.terminal.lockAfterLastAttempt = true;
        auto result = rig.count();
        QCOMPARE(result.error().kind, Kind::WrongCredentials);
        QCOMPARE(result.error().attemptsLeft, 0);
        // The spent nonce's 401 would normally earn one new handshake; with no attempt left
        // it would lock the account, so none is made.
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 1);
        QVERIFY(!rig.terminal.locked);
    }

    void cards()
    {
        Rig rig;
        Card card;
        card.employeeNo = QStringLiteral("100054");
        card.cardNo = QStringLiteral("tmp001");
        auto recorded = await<WriteResult>([&](auto done) { rig.client->recordCard(card, done); });
        QVERIFY(recorded.ok());
        QCOMPARE(rig.terminal.requests.constLast().target,
                 QByteArray("/ISAPI/AccessControl/CardInfo/Record?format=json"));

        auto found = await<CardSearchResult>(
            [&](auto done) { rig.client->searchCardsOfPersons({QStringLiteral("100054")}, done); });
        QVERIFY(found.ok());
        QCOMPARE(found.value().cards.size(), 1);
        QCOMPARE(found.value().cards.constFirst().cardNo, QStringLiteral("tmp001"));
        QVERIFY(rig.store.cardSearchBodies.constFirst().contains(
            R"("EmployeeNoList":[{"employeeNo":"100054"}])"));

        auto byPerson = await<DeleteResult>(
            [&](auto done) { rig.client->deleteCardsOfPersons({QStringLiteral("100054")}, done); });
        QVERIFY(byPerson.ok());
        auto byNumber = await<DeleteResult>(
            [&](auto done) { rig.client->deleteCards({QStringLiteral("tmp001")}, done); });
        QVERIFY(byNumber.ok());
        QCOMPARE(rig.store.cardWriteBodies.at(1),
                 QByteArray(R"({"CardInfoDelCond":{"EmployeeNoList":[{"employeeNo":"100054"}]}})"));
        QCOMPARE(rig.store.cardWriteBodies.at(2),
                 QByteArray(R"({"CardInfoDelCond":{"CardNoList":[{"cardNo":"tmp001"}]}})"));
    }

    void busyReadsAreRetriedTwice_data()
    {
        QTest::addColumn<int>("busyAnswers");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("requests");
        QTest::newRow("busy once") << 1 << true << 2;
        QTest::newRow("busy twice") << 2 << true << 3;
        QTest::newRow("busy thrice") << 3 << false << 3;
    }

    void busyReadsAreRetriedTwice()
    {
        QFETCH(int, busyAnswers);
        QFETCH(bool, succeeds);
        QFETCH(int, requests);
        Rig rig;
        QVERIFY(rig.count().ok());
        int seen = 0;
        int busyLeft = busyAnswers;
        rig.terminal.routes = [&](const FakeRequest &) {
            ++seen;
            if (busyLeft-- > 0)
                return FakeResponse::json(
                    200,
                    R"({"statusCode":2,"statusString":"Device Busy","subStatusCode":"deviceBusy"})");
            return FakeResponse::json(200, R"({"UserInfoCount":{"userNumber":3}})");
        };
        auto result = rig.count();
        QCOMPARE(result.ok(), succeeds);
        QCOMPARE(seen, requests);
        if (!succeeds)
            QCOMPARE(result.error().kind, Kind::DeviceBusy);
    }

    void serverErrorReadIsRetriedButWriteIsNot()
    {
        Rig rig;
        QVERIFY(rig.count().ok());
        int seen = 0;
        rig.terminal.routes = [&](const FakeRequest &) {
            ++seen;
            return FakeResponse::json(500, {});
        };
        QCOMPARE(rig.count().error().kind, Kind::DeviceError);
        QCOMPARE(seen, 3);
        seen = 0;
        auto write = await<WriteResult>(
            [&](auto done) { rig.client->recordPerson(member(QStringLiteral("5"), {}), done); });
        QCOMPARE(write.error().kind, Kind::DeviceError);
        QCOMPARE(seen, 1);
    }

    void writeNeedsAConfirmation_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty 200") << 200 << QByteArray() << int(Kind::MalformedResponse);
        QTest::newRow("html 200") << 200 << QByteArray("<html>ok</html>")
                                  << int(Kind::UnexpectedResponse);
        QTest::newRow("exists 400")
            << 400
            << QByteArray(
                   R"({"statusCode":6,"statusString":"Invalid Content","subStatusCode":"employeeNoAlreadyExist","errorCode":1610637344,"errorMsg":"checkUser"})")
            << int(Kind::AlreadyExists);
        QTest::newRow("exists 200")
            << 200
            << QByteArray(
                   R"({"statusCode":6,"statusString":"Invalid Content","subStatusCode":"employeeNoAlreadyExist","errorCode":1610637344,"errorMsg":"checkUser"})")
            << int(Kind::AlreadyExists);
        QTest::newRow("not supported 200")
            << 200
            << QByteArray(
                   R"({"statusCode":4,"statusString":"Invalid Operation","subStatusCode":"notSupport","errorCode":1073741825,"errorMsg":"notSupport"})")
            << int(Kind::NotSupported);
        QTest::newRow("ok") << 200 << kOk << -1;
    }

    void writeNeedsAConfirmation()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        Rig rig;
        rig.terminal.routes = [&](const FakeRequest &) { return FakeResponse::json(status, body); };
        auto result = await<WriteResult>([&](auto done) {
            rig.client->recordPerson(member(QStringLiteral("42"), QStringLiteral("Åsa Öberg")),
                                     done);
        });
        QCOMPARE(result.calls, 1);
        if (kind < 0) {
            QVERIFY(result.ok());
            QCOMPARE(result.value().employeeNo, QStringLiteral("42"));
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().kind), kind);
        QCOMPARE(result.error().employeeNo, QStringLiteral("42"));
        QVERIFY(result.error().message().contains(rig.client->host()));
    }

    void modifySendsOnlyEmployeeNoAndValid()
    {
        Rig rig;
        Person person = member(QStringLiteral("9"), QStringLiteral("Nils"));
        person.doorRight = QStringLiteral("1,2");
        person.otherFields.insert(QStringLiteral("gender"), QStringLiteral("male"));
        auto result =
            await<WriteResult>([&](auto done) { rig.client->modifyPersonValidity(person, done); });
        QVERIFY(result.ok());
        QCOMPARE(rig.store.writeBodies.size(), 1);
        const QJsonObject info = QJsonDocument::fromJson(rig.store.writeBodies.constFirst())
                                     .object()
                                     .value(QStringLiteral("UserInfo"))
                                     .toObject();
        QCOMPARE(info.keys(), (QStringList{QStringLiteral("Valid"), QStringLiteral("employeeNo")}));
        QCOMPARE(rig.terminal.requests.constLast().method, QByteArray("PUT"));
        QCOMPARE(rig.terminal.requests.constLast().target,
                 QByteArray("/ISAPI/AccessControl/UserInfo/Modify?format=json"));
    }

    void concurrencyIsLimited_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("default 1") << 1;
        QTest::newRow("2") << 2;
    }

    void concurrencyIsLimited()
    {
        QFETCH(int, limit);
        Rig rig;
        QVERIFY(rig.count().ok()); // credentials accepted: the limit applies in full
        rig.client->setMaxConcurrentRequests(limit);
        rig.terminal.maxInFlight = 0;
        rig.terminal.routes = [](const FakeRequest &) {
            FakeResponse response =
                FakeResponse::json(200, R"({"UserInfoCount":{"userNumber":1}})");
            response.delayMs = 40;
            return response;
        };
        int done = 0;
        for (int i = 0; i < 6; ++i)
            rig.client->countPersons([&done](HikvisionClient::Result<PersonCount>) { ++done; });
        QTRY_COMPARE_WITH_TIMEOUT(done, 6, 20000);
        QCOMPARE(rig.terminal.maxInFlight, limit);
    }

    void onlyOneRequestUntilCredentialsAccepted()
    {
        Rig rig;
        rig.client->setMaxConcurrentRequests(4);
        rig.terminal.routes = [](const FakeRequest &) {
            FakeResponse response =
                FakeResponse::json(200, R"({"UserInfoCount":{"userNumber":1}})");
            response.delayMs = 30;
            return response;
        };
        int done = 0;
        for (int i = 0; i < 3; ++i)
            rig.client->countPersons([&done](HikvisionClient::Result<PersonCount>) { ++done; });
        QTRY_COMPARE_WITH_TIMEOUT(done, 3, 20000);
        // The first call's handshake ran alone; only then did the others go out together.
        QCOMPARE(rig.terminal.requests.at(0).authorization().isEmpty(), true);
        QCOMPARE(rig.terminal.requestsWithWrongCredentials, 0);
    }

    void probeSelectsProfileAndCapabilities()
    {
        Rig rig;
        auto probe = await<HikvisionClient::Probe>([&](auto done) { rig.client->probe(done); });
        QVERIFY(probe.ok());
        QCOMPARE(probe.value().deviceInfo.model, QStringLiteral("DS-K1T341AM"));
        QCOMPARE(probe.value().profile.id, QStringLiteral("ds-k1t341am"));
        QCOMPARE(rig.client->capabilities().maxRecordNum, 3000);
        QCOMPARE(rig.terminal.requests.at(1).target, QByteArray("/ISAPI/System/deviceInfo"));
    }

    void unreachableTerminal()
    {
        HikvisionConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        config.username = QStringLiteral("admin");
        config.password = QStringLiteral("x");
        config.readRetryBackoffMs = 0;
        HikvisionClient client(config);
        auto result = await<PersonCount>([&](auto done) { client.countPersons(done); });
        QCOMPARE(result.calls, 1);
        QCOMPARE(result.error().kind, Kind::HostUnreachable);
        QVERIFY(result.error().isTransient());
    }

    void httpsPinning()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        const QSslCertificate certificate(fixture("fake-terminal.crt"), QSsl::Pem);
        const QSslKey key(fixture("fake-terminal.key"), QSsl::Rsa, QSsl::Pem);
        QVERIFY(!certificate.isNull());
        QVERIFY(!key.isNull());
        FakeTerminal terminal;
        QVERIFY(terminal.listenTls(certificate, key));
        terminal.routes = [](const FakeRequest &) {
            return FakeResponse::json(200, R"({"UserInfoCount":{"userNumber":2}})");
        };
        const QByteArray fingerprint = certificate.digest(QCryptographicHash::Sha256);

        HikvisionConfig config;
        config.baseUrl = terminal.baseUrl();
        config.username = QStringLiteral("admin");
        config.password = QStringLiteral("secret");
        config.readRetryBackoffMs = 0;

        {
            HikvisionClient client(config);
            auto result = await<PersonCount>([&](auto done) { client.countPersons(done); });
            if (!terminal.tlsServerError().isEmpty()) {
                QSKIP(qPrintable(QStringLiteral("This platform's TLS backend cannot be the "
                                                "test's terminal (%1); on Windows it takes a "
                                                "real PC, not Wine.")
                                     .arg(terminal.tlsServerError())));
            }
            QCOMPARE(result.error().kind, Kind::UntrustedCertificate);
            QCOMPARE(result.error().certificateSha256, fingerprint);
            QVERIFY(!result.error().pinnedCertificateMismatch);
            QVERIFY(result.error().message().contains(fingerprintText(fingerprint)));
            QCOMPARE(terminal.requests.size(), 0);
        }
        {
            HikvisionConfig wrongPin = config;
            wrongPin.pinnedCertificateSha256 = QByteArray(32, '\x01');
            HikvisionClient client(wrongPin);
            auto result = await<PersonCount>([&](auto done) { client.countPersons(done); });
            QCOMPARE(result.error().kind, Kind::UntrustedCertificate);
            QVERIFY(result.error().pinnedCertificateMismatch);
            QCOMPARE(terminal.requests.size(), 0);
        }
        {
            HikvisionConfig pinned = config;
            pinned.pinnedCertificateSha256 = fingerprint;
            HikvisionClient client(pinned);
            auto result = await<PersonCount>([&](auto done) { client.countPersons(done); });
            QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message()));
            QCOMPARE(result.value().persons, 2);
        }
        {
            // The terminal comes back with another certificate (reset, replaced, or someone in
            // between): refused before a byte of the request is sent, and said plainly.
            const QSslCertificate replaced(fixture("replaced-terminal.crt"), QSsl::Pem);
            const QSslKey replacedKey(fixture("replaced-terminal.key"), QSsl::Rsa, QSsl::Pem);
            QVERIFY(!replaced.isNull());
            FakeTerminal impostor;
            QVERIFY(impostor.listenTls(replaced, replacedKey));
            impostor.routes = terminal.routes;
            HikvisionConfig pinned = config;
            pinned.baseUrl = impostor.baseUrl();
            pinned.pinnedCertificateSha256 = fingerprint;
            HikvisionClient client(pinned);
            auto result = await<PersonCount>([&](auto done) { client.countPersons(done); });
            QCOMPARE(result.error().kind, Kind::UntrustedCertificate);
            QVERIFY(result.error().pinnedCertificateMismatch);
            QCOMPARE(result.error().certificateSha256, replaced.digest(QCryptographicHash::Sha256));
            QVERIFY2(
                result.error().message().contains(QStringLiteral("different HTTPS certificate")),
                qPrintable(result.error().message()));
            QCOMPARE(impostor.requests.size(), 0);
        }
    }

    void destroyedClientCallsNothing()
    {
        Rig rig;
        int calls = 0;
        rig.terminal.routes = [](const FakeRequest &) {
            FakeResponse response =
                FakeResponse::json(200, R"({"UserInfoCount":{"userNumber":1}})");
            response.delayMs = 50;
            return response;
        };
        rig.client->countPersons([&calls](HikvisionClient::Result<PersonCount>) { ++calls; });
        QTest::qWait(20);
        rig.client.reset();
        QTest::qWait(150);
        QCOMPARE(calls, 0);
    }

private:
    static QByteArray digestNonce(const QByteArray &authorization)
    {
        const qsizetype start = authorization.indexOf("nonce=\"") + 7;
        return authorization.mid(start, authorization.indexOf('"', start) - start);
    }
};

QTEST_GUILESS_MAIN(TestHikvisionClient)
#include "tst_hikvisionclient.moc"
