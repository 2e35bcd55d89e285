// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SyncTypes.h"

#include <QDate>
#include <QDialog>
#include <memory>
#include <optional>

class QPushButton;

namespace Ui {
class OverrideDialog;
}

namespace cis::gui {

// "Allow until…" and "Block" for one member: the administrator's word over Cardskipper's. One
// of three choices (no override, allow until a day, block), beside what Cardskipper says now.
// Save leaves the writing to the next sync; Apply now asks the caller to write this member at
// once (a lost card cannot wait five minutes).
class OverrideDialog : public QDialog
{
    Q_OBJECT

public:
    // membershipEnd: the last day of the member's current membership in Cardskipper, or nullopt
    // when there is none.
    OverrideDialog(const QString &memberName, const MemberOverride &current,
                   std::optional<QDate> membershipEnd, QDate today, QWidget *parent = nullptr);
    // As above, without showing the membership.
    OverrideDialog(const QString &memberName, const MemberOverride &current, QDate today,
                   QWidget *parent = nullptr);
    ~OverrideDialog() override;

    // The override as chosen (empty for "No override"); changedAt/By left to the caller.
    MemberOverride result() const;
    // Accepted with Apply now: the caller writes this member to the doors at once.
    bool applyNow() const { return m_applyNow; }

private:
    void setUp(const QString &memberName, QDate today);
    void updateEnabled();

    std::unique_ptr<Ui::OverrideDialog> m_ui;
    MemberOverride m_current;
    QPushButton *m_applyNowButton = nullptr;
    bool m_applyNow = false;
};

} // namespace cis::gui
