// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsoTime.h"

namespace cis {

namespace {

// The number in text[from, from + count), or -1 unless every character is an ASCII digit.
int digits(const QString &text, int from, int count)
{
    int value = 0;
    for (int i = from; i < from + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + int(c - u'0');
    }
    return value;
}

bool isDateShape(const QString &text)
{
    return text.size() >= 10 && text.at(4) == QLatin1Char('-') && text.at(7) == QLatin1Char('-');
}

QDate directDate(const QString &text)
{
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return {};
    return QDate(year, month, day);
}

} // namespace

QDate parseIsoDate(const QString &text)
{
    if (text.size() == 10 && isDateShape(text)) {
        const QDate date = directDate(text);
        if (date.isValid())
            return date;
    }
    return QDate::fromString(text, Qt::ISODate);
}

QDateTime parseIsoDateTime(const QString &text)
{
    if (text.size() == 19 && isDateShape(text) && text.at(10) == QLatin1Char('T') &&
        text.at(13) == QLatin1Char(':') && text.at(16) == QLatin1Char(':')) {
        const QDate date = directDate(text);
        const int hour = digits(text, 11, 2);
        const int minute = digits(text, 14, 2);
        const int second = digits(text, 17, 2);
        if (date.isValid() && hour >= 0 && minute >= 0 && second >= 0) {
            const QTime time(hour, minute, second);
            if (time.isValid())
                return QDateTime(date, time);
        }
    }
    return QDateTime::fromString(text, Qt::ISODate);
}

QString formatDateTimeWithSpace(const QDateTime &dateTime)
{
    const QDate date = dateTime.date();
    const QTime time = dateTime.time();
    if (!date.isValid() || !time.isValid() || date.year() < 0 || date.year() > 9999)
        return dateTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return formatDateTimeWithSpace(date, time);
}

QString formatDateTimeWithSpace(QDate date, QTime time)
{
    if (!date.isValid() || !time.isValid() || date.year() < 0 || date.year() > 9999)
        return QDateTime(date, time).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    // Written out directly: Qt's formatting showed in the profile of every plan, which
    // describes each of 10,000 unchanged persons' windows.
    QString text(19, Qt::Uninitialized);
    QChar *out = text.data();
    const auto put = [&out](int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            out[i] = QLatin1Char(char('0' + value % 10));
            value /= 10;
        }
        out += width;
    };
    const auto separator = [&out](char c) { *out++ = QLatin1Char(c); };
    put(date.year(), 4);
    separator('-');
    put(date.month(), 2);
    separator('-');
    put(date.day(), 2);
    separator(' ');
    put(time.hour(), 2);
    separator(':');
    put(time.minute(), 2);
    separator(':');
    put(time.second(), 2);
    return text;
}

} // namespace cis
