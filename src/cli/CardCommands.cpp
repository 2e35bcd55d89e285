// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The cards given at the desk (card capture, set, remove, list) and who holds which credential
// on each door (credentials).
#include "CardNumber.h"
#include "CliApplication.h"
#include "Clock.h"
#include "DeskHelpers.h"
#include "Store.h"
#include "SyncSession.h"
#include "WaitFor.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <optional>

namespace cis {

namespace {

QString addedBy()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("cli")));
}

// Columns padded to their widest cell, two spaces apart.
QString alignedTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths.at(i), row.at(i).size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}

QString countText(int count)
{
    return count < 0 ? QStringLiteral("?") : QString::number(count);
}

QJsonValue countJson(int count)
{
    return count < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(count);
}

// "card", "face", "card+face", "none", or "unknown" when the terminal did not say.
QString credentialKey(int cards, int faces)
{
    QStringList held;
    if (cards > 0)
        held.append(QStringLiteral("card"));
    if (faces > 0)
        held.append(QStringLiteral("face"));
    if (!held.isEmpty())
        return held.join(QLatin1Char('+'));
    return cards < 0 || faces < 0 ? QStringLiteral("unknown") : QStringLiteral("none");
}

QString credentialText(int cards, int faces)
{
    const QString key = credentialKey(cards, faces);
    if (key == QLatin1String("card"))
        return CliApplication::tr("card");
    if (key == QLatin1String("face"))
        return CliApplication::tr("face");
    if (key == QLatin1String("card+face"))
        return CliApplication::tr("card+face");
    if (key == QLatin1String("none"))
        return CliApplication::tr("none");
    return QStringLiteral("?");
}

// Whether the plan lets the member in today: the window's notion (the members table's "no
// credential" mark), a linked person the sync keeps open, with a window that has not ended.
bool mayEnter(const PlannedAction &action, QDate today)
{
    if (!action.member || !action.after)
        return false;
    if (action.kind != ActionKind::Unchanged && action.kind != ActionKind::UpdateValidity &&
        action.kind != ActionKind::Rename && action.kind != ActionKind::Create)
        return false;
    return !action.after->validity.enabled || action.after->validity.end.date() >= today;
}

} // namespace

void CliApplication::quietEngineLog(SyncSession &session)
{
    QObject::disconnect(&session.engine(), &SyncEngine::logMessage, this, nullptr);
    if (!m_verbose) {
        // The engine also writes its errors to Qt's log: the outcome printed says them already.
        QLoggingCategory::setFilterRules(
            QStringLiteral("cis.*.info=false\ncis.sync.warning=false"));
        return;
    }
    QObject::connect(&session.engine(), &SyncEngine::logMessage, this,
                     [this](const QString &, const QString &, const QString &,
                            const QString &text) { m_err << text << Qt::endl; });
}

int CliApplication::giveCard(SyncSession &session, const MemberKey &member, const QString &cardNo)
{
    const QString by = addedBy();
    const SyncEngine::CardOutcome outcome = waitFor<SyncEngine::CardOutcome>(
        [&](auto done) { session.engine().addMemberCard(member, cardNo, by, std::move(done)); });
    (outcome.ok ? m_out : m_err) << outcome.message << Qt::endl;
    return outcome.ok ? Done : SomeFailed;
}

