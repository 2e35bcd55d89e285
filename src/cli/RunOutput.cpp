// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "RunOutput.h"

#include <QCoreApplication>

// The translation context of this file's messages, the same for lupdate and at run time.
struct RunOutputTexts
{
    Q_DECLARE_TR_FUNCTIONS(RunOutputTexts)
};

namespace cis::RunOutput {

QString actionLabel(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Unchanged:
        return RunOutputTexts::tr("in sync");
    case ActionKind::Create:
        return RunOutputTexts::tr("create");
    case ActionKind::UpdateValidity:
        return RunOutputTexts::tr("update validity");
    case ActionKind::Rename:
        return RunOutputTexts::tr("rename");
    case ActionKind::Revoke:
        return RunOutputTexts::tr("revoke");
    case ActionKind::Delete:
        return RunOutputTexts::tr("delete");
    case ActionKind::Conflict:
        return RunOutputTexts::tr("conflict");
    case ActionKind::AwaitingMatch:
        return RunOutputTexts::tr("awaiting match");
    case ActionKind::NoAccess:
        return RunOutputTexts::tr("no access");
    case ActionKind::NotManaged:
        return RunOutputTexts::tr("not managed");
    case ActionKind::CardAdd:
        return RunOutputTexts::tr("card added");
    case ActionKind::CardRemove:
        return RunOutputTexts::tr("card removed");
    case ActionKind::FaceSet:
        return RunOutputTexts::tr("face set");
    case ActionKind::FaceCopy:
        return RunOutputTexts::tr("face copied");
    case ActionKind::FaceRemove:
        return RunOutputTexts::tr("face removed");
    }
    return {};
}

namespace {
QString window(const std::optional<Person> &person)
{
    if (!person)
        return QStringLiteral("-");
    return QStringLiteral("%1 – %2").arg(
        person->validity.begin.toString(QStringLiteral("yyyy-MM-dd")),
        person->validity.end.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

} // namespace

QString actionLine(const PlannedAction &action)
{
    QString who = action.memberName;
    if (action.member)
        who = QStringLiteral("%1 (%2)").arg(who).arg(action.member->organisationMemberId);
    if (who.isEmpty() && action.before)
        who = action.before->name;
    QString line = QStringLiteral("  %1 %2 %3")
                       .arg(actionLabel(action.kind).leftJustified(16),
                            action.employeeNo.leftJustified(10), who.leftJustified(32));
    if (action.kind == ActionKind::Create)
        line += RunOutputTexts::tr(" valid %1").arg(window(action.after));
    else if (action.kind == ActionKind::UpdateValidity || action.kind == ActionKind::Revoke ||
             action.kind == ActionKind::Rename)
        line += QStringLiteral(" %1 → %2").arg(window(action.before), window(action.after));
    if (!action.reason.isEmpty() && action.kind != ActionKind::Create)
        line += QStringLiteral("\n      ") + action.reason;
    return line;
}

QString planText(const RunReport &report, bool verbose)
{
    QString text;
    for (const DeviceOutcome &device : report.devices) {
        const Plan &plan = device.plan;
        text += RunOutputTexts::tr("Door terminal \"%1\": %2")
                    .arg(device.deviceName, deviceStatusToString(device.status));
        if (!device.message.isEmpty())
            text += QStringLiteral(" – ") + device.message;
        text += QLatin1Char('\n');
        if (plan.actions.isEmpty())
            continue;
        text += RunOutputTexts::tr(
                    "  %1 create, %2 update, %3 revoke, %4 delete, %5 conflict, %6 in sync, "
                    "%7 awaiting a match decision, %8 not managed")
                    .arg(plan.count(ActionKind::Create))
                    .arg(plan.count(ActionKind::UpdateValidity) + plan.count(ActionKind::Rename))
                    .arg(plan.count(ActionKind::Revoke))
                    .arg(plan.count(ActionKind::Delete))
                    .arg(plan.count(ActionKind::Conflict))
                    .arg(plan.count(ActionKind::Unchanged))
                    .arg(plan.count(ActionKind::AwaitingMatch))
                    .arg(plan.count(ActionKind::NotManaged)) +
                QLatin1Char('\n');
        for (const PlannedAction &action : plan.actions) {
            // Members awaiting a match decision are listed with their suggestion below.
            const bool interesting = action.isWrite() || action.kind == ActionKind::Conflict;
            if (interesting || (verbose && action.kind != ActionKind::NoAccess &&
                                action.kind != ActionKind::AwaitingMatch))
                text += actionLine(action) + QLatin1Char('\n');
        }
        for (const Suggestion &suggestion : plan.suggestions)
            text += RunOutputTexts::tr("  suggestion: person %1 may be member %2 (%3); accept with "
                                       "\"link --device %4 --employee-no %1 --member %2\"")
                        .arg(suggestion.employeeNo)
                        .arg(suggestion.member.organisationMemberId)
                        .arg(suggestion.reason, device.deviceId) +
                    QLatin1Char('\n');
        for (const QString &reason : plan.guard.reasons)
            text += RunOutputTexts::tr("  guard: %1").arg(reason) + QLatin1Char('\n');
    }
    return text;
}

QString summaryText(const RunReport &report)
{
    const RunRecord &run = report.run;
    QString text =
        RunOutputTexts::tr("Run %1 (%2): %3. Members: %4; created %5, updated %6, revoked %7, "
                           "deleted %8, conflicts %9, failed %10. Requests: %11.")
            .arg(run.id)
            .arg(runKindToString(run.kind), runStatusToString(run.status))
            .arg(run.membersFetched)
            .arg(run.created)
            .arg(run.updated)
            .arg(run.revoked)
            .arg(run.deleted)
            .arg(run.conflicts)
            .arg(run.failed)
            .arg(report.totalRequests());
    text += QLatin1Char('\n');
    for (const RefusedAtDoor &refused : report.refusedDespiteMembership) {
        text += RunOutputTexts::tr("Refused at \"%1\" at %2 although the membership is valid: "
                                   "%3 (member %4): %5")
                    .arg(refused.deviceName,
                         refused.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         refused.memberName)
                    .arg(refused.member.organisationMemberId)
                    .arg(refused.reason);
        text += refused.writtenThisRun
                    ? RunOutputTexts::tr(" This run wrote the member to the door.")
                    : RunOutputTexts::tr(" This run did not change the member on the door: "
                                         "check their card or face there.");
        text += QLatin1Char('\n');
    }
    return text;
}

QString deviceFinishedLine(const DeviceOutcome &device)
{
    const double seconds = device.startMs >= 0 && device.endMs >= device.startMs
                               ? double(device.endMs - device.startMs) / 1000.0
                               : 0.0;
    QString line = RunOutputTexts::tr("Door terminal \"%1\" done: %2, %3 written, %4 failed, %5 "
                                      "requests in %6 s")
                       .arg(device.deviceName, deviceStatusToString(device.status))
                       .arg(device.written)
                       .arg(device.failed)
                       .arg(device.requests)
                       .arg(seconds, 0, 'f', 1);
    if (!device.message.isEmpty() && device.status != DeviceOutcome::Status::Synced)
        line += QStringLiteral(" – ") + device.message;
    return line + QLatin1Char('\n');
}

} // namespace cis::RunOutput
