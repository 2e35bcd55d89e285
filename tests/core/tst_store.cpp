// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Store.h"
#include "WalCheckpointer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <time.h>
#endif

using namespace cis;

namespace {

const QDateTime kNow(QDate(2026, 11, 28), QTime(10, 0, 0));
constexpr qint64 kOrg = 4711;

// A plain connection of the test's own, for building and inspecting files behind the Store's
// back.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("tst-raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool isOpen() const { return m_open; }

    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (query.exec(sql))
            return true;
        qWarning().noquote() << sql << "failed:" << query.lastError().text();
        return false;
    }

    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Member sampleMember(qint64 memberId)
{
    Member member;
    member.key = {kOrg, memberId};
    member.firstName = QStringLiteral("Åsa");
    member.lastName = QStringLiteral("Öberg-Ängström");
    member.birthDate = QDate(1990, 5, 17);
    member.email = QStringLiteral("asa.%1@example.se").arg(memberId);
    member.cellPhone1 = QStringLiteral("+46 70 123 45 67");
    member.inactive = memberId % 2 == 0;
    member.roles = {RolePeriod{kOrg, 3126, QDate(2026, 1, 1), QDate(2026, 12, 31),
                               QStringLiteral("Medlem"), QStringLiteral("Gym")},
                    RolePeriod{9999, 12, QDate(2025, 1, 1), QDate(2025, 12, 31), {}, {}}};
    member.tags = {QStringLiteral("styrelse"), QStringLiteral("nyckel ä")};
    return member;
}

Person samplePerson(const QString &employeeNo)
{
    Person person;
    person.employeeNo = employeeNo;
    person.name = QStringLiteral("Åsa Öberg-Ängström");
    person.givenName = QStringLiteral("Åsa");
    person.familyName = QStringLiteral("Öberg-Ängström");
    person.userType = QStringLiteral("normal");
    person.validity = {true, QDateTime(QDate(2026, 1, 1), QTime(0, 0, 0)),
                       QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59))};
    person.doorRight = QStringLiteral("1,3");
    person.rightPlans = {DoorPlan{1, QStringLiteral("1")}, DoorPlan{3, QStringLiteral("2")}};
    person.numOfCard = 2;
    person.numOfFace = -1;
    person.numOfFP = 0;
    person.otherFields =
        QJsonDocument::fromJson(R"({"gender":"female","belongGroup":"","localUIRight":false,)"
                                R"("maxOpenDoorTime":0,"checkUser":true,"score":1.5,)"
                                R"("PersonInfoExtends":[{"value":"ö"}],"nested":{"a":1}})")
            .object()
            .toVariantMap();
    return person;
}

Link sampleLink(const QString &deviceId, const QString &employeeNo, qint64 memberId)
{
    return Link{deviceId,
                employeeNo,
                MemberKey{kOrg, memberId},
                LinkOrigin::Suggested,
                kNow.addSecs(-600),
                QStringLiteral("admin")};
}

