// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// Waiting for a child process while simulators on this thread serve it. QTest::qWaitFor sleeps
// 10 ms between looks at the predicate, and every request the child sends waits for those
// sleeps (it made a cross-process sync cost ~40 ms per request); a real event loop answers at
// once.

#include <QEventLoop>
#include <QProcess>
#include <QTimer>

namespace cis::test {

inline bool waitForExit(QProcess &process, int timeoutMs)
{
    if (process.state() == QProcess::NotRunning)
        return true;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return process.state() == QProcess::NotRunning;
}

} // namespace cis::test
