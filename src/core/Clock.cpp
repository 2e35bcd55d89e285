// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Clock.h"

#include <QFileInfo>

namespace cis {

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

void Clock::pinLocalTimeZone()
{
#if defined(Q_OS_UNIX)
    const QString localtime = QStringLiteral("/etc/localtime");
    if (qEnvironmentVariableIsSet("TZ") || !QFileInfo::exists(localtime))
        return;
    // The leading colon asks for this file rather than a POSIX zone rule.
    qputenv("TZ", ":" + localtime.toLocal8Bit());
#endif
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTime();
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{}

} // namespace cis
