// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <deque>

namespace cis::sim {

// One entry of the terminal's access-control log, as the terminal keeps it.
struct DeviceEvent
{
    qint64 serialNo = 0; // given by the log
    int major = 5;
    int minor = 0;
    // Device-local time with the device's offset, as the terminal writes it
    // ("2026-12-04T17:30:08+01:00"): set from its clock when logged.
    QString time;
    QString employeeNo;
    QString name;
    QString cardNo;
    QString userType;
    QString verifyMode = QStringLiteral("cardOrFace");
    int doorNo = 1;
    int cardReaderNo = 1;
    QString pictureUrl;
    QString mask;
    // time as an instant, set by the log: searches order by it, and parsing the text of every
    // event for every page made a 100,000-event log take minutes to read.
    qint64 instantMs = 0;
};

// The terminal's event log (isapi-events-credentials.md §5.1): serial numbers count up from 1
// across every kind of event; a full log overwrites its oldest entry (ring); a factory reset
// empties it and starts the numbering again.
class DeviceEventLog
{
public:
    static constexpr qsizetype kDefaultCapacity = 100000;

    qsizetype capacity() const { return m_capacity; }
    void setCapacity(qsizetype capacity);
    // Gives the event the next serial number; returns it.
    qint64 append(DeviceEvent event);
    void factoryReset();
    // Oldest first.
    const std::deque<DeviceEvent> &events() const { return m_events; }
    qint64 lastSerialNo() const { return m_nextSerial - 1; }

private:
    qsizetype m_capacity = kDefaultCapacity;
    qint64 m_nextSerial = 1;
    std::deque<DeviceEvent> m_events;
};

} // namespace cis::sim
