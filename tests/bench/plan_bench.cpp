// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// plan-bench: the planner alone, at the end of a read where nothing changed
// (docs/performance.md, issue 16's fifth round).
//
//   plan-bench [--members 10000] [--hand-made 25] [--repeats 15]
//
// A club of N members (about 70 % with access) is planned against a door that already holds
// every member with access, each linked as the sync links the persons it creates, and a few
// persons made by hand at the terminal (staff), which the sync never touches. The plan is
// then all "unchanged", "no access" and "not managed": what each door's plan is after a full
// reconcile with nothing to write, made three times at once with three doors. Printed: the time to
// make the plan and the time to free it (the median and the fastest of the repeats), and what the
// plan holds, so that a faster planner is seen to plan the same.
#include "Clock.h"
#include "Member.h"
#include "Planner.h"
#include "SyncTypes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <map>
#include <vector>

using namespace cis;

namespace {

constexpr qint64 kOrganisation = 4711;
constexpr qint64 kRole = 3126;

QList<Member> makeMembers(int count, QDate today)
{
    static const QStringList firstNames{
        QStringLiteral("Åsa"),   QStringLiteral("Björn"), QStringLiteral("Märta"),
        QStringLiteral("Göran"), QStringLiteral("Karin"), QStringLiteral("Östen"),
        QStringLiteral("Per"),   QStringLiteral("Lena"),  QStringLiteral("Renée")};
    static const QStringList lastNames{QStringLiteral("Öberg"),    QStringLiteral("Ängström"),
                                       QStringLiteral("Sjögren"),  QStringLiteral("Lindqvist"),
                                       QStringLiteral("Ekström"),  QStringLiteral("Nyström"),
                                       QStringLiteral("Håkansson")};
    QList<Member> members;
    members.reserve(count);
    for (int i = 0; i < count; ++i) {
        Member member;
        member.key = MemberKey{kOrganisation, 1001 + i};
        member.firstName = firstNames.at(i % firstNames.size());
        member.lastName = lastNames.at((i / firstNames.size()) % lastNames.size());
        member.email = QStringLiteral("member%1@example.se").arg(i);
        // Seven in ten have access now; the others ended between one and 300 days ago.
        const bool active = (i % 10) < 7;
        const QDate start = active ? today.addDays(-(i % 300)) : today.addDays(-700 + (i % 300));
        const QDate end = active ? start.addDays(364) : today.addDays(-1 - (i % 300));
        member.roles.append(
            RolePeriod{kOrganisation, kRole, start, end, QStringLiteral("Member"), QString()});
        members.append(member);
    }
    return members;
}

QVariantMap deviceFields()
{
    QVariantMap fields;
    fields.insert(QStringLiteral("gender"), QStringLiteral("unknown"));
    fields.insert(QStringLiteral("localUIRight"), false);
    fields.insert(QStringLiteral("maxOpenDoorTime"), 0);
    fields.insert(QStringLiteral("userVerifyMode"), QString());
    return fields;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    Clock::pinLocalTimeZone(); // as the programs do
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the planner on a door in step."));
    parser.addHelpOption();
    const QCommandLineOption membersOption(QStringLiteral("members"),
                                           QStringLiteral("Members in the club."),
                                           QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption handMadeOption(
        QStringLiteral("hand-made"), QStringLiteral("Persons made at the terminal, not linked."),
        QStringLiteral("n"), QStringLiteral("25"));
    const QCommandLineOption repeatsOption(QStringLiteral("repeats"),
                                           QStringLiteral("Plans to make."), QStringLiteral("n"),
                                           QStringLiteral("15"));
    parser.addOptions({membersOption, handMadeOption, repeatsOption});
    parser.process(app);
    const int count = std::max(1, parser.value(membersOption).toInt());
    const int handMade = std::max(0, parser.value(handMadeOption).toInt());
    const int repeats = std::max(1, parser.value(repeatsOption).toInt());

    const QDateTime now(QDate(2026, 6, 15), QTime(10, 30, 0));
    PlanInput input;
    input.deviceId = QStringLiteral("door-1");
    input.organisationId = kOrganisation;
    input.now = now;
    input.members = makeMembers(count, now.date());

    // The door as the first sync leaves it: every create done, each with its link.
    const Plan first = makePlan(input);
    const QVariantMap fields = deviceFields();
    for (const PlannedAction &action : first.actions) {
        if (action.kind != ActionKind::Create || !action.after || !action.member)
            continue;
        Person person = *action.after;
        person.numOfCard = 0;
        person.numOfFace = 0;
        person.otherFields = fields;
        input.devicePersons.append(person);
        input.links.append(Link{input.deviceId, person.employeeNo, *action.member,
                                LinkOrigin::Created, now.addDays(-1), QStringLiteral("sync")});
    }
    for (int i = 0; i < handMade; ++i) {
        Person person;
        person.employeeNo = QStringLiteral("staff-%1").arg(i);
        person.name = QStringLiteral("Personal %1 Ödegård").arg(i);
        person.userType = QStringLiteral("normal");
        person.validity = PersonValidity{false, now.addYears(-1), now.addYears(5)};
        person.doorRight = QStringLiteral("1");
        person.otherFields = fields;
        input.devicePersons.append(person);
    }
    std::sort(input.devicePersons.begin(), input.devicePersons.end(),
              [](const Person &a, const Person &b) { return a.employeeNo < b.employeeNo; });

    std::vector<double> makeMs;
    std::vector<double> freeMs;
    std::map<ActionKind, int> kinds;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto plan = std::make_unique<Plan>(makePlan(input));
        makeMs.push_back(double(timer.nsecsElapsed()) / 1.0e6);
        if (i == 0) {
            for (const PlannedAction &action : plan->actions)
                ++kinds[action.kind];
        }
        timer.restart();
        plan.reset();
        freeMs.push_back(double(timer.nsecsElapsed()) / 1.0e6);
    }

    QTextStream out(stdout);
    out << "members " << count << ", persons " << input.devicePersons.size() << ", links "
        << input.links.size() << ", repeats " << repeats << '\n';
    out << "plan: unchanged " << kinds[ActionKind::Unchanged] << ", no access "
        << kinds[ActionKind::NoAccess] << ", not managed " << kinds[ActionKind::NotManaged]
        << ", writes "
        << (kinds[ActionKind::Create] + kinds[ActionKind::UpdateValidity] +
            kinds[ActionKind::Rename] + kinds[ActionKind::Revoke] + kinds[ActionKind::Delete])
        << '\n';
    out << Qt::fixed << qSetRealNumberPrecision(1);
    out << "make: median " << median(makeMs) << " ms, fastest "
        << *std::min_element(makeMs.begin(), makeMs.end()) << " ms\n";
    out << "free: median " << median(freeMs) << " ms, fastest "
        << *std::min_element(freeMs.begin(), freeMs.end()) << " ms\n";
    return 0;
}
