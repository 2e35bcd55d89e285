// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "RunReport.h"

#include <QJsonArray>

namespace cis {

QString deviceStatusToString(DeviceOutcome::Status status)
{
    switch (status) {
    case DeviceOutcome::Status::Synced:
        return QStringLiteral("synced");
    case DeviceOutcome::Status::Previewed:
        return QStringLiteral("previewed");
    case DeviceOutcome::Status::Held:
        return QStringLiteral("held");
    case DeviceOutcome::Status::PartlyFailed:
        return QStringLiteral("partly-failed");
    case DeviceOutcome::Status::Failed:
        return QStringLiteral("failed");
    case DeviceOutcome::Status::AuthFailed:
        return QStringLiteral("auth-failed");
    case DeviceOutcome::Status::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString doorHealthStateToString(DoorHealth::State state)
{
    switch (state) {
    case DoorHealth::State::Unknown:
        return QStringLiteral("unknown");
    case DoorHealth::State::Online:
        return QStringLiteral("online");
    case DoorHealth::State::Unreachable:
        return QStringLiteral("unreachable");
    case DoorHealth::State::PasswordRejected:
        return QStringLiteral("password-rejected");
    case DoorHealth::State::Locked:
        return QStringLiteral("locked");
    case DoorHealth::State::CertificateChanged:
        return QStringLiteral("certificate-changed");
    case DoorHealth::State::Failing:
        return QStringLiteral("failing");
    }
    return {};
}

int RunReport::exitCode() const
{
    if (!cardskipperError.isEmpty())
        return 3;
    bool authFailed = false;
    bool failed = false;
    bool held = membersHeld;
    for (const DeviceOutcome &device : devices) {
        authFailed = authFailed || device.status == DeviceOutcome::Status::AuthFailed;
        failed = failed || device.status == DeviceOutcome::Status::Failed ||
                 device.status == DeviceOutcome::Status::PartlyFailed;
        held = held || device.status == DeviceOutcome::Status::Held;
    }
    if (authFailed)
        return 3;
    if (failed)
        return 1;
    if (held)
        return 4;
    return 0;
}

int RunReport::totalRequests() const
{
    int total = 0;
    for (int count : requestsByEndpoint)
        total += count;
    return total;
}

int RunReport::deviceRequests() const
{
    int total = 0;
    for (const DeviceOutcome &device : devices)
        total += device.requests;
    return total;
}

QJsonObject personToJson(const Person &person)
{
    const auto time = [](const QDateTime &value) {
        return value.isValid() ? value.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) : QString();
    };
    return QJsonObject{{QStringLiteral("employeeNo"), person.employeeNo},
                       {QStringLiteral("name"), person.name},
                       {QStringLiteral("enabled"), person.validity.enabled},
                       {QStringLiteral("beginTime"), time(person.validity.begin)},
                       {QStringLiteral("endTime"), time(person.validity.end)}};
}

namespace {

QJsonValue memberKeyJson(const std::optional<MemberKey> &key)
{
    if (!key)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("organisationId"), key->organisationId},
                       {QStringLiteral("memberId"), key->organisationMemberId}};
}

QJsonObject actionJson(const PlannedAction &action)
{
    QJsonObject object{{QStringLiteral("action"), actionKindToString(action.kind)},
                       {QStringLiteral("employeeNo"), action.employeeNo},
                       {QStringLiteral("member"), memberKeyJson(action.member)},
                       {QStringLiteral("memberName"), action.memberName},
                       {QStringLiteral("reason"), action.reason}};
    if (action.before)
        object.insert(QStringLiteral("before"), personToJson(*action.before));
    if (action.after)
        object.insert(QStringLiteral("after"), personToJson(*action.after));
    if (!action.warnings.isEmpty())
        object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(action.warnings));
    return object;
}

} // namespace

