// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QObject>

class QSocketNotifier;

namespace cis {

// Turns SIGINT and SIGTERM into a Qt signal, through a self-pipe, so that long-running commands
// (simulate, later run) stop cleanly from Ctrl+C or a service manager.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cis
