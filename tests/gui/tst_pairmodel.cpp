// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "PairFilterModel.h"
#include "PairModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

using namespace cis;
using namespace cis::gui;

namespace {

constexpr qint64 kOrg = 4711;

Member member(qint64 number, const QString &first, const QString &last, const QString &email)
{
    Member m;
    m.key = MemberKey{kOrg, number};
    m.firstName = first;
    m.lastName = last;
    m.email = email;
    return m;
}

Person person(const QString &employeeNo, const QString &name, QDate end)
{
    Person p;
    p.employeeNo = employeeNo;
    p.name = name;
    p.validity.enabled = true;
    p.validity.begin = QDateTime(QDate(2024, 1, 1), QTime(0, 0));
    p.validity.end = QDateTime(end, QTime(23, 59, 59));
    return p;
}

PlannedAction action(ActionKind kind, const QString &employeeNo, std::optional<Member> m,
                     std::optional<Person> before, std::optional<Person> after)
{
    PlannedAction a;
    a.kind = kind;
    a.employeeNo = employeeNo;
    if (m) {
        a.member = m->key;
        a.memberName = m->firstName + QLatin1Char(' ') + m->lastName;
    }
    a.before = std::move(before);
    a.after = std::move(after);
    a.reason = QStringLiteral("reason for ") + employeeNo;
    return a;
}

struct Fixture
{
    Plan plan;
    QList<Member> members;
};

// One action of every kind (plus a shortened validity), in a known row order.
Fixture everyKind()
{
    Fixture f;
    const Member asa = member(101, QStringLiteral("Åsa"), QStringLiteral("Öberg"),
                              QStringLiteral("Asa.Oberg@Example.se"));
    const Member bo =
        member(102, QStringLiteral("Bo"), QStringLiteral("Ek"), QStringLiteral("bo@example.se"));
    const Member cid = member(103, QStringLiteral("Cid"), QStringLiteral("Lund"),
                              QStringLiteral("cid@example.se"));
    const Member dan = member(104, QStringLiteral("Dan"), QStringLiteral("Berg"),
                              QStringLiteral("dan@example.se"));
    const Member eva = member(105, QStringLiteral("Eva"), QStringLiteral("Ström"),
                              QStringLiteral("eva@example.se"));
    const Member fia = member(106, QStringLiteral("Fia"), QStringLiteral("Holm"),
                              QStringLiteral("fia@example.se"));
    const Member gus =
        member(107, QStringLiteral("Gus"), QStringLiteral("Sjö"), QStringLiteral("gus@example.se"));
    const Member hal =
        member(108, QStringLiteral("Hal"), QStringLiteral("Ås"), QStringLiteral("hal@example.se"));
    const Member ida = member(109, QStringLiteral("Ida"), QStringLiteral("Nord"),
                              QStringLiteral("ida@example.se"));
    const Member jon =
        member(110, QStringLiteral("Jon"), QStringLiteral("Syd"), QStringLiteral("jon@example.se"));
    f.members = {asa, bo, cid, dan, eva, fia, gus, hal, ida, jon};

    const QDate d2026(2026, 12, 31), d2027(2027, 12, 31), d2025(2025, 6, 30);
    f.plan.deviceId = QStringLiteral("front");
    f.plan.actions = {
        // 0 Unchanged
        action(ActionKind::Unchanged, QStringLiteral("101"), asa,
               person(QStringLiteral("101"), QStringLiteral("Åsa Öberg"), d2026),
               person(QStringLiteral("101"), QStringLiteral("Åsa Öberg"), d2026)),
        // 1 Create
        action(ActionKind::Create, QStringLiteral("102"), bo, std::nullopt,
               person(QStringLiteral("102"), QStringLiteral("Bo Ek"), d2026)),
        // 2 UpdateValidity, extended
        action(ActionKind::UpdateValidity, QStringLiteral("103"), cid,
               person(QStringLiteral("103"), QStringLiteral("Cid Lund"), d2026),
               person(QStringLiteral("103"), QStringLiteral("Cid Lund"), d2027)),
        // 3 UpdateValidity, shortened
        action(ActionKind::UpdateValidity, QStringLiteral("104"), dan,
               person(QStringLiteral("104"), QStringLiteral("Dan Berg"), d2027),
               person(QStringLiteral("104"), QStringLiteral("Dan Berg"), d2026)),
        // 4 Rename
        action(ActionKind::Rename, QStringLiteral("105"), eva,
               person(QStringLiteral("105"), QStringLiteral("Eva Strom"), d2026),
               person(QStringLiteral("105"), QStringLiteral("Eva Ström"), d2026)),
        // 5 Revoke
        action(ActionKind::Revoke, QStringLiteral("106"), fia,
               person(QStringLiteral("106"), QStringLiteral("Fia Holm"), d2026),
               person(QStringLiteral("106"), QStringLiteral("Fia Holm"), d2025)),
        // 6 Delete
        action(ActionKind::Delete, QStringLiteral("107"), gus,
               person(QStringLiteral("107"), QStringLiteral("Gus Sjö"), d2025), std::nullopt),
        // 7 Conflict
        action(ActionKind::Conflict, QStringLiteral("108"), hal,
               person(QStringLiteral("108"), QStringLiteral("Someone Else"), d2026), std::nullopt),
        // 8 AwaitingMatch
        action(ActionKind::AwaitingMatch, QString(), ida, std::nullopt, std::nullopt),
        // 9 NoAccess
        action(ActionKind::NoAccess, QString(), jon, std::nullopt, std::nullopt),
        // 10 NotManaged
        action(ActionKind::NotManaged, QStringLiteral("9001"), std::nullopt,
               person(QStringLiteral("9001"), QStringLiteral("Staff Person"), d2027), std::nullopt),
    };
    f.plan.actions[7].warnings = {QStringLiteral("shared email")};
    return f;
}

} // namespace

