// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Member.h"
#include "Store.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace cis {

// A stored door event with what the app knows about the person: the member it is linked to,
// and for a refusal the reason in membership terms, worked out from the member list, the
// desk's overrides and the links rather than from the terminal's minor code alone.
struct ExplainedEvent
{
    QString deviceId;
    AccessEvent event;
    std::optional<Member> member;
    QString reason;
    // The member may enter by Cardskipper and the desk, but the door refused: the door and
    // Cardskipper disagree (a sync failed, or the person has no credential on the door).
    bool validButRefused = false;
};

class EventExplanation
{
    Q_DECLARE_TR_FUNCTIONS(EventExplanation)

public:
    static QList<ExplainedEvent>
    explain(const Store &store, const QList<Store::StoredEvent> &events, qint64 organisationId);
    static ExplainedEvent explain(const Store &store, const Store::StoredEvent &stored,
                                  qint64 organisationId);
};

} // namespace cis
