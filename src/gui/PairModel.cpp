// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "PairModel.h"

#include "BundledIcon.h"
#include "Planner.h"
#include "Validity.h"

#include <QIcon>
#include <algorithm>

namespace cis::gui {

namespace {

QString dateText(const PersonValidity &validity)
{
    if (!validity.end.isValid())
        return QString();
    return validity.end.toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

QString PairModel::overrideToolTip(const MemberOverride &memberOverride)
{
    QString text = memberOverride.blocked
                       ? tr("Blocked by the desk, whatever Cardskipper says")
                       : tr("Allowed by the desk until %1")
                             .arg(memberOverride.allowUntil.toString(Qt::ISODate));
    if (memberOverride.changedAt.isValid())
        text += QLatin1Char('\n') +
                tr("Set %1 by %2")
                    .arg(memberOverride.changedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         memberOverride.changedBy);
    if (!memberOverride.note.isEmpty())
        text += QLatin1Char('\n') + tr("Note: %1").arg(memberOverride.note);
    return text;
}

PairModel::PairModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

PairModel::StatusGroup PairModel::groupOf(const PlannedAction &action, bool guardHeld)
{
    if (guardHeld && action.isWrite())
        return Held;
    switch (action.kind) {
    case ActionKind::Unchanged:
        return InSync;
    case ActionKind::Create:
        return WillCreate;
    case ActionKind::UpdateValidity:
        if (action.before && action.after &&
            action.after->validity.end < action.before->validity.end)
            return WillShorten;
        return WillExtend;
    case ActionKind::Rename:
        return WillRename;
    case ActionKind::Revoke:
    case ActionKind::Delete:
        return WillRevoke;
    case ActionKind::Conflict:
        return Conflict;
    case ActionKind::AwaitingMatch:
        return Suggested;
    case ActionKind::NoAccess:
        return NoAccess;
    case ActionKind::NotManaged:
    case ActionKind::CardAdd: // credentials are written at the desk, never planned
    case ActionKind::CardRemove:
    case ActionKind::FaceSet:
    case ActionKind::FaceCopy:
    case ActionKind::FaceRemove:
        return OnDoorOnly;
    }
    return OnDoorOnly;
}

QColor PairModel::groupColor(StatusGroup group)
{
    switch (group) {
    case InSync:
        return QColor(0x2e, 0x9e, 0x44); // green
    case WillCreate:
    case WillExtend:
    case WillRename:
        return QColor(0x1f, 0x6f, 0xd1); // blue
    case WillShorten:
    case WillRevoke:
    case Held:
        return QColor(0xe6, 0x8a, 0x00); // orange
    case Conflict:
        return QColor(0xd0, 0x2c, 0x2c); // red
    case Suggested:
        return QColor(0x8e, 0x44, 0xad); // purple: waiting for the desk
    case NoAccess:
    case OnDoorOnly:
    case Staff:
    case GroupCount:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c); // grey
}

QString PairModel::groupName(StatusGroup group)
{
    switch (group) {
    case InSync:
        return tr("In sync");
    case WillCreate:
        return tr("Will be created");
    case WillExtend:
        return tr("Will be extended");
    case WillShorten:
        return tr("Will be shortened");
    case WillRename:
        return tr("Will be renamed");
    case WillRevoke:
        return tr("Will be revoked");
    case Held:
        return tr("Held");
    case Conflict:
        return tr("Conflicts");
    case Suggested:
        return tr("Suggested matches");
    case NoAccess:
        return tr("No access");
    case OnDoorOnly:
        return tr("On the door, not in Cardskipper");
    case Staff:
        return tr("Staff and others we never touch");
    case GroupCount:
        break;
    }
    return QString();
}

QString PairModel::rowKey(const PlannedAction &action)
{
    if (action.member)
        return QStringLiteral("m:") + QString::number(action.member->organisationMemberId);
    return QStringLiteral("p:") + action.employeeNo;
}

namespace {

QString validUntilText(const Person &person)
{
    return person.validity.enabled ? dateText(person.validity) : PairModel::tr("always");
}

bool isDoorAdministrator(const Person &person)
{
    return person.otherFields.value(QStringLiteral("localUIRight")).toBool() ||
           person.userType.compare(QLatin1String("administrator"), Qt::CaseInsensitive) == 0;
}

} // namespace

void PairModel::applyVisits(Row &row) const
{
    const MemberVisits visits = m_context.visits.value(row.memberNumber);
    row.recentVisits = visits.days;
    row.text[RecentVisits] = QString::number(visits.days);
    row.text[LastVisit] = visits.lastVisit.isValid()
                              ? shortTime(visits.lastVisit.toLocalTime(), m_context.today)
                              : QString();
}

void PairModel::setVisits(const QHash<qint64, MemberVisits> &visits)
{
    m_context.visits = visits;
    for (Row &row : m_rows) {
        if (row.memberNumber >= 0)
            applyVisits(row);
    }
    static_assert(RecentVisits == LastVisit + 1, "the visit columns are neighbours");
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, LastVisit), index(int(m_rows.size()) - 1, RecentVisits));
}

PairModel::Row PairModel::makeRow(const PlannedAction &action) const
{
    Row row;
    row.group = groupOf(action, m_plan.guard.held);
    row.key = rowKey(action);
    if (row.group == OnDoorOnly && action.before &&
        (m_context.staffEmployeeNos.contains(action.employeeNo) ||
         isDoorAdministrator(*action.before)))
        row.group = Staff;

    const Member *member = nullptr;
    if (action.member) {
        const auto found = m_memberIndex.constFind(*action.member);
        if (found != m_memberIndex.constEnd())
            member = &m_members.at(found.value());
        row.memberNumber = action.member->organisationMemberId;
        row.text[MemberNumber] = QString::number(action.member->organisationMemberId);
        row.text[MemberName] = member ? member->displayName() : action.memberName;
        if (row.text[MemberName].isEmpty())
            row.text[MemberName] = action.memberName;
        if (member) {
            row.text[MemberEmail] = member->email;
            if (m_context.today.isValid()) {
                const auto period =
                    effectivePeriod(member->rolesIn(member->key.organisationId), m_context.today);
                if (member->inactive)
                    row.text[MembershipEnds] = tr("inactive");
                else if (period)
                    row.text[MembershipEnds] = period->end.toString(Qt::ISODate);
                else
                    row.text[MembershipEnds] = tr("no membership");
            }
        }
        row.hasOverride = m_context.overrides.contains(*action.member);
        applyVisits(row);
    }

    QStringList tip;
    if (!action.reason.isEmpty())
        tip.append(action.reason);
    tip.append(action.warnings);
    if (m_plan.guard.held && action.isWrite())
        tip.append(m_plan.guard.reasons);

    // The device side
    if (action.before) {
        const Person &before = *action.before;
        row.text[Credentials] = credentialsText(before);
        // Only the terminal's own counts prove "none"; a count it did not send proves nothing.
        const bool mayEnter =
            action.member &&
            (action.kind == ActionKind::Unchanged || action.kind == ActionKind::UpdateValidity ||
             action.kind == ActionKind::Rename) &&
            action.after && m_context.today.isValid() &&
            (!action.after->validity.enabled ||
             action.after->validity.end.date() >= m_context.today);
        row.noCredential = mayEnter && before.numOfCard == 0 && before.numOfFace == 0;
        if (row.noCredential)
            tip.append(tr("The door holds no card and no face for this person, so they cannot "
                          "open it. Add a card or a face photo (Member menu)."));
        row.text[EmployeeNo] = action.employeeNo.isEmpty() ? before.employeeNo : action.employeeNo;
        row.text[PersonName] = before.name;
        if (action.isWrite() && action.after && action.after->name != before.name &&
            !action.after->name.isEmpty())
            row.text[PersonName] = before.name + QStringLiteral(" → ") + action.after->name;
        const QString oldEnd = validUntilText(before);
        row.text[PersonValidUntil] = oldEnd;
        if (action.isWrite() && action.after) {
            const QString newEnd = validUntilText(*action.after);
            if (newEnd != oldEnd)
                row.text[PersonValidUntil] = oldEnd + QStringLiteral(" → ") + newEnd;
        }
    } else if (action.after && action.kind == ActionKind::Create) {
        // What the sync will write, so the desk sees the window before it exists.
        row.text[EmployeeNo] = action.employeeNo;
        row.text[PersonName] = action.after->name;
        row.text[PersonValidUntil] = QStringLiteral("→ ") + validUntilText(*action.after);
    }
    row.toolTip = tip.join(QLatin1Char('\n'));
    bool numeric = false;
    const qint64 employeeNumber = row.text[EmployeeNo].toLongLong(&numeric);
    row.employeeNumber = numeric ? employeeNumber : -1;

    row.searchText = normaliseName(row.text[MemberName]) + QLatin1Char(' ') +
                     row.text[MemberEmail].toLower() + QLatin1Char(' ') + row.text[MemberNumber] +
                     QLatin1Char(' ') + action.employeeNo + QLatin1Char(' ') +
                     normaliseName(action.before ? action.before->name : QString());
    return row;
}

QString PairModel::statusText(const Row &row) const
{
    const PlannedAction &action = m_plan.actions.at(row.actionIndex);
    if (m_plan.guard.held && action.isWrite())
        return tr("Held by the guard");
    switch (action.kind) {
    case ActionKind::Unchanged:
        if (!m_doorProblem.isEmpty())
            return tr("Not confirmed: %1").arg(m_doorProblem);
        {
            const QString inSync =
                m_doorAsOf.isValid()
                    ? tr("In sync as of %1").arg(shortTime(m_doorAsOf, m_context.today))
                    : tr("In sync");
            return row.noCredential ? tr("%1; can enter: no credential").arg(inSync) : inSync;
        }
    case ActionKind::Create:
        return tr("Will be created");
    case ActionKind::UpdateValidity:
        return row.group == WillShorten ? tr("Will be shortened") : tr("Will be extended");
    case ActionKind::Rename:
        return tr("Will be renamed");
    case ActionKind::Revoke:
        return tr("Will be revoked");
    case ActionKind::Delete:
        return tr("Will be deleted");
    case ActionKind::Conflict:
        return tr("Conflict");
    case ActionKind::AwaitingMatch:
        return row.suggestionIndex >= 0 ? tr("Same person?") : tr("Suggested match");
    case ActionKind::NoAccess:
        return tr("No access");
    case ActionKind::NotManaged:
        return row.group == Staff ? tr("Staff: never touched")
                                  : tr("Not in Cardskipper: not touched");
    case ActionKind::CardAdd:
    case ActionKind::CardRemove:
    case ActionKind::FaceSet:
    case ActionKind::FaceCopy:
    case ActionKind::FaceRemove:
        break;
    }
    return QString();
}

QColor PairModel::statusColor(const Row &row) const
{
    if (row.noCredential && row.group == InSync && m_doorProblem.isEmpty())
        return noCredentialColor(); // right on the door, and still shut out
    if (row.group == InSync && !m_doorProblem.isEmpty())
        return groupColor(Conflict); // red: nothing here is confirmed
    return groupColor(row.group);
}

QString PairModel::shortTime(const QDateTime &time, QDate today)
{
    if (!time.isValid())
        return QString();
    return time.date() == today ? time.toString(QStringLiteral("HH:mm"))
                                : time.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void PairModel::setPlan(const Plan &plan, const QList<Member> &members, const Context &context)
{
    beginResetModel();
    m_plan = plan;
    m_members = members;
    m_context = context;
    m_memberIndex.clear();
    m_memberIndex.reserve(m_members.size());
    for (int i = 0; i < m_members.size(); ++i)
        m_memberIndex.insert(m_members.at(i).key, i);
    m_rows.clear();
    m_rows.reserve(m_plan.actions.size());
    std::fill(std::begin(m_counts), std::end(m_counts), 0);

    // A suggested member and the door person it may be are one row: the member with their
    // first suggestion beside them. The person's own row goes when every member suggested
    // for it shows it that way.
    QHash<QString, int> personActionByEmployeeNo;
    for (int i = 0; i < m_plan.actions.size(); ++i) {
        const PlannedAction &action = m_plan.actions.at(i);
        if (action.kind == ActionKind::NotManaged && action.before)
            personActionByEmployeeNo.insert(action.employeeNo, i);
    }
    QHash<MemberKey, int> firstSuggestion;
    QHash<QString, int> suggestionsOfPerson;
    for (int i = 0; i < m_plan.suggestions.size(); ++i) {
        const Suggestion &suggestion = m_plan.suggestions.at(i);
        if (!personActionByEmployeeNo.contains(suggestion.employeeNo))
            continue;
        if (!firstSuggestion.contains(suggestion.member))
            firstSuggestion.insert(suggestion.member, i);
        ++suggestionsOfPerson[suggestion.employeeNo];
    }
    QHash<QString, int> shownBeside;
    for (int i = 0; i < m_plan.actions.size(); ++i) {
        const PlannedAction &action = m_plan.actions.at(i);
        if (action.kind != ActionKind::AwaitingMatch || !action.member)
            continue;
        if (const auto found = firstSuggestion.constFind(*action.member);
            found != firstSuggestion.constEnd())
            ++shownBeside[m_plan.suggestions.at(found.value()).employeeNo];
    }

    for (int i = 0; i < m_plan.actions.size(); ++i) {
        const PlannedAction &action = m_plan.actions.at(i);
        if (action.kind == ActionKind::NotManaged && shownBeside.value(action.employeeNo) > 0 &&
            shownBeside.value(action.employeeNo) >= suggestionsOfPerson.value(action.employeeNo))
            continue;
        Row row = makeRow(action);
        row.actionIndex = i;
        if (action.kind == ActionKind::AwaitingMatch && action.member) {
            const auto found = firstSuggestion.constFind(*action.member);
            if (found != firstSuggestion.constEnd()) {
                row.suggestionIndex = found.value();
                const QString employeeNo = m_plan.suggestions.at(found.value()).employeeNo;
                row.personActionIndex = personActionByEmployeeNo.value(employeeNo, -1);
                if (row.personActionIndex >= 0) {
                    const Person &person = *m_plan.actions.at(row.personActionIndex).before;
                    row.text[EmployeeNo] = person.employeeNo;
                    row.text[PersonName] = person.name;
                    row.text[PersonValidUntil] = validUntilText(person);
                    bool numeric = false;
                    const qint64 number = person.employeeNo.toLongLong(&numeric);
                    row.employeeNumber = numeric ? number : -1;
                    row.searchText += QLatin1Char(' ') + person.employeeNo + QLatin1Char(' ') +
                                      normaliseName(person.name);
                }
            }
        }
        m_rows.append(row);
        ++m_counts[row.group];
    }
    endResetModel();
}

void PairModel::setDoorState(const QString &problem, const QDateTime &asOf)
{
    if (problem == m_doorProblem && asOf == m_doorAsOf)
        return;
    m_doorProblem = problem;
    m_doorAsOf = asOf;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Status), index(int(m_rows.size()) - 1, Status),
                         {Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole});
}

