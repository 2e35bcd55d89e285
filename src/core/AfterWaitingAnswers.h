// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QObject>
#include <QTimer>
#include <utility>

namespace cis {

// Runs work a millisecond from now, on context's thread, so that the answers of other doors
// already waiting in their sockets get their next requests out first. A queued call is not
// enough: Qt runs posted calls before it looks at the sockets again, and doors whose answers
// came together then wait for each other's bookkeeping and fall into step (issue 16). Only for
// work nothing on the wire waits for: a page's entries and save, a write's record.
template<typename Work> void afterWaitingAnswers(const QObject *context, Work &&work)
{
    QTimer::singleShot(1, Qt::PreciseTimer, context, std::forward<Work>(work));
}

} // namespace cis
