// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DeviceEventLog.h"

#include <QDateTime>

namespace cis::sim {

void DeviceEventLog::setCapacity(qsizetype capacity)
{
    m_capacity = qMax<qsizetype>(1, capacity);
    while (qsizetype(m_events.size()) > m_capacity)
        m_events.pop_front();
}

qint64 DeviceEventLog::append(DeviceEvent event)
{
    event.serialNo = m_nextSerial++;
    event.instantMs = QDateTime::fromString(event.time, Qt::ISODate).toMSecsSinceEpoch();
    m_events.push_back(std::move(event));
    if (qsizetype(m_events.size()) > m_capacity)
        m_events.pop_front();
    return m_events.back().serialNo;
}

void DeviceEventLog::factoryReset()
{
    m_events.clear();
    m_nextSerial = 1;
}

} // namespace cis::sim