int CliApplication::runCard(QCommandLineParser &parser, const QStringList &arguments)
{
    const QString what = arguments.value(1);
    QStringList rest = arguments;
    if (rest.size() > 1)
        rest.removeAt(1);
    if (what == QLatin1String("capture"))
        return runCardCapture(parser, rest);
    if (what == QLatin1String("set"))
        return runCardSet(parser, rest);
    if (what == QLatin1String("remove"))
        return runCardRemove(parser, rest);
    if (what == QLatin1String("list"))
        return runCardList(parser, rest);
    parser.addPositionalArgument(QStringLiteral("what"),
                                 tr("capture, set, remove or list; \"card capture --help\" lists "
                                    "its options."),
                                 QStringLiteral("capture|set|remove|list"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("The cards given at the desk, kept in the database and written to every door the "
           "member is on (and by each sync to a door that could not be reached).\n"
           "  capture --member N  read a card at a door's reader and give it to the member\n"
           "  set --member N --number X  give the member a card by its number\n"
           "  remove --member N [--number X]  take a card (or every card) from the member\n"
           "  list [--member N]  the cards given"),
        {});
    if (parsed >= 0)
        return parsed;
    if (what.isEmpty())
        return usageError(tr("Say what to do with the card: capture, set, remove or list."));
    return usageError(
        tr("Unknown card command \"%1\"; use capture, set, remove or list.").arg(what));
}

int CliApplication::runCardCapture(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption memberOption(QStringLiteral("member"),
                                          tr("The member's number in Cardskipper."), tr("number"));
    const QCommandLineOption deviceOption(
        QStringLiteral("device"),
        tr("The door terminal whose reader reads the card (its id; default: the first door the "
           "member is on, else the first door)."),
        tr("id"));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), tr("How long to wait for the card (at most 30 seconds)."),
        tr("seconds"), QStringLiteral("30"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Read a card at a door terminal's reader and give it to the member: hold the card to "
           "the reader when asked. Ctrl+C cancels."),
        {memberOption, deviceOption, secondsOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    bool ok = false;
    const int seconds = parser.value(secondsOption).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 30)
        return usageError(tr("--seconds must be a number from 1 to 30, not \"%1\".")
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
        if (!doors.isEmpty()) {
            deviceId = doors.first().deviceId;
        } else {
            for (const DeviceSettings &device : settings.devices) {
                if (device.enabled) {
                    deviceId = device.id;
                    break;
                }
            }
        }
        if (deviceId.isEmpty())
            return usageError(tr("No door terminal is turned on in the configuration."));
    }
    const QString door = settings.device(deviceId)->name;
    quietEngineLog(*session);

    struct Captured
    {
        CapturedCard card;
        QString error;
    };
    std::optional<Captured> captured;
    bool cancelled = false;
    QEventLoop loop;
    const quint64 tag = engine.captureCard(deviceId, seconds,
                                           [&](const CapturedCard &card, const QString &message) {
                                               captured = Captured{card, message};
                                               loop.quit();
                                           });
    if (!captured) {
        // On a console the time left counts down on one line; a log gets the start only.
        const bool terminal = stderrIsTerminal();
        QElapsedTimer elapsed;
        elapsed.start();
        QTimer countdown;
        qsizetype shown = 0;
        const auto showTimeLeft = [&] {
            const int left = seconds - qRound(double(elapsed.elapsed()) / 1000.0);
            const QString line =
                left > 0 ? tr("Hold the card for %1 to the reader of %2: %n second(s) left "
                              "(Ctrl+C cancels).",
                              nullptr, left)
                               .arg(who, door)
                         : tr("Waiting for %1 to answer (Ctrl+C cancels).").arg(door);
            m_err << QLatin1Char('\r') << line.leftJustified(shown);
            m_err.flush();
            shown = line.size();
        };
        if (terminal) {
            showTimeLeft();
            QObject::connect(&countdown, &QTimer::timeout, &loop, showTimeLeft);
            countdown.start(1000);
        } else {
            m_err << tr("Hold the card for %1 to the reader of %2 within %n second(s) (Ctrl+C "
                        "cancels).",
                        nullptr, seconds)
                         .arg(who, door)
                  << Qt::endl;
        }
        if (!captured)
            cancelOnCtrlC(loop, &cancelled, [&] { engine.cancelCardCapture(tag); });
        countdown.stop();
        if (terminal)
            m_err << Qt::endl;
    }

    if (cancelled) {
        m_err << tr("Cancelled: no card was given to %1.").arg(who) << Qt::endl;
        return SomeFailed;
    }
    if (!captured->error.isEmpty()) {
        m_err << captured->error << Qt::endl << tr("No card was given to %1.").arg(who) << Qt::endl;
        return doorOutOfReach(engine, deviceId) ? CannotConnect : SomeFailed;
    }
    m_out << tr("Card %1 was read at %2.").arg(captured->card.cardNo, door) << Qt::endl;
    return giveCard(*session, member->key, captured->card.cardNo);
}

