// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SignalWatcher.h"

#include <QSocketNotifier>

#ifdef Q_OS_WIN
#include <QAbstractNativeEventFilter>
#include <QCoreApplication>
#include <QList>
#include <csignal>
#include <mutex>
#include <qt_windows.h>
#endif

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace cis {

#ifdef Q_OS_UNIX

namespace {
// [0] is written by the handler, [1] read by the notifier. Made once and kept: a signal may
// arrive while a watcher is being destroyed, and its handler must still find an open socket.
int g_pipe[2] = {-1, -1};

void onSignal(int signalNumber)
{
    // write() may change errno under the code the signal interrupted.
    const int savedErrno = errno;
    const char byte = static_cast<char>(signalNumber);
    // Non-blocking: with the socket full, bytes are already waiting and one more says nothing.
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[0], &byte, 1);
    errno = savedErrno;
}

bool setFlags(int fd)
{
    // Close-on-exec: a program started from here (the desktop app starts its demo) has no use
    // for this socket. Non-blocking: the handler must never wait, and a notifier that finds
    // another watcher already read the byte must not either.
    return ::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
           ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) == 0;
}

bool makePipe()
{
    if (g_pipe[0] >= 0)
        return true;
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return false;
    if (!setFlags(fds[0]) || !setFlags(fds[1])) {
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    g_pipe[0] = fds[0];
    g_pipe[1] = fds[1];
    return true;
}
} // namespace

struct SignalWatcher::PreviousHandlers
{
    struct sigaction interrupt = {};
    struct sigaction terminate = {};
};

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (!makePipe())
        return;
    // A byte an earlier watcher left unread was that watcher's signal, not this one's.
    char stale = 0;
    while (::read(g_pipe[1], &stale, 1) == 1) {
    }
    m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);
    m_previous = std::make_unique<PreviousHandlers>();
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &m_previous->interrupt);
    ::sigaction(SIGTERM, &action, &m_previous->terminate);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_previous)
        return;
    ::sigaction(SIGINT, &m_previous->interrupt, nullptr);
    ::sigaction(SIGTERM, &m_previous->terminate, nullptr);
}

bool SignalWatcher::isWatching() const
{
    return m_notifier != nullptr;
}

void SignalWatcher::readSignal()
{
    char byte = 0;
    if (::read(g_pipe[1], &byte, 1) == 1)
        emit terminationRequested(byte);
}

#elif defined(Q_OS_WIN)

namespace {
// The console calls its handlers on a thread of its own. They reach the newest watcher through
// a queued call, which Qt drops should the watcher be gone by then.
std::mutex g_watchersMutex;
QList<SignalWatcher *> g_watchers;
bool g_handlerInstalled = false;
// After a close, logoff or shutdown event the process ends as soon as the handler returns
// (Windows waits about 5 s at most), so the handler gives the program's normal end that long.
constexpr DWORD kCloseGraceMs = 4500;

BOOL WINAPI onConsoleEvent(DWORD type)
{
    int signalNumber = 0;
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
        signalNumber = SIGINT;
        break;
    case CTRL_CLOSE_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        signalNumber = SIGTERM;
        break;
    case CTRL_LOGOFF_EVENT:
        // Only services receive it, when any user logs off: not a reason for them to stop.
        return TRUE;
    default:
        return FALSE;
    }
    {
        const std::lock_guard<std::mutex> lock(g_watchersMutex);
        if (g_watchers.isEmpty())
            return FALSE; // the default: the process ends
        SignalWatcher *watcher = g_watchers.constLast();
        QMetaObject::invokeMethod(
            watcher, [watcher, signalNumber] { emit watcher->terminationRequested(signalNumber); },
            Qt::QueuedConnection);
    }
    if (signalNumber == SIGTERM)
        ::Sleep(kCloseGraceMs);
    return TRUE;
}

// QProcess::terminate() and other programs' polite stops post WM_CLOSE to the main thread
// (and to its windows, which a console program has none of): the Windows form of SIGTERM.
class CloseMessageFilter : public QAbstractNativeEventFilter
{
public:
    explicit CloseMessageFilter(SignalWatcher *watcher)
        : m_watcher(watcher)
    {}

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *) override
    {
        // Qt Core's dispatcher names a thread's messages the first way, Qt GUI's the second.
        if (eventType != "windows_generic_MSG" && eventType != "windows_dispatcher_MSG")
            return false;
        const MSG *msg = static_cast<const MSG *>(message);
        if (msg->message != WM_CLOSE || msg->hwnd != nullptr)
            return false;
        SignalWatcher *watcher = m_watcher;
        QMetaObject::invokeMethod(
            watcher, [watcher] { emit watcher->terminationRequested(SIGTERM); },
            Qt::QueuedConnection);
        return true;
    }

private:
    SignalWatcher *m_watcher;
};
} // namespace

bool SignalWatcher::handleConsoleEvent(unsigned long type)
{
    return onConsoleEvent(type) != FALSE;
}

struct SignalWatcher::PreviousHandlers
{
    // Removes itself from the application when destroyed.
    std::unique_ptr<CloseMessageFilter> closeMessages;
};

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    const std::lock_guard<std::mutex> lock(g_watchersMutex);
    // Installed once and kept, as the Unix socket pair is: an event may be under way while a
    // watcher is destroyed.
    if (!g_handlerInstalled)
        g_handlerInstalled = ::SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
    // A window program may have no console to take a handler; WM_CLOSE still reaches it, so
    // the watcher does not depend on the console handler.
    QCoreApplication *application = QCoreApplication::instance();
    if (!g_handlerInstalled && !application)
        return;
    g_watchers.append(this);
    m_previous = std::make_unique<PreviousHandlers>();
    if (application) {
        m_previous->closeMessages = std::make_unique<CloseMessageFilter>(this);
        application->installNativeEventFilter(m_previous->closeMessages.get());
    }
}

SignalWatcher::~SignalWatcher()
{
    const std::lock_guard<std::mutex> lock(g_watchersMutex);
    g_watchers.removeOne(this);
}

bool SignalWatcher::isWatching() const
{
    return m_previous != nullptr;
}

void SignalWatcher::readSignal() {}

#else

struct SignalWatcher::PreviousHandlers
{};

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{}

SignalWatcher::~SignalWatcher() = default;

bool SignalWatcher::isWatching() const
{
    return false;
}

void SignalWatcher::readSignal() {}

#endif

} // namespace cis
