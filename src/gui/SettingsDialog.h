// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SecretStore.h"
#include "Settings.h"

#include <QDialog>
#include <QList>
#include <QStringList>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace cis {
class HikvisionClient;
}

namespace cis::gui {

// The whole configuration in four tabs: Cardskipper, the doors, the sync and how the app
// starts. Passwords are
// read from and written to the SecretStore (on accept), never into the AppSettings.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(const AppSettings &current, SecretStore &secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The settings as edited; what the dialog does not show is kept from `current`.
    AppSettings settings() const;
    // One sentence per problem, naming the field; non-empty blocks OK. The dialog shows only
    // those of fields the user has edited (or that held a value when it opened) until OK is
    // pressed; this list always has them all.
    QStringList validationProblems() const;
    // The problems the dialog shows now.
    QStringList shownProblems() const;

    // For "Fix password…": shows the door with this id and puts the cursor in its password
    // field, the old password selected so that typing replaces it. An unknown id shows the
    // doors.
    void showDevicePassword(const QString &deviceId);

public slots:
    void accept() override;

private:
    // The fields a problem can be about; a door's are per door.
    enum Field : unsigned
    {
        CardskipperUrl = 1u << 0,
        CardskipperUsername = 1u << 1,
        Organisation = 1u << 2,
        Roles = 1u << 3,
        DeviceName = 1u << 4,
        DeviceUrl = 1u << 5,
        DeviceUsername = 1u << 6,
        DeviceFingerprint = 1u << 7,
    };
    struct Problem
    {
        QString text;
        Field field;
        int deviceSerial = 0; // 0: a Cardskipper field
    };

    struct DeviceRow
    {
        int serial = 0;          // identifies the row while the dialog is open
        DeviceSettings settings; // id empty for a device added here
        QString password;
        QString fingerprintText;
        QString testResult;
        // The client of the last test, kept while the address and credentials stay the same:
        // it remembers a rejected password or a lock, so a second click does not spend
        // another of the terminal's five login attempts.
        std::shared_ptr<HikvisionClient> testClient;
        QByteArray testClientKey;
        unsigned touched = 0; // Field bits: edited here, or not empty when the dialog opened
    };

    void loadSecrets();
    void loadCardskipperPassword();
    void addDevice();
    void removeDevice();
    void showDevice(int row);
    DeviceRow *currentDevice();
    int rowOfSerial(int serial) const;
    void storeDeviceFields();
    QList<Problem> problems() const;
    bool isShown(const Problem &problem) const;
    void touchDeviceField(Field field);
    void updateProblems();
    void showProblemField(const Problem &problem);
    void updateUrlHint();
    void testCardskipper();
    void testDevice();
    void trustCertificate();
    QList<DeviceSettings> devicesWithIds() const;
    qint64 organisationId() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings m_current;
    SecretStore &m_secrets;
    QList<DeviceRow> m_devices;
    int m_nextSerial = 1;
    bool m_loadingDevice = false;
    bool m_cardskipperPasswordEdited = false;
    QString m_cardskipperPasswordUser; // whose stored password the field was filled with
    int m_trustSerial = 0;
    QString m_trustFingerprint;
    unsigned m_touched = 0;         // Field bits of the Cardskipper tab
    bool m_showAllProblems = false; // OK was pressed with problems left
    int m_passwordFocusSerial = 0;  // the door whose password showDevicePassword() selected
};

} // namespace cis::gui
