// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Planner.h"

#include "IsoTime.h"
#include "Validity.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringView>
#include <QTextBoundaryFinder>
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <utility>
#include <vector>

// The translation context of this file's messages, the same for lupdate and at run time.
struct PlannerTexts
{
    Q_DECLARE_TR_FUNCTIONS(PlannerTexts)
};

namespace cis {

namespace {

constexpr qint64 kSecondsPerDay = 86400;

// Local wall-clock seconds (date + hh:mm:ss), independent of the QDateTime's time spec, so two
// windows compare the way the terminal reads them. Callers check isValid() first.
qint64 wallSecs(const QDateTime &dateTime)
{
    return dateTime.date().toJulianDay() * kSecondsPerDay +
           dateTime.time().msecsSinceStartOfDay() / 1000;
}

// The same wall-clock time as a local QDateTime with whole seconds.
QDateTime wallClock(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QTime time = dateTime.time();
    return QDateTime(dateTime.date(), QTime(time.hour(), time.minute(), time.second()));
}

// A wall-clock second (see wallSecs) as its date and time of day.
std::pair<QDate, QTime> wallDateTime(qint64 secs)
{
    const qint64 day = secs / kSecondsPerDay - (secs % kSecondsPerDay < 0 ? 1 : 0);
    const qint64 second = secs - day * kSecondsPerDay;
    return {QDate::fromJulianDay(day), QTime::fromMSecsSinceStartOfDay(int(second) * 1000)};
}

// The same as a local QDateTime.
QDateTime fromWallSecs(qint64 secs)
{
    const auto [date, time] = wallDateTime(secs);
    return QDateTime(date, time);
}

qint64 dayStartSecs(QDate day)
{
    return day.toJulianDay() * kSecondsPerDay;
}

// An enabled window in wall-clock seconds. The planner works in these and makes QDateTimes only
// for what it writes or tells: a local QDateTime costs a mktime() to make, and a door in step
// has 10,000 windows that stay as they are.
struct WallWindow
{
    qint64 begin = 0;
    qint64 end = 0;

    PersonValidity toValidity() const
    {
        return PersonValidity{true, fromWallSecs(begin), fromWallSecs(end)};
    }
};

// The device's time range in wall-clock seconds, worked out once per plan.
struct WallRange
{
    std::optional<qint64> low;
    std::optional<qint64> high;

