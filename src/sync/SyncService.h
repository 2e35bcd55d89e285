// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Scheduler.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <memory>
#include <optional>
#include <type_traits>

namespace cis {

class Clock;

// The store, the engine and the scheduler on a worker thread of their own, so that planning
// 10,000 members, parsing an export and every SQLite statement stay off the GUI thread. The
// SQLite connection is opened on that thread and never leaves it (Qt 6.4 cannot move one).
//
// Callers talk to the worker only through post() (fire and forget, in order) and query()
// (a result delivered back on the caller's thread). Both run their function on the worker, in
// the order they were called, so a query posted after a write sees the write. The engine and
// scheduler pointers are for connecting to their signals (queued across the threads); their
// methods must only be called from inside post() or query().
class SyncService : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        Store &store;
        SyncEngine &engine;
        Scheduler &scheduler;
    };

    explicit SyncService(const Clock &clock, QObject *parent = nullptr);
    // Stops the scheduler and any run, closes the database on its thread, ends the thread.
    ~SyncService() override;

    // Opens the database on the worker thread and creates the engine and scheduler there with
    // this configuration. Waits for the worker (only at start-up, before any window is shown).
    // Returns why the database could not be opened, or nothing.
    std::optional<StoreError> open(const QString &databasePath, const AppSettings &settings,
                                   const SyncEngine::Credentials &credentials);

    SyncEngine *engine() const { return m_engine; }
    Scheduler *scheduler() const { return m_scheduler; }
    QThread *workerThread() const { return m_thread; }

    // Runs work(parts) on the worker thread.
    template<typename Work> void post(Work work)
    {
        QMetaObject::invokeMethod(
            m_worker, [this, work = std::move(work)]() mutable { work(parts()); },
            Qt::QueuedConnection);
    }

    // Runs work(parts) on the worker thread and then done(result) on this service's thread
    // (the one that created it), unless context was destroyed in between.
    template<typename Work, typename Done> void query(QObject *context, Work work, Done done)
    {
        using Result = std::invoke_result_t<Work, Parts>;
        QPointer<QObject> guard(context);
        post([this, guard, work = std::move(work), done = std::move(done)](Parts parts) mutable {
            auto result = std::make_shared<Result>(work(parts));
            // Delivered through this service, which outlives the worker, and checked on the
            // caller's thread: a QPointer is only safe to test on its object's thread.
            QMetaObject::invokeMethod(
                this,
                [guard, result, done = std::move(done)]() mutable {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

private:
    Parts parts() const { return {*m_store, *m_engine, *m_scheduler}; }

    const Clock &m_clock;
    QThread *m_thread;
    QObject *m_worker; // lives on m_thread; the engine and scheduler are its children
    std::unique_ptr<Store> m_store;
    SyncEngine *m_engine = nullptr;
    Scheduler *m_scheduler = nullptr;
};

} // namespace cis
