// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The activity log shown under the pair table: newest line last, capped so a long-running
// session keeps a bounded memory footprint, with a filter model for level and free text.
// A line that repeats one already in the log (same level, door, member and text) is folded into
// it: the sync says the same warning every five minutes, and a wall of copies hides what is new.

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QModelIndexList>
#include <QSortFilterProxyModel>
#include <QString>

class QTableView;

namespace cis::gui {

class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Level,
        Device,
        Member,
        Message,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        LevelRole = Qt::UserRole + 1, // int: 0 info, 1 warning, 2 error
        DateTimeRole,                 // QDateTime of the line (its latest occurrence)
        CountRole,                    // int: how many times the line was appended (>= 1)
        FirstDateTimeRole,            // QDateTime of its first occurrence
    };
    Q_ENUM(Role)

    static constexpr int DefaultMaximumLines = 10000;

    explicit LogModel(QObject *parent = nullptr);

    // "info" (or anything unknown) 0, "warning" 1, "error" 2.
    static int levelValue(const QString &level);

    // Time, Level, Device and Member as wide as their content, Message takes the rest. For a
    // view showing this model or a LogFilterModel on it; call once after setModel().
    static void fitColumns(QTableView *view);

    // A line equal to one still in the model (same level value, device, member and text) is not
    // added: that line moves to the end with this time and its count goes up, shown as "(×N)"
    // after the message.
    void append(const QDateTime &time, const QString &level, const QString &device,
                const QString &member, const QString &text);
    void clear();
    int maximumLines() const { return m_maximumLines; }
    void setMaximumLines(int lines); // drops the oldest lines when above the new maximum

    // One line per distinct row among the indexes (any column), in row order, tab separated:
    // "yyyy-MM-dd HH:mm:ss<TAB>level<TAB>device<TAB>member<TAB>message\n", the message with its
    // " (×N)" when folded, the time the latest occurrence.
    QString toText(const QModelIndexList &rows) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Line
    {
        QDateTime time;
        QString level;
        int levelValue = 0;
        QString device;
        QString member;
        QString text;
        QDateTime firstTime;
        int count = 1;
        qint64 serial = 0; // increases along the rows: a folded line takes a new one
    };

    static QString foldKey(int levelValue, const QString &device, const QString &member,
                           const QString &text);
    static QString foldKey(const Line &line);
    QString messageText(const Line &line) const;
    int rowOfSerial(qint64 serial) const;
    void dropOldest(int count);

    QList<Line> m_lines;
    // Each line's key and serial: a line is unique per key, so one lookup tells whether an
    // appended line folds, and the serial finds its row by binary search.
    QHash<QString, qint64> m_serialByKey;
    qint64 m_nextSerial = 1;
    int m_maximumLines = DefaultMaximumLines;
};

class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterModel(QObject *parent = nullptr);

    int minimumLevel() const { return m_minimumLevel; }
    QString searchText() const { return m_search; }

public slots:
    void setMinimumLevel(int level); // 0 info (all), 1 warning, 2 error
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumLevel = 0;
    QString m_search;
};

} // namespace cis::gui