OperationRecord sampleOperation(qint64 runId, const QString &employeeNo, qint64 memberId)
{
    OperationRecord op;
    op.runId = runId;
    op.deviceId = QStringLiteral("door-1");
    op.employeeNo = employeeNo;
    op.member = MemberKey{kOrg, memberId};
    op.action = ActionKind::UpdateValidity;
    op.before = samplePerson(employeeNo);
    Person after = samplePerson(employeeNo);
    after.validity.end = QDateTime(QDate(2027, 12, 31), QTime(23, 59, 59));
    op.after = after;
    op.at = kNow;
    return op;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;

    QString path(const QString &name = QStringLiteral("store.sqlite")) const
    {
        return m_dir->filePath(name);
    }

    std::unique_ptr<Store> openStore(const QString &file)
    {
        auto result = Store::open(file, *m_clock);
        if (!result) {
            qWarning().noquote() << result.error().message;
            return nullptr;
        }
        return std::move(result).value();
    }

private slots:
    void initTestCase()
    {
#ifdef Q_OS_UNIX
        // The product's home time zone, with daylight saving, so that local times are tested
        // where they can go wrong.
        qputenv("TZ", "Europe/Stockholm");
        tzset();
#endif
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(kNow);
    }

    void cleanup()
    {
        m_dir.reset();
        QVERIFY2(QSqlDatabase::connectionNames().isEmpty(),
                 qPrintable(QSqlDatabase::connectionNames().join(QLatin1Char(','))));
    }

    // ---- Opening, schema, migrations ----------------------------------------------------------

    void freshDatabaseGetsTheLatestSchema()
    {
        const QString file = m_dir->filePath(QStringLiteral("a/b/c/store.sqlite"));
        {
            auto store = openStore(file);
            QVERIFY(store);
            QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
            QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
        }
        QVERIFY(QFile::exists(file));
        RawDb raw(file);
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(),
                 Store::latestSchemaVersion());
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        for (const char *table : {"members", "meta", "devices", "device_persons", "links",
                                  "rejected_suggestions", "overrides", "runs", "operations"}) {
            QVERIFY2(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                              "'table' AND name = '%1'")
                                   .arg(QLatin1String(table)))
                             .toInt() == 1,
                     table);
        }
        for (const char *index : {"operations_status", "operations_run", "operations_member"}) {
            QVERIFY2(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                              "'index' AND name = '%1'")
                                   .arg(QLatin1String(index)))
                             .toInt() == 1,
                     index);
        }
    }

    void inMemoryDatabaseWorks()
    {
        auto store = openStore(QStringLiteral(":memory:"));
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(1)}));
        QCOMPARE(store->memberCount(kOrg), 1);
        // A second in-memory store is a different database.
        auto other = openStore(QStringLiteral(":memory:"));
        QVERIFY(other);
        QCOMPARE(other->memberCount(kOrg), 0);
    }

    void reopeningKeepsTheSchemaAndData()
    {
        {
            auto store = openStore(path());
            QVERIFY(store);
            QVERIFY(store->setMeta(QStringLiteral("k"), QStringLiteral("v")));
        }
        auto store = openStore(path());
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(store->meta(QStringLiteral("k")), QStringLiteral("v"));
    }

    void migratesFromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("empty file") << 0;
        for (int version = 1; version < Store::latestSchemaVersion(); ++version)
            QTest::addRow("schema %d", version) << version;
    }

    void migratesFromEveryOlderVersion()
    {
        QFETCH(int, version);
        const QString file = path();
        {
            QFile empty(file);
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        {
            RawDb raw(file);
            QVERIFY(raw.isOpen());
            for (int v = 1; v <= version; ++v) {
                QVERIFY(raw.exec(QStringLiteral("BEGIN")));
                const QStringList statements = Store::migrationStatements(v);
                QVERIFY(!statements.isEmpty());
                for (const QString &statement : statements)
                    QVERIFY(raw.exec(statement));
                QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(v)));
                QVERIFY(raw.exec(QStringLiteral("COMMIT")));
            }
            if (version >= 1) {
                QVERIFY(raw.exec(QStringLiteral(
                    "INSERT INTO members (org_id, member_id, first_name, last_name, email,"
                    " birth_date, inactive, roles, tags, updated_at) VALUES (4711, 7, 'Åsa',"
                    " 'Öberg', 'asa@example.se', '1990-05-17', 0, '[{\"organisationId\":4711,"
                    "\"roleId\":3126,\"start\":\"2026-01-01\",\"end\":\"2026-12-31\","
                    "\"type\":\"Medlem\",\"organisationUnit\":\"\"}]', '[\"styrelse\"]',"
                    " '2026-11-01T09:00:00')")));
                QVERIFY(raw.exec(QStringLiteral(
                    "INSERT INTO meta (key, value) VALUES ('last-member-count', '1')")));
                QVERIFY(raw.exec(QStringLiteral(
                    "INSERT INTO links (device_id, employee_no, org_id, member_id, origin,"
                    " created_at, created_by) VALUES ('door-1', 'CS7', 4711, 7, 'created',"
                    " '2026-11-01T09:00:00', 'sync')")));
                QVERIFY(raw.exec(QStringLiteral(
                    "INSERT INTO overrides (org_id, member_id, allow_until, blocked, note,"
                    " changed_at, changed_by) VALUES (4711, 7, '2026-12-24', 0, 'jul',"
                    " '2026-11-01T09:00:00', 'admin')")));
            }
            if (version >= 2) {
                QVERIFY(raw.exec(
                    QStringLiteral("INSERT INTO runs (kind, started_at, status) VALUES ('quick',"
                                   " '2026-11-01T09:00:00', 'running')")));
                QVERIFY(raw.exec(QStringLiteral(
                    "INSERT INTO operations (run_id, device_id, employee_no, org_id, member_id,"
                    " action, status, at) VALUES (1, 'door-1', 'CS7', 4711, 7, 'revoke',"
                    " 'pending', '2026-11-01T09:00:01')")));
            }
            if (version >= 4) {
                // Two entries of the member's and a refusal: the last entry is the later one.
                for (const char *values :
                     {"'door-1', 1, 5, '2026-11-20T08:00:00.000Z', 5, 75, 'granted', 'CS7'",
                      "'door-1', 1, 6, '2026-11-21T08:00:00.000Z', 5, 75, 'granted', 'CS7'",
                      "'door-1', 1, 7, '2026-11-22T08:00:00.000Z', 5, 6, 'refused', 'CS7'"})
                    QVERIFY(raw.exec(QStringLiteral("INSERT INTO door_events (device_id, epoch,"
                                                    " serial_no, occurred_at, major, minor,"
                                                    " outcome, employee_no) VALUES (%1)")
                                         .arg(QLatin1String(values))));
                // From schema 5 on the store keeps each person's last entry as events arrive.
                if (version >= 5)
                    QVERIFY(raw.exec(QStringLiteral(
                        "INSERT INTO person_last_entry (device_id, employee_no, occurred_at)"
                        " VALUES ('door-1', 'CS7', '2026-11-21T08:00:00.000Z')")));
            }
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), version);
        }

        auto store = openStore(file);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE(store->integrityCheck(), QStringLiteral("ok"));
        if (version >= 1) {
            const QList<Member> members = store->members(kOrg);
            QCOMPARE(members.size(), 1);
            QCOMPARE(members[0].key, (MemberKey{kOrg, 7}));
            QCOMPARE(members[0].firstName, QStringLiteral("Åsa"));
            QCOMPARE(members[0].birthDate, QDate(1990, 5, 17));
            QCOMPARE(members[0].roles.size(), 1);
            QCOMPARE(members[0].roles[0].end, QDate(2026, 12, 31));
            QCOMPARE(members[0].tags, QStringList{QStringLiteral("styrelse")});
            QCOMPARE(store->meta(QStringLiteral("last-member-count")), QStringLiteral("1"));
            const auto link = store->linkFor(QStringLiteral("door-1"), QStringLiteral("CS7"));
            QVERIFY(link);
            QCOMPARE(link->origin, LinkOrigin::Created);
            QCOMPARE(link->createdAt, QDateTime(QDate(2026, 11, 1), QTime(9, 0, 0)));
            const auto memberOverride = store->overrideFor({kOrg, 7});
            QVERIFY(memberOverride);
            QCOMPARE(memberOverride->allowUntil, QDate(2026, 12, 24));
            QCOMPARE(memberOverride->note, QStringLiteral("jul"));
        } else {
            QCOMPARE(store->memberCount(kOrg), 0);
        }
        if (version >= 2) {
            const QList<OperationRecord> pending = store->pendingOperations();
            QCOMPARE(pending.size(), 1);
            QCOMPARE(pending[0].action, ActionKind::Revoke);
            QCOMPARE(pending[0].runId, qint64(1));
            QVERIFY(!pending[0].before);
            QCOMPARE(store->runs().size(), 1);
        }
        if (version >= 4) {
            const auto visits = store->memberVisits(kOrg, QDateTime(QDate(2026, 11, 1), {}));
            QCOMPARE(visits.value(7).lastVisit,
                     QDateTime(QDate(2026, 11, 21), QTime(8, 0), QTimeZone::utc()));
            QCOMPARE(visits.value(7).days, 2);
        }
        // What the newer migrations added works.
        const qint64 runId = store->beginRun(RunKind::FullReconcile, kNow);
        QVERIFY(runId > 0);
        QVERIFY(store->journalOperation(sampleOperation(runId, QStringLiteral("CS7"), 7)) > 0);
        QCOMPARE(store->operationsForMember({kOrg, 7}).size(), version >= 2 ? 2 : 1);
        MemberCard card;
        card.member = {kOrg, 7};
        card.cardNo = QStringLiteral("3308812528");
        QVERIFY(store->addMemberCard(card));
        QCOMPARE(store->memberCards({kOrg, 7}).size(), 1);
        OperationRecord cardAdd = sampleOperation(runId, QStringLiteral("CS7"), 7);
        cardAdd.action = ActionKind::CardAdd;
        cardAdd.detail = card.cardNo;
        const qint64 cardOp = store->journalOperation(cardAdd);
        QCOMPARE(store->operation(cardOp)->detail, card.cardNo);
        if (version >= 2)
            QCOMPARE(store->pendingOperations().first().detail, QString());
    }

    void memberCardsAreUniqueAndRemovalsWaitForEachDoor()
    {
        auto store = openStore(path());
        QVERIFY(store);
        MemberCard card;
        card.member = {kOrg, 7};
        card.cardNo = QStringLiteral("0012345678");
        QVERIFY(store->addMemberCard(card));
        MemberCard second = card;
        second.cardNo = QStringLiteral("garten-AB12");
        second.cardType = QString(); // stored as the terminals' default
        m_clock->advanceSeconds(1);
        QVERIFY(store->addMemberCard(second));
        // Nobody else may have the same number, nor the same member twice.
        MemberCard taken = card;
        taken.member = {kOrg, 8};
        QVERIFY(!store->addMemberCard(taken));
        QVERIFY(!store->addMemberCard(card));
        QCOMPARE(store->memberCards({kOrg, 8}).size(), 0);

        const QList<MemberCard> cards = store->memberCards({kOrg, 7});
        QCOMPARE(cards.size(), 2);
        QCOMPARE(cards[0].cardNo, card.cardNo);
        QCOMPARE(cards[0].addedAt, kNow);
        QCOMPARE(cards[1].cardType, QStringLiteral("normalCard"));
        QCOMPARE(store->memberCard(second.cardNo)->member, (MemberKey{kOrg, 7}));
        QCOMPARE(store->memberCards().size(), 2);

        QVERIFY(store->removeMemberCard(card.cardNo,
                                        {QStringLiteral("door-1"), QStringLiteral("door-2")}));
        QVERIFY(!store->memberCard(card.cardNo));
        QVERIFY(!store->removeMemberCard(card.cardNo, {QStringLiteral("door-1")}));
        QCOMPARE(store->cardRemovals(QStringLiteral("door-1")).size(), 1);
        QCOMPARE(store->cardRemovals(QStringLiteral("door-2")).first().member,
                 (MemberKey{kOrg, 7}));
        QVERIFY(store->cardRemovalDone(QStringLiteral("door-1"), card.cardNo));
        QCOMPARE(store->cardRemovals(QStringLiteral("door-1")).size(), 0);
        QCOMPARE(store->cardRemovals(QStringLiteral("door-2")).size(), 1);
        // Given again before door-2 let it go: door-2 must keep it.
        QVERIFY(store->addMemberCard(card));
        QCOMPARE(store->cardRemovals(QStringLiteral("door-2")).size(), 0);
    }

    void newerSchemaIsRefusedAndLeftAlone()
    {
        const QString file = path();
        {
            auto store = openStore(file);
            QVERIFY(store);
            QVERIFY(store->replaceMembers(kOrg, {sampleMember(1)}));
        }
        const int newer = Store::latestSchemaVersion() + 4;
        {
            RawDb raw(file);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        }
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        const QByteArray before = fileBytes(file);
        QVERIFY(!before.isEmpty());

        const auto result = Store::open(file, *m_clock);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, StoreError::NewerSchema);
        const QString message = result.error().message;
        QVERIFY2(message.contains(QDir::toNativeSeparators(file)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("newer version of Cardskipper IVMS Sync (schema "
                                                 "%1, this program knows %2)")
                                      .arg(newer)
                                      .arg(Store::latestSchemaVersion())),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Install the newer version")));
        QCOMPARE(fileBytes(file), before);
    }

    // The writer's thread never waits for a checkpoint's disk flushes: a thread of the Store's
    // own copies committed pages into the file beside the writes, and nothing is lost.
    void checkpointsRunBesideTheWrites()
    {
        const QString file = path();
        QList<Member> many;
        for (qint64 id = 1; id <= 400; ++id)
            many.append(sampleMember(id));
        {
            auto store = openStore(file);
            QVERIFY(store);
            QCOMPARE(store->backgroundCheckpoints().runs, 0);
            QVERIFY(store->replaceMembers(kOrg, many));
            // The first write asks for one at once.
            QTRY_VERIFY(store->backgroundCheckpoints().runs >= 1);
            QCOMPARE(store->backgroundCheckpoints().failures, 0);

            // What is committed is copied, while the Store's connection stays open.
            WalCheckpointer checkpointer(file, QStringLiteral("tst-checkpoint"), 0);
            checkpointer.noteWrite();
            QTRY_COMPARE(checkpointer.stats().runs, 1);
            const WalCheckpointer::Stats stats = checkpointer.stats();
            QCOMPARE(stats.failures, 0);
            QVERIFY2(stats.walFrames > 0, "the members were committed to the WAL");
            QCOMPARE(stats.checkpointedFrames, stats.walFrames);

            QVERIFY(store->replaceMembers(kOrg, many.mid(0, 399)));
            QCOMPARE(store->members(kOrg).size(), 399);
        }
        auto reopened = openStore(file);
        QVERIFY(reopened);
        QCOMPARE(reopened->members(kOrg).size(), 399);
        QCOMPARE(reopened->integrityCheck(), QStringLiteral("ok"));
    }

    void corruptFileIsReportedAndLeftAlone_data()
    {
        QTest::addColumn<bool>("garbage");
        QTest::newRow("garbage bytes") << true;
        QTest::newRow("page overwritten") << false;
    }

    void corruptFileIsReportedAndLeftAlone()
    {
        QFETCH(bool, garbage);
        const QString file = path();
        if (garbage) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QByteArray bytes(16384, '\0');
            quint32 state = 12345;
            for (char &byte : bytes) {
                state = state * 1103515245u + 12345u;
                byte = char(state >> 24);
            }
            out.write(bytes);
        } else {
            {
                auto store = openStore(file);
                QVERIFY(store);
                QList<Member> many;
                for (qint64 id = 1; id <= 400; ++id)
                    many.append(sampleMember(id));
                QVERIFY(store->replaceMembers(kOrg, many));
            }
            QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
            int pageSize = 0;
            int pageCount = 0;
            {
                RawDb raw(file);
                pageSize = raw.value(QStringLiteral("PRAGMA page_size")).toInt();
                pageCount = raw.value(QStringLiteral("PRAGMA page_count")).toInt();
            }
            QVERIFY(pageSize > 0);
            QVERIFY(pageCount > 10);
            QFile out(file);
            QVERIFY(out.open(QIODevice::ReadWrite));
            const int page = pageCount / 2; // 1-based page numbers: a members page
            QVERIFY(out.seek(qint64(page - 1) * pageSize));
            out.write(QByteArray(pageSize, '\x5a'));
        }
        const QByteArray before = fileBytes(file);

        const auto result = Store::open(file, *m_clock);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, StoreError::Corrupt);
        const QString message = result.error().message;
        QVERIFY2(message.contains(QDir::toNativeSeparators(file)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("is damaged (integrity check: ")),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("It was left untouched")));
        QCOMPARE(fileBytes(file), before);

        // Asking again gives the same answer: nothing was repaired or recreated.
        const auto again = Store::open(file, *m_clock);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, StoreError::Corrupt);
        QCOMPARE(fileBytes(file), before);
    }

    void anotherProgramsDatabaseIsRefused()
    {
        const QString file = path();
        {
            RawDb raw(file);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE recipes (id INTEGER, name TEXT)")));
        }
        const QByteArray before = fileBytes(file);
        const auto result = Store::open(file, *m_clock);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, StoreError::Failed);
        QVERIFY(result.error().message.contains(QStringLiteral("not a Cardskipper IVMS Sync")));
        QCOMPARE(fileBytes(file), before);
    }

    void unopenablePathIsReported()
    {
        const QString blocker = path(QStringLiteral("a-file"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const auto result = Store::open(blocker + QStringLiteral("/sub/store.sqlite"), *m_clock);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, StoreError::CannotOpen);
        QVERIFY(result.error().message.contains(QDir::toNativeSeparators(blocker)));

        const auto folder = Store::open(m_dir->path(), *m_clock);
        QVERIFY(!folder);
        QCOMPARE(folder.error().kind, StoreError::CannotOpen);
    }

    void walModeAndForeignKeysAreOn()
    {
        auto store = openStore(path());
        QVERIFY(store);
        {
            RawDb raw(path());
            QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                     QStringLiteral("wal"));
        }
        QVERIFY(QFile::exists(path() + QStringLiteral("-wal")));
        // operations.run_id references runs.id: an unknown run is refused.
        QCOMPARE(store->journalOperation(sampleOperation(999, QStringLiteral("CS1"), 1)),
                 qint64(-1));
        QVERIFY(store->pendingOperations().isEmpty());
        const qint64 runId = store->beginRun(RunKind::QuickSync, kNow);
        QVERIFY(store->journalOperation(sampleOperation(runId, QStringLiteral("CS1"), 1)) > 0);
    }

    // ---- Read cache: what was read is served again only while nothing can have changed it ------

    void readsSeeThisConnectionsWrites()
    {
        auto store = openStore(path());
        QVERIFY(store);
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(1), sampleMember(2)}));
        QCOMPARE(store->members(kOrg).size(), 2);
        Member renamed = sampleMember(2);
        renamed.firstName = QStringLiteral("Östen");
        QVERIFY(store->upsertMembers(kOrg, {renamed, sampleMember(3)}));
        const QList<Member> members = store->members(kOrg);
        QCOMPARE(members.size(), 3);
        QCOMPARE(members.at(1).firstName, QStringLiteral("Östen"));
        QVERIFY(store->members(kOrg + 1).isEmpty()); // another organisation is not the cached one

        const QString device = QStringLiteral("door-1");
        QVERIFY(store->upsertDevicePerson(device, samplePerson(QStringLiteral("7"))));
        QCOMPARE(store->deviceSnapshot(device).persons.size(), 1);
        Person moved = samplePerson(QStringLiteral("7"));
        moved.validity.end = QDateTime(QDate(2030, 1, 1), QTime(0, 0, 0));
        QVERIFY(store->upsertDevicePerson(device, moved));
        QCOMPARE(store->deviceSnapshot(device).persons.constFirst().validity.end,
                 moved.validity.end);
        QVERIFY(store->removeDevicePerson(device, QStringLiteral("7")));
        QVERIFY(store->deviceSnapshot(device).persons.isEmpty());
        QVERIFY(store->replaceDevicePersons(device, {samplePerson(QStringLiteral("8"))}, kNow));
        QCOMPARE(store->deviceSnapshot(device).persons.constFirst().employeeNo,
                 QStringLiteral("8"));
        QVERIFY(store->deviceSnapshot(device).readAt.isValid());
    }

    void readsSeeAnotherConnectionsCommits()
    {
        // The window's connection and the command line's (or the engine's) share the file.
        auto first = openStore(path());
        auto second = openStore(path());
        QVERIFY(first && second);
        QVERIFY(first->replaceMembers(kOrg, {sampleMember(1)}));
        const QString device = QStringLiteral("door-1");
        QVERIFY(first->upsertDevicePerson(device, samplePerson(QStringLiteral("7"))));
        QCOMPARE(first->members(kOrg).size(), 1);
        QCOMPARE(first->deviceSnapshot(device).persons.size(), 1);

        QVERIFY(second->upsertMembers(kOrg, {sampleMember(2)}));
        QVERIFY(second->upsertDevicePerson(device, samplePerson(QStringLiteral("8"))));
        QCOMPARE(first->members(kOrg).size(), 2);
        QCOMPARE(first->deviceSnapshot(device).persons.size(), 2);
    }

    void linksAreKeptUntilAnyConnectionChangesThem()
    {
        auto first = openStore(path());
        auto second = openStore(path());
        QVERIFY(first && second);
        const QString door = QStringLiteral("door-1");
        const Link one = sampleLink(door, QStringLiteral("1"), 1);
        QVERIFY(first->addLink(one));
        QCOMPARE(first->links(door), QList<Link>{one});
        QCOMPARE(first->linkedMembers(door).value(QStringLiteral("1")), one.member);

        // Another connection's commit.
        const Link two = sampleLink(door, QStringLiteral("2"), 2);
        QVERIFY(second->addLink(two));
        QCOMPARE(first->links(door), (QList<Link>{one, two}));
        QCOMPARE(first->linkedMembers(door).size(), 2);

        // Read inside a transaction that rolls back: what it saw is gone with it.
        QVERIFY(!first->transaction([&] {
            first->removeLink(door, QStringLiteral("1"));
            return first->links(door) == QList<Link>{two} && false;
        }));
        QCOMPARE(first->links(door), (QList<Link>{one, two}));
        QCOMPARE(first->linkedMembers(door).size(), 2);

        // This connection's own write.
        QVERIFY(first->removeLink(door, QStringLiteral("2")));
        QCOMPARE(first->links(door), QList<Link>{one});
        QCOMPARE(first->linkedMembers(door).keys(), QList<QString>{QStringLiteral("1")});
        QCOMPARE(second->linkedMembers(door).keys(), QList<QString>{QStringLiteral("1")});
        QCOMPARE(second->links(door), QList<Link>{one});
        QVERIFY(first->links(QStringLiteral("door-2")).isEmpty());
    }

    void whoHasAFaceIsReadFromTheCacheOrTheFile()
    {
        auto first = openStore(path());
        auto second = openStore(path());
        QVERIFY(first && second);
        const QString door = QStringLiteral("door-1");
        QList<Person> persons;
        for (const auto &[employeeNo, faces] :
             {std::pair{QStringLiteral("B"), 1}, std::pair{QStringLiteral("A"), 0},
              std::pair{QStringLiteral("Ö"), 2}, std::pair{QStringLiteral("C"), -1}}) {
            Person person = samplePerson(employeeNo);
            person.numOfFace = faces;
            persons.append(person);
        }
        QVERIFY(first->replaceDevicePersons(door, persons, kNow));
        const QStringList expected{QStringLiteral("B"), QStringLiteral("Ö")};
        QCOMPARE(first->employeeNosWithFace(door), expected);  // its cached snapshot
        QCOMPARE(second->employeeNosWithFace(door), expected); // the file
        // A face taken away on one connection is seen on both.
        persons[0].numOfFace = 0;
        QVERIFY(second->upsertDevicePerson(door, persons[0]));
        QCOMPARE(first->employeeNosWithFace(door), QStringList{QStringLiteral("Ö")});
        QCOMPARE(second->employeeNosWithFace(door), QStringList{QStringLiteral("Ö")});
        QVERIFY(first->employeeNosWithFace(QStringLiteral("door-2")).isEmpty());
    }

    // What the cache serves after each kind of write, committed or rolled back, is what a
    // connection of its own reads from the file.
    void cacheMatchesTheFileAfterEveryKindOfWrite()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const auto fromFile = [&](const QString &device) {
            auto fresh = openStore(path());
            return fresh ? fresh->deviceSnapshot(device).persons : QList<Person>{};
        };
        const auto membersFromFile = [&] {
            auto fresh = openStore(path());
            return fresh ? fresh->members(kOrg) : QList<Member>{};
        };
        const QString door = QStringLiteral("door-1");
        const QString gym = QStringLiteral("door-2");
        // Read out of order, twice the same number, and numbers whose UTF-8 order is not
        // QString's (a private-use character and one beyond U+FFFF).
        Person again = samplePerson(QStringLiteral("B"));
        again.name = QStringLiteral("Bo Ärlig");
        const QList<Person> read{
            samplePerson(QStringLiteral("B")),          samplePerson(QStringLiteral("Ä1")),
            samplePerson(QStringLiteral("\U0001F600")), samplePerson(QStringLiteral("\uE000")),
            samplePerson(QStringLiteral("A")),          again};
        QVERIFY(store->replaceDevicePersons(door, read, kNow));
        QVERIFY(store->replaceDevicePersons(gym, {samplePerson(QStringLiteral("G"))}, kNow));
        QCOMPARE(store->deviceSnapshot(door).persons.size(), 5);
        QCOMPARE(store->deviceSnapshot(door).persons, fromFile(door));
        QCOMPARE(store->deviceSnapshot(door).persons.at(1).name, again.name);

        Person changed = samplePerson(QStringLiteral("A"));
        changed.validity.end = QDateTime(QDate(2027, 6, 30), QTime(23, 59, 59));
        QVERIFY(store->upsertDevicePerson(door, changed));
        QVERIFY(store->upsertDevicePerson(door, samplePerson(QStringLiteral("Ö"))));
        QVERIFY(store->removeDevicePerson(door, QStringLiteral("Ä1")));
        QVERIFY(store->upsertDevicePerson(gym, samplePerson(QStringLiteral("H"))));
        QCOMPARE(store->deviceSnapshot(door).persons, fromFile(door));
        QCOMPARE(store->deviceSnapshot(gym).persons, fromFile(gym));

        // Written inside transactions that are then rolled back: nothing of it may be served.
        qsizetype seenInside = -1;
        QVERIFY(!store->transaction([&] {
            store->upsertDevicePerson(door, samplePerson(QStringLiteral("X")));
            store->removeDevicePerson(door, QStringLiteral("B"));
            seenInside = store->deviceSnapshot(door).persons.size();
            store->replaceDevicePersons(gym, {}, kNow.addSecs(60));
            store->replaceMembers(kOrg, {sampleMember(9)});
            return false;
        }));
        QCOMPARE(seenInside, 5);
        QCOMPARE(store->deviceSnapshot(door).persons, fromFile(door));
        QCOMPARE(store->deviceSnapshot(door).persons.size(), 5);
        QCOMPARE(store->deviceSnapshot(gym).persons, fromFile(gym));
        QCOMPARE(store->deviceSnapshot(gym).readAt, kNow);
        // A savepoint rolled back inside a transaction that commits.
        QVERIFY(store->transaction([&] {
            store->upsertDevicePerson(door, samplePerson(QStringLiteral("Y")));
            const bool inner = store->transaction([&] {
                store->upsertDevicePerson(door, samplePerson(QStringLiteral("Z")));
                return false;
            });
            return !inner;
        }));
        QCOMPARE(store->deviceSnapshot(door).persons, fromFile(door));
        QCOMPARE(store->deviceSnapshot(door).persons.constLast().employeeNo,
                 QStringLiteral("\U0001F600"));

        // Members: a full export replaces, the last of a repeated member winning.
        Member renamed = sampleMember(2);
        renamed.firstName = QStringLiteral("Örjan");
        QVERIFY(store->replaceMembers(
            kOrg, {sampleMember(3), sampleMember(1), sampleMember(2), renamed}));
        QCOMPARE(store->members(kOrg), membersFromFile());
        QCOMPARE(store->members(kOrg).at(1).firstName, renamed.firstName);
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(4), renamed}));
        QCOMPARE(store->members(kOrg), membersFromFile());
        QCOMPARE(store->members(kOrg).size(), 2);
        QVERIFY(!store->transaction([&] {
            store->replaceMembers(kOrg, {sampleMember(5)});
            return false;
        }));
        QCOMPARE(store->members(kOrg), membersFromFile());
        QCOMPARE(store->members(kOrg).size(), 2);
    }

    // A full read or export that finds most rows as they were writes only the others.
    void aFullReadWritesOnlyWhatChanged()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const QString door = QStringLiteral("door-1");
        QVERIFY(store->replaceDevicePersons(door,
                                            {samplePerson(QStringLiteral("A")),
                                             samplePerson(QStringLiteral("B")),
                                             samplePerson(QStringLiteral("C"))},
                                            kNow));
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(1), sampleMember(2), sampleMember(3)}));
        m_clock->advanceSeconds(3600);
        Person changed = samplePerson(QStringLiteral("B"));
        changed.doorRight = QStringLiteral("1");
        changed.rightPlans = {DoorPlan{1, QStringLiteral("1")}};
        Member moved = sampleMember(2);
        moved.email = QStringLiteral("ny@example.se");
        const QDateTime later = kNow.addSecs(3600);
        QVERIFY(store->replaceDevicePersons(
            door, {samplePerson(QStringLiteral("A")), changed, samplePerson(QStringLiteral("D"))},
            later));
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(1), moved, sampleMember(4)}));

        RawDb raw(path());
        const auto lastSeen = [&](const QString &employeeNo) {
            return raw
                .value(QStringLiteral("SELECT last_seen FROM device_persons WHERE device_id ="
                                      " 'door-1' AND employee_no = '%1'")
                           .arg(employeeNo))
                .toString();
        };
        const auto updatedAt = [&](int memberId) {
            return raw
                .value(QStringLiteral("SELECT updated_at FROM members WHERE member_id = %1")
                           .arg(memberId))
                .toString();
        };
        QVERIFY(!lastSeen(QStringLiteral("A")).isEmpty());
        QVERIFY(lastSeen(QStringLiteral("A")) != lastSeen(QStringLiteral("B")));
        QCOMPARE(lastSeen(QStringLiteral("B")), lastSeen(QStringLiteral("D")));
        QVERIFY(lastSeen(QStringLiteral("C")).isEmpty());
        QVERIFY(updatedAt(1) != updatedAt(2));
        QCOMPARE(updatedAt(2), updatedAt(4));
        QVERIFY(updatedAt(3).isEmpty());
        QCOMPARE(store->deviceSnapshot(door).readAt, later);
        auto fresh = openStore(path());
        QVERIFY(fresh);
        QCOMPARE(fresh->deviceSnapshot(door).persons,
                 (QList<Person>{samplePerson(QStringLiteral("A")), changed,
                                samplePerson(QStringLiteral("D"))}));
        QCOMPARE(fresh->deviceSnapshot(door).readAt, later);
        QCOMPARE(fresh->members(kOrg), (QList<Member>{sampleMember(1), moved, sampleMember(4)}));
    }

    // A full read saved page by page: each page is in the file as soon as it is saved; the end
    // removes whom the read did not find and stamps the read; a read that stops half-way
    // leaves the pages it saved and the read time as it was.
    void aReadIsSavedPageByPage()
    {
        auto store = openStore(path());
        auto other = openStore(path()); // the window's connection, or another process
        QVERIFY(store && other);
        const QString door = QStringLiteral("door-1");
        const auto fromFile = [&] {
            auto fresh = openStore(path());
            return fresh ? fresh->deviceSnapshot(door) : DeviceSnapshot{};
        };
        QVERIFY(store->replaceDevicePersons(door,
                                            {samplePerson(QStringLiteral("A")),
                                             samplePerson(QStringLiteral("B")),
                                             samplePerson(QStringLiteral("C"))},
                                            kNow));
        Person changedA = samplePerson(QStringLiteral("A"));
        changedA.name = QStringLiteral("Anna Ängel");
        Person changedB = samplePerson(QStringLiteral("B"));
        changedB.doorRight = QStringLiteral("1");

        // Stopped after one page: A as read, B and C as they were, the read time unchanged.
        auto stopped = store->beginDeviceRead(door);
        QVERIFY(store->saveDeviceReadPage(*stopped, {changedA, samplePerson(QStringLiteral("D"))}));
        stopped.reset();
        DeviceSnapshot snapshot = fromFile();
        QCOMPARE(snapshot.persons, (QList<Person>{changedA, samplePerson(QStringLiteral("B")),
                                                  samplePerson(QStringLiteral("C")),
                                                  samplePerson(QStringLiteral("D"))}));
        QCOMPARE(snapshot.readAt, kNow);
        QCOMPARE(store->deviceSnapshot(door).persons, snapshot.persons);

        // A whole read.
        const QDateTime later = kNow.addSecs(600);
        auto read = store->beginDeviceRead(door);
        QVERIFY(store->saveDeviceReadPage(*read, {changedA}));
        // A page saved inside a transaction that is rolled back.
        QVERIFY(!store->transaction([&] {
            store->saveDeviceReadPage(*read, {samplePerson(QStringLiteral("E"))});
            return false;
        }));
        QCOMPARE(fromFile().persons.size(), 4); // E is not in the file
        QVERIFY(store->saveDeviceReadPage(*read, {samplePerson(QStringLiteral("D"))}));
        // Another connection writes B between two pages; the read then finds B as it was.
        QVERIFY(other->upsertDevicePerson(door, changedB));
        QVERIFY(store->saveDeviceReadPage(*read, {samplePerson(QStringLiteral("B"))}));
        QVERIFY(store->finishDeviceRead(*read,
                                        {changedA, samplePerson(QStringLiteral("B")),
                                         samplePerson(QStringLiteral("D")),
                                         samplePerson(QStringLiteral("E"))},
                                        later));
        snapshot = fromFile();
        const QList<Person> expected{changedA, samplePerson(QStringLiteral("B")),
                                     samplePerson(QStringLiteral("D")),
                                     samplePerson(QStringLiteral("E"))};
        QCOMPARE(snapshot.persons, expected);
        QCOMPARE(snapshot.readAt, later);
        QCOMPARE(store->deviceSnapshot(door).persons, expected);
        QCOMPARE(store->deviceSnapshot(door).readAt, later);
        QCOMPARE(other->deviceSnapshot(door).persons, expected);
    }

    // ---- Members and meta ---------------------------------------------------------------------

    void membersRoundTrip()
    {
        auto store = openStore(path());
        QVERIFY(store);
        Member bare;
        bare.key = {kOrg, 3};
        const QList<Member> members{sampleMember(1), sampleMember(2), bare};
        QVERIFY(store->replaceMembers(kOrg, members));
        QCOMPARE(store->members(kOrg), members);
        QCOMPARE(store->memberCount(kOrg), 3);
        QCOMPARE(store->member({kOrg, 2}), std::optional<Member>(sampleMember(2)));
        QVERIFY(!store->member({kOrg, 99}));
        QCOMPARE(store->lastFullExportAt(kOrg), kNow);
        QVERIFY(!store->lastFullExportAt(1).isValid());
        QCOMPARE(store->members(1), QList<Member>{});
        QCOMPARE(store->memberCount(1), 0);

        store.reset();
        store = openStore(path());
        QVERIFY(store);
        QCOMPARE(store->members(kOrg), members);
    }

    void replaceMakesTheSnapshotExactUpsertOnlyTouchesTheGiven()
    {
        auto store = openStore(path());
        QVERIFY(store);
        Member other = sampleMember(1);
        other.key = {42, 1};
        QVERIFY(store->replaceMembers(42, {other}));
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(1), sampleMember(2), sampleMember(3)}));

        Member changed = sampleMember(2);
        changed.email = QStringLiteral("new@example.se");
        changed.roles.clear();
        QVERIFY(store->upsertMembers(kOrg, {changed, sampleMember(4)}));
        QCOMPARE(store->members(kOrg),
                 (QList<Member>{sampleMember(1), changed, sampleMember(3), sampleMember(4)}));
        QCOMPARE(store->lastFullExportAt(kOrg), kNow);

        m_clock->advanceSeconds(60);
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(3), sampleMember(5)}));
        QCOMPARE(store->members(kOrg), (QList<Member>{sampleMember(3), sampleMember(5)}));
        QCOMPARE(store->lastFullExportAt(kOrg), kNow.addSecs(60));
        // Other organisations are not touched.
        QCOMPARE(store->members(42), QList<Member>{other});

        QVERIFY(store->replaceMembers(kOrg, {}));
        QCOMPARE(store->memberCount(kOrg), 0);
        QCOMPARE(store->memberCount(42), 1);
    }

    void membersOfAnotherOrganisationAreRefused()
    {
        auto store = openStore(path());
        QVERIFY(store);
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(1)}));
        Member stranger = sampleMember(2);
        stranger.key.organisationId = 42;
        QVERIFY(!store->replaceMembers(kOrg, {sampleMember(3), stranger}));
        QVERIFY(!store->upsertMembers(kOrg, {stranger}));
        QCOMPARE(store->members(kOrg), QList<Member>{sampleMember(1)});
    }

    void metaRoundTrip()
    {
        auto store = openStore(path());
        QVERIFY(store);
        QCOMPARE(store->meta(QStringLiteral("missing")), QString());
        QCOMPARE(store->meta(QStringLiteral("missing"), QStringLiteral("d")), QStringLiteral("d"));
        QVERIFY(store->setMeta(QStringLiteral("last-member-count"), QStringLiteral("120")));
        QVERIFY(store->setMeta(QStringLiteral("last-member-count"), QStringLiteral("121")));
        QVERIFY(store->setMeta(QStringLiteral("empty"), QString()));
        QCOMPARE(store->meta(QStringLiteral("last-member-count")), QStringLiteral("121"));
        QCOMPARE(store->meta(QStringLiteral("empty"), QStringLiteral("d")), QString());
    }

    // ---- Device snapshots ---------------------------------------------------------------------

    void devicePersonsRoundTrip()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const DeviceSnapshot never = store->deviceSnapshot(QStringLiteral("door-1"));
        QVERIFY(never.persons.isEmpty());
        QVERIFY(never.readAt.isNull());
        QVERIFY(store->deviceIds().isEmpty());

        Person bare;
        bare.employeeNo = QStringLiteral("CS3");
        Person always = samplePerson(QStringLiteral("CS2"));
        always.validity.enabled = false;
        always.otherFields.clear();
        always.rightPlans.clear();
        const QList<Person> persons{samplePerson(QStringLiteral("CS1")), always, bare};
        const QDateTime readAt = kNow.addSecs(-30);
        QVERIFY(store->replaceDevicePersons(QStringLiteral("door-1"), persons, readAt));

        store.reset();
        store = openStore(path());
        QVERIFY(store);
        const DeviceSnapshot snapshot = store->deviceSnapshot(QStringLiteral("door-1"));
        QCOMPARE(snapshot.deviceId, QStringLiteral("door-1"));
        QCOMPARE(snapshot.readAt, readAt);
        QCOMPARE(snapshot.persons.size(), persons.size());
        for (int i = 0; i < persons.size(); ++i) {
            const Person &got = snapshot.persons[i];
            const Person &want = persons[i];
            QCOMPARE(got.otherFields, want.otherFields);
            QCOMPARE(got.validity.begin, want.validity.begin);
            QCOMPARE(got.validity.end, want.validity.end);
            QCOMPARE(got.rightPlans, want.rightPlans);
            QCOMPARE(got, want);
        }
        const Person &first = snapshot.persons[0];
        QCOMPARE(first.validity.end.timeSpec(), Qt::LocalTime);
        QCOMPARE(first.validity.end.time(), QTime(23, 59, 59));
        QCOMPARE(first.numOfFace, -1);
        QCOMPARE(snapshot.persons[2].numOfCard, -1);
        QVERIFY(snapshot.persons[2].validity.begin.isNull());
        QCOMPARE(store->deviceIds(), QStringList{QStringLiteral("door-1")});
    }

    void devicePersonsReplaceUpsertRemove()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const QString door = QStringLiteral("door-1");
        QVERIFY(store->replaceDevicePersons(
            door, {samplePerson(QStringLiteral("A")), samplePerson(QStringLiteral("B"))}, kNow));
        QVERIFY(store->replaceDevicePersons(QStringLiteral("door-2"),
                                            {samplePerson(QStringLiteral("A"))}, kNow));

        Person changed = samplePerson(QStringLiteral("B"));
        changed.validity.enabled = false;
        QVERIFY(store->upsertDevicePerson(door, changed));
        QVERIFY(store->upsertDevicePerson(door, samplePerson(QStringLiteral("C"))));
        QCOMPARE(store->deviceSnapshot(door).persons,
                 (QList<Person>{samplePerson(QStringLiteral("A")), changed,
                                samplePerson(QStringLiteral("C"))}));
        QCOMPARE(store->deviceSnapshot(door).readAt, kNow); // writes do not count as reads

        QVERIFY(store->removeDevicePerson(door, QStringLiteral("A")));
        QVERIFY(store->removeDevicePerson(door, QStringLiteral("not-there")));
        QCOMPARE(store->deviceSnapshot(door).persons.size(), 2);

        const QDateTime later = kNow.addSecs(3600);
        QVERIFY(store->replaceDevicePersons(door, {samplePerson(QStringLiteral("D"))}, later));
        const DeviceSnapshot snapshot = store->deviceSnapshot(door);
        QCOMPARE(snapshot.persons, QList<Person>{samplePerson(QStringLiteral("D"))});
        QCOMPARE(snapshot.readAt, later);
        QCOMPARE(store->deviceSnapshot(QStringLiteral("door-2")).persons.size(), 1);

        // A device only ever written to has a snapshot but was never read.
        QVERIFY(
            store->upsertDevicePerson(QStringLiteral("door-3"), samplePerson(QStringLiteral("X"))));
        QVERIFY(store->deviceSnapshot(QStringLiteral("door-3")).readAt.isNull());
        QCOMPARE(store->deviceIds(),
                 (QStringList{QStringLiteral("door-1"), QStringLiteral("door-2"),
                              QStringLiteral("door-3")}));
    }

    // ---- Links, rejected suggestions, overrides -------------------------------------------------

    void linksAreUniquePerDevicePerson()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const Link a = sampleLink(QStringLiteral("door-1"), QStringLiteral("CS1"), 1);
        const Link b = sampleLink(QStringLiteral("door-1"), QStringLiteral("CS2"), 2);
        const Link c = sampleLink(QStringLiteral("door-2"), QStringLiteral("CS1"), 1);
        QVERIFY(store->addLink(b));
        QVERIFY(store->addLink(a));
        QVERIFY(store->addLink(c));
        QCOMPARE(store->links(QStringLiteral("door-1")), (QList<Link>{a, b}));
        QCOMPARE(store->links(), (QList<Link>{a, b, c}));

        Link relinked = a;
        relinked.member = {kOrg, 9};
        relinked.origin = LinkOrigin::Manual;
        relinked.createdBy = QStringLiteral("kassör");
        QVERIFY(store->addLink(relinked));
        QCOMPARE(store->links(QStringLiteral("door-1")), (QList<Link>{relinked, b}));
        QCOMPARE(store->linkFor(QStringLiteral("door-1"), QStringLiteral("CS1")),
                 std::optional<Link>(relinked));
        QVERIFY(!store->linkFor(QStringLiteral("door-3"), QStringLiteral("CS1")));

        Link stamped = sampleLink(QStringLiteral("door-3"), QStringLiteral("CS5"), 5);
        stamped.createdAt = {};
        stamped.origin = LinkOrigin::Created;
        QVERIFY(store->addLink(stamped));
        QCOMPARE(store->linkFor(QStringLiteral("door-3"), QStringLiteral("CS5"))->createdAt, kNow);

        QVERIFY(store->removeLink(QStringLiteral("door-1"), QStringLiteral("CS1")));
        QCOMPARE(store->links(QStringLiteral("door-1")), QList<Link>{b});
        QCOMPARE(store->links().size(), 3);
    }

    void rejectedSuggestionsAddListRemove()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const RejectedSuggestion a{QStringLiteral("door-1"), QStringLiteral("CS1"), {kOrg, 1}};
        const RejectedSuggestion b{QStringLiteral("door-1"), QStringLiteral("CS1"), {kOrg, 2}};
        const RejectedSuggestion c{QStringLiteral("door-2"), QStringLiteral("X"), {kOrg, 1}};
        QVERIFY(store->addRejectedSuggestion(c));
        QVERIFY(store->addRejectedSuggestion(b));
        QVERIFY(store->addRejectedSuggestion(a));
        QVERIFY(store->addRejectedSuggestion(a)); // idempotent
        QCOMPARE(store->rejectedSuggestions(QStringLiteral("door-1")),
                 (QList<RejectedSuggestion>{a, b}));
        QCOMPARE(store->rejectedSuggestions(), (QList<RejectedSuggestion>{a, b, c}));
        QVERIFY(store->removeRejectedSuggestion(a));
        QCOMPARE(store->rejectedSuggestions(), (QList<RejectedSuggestion>{b, c}));
    }

    void overridesSetReplaceAndRemove()
    {
        auto store = openStore(path());
        QVERIFY(store);
        MemberOverride allow;
        allow.member = {kOrg, 1};
        allow.allowUntil = QDate(2026, 12, 24);
        allow.note = QStringLiteral("Betalar på plats, ok enl. Åke");
        allow.changedAt = kNow.addSecs(-5);
        allow.changedBy = QStringLiteral("admin");
        MemberOverride block;
        block.member = {kOrg, 2};
        block.blocked = true;
        block.changedAt = kNow;
        block.changedBy = QStringLiteral("admin");
        QVERIFY(store->setOverride(block));
        QVERIFY(store->setOverride(allow));
        QCOMPARE(store->overrides(), (QList<MemberOverride>{allow, block}));
        QCOMPARE(store->overrideFor({kOrg, 1}), std::optional<MemberOverride>(allow));
        QVERIFY(!store->overrideFor({kOrg, 3}));

        MemberOverride changed = allow;
        changed.blocked = true;
        changed.changedAt = {};
        QVERIFY(store->setOverride(changed));
        QCOMPARE(store->overrideFor({kOrg, 1})->blocked, true);
        QCOMPARE(store->overrideFor({kOrg, 1})->changedAt, kNow);

        MemberOverride cleared;
        cleared.member = {kOrg, 1};
        cleared.changedBy = QStringLiteral("admin");
        QVERIFY(cleared.isEmpty());
        QVERIFY(store->setOverride(cleared));
        QVERIFY(!store->overrideFor({kOrg, 1}));
        QCOMPARE(store->overrides(), QList<MemberOverride>{block});
        QVERIFY(store->setOverride(cleared)); // removing what is not there is fine
    }

    // ---- Runs and operations ------------------------------------------------------------------

    void interruptedRunsAreClosedAsFailed()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const qint64 killed = store->beginRun(RunKind::QuickSync, kNow);
        RunRecord done;
        done.id = store->beginRun(RunKind::QuickSync, kNow.addSecs(60));
        done.status = RunStatus::Succeeded;
        QVERIFY(store->finishRun(done));
        QCOMPARE(store->closeInterruptedRuns(QStringLiteral("interrupted")), 1);
        QCOMPARE(store->run(killed)->status, RunStatus::Failed);
        QCOMPARE(store->run(killed)->error, QStringLiteral("interrupted"));
        QCOMPARE(store->run(done.id)->status, RunStatus::Succeeded);
        QCOMPARE(store->closeInterruptedRuns(QStringLiteral("interrupted")), 0);
    }

    void runsBeginFinishAndList()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const qint64 first = store->beginRun(RunKind::FullReconcile, kNow);
        const qint64 second = store->beginRun(RunKind::QuickSync, kNow.addSecs(60));
        const qint64 third = store->beginRun(RunKind::Preview, kNow.addSecs(120));
        QVERIFY(first > 0);
        QVERIFY(second > first);
        QVERIFY(third > second);

        const auto running = store->run(second);
        QVERIFY(running);
        QCOMPARE(running->status, RunStatus::Running);
        QCOMPARE(running->kind, RunKind::QuickSync);
        QCOMPARE(running->startedAt, kNow.addSecs(60));
        QVERIFY(running->finishedAt.isNull());

        RunRecord done;
        done.id = second;
        done.kind = RunKind::QuickSync;
        done.startedAt = kNow.addSecs(60);
        done.finishedAt = kNow.addSecs(90);
        done.status = RunStatus::PartlyFailed;
        done.membersFetched = 120;
        done.created = 3;
        done.updated = 4;
        done.revoked = 5;
        done.deleted = 1;
        done.conflicts = 2;
        done.failed = 1;
        done.error = QStringLiteral("1 operation failed: enhet svarade inte");
        QVERIFY(store->finishRun(done));
        const auto finished = store->run(second);
        QVERIFY(finished);
        QCOMPARE(finished->id, done.id);
        QCOMPARE(finished->kind, done.kind);
        QCOMPARE(finished->startedAt, done.startedAt);
        QCOMPARE(finished->finishedAt, done.finishedAt);
        QCOMPARE(finished->status, done.status);
        QCOMPARE(finished->membersFetched, 120);
        QCOMPARE(finished->created, 3);
        QCOMPARE(finished->updated, 4);
        QCOMPARE(finished->revoked, 5);
        QCOMPARE(finished->deleted, 1);
        QCOMPARE(finished->conflicts, 2);
        QCOMPARE(finished->failed, 1);
        QCOMPARE(finished->error, done.error);

        RunRecord missing = done;
        missing.id = 999;
        QVERIFY(!store->finishRun(missing));
        QVERIFY(!store->run(999));

        const QList<RunRecord> all = store->runs();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].id, third);
        QCOMPARE(all[2].id, first);
        const QList<RunRecord> latest = store->runs(2);
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest[0].id, third);
        QCOMPARE(latest[1].id, second);
    }

    void journalGoesFromPendingToCompleted()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const qint64 runId = store->beginRun(RunKind::QuickSync, kNow);
        OperationRecord create = sampleOperation(runId, QStringLiteral("CS1"), 1);
        create.action = ActionKind::Create;
        create.before.reset();
        create.status = OperationStatus::Done; // ignored: journaled means pending
        const qint64 createId = store->journalOperation(create);
        const qint64 updateId =
            store->journalOperation(sampleOperation(runId, QStringLiteral("CS2"), 2));
        OperationRecord orphan = sampleOperation(0, QStringLiteral("P9"), 0);
        orphan.member.reset();
        orphan.action = ActionKind::Delete;
        orphan.after.reset();
        const qint64 orphanId = store->journalOperation(orphan);
        QVERIFY(createId > 0);
        QVERIFY(updateId > createId);
        QVERIFY(orphanId > updateId);

        QList<OperationRecord> pending = store->pendingOperations();
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending[0].id, createId);
        QCOMPARE(pending[0].status, OperationStatus::Pending);
        QCOMPARE(pending[0].runId, runId);
        QCOMPARE(pending[0].action, ActionKind::Create);
        QVERIFY(!pending[0].before);
        QCOMPARE(pending[0].after, create.after);
        QCOMPARE(pending[0].member, create.member);
        QCOMPARE(pending[0].at, kNow);
        QCOMPARE(pending[1].before, sampleOperation(runId, QStringLiteral("CS2"), 2).before);
        QCOMPARE(pending[2].runId, qint64(0));
        QVERIFY(!pending[2].member);
        QVERIFY(!pending[2].after);

        m_clock->advanceSeconds(5);
        Person written = *create.after;
        written.numOfCard = 0;
        QVERIFY(store->completeOperation(createId, OperationStatus::Done, {}, written));
        QVERIFY(store->completeOperation(updateId, OperationStatus::Failed,
                                         QStringLiteral("statusCode 4: Invalid Operation")));
        QVERIFY(!store->completeOperation(12345, OperationStatus::Done));

        pending = store->pendingOperations();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending[0].id, orphanId);

        const auto created = store->operation(createId);
        QVERIFY(created);
        QCOMPARE(created->status, OperationStatus::Done);
        QCOMPARE(created->after, std::optional<Person>(written));
        QCOMPARE(created->at, kNow.addSecs(5));
        const auto failed = store->operation(updateId);
        QVERIFY(failed);
        QCOMPARE(failed->status, OperationStatus::Failed);
        QCOMPARE(failed->error, QStringLiteral("statusCode 4: Invalid Operation"));
        QCOMPARE(failed->after, sampleOperation(runId, QStringLiteral("CS2"), 2).after);

        const QList<OperationRecord> ofRun = store->operations(runId);
        QCOMPARE(ofRun.size(), 2);
        QCOMPARE(ofRun[0].id, createId);
        QCOMPARE(ofRun[1].id, updateId);
        QVERIFY(store->operations(runId + 1).isEmpty());
    }

    void operationsForMemberAreNewestFirst()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const qint64 runId = store->beginRun(RunKind::QuickSync, kNow);
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i)
            ids.append(store->journalOperation(sampleOperation(runId, QStringLiteral("CS1"), 1)));
        store->journalOperation(sampleOperation(runId, QStringLiteral("CS2"), 2));
        const QList<OperationRecord> all = store->operationsForMember({kOrg, 1});
        QCOMPARE(all.size(), 4);
        QCOMPARE(all[0].id, ids[3]);
        QCOMPARE(all[3].id, ids[0]);
        const QList<OperationRecord> two = store->operationsForMember({kOrg, 1}, 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two[1].id, ids[2]);
        QVERIFY(store->operationsForMember({kOrg, 77}).isEmpty());
    }

    void pendingOperationsSurviveAReopen()
    {
        qint64 pendingId = 0;
        {
            auto store = openStore(path());
            QVERIFY(store);
            const qint64 runId = store->beginRun(RunKind::QuickSync, kNow);
            pendingId = store->journalOperation(sampleOperation(runId, QStringLiteral("CS1"), 1));
            const qint64 doneId =
                store->journalOperation(sampleOperation(runId, QStringLiteral("CS2"), 2));
            QVERIFY(store->completeOperation(doneId, OperationStatus::Done));
            // The process "dies" here: the run is never finished.
        }
        auto store = openStore(path());
        QVERIFY(store);
        const QList<OperationRecord> pending = store->pendingOperations();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending[0].id, pendingId);
        QCOMPARE(pending[0].after, sampleOperation(0, QStringLiteral("CS1"), 1).after);
        QCOMPARE(store->runs(1).value(0).status, RunStatus::Running);
    }

    void timestampsSurviveTheRepeatedHour()
    {
        // 2026-10-25 in Stockholm: 02:30 happens twice (CEST, then CET).
        const QDateTime firstPass = QDateTime(QDate(2026, 10, 25), QTime(1, 30)).addSecs(3600);
        const QDateTime secondPass = firstPass.addSecs(3600);
        if (firstPass.offsetFromUtc() == secondPass.offsetFromUtc())
            QSKIP("the local time zone has no daylight saving");
        QCOMPARE(firstPass.time(), secondPass.time());
        auto store = openStore(path());
        QVERIFY(store);
        const qint64 id = store->beginRun(RunKind::QuickSync, firstPass);
        RunRecord done;
        done.id = id;
        done.finishedAt = secondPass;
        done.status = RunStatus::Succeeded;
        QVERIFY(store->finishRun(done));
        const auto run = store->run(id);
        QVERIFY(run);
        QCOMPARE(run->startedAt, firstPass);
        QCOMPARE(run->finishedAt, secondPass);
        QCOMPARE(run->startedAt.timeSpec(), Qt::LocalTime);
        QCOMPARE(run->finishedAt.secsTo(run->startedAt), qint64(-3600));
    }

    // ---- Transactions and connections ---------------------------------------------------------

    void failedTransactionLeavesNothingHalfWritten()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const Link linkA = sampleLink(QStringLiteral("door-1"), QStringLiteral("CS1"), 1);
        QVERIFY(store->replaceMembers(kOrg, {sampleMember(1), sampleMember(2)}));
        QVERIFY(store->addLink(linkA));
        const qint64 runId = store->beginRun(RunKind::QuickSync, kNow);

        MemberOverride block;
        block.member = {kOrg, 1};
        block.blocked = true;
        // The last step fails (unknown run: foreign key), so nothing before it may remain.
        const bool committed = store->transaction([&] {
            return store->replaceMembers(kOrg, {sampleMember(3)}) &&
                   store->addLink(sampleLink(QStringLiteral("door-1"), QStringLiteral("CS3"), 3)) &&
                   store->setOverride(block) &&
                   store->replaceDevicePersons(QStringLiteral("door-1"),
                                               {samplePerson(QStringLiteral("CS3"))}, kNow) &&
                   store->journalOperation(sampleOperation(runId, QStringLiteral("CS3"), 3)) > 0 &&
                   store->journalOperation(sampleOperation(runId + 100, QStringLiteral("CS3"), 3)) >
                       0;
        });
        QVERIFY(!committed);
        QCOMPARE(store->members(kOrg), (QList<Member>{sampleMember(1), sampleMember(2)}));
        QCOMPARE(store->links(), QList<Link>{linkA});
        QVERIFY(store->overrides().isEmpty());
        QVERIFY(store->deviceIds().isEmpty());
        QVERIFY(store->operations(runId).isEmpty());

        // A callback that reports failure itself rolls back too.
        QVERIFY(!store->transaction(
            [&] { return store->setMeta(QStringLiteral("k"), QStringLiteral("v")) && false; }));
        QVERIFY(store->meta(QStringLiteral("k")).isNull());

        // The store stays usable, and a successful transaction commits everything.
        QVERIFY(store->transaction([&] {
            return store->replaceMembers(kOrg, {sampleMember(3)}) && store->setOverride(block);
        }));
        QCOMPARE(store->members(kOrg), QList<Member>{sampleMember(3)});
        QVERIFY(store->overrideFor({kOrg, 1}));
    }

    void nestedTransactionsRollBackOnlyTheirPart()
    {
        auto store = openStore(path());
        QVERIFY(store);
        const bool committed = store->transaction([&] {
            if (!store->setMeta(QStringLiteral("outer"), QStringLiteral("1")))
                return false;
            const bool inner = store->transaction([&] {
                store->setMeta(QStringLiteral("inner"), QStringLiteral("1"));
                return false;
            });
            return !inner;
        });
        QVERIFY(committed);
        QCOMPARE(store->meta(QStringLiteral("outer")), QStringLiteral("1"));
        QVERIFY(store->meta(QStringLiteral("inner")).isNull());

        store.reset();
        store = openStore(path());
        QCOMPARE(store->meta(QStringLiteral("outer")), QStringLiteral("1"));
    }

    // ---- Door events ----------------------------------------------------------------------------

    void visitsCountGrantedEntriesOfLinkedPersonsAndForgetWhatRetentionDeletes()
    {
        auto store = openStore(path());
        QVERIFY(store);
        QVERIFY(store->addLink(sampleLink(QStringLiteral("door-1"), QStringLiteral("CS1"), 1)));
        QVERIFY(store->addLink(sampleLink(QStringLiteral("door-2"), QStringLiteral("CS1"), 1)));
        QVERIFY(store->addLink(sampleLink(QStringLiteral("door-1"), QStringLiteral("CS2"), 2)));
        const auto event = [](qint64 serial, const QDateTime &time, int minor,
                              const QString &employeeNo) {
            AccessEvent e;
            e.serialNo = serial;
            e.time = time;
            e.major = 5;
            e.minor = minor;
            e.employeeNo = employeeNo;
            return e;
        };
        const QDateTime day(QDate(2026, 11, 27), QTime(17, 30));
        // Member 1: twice on the 27th (two doors), once on the 20th, once in May; a refusal on
        // the 28th is no visit. Member 2: only refusals. An unlinked person: no member.
        QCOMPARE(store->addEvents(QStringLiteral("door-1"), 1,
                                  {event(1, day.addMonths(-6), 1, QStringLiteral("CS1")),
                                   event(2, day.addDays(-7), 75, QStringLiteral("CS1")),
                                   event(3, day, 75, QStringLiteral("CS1")),
                                   event(4, day.addDays(1), 6, QStringLiteral("CS1")),
                                   event(5, day, 6, QStringLiteral("CS2")),
                                   event(6, day, 75, QStringLiteral("CS9"))}),
                 6);
        QCOMPARE(store->addEvents(QStringLiteral("door-2"), 1,
                                  {event(1, day.addSecs(3600), 1, QStringLiteral("CS1"))}),
                 1);
        // The same events again add nothing and move no last visit backwards.
        QCOMPARE(store->addEvents(QStringLiteral("door-1"), 1,
                                  {event(2, day.addDays(-7), 75, QStringLiteral("CS1"))}),
                 0);

        auto visits = store->memberVisits(kOrg, QDateTime(QDate(2026, 10, 29), QTime(0, 0)));
        QCOMPARE(visits.value(1).lastVisit, day.addSecs(3600));
        QCOMPARE(visits.value(1).days, 2);
        QVERIFY(!visits.contains(2));
        QCOMPARE(visits.size(), 1);

        // Retention: what is older than the instant goes, with the last visit it made.
        QCOMPARE(store->deleteEventsBefore(day.addDays(-1)), 2);
        QCOMPARE(store->events({}).size(), 5);
        QCOMPARE(
            store->memberVisits(kOrg, QDateTime(QDate(2026, 10, 29), QTime(0, 0))).value(1).days,
            1);
        QCOMPARE(store->deleteEventsBefore(day.addDays(2)), 5);
        QVERIFY(store->memberVisits(kOrg, day.addMonths(-12)).isEmpty());
    }

    void twoStoresOnOneFileInOneThread()
    {
        auto first = openStore(path());
        auto second = openStore(path());
        QVERIFY(first);
        QVERIFY(second);
        // Each has its connection (and one for its background checkpoints, not counted here).
        const auto storeConnections = [] {
            const QStringList names = QSqlDatabase::connectionNames();
            return std::count_if(names.cbegin(), names.cend(), [](const QString &name) {
                return !name.endsWith(QLatin1String("-checkpoint"));
            });
        };
        QCOMPARE(storeConnections(), 2);

        QVERIFY(first->replaceMembers(kOrg, {sampleMember(1)}));
        QCOMPARE(second->members(kOrg), QList<Member>{sampleMember(1)});
        const Link link = sampleLink(QStringLiteral("door-1"), QStringLiteral("CS1"), 1);
        QVERIFY(second->addLink(link));
        QCOMPARE(first->links(), QList<Link>{link});

        first.reset();
        QCOMPARE(storeConnections(), 1);
        QVERIFY(second->setMeta(QStringLiteral("still"), QStringLiteral("works")));
        QCOMPARE(second->meta(QStringLiteral("still")), QStringLiteral("works"));
        QCOMPARE(second->memberCount(kOrg), 1);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
