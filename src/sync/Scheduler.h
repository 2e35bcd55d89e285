// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SyncEngine.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace cis {

class Clock;

// Drives the engine in the background: a full reconcile at start and every night, quick syncs
// every interval in between, never two runs at once, and a growing pause after consecutive
// failures (up to an hour) so that a broken network or a wrong password is not hammered.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    Scheduler(SyncEngine &engine, const Clock &clock, QObject *parent = nullptr);

    void start();
    void stop();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    bool isActive() const { return m_active; }

    // When the next run is due (invalid when stopped or paused).
    QDateTime nextRunAt() const { return m_nextRunAt; }
    int consecutiveFailures() const { return m_failures; }

    // Starts a run now unless one is going on; the timer then restarts from its end.
    bool runNow(RunKind kind);

    // Called by the timer; public so tests can drive time with a ManualClock.
    void tick();

signals:
    void nextRunChanged(const QDateTime &at);

private:
    void onRunFinished(const RunReport &report);
    void scheduleNext();
    QDateTime nextNightly(const QDateTime &after) const;

    SyncEngine &m_engine;
    const Clock &m_clock;
    QTimer m_timer;
    bool m_active = false;
    bool m_paused = false;
    bool m_fullDue = true;
    int m_failures = 0;
    QDateTime m_nextRunAt;
    QDateTime m_nextNightlyAt;
};

} // namespace cis
