// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "EventReader.h"

#include "Clock.h"
#include "Store.h"

#include <QPointer>
#include <algorithm>
#include <utility>

namespace cis {

struct EventReader::Work
{
    Poll poll;
    QString doorName;
    Store::StoredEventCursor cursor;
    QPointer<HikvisionClient> client;
    QMetaObject::Connection clientGone;
    std::function<void(Poll)> done;
    bool finished = false;
};

EventReader::EventReader(Store &store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
{}

QString EventReader::anchorOf(const AccessEvent &event)
{
    return QStringLiteral("%1 %2/%3")
        .arg(event.time.toString(Qt::ISODate))
        .arg(event.major)
        .arg(event.minor);
}

void EventReader::poll(const QString &deviceId, const QString &doorName, HikvisionClient &client,
                       std::function<void(Poll)> done)
{
    auto work = std::make_shared<Work>();
    work->poll.deviceId = deviceId;
    work->doorName = doorName.isEmpty() ? deviceId : doorName;
    work->client = &client;
    work->done = std::move(done);
    work->cursor = m_store.eventCursor(deviceId);
    m_active.append(work);
    // The client is replaced when the door's settings change; its calls then never end.
    work->clientGone = connect(&client, &QObject::destroyed, this, [this, work] {
        work->poll.error = tr("the door's settings changed while its events were read");
        finish(work);
    });
    if (!work->cursor.isValid())
        return fullRead(work, 1, {});
    const qint64 last = work->cursor.lastSerialNo;
    if (last < 2) // nothing to anchor on yet: the whole (short) log again, stored once
        return fullRead(work, work->cursor.epoch, {});
    incremental(work, work->cursor.beginInclusive == 0 ? last - 1 : last);
}

void EventReader::incremental(const std::shared_ptr<Work> &work, qint64 beginSerialNo)
{
    work->client->searchEvents(
        beginSerialNo,
        [this, work, beginSerialNo](HikvisionClient::Result<EventSearchResult> result) {
            if (work->finished)
                return;
            if (!result) {
                work->poll.error = result.error().message();
                return finish(work);
            }
            work->poll.pages += result.value().pages;
            Store::StoredEventCursor &cursor = work->cursor;
            const QList<AccessEvent> &events = result.value().events;
            const auto anchor =
                std::find_if(events.cbegin(), events.cend(), [&](const AccessEvent &e) {
                    return e.serialNo == cursor.lastSerialNo;
                });
            const bool askedInclusive = beginSerialNo == cursor.lastSerialNo;
            if (anchor == events.cend()) {
                // Not found where an inclusive terminal puts it: perhaps the terminal leaves
                // beginSerialNo itself out. Asked once, one lower, before concluding anything.
                if (askedInclusive && cursor.beginInclusive == -1)
                    return incremental(work, cursor.lastSerialNo - 1);
                return fullRead(work, cursor.epoch + 1,
                                tr("its event log no longer holds event %1, the last one read "
                                   "(a factory reset, another terminal, or more events than it "
                                   "keeps since the last poll)")
                                    .arg(cursor.lastSerialNo));
            }
            if (anchorOf(*anchor) != cursor.anchor)
                return fullRead(work, cursor.epoch + 1,
                                tr("its event %1 is not the one read before (a factory reset or "
                                   "another terminal)")
                                    .arg(cursor.lastSerialNo));
            QList<AccessEvent> fresh;
            const AccessEvent *newest = &*anchor;
            for (const AccessEvent &event : events) {
                if (event.serialNo <= cursor.lastSerialNo)
                    continue;
                fresh.append(event);
                if (event.serialNo > newest->serialNo)
                    newest = &event;
            }
            const int learnt = askedInclusive ? 1 : 0;
            const bool changed = !fresh.isEmpty() || cursor.beginInclusive != learnt;
            if (!storeEvents(*work, cursor.epoch, fresh))
                return finish(work);
            if (changed) {
                cursor.beginInclusive = learnt;
                cursor.lastSerialNo = newest->serialNo;
                cursor.anchor = anchorOf(*newest);
                saveCursor(*work, cursor);
            }
            finish(work);
        });
}

void EventReader::fullRead(const std::shared_ptr<Work> &work, qint64 epoch, const QString &why)
{
    if (!why.isEmpty()) {
        work->poll.restarted = true;
        emit logMessage(
            QStringLiteral("warning"), work->poll.deviceId,
            tr("Door %1: %2; its events are read again from the start.").arg(work->doorName, why));
    }
    const QDateTime importFrom = m_clock.now().addDays(-m_importDays);
    // Each page is stored as it comes: a long log costs no more memory than a page, and what
    // is stored survives a failure half-way (the next try stores it once).
    auto storePage = [this, work, epoch, importFrom](const QList<AccessEvent> &page) {
        if (work->finished || !work->poll.error.isEmpty())
            return;
        QList<AccessEvent> recent;
        for (const AccessEvent &event : page) {
            if (!event.time.isValid() || event.time >= importFrom)
                recent.append(event);
        }
        storeEvents(*work, epoch, recent);
    };
    work->client->searchEvents(
        std::nullopt,
        [this, work, epoch](HikvisionClient::Result<EventSearchResult> result) {
            if (work->finished)
                return;
            if (!result) {
                work->poll.error = result.error().message();
                return finish(work);
            }
            work->poll.pages += result.value().pages;
            if (!work->poll.error.isEmpty())
                return finish(work);
            const QList<AccessEvent> &events = result.value().events;
            const auto newest = std::max_element(
                events.cbegin(), events.cend(),
                [](const AccessEvent &a, const AccessEvent &b) { return a.serialNo < b.serialNo; });
            Store::StoredEventCursor cursor;
            cursor.deviceId = work->poll.deviceId;
            cursor.epoch = epoch;
            // A restarted log may come from another terminal: what it does is learnt again.
            cursor.beginInclusive = epoch == work->cursor.epoch ? work->cursor.beginInclusive : -1;
            if (newest != events.cend()) {
                cursor.lastSerialNo = newest->serialNo;
                cursor.anchor = anchorOf(*newest);
            }
            saveCursor(*work, cursor);
            finish(work);
        },
        storePage);
}

bool EventReader::storeEvents(Work &work, qint64 epoch, const QList<AccessEvent> &events)
{
    const int added = m_store.addEvents(work.poll.deviceId, epoch, events);
    if (added < 0) {
        work.poll.error = tr("the events could not be stored");
        return false;
    }
    work.poll.added += added;
    for (const AccessEvent &event : events) {
        if (event.outcome() == AccessEvent::Outcome::Refused)
            work.poll.newRefusals.append(event);
    }
    return true;
}

void EventReader::saveCursor(Work &work, Store::StoredEventCursor cursor)
{
    cursor.readAt = m_clock.now();
    if (!m_store.setEventCursor(cursor))
        work.poll.error = tr("where the reading stands could not be stored");
}

void EventReader::checkClock(const std::shared_ptr<Work> &work)
{
    m_clockChecked.insert(work->poll.deviceId);
    work->client->fetchDeviceTime([this, work](HikvisionClient::Result<QDateTime> time) {
        if (work->finished)
            return;
        // Not every firmware serves it, and one that does not is not asked again: the events
        // were read all the same.
        if (time) {
            const qint64 off = m_clock.now().secsTo(time.value());
            if (qAbs(off) > kClockToleranceSeconds) {
                const int minutes = int(qAbs(off) / 60);
                emit logMessage(QStringLiteral("warning"), work->poll.deviceId,
                                (off > 0 ? tr("Door %1: its clock is %n minute(s) ahead of this "
                                              "computer's. Set its time (NTP) in iVMS-4200 or "
                                              "its web page: entries are checked against it.",
                                              nullptr, minutes)
                                         : tr("Door %1: its clock is %n minute(s) behind this "
                                              "computer's. Set its time (NTP) in iVMS-4200 or "
                                              "its web page: entries are checked against it.",
                                              nullptr, minutes))
                                    .arg(work->doorName));
                work->poll.clockOffsetSeconds = off;
            }
        }
        finish(work);
    });
}

void EventReader::finish(const std::shared_ptr<Work> &work)
{
    if (work->finished)
        return;
    if (work->poll.error.isEmpty() && !m_clockChecked.contains(work->poll.deviceId) && work->client)
        return checkClock(work);
    work->finished = true;
    disconnect(work->clientGone);
    m_active.removeOne(work);
    if (work->poll.added > 0)
        emit eventsAdded(work->poll.deviceId, work->poll.added);
    if (!work->poll.error.isEmpty())
        emit logMessage(
            QStringLiteral("warning"), work->poll.deviceId,
            tr("Door %1: its events could not be read: %2").arg(work->doorName, work->poll.error));
    applyRetention();
    const auto done = std::move(work->done);
    done(work->poll);
}

void EventReader::abandon()
{
    for (const std::shared_ptr<Work> &work : std::exchange(m_active, {})) {
        work->finished = true;
        disconnect(work->clientGone);
    }
}

int EventReader::applyRetention()
{
    const QDateTime now = m_clock.now();
    if (m_lastRetention.isValid() && m_lastRetention.secsTo(now) < 24 * 3600)
        return 0;
    m_lastRetention = now;
    return qMax(0, m_store.deleteEventsBefore(now.addDays(-m_retentionDays)));
}

} // namespace cis
