// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QStyledItemDelegate>
#include <algorithm>

namespace cis::gui {

// Rows a third of a line taller than the font: the ring of Å and the dots of Ä/Ö are drawn
// above the font's ascent by some fonts, and a row sized to the font alone clips them.
class RoomyRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static int rowHeight(const QFontMetrics &metrics)
    {
        return metrics.height() + metrics.height() / 3;
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), rowHeight(option.fontMetrics)));
        return size;
    }
};

} // namespace cis::gui
