// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The product's memory: the last member export, what each device held when last read, the
// links between the two, the administrator's decisions, and the run/operation journal that is
// both the crash-recovery log and the audit trail. One SQLite file, opened through Qt Sql.
//
// Threading: a Store belongs to the thread that opened it (Qt 6.4 cannot move a connection).
// Every Store has its own connection name, so several Stores (even on the same file) can live
// in one thread. Nothing here throws; failures return false / -1 / empty and are logged to the
// cis.core category.

#include "AccessEvent.h"
#include "Clock.h"
#include "Expected.h"
#include "Member.h"
#include "Person.h"
#include "SyncTypes.h"
#include "WalCheckpointer.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QSqlDatabase;
class QSqlQuery;
class QVariant;

namespace cis {

struct StoreError
{
    enum Kind
    {
        CannotOpen,  // folder or file not creatable/readable
        Corrupt,     // not a database, or the quick check found damage; the file is left alone
        NewerSchema, // written by a newer version of the program; the file is left alone
        Failed,      // anything else (a migration failed, not this program's database, ...)
    };
    Kind kind = Failed;
    QString message; // one or two sentences for the user, naming the file
};

class Store
{
public:
    using OpenResult = Expected<std::unique_ptr<Store>, StoreError>;

    // Opens (creating the file and its parent folders if needed) and migrates to the latest
    // schema. ":memory:" opens a private in-memory database (for tests). The clock stamps
    // updated_at/last_seen/at columns whose value the caller did not give; it must outlive
    // the Store.
    static OpenResult open(const QString &path, const Clock &clock = Clock::system());

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    // The checkpoints done beside this connection's writes (none for ":memory:").
    WalCheckpointer::Stats backgroundCheckpoints() const;
    static int latestSchemaVersion();

    // Runs fn inside one transaction: committed when fn returns true, rolled back when it
    // returns false (or the commit fails). Calls may nest; the Store's own multi-row methods
    // join the surrounding transaction (as savepoints).
    bool transaction(const std::function<bool()> &fn);

    // PRAGMA integrity_check: "ok", or what it found (several findings joined by "; ").
    QString integrityCheck();

    // ---- Members (the last Cardskipper export, per organisation) ----------------------------
    // Full export: afterwards the organisation's snapshot is exactly this list. Also stamps
    // lastFullExportAt(orgId). Every member's key must belong to orgId.
    bool replaceMembers(qint64 orgId, const QList<Member> &members);
    // Quick sync: inserts or replaces these members, leaves the others alone.
    bool upsertMembers(qint64 orgId, const QList<Member> &members);
    QList<Member> members(qint64 orgId) const; // ordered by member id
    std::optional<Member> member(const MemberKey &key) const;
    int memberCount(qint64 orgId) const;            // -1 on error
    QDateTime lastFullExportAt(qint64 orgId) const; // null if never

    // ---- Key/value settings of the store itself ---------------------------------------------
    bool setMeta(const QString &key, const QString &value);
    QString meta(const QString &key, const QString &defaultValue = {}) const;

    // ---- Device snapshots ---------------------------------------------------------------------
    // A full read: afterwards the device's snapshot is exactly these persons, read at readAt.
    // Only rows that differ from what is stored are written.
    bool replaceDevicePersons(const QString &deviceId, const QList<Person> &persons,
                              const QDateTime &readAt);
    // The same, saved while the read goes on: each page's persons that differ from what is
    // stored are written as the page arrives, and finishDeviceRead then only removes the
    // persons the read did not find and stamps readAt. A read that stops half-way leaves each
    // person it saved as read, the others and the read time as they were.
    class DeviceRead;
    std::shared_ptr<DeviceRead> beginDeviceRead(const QString &deviceId);
    bool saveDeviceReadPage(DeviceRead &read, const QList<Person> &persons);
    bool finishDeviceRead(DeviceRead &read, const QList<Person> &persons, const QDateTime &readAt);
    // After a successful write: the person as it now is on the device.
    bool upsertDevicePerson(const QString &deviceId, const Person &person);
    bool removeDevicePerson(const QString &deviceId, const QString &employeeNo);
    DeviceSnapshot deviceSnapshot(const QString &deviceId) const; // persons by employeeNo
    // The persons for whom the terminal reported a face (numOfFace > 0), by employeeNo.
    QStringList employeeNosWithFace(const QString &deviceId) const;
    std::optional<Person> devicePerson(const QString &deviceId, const QString &employeeNo) const;
    QStringList deviceIds() const; // sorted

