// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "HikvisionClient.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cis {

// How the CLI shows a door terminal: what it is and who is on it, as text for people or JSON
// for scripts.
namespace PersonOutput {

QString deviceTable(const HikvisionClient::Probe &probe, const std::optional<PersonCount> &count);
QByteArray deviceJson(const HikvisionClient::Probe &probe, const std::optional<PersonCount> &count);

QString personTable(const QList<Person> &persons);
QByteArray personJson(const QList<Person> &persons);

QString countText(const PersonCount &count);
QByteArray countJson(const PersonCount &count);

// "2026-01-01 00:00:00", or empty for an invalid time.
QString validityTime(const QDateTime &time);

} // namespace PersonOutput
} // namespace cis
