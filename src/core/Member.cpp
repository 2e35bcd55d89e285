// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Member.h"

namespace cis {

QString Member::displayName() const
{
    const QString joined =
        QString(firstName.trimmed() + QLatin1Char(' ') + lastName.trimmed()).trimmed();
    return joined.isEmpty() ? QStringLiteral("#%1").arg(key.organisationMemberId) : joined;
}

QList<RolePeriod> Member::rolesIn(qint64 organisationId) const
{
    QList<RolePeriod> result;
    for (const RolePeriod &role : roles) {
        if (role.organisationId == organisationId)
            result.append(role);
    }
    return result;
}

} // namespace cis
