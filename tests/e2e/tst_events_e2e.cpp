// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Reading a door's event log end to end: the real ISAPI client and EventReader, the real Store
// on disk, against the terminal simulator over loopback HTTP, with one ManualClock.
#include "Clock.h"
#include "EventExplanation.h"
#include "EventReader.h"
#include "HikvisionClient.h"
#include "IsapiSimulator.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace cis;
using sim::DeviceEvent;
using sim::IsapiSimulator;

namespace {

const QString kSearch = QStringLiteral("POST /ISAPI/AccessControl/AcsEvent");
const QString kDoor = QStringLiteral("door");

} // namespace

class TestEventsE2E : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 12, 4), QTime(10, 0, 0), Qt::UTC)};
    QTemporaryDir m_dir;
    std::unique_ptr<IsapiSimulator> m_door;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<HikvisionClient> m_client;
    std::unique_ptr<EventReader> m_reader;
    int m_searches = 0;
    int m_staleAtStart = 0;

    // Searches the terminal answered: those with credentials, less those it sent back for a
    // fresh nonce (a Digest renewal is a round trip, not a search).
    int answeredSearches() const
    {
        return m_searches - (m_door->staleChallenges() - m_staleAtStart);
    }
    void countSearchesFromNow()
    {
        m_searches = 0;
        m_staleAtStart = m_door->staleChallenges();
    }

    void connectClient(IsapiSimulator &door)
    {
        HikvisionConfig config;
        config.baseUrl = door.baseUrl();
        config.username = IsapiSimulator::defaultUser();
        config.password = IsapiSimulator::defaultPassword();
        config.timeoutMs = 5000;
        m_client = std::make_unique<HikvisionClient>(config, &m_clock);
        // Searches with credentials: the Digest challenges before them are not searches.
        connect(&door, &IsapiSimulator::requestReceived, this,
                [this, &door](const QString &method, const QString &path) {
                    if (method + QLatin1Char(' ') + path == kSearch && isSearch(door))
                        ++m_searches;
                });
    }

    static bool isSearch(const IsapiSimulator &door)
    {
        return !door.receivedRequests().constLast().header("Authorization").isEmpty();
    }

    EventReader::Poll poll()
    {
        std::optional<EventReader::Poll> result;
        m_reader->poll(kDoor, QStringLiteral("Entré"), *m_client,
                       [&](EventReader::Poll p) { result = std::move(p); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            qFatal("the poll did not end");
        return *result;
    }

    // One event a minute before now, by a person or a stranger.
    void logEvents(IsapiSimulator &door, int count, int minor = 75)
    {
        for (int i = 0; i < count; ++i) {
            DeviceEvent event;
            event.minor = minor;
            event.employeeNo = minor == 76 ? QString() : QString::number(1000 + i);
            event.name = minor == 76 ? QString() : QStringLiteral("Åsa Öberg %1").arg(i);
            door.logEvent(event);
            m_clock.advanceSeconds(1);
        }
    }

    int storedEvents(const QString &deviceId = kDoor) const
    {
        Store::EventQuery query;
        query.deviceId = deviceId;
        return int(m_store->events(query).size());
    }

    void reopenStore()
    {
        m_reader.reset();
        m_store.reset();
        auto store = Store::open(
            m_dir.filePath(
                QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))),
            m_clock);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        m_store = std::move(store.value());
        m_reader = std::make_unique<EventReader>(*m_store, m_clock);
    }