class TestPairModel : public QObject
{
    Q_OBJECT

private:
    static QString text(const QAbstractItemModel &model, int row, int column,
                        int role = Qt::DisplayRole)
    {
        return model.index(row, column).data(role).toString();
    }

    static QStringList visibleEmployeeNos(const QAbstractItemModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, 0).data(PairModel::EmployeeNoRole).toString());
        return out;
    }

    static QStringList visibleMemberNames(const QAbstractItemModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(text(model, row, PairModel::MemberName));
        return out;
    }

private slots:
    void passesTheModelTester()
    {
        PairModel model;
        PairFilterModel filter;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Fixture f = everyKind();
        model.setPlan(f.plan, f.members);
        filter.sort(PairModel::MemberName);
        filter.setSearchText(QStringLiteral("oberg"));
        filter.setStatusGroups({PairModel::InSync});
        filter.setStatusGroups({});
        filter.setSearchText(QString());
        model.setPlan(Plan(), {});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(filter.rowCount(), 0);
        model.setPlan(f.plan, f.members);
        QCOMPARE(filter.rowCount(), f.plan.actions.size());
    }

    void credentialsComeFromTheTerminalsOwnCounts()
    {
        Person person;
        QCOMPARE(PairModel::credentialsText(person), QStringLiteral("Not reported"));
        person.numOfCard = 0;
        person.numOfFace = 0;
        QCOMPARE(PairModel::credentialsText(person), QStringLiteral("None"));
        person.numOfCard = 1;
        QCOMPARE(PairModel::credentialsText(person), QStringLiteral("Card"));
        person.numOfCard = 2;
        QVERIFY(PairModel::credentialsText(person).startsWith(QStringLiteral("2 card")));
        person.numOfFace = 1;
        QCOMPARE(PairModel::credentialsText(person), QStringLiteral("Card and face"));
        person.numOfCard = 0;
        QCOMPARE(PairModel::credentialsText(person), QStringLiteral("Face"));
        // Only the face reported, and none: the card count is unknown, so not "none".
        person.numOfCard = -1;
        person.numOfFace = 0;
        QCOMPARE(PairModel::credentialsText(person), QStringLiteral("Not reported"));
    }

    void headers()
    {
        PairModel model;
        QCOMPARE(model.columnCount(), int(PairModel::ColumnCount));
        const QStringList expected{QStringLiteral("Member"),
                                   QStringLiteral("Email"),
                                   QStringLiteral("Member no."),
                                   QStringLiteral("Status"),
                                   QStringLiteral("Credentials"),
                                   QStringLiteral("Employee no."),
                                   QStringLiteral("Person on the door"),
                                   QStringLiteral("Membership ends"),
                                   QStringLiteral("Valid until (door)")};
        for (int column = 0; column < expected.size(); ++column)
            QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), expected.at(column));
    }

    void everyKindShowsItsStatusAndGroup_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("group");
        QTest::addColumn<QColor>("color");
        const QColor green(0x2e, 0x9e, 0x44), blue(0x1f, 0x6f, 0xd1), orange(0xe6, 0x8a, 0x00),
            red(0xd0, 0x2c, 0x2c), grey(0x8c, 0x8c, 0x8c);
        QTest::newRow("unchanged") << 0 << "In sync" << int(PairModel::InSync) << green;
        QTest::newRow("create") << 1 << "Will be created" << int(PairModel::WillCreate) << blue;
        QTest::newRow("extend") << 2 << "Will be extended" << int(PairModel::WillExtend) << blue;
        QTest::newRow("shorten") << 3 << "Will be shortened" << int(PairModel::WillShorten)
                                 << orange;
        QTest::newRow("rename") << 4 << "Will be renamed" << int(PairModel::WillRename) << blue;
        QTest::newRow("revoke") << 5 << "Will be revoked" << int(PairModel::WillRevoke) << orange;
        QTest::newRow("delete") << 6 << "Will be deleted" << int(PairModel::WillRevoke) << orange;
        QTest::newRow("conflict") << 7 << "Conflict" << int(PairModel::Conflict) << red;
        QTest::newRow("awaiting") << 8 << "Suggested match" << int(PairModel::Suggested)
                                  << QColor(0x8e, 0x44, 0xad);
        QTest::newRow("no access") << 9 << "No access" << int(PairModel::NoAccess) << grey;
        QTest::newRow("not managed")
            << 10 << "Not in Cardskipper: not touched" << int(PairModel::OnDoorOnly) << grey;
    }

    void everyKindShowsItsStatusAndGroup()
    {
        QFETCH(int, row);
        QFETCH(QString, status);
        QFETCH(int, group);
        QFETCH(QColor, color);
        PairModel model;
        const Fixture f = everyKind();
        model.setPlan(f.plan, f.members);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(text(model, row, PairModel::Status), status);
        QCOMPARE(model.index(row, 0).data(PairModel::StatusGroupRole).toInt(), group);
        QCOMPARE(model.index(row, 0).data(PairModel::ActionKindRole).toInt(),
                 int(f.plan.actions.at(row).kind));
        QCOMPARE(model.index(row, PairModel::Status).data(Qt::DecorationRole).value<QColor>(),
                 color);
        QCOMPARE(model.actionAt(row)->kind, f.plan.actions.at(row).kind);
        QCOMPARE(text(model, row, PairModel::Status, PairModel::ReasonRole),
                 f.plan.actions.at(row).reason);
    }

    void cellsShowBothSides()
    {
        PairModel model;
        const Fixture f = everyKind();
        model.setPlan(f.plan, f.members);
        // In sync: both sides.
        QCOMPARE(text(model, 0, PairModel::MemberName), QStringLiteral("Åsa Öberg"));
        QCOMPARE(text(model, 0, PairModel::MemberEmail), QStringLiteral("Asa.Oberg@Example.se"));
        QCOMPARE(text(model, 0, PairModel::MemberNumber), QStringLiteral("101"));
        QCOMPARE(text(model, 0, PairModel::EmployeeNo), QStringLiteral("101"));
        QCOMPARE(text(model, 0, PairModel::PersonName), QStringLiteral("Åsa Öberg"));
        QCOMPARE(text(model, 0, PairModel::PersonValidUntil), QStringLiteral("2026-12-31"));
        QCOMPARE(model.index(0, 0).data(PairModel::MemberIdRole).toLongLong(), 101);
        // Create: no person yet; the door side shows the person the sync will write.
        QCOMPARE(text(model, 1, PairModel::PersonName), QStringLiteral("Bo Ek"));
        QCOMPARE(text(model, 1, PairModel::EmployeeNo), QStringLiteral("102"));
        QVERIFY(text(model, 1, PairModel::PersonValidUntil).startsWith(QStringLiteral("→ ")));
        QCOMPARE(text(model, 1, 0, PairModel::EmployeeNoRole), QStringLiteral("102"));
        // Validity changes show old → new.
        QCOMPARE(text(model, 2, PairModel::PersonValidUntil),
                 QStringLiteral("2026-12-31 → 2027-12-31"));
        QCOMPARE(text(model, 3, PairModel::PersonValidUntil),
                 QStringLiteral("2027-12-31 → 2026-12-31"));
        QCOMPARE(text(model, 5, PairModel::PersonValidUntil),
                 QStringLiteral("2026-12-31 → 2025-06-30"));
        QCOMPARE(text(model, 6, PairModel::PersonValidUntil), QStringLiteral("2025-06-30"));
        QCOMPARE(text(model, 4, PairModel::PersonName), QStringLiteral("Eva Strom → Eva Ström"));
        // Not managed: no member side.
        QCOMPARE(text(model, 10, PairModel::MemberName), QString());
        QCOMPARE(text(model, 10, PairModel::MemberEmail), QString());
        QCOMPARE(text(model, 10, PairModel::MemberNumber), QString());
        QVERIFY(!model.index(10, 0).data(PairModel::MemberIdRole).isValid());
        QCOMPARE(text(model, 10, PairModel::PersonName), QStringLiteral("Staff Person"));
        // Tool tip: reason plus warnings.
        QCOMPARE(text(model, 7, PairModel::Status, Qt::ToolTipRole),
                 QStringLiteral("reason for 108\nshared email"));
    }

    void memberMissingFromTheListFallsBackToTheActionName()
    {
        PairModel model;
        const Fixture f = everyKind();
        model.setPlan(f.plan, {});
        QCOMPARE(text(model, 1, PairModel::MemberName), QStringLiteral("Bo Ek"));
        QCOMPARE(text(model, 1, PairModel::MemberEmail), QString());
        QCOMPARE(text(model, 1, PairModel::MemberNumber), QStringLiteral("102"));
    }

    void guardHeldWritesShowHeld()
    {
        PairModel model;
        Fixture f = everyKind();
        f.plan.guard.held = true;
        f.plan.guard.reasons = {QStringLiteral("too many revokes")};
        model.setPlan(f.plan, f.members);
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool write = f.plan.actions.at(row).isWrite();
            QCOMPARE(text(model, row, PairModel::Status) == QStringLiteral("Held by the guard"),
                     write);
            QCOMPARE(model.index(row, 0).data(PairModel::StatusGroupRole).toInt() ==
                         PairModel::Held,
                     write);
        }
        QCOMPARE(model.countOf(PairModel::Held), 6);
        QCOMPARE(model.countOf(PairModel::WillCreate), 0);
        QCOMPARE(model.countOf(PairModel::InSync), 1);
        QVERIFY(text(model, 1, PairModel::Status, Qt::ToolTipRole)
                    .contains(QStringLiteral("too many revokes")));
    }

    void countsPerGroup()
    {
        PairModel model;
        const Fixture f = everyKind();
        model.setPlan(f.plan, f.members);
        QCOMPARE(model.countOf(PairModel::InSync), 1);
        QCOMPARE(model.countOf(PairModel::WillCreate), 1);
        QCOMPARE(model.countOf(PairModel::WillExtend), 1);
        QCOMPARE(model.countOf(PairModel::WillShorten), 1); // not counted as "extended"
        QCOMPARE(model.countOf(PairModel::WillRename), 1);
        QCOMPARE(model.countOf(PairModel::WillRevoke), 2);
        QCOMPARE(model.countOf(PairModel::Held), 0);
        QCOMPARE(model.countOf(PairModel::Conflict), 1);
        QCOMPARE(model.countOf(PairModel::Suggested), 1);
        QCOMPARE(model.countOf(PairModel::NoAccess), 1);
        QCOMPARE(model.countOf(PairModel::OnDoorOnly), 1);
        QCOMPARE(PairModel::groupName(PairModel::Conflict), QStringLiteral("Conflicts"));
        QCOMPARE(PairModel::groupName(PairModel::InSync), QStringLiteral("In sync"));
        for (int g = PairModel::InSync; g < PairModel::GroupCount; ++g)
            QVERIFY(!PairModel::groupName(PairModel::StatusGroup(g)).isEmpty());
        QCOMPARE(model.actionAt(-1), nullptr);
        QCOMPARE(model.actionAt(11), nullptr);
    }

    void searchFindsNamesEmailsAndNumbers_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("employeeNos");
        QTest::newRow("without diacritics") << "oberg" << QStringList{QStringLiteral("101")};
        QTest::newRow("with diacritics") << "Åsa Öberg" << QStringList{QStringLiteral("101")};
        QTest::newRow("upper case") << "ÖBERG" << QStringList{QStringLiteral("101")};
        QTest::newRow("email") << "asa.oberg@example" << QStringList{QStringLiteral("101")};
        QTest::newRow("email of member") << "jon@example.se" << QStringList{QString()};
        QTest::newRow("member number") << "109" << QStringList{QString()};
        QTest::newRow("employee no") << "9001" << QStringList{QStringLiteral("9001")};
        QTest::newRow("person name") << "someone" << QStringList{QStringLiteral("108")};
        QTest::newRow("renamed person") << "strom" << QStringList{QStringLiteral("105")};
        QTest::newRow("nothing") << "zzz" << QStringList{};
    }

    void searchFindsNamesEmailsAndNumbers()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, employeeNos);
        PairModel model;
        PairFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Fixture f = everyKind();
        model.setPlan(f.plan, f.members);
        filter.setSearchText(search);
        QCOMPARE(visibleEmployeeNos(filter), employeeNos);
        filter.setSearchText(QString());
        QCOMPARE(filter.rowCount(), model.rowCount());
    }

    void statusGroupFilter()
    {
        PairModel model;
        PairFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Fixture f = everyKind();
        model.setPlan(f.plan, f.members);
        filter.setStatusGroups({PairModel::WillRevoke});
        QCOMPARE(visibleEmployeeNos(filter),
                 (QStringList{QStringLiteral("106"), QStringLiteral("107")}));
        filter.setStatusGroups({PairModel::InSync, PairModel::OnDoorOnly});
        QCOMPARE(visibleEmployeeNos(filter),
                 (QStringList{QStringLiteral("101"), QStringLiteral("9001")}));
        // Combined with text.
        filter.setSearchText(QStringLiteral("staff"));
        QCOMPARE(visibleEmployeeNos(filter), QStringList{QStringLiteral("9001")});
        filter.setSearchText(QString());
        filter.setStatusGroups({});
        QCOMPARE(filter.rowCount(), 11);
        // A new plan keeps the filter applied.
        filter.setStatusGroups({PairModel::Conflict});
        model.setPlan(f.plan, f.members);
        QCOMPARE(visibleEmployeeNos(filter), QStringList{QStringLiteral("108")});
    }

    void sortsCaseInsensitivelyAndNumbersAsNumbers()
    {
        PairModel model;
        PairFilterModel filter;
        filter.setSourceModel(&model);
        Fixture f;
        const Member a = member(9, QStringLiteral("bertil"), QStringLiteral("x"), QString());
        const Member b = member(10, QStringLiteral("Adam"), QStringLiteral("x"), QString());
        const Member c = member(100, QStringLiteral("Carl"), QStringLiteral("x"), QString());
        f.members = {a, b, c};
        const QDate end(2026, 1, 1);
        f.plan.actions = {
            action(ActionKind::Unchanged, QStringLiteral("100"), c,
                   person(QStringLiteral("100"), QStringLiteral("Carl x"), end), std::nullopt),
            action(ActionKind::Unchanged, QStringLiteral("9"), a,
                   person(QStringLiteral("9"), QStringLiteral("bertil x"), end), std::nullopt),
            action(ActionKind::Unchanged, QStringLiteral("10"), b,
                   person(QStringLiteral("10"), QStringLiteral("Adam x"), end), std::nullopt),
        };
        model.setPlan(f.plan, f.members);
        filter.sort(PairModel::MemberName, Qt::AscendingOrder);
        QCOMPARE(visibleMemberNames(filter),
                 (QStringList{QStringLiteral("Adam x"), QStringLiteral("bertil x"),
                              QStringLiteral("Carl x")}));
        filter.sort(PairModel::MemberNumber, Qt::AscendingOrder);
        QCOMPARE(visibleEmployeeNos(filter),
                 (QStringList{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("100")}));
        filter.sort(PairModel::EmployeeNo, Qt::DescendingOrder);
        QCOMPARE(visibleEmployeeNos(filter),
                 (QStringList{QStringLiteral("100"), QStringLiteral("10"), QStringLiteral("9")}));
    }

    void loadsTenThousandRows()
    {
        PairModel model;
        PairFilterModel filter;
        filter.setSourceModel(&model);
        Fixture f;
        const QDate end(2026, 12, 31);
        for (int i = 0; i < 10000; ++i) {
            const Member m =
                member(1000 + i, QStringLiteral("First%1").arg(i), QStringLiteral("Lästname"),
                       QStringLiteral("m%1@example.se").arg(i));
            f.members.append(m);
            const QString employeeNo = QString::number(1000 + i);
            f.plan.actions.append(
                i % 2 == 0 ? action(ActionKind::Unchanged, employeeNo, m,
                                    person(employeeNo, m.displayName(), end), std::nullopt)
                           : action(ActionKind::Create, employeeNo, m, std::nullopt,
                                    person(employeeNo, m.displayName(), end)));
        }
        model.setPlan(f.plan, f.members);
        filter.sort(PairModel::MemberName);
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(filter.rowCount(), 10000);
        QCOMPARE(model.countOf(PairModel::InSync), 5000);
        QCOMPARE(model.countOf(PairModel::WillCreate), 5000);
        filter.setSearchText(QStringLiteral("m9999@"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setSearchText(QStringLiteral("lastname"));
        QCOMPARE(filter.rowCount(), 10000);
        filter.setSearchText(QString());
        filter.setStatusGroups({PairModel::WillCreate});
        QCOMPARE(filter.rowCount(), 5000);
    }
};

QTEST_MAIN(TestPairModel)
#include "tst_pairmodel.moc"
