// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Promise 3, fail-safe source: whatever goes wrong on Cardskipper's side (an error, an empty
// list, a cut-off or broken document, a list far smaller than last time), nobody loses access.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "ReliabilityRig.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::DevicePerson;
using sim::FaultKind;
using sim::IsapiSimulator;

Q_DECLARE_METATYPE(cis::sim::FaultKind)

class TestFailSafe : public QObject
{
    Q_OBJECT

private:
    enum class Trouble
    {
        Fault,      // the injector's fault on the export
        EmptyList,  // a well-formed export with no member
        ShrunkList, // a well-formed export with a quarter of the members
    };

    ManualClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
    QTemporaryDir m_dir;

private slots:
    void theSourceFailingNeverRevokesAnyone_data()
    {
        QTest::addColumn<int>("trouble");
        QTest::addColumn<FaultKind>("fault");
        QTest::addColumn<bool>("full");
        QTest::addColumn<QString>("said");
        const QList<std::pair<const char *, FaultKind>> faults{
            {"http 500", FaultKind::Http500},       {"http 503", FaultKind::Http503},
            {"http 429", FaultKind::Http429},       {"timeout", FaultKind::Timeout},
            {"dropped", FaultKind::DropConnection}, {"truncated", FaultKind::TruncatedBody},
            {"malformed", FaultKind::MalformedBody}};
        for (const bool full : {false, true}) {
            const QByteArray kind = full ? " full" : " quick";
            for (const auto &[name, fault] : faults)
                QTest::newRow(QByteArray(QByteArray(name) + kind).constData())
                    << int(Trouble::Fault) << fault << full << QStringLiteral("Cardskipper");
            QTest::newRow(QByteArray("empty list" + kind).constData())
                << int(Trouble::EmptyList) << FaultKind::None << full
                << QStringLiteral("no members");
            QTest::newRow(QByteArray("shrunk list" + kind).constData())
                << int(Trouble::ShrunkList) << FaultKind::None << full << QStringLiteral("fewer");
        }
    }

    void theSourceFailingNeverRevokesAnyone()
    {
        QFETCH(int, trouble);
        QFETCH(FaultKind, fault);
        QFETCH(bool, full);
        QFETCH(QString, said);

        CardskipperSimulator cardskipper(&m_clock);
        cardskipper.loadDemoData(80, 3);
        QVERIFY(cardskipper.listen());
        IsapiSimulator door(&m_clock);
        door.loadDemoPersons(3);
        QVERIFY(door.listen());
        const QString path =
            m_dir.filePath(QStringLiteral("%1.sqlite")
                               .arg(QString::fromLatin1(QTest::currentDataTag())
                                        .replace(QLatin1Char(' '), QLatin1Char('-'))));
        auto store = Store::open(path, m_clock);
        QVERIFY(store);
        AppSettings settings = reliability::settingsFor(cardskipper, door);
        settings.cardskipper.timeoutSeconds = 1;
        SyncEngine engine(*store.value(), m_clock);
        engine.setConfiguration(settings, reliability::demoCredentials());
        const auto runSync = [&](RunKind kind) { return reliability::runSync(engine, kind); };

        QCOMPARE(runSync(RunKind::QuickSync).exitCode(), 0);
        QHash<QString, QDateTime> endBefore;
        for (const DevicePerson &person : door.persons())
            endBefore.insert(person.employeeNo, person.endTime);
        QVERIFY(endBefore.size() > 50);

        switch (Trouble(trouble)) {
        case Trouble::Fault:
            cardskipper.faults().failNext(4, fault); // the call and any retry of it
            break;
        case Trouble::EmptyList:
            cardskipper.setMembers({});
            break;
        case Trouble::ShrunkList: {
            QList<sim::SimMember> members = cardskipper.members();
            cardskipper.setMembers(members.mid(0, members.size() / 4));
            break;
        }
        }
        door.resetCounters();
        m_clock.advanceSeconds(600);
        const RunReport report = runSync(full ? RunKind::FullReconcile : RunKind::QuickSync);

        // Not one write reached the door, and nobody's window moved.
        QCOMPARE(door.totalWriteCount(), 0);
        for (const DevicePerson &person : door.persons())
            QCOMPARE(person.endTime, endBefore.value(person.employeeNo));
        QCOMPARE(report.run.revoked, 0);
        QVERIFY(report.exitCode() != 0);
        // And the administrator is told why.
        const QString why =
            report.run.error + QLatin1Char(' ') + report.guardReasons.join(QLatin1Char(' '));
        QVERIFY2(why.contains(said, Qt::CaseInsensitive), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestFailSafe)
#include "tst_failsafe.moc"
