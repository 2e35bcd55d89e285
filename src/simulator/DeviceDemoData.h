// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "IsapiDeviceModel.h"

#include <QDate>
#include <QList>

namespace cis::sim {

struct DevicePopulation
{
    QList<DevicePerson> persons;
    QList<DeviceCard> cards;
};

// A door terminal as a club's reception finds it before the first sync: people added by hand in
// iVMS-4200 over the years. The same today, count and seed give the same persons, in the same
// order; every date is relative to today.
//
// The first persons (as far as count reaches) are fixed cases; T is today:
//   "1"    admin                 localUIRight, a face, valid T-400 .. 2037-12-31T23:59:59
//   "2"    Städ Birgitta Holm    cleaning staff, permanent (enable false), card 3000000002
//   "3"    Städ Ahmed Karimi     cleaning staff, permanent, card 3000000003
//   "101"  Åsa Öberg             same name as demo member 1001, another number; valid
//                                T-30 .. T+335, a face and card 3000000101
//   "102"  Per Lindqvist         same name as demo member 1005; window ended T-20
//   "1007" Östen Nyström         the demo member's own number, as an earlier tool would have
//                                used; window ended T-35
//   "1013" Renee Sjostrom        demo member 1013 typed without the accents
//   "105"  (empty name)          permanent, as real terminals hold (S3)
//   "106"  Göran Åkesson         same name as demo member 1004, permanent
// The rest are random Swedish names from employeeNo 200 upward with gaps: about 60 % with a
// current window, 20 % expired, 20 % permanent; some with a card, some with a face. Everyone is
// userType "normal" with door 1 and plan template 1, which every built-in profile accepts.
// A face is numOfFace 1: the simulator's face library then holds it as enrolled at the terminal
// and serves the built-in demo face as its picture. Some persons have a card only (2, 3), some
// a face only (1), some both (101) and some neither (102, 1007, ...).
class DeviceDemoData
{
public:
    static constexpr int kDefaultPersonCount = 40;

    static DevicePopulation population(QDate today, int count = kDefaultPersonCount,
                                       quint32 seed = 1);
};

} // namespace cis::sim