const PlannedAction *PairModel::actionAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_plan.actions.at(m_rows.at(row).actionIndex);
}

const Suggestion *PairModel::suggestionAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).suggestionIndex < 0)
        return nullptr;
    return &m_plan.suggestions.at(m_rows.at(row).suggestionIndex);
}

const Person *PairModel::suggestedPersonAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).personActionIndex < 0)
        return nullptr;
    const PlannedAction &person = m_plan.actions.at(m_rows.at(row).personActionIndex);
    return person.before ? &*person.before : nullptr;
}

const MemberOverride *PairModel::overrideAt(int row) const
{
    const PlannedAction *action = actionAt(row);
    if (!action || !action->member)
        return nullptr;
    const auto found = m_context.overrides.constFind(*action->member);
    return found == m_context.overrides.constEnd() ? nullptr : &found.value();
}

int PairModel::countOf(StatusGroup group) const
{
    if (group < InSync || group >= GroupCount)
        return 0;
    return m_counts[group];
}

QColor PairModel::noCredentialColor()
{
    return QColor(0xd9, 0x8c, 0x1f); // amber
}

QString PairModel::credentialsText(const Person &person)
{
    const bool card = person.numOfCard > 0;
    const bool face = person.numOfFace > 0;
    if (card && face)
        return tr("Card and face");
    if (card)
        return person.numOfCard > 1 ? tr("%n card(s)", nullptr, person.numOfCard) : tr("Card");
    if (face)
        return tr("Face");
    if (person.numOfCard == 0 && person.numOfFace == 0)
        return tr("None");
    return tr("Not reported");
}

