// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <memory>

class QObject;
class QThread;

namespace cis {

// Copies a WAL-mode database's committed pages into the database file on a thread and a
// connection of its own, while the writer goes on.
//
// SQLite's automatic checkpoint runs inside the commit that crosses its threshold, on the
// writer's thread, and waits for the disk (fdatasync of the WAL and of the database, 40-60 ms
// on a shared VM for a 40 MB WAL). The store's writer is the sync engine's thread, so every
// door's next request waited with it, every few seconds of a first sync (docs/performance.md).
// A passive checkpoint takes no lock a writer needs: the store's commits go on beside it, and
// the automatic checkpoint on the writer's connection is left with the little that is new.
class WalCheckpointer
{
public:
    struct Stats
    {
        int runs = 0;
        int failures = 0; // could not open, or the checkpoint failed (the next write asks again)
        // What the last one reported: the frames in the WAL, and how many of them are in the
        // database file now.
        qint64 walFrames = 0;
        qint64 checkpointedFrames = 0;
    };

    // Opens its own connection to the file on its thread. At most one checkpoint per
    // intervalMs, each asked for by a write.
    WalCheckpointer(const QString &databasePath, const QString &connectionName, int intervalMs);
    // Waits for a checkpoint in progress and closes the connection.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // After a write on the writer's connection (on the writer's thread): asks for a checkpoint
    // unless one is running or the last was asked for less than the interval ago. Cheap.
    void noteWrite();
    Stats stats() const;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    QString m_connectionName;
    int m_intervalMs;
    QElapsedTimer m_lastAsked;
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; // lives on m_thread
};

} // namespace cis