    // ---- Links --------------------------------------------------------------------------------
    // Replaces any link of the same device person. A null createdAt is stamped with now.
    bool addLink(const Link &link);
    bool removeLink(const QString &deviceId, const QString &employeeNo);
    QList<Link> links(const QString &deviceId) const; // by employeeNo
    QList<Link> links() const;                        // by device, employeeNo
    std::optional<Link> linkFor(const QString &deviceId, const QString &employeeNo) const;
    // Who each linked person of the door is, without the rest of the link: what the sync's
    // credential steps need on every run, for 10,000 persons.
    QHash<QString, MemberKey> linkedMembers(const QString &deviceId) const;

    // ---- Rejected suggestions -----------------------------------------------------------------
    bool addRejectedSuggestion(const RejectedSuggestion &rejected); // idempotent
    bool removeRejectedSuggestion(const RejectedSuggestion &rejected);
    QList<RejectedSuggestion> rejectedSuggestions(const QString &deviceId) const;
    QList<RejectedSuggestion> rejectedSuggestions() const;

    // ---- Overrides ----------------------------------------------------------------------------
    // An empty override (isEmpty()) removes the member's row. A null changedAt is stamped.
    bool setOverride(const MemberOverride &memberOverride);
    QList<MemberOverride> overrides() const; // by member key
    std::optional<MemberOverride> overrideFor(const MemberKey &key) const;

    // ---- Credentials --------------------------------------------------------------------------
    // False when the number is already someone's card (it is unique) or on a database error.
    // A card given back after a removal is no longer removed from any door.
    bool addMemberCard(const MemberCard &card);
    // Forgets the card and remembers, for each of these doors, that it must go there too.
    bool removeMemberCard(const QString &cardNo, const QStringList &deviceIds);
    std::optional<MemberCard> memberCard(const QString &cardNo) const;
    QList<MemberCard> memberCards(const MemberKey &key) const; // oldest first
    QList<MemberCard> memberCards() const;                     // by member, oldest first
    QList<CardRemoval> cardRemovals(const QString &deviceId) const;
    bool cardRemovalDone(const QString &deviceId, const QString &cardNo);
    // A face taken from the member: each of these doors still has to delete it.
    bool addFaceRemovals(const MemberKey &member, const QStringList &deviceIds);
    // A face given again: no door owes a removal any more.
    bool clearFaceRemovals(const MemberKey &member);
    QList<MemberKey> faceRemovals(const QString &deviceId) const;
    QSet<MemberKey> membersWithFaceRemovals() const;
    bool faceRemovalDone(const QString &deviceId, const MemberKey &member);

    // ---- Runs ---------------------------------------------------------------------------------
    qint64 beginRun(RunKind kind, const QDateTime &startedAt); // new id (> 0), or -1
    // Records the outcome of run.id (status, counts, error, finishedAt; a null finishedAt is
    // stamped with now). Kind and start stay as begun. False if there is no such run.
    bool finishRun(const RunRecord &run);
    // Runs still marked running when a new one starts were cut short (the program was killed
    // or the machine stopped): they become failed with this error. Returns how many.
    int closeInterruptedRuns(const QString &error);
    QList<RunRecord> runs(int limit = -1) const; // newest first; limit <= 0: all
    std::optional<RunRecord> run(qint64 id) const;

