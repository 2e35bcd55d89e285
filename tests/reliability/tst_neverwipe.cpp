// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Promise 5, never wipe a door: an ISAPI delete with an empty list means "everyone", so no path
// may send one; and the deletes we do send name only persons this program created.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "HikvisionClient.h"
#include "IsapiSimulator.h"
#include "ReliabilityRig.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::DevicePerson;
using sim::IsapiSimulator;

namespace {

const QString kUserDelete = QStringLiteral("/ISAPI/AccessControl/UserInfo/Delete");
const QString kCardDelete = QStringLiteral("/ISAPI/AccessControl/CardInfo/Delete");

// The employee numbers a delete request names; nullopt when it names none (a wipe).
std::optional<QStringList> namedInDelete(const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject condition =
        root.value(QStringLiteral("UserInfoDelCond"))
            .toObject(root.value(QStringLiteral("CardInfoDelCond")).toObject());
    const QJsonArray list = condition.value(QStringLiteral("EmployeeNoList")).toArray();
    QStringList named;
    for (const QJsonValue &entry : list) {
        const QString employeeNo = entry.toObject().value(QStringLiteral("employeeNo")).toString();
        if (employeeNo.trimmed().isEmpty())
            return std::nullopt;
        named.append(employeeNo);
    }
    if (named.isEmpty())
        return std::nullopt;
    return named;
}

} // namespace

class TestNeverWipe : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
    QTemporaryDir m_dir;

private slots:
    void theClientRefusesAnEmptyOrBlankListBeforeSending_data()
    {
        QTest::addColumn<QStringList>("employeeNos");
        QTest::addColumn<int>("call"); // 0 persons, 1 cards of persons, 2 cards
        for (int call = 0; call < 3; ++call) {
            QTest::addRow("empty list, call %d", call) << QStringList() << call;
            QTest::addRow("blank number, call %d", call)
                << QStringList{QStringLiteral("1001"), QStringLiteral(" ")} << call;
        }
    }

    void theClientRefusesAnEmptyOrBlankListBeforeSending()
    {
        QFETCH(QStringList, employeeNos);
        QFETCH(int, call);
        IsapiSimulator door(&m_clock);
        door.loadDemoPersons(5);
        QVERIFY(door.listen());
        const qsizetype before = door.persons().size();
        HikvisionConfig config;
        config.baseUrl = door.baseUrl();
        config.username = IsapiSimulator::defaultUser();
        config.password = IsapiSimulator::defaultPassword();
        HikvisionClient client(config);
        std::optional<HikvisionClient::Result<DeleteResult>> result;
        const auto done = [&](HikvisionClient::Result<DeleteResult> r) { result = std::move(r); };
        if (call == 0)
            client.deletePersons(employeeNos, done);
        else if (call == 1)
            client.deleteCardsOfPersons(employeeNos, done);
        else
            client.deleteCards(employeeNos, done);
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->hasValue());
        QCOMPARE(door.receivedRequests().size(), 0); // not even a login
        QCOMPARE(door.persons().size(), before);
    }

    void deletesNameOnlyPersonsWeCreated()
    {
        CardskipperSimulator cardskipper(&m_clock);
        cardskipper.loadDemoData(40, 4);
        QVERIFY(cardskipper.listen());
        IsapiSimulator door(&m_clock);
        door.loadDemoPersons(3); // staff
        DevicePerson handTyped;  // someone the club added by hand in iVMS-4200
        handTyped.employeeNo = QStringLiteral("H-17");
        handTyped.name = QStringLiteral("Vaktmästare Östen");
        door.upsertPerson(handTyped);
        QVERIFY(door.listen());
        QSet<QString> notOurs;
        for (const DevicePerson &person : door.persons())
            notOurs.insert(person.employeeNo);

        auto store = Store::open(m_dir.filePath(QStringLiteral("wipe.sqlite")), m_clock);
        QVERIFY(store);
        AppSettings settings = reliability::settingsFor(cardskipper, door);
        settings.sync.policy.deleteRetentionDays = 0; // delete as soon as access has ended
        const DeviceSettings device = settings.devices.first();
        SyncEngine engine(*store.value(), m_clock);
        engine.setConfiguration(settings, reliability::demoCredentials());
        const auto runSync = [&](RunKind kind, bool force) {
            return reliability::runSync(engine, kind, force);
        };

        QCOMPARE(runSync(RunKind::QuickSync, false).exitCode(), 0);
        QSet<QString> created;
        for (const DevicePerson &person : door.persons()) {
            if (!notOurs.contains(person.employeeNo))
                created.insert(person.employeeNo);
        }
        QVERIFY(created.size() > 20);
        // One person we created is unlinked by the administrator: no longer ours to delete.
        const QString unlinked = *created.begin();
        QVERIFY(store.value()->removeLink(device.id, unlinked));
        created.remove(unlinked);

        // The whole club leaves (forced past the guard), days pass, deletes fall due.
        cardskipper.setMembers({});
        door.clearReceivedRequests();
        runSync(RunKind::FullReconcile, true);
        m_clock.advanceDays(2);
        runSync(RunKind::FullReconcile, true);
        m_clock.advanceDays(2);
        runSync(RunKind::FullReconcile, true);

        int deletes = 0;
        QSet<QString> deleted;
        for (const auto &request : door.receivedRequests()) {
            if (request.path != kUserDelete && request.path != kCardDelete)
                continue;
            ++deletes;
            const auto named = namedInDelete(request.body);
            QVERIFY2(named, request.body.constData());
            for (const QString &employeeNo : *named) {
                QVERIFY2(created.contains(employeeNo), qPrintable(employeeNo));
                deleted.insert(employeeNo);
            }
        }
        QVERIFY(deletes > 0);
        QCOMPARE(deleted, created);
        // Everyone else is still there.
        QSet<QString> remaining;
        for (const DevicePerson &person : door.persons())
            remaining.insert(person.employeeNo);
        QCOMPARE(remaining, notOurs + QSet<QString>{unlinked});
    }
};

QTEST_GUILESS_MAIN(TestNeverWipe)
#include "tst_neverwipe.moc"
