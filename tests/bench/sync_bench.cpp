// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// sync-bench: measures the sync against its physical floor (docs/performance.md).
//
//   sync-bench [--members 1000,10000] [--latency-ms 20] [--seed 7] [--json FILE]
//
// The simulators run on their own thread with a serial door latency, so that what is measured
// on the main thread is the engine (clients, parser, planner, database) and nothing else.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
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
#include <cmath>
#include <ctime>
#include <sys/resource.h>

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

// Both simulators on a thread of their own; every call to them goes through run().
class SimulatorHost
{
public:
    SimulatorHost(const Clock &clock, int members, quint32 seed, int latencyMs)
    {
        m_worker.moveToThread(&m_thread);
        m_thread.start();
        run([&] {
            m_cardskipper = new sim::CardskipperSimulator(&clock);
            m_cardskipper->loadDemoData(members, seed);
            m_cardskipper->faults().setLatencyMs(latencyMs);
            m_cardskipper->listen();
            m_door = new sim::IsapiSimulator(&clock);
            m_door->profile().setCapability({QStringLiteral("maxRecordNum")}, members + 1000);
            m_door->loadDemoPersons(3, seed); // staff, never ours
            m_door->setLatencyMs(latencyMs);
            m_door->listen();
        });
    }

    ~SimulatorHost()
    {
        run([&] {
            delete m_door;
            delete m_cardskipper;
        });
        m_thread.quit();
        m_thread.wait();
    }

    template<typename Work> void run(Work work)
    {
        QMetaObject::invokeMethod(&m_worker, work, Qt::BlockingQueuedConnection);
    }

    sim::CardskipperSimulator &cardskipper() { return *m_cardskipper; }
    sim::IsapiSimulator &door() { return *m_door; }

private:
    QThread m_thread;
    QObject m_worker;
    sim::CardskipperSimulator *m_cardskipper = nullptr;
    sim::IsapiSimulator *m_door = nullptr;
};