int PairModel::countWithoutCredential() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.noCredential; }));
}

int PairModel::countWithOverride() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.hasOverride; }));
}

int PairModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PairModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant PairModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    const PlannedAction &action = m_plan.actions.at(row.actionIndex);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return column == Status ? statusText(row) : row.text[column];
    case Qt::ToolTipRole:
        if (column == Status) {
            if (action.kind == ActionKind::Unchanged && !m_doorProblem.isEmpty())
                return tr("The door does not answer as it should, so the sync cannot confirm "
                          "this person's access: %1")
                    .arg(m_doorProblem);
            return row.toolTip;
        }
        if (column == MemberName && row.hasOverride)
            return overrideToolTip(*overrideAt(index.row()));
        return row.text[column].isEmpty() ? QVariant() : QVariant(row.text[column]);
    case Qt::DecorationRole:
        if (column == Status)
            return statusColor(row);
        if (column == MemberName && row.hasOverride)
            return bundledIcon(overrideAt(index.row())->blocked ? QStringLiteral("override-block")
                                                                : QStringLiteral("override-allow"));
        return QVariant();
    case StatusGroupRole:
        return int(row.group);
    case ActionKindRole:
        return int(action.kind);
    case MemberIdRole:
        if (!action.member)
            return QVariant();
        return QVariant::fromValue<qint64>(row.memberNumber);
    case EmployeeNoRole:
        return action.employeeNo.isEmpty() && row.personActionIndex >= 0
                   ? m_plan.actions.at(row.personActionIndex).employeeNo
                   : action.employeeNo;
    case SearchTextRole:
        return row.searchText;
    case ReasonRole:
        return action.reason;
    case RowKeyRole:
        return row.key;
    case HasOverrideRole:
        return row.hasOverride;
    case NoCredentialRole:
        return row.noCredential;
    case SuggestedEmployeeNoRole:
        return row.personActionIndex >= 0 ? m_plan.actions.at(row.personActionIndex).employeeNo
                                          : QString();
    case SortRole:
        if (column == MemberNumber)
            return QVariant::fromValue<qint64>(row.memberNumber);
        if (column == EmployeeNo)
            return QVariant::fromValue<qint64>(row.employeeNumber);
        if (column == RecentVisits)
            return row.recentVisits;
        if (column == LastVisit) // "14:05" today sorts after every earlier day
            return row.text[column].size() == 5
                       ? m_context.today.toString(Qt::ISODate) + QLatin1Char(' ') + row.text[column]
                       : row.text[column];
        return row.text[column];
    default:
        return QVariant();
    }
}

QVariant PairModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MemberName:
        return tr("Member");
    case MemberEmail:
        return tr("Email");
    case MemberNumber:
        return tr("Member no.");
    case Status:
        return tr("Status");
    case Credentials:
        return tr("Credentials");
    case EmployeeNo:
        return tr("Employee no.");
    case PersonName:
        return tr("Person on the door");
    case MembershipEnds:
        return tr("Membership ends");
    case PersonValidUntil:
        return tr("Valid until (door)");
    case LastVisit:
        return tr("Last visit");
    case RecentVisits:
        return tr("Visits (%n day(s))", nullptr, RecentVisitDays);
    default:
        return QVariant();
    }
}

} // namespace cis::gui