int CliApplication::runCardSet(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption memberOption(QStringLiteral("member"),
                                          tr("The member's number in Cardskipper."), tr("number"));
    const QCommandLineOption numberOption(
        QStringLiteral("number"),
        tr("The card number, as the door terminal reads it (or as a desk reader types it, with "
           "the --reader options)."),
        tr("card"));
    const QCommandLineOption inputOption(
        QStringLiteral("reader-input"),
        tr("What the desk reader types: hex or decimal (default decimal)."), tr("base"),
        QStringLiteral("decimal"));
    const QCommandLineOption outputOption(
        QStringLiteral("reader-output"),
        tr("The number the door terminal expects: as-typed, decimal or hex (default as-typed)."),
        tr("form"), QStringLiteral("as-typed"));
    const QCommandLineOption reverseOption(
        QStringLiteral("reverse-bytes"),
        tr("Swap the byte order of the card's UID before converting it."));
    const QCommandLineOption padOption(
        QStringLiteral("zero-pad"),
        tr("Pad the number with zeros on the left to this many digits (0: no padding)."),
        tr("digits"), QStringLiteral("0"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Give the member a card by its number: stored, then written to every door the member "
           "is on. A number someone else holds is refused."),
        {memberOption, numberOption, inputOption, outputOption, reverseOption, padOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    if (!parser.isSet(memberOption))
        return usageError(tr("--member is required: the member's number in Cardskipper."));
    const QString typed = parser.value(numberOption).trimmed();
    if (typed.isEmpty())
        return usageError(tr("--number is required: the card's number."));

    QString cardNo = typed;
    if (parser.isSet(inputOption) || parser.isSet(outputOption) || parser.isSet(reverseOption) ||
        parser.isSet(padOption)) {
        CardReaderTransform transform;
        const QString input = parser.value(inputOption).trimmed().toLower();
        if (input != QLatin1String("hex") && input != QLatin1String("decimal"))
            return usageError(tr("--reader-input must be hex or decimal, not \"%1\".")
                                  .arg(parser.value(inputOption)));
        transform.inputHex = input == QLatin1String("hex");
        const std::optional<CardReaderTransform::Output> output =
            CardReaderTransform::outputFromName(parser.value(outputOption).trimmed().toLower());
        if (!output)
            return usageError(tr("--reader-output must be as-typed, decimal or hex, not \"%1\".")
                                  .arg(parser.value(outputOption)));
        transform.output = *output;
        transform.reverseBytes = parser.isSet(reverseOption);
        bool ok = false;
        transform.zeroPadWidth = parser.value(padOption).toInt(&ok);
        if (!ok || transform.zeroPadWidth < 0 || transform.zeroPadWidth > 32)
            return usageError(tr("--zero-pad must be a number of digits from 0 to 32, not \"%1\".")
                                  .arg(parser.value(padOption)));
        const CardReaderResult result = transformReaderInput(typed, transform);
        if (!result.error.isEmpty())
            return usageError(result.error);
        cardNo = result.cardNo;
        m_out << tr("The reader's %1 is card number %2 on the door terminals.").arg(typed, cardNo)
              << Qt::endl;
    }
    if (const std::optional<QString> problem = cardNumberProblem(cardNo))
        return usageError(*problem);

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
    return giveCard(*session, member->key, cardNo);
}

int CliApplication::runCardRemove(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption memberOption(QStringLiteral("member"),
                                          tr("The member's number in Cardskipper."), tr("number"));
    const QCommandLineOption numberOption(
        QStringLiteral("number"), tr("The card to take (default: every card of the member)."),
        tr("card"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Take a card from the member: forgotten here and removed from every door that holds "
           "it for the member (now, or by the next syncs); nobody else's card is touched."),
        {memberOption, numberOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    if (!parser.isSet(memberOption))
        return usageError(tr("--member is required: the member's number in Cardskipper."));
    if (parser.isSet(numberOption) && parser.value(numberOption).trimmed().isEmpty())
        return usageError(tr("--number must not be empty."));

    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    Store &store = session->store();
    QString error;
    const std::optional<Member> member = findMember(
        store, session->settings().cardskipper.organisationId, parser.value(memberOption), &error);
    if (!member)
        return usageError(error);
    const QString who = memberText(*member);
    QStringList numbers;
    if (parser.isSet(numberOption)) {
        const QString cardNo = parser.value(numberOption).trimmed();
        const std::optional<MemberCard> held = store.memberCard(cardNo);
        if (!held || held->member != member->key)
            return usageError(tr("%1 has no card %2; \"card list --member %3\" shows their cards.")
                                  .arg(who, cardNo)
                                  .arg(member->key.organisationMemberId));
        numbers.append(cardNo);
    } else {
        for (const MemberCard &card : store.memberCards(member->key))
            numbers.append(card.cardNo);
        if (numbers.isEmpty()) {
            m_out << tr("%1 has no cards.").arg(who) << Qt::endl;
            return Done;
        }
    }
    quietEngineLog(*session);
    int result = Done;
    for (const QString &cardNo : std::as_const(numbers)) {
        const SyncEngine::CardOutcome outcome = waitFor<SyncEngine::CardOutcome>([&](auto done) {
            session->engine().removeMemberCard(member->key, cardNo, std::move(done));
        });
        (outcome.ok ? m_out : m_err) << outcome.message << Qt::endl;
        if (!outcome.ok)
            result = SomeFailed;
    }
    return result;
}

int CliApplication::runCardList(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption memberOption(
        QStringLiteral("member"), tr("Only this member's cards (their number in Cardskipper)."),
        tr("number"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const int parsed = parseCommand(
        parser, arguments,
        tr("List the cards given at the desk, as stored in the database: number, member, when "
           "and by whom."),
        {memberOption, jsonOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    int exitCode = Done;
    auto session = openSession(false, &exitCode);
    if (!session)
        return exitCode;
    const Store &store = session->store();
    QList<MemberCard> cards;
    if (parser.isSet(memberOption)) {
        QString error;
        const std::optional<Member> member =
            findMember(store, session->settings().cardskipper.organisationId,
                       parser.value(memberOption), &error);
        if (!member)
            return usageError(error);
        cards = store.memberCards(member->key);
    } else {
        cards = store.memberCards();
    }

    QHash<MemberKey, QString> names;
    QList<QStringList> table{{tr("Card"), tr("Member no."), tr("Name"), tr("Added"), tr("By")}};
    QJsonArray json;
    for (const MemberCard &card : std::as_const(cards)) {
        if (!names.contains(card.member)) {
            const std::optional<Member> member = store.member(card.member);
            names.insert(card.member, member ? member->displayName() : QString());
        }
        const QString name = names.value(card.member);
        const QString added =
            card.addedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        table.append({card.cardNo, QString::number(card.member.organisationMemberId), name, added,
                      card.addedBy});
        json.append(QJsonObject{{QStringLiteral("cardNo"), card.cardNo},
                                {QStringLiteral("cardType"), card.cardType},
                                {QStringLiteral("memberId"), card.member.organisationMemberId},
                                {QStringLiteral("organisationId"), card.member.organisationId},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("addedAt"), card.addedAt.toString(Qt::ISODate)},
                                {QStringLiteral("addedBy"), card.addedBy}});
    }
    if (parser.isSet(jsonOption))
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    else if (cards.isEmpty())
        m_out << tr("No cards.") << Qt::endl;
    else
        m_out << alignedTable(table) << tr("Total: %1").arg(cards.size()) << Qt::endl;
    m_out.flush();
    return Done;
}

int CliApplication::runCredentials(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption missingOption(
        QStringLiteral("missing"),
        tr("Only members with a valid membership who hold no card and no face on a door."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption deviceOption(QStringLiteral("device"),
                                          tr("Only this door terminal (its id)."), tr("id"));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Show each member's person on every door with the cards and faces the terminal "
           "holds for it (as last read), whether the membership lets them in now, and the cards "
           "given at the desk. Asks no door: \"sync --full\" reads them again."),
        {missingOption, jsonOption, deviceOption});
    if (parsed >= 0)
        return parsed;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    int exitCode = Done;
    auto session = openSession(false, &exitCode);
    if (!session)
        return exitCode;
    quietEngineLog(*session); // the plans' warnings are the sync's to give
    const AppSettings &settings = session->settings();
    const Store &store = session->store();
    QList<DeviceSettings> devices;
    if (parser.isSet(deviceOption)) {
        const DeviceSettings *device = settings.device(parser.value(deviceOption));
        if (!device)
            return usageError(
                tr("No door terminal \"%1\" in the configuration (%2).")
                    .arg(parser.value(deviceOption), configuredIds(settings).join(u", ")));
        devices.append(*device);
    } else {
        for (const DeviceSettings &device : settings.devices) {
            if (device.enabled)
                devices.append(device);
        }
    }

    const qint64 organisationId = settings.cardskipper.organisationId;
    const QList<Member> members = store.members(organisationId);
    QHash<MemberKey, QString> names;
    for (const Member &member : members)
        names.insert(member.key, member.displayName());
    QHash<MemberKey, QStringList> cardsOf;
    for (const MemberCard &card : store.memberCards())
        cardsOf[card.member].append(card.cardNo);
    const QDate today = m_clock->today();
    const bool missingOnly = parser.isSet(missingOption);

    struct Row
    {
        MemberKey member;
        int door = 0; // index in devices
        QString employeeNo;
        int cards = -1;
        int faces = -1;
        bool valid = false;
    };
    QList<Row> rows;
    int unknown = 0; // persons whose credentials the terminal did not report
    for (int index = 0; index < devices.size(); ++index) {
        const DeviceSettings &device = devices.at(index);
        QHash<QString, MemberKey> linked;
        for (const Link &link : store.links(device.id))
            linked.insert(link.employeeNo, link.member);
        const Plan plan = session->engine().planFromSnapshot(device.id, members);
        for (const PlannedAction &action : plan.actions) {
            if (!action.member || !action.before)
                continue;
            const auto link = linked.constFind(action.before->employeeNo);
            if (link == linked.cend() || *link != *action.member)
                continue; // a suggestion, not the member's person
            Row row;
            row.member = *action.member;
            row.door = index;
            row.employeeNo = action.before->employeeNo;
            row.cards = action.before->numOfCard;
            row.faces = action.before->numOfFace;
            row.valid = mayEnter(action, today);
            if (credentialKey(row.cards, row.faces) == QLatin1String("unknown") &&
                (row.valid || !missingOnly))
                ++unknown;
            if (missingOnly && !(row.valid && row.cards == 0 && row.faces == 0))
                continue;
            rows.append(row);
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.member.organisationMemberId != b.member.organisationMemberId
                   ? a.member.organisationMemberId < b.member.organisationMemberId
                   : a.door < b.door;
    });

    QList<QStringList> table{{tr("Member no."), tr("Name"), tr("Door"), tr("Person"), tr("Cards"),
                              tr("Faces"), tr("Credentials"), tr("Valid now"), tr("Cards given")}};
    QJsonArray json;
    QSet<qint64> membersShown;
    for (const Row &row : std::as_const(rows)) {
        const DeviceSettings &device = devices.at(row.door);
        const QString name = names.value(row.member);
        const QStringList given = cardsOf.value(row.member);
        membersShown.insert(row.member.organisationMemberId);
        table.append({QString::number(row.member.organisationMemberId), name, device.name,
                      row.employeeNo, countText(row.cards), countText(row.faces),
                      credentialText(row.cards, row.faces), row.valid ? tr("yes") : tr("no"),
                      given.join(QStringLiteral(", "))});
        json.append(
            QJsonObject{{QStringLiteral("memberId"), row.member.organisationMemberId},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("deviceId"), device.id},
                        {QStringLiteral("door"), device.name},
                        {QStringLiteral("employeeNo"), row.employeeNo},
                        {QStringLiteral("numOfCard"), countJson(row.cards)},
                        {QStringLiteral("numOfFace"), countJson(row.faces)},
                        {QStringLiteral("credentials"), credentialKey(row.cards, row.faces)},
                        {QStringLiteral("validNow"), row.valid},
                        {QStringLiteral("cards"), QJsonArray::fromStringList(given)}});
    }

    const bool asJson = parser.isSet(jsonOption);
    if (asJson)
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    else if (!rows.isEmpty())
        m_out << alignedTable(table);
    else if (!missingOnly)
        m_out << tr("No member has a person on the doors yet; run \"sync\" first.") << Qt::endl;
    if (missingOnly) {
        // A report: what it found is its answer, not a failure (exit code 0 either way).
        const QString count =
            rows.isEmpty()
                ? tr("Every member with a valid membership holds a card or a face on each door.")
                : tr("%n member(s) with a valid membership hold no card and no face on a door.",
                     nullptr, int(membersShown.size()));
        (asJson ? m_err : m_out) << count << Qt::endl;
    }
    if (unknown > 0)
        m_err << tr("%n person(s) whose cards and faces the terminal did not report (shown as ?); "
                    "\"sync --full\" reads them again.",
                    nullptr, unknown)
              << Qt::endl;
    m_out.flush();
    return Done;
}

} // namespace cis