QJsonObject RunReport::toJson() const
{
    QJsonObject counts{{QStringLiteral("membersFetched"), run.membersFetched},
                       {QStringLiteral("created"), run.created},
                       {QStringLiteral("updated"), run.updated},
                       {QStringLiteral("revoked"), run.revoked},
                       {QStringLiteral("deleted"), run.deleted},
                       {QStringLiteral("conflicts"), run.conflicts},
                       {QStringLiteral("failed"), run.failed}};
    QJsonObject requests;
    for (auto it = requestsByEndpoint.cbegin(); it != requestsByEndpoint.cend(); ++it)
        requests.insert(it.key(), it.value());
    QJsonArray deviceArray;
    for (const DeviceOutcome &device : devices) {
        QJsonArray actions;
        QJsonObject actionCounts;
        for (const PlannedAction &action : device.plan.actions) {
            const QString kind = actionKindToString(action.kind);
            actionCounts.insert(kind, actionCounts.value(kind).toInt() + 1);
            if (action.kind != ActionKind::Unchanged && action.kind != ActionKind::NoAccess &&
                action.kind != ActionKind::NotManaged)
                actions.append(actionJson(action));
        }
        const auto time = [](const QDateTime &at) {
            return at.isValid() ? QJsonValue(at.toString(Qt::ISODateWithMs)) : QJsonValue();
        };
        const auto offset = [](qint64 ms) { return ms >= 0 ? QJsonValue(ms) : QJsonValue(); };
        deviceArray.append(QJsonObject{
            {QStringLiteral("id"), device.deviceId},
            {QStringLiteral("startedAt"), time(device.startedAt)},
            {QStringLiteral("finishedAt"), time(device.finishedAt)},
            {QStringLiteral("startMs"), offset(device.startMs)},
            {QStringLiteral("endMs"), offset(device.endMs)},
            {QStringLiteral("name"), device.deviceName},
            {QStringLiteral("status"), deviceStatusToString(device.status)},
            {QStringLiteral("message"), device.message},
            {QStringLiteral("requests"), device.requests},
            {QStringLiteral("written"), device.written},
            {QStringLiteral("failed"), device.failed},
            {QStringLiteral("actionCounts"), actionCounts},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("guard"),
             QJsonObject{{QStringLiteral("held"), device.plan.guard.held},
                         {QStringLiteral("reasons"),
                          QJsonArray::fromStringList(device.plan.guard.reasons)}}},
            {QStringLiteral("suggestions"), int(device.plan.suggestions.size())},
        });
    }
    QJsonArray operationArray;
    for (const OperationRecord &operation : operations) {
        QJsonObject object{{QStringLiteral("id"), operation.id},
                           {QStringLiteral("device"), operation.deviceId},
                           {QStringLiteral("employeeNo"), operation.employeeNo},
                           {QStringLiteral("member"), memberKeyJson(operation.member)},
                           {QStringLiteral("action"), actionKindToString(operation.action)},
                           {QStringLiteral("status"), operationStatusToString(operation.status)},
                           {QStringLiteral("error"), operation.error},
                           {QStringLiteral("at"), operation.at.toString(Qt::ISODate)}};
        if (operation.before)
            object.insert(QStringLiteral("before"), personToJson(*operation.before));
        if (operation.after)
            object.insert(QStringLiteral("after"), personToJson(*operation.after));
        operationArray.append(object);
    }
    QJsonArray refusedArray;
    for (const RefusedAtDoor &refused : refusedDespiteMembership)
        refusedArray.append(
            QJsonObject{{QStringLiteral("device"), refused.deviceId},
                        {QStringLiteral("member"), memberKeyJson(refused.member)},
                        {QStringLiteral("name"), refused.memberName},
                        {QStringLiteral("at"), refused.at.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("reason"), refused.reason},
                        {QStringLiteral("writtenThisRun"), refused.writtenThisRun}});
    return QJsonObject{
        {QStringLiteral("runId"), run.id},
        {QStringLiteral("kind"), runKindToString(run.kind)},
        {QStringLiteral("status"), runStatusToString(run.status)},
        {QStringLiteral("startedAt"), run.startedAt.toString(Qt::ISODate)},
        {QStringLiteral("finishedAt"), run.finishedAt.toString(Qt::ISODate)},
        {QStringLiteral("exitCode"), exitCode()},
        {QStringLiteral("error"), run.error},
        {QStringLiteral("cardskipperError"), cardskipperError},
        {QStringLiteral("membersHeld"), membersHeld},
        {QStringLiteral("guardReasons"), QJsonArray::fromStringList(guardReasons)},
        {QStringLiteral("counts"), counts},
        {QStringLiteral("requestsByEndpoint"), requests},
        {QStringLiteral("durationsMs"), QJsonObject{{QStringLiteral("fetch"), fetchMs},
                                                    {QStringLiteral("plan"), planMs},
                                                    {QStringLiteral("apply"), applyMs},
                                                    {QStringLiteral("database"), databaseMs}}},
        {QStringLiteral("devices"), deviceArray},
        {QStringLiteral("operations"), operationArray},
        {QStringLiteral("refusedDespiteMembership"), refusedArray},
    };
}

} // namespace cis
