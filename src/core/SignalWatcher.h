// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QObject>
#include <memory>

class QSocketNotifier;

namespace cis {

// Turns SIGINT and SIGTERM into a Qt signal, so that a program stops through its normal path
// (the CLI's run and simulate, the desktop app and its demo folder) on Ctrl+C, a logout or a
// service manager. A signal handler may do next to nothing safely: it writes one byte to a
// socket pair, and a QSocketNotifier reads it in the event loop.
//
// While a watcher lives the two signals are its; destroying it gives them back to the handlers
// that were there before. Only on Unix: elsewhere it watches nothing, and the console's Ctrl+C
// ends the process as it always has.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // False off Unix, or when the socket pair could not be made (no file descriptors left):
    // then the signals keep whatever handling they had.
    bool isWatching() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    struct PreviousHandlers;
    std::unique_ptr<PreviousHandlers> m_previous;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cis
