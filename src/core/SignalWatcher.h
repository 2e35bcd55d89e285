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
// that were there before. On Windows the console's events stand for the signals: Ctrl+C and
// Ctrl+Break for SIGINT, closing the console window and a shutdown for SIGTERM (the handler
// then gives the program 4.5 s to end by itself; a logoff, which only services see, is
// ignored), and WM_CLOSE posted to the main thread (QProcess::terminate(), a service
// wrapper's polite stop) for SIGTERM. Windows programs without a console get only the last;
// Qt's session handling ends them at logoff.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    // False when the socket pair could not be made (no file descriptors left) or the console
    // handler not installed, and on other systems: then the signals keep whatever handling
    // they had.
    bool isWatching() const;

#ifdef Q_OS_WIN
    // What the console's handler thread calls for an event (CTRL_C_EVENT …); true when the
    // event was taken. Public so that a test can call it from a thread of its own, as the
    // console does, where there is no console to send events through.
    static bool handleConsoleEvent(unsigned long type);
#endif

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    struct PreviousHandlers;
    std::unique_ptr<PreviousHandlers> m_previous;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cis
