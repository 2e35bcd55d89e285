// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// What the desk's commands (card, face) share: the member --member names, the doors, whether
// standard error is a console.
#pragma once

#include "Member.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QEventLoop;

namespace cis {

struct AppSettings;
class Store;
class SyncEngine;

// Whether standard error is a console (a countdown on one line) rather than a log or a pipe.
bool stderrIsTerminal();

// "Name (member number)", as the engine's messages name the member.
QString memberText(const Member &member);

// The member --member names: a member number of the configured organisation, in the member
// list the last sync stored. nullopt, with *error saying why, when there is none.
std::optional<Member> findMember(const Store &store, qint64 organisationId, const QString &text,
                                 QString *error);

// The ids of the configured door terminals, for a message naming an unknown one.
QStringList configuredIds(const AppSettings &settings);

// Why --device cannot name this door (not configured, or turned off); empty when it can.
QString namedDoorProblem(const AppSettings &settings, const QString &deviceId);

// Ctrl+C while a door waits for a card or a face: the first asks the door to stop (cancel) and
// the wait ends with the door's answer; a second ends the wait at once. Until loop returns.
void cancelOnCtrlC(QEventLoop &loop, bool *cancelled, const std::function<void()> &cancel);

// Whether a door that failed us is out of reach (exit code 3) rather than refusing the request.
bool doorOutOfReach(const SyncEngine &engine, const QString &deviceId);

} // namespace cis
