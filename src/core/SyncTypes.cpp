// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SyncTypes.h"

#include <array>
#include <utility>

namespace cis {

namespace {

template<typename Enum, size_t N>
QString enumToString(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return QString::fromLatin1(text);
    }
    return {};
}

template<typename Enum, size_t N>
std::optional<Enum> enumFromString(const std::array<std::pair<Enum, const char *>, N> &table,
                                   const QString &text)
{
    for (const auto &[candidate, name] : table) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<LinkOrigin, const char *>, 3> kLinkOrigins{{
    {LinkOrigin::Created, "created"},
    {LinkOrigin::Manual, "manual"},
    {LinkOrigin::Suggested, "suggested"},
}};

constexpr std::array<std::pair<ActionKind, const char *>, 15> kActionKinds{{
    {ActionKind::Unchanged, "unchanged"},
    {ActionKind::Create, "create"},
    {ActionKind::UpdateValidity, "update-validity"},
    {ActionKind::Rename, "rename"},
    {ActionKind::Revoke, "revoke"},
    {ActionKind::Delete, "delete"},
    {ActionKind::Conflict, "conflict"},
    {ActionKind::AwaitingMatch, "awaiting-match"},
    {ActionKind::NoAccess, "no-access"},
    {ActionKind::NotManaged, "not-managed"},
    {ActionKind::CardAdd, "card-add"},
    {ActionKind::CardRemove, "card-remove"},
    {ActionKind::FaceSet, "face-set"},
    {ActionKind::FaceCopy, "face-copy"},
    {ActionKind::FaceRemove, "face-remove"},
}};

constexpr std::array<std::pair<RunKind, const char *>, 4> kRunKinds{{
    {RunKind::QuickSync, "quick"},
    {RunKind::FullReconcile, "full"},
    {RunKind::Preview, "preview"},
    {RunKind::Desk, "desk"},
}};

constexpr std::array<std::pair<RunStatus, const char *>, 5> kRunStatuses{{
    {RunStatus::Running, "running"},
    {RunStatus::Succeeded, "succeeded"},
    {RunStatus::PartlyFailed, "partly-failed"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Held, "held"},
}};

constexpr std::array<std::pair<OperationStatus, const char *>, 4> kOperationStatuses{{
    {OperationStatus::Pending, "pending"},
    {OperationStatus::Done, "done"},
    {OperationStatus::Failed, "failed"},
    {OperationStatus::Skipped, "skipped"},
}};

} // namespace

QString linkOriginToString(LinkOrigin origin)
{
    return enumToString(kLinkOrigins, origin);
}
std::optional<LinkOrigin> linkOriginFromString(const QString &text)
{
    return enumFromString(kLinkOrigins, text);
}

QString actionKindToString(ActionKind kind)
{
    return enumToString(kActionKinds, kind);
}
std::optional<ActionKind> actionKindFromString(const QString &text)
{
    return enumFromString(kActionKinds, text);
}

QString runKindToString(RunKind kind)
{
    return enumToString(kRunKinds, kind);
}
std::optional<RunKind> runKindFromString(const QString &text)
{
    return enumFromString(kRunKinds, text);
}

QString runStatusToString(RunStatus status)
{
    return enumToString(kRunStatuses, status);
}
std::optional<RunStatus> runStatusFromString(const QString &text)
{
    return enumFromString(kRunStatuses, text);
}

QString operationStatusToString(OperationStatus status)
{
    return enumToString(kOperationStatuses, status);
}
std::optional<OperationStatus> operationStatusFromString(const QString &text)
{
    return enumFromString(kOperationStatuses, text);
}

int Plan::count(ActionKind kind) const
{
    int n = 0;
    for (const PlannedAction &action : actions) {
        if (action.kind == kind)
            ++n;
    }
    return n;
}

QList<PlannedAction> Plan::writes() const
{
    QList<PlannedAction> result;
    for (const PlannedAction &action : actions) {
        if (action.isWrite())
            result.append(action);
    }
    return result;
}

} // namespace cis
