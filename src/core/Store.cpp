// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Store.h"

#include "CoreLogging.h"
#include "IsoTime.h"
#include "WalCheckpointer.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace cis {

namespace {

constexpr qint64 kApplicationId = 1128878897; // 'CIS1', set by migration 1
constexpr int kBusyTimeoutMs = 5000;
// At most one background checkpoint a second while writes go on: a first sync's WAL grows by
// about a megabyte a second.
constexpr int kCheckpointIntervalMs = 1000;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

std::atomic<quint64> g_connectionCounter{0};

// ---- Values ---------------------------------------------------------------------------------

// Absent text columns are stored as '' (a null QString would bind as SQL NULL).
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

QString dateTimeText(const QDateTime &value)
{
    return value.toString(value.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

// A wall-clock time (a person's validity): kept as given, local times without an offset, since
// the terminal compares them with its own clock.
QVariant wallClock(const QDateTime &value)
{
    return value.isValid() ? QVariant(dateTimeText(value)) : QVariant();
}

// An instant (audit timestamps): local times are written with their offset so that the hour
// that repeats when daylight saving ends stays unambiguous.
QVariant instant(const QDateTime &value)
{
    if (!value.isValid())
        return {};
    if (value.timeSpec() == Qt::LocalTime)
        return dateTimeText(value.toOffsetFromUtc(value.offsetFromUtc()));
    return dateTimeText(value);
}

QDateTime wallClockFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return parseIsoDateTime(value.toString());
}

QDateTime instantFrom(const QVariant &value)
{
    const QDateTime parsed = wallClockFrom(value);
    return parsed.timeSpec() == Qt::OffsetFromUTC ? parsed.toLocalTime() : parsed;
}

QVariant dateValue(const QDate &value)
{
    return value.isValid() ? QVariant(value.toString(Qt::ISODate)) : QVariant();
}

QDate dateFrom(const QVariant &value)
{
    return value.isNull() ? QDate() : parseIsoDate(value.toString());
}

QJsonValue jsonDate(const QDate &value)
{
    return value.isValid() ? QJsonValue(value.toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue jsonWallClock(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(dateTimeText(value)) : QJsonValue();
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Most rows hold an empty list or object; parsing those was a visible share of loading.
QJsonArray parseArray(const QVariant &value)
{
    const QString text = value.toString();
    if (text.isEmpty() || text == QLatin1String("[]"))
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QJsonObject parseObject(const QVariant &value)
{
    const QString text = value.toString();
    if (text.isEmpty() || text == QLatin1String("{}"))
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString rolesJson(const QList<RolePeriod> &roles)
{
    QJsonArray array;
    for (const RolePeriod &role : roles) {
        array.append(QJsonObject{
            {QStringLiteral("organisationId"), role.organisationId},
            {QStringLiteral("roleId"), role.roleId},
            {QStringLiteral("start"), jsonDate(role.start)},
            {QStringLiteral("end"), jsonDate(role.end)},
            {QStringLiteral("type"), role.type},
            {QStringLiteral("organisationUnit"), role.organisationUnit},
        });
    }
    return compact(array);
}

QList<RolePeriod> rolesFrom(const QVariant &value)
{
    QList<RolePeriod> roles;
    for (const QJsonValue &item : parseArray(value)) {
        const QJsonObject object = item.toObject();
        RolePeriod role;
        role.organisationId = object.value(QLatin1String("organisationId")).toInteger();
        role.roleId = object.value(QLatin1String("roleId")).toInteger();
        role.start = parseIsoDate(object.value(QLatin1String("start")).toString());
        role.end = parseIsoDate(object.value(QLatin1String("end")).toString());
        role.type = object.value(QLatin1String("type")).toString();
        role.organisationUnit = object.value(QLatin1String("organisationUnit")).toString();
        roles.append(role);
    }
    return roles;
}

QString rightPlansJson(const QList<DoorPlan> &plans)
{
    QJsonArray array;
    for (const DoorPlan &plan : plans) {
        array.append(QJsonObject{{QStringLiteral("doorNo"), plan.doorNo},
                                 {QStringLiteral("planTemplateNo"), plan.planTemplateNo}});
    }
    return compact(array);
}

QList<DoorPlan> rightPlansFrom(const QJsonArray &array)
{
    QList<DoorPlan> plans;
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        plans.append(DoorPlan{object.value(QLatin1String("doorNo")).toInt(1),
                              object.value(QLatin1String("planTemplateNo")).toString()});
    }
    return plans;
}

QString otherFieldsJson(const QVariantMap &fields)
{
    return compact(QJsonObject::fromVariantMap(fields));
}

// The whole person, for the operation journal's before/after columns.
QString personJson(const Person &person)
{
    return compact(QJsonObject{
        {QStringLiteral("employeeNo"), person.employeeNo},
        {QStringLiteral("name"), person.name},
        {QStringLiteral("givenName"), person.givenName},
        {QStringLiteral("familyName"), person.familyName},
        {QStringLiteral("userType"), person.userType},
        {QStringLiteral("validity"),
         QJsonObject{{QStringLiteral("enabled"), person.validity.enabled},
                     {QStringLiteral("begin"), jsonWallClock(person.validity.begin)},
                     {QStringLiteral("end"), jsonWallClock(person.validity.end)}}},
        {QStringLiteral("doorRight"), person.doorRight},
        {QStringLiteral("rightPlans"), parseArray(rightPlansJson(person.rightPlans))},
        {QStringLiteral("numOfCard"), person.numOfCard},
        {QStringLiteral("numOfFace"), person.numOfFace},
        {QStringLiteral("numOfFP"), person.numOfFP},
        {QStringLiteral("otherFields"), QJsonObject::fromVariantMap(person.otherFields)},
    });
}

std::optional<Person> personFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const QJsonObject object = parseObject(value);
    Person person;
    person.employeeNo = object.value(QLatin1String("employeeNo")).toString();
    person.name = object.value(QLatin1String("name")).toString();
    person.givenName = object.value(QLatin1String("givenName")).toString();
    person.familyName = object.value(QLatin1String("familyName")).toString();
    person.userType = object.value(QLatin1String("userType")).toString();
    const QJsonObject validity = object.value(QLatin1String("validity")).toObject();
    person.validity.enabled = validity.value(QLatin1String("enabled")).toBool();
    person.validity.begin = wallClockFrom(validity.value(QLatin1String("begin")).toVariant());
    person.validity.end = wallClockFrom(validity.value(QLatin1String("end")).toVariant());
    person.doorRight = object.value(QLatin1String("doorRight")).toString();
    person.rightPlans = rightPlansFrom(object.value(QLatin1String("rightPlans")).toArray());
    person.numOfCard = object.value(QLatin1String("numOfCard")).toInt(-1);
    person.numOfFace = object.value(QLatin1String("numOfFace")).toInt(-1);
    person.numOfFP = object.value(QLatin1String("numOfFP")).toInt(-1);
    person.otherFields = object.value(QLatin1String("otherFields")).toObject().toVariantMap();
    return person;
}

QString tagsJson(const QStringList &tags)
{
    return compact(QJsonArray::fromStringList(tags));
}

QStringList tagsFrom(const QVariant &value)
{
    QStringList tags;
    for (const QJsonValue &item : parseArray(value))
        tags.append(item.toString());
    return tags;
}

int toInt(const QVariant &value)
{
    return value.toInt();
}

// ---- Statements -------------------------------------------------------------------------------

// A prepared statement with positional parameters that logs its own failures.
} // namespace

// One prepared query per statement text, kept for the connection's lifetime. A statement that
// is still in use (a nested call running the same SQL) gets a fresh query of its own instead.
class Store::Statements
{
public:
    explicit Statements(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {}

    struct Entry
    {
        explicit Entry(const QSqlDatabase &db)
            : query(db)
        {}
        QSqlQuery query;
        bool inUse = false;
    };

    QSqlDatabase database() const { return QSqlDatabase::database(m_connectionName, false); }

    // The key is the two literals' addresses: every call site passes string literals.
    Entry *acquire(const char *head, const char *tail)
    {
        const auto key = std::make_pair(head, tail);
        auto it = m_entries.find(key);
        if (it == m_entries.end()) {
            auto entry = std::make_unique<Entry>(database());
            entry->query.setForwardOnly(true);
            if (!entry->query.prepare(QString::fromUtf8(head) + QString::fromUtf8(tail)))
                return nullptr; // the caller prepares its own and reports why
            it = m_entries.emplace(key, std::move(entry)).first;
        }
        Entry *entry = it->second.get();
        if (entry->inUse)
            return nullptr;
        entry->inUse = true;
        return entry;
    }

    // Before the connection closes: a prepared query must not outlive it.
    void clear() { m_entries.clear(); }

    // Statements run on this connection that may have changed the members, or a device's
    // persons or read time: what the read cache compares against. A statement that names its
    // device counts against that device only, so one door's writes keep another's snapshot.
    quint64 memberWrites = 0;
    quint64 deviceWrites = 0;
    quint64 linkWrites = 0;
    QHash<QString, quint64> deviceWritesById;

    quint64 writesOf(const QString &deviceId) const { return deviceWritesById.value(deviceId); }

    // Told of every write, when the file is a WAL database (none for ":memory:" and other
    // journals).
    std::unique_ptr<WalCheckpointer> checkpointer;

private:
    QString m_connectionName;
    std::map<std::pair<const char *, const char *>, std::unique_ptr<Entry>> m_entries;
};

namespace {

class Sql
{
public:
    // The statement is head + tail (a shared SELECT ... FROM and its WHERE/ORDER BY).
    Sql(Store::Statements &statements, const char *head, const char *tail = "")
        : m_statements(statements)
        , m_entry(statements.acquire(head, tail))
        , m_changesMembers(changes(head, {"members"}))
        , m_changesDevices(changes(head, {"devices", "device_persons"}))
        , m_changesLinks(changes(head, {"links"}))
        , m_writes(!writtenTable(head).empty())
    {
        if (m_entry) {
            m_query = &m_entry->query;
            m_prepared = true;
            return;
        }
        m_own.emplace(statements.database());
        m_query = &*m_own;
        m_query->setForwardOnly(true);
        const QString sql = QString::fromUtf8(head) + QString::fromUtf8(tail);
        m_prepared = m_query->prepare(sql);
        if (!m_prepared) {
            qCWarning(lcCore).noquote()
                << "Store: cannot prepare" << sql << "-" << m_query->lastError().text();
        }
    }

    ~Sql()
    {
        if (m_entry) {
            m_query->finish(); // ends the read, so a checkpoint is not held back
            m_entry->inUse = false;
        }
    }

    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;

    Sql &operator<<(const QVariant &value)
    {
        m_query->bindValue(m_next++, value);
        return *this;
    }

    // The statement writes this device's rows only.
    Sql &forDevice(const QString &deviceId)
    {
        m_deviceScope = deviceId;
        return *this;
    }

    bool exec(const char *what)
    {
        m_next = 0;
        if (!m_prepared)
            return false;
        // Counted whether or not it succeeds: a failed statement may have changed rows before
        // its transaction rolled back, and counting too often only costs a cache refill.
        m_statements.memberWrites += m_changesMembers ? 1 : 0;
        m_statements.linkWrites += m_changesLinks ? 1 : 0;
        if (m_changesDevices) {
            if (m_deviceScope.isEmpty())
                ++m_statements.deviceWrites;
            else
                ++m_statements.deviceWritesById[m_deviceScope];
        }
        if (m_query->exec()) {
            if (m_writes && m_statements.checkpointer)
                m_statements.checkpointer->noteWrite();
            return true;
        }
        qCWarning(lcCore).noquote()
            << "Store:" << QLatin1String(what) << "failed:" << m_query->lastError().text();
        return false;
    }

    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    qint64 lastInsertId() const { return m_query->lastInsertId().toLongLong(); }
    int rowsAffected() const { return m_query->numRowsAffected(); }

private:
    // The table an INSERT, UPDATE or DELETE writes to ("" for reads and anything else).
    static std::string_view writtenTable(std::string_view sql)
    {
        const auto after = [&](std::string_view keyword) -> std::string_view {
            const auto at = sql.find(keyword);
            if (at == std::string_view::npos)
                return {};
            std::string_view rest = sql.substr(at + keyword.size());
            return rest.substr(0, rest.find_first_of(" ("));
        };
        if (sql.rfind("INSERT", 0) == 0)
            return after(" INTO ");
        if (sql.rfind("DELETE", 0) == 0)
            return after(" FROM ");
        if (sql.rfind("UPDATE", 0) == 0)
            return after("UPDATE ");
        return {};
    }
    static bool changes(const char *sql, std::initializer_list<std::string_view> tables)
    {
        const std::string_view table = writtenTable(sql);
        return !table.empty() && std::find(tables.begin(), tables.end(), table) != tables.end();
    }

    Store::Statements &m_statements;
    Store::Statements::Entry *m_entry = nullptr;
    std::optional<QSqlQuery> m_own;
    QSqlQuery *m_query = nullptr;
    bool m_prepared = false;
    bool m_changesMembers = false;
    bool m_changesDevices = false;
    bool m_changesLinks = false;
    bool m_writes = false;
    int m_next = 0;
    QString m_deviceScope;
};

// For statements without parameters whose error text the caller reports itself.
bool execRaw(const QSqlDatabase &db, const QString &sql, QSqlError *error = nullptr,
             QStringList *rows = nullptr)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError();
        return false;
    }
    while (rows && query.next())
        rows->append(query.value(0).toString());
    return true;
}

bool isCorruption(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (ok && (code == kSqliteCorrupt || code == kSqliteNotADatabase))
        return true;
    const QString message = error.text();
    return message.contains(QLatin1String("not a database"), Qt::CaseInsensitive) ||
           message.contains(QLatin1String("malformed"), Qt::CaseInsensitive);
}

QString errorText(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

// quick_check/integrity_check rows, as one line: "Page 30: btreeInitPage() returns ...; ...".
QString findings(const QStringList &rows)
{
    QStringList lines;
    for (const QString &row : rows) {
        QString line = row;
        line.remove(QLatin1String("*** in database main ***"));
        line = line.simplified();
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines.join(QLatin1String("; "));
}

QString metaKeyFullExport(qint64 orgId)
{
    return QStringLiteral("members.%1.lastFullExportAt").arg(orgId);
}

// Column lists shared by the readers.
constexpr const char *kMemberSelect =
    "SELECT org_id, member_id, first_name, last_name, email, cell_phone1, cell_phone2, birth_date,"
    " inactive, roles, tags FROM members";

Member memberFrom(const Sql &q)
{
    Member member;
    member.key = {q.value(0).toLongLong(), q.value(1).toLongLong()};
    member.firstName = q.value(2).toString();
    member.lastName = q.value(3).toString();
    member.email = q.value(4).toString();
    member.cellPhone1 = q.value(5).toString();
    member.cellPhone2 = q.value(6).toString();
    member.birthDate = dateFrom(q.value(7));
    member.inactive = q.value(8).toBool();
    member.roles = rolesFrom(q.value(9));
    member.tags = tagsFrom(q.value(10));
    return member;
}

// Persons on one device mostly share their door plans and extra fields, word for word. Parsing
// each distinct text once and sharing the result (Qt containers are implicitly shared) makes a
// 10,000-person snapshot faster to load and smaller in memory.
struct PersonFieldCache
{
    QHash<QString, QList<DoorPlan>> rightPlans;
    QHash<QString, QVariantMap> otherFields;

    QList<DoorPlan> rightPlansOf(const QVariant &value)
    {
        const QString text = value.toString();
        auto it = rightPlans.constFind(text);
        if (it == rightPlans.cend())
            it = rightPlans.insert(text, rightPlansFrom(parseArray(text)));
        return it.value();
    }

    QVariantMap otherFieldsOf(const QVariant &value)
    {
        const QString text = value.toString();
        auto it = otherFields.constFind(text);
        if (it == otherFields.cend())
            it = otherFields.insert(text, parseObject(text).toVariantMap());
        return it.value();
    }
};

Person devicePersonFrom(const Sql &q, PersonFieldCache &cache)
{
    Person person;
    person.employeeNo = q.value(0).toString();
    person.name = q.value(1).toString();
    person.givenName = q.value(2).toString();
    person.familyName = q.value(3).toString();
    person.userType = q.value(4).toString();
    person.validity.enabled = q.value(5).toBool();
    person.validity.begin = wallClockFrom(q.value(6));
    person.validity.end = wallClockFrom(q.value(7));
    person.doorRight = q.value(8).toString();
    person.rightPlans = cache.rightPlansOf(q.value(9));
    person.numOfCard = toInt(q.value(10));
    person.numOfFace = toInt(q.value(11));
    person.numOfFP = toInt(q.value(12));
    person.otherFields = cache.otherFieldsOf(q.value(13));
    return person;
}

Link linkFrom(const Sql &q)
{
    Link link;
    link.deviceId = q.value(0).toString();
    link.employeeNo = q.value(1).toString();
    link.member = {q.value(2).toLongLong(), q.value(3).toLongLong()};
    link.origin = linkOriginFromString(q.value(4).toString()).value_or(LinkOrigin::Manual);
    link.createdAt = instantFrom(q.value(5));
    link.createdBy = q.value(6).toString();
    return link;
}

MemberOverride overrideFrom(const Sql &q)
{
    MemberOverride result;
    result.member = {q.value(0).toLongLong(), q.value(1).toLongLong()};
    result.allowUntil = dateFrom(q.value(2));
    result.blocked = q.value(3).toBool();
    result.note = q.value(4).toString();
    result.changedAt = instantFrom(q.value(5));
    result.changedBy = q.value(6).toString();
    return result;
}

RunRecord runFrom(const Sql &q)
{
    RunRecord run;
    run.id = q.value(0).toLongLong();
    run.kind = runKindFromString(q.value(1).toString()).value_or(RunKind::QuickSync);
    run.startedAt = instantFrom(q.value(2));
    run.finishedAt = instantFrom(q.value(3));
    run.status = runStatusFromString(q.value(4).toString()).value_or(RunStatus::Failed);
    run.membersFetched = toInt(q.value(5));
    run.created = toInt(q.value(6));
    run.updated = toInt(q.value(7));
    run.revoked = toInt(q.value(8));
    run.deleted = toInt(q.value(9));
    run.conflicts = toInt(q.value(10));
    run.failed = toInt(q.value(11));
    run.error = q.value(12).toString();
    return run;
}

OperationRecord operationFrom(const Sql &q)
{
    OperationRecord op;
    op.id = q.value(0).toLongLong();
    op.runId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    op.deviceId = q.value(2).toString();
    op.employeeNo = q.value(3).toString();
    if (!q.value(4).isNull() && !q.value(5).isNull())
        op.member = MemberKey{q.value(4).toLongLong(), q.value(5).toLongLong()};
    op.action = actionKindFromString(q.value(6).toString()).value_or(ActionKind::Unchanged);
    op.before = personFrom(q.value(7));
    op.after = personFrom(q.value(8));
    op.status = operationStatusFromString(q.value(9).toString()).value_or(OperationStatus::Failed);
    op.error = q.value(10).toString();
    op.at = instantFrom(q.value(11));
    op.detail = q.value(12).toString();
    return op;
}

constexpr const char *kRunSelect =
    "SELECT id, kind, started_at, finished_at, status, members_fetched, created, updated,"
    " revoked, deleted, conflicts, failed, error FROM runs";
constexpr const char *kOperationSelect =
    "SELECT id, run_id, device_id, employee_no, org_id, member_id, action, before_json,"
    " after_json, status, error, at, detail FROM operations";

} // namespace

// ---- Transactions -----------------------------------------------------------------------------

// BEGIN IMMEDIATE ... COMMIT at the outermost level, a savepoint inside another transaction.
// Rolls back on destruction unless committed.
class Store::Transaction
{
public:
    explicit Transaction(Store &store)
        : m_store(store)
        , m_depth(store.m_transactionDepth)
        , m_firstAfterCommit(store.m_afterCommit.size())
    {
        m_active = exec(m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                     : QStringLiteral("SAVEPOINT cis_%1").arg(m_depth));
        if (m_active)
            ++m_store.m_transactionDepth;
    }
    ~Transaction()
    {
        if (m_active)
            rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }

    bool commit()
    {
        if (!m_active)
            return false;
        if (!exec(m_depth == 0 ? QStringLiteral("COMMIT")
                               : QStringLiteral("RELEASE cis_%1").arg(m_depth))) {
            rollback();
            return false;
        }
        m_active = false;
        --m_store.m_transactionDepth;
        if (m_depth == 0) {
            const auto actions = std::exchange(m_store.m_afterCommit, {});
            for (const auto &action : actions)
                action();
        }
        return true;
    }

private:
    void rollback()
    {
        m_store.m_afterCommit.resize(m_firstAfterCommit);
        // What was read inside the transaction may have been cached, and may now be gone.
        ++m_store.m_statements->memberWrites;
        ++m_store.m_statements->deviceWrites;
        ++m_store.m_statements->linkWrites;
        if (m_depth == 0) {
            exec(QStringLiteral("ROLLBACK"));
        } else {
            exec(QStringLiteral("ROLLBACK TO cis_%1").arg(m_depth));
            exec(QStringLiteral("RELEASE cis_%1").arg(m_depth));
        }
        m_active = false;
        --m_store.m_transactionDepth;
    }

    bool exec(const QString &sql)
    {
        QSqlError error;
        if (execRaw(m_store.database(), sql, &error))
            return true;
        qCWarning(lcCore).noquote() << "Store:" << sql << "failed:" << error.text();
        return false;
    }

    Store &m_store;
    int m_depth = 0;
    size_t m_firstAfterCommit = 0;
    bool m_active = false;
};

void Store::afterCommit(std::function<void()> action)
{
    if (m_transactionDepth == 0)
        action();
    else
        m_afterCommit.push_back(std::move(action));
}

// ---- Opening ----------------------------------------------------------------------------------

Store::Store(QString path, QString connectionName, const Clock &clock)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_clock(clock)
    , m_statements(std::make_unique<Statements>(m_connectionName))
    , m_readCache(std::make_unique<ReadCache>())
{}

Store::~Store()
{
    // Its connection closes first: the last one to close checkpoints.
    m_statements->checkpointer.reset();
    m_statements->clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Store::Statements &Store::statements() const
{
    return *m_statements;
}

// The last member list and device snapshots read, kept while nothing could have changed them:
// no statement on this connection wrote their tables, and no other connection committed
// anything (PRAGMA data_version). A quiet quick sync and every refresh of the window read the
// same 10,000 members and persons again otherwise.
struct Store::ReadCache
{
    struct Members
    {
        qint64 orgId = 0;
        quint64 writes = 0;
        qint64 dataVersion = -1;
        QList<Member> list;
    };
    struct Snapshot
    {
        quint64 writes = 0;    // Statements::deviceWrites
        quint64 ownWrites = 0; // Statements::writesOf(the device)
        qint64 dataVersion = -1;
        DeviceSnapshot snapshot;
    };
    struct Links
    {
        quint64 writes = 0; // Statements::linkWrites
        qint64 dataVersion = -1;
        QList<Link> list;
        std::optional<QHash<QString, MemberKey>> memberOf; // by employeeNo, made when asked
    };
    std::optional<Members> members;
    QHash<QString, Snapshot> snapshots;
    QHash<QString, Links> links; // by device
};

qint64 Store::dataVersion() const
{
    Sql q(statements(), "PRAGMA data_version");
    if (!q.exec("reading the data version") || !q.next())
        return -1; // never equal to a cached version
    return q.value(0).toLongLong();
}

Store::OpenResult Store::open(const QString &path, const Clock &clock)
{
    const bool inMemory = path == QLatin1String(":memory:");
    const QString shown =
        inMemory ? path : QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    const auto failure = [&](StoreError::Kind kind, const QString &message) {
        qCWarning(lcCore).noquote() << "Store:" << message;
        return OpenResult(StoreError{kind, message});
    };
    const auto cannotOpen = [&](const QString &why) {
        return failure(StoreError::CannotOpen,
                       QStringLiteral("The database %1 could not be opened: %2. Check that the "
                                      "folder exists and that you may write to it.")
                           .arg(shown, why));
    };

    if (!inMemory) {
        const QFileInfo info(path);
        if (info.isDir())
            return cannotOpen(QStringLiteral("it is a folder"));
        const QString folder = info.absolutePath();
        if (!QDir(folder).exists() && !QDir().mkpath(folder)) {
            return cannotOpen(QStringLiteral("the folder %1 could not be created")
                                  .arg(QDir::toNativeSeparators(folder)));
        }
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return failure(StoreError::Failed,
                       QStringLiteral("The database %1 cannot be opened: the SQLite driver for "
                                      "Qt (qsqlite) is not installed.")
                           .arg(shown));
    }

    const QString connectionName = QStringLiteral("cis-store-%1").arg(++g_connectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
    }
    // From here on the Store owns the connection and removes it however we leave.
    std::unique_ptr<Store> store(new Store(shown, connectionName, clock));
    QSqlDatabase db = store->database();
    if (!db.open())
        return cannotOpen(errorText(db.lastError()));

    // Nothing below writes to the file until the checks have passed.
    const auto readFailure = [&](const QSqlError &error) {
        if (isCorruption(error)) {
            return failure(StoreError::Corrupt,
                           QStringLiteral("The database %1 is damaged (integrity check: %2). It "
                                          "was left untouched; restore a backup or move it away.")
                               .arg(shown, errorText(error)));
        }
        return cannotOpen(errorText(error));
    };
    QSqlError error;
    if (!execRaw(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs), &error) ||
        !execRaw(db, QStringLiteral("PRAGMA foreign_keys = ON"), &error)) {
        return readFailure(error);
    }
    QStringList rows;
    if (!execRaw(db, QStringLiteral("PRAGMA user_version"), &error, &rows) || rows.isEmpty())
        return readFailure(error);
    const int version = rows.constFirst().toInt();

    rows.clear();
    if (!execRaw(db, QStringLiteral("PRAGMA quick_check"), &error, &rows))
        return readFailure(error);
    if (rows != QStringList{QStringLiteral("ok")}) {
        constexpr int kShown = 5;
        QString found = findings(rows.mid(0, kShown));
        if (rows.size() > kShown)
            found += QStringLiteral("; and %1 more").arg(rows.size() - kShown);
        return failure(StoreError::Corrupt,
                       QStringLiteral("The database %1 is damaged (integrity check: %2). It was "
                                      "left untouched; restore a backup or move it away.")
                           .arg(shown, found));
    }

    rows.clear();
    if (!execRaw(db, QStringLiteral("PRAGMA application_id"), &error, &rows) || rows.isEmpty())
        return readFailure(error);
    const qint64 applicationId = rows.constFirst().toLongLong();
    rows.clear();
    if (!execRaw(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &error, &rows) ||
        rows.isEmpty()) {
        return readFailure(error);
    }
    const bool hasTables = rows.constFirst().toInt() > 0;
    if ((applicationId != 0 && applicationId != kApplicationId) || (version == 0 && hasTables)) {
        return failure(StoreError::Failed,
                       QStringLiteral("The file %1 is not a Cardskipper IVMS Sync database. It was "
                                      "left untouched; choose another database file.")
                           .arg(shown));
    }

    if (version > latestSchemaVersion()) {
        return failure(StoreError::NewerSchema,
                       QStringLiteral("The database %1 was written by a newer version of "
                                      "Cardskipper IVMS Sync (schema %2, this program knows %3). "
                                      "Install the newer version or choose another database "
                                      "file.")
                           .arg(shown)
                           .arg(version)
                           .arg(latestSchemaVersion()));
    }
    store->m_schemaVersion = version;

    bool wal = false;
    if (!inMemory) {
        rows.clear();
        if (!execRaw(db, QStringLiteral("PRAGMA journal_mode = WAL"), &error, &rows))
            return readFailure(error);
        wal = rows.value(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
        if (!wal) {
            qCWarning(lcCore).noquote()
                << "Store: the database" << shown << "stays in journal mode" << rows.value(0);
        }
        if (!execRaw(db, QStringLiteral("PRAGMA synchronous = NORMAL"), &error))
            return readFailure(error);
        // In WAL mode with synchronous NORMAL only a checkpoint waits for the disk, inside the
        // commit that triggers it, and every door's next request waits with it. A
        // WalCheckpointer does them on a thread of its own; this one is left the remainder
        // when the WAL has grown to 40 MB, as it does while writes never pause.
        if (!execRaw(db, QStringLiteral("PRAGMA wal_autocheckpoint = 10000"), &error))
            return readFailure(error);
    }

    QString migrationError;
    if (!store->migrate(&migrationError)) {
        return failure(StoreError::Failed,
                       QStringLiteral("The database %1 could not be upgraded to schema %2: %3. "
                                      "It was left at schema %4.")
                           .arg(shown)
                           .arg(store->m_schemaVersion + 1)
                           .arg(migrationError)
                           .arg(store->m_schemaVersion));
    }
    if (wal) {
        store->m_statements->checkpointer = std::make_unique<WalCheckpointer>(
            QFileInfo(path).absoluteFilePath(), connectionName + QStringLiteral("-checkpoint"),
            kCheckpointIntervalMs);
    }
    return OpenResult(std::move(store));
}

WalCheckpointer::Stats Store::backgroundCheckpoints() const
{
    return m_statements->checkpointer ? m_statements->checkpointer->stats()
                                      : WalCheckpointer::Stats{};
}

bool Store::migrate(QString *error)
{
    const QSqlDatabase db = database();
    const int from = m_schemaVersion;
    while (m_schemaVersion < latestSchemaVersion()) {
        const int next = m_schemaVersion + 1;
        Transaction tx(*this);
        if (!tx.isActive()) {
            *error = QStringLiteral("could not start a transaction");
            return false;
        }
        QStringList statements = migrationStatements(next);
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(next));
        for (const QString &statement : std::as_const(statements)) {
            QSqlError sqlError;
            if (!execRaw(db, statement, &sqlError)) {
                *error = errorText(sqlError);
                return false;
            }
        }
        if (!tx.commit()) {
            *error = QStringLiteral("the commit failed");
            return false;
        }
        qCDebug(lcCore).noquote() << "Store:" << m_path << "migrated to schema" << next;
        m_schemaVersion = next;
    }
    if (from == 0) {
        qCInfo(lcCore).noquote() << "Store: created" << m_path << "with schema" << m_schemaVersion;
    } else if (m_schemaVersion != from) {
        qCInfo(lcCore).noquote() << "Store:" << m_path << "migrated from schema" << from << "to"
                                 << m_schemaVersion;
    }
    return true;
}

bool Store::transaction(const std::function<bool()> &fn)
{
    Transaction tx(*this);
    if (!tx.isActive())
        return false;
    if (!fn())
        return false; // rolled back by tx
    return tx.commit();
}

QString Store::integrityCheck()
{
    QSqlError error;
    QStringList rows;
    if (!execRaw(database(), QStringLiteral("PRAGMA integrity_check"), &error, &rows))
        return errorText(error);
    return findings(rows);
}

// ---- Members ----------------------------------------------------------------------------------

bool Store::writeMembers(qint64 orgId, const QList<Member> &members, bool replace)
{
    for (const Member &member : members) {
        if (member.key.organisationId != orgId) {
            qCWarning(lcCore) << "Store: member" << member.key.organisationMemberId
                              << "belongs to organisation" << member.key.organisationId << "not"
                              << orgId << "- nothing stored";
            return false;
        }
    }
    Transaction tx(*this);
    if (!tx.isActive())
        return false;
    const QVariant now = instant(m_clock.now());
    Sql insert(statements(),
               "INSERT OR REPLACE INTO members (org_id, member_id, first_name, last_name,"
               " email, cell_phone1, cell_phone2, birth_date, inactive, roles, tags,"
               " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const auto store = [&](const Member &member) {
        insert << member.key.organisationId << member.key.organisationMemberId
               << text(member.firstName) << text(member.lastName) << text(member.email)
               << text(member.cellPhone1) << text(member.cellPhone2) << dateValue(member.birthDate)
               << member.inactive << rolesJson(member.roles) << tagsJson(member.tags) << now;
        return insert.exec("storing a member");
    };
    if (!replace) {
        for (const Member &member : members) {
            if (!store(member))
                return false;
        }
        return tx.commit();
    }
    // A full export: only the members who differ from what is stored are written (updated_at is
    // when a row last changed), so an unchanged club of 10,000 costs no writes. Inside the
    // transaction nobody else can commit, so what is stored stays what this reads.
    const qint64 version = dataVersion();
    const QList<Member> stored = this->members(orgId);
    QHash<qint64, const Member *> gone;
    gone.reserve(stored.size());
    for (const Member &member : stored)
        gone.insert(member.key.organisationMemberId, &member);
    // One row per member id, the last one exported winning, in the order members() reads them.
    QHash<qint64, qsizetype> last;
    last.reserve(members.size());
    for (qsizetype i = 0; i < members.size(); ++i)
        last.insert(members.at(i).key.organisationMemberId, i);
    QList<Member> wanted;
    wanted.reserve(last.size());
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (last.value(members.at(i).key.organisationMemberId) == i)
            wanted.append(members.at(i));
    }
    std::sort(wanted.begin(), wanted.end(), [](const Member &a, const Member &b) {
        return a.key.organisationMemberId < b.key.organisationMemberId;
    });
    for (const Member &member : std::as_const(wanted)) {
        const auto before = gone.constFind(member.key.organisationMemberId);
        const bool unchanged = before != gone.constEnd() && **before == member;
        if (before != gone.constEnd())
            gone.erase(before);
        if (!unchanged && !store(member))
            return false;
    }
    Sql remove(statements(), "DELETE FROM members WHERE org_id = ? AND member_id = ?");
    for (auto it = gone.cbegin(); it != gone.cend(); ++it) {
        remove << orgId << it.key();
        if (!remove.exec("removing a member"))
            return false;
    }
    if (!setMeta(metaKeyFullExport(orgId), now.toString()))
        return false;
    afterCommit(
        [this, cached = ReadCache::Members{orgId, m_statements->memberWrites, version,
                                           std::move(wanted)}] { m_readCache->members = cached; });
    return tx.commit();
}

bool Store::replaceMembers(qint64 orgId, const QList<Member> &members)
{
    return writeMembers(orgId, members, true);
}

bool Store::upsertMembers(qint64 orgId, const QList<Member> &members)
{
    return writeMembers(orgId, members, false);
}

QList<Member> Store::members(qint64 orgId) const
{
    const qint64 version = dataVersion();
    const auto &cached = m_readCache->members;
    if (cached && version >= 0 && cached->orgId == orgId &&
        cached->writes == m_statements->memberWrites && cached->dataVersion == version)
        return cached->list;
    QList<Member> result;
    Sql q(statements(), kMemberSelect, " WHERE org_id = ? ORDER BY member_id");
    q << orgId;
    if (!q.exec("reading the members"))
        return result;
    while (q.next())
        result.append(memberFrom(q));
    m_readCache->members = ReadCache::Members{orgId, m_statements->memberWrites, version, result};
    return result;
}

std::optional<Member> Store::member(const MemberKey &key) const
{
    Sql q(statements(), kMemberSelect, " WHERE org_id = ? AND member_id = ?");
    q << key.organisationId << key.organisationMemberId;
    if (!q.exec("reading a member") || !q.next())
        return std::nullopt;
    return memberFrom(q);
}

int Store::memberCount(qint64 orgId) const
{
    Sql q(statements(), "SELECT count(*) FROM members WHERE org_id = ?");
    q << orgId;
    if (!q.exec("counting the members") || !q.next())
        return -1;
    return q.value(0).toInt();
}

QDateTime Store::lastFullExportAt(qint64 orgId) const
{
    const QString value = meta(metaKeyFullExport(orgId));
    return value.isEmpty() ? QDateTime() : instantFrom(value);
}

// ---- Meta -------------------------------------------------------------------------------------

bool Store::setMeta(const QString &key, const QString &value)
{
    Sql q(statements(), "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    q << key << text(value);
    return q.exec("storing a setting");
}

QString Store::meta(const QString &key, const QString &defaultValue) const
{
    Sql q(statements(), "SELECT value FROM meta WHERE key = ?");
    q << key;
    if (!q.exec("reading a setting") || !q.next())
        return defaultValue;
    return q.value(0).toString();
}

// ---- Device snapshots -------------------------------------------------------------------------

namespace {

constexpr const char *kPersonInsert =
    "INSERT OR REPLACE INTO device_persons (device_id, employee_no, name, given_name,"
    " family_name, user_type, valid_enabled, valid_begin, valid_end, door_right, right_plans,"
    " num_card, num_face, num_fp, other_fields, last_seen)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

bool insertPerson(Sql &insert, const QString &deviceId, const Person &person, const QVariant &seen)
{
    insert << deviceId << text(person.employeeNo) << text(person.name) << text(person.givenName)
           << text(person.familyName) << text(person.userType) << person.validity.enabled
           << wallClock(person.validity.begin) << wallClock(person.validity.end)
           << text(person.doorRight) << rightPlansJson(person.rightPlans) << person.numOfCard
           << person.numOfFace << person.numOfFP << otherFieldsJson(person.otherFields) << seen;
    return insert.exec("storing a device person");
}

// SQLite's ORDER BY employee_no: the UTF-8 bytes (QString's own order differs above U+D7FF).
bool storedOrderLess(const Person &a, const Person &b)
{
    return std::lexicographical_compare(
        a.employeeNo.cbegin(), a.employeeNo.cend(), b.employeeNo.cbegin(), b.employeeNo.cend(),
        [](QChar x, QChar y) {
            // Surrogates (code points above U+FFFF) sort after every other UTF-16 unit in UTF-8.
            const auto rank = [](QChar c) {
                return c.isSurrogate() ? c.unicode() + 0x10000u : uint(c.unicode());
            };
            return rank(x) < rank(y);
        });
}

// What a full read leaves stored: one row per employee number (the last one read wins, as the
// INSERT OR REPLACE it replaces did), in the order the snapshot is read back.
QList<Person> inStoredOrder(const QList<Person> &persons)
{
    QHash<QString, qsizetype> last;
    last.reserve(persons.size());
    for (qsizetype i = 0; i < persons.size(); ++i)
        last.insert(persons.at(i).employeeNo, i);
    // Sorted by reference: moving 10,000 persons about cost more than comparing them.
    std::vector<const Person *> kept;
    kept.reserve(std::size_t(last.size()));
    for (qsizetype i = 0; i < persons.size(); ++i) {
        if (last.value(persons.at(i).employeeNo) == i)
            kept.push_back(&persons.at(i));
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const Person *a, const Person *b) { return storedOrderLess(*a, *b); });
    QList<Person> result;
    result.reserve(qsizetype(kept.size()));
    for (const Person *person : kept)
        result.append(*person);
    return result;
}

// The same row: equal, and the validity written with the same wall clock (equal instants in
// different time specs would be written differently).
bool sameStoredPerson(const Person &a, const Person &b)
{
    const auto sameWallClock = [](const QDateTime &x, const QDateTime &y) {
        return x.isValid() == y.isValid() &&
               (!x.isValid() || (x.date() == y.date() && x.time() == y.time()));
    };
    return a == b && sameWallClock(a.validity.begin, b.validity.begin) &&
           sameWallClock(a.validity.end, b.validity.end);
}

} // namespace

// What a full read knows of the device's stored rows: those read from the file when it began,
// and every one it wrote since.
class Store::DeviceRead
{
public:
    QString deviceId;
    QHash<QString, Person> stored;
    // The store's counters when `stored` was last known to equal the file.
    quint64 writes = 0;
    quint64 ownWrites = 0;
    qint64 dataVersion = -1;
};

std::shared_ptr<Store::DeviceRead> Store::beginDeviceRead(const QString &deviceId)
{
    auto read = std::make_shared<DeviceRead>();
    read->deviceId = deviceId;
    refreshDeviceRead(*read);
    return read;
}

// Reads the stored rows again if anything but the read itself may have written them.
void Store::refreshDeviceRead(DeviceRead &read) const
{
    const qint64 version = dataVersion();
    if (version >= 0 && read.dataVersion == version && read.writes == m_statements->deviceWrites &&
        read.ownWrites == m_statements->writesOf(read.deviceId))
        return;
    const DeviceSnapshot snapshot = deviceSnapshot(read.deviceId);
    read.stored.clear();
    read.stored.reserve(snapshot.persons.size());
    for (const Person &person : snapshot.persons)
        read.stored.insert(person.employeeNo, person);
    read.writes = m_statements->deviceWrites;
    read.ownWrites = m_statements->writesOf(read.deviceId);
    read.dataVersion = version;
}

// Only the rows that differ are written: a reconcile that finds the door as it was last time
// writes nothing for its persons. last_seen is therefore when a row last changed.
bool Store::writeChangedPersons(DeviceRead &read, const QList<Person> &persons,
                                const QVariant &seen, QList<Person> *written)
{
    Sql insert(statements(), kPersonInsert);
    insert.forDevice(read.deviceId);
    for (const Person &person : persons) {
        const auto before = read.stored.find(person.employeeNo);
        if (before != read.stored.end() && sameStoredPerson(*before, person)) {
            // Kept as read (it equals the row, committed or not): the read's end compares
            // every person again, and finds the same data shared at once.
            *before = person;
            continue;
        }
        if (!insertPerson(insert, read.deviceId, person, seen))
            return false;
        written->append(person);
    }
    return true;
}

bool Store::saveDeviceReadPage(DeviceRead &read, const QList<Person> &persons)
{
    Transaction tx(*this);
    if (!tx.isActive())
        return false;
    // Inside the transaction nobody else can commit, so what is stored stays what this knows.
    refreshDeviceRead(read);
    Sql device(statements(), "INSERT OR IGNORE INTO devices (device_id) VALUES (?)");
    device.forDevice(read.deviceId) << read.deviceId;
    if (!device.exec("recording the device"))
        return false;
    QList<Person> written;
    if (!writeChangedPersons(read, persons, instant(m_clock.now()), &written) || !tx.commit())
        return false;
    for (const Person &person : std::as_const(written))
        read.stored.insert(person.employeeNo, person);
    // Counted only when committed for good: inside another transaction, the next call finds
    // the counters moved and reads the file again.
    if (m_transactionDepth == 0) {
        read.writes = m_statements->deviceWrites;
        read.ownWrites = m_statements->writesOf(read.deviceId);
    }
    return true;
}

bool Store::finishDeviceRead(DeviceRead &read, const QList<Person> &persons,
                             const QDateTime &readAt)
{
    Transaction tx(*this);
    if (!tx.isActive())
        return false;
    refreshDeviceRead(read);
    DeviceSnapshot snapshot{read.deviceId, inStoredOrder(persons),
                            readAt.isValid() ? readAt : m_clock.now()};
    const QVariant seen = instant(snapshot.readAt);
    Sql device(statements(),
               "INSERT INTO devices (device_id, last_read_at) VALUES (?, ?)"
               " ON CONFLICT (device_id) DO UPDATE SET last_read_at = excluded.last_read_at");
    device.forDevice(read.deviceId) << read.deviceId << seen;
    if (!device.exec("recording the device read"))
        return false;
    QList<Person> written;
    if (!writeChangedPersons(read, snapshot.persons, seen, &written))
        return false;
    QSet<QString> found;
    found.reserve(snapshot.persons.size());
    for (const Person &person : std::as_const(snapshot.persons))
        found.insert(person.employeeNo);
    Sql remove(statements(), "DELETE FROM device_persons WHERE device_id = ? AND employee_no = ?");
    remove.forDevice(read.deviceId);
    for (auto it = read.stored.cbegin(); it != read.stored.cend(); ++it) {
        if (found.contains(it.key()))
            continue;
        remove << read.deviceId << it.key();
        if (!remove.exec("removing a device person"))
            return false;
    }
    const ReadCache::Snapshot cached{m_statements->deviceWrites,
                                     m_statements->writesOf(read.deviceId), read.dataVersion,
                                     std::move(snapshot)};
    afterCommit(
        [this, cached] { m_readCache->snapshots.insert(cached.snapshot.deviceId, cached); });
    if (!tx.commit())
        return false;
    read.stored.clear(); // the read is over; the cache holds what it found
    read.dataVersion = -1;
    return true;
}

bool Store::replaceDevicePersons(const QString &deviceId, const QList<Person> &persons,
                                 const QDateTime &readAt)
{
    const auto read = beginDeviceRead(deviceId);
    return finishDeviceRead(*read, persons, readAt);
}

bool Store::upsertDevicePerson(const QString &deviceId, const Person &person)
{
    Transaction tx(*this);
    if (!tx.isActive())
        return false;
    const quint64 ownBefore = m_statements->writesOf(deviceId);
    Sql device(statements(), "INSERT OR IGNORE INTO devices (device_id) VALUES (?)");
    device.forDevice(deviceId) << deviceId;
    if (!device.exec("recording the device"))
        return false;
    Sql insert(statements(), kPersonInsert);
    insert.forDevice(deviceId);
    if (!insertPerson(insert, deviceId, person, instant(m_clock.now())))
        return false;
    afterCommit([this, deviceId, person, ownBefore, writes = m_statements->deviceWrites,
                 ownAfter = m_statements->writesOf(deviceId)] {
        updateCachedSnapshot(deviceId, writes, ownBefore, ownAfter, [&](QList<Person> &persons) {
            const auto at =
                std::lower_bound(persons.cbegin(), persons.cend(), person, storedOrderLess);
            if (at != persons.cend() && at->employeeNo == person.employeeNo) {
                persons[at - persons.cbegin()] = person;
                return true;
            }
            // A person new to the snapshot belongs in its place in the order; moving every
            // person after it, for each of 10,000 creates, would cost more than reading again.
            if (at != persons.cend())
                return false;
            persons.append(person);
            return true;
        });
    });
    return tx.commit();
}

bool Store::removeDevicePerson(const QString &deviceId, const QString &employeeNo)
{
    const quint64 ownBefore = m_statements->writesOf(deviceId);
    Sql q(statements(), "DELETE FROM device_persons WHERE device_id = ? AND employee_no = ?");
    q.forDevice(deviceId) << deviceId << employeeNo;
    if (!q.exec("removing a device person"))
        return false;
    afterCommit([this, deviceId, employeeNo, ownBefore, writes = m_statements->deviceWrites,
                 ownAfter = m_statements->writesOf(deviceId)] {
        updateCachedSnapshot(deviceId, writes, ownBefore, ownAfter, [&](QList<Person> &persons) {
            Person removed;
            removed.employeeNo = employeeNo;
            const auto at =
                std::lower_bound(persons.cbegin(), persons.cend(), removed, storedOrderLess);
            if (at != persons.cend() && at->employeeNo == employeeNo)
                persons.remove(at - persons.cbegin());
            return true;
        });
    });
    return true;
}

// A write to one person keeps the cached snapshot when it was current right before the write
// (then the write is all that changed) and change() can apply it cheaply; else it is dropped.
void Store::updateCachedSnapshot(const QString &deviceId, quint64 writes, quint64 ownBefore,
                                 quint64 ownAfter,
                                 const std::function<bool(QList<Person> &)> &change)
{
    const auto cached = m_readCache->snapshots.find(deviceId);
    if (cached == m_readCache->snapshots.end())
        return;
    if (cached->writes != writes || cached->ownWrites != ownBefore ||
        !change(cached->snapshot.persons)) {
        m_readCache->snapshots.erase(cached);
        return;
    }
    cached->ownWrites = ownAfter;
}

const DeviceSnapshot *Store::cachedSnapshot(const QString &deviceId, qint64 version) const
{
    const auto cached = m_readCache->snapshots.constFind(deviceId);
    if (cached != m_readCache->snapshots.cend() && version >= 0 &&
        cached->writes == m_statements->deviceWrites &&
        cached->ownWrites == m_statements->writesOf(deviceId) && cached->dataVersion == version)
        return &cached->snapshot;
    return nullptr;
}

DeviceSnapshot Store::deviceSnapshot(const QString &deviceId) const
{
    const qint64 version = dataVersion();
    if (const DeviceSnapshot *cached = cachedSnapshot(deviceId, version))
        return *cached;
    DeviceSnapshot snapshot = readDeviceSnapshot(deviceId);
    m_readCache->snapshots.insert(deviceId, ReadCache::Snapshot{m_statements->deviceWrites,
                                                                m_statements->writesOf(deviceId),
                                                                version, snapshot});
    return snapshot;
}

DeviceSnapshot Store::readDeviceSnapshot(const QString &deviceId) const
{
    DeviceSnapshot snapshot;
    snapshot.deviceId = deviceId;
    Sql device(statements(), "SELECT last_read_at FROM devices WHERE device_id = ?");
    device << deviceId;
    if (device.exec("reading the device") && device.next())
        snapshot.readAt = instantFrom(device.value(0));
    Sql q(statements(),
          "SELECT employee_no, name, given_name, family_name, user_type, valid_enabled,"
          " valid_begin, valid_end, door_right, right_plans, num_card, num_face, num_fp,"
          " other_fields FROM device_persons WHERE device_id = ? ORDER BY employee_no");
    q << deviceId;
    if (q.exec("reading the device snapshot")) {
        PersonFieldCache cache;
        while (q.next())
            snapshot.persons.append(devicePersonFrom(q, cache));
    }
    return snapshot;
}

QStringList Store::employeeNosWithFace(const QString &deviceId) const
{
    QStringList result;
    if (const DeviceSnapshot *cached = cachedSnapshot(deviceId, dataVersion())) {
        for (const Person &person : cached->persons) {
            if (person.numOfFace > 0)
                result.append(person.employeeNo);
        }
        return result;
    }
    // Not the whole snapshot for a few numbers: another door's, while its read goes on, is
    // not cached, and 10,000 persons took 30 ms to load.
    Sql q(statements(), "SELECT employee_no FROM device_persons",
          " WHERE device_id = ? AND num_face > 0 ORDER BY employee_no");
    q << deviceId;
    if (q.exec("reading who has a face")) {
        while (q.next())
            result.append(q.value(0).toString());
    }
    return result;
}

std::optional<Person> Store::devicePerson(const QString &deviceId, const QString &employeeNo) const
{
    Sql q(statements(),
          "SELECT employee_no, name, given_name, family_name, user_type, valid_enabled,"
          " valid_begin, valid_end, door_right, right_plans, num_card, num_face, num_fp,"
          " other_fields FROM device_persons WHERE device_id = ? AND employee_no = ?");
    q << deviceId << employeeNo;
    if (!q.exec("reading a device person") || !q.next())
        return std::nullopt;
    PersonFieldCache cache;
    return devicePersonFrom(q, cache);
}

QStringList Store::deviceIds() const
{
    QStringList result;
    Sql q(statements(), "SELECT device_id FROM devices ORDER BY device_id");
    if (!q.exec("listing the devices"))
        return result;
    while (q.next())
        result.append(q.value(0).toString());
    return result;
}

// ---- Links ------------------------------------------------------------------------------------

namespace {
constexpr const char *kLinkSelect = "SELECT device_id, employee_no, org_id, member_id, origin,"
                                    " created_at, created_by FROM links";

std::optional<QList<Link>> readLinks(Sql &q)
{
    if (!q.exec("reading the links"))
        return std::nullopt;
    QList<Link> result;
    while (q.next())
        result.append(linkFrom(q));
    return result;
}
} // namespace

bool Store::addLink(const Link &link)
{
    Sql q(statements(), "INSERT OR REPLACE INTO links (device_id, employee_no, org_id, member_id,"
                        " origin, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q << text(link.deviceId) << text(link.employeeNo) << link.member.organisationId
      << link.member.organisationMemberId << linkOriginToString(link.origin)
      << instant(link.createdAt.isValid() ? link.createdAt : m_clock.now()) << text(link.createdBy);
    return q.exec("storing a link");
}

bool Store::removeLink(const QString &deviceId, const QString &employeeNo)
{
    Sql q(statements(), "DELETE FROM links WHERE device_id = ? AND employee_no = ?");
    q << deviceId << employeeNo;
    return q.exec("removing a link");
}

// Kept while nothing could have changed them, as the members are: each door's plan, its card
// and face steps and the window read a door's 10,000 links, once per door and run.
QList<Link> Store::links(const QString &deviceId) const
{
    const qint64 version = dataVersion();
    const auto cached = m_readCache->links.constFind(deviceId);
    if (cached != m_readCache->links.cend() && version >= 0 &&
        cached->writes == m_statements->linkWrites && cached->dataVersion == version)
        return cached->list;
    Sql q(statements(), kLinkSelect, " WHERE device_id = ? ORDER BY employee_no");
    q << deviceId;
    std::optional<QList<Link>> read = readLinks(q);
    if (!read)
        return {};
    m_readCache->links.insert(
        deviceId, ReadCache::Links{m_statements->linkWrites, version, *read, std::nullopt});
    return *read;
}

QList<Link> Store::links() const
{
    Sql q(statements(), kLinkSelect, " ORDER BY device_id, employee_no");
    return readLinks(q).value_or(QList<Link>{});
}

QHash<QString, MemberKey> Store::linkedMembers(const QString &deviceId) const
{
    const QList<Link> all = links(deviceId); // brings the cache up to date
    const auto made = [&all] {
        QHash<QString, MemberKey> result;
        result.reserve(all.size());
        for (const Link &link : all)
            result.insert(link.employeeNo, link.member);
        return result;
    };
    const auto cached = m_readCache->links.find(deviceId);
    if (cached == m_readCache->links.end())
        return made(); // the links could not be read
    if (!cached->memberOf)
        cached->memberOf = made();
    return *cached->memberOf;
}

std::optional<Link> Store::linkFor(const QString &deviceId, const QString &employeeNo) const
{
    Sql q(statements(), kLinkSelect, " WHERE device_id = ? AND employee_no = ?");
    q << deviceId << employeeNo;
    if (!q.exec("reading a link") || !q.next())
        return std::nullopt;
    return linkFrom(q);
}

// ---- Rejected suggestions ---------------------------------------------------------------------

namespace {
QList<RejectedSuggestion> readRejected(Sql &q)
{
    QList<RejectedSuggestion> result;
    if (!q.exec("reading the rejected suggestions"))
        return result;
    while (q.next()) {
        result.append(
            RejectedSuggestion{q.value(0).toString(), q.value(1).toString(),
                               MemberKey{q.value(2).toLongLong(), q.value(3).toLongLong()}});
    }
    return result;
}
constexpr const char *kRejectedSelect =
    "SELECT device_id, employee_no, org_id, member_id FROM rejected_suggestions";
} // namespace

bool Store::addRejectedSuggestion(const RejectedSuggestion &rejected)
{
    Sql q(statements(),
          "INSERT OR IGNORE INTO rejected_suggestions (device_id, employee_no, org_id,"
          " member_id, rejected_at) VALUES (?, ?, ?, ?, ?)");
    q << text(rejected.deviceId) << text(rejected.employeeNo) << rejected.member.organisationId
      << rejected.member.organisationMemberId << instant(m_clock.now());
    return q.exec("storing a rejected suggestion");
}

bool Store::removeRejectedSuggestion(const RejectedSuggestion &rejected)
{
    Sql q(statements(), "DELETE FROM rejected_suggestions WHERE device_id = ? AND employee_no = ?"
                        " AND org_id = ? AND member_id = ?");
    q << rejected.deviceId << rejected.employeeNo << rejected.member.organisationId
      << rejected.member.organisationMemberId;
    return q.exec("removing a rejected suggestion");
}

QList<RejectedSuggestion> Store::rejectedSuggestions(const QString &deviceId) const
{
    Sql q(statements(), kRejectedSelect,
          " WHERE device_id = ? ORDER BY employee_no, org_id, member_id");
    q << deviceId;
    return readRejected(q);
}

QList<RejectedSuggestion> Store::rejectedSuggestions() const
{
    Sql q(statements(), kRejectedSelect, " ORDER BY device_id, employee_no, org_id, member_id");
    return readRejected(q);
}

// ---- Overrides --------------------------------------------------------------------------------

namespace {
constexpr const char *kOverrideSelect = "SELECT org_id, member_id, allow_until, blocked, note,"
                                        " changed_at, changed_by FROM overrides";
}

bool Store::setOverride(const MemberOverride &memberOverride)
{
    if (memberOverride.isEmpty()) {
        Sql q(statements(), "DELETE FROM overrides WHERE org_id = ? AND member_id = ?");
        q << memberOverride.member.organisationId << memberOverride.member.organisationMemberId;
        return q.exec("removing an override");
    }
    Sql q(statements(),
          "INSERT OR REPLACE INTO overrides (org_id, member_id, allow_until, blocked, note,"
          " changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q << memberOverride.member.organisationId << memberOverride.member.organisationMemberId
      << dateValue(memberOverride.allowUntil) << memberOverride.blocked << text(memberOverride.note)
      << instant(memberOverride.changedAt.isValid() ? memberOverride.changedAt : m_clock.now())
      << text(memberOverride.changedBy);
    return q.exec("storing an override");
}

QList<MemberOverride> Store::overrides() const
{
    QList<MemberOverride> result;
    Sql q(statements(), kOverrideSelect, " ORDER BY org_id, member_id");
    if (!q.exec("reading the overrides"))
        return result;
    while (q.next())
        result.append(overrideFrom(q));
    return result;
}

std::optional<MemberOverride> Store::overrideFor(const MemberKey &key) const
{
    Sql q(statements(), kOverrideSelect, " WHERE org_id = ? AND member_id = ?");
    q << key.organisationId << key.organisationMemberId;
    if (!q.exec("reading an override") || !q.next())
        return std::nullopt;
    return overrideFrom(q);
}

// ---- Credentials ------------------------------------------------------------------------------

namespace {
constexpr const char *kMemberCardSelect =
    "SELECT card_no, org_id, member_id, card_type, added_at, added_by FROM member_cards";

MemberCard memberCardFrom(const Sql &q)
{
    MemberCard card;
    card.cardNo = q.value(0).toString();
    card.member = MemberKey{q.value(1).toLongLong(), q.value(2).toLongLong()};
    card.cardType = q.value(3).toString();
    card.addedAt = instantFrom(q.value(4));
    card.addedBy = q.value(5).toString();
    return card;
}
} // namespace

bool Store::addMemberCard(const MemberCard &card)
{
    return transaction([&] {
        Sql q(statements(), "INSERT INTO member_cards (card_no, org_id, member_id, card_type,"
                            " added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)");
        q << card.cardNo << card.member.organisationId << card.member.organisationMemberId
          << (card.cardType.isEmpty() ? QStringLiteral("normalCard") : card.cardType)
          << instant(card.addedAt.isValid() ? card.addedAt : m_clock.now()) << text(card.addedBy);
        if (!q.exec("storing a member's card"))
            return false;
        // Given back after a removal: the doors that still had to delete it may keep it.
        Sql again(statements(), "DELETE FROM card_removals WHERE card_no = ?");
        again << card.cardNo;
        return again.exec("forgetting a card's removal");
    });
}

bool Store::removeMemberCard(const QString &cardNo, const QStringList &deviceIds)
{
    const std::optional<MemberCard> card = memberCard(cardNo);
    if (!card)
        return false;
    return transaction([&] {
        Sql q(statements(), "DELETE FROM member_cards WHERE card_no = ?");
        q << cardNo;
        if (!q.exec("removing a member's card"))
            return false;
        for (const QString &deviceId : deviceIds) {
            Sql removal(statements(),
                        "INSERT OR REPLACE INTO card_removals (device_id, card_no, org_id,"
                        " member_id, requested_at) VALUES (?, ?, ?, ?, ?)");
            removal << deviceId << cardNo << card->member.organisationId
                    << card->member.organisationMemberId << instant(m_clock.now());
            if (!removal.exec("remembering a card to remove"))
                return false;
        }
        return true;
    });
}

std::optional<MemberCard> Store::memberCard(const QString &cardNo) const
{
    Sql q(statements(), kMemberCardSelect, " WHERE card_no = ?");
    q << cardNo;
    if (!q.exec("reading a card") || !q.next())
        return std::nullopt;
    return memberCardFrom(q);
}

QList<MemberCard> Store::memberCards(const MemberKey &key) const
{
    QList<MemberCard> result;
    Sql q(statements(), kMemberCardSelect,
          " WHERE org_id = ? AND member_id = ? ORDER BY added_at, card_no");
    q << key.organisationId << key.organisationMemberId;
    if (!q.exec("reading a member's cards"))
        return result;
    while (q.next())
        result.append(memberCardFrom(q));
    return result;
}

QList<MemberCard> Store::memberCards() const
{
    QList<MemberCard> result;
    Sql q(statements(), kMemberCardSelect, " ORDER BY org_id, member_id, added_at, card_no");
    if (!q.exec("reading the members' cards"))
        return result;
    while (q.next())
        result.append(memberCardFrom(q));
    return result;
}

QList<CardRemoval> Store::cardRemovals(const QString &deviceId) const
{
    QList<CardRemoval> result;
    Sql q(statements(), "SELECT device_id, card_no, org_id, member_id, requested_at"
                        " FROM card_removals WHERE device_id = ? ORDER BY requested_at, card_no");
    q << deviceId;
    if (!q.exec("reading the cards to remove"))
        return result;
    while (q.next()) {
        CardRemoval removal;
        removal.deviceId = q.value(0).toString();
        removal.cardNo = q.value(1).toString();
        removal.member = MemberKey{q.value(2).toLongLong(), q.value(3).toLongLong()};
        removal.requestedAt = instantFrom(q.value(4));
        result.append(removal);
    }
    return result;
}

bool Store::cardRemovalDone(const QString &deviceId, const QString &cardNo)
{
    Sql q(statements(), "DELETE FROM card_removals WHERE device_id = ? AND card_no = ?");
    q << deviceId << cardNo;
    return q.exec("forgetting a card's removal");
}

bool Store::addFaceRemovals(const MemberKey &member, const QStringList &deviceIds)
{
    return transaction([&] {
        for (const QString &deviceId : deviceIds) {
            Sql q(statements(), "INSERT OR REPLACE INTO face_removals (device_id, org_id,"
                                " member_id, requested_at) VALUES (?, ?, ?, ?)");
            q << deviceId << member.organisationId << member.organisationMemberId
              << instant(m_clock.now());
            if (!q.exec("remembering a face to remove"))
                return false;
        }
        return true;
    });
}

bool Store::clearFaceRemovals(const MemberKey &member)
{
    Sql q(statements(), "DELETE FROM face_removals WHERE org_id = ? AND member_id = ?");
    q << member.organisationId << member.organisationMemberId;
    return q.exec("forgetting a face's removal");
}

QList<MemberKey> Store::faceRemovals(const QString &deviceId) const
{
    QList<MemberKey> result;
    Sql q(statements(), "SELECT org_id, member_id FROM face_removals WHERE device_id = ?"
                        " ORDER BY org_id, member_id");
    q << deviceId;
    if (!q.exec("reading the faces to remove"))
        return result;
    while (q.next())
        result.append(MemberKey{q.value(0).toLongLong(), q.value(1).toLongLong()});
    return result;
}

QSet<MemberKey> Store::membersWithFaceRemovals() const
{
    QSet<MemberKey> result;
    Sql q(statements(), "SELECT DISTINCT org_id, member_id FROM face_removals");
    if (!q.exec("reading the faces to remove"))
        return result;
    while (q.next())
        result.insert(MemberKey{q.value(0).toLongLong(), q.value(1).toLongLong()});
    return result;
}

bool Store::faceRemovalDone(const QString &deviceId, const MemberKey &member)
{
    Sql q(statements(),
          "DELETE FROM face_removals WHERE device_id = ? AND org_id = ? AND member_id = ?");
    q << deviceId << member.organisationId << member.organisationMemberId;
    return q.exec("forgetting a face's removal");
}

// ---- Runs -------------------------------------------------------------------------------------

qint64 Store::beginRun(RunKind kind, const QDateTime &startedAt)
{
    Sql q(statements(), "INSERT INTO runs (kind, started_at, status) VALUES (?, ?, ?)");
    q << runKindToString(kind) << instant(startedAt.isValid() ? startedAt : m_clock.now())
      << runStatusToString(RunStatus::Running);
    if (!q.exec("starting a run"))
        return -1;
    return q.lastInsertId();
}

int Store::closeInterruptedRuns(const QString &error)
{
    Sql q(statements(), "UPDATE runs SET status = ?, error = ? WHERE status = ?");
    q << runStatusToString(RunStatus::Failed) << error << runStatusToString(RunStatus::Running);
    if (!q.exec("closing interrupted runs"))
        return 0;
    return q.rowsAffected();
}

bool Store::finishRun(const RunRecord &run)
{
    Sql q(statements(), "UPDATE runs SET finished_at = ?, status = ?, members_fetched = ?,"
                        " created = ?, updated = ?, revoked = ?, deleted = ?, conflicts = ?,"
                        " failed = ?, error = ? WHERE id = ?");
    q << instant(run.finishedAt.isValid() ? run.finishedAt : m_clock.now())
      << runStatusToString(run.status) << run.membersFetched << run.created << run.updated
      << run.revoked << run.deleted << run.conflicts << run.failed << text(run.error) << run.id;
    if (!q.exec("finishing a run"))
        return false;
    if (q.rowsAffected() != 1) {
        qCWarning(lcCore) << "Store: there is no run" << run.id << "to finish";
        return false;
    }
    return true;
}

QList<RunRecord> Store::runs(int limit) const
{
    QList<RunRecord> result;
    Sql q(statements(), kRunSelect, " ORDER BY id DESC LIMIT ?");
    q << (limit > 0 ? limit : -1);
    if (!q.exec("reading the runs"))
        return result;
    while (q.next())
        result.append(runFrom(q));
    return result;
}

std::optional<RunRecord> Store::run(qint64 id) const
{
    Sql q(statements(), kRunSelect, " WHERE id = ?");
    q << id;
    if (!q.exec("reading a run") || !q.next())
        return std::nullopt;
    return runFrom(q);
}

// ---- Operations -------------------------------------------------------------------------------

namespace {
QList<OperationRecord> readOperations(Sql &q)
{
    QList<OperationRecord> result;
    if (!q.exec("reading the operations"))
        return result;
    while (q.next())
        result.append(operationFrom(q));
    return result;
}
} // namespace

qint64 Store::journalOperation(const OperationRecord &record)
{
    Sql q(statements(), "INSERT INTO operations (run_id, device_id, employee_no, org_id, member_id,"
                        " action, before_json, after_json, status, error, at, detail)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q << (record.runId != 0 ? QVariant(record.runId) : QVariant()) << text(record.deviceId)
      << text(record.employeeNo)
      << (record.member ? QVariant(record.member->organisationId) : QVariant())
      << (record.member ? QVariant(record.member->organisationMemberId) : QVariant())
      << actionKindToString(record.action)
      << (record.before ? QVariant(personJson(*record.before)) : QVariant())
      << (record.after ? QVariant(personJson(*record.after)) : QVariant())
      << operationStatusToString(OperationStatus::Pending) << text(record.error)
      << instant(record.at.isValid() ? record.at : m_clock.now()) << text(record.detail);
    if (!q.exec("journaling an operation"))
        return -1;
    return q.lastInsertId();
}

bool Store::completeOperation(qint64 id, OperationStatus status, const QString &error,
                              const std::optional<Person> &after)
{
    Sql q(statements(), "UPDATE operations SET status = ?, error = ?, at = ?,"
                        " after_json = CASE WHEN ? THEN ? ELSE after_json END WHERE id = ?");
    q << operationStatusToString(status) << text(error) << instant(m_clock.now())
      << after.has_value() << (after ? QVariant(personJson(*after)) : QVariant()) << id;
    if (!q.exec("recording an operation's result"))
        return false;
    if (q.rowsAffected() != 1) {
        qCWarning(lcCore) << "Store: there is no operation" << id << "to complete";
        return false;
    }
    return true;
}

QList<OperationRecord> Store::pendingOperations() const
{
    Sql q(statements(), kOperationSelect, " WHERE status = ? ORDER BY id");
    q << operationStatusToString(OperationStatus::Pending);
    return readOperations(q);
}

QList<OperationRecord> Store::operations(qint64 runId) const
{
    Sql q(statements(), kOperationSelect, " WHERE run_id = ? ORDER BY id");
    q << runId;
    return readOperations(q);
}

QList<OperationRecord> Store::operationsForMember(const MemberKey &key, int limit) const
{
    Sql q(statements(), kOperationSelect,
          " WHERE org_id = ? AND member_id = ? ORDER BY id DESC LIMIT ?");
    q << key.organisationId << key.organisationMemberId << (limit > 0 ? limit : -1);
    return readOperations(q);
}

bool Store::assignOperationsToRun(qint64 runId, const QList<qint64> &operationIds)
{
    return transaction([&] {
        for (qint64 id : operationIds) {
            Sql q(statements(), "UPDATE operations SET run_id = ? WHERE id = ?");
            q << runId << id;
            if (!q.exec("recording the desk's operation"))
                return false;
        }
        return true;
    });
}

std::optional<OperationRecord> Store::operation(qint64 id) const
{
    Sql q(statements(), kOperationSelect, " WHERE id = ?");
    q << id;
    if (!q.exec("reading an operation") || !q.next())
        return std::nullopt;
    return operationFrom(q);
}

// ---- Door events ------------------------------------------------------------------------------

namespace {

// Event times are kept as UTC text with a fixed form, so that text order is time order and a
// range is a plain comparison.
QString utcText(const QDateTime &value)
{
    return value.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

constexpr const char *kEventColumns =
    "SELECT device_id, serial_no, occurred_at, utc_offset, major, minor, employee_no, name,"
    " card_no, user_type, verify_mode, door_no, reader_no, picture_url, mask, id"
    " FROM door_events";

} // namespace

Store::StoredEventCursor Store::eventCursor(const QString &deviceId) const
{
    StoredEventCursor cursor;
    Sql q(statements(),
          "SELECT epoch, last_serial, anchor, begin_inclusive, read_at FROM event_cursors"
          " WHERE device_id = ?");
    q << deviceId;
    if (!q.exec("reading a door's event cursor") || !q.next())
        return cursor;
    cursor.deviceId = deviceId;
    cursor.epoch = q.value(0).toLongLong();
    cursor.lastSerialNo = q.value(1).toLongLong();
    cursor.anchor = q.value(2).toString();
    cursor.beginInclusive = q.value(3).toInt();
    cursor.readAt = instantFrom(q.value(4));
    return cursor;
}

bool Store::setEventCursor(const StoredEventCursor &cursor)
{
    Sql q(statements(),
          "INSERT OR REPLACE INTO event_cursors (device_id, epoch, last_serial, anchor,"
          " begin_inclusive, read_at) VALUES (?, ?, ?, ?, ?, ?)");
    q << cursor.deviceId << cursor.epoch << cursor.lastSerialNo << text(cursor.anchor)
      << cursor.beginInclusive << instant(cursor.readAt);
    return q.exec("storing a door's event cursor");
}

int Store::addEvents(const QString &deviceId, qint64 epoch, const QList<AccessEvent> &events)
{
    if (events.isEmpty())
        return 0;
    Transaction tx(*this);
    if (!tx.isActive())
        return -1;
    Sql insert(statements(),
               "INSERT OR IGNORE INTO door_events (device_id, epoch, serial_no, occurred_at,"
               " utc_offset, major, minor, outcome, employee_no, name, card_no, user_type,"
               " verify_mode, door_no, reader_no, picture_url, mask)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Sql lastEntry(statements(),
                  "INSERT INTO person_last_entry (device_id, employee_no, occurred_at)"
                  " VALUES (?, ?, ?) ON CONFLICT (device_id, employee_no)"
                  " DO UPDATE SET occurred_at = MAX(occurred_at, excluded.occurred_at)");
    int added = 0;
    for (const AccessEvent &event : events) {
        insert << deviceId << epoch << event.serialNo << utcText(event.time)
               << (event.timeHadOffset ? QVariant(event.utcOffsetSeconds) : QVariant())
               << event.major << event.minor << AccessEvent::outcomeName(event.outcome())
               << text(event.employeeNo) << text(event.name) << text(event.cardNo)
               << text(event.userType) << text(event.verifyMode) << event.doorNo
               << event.cardReaderNo << text(event.pictureUrl) << text(event.mask);
        if (!insert.exec("storing a door event"))
            return -1;
        if (insert.rowsAffected() <= 0)
            continue;
        ++added;
        if (event.outcome() == AccessEvent::Outcome::Granted && !event.employeeNo.isEmpty()) {
            lastEntry << deviceId << event.employeeNo << utcText(event.time);
            if (!lastEntry.exec("storing a person's last entry"))
                return -1;
        }
    }
    return tx.commit() ? added : -1;
}

QList<Store::StoredEvent> Store::events(const EventQuery &query) const
{
    // Every filter is bound, so that one prepared statement serves every query.
    Sql q(statements(), kEventColumns,
          " WHERE (? = '' OR occurred_at >= ?) AND (? = '' OR occurred_at < ?)"
          " AND (? = '' OR device_id = ?)"
          " AND (? = 0 OR outcome = 'refused') AND id > ?"
          " ORDER BY occurred_at DESC, serial_no DESC LIMIT ?");
    const QString since = query.since.isValid() ? utcText(query.since) : QString();
    const QString until = query.until.isValid() ? utcText(query.until) : QString();
    q << text(since) << text(since) << text(until) << text(until) << text(query.deviceId)
      << text(query.deviceId) << (query.refusedOnly ? 1 : 0) << query.afterId << query.limit;
    QList<StoredEvent> result;
    if (!q.exec("reading door events"))
        return result;
    while (q.next()) {
        StoredEvent stored;
        stored.deviceId = q.value(0).toString();
        AccessEvent &event = stored.event;
        event.serialNo = q.value(1).toLongLong();
        event.time = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        event.timeHadOffset = !q.value(3).isNull();
        event.utcOffsetSeconds = q.value(3).toInt();
        event.major = q.value(4).toInt();
        event.minor = q.value(5).toInt();
        event.employeeNo = q.value(6).toString();
        event.name = q.value(7).toString();
        event.cardNo = q.value(8).toString();
        event.userType = q.value(9).toString();
        event.verifyMode = q.value(10).toString();
        event.doorNo = q.value(11).toInt();
        event.cardReaderNo = q.value(12).toInt();
        event.pictureUrl = q.value(13).toString();
        event.mask = q.value(14).toString();
        stored.id = q.value(15).toLongLong();
        result.append(stored);
    }
    return result;
}

QHash<qint64, MemberVisits> Store::memberVisits(qint64 orgId, const QDateTime &daysSince) const
{
    QHash<qint64, MemberVisits> visits;
    Sql last(statements(),
             "SELECT l.member_id, MAX(e.occurred_at) FROM person_last_entry e JOIN links l"
             " ON l.device_id = e.device_id AND l.employee_no = e.employee_no"
             " WHERE l.org_id = ? GROUP BY l.member_id");
    last << orgId;
    if (!last.exec("reading the members' last visits"))
        return visits;
    while (last.next())
        visits[last.value(0).toLongLong()].lastVisit =
            QDateTime::fromString(last.value(1).toString(), Qt::ISODateWithMs);
    Sql recent(statements(),
               "SELECT l.member_id, e.occurred_at FROM door_events e JOIN links l"
               " ON l.device_id = e.device_id AND l.employee_no = e.employee_no"
               " WHERE l.org_id = ? AND e.outcome = 'granted' AND e.occurred_at >= ?");
    recent << orgId << utcText(daysSince);
    if (!recent.exec("reading the members' recent visits"))
        return visits;
    QHash<qint64, QSet<QDate>> days;
    while (recent.next())
        days[recent.value(0).toLongLong()].insert(
            QDateTime::fromString(recent.value(1).toString(), Qt::ISODateWithMs)
                .toLocalTime()
                .date());
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        visits[it.key()].days = int(it->size());
    return visits;
}

int Store::deleteEventsBefore(const QDateTime &instant)
{
    Transaction tx(*this);
    if (!tx.isActive())
        return -1;
    Sql q(statements(), "DELETE FROM door_events WHERE occurred_at < ?");
    q << utcText(instant);
    if (!q.exec("deleting old door events"))
        return -1;
    const int deleted = q.rowsAffected();
    // A last entry older than the retention is as personal as the event it came from.
    Sql lastEntries(statements(), "DELETE FROM person_last_entry WHERE occurred_at < ?");
    lastEntries << utcText(instant);
    if (!lastEntries.exec("deleting old last entries"))
        return -1;
    return tx.commit() ? deleted : -1;
}

} // namespace cis
