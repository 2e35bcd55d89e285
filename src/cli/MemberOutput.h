// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Member.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace cis {

// How the CLI shows a member list: an aligned text table for people, JSON for scripts.
namespace MemberOutput {

QString table(const QList<Member> &members, qint64 organisationId, QDate today);
QByteArray json(const QList<Member> &members, qint64 organisationId, QDate today);
QString stateName(int membershipState);

} // namespace MemberOutput
} // namespace cis
