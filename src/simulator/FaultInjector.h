// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "HttpServer.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <array>
#include <optional>

namespace cis::sim {

enum class FaultKind
{
    None,
    Http500, // an HTML error page, as IIS or a crashed handler gives
    Http503, // with Retry-After
    Http429, // with Retry-After
    Timeout, // the request is never answered
    // The connection closes without an answer. QNetworkAccessManager quietly resends a request
    // that got no byte of answer (once, as long as its previous request on that channel
    // succeeded), so a client test that must see the failure queues two drops and calls
    // reset() afterwards in case the resend did not come.
    DropConnection,
    TruncatedBody, // the body stops half way, although Content-Length promised all of it
    MalformedBody, // status 200 with a body that does not parse
    Slow,          // the normal answer, late
    // A refusal the simulator words itself (the door terminal's statusCode 2 "deviceBusy"); the
    // caller hands it to deliver(). Not among the default kinds, so the Cardskipper simulator
    // never draws it.
    DeviceBusy,
};

QString faultKindName(FaultKind kind);
std::optional<FaultKind> faultKindFromName(const QString &name);

// Decides, call by call, whether a simulator misbehaves and how. Shared by the Cardskipper and
// the door-terminal simulators so that both fail in the same repeatable ways: the same seed and
// the same sequence of calls give the same faults.
class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed = 1);

    // Restarts the random sequence.
    void setSeed(quint32 seed);

    // Added to every answer, faulty or not.
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    int latencyMs() const { return m_latencyMs; }
    void setSlowDelayMs(int ms) { m_slowDelayMs = ms; }
    int slowDelayMs() const { return m_slowDelayMs; }
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }
    int retryAfterSeconds() const { return m_retryAfterSeconds; }

    // The share of calls (0..1) that fail with a kind drawn evenly from the enabled ones.
    void setFaultRate(double rate);
    double faultRate() const { return m_rate; }
    void setEnabledKinds(const QList<FaultKind> &kinds);
    QList<FaultKind> enabledKinds() const { return m_enabled; }

    // The next count calls fail with kind, before any random draw. Calls queue up in order.
    void failNext(int count, FaultKind kind);
    int queuedFaultCount() const { return int(m_queue.size()); }

    // Back to a well-behaved peer: no latency, no faults, counters cleared, seed kept.
    void reset();

    // One decision per call; FaultKind::None means answer normally.
    FaultKind nextFault();
    // Kinds that answer instead of the handler, so a failed call changes no simulator state.
    static bool replacesAnswer(FaultKind kind);
    // Sends response, or what the fault makes of it, and adds the latency.
    void deliver(FaultKind kind, HttpResponse response, HttpResponder &responder) const;

    int injectedCount() const;
    int injectedCount(FaultKind kind) const { return m_counts[std::size_t(kind)]; }

private:
    QRandomGenerator m_random;
    quint32 m_seed;
    int m_latencyMs = 0;
    int m_slowDelayMs = 3000;
    int m_retryAfterSeconds = 5;
    double m_rate = 0.0;
    QList<FaultKind> m_enabled;
    QList<FaultKind> m_queue;
    std::array<int, 10> m_counts{};
};

} // namespace cis::sim
