// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDateTime>

namespace cis {

// Every "now" in the product comes from a Clock, so tests can move time instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    QDate today() const { return now().date(); }

    // The wall clock, shared by everything that was not handed another one.
    static const Clock &system();

    // Call first thing in main(), before any thread starts. Without TZ, glibc looks at
    // /etc/localtime again (a stat) on every local-time conversion, which was a tenth of a
    // sync's CPU. With TZ pinned the zone is read once; a change of the system's zone is
    // picked up at the next start. A TZ the user set is left alone.
    static void pinLocalTimeZone();
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// A clock that only moves when told to.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start);

    QDateTime now() const override { return m_now; }
    void setNow(const QDateTime &now) { m_now = now; }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceDays(qint64 days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

} // namespace cis
