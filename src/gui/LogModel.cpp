// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "LogModel.h"

#include <QColor>
#include <QHeaderView>
#include <QTableView>
#include <algorithm>

namespace cis::gui {

namespace {

const QString kFullTime = QStringLiteral("yyyy-MM-dd HH:mm:ss");

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

void LogModel::fitColumns(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    // Content sizing measures rows on every change; the visible rows and a margin around them
    // are what the reader sees, and keep a 10,000-line log cheap while a big sync logs.
    header->setResizeContentsPrecision(100);
    for (const int column : {Time, Level, Device, Member})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Message, QHeaderView::Stretch);
}

QString LogModel::foldKey(int levelValue, const QString &device, const QString &member,
                          const QString &text)
{
    const QChar separator(0x1f); // the unit separator: never typed in a name or message
    return QString::number(levelValue) + separator + device + separator + member + separator + text;
}

QString LogModel::foldKey(const Line &line)
{
    return foldKey(line.levelValue, line.device, line.member, line.text);
}

int LogModel::rowOfSerial(qint64 serial) const
{
    const auto found =
        std::lower_bound(m_lines.cbegin(), m_lines.cend(), serial,
                         [](const Line &line, qint64 value) { return line.serial < value; });
    return found != m_lines.cend() && found->serial == serial ? int(found - m_lines.cbegin()) : -1;
}

QString LogModel::messageText(const Line &line) const
{
    if (line.count <= 1)
        return line.text;
    // Both at once: a message may itself contain "%1".
    return tr("%1 (×%2)").arg(line.text, QString::number(line.count));
}

void LogModel::append(const QDateTime &time, const QString &level, const QString &device,
                      const QString &member, const QString &text)
{
    const int value = levelValue(level);
    const QString key = foldKey(value, device, member, text);
    const auto found = m_serialByKey.constFind(key);
    const int existing = found == m_serialByKey.constEnd() ? -1 : rowOfSerial(found.value());
    if (existing >= 0) {
        // The line moves to the end so the log stays in time order and the view, which follows
        // the newest line, shows that it happened again.
        const int last = int(m_lines.size()) - 1;
        if (existing != last) {
            beginMoveRows(QModelIndex(), existing, existing, QModelIndex(), last + 1);
            m_lines.move(existing, last);
            endMoveRows();
        }
        Line &line = m_lines.last();
        line.time = time;
        line.level = level;
        ++line.count;
        line.serial = m_nextSerial++;
        m_serialByKey.insert(key, line.serial);
        emit dataChanged(index(last, 0), index(last, ColumnCount - 1));
        return;
    }
    if (m_lines.size() >= m_maximumLines)
        dropOldest(int(m_lines.size()) - m_maximumLines + 1);
    const int row = int(m_lines.size());
    beginInsertRows(QModelIndex(), row, row);
    Line line{time, level, value, device, member, text, time, 1, m_nextSerial++};
    m_serialByKey.insert(key, line.serial);
    m_lines.append(std::move(line));
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    m_serialByKey.clear();
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
    // A dropped line no longer folds what repeats it: the repeat starts a new line.
    for (int row = 0; row < count; ++row)
        m_serialByKey.remove(foldKey(m_lines.at(row)));
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
        out += line.time.toString(kFullTime) + QLatin1Char('\t') + oneLine(line.level) +
               QLatin1Char('\t') + oneLine(line.device) + QLatin1Char('\t') + oneLine(line.member) +
               QLatin1Char('\t') + oneLine(messageText(line)) + QLatin1Char('\n');
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
            return messageText(line);
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        if (index.column() == Time) {
            if (line.count <= 1)
                return line.time.toString(kFullTime);
            return tr("%1 – %2").arg(line.firstTime.toString(kFullTime),
                                     line.time.toString(kFullTime));
        }
        if (index.column() == Message) {
            if (line.count <= 1)
                return line.text;
            return QString(line.text + QLatin1Char('\n') +
                           // Only shown from two on, so the plural needs no numerus form.
                           tr("%1 times, first at %2, last at %3")
                               .arg(QString::number(line.count), line.firstTime.toString(kFullTime),
                                    line.time.toString(kFullTime)));
        }
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
    case CountRole:
        return line.count;
    case FirstDateTimeRole:
        return line.firstTime;
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
        return tr("Door");
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