    explicit WallRange(const DeviceLimits &limits)
    {
        if (limits.validBegin.isValid())
            low = wallSecs(limits.validBegin);
        if (limits.validEnd.isValid())
            high = wallSecs(limits.validEnd);
    }
};

bool sameValidity(const PersonValidity &a, const WallWindow &b)
{
    return a.enabled && a.begin.isValid() && a.end.isValid() && wallSecs(a.begin) == b.begin &&
           wallSecs(a.end) == b.end;
}

// Open: the device would let the person in now or later.
bool isOpen(const PersonValidity &validity, qint64 nowSecs)
{
    return !validity.enabled || !validity.end.isValid() || wallSecs(validity.end) > nowSecs;
}

QString formatTime(const QDateTime &dateTime)
{
    return dateTime.isValid() ? formatDateTimeWithSpace(dateTime) : PlannerTexts::tr("(none)");
}

QString formatTime(qint64 wallSeconds)
{
    const auto [date, time] = wallDateTime(wallSeconds);
    return formatDateTimeWithSpace(date, time);
}

QString formatWindow(const PersonValidity &validity)
{
    if (!validity.enabled)
        return PlannerTexts::tr("always valid");
    return PlannerTexts::tr("%1 to %2").arg(formatTime(validity.begin), formatTime(validity.end));
}

QString formatWindow(const WallWindow &window)
{
    return PlannerTexts::tr("%1 to %2").arg(formatTime(window.begin), formatTime(window.end));
}

QString memberLabel(const QString &name, const MemberKey &key)
{
    return PlannerTexts::tr("'%1' (#%2)").arg(name, QString::number(key.organisationMemberId));
}

QString personLabel(const Person &person)
{
    return PlannerTexts::tr("'%1' (employeeNo %2)").arg(person.name, person.employeeNo);
}

struct Desired
{
    std::optional<WallWindow> window; // may lie in the past (expired)
    bool flexibleBegin = false;       // begin is "today" from allowUntil, see Planner.h
    QString whyNot;                   // set when validity is absent
};

Desired computeDesired(const Member &member, const PlanInput &input,
                       const MemberOverride *override_, const WallRange &range)
{
    Desired result;
    const QDate today = input.now.date();
    if (override_ && override_->blocked) {
        result.whyNot = PlannerTexts::tr("blocked by the administrator");
        return result;
    }

    std::optional<DatePeriod> period;
    if (!member.inactive) {
        QList<RolePeriod> granting;
        const QList<RolePeriod> roles = member.rolesIn(input.organisationId);
        for (const RolePeriod &role : roles) {
            if (input.policy.grantingRoleIds.isEmpty() ||
                input.policy.grantingRoleIds.contains(role.roleId))
                granting.append(role);
        }
        period = effectivePeriod(granting, today);
        if (!period)
            result.whyNot = roles.isEmpty() ? PlannerTexts::tr("no role in the organisation")
                                            : PlannerTexts::tr("no role that grants door access");
    } else {
        result.whyNot = PlannerTexts::tr("inactive in Cardskipper");
    }

    std::optional<WallWindow> window;
    if (period)
        window = WallWindow{dayStartSecs(period->start),
                            dayStartSecs(period->end.addDays(std::max(0, input.policy.graceDays))) +
                                kSecondsPerDay - 1};

    if (override_ && override_->allowUntil.isValid()) {
        const qint64 allowEnd = dayStartSecs(override_->allowUntil) + kSecondsPerDay - 1;
        const qint64 todayStart = dayStartSecs(today);
        if (!window) {
            if (override_->allowUntil >= today) {
                window = WallWindow{todayStart, allowEnd};
                result.flexibleBegin = true;
            } else {
                result.whyNot = PlannerTexts::tr("the allow-until override ended on %1")
                                    .arg(override_->allowUntil.toString(Qt::ISODate));
            }
        } else {
            if (allowEnd > window->end)
                window->end = allowEnd;
            if (override_->allowUntil >= today && window->begin > todayStart) {
                window->begin = todayStart;
                result.flexibleBegin = true;
            }
        }
    }
    if (!window)
        return result;

    // Clamp to the device's range; a window wholly outside it is no access (see Planner.h).
    if ((range.low && window->end <= *range.low) || (range.high && window->begin >= *range.high)) {
        result.whyNot = PlannerTexts::tr("the window %1 to %2 lies outside the device's time range")
                            .arg(formatTime(window->begin), formatTime(window->end));
        return result;
    }
    if (range.low && window->begin < *range.low)
        window->begin = *range.low;
    if (range.high && window->end > *range.high)
        window->end = *range.high;
    if (window->begin >= window->end) // only with a broken range (validBegin >= validEnd)
        window->begin = window->end - 1;

    result.window = window;
    result.whyNot.clear();
    return result;
}

Person newPerson(const QString &employeeNo, const QString &name, const PersonValidity &validity)
{
    Person person;
    person.employeeNo = employeeNo;
    person.name = name;
    person.userType = QStringLiteral("normal");
    person.validity = validity;
    person.validity.enabled = true;
    person.doorRight = QStringLiteral("1");
    person.rightPlans = {DoorPlan{1, QStringLiteral("1")}};
    return person;
}

struct MemberEntry
{
    const Member *member = nullptr;
    QString email; // the member's, normalised
    std::optional<Link> primary;
    QList<Link> conflictLinks;
};

class PlanBuilder
{
public:
    explicit PlanBuilder(const PlanInput &input)
        : m_in(input)
        , m_now(wallClock(input.now))
        , m_nowSecs(m_now.isValid() ? wallSecs(m_now) : 0)
        , m_range(input.limits)
    {}

    Plan build();

private:
    void indexInput();
    void findSuggestions();
    void planLinked(const MemberKey &key, const MemberEntry &entry);
    void planUnlinkedMember(const MemberEntry &entry);
    void planConflictLink(const MemberKey &key, const MemberEntry &entry, const Link &link);
    void planUnlinkedPerson(const Person &person);
    void fillGuard();
    void summarise();

    QStringList memberWarnings(const MemberEntry &entry) const;
    const MemberOverride *overrideFor(const MemberKey &key) const
    {
        return m_overrides.value(key, nullptr);
    }
    const Person *personFor(const QString &employeeNo) const
    {
        return m_personsByEmployeeNo.value(employeeNo, nullptr);
    }
    bool hasAccess(const Desired &desired) const
    {
        return desired.window && desired.window->end > m_nowSecs;
    }
    QString noAccessReason(const Member *member, const Desired &desired) const;
    PersonValidity revokedValidity(const PersonValidity &before) const;
    void addAction(PlannedAction action, const MemberEntry &entry);

