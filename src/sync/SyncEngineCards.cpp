// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
//
// Cards given at the desk (issue 19): read at a door, typed or from a desk reader, kept in the
// database, written to every door the member is on, and converged by each sync: a door that
// was unreachable, added later, or whose person was created again gets the member's cards,
// and a removed card leaves every door that still has it. Only a card held by the member's own
// person is ever deleted: nobody else's credentials are touched.
#include "CardNumber.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncEngineRun.h"
#include "SyncLogging.h"

#include <QSet>

namespace cis {

namespace {

bool isCaptureTimeout(const HikvisionError &error)
{
    return error.kind == HikvisionError::Kind::Timeout ||
           error.subStatusCode.contains(QLatin1String("timeout"), Qt::CaseInsensitive) ||
           error.errorMsg.contains(QLatin1String("timeout"), Qt::CaseInsensitive);
}

} // namespace

QString SyncEngine::memberName(const MemberKey &member) const
{
    if (const std::optional<Member> stored = m_store.member(member))
        return stored->displayName();
    return {};
}

QList<SyncEngine::MemberDoor> SyncEngine::doorsOfMember(const MemberKey &member) const
{
    QList<MemberDoor> doors;
    for (const DeviceSettings &device : m_settings.devices) {
        if (!device.enabled)
            continue;
        for (const Link &link : m_store.links(device.id)) {
            if (link.member != member)
                continue;
            if (m_store.devicePerson(device.id, link.employeeNo))
                doors.append({device.id, device.name, link.employeeNo});
            break;
        }
    }
    return doors;
}

quint64 SyncEngine::captureCard(const QString &deviceId, int waitSeconds,
                                std::function<void(const CapturedCard &, const QString &)> done)
{
    const DeviceSettings *device = m_settings.device(deviceId);
    if (!device) {
        done({}, tr("The door terminal \"%1\" is no longer configured.").arg(deviceId));
        return 0;
    }
    if (const std::optional<HikvisionError> refusal = deviceRefusal(device->id)) {
        done({}, refusal->message());
        return 0;
    }
    HikvisionClient &client = clientFor(*device);
    const quint64 tag = HikvisionClient::newCancelTag();
    const QString name = device->name;
    // Terminals without the capability are told apart from a door that did not answer: only
    // the terminal's own "false" keeps the request from being sent.
    client.fetchAccessControlCapabilities(
        [this, &client, tag, name, waitSeconds,
         done](HikvisionClient::Result<AccessControlCapabilities> caps) {
            if (caps && caps.value().captureCardInfo == false) {
                return done({}, tr("%1 cannot read a card for enrolment (it says "
                                   "isSupportCaptureCardInfo is false). Type the number, or use a "
                                   "desk reader.")
                                    .arg(name));
            }
            if (!caps && caps.error().blocksClient())
                return done({}, caps.error().message());
            client.captureCard(
                waitSeconds, tag,
                [name, waitSeconds, done](HikvisionClient::Result<CapturedCard> captured) {
                    if (captured)
                        return done(captured.value(), {});
                    const HikvisionError &error = captured.error();
                    if (error.cancelled)
                        return done({}, tr("Cancelled."));
                    if (isCaptureTimeout(error))
                        return done({},
                                    tr("No card was held to the reader of %1 within %n second(s).",
                                       nullptr, waitSeconds)
                                        .arg(name));
                    if (error.kind == HikvisionError::Kind::NotSupported)
                        return done({}, tr("%1 cannot read a card for enrolment (%2). Type the "
                                           "number, or use a desk reader.")
                                            .arg(name, error.message()));
                    done({}, error.message());
                });
        });
    m_captureClients.insert(tag, device->id);
    return tag;
}

void SyncEngine::cancelCardCapture(quint64 tag)
{
    const QString deviceId = m_captureClients.take(tag);
    const auto it = m_clients.find(deviceId);
    if (it != m_clients.end() && it->second.client)
        it->second.client->cancelCalls(tag);
}

qint64 SyncEngine::journalCardOperation(ActionKind kind, const QString &deviceId,
                                        const QString &employeeNo, const MemberKey &member,
                                        const QString &detail, bool desk)
{
    OperationRecord record;
    record.runId = !desk && m_run ? m_run->report.run.id : 0;
    record.deviceId = deviceId;
    record.employeeNo = employeeNo;
    record.member = member;
    record.action = kind;
    record.detail = detail;
    const qint64 id = m_store.journalOperation(record);
    if (id > 0 && record.runId == 0)
        m_deskOperations.append(id);
    return id;
}

void SyncEngine::recordDeskRun()
{
    if (m_deskOperations.isEmpty())
        return;
    const QList<qint64> ids = std::exchange(m_deskOperations, {});
    RunRecord run;
    run.kind = RunKind::Desk;
    run.startedAt = m_clock.now();
    for (qint64 id : ids) {
        if (const std::optional<OperationRecord> op = m_store.operation(id)) {
            if (op->at.isValid() && op->at < run.startedAt)
                run.startedAt = op->at;
            if (op->status == OperationStatus::Done)
                ++run.updated;
            else if (op->status == OperationStatus::Failed)
                ++run.failed;
        }
    }
    run.id = m_store.beginRun(RunKind::Desk, run.startedAt);
    if (run.id <= 0)
        return;
    run.status = run.failed == 0   ? RunStatus::Succeeded
                 : run.updated > 0 ? RunStatus::PartlyFailed
                                   : RunStatus::Failed;
    run.finishedAt = m_clock.now();
    m_store.transaction(
        [&] { return m_store.assignOperationsToRun(run.id, ids) && m_store.finishRun(run); });
}

void SyncEngine::finishCardOperation(qint64 operationId, OperationStatus status,
                                     const QString &error)
{
    m_store.completeOperation(operationId, status, error, std::nullopt);
    if (const auto record = m_store.operation(operationId)) {
        if (m_run && record->runId == m_run->report.run.id)
            m_run->report.operations.append(*record);
        emit operationFinished(*record);
    }
}

void SyncEngine::notePersonCards(const QString &deviceId, const QString &employeeNo, int delta)
{
    std::optional<Person> person = m_store.devicePerson(deviceId, employeeNo);
    if (!person || person->numOfCard < 0)
        return;
    person->numOfCard = std::max(0, person->numOfCard + delta);
    m_store.upsertDevicePerson(deviceId, *person);
}

void SyncEngine::writeCard(HikvisionClient &client, const DeviceSettings &device,
                           const CardTask &task, std::function<void(bool, QString)> done)
{
    const QString who = memberText(task.member, task.memberName);
    if (task.remove) {
        // Asked first: the number may be someone else's card on this door, which stays.
        client.searchCardsByNumbers(
            {task.cardNo}, [this, &client, device, task, who,
                            done](HikvisionClient::Result<CardSearchResult> found) {
                if (!found)
                    return done(false,
                                found.error().isTransient() ? QString() : found.error().message());
                const QList<Card> &cards = found.value().cards;
                const auto held = std::find_if(cards.cbegin(), cards.cend(), [&](const Card &c) {
                    return c.cardNo == task.cardNo;
                });
                if (held == cards.cend()) {
                    m_store.cardRemovalDone(device.id, task.cardNo);
                    return done(true, {});
                }
                if (held->employeeNo != task.employeeNo) {
                    m_store.cardRemovalDone(device.id, task.cardNo);
                    return done(true, tr("%1: card %2 belongs to person %3 there, not to %4; it "
                                         "was left alone.")
                                          .arg(device.name, task.cardNo, held->employeeNo, who));
                }
                const qint64 operationId =
                    journalCardOperation(ActionKind::CardRemove, device.id, task.employeeNo,
                                         task.member, task.cardNo, task.desk);
                client.deleteCards({task.cardNo},
                                   [this, device, task, who, operationId,
                                    done](HikvisionClient::Result<DeleteResult> deleted) {
                                       if (!deleted && deleted.error().kind !=
                                                           HikvisionError::Kind::DoesNotExist) {
                                           finishCardOperation(operationId, OperationStatus::Failed,
                                                               deleted.error().message());
                                           return done(false, deleted.error().isTransient()
                                                                  ? QString()
                                                                  : deleted.error().message());
                                       }
                                       m_store.cardRemovalDone(device.id, task.cardNo);
                                       notePersonCards(device.id, task.employeeNo, -1);
                                       finishCardOperation(operationId, OperationStatus::Done);
                                       done(true, {});
                                   });
            });
        return;
    }

    const qint64 operationId = journalCardOperation(ActionKind::CardAdd, device.id, task.employeeNo,
                                                    task.member, task.cardNo, task.desk);
    Card card;
    card.employeeNo = task.employeeNo;
    card.cardNo = task.cardNo;
    card.cardType = task.cardType;
    client.recordCard(card, [this, &client, device, task, who, operationId,
                             done](HikvisionClient::Result<WriteResult> written) {
        if (written) {
            notePersonCards(device.id, task.employeeNo, +1);
            finishCardOperation(operationId, OperationStatus::Done);
            return done(true, {});
        }
        const HikvisionError error = written.error();
        if (error.kind == HikvisionError::Kind::DoesNotExist) {
            const QString text = tr("%1: %2 is not on this door yet; the card is written once "
                                    "the member is.")
                                     .arg(device.name, who);
            finishCardOperation(operationId, OperationStatus::Skipped, text);
            return done(false, text);
        }
        if (error.kind != HikvisionError::Kind::AlreadyExists) {
            finishCardOperation(operationId, OperationStatus::Failed, error.message());
            return done(false, error.isTransient() ? QString() : error.message());
        }
        // The number is on the door already: the member's (an earlier answer was lost) or
        // someone else's, whose card is never taken.
        client.searchCardsByNumbers(
            {task.cardNo}, [this, device, task, who, operationId,
                            done](HikvisionClient::Result<CardSearchResult> found) {
                QString holder;
                if (found) {
                    for (const Card &c : found.value().cards) {
                        if (c.cardNo == task.cardNo)
                            holder = c.employeeNo;
                    }
                }
                if (holder == task.employeeNo) {
                    finishCardOperation(operationId, OperationStatus::Done);
                    return done(true, {});
                }
                const std::optional<Person> person =
                    holder.isEmpty() ? std::nullopt : m_store.devicePerson(device.id, holder);
                const QString holderText = person && !person->name.isEmpty()
                                               ? QStringLiteral("%1 (%2)").arg(person->name, holder)
                                               : (holder.isEmpty() ? tr("another person") : holder);
                const QString text =
                    tr("%1: card %2 is already held by %3; it was not given to %4.")
                        .arg(device.name, task.cardNo, holderText, who);
                finishCardOperation(operationId, OperationStatus::Failed, text);
                done(false, text);
            });
    });
}

void SyncEngine::runCardTasks(HikvisionClient &client, const DeviceSettings &device,
                              QList<CardTask> tasks, std::function<bool()> stillWanted,
                              std::function<void(int failed, QStringList messages)> done)
{
    auto failed = std::make_shared<int>(0);
    auto messages = std::make_shared<QStringList>();
    auto shared = std::make_shared<QList<CardTask>>(std::move(tasks));
    inSequence(
        int(shared->size()),
        [this, &client, device, shared, failed, messages, stillWanted](int i,
                                                                       std::function<void()> next) {
            if (stillWanted && !stillWanted())
                return next();
            writeCard(client, device, shared->at(i),
                      [failed, messages, next](bool ok, const QString &message) {
                          if (!ok)
                              ++*failed;
                          if (!message.isEmpty())
                              messages->append(message);
                          next();
                      });
        },
        [failed, messages, done] { done(*failed, *messages); });
}

void SyncEngine::addMemberCard(const MemberKey &member, const QString &cardNumber,
                               const QString &by, std::function<void(const CardOutcome &)> done)
{
    const QString cardNo = cardNumber.trimmed();
    const QString name = memberName(member);
    const QString who = memberText(member, name);
    if (const std::optional<QString> problem = cardNumberProblem(cardNo))
        return done({false, *problem});
    if (const std::optional<MemberCard> held = m_store.memberCard(cardNo)) {
        if (held->member == member)
            return done({false, tr("%1 already has card %2.").arg(who, cardNo)});
        return done({false, tr("Card %1 belongs to %2; take it from them first.")
                                .arg(cardNo, memberText(held->member, memberName(held->member)))});
    }
    const QList<MemberDoor> doors = doorsOfMember(member);
    // Every door is asked who holds the number before any is written, so that a card someone
    // else has on one door is refused everywhere instead of given on the doors asked first.
    auto conflicts = std::make_shared<QStringList>();
    auto unreachable = std::make_shared<QStringList>();
    inSequence(
        int(doors.size()),
        [this, doors, cardNo, conflicts, unreachable](int i, std::function<void()> next) {
            const MemberDoor door = doors.at(i);
            const DeviceSettings *device = m_settings.device(door.deviceId);
            if (!device)
                return next();
            if (const auto refusal = deviceRefusal(device->id)) {
                unreachable->append(door.deviceName);
                return next();
            }
            clientFor(*device).searchCardsByNumbers(
                {cardNo}, [this, door, cardNo, conflicts, unreachable,
                           next](HikvisionClient::Result<CardSearchResult> found) {
                    if (!found) {
                        unreachable->append(door.deviceName);
                        return next();
                    }
                    for (const Card &card : found.value().cards) {
                        if (card.cardNo != cardNo || card.employeeNo == door.employeeNo)
                            continue;
                        const std::optional<Person> person =
                            m_store.devicePerson(door.deviceId, card.employeeNo);
                        conflicts->append(tr("Card %1 is already held by %2 on %3.")
                                              .arg(cardNo,
                                                   person && !person->name.isEmpty()
                                                       ? QStringLiteral("%1 (%2)").arg(
                                                             person->name, card.employeeNo)
                                                       : card.employeeNo,
                                                   door.deviceName));
                    }
                    next();
                });
        },
        [this, member, cardNo, by, who, doors, conflicts, unreachable, done] {
            if (!conflicts->isEmpty())
                return done({false, conflicts->join(QLatin1Char(' '))});
            MemberCard card;
            card.member = member;
            card.cardNo = cardNo;
            card.addedBy = by;
            if (!m_store.addMemberCard(card))
                return done(
                    {false, tr("Card %1 could not be stored in the database.").arg(cardNo)});
            log(QStringLiteral("info"), {}, who, tr("Card %1 given to %2.").arg(cardNo, who));
            writeCardToDoors(member, cardNo, doors, false, *unreachable, std::move(done));
        });
}

void SyncEngine::removeMemberCard(const MemberKey &member, const QString &cardNo,
                                  std::function<void(const CardOutcome &)> done)
{
    const QString who = memberText(member, memberName(member));
    const std::optional<MemberCard> held = m_store.memberCard(cardNo);
    if (!held || held->member != member)
        return done({false, tr("%1 has no card %2.").arg(who, cardNo)});
    QStringList deviceIds;
    for (const DeviceSettings &device : m_settings.devices)
        deviceIds.append(device.id);
    if (!m_store.removeMemberCard(cardNo, deviceIds))
        return done({false, tr("Card %1 could not be removed from the database.").arg(cardNo)});
    log(QStringLiteral("info"), {}, who, tr("Card %1 taken from %2.").arg(cardNo, who));
    writeCardToDoors(member, cardNo, doorsOfMember(member), true, {}, std::move(done));
}

void SyncEngine::writeCardToDoors(const MemberKey &member, const QString &cardNo,
                                  const QList<MemberDoor> &doors, bool remove,
                                  const QStringList &unreachableBefore,
                                  std::function<void(const CardOutcome &)> done)
{
    const QString name = memberName(member);
    const QString who = memberText(member, name);
    auto tally = std::make_shared<DoorTally>();
    tally->later = unreachableBefore;
    inSequence(
        int(doors.size()),
        [this, doors, member, name, cardNo, remove, tally](int i, std::function<void()> next) {
            const MemberDoor door = doors.at(i);
            const DeviceSettings *device = m_settings.device(door.deviceId);
            if (!device || tally->later.contains(door.deviceName))
                return next();
            if (deviceRefusal(device->id)) {
                tally->later.append(door.deviceName);
                return next();
            }
            CardTask task;
            task.remove = remove;
            task.desk = true;
            task.employeeNo = door.employeeNo;
            task.member = member;
            task.memberName = name;
            task.cardNo = cardNo;
            writeCard(clientFor(*device), *device, task,
                      DoorTally::counter(tally, door.deviceName, next));
        },
        [this, who, cardNo, remove, doors, tally, done] {
            QStringList parts;
            if (doors.isEmpty())
                parts.append(
                    remove ? tr("Card %1 was taken from %2; no door has them now.").arg(cardNo, who)
                           : tr("Card %1 is stored for %2 and will be written to each "
                                "door once the member is on it.")
                                 .arg(cardNo, who));
            else if (!tally->done.isEmpty())
                parts.append(remove ? tr("Card %1 removed from %2 on: %3.")
                                          .arg(cardNo, who, DoorTally::list(tally->done))
                                    : tr("Card %1 added for %2 on: %3.")
                                          .arg(cardNo, who, DoorTally::list(tally->done)));
            if (!tally->later.isEmpty())
                parts.append(tr("Not reachable now, done by the next sync: %1.")
                                 .arg(DoorTally::list(tally->later)));
            parts += tally->problems;
            for (const QString &problem : std::as_const(tally->problems))
                log(QStringLiteral("error"), {}, who, problem);
            recordDeskRun();
            done({tally->problems.isEmpty(), parts.join(QLatin1Char(' '))});
        });
}

// The run's step after a door's writes. First the credential counts of linked persons the
// store does not know (a person this program created: the terminal may still hold cards bound
// to its number), asked of the terminal, so that the window can tell who cannot open the door.
// Then the member's cards onto their persons there, and the removed cards off them. Persons
// whose terminal count already equals the cards we gave are taken as done on a quick sync (the
// count is the terminal's, the cards were written by us); a full reconcile asks for the cards.
void SyncEngine::reconcileCards(const WorkPtr &work, std::function<void()> finish)
{
    if (m_run->stopRequested || m_run->options.kind == RunKind::Preview)
        return finish();
    const std::optional<MemberKey> only = m_run->options.onlyMember;
    // The terminal's counts of persons it has not told yet (ours, created since its last full
    // read); only linked persons are asked about, and only when there are such persons at all.
    QStringList unknownCounts;
    const UserCapabilities &caps = work->client->capabilities();
    if (caps.reportsNumOfCard || caps.reportsNumOfFace) {
        QStringList unknown;
        for (const Person &person : m_store.deviceSnapshot(work->device.id).persons) {
            if ((caps.reportsNumOfCard && person.numOfCard < 0) ||
                (caps.reportsNumOfFace && person.numOfFace < 0))
                unknown.append(person.employeeNo);
        }
        if (!unknown.isEmpty()) {
            const QHash<QString, MemberKey> linked = m_store.linkedMembers(work->device.id);
            for (const QString &employeeNo : std::as_const(unknown)) {
                const auto member = linked.constFind(employeeNo);
                if (member != linked.cend() && (!only || *member == *only))
                    unknownCounts.append(employeeNo);
            }
        }
    }
    if (unknownCounts.isEmpty())
        return reconcileMemberCards(work, std::move(finish));
    petWatchdog(work, QStringLiteral("the new persons' credentials"));
    work->client->searchPersons(
        unknownCounts, [this, work, finish](HikvisionClient::Result<PersonSearchResult> found) {
            if (!isCurrent(work))
                return;
            if (!found) {
                if (found.error().blocksClient())
                    return failDevice(work, found.error());
                log(QStringLiteral("warning"), work->device.id, {},
                    tr("%1: the credentials of new persons could not be read (%2); they are "
                       "read again next time.")
                        .arg(work->device.name, found.error().message()));
                return reconcileMemberCards(work, finish);
            }
            m_store.transaction([&] {
                for (const Person &person : found.value().persons)
                    m_store.upsertDevicePerson(work->device.id, person);
                return true;
            });
            reconcileMemberCards(work, finish);
        });
}

void SyncEngine::reconcileMemberCards(const WorkPtr &work, std::function<void()> finish)
{
    const QList<MemberCard> allCards = m_store.memberCards();
    const QList<CardRemoval> removals = m_store.cardRemovals(work->device.id);
    if ((allCards.isEmpty() && removals.isEmpty()) || m_run->stopRequested)
        return finish();
    const std::optional<MemberKey> only = m_run->options.onlyMember;

    QHash<MemberKey, QList<MemberCard>> cardsOf;
    for (const MemberCard &card : allCards) {
        if (!only || card.member == *only)
            cardsOf[card.member].append(card);
    }
    const DeviceSnapshot snapshot = m_store.deviceSnapshot(work->device.id);
    QHash<QString, int> cardCountOf;
    cardCountOf.reserve(snapshot.persons.size());
    for (const Person &person : snapshot.persons)
        cardCountOf.insert(person.employeeNo, person.numOfCard);
    const QHash<QString, MemberKey> memberOfPerson = m_store.linkedMembers(work->device.id);
    QStringList toCheck;
    const bool full = m_run->options.kind == RunKind::FullReconcile;
    for (auto link = memberOfPerson.cbegin(); link != memberOfPerson.cend(); ++link) {
        const auto cards = cardsOf.constFind(link.value());
        if (cards == cardsOf.cend() || !cardCountOf.contains(link.key()))
            continue;
        if (full || cardCountOf.value(link.key()) != cards->size())
            toCheck.append(link.key());
    }
    QList<CardTask> tasks;
    for (const CardRemoval &removal : removals) {
        if (only && removal.member != *only)
            continue;
        CardTask task;
        task.remove = true;
        task.member = removal.member;
        task.memberName = memberName(removal.member);
        task.cardNo = removal.cardNo;
        task.employeeNo = memberOfPerson.key(removal.member);
        tasks.append(task);
    }
    if (toCheck.isEmpty() && tasks.isEmpty())
        return finish();

    petWatchdog(work, QStringLiteral("the persons' cards"));
    work->client->searchCardsOfPersons(
        toCheck, [this, work, toCheck, cardsOf, memberOfPerson, tasks,
                  finish](HikvisionClient::Result<CardSearchResult> found) mutable {
            if (!isCurrent(work))
                return;
            if (!found) {
                log(QStringLiteral("warning"), work->device.id, {},
                    tr("%1: the persons' cards could not be read (%2); they are checked again "
                       "next time.")
                        .arg(work->device.name, found.error().message()));
                if (found.error().blocksClient())
                    return failDevice(work, found.error());
                return finish();
            }
            QHash<QString, QSet<QString>> present;
            for (const Card &card : found.value().cards)
                present[card.employeeNo].insert(card.cardNo);
            QList<CardTask> adds;
            for (const QString &employeeNo : toCheck) {
                // What the search proved, so that the next quick sync need not ask again.
                setPersonCardCount(work->device.id, employeeNo,
                                   int(present.value(employeeNo).size()));
                const MemberKey member = memberOfPerson.value(employeeNo);
                for (const MemberCard &card : cardsOf.value(member)) {
                    if (present.value(employeeNo).contains(card.cardNo))
                        continue;
                    CardTask task;
                    task.member = member;
                    task.memberName = memberName(member);
                    task.employeeNo = employeeNo;
                    task.cardNo = card.cardNo;
                    task.cardType = card.cardType;
                    adds.append(task);
                }
            }
            adds += tasks;
            if (adds.isEmpty())
                return finish();
            runCardTasks(
                *work->client, work->device, adds,
                [this, work] { return isCurrent(work) && !m_run->stopRequested; },
                [this, work, finish](int failed, const QStringList &messages) {
                    if (!isCurrent(work))
                        return;
                    for (const QString &message : messages)
                        log(failed > 0 ? QStringLiteral("warning") : QStringLiteral("info"),
                            work->device.id, {}, message);
                    m_run->report.run.failed += failed;
                    work->outcome.failed += failed;
                    if (const std::optional<HikvisionError> refused = work->client->refusal())
                        return failDevice(work, *refused);
                    finish();
                });
        });
}

void SyncEngine::setPersonCardCount(const QString &deviceId, const QString &employeeNo, int count)
{
    std::optional<Person> person = m_store.devicePerson(deviceId, employeeNo);
    if (!person || person->numOfCard == count)
        return;
    person->numOfCard = count;
    m_store.upsertDevicePerson(deviceId, *person);
}

void SyncEngine::deleteCredentialsOf(const WorkPtr &work, const PlannedAction &action,
                                     std::function<void()> then)
{
    const int cards = action.before ? action.before->numOfCard : -1;
    const int faces = action.before ? action.before->numOfFace : -1;
    const auto deleteFace = [this, work, action, faces, then] {
        if (faces == 0)
            return then();
        withFaceLibrary(
            work->device, [this, work, action, then](std::optional<FaceLibraryCapabilities> library,
                                                     const QString &) {
                if (!isCurrent(work))
                    return;
                if (!library || !library->available)
                    return then();
                work->client->deleteFaces(
                    {action.employeeNo},
                    [this, work, action, then](HikvisionClient::Result<DeleteResult> result) {
                        if (!isCurrent(work))
                            return;
                        if (!result && result.error().kind != HikvisionError::Kind::DoesNotExist)
                            log(QStringLiteral("warning"), work->device.id, action.memberName,
                                tr("%1: the face of %2 could not be removed before the person was "
                                   "deleted: %3")
                                    .arg(work->device.name, action.employeeNo,
                                         result.error().message()));
                        then();
                    });
            });
    };
    if (cards == 0)
        return deleteFace();
    work->client->deleteCardsOfPersons(
        {action.employeeNo},
        [this, work, action, deleteFace](HikvisionClient::Result<DeleteResult> result) {
            if (!isCurrent(work))
                return;
            if (!result && result.error().kind != HikvisionError::Kind::DoesNotExist)
                log(QStringLiteral("warning"), work->device.id, action.memberName,
                    tr("%1: the cards of %2 could not be removed before the person was "
                       "deleted: %3")
                        .arg(work->device.name, action.employeeNo, result.error().message()));
            deleteFace();
        });
}

} // namespace cis
