// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The schema, as numbered migrations. A migration, once released, never changes: later
// changes are new migrations appended at the end. Store::open applies the missing ones in
// order, each in its own transaction together with its PRAGMA user_version.
//
// Conventions: dates and times are ISO-8601 text (NULL when absent), member keys are two
// integers (org_id, member_id), booleans are 0/1, lists and maps are JSON text.

#include "Store.h"

namespace cis {

namespace {

// 1: the snapshots and the administrator's decisions.
const char *const kMigration1[] = {
    "PRAGMA application_id = 1128878897", // 'CIS1': marks the file as ours
    "CREATE TABLE meta ("
    " key TEXT PRIMARY KEY NOT NULL,"
    " value TEXT NOT NULL)",

    "CREATE TABLE members ("
    " org_id INTEGER NOT NULL,"
    " member_id INTEGER NOT NULL,"
    " first_name TEXT NOT NULL DEFAULT '',"
    " last_name TEXT NOT NULL DEFAULT '',"
    " email TEXT NOT NULL DEFAULT '',"
    " cell_phone1 TEXT NOT NULL DEFAULT '',"
    " cell_phone2 TEXT NOT NULL DEFAULT '',"
    " birth_date TEXT,"
    " inactive INTEGER NOT NULL DEFAULT 0,"
    " roles TEXT NOT NULL DEFAULT '[]',"
    " tags TEXT NOT NULL DEFAULT '[]',"
    " updated_at TEXT NOT NULL,"
    " PRIMARY KEY (org_id, member_id))",

    "CREATE TABLE devices ("
    " device_id TEXT PRIMARY KEY NOT NULL,"
    " last_read_at TEXT)",

    "CREATE TABLE device_persons ("
    " device_id TEXT NOT NULL REFERENCES devices(device_id) ON DELETE CASCADE,"
    " employee_no TEXT NOT NULL,"
    " name TEXT NOT NULL DEFAULT '',"
    " given_name TEXT NOT NULL DEFAULT '',"
    " family_name TEXT NOT NULL DEFAULT '',"
    " user_type TEXT NOT NULL DEFAULT '',"
    " valid_enabled INTEGER NOT NULL DEFAULT 0,"
    " valid_begin TEXT,"
    " valid_end TEXT,"
    " door_right TEXT NOT NULL DEFAULT '',"
    " right_plans TEXT NOT NULL DEFAULT '[]',"
    " num_card INTEGER NOT NULL DEFAULT -1,"
    " num_face INTEGER NOT NULL DEFAULT -1,"
    " num_fp INTEGER NOT NULL DEFAULT -1,"
    " other_fields TEXT NOT NULL DEFAULT '{}',"
    " last_seen TEXT NOT NULL,"
    " PRIMARY KEY (device_id, employee_no))",

    "CREATE TABLE links ("
    " id INTEGER PRIMARY KEY,"
    " device_id TEXT NOT NULL,"
    " employee_no TEXT NOT NULL,"
    " org_id INTEGER NOT NULL,"
    " member_id INTEGER NOT NULL,"
    " origin TEXT NOT NULL,"
    " created_at TEXT NOT NULL,"
    " created_by TEXT NOT NULL DEFAULT '',"
    " UNIQUE (device_id, employee_no))",

    "CREATE TABLE rejected_suggestions ("
    " device_id TEXT NOT NULL,"
    " employee_no TEXT NOT NULL,"
    " org_id INTEGER NOT NULL,"
    " member_id INTEGER NOT NULL,"
    " rejected_at TEXT NOT NULL,"
    " PRIMARY KEY (device_id, employee_no, org_id, member_id))",

    "CREATE TABLE overrides ("
    " org_id INTEGER NOT NULL,"
    " member_id INTEGER NOT NULL,"
    " allow_until TEXT,"
    " blocked INTEGER NOT NULL DEFAULT 0,"
    " note TEXT NOT NULL DEFAULT '',"
    " changed_at TEXT NOT NULL,"
    " changed_by TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (org_id, member_id))",
};

// 2: the run/operation journal.
const char *const kMigration2[] = {
    "CREATE TABLE runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " kind TEXT NOT NULL,"
    " started_at TEXT NOT NULL,"
    " finished_at TEXT,"
    " status TEXT NOT NULL,"
    " members_fetched INTEGER NOT NULL DEFAULT 0,"
    " created INTEGER NOT NULL DEFAULT 0,"
    " updated INTEGER NOT NULL DEFAULT 0,"
    " revoked INTEGER NOT NULL DEFAULT 0,"
    " deleted INTEGER NOT NULL DEFAULT 0,"
    " conflicts INTEGER NOT NULL DEFAULT 0,"
    " failed INTEGER NOT NULL DEFAULT 0,"
    " error TEXT NOT NULL DEFAULT '')",

    "CREATE TABLE operations ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " run_id INTEGER REFERENCES runs(id),"
    " device_id TEXT NOT NULL,"
    " employee_no TEXT NOT NULL,"
    " org_id INTEGER,"
    " member_id INTEGER,"
    " action TEXT NOT NULL,"
    " before_json TEXT,"
    " after_json TEXT,"
    " status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'skipped')),"
    " error TEXT NOT NULL DEFAULT '',"
    " at TEXT NOT NULL)",

    "CREATE INDEX operations_status ON operations(status)",
    "CREATE INDEX operations_run ON operations(run_id)",
};

// 3: lookups by member (the member's history, the member's links).
const char *const kMigration3[] = {
    "CREATE INDEX operations_member ON operations(org_id, member_id, id)",
    "CREATE INDEX links_member ON links(org_id, member_id)",
};

// 4: the doors' event logs (who came in, who was refused), and where each door's reading
// stands. An epoch starts whenever a door's log is found to have started again (a factory
// reset, a swapped terminal), so that its new serial numbers never collide with the old ones.
const char *const kMigration4[] = {
    "CREATE TABLE door_events ("
    " id INTEGER PRIMARY KEY,"
    " device_id TEXT NOT NULL,"
    " epoch INTEGER NOT NULL,"
    " serial_no INTEGER NOT NULL,"
    " occurred_at TEXT NOT NULL,"
    " utc_offset INTEGER,"
    " major INTEGER NOT NULL,"
    " minor INTEGER NOT NULL,"
    " outcome TEXT NOT NULL CHECK (outcome IN ('granted', 'refused', 'other')),"
    " employee_no TEXT NOT NULL DEFAULT '',"
    " name TEXT NOT NULL DEFAULT '',"
    " card_no TEXT NOT NULL DEFAULT '',"
    " user_type TEXT NOT NULL DEFAULT '',"
    " verify_mode TEXT NOT NULL DEFAULT '',"
    " door_no INTEGER NOT NULL DEFAULT 0,"
    " reader_no INTEGER NOT NULL DEFAULT 0,"
    " picture_url TEXT NOT NULL DEFAULT '',"
    " mask TEXT NOT NULL DEFAULT '',"
    " UNIQUE (device_id, epoch, serial_no))",

    "CREATE INDEX door_events_time ON door_events(occurred_at)",
    "CREATE INDEX door_events_person ON door_events(device_id, employee_no, occurred_at)",

    "CREATE TABLE event_cursors ("
    " device_id TEXT PRIMARY KEY,"
    " epoch INTEGER NOT NULL,"
    " last_serial INTEGER NOT NULL,"
    " anchor TEXT NOT NULL DEFAULT '',"
    " begin_inclusive INTEGER NOT NULL DEFAULT -1,"
    " read_at TEXT)",
};

// 5: each person's last granted entry per door, kept as events arrive, so that the members
// table's "Last visit" reads one row per person instead of a year of events on every reload.
const char *const kMigration5[] = {
    "CREATE TABLE person_last_entry ("
    " device_id TEXT NOT NULL,"
    " employee_no TEXT NOT NULL,"
    " occurred_at TEXT NOT NULL,"
    " PRIMARY KEY (device_id, employee_no)) WITHOUT ROWID",

    "INSERT INTO person_last_entry (device_id, employee_no, occurred_at)"
    " SELECT device_id, employee_no, MAX(occurred_at) FROM door_events"
    " WHERE outcome = 'granted' AND employee_no <> '' GROUP BY device_id, employee_no",
};

// 6: credentials given at the desk. A member's cards are ours to keep (every door the member is
// on gets them, also doors added later); a removed card or face is remembered per door until
// that door has confirmed it gone. The journal learns what a credential write was about.
const char *const kMigration6[] = {
    "CREATE TABLE member_cards ("
    " card_no TEXT PRIMARY KEY,"
    " org_id INTEGER NOT NULL,"
    " member_id INTEGER NOT NULL,"
    " card_type TEXT NOT NULL DEFAULT 'normalCard',"
    " added_at TEXT NOT NULL,"
    " added_by TEXT NOT NULL DEFAULT '')",

    "CREATE INDEX member_cards_member ON member_cards(org_id, member_id)",

    "CREATE TABLE card_removals ("
    " device_id TEXT NOT NULL,"
    " card_no TEXT NOT NULL,"
    " org_id INTEGER NOT NULL,"
    " member_id INTEGER NOT NULL,"
    " requested_at TEXT NOT NULL,"
    " PRIMARY KEY (device_id, card_no)) WITHOUT ROWID",

    "ALTER TABLE operations ADD COLUMN detail TEXT NOT NULL DEFAULT ''",

    // Faces are never kept here (biometric data): only that a member's face was taken away
    // and which doors still have to delete it; meanwhile no door copies it to another.
    "CREATE TABLE face_removals ("
    " device_id TEXT NOT NULL,"
    " org_id INTEGER NOT NULL,"
    " member_id INTEGER NOT NULL,"
    " requested_at TEXT NOT NULL,"
    " PRIMARY KEY (device_id, org_id, member_id)) WITHOUT ROWID",
};

template<size_t N> QStringList toList(const char *const (&statements)[N])
{
    QStringList result;
    for (const char *statement : statements)
        result.append(QString::fromLatin1(statement));
    return result;
}

} // namespace

int Store::latestSchemaVersion()
{
    return 6;
}

QStringList Store::migrationStatements(int version)
{
    switch (version) {
    case 1:
        return toList(kMigration1);
    case 2:
        return toList(kMigration2);
    case 3:
        return toList(kMigration3);
    case 4:
        return toList(kMigration4);
    case 5:
        return toList(kMigration5);
    case 6:
        return toList(kMigration6);
    default:
        return {};
    }
}

} // namespace cis
