// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SyncEngine.h"

#include "AfterWaitingAnswers.h"
#include "Clock.h"
#include "EventExplanation.h"
#include "EventReader.h"
#include "IsapiRequests.h"
#include "Planner.h"
#include "Store.h"
#include "SyncEngineRun.h"
#include "SyncLogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <optional>

namespace cis {

namespace {

const QString kLastMemberCount = QStringLiteral("last_member_count");
const QString kLastMemberFetch = QStringLiteral("last_member_fetch_started");

QString limitsKey(const QString &deviceId)
{
    return QStringLiteral("device_limits/") + deviceId;
}

// When the door last answered, and to which address and credentials: a command line that
// starts for every sync would otherwise know nothing and ask every door every time.
QString contactKey(const QString &deviceId)
{
    return QStringLiteral("device_contact/") + deviceId;
}

// Which door and account a recorded contact was with. Never the password, nor anything
// derived from it: the database holds no secret, not even a hash of one.
QString contactIdentity(const DeviceSettings &device)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(
            (device.url.toString() + QLatin1Char('\n') + device.username).toUtf8(),
            QCryptographicHash::Sha256)
            .toHex());
}

QString memberLabel(const PlannedAction &action)
{
    if (!action.memberName.isEmpty() && action.member)
        return QStringLiteral("%1 (%2)")
            .arg(action.memberName)
            .arg(action.member->organisationMemberId);
    if (action.member)
        return QString::number(action.member->organisationMemberId);
    return action.before ? action.before->name : QString();
}

QString endpointOf(QNetworkReply *reply)
{
    QString verb;
    switch (reply->operation()) {
    case QNetworkAccessManager::GetOperation:
        verb = QStringLiteral("GET");
        break;
    case QNetworkAccessManager::PutOperation:
        verb = QStringLiteral("PUT");
        break;
    case QNetworkAccessManager::PostOperation:
        verb = QStringLiteral("POST");
        break;
    case QNetworkAccessManager::DeleteOperation:
        verb = QStringLiteral("DELETE");
        break;
    case QNetworkAccessManager::HeadOperation:
        verb = QStringLiteral("HEAD");
        break;
    default:
        verb = QString::fromLatin1(
            reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray());
        break;
    }
    return verb + QLatin1Char(' ') + reply->url().path();
}

// Whether the door has what a write meant to leave there, judged from the person read back:
// gone after a delete; otherwise present with the intended window, and the intended name where
// the write set one. Used both for a write whose answer was lost and for one an earlier run left
// pending.
bool writeReached(ActionKind kind, const std::optional<Person> &after, const Person *onDevice)
{
    if (kind == ActionKind::Delete)
        return onDevice == nullptr;
    if (!onDevice || !after)
        return false;
    const bool nameMatters = kind == ActionKind::Create || kind == ActionKind::Rename;
    return onDevice->validity == after->validity && (!nameMatters || onDevice->name == after->name);
}

} // namespace

