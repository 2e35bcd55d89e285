// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "FaultInjector.h"

#include <numeric>

namespace cis::sim {

namespace {

constexpr std::array<std::pair<FaultKind, const char *>, 10> kNames{{
    {FaultKind::None, "none"},
    {FaultKind::Http500, "http500"},
    {FaultKind::Http503, "http503"},
    {FaultKind::Http429, "http429"},
    {FaultKind::Timeout, "timeout"},
    {FaultKind::DropConnection, "drop"},
    {FaultKind::TruncatedBody, "truncated"},
    {FaultKind::MalformedBody, "malformed"},
    {FaultKind::Slow, "slow"},
    {FaultKind::DeviceBusy, "devicebusy"},
}};

HttpResponse errorPage(int status, const QByteArray &title)
{
    return HttpResponse::withBody(status,
                                  "<!DOCTYPE html>\r\n<html><head><title>" + title +
                                      "</title></head><body><h1>" + title +
                                      "</h1></body></html>\r\n",
                                  "text/html; charset=utf-8");
}

} // namespace

QString faultKindName(FaultKind kind)
{
    return QString::fromLatin1(kNames[std::size_t(kind)].second);
}

std::optional<FaultKind> faultKindFromName(const QString &name)
{
    for (const auto &[kind, text] : kNames) {
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

FaultInjector::FaultInjector(quint32 seed)
    : m_random(seed)
    , m_seed(seed)
    , m_enabled{FaultKind::Http500,        FaultKind::Http503,
                FaultKind::Http429,        FaultKind::Timeout,
                FaultKind::DropConnection, FaultKind::TruncatedBody,
                FaultKind::MalformedBody,  FaultKind::Slow}
{}

void FaultInjector::setSeed(quint32 seed)
{
    m_seed = seed;
    m_random.seed(seed);
}

void FaultInjector::setFaultRate(double rate)
{
    m_rate = std::clamp(rate, 0.0, 1.0);
}

void FaultInjector::setEnabledKinds(const QList<FaultKind> &kinds)
{
    m_enabled.clear();
    for (FaultKind kind : kinds) {
        if (kind != FaultKind::None && !m_enabled.contains(kind))
            m_enabled.append(kind);
    }
}

void FaultInjector::failNext(int count, FaultKind kind)
{
    for (int i = 0; i < count; ++i)
        m_queue.append(kind);
}

void FaultInjector::reset()
{
    m_latencyMs = 0;
    m_rate = 0.0;
    m_queue.clear();
    m_counts = {};
    m_random.seed(m_seed);
}

FaultKind FaultInjector::nextFault()
{
    FaultKind kind = FaultKind::None;
    if (!m_queue.isEmpty()) {
        kind = m_queue.takeFirst();
    } else if (m_rate > 0.0 && !m_enabled.isEmpty() && m_random.generateDouble() < m_rate) {
        kind = m_enabled[qsizetype(m_random.bounded(quint32(m_enabled.size())))];
    }
    ++m_counts[std::size_t(kind)];
    return kind;
}

bool FaultInjector::replacesAnswer(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Http500:
    case FaultKind::Http503:
    case FaultKind::Http429:
    case FaultKind::Timeout:
    case FaultKind::DropConnection:
    case FaultKind::DeviceBusy:
        return true;
    case FaultKind::None:
    case FaultKind::TruncatedBody:
    case FaultKind::MalformedBody:
    case FaultKind::Slow:
        return false;
    }
    return false;
}

void FaultInjector::deliver(FaultKind kind, HttpResponse response, HttpResponder &responder) const
{
    responder.addDelay(m_latencyMs);
    switch (kind) {
    case FaultKind::None:
        return responder.respond(std::move(response));
    case FaultKind::Http500:
        return responder.respond(errorPage(500, "500 - Internal server error."));
    case FaultKind::Http503:
    case FaultKind::Http429: {
        const bool busy = kind == FaultKind::Http503;
        HttpResponse refusal = errorPage(busy ? 503 : 429, busy ? "503 - Service Unavailable"
                                                                : "429 - Too Many Requests");
        refusal.setHeader("Retry-After", QByteArray::number(m_retryAfterSeconds));
        return responder.respond(std::move(refusal));
    }
    case FaultKind::Timeout:
        return responder.neverAnswer();
    case FaultKind::DropConnection:
        return responder.dropConnection();
    case FaultKind::TruncatedBody:
        return responder.respondTruncated(std::move(response));
    case FaultKind::MalformedBody:
        return responder.respondMalformed(std::move(response));
    case FaultKind::Slow:
        responder.addDelay(m_slowDelayMs);
        return responder.respond(std::move(response));
    case FaultKind::DeviceBusy:
        if (response.body.isEmpty())
            return responder.respond(errorPage(503, "503 - Service Unavailable"));
        return responder.respond(std::move(response));
    }
}

int FaultInjector::injectedCount() const
{
    return std::accumulate(m_counts.cbegin() + 1, m_counts.cend(), 0);
}

} // namespace cis::sim
