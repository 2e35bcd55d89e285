// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace cis {

// The CSV files the desk opens in Excel: RFC 4180 (comma separated, CRLF, quotes doubled),
// UTF-8 with a byte order mark, and a field that a spreadsheet would run as a formula ("=",
// "+", "-", "@" first: a name typed in Cardskipper as "=HYPERLINK(…)") kept as text.
QByteArray csvDocument(const QList<QStringList> &rows);

} // namespace cis
