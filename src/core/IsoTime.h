// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// Reading the dates and times the Store writes. QDateTime::fromString(Qt::ISODate) was the
// largest single cost of loading a 10,000-person snapshot; the Store writes exactly
// "yyyy-MM-dd" and "yyyy-MM-ddTHH:mm:ss", so those shapes are read directly. Anything else
// (milliseconds, an offset, 24:00, a malformed value) goes to Qt, so the result is always
// what QDate/QDateTime::fromString(text, Qt::ISODate) returns.

#include <QDate>
#include <QDateTime>
#include <QString>

namespace cis {

QDate parseIsoDate(const QString &text);
QDateTime parseIsoDateTime(const QString &text);

// "yyyy-MM-dd HH:mm:ss", as QDateTime::toString with that format, without parsing the format.
QString formatDateTimeWithSpace(const QDateTime &dateTime);
// The same for a wall-clock date and time, without making a QDateTime of them (a local one
// costs a mktime()).
QString formatDateTimeWithSpace(QDate date, QTime time);

} // namespace cis
