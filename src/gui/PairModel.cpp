// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "PairModel.h"

#include "Planner.h"

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
    case ActionKind::Rename:
        return WillExtend;
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
        return NotManaged;
    }
    return NotManaged;
}

QColor PairModel::groupColor(StatusGroup group)
{
    switch (group) {
    case InSync:
        return QColor(0x2e, 0x9e, 0x44); // green
    case WillCreate:
    case WillExtend:
        return QColor(0x1f, 0x6f, 0xd1); // blue
    case WillRevoke:
    case Held:
        return QColor(0xe6, 0x8a, 0x00); // orange
    case Conflict:
        return QColor(0xd0, 0x2c, 0x2c); // red
    case Suggested:
    case NoAccess:
    case NotManaged:
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
    case WillRevoke:
        return tr("Will be revoked");
    case Held:
        return tr("Held");
    case Conflict:
        return tr("Conflicts");
    case Suggested:
        return tr("Suggested");
    case NoAccess:
        return tr("No access");
    case NotManaged:
        return tr("Not managed");
    }
    return QString();
}

PairModel::Row PairModel::makeRow(const PlannedAction &action) const
{
    Row row;
    row.group = groupOf(action, m_plan.guard.held);

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
        if (member)
            row.text[MemberEmail] = member->email;
    }

    // Status
    QString status;
    switch (action.kind) {
    case ActionKind::Unchanged:
        status = tr("In sync");
        break;
    case ActionKind::Create:
        status = tr("Will be created");
        break;
    case ActionKind::UpdateValidity:
        if (action.before && action.after &&
            action.after->validity.end < action.before->validity.end)
            status = tr("Will be shortened");
        else
            status = tr("Will be extended");
        break;
    case ActionKind::Rename:
        status = tr("Will be renamed");
        break;
    case ActionKind::Revoke:
        status = tr("Will be revoked");
        break;
    case ActionKind::Delete:
        status = tr("Will be deleted");
        break;
    case ActionKind::Conflict:
        status = tr("Conflict");
        break;
    case ActionKind::AwaitingMatch:
        status = tr("Suggested match");
        break;
    case ActionKind::NoAccess:
        status = tr("No access");
        break;
    case ActionKind::NotManaged:
        status = tr("Not managed");
        break;
    }
    if (m_plan.guard.held && action.isWrite())
        status = tr("Held by the guard");
    row.text[Status] = status;

    QStringList tip;
    if (!action.reason.isEmpty())
        tip.append(action.reason);
    tip.append(action.warnings);
    if (m_plan.guard.held && action.isWrite())
        tip.append(m_plan.guard.reasons);
    row.toolTip = tip.join(QLatin1Char('\n'));

    // The device side
    if (action.before) {
        const Person &before = *action.before;
        row.text[EmployeeNo] = action.employeeNo.isEmpty() ? before.employeeNo : action.employeeNo;
        row.text[PersonName] = before.name;
        if (action.isWrite() && action.after && action.after->name != before.name &&
            !action.after->name.isEmpty())
            row.text[PersonName] = before.name + QStringLiteral(" → ") + action.after->name;
        const QString oldEnd = before.validity.enabled ? dateText(before.validity) : tr("always");
        row.text[PersonValidUntil] = oldEnd;
        if (action.isWrite() && action.after) {
            const QString newEnd =
                action.after->validity.enabled ? dateText(action.after->validity) : tr("always");
            if (newEnd != oldEnd)
                row.text[PersonValidUntil] = oldEnd + QStringLiteral(" → ") + newEnd;
        }
    }
    bool numeric = false;
    const qint64 employeeNumber = action.employeeNo.toLongLong(&numeric);
    row.employeeNumber = numeric ? employeeNumber : -1;

    row.searchText = normaliseName(row.text[MemberName]) + QLatin1Char(' ') +
                     row.text[MemberEmail].toLower() + QLatin1Char(' ') + row.text[MemberNumber] +
                     QLatin1Char(' ') + action.employeeNo + QLatin1Char(' ') +
                     normaliseName(action.before ? action.before->name : QString());
    return row;
}

void PairModel::setPlan(const Plan &plan, const QList<Member> &members)
{
    beginResetModel();
    m_plan = plan;
    m_members = members;
    m_memberIndex.clear();
    m_memberIndex.reserve(m_members.size());
    for (int i = 0; i < m_members.size(); ++i)
        m_memberIndex.insert(m_members.at(i).key, i);
    m_rows.clear();
    m_rows.reserve(m_plan.actions.size());
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    for (const PlannedAction &action : std::as_const(m_plan.actions)) {
        m_rows.append(makeRow(action));
        ++m_counts[m_rows.constLast().group];
    }
    endResetModel();
}

const PlannedAction *PairModel::actionAt(int row) const
{
    if (row < 0 || row >= m_plan.actions.size())
        return nullptr;
    return &m_plan.actions.at(row);
}

int PairModel::countOf(StatusGroup group) const
{
    if (group < InSync || group > NotManaged)
        return 0;
    return m_counts[group];
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
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return row.text[column];
    case Qt::ToolTipRole:
        if (column == Status)
            return row.toolTip;
        return row.text[column].isEmpty() ? QVariant() : QVariant(row.text[column]);
    case Qt::DecorationRole:
        if (column == Status)
            return groupColor(row.group);
        return QVariant();
    case StatusGroupRole:
        return int(row.group);
    case ActionKindRole:
        return int(m_plan.actions.at(index.row()).kind);
    case MemberIdRole:
        if (!m_plan.actions.at(index.row()).member)
            return QVariant();
        return QVariant::fromValue<qint64>(row.memberNumber);
    case EmployeeNoRole:
        return m_plan.actions.at(index.row()).employeeNo;
    case SearchTextRole:
        return row.searchText;
    case ReasonRole:
        return m_plan.actions.at(index.row()).reason;
    case SortRole:
        if (column == MemberNumber)
            return QVariant::fromValue<qint64>(row.memberNumber);
        if (column == EmployeeNo)
            return QVariant::fromValue<qint64>(row.employeeNumber);
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
    case EmployeeNo:
        return tr("Employee no.");
    case PersonName:
        return tr("Person on the door");
    case PersonValidUntil:
        return tr("Valid until");
    default:
        return QVariant();
    }
}

} // namespace cis::gui
