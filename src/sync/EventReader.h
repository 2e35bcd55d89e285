// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "AccessEvent.h"
#include "HikvisionClient.h"
#include "Store.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <functional>

namespace cis {

class Clock;
class Store;

// Reads a door's event log into the store, loss-free and without duplicates
// (isapi-events-credentials.md §1.7):
//  - The first contact reads the whole log once and keeps the events of the last importDays;
//    the newest serial number read becomes the cursor.
//  - Each poll after that asks for the events from the cursor on (beginSerialNo) and must find
//    the cursor's own event again, unchanged: that proves the log is the one read before. A
//    poll with nothing new is one request and writes nothing.
//  - A log that no longer holds that event (a factory reset, a swapped terminal, a ring that
//    overwrote everything since) starts a new epoch and is read again from its start, so that
//    the new serial numbers never collide with the stored ones.
//  - beginSerialNo includes the serial on the firmware seen [F-weak]; a terminal that turns out
//    to exclude it is asked one lower from then on.
// The cursor moves only when a read has ended well: a failure half-way leaves it, and the
// next poll reads those pages again (the stored ones are not stored twice).
class EventReader : public QObject
{
    Q_OBJECT

public:
    struct Poll
    {
        QString deviceId;
        int added = 0; // events new to the store
        int pages = 0; // searches sent
        bool restarted = false;
        QString error; // empty: the poll ended well
        // The refusals among the events new to the store, for the warnings they may need.
        QList<AccessEvent> newRefusals;
        // How far the terminal's clock is off, when it was checked and found off.
        qint64 clockOffsetSeconds = 0;
    };

    EventReader(Store &store, const Clock &clock, QObject *parent = nullptr);

    // How far back a first contact (or a restarted log) imports, and how long events are kept.
    void setImportDays(int days) { m_importDays = days; }
    void setRetentionDays(int days) { m_retentionDays = days; }

    // Reads what is new through the door's client (its requests queue with the sync's, one at
    // a time). done is called exactly once, also when the client goes away first.
    // doorName is for messages.
    void poll(const QString &deviceId, const QString &doorName, HikvisionClient &client,
              std::function<void(Poll)> done);

    // Drops every poll in flight without calling its done: for an owner going away with the
    // clients (their destruction would otherwise end the polls into objects half destroyed).
    void abandon();

    // A terminal clock further than this from the PC's is reported (once per door and run of
    // the program): its event times are its own, and its validity checks use that clock.
    static constexpr int kClockToleranceSeconds = 300;

    // Deletes what is older than the retention period, at most once a day; how many.
    int applyRetention();

signals:
    // level as SyncEngine::logMessage.
    void logMessage(const QString &level, const QString &deviceId, const QString &text);
    void eventsAdded(const QString &deviceId, int count);

private:
    struct Work;
    void incremental(const std::shared_ptr<Work> &work, qint64 beginSerialNo);
    void fullRead(const std::shared_ptr<Work> &work, qint64 epoch, const QString &why);
    void finish(const std::shared_ptr<Work> &work);
    // Stores what is new (counting it and its refusals in the poll); false, with the poll's
    // error set, when the store fails.
    bool storeEvents(Work &work, qint64 epoch, const QList<AccessEvent> &events);
    // Stamps readAt and stores the cursor; a failure becomes the poll's error.
    void saveCursor(Work &work, Store::StoredEventCursor cursor);
    static QString anchorOf(const AccessEvent &event);

    Store &m_store;
    const Clock &m_clock;
    int m_importDays = 7;
    int m_retentionDays = 365;
    QDateTime m_lastRetention;
    QList<std::shared_ptr<Work>> m_active;
    // Doors whose clock was compared with this PC's in this process: once each.
    QSet<QString> m_clockChecked;
    void checkClock(const std::shared_ptr<Work> &work);
};

} // namespace cis
