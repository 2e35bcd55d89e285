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
    // One sentence per problem, naming the field; non-empty blocks OK.
    QStringList validationProblems() const;

public slots:
    void accept() override;

private:
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
    };

    void loadSecrets();
    void loadCardskipperPassword();
    void addDevice();
    void removeDevice();
    void showDevice(int row);
    DeviceRow *currentDevice();
    int rowOfSerial(int serial) const;
    void storeDeviceFields();
    void updateProblems();
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
};

} // namespace cis::gui
