// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Scheduler.h"

#include "Clock.h"

#include <algorithm>

namespace cis {

namespace {
constexpr qint64 kMaxBackoffSeconds = 3600;
}

Scheduler::Scheduler(SyncEngine &engine, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::tick);
    connect(&m_engine, &SyncEngine::runFinished, this, &Scheduler::onRunFinished);
    connect(&m_eventTimer, &QTimer::timeout, this, &Scheduler::pollEvents);
}

void Scheduler::setEventPollSeconds(int seconds)
{
    m_eventPollSeconds = std::max(0, seconds);
    if (m_eventPollSeconds == 0)
        m_eventTimer.stop();
    else if (m_eventPolling)
        m_eventTimer.start(m_eventPollSeconds * 1000);
}

void Scheduler::startEventPolling()
{
    m_eventPolling = true;
    if (m_eventPollSeconds > 0) {
        m_eventTimer.start(m_eventPollSeconds * 1000);
        QTimer::singleShot(0, this, &Scheduler::pollEvents);
    }
}

bool Scheduler::pollEvents()
{
    if (m_eventPollInFlight)
        return false;
    m_eventPollInFlight = true;
    m_engine.readEvents({}, [this](const QList<EventReader::Poll> &polls) {
        m_eventPollInFlight = false;
        emit eventsPolled(polls);
    });
    return true;
}

void Scheduler::start()
{
    m_active = true;
    m_fullDue = true;
    m_failures = 0;
    m_nextNightlyAt = nextNightly(m_clock.now());
    m_nextRunAt = m_clock.now();
    m_timer.start(0);
    if (!m_eventPolling)
        startEventPolling();
    emit nextRunChanged(m_nextRunAt);
}

void Scheduler::stop()
{
    m_active = false;
    m_timer.stop();
    m_eventTimer.stop();
    m_eventPolling = false;
    m_nextRunAt = {};
    emit nextRunChanged(m_nextRunAt);
}

void Scheduler::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused) {
        m_timer.stop();
        m_nextRunAt = {};
        emit nextRunChanged(m_nextRunAt);
    } else if (m_active) {
        // Whatever fell due while paused runs now.
        m_nextRunAt = m_clock.now();
        m_timer.start(0);
        emit nextRunChanged(m_nextRunAt);
    }
}

bool Scheduler::runNow(RunKind kind)
{
    if (m_engine.isRunning())
        return false;
    SyncEngine::RunOptions options;
    options.kind = kind;
    options.fullMemberExport = kind != RunKind::QuickSync;
    return m_engine.start(options);
}

void Scheduler::tick()
{
    if (!m_active || m_paused || m_engine.isRunning())
        return;
    const QDateTime now = m_clock.now();
    if (now < m_nextRunAt) {
        m_timer.start(int(std::clamp<qint64>(now.msecsTo(m_nextRunAt), 0, 60000)));
        return;
    }
    if (now >= m_nextNightlyAt) {
        m_fullDue = true;
        m_nextNightlyAt = nextNightly(now);
    }
    SyncEngine::RunOptions options;
    options.kind = m_fullDue ? RunKind::FullReconcile : RunKind::QuickSync;
    options.fullMemberExport = m_fullDue;
    if (m_engine.start(options))
        m_fullDue = false;
}

void Scheduler::onRunFinished(const RunReport &report)
{
    const bool failed =
        report.run.status == RunStatus::Failed || report.run.status == RunStatus::PartlyFailed;
    m_failures = failed ? m_failures + 1 : 0;
    // A failed full reconcile is due again.
    if (failed && report.run.kind == RunKind::FullReconcile)
        m_fullDue = true;
    if (m_active && !m_paused)
        scheduleNext();
}

void Scheduler::scheduleNext()
{
    const qint64 interval = std::max(1, m_engine.settings().sync.intervalSeconds);
    qint64 wait = interval;
    if (m_failures > 0)
        wait = std::min<qint64>(interval << std::min(m_failures, 10), kMaxBackoffSeconds);
    const QDateTime now = m_clock.now();
    m_nextRunAt = std::min(now.addSecs(std::max(interval, wait)), m_nextNightlyAt);
    if (m_failures > 0)
        m_nextRunAt = now.addSecs(std::max(interval, wait));
    m_timer.start(int(std::clamp<qint64>(now.msecsTo(m_nextRunAt), 0, 60000)));
    emit nextRunChanged(m_nextRunAt);
}

QDateTime Scheduler::nextNightly(const QDateTime &after) const
{
    const QTime at = m_engine.settings().sync.nightlyReconcileAt;
    QDateTime candidate(after.date(), at);
    if (candidate <= after)
        candidate = QDateTime(after.date().addDays(1), at);
    return candidate;
}

} // namespace cis
