// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SyncService.h"

namespace cis {

SyncService::SyncService(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_thread(new QThread(this))
    , m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

SyncService::~SyncService()
{
    // Everything that was created on the worker is destroyed there: the network access
    // manager's sockets and the SQLite connection belong to that thread.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            if (m_scheduler)
                m_scheduler->stop();
            delete m_scheduler;
            delete m_engine;
            m_store.reset();
            delete m_worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

std::optional<StoreError> SyncService::open(const QString &databasePath,
                                            const AppSettings &settings,
                                            const SyncEngine::Credentials &credentials)
{
    std::optional<StoreError> error;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            auto store = Store::open(databasePath, m_clock);
            if (!store) {
                error = store.error();
                return;
            }
            m_store = std::move(store.value());
            m_engine = new SyncEngine(*m_store, m_clock, m_worker);
            m_engine->setConfiguration(settings, credentials);
            m_scheduler = new Scheduler(*m_engine, m_clock, m_worker);
        },
        Qt::BlockingQueuedConnection);
    return error;
}

} // namespace cis
