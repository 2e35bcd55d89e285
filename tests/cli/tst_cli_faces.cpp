// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The face commands: the real command-line program, as the desk runs it, against the
// Cardskipper simulator and door terminal simulators in this process.
#include "CardskipperSimulator.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "ProcessWait.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QProcess>
#include <QRadialGradient>
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

// A head-and-shoulders portrait with enough contrast for the simulator's face check: a
// gradient background, a skin-coloured face with eyes, brows and a mouth.
QImage facePicture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 0, 0, height);
    background.setColorAt(0, QColor(40, 70, 120));
    background.setColorAt(1, QColor(200, 210, 230));
    painter.fillRect(image.rect(), background);
    painter.setPen(Qt::NoPen);
    const double cx = width / 2.0;
    const double cy = height * 0.42;
    const double rx = width * 0.28;
    const double ry = height * 0.30;
    painter.setBrush(QColor(60, 40, 30)); // hair
    painter.drawEllipse(QPointF(cx, cy - ry * 0.25), rx * 1.1, ry * 0.95);
    QRadialGradient skin(QPointF(cx, cy), rx * 1.2);
    skin.setColorAt(0, QColor(240, 200, 170));
    skin.setColorAt(1, QColor(200, 150, 120));
    painter.setBrush(skin);
    painter.drawEllipse(QPointF(cx, cy), rx, ry);
    for (const double side : {-1.0, 1.0}) {
        const QPointF eye(cx + side * rx * 0.4, cy - ry * 0.15);
        painter.setBrush(Qt::white);
        painter.drawEllipse(eye, rx * 0.16, ry * 0.07);
        painter.setBrush(QColor(50, 80, 40));
        painter.drawEllipse(eye, rx * 0.07, ry * 0.06);
        painter.setBrush(QColor(60, 40, 30));
        painter.drawRect(QRectF(eye.x() - rx * 0.18, eye.y() - ry * 0.2, rx * 0.36, ry * 0.04));
    }
    painter.setBrush(QColor(170, 60, 60));
    painter.drawEllipse(QPointF(cx, cy + ry * 0.5), rx * 0.3, ry * 0.07);
    painter.end();
    return image;
}

QImage flatPicture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(128, 128, 128));
    return image;
}

} // namespace

