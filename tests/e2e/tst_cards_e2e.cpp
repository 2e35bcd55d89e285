// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Cards at the desk end to end (issue 19): the real engine, ISAPI client and Store against two
// terminal simulators and the Cardskipper simulator over loopback HTTP, with one ManualClock.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::IsapiSimulator;

namespace {

const QString kCardRecord = QStringLiteral("POST /ISAPI/AccessControl/CardInfo/Record");
const QString kCardDelete = QStringLiteral("PUT /ISAPI/AccessControl/CardInfo/Delete");

QStringList cardsOf(const IsapiSimulator &door, const QString &employeeNo)
{
    QStringList result;
    for (const sim::DeviceCard &card : door.cards()) {
        if (card.employeeNo == employeeNo)
            result.append(card.cardNo);
    }
    result.sort();
    return result;
}

QString holderOf(const IsapiSimulator &door, const QString &cardNo)
{
    for (const sim::DeviceCard &card : door.cards()) {
        if (card.cardNo == cardNo)
            return card.employeeNo;
    }
    return {};
}

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

} // namespace

class TestCardsE2E : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 12, 4), QTime(10, 0, 0))};
    QTemporaryDir m_dir;
    std::unique_ptr<CardskipperSimulator> m_cardskipper;
    std::unique_ptr<IsapiSimulator> m_door;
    std::unique_ptr<IsapiSimulator> m_gym;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    AppSettings m_settings;
    SyncEngine::Credentials m_credentials;

    RunReport sync(RunKind kind = RunKind::QuickSync)
    {
        SyncEngine::RunOptions options;
        options.kind = kind;
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        if (!m_engine->start(options))
            qFatal("a run is already going on");
        if (!finished.wait(120000))
            qFatal("the run did not finish");
        return finished.first().first().value<RunReport>();
    }

    SyncEngine::CardOutcome give(const MemberKey &member, const QString &cardNo)
    {
        std::optional<SyncEngine::CardOutcome> outcome;
        m_engine->addMemberCard(member, cardNo, QStringLiteral("desk"),
                                [&](const SyncEngine::CardOutcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
            qFatal("adding a card did not end");
        return *outcome;
    }

    SyncEngine::CardOutcome take(const MemberKey &member, const QString &cardNo)
    {
        std::optional<SyncEngine::CardOutcome> outcome;
        m_engine->removeMemberCard(member, cardNo,
                                   [&](const SyncEngine::CardOutcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
            qFatal("removing a card did not end");
        return *outcome;
    }

    struct Captured
    {
        CapturedCard card;
        QString error;
    };
    Captured capture(const QString &deviceId, int waitSeconds = 30,
                     const std::function<void(quint64)> &meanwhile = {})
    {
        std::optional<Captured> result;
        const quint64 tag = m_engine->captureCard(
            deviceId, waitSeconds, [&](const CapturedCard &card, const QString &error) {
                result = Captured{card, error};
            });
        if (meanwhile)
            meanwhile(tag);
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            qFatal("the capture did not end");
        return *result;
    }

    // A member with a person on both doors after the first sync.
    MemberKey memberOnBothDoors(QString *employeeNo)
    {
        for (const Link &link : m_store->links(QStringLiteral("door"))) {
            if (link.origin != LinkOrigin::Created)
                continue;
            if (m_store->linkFor(QStringLiteral("gym"), link.employeeNo)) {
                *employeeNo = link.employeeNo;
                return link.member;
            }
        }
        qFatal("no member is on both doors");
        return {};
    }

    void setGymUrl(const QUrl &url)
    {
        for (DeviceSettings &device : m_settings.devices) {
            if (device.id == QLatin1String("gym"))
                device.url = url;
        }
        m_engine->setConfiguration(m_settings, m_credentials);
    }

    QList<OperationRecord> cardOperations(const MemberKey &member) const
    {
        QList<OperationRecord> result;
        for (const OperationRecord &op : m_store->operationsForMember(member)) {
            if (op.action == ActionKind::CardAdd || op.action == ActionKind::CardRemove)
                result.append(op);
        }
        return result;
    }

private slots:
    void init()
    {
        m_cardskipper = std::make_unique<CardskipperSimulator>(&m_clock);
        m_cardskipper->loadDemoData(20, 3);
        QVERIFY(m_cardskipper->listen());
        m_door = std::make_unique<IsapiSimulator>(&m_clock);
        m_door->loadDemoPersons(3); // the admin and two cleaners with cards of their own
        QVERIFY(m_door->listen());
        m_gym = std::make_unique<IsapiSimulator>(&m_clock);
        m_gym->clearPersons();
        QVERIFY(m_gym->listen());

        auto store = Store::open(
            m_dir.filePath(
                QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))),
            m_clock);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        m_store = std::move(store.value());

        m_settings = AppSettings();
        m_settings.cardskipper.url = m_cardskipper->baseUrl();
        m_settings.cardskipper.username = QStringLiteral("demo");
        m_settings.cardskipper.organisationId = DemoData::kOrganisationId;
        DeviceSettings door;
        door.id = QStringLiteral("door");
        door.name = QStringLiteral("Entré");
        door.url = m_door->baseUrl();
        door.timeoutSeconds = 5;
        DeviceSettings gym = door;
        gym.id = QStringLiteral("gym");
        gym.name = QStringLiteral("Gym");
        gym.url = m_gym->baseUrl();
        m_settings.devices = {door, gym};
        m_settings.sync.retryBackoffMs = 0;
        m_credentials.cardskipperPassword = QStringLiteral("demo");
        m_credentials.devicePasswords = {{door.id, IsapiSimulator::defaultPassword()},
                                         {gym.id, IsapiSimulator::defaultPassword()}};
        m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
        m_engine->setConfiguration(m_settings, m_credentials);
        QCOMPARE(sync().exitCode(), 0);
    }

    void cleanup()
    {
        m_engine.reset();
        m_store.reset();
        m_door.reset();
        m_gym.reset();
        m_cardskipper.reset();
    }

    void aCardGivenAtTheDeskIsWrittenToEveryDoorAndJournaled()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        const SyncEngine::CardOutcome outcome = give(member, QStringLiteral("0012345678"));
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(outcome.message.contains(QStringLiteral("Entré")));
        QVERIFY(outcome.message.contains(QLatin1String("Gym")));
        QCOMPARE(cardsOf(*m_door, employeeNo), QStringList{QStringLiteral("0012345678")});
        QCOMPARE(cardsOf(*m_gym, employeeNo), QStringList{QStringLiteral("0012345678")});
        QCOMPARE(m_store->memberCards(member).size(), 1);
        const QList<OperationRecord> ops = cardOperations(member);
        QCOMPARE(ops.size(), 2);
        for (const OperationRecord &op : ops) {
            QCOMPARE(op.action, ActionKind::CardAdd);
            QCOMPARE(op.status, OperationStatus::Done);
            QCOMPARE(op.detail, QStringLiteral("0012345678"));
            QCOMPARE(op.employeeNo, employeeNo);
        }
        // In the history as one run of the desk's, with both writes.
        const RunRecord desk = m_store->runs(1).first();
        QCOMPARE(desk.kind, RunKind::Desk);
        QCOMPARE(desk.status, RunStatus::Succeeded);
        QCOMPARE(desk.updated, 2);
        QCOMPARE(m_store->operations(desk.id).size(), 2);
        QCOMPARE(ops.first().runId, desk.id);
        // Converged: the next syncs write nothing and ask for no card.
        m_door->resetCounters();
        m_gym->resetCounters();
        QCOMPARE(sync().exitCode(), 0);
        QCOMPARE(m_door->totalWriteCount() + m_gym->totalWriteCount(), 0);
        // The same card again, or to another member, is refused without a request.
        QVERIFY(!give(member, QStringLiteral("0012345678")).ok);
        QCOMPARE(m_door->totalWriteCount(), 0);
    }

    void aCardSomeoneElseHoldsIsRefusedWithTheirNameAndWrittenNowhere()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        // The cleaner's card on the front door, enrolled in iVMS-4200.
        const QString cleanersCard = QStringLiteral("3000000002");
        QCOMPARE(holderOf(*m_door, cleanersCard), QStringLiteral("2"));
        m_gym->resetCounters();
        const SyncEngine::CardOutcome outcome = give(member, cleanersCard);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("Städ Birgitta Holm")),
                 qPrintable(outcome.message));
        QVERIFY(outcome.message.contains(QStringLiteral("Entré")));
        QCOMPARE(holderOf(*m_door, cleanersCard), QStringLiteral("2"));
        QVERIFY(cardsOf(*m_gym, employeeNo).isEmpty());
        QCOMPARE(m_gym->totalWriteCount(), 0);
        QVERIFY(m_store->memberCards(member).isEmpty());
    }

    void aNumberNoTerminalTakesIsRefusedBeforeAnyRequest()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        m_door->resetCounters();
        const int requestsBefore = int(m_door->receivedRequests().size());
        for (const QString &bad : {QStringLiteral("12 34"), QStringLiteral("Åsa"),
                                   QString(33, QLatin1Char('1')), QString()}) {
            const SyncEngine::CardOutcome outcome = give(member, bad);
            QVERIFY(!outcome.ok);
            QVERIFY(!outcome.message.isEmpty());
        }
        QCOMPARE(int(m_door->receivedRequests().size()), requestsBefore);
        QVERIFY(m_store->memberCards(member).isEmpty());
    }

    void aDoorThatCouldNotBeReachedGetsTheCardFromTheNextSync()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        const QUrl gymUrl = m_gym->baseUrl();
        setGymUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        const SyncEngine::CardOutcome outcome = give(member, QStringLiteral("A1B2C3D4"));
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(QLatin1String("next sync")), qPrintable(outcome.message));
        QCOMPARE(cardsOf(*m_door, employeeNo), QStringList{QStringLiteral("A1B2C3D4")});
        QVERIFY(cardsOf(*m_gym, employeeNo).isEmpty());

        setGymUrl(gymUrl);
        const RunReport report = sync();
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(cardsOf(*m_gym, employeeNo), QStringList{QStringLiteral("A1B2C3D4")});
        bool journaled = false;
        for (const OperationRecord &op : report.operations)
            journaled |= op.action == ActionKind::CardAdd && op.deviceId == QLatin1String("gym") &&
                         op.status == OperationStatus::Done;
        QVERIFY(journaled);
    }

    void aDoorAddedLaterAndAPersonCreatedAgainGetTheMembersCards()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(give(member, QStringLiteral("0000000042")).ok);
        QVERIFY(give(member, QStringLiteral("0000000043")).ok);
        const QStringList both{QStringLiteral("0000000042"), QStringLiteral("0000000043")};
        QCOMPARE(cardsOf(*m_door, employeeNo), both);

        // Someone deletes the person and its cards in iVMS-4200: the full reconcile creates it
        // again, cards included.
        QVERIFY(m_door->removePerson(employeeNo));
        QVERIFY(m_door->removeCard(QStringLiteral("0000000042")));
        QVERIFY(m_door->removeCard(QStringLiteral("0000000043")));
        QCOMPARE(sync(RunKind::FullReconcile).exitCode(), 0);
        QVERIFY(m_door->person(employeeNo));
        QCOMPARE(cardsOf(*m_door, employeeNo), both);

        // A third door, added later, gets them with its first sync.
        IsapiSimulator hall(&m_clock);
        hall.clearPersons();
        QVERIFY(hall.listen());
        DeviceSettings third = m_settings.devices.first();
        third.id = QStringLiteral("hall");
        third.name = QStringLiteral("Hall");
        third.url = hall.baseUrl();
        m_settings.devices.append(third);
        m_credentials.devicePasswords.insert(third.id, IsapiSimulator::defaultPassword());
        m_engine->setConfiguration(m_settings, m_credentials);
        QCOMPARE(sync().exitCode(), 0);
        QCOMPARE(cardsOf(hall, employeeNo), both);
    }

    void aFullReconcileFindsACardRemovedOnTheTerminalByHand()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(give(member, QStringLiteral("77705923")).ok);
        QVERIFY(m_gym->removeCard(QStringLiteral("77705923")));
        QCOMPARE(sync(RunKind::FullReconcile).exitCode(), 0);
        QCOMPARE(cardsOf(*m_gym, employeeNo), QStringList{QStringLiteral("77705923")});
    }

    void removingACardTakesItFromEveryDoorButNeverFromAnotherPerson()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(give(member, QStringLiteral("5550001")).ok);
        const QUrl gymUrl = m_gym->baseUrl();
        setGymUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        const SyncEngine::CardOutcome taken = take(member, QStringLiteral("5550001"));
        QVERIFY2(taken.ok, qPrintable(taken.message));
        QVERIFY(cardsOf(*m_door, employeeNo).isEmpty());
        QVERIFY(m_store->memberCards(member).isEmpty());
        QCOMPARE(m_store->cardRemovals(QStringLiteral("gym")).size(), 1);
        QCOMPARE(m_store->cardRemovals(QStringLiteral("door")).size(), 0);

        // Meanwhile the Gym's own staff gave the card to a cleaner, by hand: the removal the
        // Gym still owes must leave it with them.
        QVERIFY(m_gym->removeCard(QStringLiteral("5550001")));
        sim::DevicePerson cleaner;
        cleaner.employeeNo = QStringLiteral("9001");
        cleaner.name = QStringLiteral("Städ Örjan");
        m_gym->upsertPerson(cleaner);
        QVERIFY(m_gym->addCard(cleaner.employeeNo, QStringLiteral("5550001")));
        setGymUrl(gymUrl);
        m_gym->resetCounters();
        QCOMPARE(sync().exitCode(), 0);
        QCOMPARE(holderOf(*m_gym, QStringLiteral("5550001")), cleaner.employeeNo);
        QCOMPARE(m_gym->writeCount(kCardDelete), 0);
        QCOMPARE(m_store->cardRemovals(QStringLiteral("gym")).size(), 0);
        const QList<OperationRecord> ops = cardOperations(member);
        QVERIFY(std::any_of(ops.cbegin(), ops.cend(), [](const OperationRecord &op) {
            return op.action == ActionKind::CardRemove && op.deviceId == QLatin1String("door") &&
                   op.status == OperationStatus::Done;
        }));
    }

    void aRemovalOwedByAnUnreachableDoorIsDoneByTheNextSync()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(give(member, QStringLiteral("5550002")).ok);
        const QUrl gymUrl = m_gym->baseUrl();
        setGymUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        QVERIFY(take(member, QStringLiteral("5550002")).ok);
        QCOMPARE(cardsOf(*m_gym, employeeNo), QStringList{QStringLiteral("5550002")});
        setGymUrl(gymUrl);
        QCOMPARE(sync().exitCode(), 0);
        QVERIFY(cardsOf(*m_gym, employeeNo).isEmpty());
        QCOMPARE(m_store->cardRemovals(QStringLiteral("gym")).size(), 0);
    }

    void deletingACreatedPersonTakesItsCardsAndNobodyElses()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(give(member, QStringLiteral("6660001")).ok);
        QVERIFY(m_cardskipper->expireMember(member.organisationMemberId));
        m_settings.sync.policy.deleteRetentionDays = 0;
        m_engine->setConfiguration(m_settings, m_credentials);
        m_clock.advanceDays(2);
        const QList<sim::DeviceCard> othersBefore = m_door->cards();
        // The first sync ends the access, a later one deletes the person.
        QCOMPARE(sync().exitCode(), 0);
        QVERIFY(m_door->person(employeeNo));
        QCOMPARE(cardsOf(*m_door, employeeNo), QStringList{QStringLiteral("6660001")});
        m_clock.advanceDays(1);
        const RunReport report = sync(RunKind::FullReconcile);
        QVERIFY2(report.exitCode() == 0, qPrintable(report.run.error));
        QVERIFY(!m_door->person(employeeNo));
        QVERIFY(cardsOf(*m_door, employeeNo).isEmpty());
        QVERIFY(cardsOf(*m_gym, employeeNo).isEmpty());
        // Everybody else's cards are as they were.
        for (const sim::DeviceCard &card : othersBefore) {
            if (card.employeeNo != employeeNo)
                QCOMPARE(holderOf(*m_door, card.cardNo), card.employeeNo);
        }
        QCOMPARE(m_door->cards().size(), othersBefore.size() - 1);
    }

    void aCardHeldToTheDoorIsReadAsTheTerminalReadsIt()
    {
        connect(m_door.get(), &IsapiSimulator::cardCaptureStarted, this,
                [this] { m_door->presentCardAtReader(QStringLiteral("3308812528")); });
        const Captured captured = capture(QStringLiteral("door"));
        QVERIFY2(captured.error.isEmpty(), qPrintable(captured.error));
        QCOMPARE(captured.card.cardNo, QStringLiteral("3308812528"));
        QCOMPARE(captured.card.cardType, QStringLiteral("TypeA_M1"));
    }

    void aCaptureWithoutACardEndsWithAPlainMessage()
    {
        m_door->options().captureCardTimeoutMs = 50;
        const Captured captured = capture(QStringLiteral("door"), 30);
        QVERIFY(captured.card.cardNo.isEmpty());
        QVERIFY2(captured.error.contains(QLatin1String("No card")), qPrintable(captured.error));
        QVERIFY(captured.error.contains(QStringLiteral("Entré")));
    }

    void aCaptureCanBeCancelledAndTheDoorIsFreeAgain()
    {
        m_door->options().captureCardTimeoutMs = 60000;
        QSignalSpy waiting(m_door.get(), &IsapiSimulator::cardCaptureStarted);
        const Captured cancelled = capture(QStringLiteral("door"), 30, [&](quint64 tag) {
            QVERIFY(waiting.wait(10000));
            m_engine->cancelCardCapture(tag);
        });
        QCOMPARE(cancelled.error, QStringLiteral("Cancelled."));
        // The sync is not held up by the abandoned capture.
        QCOMPARE(sync().exitCode(), 0);
    }

    void aTerminalThatCannotReadCardsSaysSoWithoutBeingAsked()
    {
        QVERIFY(m_gym->setProfile(QStringLiteral("DS-K1A340FWX")));
        m_gym->clearReceivedRequests();
        const Captured captured = capture(QStringLiteral("gym"));
        QVERIFY2(captured.error.contains(QLatin1String("cannot read a card")),
                 qPrintable(captured.error));
        for (const auto &request : m_gym->receivedRequests())
            QVERIFY(!request.path.contains(QLatin1String("CaptureCardInfo")));
    }
};

QTEST_GUILESS_MAIN(TestCardsE2E)
#include "tst_cards_e2e.moc"
