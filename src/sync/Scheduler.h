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

    // The doors' event logs are read every this many seconds while started (0: never):
    // 60 by default, for the tray and the headless run; the window asks for 10 while shown.
    // Pausing the sync does not pause them: reading writes nothing to a door.
    void setEventPollSeconds(int seconds);
    int eventPollSeconds() const { return m_eventPollSeconds; }
    // Reads the doors' events now unless a read is going on; false if one is.
    bool pollEvents();
    // Reads them now and then every eventPollSeconds(); start() does this too, stop() ends it.
    // The demo reads events before its first sync starts the rest.
    void startEventPolling();

signals:
    void nextRunChanged(const QDateTime &at);
    void eventsPolled(const QList<cis::EventReader::Poll> &polls);

private:
    void onRunFinished(const RunReport &report);
    void scheduleNext();
    QDateTime nextNightly(const QDateTime &after) const;

    SyncEngine &m_engine;
    const Clock &m_clock;
    QTimer m_timer;
    QTimer m_eventTimer;
    int m_eventPollSeconds = 60;
    bool m_eventPollInFlight = false;
    bool m_eventPolling = false;
    bool m_active = false;
    bool m_paused = false;
    bool m_fullDue = true;
    int m_failures = 0;
    QDateTime m_nextRunAt;
    QDateTime m_nextNightlyAt;
};

} // namespace cis
