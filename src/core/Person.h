// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace cis {

// One door the person may open and the schedule that applies. Terminals report the template
// number as a string and the door as an integer, so both are kept that way.
struct DoorPlan
{
    int doorNo = 1;
    QString planTemplateNo;

    friend bool operator==(const DoorPlan &a, const DoorPlan &b)
    {
        return a.doorNo == b.doorNo && a.planTemplateNo == b.planTemplateNo;
    }
    friend bool operator!=(const DoorPlan &a, const DoorPlan &b) { return !(a == b); }
};

// When the person may pass. The times are the terminal's wall clock (it compares them with its
// own clock, without a time zone), held as local QDateTimes; only whole seconds matter.
struct PersonValidity
{
    // False means "always valid"; the terminal still stores and checks begin and end.
    bool enabled = false;
    QDateTime begin;
    QDateTime end;

    friend bool operator==(const PersonValidity &a, const PersonValidity &b)
    {
        return a.enabled == b.enabled && a.begin == b.begin && a.end == b.end;
    }
    friend bool operator!=(const PersonValidity &a, const PersonValidity &b) { return !(a == b); }
};

// A person as an access terminal stores it. The employee number is the terminal's key and the
// only link to a club member; everything else may have been edited on the terminal itself.
struct Person
{
    QString employeeNo;
    QString name;
    // Only firmware that stores the name in two parts reports or needs these.
    QString givenName;
    QString familyName;
    QString userType; // "normal", "visitor", "blackList", ...
    PersonValidity validity;
    QString doorRight; // e.g. "1" or "1,3"; empty means no door at all
    QList<DoorPlan> rightPlans;
    // How many credentials the terminal holds for the person; -1 when it did not say.
    int numOfCard = -1;
    int numOfFace = -1;
    int numOfFP = -1;
    // Every other field the terminal reported (gender, belongGroup, localUIRight, faceURL, ...),
    // as read. The product never writes these back, so it cannot wipe what it does not manage.
    QVariantMap otherFields;

    friend bool operator==(const Person &a, const Person &b)
    {
        return a.employeeNo == b.employeeNo && a.name == b.name && a.givenName == b.givenName &&
               a.familyName == b.familyName && a.userType == b.userType &&
               a.validity == b.validity && a.doorRight == b.doorRight &&
               a.rightPlans == b.rightPlans && a.numOfCard == b.numOfCard &&
               a.numOfFace == b.numOfFace && a.numOfFP == b.numOfFP &&
               a.otherFields == b.otherFields;
    }
    friend bool operator!=(const Person &a, const Person &b) { return !(a == b); }
};

} // namespace cis

Q_DECLARE_METATYPE(cis::Person)
