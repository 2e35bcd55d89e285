// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardskipperClient.h"
#include "EventReader.h"
#include "HikvisionClient.h"
#include "Planner.h"
#include "RunReport.h"
#include "Settings.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <map>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace cis {

class Clock;
class Store;

// fetch -> match -> plan -> guard -> apply -> record, for every configured device. The doors are
// worked at the same time (up to SyncSettings::maxParallelDoors), each on its own client and
// (by default) one request at a time; a door is read while the member list is on its way and
// planned once both are in. A door that fails, is locked or is slow never holds up another.
// Asynchronous: start() returns at once, progress and results arrive as signals, runFinished()
// ends every run. The Store must live on this object's thread.
//
// Device clients live as long as their configuration: a terminal that rejected the password is
// not asked again until setConfiguration() brings other credentials, and a locked one not
// before its lock has expired.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Credentials
    {
        QString cardskipperPassword;
        QHash<QString, QString> devicePasswords; // by device id
    };

    struct RunOptions
    {
        RunKind kind = RunKind::QuickSync;
        bool force = false;           // apply plans the guard held
        bool fullMemberExport = true; // false: only members changed since the last fetch
        QString onlyDeviceId;         // empty: every enabled device
        // "Sync this member now": export just this member and write only their actions.
        std::optional<MemberKey> onlyMember;
    };

    SyncEngine(Store &store, const Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setConfiguration(const AppSettings &settings, const Credentials &credentials);
    const AppSettings &settings() const { return m_settings; }
    const Credentials &credentials() const { return m_credentials; }

    bool isRunning() const { return m_run != nullptr; }
    // false (and nothing happens) while a run is going on.
    bool start(const RunOptions &options);
    // Every door finishes the write it has in flight, then stops; reads are dropped, doors not
    // started are skipped; runFinished() follows.
    void requestStop();

    // What the next sync would do on this device, from the stored member list and device
    // snapshot: no network, so the window can show it after every change.
    Plan planFromSnapshot(const QString &deviceId) const;
    // The same, with the stored member list the caller has already read (the window shows it
    // beside the plan; reading 10,000 members twice was a fifth of opening the window).
    Plan planFromSnapshot(const QString &deviceId, const QList<Member> &storedMembers) const;
    // The same, as if this link existed: what linking would change on the device.
    Plan planWithLink(const Link &link) const;
    // Forget a terminal's refusal (wrong password) so the next run tries once more: the
    // administrator's explicit "try again".
    void retryDevice(const QString &deviceId);

    // Reads what is new in each enabled door's event log (only onlyDeviceId's when given), the
    // doors side by side, each through the client its sync uses, so that a poll waits for the
    // sync's request in flight and the sync for at most one event search. done gets one poll
    // per door, in the configuration's order.
    void readEvents(const QString &onlyDeviceId,
                    std::function<void(QList<EventReader::Poll>)> done);
    EventReader &eventReader() { return *m_events; }
    // The picture a door event names, from the door that took it, through its client (one
    // request at a time with the sync). done gets the JPEG, or a message naming the door; the
    // picture is personal data: shown, never stored.
    void fetchEventPicture(const QString &deviceId, const QString &pictureUrl,
                           std::function<void(const QByteArray &, const QString &)> done);

    // ---- Cards given at the desk (SyncEngineCards.cpp) ----------------------------------------
    struct CardOutcome
    {
        bool ok = false;
        QString message; // what happened, door by door, naming the member and the card
    };
    // A door where the member has a person now (enabled, linked, in the stored snapshot).
    struct MemberDoor
    {
        QString deviceId;
        QString deviceName;
        QString employeeNo;
    };
    QList<MemberDoor> doorsOfMember(const MemberKey &member) const;
    // Asks the door's reader for the next card held to it, for at most waitSeconds. done gets
    // the number the terminal read, or a message ("no card within 30 seconds", "cannot read
    // cards"). Returns a tag for cancelCardCapture (0 when done has already been called).
    quint64 captureCard(const QString &deviceId, int waitSeconds,
                        std::function<void(const CapturedCard &, const QString &)> done);
    void cancelCardCapture(quint64 tag);
    // Gives the member the card: checked (format, nobody else's here or on any door it can
    // ask), stored, then written to every door the member is on. A door that cannot be reached
    // gets it from the next sync.
    void addMemberCard(const MemberKey &member, const QString &cardNo, const QString &by,
                       std::function<void(const CardOutcome &)> done);
    // Takes the card from the member: forgotten here, removed from every door that holds it
    // for the member (now, or by the next syncs), and from nobody else.
    void removeMemberCard(const MemberKey &member, const QString &cardNo,
                          std::function<void(const CardOutcome &)> done);

    // ---- Faces at the desk (SyncEngineFaces.cpp) ---------------------------------------------
    // A face is biometric data: the engine holds a picture only while it writes or copies it;
    // nothing is stored, logged or reported but the fact that it was written.
    struct FaceOutcome
    {
        bool ok = false;
        QString message; // door by door, naming the member
    };
    // Whether the door has a face library over ISAPI (asked once per configuration).
    // done(available, why not) on this thread.
    void faceLibraryOf(const QString &deviceId, std::function<void(bool, const QString &)> done);
    // What faceLibraryOf last learnt, without asking: nullopt until the door has answered,
    // empty when it has a face library, else why not.
    std::optional<QString> knownFaceLibrary(const QString &deviceId) const;
    // Writes this picture (a baseline 4:2:0 JPEG made by FacePhoto) as the member's face to
    // every door the member is on that has a face library: FDSetUp, or FaceDataRecord where
    // the terminal has no set-up.
    void setMemberFace(const MemberKey &member, const QByteArray &jpeg,
                       std::function<void(const FaceOutcome &)> done);
    // Takes the photo with the door's camera (CaptureFaceData, progress 0..100), sets it there
    // by the door's own URL, then copies it to the member's other doors. Returns a tag for
    // cancelFaceCapture (0 when done has already been called).
    quint64 captureMemberFace(const MemberKey &member, const QString &deviceId, int waitSeconds,
                              std::function<void(int)> progress,
                              std::function<void(const FaceOutcome &)> done);
    void cancelFaceCapture(quint64 tag) { cancelCardCapture(tag); }
    // Deletes the member's face from every door (now, or by the next syncs); until each has,
    // no door copies it to another.
    void removeMemberFace(const MemberKey &member, std::function<void(const FaceOutcome &)> done);

    // Why a device is not being contacted right now, if it is not.
    std::optional<HikvisionError> deviceRefusal(const QString &deviceId) const;

    // What the engine last learnt about each configured door (Unknown until first contacted).
    QList<DoorHealth> doorHealth() const;
    // A quick sync with nothing to write still sends one cheap request to a door it has not
    // heard from for this long, so a door that died quietly is noticed.
    static constexpr int kLivenessSeconds = 15 * 60;

    // How long past the longest request timeout the watchdog waits before it gives up on a
    // silent device or Cardskipper (see petWatchdog).
    void setWatchdogMarginMs(int milliseconds) { m_watchdogMarginMs = milliseconds; }

signals:
    void runStarted(qint64 runId, cis::RunKind kind);
    void progress(const QString &deviceId, int done, int total);
    // One door is done with this run (the others may still be working).
    void deviceFinished(const cis::DeviceOutcome &outcome);
    void operationFinished(const cis::OperationRecord &operation);
    // level: "info", "warning" or "error"; deviceId and member may be empty.
    void logMessage(const QString &level, const QString &deviceId, const QString &member,
                    const QString &text);
    void runFinished(const cis::RunReport &report);
    // New events from a door's log are stored.
    void eventsAdded(const QString &deviceId, int count);
    // The door refused a member Cardskipper (and the desk) let in: at most once per member an
    // hour, for events of the last hour. text says who, where and what to do.
    void refusedDespiteMembership(const QString &deviceId, qint64 organisationMemberId,
                                  const QString &text);
    // A door's health changed (state, last contact, lock time...).
    void doorHealthChanged(const cis::DoorHealth &health);

private:
    struct Run;
    struct DeviceWork;
    struct DeviceClient
    {
        QByteArray configKey; // HikvisionConfig::identity()
        std::unique_ptr<HikvisionClient> client;
        bool probed = false;
    };
    using WorkPtr = std::shared_ptr<DeviceWork>;

    void onReplyFinished(QNetworkReply *reply);
    void onDeviceExchangeFinished(const QString &deviceId, const QString &endpoint, bool answered);
    void fetchMembers();
    void onMembers(CardskipperClient::MembersResult result);
    void membersReady();
    // No member list (failed, held or stopped): no door may be planned in this run.
    void membersUnavailable(const QString &reason);
    void startDevices();
    void startDevice(const DeviceSettings &device);
    void resolvePending(const WorkPtr &work);
    void readDevice(const WorkPtr &work);
    // The door is read (or needs no read): plan it once the member list is in.
    void readyToPlan(const WorkPtr &work);
    void planDevice(const WorkPtr &work);
    void applyPlan(const WorkPtr &work);
    void ensureProbed(const WorkPtr &work, std::function<void()> next);
    void applyNext(const WorkPtr &work);
    qint64 journalWrite(const WorkPtr &work, int index);
    qint64 takeJournalRow(const WorkPtr &work);
    void skipCreatesOnFullDevice(const WorkPtr &work);
    void execute(const WorkPtr &work, const PlannedAction &action, qint64 operationId, int attempt);
    void finishWrite(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                     const HikvisionClient::Result<WriteResult> &result, int attempt);
    static bool mayHaveBeenApplied(const HikvisionError &error);
    void readBackUnconfirmed(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                             const HikvisionError &error);
    void recordWrite(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                     const QStringList &warnings);
    void flushBookkeeping(const WorkPtr &work);
    void recordSuccess(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                       const QStringList &warnings);
    void recordFailure(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                       const QString &error);
    void failDevice(const WorkPtr &work, const HikvisionError &error);
    // Drops what the door has in flight (a read, a probe: never a write the journal does not
    // know about) and ends it with this status.
    void abandonDevice(const WorkPtr &work, DeviceOutcome::Status status, const QString &message);
    void finishDevice(const WorkPtr &work, DeviceOutcome::Status status,
                      const QString &message = {});
    // Ends the run once the member list and every door are done.
    void finishRunWhenDone();
    void finishRun();
    void stopRun();
    HikvisionConfig configFor(const DeviceSettings &device) const;
    void checkAlive(const WorkPtr &work);
    bool needsLivenessCheck(const QString &deviceId) const;
    void noteDoorHealth(const WorkPtr &work);
    void setDoorHealth(const DoorHealth &health);
    DeviceOutcome *outcomeFor(const QString &deviceId);

    // devicePersons: the door as just read, not yet saved; else the stored snapshot.
    PlanInput planInput(const QString &deviceId, const QList<Member> &members,
                        const QList<Person> *devicePersons = nullptr) const;
    void saveSnapshot(const WorkPtr &work);
    HikvisionClient &clientFor(const DeviceSettings &device);
    DeviceLimits limitsFor(const QString &deviceId) const;
    void rememberLimits(const QString &deviceId, const UserCapabilities &capabilities);
    // The journal row as recorded, into the report and to listeners.
    void publishOperation(qint64 operationId);
    void linkCreatedPerson(const QString &deviceId, const QString &employeeNo,
                           const MemberKey &member);
    void log(const QString &level, const QString &deviceId, const QString &member,
             const QString &text);
    void countRequest(const QString &endpoint, const QString &deviceId);
    // Whether work is a door of this run still being synced; answers for one that has ended
    // (stopped, timed out) arrive too late.
    bool isCurrent(const WorkPtr &work) const;
    // Every answer, stage and deliberate pause restarts a watchdog: the door's, or for the
    // member list Cardskipper's. It fires only after a silence longer than any request may
    // take (timeouts, the client's read retries) plus the margin, plus extraMs for a pause the
    // engine chose. Each door has its own: a slow door does not keep a dead one alive.
    void petWatchdog(const WorkPtr &work, const QString &waitingFor, int extraMs = 0);
    void petMembersWatchdog(const QString &waitingFor);
    int silenceLimitMs(const HikvisionConfig *device) const;
    void onDeviceWatchdog(const WorkPtr &work);
    void onMembersWatchdog();

    Store &m_store;
    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    AppSettings m_settings;
    Credentials m_credentials;
    std::map<QString, DeviceClient> m_clients;
    std::unique_ptr<Run> m_run;
    EventReader *m_events = nullptr;
    int m_watchdogMarginMs = 15000;
    QHash<QString, DoorHealth> m_health;
    // Per door: answers from its software (any HTTP status) so far, and whether the latest
    // exchange got one; requests that died in transport count in neither.
    QHash<QString, quint64> m_answerCount;
    QHash<QString, bool> m_lastExchangeAnswered;
    // When each member's "refused although valid" warning was last given (member id).
    QHash<qint64, QDateTime> m_refusalWarnedAt;
    void reportRefusals(RunReport &report);

    struct CardTask
    {
        bool remove = false;
        bool desk = false;
        QString employeeNo;
        MemberKey member;
        QString memberName;
        QString cardNo;
        QString cardType;
    };
    QString memberName(const MemberKey &member) const;
    // desk: written at the desk (recorded as a desk run when the action ends), else by the
    // current run.
    qint64 journalCardOperation(ActionKind kind, const QString &deviceId, const QString &employeeNo,
                                const MemberKey &member, const QString &detail, bool desk);
    // The desk's action has ended: its operations become one run of the history.
    void recordDeskRun();
    QList<qint64> m_deskOperations;
    void finishCardOperation(qint64 operationId, OperationStatus status, const QString &error = {});
    void notePersonCards(const QString &deviceId, const QString &employeeNo, int delta);
    // done(ok, message): ok with an empty message is plain success; not ok with an empty
    // message means the door could not be asked (the next sync tries again).
    void writeCard(HikvisionClient &client, const DeviceSettings &device, const CardTask &task,
                   std::function<void(bool, QString)> done);
    void runCardTasks(HikvisionClient &client, const DeviceSettings &device, QList<CardTask> tasks,
                      std::function<bool()> stillWanted,
                      std::function<void(int failed, QStringList messages)> done);
    void writeCardToDoors(const MemberKey &member, const QString &cardNo,
                          const QList<MemberDoor> &doors, bool remove,
                          const QStringList &unreachableBefore,
                          std::function<void(const CardOutcome &)> done);
    // After a door's writes: its cards, then its faces, then the door is done.
    void reconcileCredentials(const WorkPtr &work);
    void reconcileCards(const WorkPtr &work, std::function<void()> finish);
    void reconcileMemberCards(const WorkPtr &work, std::function<void()> finish);
    void setPersonCardCount(const QString &deviceId, const QString &employeeNo, int count);
    // Before a person we created is deleted: its cards and face go first (UserInfo/Delete
    // leaves a person's credentials on the terminal, S1 §4.1), by its employeeNo only, so
    // nobody else's are touched. then() runs whatever the terminal answered: the person is
    // deleted all the same, and a credential left behind names nobody.
    void deleteCredentialsOf(const WorkPtr &work, const PlannedAction &action,
                             std::function<void()> then);
    QHash<quint64, QString> m_captureClients; // capture tag -> device id

    // Faces (SyncEngineFaces.cpp).
    void withFaceLibrary(const DeviceSettings &device,
                         std::function<void(std::optional<FaceLibraryCapabilities>, QString)> done);
    void writeFace(const DeviceSettings &device, const FaceLibraryCapabilities &library,
                   const QString &employeeNo, const MemberKey &member, const QByteArray &jpeg,
                   ActionKind kind, const QString &detail, bool desk,
                   std::function<void(bool, QString)> done);
    void setFaceOnDoors(const MemberKey &member, const QByteArray &jpeg,
                        const QList<MemberDoor> &doors, ActionKind kind, const QString &detail,
                        std::function<void(const FaceOutcome &)> done);
    void removeFaceFrom(const DeviceSettings &device, const QString &employeeNo,
                        const MemberKey &member, bool desk,
                        std::function<void(bool, QString)> done);
    // The member's face as one door has it (searched, then fetched by its URL).
    void fetchMemberFace(const DeviceSettings &device, const QString &employeeNo,
                         std::function<void(QByteArray, QString)> done);
    void setPersonFaceCount(const QString &deviceId, const QString &employeeNo, int count);
    void reconcileFaces(const WorkPtr &work, std::function<void()> finish);
    QHash<QString, FaceLibraryCapabilities> m_faceLibraries; // by device id, as answered
    void warnAboutRefusals(const EventReader::Poll &poll);
};

} // namespace cis