    const PlanInput &m_in;
    const QDateTime m_now;
    const qint64 m_nowSecs;
    const WallRange m_range;
    Plan m_plan;

    std::map<MemberKey, MemberEntry> m_entries; // sorted by key: the action order
    QHash<MemberKey, const MemberOverride *> m_overrides;
    QHash<QString, const Person *> m_personsByEmployeeNo;
    std::vector<const Person *> m_persons;         // the same, sorted by employeeNo
    QHash<QString, MemberKey> m_linkedEmployeeNos; // every link's employeeNo -> its member
    QHash<QString, int> m_emailCounts;
    QMap<QString, QList<Suggestion>> m_suggestionsByPerson;
    QHash<MemberKey, QList<Suggestion>> m_suggestionsByMember;
    QHash<QString, MemberKey> m_plannedCreates;
    int m_truncatedNames = 0;
};

void PlanBuilder::indexInput()
{
    for (const Member &member : m_in.members) {
        MemberEntry &entry = m_entries[member.key];
        if (entry.member) {
            m_plan.warnings.append(PlannerTexts::tr("Member #%1 is listed twice in the Cardskipper "
                                                    "export; the first entry is used.")
                                       .arg(member.key.organisationMemberId));
            continue;
        }
        entry.member = &member;
        entry.email = normaliseEmail(member.email);
        if (!entry.email.isEmpty())
            ++m_emailCounts[entry.email];
    }
    for (const MemberOverride &override_ : m_in.overrides) {
        if (!m_overrides.contains(override_.member))
            m_overrides.insert(override_.member, &override_);
    }
    m_personsByEmployeeNo.reserve(m_in.devicePersons.size());
    m_persons.reserve(size_t(m_in.devicePersons.size()));
    for (const Person &person : m_in.devicePersons) {
        if (m_personsByEmployeeNo.contains(person.employeeNo)) {
            m_plan.warnings.append(
                PlannerTexts::tr("The device lists employeeNo %1 twice; the first person is used.")
                    .arg(person.employeeNo));
            continue;
        }
        m_personsByEmployeeNo.insert(person.employeeNo, &person);
        m_persons.push_back(&person);
    }
    // The store gives them sorted; a door just read gives them in its own order.
    const auto byEmployeeNo = [](const Person *a, const Person *b) {
        return a->employeeNo < b->employeeNo;
    };
    if (!std::is_sorted(m_persons.begin(), m_persons.end(), byEmployeeNo))
        std::sort(m_persons.begin(), m_persons.end(), byEmployeeNo);

    // Each link's time is converted once: a local QDateTime's conversion to the epoch costs a
    // mktime(), and a sort would make it twice per comparison.
    constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    std::vector<std::pair<qint64, const Link *>> links;
    links.reserve(size_t(m_in.links.size()));
    for (const Link &link : m_in.links) {
        if (link.deviceId.isEmpty() || m_in.deviceId.isEmpty() || link.deviceId == m_in.deviceId)
            links.emplace_back(
                link.createdAt.isValid() ? link.createdAt.toMSecsSinceEpoch() : kNoTime, &link);
    }
    std::stable_sort(links.begin(), links.end(), [](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        if (a.second->employeeNo != b.second->employeeNo)
            return a.second->employeeNo < b.second->employeeNo;
        return a.second->member < b.second->member;
    });
    QSet<QString> primaryEmployeeNos;
    primaryEmployeeNos.reserve(qsizetype(links.size()));
    for (const auto &[createdAt, linkPointer] : links) {
        const Link &link = *linkPointer;
        MemberEntry &entry = m_entries[link.member];
        if (entry.primary || primaryEmployeeNos.contains(link.employeeNo)) {
            entry.conflictLinks.append(link);
        } else {
            entry.primary = link;
            primaryEmployeeNos.insert(link.employeeNo);
        }
        if (!m_linkedEmployeeNos.contains(link.employeeNo))
            m_linkedEmployeeNos.insert(link.employeeNo, link.member);
    }
}

void PlanBuilder::findSuggestions()
{
    // Suggestions are for unlinked persons; a door whose persons are all linked has none, and
    // its thousands of unlinked (expired) members need no names worked out.
    const bool anyUnlinkedPerson =
        std::any_of(m_persons.begin(), m_persons.end(), [this](const Person *person) {
            return !m_linkedEmployeeNos.contains(person->employeeNo);
        });
    if (!anyUnlinkedPerson)
        return;

    // Unlinked members by normalised name (full and device-truncated form).
    QHash<QString, QList<const Member *>> byName;
    for (const auto &[key, entry] : m_entries) {
        if (!entry.member || entry.primary || !entry.conflictLinks.isEmpty())
            continue;
        const QString full =
            normaliseName(entry.member->firstName + QLatin1Char(' ') + entry.member->lastName);
        if (!full.isEmpty())
            byName[full].append(entry.member);
        // The device's form normalises to the full name unless it was cut or the member has no
        // name at all ("#id"): normaliseName decomposes, so NFC changes nothing, and it
        // collapses the spaces displayName() trims.
        bool truncated = false;
        const QString deviceName = deviceNameFor(*entry.member, m_in.limits, &truncated);
        if (truncated || full.isEmpty()) {
            const QString shortened = normaliseName(deviceName);
            if (!shortened.isEmpty() && shortened != full)
                byName[shortened].append(entry.member);
        }
    }
    for (const Person *person : std::as_const(m_persons)) {
        if (m_linkedEmployeeNos.contains(person->employeeNo))
            continue;
        QSet<QString> names{normaliseName(person->name)};
        if (!person->givenName.isEmpty() || !person->familyName.isEmpty())
            names.insert(normaliseName(person->givenName + QLatin1Char(' ') + person->familyName));
        std::set<MemberKey> seen;
        QList<const Member *> candidates;
        for (const QString &name : std::as_const(names)) {
            if (name.isEmpty())
                continue;
            const QList<const Member *> found = byName.value(name);
            for (const Member *member : found) {
                if (seen.insert(member->key).second)
                    candidates.append(member);
            }
        }
        std::sort(candidates.begin(), candidates.end(),
                  [](const Member *a, const Member *b) { return a->key < b->key; });
        for (const Member *member : std::as_const(candidates)) {
            const bool rejected =
                std::any_of(m_in.rejectedSuggestions.begin(), m_in.rejectedSuggestions.end(),
                            [&](const RejectedSuggestion &r) {
                                return r.employeeNo == person->employeeNo &&
                                       r.member == member->key &&
                                       (r.deviceId.isEmpty() || r.deviceId == m_in.deviceId);
                            });
            if (rejected)
                continue;
            Suggestion suggestion{m_in.deviceId, person->employeeNo, member->key,
                                  PlannerTexts::tr("same name: %1").arg(member->displayName())};
            m_plan.suggestions.append(suggestion);
            m_suggestionsByPerson[person->employeeNo].append(suggestion);
            m_suggestionsByMember[member->key].append(suggestion);
        }
    }
}

QStringList PlanBuilder::memberWarnings(const MemberEntry &entry) const
{
    if (!entry.member)
        return {};
    const QString &email = entry.email;
    if (email.isEmpty())
        return {PlannerTexts::tr("no email: cannot be matched by email")};
    const int others = m_emailCounts.value(email) - 1;
    if (others == 1)
        return {PlannerTexts::tr("shares email %1 with 1 other member").arg(email)};
    if (others > 1)
        return {PlannerTexts::tr("shares email %1 with %2 other members")
                    .arg(email, QString::number(others))};
    return {};
}

QString PlanBuilder::noAccessReason(const Member *member, const Desired &desired) const
{
    if (!member)
        return PlannerTexts::tr("no longer in Cardskipper");
    if (desired.window)
        return PlannerTexts::tr("access ended at %1").arg(formatTime(desired.window->end));
    return desired.whyNot;
}

PersonValidity PlanBuilder::revokedValidity(const PersonValidity &before) const
{
    QDateTime end = m_now;
    const QDateTime high = wallClock(m_in.limits.validEnd);
    if (high.isValid() && wallSecs(end) > wallSecs(high))
        end = high;
    QDateTime begin = wallClock(before.begin);
    const QDateTime low = wallClock(m_in.limits.validBegin);
    if (begin.isValid() && low.isValid() && wallSecs(begin) < wallSecs(low))
        begin = low;
    if (!begin.isValid() || wallSecs(begin) >= wallSecs(end))
        begin = end.addSecs(-1);
    return PersonValidity{true, begin, end};
}

void PlanBuilder::addAction(PlannedAction action, const MemberEntry &entry)
{
    action.warnings = memberWarnings(entry) + action.warnings;
    m_plan.actions.append(std::move(action));
}

void PlanBuilder::planLinked(const MemberKey &key, const MemberEntry &entry)
{
    const Link &link = *entry.primary;
    const Member *member = entry.member;
    const Person *person = personFor(link.employeeNo);
    if (!member && !person)
        return; // a stale link: neither a member nor a person to act for

    const Desired desired =
        member ? computeDesired(*member, m_in, overrideFor(key), m_range) : Desired{};
    const bool access = member && hasAccess(desired);
    const QString memberName = member ? member->displayName() : person->name;
    const QString who = memberLabel(memberName, key);

    PlannedAction action;
    action.employeeNo = link.employeeNo;
    action.member = key;
    action.memberName = memberName;

    if (!person) {
        if (access) {
            bool truncated = false;
            const QString name = deviceNameFor(*member, m_in.limits, &truncated);
            action.kind = ActionKind::Create;
            action.after = newPerson(link.employeeNo, name, desired.window->toValidity());
            action.reason =
                PlannerTexts::tr(
                    "Member %1 is linked to employeeNo %2, which is gone from the device: "
                    "created again with %3.")
                    .arg(who, link.employeeNo, formatWindow(*desired.window));
            if (truncated) {
                ++m_truncatedNames;
                action.warnings.append(
                    PlannerTexts::tr("name of member %1 shortened to %2 bytes: '%3'")
                        .arg(who, QString::number(m_in.limits.nameMaxBytes), name));
            }
        } else {
            action.kind = ActionKind::NoAccess;
            action.reason =
                PlannerTexts::tr(
                    "Member %1 has no access (%2) and employeeNo %3 is not on the device.")
                    .arg(who, noAccessReason(member, desired), link.employeeNo);
        }
        addAction(std::move(action), entry);
        return;
    }

    action.before = *person;
    if (access) {
        WallWindow window = *desired.window;
        const PersonValidity &current = person->validity;
        if (desired.flexibleBegin && current.enabled && current.begin.isValid() &&
            wallSecs(current.begin) < window.begin &&
            (!m_range.low || wallSecs(current.begin) >= *m_range.low))
            window.begin = wallSecs(current.begin);
        // The name matters only to a rename; a door in step has 10,000 names to leave alone.
        bool truncated = false;
        const QString name =
            m_in.policy.renameEnabled ? deviceNameFor(*member, m_in.limits, &truncated) : QString();
        const bool rename = m_in.policy.renameEnabled &&
                            person->name.normalized(QString::NormalizationForm_C) != name;
        const bool validityChanges = !sameValidity(current, window);
        if (!rename && !validityChanges) {
            action.kind = ActionKind::Unchanged;
            action.after = *person;
            action.reason = PlannerTexts::tr("Member %1: the device already has %2.")
                                .arg(who, formatWindow(person->validity));
            addAction(std::move(action), entry);
            return;
        }
        Person after = *person;
        after.validity = window.toValidity();
        QString reason;
        if (rename) {
            action.kind = ActionKind::Rename;
            after.name = name;
            if (!person->givenName.isEmpty() || !person->familyName.isEmpty()) {
                after.givenName =
                    truncateUtf8(member->firstName.trimmed(), m_in.limits.nameMaxBytes);
                after.familyName =
                    truncateUtf8(member->lastName.trimmed(), m_in.limits.nameMaxBytes);
            }
            reason = PlannerTexts::tr("Member %1: the device name '%2' becomes '%3'")
                         .arg(who, person->name, name);
            if (validityChanges)
                reason += PlannerTexts::tr("; the window changes from %1 to %2")
                              .arg(formatWindow(current), formatWindow(window));
            reason += QLatin1Char('.');
            if (truncated) {
                ++m_truncatedNames;
                action.warnings.append(
                    PlannerTexts::tr("name of member %1 shortened to %2 bytes: '%3'")
                        .arg(who, QString::number(m_in.limits.nameMaxBytes), name));
            }
        } else {
            action.kind = ActionKind::UpdateValidity;
            reason = PlannerTexts::tr("Member %1: the window changes from %2 to %3.")
                         .arg(who, formatWindow(current), formatWindow(window));
        }
        action.after = after;
        action.reason = reason;
        addAction(std::move(action), entry);
        return;
    }

    const QString why = noAccessReason(member, desired);
    if (isOpen(person->validity, m_nowSecs)) {
        Person after = *person;
        after.validity = revokedValidity(person->validity);
        action.kind = ActionKind::Revoke;
        action.after = after;
        action.reason =
            PlannerTexts::tr("Member %1 has no access (%2): the window %3 on the device ends now.")
                .arg(who, why, formatWindow(person->validity));
        addAction(std::move(action), entry);
        return;
    }
    const int retention = m_in.policy.deleteRetentionDays;
    if (link.origin == LinkOrigin::Created && retention >= 0 && person->validity.end.isValid() &&
        wallSecs(person->validity.end) + retention * kSecondsPerDay < m_nowSecs) {
        action.kind = ActionKind::Delete;
        action.reason =
            PlannerTexts::tr(
                "Member %1 has no access (%2); the window on the device ended at %3, more than "
                "%4 days ago, and we created the person: deleted.")
                .arg(who, why, formatTime(person->validity.end), QString::number(retention));
        addAction(std::move(action), entry);
        return;
    }
    action.kind = ActionKind::Unchanged;
    action.after = *person;
    action.reason =
        PlannerTexts::tr(
            "Member %1 has no access (%2); the window on the device already ended at %3.")
            .arg(who, why, formatTime(person->validity.end));
    addAction(std::move(action), entry);
}

void PlanBuilder::planConflictLink(const MemberKey &key, const MemberEntry &entry, const Link &link)
{
    const Person *person = personFor(link.employeeNo);
    PlannedAction action;
    action.kind = ActionKind::Conflict;
    action.employeeNo = link.employeeNo;
    action.member = key;
    action.memberName =
        entry.member ? entry.member->displayName() : (person ? person->name : QString());
    if (person)
        action.before = *person;
    const QString who = memberLabel(action.memberName, key);
    if (entry.primary && entry.primary->employeeNo != link.employeeNo) {
        action.reason =
            PlannerTexts::tr("Member %1 is linked twice on this device: to employeeNo %2 and to "
                             "employeeNo %3; %3 is left alone until one link is removed.")
                .arg(who, entry.primary->employeeNo, link.employeeNo);
    } else {
        const MemberKey other = m_linkedEmployeeNos.value(link.employeeNo);
        action.reason =
            PlannerTexts::tr("EmployeeNo %1 is linked to member #%2 and also to member %3; left "
                             "alone until one link is removed.")
                .arg(link.employeeNo, QString::number(other.organisationMemberId), who);
    }
    addAction(std::move(action), entry);
}

void PlanBuilder::planUnlinkedMember(const MemberEntry &entry)
{
    const Member &member = *entry.member;
    const Desired desired = computeDesired(member, m_in, overrideFor(member.key), m_range);
    const QString who = memberLabel(member.displayName(), member.key);
    PlannedAction action;
    action.member = member.key;
    action.memberName = member.displayName();

    const QList<Suggestion> suggestions = m_suggestionsByMember.value(member.key);
    if (!suggestions.isEmpty()) {
        QStringList persons;
        for (const Suggestion &suggestion : suggestions) {
            const Person *person = personFor(suggestion.employeeNo);
            persons.append(person ? personLabel(*person) : suggestion.employeeNo);
        }
        action.kind = ActionKind::AwaitingMatch;
        // employeeNo stays empty: the member has no person yet; the persons are in the reason
        // and in Plan::suggestions.
        action.reason =
            PlannerTexts::tr("Member %1 may be the device person %2; not created until the "
                             "suggestion is accepted or rejected.")
                .arg(who, persons.join(PlannerTexts::tr(" or ")));
        addAction(std::move(action), entry);
        return;
    }
    if (!hasAccess(desired)) {
        action.kind = ActionKind::NoAccess;
        action.reason = PlannerTexts::tr("Member %1 has no access (%2).")
                            .arg(who, noAccessReason(&member, desired));
        addAction(std::move(action), entry);
        return;
    }

    const QString employeeNo = employeeNoFor(member, m_in.policy, m_in.limits);
    action.employeeNo = employeeNo;
    action.kind = ActionKind::Conflict;
    if (employeeNo.isEmpty()) {
        const QString wanted =
            m_in.policy.employeeNoPrefix + QString::number(member.key.organisationMemberId);
        action.reason =
            PlannerTexts::tr("Member %1 cannot be created: employeeNo %2 is longer than the "
                             "device's limit of %3 characters.")
                .arg(who, wanted, QString::number(m_in.limits.employeeNoMaxLength));
    } else if (m_linkedEmployeeNos.contains(employeeNo)) {
        action.reason =
            PlannerTexts::tr("Member %1 cannot be created: employeeNo %2 is linked to member #%3.")
                .arg(who, employeeNo,
                     QString::number(m_linkedEmployeeNos.value(employeeNo).organisationMemberId));
    } else if (const Person *taken = personFor(employeeNo)) {
        action.reason =
            PlannerTexts::tr("Member %1 cannot be created: employeeNo %2 is taken by an unlinked "
                             "person '%3'.")
                .arg(who, employeeNo, taken->name);
    } else if (m_plannedCreates.contains(employeeNo)) {
        action.reason =
            PlannerTexts::tr(
                "Member %1 cannot be created: employeeNo %2 is already planned for member #%3.")
                .arg(who, employeeNo,
                     QString::number(m_plannedCreates.value(employeeNo).organisationMemberId));
    } else {
        bool truncated = false;
        const QString name = deviceNameFor(member, m_in.limits, &truncated);
        action.kind = ActionKind::Create;
        action.after = newPerson(employeeNo, name, desired.window->toValidity());
        action.reason = PlannerTexts::tr("Member %1 is created as employeeNo %2 with %3.")
                            .arg(who, employeeNo, formatWindow(*desired.window));
        if (truncated) {
            ++m_truncatedNames;
            action.warnings.append(PlannerTexts::tr("name of member %1 shortened to %2 bytes: '%3'")
                                       .arg(who, QString::number(m_in.limits.nameMaxBytes), name));
        }
        m_plannedCreates.insert(employeeNo, member.key);
    }
    addAction(std::move(action), entry);
}

void PlanBuilder::planUnlinkedPerson(const Person &person)
{
    PlannedAction action;
    action.kind = ActionKind::NotManaged;
    action.employeeNo = person.employeeNo;
    action.before = person;
    const QList<Suggestion> suggestions = m_suggestionsByPerson.value(person.employeeNo);
    if (suggestions.isEmpty()) {
        action.reason = PlannerTexts::tr("Person %1 is not linked to any member: never touched.")
                            .arg(personLabel(person));
    } else {
        QStringList members;
        for (const Suggestion &suggestion : suggestions) {
            const auto it = m_entries.find(suggestion.member);
            const QString name = it != m_entries.end() && it->second.member
                                     ? it->second.member->displayName()
                                     : QString();
            members.append(memberLabel(name, suggestion.member));
        }
        action.reason =
            PlannerTexts::tr("Person %1 is not linked; suggested match: member %2 (same name). "
                             "Not touched until the suggestion is accepted or rejected.")
                .arg(personLabel(person), members.join(PlannerTexts::tr(" or ")));
    }
    m_plan.actions.append(std::move(action));
}

void PlanBuilder::fillGuard()
{
    GuardVerdict &guard = m_plan.guard;
    guard.memberCount = static_cast<int>(m_in.members.size());
    guard.previousMemberCount = m_in.previousMemberCount;
    guard.revokesAndDeletes = m_plan.count(ActionKind::Revoke) + m_plan.count(ActionKind::Delete);
    int managed = 0;
    for (const Person *person : std::as_const(m_persons)) {
        if (m_linkedEmployeeNos.contains(person->employeeNo))
            ++managed;
    }
    guard.managedPersons = managed;
    if (!m_in.policy.guardEnabled)
        return;

    const SyncPolicy &policy = m_in.policy;
    if (guard.memberCount == 0) {
        guard.reasons.append(PlannerTexts::tr("Cardskipper returned 0 members."));
    } else if (guard.previousMemberCount > 0 &&
               guard.memberCount < policy.guardMinMemberRatio * guard.previousMemberCount) {
        guard.reasons.append(
            PlannerTexts::tr("Cardskipper returned %1 members, fewer than %2% of the %3 it "
                             "returned last time.")
                .arg(guard.memberCount)
                .arg(policy.guardMinMemberRatio * 100, 0, 'g', 4)
                .arg(guard.previousMemberCount));
    }
    const double limit = std::max(static_cast<double>(policy.guardMinRevokes),
                                  policy.guardRevokeShare * guard.managedPersons);
    if (guard.revokesAndDeletes > limit) {
        guard.reasons.append(
            PlannerTexts::tr(
                "The plan would revoke or delete %1 of %2 managed persons, more than the limit "
                "of %3 (the larger of %4 and %5% of the managed persons).")
                .arg(guard.revokesAndDeletes)
                .arg(guard.managedPersons)
                .arg(limit, 0, 'g', 6)
                .arg(policy.guardMinRevokes)
                .arg(policy.guardRevokeShare * 100, 0, 'g', 4));
    }
    guard.held = !guard.reasons.isEmpty();
}

void PlanBuilder::summarise()
{
    int withoutEmail = 0;
    int sharing = 0;
    int sharedAddresses = 0;
    for (const auto &[key, entry] : m_entries) {
        if (!entry.member)
            continue;
        if (entry.email.isEmpty())
            ++withoutEmail;
        else if (m_emailCounts.value(entry.email) > 1)
            ++sharing;
    }
    for (auto it = m_emailCounts.cbegin(); it != m_emailCounts.cend(); ++it) {
        if (it.value() > 1)
            ++sharedAddresses;
    }
    if (withoutEmail > 0)
        m_plan.warnings.append(
            PlannerTexts::tr("%n member(s) have no email: they are synced by member number "
                             "but cannot be matched by email.",
                             nullptr, int(withoutEmail)));
    if (sharing > 0)
        m_plan.warnings.append(
            PlannerTexts::tr("%n member(s) share %1 email address(es) with other members: "
                             "they are synced by member number but cannot be matched by "
                             "email.",
                             nullptr, int(sharing))
                .arg(sharedAddresses));
    if (m_truncatedNames > 0)
        m_plan.warnings.append(
            PlannerTexts::tr("%n name(s) are longer than %1 bytes and are shortened on the device.",
                             nullptr, int(m_truncatedNames))
                .arg(m_in.limits.nameMaxBytes));
}

Plan PlanBuilder::build()
{
    m_plan.deviceId = m_in.deviceId;
    indexInput();
    findSuggestions();
    // About one action per member and per person not linked to one.
    m_plan.actions.reserve(qsizetype(m_entries.size() + m_persons.size()));
    for (const auto &[key, entry] : m_entries) {
        if (entry.primary)
            planLinked(key, entry);
        else if (entry.member && entry.conflictLinks.isEmpty())
            planUnlinkedMember(entry);
        for (const Link &link : entry.conflictLinks)
            planConflictLink(key, entry, link);
    }
    for (const Person *person : std::as_const(m_persons)) {
        if (!m_linkedEmployeeNos.contains(person->employeeNo))
            planUnlinkedPerson(*person);
    }
    fillGuard();
    summarise();
    return std::move(m_plan); // a member: not moved by itself
}

} // namespace

Plan makePlan(const PlanInput &input)
{
    return PlanBuilder(input).build();
}

QString normaliseEmail(const QString &email)
{
    return email.trimmed().toCaseFolded();
}

QString normaliseName(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_D);
    QString stripped;
    stripped.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue;
        stripped.append(c);
    }
    return stripped.toCaseFolded().simplified();
}