private slots:
    void init()
    {
        m_clock.setNow(QDateTime(QDate(2026, 12, 4), QTime(10, 0, 0), Qt::UTC));
        m_door = std::make_unique<IsapiSimulator>(&m_clock);
        QVERIFY(m_door->listen());
        connectClient(*m_door);
        countSearchesFromNow();
        reopenStore();
    }

    void cleanup()
    {
        m_reader.reset();
        m_client.reset();
        m_store.reset();
        m_door.reset();
    }

    void aThousandEventsTakeExactlyCeilOfAThousandOverThirtySearches()
    {
        logEvents(*m_door, 1000);
        const EventReader::Poll first = poll();
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.added, 1000);
        QCOMPARE(answeredSearches(), 34);
        QCOMPARE(first.pages, 34);
        QCOMPARE(storedEvents(), 1000);

        // Nothing new: one search, nothing written.
        const Store::StoredEventCursor before = m_store->eventCursor(kDoor);
        countSearchesFromNow();
        m_clock.advanceSeconds(60);
        const EventReader::Poll idle = poll();
        QVERIFY2(idle.error.isEmpty(), qPrintable(idle.error));
        QCOMPARE(idle.added, 0);
        QCOMPARE(answeredSearches(), 1);
        countSearchesFromNow();
        const EventReader::Poll idleAgain = poll();
        QCOMPARE(idleAgain.added, 0);
        QCOMPARE(answeredSearches(), 1);
        const Store::StoredEventCursor after = m_store->eventCursor(kDoor);
        QCOMPARE(after.lastSerialNo, before.lastSerialNo);
        QCOMPARE(after.readAt, m_store->eventCursor(kDoor).readAt);

        // New events: only they are asked for and stored.
        logEvents(*m_door, 45);
        countSearchesFromNow();
        const EventReader::Poll next = poll();
        QCOMPARE(next.added, 45);
        QCOMPARE(answeredSearches(), 2); // 46 events from the cursor's own: 30 + 16
        QCOMPARE(storedEvents(), 1045);
        QCOMPARE(m_store->eventCursor(kDoor).lastSerialNo, 1045);
    }

    void aFirstContactImportsOnlyTheLastSevenDays()
    {
        logEvents(*m_door, 10);
        m_clock.advanceDays(8);
        logEvents(*m_door, 5);
        const EventReader::Poll first = poll();
        QCOMPARE(first.added, 5);
        // The cursor is past the old ones: they are never asked for again.
        QCOMPARE(m_store->eventCursor(kDoor).lastSerialNo, 15);
        logEvents(*m_door, 2);
        QCOMPARE(poll().added, 2);
        QCOMPARE(storedEvents(), 7);
    }

    void aFactoryResetStartsAgainWithoutDuplicatesOrGaps()
    {
        logEvents(*m_door, 50);
        QCOMPARE(poll().added, 50);
        m_door->events().factoryReset();
        logEvents(*m_door, 10, 76);
        const EventReader::Poll afterReset = poll();
        QVERIFY(afterReset.restarted);
        QCOMPARE(afterReset.added, 10);
        QCOMPARE(storedEvents(), 60);
        QCOMPARE(m_store->eventCursor(kDoor).epoch, 2);
        logEvents(*m_door, 3);
        const EventReader::Poll later = poll();
        QVERIFY(!later.restarted);
        QCOMPARE(later.added, 3);
        QCOMPARE(storedEvents(), 63);
    }

    void aResetWhoseNewLogHasPassedTheOldCursorIsNoticed()
    {
        logEvents(*m_door, 20);
        QCOMPARE(poll().added, 20);
        m_door->events().factoryReset();
        logEvents(*m_door, 30, 76); // serial 20 exists again, but is another event
        const EventReader::Poll afterReset = poll();
        QVERIFY(afterReset.restarted);
        QCOMPARE(afterReset.added, 30);
        QCOMPARE(storedEvents(), 50);
    }

    void aSwappedTerminalIsReadAsANewLog()
    {
        logEvents(*m_door, 40);
        QCOMPARE(poll().added, 40);
        // The same address, another terminal with its own history.
        IsapiSimulator other(&m_clock);
        QVERIFY(other.listen());
        m_clock.advanceSeconds(3600);
        logEvents(other, 45, 1);
        connectClient(other);
        const EventReader::Poll swapped = poll();
        QVERIFY(swapped.restarted);
        QCOMPARE(swapped.added, 45);
        QCOMPARE(storedEvents(), 85);
        m_client.reset();
    }

    void aTerminalThatLeavesOutTheBeginSerialIsAskedOneLower()
    {
        m_door->options().eventsBeginExclusive = true;
        logEvents(*m_door, 12);
        QCOMPARE(poll().added, 12);
        logEvents(*m_door, 4);
        countSearchesFromNow();
        const EventReader::Poll learning = poll();
        QVERIFY(!learning.restarted);
        QCOMPARE(learning.added, 4);
        QCOMPARE(answeredSearches(), 2);
        QCOMPARE(m_store->eventCursor(kDoor).beginInclusive, 0);
        countSearchesFromNow();
        const EventReader::Poll idle = poll();
        QVERIFY(!idle.restarted);
        QCOMPARE(idle.added, 0);
        QCOMPARE(answeredSearches(), 1);
    }

    void aFailureHalfWayLosesNothingAndStoresNothingTwice()
    {
        logEvents(*m_door, 100);
        int seen = 0;
        connect(m_door.get(), &IsapiSimulator::requestReceived, this,
                [&](const QString &method, const QString &path) {
                    if (method + QLatin1Char(' ') + path == kSearch && isSearch(*m_door) &&
                        ++seen == 3)
                        m_door->faults().failNext(1, sim::FaultKind::MalformedBody);
                });
        const EventReader::Poll broken = poll();
        QVERIFY(!broken.error.isEmpty());
        QCOMPARE(broken.added, 60); // the two pages before the failure are kept
        QVERIFY(!m_store->eventCursor(kDoor).isValid());
        const EventReader::Poll again = poll();
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(again.added, 40);
        QCOMPARE(storedEvents(), 100);
    }

    void aRestartOfTheAppResumesWhereItStood()
    {
        logEvents(*m_door, 31);
        QCOMPARE(poll().added, 31);
        reopenStore();
        logEvents(*m_door, 2);
        countSearchesFromNow();
        const EventReader::Poll resumed = poll();
        QCOMPARE(resumed.added, 2);
        QCOMPARE(answeredSearches(), 1);
        QCOMPARE(storedEvents(), 33);
    }

    void eventTimesInTheTerminalsOwnZoneAreStoredAsInstants()
    {
        m_door->options().deviceTimeZone = QTimeZone(6 * 3600);
        m_door->options().eventsZeroFilled = true;
        const QDateTime when = m_clock.now();
        logEvents(*m_door, 1, 1);
        QCOMPARE(poll().added, 1);
        const QList<Store::StoredEvent> stored = m_store->events({});
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().event.time, when);
        QCOMPARE(stored.first().event.utcOffsetSeconds, 6 * 3600);
        QVERIFY(stored.first().event.timeHadOffset);
        QCOMPARE(stored.first().event.name, QStringLiteral("Åsa Öberg 0"));
        QCOMPARE(stored.first().event.outcome(), AccessEvent::Outcome::Granted);
    }

    void theDoorsOwnDecisionsAreLogged()
    {
        sim::DevicePerson valid;
        valid.employeeNo = QStringLiteral("501");
        valid.name = QStringLiteral("Märta");
        valid.numOfFace = 1;
        m_door->upsertPerson(valid);
        sim::DevicePerson expired = valid;
        expired.employeeNo = QStringLiteral("502");
        expired.validEnabled = true;
        expired.beginTime = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        expired.endTime = QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59), Qt::UTC);
        m_door->upsertPerson(expired);
        m_door->personAtDoor(QStringLiteral("501"), IsapiSimulator::Presented::Face);
        m_door->personAtDoor(QStringLiteral("502"), IsapiSimulator::Presented::Face);
        m_door->strangerAtDoor();
        m_door->unknownCardAtDoor(QStringLiteral("0012345678"));
        QCOMPARE(poll().added, 4);
        Store::EventQuery refused;
        refused.refusedOnly = true;
        const QList<Store::StoredEvent> events = m_store->events(refused);
        QCOMPARE(events.size(), 3);
        QStringList minors;
        for (const Store::StoredEvent &stored : events)
            minors.append(QString::number(stored.event.minor));
        minors.sort();
        QCOMPARE(minors,
                 (QStringList{QStringLiteral("76"), QStringLiteral("8"), QStringLiteral("9")}));
    }

    void retentionDeletesExactlyWhatIsOlder()
    {
        logEvents(*m_door, 3);
        QCOMPARE(poll().added, 3);
        m_clock.advanceDays(366);
        logEvents(*m_door, 2);
        QCOMPARE(poll().added, 2); // the poll applies the retention once a day
        QCOMPARE(storedEvents(), 2);
    }

    void theEngineReadsEveryDoorThroughItsOwnClient()
    {
        IsapiSimulator gym(&m_clock);
        QVERIFY(gym.listen());
        logEvents(*m_door, 7);
        logEvents(gym, 9, 1);
        AppSettings settings;
        DeviceSettings door;
        door.id = kDoor;
        door.name = QStringLiteral("Entré");
        door.url = m_door->baseUrl();
        DeviceSettings gymDoor = door;
        gymDoor.id = QStringLiteral("gym");
        gymDoor.name = QStringLiteral("Gym");
        gymDoor.url = gym.baseUrl();
        DeviceSettings off = door;
        off.id = QStringLiteral("off");
        off.enabled = false;
        settings.devices = {door, gymDoor, off};
        SyncEngine::Credentials credentials;
        credentials.devicePasswords = {{door.id, IsapiSimulator::defaultPassword()},
                                       {gymDoor.id, QStringLiteral("wrong")}};
        SyncEngine engine(*m_store, m_clock);
        engine.setConfiguration(settings, credentials);
        std::optional<QList<EventReader::Poll>> polls;
        engine.readEvents({}, [&](QList<EventReader::Poll> result) { polls = result; });
        QVERIFY(QTest::qWaitFor([&] { return polls.has_value(); }, 30000));
        QCOMPARE(polls->size(), 2);
        QCOMPARE(polls->at(0).deviceId, kDoor);
        QCOMPARE(polls->at(0).added, 7);
        QCOMPARE(polls->at(1).deviceId, QStringLiteral("gym"));
        QVERIFY(!polls->at(1).error.isEmpty());
        QCOMPARE(gym.failedAuthAttempts(), 1);
        QCOMPARE(storedEvents(QStringLiteral("gym")), 0);
    }
    // A member Cardskipper lets in whom the door refused: one warning per member and hour, and
    // none for last week's events found at a first contact.
    void aValidMemberRefusedIsWarnedAboutOnceAnHour()
    {
        constexpr qint64 kOrganisation = 4711;
        Member member;
        member.key = MemberKey{kOrganisation, 1001};
        member.firstName = QStringLiteral("Åsa");
        member.lastName = QStringLiteral("Öberg");
        RolePeriod role;
        role.organisationId = kOrganisation;
        role.roleId = 1;
        role.start = m_clock.today().addDays(-10);
        role.end = m_clock.today().addDays(100);
        role.type = QStringLiteral("Gymkort");
        member.roles = {role};
        QVERIFY(m_store->replaceMembers(kOrganisation, {member}));
        Link link;
        link.deviceId = kDoor;
        link.employeeNo = QStringLiteral("1001");
        link.member = member.key;
        QVERIFY(m_store->addLink(link));
        const auto refuse = [this] {
            DeviceEvent event;
            event.minor = 8;
            event.employeeNo = QStringLiteral("1001");
            event.name = QStringLiteral("Åsa Öberg");
            m_door->logEvent(event);
        };
        refuse(); // a week ago: imported, not warned about
        m_clock.advanceDays(7);

        AppSettings settings;
        settings.cardskipper.organisationId = kOrganisation;
        DeviceSettings door;
        door.id = kDoor;
        door.name = QStringLiteral("Entré");
        door.url = m_door->baseUrl();
        settings.devices = {door};
        SyncEngine::Credentials credentials;
        credentials.devicePasswords = {{door.id, IsapiSimulator::defaultPassword()}};
        SyncEngine engine(*m_store, m_clock);
        engine.setConfiguration(settings, credentials);
        QSignalSpy warnings(&engine, &SyncEngine::refusedDespiteMembership);
        const auto read = [&] {
            bool done = false;
            engine.readEvents({}, [&](const QList<EventReader::Poll> &) { done = true; });
            QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
        };
        refuse();
        read();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().at(1).toLongLong(), 1001);
        QVERIFY(warnings.first().at(2).toString().contains(QStringLiteral("Entré")));
        m_clock.advanceSeconds(30 * 60);
        refuse();
        read();
        QCOMPARE(warnings.size(), 1); // within the hour
        m_clock.advanceSeconds(31 * 60);
        refuse();
        read();
        QCOMPARE(warnings.size(), 2);
        // A refusal Cardskipper agrees with is no warning.
        member.roles.first().end = m_clock.today().addDays(-1);
        QVERIFY(m_store->replaceMembers(kOrganisation, {member}));
        m_clock.advanceSeconds(2 * 3600);
        refuse();
        read();
        QCOMPARE(warnings.size(), 2);
        const QList<Store::StoredEvent> stored = m_store->events({});
        QCOMPARE(stored.size(), 5);
        const ExplainedEvent explained =
            EventExplanation::explain(*m_store, stored.first(), kOrganisation);
        QCOMPARE(explained.reason, QStringLiteral("membership ended %1 (role Gymkort)")
                                       .arg(m_clock.today().addDays(-1).toString(Qt::ISODate)));
    }
    // An event's picture is fetched from the configured address (the URL's host is the
    // terminal's own idea of its IP), with Digest, and only from the terminal's picture folders.
    void anEventsPictureIsFetchedFromTheConfiguredAddress()
    {
        m_door->strangerAtDoor();
        QCOMPARE(poll().added, 1);
        const QList<Store::StoredEvent> stored = m_store->events({});
        QCOMPARE(stored.size(), 1);
        QUrl pictureUrl(stored.first().event.pictureUrl);
        QVERIFY(pictureUrl.path().startsWith(QStringLiteral("/LOCALS/pic/acsLinkCap/")));
        pictureUrl.setHost(QStringLiteral("192.0.2.64")); // what the terminal thinks it is
        pictureUrl.setPort(80);
        const auto fetch = [this](const QString &url) {
            std::optional<HikvisionClient::Result<QByteArray>> result;
            m_client->fetchPicture(url, [&](HikvisionClient::Result<QByteArray> r) { result = r; });
            if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
                qFatal("the picture never came");
            return *result;
        };
        const auto picture = fetch(pictureUrl.toString());
        QVERIFY2(picture, picture ? "" : qPrintable(picture.error().message()));
        QVERIFY(picture.value().startsWith("\xFF\xD8"));
        QVERIFY(!m_door->receivedRequests().constLast().header("Authorization").isEmpty());

        const int requests = int(m_door->receivedRequests().size());
        const auto elsewhere =
            fetch(m_door->baseUrl().toString() + QStringLiteral("/ISAPI/System/deviceInfo"));
        QVERIFY(!elsewhere);
        QCOMPARE(elsewhere.error().kind, HikvisionError::Kind::RefusedRequest);
        QCOMPARE(int(m_door->receivedRequests().size()), requests); // never sent

        m_door->events().factoryReset(); // the picture went with its event
        const auto gone = fetch(pictureUrl.toString());
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, HikvisionError::Kind::NotSupported);
    }

    void aTerminalClockOffIsReportedOnce()
    {
        m_door->options().clockSkewSeconds = -11 * 60;
        m_door->options().deviceTimeZone = QTimeZone(3 * 3600);
        logEvents(*m_door, 2);
        QSignalSpy messages(m_reader.get(), &EventReader::logMessage);
        const EventReader::Poll first = poll();
        QCOMPARE(first.added, 2);
        QCOMPARE(first.clockOffsetSeconds, -11 * 60);
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().at(2).toString().contains(QStringLiteral("11 minute")) &&
                     messages.first().at(2).toString().contains(QStringLiteral("behind")),
                 qPrintable(messages.first().at(2).toString()));
        const EventReader::Poll second = poll();
        QCOMPARE(second.clockOffsetSeconds, 0);
        QCOMPARE(messages.size(), 1);
        // Within the tolerance: nothing to say.
        IsapiSimulator punctual(&m_clock);
        punctual.options().clockSkewSeconds = 90;
        QVERIFY(punctual.listen());
        connectClient(punctual);
        m_reader->poll(QStringLiteral("other"), {}, *m_client, [](EventReader::Poll) {});
        QTRY_VERIFY(m_store->eventCursor(QStringLiteral("other")).isValid());
        QTest::qWait(50);
        QCOMPARE(messages.size(), 1);
        m_client.reset();
    }
};

QTEST_GUILESS_MAIN(TestEventsE2E)
#include "tst_events_e2e.moc"