SyncEngine::SyncEngine(Store &store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
    , m_events(new EventReader(store, clock, this))
{
    connect(m_network, &QNetworkAccessManager::finished, this, &SyncEngine::onReplyFinished);
    connect(m_events, &EventReader::logMessage, this,
            [this](const QString &level, const QString &deviceId, const QString &text) {
                emit logMessage(level, deviceId, {}, text);
            });
    connect(m_events, &EventReader::eventsAdded, this, &SyncEngine::eventsAdded);
}

void SyncEngine::warnAboutRefusals(const EventReader::Poll &poll)
{
    const QDateTime now = m_clock.now();
    const DeviceSettings *device = m_settings.device(poll.deviceId);
    const QString door = device ? device->name : poll.deviceId;
    for (const AccessEvent &event : poll.newRefusals) {
        // An import of last week's events is history, not news.
        if (event.time.secsTo(now) > 3600)
            continue;
        const ExplainedEvent explained =
            EventExplanation::explain(m_store, Store::StoredEvent{poll.deviceId, event},
                                      m_settings.cardskipper.organisationId);
        if (!explained.validButRefused || !explained.member)
            continue;
        const qint64 memberId = explained.member->key.organisationMemberId;
        const QDateTime last = m_refusalWarnedAt.value(memberId);
        if (last.isValid() && last.secsTo(now) < 3600)
            continue;
        m_refusalWarnedAt.insert(memberId, now);
        const QString text =
            tr("%1 was refused at %2 at %3 although their membership is valid: %4")
                .arg(explained.member->displayName(), door,
                     event.time.toLocalTime().toString(QStringLiteral("HH:mm")), explained.reason);
        // To the window's log and the tray, not to the system log: door events are personal
        // data, kept in the database for their retention period only.
        emit logMessage(
            QStringLiteral("warning"), poll.deviceId,
            QStringLiteral("%1 (%2)").arg(explained.member->displayName()).arg(memberId), text);
        emit refusedDespiteMembership(poll.deviceId, memberId, text);
    }
}

void SyncEngine::reportRefusals(RunReport &report)
{
    // Each refusal stored since the last report is reported once, and only for a day: a PC
    // that was off for a week does not open with last week's news.
    const QString reportedKey = QStringLiteral("report/refusals-after-event");
    Store::EventQuery query;
    query.refusedOnly = true;
    query.afterId = m_store.meta(reportedKey).toLongLong();
    query.since = m_clock.now().addDays(-1);
    const QList<Store::StoredEvent> refusals = m_store.events(query);
    qint64 lastId = query.afterId;
    QSet<QPair<QString, qint64>> seen;
    for (const ExplainedEvent &explained :
         EventExplanation::explain(m_store, refusals, m_settings.cardskipper.organisationId)) {
        if (!explained.validButRefused || !explained.member)
            continue;
        const MemberKey member = explained.member->key;
        if (seen.contains({explained.deviceId, member.organisationMemberId}))
            continue; // newest first: the latest refusal says it
        seen.insert({explained.deviceId, member.organisationMemberId});
        RefusedAtDoor refused;
        refused.deviceId = explained.deviceId;
        const DeviceSettings *device = m_settings.device(explained.deviceId);
        refused.deviceName = device ? device->name : explained.deviceId;
        refused.member = member;
        refused.memberName = explained.member->displayName();
        refused.at = explained.event.time;
        refused.reason = explained.reason;
        for (const OperationRecord &operation : std::as_const(report.operations))
            refused.writtenThisRun |= operation.status == OperationStatus::Done &&
                                      operation.deviceId == explained.deviceId &&
                                      operation.member == member;
        report.refusedDespiteMembership.append(refused);
    }
    for (const Store::StoredEvent &stored : refusals)
        lastId = std::max(lastId, stored.id);
    if (lastId != query.afterId)
        m_store.setMeta(reportedKey, QString::number(lastId));
}

void SyncEngine::readEvents(const QString &onlyDeviceId,
                            std::function<void(QList<EventReader::Poll>)> done)
{
    struct Collected
    {
        QList<EventReader::Poll> polls;
        int waiting = 0;
        std::function<void(QList<EventReader::Poll>)> done;
    };
    auto collected = std::make_shared<Collected>();
    collected->done = std::move(done);
    QList<const DeviceSettings *> doors;
    for (const DeviceSettings &device : m_settings.devices) {
        if (device.enabled && (onlyDeviceId.isEmpty() || device.id == onlyDeviceId))
            doors.append(&device);
    }
    collected->polls.resize(doors.size());
    collected->waiting = int(doors.size());
    if (doors.isEmpty())
        return collected->done({});
    for (qsizetype i = 0; i < doors.size(); ++i) {
        const DeviceSettings &device = *doors.at(i);
        collected->polls[i].deviceId = device.id;
        const auto deliver = [this, collected, i](EventReader::Poll poll) {
            warnAboutRefusals(poll);
            collected->polls[i] = std::move(poll);
            if (--collected->waiting == 0)
                collected->done(collected->polls);
        };
        if (const std::optional<HikvisionError> refusal = deviceRefusal(device.id)) {
            EventReader::Poll refused;
            refused.deviceId = device.id;
            refused.error = refusal->message();
            deliver(refused);
            continue;
        }
        m_events->poll(device.id, device.name, clientFor(device), deliver);
    }
}

void SyncEngine::fetchEventPicture(const QString &deviceId, const QString &pictureUrl,
                                   std::function<void(const QByteArray &, const QString &)> done)
{
    const DeviceSettings *device = m_settings.device(deviceId);
    if (!device)
        return done({}, tr("The door terminal \"%1\" is no longer configured.").arg(deviceId));
    if (const std::optional<HikvisionError> refusal = deviceRefusal(device->id))
        return done({}, refusal->message());
    clientFor(*device).fetchPicture(
        pictureUrl, [done = std::move(done)](HikvisionClient::Result<QByteArray> picture) {
            if (!picture)
                return done({}, picture.error().message());
            done(picture.value(), {});
        });
}

void SyncEngine::onReplyFinished(QNetworkReply *reply)
{
    // The engine's own manager carries Cardskipper's requests only; the doors' go through
    // their clients (onDeviceExchangeFinished).
    if (!m_run)
        return;
    const QString endpoint = endpointOf(reply);
    countRequest(endpoint, QString());
    petMembersWatchdog(QStringLiteral("last answer: ") + endpoint);
}

void SyncEngine::onDeviceExchangeFinished(const QString &deviceId, const QString &endpoint,
                                          bool answered)
{
    if (!m_run)
        return;
    // Event reading shares the client but is not the run's work: it counts in no run report.
    if (!endpoint.contains(QLatin1String(isapi::kAcsEventPath)) &&
        !endpoint.contains(QLatin1String("/LOCALS/")))
        countRequest(endpoint, deviceId);
    m_lastExchangeAnswered.insert(deviceId, answered);
    if (answered)
        ++m_answerCount[deviceId];
    if (const WorkPtr work = m_run->active.value(deviceId))
        petWatchdog(work, QStringLiteral("last answer: ") + endpoint);
}

SyncEngine::~SyncEngine()
{
    m_events->abandon();
    // Destroying a run's Cardskipper client aborts its request, and the network manager
    // reports the abort to onReplyFinished, which reads m_run. Let it find none, instead of a run
    // half destroyed (quitting, or a SIGTERM, while a sync is under way).
    if (m_run) {
        // Writes the doors confirmed are recorded, not left for a read-back at the next start.
        for (const WorkPtr &work : m_run->active) {
            saveSnapshot(work);
            flushBookkeeping(work);
        }
    }
    const std::unique_ptr<Run> run = std::move(m_run);
}

void SyncEngine::setConfiguration(const AppSettings &settings, const Credentials &credentials)
{
    m_events->setImportDays(settings.sync.eventImportDays);
    m_events->setRetentionDays(settings.sync.eventRetentionDays);
    m_settings = settings;
    m_credentials = credentials;
    m_faceLibraries.clear(); // asked again of each door, which may be another terminal now
    // A client whose configuration changed is replaced, which also ends a wrong-password
    // refusal: new credentials deserve one attempt. Unchanged ones keep their state.
    for (auto it = m_clients.begin(); it != m_clients.end();) {
        const DeviceSettings *device = m_settings.device(it->first);
        const WorkPtr inUse = m_run ? m_run->active.value(it->first) : WorkPtr();
        if (!device && inUse) {
            // Its calls in flight must still answer; it goes when the device is done.
            inUse->forgetClientAfterwards = true;
            ++it;
        } else if (!device) {
            it = m_clients.erase(it);
        } else {
            ++it;
        }
    }
    // What was learnt with other credentials or another address says nothing about the new
    // ones; the door is "not contacted yet" until the next run asks it.
    for (auto it = m_health.begin(); it != m_health.end();) {
        const DeviceSettings *device = m_settings.device(it.key());
        if (!device) {
            it = m_health.erase(it);
            continue;
        }
        const auto client = m_clients.find(it.key());
        const bool changed =
            client == m_clients.end() || client->second.configKey != configFor(*device).identity();
        if (changed && it->state != DoorHealth::State::Unknown) {
            it->state = DoorHealth::State::Unknown;
            it->since = m_clock.now();
            it->detail.clear();
            it->attemptsLeft = -1;
            it->lockedUntil = QDateTime();
            emit doorHealthChanged(*it);
        }
        ++it;
    }
}

std::optional<HikvisionError> SyncEngine::deviceRefusal(const QString &deviceId) const
{
    const auto found = m_clients.find(deviceId);
    if (found == m_clients.end())
        return std::nullopt;
    return found->second.client->refusal();
}

HikvisionConfig SyncEngine::configFor(const DeviceSettings &device) const
{
    const QString password = m_credentials.devicePasswords.value(device.id);
    HikvisionConfig config;
    config.baseUrl = device.url;
    config.username = device.username;
    config.password = password;
    config.pinnedCertificateSha256 = device.pinnedCertificateSha256;
    config.maxConcurrentRequests = device.maxConcurrentRequests;
    config.timeoutMs = device.timeoutSeconds * 1000;
    config.readRetryBackoffMs = std::max(0, m_settings.sync.retryBackoffMs / 2);
    return config;
}

HikvisionClient &SyncEngine::clientFor(const DeviceSettings &device)
{
    const HikvisionConfig config = configFor(device);
    const QByteArray configKey = config.identity();
    DeviceClient &slot = m_clients[device.id];
    if (!slot.client || slot.configKey != configKey) {
        slot.client.reset(); // aborts its requests
        // Each door its own client and connections, on this thread: one door's answers do not
        // queue behind another's when they are synced at the same time.
        slot.client = std::make_unique<HikvisionClient>(config, &m_clock);
        connect(slot.client.get(), &HikvisionClient::exchangeFinished, this,
                [this, deviceId = device.id](const QString &endpoint, bool answered) {
                    onDeviceExchangeFinished(deviceId, endpoint, answered);
                });
        slot.configKey = configKey;
        slot.probed = false;
    }
    return *slot.client;
}

DeviceLimits SyncEngine::limitsFor(const QString &deviceId) const
{
    DeviceLimits limits;
    const QJsonObject object =
        QJsonDocument::fromJson(m_store.meta(limitsKey(deviceId)).toUtf8()).object();
    if (object.isEmpty())
        return limits;
    limits.employeeNoMaxLength =
        object.value(QStringLiteral("employeeNoMax")).toInt(limits.employeeNoMaxLength);
    limits.nameMaxBytes = object.value(QStringLiteral("nameMax")).toInt(limits.nameMaxBytes);
    const QDateTime begin =
        QDateTime::fromString(object.value(QStringLiteral("validBegin")).toString(), Qt::ISODate);
    const QDateTime end =
        QDateTime::fromString(object.value(QStringLiteral("validEnd")).toString(), Qt::ISODate);
    if (begin.isValid())
        limits.validBegin = begin;
    if (end.isValid())
        limits.validEnd = end;
    return limits;
}

void SyncEngine::rememberLimits(const QString &deviceId, const UserCapabilities &capabilities)
{
    QJsonObject object{{QStringLiteral("employeeNoMax"), capabilities.employeeNoLength.max},
                       {QStringLiteral("nameMax"), capabilities.nameLength.max}};
    const auto local = [](const QDateTime &time) {
        return QDateTime(time.date(), time.time()).toString(Qt::ISODate);
    };
    if (capabilities.validTimeRangeBegin.isValid())
        object.insert(QStringLiteral("validBegin"), local(capabilities.validTimeRangeBegin));
    if (capabilities.validTimeRangeEnd.isValid())
        object.insert(QStringLiteral("validEnd"), local(capabilities.validTimeRangeEnd));
    m_store.setMeta(limitsKey(deviceId),
                    QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

PlanInput SyncEngine::planInput(const QString &deviceId, const QList<Member> &members,
                                const QList<Person> *devicePersons) const
{
    PlanInput input;
    input.deviceId = deviceId;
    input.organisationId = m_settings.cardskipper.organisationId;
    input.now = m_clock.now();
    input.members = members;
    if (devicePersons) {
        // In the order read: the planner puts them in employeeNo order itself (on the pool).
        input.devicePersons = *devicePersons;
    } else {
        input.devicePersons = m_store.deviceSnapshot(deviceId).persons;
    }
    input.links = m_store.links(deviceId);
    input.overrides = m_store.overrides();
    input.rejectedSuggestions = m_store.rejectedSuggestions(deviceId);
    input.policy = m_settings.sync.policy;
    input.limits = limitsFor(deviceId);
    // The member-count guard runs on a fetched list before it is saved, not here.
    input.previousMemberCount = -1;
    return input;
}

Plan SyncEngine::planFromSnapshot(const QString &deviceId) const
{
    return planFromSnapshot(deviceId, m_store.members(m_settings.cardskipper.organisationId));
}

Plan SyncEngine::planFromSnapshot(const QString &deviceId, const QList<Member> &storedMembers) const
{
    return makePlan(planInput(deviceId, storedMembers));
}

Plan SyncEngine::planWithLink(const Link &link) const
{
    PlanInput input =
        planInput(link.deviceId, m_store.members(m_settings.cardskipper.organisationId));
    input.links.append(link);
    return makePlan(input);
}

void SyncEngine::retryDevice(const QString &deviceId)
{
    // A client with calls in flight answers them no more once destroyed; the run would wait
    // for ever. It is replaced once its device is done.
    if (const WorkPtr work = m_run ? m_run->active.value(deviceId) : WorkPtr()) {
        work->forgetClientAfterwards = true;
        return;
    }
    m_clients.erase(deviceId);
}

bool SyncEngine::isCurrent(const WorkPtr &work) const
{
    return m_run && m_run->active.value(work->device.id) == work;
}

DeviceOutcome *SyncEngine::outcomeFor(const QString &deviceId)
{
    for (DeviceOutcome &outcome : m_run->report.devices) {
        if (outcome.deviceId == deviceId)
            return &outcome;
    }
    return nullptr;
}

int SyncEngine::silenceLimitMs(const HikvisionConfig *device) const
{
    // A large export on a slow line may stream for longer than one transfer timeout (which
    // only measures the pauses), so Cardskipper gets three.
    int requestMs = 3 * m_settings.cardskipper.timeoutSeconds * 1000;
    if (device) {
        // The client retries a busy read, after the backoff, then twice that, and so on.
        const int retries = std::clamp(device->maxReadRetries, 0, 8);
        requestMs = device->timeoutMs + device->readRetryBackoffMs * ((1 << retries) - 1);
    }
    return requestMs + std::max(0, m_watchdogMarginMs);
}

void SyncEngine::petWatchdog(const WorkPtr &work, const QString &waitingFor, int extraMs)
{
    if (!isCurrent(work))
        return;
    if (!waitingFor.isEmpty())
        work->watchdogWaitingFor = waitingFor;
    work->watchdogLimitMs = silenceLimitMs(&work->client->config());
    work->watchdog.start(std::max(0, extraMs) + work->watchdogLimitMs);
}

void SyncEngine::petMembersWatchdog(const QString &waitingFor)
{
    if (!m_run || m_run->memberList != Run::MemberList::Fetching)
        return;
    if (!waitingFor.isEmpty())
        m_run->membersWaitingFor = waitingFor;
    m_run->membersLimitMs = silenceLimitMs(nullptr);
    m_run->membersWatchdog.start(m_run->membersLimitMs);
}

void SyncEngine::onDeviceWatchdog(const WorkPtr &work)
{
    if (!isCurrent(work))
        return;
    const int seconds = (work->watchdogLimitMs + 999) / 1000;
    // Whatever is still on its way is dropped: a late answer must not change the database
    // behind the next run's back. A write that went out stays "pending" in the journal, and
    // the next run reads that person back from the device.
    work->client->abandon();
    qCWarning(lcSync).noquote() << "watchdog:" << work->device.id << "silent for" << seconds << "s;"
                                << work->watchdogWaitingFor;
    const QString text = tr("%1 gave no answer for %n second(s); the sync of this door was "
                            "stopped and continues at the next run.",
                            nullptr, seconds)
                             .arg(work->device.name);
    log(QStringLiteral("error"), work->device.id, {}, text);
    if (work->applyTimer.isValid())
        m_run->report.applyMs += work->applyTimer.elapsed();
    work->silent = true;
    finishDevice(work, DeviceOutcome::Status::Failed, text);
}

void SyncEngine::onMembersWatchdog()
{
    if (!m_run || m_run->memberList != Run::MemberList::Fetching)
        return;
    const int seconds = (m_run->membersLimitMs + 999) / 1000;
    qCWarning(lcSync).noquote() << "watchdog: Cardskipper silent for" << seconds << "s;"
                                << m_run->membersWaitingFor;
    RunReport &report = m_run->report;
    report.cardskipperError =
        tr("Cardskipper gave no answer for %n second(s); no door was changed.", nullptr, seconds);
    report.run.error = report.cardskipperError;
    report.run.status = RunStatus::Failed;
    log(QStringLiteral("error"), {}, {}, report.cardskipperError);
    m_run->cardskipper.reset(); // its reply is aborted and never answers
    membersUnavailable(tr("No member list (Cardskipper gave no answer): this door was not "
                          "changed."));
}

void SyncEngine::publishOperation(qint64 operationId)
{
    if (const auto record = m_store.operation(operationId)) {
        m_run->report.operations.append(*record);
        emit operationFinished(*record);
    }
}

void SyncEngine::linkCreatedPerson(const QString &deviceId, const QString &employeeNo,
                                   const MemberKey &member)
{
    if (m_store.linkFor(deviceId, employeeNo))
        return;
    Link link;
    link.deviceId = deviceId;
    link.employeeNo = employeeNo;
    link.member = member;
    link.origin = LinkOrigin::Created;
    link.createdAt = m_clock.now();
    link.createdBy = QStringLiteral("sync");
    m_store.addLink(link);
}

void SyncEngine::log(const QString &level, const QString &deviceId, const QString &member,
                     const QString &text)
{
    if (level == QLatin1String("error"))
        qCWarning(lcSync).noquote() << text;
    else
        qCInfo(lcSync).noquote() << text;
    emit logMessage(level, deviceId, member, text);
}

void SyncEngine::countRequest(const QString &endpoint, const QString &deviceId)
{
    m_run->report.requestsByEndpoint[endpoint] += 1;
    if (deviceId.isEmpty())
        return;
    if (DeviceOutcome *outcome = outcomeFor(deviceId))
        outcome->requests += 1;
}

bool SyncEngine::start(const RunOptions &options)
{
    if (m_run)
        return false;
    m_run = std::make_unique<Run>();
    m_run->options = options;
    m_run->clock.start();
    m_run->membersWatchdog.setSingleShot(true);
    connect(&m_run->membersWatchdog, &QTimer::timeout, this, &SyncEngine::onMembersWatchdog);
    RunRecord &record = m_run->report.run;
    record.kind = options.kind;
    record.startedAt = m_clock.now();
    // One engine runs per database (the app is single-instance, the CLI runs one command), so
    // a run still marked running was cut short; its pending writes are read back below.
    if (const int interrupted = m_store.closeInterruptedRuns(
            tr("Interrupted: the program stopped before this run finished.")))
        log(QStringLiteral("warning"), {}, {},
            tr("%n earlier run(s) were interrupted (the program stopped during them); their "
               "unfinished writes are checked on the door now.",
               nullptr, interrupted));
    record.id = m_store.beginRun(options.kind, record.startedAt);
    for (const DeviceSettings &device : m_settings.devices) {
        if (!device.enabled)
            continue;
        if (!options.onlyDeviceId.isEmpty() && device.id != options.onlyDeviceId)
            continue;
        m_run->devices.append(device);
        DeviceOutcome outcome;
        outcome.deviceId = device.id;
        outcome.deviceName = device.name;
        m_run->report.devices.append(outcome);
    }
    const int limit = m_settings.sync.maxParallelDoors;
    m_run->maxParallel = limit > 0 ? limit : std::max(1, int(m_run->devices.size()));
    emit runStarted(record.id, options.kind);
    log(QStringLiteral("info"), {}, {},
        options.kind == RunKind::Preview         ? tr("Preview started.")
        : options.kind == RunKind::FullReconcile ? tr("Full reconcile started.")
                                                 : tr("Sync started."));
    QTimer::singleShot(0, this, [this] {
        if (!m_run || m_run->finished)
            return;
        fetchMembers();
        // The doors are read while the member list is on its way.
        startDevices();
        finishRunWhenDone();
    });
    return true;
}

void SyncEngine::requestStop()
{
    if (!m_run || m_run->stopRequested)
        return;
    m_run->stopRequested = true;
    // Not from the caller's stack: it may be one of our own signals' slots.
    QTimer::singleShot(0, this, [this] {
        if (m_run && !m_run->finished)
            stopRun();
    });
}

void SyncEngine::stopRun()
{
    if (m_run->memberList == Run::MemberList::Fetching) {
        m_run->cardskipper.reset(); // aborts the export
        membersUnavailable(tr("Stopped before the member list arrived: this door was not "
                              "changed."));
        return;
    }
    // A door that is writing ends after the write in flight (applyNext); any other has nothing
    // that cannot be dropped.
    const QList<WorkPtr> works = m_run->active.values();
    for (const WorkPtr &work : works) {
        if (!work->applying && isCurrent(work))
            abandonDevice(work, DeviceOutcome::Status::Skipped,
                          tr("Stopped before this door was changed."));
    }
    finishRunWhenDone();
}

void SyncEngine::fetchMembers()
{
    CardskipperConfig config;
    config.baseUrl = m_settings.cardskipper.url;
    config.username = m_settings.cardskipper.username;
    config.password = m_credentials.cardskipperPassword;
    config.timeoutMs = m_settings.cardskipper.timeoutSeconds * 1000;
    m_run->cardskipper = std::make_unique<CardskipperClient>(config, m_network);

    ExportCriteria criteria;
    criteria.organisationId = m_settings.cardskipper.organisationId;
    const QDateTime lastFetch = QDateTime::fromString(m_store.meta(kLastMemberFetch), Qt::ISODate);
    // Only a full export shows members who left, so reconciles, previews and the first run
    // always take everything.
    const bool oneMember = m_run->options.onlyMember.has_value();
    const bool incremental =
        oneMember ||
        (!m_run->options.fullMemberExport && m_run->options.kind == RunKind::QuickSync &&
         lastFetch.isValid() && m_store.memberCount(criteria.organisationId) > 0);
    if (oneMember)
        criteria.organisationMemberId = m_run->options.onlyMember->organisationMemberId;
    else if (incremental)
        criteria.changedAt = ExportCriteria::changedAtWithOverlap(lastFetch);
    m_run->report.run.kind = m_run->options.kind;
    const QDateTime fetchStarted = m_clock.now();
    petMembersWatchdog(QStringLiteral("waiting for the member list"));
    m_run->cardskipper->exportMembers(
        criteria, [this, incremental, fetchStarted](CardskipperClient::MembersResult result) {
            if (!m_run || m_run->memberList != Run::MemberList::Fetching)
                return;
            m_run->membersWatchdog.stop();
            m_run->report.fetchMs = m_run->clock.elapsed();
            if (result && incremental) {
                QElapsedTimer db;
                db.start();
                m_store.upsertMembers(m_settings.cardskipper.organisationId, result.value());
                // One member's export says nothing about when the others were last fetched.
                if (!m_run->options.onlyMember)
                    m_store.setMeta(kLastMemberFetch, fetchStarted.toString(Qt::ISODate));
                m_run->report.run.membersFetched = int(result.value().size());
                m_run->members = m_store.members(m_settings.cardskipper.organisationId);
                m_run->report.databaseMs += db.elapsed();
                return membersReady();
            }
            m_run->fetchStartedAt = fetchStarted;
            onMembers(std::move(result));
        });
}

void SyncEngine::onMembers(CardskipperClient::MembersResult result)
{
    RunReport &report = m_run->report;
    if (!result) {
        report.cardskipperError = result.error().message();
        report.run.error = report.cardskipperError;
        report.run.status = RunStatus::Failed;
        log(QStringLiteral("error"), {}, {},
            tr("No member list, so no door was changed: %1").arg(report.cardskipperError));
        return membersUnavailable(
            tr("No member list (%1): this door was not changed.").arg(report.cardskipperError));
    }
    const qint64 organisationId = m_settings.cardskipper.organisationId;
    QList<Member> members = std::move(result.value());
    report.run.membersFetched = int(members.size());
    const int previous = m_store.meta(kLastMemberCount).toInt();
    const SyncPolicy &policy = m_settings.sync.policy;
    // A full list that is empty or much shorter than last time is far more likely an API or
    // account problem than half the club leaving: keep the old snapshot and touch nothing.
    if (policy.guardEnabled && !m_run->options.force) {
        if (members.isEmpty())
            report.guardReasons.append(
                tr("Cardskipper returned no members for organisation %1 (last time %2); "
                   "nothing was changed.")
                    .arg(organisationId)
                    .arg(previous));
        else if (previous > 0 && double(members.size()) < policy.guardMinMemberRatio * previous)
            report.guardReasons.append(
                tr("Cardskipper returned %1 members, fewer than %2 % of the %3 last time; "
                   "nothing was changed.")
                    .arg(members.size())
                    .arg(qRound(policy.guardMinMemberRatio * 100))
                    .arg(previous));
    }
    if (!report.guardReasons.isEmpty() && m_run->options.kind != RunKind::Preview) {
        report.membersHeld = true;
        report.run.status = RunStatus::Held;
        for (const QString &reason : report.guardReasons)
            log(QStringLiteral("warning"), {}, {}, reason);
        return membersUnavailable(
            tr("The member list was held back by the guard: this door was not changed."));
    }
    QElapsedTimer db;
    db.start();
    // A preview keeps the list too (the window shows it), but not as the guard's "last time".
    if (m_run->options.kind == RunKind::Preview && report.guardReasons.isEmpty())
        m_store.replaceMembers(organisationId, members);
    if (m_run->options.kind != RunKind::Preview) {
        m_store.replaceMembers(organisationId, members);
        m_store.setMeta(kLastMemberCount, QString::number(members.size()));
        m_store.setMeta(kLastMemberFetch, m_run->fetchStartedAt.toString(Qt::ISODate));
    }
    report.databaseMs += db.elapsed();
    m_run->members = std::move(members);
    membersReady();
}

void SyncEngine::membersReady()
{
    m_run->memberList = Run::MemberList::Ready;
    m_run->membersWatchdog.stop();
    const QList<WorkPtr> works = m_run->active.values();
    for (const WorkPtr &work : works) {
        if (work->waitingForMembers && isCurrent(work)) {
            work->waitingForMembers = false;
            planDevice(work);
        }
    }
    finishRunWhenDone();
}

void SyncEngine::membersUnavailable(const QString &reason)
{
    m_run->memberList = Run::MemberList::Unavailable;
    m_run->noMembersReason = reason;
    m_run->membersWatchdog.stop();
    // Nothing may be written without the list; reading on would only keep the desk waiting.
    const QList<WorkPtr> works = m_run->active.values();
    for (const WorkPtr &work : works) {
        if (!isCurrent(work))
            continue;
        if (work->waitingForMembers)
            finishDevice(work, DeviceOutcome::Status::Skipped, reason);
        else
            abandonDevice(work, DeviceOutcome::Status::Skipped, reason);
    }
    finishRunWhenDone();
}

void SyncEngine::startDevices()
{
    while (!m_run->finished && !m_run->stopRequested &&
           m_run->memberList != Run::MemberList::Unavailable &&
           m_run->active.size() < m_run->maxParallel && m_run->nextDevice < m_run->devices.size())
        startDevice(m_run->devices.at(m_run->nextDevice++));
}

void SyncEngine::startDevice(const DeviceSettings &device)
{
    auto work = std::make_shared<DeviceWork>();
    work->device = device;
    work->outcome.deviceId = device.id;
    work->outcome.deviceName = device.name;
    work->outcome.startedAt = m_clock.now();
    work->outcome.startMs = m_run->clock.elapsed();
    work->client = &clientFor(device);
    work->answersAtStart = m_answerCount.value(device.id);
    work->watchdog.setSingleShot(true);
    connect(&work->watchdog, &QTimer::timeout, this,
            [this, weak = std::weak_ptr<DeviceWork>(work)] {
                if (const WorkPtr alive = weak.lock())
                    onDeviceWatchdog(alive);
            });
    m_run->active.insert(device.id, work);
    petWatchdog(work, QStringLiteral("starting ") + device.id);
    if (const auto refusal = work->client->refusal()) {
        // Wrong password or lockout: contacting the device again would only cost attempts.
        return failDevice(work, *refusal);
    }
    resolvePending(work);
}

void SyncEngine::resolvePending(const WorkPtr &work)
{
    QList<OperationRecord> pending;
    for (const OperationRecord &operation : m_store.pendingOperations()) {
        if (operation.deviceId == work->device.id)
            pending.append(operation);
    }
    if (pending.isEmpty())
        return readDevice(work);
    // A previous run stopped between sending a write and recording its answer. Ask the device
    // what it has now instead of guessing; the plan then repairs whatever is still wrong.
    QStringList employeeNos;
    for (const OperationRecord &operation : pending) {
        if (!employeeNos.contains(operation.employeeNo))
            employeeNos.append(operation.employeeNo);
    }
    log(QStringLiteral("info"), work->device.id, {},
        tr("%1: checking %n write(s) that an earlier run left unfinished.", nullptr,
           int(pending.size()))
            .arg(work->device.name));
    ensureProbed(work, [this, work, pending, employeeNos] {
        work->client->searchPersons(
            employeeNos, [this, work, pending](HikvisionClient::Result<PersonSearchResult> found) {
                if (!isCurrent(work))
                    return;
                if (!found)
                    return failDevice(work, found.error());
                QHash<QString, Person> onDevice;
                for (const Person &person : found.value().persons)
                    onDevice.insert(person.employeeNo, person);
                m_store.transaction([&] {
                    for (const OperationRecord &operation : pending) {
                        const auto person = onDevice.constFind(operation.employeeNo);
                        if (person != onDevice.constEnd()) {
                            m_store.upsertDevicePerson(work->device.id, *person);
                            if (operation.action == ActionKind::Create && operation.member)
                                linkCreatedPerson(work->device.id, operation.employeeNo,
                                                  *operation.member);
                        } else {
                            m_store.removeDevicePerson(work->device.id, operation.employeeNo);
                        }
                        const bool reached =
                            writeReached(operation.action, operation.after,
                                         person != onDevice.constEnd() ? &*person : nullptr);
                        m_store.completeOperation(
                            operation.id, reached ? OperationStatus::Done : OperationStatus::Failed,
                            reached ? QString()
                                    : tr("interrupted before the device answered; the device "
                                         "was read back and the next plan repairs it"),
                            person != onDevice.constEnd() ? std::optional<Person>(*person)
                                                          : std::nullopt);
                    }
                    return true;
                });
                readDevice(work);
            });
    });
}

void SyncEngine::ensureProbed(const WorkPtr &work, std::function<void()> next)
{
    DeviceClient &slot = m_clients[work->device.id];
    if (slot.probed)
        return next();
    work->client->probe([this, work, next = std::move(next)](
                            HikvisionClient::Result<HikvisionClient::Probe> probe) {
        if (!isCurrent(work))
            return;
        if (!probe)
            return failDevice(work, probe.error());
        m_clients[work->device.id].probed = true;
        rememberLimits(work->device.id, probe.value().capabilities);
        next();
    });
}

void SyncEngine::readDevice(const WorkPtr &work)
{
    // A reconcile reads every door whatever is stored: nothing to load before its first request.
    const bool mustRead = m_run->options.kind == RunKind::FullReconcile ||
                          !m_store.deviceSnapshot(work->device.id).readAt.isValid();
    if (!mustRead && m_run->options.kind == RunKind::QuickSync &&
        needsLivenessCheck(work->device.id))
        return checkAlive(work);
    if (!mustRead)
        return readyToPlan(work);
    ensureProbed(work, [this, work] {
        const auto savePage = [this, work](const QList<Person> &page) {
            if (!isCurrent(work))
                return;
            QElapsedTimer db;
            db.start();
            // Begun at the first page, while the second is on the wire.
            if (!work->deviceRead)
                work->deviceRead = m_store.beginDeviceRead(work->device.id);
            m_store.saveDeviceReadPage(*work->deviceRead, page);
            m_run->report.databaseMs += db.elapsed();
        };
        work->client->searchAllPersons(
            [this, work](HikvisionClient::Result<PersonSearchResult> result) {
                if (!isCurrent(work))
                    return;
                if (!result)
                    return failDevice(work, result.error());
                for (const QString &warning : result.value().warnings)
                    log(QStringLiteral("warning"), work->device.id, {}, warning);
                work->unsavedSnapshot =
                    DeviceSnapshot{work->device.id, result.value().persons, m_clock.now()};
                // With the member list in, the door is planned from what was read and its first
                // write goes out before the snapshot is saved; otherwise there is time now.
                if (m_run->memberList != Run::MemberList::Ready)
                    saveSnapshot(work);
                readyToPlan(work);
            },
            savePage);
    });
}

bool SyncEngine::needsLivenessCheck(const QString &deviceId) const
{
    QDateTime lastContact;
    const auto known = m_health.constFind(deviceId);
    if (known != m_health.constEnd()) {
        if (known->state == DoorHealth::State::Online)
            lastContact = known->lastContact;
    } else if (const DeviceSettings *device = m_settings.device(deviceId)) {
        // Nothing learnt in this process yet: what an earlier one recorded, if it spoke to
        // the same door with the same credentials.
        const QStringList stored = m_store.meta(contactKey(deviceId)).split(QLatin1Char(' '));
        if (stored.size() == 2 && stored.at(1) == contactIdentity(*device))
            lastContact = QDateTime::fromString(stored.at(0), Qt::ISODateWithMs);
    }
    return !lastContact.isValid() || lastContact.secsTo(m_clock.now()) >= kLivenessSeconds;
}

void SyncEngine::checkAlive(const WorkPtr &work)
{
    // The cheapest question a terminal answers; what it says is not needed, only that it
    // answers, and with these credentials.
    work->client->fetchDeviceInfo([this, work](HikvisionClient::Result<DeviceInfo> info) {
        if (!isCurrent(work))
            return;
        if (!info)
            return failDevice(work, info.error());
        readyToPlan(work);
    });
}

void SyncEngine::readyToPlan(const WorkPtr &work)
{
    switch (m_run->memberList) {
    case Run::MemberList::Ready:
        return planDevice(work);
    case Run::MemberList::Unavailable:
        return finishDevice(work, DeviceOutcome::Status::Skipped, m_run->noMembersReason);
    case Run::MemberList::Fetching:
        // Cardskipper's watchdog keeps the wait finite; this door has nothing in flight.
        work->waitingForMembers = true;
        work->watchdog.stop();
        return;
    }
}

void SyncEngine::planDevice(const WorkPtr &work)
{
    petWatchdog(work, QStringLiteral("planning ") + work->device.id);
    // makePlan is pure: it runs on the thread pool, so that the doors' plans are made side by
    // side and none holds up another door's answers on this thread. The input is read here,
    // where the store's connection lives.
    const bool justRead = work->unsavedSnapshot.has_value();
    auto input = std::make_shared<PlanInput>(planInput(
        work->device.id, m_run->members, justRead ? &work->unsavedSnapshot->persons : nullptr));
    auto promise = std::make_shared<QPromise<std::pair<Plan, qint64>>>();
    auto *watcher = new QFutureWatcher<std::pair<Plan, qint64>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, work, watcher] {
        watcher->deleteLater();
        if (!m_run || !isCurrent(work) || watcher->future().resultCount() == 0)
            return;
        // Taken, not copied: a watcher waiting for its deferred delete would otherwise keep
        // the plan (10,000 actions) until the event loop's next turn at the same level, which
        // in a nested loop is the next run's start.
        std::pair<Plan, qint64> made = watcher->future().takeResult();
        m_run->report.planMs += made.second;
        work->outcome.plan = std::move(made.first);
        applyPlan(work);
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, input] {
        QElapsedTimer timer;
        timer.start();
        Plan plan = makePlan(*input);
        promise->addResult(std::make_pair(std::move(plan), timer.elapsed()));
        promise->finish();
    });
}

void SyncEngine::applyPlan(const WorkPtr &work)
{
    const Plan &plan = work->outcome.plan;
    const auto wanted = [this](const PlannedAction &action) {
        return !m_run->options.onlyMember ||
               (action.member && *action.member == *m_run->options.onlyMember);
    };
    QList<PlannedAction> writes;
    for (const PlannedAction &action : plan.writes()) {
        if (wanted(action))
            writes.append(action);
    }
    const bool willWrite = m_run->options.kind != RunKind::Preview &&
                           (!plan.guard.held || m_run->options.force) && !writes.isEmpty();
    // Writes need the device's own limits and profile; a quiet run never asks for them. The
    // plan is made again with what the device said.
    if (willWrite && !m_clients[work->device.id].probed)
        return ensureProbed(work, [this, work] { planDevice(work); });

    for (const QString &warning : plan.warnings)
        log(QStringLiteral("warning"), work->device.id, {},
            tr("%1: %2").arg(work->device.name, warning));
    for (const PlannedAction &action : plan.actions) {
        if (action.kind == ActionKind::Conflict)
            log(QStringLiteral("warning"), work->device.id, memberLabel(action),
                tr("%1: %2").arg(work->device.name, action.reason));
    }
    if (m_run->options.kind == RunKind::Preview)
        return finishDevice(work, DeviceOutcome::Status::Previewed);
    if (plan.guard.held && !m_run->options.force) {
        for (const QString &reason : plan.guard.reasons)
            log(QStringLiteral("warning"), work->device.id, {},
                tr("%1: held back: %2").arg(work->device.name, reason));
        return finishDevice(work, DeviceOutcome::Status::Held,
                            plan.guard.reasons.join(QLatin1Char(' ')));
    }
    work->writes = writes;
    work->nextWrite = 0;
    if (work->writes.isEmpty()) {
        return reconcileCredentials(work);
    }
    work->applyTimer.start();
    work->applying = true;
    applyNext(work);
    saveSnapshot(work); // while the first write is on the wire, before its record
}

void SyncEngine::reconcileCredentials(const WorkPtr &work)
{
    // The door as read is saved first (it is the store's cached snapshot from then on): the
    // card and face steps read it, and would otherwise load 10,000 persons from the file.
    saveSnapshot(work);
    reconcileCards(work, [this, work] {
        reconcileFaces(work, [this, work] {
            finishDevice(work, work->outcome.failed > 0 ? DeviceOutcome::Status::PartlyFailed
                                                        : DeviceOutcome::Status::Synced);
        });
    });
}

void SyncEngine::saveSnapshot(const WorkPtr &work)
{
    if (!work->unsavedSnapshot)
        return;
    const DeviceSnapshot snapshot = std::move(*work->unsavedSnapshot);
    work->unsavedSnapshot.reset();
    QElapsedTimer db;
    db.start();
    if (const auto read = std::exchange(work->deviceRead, nullptr))
        m_store.finishDeviceRead(*read, snapshot.persons, snapshot.readAt);
    else
        m_store.replaceDevicePersons(snapshot.deviceId, snapshot.persons, snapshot.readAt);
    m_run->report.databaseMs += db.elapsed();
}

void SyncEngine::applyNext(const WorkPtr &work)
{
    emit progress(work->device.id, work->nextWrite, int(work->writes.size()));
    if (m_run->stopRequested || work->nextWrite >= work->writes.size()) {
        m_run->report.applyMs += work->applyTimer.elapsed();
        return reconcileCredentials(work);
    }
    if (work->deviceFull && work->writes.at(work->nextWrite).kind == ActionKind::Create) {
        skipCreatesOnFullDevice(work);
        return applyNext(work);
    }
    // Journal first: if we die after sending, the next start reads this person back.
    execute(work, work->writes.at(work->nextWrite), takeJournalRow(work), 0);
}

// A full terminal refuses every create the same way: the rest are recorded as not sent, in one
// transaction and one log line, instead of thousands of requests that cannot succeed. Revokes
// and deletes still go out (deletes make room for the next run).
void SyncEngine::skipCreatesOnFullDevice(const WorkPtr &work)
{
    const QString reason =
        tr("Not sent: %1 is full. Remove persons on the terminal or raise its capacity.")
            .arg(work->device.name);
    QStringList skipped;
    m_store.transaction([&] {
        while (work->nextWrite < work->writes.size() &&
               work->writes.at(work->nextWrite).kind == ActionKind::Create) {
            m_store.completeOperation(takeJournalRow(work), OperationStatus::Skipped, reason,
                                      std::nullopt);
            skipped.append(memberLabel(work->writes.at(work->nextWrite)));
            ++m_run->report.run.failed;
            ++work->outcome.failed;
            ++work->nextWrite;
        }
        return true;
    });
    if (skipped.isEmpty())
        return;
    const int shown = 10;
    QString names = QStringList(skipped.mid(0, shown)).join(QStringLiteral(", "));
    if (skipped.size() > shown)
        names += tr(" and %n more", nullptr, int(skipped.size() - shown));
    log(QStringLiteral("error"), work->device.id, {},
        tr("%1 is full: %n member(s) could not be added: %2.", nullptr, int(skipped.size()))
            .arg(work->device.name, names));
}

// The journal row of writes[nextWrite]: the one committed ahead, or a new one.
qint64 SyncEngine::takeJournalRow(const WorkPtr &work)
{
    std::optional<DeviceWork::Journaled> ahead;
    std::swap(ahead, work->journaledAhead);
    if (ahead && ahead->index == work->nextWrite)
        return ahead->operationId;
    return journalWrite(work, work->nextWrite);
}

qint64 SyncEngine::journalWrite(const WorkPtr &work, int index)
{
    const PlannedAction &action = work->writes.at(index);
    OperationRecord operation;
    operation.runId = m_run->report.run.id;
    operation.deviceId = work->device.id;
    operation.employeeNo = action.employeeNo;
    operation.member = action.member;
    operation.action = action.kind;
    operation.before = action.before;
    operation.after = action.after;
    operation.status = OperationStatus::Pending;
    operation.at = m_clock.now();
    return m_store.journalOperation(operation);
}

void SyncEngine::execute(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                         int attempt)
{
    auto done = [this, work, action, operationId,
                 attempt](HikvisionClient::Result<WriteResult> result) {
        if (!isCurrent(work))
            return;
        finishWrite(work, action, operationId, result, attempt);
    };
    switch (action.kind) {
    case ActionKind::Create:
        return work->client->recordPerson(*action.after, done);
    case ActionKind::UpdateValidity:
    case ActionKind::Revoke:
        return work->client->modifyPersonValidity(*action.after, done);
    case ActionKind::Rename:
        return work->client->setUpPerson(*action.after, done);
    case ActionKind::Delete:
        // Deletes may take longer than other requests (HikvisionConfig::deleteTimeoutMs).
        petWatchdog(
            work, {},
            std::max(0, work->client->config().deleteTimeoutMs - work->client->config().timeoutMs));
        return deleteCredentialsOf(work, action, [this, work, action, operationId, attempt] {
            work->client->deletePersons(
                {action.employeeNo}, [this, work, action, operationId,
                                      attempt](HikvisionClient::Result<DeleteResult> result) {
                    if (!isCurrent(work))
                        return;
                    if (result)
                        return finishWrite(work, action, operationId,
                                           WriteResult{action.employeeNo, {}}, attempt);
                    finishWrite(work, action, operationId, result.error(), attempt);
                });
        });
    default:
        return recordFailure(work, action, operationId, tr("not a write"));
    }
}

void SyncEngine::finishWrite(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                             const HikvisionClient::Result<WriteResult> &result, int attempt)
{
    flushBookkeeping(work); // the write before this one is recorded first
    if (result)
        return recordSuccess(work, action, operationId, result.value().warnings);
    const HikvisionError &error = result.error();
    using Kind = HikvisionError::Kind;
    if (error.blocksClient()) {
        // recordFailure ends the device: every further call would be refused the same way.
        return recordFailure(work, action, operationId, error.message());
    }
    // The goal of a revoke or delete is reached when the person is gone.
    if (error.kind == Kind::DoesNotExist &&
        (action.kind == ActionKind::Revoke || action.kind == ActionKind::Delete)) {
        m_store.removeDevicePerson(work->device.id, action.employeeNo);
        return recordSuccess(work, action, operationId,
                             {tr("%1 was no longer on the device.").arg(memberLabel(action))});
    }
    // Deleted by hand on the device: put it back rather than failing.
    if (error.kind == Kind::DoesNotExist &&
        (action.kind == ActionKind::UpdateValidity || action.kind == ActionKind::Rename)) {
        PlannedAction again = action;
        again.kind = ActionKind::Create;
        return work->client->recordPerson(
            *action.after,
            [this, work, again, operationId](HikvisionClient::Result<WriteResult> r) {
                if (!isCurrent(work))
                    return;
                finishWrite(work, again, operationId, r, 1000);
            });
    }
    // Our snapshot missed a person we made earlier (e.g. the answer was lost): when it is ours
    // by name, correct its window instead; anyone else's person is a conflict, never overwritten.
    if (error.kind == Kind::AlreadyExists && action.kind == ActionKind::Create && attempt < 1000) {
        return work->client->searchPersons(
            {action.employeeNo},
            [this, work, action, operationId](HikvisionClient::Result<PersonSearchResult> found) {
                if (!isCurrent(work))
                    return;
                if (!found) {
                    // Whether the person there is ours is unknown; the next run reads the
                    // device and decides. A refusal ends the device in recordFailure.
                    return recordFailure(
                        work, action, operationId,
                        tr("the device already has employeeNo %1, and looking it up failed: %2")
                            .arg(action.employeeNo, found.error().message()));
                }
                const Person *existing = nullptr;
                {
                    for (const Person &person : found.value().persons) {
                        if (person.employeeNo == action.employeeNo)
                            existing = &person;
                    }
                }
                if (existing && action.after && existing->name == action.after->name) {
                    PlannedAction adopt = action;
                    adopt.kind = ActionKind::Create; // recorded as the create it completes
                    return work->client->modifyPersonValidity(
                        *action.after,
                        [this, work, adopt, operationId](HikvisionClient::Result<WriteResult> r) {
                            if (!isCurrent(work))
                                return;
                            finishWrite(work, adopt, operationId, r, 1000);
                        });
                }
                if (existing)
                    m_store.upsertDevicePerson(work->device.id, *existing);
                recordFailure(
                    work, action, operationId,
                    tr("employeeNo %1 is already used on the device by \"%2\"; it was "
                       "left alone. Link it to the member or change its employeeNo.")
                        .arg(action.employeeNo, existing ? existing->name : QStringLiteral("?")));
            });
    }
    if (error.isTransient() && attempt < m_settings.sync.retryAttempts) {
        const int delay = m_settings.sync.retryBackoffMs * (1 << std::min(attempt, 6));
        log(QStringLiteral("info"), work->device.id, memberLabel(action),
            tr("%1; trying again in %2 s.").arg(error.message()).arg(delay / 1000.0));
        petWatchdog(work, {}, delay);
        QTimer::singleShot(delay, this, [this, work, action, operationId, attempt] {
            if (isCurrent(work))
                execute(work, action, operationId, attempt + 1);
        });
        return;
    }
    if (error.kind == Kind::DeviceFull && action.kind == ActionKind::Create)
        work->deviceFull = true; // every further create would be refused the same way
    if (mayHaveBeenApplied(error))
        return readBackUnconfirmed(work, action, operationId, error);
    recordFailure(work, action, operationId, error.message());
}

bool SyncEngine::mayHaveBeenApplied(const HikvisionError &error)
{
    // The request may have reached the terminal and been carried out, only the answer is
    // missing or unreadable. A refusal, or a request that never got through, proves it was not.
    using Kind = HikvisionError::Kind;
    switch (error.kind) {
    case Kind::Timeout:
    case Kind::Network:
    case Kind::DeviceError:
    case Kind::MalformedResponse:
    case Kind::UnexpectedResponse:
        return true;
    default:
        return false;
    }
}

// The answer to a write did not say whether it was carried out: ask the terminal for the person
// instead of concluding either way. Recorded as failed, a create the terminal did carry out would
// leave our own person unlinked, never to be written again (a cancelled member keeping access).
void SyncEngine::readBackUnconfirmed(const WorkPtr &work, const PlannedAction &action,
                                     qint64 operationId, const HikvisionError &error)
{
    work->client->searchPersons(
        {action.employeeNo}, [this, work, action, operationId,
                              error](HikvisionClient::Result<PersonSearchResult> found) {
            if (!isCurrent(work))
                return;
            if (!found) {
                // Still unknown: the row stays pending, and the next run reads the person back
                // before anything else (resolvePending), as after an interrupted run.
                ++m_run->report.run.failed;
                ++work->outcome.failed;
                log(QStringLiteral("error"), work->device.id, memberLabel(action),
                    tr("%1: whether %2 was written is not known (%3); the next run reads it back "
                       "from the door.")
                        .arg(work->device.name, memberLabel(action), error.message()));
                ++work->nextWrite;
                if (const std::optional<HikvisionError> refused = work->client->refusal())
                    return failDevice(work, *refused);
                return applyNext(work);
            }
            const Person *onDevice = nullptr;
            for (const Person &person : found.value().persons) {
                if (person.employeeNo == action.employeeNo)
                    onDevice = &person;
            }
            if (writeReached(action.kind, action.after, onDevice))
                return recordSuccess(
                    work, action, operationId,
                    {tr("%1: the answer was unclear (%2); read back from the door, the change is "
                        "there.")
                         .arg(work->device.name, error.message())});
            if (onDevice)
                m_store.upsertDevicePerson(work->device.id, *onDevice);
            recordFailure(work, action, operationId, error.message());
        });
}

void SyncEngine::recordSuccess(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                               const QStringList &warnings)
{
    RunRecord &run = m_run->report.run;
    switch (action.kind) {
    case ActionKind::Create:
        ++run.created;
        break;
    case ActionKind::UpdateValidity:
    case ActionKind::Rename:
        ++run.updated;
        break;
    case ActionKind::Revoke:
        ++run.revoked;
        break;
    case ActionKind::Delete:
        ++run.deleted;
        break;
    default:
        break;
    }
    ++work->outcome.written;
    ++work->nextWrite;
    // The next request goes out first (its journal row is already committed), and this write's
    // record, the journal row of the one after, the log and the audit entry are made while the
    // device works on it: the terminal's latency, not our bookkeeping, sets the pace. They wait
    // until other doors' answers that came at the same moment have their next requests out
    // (afterWaitingAnswers: without it 80 % of the doors' requests went within 1 ms of another
    // door's, each waiting for the others' commits). Whatever comes first, the next answer or
    // the door's end, records it before anything else (flushBookkeeping). Should we die in
    // between, this write is still "pending" and the next start reads the person back.
    const bool moreToWrite = !m_run->stopRequested && work->nextWrite < work->writes.size();
    if (!moreToWrite) {
        recordWrite(work, action, operationId, warnings);
        applyNext(work);
        return;
    }
    applyNext(work);
    if (!isCurrent(work)) {
        // The device ended while sending (all further creates skipped on a full door): there
        // is no next answer to wait for.
        recordWrite(work, action, operationId, warnings);
        return;
    }
    work->pendingBookkeeping = [this, work, action, operationId, warnings] {
        recordWrite(work, action, operationId, warnings);
    };
    afterWaitingAnswers(this, [this, work] { flushBookkeeping(work); });
}

void SyncEngine::flushBookkeeping(const WorkPtr &work)
{
    if (!work->pendingBookkeeping)
        return;
    const std::function<void()> bookkeeping = std::move(work->pendingBookkeeping);
    work->pendingBookkeeping = nullptr;
    bookkeeping();
}

void SyncEngine::recordWrite(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                             const QStringList &warnings)
{
    saveSnapshot(work); // the door as read comes before what was written to it
    QElapsedTimer db;
    db.start();
    std::optional<DeviceWork::Journaled> ahead;
    const bool recorded = m_store.transaction([&] {
        if (action.kind == ActionKind::Delete) {
            m_store.removeDevicePerson(work->device.id, action.employeeNo);
            m_store.removeLink(work->device.id, action.employeeNo);
        } else if (action.after) {
            Person stored = *action.after;
            if (action.before) {
                stored.numOfCard = action.before->numOfCard;
                stored.numOfFace = action.before->numOfFace;
                stored.numOfFP = action.before->numOfFP;
            }
            m_store.upsertDevicePerson(work->device.id, stored);
        }
        if (action.kind == ActionKind::Create && action.member)
            linkCreatedPerson(work->device.id, action.employeeNo, *action.member);
        m_store.completeOperation(operationId, OperationStatus::Done, {}, action.after);
        // Journal the write after the one on the wire, unless nothing more will be sent.
        const int next = work->nextWrite + 1;
        if (!m_run->stopRequested && isCurrent(work) && !work->abandoned &&
            next < work->writes.size() && !work->journaledAhead)
            ahead = DeviceWork::Journaled{next, journalWrite(work, next)};
        return true;
    });
    // A row from a transaction that rolled back does not exist: that write journals itself.
    if (recorded && ahead)
        work->journaledAhead = ahead;
    m_run->report.databaseMs += db.elapsed();
    for (const QString &warning : warnings)
        log(QStringLiteral("warning"), work->device.id, memberLabel(action), warning);
    const QString verb = action.kind == ActionKind::Create   ? tr("created")
                         : action.kind == ActionKind::Revoke ? tr("access ended")
                         : action.kind == ActionKind::Delete ? tr("deleted")
                         : action.kind == ActionKind::Rename ? tr("renamed")
                                                             : tr("validity updated");
    QString window;
    if (action.after && action.kind != ActionKind::Delete)
        window = tr(" (valid %1 – %2)")
                     .arg(action.after->validity.begin.toString(QStringLiteral("yyyy-MM-dd")),
                          action.after->validity.end.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    log(QStringLiteral("info"), work->device.id, memberLabel(action),
        tr("%1: %2 %3%4.").arg(work->device.name, memberLabel(action), verb, window));
    publishOperation(operationId);
}

void SyncEngine::recordFailure(const WorkPtr &work, const PlannedAction &action, qint64 operationId,
                               const QString &error)
{
    m_store.completeOperation(operationId, OperationStatus::Failed, error, std::nullopt);
    ++m_run->report.run.failed;
    ++work->outcome.failed;
    log(QStringLiteral("error"), work->device.id, memberLabel(action),
        tr("%1: %2 could not be written: %3").arg(work->device.name, memberLabel(action), error));
    publishOperation(operationId);
    ++work->nextWrite;
    // A failed write does not stop the others, but a client that refuses (wrong password,
    // lockout) would refuse each of them: the device ends here.
    if (const std::optional<HikvisionError> refused = work->client->refusal())
        return failDevice(work, *refused);
    applyNext(work);
}

void SyncEngine::failDevice(const WorkPtr &work, const HikvisionError &error)
{
    const DeviceOutcome::Status status =
        error.blocksClient() || error.kind == HikvisionError::Kind::UntrustedCertificate
            ? DeviceOutcome::Status::AuthFailed
            : DeviceOutcome::Status::Failed;
    if (work->applyTimer.isValid())
        m_run->report.applyMs += work->applyTimer.elapsed();
    work->failure = error;
    log(QStringLiteral("error"), work->device.id, {},
        tr("%1: %2").arg(work->device.name, error.message()));
    finishDevice(work, status, error.message());
}

void SyncEngine::abandonDevice(const WorkPtr &work, DeviceOutcome::Status status,
                               const QString &message)
{
    work->client->abandon();
    work->abandoned = true;
    if (work->applyTimer.isValid())
        m_run->report.applyMs += work->applyTimer.elapsed();
    finishDevice(work, status, message);
}

void SyncEngine::finishDevice(const WorkPtr &work, DeviceOutcome::Status status,
                              const QString &message)
{
    saveSnapshot(work);
    flushBookkeeping(work);
    if (!isCurrent(work))
        return;
    if (work->journaledAhead) {
        // Journaled ahead but never sent (the run was stopped, or the device failed).
        m_store.completeOperation(work->journaledAhead->operationId, OperationStatus::Skipped,
                                  tr("Not sent: the run ended before this write."), std::nullopt);
        work->journaledAhead.reset();
    }
    m_run->active.remove(work->device.id);
    work->watchdog.stop();
    work->outcome.status = status;
    work->outcome.message = message;
    work->outcome.finishedAt = m_clock.now();
    work->outcome.endMs = m_run->clock.elapsed();
    // Dropped mid-request by us: the aborted exchange says nothing about the door.
    if (!work->abandoned)
        noteDoorHealth(work);
    if (DeviceOutcome *outcome = outcomeFor(work->device.id)) {
        const int requests = outcome->requests;
        *outcome = work->outcome;
        outcome->requests = requests;
        work->outcome.requests = requests;
    }
    const Plan &plan = work->outcome.plan;
    m_run->report.run.conflicts += plan.count(ActionKind::Conflict);
    if (status == DeviceOutcome::Status::Synced)
        log(QStringLiteral("info"), work->device.id, {},
            work->outcome.written == 0
                ? tr("%1: in sync, nothing to write.").arg(work->device.name)
                : tr("%1: %n change(s) written.", nullptr, int(work->outcome.written))
                      .arg(work->device.name));
    emit deviceFinished(work->outcome);
    // Let the client's own queue unwind before the next device starts, and before a client
    // that was asked to go is destroyed (its call may be on the stack below us).
    QTimer::singleShot(0, this, [this, work] {
        if (work->forgetClientAfterwards)
            m_clients.erase(work->device.id);
        if (!m_run || m_run->finished)
            return;
        startDevices();
        finishRunWhenDone();
    });
}

void SyncEngine::finishRunWhenDone()
{
    if (!m_run || m_run->finished || m_run->memberList == Run::MemberList::Fetching ||
        !m_run->active.isEmpty())
        return;
    const bool moreToStart = !m_run->stopRequested && m_run->memberList == Run::MemberList::Ready &&
                             m_run->nextDevice < m_run->devices.size();
    if (moreToStart)
        return startDevices();
    finishRun();
}

QList<DoorHealth> SyncEngine::doorHealth() const
{
    QList<DoorHealth> result;
    for (const DeviceSettings &device : m_settings.devices) {
        DoorHealth health = m_health.value(device.id);
        health.deviceId = device.id;
        result.append(health);
    }
    return result;
}

void SyncEngine::setDoorHealth(const DoorHealth &health)
{
    if (m_health.value(health.deviceId) == health)
        return;
    m_health.insert(health.deviceId, health);
    emit doorHealthChanged(health);
}

void SyncEngine::noteDoorHealth(const WorkPtr &work)
{
    using State = DoorHealth::State;
    using Kind = HikvisionError::Kind;
    const QString &id = work->device.id;
    const DoorHealth previous = m_health.value(id);
    DoorHealth next = previous;
    next.deviceId = id;
    const QDateTime now = m_clock.now();
    const bool answered = m_answerCount.value(id) > work->answersAtStart;
    if (answered)
        next.lastContact = now;
    State state = previous.state;
    next.detail.clear();
    next.attemptsLeft = -1;
    next.lockedUntil = QDateTime();
    if (const std::optional<HikvisionError> &error = work->failure) {
        next.detail = error->message();
        switch (error->kind) {
        case Kind::WrongCredentials:
            state = State::PasswordRejected;
            next.attemptsLeft = error->attemptsLeft;
            break;
        case Kind::LockedOut:
            state = State::Locked;
            if (error->lockSecondsLeft >= 0)
                next.lockedUntil = answered || !previous.lockedUntil.isValid()
                                       ? now.addSecs(error->lockSecondsLeft)
                                       : previous.lockedUntil;
            break;
        case Kind::UntrustedCertificate:
            state = State::CertificateChanged;
            break;
        case Kind::HostUnreachable:
        case Kind::Timeout:
        case Kind::Network:
        case Kind::Tls:
            state = State::Unreachable;
            break;
        default:
            // The door answered, with a refusal or an error of its own.
            state = answered ? State::Failing : State::Unreachable;
            break;
        }
    } else if (work->silent) {
        state = State::Unreachable;
        next.detail = work->outcome.message;
    } else if (!answered) {
        return; // not asked this run (a quiet quick sync): nothing new is known
    } else {
        state = m_lastExchangeAnswered.value(id, true) ? State::Online : State::Unreachable;
    }
    if (state != previous.state || !next.since.isValid())
        next.since = now;
    next.state = state;
    if (state == State::Online && answered)
        m_store.setMeta(contactKey(id), now.toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
                                            contactIdentity(work->device));
    else if (state != State::Online)
        m_store.setMeta(contactKey(id), QString());
    setDoorHealth(next);
}

void SyncEngine::finishRun()
{
    m_run->finished = true;
    m_run->membersWatchdog.stop();
    RunReport &report = m_run->report;
    for (DeviceOutcome &device : report.devices) {
        if (device.status == DeviceOutcome::Status::Skipped && device.message.isEmpty())
            device.message = m_run->memberList == Run::MemberList::Unavailable
                                 ? m_run->noMembersReason
                                 : tr("Stopped before this door was started.");
    }
    RunRecord &run = report.run;
    run.finishedAt = m_clock.now();
    if (run.status == RunStatus::Running) {
        const int code = report.exitCode();
        run.status = code == 0   ? RunStatus::Succeeded
                     : code == 4 ? RunStatus::Held
                     : code == 1 ? RunStatus::PartlyFailed
                                 : RunStatus::Failed;
        for (const DeviceOutcome &device : report.devices) {
            if (!device.message.isEmpty() && run.error.isEmpty() &&
                device.status != DeviceOutcome::Status::Synced)
                run.error = device.message;
        }
    }
    if (run.kind != RunKind::Preview)
        reportRefusals(report);
    m_store.finishRun(run);
    const RunReport finished = report;
    // Keep the Cardskipper client alive until its own callback stack has unwound.
    QTimer::singleShot(0, this, [this, finished] {
        m_run.reset();
        emit runFinished(finished);
    });
}

} // namespace cis
