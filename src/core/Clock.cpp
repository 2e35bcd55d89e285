#include "Clock.h"

namespace cis {

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTime();
}

ManualClock::ManualClock(QDateTime start)
    : m_now(std::move(start))
{}

} // namespace cis
