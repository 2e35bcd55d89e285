// SPDX-License-Identifier: GPL-3.0-or-later
#include "WalCheckpointer.h"

#include "CoreLogging.h"

#include <QMetaObject>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>
#include <atomic>

namespace cis {

struct WalCheckpointer::Shared
{
    std::atomic<bool> running{false};
    std::atomic<int> runs{0};
    std::atomic<int> failures{0};
    std::atomic<qint64> walFrames{0};
    std::atomic<qint64> checkpointedFrames{0};
};

WalCheckpointer::WalCheckpointer(const QString &databasePath, const QString &connectionName,
                                 int intervalMs)
    : m_shared(std::make_shared<Shared>())
    , m_connectionName(connectionName)
    , m_intervalMs(intervalMs)
    , m_thread(std::make_unique<QThread>())
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("store-checkpoint"));
    m_context->moveToThread(m_thread.get());
    m_thread->start();
    // A connection is used on the thread that opened it, and only there.
    QMetaObject::invokeMethod(
        m_context,
        [databasePath, connectionName, shared = m_shared] {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
            db.setDatabaseName(databasePath);
            if (!db.open()) {
                ++shared->failures;
                qCWarning(lcCore).noquote()
                    << "Store: the background checkpoint could not open the database:"
                    << db.lastError().text();
            }
        },
        Qt::QueuedConnection);
}

WalCheckpointer::~WalCheckpointer()
{
    QMetaObject::invokeMethod(
        m_context,
        [name = m_connectionName] {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(name);
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context;
}

void WalCheckpointer::noteWrite()
{
    if (m_shared->running.load(std::memory_order_acquire))
        return;
    if (m_lastAsked.isValid() && m_lastAsked.elapsed() < m_intervalMs)
        return;
    m_lastAsked.start();
    m_shared->running.store(true, std::memory_order_release);
    QMetaObject::invokeMethod(
        m_context,
        [name = m_connectionName, shared = m_shared] {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen()) {
                QSqlQuery query(db);
                // PASSIVE: copies what is committed, waits for no reader or writer.
                if (query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && query.next()) {
                    shared->walFrames = query.value(1).toLongLong();
                    shared->checkpointedFrames = query.value(2).toLongLong();
                    ++shared->runs;
                } else {
                    ++shared->failures;
                    qCDebug(lcCore).noquote()
                        << "Store: background checkpoint failed:" << query.lastError().text();
                }
            }
            shared->running.store(false, std::memory_order_release);
        },
        Qt::QueuedConnection);
}

WalCheckpointer::Stats WalCheckpointer::stats() const
{
    return {m_shared->runs.load(), m_shared->failures.load(), m_shared->walFrames.load(),
            m_shared->checkpointedFrames.load()};
}

} // namespace cis
