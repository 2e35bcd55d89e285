// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "PairFilterModel.h"

#include "PairModel.h"
#include "Planner.h"

namespace cis::gui {

PairFilterModel::PairFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(PairModel::SortRole);
}

void PairFilterModel::setSearchText(const QString &text)
{
    const QString normalised = normaliseName(text);
    const QString raw = text.trimmed().toCaseFolded();
    QString digits;
    bool onlyDigitsAndSeparators = !raw.isEmpty();
    for (const QChar c : raw) {
        if (c.isDigit())
            digits.append(c);
        else if (!c.isSpace() && c != QLatin1Char('-') && c != QLatin1Char('.') &&
                 c != QLatin1Char('/'))
            onlyDigitsAndSeparators = false;
    }
    if (!onlyDigitsAndSeparators)
        digits.clear();
    if (normalised == m_search && raw == m_searchRaw && digits == m_searchDigits)
        return;
    m_search = normalised;
    m_searchRaw = raw;
    m_searchDigits = digits;
    m_kept.clear();
    invalidateFilter();
}

void PairFilterModel::setStatusGroups(const QSet<int> &groups)
{
    if (groups == m_groups)
        return;
    m_groups = groups;
    m_kept.clear();
    invalidateFilter();
}

void PairFilterModel::keepShown(const QString &rowKey)
{
    if (!rowKey.isEmpty())
        m_kept.insert(rowKey);
}

bool PairFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kept.isEmpty() && m_kept.contains(index.data(PairModel::RowKeyRole).toString()))
        return true;
    if (!m_groups.isEmpty() && !m_groups.contains(index.data(PairModel::StatusGroupRole).toInt()) &&
        !(m_groups.contains(PairModel::OverridesFilter) &&
          index.data(PairModel::HasOverrideRole).toBool()) &&
        !(m_groups.contains(PairModel::NoCredentialFilter) &&
          index.data(PairModel::NoCredentialRole).toBool()))
        return false;
    if (m_search.isEmpty() && m_searchRaw.isEmpty())
        return true;
    const QString text = index.data(PairModel::SearchTextRole).toString();
    if (!m_search.isEmpty() && text.contains(m_search))
        return true;
    if (!m_searchRaw.isEmpty() && text.contains(m_searchRaw))
        return true;
    return !m_searchDigits.isEmpty() && text.contains(m_searchDigits);
}

bool PairFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    if (column == PairModel::MemberNumber || column == PairModel::EmployeeNo) {
        const qint64 a = left.data(PairModel::SortRole).toLongLong();
        const qint64 b = right.data(PairModel::SortRole).toLongLong();
        if (a >= 0 && b >= 0 && a != b)
            return a < b;
        if ((a >= 0) != (b >= 0))
            return a >= 0; // numbers before text and empty cells
    }
    const QString a = left.data(Qt::DisplayRole).toString();
    const QString b = right.data(Qt::DisplayRole).toString();
    const int order = QString::compare(a, b, Qt::CaseInsensitive);
    if (order != 0)
        return order < 0;
    return left.row() < right.row();
}

} // namespace cis::gui
