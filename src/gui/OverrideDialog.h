// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SyncTypes.h"

#include <QDialog>
#include <memory>

namespace Ui {
class OverrideDialog;
}

namespace cis::gui {

// "Allow until…" and "Block" for one member: the administrator's word over Cardskipper's.
class OverrideDialog : public QDialog
{
    Q_OBJECT

public:
    OverrideDialog(const QString &memberName, const MemberOverride &current, QDate today,
                   QWidget *parent = nullptr);
    ~OverrideDialog() override;

    // The override as edited (empty when both boxes are cleared); changedAt/By left to the caller.
    MemberOverride result() const;

private:
    std::unique_ptr<Ui::OverrideDialog> m_ui;
    MemberOverride m_current;
};

} // namespace cis::gui