struct Scenario
{
    QString name;
    RunKind kind;
    bool readsDevice;
};

} // namespace

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
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"),
                                           QStringLiteral("Door and Cardskipper latency."),
                                           QStringLiteral("ms"), QStringLiteral("20"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Demo data seed."),
                                        QStringLiteral("s"), QStringLiteral("7"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Write JSON here."),
                                        QStringLiteral("file"));
    const QCommandLineOption repeatsOption(
        QStringLiteral("quiet-repeats"),
        QStringLiteral("Quiet quick syncs repeated after the scenarios, for a median CPU time "
                       "(and for profiling that case alone)."),
        QStringLiteral("n"), QStringLiteral("9"));
    parser.addOptions({membersOption, latencyOption, seedOption, jsonOption, repeatsOption});
    parser.process(app);
    const int latency = parser.value(latencyOption).toInt();
    const int quietRepeats = std::max(0, parser.value(repeatsOption).toInt());
    const auto seed = quint32(parser.value(seedOption).toUInt());

    QTextStream out(stdout);
    QJsonArray results;
    out << QStringLiteral("latency %1 ms per request, serial; seed %2\n").arg(latency).arg(seed);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
               .arg(QStringLiteral("members"), 7)
               .arg(QStringLiteral("scenario"), -26)
               .arg(QStringLiteral("req+nonce"), 8)
               .arg(QStringLiteral("floor"), 6)
               .arg(QStringLiteral("ratio"), 6)
               .arg(QStringLiteral("wall ms"), 9)
               .arg(QStringLiteral("req*lat"), 9)
               .arg(QStringLiteral("ratio"), 6)
               .arg(QStringLiteral("cpu ms  parse+fetch/plan/db ms  rss MB  server ms  own "
                                   "ms/req"));
    out.flush();

    for (const QString &countText : parser.value(membersOption).split(QLatin1Char(','))) {
        const int members = countText.toInt();
        ManualClock clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
        SimulatorHost sims(clock, members, seed, latency);
        QTemporaryDir dir;
        const QString databasePath = dir.filePath(QStringLiteral("bench.sqlite"));
        auto store = Store::open(databasePath, clock);
        if (!store)
            qFatal("%s", qPrintable(store.error().message));
        AppSettings settings;
        QUrl cardskipperUrl;
        QUrl doorUrl;
        sims.run([&] {
            cardskipperUrl = sims.cardskipper().baseUrl();
            doorUrl = sims.door().baseUrl();
        });
        settings.cardskipper.url = cardskipperUrl;
        settings.cardskipper.username = QStringLiteral("demo");
        settings.cardskipper.organisationId = sim::DemoData::kOrganisationId;
        DeviceSettings device;
        device.id = QStringLiteral("door");
        device.name = QStringLiteral("Door");
        device.url = doorUrl;
        settings.devices = {device};
        settings.sync.policy.guardEnabled = false; // the benchmark measures, it does not guard
        SyncEngine::Credentials credentials;
        credentials.cardskipperPassword = QStringLiteral("demo");
        credentials.devicePasswords.insert(device.id, sim::IsapiSimulator::defaultPassword());
        SyncEngine engine(*store.value(), clock);
        engine.setConfiguration(settings, credentials);

        const QList<Scenario> scenarios{
            {QStringLiteral("1 first sync"), RunKind::QuickSync, true},
            {QStringLiteral("2 quick, nothing changed"), RunKind::QuickSync, false},
            {QStringLiteral("3 quick, 1 % extended"), RunKind::QuickSync, false},
            {QStringLiteral("4 full, nothing changed"), RunKind::FullReconcile, true},
            {QStringLiteral("5 full, 1 % drift"), RunKind::FullReconcile, true},
        };
        for (const Scenario &scenario : scenarios) {
            int personsBefore = 0;
            if (scenario.name.startsWith(QLatin1Char('3'))) {
                sims.run([&] {
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
                sims.run([&] {
                    int changed = 0;
                    for (const auto &person : sims.door().persons()) {
                        if (changed >= members / 100)
                            break;
                        if (person.employeeNo.size() < 4)
                            continue; // staff
                        sims.door().setPersonValidity(
                            person.employeeNo, true, QDateTime(QDate(2020, 1, 1), QTime(0, 0)),
                            QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59)));
                        ++changed;
                    }
                });
            }
            int staleBefore = 0;
            qint64 answeringBeforeNs = 0;
            sims.run([&] {
                personsBefore = int(sims.door().persons().size());
                staleBefore = sims.door().staleChallenges();
                answeringBeforeNs =
                    sims.door().server().answeringNs() + sims.cardskipper().server().answeringNs();
            });
            clock.advanceSeconds(600);

            SyncEngine::RunOptions options;
            options.kind = scenario.kind;
            options.fullMemberExport = scenario.kind == RunKind::FullReconcile ||
                                       scenario.name.startsWith(QLatin1Char('1'));
            QSignalSpy finished(&engine, &SyncEngine::runFinished);
            const double cpuBefore = threadCpuMs();
            QElapsedTimer wall;
            wall.start();
            engine.start(options);
            if (!finished.wait(3600 * 1000))
                qFatal("the run did not finish");
            const qint64 wallMs = wall.elapsed();
            const double cpuMs = threadCpuMs() - cpuBefore;
            const RunReport report = finished.first().first().value<RunReport>();
            // The terminal spends a Digest nonce after 8 uses (hikvision-isapi.md, S12): each
            // renewal costs the refused request once more. Counted apart from the floor.
            int stale = 0;
            qint64 answeringNs = 0;
            sims.run([&] {
                stale = sims.door().staleChallenges() - staleBefore;
                answeringNs = sims.door().server().answeringNs() +
                              sims.cardskipper().server().answeringNs() - answeringBeforeNs;
            });

            const int writes =
                report.run.created + report.run.updated + report.run.revoked + report.run.deleted;
            const int pageSize = 30;
            const int searches =
                scenario.readsDevice ? int(std::ceil(double(personsBefore) / pageSize)) : 0;
            const int floor = 1 + searches + writes;
            const int requests = report.totalRequests();
            // What is left of the wall time once the servers' answering is taken out: the
            // client side's own share (our code, Qt's network thread, the loopback).
            const double serversMs = double(answeringNs) / 1.0e6;
            const double ownMsPerRequest =
                requests > 0 ? (double(wallMs) - serversMs) / requests : 0.0;
            const int requestsWithoutRenewals = requests - stale;
            const double lowerBoundMs = double(requests) * latency;
            const double rss = peakRssMb();
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10/%11/%12 %13 %14 %15\n")
                       .arg(members, 7)
                       .arg(scenario.name, -26)
                       .arg(QStringLiteral("%1+%2").arg(requestsWithoutRenewals).arg(stale), 8)
                       .arg(floor, 6)
                       .arg(double(requestsWithoutRenewals) / floor, 6, 'f', 2)
                       .arg(wallMs, 9)
                       .arg(lowerBoundMs, 9, 'f', 0)
                       .arg(lowerBoundMs > 0 ? double(wallMs) / lowerBoundMs : 0.0, 6, 'f', 2)
                       .arg(cpuMs, 6, 'f', 0)
                       .arg(report.fetchMs)
                       .arg(report.planMs)
                       .arg(report.databaseMs)
                       .arg(rss, 7, 'f', 1)
                       .arg(serversMs, 9, 'f', 0)
                       .arg(ownMsPerRequest, 6, 'f', 2);
            out.flush();
            results.append(
                QJsonObject{{QStringLiteral("members"), members},
                            {QStringLiteral("scenario"), scenario.name},
                            {QStringLiteral("status"), runStatusToString(report.run.status)},
                            {QStringLiteral("requests"), requests},
                            {QStringLiteral("requestsByEndpoint"),
                             report.toJson().value(QStringLiteral("requestsByEndpoint"))},
                            {QStringLiteral("floor"), floor},
                            {QStringLiteral("writes"), writes},
                            {QStringLiteral("wallMs"), wallMs},
                            {QStringLiteral("requestsTimesLatencyMs"), lowerBoundMs},
                            {QStringLiteral("cpuMs"), cpuMs},
                            {QStringLiteral("fetchMs"), report.fetchMs},
                            {QStringLiteral("planMs"), report.planMs},
                            {QStringLiteral("databaseMs"), report.databaseMs},
                            {QStringLiteral("applyMs"), report.applyMs},
                            {QStringLiteral("peakRssMb"), rss},
                            {QStringLiteral("serversAnsweringMs"), serversMs},
                            {QStringLiteral("ownMsPerRequest"), ownMsPerRequest}});
        }

        // One quiet quick sync is a few hundred milliseconds on a shared machine: its CPU time
        // is given as the median of several.
        if (quietRepeats > 0) {
            QList<double> cpu;
            QList<qint64> plan;
            QList<qint64> database;
            for (int i = 0; i < quietRepeats; ++i) {
                clock.advanceSeconds(600);
                SyncEngine::RunOptions options;
                options.kind = RunKind::QuickSync;
                options.fullMemberExport = false; // as the scheduler's quick syncs
                QSignalSpy finished(&engine, &SyncEngine::runFinished);
                const double cpuBefore = threadCpuMs();
                engine.start(options);
                if (!finished.wait(3600 * 1000))
                    qFatal("the run did not finish");
                cpu.append(threadCpuMs() - cpuBefore);
                const RunReport report = finished.first().first().value<RunReport>();
                if (report.totalRequests() != 1)
                    qFatal("a quiet quick sync sent %d requests", report.totalRequests());
                plan.append(report.planMs);
                database.append(report.databaseMs);
            }
            std::sort(cpu.begin(), cpu.end());
            std::sort(plan.begin(), plan.end());
            std::sort(database.begin(), database.end());
            const auto middle = quietRepeats / 2;
            out << QStringLiteral("%1 quiet quick sync x %2: cpu median %3 ms (min %4, max %5); "
                                  "plan median %6 ms, database median %7 ms\n")
                       .arg(members, 7)
                       .arg(quietRepeats)
                       .arg(cpu.at(middle), 0, 'f', 0)
                       .arg(cpu.constFirst(), 0, 'f', 0)
                       .arg(cpu.constLast(), 0, 'f', 0)
                       .arg(plan.at(middle))
                       .arg(database.at(middle));
            out.flush();
            results.append(
                QJsonObject{{QStringLiteral("members"), members},
                            {QStringLiteral("scenario"), QStringLiteral("quiet repeats")},
                            {QStringLiteral("runs"), quietRepeats},
                            {QStringLiteral("cpuMedianMs"), cpu.at(middle)},
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
    }

    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(parser.value(jsonOption)));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("latencyMs"), latency},
                                             {QStringLiteral("results"), results}})
                       .toJson());
    }
    return 0;
}
