// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The faces given at the desk (face set, capture, remove). A face is biometric data: the photo
// is read, prepared and handed to the engine in memory; nothing here writes it anywhere or
// prints its bytes.
#include "CliApplication.h"
#include "DeskHelpers.h"
#include "FacePhoto.h"
#include "Store.h"
#include "SyncSession.h"
#include "WaitFor.h"

#include <QEventLoop>
#include <QFileInfo>
#include <algorithm>
#include <optional>

namespace cis {

namespace {

// Whether every door the member is on is out of reach: nothing could even be asked (exit 3).
bool allDoorsOutOfReach(const SyncEngine &engine, const MemberKey &member)
{
    const QList<SyncEngine::MemberDoor> doors = engine.doorsOfMember(member);
    return !doors.isEmpty() &&
           std::all_of(doors.cbegin(), doors.cend(), [&](const SyncEngine::MemberDoor &door) {
               return doorOutOfReach(engine, door.deviceId);
           });
}

} // namespace

int CliApplication::runFace(QCommandLineParser &parser, const QStringList &arguments)
{
    const QString what = arguments.value(1);
    QStringList rest = arguments;
    if (rest.size() > 1)
        rest.removeAt(1);
    if (what == QLatin1String("set"))
        return runFaceSet(parser, rest);
    if (what == QLatin1String("capture"))
        return runFaceCapture(parser, rest);
    if (what == QLatin1String("remove"))
        return runFaceRemove(parser, rest);
    parser.addPositionalArgument(QStringLiteral("what"),
                                 tr("set, capture or remove; \"face set --help\" lists its "
                                    "options."),
                                 QStringLiteral("set|capture|remove"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("The member's face, written to every door the member is on that has a face library "
           "(and copied by each sync to a door that lacks it). The picture is biometric data: "
           "it is kept on the doors only, never in the database or a file.\n"
           "  set --member N --photo FILE  give the member the face in a photo\n"
           "  capture --member N [--device ID]  take the photo with a door's camera\n"
           "  remove --member N  remove the member's face from every door"),
        {});
    if (parsed >= 0)
        return parsed;
    if (what.isEmpty())
        return usageError(tr("Say what to do with the face: set, capture or remove."));
    return usageError(tr("Unknown face command \"%1\"; use set, capture or remove.").arg(what));
}

int CliApplication::runFaceSet(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption memberOption(QStringLiteral("member"),
                                          tr("The member's number in Cardskipper."), tr("number"));
    const QCommandLineOption photoOption(
        QStringLiteral("photo"),
        tr("The photo: a JPEG or PNG file, at least 400 pixels wide and high, of the member "
           "alone, front-facing and well lit."),
        tr("file"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Give the member the face in a photo (JPEG or PNG, turned upright by its EXIF "
           "orientation). The command line cannot frame it: the centre square is used; use the "
           "desktop app to frame it yourself. It is made into a JPEG the terminals accept and "
           "written to every door the member is on that has a face library; nothing of the "
           "photo is stored or written anywhere else."),
        {memberOption, photoOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    if (!parser.isSet(memberOption))
        return usageError(tr("--member is required: the member's number in Cardskipper."));
    const QString path = parser.value(photoOption);
    if (path.trimmed().isEmpty())
        return usageError(tr("--photo is required: the photo file (JPEG or PNG)."));

    // The photo first: a file that will not do needs no door.
    QByteArray jpeg;
    {
        const Expected<QImage, QString> photo = loadFacePhoto(path);
        if (!photo)
            return usageError(photo.error());
        const Expected<QByteArray, QString> encoded =
            encodeFacePhoto(photo.value(), suggestedFaceCrop(photo.value()));
        if (!encoded)
            return usageError(tr("The photo \"%1\" cannot be used: %2")
                                  .arg(QFileInfo(path).fileName(), encoded.error()));
        jpeg = encoded.value();
    }

    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    QString error;
    const std::optional<Member> member =
        findMember(session->store(), session->settings().cardskipper.organisationId,
                   parser.value(memberOption), &error);
    if (!member)
        return usageError(error);
    quietEngineLog(*session);
    SyncEngine &engine = session->engine();
    const SyncEngine::FaceOutcome outcome = waitFor<SyncEngine::FaceOutcome>(
        [&](auto done) { engine.setMemberFace(member->key, jpeg, std::move(done)); });
    (outcome.ok ? m_out : m_err) << outcome.message << Qt::endl;
    if (outcome.ok)
        return Done;
    return allDoorsOutOfReach(engine, member->key) ? CannotConnect : SomeFailed;
}

int CliApplication::runFaceCapture(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption memberOption(QStringLiteral("member"),
                                          tr("The member's number in Cardskipper."), tr("number"));
    const QCommandLineOption deviceOption(
        QStringLiteral("device"),
        tr("The door terminal whose camera takes the photo (its id; default: the first door the "
           "member is on)."),
        tr("id"));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"),
        tr("How long to wait for a face in front of the camera (1 to 60 seconds)."), tr("seconds"),
        QStringLiteral("30"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Take the member's face photo with a door terminal's camera: the member looks into "
           "it when asked. The door keeps the face and it is copied to the member's other doors. "
           "Ctrl+C cancels."),
        {memberOption, deviceOption, secondsOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    bool ok = false;
    const int seconds = parser.value(secondsOption).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 60)
        return usageError(tr("--seconds must be a number from 1 to 60, not \"%1\".")
                              .arg(parser.value(secondsOption)));
    if (!parser.isSet(memberOption))
        return usageError(tr("--member is required: the member's number in Cardskipper."));

    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    const AppSettings &settings = session->settings();
    QString error;
    const std::optional<Member> member = findMember(
        session->store(), settings.cardskipper.organisationId, parser.value(memberOption), &error);
    if (!member)
        return usageError(error);
    const QString who = memberText(*member);
    SyncEngine &engine = session->engine();

    QString deviceId = parser.value(deviceOption);
    if (parser.isSet(deviceOption)) {
        if (const QString problem = namedDoorProblem(settings, deviceId); !problem.isEmpty())
            return usageError(problem);
    } else {
        const QList<SyncEngine::MemberDoor> doors = engine.doorsOfMember(member->key);
        if (doors.isEmpty())
            return usageError(tr("%1 is not on any door yet: the face can be taken once the "
                                 "member is on one (run \"sync\").")
                                  .arg(who));
        deviceId = doors.first().deviceId;
    }
    const QString door = settings.device(deviceId)->name;
    quietEngineLog(*session);

    // A door without a face library (or out of reach) is said before anyone is asked to look
    // into a camera.
    struct Library
    {
        bool available = false;
        QString why;
    };
    const Library library = waitFor<Library>([&](auto done) {
        engine.faceLibraryOf(deviceId, [done](bool available, const QString &why) {
            done(Library{available, why});
        });
    });
    if (!library.available) {
        m_err << library.why << Qt::endl << tr("No face was taken for %1.").arg(who) << Qt::endl;
        return doorOutOfReach(engine, deviceId) ? CannotConnect : SomeFailed;
    }

    std::optional<SyncEngine::FaceOutcome> outcome;
    bool cancelled = false;
    // On a console the camera's progress is shown on one line; a log gets the start only.
    const bool terminal = stderrIsTerminal();
    qsizetype shown = 0;
    const auto showProgress = [&](int percent) {
        const QString line =
            tr("Look into the camera of %1: %2 % (Ctrl+C cancels).").arg(door).arg(percent);
        m_err << QLatin1Char('\r') << line.leftJustified(shown);
        m_err.flush();
        shown = line.size();
    };
    QEventLoop loop;
    const quint64 tag = engine.captureMemberFace(
        member->key, deviceId, seconds,
        [&](int percent) {
            if (terminal && !cancelled)
                showProgress(percent);
        },
        [&](const SyncEngine::FaceOutcome &result) {
            outcome = result;
            loop.quit();
        });
    if (!outcome) {
        if (terminal)
            showProgress(0);
        else
            m_err << tr("Taking the face photo of %1 at %2: look into its camera within %n "
                        "second(s) (Ctrl+C cancels).",
                        nullptr, seconds)
                         .arg(who, door)
                  << Qt::endl;
        cancelOnCtrlC(loop, &cancelled, [&] { engine.cancelFaceCapture(tag); });
        if (terminal)
            m_err << Qt::endl;
    }

    if (cancelled) {
        m_err << tr("Cancelled: no face was taken for %1.").arg(who) << Qt::endl;
        return SomeFailed;
    }
    (outcome->ok ? m_out : m_err) << outcome->message << Qt::endl;
    if (outcome->ok)
        return Done;
    return doorOutOfReach(engine, deviceId) ? CannotConnect : SomeFailed;
}

int CliApplication::runFaceRemove(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption memberOption(QStringLiteral("member"),
                                          tr("The member's number in Cardskipper."), tr("number"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Remove the member's face from every door (now, or by the next syncs where a door "
           "cannot be reached); until each has, no door copies it to another."),
        {memberOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    if (!parser.isSet(memberOption))
        return usageError(tr("--member is required: the member's number in Cardskipper."));

    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    QString error;
    const std::optional<Member> member =
        findMember(session->store(), session->settings().cardskipper.organisationId,
                   parser.value(memberOption), &error);
    if (!member)
        return usageError(error);
    quietEngineLog(*session);
    const SyncEngine::FaceOutcome outcome = waitFor<SyncEngine::FaceOutcome>(
        [&](auto done) { session->engine().removeMemberFace(member->key, std::move(done)); });
    (outcome.ok ? m_out : m_err) << outcome.message << Qt::endl;
    return outcome.ok ? Done : SomeFailed;
}

} // namespace cis
