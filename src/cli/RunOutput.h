// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "RunReport.h"

#include <QString>

namespace cis {

// How the CLI tells people what a run planned and did.
namespace RunOutput {

QString actionLabel(ActionKind kind);
QString actionLine(const PlannedAction &action);
// Per device: status, counts, every write, conflict and suggestion (all rows when verbose).
QString planText(const RunReport &report, bool verbose);
QString summaryText(const RunReport &report);
// One line for a door the moment it is done, while the others may still be working.
QString deviceFinishedLine(const DeviceOutcome &device);

} // namespace RunOutput
} // namespace cis
