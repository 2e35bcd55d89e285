// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// sync-bench: measures the sync against its physical floor (docs/performance.md).
//
//   sync-bench [--members 1000,10000] [--latency-ms 20] [--doors 1] [--seed 7] [--json FILE]
//
// The simulators run on threads of their own (Cardskipper on one, each door on its own) with a
// serial latency per door, so that what is measured on the main thread is the engine (clients,
// parser, planner, database) and nothing else. With several doors the engine works them all at
// once; each scenario is set against max(busiest door's requests x latency, export time).
// The latency is each simulator's time from request to answer, its own work included (as a
// terminal's answer time includes its search), not a delay added after that work.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "HttpServer.h"
#include "IsapiSimulator.h"
#include "MainWindow.h"
#include "PairModel.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace cis;

namespace {

double threadCpuMs()
{
    timespec spec{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
    return double(spec.tv_sec) * 1000.0 + double(spec.tv_nsec) / 1.0e6;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Resident now (the peak above never comes down, and the window has raised it already).
double currentRssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0.0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0.0;
    return double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// A thread of its own; every call to what lives on it goes through run().
class HostThread
{
public:
    explicit HostThread(const QString &name)
    {
        m_thread.setObjectName(name); // the OS thread's name too: perf shows it
        m_worker.moveToThread(&m_thread);
        m_thread.start();
    }

    ~HostThread()
    {
        m_thread.quit();
        m_thread.wait();
    }

    template<typename Work> void run(Work work)
    {
        QMetaObject::invokeMethod(&m_worker, work, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_worker;
};

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Waits longer than this are not a round trip's overhead but the engine busy with something
// else (parsing the export, saving a snapshot, planning another door).
constexpr qint64 kLongWaitNs = 10 * 1000 * 1000;

// How long a door waited for us between writing an answer and taking the next request: the
// client's side of every round trip (our engine, Qt's network thread, the loopback, the
// scheduler), as the door sees it. Written on the door's thread only.
struct DoorGaps
{
    qint64 answeredNs = -1;
    qint64 lastAnsweredNs = -1; // the door's last answer: what follows it is ours alone
    QList<qint64> gapsNs;
    QList<std::pair<qint64, qint64>> longWaitsNs; // (answered at, waited) of waits over 10 ms
    QList<qint64> takenNs;                        // when each request was taken
    int requests = 0; // every request taken, for counts outside a run's report
};

// Cardskipper on a thread of its own, and each door on its own: every door answers one request
// at a time with its own latency, and a slow door holds up no other, as on a real site.
class SimulatorHost
{
public:
    SimulatorHost(const Clock &clock, int members, quint32 seed, int latencyMs, int doors)
        : m_cardskipperThread(QStringLiteral("sim-cardskipper"))
    {
        m_cardskipperThread.run([&] {
            m_cardskipper = new sim::CardskipperSimulator(&clock);
            m_cardskipper->loadDemoData(members, seed);
            m_cardskipper->server().setLatencyMs(latencyMs);
            m_cardskipper->listen();
        });
        for (int i = 0; i < doors; ++i) {
            m_doorThreads.push_back(
                std::make_unique<HostThread>(QStringLiteral("sim-door%1").arg(i + 1)));
            m_doors.push_back(nullptr);
            m_gaps.push_back(std::make_unique<DoorGaps>());
            runDoor(i, [&] {
                auto *door = new sim::IsapiSimulator(&clock);
                door->profile().setCapability({QStringLiteral("maxRecordNum")}, members + 1000);
                door->loadDemoPersons(3, seed); // staff, never ours
                door->server().setLatencyMs(latencyMs);
                door->listen();
                DoorGaps *gaps = m_gaps.back().get();
                QObject::connect(&door->server(), &sim::HttpServer::responseWritten, door,
                                 [gaps] { gaps->answeredNs = gaps->lastAnsweredNs = steadyNs(); });
                QObject::connect(&door->server(), &sim::HttpServer::requestStarted, door, [gaps] {
                    ++gaps->requests;
                    gaps->takenNs.append(steadyNs());
                    if (gaps->answeredNs >= 0) {
                        const qint64 waited = steadyNs() - gaps->answeredNs;
                        gaps->gapsNs.append(waited);
                        if (waited > kLongWaitNs)
                            gaps->longWaitsNs.append({gaps->answeredNs, waited});
                    }
                    gaps->answeredNs = -1;
                });
                m_doors[std::size_t(i)] = door;
            });
        }
    }

    ~SimulatorHost()
    {
        for (int i = 0; i < doorCount(); ++i)
            runDoor(i, [&] { delete m_doors[std::size_t(i)]; });
        m_cardskipperThread.run([&] { delete m_cardskipper; });
    }

    int doorCount() const { return int(m_doors.size()); }
    template<typename Work> void runCardskipper(Work work) { m_cardskipperThread.run(work); }
    template<typename Work> void runDoor(int i, Work work)
    {
        m_doorThreads[std::size_t(i)]->run(work);
    }

    // Only from inside runCardskipper() and runDoor(i) respectively.
    sim::CardskipperSimulator &cardskipper() { return *m_cardskipper; }
    sim::IsapiSimulator &door(int i) { return *m_doors[std::size_t(i)]; }
    DoorGaps &gaps(int i) { return *m_gaps[std::size_t(i)]; }

private:
    HostThread m_cardskipperThread;
    std::vector<std::unique_ptr<HostThread>> m_doorThreads;
    sim::CardskipperSimulator *m_cardskipper = nullptr;
    std::vector<sim::IsapiSimulator *> m_doors;
    std::vector<std::unique_ptr<DoorGaps>> m_gaps;
};

double gapSumMs(const QList<qint64> &values)
{
    qint64 sum = 0;
    for (qint64 value : values)
        sum += value;
    return double(sum) / 1.0e6;
}

int longWaits(const QList<qint64> &values)
{
    return int(std::count_if(values.begin(), values.end(),
                             [](qint64 value) { return value > kLongWaitNs; }));
}

double longWaitsMs(const QList<qint64> &values)
{
    qint64 sum = 0;
    for (qint64 value : values) {
        if (value > kLongWaitNs)
            sum += value;
    }
    return double(sum) / 1.0e6;
}

double percentileMs(QList<qint64> values, double fraction)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index =
        std::min<qsizetype>(values.size() - 1, qsizetype(fraction * double(values.size())));
    return double(values.at(index)) / 1.0e6;
}

struct Scenario
{
    QString name;
    RunKind kind;
    bool readsDevice;
};

QString doorId(int i)
{
    return QStringLiteral("door%1").arg(i + 1);
}

const DeviceOutcome *outcomeOf(const RunReport &report, const QString &deviceId)
{
    for (const DeviceOutcome &outcome : report.devices) {
        if (outcome.deviceId == deviceId)
            return &outcome;
    }
    return nullptr;
}

// What the bench knows of each door, and the engine's liveness rule from the outside: a quick
// sync that does not read a door still asks it once (GET /ISAPI/System/deviceInfo) when it has
// not been heard from for SyncEngine::kLivenessSeconds.
struct DoorState
{
    QDateTime lastHeard;
    bool livenessDue(const QDateTime &now) const
    {
        return !lastHeard.isValid() || lastHeard.secsTo(now) >= SyncEngine::kLivenessSeconds;
    }
};

// A quick sync that reads no door and writes nothing: Cardskipper's changed-members export, and
// to each door nothing at all, or the liveness request alone when one is due (plus the nonce
// renewal it may cost). Anything else is a failure of the target, and ends the bench.
void checkQuiet(const RunReport &report, const QList<bool> &due, const QList<int> &renewals,
                const QString &what)
{
    const QString deviceInfo = QStringLiteral("GET /ISAPI/System/deviceInfo");
    for (int i = 0; i < due.size(); ++i) {
        const DeviceOutcome *outcome = outcomeOf(report, doorId(i));
        const int requests = outcome ? outcome->requests : -1;
        const int expected = due.at(i) ? 1 + renewals.at(i) : 0;
        if (requests != expected)
            qFatal("%s: %s got %d requests, expected %d (%s)", qPrintable(what),
                   qPrintable(doorId(i)), requests, expected,
                   due.at(i) ? "the liveness request" : "nothing");
    }
    if (report.requestsByEndpoint.value(deviceInfo) != report.deviceRequests())
        qFatal("%s: a door got a request other than the liveness request", qPrintable(what));
    if (report.totalRequests() - report.deviceRequests() != 1)
        qFatal("%s: %d requests to Cardskipper", qPrintable(what),
               report.totalRequests() - report.deviceRequests());
}

} // namespace

// Door activity: every door's log holds eventCount entries of the club's persons (the ring's
// default capacity is 100,000), read at a first contact with the import window covering them
// all; then the polls with nothing new, which must be one search per door and write nothing.
QJsonObject measureEvents(QTextStream &out, SyncEngine &engine, SimulatorHost &sims,
                          ManualClock &clock, int eventCount, int latency)
{
    const int doors = sims.doorCount();
    for (int i = 0; i < doors; ++i) {
        sims.runDoor(i, [&] {
            QStringList employeeNos;
            for (const auto &person : sims.door(i).persons())
                employeeNos.append(person.employeeNo);
            for (int n = 0; n < eventCount; ++n) {
                sim::DeviceEvent event;
                event.minor = n % 20 == 0 ? 6 : 75; // one in twenty refused
                event.employeeNo = employeeNos.at(n % employeeNos.size());
                sims.door(i).logEvent(event);
            }
        });
    }
    // Requests per door, without the Digest nonce renewals (a terminal spends a nonce after
    // 8 uses: the refused request is sent once more), which are counted apart.
    int renewals = 0;
    const auto poll = [&] {
        QList<int> before(doors);
        QList<int> staleBefore(doors);
        for (int i = 0; i < doors; ++i)
            sims.runDoor(i, [&] {
                before[i] = sims.gaps(i).requests;
                staleBefore[i] = sims.door(i).staleChallenges();
            });
        std::optional<QList<EventReader::Poll>> polls;
        engine.readEvents({}, [&](QList<EventReader::Poll> result) { polls = result; });
        while (!polls)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        int added = 0;
        for (const EventReader::Poll &each : std::as_const(*polls)) {
            if (!each.error.isEmpty())
                qFatal("reading %s's events failed: %s", qPrintable(each.deviceId),
                       qPrintable(each.error));
            added += each.added;
        }
        int busiest = 0;
        for (int i = 0; i < doors; ++i)
            sims.runDoor(i, [&] {
                const int stale = sims.door(i).staleChallenges() - staleBefore[i];
                renewals += stale;
                busiest = std::max(busiest, sims.gaps(i).requests - before[i] - stale);
            });
        return std::pair<int, int>(added, busiest);
    };

    const double rssBefore = currentRssMb();
    const double cpuBefore = threadCpuMs();
    QElapsedTimer wall;
    wall.start();
    const auto [imported, importRequests] = poll();
    const qint64 importMs = wall.elapsed();
    const double importCpuMs = threadCpuMs() - cpuBefore;
    const double rssAfter = currentRssMb();
    if (imported != eventCount * doors)
        qFatal("imported %d events of %d", imported, eventCount * doors);
    const int searches = int(std::ceil(double(eventCount) / 30.0));
    const int importRenewals = std::exchange(renewals, 0);

    QList<double> idleCpu;
    QList<qint64> idleWall;
    int idleRequests = 0;
    for (int n = 0; n < 9; ++n) {
        clock.advanceSeconds(10);
        const double cpu = threadCpuMs();
        wall.restart();
        const auto [added, requests] = poll();
        idleWall.append(wall.elapsed());
        idleCpu.append(threadCpuMs() - cpu);
        if (added != 0)
            qFatal("an idle poll added %d events", added);
        idleRequests = std::max(idleRequests, requests);
    }
    std::sort(idleCpu.begin(), idleCpu.end());
    std::sort(idleWall.begin(), idleWall.end());
    out << QStringLiteral("events: %1 per door x %2 door(s) imported in %3 ms (%4 requests on the "
                          "busiest door: the searches and the clock check; floor %5 searches = %6 "
                          "ms at the latency; %15 nonce renewals in all), cpu %7 ms, RSS %8 -> "
                          "%9 MB\n"
                          "events: an idle poll: at most %10 request(s) per door (%16 nonce "
                          "renewals in 9 polls of %2 doors), wall median %11 ms, cpu median %12 "
                          "ms (min %13, max %14) of 9\n")
               .arg(eventCount)
               .arg(doors)
               .arg(importMs)
               .arg(importRequests)
               .arg(searches)
               .arg(searches * latency)
               .arg(importCpuMs, 0, 'f', 0)
               .arg(rssBefore, 0, 'f', 1)
               .arg(rssAfter, 0, 'f', 1)
               .arg(idleRequests)
               .arg(idleWall.at(4))
               .arg(idleCpu.at(4), 0, 'f', 1)
               .arg(idleCpu.constFirst(), 0, 'f', 1)
               .arg(idleCpu.constLast(), 0, 'f', 1)
               .arg(importRenewals)
               .arg(renewals);
    out.flush();
    return QJsonObject{{QStringLiteral("scenario"), QStringLiteral("events")},
                       {QStringLiteral("eventsPerDoor"), eventCount},
                       {QStringLiteral("doors"), doors},
                       {QStringLiteral("importMs"), importMs},
                       {QStringLiteral("importRequestsBusiestDoor"), importRequests},
                       {QStringLiteral("importSearchFloor"), searches},
                       {QStringLiteral("importCpuMs"), importCpuMs},
                       {QStringLiteral("importNonceRenewals"), importRenewals},
                       {QStringLiteral("idleNonceRenewals"), renewals},
                       {QStringLiteral("rssBeforeMb"), rssBefore},
                       {QStringLiteral("rssAfterMb"), rssAfter},
                       {QStringLiteral("idlePollRequestsPerDoor"), idleRequests},
                       {QStringLiteral("idlePollWallMedianMs"), idleWall.at(4)},
                       {QStringLiteral("idlePollCpuMedianMs"), idleCpu.at(4)}};
}

int main(int argc, char *argv[])
{
    cis::Clock::pinLocalTimeZone();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("cis.*=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the sync against its floor."));
    parser.addHelpOption();
    const QCommandLineOption membersOption(QStringLiteral("members"),
                                           QStringLiteral("Member counts, comma-separated."),
                                           QStringLiteral("n,n"), QStringLiteral("1000,10000"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency-ms"),
        QStringLiteral("Time from request to answer of every door and of "
                       "Cardskipper, their own work included."),
        QStringLiteral("ms"), QStringLiteral("20"));
    const QCommandLineOption doorsOption(
        QStringLiteral("doors"),
        QStringLiteral("Doors, each its own simulator on its own thread, serial, with the "
                       "latency; all synced by one engine."),
        QStringLiteral("k"), QStringLiteral("1"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Demo data seed."),
                                        QStringLiteral("s"), QStringLiteral("7"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Write JSON here."),
                                        QStringLiteral("file"));
    const QCommandLineOption eventsOption(
        QStringLiteral("events"),
        QStringLiteral("Door events in each door's log for the import and idle-poll measurement "
                       "after the syncs of the last member count (0: none)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption repeatsOption(
        QStringLiteral("quiet-repeats"),
        QStringLiteral("Quiet quick syncs repeated after the scenarios, for a median CPU time "
                       "(and for profiling that case alone)."),
        QStringLiteral("n"), QStringLiteral("9"));
    parser.addOptions({membersOption, latencyOption, doorsOption, seedOption, jsonOption,
                       repeatsOption, eventsOption});
    parser.process(app);
    const int latency = parser.value(latencyOption).toInt();
    const int doors = std::max(1, parser.value(doorsOption).toInt());
    const int quietRepeats = std::max(0, parser.value(repeatsOption).toInt());
    const int eventCount = std::max(0, parser.value(eventsOption).toInt());
    const auto seed = quint32(parser.value(seedOption).toUInt());

    QTextStream out(stdout);
    QJsonArray results;
    out << QStringLiteral(
               "latency %1 ms per request, serial per door; %2 door(s), each its own simulator "
               "thread; seed %3\n"
               "  all req+nonce, floor: the run's requests (Cardskipper and every door) against "
               "1 export + per door\n"
               "    (searches + writes + the liveness GET when due); the doors' Digest nonce "
               "renewals apart\n"
               "  busiest: requests of the door with most (renewals included: each is a round "
               "trip), x latency\n"
               "  export: the Cardskipper simulator answering the export (the XML's making and "
               "the latency;\n"
               "    not the transfer nor our parse: those are in fetch ms, the run's time until "
               "the list was parsed)\n"
               "  bound: max(busiest x latency, export); door srv: the busiest door's own "
               "answering time (its latency as it\n"
               "    really came out: timer overshoot, a slow search, a CPU shared with the other "
               "simulators)\n"
               "  server ms: all simulators' answering summed; idle ms/req: (wall - the busiest "
               "door's answering) / its requests\n"
               "  per door: waited for us = from each answer written to the next request taken, "
               "summed (our engine, Qt's\n"
               "    network thread, the loopback, the scheduler); waits over 10 ms are the engine "
               "busy elsewhere\n")
               .arg(latency)
               .arg(doors)
               .arg(seed);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13\n")
               .arg(QStringLiteral("members"), 7)
               .arg(QStringLiteral("scenario"), -26)
               .arg(QStringLiteral("all req+nonce"), 13)
               .arg(QStringLiteral("floor"), 6)
               .arg(QStringLiteral("ratio"), 5)
               .arg(QStringLiteral("wall ms"), 8)
               .arg(QStringLiteral("busiest"), 8)
               .arg(QStringLiteral("x lat"), 7)
               .arg(QStringLiteral("export"), 6)
               .arg(QStringLiteral("bound"), 7)
               .arg(QStringLiteral("wall/bound"), 10)
               .arg(QStringLiteral("door srv"), 8)
               .arg(QStringLiteral("cpu ms  fetch/plan/db ms  rss MB  server ms  idle ms/req"));
    out.flush();

    const QStringList memberCounts = parser.value(membersOption).split(QLatin1Char(','));
    for (const QString &countText : memberCounts) {
        const int members = countText.toInt();
        ManualClock clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
        SimulatorHost sims(clock, members, seed, latency, doors);
        QTemporaryDir dir;
        const QString databasePath = dir.filePath(QStringLiteral("bench.sqlite"));
        auto store = Store::open(databasePath, clock);
        if (!store)
            qFatal("%s", qPrintable(store.error().message));
        AppSettings settings;
        sims.runCardskipper([&] { settings.cardskipper.url = sims.cardskipper().baseUrl(); });
        settings.cardskipper.username = QStringLiteral("demo");
        settings.cardskipper.organisationId = sim::DemoData::kOrganisationId;
        settings.sync.policy.guardEnabled = false; // the benchmark measures, it does not guard
        SyncEngine::Credentials credentials;
        credentials.cardskipperPassword = QStringLiteral("demo");
        for (int i = 0; i < doors; ++i) {
            DeviceSettings device;
            device.id = doorId(i);
            device.name = QStringLiteral("Door %1").arg(i + 1);
            sims.runDoor(i, [&] { device.url = sims.door(i).baseUrl(); });
            settings.devices.append(device);
            credentials.devicePasswords.insert(device.id, sim::IsapiSimulator::defaultPassword());
        }
        SyncEngine engine(*store.value(), clock);
        engine.setConfiguration(settings, credentials);
        QList<DoorState> doorStates(doors);
        const auto noteHeard = [&](const RunReport &report) {
            for (int i = 0; i < doors; ++i) {
                const DeviceOutcome *outcome = outcomeOf(report, doorId(i));
                if (outcome && outcome->requests > 0)
                    doorStates[i].lastHeard = clock.now();
            }
        };

        const QList<Scenario> scenarios{
            {QStringLiteral("1 first sync"), RunKind::QuickSync, true},
            {QStringLiteral("2 quick, nothing changed"), RunKind::QuickSync, false},
            {QStringLiteral("3 quick, 1 % extended"), RunKind::QuickSync, false},
            {QStringLiteral("4 full, nothing changed"), RunKind::FullReconcile, true},
            {QStringLiteral("5 full, 1 % drift"), RunKind::FullReconcile, true},
        };
        for (const Scenario &scenario : scenarios) {
            if (scenario.name.startsWith(QLatin1Char('3'))) {
                sims.runCardskipper([&] {
                    int changed = 0;
                    for (const auto &member : sims.cardskipper().members()) {
                        if (changed >= members / 100)
                            break;
                        if (sims.cardskipper().extendMembership(member.organisationMemberId,
                                                                clock.today().addYears(2)))
                            ++changed;
                    }
                });
            }
            if (scenario.name.startsWith(QLatin1Char('5'))) {
                // The same 1 % on every door: each has the same members.
                for (int i = 0; i < doors; ++i) {
                    sims.runDoor(i, [&] {
                        int changed = 0;
                        for (const auto &person : sims.door(i).persons()) {
                            if (changed >= members / 100)
                                break;
                            if (person.employeeNo.size() < 4)
                                continue; // staff
                            sims.door(i).setPersonValidity(
                                person.employeeNo, true, QDateTime(QDate(2020, 1, 1), QTime(0, 0)),
                                QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59)));
                            ++changed;
                        }
                    });
                }
            }
            QList<int> personsBefore(doors);
            QList<int> staleBefore(doors);
            QList<qint64> doorAnsweringBeforeNs(doors);
            qint64 cardskipperAnsweringBeforeNs = 0;
            for (int i = 0; i < doors; ++i) {
                sims.runDoor(i, [&] {
                    personsBefore[i] = int(sims.door(i).persons().size());
                    staleBefore[i] = sims.door(i).staleChallenges();
                    doorAnsweringBeforeNs[i] = sims.door(i).server().answeringNs();
                    sims.gaps(i) = DoorGaps();
                });
            }
            sims.runCardskipper(
                [&] { cardskipperAnsweringBeforeNs = sims.cardskipper().server().answeringNs(); });
            clock.advanceSeconds(600);
            QList<bool> livenessDue(doors, false);
            if (scenario.kind == RunKind::QuickSync && !scenario.readsDevice) {
                for (int i = 0; i < doors; ++i)
                    livenessDue[i] = doorStates.at(i).livenessDue(clock.now());
            }

            SyncEngine::RunOptions options;
            options.kind = scenario.kind;
            options.fullMemberExport = scenario.kind == RunKind::FullReconcile ||
                                       scenario.name.startsWith(QLatin1Char('1'));
            QSignalSpy finished(&engine, &SyncEngine::runFinished);
            const double cpuBefore = threadCpuMs();
            QElapsedTimer wall;
            wall.start();
            const qint64 startNs = steadyNs();
            engine.start(options);
            if (!finished.wait(3600 * 1000))
                qFatal("the run did not finish");
            const qint64 wallMs = wall.elapsed();
            const double cpuMs = threadCpuMs() - cpuBefore;
            const RunReport report = finished.first().first().value<RunReport>();
            // The terminal spends a Digest nonce after 8 uses (hikvision-isapi.md, S12): each
            // renewal costs the refused request once more. Counted apart from the floor.
            QList<int> stale(doors);
            QList<double> doorServerMs(doors);
            QList<QList<qint64>> doorGaps(doors);
            QList<QList<std::pair<qint64, qint64>>> doorLongWaits(doors);
            QList<QList<qint64>> doorTaken(doors);
            QList<qint64> doorLastAnsweredNs(doors);
            qint64 cardskipperAnsweringNs = 0;
            for (int i = 0; i < doors; ++i) {
                sims.runDoor(i, [&] {
                    doorGaps[i] = sims.gaps(i).gapsNs;
                    doorLongWaits[i] = sims.gaps(i).longWaitsNs;
                    doorTaken[i] = sims.gaps(i).takenNs;
                    doorLastAnsweredNs[i] = sims.gaps(i).lastAnsweredNs;
                    stale[i] = sims.door(i).staleChallenges() - staleBefore.at(i);
                    doorServerMs[i] =
                        double(sims.door(i).server().answeringNs() - doorAnsweringBeforeNs.at(i)) /
                        1.0e6;
                });
            }
            sims.runCardskipper([&] {
                cardskipperAnsweringNs =
                    sims.cardskipper().server().answeringNs() - cardskipperAnsweringBeforeNs;
            });
            if (scenario.name.startsWith(QLatin1Char('2')))
                checkQuiet(report, livenessDue, stale, scenario.name);
            noteHeard(report);

            // Per door: the floor is its searches (when it must be read), its writes and the
            // liveness request when one is due. The run's floor adds Cardskipper's one export.
            const int pageSize = 30;
            int floor = 1;
            int totalStale = 0;
            double serversMs = double(cardskipperAnsweringNs) / 1.0e6;
            int busiest = 0;
            QList<int> doorRequests(doors);
            QList<int> doorFloor(doors);
            QJsonArray doorsJson;
            for (int i = 0; i < doors; ++i) {
                const DeviceOutcome *outcome = outcomeOf(report, doorId(i));
                if (!outcome)
                    qFatal("no outcome for %s", qPrintable(doorId(i)));
                const int searches = scenario.readsDevice
                                         ? int(std::ceil(double(personsBefore.at(i)) / pageSize))
                                         : 0;
                doorFloor[i] = searches + outcome->written + (livenessDue.at(i) ? 1 : 0);
                doorRequests[i] = outcome->requests;
                floor += doorFloor.at(i);
                totalStale += stale.at(i);
                serversMs += doorServerMs.at(i);
                if (doorRequests.at(i) > doorRequests.at(busiest))
                    busiest = i;
                doorsJson.append(
                    QJsonObject{{QStringLiteral("id"), outcome->deviceId},
                                {QStringLiteral("status"), deviceStatusToString(outcome->status)},
                                {QStringLiteral("requests"), outcome->requests},
                                {QStringLiteral("nonceRenewals"), stale.at(i)},
                                {QStringLiteral("floor"), doorFloor.at(i)},
                                {QStringLiteral("livenessDue"), livenessDue.at(i)},
                                {QStringLiteral("written"), outcome->written},
                                {QStringLiteral("startMs"), outcome->startMs},
                                {QStringLiteral("endMs"), outcome->endMs},
                                {QStringLiteral("serverAnsweringMs"), doorServerMs.at(i)},
                                {QStringLiteral("gapMedianMs"), percentileMs(doorGaps.at(i), 0.5)},
                                {QStringLiteral("gapP90Ms"), percentileMs(doorGaps.at(i), 0.9)},
                                {QStringLiteral("gapMaxMs"), percentileMs(doorGaps.at(i), 1.0)},
                                {QStringLiteral("gapSumMs"), gapSumMs(doorGaps.at(i))},
                                {QStringLiteral("longWaits"), longWaits(doorGaps.at(i))},
                                {QStringLiteral("longWaitsMs"), longWaitsMs(doorGaps.at(i))}});
            }
            const int requests = report.totalRequests();
            const int requestsWithoutRenewals = requests - totalStale;
            const double busiestMs = double(doorRequests.at(busiest)) * latency;
            const double exportMs = double(cardskipperAnsweringNs) / 1.0e6;
            const double boundMs = std::max(busiestMs, exportMs);
            const double wallOverBound = boundMs > 0 ? double(wallMs) / boundMs : 0.0;
            // How long the busiest door waited for us (or for the member list) per request.
            const double idleMsPerRequest =
                doorRequests.at(busiest) > 0
                    ? (double(wallMs) - doorServerMs.at(busiest)) / doorRequests.at(busiest)
                    : 0.0;
            const double rss = peakRssMb();
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14/%15/%16 %17 "
                                  "%18 %19\n")
                       .arg(members, 7)
                       .arg(scenario.name, -26)
                       .arg(QStringLiteral("%1+%2").arg(requestsWithoutRenewals).arg(totalStale),
                            13)
                       .arg(floor, 6)
                       .arg(double(requestsWithoutRenewals) / floor, 5, 'f', 2)
                       .arg(wallMs, 8)
                       .arg(doorRequests.at(busiest), 8)
                       .arg(busiestMs, 7, 'f', 0)
                       .arg(exportMs, 6, 'f', 0)
                       .arg(boundMs, 7, 'f', 0)
                       .arg(wallOverBound, 10, 'f', 2)
                       .arg(doorServerMs.at(busiest), 8, 'f', 0)
                       .arg(cpuMs, 6, 'f', 0)
                       .arg(report.fetchMs)
                       .arg(report.planMs)
                       .arg(report.databaseMs)
                       .arg(rss, 7, 'f', 1)
                       .arg(serversMs, 9, 'f', 0)
                       .arg(idleMsPerRequest, 6, 'f', 2);
            for (int i = 0; i < doors; ++i) {
                const DeviceOutcome *outcome = outcomeOf(report, doorId(i));
                out << QStringLiteral("%1 %2: %3+%4 req, floor %5, %6 written, %7 - %8 ms, "
                                      "server %9 ms; waited for us %12 ms (median %13, p90 %14, "
                                      "max %15; %16 waits over 10 ms: %17 ms); %10%11\n")
                           .arg(QString(), 34)
                           .arg(doorId(i))
                           .arg(doorRequests.at(i) - stale.at(i))
                           .arg(stale.at(i))
                           .arg(doorFloor.at(i))
                           .arg(outcome->written)
                           .arg(outcome->startMs)
                           .arg(outcome->endMs)
                           .arg(doorServerMs.at(i), 0, 'f', 0)
                           .arg(deviceStatusToString(outcome->status))
                           .arg(livenessDue.at(i)
                                    ? QStringLiteral("; liveness GET deviceInfo due (not heard "
                                                     "from for 15 min)")
                                    : QString())
                           .arg(gapSumMs(doorGaps.at(i)), 0, 'f', 0)
                           .arg(percentileMs(doorGaps.at(i), 0.5), 0, 'f', 2)
                           .arg(percentileMs(doorGaps.at(i), 0.9), 0, 'f', 2)
                           .arg(percentileMs(doorGaps.at(i), 1.0), 0, 'f', 1)
                           .arg(longWaits(doorGaps.at(i)))
                           .arg(longWaitsMs(doorGaps.at(i)), 0, 'f', 0);
                // Where in the run the longest waits were, to tell the start, the export's
                // arrival and the other doors' ends apart.
                QList<std::pair<qint64, qint64>> longest = doorLongWaits.at(i);
                std::sort(longest.begin(), longest.end(),
                          [](const auto &a, const auto &b) { return a.second > b.second; });
                QStringList at;
                for (const auto &[answeredNs, waitedNs] : longest.mid(0, 6)) {
                    at.append(QStringLiteral("%1 ms at %2 s")
                                  .arg(double(waitedNs) / 1.0e6, 0, 'f', 0)
                                  .arg(double(answeredNs - startNs) / 1.0e9, 0, 'f', 2));
                }
                if (!at.isEmpty())
                    out << QStringLiteral("%1   longest waits: %2\n")
                               .arg(QString(), 34)
                               .arg(at.join(QStringLiteral(", ")));
                // The door's first request after the run's start, and its end after its last
                // answer: the run's start and a door's end (plan, save, cards, faces) are ours.
                if (!doorTaken.at(i).isEmpty() && doorLastAnsweredNs.at(i) >= startNs)
                    out << QStringLiteral("%1   first request %2 ms after the start; done %3 ms "
                                          "after its last answer\n")
                               .arg(QString(), 34)
                               .arg(double(doorTaken.at(i).first() - startNs) / 1.0e6, 0, 'f', 1)
                               .arg(double(outcome->endMs) -
                                        double(doorLastAnsweredNs.at(i) - startNs) / 1.0e6,
                                    0, 'f', 1);
            }
            if (doors > 1) {
                // Doors in step answer at the same moment and each waits for the others' turn
                // on the engine's thread; independent doors would start about 2 x 1 ms / 20 ms
                // x (doors - 1) of their requests within a millisecond of another door's.
                QStringList inStep;
                for (int i = 0; i < doors; ++i) {
                    QList<qint64> others;
                    for (int j = 0; j < doors; ++j) {
                        if (j != i)
                            others += doorTaken.at(j);
                    }
                    std::sort(others.begin(), others.end());
                    int near = 0;
                    for (qint64 taken : doorTaken.at(i)) {
                        const auto after =
                            std::lower_bound(others.cbegin(), others.cend(), taken - 1000000);
                        near += after != others.cend() && *after <= taken + 1000000 ? 1 : 0;
                    }
                    inStep.append(QStringLiteral("%1 %2 %").arg(doorId(i)).arg(
                        doorTaken.at(i).isEmpty() ? 0.0
                                                  : 100.0 * near / double(doorTaken.at(i).size()),
                        0, 'f', 0));
                }
                out << QStringLiteral("%1 requests taken within 1 ms of another door's: %2\n")
                           .arg(QString(), 34)
                           .arg(inStep.join(QStringLiteral(", ")));
            }
            out.flush();
            results.append(
                QJsonObject{{QStringLiteral("members"), members},
                            {QStringLiteral("doors"), doors},
                            {QStringLiteral("scenario"), scenario.name},
                            {QStringLiteral("status"), runStatusToString(report.run.status)},
                            {QStringLiteral("requests"), requests},
                            {QStringLiteral("nonceRenewals"), totalStale},
                            {QStringLiteral("requestsByEndpoint"),
                             report.toJson().value(QStringLiteral("requestsByEndpoint"))},
                            {QStringLiteral("floor"), floor},
                            {QStringLiteral("writes"), report.run.created + report.run.updated +
                                                           report.run.revoked + report.run.deleted},
                            {QStringLiteral("wallMs"), wallMs},
                            {QStringLiteral("busiestDoor"), doorId(busiest)},
                            {QStringLiteral("busiestRequests"), doorRequests.at(busiest)},
                            {QStringLiteral("busiestTimesLatencyMs"), busiestMs},
                            {QStringLiteral("exportServerMs"), exportMs},
                            {QStringLiteral("boundMs"), boundMs},
                            {QStringLiteral("busiestServerMs"), doorServerMs.at(busiest)},
                            {QStringLiteral("wallOverBound"), wallOverBound},
                            {QStringLiteral("cpuMs"), cpuMs},
                            {QStringLiteral("fetchMs"), report.fetchMs},
                            {QStringLiteral("planMs"), report.planMs},
                            {QStringLiteral("databaseMs"), report.databaseMs},
                            {QStringLiteral("applyMs"), report.applyMs},
                            {QStringLiteral("peakRssMb"), rss},
                            {QStringLiteral("serversAnsweringMs"), serversMs},
                            {QStringLiteral("busiestIdleMsPerRequest"), idleMsPerRequest},
                            {QStringLiteral("devices"), doorsJson}});
        }

        // One quiet quick sync is a few tens of milliseconds on a shared machine: its CPU time
        // is given as the median of several. The clock moves 600 s before each, as between the
        // scenarios, so every other one finds a door last heard from 15 minutes ago or more and
        // sends it the liveness request: those are counted, and checked to be that and nothing
        // else; the others must send no request to any door.
        if (quietRepeats > 0) {
            QList<double> cpu;
            QList<double> cpuSilent;
            QList<qint64> plan;
            QList<qint64> database;
            int withLiveness = 0;
            for (int i = 0; i < quietRepeats; ++i) {
                clock.advanceSeconds(600);
                QList<bool> due(doors);
                QList<int> staleBefore(doors);
                bool anyDue = false;
                for (int d = 0; d < doors; ++d) {
                    due[d] = doorStates.at(d).livenessDue(clock.now());
                    anyDue = anyDue || due.at(d);
                    sims.runDoor(d, [&] { staleBefore[d] = sims.door(d).staleChallenges(); });
                }
                SyncEngine::RunOptions options;
                options.kind = RunKind::QuickSync;
                options.fullMemberExport = false; // as the scheduler's quick syncs
                QSignalSpy finished(&engine, &SyncEngine::runFinished);
                const double cpuBefore = threadCpuMs();
                engine.start(options);
                if (!finished.wait(3600 * 1000))
                    qFatal("the run did not finish");
                const double runCpu = threadCpuMs() - cpuBefore;
                cpu.append(runCpu);
                const RunReport report = finished.first().first().value<RunReport>();
                QList<int> renewals(doors);
                for (int d = 0; d < doors; ++d)
                    sims.runDoor(d, [&] {
                        renewals[d] = sims.door(d).staleChallenges() - staleBefore.at(d);
                    });
                checkQuiet(report, due, renewals, QStringLiteral("quiet quick sync"));
                if (!anyDue && report.deviceRequests() != 0)
                    qFatal("a quiet quick sync sent %d requests to the doors",
                           report.deviceRequests());
                if (anyDue)
                    ++withLiveness;
                else
                    cpuSilent.append(runCpu);
                noteHeard(report);
                plan.append(report.planMs);
                database.append(report.databaseMs);
            }
            std::sort(cpu.begin(), cpu.end());
            std::sort(cpuSilent.begin(), cpuSilent.end());
            std::sort(plan.begin(), plan.end());
            std::sort(database.begin(), database.end());
            const auto middle = quietRepeats / 2;
            const double silentMedian =
                cpuSilent.isEmpty() ? 0.0 : cpuSilent.at(cpuSilent.size() / 2);
            out << QStringLiteral("%1 quiet quick sync x %2: cpu median %3 ms (min %4, max %5); "
                                  "plan median %6 ms, database median %7 ms\n"
                                  "%8 %9 of them sent 0 requests to any door (cpu median %10 "
                                  "ms); %11 sent each door last heard from 15 min ago or more "
                                  "the liveness GET deviceInfo, and nothing else\n")
                       .arg(members, 7)
                       .arg(quietRepeats)
                       .arg(cpu.at(middle), 0, 'f', 0)
                       .arg(cpu.constFirst(), 0, 'f', 0)
                       .arg(cpu.constLast(), 0, 'f', 0)
                       .arg(plan.at(middle))
                       .arg(database.at(middle))
                       .arg(QString(), 7)
                       .arg(cpuSilent.size())
                       .arg(silentMedian, 0, 'f', 0)
                       .arg(withLiveness);
            out.flush();
            results.append(
                QJsonObject{{QStringLiteral("members"), members},
                            {QStringLiteral("doors"), doors},
                            {QStringLiteral("scenario"), QStringLiteral("quiet repeats")},
                            {QStringLiteral("runs"), quietRepeats},
                            {QStringLiteral("runsWithoutDoorRequests"), int(cpuSilent.size())},
                            {QStringLiteral("runsWithLivenessRequest"), withLiveness},
                            {QStringLiteral("cpuMedianMs"), cpu.at(middle)},
                            {QStringLiteral("cpuMedianWithoutDoorRequestsMs"), silentMedian},
                            {QStringLiteral("cpuMinMs"), cpu.constFirst()},
                            {QStringLiteral("cpuMaxMs"), cpu.constLast()},
                            {QStringLiteral("planMedianMs"), plan.at(middle)},
                            {QStringLiteral("databaseMedianMs"), database.at(middle)}});
        }

        // The real window with this club, on its own service and database connection as in the
        // app: from opening to the plan painted, then one keystroke in the search field until
        // the table is painted again.
        {
            const double rssBefore = peakRssMb();
            SyncService service(clock);
            if (const auto error = service.open(databasePath, settings, credentials))
                qFatal("%s", qPrintable(error->message));
            QElapsedTimer timer;
            timer.start();
            gui::MainWindow window(service, settings, clock);
            QSignalSpy shown(&window, &gui::MainWindow::planShown);
            window.resize(1280, 800);
            window.show();
            if (shown.isEmpty() && !shown.wait(600 * 1000))
                qFatal("the window did not show the plan");
            window.grab();
            const qint64 loadMs = timer.elapsed();
            auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
            if (!search)
                qFatal("no search field");
            search->setText(QStringLiteral("an"));
            window.grab();
            timer.restart();
            search->setText(QStringLiteral("and"));
            window.grab();
            const qint64 keystrokeMs = timer.elapsed();
            const int rows = window.pairModel().rowCount();
            const double rss = peakRssMb();
            out << QStringLiteral("%1 window: %2 rows shown in %3 ms; a search keystroke took %4 "
                                  "ms, painting included; peak RSS %5 MB (was %6)\n")
                       .arg(members, 7)
                       .arg(rows)
                       .arg(loadMs)
                       .arg(keystrokeMs)
                       .arg(rss, 0, 'f', 1)
                       .arg(rssBefore, 0, 'f', 1);
            out.flush();
            results.append(QJsonObject{{QStringLiteral("members"), members},
                                       {QStringLiteral("scenario"), QStringLiteral("window")},
                                       {QStringLiteral("rows"), rows},
                                       {QStringLiteral("loadMs"), loadMs},
                                       {QStringLiteral("keystrokeMs"), keystrokeMs},
                                       {QStringLiteral("peakRssMb"), rss}});
        }

        if (eventCount > 0 && &countText == &memberCounts.constLast())
            results.append(measureEvents(out, engine, sims, clock, eventCount, latency));
    }

    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(parser.value(jsonOption)));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("latencyMs"), latency},
                                             {QStringLiteral("doors"), doors},
                                             {QStringLiteral("results"), results}})
                       .toJson());
    }
    return 0;
}
