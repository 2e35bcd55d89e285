// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
//
// Faces given at the desk (issue 19): a photo from a file (prepared by FacePhoto) or taken by
// a door's camera, written to every door the member is on, and copied by each sync from a door
// that has the member's face to one that lacks it, so that one enrolment serves every door.
// A face is biometric data: pictures pass through memory only while they are written; the
// database keeps that a write happened and which doors still owe a removal, nothing else.
#include "Store.h"
#include "SyncEngine.h"
#include "SyncEngineRun.h"
#include "SyncLogging.h"

#include <QSet>

namespace cis {

void SyncEngine::withFaceLibrary(
    const DeviceSettings &device,
    std::function<void(std::optional<FaceLibraryCapabilities>, QString)> done)
{
    const auto known = m_faceLibraries.constFind(device.id);
    if (known != m_faceLibraries.cend())
        return done(*known, {});
    if (const std::optional<HikvisionError> refusal = deviceRefusal(device.id))
        return done(std::nullopt, refusal->message());
    const QString deviceId = device.id;
    clientFor(device).fetchFaceLibraryCapabilities(
        [this, deviceId, done](HikvisionClient::Result<FaceLibraryCapabilities> library) {
            if (!library)
                return done(std::nullopt, library.error().message());
            // Only a definite answer is kept: a door that did not answer is asked again.
            m_faceLibraries.insert(deviceId, library.value());
            done(library.value(), {});
        });
}

namespace {
QString noFaceLibraryText(const QString &doorName)
{
    return SyncEngine::tr("%1 has no face library that this program can reach (the terminal "
                          "answers no /ISAPI/Intelligent/FDLib). Enrol faces there with "
                          "iVMS-4200.")
        .arg(doorName);
}
} // namespace

std::optional<QString> SyncEngine::knownFaceLibrary(const QString &deviceId) const
{
    const auto known = m_faceLibraries.constFind(deviceId);
    if (known == m_faceLibraries.cend())
        return std::nullopt;
    if (known->available)
        return QString();
    const DeviceSettings *device = m_settings.device(deviceId);
    return noFaceLibraryText(device ? device->name : deviceId);
}

void SyncEngine::faceLibraryOf(const QString &deviceId,
                               std::function<void(bool, const QString &)> done)
{
    const DeviceSettings *device = m_settings.device(deviceId);
    if (!device)
        return done(false, tr("The door terminal \"%1\" is no longer configured.").arg(deviceId));
    const QString name = device->name;
    withFaceLibrary(*device, [name, done](std::optional<FaceLibraryCapabilities> library,
                                          const QString &error) {
        if (!library)
            return done(false, error);
        if (!library->available)
            return done(false, noFaceLibraryText(name));
        done(true, {});
    });
}

void SyncEngine::setPersonFaceCount(const QString &deviceId, const QString &employeeNo, int count)
{
    std::optional<Person> person = m_store.devicePerson(deviceId, employeeNo);
    if (!person || person->numOfFace == count)
        return;
    person->numOfFace = count;
    m_store.upsertDevicePerson(deviceId, *person);
}

void SyncEngine::writeFace(const DeviceSettings &device, const FaceLibraryCapabilities &library,
                           const QString &employeeNo, const MemberKey &member,
                           const QByteArray &jpeg, ActionKind kind, const QString &detail,
                           bool desk, std::function<void(bool, QString)> done)
{
    const qint64 operationId =
        journalCardOperation(kind, device.id, employeeNo, member, detail, desk);
    const QString who = memberText(member, memberName(member));
    const QString deviceId = device.id;
    const QString doorName = device.name;
    auto finished = [this, operationId, deviceId, doorName, employeeNo, who,
                     done](HikvisionClient::Result<WriteResult> written) {
        if (written) {
            setPersonFaceCount(deviceId, employeeNo, 1);
            finishCardOperation(operationId, OperationStatus::Done);
            return done(true, {});
        }
        const HikvisionError &error = written.error();
        const QString text =
            tr("%1: the face of %2 was not written: %3").arg(doorName, who, error.message());
        finishCardOperation(operationId, OperationStatus::Failed, error.message());
        done(false, error.isTransient() ? QString() : text);
    };
    HikvisionClient &client = clientFor(device);
    if (library.supportsSetUp())
        return client.setUpFace(employeeNo, jpeg, finished);
    // No set-up on this terminal: a face it has already is deleted first, as the guide's
    // remedy for deviceUserAlreadyExistFace says (§3.2).
    client.recordFace(
        employeeNo, jpeg,
        [this, deviceId, employeeNo, jpeg, finished](HikvisionClient::Result<WriteResult> written) {
            if (written || written.error().kind != HikvisionError::Kind::AlreadyExists)
                return finished(written);
            const DeviceSettings *settings = m_settings.device(deviceId);
            if (!settings)
                return finished(written);
            HikvisionClient &again = clientFor(*settings);
            again.deleteFaces({employeeNo}, [&again, employeeNo, jpeg, finished](
                                                HikvisionClient::Result<DeleteResult> deleted) {
                if (!deleted)
                    return finished(deleted.error());
                again.recordFace(employeeNo, jpeg, finished);
            });
        });
}

void SyncEngine::setFaceOnDoors(const MemberKey &member, const QByteArray &jpeg,
                                const QList<MemberDoor> &doors, ActionKind kind,
                                const QString &detail,
                                std::function<void(const FaceOutcome &)> done)
{
    const QString who = memberText(member, memberName(member));
    auto tally = std::make_shared<DoorTally>();
    inSequence(
        int(doors.size()),
        [this, doors, member, jpeg, kind, detail, tally](int i, std::function<void()> next) {
            const MemberDoor door = doors.at(i);
            const DeviceSettings *device = m_settings.device(door.deviceId);
            if (!device)
                return next();
            const DeviceSettings settings = *device;
            withFaceLibrary(
                settings, [this, settings, door, member, jpeg, kind, detail, tally,
                           next](std::optional<FaceLibraryCapabilities> library, const QString &) {
                    if (!library) {
                        tally->later.append(door.deviceName);
                        return next();
                    }
                    if (!library->available) {
                        tally->withoutFaceLibrary.append(door.deviceName);
                        return next();
                    }
                    writeFace(settings, *library, door.employeeNo, member, jpeg, kind, detail, true,
                              DoorTally::counter(tally, door.deviceName, next));
                });
        },
        [this, who, doors, tally, done] {
            QStringList parts;
            if (doors.isEmpty())
                parts.append(tr("%1 is not on any door yet: the face can be set once the member "
                                "is on one.")
                                 .arg(who));
            if (!tally->done.isEmpty())
                parts.append(tr("Face of %1 set on: %2.").arg(who, DoorTally::list(tally->done)));
            if (!tally->withoutFaceLibrary.isEmpty())
                parts.append(tr("No face library reachable on: %1 (enrol there with "
                                "iVMS-4200).")
                                 .arg(DoorTally::list(tally->withoutFaceLibrary)));
            if (!tally->later.isEmpty())
                parts.append(tr("Not reachable now, copied by the next sync: %1.")
                                 .arg(DoorTally::list(tally->later)));
            parts += tally->problems;
            for (const QString &problem : std::as_const(tally->problems))
                log(QStringLiteral("error"), {}, who, problem);
            recordDeskRun();
            done({!tally->done.isEmpty() && tally->problems.isEmpty(),
                  parts.join(QLatin1Char(' '))});
        });
}

void SyncEngine::setMemberFace(const MemberKey &member, const QByteArray &jpeg,
                               std::function<void(const FaceOutcome &)> done)
{
    m_store.clearFaceRemovals(member);
    log(QStringLiteral("info"), {}, memberText(member, memberName(member)),
        tr("A face photo is written for %1.").arg(memberText(member, memberName(member))));
    setFaceOnDoors(member, jpeg, doorsOfMember(member), ActionKind::FaceSet, {}, std::move(done));
}

void SyncEngine::fetchMemberFace(const DeviceSettings &device, const QString &employeeNo,
                                 std::function<void(QByteArray, QString)> done)
{
    if (const std::optional<HikvisionError> refusal = deviceRefusal(device.id))
        return done({}, refusal->message());
    HikvisionClient &client = clientFor(device);
    client.searchFace(employeeNo,
                      [&client, done](HikvisionClient::Result<std::optional<FaceRecord>> found) {
                          if (!found)
                              return done({}, found.error().message());
                          if (!found.value() || found.value()->faceUrl.isEmpty())
                              return done({}, tr("the door has no face for this person"));
                          client.fetchPicture(found.value()->faceUrl,
                                              [done](HikvisionClient::Result<QByteArray> picture) {
                                                  if (!picture)
                                                      return done({}, picture.error().message());
                                                  done(picture.value(), {});
                                              });
                      });
}

quint64 SyncEngine::captureMemberFace(const MemberKey &member, const QString &deviceId,
                                      int waitSeconds, std::function<void(int)> progress,
                                      std::function<void(const FaceOutcome &)> done)
{
    const QString who = memberText(member, memberName(member));
    const QList<MemberDoor> doors = doorsOfMember(member);
    const auto at = std::find_if(doors.cbegin(), doors.cend(),
                                 [&](const MemberDoor &door) { return door.deviceId == deviceId; });
    const DeviceSettings *device = m_settings.device(deviceId);
    if (!device) {
        done({false, tr("The door terminal \"%1\" is no longer configured.").arg(deviceId)});
        return 0;
    }
    if (at == doors.cend()) {
        done({false, tr("%1 is not on %2 yet: a photo can be taken there once the member is.")
                         .arg(who, device->name)});
        return 0;
    }
    if (const std::optional<HikvisionError> refusal = deviceRefusal(device->id)) {
        done({false, refusal->message()});
        return 0;
    }
    const quint64 tag = HikvisionClient::newCancelTag();
    m_captureClients.insert(tag, device->id);
    const MemberDoor door = *at;
    QList<MemberDoor> others;
    for (const MemberDoor &each : doors) {
        if (each.deviceId != deviceId)
            others.append(each);
    }
    const DeviceSettings settings = *device;
    withFaceLibrary(
        settings, [this, settings, door, others, member, who, tag, waitSeconds, progress,
                   done](std::optional<FaceLibraryCapabilities> library, const QString &error) {
            if (!library)
                return done({false, error});
            if (!library->available)
                return done({false, tr("%1 has no face library that this program can reach; take "
                                       "the photo there with iVMS-4200.")
                                        .arg(settings.name)});
            const FaceLibraryCapabilities lib = *library;
            clientFor(settings).captureFace(
                waitSeconds, tag, progress,
                [this, settings, lib, door, others, member, who, waitSeconds,
                 done](HikvisionClient::Result<CapturedFace> captured) {
                    if (!captured) {
                        const HikvisionError &failure = captured.error();
                        if (failure.cancelled)
                            return done({false, tr("Cancelled.")});
                        if (failure.kind == HikvisionError::Kind::Timeout)
                            return done({false, tr("%1 saw no face within %n second(s): the member "
                                                   "should look straight into its camera.",
                                                   nullptr, waitSeconds)
                                                    .arg(settings.name)});
                        return done({false, failure.message()});
                    }
                    m_store.clearFaceRemovals(member);
                    const CapturedFace face = captured.value();
                    const qint64 operationId =
                        journalCardOperation(ActionKind::FaceSet, settings.id, door.employeeNo,
                                             member, QStringLiteral("camera"), true);
                    HikvisionClient &client = clientFor(settings);
                    const auto copyOn = [this, settings, others, member, who,
                                         done](const QByteArray &jpeg) {
                        const QString here = tr("Face of %1 taken at %2.").arg(who, settings.name);
                        if (others.isEmpty() || jpeg.isEmpty()) {
                            recordDeskRun();
                            return done({true, others.isEmpty()
                                                   ? here
                                                   : here + QLatin1Char(' ') +
                                                         tr("The next sync copies it to the other "
                                                            "doors.")});
                        }
                        // The photo is kept where it was taken: what the copies meet is told,
                        // and the next syncs copy again where a door could not take it now.
                        setFaceOnDoors(member, jpeg, others, ActionKind::FaceCopy, settings.name,
                                       [here, done](const FaceOutcome &copied) {
                                           done({true, here + QLatin1Char(' ') + copied.message});
                                       });
                    };
                    const auto written = [this, settings, door, operationId, face, copyOn,
                                          done](HikvisionClient::Result<WriteResult> result) {
                        if (!result) {
                            finishCardOperation(operationId, OperationStatus::Failed,
                                                result.error().message());
                            recordDeskRun();
                            return done({false, tr("%1: the photo was taken but not kept: %2")
                                                    .arg(settings.name, result.error().message())});
                        }
                        setPersonFaceCount(settings.id, door.employeeNo, 1);
                        finishCardOperation(operationId, OperationStatus::Done);
                        if (!face.jpeg.isEmpty())
                            return copyOn(face.jpeg);
                        fetchMemberFace(
                            settings, door.employeeNo,
                            [copyOn](const QByteArray &jpeg, const QString &) { copyOn(jpeg); });
                    };
                    // The terminal's own URL first (S36: what its web page does); the picture
                    // itself where the terminal could not fetch its own URL.
                    if (!face.faceDataUrl.isEmpty())
                        return client.setUpFaceFromUrl(
                            door.employeeNo, face.faceDataUrl,
                            [this, settings, door, face, lib,
                             written](HikvisionClient::Result<WriteResult> result) {
                                if (result || face.jpeg.isEmpty())
                                    return written(result);
                                clientFor(settings).setUpFace(door.employeeNo, face.jpeg, written);
                            });
                    client.setUpFace(door.employeeNo, face.jpeg, written);
                });
        });
    return tag;
}

void SyncEngine::removeFaceFrom(const DeviceSettings &device, const QString &employeeNo,
                                const MemberKey &member, bool desk,
                                std::function<void(bool, QString)> done)
{
    const qint64 operationId =
        journalCardOperation(ActionKind::FaceRemove, device.id, employeeNo, member, {}, desk);
    const QString deviceId = device.id;
    const QString doorName = device.name;
    clientFor(device).deleteFaces({employeeNo}, [this, operationId, deviceId, doorName, employeeNo,
                                                 member, done](
                                                    HikvisionClient::Result<DeleteResult> deleted) {
        if (!deleted && deleted.error().kind != HikvisionError::Kind::DoesNotExist) {
            finishCardOperation(operationId, OperationStatus::Failed, deleted.error().message());
            return done(false, deleted.error().isTransient()
                                   ? QString()
                                   : tr("%1: %2").arg(doorName, deleted.error().message()));
        }
        m_store.faceRemovalDone(deviceId, member);
        setPersonFaceCount(deviceId, employeeNo, 0);
        finishCardOperation(operationId, OperationStatus::Done);
        done(true, {});
    });
}

void SyncEngine::removeMemberFace(const MemberKey &member,
                                  std::function<void(const FaceOutcome &)> done)
{
    const QString who = memberText(member, memberName(member));
    const QList<MemberDoor> doors = doorsOfMember(member);
    QStringList deviceIds;
    for (const DeviceSettings &device : m_settings.devices)
        deviceIds.append(device.id);
    if (!m_store.addFaceRemovals(member, deviceIds))
        return done({false, tr("The face removal could not be stored in the database.")});
    // A door where the member has no person has no face of theirs to delete.
    for (const QString &deviceId : std::as_const(deviceIds)) {
        if (std::none_of(doors.cbegin(), doors.cend(),
                         [&](const MemberDoor &door) { return door.deviceId == deviceId; }))
            m_store.faceRemovalDone(deviceId, member);
    }
    log(QStringLiteral("info"), {}, who, tr("The face of %1 is removed.").arg(who));
    auto tally = std::make_shared<DoorTally>();
    inSequence(
        int(doors.size()),
        [this, doors, member, tally](int i, std::function<void()> next) {
            const MemberDoor door = doors.at(i);
            const DeviceSettings *device = m_settings.device(door.deviceId);
            if (!device)
                return next();
            const DeviceSettings settings = *device;
            withFaceLibrary(
                settings, [this, settings, door, member, tally,
                           next](std::optional<FaceLibraryCapabilities> library, const QString &) {
                    if (!library) {
                        tally->later.append(door.deviceName);
                        return next();
                    }
                    if (!library->available) {
                        // Nothing this program can delete there; iVMS-4200 can.
                        m_store.faceRemovalDone(settings.id, member);
                        tally->problems.append(tr("%1 has no face library this program can reach: "
                                                  "remove the face there with iVMS-4200.")
                                                   .arg(settings.name));
                        return next();
                    }
                    removeFaceFrom(settings, door.employeeNo, member, true,
                                   DoorTally::counter(tally, door.deviceName, next));
                });
        },
        [this, who, doors, tally, done] {
            recordDeskRun();
            QStringList parts;
            if (doors.isEmpty())
                parts.append(tr("%1 is not on any door: there is no face to remove.").arg(who));
            if (!tally->done.isEmpty())
                parts.append(
                    tr("Face of %1 removed from: %2.").arg(who, DoorTally::list(tally->done)));
            if (!tally->later.isEmpty())
                parts.append(tr("Not reachable now, removed by the next sync: %1.")
                                 .arg(DoorTally::list(tally->later)));
            parts += tally->problems;
            done({tally->problems.isEmpty(), parts.join(QLatin1Char(' '))});
        });
}

// The run's step for faces, after the cards: removals this door owes, then the member faces
// other doors have and this one lacks (by the terminals' own counts), copied over.
void SyncEngine::reconcileFaces(const WorkPtr &work, std::function<void()> finish)
{
    if (m_run->stopRequested || m_run->options.kind == RunKind::Preview)
        return finish();
    const std::optional<MemberKey> only = m_run->options.onlyMember;
    const QString deviceId = work->device.id;
    QList<MemberKey> removals = m_store.faceRemovals(deviceId);
    if (only)
        removals.removeIf([&](const MemberKey &member) { return member != *only; });

    // Which members have a face on another door (its stored counts), and under which person.
    struct Source
    {
        QString deviceId;
        QString employeeNo;
    };
    QHash<MemberKey, Source> sources;
    const QSet<MemberKey> blocked = m_store.membersWithFaceRemovals();
    for (const DeviceSettings &other : m_settings.devices) {
        if (other.id == deviceId || !other.enabled || deviceRefusal(other.id))
            continue;
        const QStringList faces = m_store.employeeNosWithFace(other.id);
        if (faces.isEmpty())
            continue;
        // A door's links change with its own run only: read once per run.
        auto linked = m_run->linkedMembers.constFind(other.id);
        if (linked == m_run->linkedMembers.cend())
            linked = m_run->linkedMembers.insert(other.id, m_store.linkedMembers(other.id));
        for (const QString &employeeNo : std::as_const(faces)) {
            const auto member = linked->constFind(employeeNo);
            if (member == linked->cend() || sources.contains(*member) ||
                blocked.contains(*member) || (only && *member != *only))
                continue;
            sources.insert(*member, Source{other.id, employeeNo});
        }
    }
    struct Copy
    {
        MemberKey member;
        QString employeeNo;
        Source from;
    };
    QList<Copy> copies;
    QHash<MemberKey, QString> personOf;
    if (!sources.isEmpty() || !removals.isEmpty()) {
        // This door's own links, as the run's other doors read them, unless this door's
        // writes have just added some.
        auto own = m_run->linkedMembers.find(deviceId);
        if (own == m_run->linkedMembers.end() || work->outcome.written > 0)
            own = m_run->linkedMembers.insert(deviceId, m_store.linkedMembers(deviceId));
        const QHash<QString, MemberKey> linked = *own;
        for (const Person &person : m_store.deviceSnapshot(deviceId).persons) {
            const auto member = linked.constFind(person.employeeNo);
            if (member == linked.cend())
                continue;
            personOf.insert(*member, person.employeeNo);
            // Only the terminal's own "no face" starts a copy: an unknown count proves nothing.
            if (person.numOfFace == 0 && sources.contains(*member))
                copies.append({*member, person.employeeNo, sources.value(*member)});
        }
    }
    if (copies.isEmpty() && removals.isEmpty())
        return finish();

    withFaceLibrary(
        work->device, [this, work, copies, removals, personOf,
                       finish](std::optional<FaceLibraryCapabilities> library, const QString &) {
            if (!isCurrent(work))
                return;
            if (!library)
                return finish(); // asked again next time
            if (!library->available) {
                for (const MemberKey &member : removals)
                    m_store.faceRemovalDone(work->device.id, member);
                return finish();
            }
            const FaceLibraryCapabilities lib = *library;
            auto failed = std::make_shared<int>(0);
            const int total = int(removals.size() + copies.size());
            inSequence(
                total,
                [this, work, lib, copies, removals, personOf, failed](int i,
                                                                      std::function<void()> next) {
                    if (!isCurrent(work) || m_run->stopRequested)
                        return next();
                    petWatchdog(work, QStringLiteral("the members' faces"));
                    const auto counted = [this, work, failed, next](bool ok, const QString &text) {
                        if (!isCurrent(work))
                            return;
                        if (!ok) {
                            ++*failed;
                            if (!text.isEmpty())
                                log(QStringLiteral("warning"), work->device.id, {}, text);
                        }
                        next();
                    };
                    if (i < removals.size()) {
                        const MemberKey member = removals.at(i);
                        const QString employeeNo = personOf.value(member);
                        if (employeeNo.isEmpty()) {
                            m_store.faceRemovalDone(work->device.id, member);
                            return next();
                        }
                        return removeFaceFrom(work->device, employeeNo, member, false, counted);
                    }
                    const Copy copy = copies.at(i - int(removals.size()));
                    const DeviceSettings *source = m_settings.device(copy.from.deviceId);
                    if (!source)
                        return next();
                    const DeviceSettings from = *source;
                    fetchMemberFace(
                        from, copy.from.employeeNo,
                        [this, work, lib, copy, from, counted](const QByteArray &jpeg,
                                                               const QString &error) {
                            if (!isCurrent(work))
                                return;
                            if (jpeg.isEmpty()) {
                                log(QStringLiteral("info"), work->device.id, {},
                                    tr("%1: the face of %2 could not be copied from "
                                       "%3 (%4); tried again next time.")
                                        .arg(work->device.name,
                                             memberText(copy.member, memberName(copy.member)),
                                             from.name, error));
                                return counted(true, {});
                            }
                            writeFace(work->device, lib, copy.employeeNo, copy.member, jpeg,
                                      ActionKind::FaceCopy, from.name, false, counted);
                        });
                },
                [this, work, failed, finish] {
                    if (!isCurrent(work))
                        return;
                    m_run->report.run.failed += *failed;
                    work->outcome.failed += *failed;
                    if (const std::optional<HikvisionError> refused = work->client->refusal())
                        return failDevice(work, *refused);
                    finish();
                });
        });
}

} // namespace cis