class TestCliFaces : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CardskipperSimulator> m_cardskipper;
    std::unique_ptr<IsapiSimulator> m_door;
    QString m_folder;
    QString m_config;
    QString m_temp; // the CLI's TMPDIR: must stay empty

    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), QStringLiteral("demo"));
        environment.insert(QStringLiteral("IVMS_PASSWORD"), IsapiSimulator::defaultPassword());
        environment.insert(QStringLiteral("USER"), QStringLiteral("desk"));
        environment.insert(QStringLiteral("TMPDIR"), m_temp);
        return environment;
    }

    // The simulators live on this thread: the wait runs an event loop, never a sleep.
    Run run(const QStringList &arguments, const QString &config = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(
            QStringLiteral(CIS_CLI_PATH),
            QStringList{QStringLiteral("--config"), config.isEmpty() ? m_config : config} +
                arguments);
        if (!process.waitForStarted())
            qFatal("cannot start the CLI");
        if (!test::waitForExit(process, 120000))
            qFatal("the CLI did not finish");
        return {process.exitCode(), consoleText(process.readAllStandardOutput()),
                consoleText(process.readAllStandardError())};
    }

    QString writeConfig(const QString &fileName, const QString &deviceName,
                        const IsapiSimulator &door, const QString &database)
    {
        const QString path = QDir(m_folder).filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the configuration");
        file.write(QStringLiteral("[cardskipper]\nurl=%1\nusername=demo\norganisation_id=%2\n"
                                  "[devices]\nsize=1\n1\\id=front\n1\\name=%3\n"
                                  "1\\url=%4\n1\\username=admin\n"
                                  "[sync]\ndatabase=%5\nretry_backoff_ms=0\n")
                       .arg(m_cardskipper->baseUrl().toString())
                       .arg(DemoData::kOrganisationId)
                       .arg(deviceName, door.baseUrl().toString(), database)
                       .toUtf8());
        return path;
    }

    void syncTwice(const QString &config)
    {
        const Run sync = run({QStringLiteral("sync")}, config);
        if (sync.exitCode != 0)
            qFatal("sync failed: %s", qPrintable(sync.err));
        // The second, full one reads what the terminal holds for the persons just created.
        const Run full = run({QStringLiteral("sync"), QStringLiteral("--full")}, config);
        if (full.exitCode != 0)
            qFatal("sync --full failed: %s", qPrintable(full.err));
    }

    QJsonArray credentials(const QString &config = {})
    {
        const Run result = run({QStringLiteral("credentials"), QStringLiteral("--json")}, config);
        if (result.exitCode != 0)
            qFatal("credentials failed: %s", qPrintable(result.err));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("credentials printed no JSON: %s", qPrintable(result.out.left(400)));
        return document.array();
    }

    struct DoorMember
    {
        qint64 id = 0;
        QString name;
        QString employeeNo;
    };

    // A member with a valid membership whose person on the door holds no card and no face (as
    // far as the terminal says);
    // one with å, ä or ö in the name when there is one: the messages must carry it.
    DoorMember someMember(const QString &config = {})
    {
        QList<DoorMember> members;
        for (const QJsonValue &value : credentials(config)) {
            const QJsonObject row = value.toObject();
            const QString held = row.value(QStringLiteral("credentials")).toString();
            // "unknown": a terminal that does not count faces (the DS-K1A340FWX).
            if (row.value(QStringLiteral("validNow")).toBool() &&
                (held == QLatin1String("none") || held == QLatin1String("unknown")))
                members.append({row.value(QStringLiteral("memberId")).toInteger(),
                                row.value(QStringLiteral("name")).toString(),
                                row.value(QStringLiteral("employeeNo")).toString()});
        }
        if (members.isEmpty())
            qFatal("the sync put no member on the door");
        for (const DoorMember &member : members) {
            if (member.name.contains(QRegularExpression(QStringLiteral("[åäöÅÄÖ]"))))
                return member;
        }
        return members.first();
    }

    // The member's row in credentials --json.
    QJsonObject credentialsOf(const DoorMember &member)
    {
        for (const QJsonValue &value : credentials()) {
            if (value[QStringLiteral("memberId")].toInteger() == member.id)
                return value.toObject();
        }
        return {};
    }

    QStringList faceArguments(const QString &what, const DoorMember &member,
                              const QStringList &more = {}) const
    {
        return QStringList{QStringLiteral("face"), what, QStringLiteral("--member"),
                           QString::number(member.id)} +
               more;
    }

    QString savePicture(const QImage &image, const QString &fileName)
    {
        const QString path = QDir(m_folder).filePath(fileName);
        if (!image.save(path, "PNG"))
            qFatal("cannot save the test picture");
        return path;
    }

    // No JPEG (the prepared face) in any file of the club's folder or the CLI's TMPDIR, and
    // nothing in TMPDIR at all.
    void verifyNoPictureWritten()
    {
        QVERIFY2(QDir(m_temp).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 qPrintable(QDir(m_temp).entryList().join(u", ")));
        QDirIterator files(m_folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path.endsWith(QLatin1String(".png")))
                continue; // the test's own photos
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(QByteArray("\xFF\xD8\xFF", 3)), qPrintable(path));
        }
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
        m_folder = m_dir->filePath(QStringLiteral("Föreningen Åsa"));
        QVERIFY(QDir().mkpath(m_folder));
        m_temp = m_dir->filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(m_temp));
        m_config = writeConfig(QStringLiteral("club.ini"), QStringLiteral("Entré"), *m_door,
                               QStringLiteral("club.sqlite"));
        syncTwice(m_config);
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
        QVERIFY(help.out.contains(QStringLiteral("face")));
        const Run face = run({QStringLiteral("face"), QStringLiteral("--help")});
        QCOMPARE(face.exitCode, 0);
        for (const QString &what :
             {QStringLiteral("set"), QStringLiteral("capture"), QStringLiteral("remove")})
            QVERIFY2(face.out.contains(what), qPrintable(face.out));
        const Run set =
            run({QStringLiteral("face"), QStringLiteral("set"), QStringLiteral("--help")});
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains(QStringLiteral("--photo")));
        QVERIFY2(set.out.contains(QStringLiteral("centre square")), qPrintable(set.out));
        QVERIFY(set.out.contains(QStringLiteral("desktop app")));
        const Run capture =
            run({QStringLiteral("face"), QStringLiteral("capture"), QStringLiteral("--help")});
        QCOMPARE(capture.exitCode, 0);
        QVERIFY(capture.out.contains(QStringLiteral("--seconds")));
        QVERIFY(capture.out.contains(QStringLiteral("--device")));
        QCOMPARE(run({QStringLiteral("face")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("face"), QStringLiteral("give")}).exitCode, 2);
    }

    void faceSetWritesThePhotoToTheDoor()
    {
        const DoorMember member = someMember();
        QVERIFY(!m_door->hasFace(member.employeeNo));
        // A landscape photo bigger than the picture sent: cropped and scaled down.
        const QString photo = savePicture(facePicture(1200, 900), QStringLiteral("Åsa bild.png"));
        const Run set =
            run(faceArguments(QStringLiteral("set"), member, {QStringLiteral("--photo"), photo}));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err + set.out));
        QVERIFY2(set.out.contains(member.name), qPrintable(set.out));
        QVERIFY(set.out.contains(QStringLiteral("Entré")));
        QVERIFY(m_door->hasFace(member.employeeNo));
        const std::optional<QByteArray> face = m_door->faceOf(member.employeeNo);
        QVERIFY(face);
        const QImage sent = QImage::fromData(*face, "JPEG");
        QCOMPARE(sent.size(), QSize(640, 640));
        // The picture's bytes are never printed.
        QVERIFY(!set.out.toLatin1().contains(QByteArray("JFIF")));
        QVERIFY(!set.err.toLatin1().contains(QByteArray("JFIF")));
        verifyNoPictureWritten();

        // The stored counts follow: a face, then a card and a face.
        QJsonObject row = credentialsOf(member);
        QCOMPARE(row.value(QStringLiteral("numOfFace")).toInt(), 1);
        QCOMPARE(row.value(QStringLiteral("credentials")).toString(), QStringLiteral("face"));
        const Run card = run({QStringLiteral("card"), QStringLiteral("set"),
                              QStringLiteral("--member"), QString::number(member.id),
                              QStringLiteral("--number"), QStringLiteral("0012345678")});
        QVERIFY2(card.exitCode == 0, qPrintable(card.err));
        row = credentialsOf(member);
        QCOMPARE(row.value(QStringLiteral("credentials")).toString(), QStringLiteral("card+face"));
        const Run table = run({QStringLiteral("credentials")});
        QVERIFY(table.out.contains(QStringLiteral("card+face")));
    }

    void aPictureWithoutAFaceIsRefusedInPlainWords()
    {
        const DoorMember member = someMember();
        const QString photo = savePicture(flatPicture(800, 800), QStringLiteral("grå.png"));
        const Run set =
            run(faceArguments(QStringLiteral("set"), member, {QStringLiteral("--photo"), photo}));
        QCOMPARE(set.exitCode, 1);
        // Once: the engine's log goes to standard error with --verbose only.
        QVERIFY2(set.err.count(QStringLiteral("could not build a face model")) == 1,
                 qPrintable(set.err));
        QVERIFY(set.err.contains(QStringLiteral("Entré")));
        QVERIFY(set.err.contains(member.name));
        QVERIFY(!m_door->hasFace(member.employeeNo));
        QCOMPARE(credentialsOf(member).value(QStringLiteral("credentials")).toString(),
                 QStringLiteral("none"));
        verifyNoPictureWritten();
    }

    void aPhotoThatWillNotDoIsAnInputError()
    {
        const DoorMember member = someMember();
        m_door->clearReceivedRequests();
        const QString tiny = savePicture(facePicture(200, 150), QStringLiteral("liten.png"));
        const Run small =
            run(faceArguments(QStringLiteral("set"), member, {QStringLiteral("--photo"), tiny}));
        QCOMPARE(small.exitCode, 2);
        QVERIFY2(small.err.contains(QStringLiteral("liten.png")), qPrintable(small.err));
        QVERIFY(small.err.contains(QStringLiteral("too small")));

        const QString text = QDir(m_folder).filePath(QStringLiteral("anteckning.jpg"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Not a picture at all, only some words.\n");
        file.close();
        const Run notAPicture =
            run(faceArguments(QStringLiteral("set"), member, {QStringLiteral("--photo"), text}));
        QCOMPARE(notAPicture.exitCode, 2);
        QVERIFY2(notAPicture.err.contains(QStringLiteral("anteckning.jpg")),
                 qPrintable(notAPicture.err));

        const Run missing = run(faceArguments(
            QStringLiteral("set"), member,
            {QStringLiteral("--photo"), QDir(m_folder).filePath(QStringLiteral("borta.jpg"))}));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("borta.jpg")), qPrintable(missing.err));

        const Run noPhoto = run(faceArguments(QStringLiteral("set"), member));
        QCOMPARE(noPhoto.exitCode, 2);
        QVERIFY(noPhoto.err.contains(QStringLiteral("--photo")));
        QCOMPARE(m_door->receivedRequests().size(), 0);
        QVERIFY(!m_door->hasFace(member.employeeNo));
    }

    void faceCaptureTakesThePhotoWithTheDoorsCamera()
    {
        const DoorMember member = someMember();
        m_door->options().demoFaceDelayMs = 100;
        const Run capture = run(faceArguments(QStringLiteral("capture"), member,
                                              {QStringLiteral("--device"), QStringLiteral("front"),
                                               QStringLiteral("--seconds"), QStringLiteral("10")}));
        QVERIFY2(capture.exitCode == 0, qPrintable(capture.err + capture.out));
        // Not a terminal: one line saying what to do, naming the member and the door.
        QVERIFY2(capture.err.contains(QStringLiteral("look into its camera")),
                 qPrintable(capture.err));
        QVERIFY(capture.err.contains(member.name));
        QVERIFY(capture.err.contains(QStringLiteral("Entré")));
        QVERIFY(!capture.err.contains(QStringLiteral("%")));
        QVERIFY2(capture.out.contains(QStringLiteral("taken at Entré")), qPrintable(capture.out));
        QVERIFY(m_door->hasFace(member.employeeNo));
        QCOMPARE(credentialsOf(member).value(QStringLiteral("credentials")).toString(),
                 QStringLiteral("face"));
        verifyNoPictureWritten();
    }

    void faceCaptureWithoutAFaceTimesOut()
    {
        const DoorMember member = someMember();
        const Run capture = run(faceArguments(QStringLiteral("capture"), member,
                                              {QStringLiteral("--seconds"), QStringLiteral("1")}));
        QCOMPARE(capture.exitCode, 1);
        QVERIFY2(capture.err.contains(QStringLiteral("Entré saw no face within 1 second")),
                 qPrintable(capture.err));
        QVERIFY(!m_door->hasFace(member.employeeNo));
    }

    void faceCaptureIsCancelledByCtrlC()
    {
        const DoorMember member = someMember();
        QSignalSpy waiting(m_door.get(), &IsapiSimulator::faceCaptureStarted);
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(CIS_CLI_PATH),
                      QStringList{QStringLiteral("--config"), m_config} +
                          faceArguments(QStringLiteral("capture"), member));
        QVERIFY(process.waitForStarted());
        QVERIFY(waiting.wait(60000));
        process.terminate(); // SIGTERM, handled as Ctrl+C (SIGINT) is
        QVERIFY(test::waitForExit(process, 60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        const QString err = consoleText(process.readAllStandardError());
        QVERIFY2(
            err.contains(QStringLiteral("Cancelled: no face was taken for %1").arg(member.name)),
            qPrintable(err));
        QVERIFY(!m_door->hasFace(member.employeeNo));
    }

    void faceRemoveTakesTheFaceFromTheDoor()
    {
        const DoorMember member = someMember();
        const QString photo = savePicture(facePicture(600, 800), QStringLiteral("porträtt.png"));
        QCOMPARE(
            run(faceArguments(QStringLiteral("set"), member, {QStringLiteral("--photo"), photo}))
                .exitCode,
            0);
        QVERIFY(m_door->hasFace(member.employeeNo));
        const Run remove = run(faceArguments(QStringLiteral("remove"), member));
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.err));
        QVERIFY2(remove.out.contains(member.name), qPrintable(remove.out));
        QVERIFY(remove.out.contains(QStringLiteral("Entré")));
        QVERIFY(!m_door->hasFace(member.employeeNo));
        QCOMPARE(credentialsOf(member).value(QStringLiteral("numOfFace")).toInt(), 0);
        // Again: nothing to delete is no failure.
        QCOMPARE(run(faceArguments(QStringLiteral("remove"), member)).exitCode, 0);
    }

    void aDoorWithoutAFaceLibraryIsNamed()
    {
        IsapiSimulator hall;
        QVERIFY(hall.setProfile(QStringLiteral("DS-K1A340FWX")));
        hall.loadDemoPersons(9);
        QVERIFY(hall.listen());
        const QString config = writeConfig(QStringLiteral("hall.ini"), QStringLiteral("Hallen"),
                                           hall, QStringLiteral("hall.sqlite"));
        syncTwice(config);
        const int facesBefore = hall.faceCount();
        const DoorMember member = someMember(config);
        const QString photo = savePicture(facePicture(800, 800), QStringLiteral("ansikte.png"));
        const Run set =
            run(faceArguments(QStringLiteral("set"), member, {QStringLiteral("--photo"), photo}),
                config);
        QCOMPARE(set.exitCode, 1);
        QVERIFY2(set.err.contains(QStringLiteral("Hallen")), qPrintable(set.err));
        QVERIFY(set.err.contains(QStringLiteral("iVMS-4200")));
        QCOMPARE(hall.faceCount(), facesBefore);

        const Run capture = run(faceArguments(QStringLiteral("capture"), member), config);
        QCOMPARE(capture.exitCode, 1);
        QVERIFY2(capture.err.contains(QStringLiteral("iVMS-4200")), qPrintable(capture.err));
        QVERIFY(capture.err.contains(QStringLiteral("Hallen")));
        // Nobody is asked to look into a camera the program cannot use.
        QVERIFY(!capture.err.contains(QStringLiteral("look into")));
    }

    void badInputIsAUsageError()
    {
        const DoorMember member = someMember();
        const int facesBefore = m_door->faceCount();
        m_door->clearReceivedRequests();
        const QString photo = savePicture(facePicture(800, 800), QStringLiteral("ansikte.png"));
        const Run unknown =
            run({QStringLiteral("face"), QStringLiteral("set"), QStringLiteral("--member"),
                 QStringLiteral("999999"), QStringLiteral("--photo"), photo});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("No member 999999")), qPrintable(unknown.err));
        const Run unknownRemove = run({QStringLiteral("face"), QStringLiteral("remove"),
                                       QStringLiteral("--member"), QStringLiteral("999999")});
        QCOMPARE(unknownRemove.exitCode, 2);
        const Run noMember = run({QStringLiteral("face"), QStringLiteral("capture")});
        QCOMPARE(noMember.exitCode, 2);
        QVERIFY(noMember.err.contains(QStringLiteral("--member")));
        const Run noDoor = run(faceArguments(QStringLiteral("capture"), member,
                                             {QStringLiteral("--device"), QStringLiteral("hall")}));
        QCOMPARE(noDoor.exitCode, 2);
        QVERIFY(noDoor.err.contains(QStringLiteral("\"hall\"")));
        for (const QString &seconds : {QStringLiteral("0"), QStringLiteral("61")}) {
            const Run bad = run(faceArguments(QStringLiteral("capture"), member,
                                              {QStringLiteral("--seconds"), seconds}));
            QCOMPARE(bad.exitCode, 2);
            QVERIFY(bad.err.contains(QStringLiteral("--seconds")));
        }
        QCOMPARE(m_door->receivedRequests().size(), 0);
        QCOMPARE(m_door->faceCount(), facesBefore);
    }
};

QTEST_GUILESS_MAIN(TestCliFaces)
#include "tst_cli_faces.moc"
