// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Settings.h"
#include "SyncEngine.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

namespace cis::sim {
class CardskipperSimulator;
class IsapiSimulator;
} // namespace cis::sim

namespace cis {
class Clock;
}

namespace cis::gui {

// `--demo`: both simulators in this process with the demo data, a configuration pointing at
// them, and the events the Demo menu can cause ("a member renews", "someone edits a person in
// iVMS-4200", "the door fails"). Everything else is the real product.
class DemoEnvironment : public QObject
{
    Q_OBJECT

public:
    explicit DemoEnvironment(const Clock &clock, QObject *parent = nullptr);
    ~DemoEnvironment() override;

    // Starts both simulators on 127.0.0.1; false with the reason in error().
    bool start();
    QString error() const { return m_error; }

    AppSettings settings() const;
    SyncEngine::Credentials credentials() const;
    QString databasePath() const;
    static QString deviceId() { return QStringLiteral("front-door"); }
    static QString gymDeviceId() { return QStringLiteral("gym"); }

    // The Demo menu. Each returns a sentence for the log saying what happened.
    QString extendMembership(qint64 memberId);
    QString cancelMembership(qint64 memberId);
    QString addMember();
    QString editPersonOnDevice(const QString &employeeNo);
    QString makeDeviceFail();
    QString changeDevicePassword();
    QString restoreDevicePassword();
    // Someone at the front door: the person shows a face or a card (the door decides from its
    // own validity and logs the event), a stranger's face, or a card the door does not know.
    QString personComesToTheDoor(const QString &employeeNo, bool withCard);
    QString strangerComesToTheDoor();
    QString unknownCardAtTheDoor();

    sim::CardskipperSimulator &cardskipper() { return *m_cardskipper; }
    sim::IsapiSimulator &door() { return *m_door; }
    sim::IsapiSimulator &gym() { return *m_gym; }

private:
    const Clock &m_clock;
    QTemporaryDir m_folder;
    std::unique_ptr<sim::CardskipperSimulator> m_cardskipper;
    std::unique_ptr<sim::IsapiSimulator> m_door;
    std::unique_ptr<sim::IsapiSimulator> m_gym;
    qint64 m_nextMemberId = 5000;
    QString m_error;
};

} // namespace cis::gui
