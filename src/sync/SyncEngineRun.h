// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The engine's state of a run and of each door in it: private to the engine's sources
// (SyncEngine.cpp, SyncEngineCards.cpp, SyncEngineFaces.cpp).
#include "SyncEngine.h"

#include <QElapsedTimer>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace cis {

// "Name (member number)", or "#number" for a member whose name is not known here.
inline QString memberText(const MemberKey &member, const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("#%1").arg(member.organisationMemberId);
    return QStringLiteral("%1 (%2)").arg(name).arg(member.organisationMemberId);
}

// Runs step(i, next) for i = 0..count-1, one after the other, then done().
inline void inSequence(int count, std::function<void(int, std::function<void()>)> step,
                       std::function<void()> done)
{
    auto index = std::make_shared<int>(0);
    auto proceed = std::make_shared<std::function<void()>>();
    *proceed = [count, index, step = std::move(step), done = std::move(done),
                weak = std::weak_ptr<std::function<void()>>(proceed)]() {
        if (*index >= count)
            return done();
        const int current = (*index)++;
        const auto self = weak.lock();
        step(current, [self] {
            if (self)
                (*self)();
        });
    };
    // The chain keeps itself alive through the continuations it hands out.
    auto holder = proceed;
    (*holder)();
}

// What a desk action came to on each of a member's doors, for the one message that ends it.
// A door step answers (ok, message): ok is done; no message means not reachable now, left to
// the next sync; a message is a problem, said as it is.
struct DoorTally
{
    QStringList done;
    QStringList later;
    QStringList problems;
    QStringList withoutFaceLibrary;

    static std::function<void(bool, const QString &)>
    counter(std::shared_ptr<DoorTally> tally, const QString &door, std::function<void()> next)
    {
        return [tally = std::move(tally), door, next = std::move(next)](bool ok,
                                                                        const QString &message) {
            if (ok)
                tally->done.append(door);
            else if (message.isEmpty())
                tally->later.append(door);
            else
                tally->problems.append(message);
            next();
        };
    }
    static QString list(const QStringList &doors) { return doors.join(QStringLiteral(", ")); }
};

struct SyncEngine::Run
{
    RunOptions options;
    RunReport report;
    QElapsedTimer clock;
    QList<Member> members;
    bool stopRequested = false;
    bool finished = false;
    QDateTime fetchStartedAt;
    enum class MemberList
    {
        Fetching,
        Ready,
        Unavailable, // failed, held by the guard, or the run was stopped
    };
    MemberList memberList = MemberList::Fetching;
    QString noMembersReason; // Unavailable: what the doors waiting for it are told
    QList<DeviceSettings> devices;
    int nextDevice = 0; // the next of devices to start
    int maxParallel = 0;
    std::unique_ptr<CardskipperClient> cardskipper;
    // The doors being worked on; answers for any other are late and ignored.
    QHash<QString, std::shared_ptr<DeviceWork>> active;
    // Fires when Cardskipper has been silent for longer than any answer may take (see
    // petWatchdog): a run must end whatever the other side does.
    QTimer membersWatchdog;
    QString membersWaitingFor;
    // Each door's linked persons, read once per run for the face copies of the other doors.
    QHash<QString, QHash<QString, MemberKey>> linkedMembers;
    int membersLimitMs = 0;
};

struct SyncEngine::DeviceWork
{
    DeviceSettings device;
    HikvisionClient *client = nullptr;
    DeviceOutcome outcome;
    QList<PlannedAction> writes;
    int nextWrite = 0;
    // The next write's journal row, committed while the write before it was on the wire, so
    // that no database work stands between one answer and the next request.
    struct Journaled
    {
        int index = -1;
        qint64 operationId = -1;
    };
    std::optional<Journaled> journaledAhead;
    bool deviceFull = false; // the terminal refused a create for want of room
    // retryDevice() came while this device was being synced.
    bool forgetClientAfterwards = false;
    bool waitingForMembers = false; // read, and waiting for the member list to be planned
    bool applying = false;          // writes have started: a stop lets the one in flight end
    QElapsedTimer applyTimer;
    // For the door's health: how the work ended and what the door answered meanwhile.
    std::optional<HikvisionError> failure;
    bool silent = false;    // ended by the watchdog
    bool abandoned = false; // dropped by us mid-request: its last exchange proves nothing
    quint64 answersAtStart = 0;
    // This door's own watchdog (see petWatchdog).
    QTimer watchdog;
    QString watchdogWaitingFor;
    int watchdogLimitMs = 0;
    // The record of the write before the one on the wire, made when the event loop comes
    // round (recordSuccess), and at the latest before anything else happens to this door.
    std::function<void()> pendingBookkeeping;
    // The door's full read, its pages saved as they arrive (each page while the next is on
    // the wire), so that no 10,000-row save stands between the last page and the plan.
    std::shared_ptr<Store::DeviceRead> deviceRead;
    // The door as just read, its read finished once its plan is made and its first write sent.
    std::optional<DeviceSnapshot> unsavedSnapshot;
};

} // namespace cis
