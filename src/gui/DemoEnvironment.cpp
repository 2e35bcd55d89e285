// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DemoEnvironment.h"

#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "IsapiSimulator.h"

namespace cis::gui {

namespace {
const QString kDemoPassword = QStringLiteral("demo");
}

DemoEnvironment::DemoEnvironment(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_cardskipper(std::make_unique<sim::CardskipperSimulator>(&clock))
    , m_door(std::make_unique<sim::IsapiSimulator>(&clock))
    , m_gym(std::make_unique<sim::IsapiSimulator>(&clock))
{}

DemoEnvironment::~DemoEnvironment() = default;

bool DemoEnvironment::start()
{
    m_cardskipper->loadDemoData(120, 1);
    m_door->loadDemoPersons(9, 1);
    // A second terminal, another model and a little slower, so that the demo shows several
    // doors synced at the same time, each with its own progress.
    m_gym->setProfile(QStringLiteral("DS-K1A340FWX"));
    m_gym->loadDemoPersons(2, 2);
    m_gym->setLatencyMs(15);
    // "Read card at the door" and "Take photo at the door" work in the demo: someone holds a
    // card to the front door's reader, or looks into its camera, a few seconds after asking.
    m_door->options().demoCardDelayMs = 3000;
    m_door->options().demoFaceDelayMs = 4000;
    // Something in the Door activity tab from the start: staff coming in, a stranger, a card
    // nobody knows.
    for (const sim::DevicePerson &person : m_door->persons().mid(0, 2))
        personComesToTheDoor(person.employeeNo, false);
    strangerComesToTheDoor();
    unknownCardAtTheDoor();
    if (!m_folder.isValid()) {
        m_error = tr("Cannot create a temporary folder for the demo database.");
        return false;
    }
    if (!m_cardskipper->listen() || !m_door->listen() || !m_gym->listen()) {
        m_error = tr("Cannot start the simulators on 127.0.0.1.");
        return false;
    }
    return true;
}

AppSettings DemoEnvironment::settings() const
{
    AppSettings settings;
    settings.cardskipper.url = m_cardskipper->baseUrl();
    settings.cardskipper.username = QStringLiteral("demo");
    settings.cardskipper.organisationId = sim::DemoData::kOrganisationId;
    DeviceSettings door;
    door.id = deviceId();
    door.name = tr("Front door (simulated)");
    door.url = m_door->baseUrl();
    door.username = sim::IsapiSimulator::defaultUser();
    DeviceSettings gym = door;
    gym.id = gymDeviceId();
    gym.name = tr("Gym (simulated)");
    gym.url = m_gym->baseUrl();
    settings.devices = {door, gym};
    settings.sync.intervalSeconds = 60;
    settings.sync.retryAttempts = 1;
    settings.sync.retryBackoffMs = 500;
    return settings;
}

SyncEngine::Credentials DemoEnvironment::credentials() const
{
    SyncEngine::Credentials credentials;
    credentials.cardskipperPassword = kDemoPassword;
    credentials.devicePasswords.insert(deviceId(), sim::IsapiSimulator::defaultPassword());
    credentials.devicePasswords.insert(gymDeviceId(), sim::IsapiSimulator::defaultPassword());
    return credentials;
}

QString DemoEnvironment::databasePath() const
{
    return m_folder.filePath(QStringLiteral("demo.sqlite"));
}

QString DemoEnvironment::extendMembership(qint64 memberId)
{
    const QDate newEnd = m_clock.today().addYears(1);
    if (!m_cardskipper->extendMembership(memberId, newEnd))
        return tr("Member %1 has no membership to extend.").arg(memberId);
    return tr("Demo: member %1 renewed in Cardskipper until %2.")
        .arg(memberId)
        .arg(newEnd.toString(Qt::ISODate));
}

QString DemoEnvironment::cancelMembership(qint64 memberId)
{
    const QDate yesterday = m_clock.today().addDays(-1);
    if (!m_cardskipper->shortenMembership(memberId, yesterday))
        return tr("Member %1 has no membership to cancel.").arg(memberId);
    return tr("Demo: member %1's membership was cancelled in Cardskipper (ended %2).")
        .arg(memberId)
        .arg(yesterday.toString(Qt::ISODate));
}

QString DemoEnvironment::addMember()
{
    const qint64 id = m_nextMemberId++;
    sim::SimMember member;
    member.organisationMemberId = id;
    member.firstName = QStringLiteral("Nya");
    member.lastName = QStringLiteral("Medlemmen %1").arg(id);
    member.email = QStringLiteral("ny.%1@example.se").arg(id);
    sim::SimMembership membership;
    membership.organisationId = sim::DemoData::kOrganisationId;
    sim::SimRole role;
    role.id = sim::DemoData::kRoleYearCard;
    role.start = m_clock.today();
    role.end = m_clock.today().addYears(1).addDays(-1);
    membership.roles = {role};
    member.organisations = {membership};
    m_cardskipper->addMember(member);
    return tr("Demo: %1 %2 (member %3) joined in Cardskipper.")
        .arg(member.firstName, member.lastName)
        .arg(id);
}

QString DemoEnvironment::editPersonOnDevice(const QString &employeeNo)
{
    const QDateTime begin(QDate(2020, 1, 1), QTime(0, 0));
    const QDateTime end(QDate(2037, 12, 31), QTime(23, 59, 59));
    if (!m_door->setPersonValidity(employeeNo, true, begin, end))
        return tr("Person %1 is not on the door.").arg(employeeNo);
    return tr("Demo: someone gave person %1 access until 2037 by hand in iVMS-4200; a full "
              "reconcile puts it back.")
        .arg(employeeNo);
}

QString DemoEnvironment::personComesToTheDoor(const QString &employeeNo, bool withCard)
{
    std::optional<sim::DevicePerson> person = m_door->person(employeeNo);
    if (!person)
        return tr("Person %1 is not on the door.").arg(employeeNo);
    // The demo's persons are enrolled: a face and a card each, as the desk would have done.
    if (person->numOfFace == 0) {
        person->numOfFace = 1;
        m_door->upsertPerson(*person);
    }
    if (m_door->model().cardsOf(employeeNo).isEmpty())
        m_door->addCard(employeeNo, QStringLiteral("9%1").arg(employeeNo, 9, QLatin1Char('0')));
    m_door->personAtDoor(employeeNo, withCard ? sim::IsapiSimulator::Presented::Card
                                              : sim::IsapiSimulator::Presented::Face);
    return withCard ? tr("Demo: %1 holds their card to the front door.").arg(person->name)
                    : tr("Demo: %1 shows their face at the front door.").arg(person->name);
}

QString DemoEnvironment::strangerComesToTheDoor()
{
    m_door->strangerAtDoor();
    return tr("Demo: a stranger shows their face at the front door.");
}

QString DemoEnvironment::unknownCardAtTheDoor()
{
    m_door->unknownCardAtDoor(QStringLiteral("0012345678"));
    return tr("Demo: someone holds an unknown card to the front door.");
}

QString DemoEnvironment::makeDeviceFail()
{
    m_door->faults().failNext(6, sim::FaultKind::Http500);
    return tr("Demo: the door answers its next 6 requests with a server error.");
}

QString DemoEnvironment::changeDevicePassword()
{
    m_door->setCredentials(sim::IsapiSimulator::defaultUser(),
                           QStringLiteral("changed-by-someone"));
    return tr("Demo: someone changed the door's password; the next sync that reaches the door "
              "(a full reconcile, a change to write, or the 15-minute check) meets a wrong "
              "password and stops trying until the password is fixed.");
}

QString DemoEnvironment::restoreDevicePassword()
{
    m_door->setCredentials(sim::IsapiSimulator::defaultUser(),
                           sim::IsapiSimulator::defaultPassword());
    m_door->auth().resetLocks();
    return tr("Demo: the door's password is back to the one in the settings.");
}

} // namespace cis::gui
