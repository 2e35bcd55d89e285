// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// Filters the PairModel by free text (names without diacritics, email, member number, employee
// number) and by status group, and sorts case-insensitively with numbers compared as numbers.

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

namespace cis::gui {

class PairFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PairFilterModel(QObject *parent = nullptr);

    QString searchText() const { return m_search; }
    QSet<int> statusGroups() const { return m_groups; }

public slots:
    void setSearchText(const QString &text);
    // PairModel::StatusGroup values (and PairModel::OverridesFilter); empty shows every group.
    void setStatusGroups(const QSet<int> &groups);
    // Keeps a row (PairModel::RowKeyRole) shown although it no longer matches, until the
    // filter or search changes: a row must not vanish under the desk's own click.
    void keepShown(const QString &rowKey);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search;       // normalised
    QString m_searchRaw;    // trimmed, case folded
    QString m_searchDigits; // only the digits, when the text is digits and separators
    QSet<int> m_groups;
    QSet<QString> m_kept;
};

} // namespace cis::gui
