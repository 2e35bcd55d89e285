// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The card and credentials commands: the real command-line program, as the desk runs it,
// against the Cardskipper simulator and a door terminal simulator in this process.
#include "CardskipperSimulator.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "ProcessWait.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::IsapiSimulator;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString consoleText(const QByteArray &output)
{
    QString text = QString::fromUtf8(output);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

QStringList cardsOf(const IsapiSimulator &door, const QString &employeeNo)
{
    QStringList result;
    for (const sim::DeviceCard &card : door.cards()) {
        if (card.employeeNo == employeeNo)
            result.append(card.cardNo);
    }
    result.sort();
    return result;
}

QString holderOf(const IsapiSimulator &door, const QString &cardNo)
{
    for (const sim::DeviceCard &card : door.cards()) {
        if (card.cardNo == cardNo)
            return card.employeeNo;
    }
    return {};
}

} // namespace

class TestCliCards : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CardskipperSimulator> m_cardskipper;
    std::unique_ptr<IsapiSimulator> m_door;
    QString m_config;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), QStringLiteral("demo"));
        environment.insert(QStringLiteral("IVMS_PASSWORD"), IsapiSimulator::defaultPassword());
        environment.insert(QStringLiteral("USER"), QStringLiteral("desk"));
        return environment;
    }

    // The simulators live on this thread: the wait runs an event loop, never a sleep.
    Run run(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(CIS_CLI_PATH),
                      QStringList{QStringLiteral("--config"), m_config} + arguments);
        if (!process.waitForStarted())
            qFatal("cannot start the CLI");
        if (!test::waitForExit(process, 120000))
            qFatal("the CLI did not finish");
        return {process.exitCode(), consoleText(process.readAllStandardOutput()),
                consoleText(process.readAllStandardError())};
    }

    QJsonArray credentials(const QStringList &options = {})
    {
        const Run result =
            run(QStringList{QStringLiteral("credentials"), QStringLiteral("--json")} + options);
        if (result.exitCode != 0)
            qFatal("credentials failed: %s", qPrintable(result.err));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("credentials printed no JSON: %s", qPrintable(result.out.left(400)));
        return document.array();
    }

    // A member with a valid membership whose person on the door holds no card and no face.
    struct DoorMember
    {
        qint64 id = 0;
        QString name;
        QString employeeNo;
    };
    QList<DoorMember> membersWithoutCredentials()
    {
        QList<DoorMember> result;
        for (const QJsonValue &value : credentials()) {
            const QJsonObject row = value.toObject();
            if (row.value(QStringLiteral("validNow")).toBool() &&
                row.value(QStringLiteral("credentials")).toString() == QLatin1String("none"))
                result.append({row.value(QStringLiteral("memberId")).toInteger(),
                               row.value(QStringLiteral("name")).toString(),
                               row.value(QStringLiteral("employeeNo")).toString()});
        }
        return result;
    }

    DoorMember someMember()
    {
        const QList<DoorMember> members = membersWithoutCredentials();
        if (members.size() < 2)
            qFatal("the sync put too few members on the door");
        // One with å, ä or ö in the name when there is one: the messages must carry it.
        for (const DoorMember &member : members) {
            if (member.name.contains(QRegularExpression(QStringLiteral("[åäöÅÄÖ]"))))
                return member;
        }
        return members.first();
    }

    QStringList cardArguments(const QString &what, const DoorMember &member,
                              const QStringList &more = {}) const
    {
        return QStringList{QStringLiteral("card"), what, QStringLiteral("--member"),
                           QString::number(member.id)} +
               more;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_cardskipper = std::make_unique<CardskipperSimulator>();
        m_cardskipper->loadDemoData();
        QVERIFY(m_cardskipper->listen());
        m_door = std::make_unique<IsapiSimulator>();
        m_door->loadDemoPersons(9); // the admin, two cleaners with cards, members typed in
        QVERIFY(m_door->listen());

        // A folder with spaces and å/ä/ö, as a club's may have.
        const QString folder = m_dir->filePath(QStringLiteral("Föreningen Åsa"));
        QVERIFY(QDir().mkpath(folder));
        m_config = QDir(folder).filePath(QStringLiteral("club.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("[cardskipper]\nurl=%1\nusername=demo\norganisation_id=%2\n"
                                  "[devices]\nsize=1\n1\\id=front\n1\\name=Entré\n"
                                  "1\\url=%3\n1\\username=admin\n"
                                  "[sync]\ndatabase=club.sqlite\nretry_backoff_ms=0\n")
                       .arg(m_cardskipper->baseUrl().toString())
                       .arg(DemoData::kOrganisationId)
                       .arg(m_door->baseUrl().toString())
                       .toUtf8());
        file.close();
        const Run sync = run({QStringLiteral("sync")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        // The second, full one reads what the terminal holds for the persons just created.
        const Run full = run({QStringLiteral("sync"), QStringLiteral("--full")});
        QVERIFY2(full.exitCode == 0, qPrintable(full.err));
    }

    void cleanup()
    {
        m_door.reset();
        m_cardskipper.reset();
        m_dir.reset();
    }

    void helpListsTheCommandsAndOptions()
    {
        const Run help = run({QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("credentials")));
        const Run card = run({QStringLiteral("card"), QStringLiteral("--help")});
        QCOMPARE(card.exitCode, 0);
        for (const QString &what : {QStringLiteral("capture"), QStringLiteral("set"),
                                    QStringLiteral("remove"), QStringLiteral("list")})
            QVERIFY2(card.out.contains(what), qPrintable(card.out));
        const Run set =
            run({QStringLiteral("card"), QStringLiteral("set"), QStringLiteral("--help")});
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains(QStringLiteral("--reader-input")));
        QVERIFY(set.out.contains(QStringLiteral("--zero-pad")));
        const Run capture =
            run({QStringLiteral("card"), QStringLiteral("capture"), QStringLiteral("--help")});
        QCOMPARE(capture.exitCode, 0);
        QVERIFY(capture.out.contains(QStringLiteral("--seconds")));
        const Run credentials = run({QStringLiteral("credentials"), QStringLiteral("--help")});
        QCOMPARE(credentials.exitCode, 0);
        QVERIFY(credentials.out.contains(QStringLiteral("--missing")));
        QCOMPARE(run({QStringLiteral("card")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("card"), QStringLiteral("give")}).exitCode, 2);
    }

    void cardSetWritesTheCardToTheDoor()
    {
        const DoorMember member = someMember();
        const Run set =
            run(cardArguments(QStringLiteral("set"), member,
                              {QStringLiteral("--number"), QStringLiteral("0012345678")}));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY2(set.out.contains(member.name), qPrintable(set.out));
        QVERIFY(set.out.contains(QStringLiteral("Entré")));
        QCOMPARE(cardsOf(*m_door, member.employeeNo), QStringList{QStringLiteral("0012345678")});

        const Run list = run({QStringLiteral("card"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("0012345678")));
        QVERIFY(list.out.contains(member.name));
        QVERIFY(list.out.contains(QStringLiteral("desk")));
        const Run json =
            run({QStringLiteral("card"), QStringLiteral("list"), QStringLiteral("--member"),
                 QString::number(member.id), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray cards = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(cards.size(), 1);
        QCOMPARE(cards.first()[QStringLiteral("cardNo")].toString(), QStringLiteral("0012345678"));
        QCOMPARE(cards.first()[QStringLiteral("memberId")].toInteger(), member.id);
        QCOMPARE(cards.first()[QStringLiteral("addedBy")].toString(), QStringLiteral("desk"));

        // The same card again is refused: the member has it already.
        const Run again =
            run(cardArguments(QStringLiteral("set"), member,
                              {QStringLiteral("--number"), QStringLiteral("0012345678")}));
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(member.name));
    }

    void aCardHeldByAnotherPersonIsRefusedWithTheirName()
    {
        const DoorMember member = someMember();
        const QString cleanersCard = QStringLiteral("3000000002");
        QCOMPARE(holderOf(*m_door, cleanersCard), QStringLiteral("2"));
        const Run set = run(cardArguments(QStringLiteral("set"), member,
                                          {QStringLiteral("--number"), cleanersCard}));
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains(QStringLiteral("Städ Birgitta Holm")), qPrintable(set.err));
        QVERIFY(set.err.contains(QStringLiteral("Entré")));
        QCOMPARE(holderOf(*m_door, cleanersCard), QStringLiteral("2"));
        QVERIFY(cardsOf(*m_door, member.employeeNo).isEmpty());
        const Run list = run({QStringLiteral("card"), QStringLiteral("list")});
        QVERIFY(list.out.contains(QStringLiteral("No cards.")));
    }

    void aDeskReadersNumberIsTransformed()
    {
        const DoorMember member = someMember();
        // 0x04A1B2C3 is 77705923, padded to ten digits.
        const Run set =
            run(cardArguments(QStringLiteral("set"), member,
                              {QStringLiteral("--number"), QStringLiteral("04A1B2C3"),
                               QStringLiteral("--reader-input"), QStringLiteral("hex"),
                               QStringLiteral("--reader-output"), QStringLiteral("decimal"),
                               QStringLiteral("--zero-pad"), QStringLiteral("10")}));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY2(set.out.contains(QStringLiteral("0077705923")), qPrintable(set.out));
        QVERIFY(set.out.indexOf(QStringLiteral("0077705923")) <
                set.out.indexOf(QStringLiteral("Entré")));
        QCOMPARE(cardsOf(*m_door, member.employeeNo), QStringList{QStringLiteral("0077705923")});

        const Run reversed =
            run(cardArguments(QStringLiteral("set"), member,
                              {QStringLiteral("--number"), QStringLiteral("04:A1:B2:C3"),
                               QStringLiteral("--reader-input"), QStringLiteral("hex"),
                               QStringLiteral("--reader-output"), QStringLiteral("hex"),
                               QStringLiteral("--reverse-bytes")}));
        QVERIFY2(reversed.exitCode == 0, qPrintable(reversed.err));
        QCOMPARE(cardsOf(*m_door, member.employeeNo),
                 (QStringList{QStringLiteral("0077705923"), QStringLiteral("C3B2A104")}));

        const Run notHex = run(cardArguments(
            QStringLiteral("set"), member,
            {QStringLiteral("--number"), QStringLiteral("04G1"), QStringLiteral("--reader-input"),
             QStringLiteral("hex"), QStringLiteral("--reader-output"), QStringLiteral("decimal")}));
        QCOMPARE(notHex.exitCode, 2);
        QVERIFY(notHex.err.contains(QStringLiteral("04G1")));
        const Run badOutput =
            run(cardArguments(QStringLiteral("set"), member,
                              {QStringLiteral("--number"), QStringLiteral("1234"),
                               QStringLiteral("--reader-output"), QStringLiteral("octal")}));
        QCOMPARE(badOutput.exitCode, 2);
        QVERIFY(badOutput.err.contains(QStringLiteral("octal")));
    }

    void cardRemoveTakesOneCardOrAll()
    {
        const DoorMember member = someMember();
        for (const QString &number :
             {QStringLiteral("5550001"), QStringLiteral("5550002"), QStringLiteral("5550003")}) {
            const Run set = run(
                cardArguments(QStringLiteral("set"), member, {QStringLiteral("--number"), number}));
            QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        }
        QCOMPARE(cardsOf(*m_door, member.employeeNo).size(), 3);

        const Run one = run(cardArguments(QStringLiteral("remove"), member,
                                          {QStringLiteral("--number"), QStringLiteral("5550002")}));
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        QVERIFY(one.out.contains(member.name));
        QVERIFY(one.out.contains(QStringLiteral("Entré")));
        QCOMPARE(cardsOf(*m_door, member.employeeNo),
                 (QStringList{QStringLiteral("5550001"), QStringLiteral("5550003")}));

        // A card the member does not have is a usage error, and nothing is asked of the door.
        m_door->clearReceivedRequests();
        const Run notTheirs =
            run(cardArguments(QStringLiteral("remove"), member,
                              {QStringLiteral("--number"), QStringLiteral("3000000002")}));
        QCOMPARE(notTheirs.exitCode, 2);
        QVERIFY(notTheirs.err.contains(member.name));
        QCOMPARE(m_door->receivedRequests().size(), 0);
        QCOMPARE(holderOf(*m_door, QStringLiteral("3000000002")), QStringLiteral("2"));

        const Run all = run(cardArguments(QStringLiteral("remove"), member));
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QVERIFY(cardsOf(*m_door, member.employeeNo).isEmpty());
        QVERIFY(run({QStringLiteral("card"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("No cards.")));
        const Run none = run(cardArguments(QStringLiteral("remove"), member));
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.contains(QStringLiteral("has no cards")));
    }

    void cardCaptureGivesTheCardHeldToTheReader()
    {
        const DoorMember member = someMember();
        connect(m_door.get(), &IsapiSimulator::cardCaptureStarted, this,
                [this] { m_door->presentCardAtReader(QStringLiteral("3308812528")); });
        const Run capture = run(cardArguments(QStringLiteral("capture"), member));
        QVERIFY2(capture.exitCode == 0, qPrintable(capture.err + capture.out));
        // Not a terminal: one line saying what to do, naming the member and the door.
        QVERIFY2(capture.err.contains(QStringLiteral("Hold the card for %1").arg(member.name)),
                 qPrintable(capture.err));
        QVERIFY(capture.err.contains(QStringLiteral("Entré")));
        QVERIFY(capture.out.contains(QStringLiteral("Card 3308812528 was read at Entré.")));
        QCOMPARE(cardsOf(*m_door, member.employeeNo), QStringList{QStringLiteral("3308812528")});
    }

    void cardCaptureWithTheDemoReaderAndAChosenDoor()
    {
        const DoorMember member = someMember();
        m_door->options().demoCardDelayMs = 100;
        const Run capture = run(cardArguments(QStringLiteral("capture"), member,
                                              {QStringLiteral("--device"), QStringLiteral("front"),
                                               QStringLiteral("--seconds"), QStringLiteral("10")}));
        QVERIFY2(capture.exitCode == 0, qPrintable(capture.err + capture.out));
        QCOMPARE(cardsOf(*m_door, member.employeeNo).size(), 1);
    }

    void cardCaptureWithoutACardTimesOut()
    {
        const DoorMember member = someMember();
        m_door->options().captureCardTimeoutMs = 50;
        const Run capture = run(cardArguments(QStringLiteral("capture"), member,
                                              {QStringLiteral("--seconds"), QStringLiteral("5")}));
        QCOMPARE(capture.exitCode, 1);
        QVERIFY2(capture.err.contains(QStringLiteral("No card was held to the reader of Entré")),
                 qPrintable(capture.err));
        QVERIFY(capture.err.contains(QStringLiteral("No card was given to %1").arg(member.name)));
        QVERIFY(cardsOf(*m_door, member.employeeNo).isEmpty());
    }

    void cardCaptureIsCancelledByCtrlC()
    {
        const DoorMember member = someMember();
        m_door->options().captureCardTimeoutMs = 60000;
        QSignalSpy waiting(m_door.get(), &IsapiSimulator::cardCaptureStarted);
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(CIS_CLI_PATH),
                      QStringList{QStringLiteral("--config"), m_config} +
                          cardArguments(QStringLiteral("capture"), member));
        QVERIFY(process.waitForStarted());
        QVERIFY(waiting.wait(60000));
        process.terminate(); // SIGTERM, handled as Ctrl+C (SIGINT) is
        QVERIFY(test::waitForExit(process, 60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        const QString err = consoleText(process.readAllStandardError());
        QVERIFY2(
            err.contains(QStringLiteral("Cancelled: no card was given to %1").arg(member.name)),
            qPrintable(err));
        QVERIFY(cardsOf(*m_door, member.employeeNo).isEmpty());
    }

    void credentialsMissingListsWhoCannotGetIn()
    {
        const QList<DoorMember> without = membersWithoutCredentials();
        QVERIFY(without.size() >= 2);
        const DoorMember withCard = without.at(0);
        const DoorMember stillWithout = without.at(1);
        QVERIFY(run(cardArguments(QStringLiteral("set"), withCard,
                                  {QStringLiteral("--number"), QStringLiteral("0099887766")}))
                    .exitCode == 0);

        const Run missing = run(
            {QStringLiteral("credentials"), QStringLiteral("--missing"), QStringLiteral("--json")});
        QCOMPARE(missing.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(missing.out.toUtf8()).array();
        QCOMPARE(rows.size(), without.size() - 1);
        bool listed = false;
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            QVERIFY(row.value(QStringLiteral("memberId")).toInteger() != withCard.id);
            QCOMPARE(row.value(QStringLiteral("numOfCard")).toInt(), 0);
            QCOMPARE(row.value(QStringLiteral("numOfFace")).toInt(), 0);
            QCOMPARE(row.value(QStringLiteral("credentials")).toString(), QStringLiteral("none"));
            QVERIFY(row.value(QStringLiteral("validNow")).toBool());
            QCOMPARE(row.value(QStringLiteral("door")).toString(), QStringLiteral("Entré"));
            if (row.value(QStringLiteral("memberId")).toInteger() == stillWithout.id) {
                listed = true;
                QCOMPARE(row.value(QStringLiteral("name")).toString(), stillWithout.name);
                QCOMPARE(row.value(QStringLiteral("employeeNo")).toString(),
                         stillWithout.employeeNo);
            }
        }
        QVERIFY(listed);
        // The count line (on standard error, beside the JSON); "member(s)" until the English
        // catalog has the plural.
        QVERIFY2(missing.err.contains(QStringLiteral("%1 member").arg(rows.size())),
                 qPrintable(missing.err));

        // The one with the card: in the full list with its card, counted by the terminal.
        const QJsonArray all = credentials({QStringLiteral("--device"), QStringLiteral("front")});
        const auto row = std::find_if(all.begin(), all.end(), [&](const QJsonValue &value) {
            return value[QStringLiteral("memberId")].toInteger() == withCard.id;
        });
        QVERIFY(row != all.end());
        QCOMPARE((*row)[QStringLiteral("numOfCard")].toInt(), 1);
        QCOMPARE((*row)[QStringLiteral("credentials")].toString(), QStringLiteral("card"));
        QCOMPARE((*row)[QStringLiteral("cards")].toArray(),
                 QJsonArray{QStringLiteral("0099887766")});

        // For people: a table, the same members, and the count line at the end.
        const Run text = run({QStringLiteral("credentials"), QStringLiteral("--missing")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(stillWithout.name));
        const QStringList lines = text.out.trimmed().split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QVERIFY2(!line.startsWith(QString::number(withCard.id) + QLatin1Char(' ')),
                     qPrintable(line));
        QVERIFY2(lines.last().startsWith(QStringLiteral("%1 member").arg(rows.size())),
                 qPrintable(lines.last()));
    }

    void badInputIsAUsageError()
    {
        const DoorMember member = someMember();
        const QList<sim::DeviceCard> cardsBefore = m_door->cards();
        m_door->clearReceivedRequests();
        const Run unknown =
            run({QStringLiteral("card"), QStringLiteral("set"), QStringLiteral("--member"),
                 QStringLiteral("999999"), QStringLiteral("--number"), QStringLiteral("123")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("No member 999999")), qPrintable(unknown.err));
        const Run byName =
            run({QStringLiteral("card"), QStringLiteral("set"), QStringLiteral("--member"),
                 QStringLiteral("Åsa Öberg"), QStringLiteral("--number"), QStringLiteral("123")});
        QCOMPARE(byName.exitCode, 2);
        QVERIFY2(byName.err.contains(QStringLiteral("\"Åsa Öberg\"")), qPrintable(byName.err));
        for (const QString &bad :
             {QStringLiteral("12 34"), QStringLiteral("Åsa"), QString(33, QLatin1Char('1'))}) {
            const Run malformed = run(
                cardArguments(QStringLiteral("set"), member, {QStringLiteral("--number"), bad}));
            QCOMPARE(malformed.exitCode, 2);
            QVERIFY2(malformed.err.contains(bad), qPrintable(malformed.err));
        }
        const Run noMember = run({QStringLiteral("card"), QStringLiteral("set"),
                                  QStringLiteral("--number"), QStringLiteral("123")});
        QCOMPARE(noMember.exitCode, 2);
        QVERIFY(noMember.err.contains(QStringLiteral("--member")));
        const Run noDoor = run(cardArguments(QStringLiteral("capture"), member,
                                             {QStringLiteral("--device"), QStringLiteral("hall")}));
        QCOMPARE(noDoor.exitCode, 2);
        QVERIFY(noDoor.err.contains(QStringLiteral("\"hall\"")));
        const Run tooLong = run(cardArguments(QStringLiteral("capture"), member,
                                              {QStringLiteral("--seconds"), QStringLiteral("31")}));
        QCOMPARE(tooLong.exitCode, 2);
        QVERIFY(tooLong.err.contains(QStringLiteral("--seconds")));
        const Run listUnknown = run({QStringLiteral("card"), QStringLiteral("list"),
                                     QStringLiteral("--member"), QStringLiteral("999999")});
        QCOMPARE(listUnknown.exitCode, 2);
        const Run credentialsUnknown = run(
            {QStringLiteral("credentials"), QStringLiteral("--device"), QStringLiteral("hall")});
        QCOMPARE(credentialsUnknown.exitCode, 2);
        QVERIFY(credentialsUnknown.err.contains(QStringLiteral("front")));
        QCOMPARE(m_door->receivedRequests().size(), 0);
        QCOMPARE(m_door->cards().size(), cardsBefore.size());
    }
};

QTEST_GUILESS_MAIN(TestCliCards)
#include "tst_cli_cards.moc"
