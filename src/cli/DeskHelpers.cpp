// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DeskHelpers.h"

#include "CliApplication.h"
#include "Settings.h"
#include "SignalWatcher.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QEventLoop>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace cis {

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

QString memberText(const Member &member)
{
    return QStringLiteral("%1 (%2)").arg(member.displayName()).arg(member.key.organisationMemberId);
}

std::optional<Member> findMember(const Store &store, qint64 organisationId, const QString &text,
                                 QString *error)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty()) {
        *error = CliApplication::tr("--member is required: the member's number in Cardskipper.");
        return std::nullopt;
    }
    bool ok = false;
    const qint64 number = wanted.toLongLong(&ok);
    if (!ok || number <= 0) {
        *error = CliApplication::tr("--member wants the member's number in Cardskipper (like "
                                    "1001), not \"%1\".")
                     .arg(wanted);
        return std::nullopt;
    }
    std::optional<Member> member = store.member(MemberKey{organisationId, number});
    if (!member)
        *error = CliApplication::tr("No member %1 in organisation %2 in the last member list; run "
                                    "\"sync\" or \"plan\" first if the member is new.")
                     .arg(number)
                     .arg(organisationId);
    return member;
}

QStringList configuredIds(const AppSettings &settings)
{
    QStringList ids;
    for (const DeviceSettings &device : settings.devices)
        ids.append(device.id);
    return ids;
}

QString namedDoorProblem(const AppSettings &settings, const QString &deviceId)
{
    const DeviceSettings *device = settings.device(deviceId);
    if (!device)
        return CliApplication::tr("No door terminal \"%1\" in the configuration (%2).")
            .arg(deviceId, configuredIds(settings).join(u", "));
    if (!device->enabled)
        return CliApplication::tr("The door terminal \"%1\" is turned off in the configuration.")
            .arg(device->name);
    return {};
}

void cancelOnCtrlC(QEventLoop &loop, bool *cancelled, const std::function<void()> &cancel)
{
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &loop, [&] {
        if (*cancelled)
            return loop.quit();
        *cancelled = true;
        cancel();
    });
    loop.exec();
}

bool doorOutOfReach(const SyncEngine &engine, const QString &deviceId)
{
    if (engine.deviceRefusal(deviceId))
        return true;
    for (const DoorHealth &health : engine.doorHealth()) {
        if (health.deviceId != deviceId)
            continue;
        switch (health.state) {
        case DoorHealth::State::Unreachable:
        case DoorHealth::State::PasswordRejected:
        case DoorHealth::State::Locked:
        case DoorHealth::State::CertificateChanged:
            return true;
        case DoorHealth::State::Unknown:
        case DoorHealth::State::Online:
        case DoorHealth::State::Failing:
            break;
        }
    }
    return false;
}

} // namespace cis