    // ---- Operations (journal and audit) -------------------------------------------------------
    // Journals a write BEFORE it is sent: stored as Pending whatever record.status says; a null
    // record.at is stamped with now; record.runId 0 means "no run". New id (> 0), or -1.
    qint64 journalOperation(const OperationRecord &record);
    // Records the result: status, error, at = now, and `after` when given (else kept).
    // False if there is no such operation.
    bool completeOperation(qint64 id, OperationStatus status, const QString &error = {},
                           const std::optional<Person> &after = std::nullopt);
    QList<OperationRecord> pendingOperations() const;      // oldest first
    QList<OperationRecord> operations(qint64 runId) const; // oldest first
    QList<OperationRecord> operationsForMember(const MemberKey &key,
                                               int limit = -1) const; // newest first
    std::optional<OperationRecord> operation(qint64 id) const;
    // Puts operations journaled outside any run into this one (the desk's, recorded when its
    // action has ended).
    bool assignOperationsToRun(qint64 runId, const QList<qint64> &operationIds);

    // ---- Door events ---------------------------------------------------------------------------
    // A door's log as stored, and where its reading stands (invalid when never read).
    struct StoredEventCursor
    {
        QString deviceId;
        qint64 epoch = 0;
        qint64 lastSerialNo = 0;
        // What the event at lastSerialNo looked like (time, major, minor): found again on
        // the next poll, it proves the terminal's log is the one read before.
        QString anchor;
        // Whether the terminal's beginSerialNo includes the serial itself: -1 not known yet.
        int beginInclusive = -1;
        QDateTime readAt;
        bool isValid() const { return !deviceId.isEmpty(); }
    };
    StoredEventCursor eventCursor(const QString &deviceId) const;
    bool setEventCursor(const StoredEventCursor &cursor);
    // Stores what is new (by door, epoch and serial); returns how many were new, -1 on error.
    int addEvents(const QString &deviceId, qint64 epoch, const QList<AccessEvent> &events);
    struct EventQuery
    {
        QDateTime since; // inclusive; invalid: no bound
        QDateTime until; // exclusive; invalid: no bound
        QString deviceId;
        bool refusedOnly = false;
        qint64 afterId = 0; // only events stored after this one (their id)
        int limit = -1;
    };
    struct StoredEvent
    {
        QString deviceId;
        AccessEvent event;
        qint64 id = 0; // the order in which events were stored
    };
    QList<StoredEvent> events(const EventQuery &query) const; // newest first
    // Granted entries of the members linked on any door, by member number: the last one ever
    // stored, and the distinct local days with one since daysSince.
    QHash<qint64, MemberVisits> memberVisits(qint64 orgId, const QDateTime &daysSince) const;
    // Retention: deletes the events that happened before this instant; returns how many.
    int deleteEventsBefore(const QDateTime &instant);

    // Migration statements of one schema version, exactly as applied (for tests that build
    // databases of older versions). Empty for unknown versions.
    static QStringList migrationStatements(int version);

    class Statements; // the prepared-statement cache, opaque outside Store.cpp

private:
    class Transaction;
    friend class Transaction;

    Store(QString path, QString connectionName, const Clock &clock);

    QSqlDatabase database() const;
    Statements &statements() const;
    qint64 dataVersion() const;
    DeviceSnapshot readDeviceSnapshot(const QString &deviceId) const;
    // The cached snapshot if it is still the file's, else null.
    const DeviceSnapshot *cachedSnapshot(const QString &deviceId, qint64 dataVersion) const;
    bool migrate(QString *error);
    bool writeMembers(qint64 orgId, const QList<Member> &members, bool replace);
    void refreshDeviceRead(DeviceRead &read) const;
    bool writeChangedPersons(DeviceRead &read, const QList<Person> &persons, const QVariant &seen,
                             QList<Person> *written);
    void updateCachedSnapshot(const QString &deviceId, quint64 writes, quint64 ownBefore,
                              quint64 ownAfter, const std::function<bool(QList<Person> &)> &change);

    QString m_path;
    QString m_connectionName;
    const Clock &m_clock;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    // Runs when what was just written is committed for good (at once outside a transaction);
    // dropped if it is rolled back. Keeps the read cache equal to the file without re-reading.
    void afterCommit(std::function<void()> action);
    std::vector<std::function<void()>> m_afterCommit;
    // Prepared once per connection: parsing the SQL again for every write was a fifth of a
    // first sync's database time.
    std::unique_ptr<Statements> m_statements;
    struct ReadCache;
    std::unique_ptr<ReadCache> m_readCache;
};

} // namespace cis