std::optional<PersonValidity> desiredValidity(const Member &member, const PlanInput &input)
{
    const MemberOverride *found = nullptr;
    for (const MemberOverride &override_ : input.overrides) {
        if (override_.member == member.key) {
            found = &override_;
            break;
        }
    }
    const std::optional<WallWindow> window =
        computeDesired(member, input, found, WallRange(input.limits)).window;
    if (!window)
        return std::nullopt;
    return window->toValidity();
}

QString employeeNoFor(const Member &member, const SyncPolicy &policy, const DeviceLimits &limits)
{
    const QString employeeNo =
        policy.employeeNoPrefix + QString::number(member.key.organisationMemberId);
    if (limits.employeeNoMaxLength > 0 && employeeNo.size() > limits.employeeNoMaxLength)
        return {};
    return employeeNo;
}

QString truncateUtf8(const QString &name, int maxBytes, bool *truncated)
{
    if (truncated)
        *truncated = false;
    const QString nfc = name.normalized(QString::NormalizationForm_C);
    if (maxBytes <= 0 || nfc.toUtf8().size() <= maxBytes)
        return nfc;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, nfc);
    qsizetype cut = 0;
    qsizetype bytes = 0;
    while (graphemes.toNextBoundary() != -1) {
        const qsizetype position = graphemes.position();
        const qsizetype clusterBytes = QStringView(nfc).mid(cut, position - cut).toUtf8().size();
        if (bytes + clusterBytes > maxBytes)
            break;
        bytes += clusterBytes;
        cut = position;
    }
    QString result = nfc.left(cut);
    while (!result.isEmpty() && result.back().isSpace())
        result.chop(1);
    if (truncated)
        *truncated = true;
    return result;
}

QString deviceNameFor(const Member &member, const DeviceLimits &limits, bool *truncated)
{
    return truncateUtf8(member.displayName(), limits.nameMaxBytes, truncated);
}

} // namespace cis
