// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Faces at the desk end to end (issue 19): the real engine, ISAPI client and Store against
// terminal simulators over loopback HTTP: a photo from a file, a photo taken at the door, the
// copy to the member's other doors, removal, and no picture left anywhere on disk.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "FacePhoto.h"
#include "IsapiSimulator.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFileInfo>
#include <QPainter>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::IsapiSimulator;

namespace {

// A face-like drawing (not flat, so that the terminal finds "a face"), as the desk's photo
// tool prepares it: baseline 4:2:0 JPEG.
QByteArray facePhoto(int seed = 0)
{
    QImage image(900, 1200, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient background(0, 0, 900, 1200);
    background.setColorAt(0, QColor(40 + seed, 80, 140));
    background.setColorAt(1, QColor(200, 210, 230));
    painter.fillRect(image.rect(), background);
    painter.setBrush(QColor(236, 188, 160));
    painter.drawEllipse(QRect(250, 250, 400, 520));
    painter.setBrush(Qt::white);
    painter.drawEllipse(QRect(340, 430, 80, 50));
    painter.drawEllipse(QRect(480, 430, 80, 50));
    painter.setBrush(QColor(40, 30, 20));
    painter.drawEllipse(QRect(365, 440, 30, 30));
    painter.drawEllipse(QRect(505, 440, 30, 30));
    painter.setPen(QPen(QColor(150, 60, 60), 12));
    painter.drawArc(QRect(370, 560, 160, 90), 200 * 16, 140 * 16);
    painter.end();
    const auto encoded = encodeFacePhoto(image, suggestedFaceCrop(image));
    if (!encoded)
        qFatal("%s", qPrintable(encoded.error()));
    return encoded.value();
}

QByteArray flatPhoto()
{
    QImage image(800, 800, QImage::Format_RGB32);
    image.fill(QColor(128, 128, 128));
    const auto encoded = encodeFacePhoto(image, image.rect());
    if (!encoded)
        qFatal("%s", qPrintable(encoded.error()));
    return encoded.value();
}

// A JPEG with an EXIF orientation (6: the camera was turned; the picture must be turned 90°
// clockwise to stand upright), as phones write them.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff("II*\0\x08\0\0\0", 8);
    tiff += QByteArray("\x01\0", 2);                   // one entry
    tiff += QByteArray("\x12\x01\x03\0\x01\0\0\0", 8); // Orientation, SHORT, 1
    tiff += char(orientation & 0xff);
    tiff += char(orientation >> 8);
    tiff += QByteArray("\0\0\0\0\0\0", 6); // value padding, no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray app1("\xff\xe1", 2);
    const int length = int(payload.size()) + 2;
    app1 += char(length >> 8);
    app1 += char(length & 0xff);
    return jpeg.left(2) + app1 + payload + jpeg.mid(2);
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

} // namespace

class TestFacesE2E : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 12, 4), QTime(10, 0, 0))};
    QTemporaryDir m_dir;
    std::unique_ptr<CardskipperSimulator> m_cardskipper;
    std::unique_ptr<IsapiSimulator> m_door;
    std::unique_ptr<IsapiSimulator> m_gym;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    AppSettings m_settings;
    SyncEngine::Credentials m_credentials;
    QList<QByteArray> m_pictures; // every picture the test wrote, to look for on disk

    RunReport sync(RunKind kind = RunKind::QuickSync)
    {
        SyncEngine::RunOptions options;
        options.kind = kind;
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        if (!m_engine->start(options))
            qFatal("a run is already going on");
        if (!finished.wait(120000))
            qFatal("the run did not finish");
        return finished.first().first().value<RunReport>();
    }

    SyncEngine::FaceOutcome setFace(const MemberKey &member, const QByteArray &jpeg)
    {
        m_pictures.append(jpeg);
        std::optional<SyncEngine::FaceOutcome> outcome;
        m_engine->setMemberFace(member, jpeg,
                                [&](const SyncEngine::FaceOutcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
            qFatal("setting a face did not end");
        return *outcome;
    }

    SyncEngine::FaceOutcome removeFace(const MemberKey &member)
    {
        std::optional<SyncEngine::FaceOutcome> outcome;
        m_engine->removeMemberFace(member, [&](const SyncEngine::FaceOutcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
            qFatal("removing a face did not end");
        return *outcome;
    }

    SyncEngine::FaceOutcome capture(const MemberKey &member, const QString &deviceId,
                                    int seconds = 30, QList<int> *progress = nullptr,
                                    const std::function<void(quint64)> &meanwhile = {})
    {
        std::optional<SyncEngine::FaceOutcome> outcome;
        const quint64 tag = m_engine->captureMemberFace(
            member, deviceId, seconds,
            [progress](int percent) {
                if (progress)
                    progress->append(percent);
            },
            [&](const SyncEngine::FaceOutcome &o) { outcome = o; });
        if (meanwhile)
            meanwhile(tag);
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
            qFatal("the face capture did not end");
        return *outcome;
    }

    MemberKey memberOnBothDoors(QString *employeeNo)
    {
        for (const Link &link : m_store->links(QStringLiteral("door"))) {
            if (link.origin == LinkOrigin::Created &&
                m_store->linkFor(QStringLiteral("gym"), link.employeeNo)) {
                *employeeNo = link.employeeNo;
                return link.member;
            }
        }
        qFatal("no member is on both doors");
        return {};
    }

    void setGymUrl(const QUrl &url)
    {
        for (DeviceSettings &device : m_settings.devices) {
            if (device.id == QLatin1String("gym"))
                device.url = url;
        }
        m_engine->setConfiguration(m_settings, m_credentials);
    }

    QList<OperationRecord> faceOperations(const MemberKey &member) const
    {
        QList<OperationRecord> result;
        for (const OperationRecord &op : m_store->operationsForMember(member)) {
            if (op.action == ActionKind::FaceSet || op.action == ActionKind::FaceCopy ||
                op.action == ActionKind::FaceRemove)
                result.append(op);
        }
        return result;
    }

private slots:
    void init()
    {
        m_pictures.clear();
        m_cardskipper = std::make_unique<CardskipperSimulator>(&m_clock);
        m_cardskipper->loadDemoData(12, 5);
        QVERIFY(m_cardskipper->listen());
        m_door = std::make_unique<IsapiSimulator>(&m_clock);
        m_door->clearPersons();
        QVERIFY(m_door->listen());
        m_gym = std::make_unique<IsapiSimulator>(&m_clock);
        m_gym->clearPersons();
        QVERIFY(m_gym->listen());

        auto store = Store::open(
            m_dir.filePath(
                QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))),
            m_clock);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        m_store = std::move(store.value());

        m_settings = AppSettings();
        m_settings.cardskipper.url = m_cardskipper->baseUrl();
        m_settings.cardskipper.username = QStringLiteral("demo");
        m_settings.cardskipper.organisationId = DemoData::kOrganisationId;
        DeviceSettings door;
        door.id = QStringLiteral("door");
        door.name = QStringLiteral("Entré");
        door.url = m_door->baseUrl();
        door.timeoutSeconds = 5;
        DeviceSettings gym = door;
        gym.id = QStringLiteral("gym");
        gym.name = QStringLiteral("Gym");
        gym.url = m_gym->baseUrl();
        m_settings.devices = {door, gym};
        m_settings.sync.retryBackoffMs = 0;
        m_credentials.cardskipperPassword = QStringLiteral("demo");
        m_credentials.devicePasswords = {{door.id, IsapiSimulator::defaultPassword()},
                                         {gym.id, IsapiSimulator::defaultPassword()}};
        m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
        m_engine->setConfiguration(m_settings, m_credentials);
        QCOMPARE(sync().exitCode(), 0);
    }

    void cleanup()
    {
        m_engine.reset();
        m_store.reset();
        m_door.reset();
        m_gym.reset();
        m_cardskipper.reset();
    }

    void aFacePhotoIsWrittenToEveryDoorAndJournaled()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        const QByteArray photo = facePhoto();
        const SyncEngine::FaceOutcome outcome = setFace(member, photo);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(m_door->hasFace(employeeNo));
        QVERIFY(m_gym->hasFace(employeeNo));
        QCOMPARE(*m_door->faceOf(employeeNo), photo);
        const QList<OperationRecord> ops = faceOperations(member);
        QCOMPARE(ops.size(), 2);
        for (const OperationRecord &op : ops) {
            QCOMPARE(op.action, ActionKind::FaceSet);
            QCOMPARE(op.status, OperationStatus::Done);
        }
        QCOMPARE(m_store->devicePerson(QStringLiteral("door"), employeeNo)->numOfFace, 1);
        // Replaced by a second photo: still one face, the new one.
        const QByteArray second = facePhoto(60);
        QVERIFY(setFace(member, second).ok);
        QCOMPARE(*m_gym->faceOf(employeeNo), second);
        QCOMPARE(m_gym->faceCount(), 1);
    }

    void aPhotoWithoutAFaceIsRefusedInPlainWordsAndTheOldFaceStays()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        const QByteArray photo = facePhoto();
        QVERIFY(setFace(member, photo).ok);
        const SyncEngine::FaceOutcome outcome = setFace(member, flatPhoto());
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.message.contains(QStringLiteral("Entré")), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(QLatin1String("face"), Qt::CaseInsensitive),
                 qPrintable(outcome.message));
        // Not the raw code alone: words that say what to do.
        QVERIFY2(outcome.message.contains(QLatin1String("photo")), qPrintable(outcome.message));
        QCOMPARE(*m_door->faceOf(employeeNo), photo);
    }

    void aDoorWithoutAFaceLibraryIsNamedAndLeftAlone()
    {
        QVERIFY(m_gym->setProfile(QStringLiteral("DS-K1A340FWX")));
        m_engine->setConfiguration(m_settings, m_credentials);
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        const SyncEngine::FaceOutcome outcome = setFace(member, facePhoto());
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(outcome.message.contains(QLatin1String("Gym")));
        QVERIFY(outcome.message.contains(QLatin1String("iVMS-4200")));
        QVERIFY(m_door->hasFace(employeeNo));
        QVERIFY(!m_gym->hasFace(employeeNo));
        std::optional<std::pair<bool, QString>> library;
        m_engine->faceLibraryOf(QStringLiteral("gym"), [&](bool available, const QString &why) {
            library = std::make_pair(available, why);
        });
        QTRY_VERIFY(library.has_value());
        QVERIFY(!library->first);
        QVERIFY(library->second.contains(QLatin1String("Gym")));
    }

    void aPhotoTakenAtTheDoorIsKeptThereAndCopiedToTheOtherDoor()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        m_door->options().demoFaceDelayMs = 100;
        QList<int> progress;
        const SyncEngine::FaceOutcome outcome =
            capture(member, QStringLiteral("door"), 30, &progress);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(m_door->hasFace(employeeNo));
        QVERIFY(m_gym->hasFace(employeeNo));
        QCOMPARE(*m_gym->faceOf(employeeNo), *m_door->faceOf(employeeNo));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 100);
        const QList<OperationRecord> ops = faceOperations(member);
        QVERIFY(std::any_of(ops.cbegin(), ops.cend(), [](const OperationRecord &op) {
            return op.action == ActionKind::FaceSet && op.detail == QLatin1String("camera");
        }));
        QVERIFY(std::any_of(ops.cbegin(), ops.cend(), [](const OperationRecord &op) {
            return op.action == ActionKind::FaceCopy && op.deviceId == QLatin1String("gym") &&
                   op.detail == QStringLiteral("Entré");
        }));
    }

    void aCaptureWithoutAFaceEndsAndCanBeCancelled()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QSignalSpy started(m_door.get(), &IsapiSimulator::faceCaptureStarted);
        const SyncEngine::FaceOutcome cancelled =
            capture(member, QStringLiteral("door"), 30, nullptr, [&](quint64 tag) {
                QVERIFY(started.wait(10000));
                m_engine->cancelFaceCapture(tag);
            });
        QCOMPARE(cancelled.message, QStringLiteral("Cancelled."));
        const SyncEngine::FaceOutcome late = capture(member, QStringLiteral("door"), 1);
        QVERIFY(!late.ok);
        QVERIFY2(late.message.contains(QStringLiteral("Entré")), qPrintable(late.message));
        QVERIFY2(late.message.contains(QLatin1String("no face")), qPrintable(late.message));
        QVERIFY(!m_door->hasFace(employeeNo));
        QCOMPARE(sync().exitCode(), 0); // the door is free again
    }

    void theSyncCopiesAFaceEnrolledOnOneDoorToTheOther()
    {
        QString employeeNo;
        memberOnBothDoors(&employeeNo);
        // Enrolled at the front door with iVMS-4200.
        const QByteArray photo = facePhoto(30);
        m_pictures.append(photo);
        QVERIFY(m_door->setFace(employeeNo, photo));
        const RunReport report = sync(RunKind::FullReconcile);
        QCOMPARE(report.exitCode(), 0);
        QVERIFY(m_gym->hasFace(employeeNo));
        QCOMPARE(*m_gym->faceOf(employeeNo), photo);
        QVERIFY(std::any_of(
            report.operations.cbegin(), report.operations.cend(), [](const OperationRecord &op) {
                return op.action == ActionKind::FaceCopy && op.status == OperationStatus::Done;
            }));
        // Converged: nothing more to copy.
        m_gym->resetCounters();
        QCOMPARE(sync().exitCode(), 0);
        QCOMPARE(m_gym->totalWriteCount(), 0);
    }

    void removingTheFaceTakesItEverywhereAndNoDoorCopiesItBack()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(setFace(member, facePhoto()).ok);
        const QUrl gymUrl = m_gym->baseUrl();
        setGymUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        const SyncEngine::FaceOutcome outcome = removeFace(member);
        QVERIFY2(outcome.message.contains(QLatin1String("next sync")), qPrintable(outcome.message));
        QVERIFY(!m_door->hasFace(employeeNo));
        QVERIFY(m_gym->hasFace(employeeNo));
        // While the Gym owes the removal, its face is not copied back to the front door (the
        // run itself fails: the Gym cannot be reached).
        sync();
        QVERIFY(!m_door->hasFace(employeeNo));
        setGymUrl(gymUrl);
        QCOMPARE(sync(RunKind::FullReconcile).exitCode(), 0);
        QVERIFY(!m_gym->hasFace(employeeNo));
        QVERIFY(!m_door->hasFace(employeeNo));
        QVERIFY(m_store->membersWithFaceRemovals().isEmpty());
    }

    void deletingACreatedPersonTakesItsFaceAndNobodyElses()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(setFace(member, facePhoto()).ok);
        sim::DevicePerson staff;
        staff.employeeNo = QStringLiteral("9001");
        staff.name = QStringLiteral("Städ Örjan");
        m_door->upsertPerson(staff);
        QVERIFY(m_door->setFace(staff.employeeNo, facePhoto(90)));
        QVERIFY(m_cardskipper->expireMember(member.organisationMemberId));
        m_settings.sync.policy.deleteRetentionDays = 0;
        m_engine->setConfiguration(m_settings, m_credentials);
        m_clock.advanceDays(2);
        QCOMPARE(sync().exitCode(), 0); // access ends
        m_clock.advanceDays(1);
        QCOMPARE(sync(RunKind::FullReconcile).exitCode(), 0); // the person goes
        QVERIFY(!m_door->person(employeeNo));
        QVERIFY(!m_door->hasFace(employeeNo));
        QVERIFY(!m_gym->hasFace(employeeNo));
        QVERIFY(m_door->hasFace(staff.employeeNo));
    }

    // Photos as the desk has them: a phone's photo lying on its side with an EXIF orientation,
    // one at 4:4:4 chroma, one over 200 KB. Each is refused by the terminal as it is, and
    // accepted once the desk's photo tool has prepared it.
    void photosTheTerminalRefusesAreMadeAcceptable()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QTemporaryDir folder;

        // Taken with the phone turned: stored 1200 x 900 with orientation 6.
        QImage upright = QImage::fromData(facePhoto(20)).scaled(900, 1200);
        QTransform turn;
        turn.rotate(-90);
        QByteArray sideways;
        {
            QBuffer buffer(&sideways);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(upright.transformed(turn).save(&buffer, "JPEG", 90));
        }
        const QString rotatedPath = folder.filePath(QStringLiteral("telefon.jpg"));
        {
            QFile file(rotatedPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(withExifOrientation(sideways, 6));
        }
        // Noise at the highest quality: far over 200 KB.
        QImage noisy(1600, 1600, QImage::Format_RGB32);
        quint32 seed = 7;
        for (int y = 0; y < noisy.height(); ++y) {
            for (int x = 0; x < noisy.width(); ++x) {
                seed = seed * 1664525u + 1013904223u;
                noisy.setPixel(x, y, qRgb(int(seed >> 24), int((seed >> 16) & 0xff), 128));
            }
        }
        {
            QPainter painter(&noisy);
            painter.drawImage(QRect(200, 200, 1200, 1200), upright);
        }
        const QString bigPath = folder.filePath(QStringLiteral("stor.jpg"));
        QVERIFY(noisy.save(bigPath, "JPEG", 100));
        QVERIFY(QFileInfo(bigPath).size() > 200 * 1024);
        const QString chroma444 = QStringLiteral(CIS_FIXTURES_DIR "/faces/face-444.jpg");

        const auto turned = loadFacePhoto(rotatedPath);
        QVERIFY2(turned, turned ? "" : qPrintable(turned.error()));
        QCOMPARE(turned.value().size(), QSize(900, 1200)); // upright again

        for (const QString &path : {rotatedPath, bigPath, chroma444}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray raw = file.readAll();
            if (path != rotatedPath) {
                // As it is, the terminal refuses it, in plain words.
                const SyncEngine::FaceOutcome refused = setFace(member, raw);
                QVERIFY2(!refused.ok, qPrintable(path));
                QVERIFY2(refused.message.contains(QLatin1String("photo")),
                         qPrintable(refused.message));
            }
            const auto photo = loadFacePhoto(path);
            QVERIFY2(photo, photo ? "" : qPrintable(photo.error()));
            const auto prepared = encodeFacePhoto(photo.value(), suggestedFaceCrop(photo.value()));
            QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error()));
            const SyncEngine::FaceOutcome outcome = setFace(member, prepared.value());
            QVERIFY2(outcome.ok, qPrintable(path + QStringLiteral(": ") + outcome.message));
            QCOMPARE(*m_door->faceOf(employeeNo), prepared.value());
        }
    }

    // Biometric data: after all of the above, no picture is anywhere in the database files.
    void noPhotoBytesAreLeftOnDisk()
    {
        QString employeeNo;
        const MemberKey member = memberOnBothDoors(&employeeNo);
        QVERIFY(setFace(member, facePhoto(10)).ok);
        m_door->options().demoFaceDelayMs = 50;
        QVERIFY(capture(member, QStringLiteral("door")).ok);
        m_pictures.append(*m_door->faceOf(employeeNo));
        QCOMPARE(sync(RunKind::FullReconcile).exitCode(), 0);
        m_engine.reset();
        m_store.reset();
        QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            for (const QByteArray &picture : std::as_const(m_pictures)) {
                // A stretch from the middle of the compressed data: no other file has it.
                const QByteArray needle = picture.mid(picture.size() / 2, 48);
                QVERIFY2(!content.contains(needle), qPrintable(file.fileName()));
                QVERIFY(!content.contains(QByteArray::fromHex("ffd8ffe0")));
            }
            ++checked;
        }
        QVERIFY(checked > 0);
        QVERIFY(m_pictures.size() >= 2);
    }
};

QTEST_GUILESS_MAIN(TestFacesE2E)
#include "tst_faces_e2e.moc"
