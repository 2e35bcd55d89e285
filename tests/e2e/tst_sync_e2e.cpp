// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The sync engine end to end: the real Cardskipper and ISAPI clients, the real Store on disk,
// against both simulators over loopback HTTP, with one ManualClock for everyone.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "Store.h"
#include "SyncEngine.h"
#include "Validity.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <limits>
#include <optional>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::DevicePerson;
using sim::IsapiSimulator;

namespace {

const QString kModify = QStringLiteral("PUT /ISAPI/AccessControl/UserInfo/Modify");
const QString kRecord = QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record");

QString text(const QDateTime &time)
{
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

} // namespace

class TestSyncE2E : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
    QTemporaryDir m_dir;
    std::unique_ptr<CardskipperSimulator> m_cardskipper;
    std::unique_ptr<IsapiSimulator> m_door;
    std::unique_ptr<IsapiSimulator> m_gym;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    AppSettings m_settings;
    SyncEngine::Credentials m_credentials;

    RunReport sync(RunKind kind = RunKind::QuickSync, bool force = false)
    {
        SyncEngine::RunOptions options;
        options.kind = kind;
        options.force = force;
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        if (!m_engine->start(options))
            qFatal("a run is already going on");
        if (!finished.wait(120000))
            qFatal("the run did not finish");
        return finished.first().first().value<RunReport>();
    }

    // Members who should be on the door after a sync: access now or later.
    QSet<qint64> eligibleMembers() const
    {
        QSet<qint64> result;
        for (const auto &simMember : m_cardskipper->members()) {
            const Member member = simMember.toMember(DemoData::kOrganisationId);
            const auto state = membershipState(member, DemoData::kOrganisationId, m_clock.today());
            if (state == MembershipState::Active || state == MembershipState::Upcoming)
                result.insert(simMember.organisationMemberId);
        }
        return result;
    }

    QSet<QString> employeeNos(const IsapiSimulator &device) const
    {
        QSet<QString> result;
        for (const DevicePerson &person : device.persons())
            result.insert(person.employeeNo);
        return result;
    }

    // A run that must end by itself: a hang fails the test instead of stopping the program.
    std::optional<RunReport> syncThatMustEnd(int withinMs)
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        SyncEngine::RunOptions options;
        if (!m_engine->start(options))
            return std::nullopt;
        if (!finished.wait(withinMs))
            return std::nullopt;
        return finished.first().first().value<RunReport>();
    }

    // A member new in Cardskipper whose person is already on the door, as when the answer to
    // an earlier create was lost: the quick sync's snapshot does not know it and plans a create.
    QString addMemberTheDoorAlreadyHas()
    {
        sim::SimMember member;
        member.organisationMemberId = 880001;
        member.firstName = QStringLiteral("Åke");
        member.lastName = QStringLiteral("Lindqvist");
        member.email = QStringLiteral("ake.lindqvist@example.se");
        member.birthDate = QDate(1961, 4, 2);
        sim::SimMembership membership;
        membership.organisationId = DemoData::kOrganisationId;
        sim::SimRole role;
        role.id = DemoData::kRoleYearCard;
        role.start = m_clock.today().addDays(-5);
        role.end = role.start.addYears(1);
        membership.roles = {role};
        member.organisations = {membership};
        m_cardskipper->addMember(member);
        DevicePerson person;
        person.employeeNo = QStringLiteral("880001");
        person.name = QStringLiteral("Åke Lindqvist");
        m_door->upsertPerson(person);
        return person.employeeNo;
    }

    static const DeviceOutcome *outcomeOf(const RunReport &report, const QString &deviceId)
    {
        for (const DeviceOutcome &device : report.devices) {
            if (device.deviceId == deviceId)
                return &device;
        }
        return nullptr;
    }

