// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "LogModel.h"

#include <QColor>
#include <algorithm>

namespace cis::gui {

namespace {

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int LogModel::levelValue(const QString &level)
{
    const QString lower = level.trimmed().toLower();
    if (lower == QLatin1String("error") || lower == QLatin1String("critical") ||
        lower == QLatin1String("fatal"))
        return 2;
    if (lower == QLatin1String("warning") || lower == QLatin1String("warn"))
        return 1;
    return 0;
}

void LogModel::append(const QDateTime &time, const QString &level, const QString &device,
                      const QString &member, const QString &text)
{
    if (m_lines.size() >= m_maximumLines)
        dropOldest(int(m_lines.size()) - m_maximumLines + 1);
    const int row = int(m_lines.size());
    beginInsertRows(QModelIndex(), row, row);
    m_lines.append(Line{time, level, levelValue(level), device, member, text});
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

void LogModel::setMaximumLines(int lines)
{
    m_maximumLines = std::max(1, lines);
    if (m_lines.size() > m_maximumLines)
        dropOldest(int(m_lines.size()) - m_maximumLines);
}

void LogModel::dropOldest(int count)
{
    count = std::min(count, int(m_lines.size()));
    if (count <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, count - 1);
    m_lines.remove(0, count);
    endRemoveRows();
}

QString LogModel::toText(const QModelIndexList &rows) const
{
    QList<int> numbers;
    numbers.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        if (index.isValid() && index.model() == this && index.row() < m_lines.size())
            numbers.append(index.row());
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    QString out;
    for (const int row : std::as_const(numbers)) {
        const Line &line = m_lines.at(row);
        out += line.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('\t') +
               oneLine(line.level) + QLatin1Char('\t') + oneLine(line.device) + QLatin1Char('\t') +
               oneLine(line.member) + QLatin1Char('\t') + oneLine(line.text) + QLatin1Char('\n');
    }
    return out;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Line &line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return line.time.toString(QStringLiteral("HH:mm:ss"));
        case Level:
            // The engine's level names are keys; people read them in their language.
            return line.levelValue == 2   ? tr("error")
                   : line.levelValue == 1 ? tr("warning")
                                          : tr("info");
        case Device:
            return line.device;
        case Member:
            return line.member;
        case Message:
            return line.text;
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return line.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (index.column() == Message)
            return line.text;
        return QVariant();
    case Qt::ForegroundRole:
        if (line.levelValue == 2)
            return QColor(0xd0, 0x2c, 0x2c);
        if (line.levelValue == 1)
            return QColor(0xb3, 0x6b, 0x00);
        return QVariant();
    case LevelRole:
        return line.levelValue;
    case DateTimeRole:
        return line.time;
    default:
        return QVariant();
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Device:
        return tr("Device");
    case Member:
        return tr("Member");
    case Message:
        return tr("Message");
    default:
        return QVariant();
    }
}

// ---- LogFilterModel --------------------------------------------------------------------------

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void LogFilterModel::setMinimumLevel(int level)
{
    level = std::clamp(level, 0, 2);
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    invalidateFilter();
}

void LogFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (first.data(LogModel::LevelRole).toInt() < m_minimumLevel)
        return false;
    if (m_search.isEmpty())
        return true;
    for (int column = LogModel::Level; column < LogModel::ColumnCount; ++column) {
        const QString text = model->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace cis::gui