private slots:
    void init()
    {
        m_cardskipper = std::make_unique<CardskipperSimulator>(&m_clock);
        m_cardskipper->loadDemoData(60, 7);
        QVERIFY(m_cardskipper->listen());
        m_door = std::make_unique<IsapiSimulator>(&m_clock);
        m_door->loadDemoPersons(3); // admin and two cleaners, never ours to touch
        QVERIFY(m_door->listen());
        m_gym = std::make_unique<IsapiSimulator>(&m_clock);
        QVERIFY(m_gym->setProfile(QStringLiteral("DS-K1A340FWX")));
        m_gym->clearPersons();
        QVERIFY(m_gym->listen());

        const QString path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        auto store = Store::open(path, m_clock);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        m_store = std::move(store.value());

        m_settings = AppSettings();
        m_settings.cardskipper.url = m_cardskipper->baseUrl();
        m_settings.cardskipper.username = QStringLiteral("demo");
        m_settings.cardskipper.organisationId = DemoData::kOrganisationId;
        DeviceSettings door;
        door.id = QStringLiteral("door");
        door.name = QStringLiteral("Front door");
        door.url = m_door->baseUrl();
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
    }

    void cleanup()
    {
        m_engine.reset();
        m_store.reset();
        m_door.reset();
        m_gym.reset();
        m_cardskipper.reset();
    }

    void firstSyncCreatesExactlyTheEligibleMembersAndLeavesStaffAlone()
    {
        const QList<DevicePerson> staffBefore = m_door->persons();
        const RunReport report = sync();
        QCOMPARE(report.exitCode(), 0);
        const QSet<qint64> eligible = eligibleMembers();
        QVERIFY(eligible.size() > 20);
        for (IsapiSimulator *device : {m_door.get(), m_gym.get()}) {
            QSet<QString> expected;
            for (qint64 id : eligible)
                expected.insert(QString::number(id));
            for (const DevicePerson &staff : staffBefore) {
                if (device == m_door.get())
                    expected.insert(staff.employeeNo);
            }
            QCOMPARE(employeeNos(*device), expected);
        }
        // Staff byte for byte as they were.
        for (const DevicePerson &staff : staffBefore) {
            const auto now = m_door->person(staff.employeeNo);
            QVERIFY(now);
            QCOMPARE(now->name, staff.name);
            QCOMPARE(now->validEnabled, staff.validEnabled);
            QCOMPARE(text(now->beginTime), text(staff.beginTime));
            QCOMPARE(text(now->endTime), text(staff.endTime));
        }
        // Windows are the effective membership periods, whole days, local time.
        const QList<Member> members = m_store->members(DemoData::kOrganisationId);
        for (const Member &member : members) {
            const auto person = m_door->person(QString::number(member.key.organisationMemberId));
            if (!person)
                continue;
            const auto period =
                effectivePeriod(member.rolesIn(DemoData::kOrganisationId), m_clock.today());
            QVERIFY(period);
            QVERIFY(person->validEnabled);
            QCOMPARE(text(person->beginTime), text(QDateTime(period->start, QTime(0, 0))));
            QCOMPARE(text(person->endTime), text(QDateTime(period->end, QTime(23, 59, 59))));
        }
        // Every write has an audit row.
        QCOMPARE(report.operations.size(), qsizetype(2 * eligible.size()));
        QCOMPARE(m_door->successfulWriteCount(kRecord) + m_gym->successfulWriteCount(kRecord),
                 int(2 * eligible.size()));
    }

    void secondSyncSendsNothingToTheDevices()
    {
        sync();
        m_door->resetCounters();
        m_gym->resetCounters();
        m_door->clearReceivedRequests();
        m_gym->clearReceivedRequests();
        const RunReport report = sync();
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(m_door->totalWriteCount() + m_gym->totalWriteCount(), 0);
        QCOMPARE(m_door->receivedRequests().size(), 0);
        QCOMPARE(m_gym->receivedRequests().size(), 0);
        QCOMPARE(report.deviceRequests(), 0);
        QCOMPARE(report.totalRequests(), 1); // the member export
    }

    void oneRenewalCausesExactlyOneModifyPerDevice()
    {
        sync();
        const qint64 renewed = DemoData::kPlainMember;
        const QDate newEnd = m_clock.today().addYears(1).addDays(40);
        QVERIFY(m_cardskipper->extendMembership(renewed, newEnd));
        m_door->resetCounters();
        m_gym->resetCounters();
        const RunReport report = sync();
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(m_door->totalWriteCount(), 1);
        QCOMPARE(m_door->writeCount(kModify), 1);
        QCOMPARE(m_gym->writeCount(kModify), 1);
        QCOMPARE(text(m_door->person(QString::number(renewed))->endTime),
                 text(QDateTime(newEnd, QTime(23, 59, 59))));
        QCOMPARE(report.run.updated, 2);
    }

    void memberRemovedInCardskipperIsRevoked()
    {
        sync();
        const qint64 leaving = DemoData::kPlainMember;
        QVERIFY(m_door->person(QString::number(leaving)));
        QVERIFY(m_cardskipper->removeMember(leaving));
        const RunReport report = sync();
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(report.run.revoked, 2);
        const auto person = m_door->person(QString::number(leaving));
        QVERIFY(person); // revoked, not deleted: retention is off by default
        QVERIFY(person->validEnabled);
        QCOMPARE(text(person->endTime), text(m_clock.now()));
        // And nothing more on the next run.
        m_door->resetCounters();
        sync();
        QCOMPARE(m_door->totalWriteCount(), 0);
    }

    void deviceEditIsRepairedByAFullReconcile()
    {
        sync();
        const QString edited = QString::number(DemoData::kPlainMember);
        const auto before = m_door->person(edited);
        QVERIFY(before);
        QVERIFY(m_door->setPersonValidity(edited, true, QDateTime(QDate(2020, 1, 1), QTime(0, 0)),
                                          QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59))));
        QVERIFY(m_door->removePerson(QString::number(DemoData::kOtherPhoneNotation)));
        // A quick sync trusts the snapshot and does not see the edit...
        m_door->resetCounters();
        sync();
        QCOMPARE(m_door->totalWriteCount(), 0);
        // ...a full reconcile reads the device and puts both back.
        const RunReport report = sync(RunKind::FullReconcile);
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(m_door->writeCount(kModify), 1);
        QCOMPARE(m_door->writeCount(kRecord), 1);
        QCOMPARE(text(m_door->person(edited)->endTime), text(before->endTime));
        QVERIFY(m_door->person(QString::number(DemoData::kOtherPhoneNotation)));
    }

    void wrongDevicePasswordCostsOneAttemptWhileTheOtherDeviceSyncs()
    {
        m_credentials.devicePasswords.insert(QStringLiteral("gym"), QStringLiteral("wrong"));
        m_engine->setConfiguration(m_settings, m_credentials);
        RunReport report = sync();
        QCOMPARE(report.exitCode(), 3);
        QCOMPARE(m_gym->failedAuthAttempts(), 1);
        QVERIFY(m_door->persons().size() > 20);
        QCOMPARE(m_gym->persons().size(), 0);
        bool named = false;
        for (const DeviceOutcome &device : report.devices) {
            if (device.deviceId == QLatin1String("gym")) {
                QCOMPARE(device.status, DeviceOutcome::Status::AuthFailed);
                named = device.message.contains(QStringLiteral("username or password"));
            }
        }
        QVERIFY(named);
        // The next runs do not try again with the same password.
        sync();
        sync();
        QCOMPARE(m_gym->failedAuthAttempts(), 1);
        // New credentials get their one attempt.
        m_credentials.devicePasswords.insert(QStringLiteral("gym"),
                                             IsapiSimulator::defaultPassword());
        m_engine->setConfiguration(m_settings, m_credentials);
        report = sync();
        QCOMPARE(report.exitCode(), 0);
        QVERIFY(m_gym->persons().size() > 20);
    }

    // Issue 16: three doors at once, one healthy, one slow, one with a wrong password. Neither
    // of the others holds up the healthy door, and each ends exactly where it should.
    void everyDoorAtOnceNoneHoldsUpAnother()
    {
        IsapiSimulator sauna(&m_clock);
        sauna.clearPersons();
        QVERIFY(sauna.listen());
        DeviceSettings saunaDoor = m_settings.devices.constFirst();
        saunaDoor.id = QStringLiteral("sauna");
        saunaDoor.name = QStringLiteral("Bastu");
        saunaDoor.url = sauna.baseUrl();
        m_settings.devices.append(saunaDoor);
        m_credentials.devicePasswords.insert(saunaDoor.id, QStringLiteral("wrong"));
        m_engine->setConfiguration(m_settings, m_credentials);
        m_gym->setLatencyMs(15); // the slow one
        // All three on one host, told apart by the port (terminals behind one router).
        QCOMPARE(m_gym->baseUrl().host(), m_door->baseUrl().host());
        QCOMPARE(sauna.baseUrl().host(), m_door->baseUrl().host());
        QList<QPair<QString, int>> finishedInOrder;
        connect(m_engine.get(), &SyncEngine::deviceFinished, this,
                [&](const DeviceOutcome &outcome) {
                    finishedInOrder.append({outcome.deviceId, outcome.written});
                });

        const RunReport report = sync();

        QCOMPARE(report.exitCode(), 3); // the sauna's password
        const QSet<qint64> eligible = eligibleMembers();
        QSet<QString> expected;
        for (qint64 id : eligible)
            expected.insert(QString::number(id));
        QCOMPARE(employeeNos(*m_gym), expected);
        QCOMPARE(employeeNos(*m_door).size(), expected.size() + 3); // and the staff
        QVERIFY(employeeNos(*m_door).contains(expected));
        QCOMPARE(sauna.persons().size(), 0);
        QCOMPARE(sauna.failedAuthAttempts(), 1);
        QCOMPARE(sauna.totalWriteCount(), 0);

        // Ordering from the terminals' own journals: every write of the healthy door was
        // carried out before the slow door's last one.
        const auto lastWrite = [](const IsapiSimulator &device) {
            quint64 last = 0;
            for (const auto &write : device.appliedWrites())
                last = std::max(last, write.sequence);
            return last;
        };
        QCOMPARE(m_door->appliedWrites().size(), qsizetype(eligible.size()));
        QCOMPARE(m_gym->appliedWrites().size(), qsizetype(eligible.size()));
        QVERIFY(lastWrite(*m_door) < lastWrite(*m_gym));

        // The report names each door's outcome, requests and times.
        QCOMPARE(report.devices.size(), qsizetype(3));
        const DeviceOutcome *door = outcomeOf(report, QStringLiteral("door"));
        const DeviceOutcome *gym = outcomeOf(report, QStringLiteral("gym"));
        const DeviceOutcome *saunaOutcome = outcomeOf(report, QStringLiteral("sauna"));
        QVERIFY(door && gym && saunaOutcome);
        QCOMPARE(door->status, DeviceOutcome::Status::Synced);
        QCOMPARE(gym->status, DeviceOutcome::Status::Synced);
        QCOMPARE(saunaOutcome->status, DeviceOutcome::Status::AuthFailed);
        // The doors were worked at the same time: the slow door had started before the
        // healthy one was done (one after the other, it would start only then).
        QVERIFY2(gym->startMs < door->endMs,
                 qPrintable(QStringLiteral("gym started at %1 ms, door ended at %2 ms")
                                .arg(gym->startMs)
                                .arg(door->endMs)));
        QVERIFY(saunaOutcome->message.contains(QStringLiteral("username or password")));
        QCOMPARE(door->written, int(eligible.size()));
        QCOMPARE(gym->written, int(eligible.size()));
        QVERIFY(saunaOutcome->requests >= 1 && saunaOutcome->requests <= 2);
        QVERIFY(door->requests > door->written);
        for (const DeviceOutcome *outcome : {door, gym, saunaOutcome}) {
            QVERIFY(outcome->startedAt.isValid() && outcome->finishedAt.isValid());
            QVERIFY(outcome->startMs >= 0 && outcome->endMs >= outcome->startMs);
            // All three started before the first of them was done.
            QVERIFY(outcome->startMs <= door->endMs);
        }
        // Each door reported as it finished: the password first, the slow door last.
        QCOMPARE(finishedInOrder.size(), 3);
        QCOMPARE(finishedInOrder.at(0).first, QStringLiteral("sauna"));
        QCOMPARE(finishedInOrder.at(2), qMakePair(QStringLiteral("gym"), int(eligible.size())));

        // The next run does not try the sauna again, and finds the others in step.
        m_door->resetCounters();
        m_gym->resetCounters();
        const RunReport again = sync(RunKind::FullReconcile);
        QCOMPARE(again.exitCode(), 3);
        QCOMPARE(sauna.failedAuthAttempts(), 1);
        QCOMPARE(m_door->totalWriteCount() + m_gym->totalWriteCount(), 0);
        QCOMPARE(m_store->pendingOperations().size(), 0);
    }

    // A create the terminal carried out but answered with a garbled body must not be taken for
    // a failure: recorded as failed, our own person would stay unlinked once a full reconcile
    // read it, and never be written again (a cancelled member keeping access).
    void aCreateWithAGarbledAnswerIsReadBackAndLinked()
    {
        bool armed = true;
        connect(m_door.get(), &IsapiSimulator::requestReceived, this,
                [&](const QString &, const QString &path) {
                    if (armed && path.contains(QLatin1String("UserInfo/Record")) &&
                        !m_door->receivedRequests().constLast().header("Authorization").isEmpty()) {
                        armed = false;
                        m_door->faults().failNext(1, sim::FaultKind::MalformedBody);
                    }
                });
        const RunReport first = sync();
        QVERIFY(!armed);
        const QSet<qint64> eligible = eligibleMembers();
        QSet<QString> expected;
        for (qint64 id : eligible)
            expected.insert(QString::number(id));
        // Every member's person is on the door and linked, the garbled one included.
        for (const QString &employeeNo : std::as_const(expected))
            QVERIFY2(m_store->linkFor(QStringLiteral("door"), employeeNo), qPrintable(employeeNo));
        QCOMPARE(m_store->pendingOperations().size(), 0);
        QCOMPARE(outcomeOf(first, QStringLiteral("door"))->failed, 0);
        // A full reconcile finds nothing to write and nothing to ask about.
        m_door->resetCounters();
        const RunReport again = sync(RunKind::FullReconcile);
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(m_door->totalWriteCount(), 0);
        QCOMPARE(outcomeOf(again, QStringLiteral("door"))->plan.suggestions.size(), qsizetype(0));
    }

    // sync/max_parallel_doors = 1: for a site whose router cannot take every terminal at once,
    // the doors are worked one after the other.
    void maxParallelDoorsOneWorksTheDoorsInTurn()
    {
        m_settings.sync.maxParallelDoors = 1;
        m_engine->setConfiguration(m_settings, m_credentials);
        const RunReport report = sync();
        QCOMPARE(report.exitCode(), 0);
        const DeviceOutcome *door = outcomeOf(report, QStringLiteral("door"));
        const DeviceOutcome *gym = outcomeOf(report, QStringLiteral("gym"));
        QVERIFY(door && gym);
        QVERIFY(door->endMs <= gym->startMs);
        quint64 lastDoorWrite = 0;
        for (const auto &write : m_door->appliedWrites())
            lastDoorWrite = std::max(lastDoorWrite, write.sequence);
        for (const auto &write : m_gym->appliedWrites())
            QVERIFY(write.sequence > lastDoorWrite);
        QCOMPARE(m_gym->appliedWrites().size(), m_door->appliedWrites().size());
    }

    // The doors are read while the member list is on its way; when the list does not come,
    // no door is written, each says why, and the run ends.
    void noMemberListWhileTheDoorsAreReadChangesNoDoor()
    {
        m_cardskipper->faults().setLatencyMs(300); // the doors are read meanwhile
        m_credentials.cardskipperPassword = QStringLiteral("wrong");
        m_engine->setConfiguration(m_settings, m_credentials);
        const RunReport report = sync(RunKind::FullReconcile);
        QCOMPARE(report.exitCode(), 3);
        QVERIFY(!report.cardskipperError.isEmpty());
        QCOMPARE(m_door->totalWriteCount() + m_gym->totalWriteCount(), 0);
        QCOMPARE(report.devices.size(), qsizetype(2));
        for (const DeviceOutcome &device : report.devices) {
            QCOMPARE(device.status, DeviceOutcome::Status::Skipped);
            QVERIFY2(device.message.contains(QStringLiteral("not changed")),
                     qPrintable(device.message));
        }
        // The reads did reach the doors, so the doors are known to answer.
        QVERIFY(report.deviceRequests() > 0);
        QCOMPARE(m_store->pendingOperations().size(), 0);
        // With the right password the next run converges.
        m_credentials.cardskipperPassword = QStringLiteral("demo");
        m_engine->setConfiguration(m_settings, m_credentials);
        m_cardskipper->faults().setLatencyMs(0);
        QCOMPARE(sync().exitCode(), 0);
        QCOMPARE(m_gym->persons().size(), qsizetype(eligibleMembers().size()));
    }

    // A stop while the doors are being read and the list is on its way ends every door at once.
    void stopWhileTheDoorsAreReadEndsEveryDoor()
    {
        m_cardskipper->faults().setLatencyMs(60000); // the list would take a minute
        connect(m_door.get(), &IsapiSimulator::requestReceived, m_engine.get(),
                [this] { m_engine->requestStop(); });
        const std::optional<RunReport> report = syncThatMustEnd(20000);
        QVERIFY(report);
        QCOMPARE(m_door->totalWriteCount() + m_gym->totalWriteCount(), 0);
        for (const DeviceOutcome &device : report->devices)
            QCOMPARE(device.status, DeviceOutcome::Status::Skipped);
        QCOMPARE(m_store->pendingOperations().size(), 0);
    }

    // Issue 15: a quiet quick sync sends nothing, yet asks a door it has not heard from for 15
    // minutes once, so a door that died quietly turns red; the state names what is wrong.
    void doorHealthIsLearntEvenWhenNothingIsWritten()
    {
        using State = DoorHealth::State;
        const auto healthOf = [this](const QString &id) {
            for (const DoorHealth &health : m_engine->doorHealth()) {
                if (health.deviceId == id)
                    return health;
            }
            return DoorHealth{};
        };
        QCOMPARE(healthOf(QStringLiteral("door")).state, State::Unknown);
        QSignalSpy changed(m_engine.get(), &SyncEngine::doorHealthChanged);
        sync();
        QCOMPARE(healthOf(QStringLiteral("door")).state, State::Online);
        QCOMPARE(healthOf(QStringLiteral("door")).lastContact, m_clock.now());
        QCOMPARE(healthOf(QStringLiteral("gym")).state, State::Online);
        QCOMPARE(changed.size(), 2);

        // Within the interval: not a single request.
        m_clock.advanceSeconds(SyncEngine::kLivenessSeconds - 60);
        m_door->clearReceivedRequests();
        RunReport report = sync();
        QCOMPARE(report.deviceRequests(), 0);
        QCOMPARE(changed.size(), 2);

        // Past it: one cheap read per door, and nothing else.
        m_clock.advanceSeconds(120);
        m_door->resetCounters();
        report = sync();
        QCOMPARE(report.exitCode(), 0);
        QVERIFY(!m_door->receivedRequests().isEmpty());
        for (const sim::HttpRequest &request : m_door->receivedRequests())
            QCOMPARE(request.path, QStringLiteral("/ISAPI/System/deviceInfo"));
        QCOMPARE(m_door->totalWriteCount(), 0);
        QCOMPARE(healthOf(QStringLiteral("door")).lastContact, m_clock.now());

        // The door dies overnight: the morning's quick sync says so, and since when.
        const QDateTime lastSeen = m_clock.now();
        m_door.reset();
        m_clock.advanceSeconds(8 * 3600);
        const QDateTime died = m_clock.now();
        report = sync();
        QCOMPARE(report.exitCode(), 1); // one door failed, the other synced
        DoorHealth door = healthOf(QStringLiteral("door"));
        QCOMPARE(door.state, State::Unreachable);
        QCOMPARE(door.since, died);
        QCOMPARE(door.lastContact, lastSeen);
        QVERIFY(!door.detail.isEmpty());
        QCOMPARE(healthOf(QStringLiteral("gym")).state, State::Online);
        // Still dead a minute later: asked again (it is not online), the state keeps its start.
        m_clock.advanceSeconds(60);
        sync();
        QCOMPARE(healthOf(QStringLiteral("door")).state, State::Unreachable);
        QCOMPARE(healthOf(QStringLiteral("door")).since, died);

        // A wrong password: unknown after the change, then rejected, with no further attempt.
        m_credentials.devicePasswords.insert(QStringLiteral("gym"), QStringLiteral("wrong"));
        m_engine->setConfiguration(m_settings, m_credentials);
        QCOMPARE(healthOf(QStringLiteral("gym")).state, State::Unknown);
        m_clock.advanceSeconds(SyncEngine::kLivenessSeconds);
        sync();
        QCOMPARE(healthOf(QStringLiteral("gym")).state, State::PasswordRejected);
        QCOMPARE(healthOf(QStringLiteral("gym")).lastContact, m_clock.now());
        QCOMPARE(m_gym->failedAuthAttempts(), 1);
        m_clock.advanceSeconds(SyncEngine::kLivenessSeconds);
        sync();
        QCOMPARE(m_gym->failedAuthAttempts(), 1);
        QCOMPARE(healthOf(QStringLiteral("gym")).state, State::PasswordRejected);
    }

    // The command line starts afresh for every sync: the last contact is remembered in the
    // database (door and account, no password), so it does not ask every door every time.
    void aNewProcessRemembersTheLastContact()
    {
        sync();
        m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
        m_engine->setConfiguration(m_settings, m_credentials);
        m_door->clearReceivedRequests();
        RunReport report = sync();
        QCOMPARE(report.deviceRequests(), 0);
        for (const DoorHealth &health : m_engine->doorHealth())
            QCOMPARE(health.state, DoorHealth::State::Unknown); // nothing learnt yet here

        // Another address for the door: what was recorded was not about this one.
        m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
        AppSettings moved = m_settings;
        moved.devices[0].url.setHost(QStringLiteral("localhost"));
        m_engine->setConfiguration(moved, m_credentials);
        report = sync();
        QVERIFY(!m_door->receivedRequests().isEmpty());
        QCOMPARE(m_door->receivedRequests().last().path,
                 QStringLiteral("/ISAPI/System/deviceInfo"));

        // Past the interval a new process asks again.
        m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
        m_engine->setConfiguration(m_settings, m_credentials);
        m_clock.advanceSeconds(SyncEngine::kLivenessSeconds);
        m_gym->clearReceivedRequests();
        sync();
        QVERIFY(!m_gym->receivedRequests().isEmpty());
        for (const sim::HttpRequest &request : m_gym->receivedRequests())
            QCOMPARE(request.path, QStringLiteral("/ISAPI/System/deviceInfo"));
        QVERIFY(!m_store->meta(QStringLiteral("device_contact/gym"))
                     .contains(IsapiSimulator::defaultPassword()));
    }

    void emptyOrShrunkMemberListIsHeld()
    {
        sync();
        const int onDoor = int(m_door->persons().size());
        QList<qint64> ids;
        for (const auto &member : m_cardskipper->members())
            ids.append(member.organisationMemberId);
        for (int i = 0; i < ids.size() * 2 / 3; ++i)
            m_cardskipper->removeMember(ids.at(i));
        m_door->resetCounters();
        RunReport report = sync();
        QCOMPARE(report.exitCode(), 4);
        QVERIFY(report.membersHeld);
        QVERIFY(report.guardReasons.join(QLatin1Char(' ')).contains(QStringLiteral("fewer")));
        QCOMPARE(m_door->totalWriteCount(), 0);
        QCOMPARE(int(m_door->persons().size()), onDoor);
        // The snapshot was kept: the guard holds again next time, too.
        report = sync();
        QCOMPARE(report.exitCode(), 4);
        // --force releases it.
        report = sync(RunKind::QuickSync, true);
        QVERIFY(report.run.revoked > 0);
    }

    // Members the door refused while Cardskipper lets them in are in the next run's report,
    // once each, saying whether this run wrote them to that door; the run after is quiet.
    void theRunReportNamesValidMembersTheDoorRefused()
    {
        QCOMPARE(sync().exitCode(), 0);
        QList<qint64> active;
        for (const auto &simMember : m_cardskipper->members()) {
            const Member member = simMember.toMember(DemoData::kOrganisationId);
            if (membershipState(member, DemoData::kOrganisationId, m_clock.today()) ==
                MembershipState::Active)
                active.append(simMember.organisationMemberId);
        }
        std::sort(active.begin(), active.end());
        QVERIFY(active.size() >= 2);
        const QString disabled = QString::number(active.at(0));
        const QString untouched = QString::number(active.at(1));
        // Someone switched the first member off on the door by hand: the door refuses them.
        QVERIFY(m_door->setPersonValidity(disabled, false,
                                          QDateTime(QDate(2020, 1, 1), QTime(0, 0)),
                                          QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59))));
        const auto refuse = [this](const QString &employeeNo) {
            sim::DeviceEvent event;
            event.minor = 6; // no right
            event.employeeNo = employeeNo;
            m_door->logEvent(event);
            m_clock.advanceSeconds(60);
        };
        refuse(disabled);
        refuse(untouched);
        refuse(disabled);
        bool read = false;
        m_engine->readEvents({}, [&](const QList<EventReader::Poll> &) { read = true; });
        QVERIFY(QTest::qWaitFor([&] { return read; }, 30000));

        const RunReport report = sync(RunKind::FullReconcile);
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(report.refusedDespiteMembership.size(), 2);
        QHash<qint64, RefusedAtDoor> byMember;
        for (const RefusedAtDoor &refused : report.refusedDespiteMembership) {
            QCOMPARE(refused.deviceId, QStringLiteral("door"));
            QCOMPARE(refused.deviceName, QStringLiteral("Front door"));
            byMember.insert(refused.member.organisationMemberId, refused);
        }
        QVERIFY(byMember.value(active.at(0)).writtenThisRun); // the reconcile switched it back on
        QVERIFY(!byMember.value(active.at(1)).writtenThisRun);
        QVERIFY(!byMember.value(active.at(1)).memberName.isEmpty());
        const QJsonArray json =
            report.toJson().value(QStringLiteral("refusedDespiteMembership")).toArray();
        QCOMPARE(json.size(), 2);

        QVERIFY(sync().refusedDespiteMembership.isEmpty());
    }

    // The "done when": a club of 500 members on two terminals through renewals,
    // cancellations, departures and hand edits on the terminals.
    void clubOf500StaysExactlyInSync()
    {
        m_cardskipper->loadDemoData(500, 11);
        RunReport report = sync();
        QCOMPARE(report.exitCode(), 0);
        QList<qint64> active;
        for (qint64 id : eligibleMembers())
            active.append(id);
        std::sort(active.begin(), active.end());
        QVERIFY(active.size() > 300);

        const QDate today = m_clock.today();
        for (int i = 0; i < 5; ++i) // renewals
            QVERIFY(m_cardskipper->extendMembership(active.at(i), today.addYears(1).addDays(i)));
        for (int i = 5; i < 8; ++i) // early cancellations
            QVERIFY(m_cardskipper->shortenMembership(active.at(i), today.addDays(-1)));
        for (int i = 8; i < 10; ++i) // departures
            QVERIFY(m_cardskipper->removeMember(active.at(i)));
        for (IsapiSimulator *device : {m_door.get(), m_gym.get()}) { // hand edits
            QVERIFY(device->setPersonValidity(QString::number(active.at(20)), true,
                                              QDateTime(QDate(2020, 1, 1), QTime(0, 0)),
                                              QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59))));
            QVERIFY(device->removePerson(QString::number(active.at(21))));
            QVERIFY(device->renamePerson(QString::number(active.at(22)), QStringLiteral("Edited")));
        }
        m_clock.advanceSeconds(3600);
        report = sync(RunKind::FullReconcile);
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(report.run.updated, 2 * 6); // 5 renewals and the edited window, per terminal
        QCOMPARE(report.run.revoked, 2 * 5); // 3 cancellations and 2 departures
        QCOMPARE(report.run.created, 2 * 1); // the person deleted by hand

        // Exactly in step: another full reconcile finds nothing to write anywhere.
        m_door->resetCounters();
        m_gym->resetCounters();
        report = sync(RunKind::FullReconcile);
        QCOMPARE(report.exitCode(), 0);
        QCOMPARE(m_door->totalWriteCount() + m_gym->totalWriteCount(), 0);
        for (IsapiSimulator *device : {m_door.get(), m_gym.get()}) {
            const auto renewed = device->person(QString::number(active.at(0)));
            QVERIFY(renewed);
            QCOMPARE(text(renewed->endTime), text(QDateTime(today.addYears(1), QTime(23, 59, 59))));
            const auto cancelled = device->person(QString::number(active.at(5)));
            QVERIFY(cancelled);
            QVERIFY(text(cancelled->endTime) <= text(m_clock.now()));
            // Renaming is off by default: the hand-edited name stays.
            QCOMPARE(device->person(QString::number(active.at(22)))->name,
                     QStringLiteral("Edited"));
        }
    }

    void stoppingMidRunLeavesNoWriteUnaccounted()
    {
        // The engine journals the next write while the current one is on the wire. Stopping
        // in between must not leave that row pending, nor send it.
        int finishedOperations = 0;
        connect(m_engine.get(), &SyncEngine::operationFinished, this, [&] {
            if (++finishedOperations == 5)
                m_engine->requestStop();
        });
        const RunReport report = sync();
        QCOMPARE(m_store->pendingOperations().size(), 0);
        const QList<OperationRecord> operations = m_store->operations(report.run.id);
        int done = 0;
        int skipped = 0;
        for (const OperationRecord &operation : operations) {
            IsapiSimulator &device = operation.deviceId == QLatin1String("door") ? *m_door : *m_gym;
            const bool onDevice = device.person(operation.employeeNo).has_value();
            if (operation.status == OperationStatus::Done) {
                ++done;
                QVERIFY2(onDevice, qPrintable(operation.employeeNo));
            } else {
                QCOMPARE(operation.status, OperationStatus::Skipped);
                QVERIFY2(!onDevice, qPrintable(operation.employeeNo));
                QVERIFY(!operation.error.isEmpty());
                ++skipped;
            }
        }
        // Both doors are written at the same time. When the fifth was reported, each door
        // had its next write on the wire and may have had one confirmed whose record waited
        // for the event loop: those are recorded; the one each journaled ahead is skipped,
        // and nothing more is sent.
        QVERIFY2(done > 5 && done <= 5 + 2 * 2, qPrintable(QString::number(done)));
        QVERIFY2(skipped >= 1 && skipped <= 2, qPrintable(QString::number(skipped)));
        QCOMPARE(m_door->successfulWriteCount(kRecord) + m_gym->successfulWriteCount(kRecord),
                 done);
        QCOMPARE(m_door->writeCount(kRecord) + m_gym->writeCount(kRecord), done);
    }

    void fullTerminalIsNotAskedAgainForEveryMember()
    {
        // Room for the 3 staff and 10 members.
        m_door->profile().setCapability({QStringLiteral("maxRecordNum")}, 13);
        QStringList errors;
        connect(m_engine.get(), &SyncEngine::logMessage, this,
                [&](const QString &level, const QString &deviceId, const QString &,
                    const QString &text) {
                    if (level == QLatin1String("error") && deviceId == QLatin1String("door"))
                        errors.append(text);
                });
        const RunReport report = sync();
        const int eligible = int(eligibleMembers().size());
        QCOMPARE(m_door->persons().size(), qsizetype(13));
        // Ten creates succeeded, one was refused, and no further create was sent.
        QCOMPARE(m_door->successfulWriteCount(kRecord), 10);
        QCOMPARE(m_door->writeCount(kRecord), 11);
        // The other door is not held back by this one.
        QCOMPARE(m_gym->successfulWriteCount(kRecord), eligible);
        QCOMPARE(report.run.failed, eligible - 10);
        QCOMPARE(m_store->pendingOperations().size(), 0);
        int skipped = 0;
        for (const OperationRecord &operation : m_store->operations(report.run.id)) {
            if (operation.deviceId == QLatin1String("door") &&
                operation.status == OperationStatus::Skipped) {
                ++skipped;
                QVERIFY(operation.error.contains(QStringLiteral("Front door is full")));
            }
        }
        QCOMPARE(skipped, eligible - 11);
        // One line for the refused create, one naming who else was not added.
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors.last().contains(QStringLiteral("is full: %1 member").arg(eligible - 11)),
                 qPrintable(errors.last()));
    }

    void interruptedWriteIsReadBackBeforeAnythingElse()
    {
        sync();
        // A run died after sending a create whose answer never got recorded.
        const QString employeeNo = QStringLiteral("990001");
        DevicePerson person;
        person.employeeNo = employeeNo;
        person.name = QStringLiteral("Half Written");
        m_door->upsertPerson(person);
        OperationRecord pending;
        pending.runId = m_store->beginRun(RunKind::QuickSync, m_clock.now());
        pending.deviceId = QStringLiteral("door");
        pending.employeeNo = employeeNo;
        pending.member = MemberKey{DemoData::kOrganisationId, 990001};
        pending.action = ActionKind::Create;
        Person after;
        after.employeeNo = employeeNo;
        after.name = person.name;
        pending.after = after;
        QVERIFY(m_store->journalOperation(pending) > 0);
        QCOMPARE(m_store->pendingOperations().size(), 1);
        sync();
        QCOMPARE(m_store->pendingOperations().size(), 0);
        // The person is in the snapshot now, so the planner knows it exists.
        bool known = false;
        for (const Person &snap : m_store->deviceSnapshot(QStringLiteral("door")).persons)
            known = known || snap.employeeNo == employeeNo;
        QVERIFY(known);
    }

    // Issue 14: create -> employeeNoAlreadyExist -> lookup, with the lookup's answer lost.
    void alreadyExistsWithTheLookupLostEndsTheRunAndConvergesNext()
    {
        m_settings.devices[0].timeoutSeconds = 1;
        m_engine->setConfiguration(m_settings, m_credentials);
        m_door->auth().settings().nonceMaxUses = 0; // every request below is one fault draw
        QCOMPARE(sync().exitCode(), 0);
        const QString employeeNo = addMemberTheDoorAlreadyHas();
        // The create is answered employeeNoAlreadyExist; the lookup's answer never comes.
        m_door->faults().failNext(1, sim::FaultKind::None);
        m_door->faults().failNext(1, sim::FaultKind::Timeout);
        const std::optional<RunReport> report = syncThatMustEnd(60000);
        QVERIFY2(report, "the run never ended");
        QCOMPARE(report->exitCode(), 1);
        const DeviceOutcome *door = outcomeOf(*report, QStringLiteral("door"));
        QVERIFY(door);
        QCOMPARE(door->status, DeviceOutcome::Status::PartlyFailed);
        bool explained = false;
        for (const OperationRecord &operation : report->operations) {
            if (operation.employeeNo == employeeNo && operation.deviceId == door->deviceId) {
                QCOMPARE(operation.status, OperationStatus::Failed);
                explained = operation.error.contains(QStringLiteral("already has employeeNo")) &&
                            operation.error.contains(QStringLiteral("did not answer"));
            }
        }
        QVERIFY(explained);
        QVERIFY(!m_engine->deviceRefusal(QStringLiteral("door")));
        QVERIFY(m_store->pendingOperations().isEmpty());
        // The next run adopts the person (same name) and gives it the membership's window.
        const RunReport next = sync();
        QCOMPARE(next.exitCode(), 0);
        const auto person = m_door->person(employeeNo);
        QVERIFY(person);
        QVERIFY(person->validEnabled);
        QCOMPARE(person->endTime.date(), m_clock.today().addDays(-5).addYears(1));
    }

    // The same path with the client refusing by the time the lookup goes out: the lookup is
    // answered with a wrong-password verdict (the password was changed on the terminal).
    void alreadyExistsWithTheClientBlockedEndsTheRun()
    {
        QCOMPARE(sync().exitCode(), 0);
        addMemberTheDoorAlreadyHas();
        connect(m_door.get(), &IsapiSimulator::requestReceived, m_door.get(),
                [this](const QString &, const QString &path) {
                    if (path.endsWith(QLatin1String("/UserInfo/Search")))
                        m_door->setCredentials(IsapiSimulator::defaultUser(),
                                               QStringLiteral("changed-at-the-terminal"));
                });
        const std::optional<RunReport> report = syncThatMustEnd(60000);
        QVERIFY2(report, "the run never ended");
        const DeviceOutcome *door = outcomeOf(*report, QStringLiteral("door"));
        QVERIFY(door);
        QCOMPARE(door->status, DeviceOutcome::Status::AuthFailed);
        QVERIFY(door->message.contains(QStringLiteral("username or password")));
        // The other door still synced, and the refused one is not asked again.
        const DeviceOutcome *gym = outcomeOf(*report, QStringLiteral("gym"));
        QVERIFY(gym);
        QCOMPARE(gym->status, DeviceOutcome::Status::Synced);
        // The nonce in use might merely have expired, so it earned one new handshake; then the
        // terminal's verdict on a fresh nonce. Nothing more, in this run or the next.
        QCOMPARE(m_door->failedAuthAttempts(), 2);
        QVERIFY(syncThatMustEnd(60000));
        QCOMPARE(m_door->failedAuthAttempts(), 2);
    }

    // A terminal that starts an answer and then trickles it, a byte at a time, never trips a
    // transfer timeout; the engine's watchdog ends that door and the run goes on.
    void watchdogEndsADoorThatNeverFinishesAnswering()
    {
        QTcpServer trickler;
        QVERIFY(trickler.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> sockets;
        QTimer drip;
        connect(&trickler, &QTcpServer::newConnection, &trickler, [&] {
            while (QTcpSocket *socket = trickler.nextPendingConnection()) {
                sockets.append(socket);
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
                              "Content-Length: 1000000\r\n\r\n<");
            }
        });
        connect(&drip, &QTimer::timeout, &trickler, [&] {
            for (QTcpSocket *socket : std::as_const(sockets))
                socket->write(" ");
        });
        drip.start(50);
        m_settings.devices[0].url =
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(trickler.serverPort()));
        // A pause of 2 s would trip Qt's transfer timeout; the drip never pauses that long,
        // even on a loaded machine.
        m_settings.devices[0].timeoutSeconds = 2;
        m_engine->setConfiguration(m_settings, m_credentials);
        m_engine->setWatchdogMarginMs(500);

        const std::optional<RunReport> report = syncThatMustEnd(60000);
        QVERIFY2(report, "the run never ended");
        QVERIFY(!sockets.isEmpty());
        const DeviceOutcome *door = outcomeOf(*report, QStringLiteral("door"));
        QVERIFY(door);
        QCOMPARE(door->status, DeviceOutcome::Status::Failed);
        QVERIFY2(door->message.contains(QStringLiteral("gave no answer")),
                 qPrintable(door->message));
        const DeviceOutcome *gym = outcomeOf(*report, QStringLiteral("gym"));
        QVERIFY(gym);
        QCOMPARE(gym->status, DeviceOutcome::Status::Synced);
        QVERIFY(m_gym->persons().size() > 20);
        QVERIFY(!m_engine->deviceRefusal(QStringLiteral("door")));
        drip.stop();
    }

    // "Try again" and a saved settings dialog may come while that very door is being synced:
    // its client must live until the door is done, or the run would wait for an answer that
    // can no longer come.
    void retryOrRemovalDuringTheDoorsOwnSyncWaitsForIt()
    {
        bool retried = false;
        connect(m_door.get(), &IsapiSimulator::requestReceived, m_door.get(),
                [&](const QString &, const QString &path) {
                    if (!retried && path.endsWith(QLatin1String("/UserInfo/Record"))) {
                        retried = true;
                        m_engine->retryDevice(QStringLiteral("door"));
                    }
                });
        bool removed = false;
        connect(m_gym.get(), &IsapiSimulator::requestReceived, m_gym.get(),
                [&](const QString &, const QString &path) {
                    if (!removed && path.endsWith(QLatin1String("/UserInfo/Record"))) {
                        removed = true;
                        AppSettings withoutGym = m_settings;
                        withoutGym.devices.removeLast();
                        m_engine->setConfiguration(withoutGym, m_credentials);
                    }
                });
        const std::optional<RunReport> report = syncThatMustEnd(60000);
        QVERIFY2(report, "the run never ended");
        QVERIFY(retried);
        QVERIFY(removed);
        QCOMPARE(report->exitCode(), 0);
        QCOMPARE(outcomeOf(*report, QStringLiteral("door"))->status, DeviceOutcome::Status::Synced);
        QCOMPARE(outcomeOf(*report, QStringLiteral("gym"))->status, DeviceOutcome::Status::Synced);
        QCOMPARE(qsizetype(employeeNos(*m_gym).size()), qsizetype(eligibleMembers().size()));
        // The next run has only the door, with a new client, and nothing to write.
        const std::optional<RunReport> next = syncThatMustEnd(60000);
        QVERIFY(next);
        QCOMPARE(next->exitCode(), 0);
        QCOMPARE(next->devices.size(), 1);
        QCOMPARE(next->run.created, 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncE2E)
#include "tst_sync_e2e.moc"
