// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The settings dialog: every field round-trips, doors are added and removed, validation blocks
// OK (but says nothing about fields nobody has typed in yet), a door's address needs no scheme,
// a test's answer does not move the form, and passwords go to the secret store only.
#include "CardskipperSimulator.h"
#include "IsapiSimulator.h"
#include "SecretStore.h"
#include "Settings.h"
#include "SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTimeEdit>

using namespace cis;
using namespace cis::gui;

namespace {

AppSettings fullSettings()
{
    AppSettings s;
    s.cardskipper.url = QUrl(QStringLiteral("https://test.example.se/api"));
    s.cardskipper.username = QStringLiteral("integration");
    s.cardskipper.organisationId = 4711;
    s.cardskipper.timeoutSeconds = 45;

    DeviceSettings front;
    front.id = QStringLiteral("front-door");
    front.name = QStringLiteral("Front door (renamed)");
    front.url = QUrl(QStringLiteral("https://10.0.0.5:8443"));
    front.username = QStringLiteral("syncuser");
    front.pinnedCertificateSha256 = QByteArray(32, '\x5a');
    front.maxConcurrentRequests = 2;
    front.timeoutSeconds = 12;
    front.enabled = true;
    DeviceSettings gym;
    gym.id = QStringLiteral("gym");
    gym.name = QStringLiteral("Gym");
    gym.url = QUrl(QStringLiteral("http://192.168.1.64"));
    gym.username = QStringLiteral("admin");
    gym.enabled = false;
    s.devices = {front, gym};

    s.sync.intervalSeconds = 600;
    s.sync.maxParallelDoors = 2;
    s.sync.databasePath = QStringLiteral("/var/lib/cis/sync.db");
    s.sync.nightlyReconcileAt = QTime(2, 30);
    s.sync.retryAttempts = 4;
    s.sync.retryBackoffMs = 1500;
    s.sync.policy.grantingRoleIds = {11, 12, 99};
    s.sync.policy.graceDays = 7;
    s.sync.policy.renameEnabled = true;
    s.sync.policy.deleteRetentionDays = 30;
    s.general.startWithSession = true;
    s.general.startMinimised = true;
    s.sync.policy.employeeNoPrefix = QStringLiteral("CS");
    s.sync.policy.guardEnabled = false;
    s.sync.policy.guardMinMemberRatio = 0.4;
    s.sync.policy.guardMinRevokes = 8;
    s.sync.policy.guardRevokeShare = 0.2;
    return s;
}

void compareDevice(const DeviceSettings &a, const DeviceSettings &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.url, b.url);
    QCOMPARE(a.username, b.username);
    QCOMPARE(a.pinnedCertificateSha256, b.pinnedCertificateSha256);
    QCOMPARE(a.maxConcurrentRequests, b.maxConcurrentRequests);
    QCOMPARE(a.timeoutSeconds, b.timeoutSeconds);
    QCOMPARE(a.enabled, b.enabled);
}

void compareSettings(const AppSettings &a, const AppSettings &b)
{
    QCOMPARE(a.cardskipper.url, b.cardskipper.url);
    QCOMPARE(a.cardskipper.username, b.cardskipper.username);
    QCOMPARE(a.cardskipper.organisationId, b.cardskipper.organisationId);
    QCOMPARE(a.cardskipper.timeoutSeconds, b.cardskipper.timeoutSeconds);
    QCOMPARE(a.devices.size(), b.devices.size());
    for (int i = 0; i < a.devices.size(); ++i) {
        compareDevice(a.devices[i], b.devices[i]);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(a.sync.intervalSeconds, b.sync.intervalSeconds);
    QCOMPARE(a.sync.maxParallelDoors, b.sync.maxParallelDoors);
    QCOMPARE(a.sync.databasePath, b.sync.databasePath);
    QCOMPARE(a.sync.nightlyReconcileAt, b.sync.nightlyReconcileAt);
    QCOMPARE(a.sync.retryAttempts, b.sync.retryAttempts);
    QCOMPARE(a.sync.retryBackoffMs, b.sync.retryBackoffMs);
    const SyncPolicy &p = a.sync.policy;
    const SyncPolicy &q = b.sync.policy;
    QCOMPARE(p.grantingRoleIds, q.grantingRoleIds);
    QCOMPARE(p.graceDays, q.graceDays);
    QCOMPARE(p.renameEnabled, q.renameEnabled);
    QCOMPARE(p.deleteRetentionDays, q.deleteRetentionDays);
    QCOMPARE(p.employeeNoPrefix, q.employeeNoPrefix);
    QCOMPARE(p.guardEnabled, q.guardEnabled);
    QCOMPARE(p.guardMinMemberRatio, q.guardMinMemberRatio);
    QCOMPARE(p.guardMinRevokes, q.guardMinRevokes);
    QCOMPARE(p.guardRevokeShare, q.guardRevokeShare);
    QCOMPARE(a.general.startWithSession, b.general.startWithSession);
    QCOMPARE(a.general.startMinimised, b.general.startMinimised);
}

std::optional<QString> secretOf(SecretStore &store, const QString &key)
{
    std::optional<QString> found;
    store.read(key, [&found](SecretStore::ReadResult result) { found = result.secret; });
    return found;
}

void storeSecret(SecretStore &store, const QString &key, const QString &secret)
{
    store.write(key, secret, [](const QString &) {});
}

template<typename T> T *child(QObject &parent, const char *name)
{
    auto *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void roundTripDefaultsAndNeverDelete();
    void addAndRemoveDevice();
    void newDeviceIdsAreUniqueSlugs();
    void validationBlocksOk();
    void badFingerprintAndDuplicateNames();
    void passwordsGoToTheStore();
    void existingPasswordsAppear();
    void changedUsernameLoadsItsPassword();
    void testCardskipperConnection();
    void testCardskipperWrongPassword();
    void testDeviceConnection();
    void testDeviceWrongPassword();
    void doorAddressWithoutScheme();
    void noProblemsBeforeTyping();
    void okRevealsTheProblemsLeft();
    void organisationsListedOnce();
    void showDevicePasswordFocusesIt();
    void testResultDoesNotMoveTheForm();
    void swedishLettersFitTheDoorList();
};

void TestSettingsDialog::roundTrip()
{
    MemorySecretStore secrets;
    const AppSettings input = fullSettings();
    SettingsDialog dialog(input, secrets);
    QVERIFY(dialog.validationProblems().isEmpty());
    compareSettings(dialog.settings(), input);
    const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        dialog.show();
        QCoreApplication::processEvents();
        dialog.grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/settings.png"));
        if (auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("tabs"))) {
            tabs->setCurrentIndex(tabs->count() - 1);
            QCoreApplication::processEvents();
            dialog.grab().save(QString::fromLocal8Bit(folder) +
                               QStringLiteral("/settings-general.png"));
        }
    }
}

void TestSettingsDialog::roundTripDefaultsAndNeverDelete()
{
    MemorySecretStore secrets;
    AppSettings input = fullSettings();
    input.sync.policy.deleteRetentionDays = -1;
    input.sync.policy.grantingRoleIds.clear();
    SettingsDialog dialog(input, secrets);
    QVERIFY(!child<QCheckBox>(dialog, "deleteCheck")->isChecked());
    compareSettings(dialog.settings(), input);

    child<QCheckBox>(dialog, "deleteCheck")->setChecked(true);
    child<QSpinBox>(dialog, "deleteDaysSpin")->setValue(14);
    QCOMPARE(dialog.settings().sync.policy.deleteRetentionDays, 14);

    // 0 is "every door at once", shown as such.
    auto *parallel = child<QSpinBox>(dialog, "parallelDoorsSpin");
    parallel->setValue(0);
    QCOMPARE(parallel->text(), QStringLiteral("All"));
    QCOMPARE(dialog.settings().sync.maxParallelDoors, 0);
}

void TestSettingsDialog::addAndRemoveDevice()
{
    MemorySecretStore secrets;
    const AppSettings input = fullSettings();
    SettingsDialog dialog(input, secrets);
    auto *list = child<QListWidget>(dialog, "deviceList");
    QCOMPARE(list->count(), 2);

    QTest::mouseClick(child<QPushButton>(dialog, "addDeviceButton"), Qt::LeftButton);
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->currentRow(), 2);
    // A new door without an address is a problem naming it.
    QVERIFY(!dialog.validationProblems().isEmpty());
    QVERIFY(dialog.validationProblems().join(u'\n').contains(QStringLiteral("address")));

    child<QLineEdit>(dialog, "deviceNameEdit")->setText(QStringLiteral("Back Door"));
    child<QLineEdit>(dialog, "deviceUrlEdit")->setText(QStringLiteral("http://10.0.0.9"));
    QVERIFY2(dialog.validationProblems().isEmpty(),
             qPrintable(dialog.validationProblems().join(u'\n')));
    QCOMPARE(list->item(2)->text(), QStringLiteral("Back Door"));

    AppSettings edited = dialog.settings();
    QCOMPARE(edited.devices.size(), 3);
    QCOMPARE(edited.devices[2].id, QStringLiteral("back-door"));
    QCOMPARE(edited.devices[2].name, QStringLiteral("Back Door"));
    QCOMPARE(edited.devices[2].url, QUrl(QStringLiteral("http://10.0.0.9")));
    QCOMPARE(edited.devices[2].username, QStringLiteral("admin"));
    QVERIFY(edited.devices[2].enabled);

    // Remove the first; the others keep their ids.
    list->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>(dialog, "removeDeviceButton"), Qt::LeftButton);
    edited = dialog.settings();
    QCOMPARE(edited.devices.size(), 2);
    QCOMPARE(edited.devices[0].id, QStringLiteral("gym"));
    QCOMPARE(edited.devices[1].id, QStringLiteral("back-door"));
    QCOMPARE(list->count(), 2);
    // The form shows the selected door, not the removed one.
    QCOMPARE(child<QLineEdit>(dialog, "deviceNameEdit")->text(), list->currentItem()->text());

    // Renaming an existing device keeps its id.
    list->setCurrentRow(0);
    child<QLineEdit>(dialog, "deviceNameEdit")->setText(QStringLiteral("Gym hall"));
    edited = dialog.settings();
    QCOMPARE(edited.devices[0].id, QStringLiteral("gym"));
    QCOMPARE(edited.devices[0].name, QStringLiteral("Gym hall"));
}

void TestSettingsDialog::newDeviceIdsAreUniqueSlugs()
{
    MemorySecretStore secrets;
    AppSettings input = fullSettings();
    input.devices[1].name = QStringLiteral("Old gym"); // id stays "gym"
    SettingsDialog dialog(input, secrets);
    QTest::mouseClick(child<QPushButton>(dialog, "addDeviceButton"), Qt::LeftButton);
    child<QLineEdit>(dialog, "deviceNameEdit")->setText(QStringLiteral("Gym"));
    child<QLineEdit>(dialog, "deviceUrlEdit")->setText(QStringLiteral("http://10.0.0.10"));
    QTest::mouseClick(child<QPushButton>(dialog, "addDeviceButton"), Qt::LeftButton);
    child<QLineEdit>(dialog, "deviceNameEdit")->setText(QStringLiteral("Källare Öst"));
    child<QLineEdit>(dialog, "deviceUrlEdit")->setText(QStringLiteral("http://10.0.0.11"));
    QVERIFY2(dialog.validationProblems().isEmpty(),
             qPrintable(dialog.validationProblems().join(u'\n')));
    const AppSettings edited = dialog.settings();
    QCOMPARE(edited.devices.size(), 4);
    QCOMPARE(edited.devices[1].id, QStringLiteral("gym"));
    QCOMPARE(edited.devices[2].id, QStringLiteral("gym-2"));
    QCOMPARE(edited.devices[3].id, QStringLiteral("kallare-ost"));
}

void TestSettingsDialog::validationBlocksOk()
{
    MemorySecretStore secrets;
    AppSettings input = fullSettings();
    SettingsDialog dialog(input, secrets);
    auto *ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());

    child<QLineEdit>(dialog, "usernameEdit")->clear();
    child<QComboBox>(dialog, "organisationCombo")->setEditText(QString());
    child<QComboBox>(dialog, "urlCombo")->setEditText(QString());
    const QString problems = dialog.validationProblems().join(u'\n');
    QVERIFY2(problems.contains(QStringLiteral("username")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("organisation")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("address")), qPrintable(problems));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(child<QLabel>(dialog, "problemsLabel")->text(), problems);

    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("pw"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!secretOf(secrets, SecretStore::cardskipperKey(QString())));

    child<QLineEdit>(dialog, "usernameEdit")->setText(QStringLiteral("integration"));
    child<QComboBox>(dialog, "organisationCombo")->setEditText(QStringLiteral("4711"));
    child<QComboBox>(dialog, "urlCombo")->setEditText(QStringLiteral("https://api.cardskipper.se"));
    QVERIFY(dialog.validationProblems().isEmpty());
    QVERIFY(ok->isEnabled());
    QVERIFY(child<QLabel>(dialog, "problemsLabel")->text().isEmpty());

    child<QLineEdit>(dialog, "rolesEdit")->setText(QStringLiteral("11, x"));
    QVERIFY(dialog.validationProblems().join(u'\n').contains(QStringLiteral("role")));
    QVERIFY(!ok->isEnabled());
}

void TestSettingsDialog::badFingerprintAndDuplicateNames()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(fullSettings(), secrets);
    auto *list = child<QListWidget>(dialog, "deviceList");
    list->setCurrentRow(0);
    QCOMPARE(child<QLineEdit>(dialog, "deviceFingerprintEdit")->text(),
             QString::fromLatin1(QByteArray(32, '\x5a').toHex(':').toUpper()));
    child<QLineEdit>(dialog, "deviceFingerprintEdit")->setText(QStringLiteral("AB:CD"));
    QString problems = dialog.validationProblems().join(u'\n');
    QVERIFY2(problems.contains(QStringLiteral("fingerprint")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("Front door")), qPrintable(problems));

    // Without colons, lower case: accepted.
    child<QLineEdit>(dialog, "deviceFingerprintEdit")
        ->setText(QString::fromLatin1(QByteArray(32, '\x1f').toHex()));
    QVERIFY(dialog.validationProblems().isEmpty());
    QCOMPARE(dialog.settings().devices[0].pinnedCertificateSha256, QByteArray(32, '\x1f'));

    child<QLineEdit>(dialog, "deviceNameEdit")->setText(QStringLiteral("gym"));
    problems = dialog.validationProblems().join(u'\n');
    QVERIFY2(problems.contains(QStringLiteral("\"Gym\" is used by more than one door")),
             qPrintable(problems));

    child<QLineEdit>(dialog, "deviceNameEdit")->setText(QStringLiteral("Front"));
    child<QLineEdit>(dialog, "deviceUrlEdit")->setText(QStringLiteral("ftp://10.0.0.5"));
    problems = dialog.validationProblems().join(u'\n');
    QVERIFY2(problems.contains(QStringLiteral("Front: the address")), qPrintable(problems));
    QVERIFY(
        !child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSettingsDialog::passwordsGoToTheStore()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(fullSettings(), secrets);
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), QStringLiteral("cs-secret"));
    auto *list = child<QListWidget>(dialog, "deviceList");
    list->setCurrentRow(1);
    QTest::keyClicks(child<QLineEdit>(dialog, "devicePasswordEdit"), QStringLiteral("gym-pw"));
    QTest::mouseClick(child<QPushButton>(dialog, "addDeviceButton"), Qt::LeftButton);
    child<QLineEdit>(dialog, "deviceNameEdit")->setText(QStringLiteral("New Door"));
    child<QLineEdit>(dialog, "deviceUrlEdit")->setText(QStringLiteral("http://10.0.0.12"));
    QTest::keyClicks(child<QLineEdit>(dialog, "devicePasswordEdit"), QStringLiteral("new-pw"));
    // Switching rows keeps what was typed.
    list->setCurrentRow(1);
    QCOMPARE(child<QLineEdit>(dialog, "devicePasswordEdit")->text(), QStringLiteral("gym-pw"));
    QCOMPARE(child<QLineEdit>(dialog, "devicePasswordEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLineEdit>(dialog, "passwordEdit")->echoMode(), QLineEdit::Password);

    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QCOMPARE(secretOf(secrets, SecretStore::cardskipperKey(QStringLiteral("integration"))),
             std::optional<QString>(QStringLiteral("cs-secret")));
    QCOMPARE(secretOf(secrets, SecretStore::deviceKey(QStringLiteral("gym"))),
             std::optional<QString>(QStringLiteral("gym-pw")));
    QCOMPARE(secretOf(secrets, SecretStore::deviceKey(QStringLiteral("new-door"))),
             std::optional<QString>(QStringLiteral("new-pw")));
    QVERIFY(!secretOf(secrets, SecretStore::deviceKey(QStringLiteral("front-door"))));

    // Not in the settings, in any form.
    QSettings ini(QDir::temp().filePath(QStringLiteral("tst_settingsdialog.ini")),
                  QSettings::IniFormat);
    ini.clear();
    dialog.settings().save(ini);
    ini.sync();
    QFile file(ini.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    file.close();
    QFile::remove(ini.fileName());
    QVERIFY(!saved.isEmpty());
    QVERIFY(!saved.contains("cs-secret"));
    QVERIFY(!saved.contains("gym-pw"));
    QVERIFY(!saved.contains("new-pw"));
}

void TestSettingsDialog::existingPasswordsAppear()
{
    MemorySecretStore secrets;
    storeSecret(secrets, SecretStore::cardskipperKey(QStringLiteral("integration")),
                QStringLiteral("stored-cs"));
    storeSecret(secrets, SecretStore::deviceKey(QStringLiteral("gym")),
                QStringLiteral("stored-gym"));
    SettingsDialog dialog(fullSettings(), secrets);
    QCOMPARE(child<QLineEdit>(dialog, "passwordEdit")->text(), QStringLiteral("stored-cs"));
    auto *list = child<QListWidget>(dialog, "deviceList");
    list->setCurrentRow(0);
    QVERIFY(child<QLineEdit>(dialog, "devicePasswordEdit")->text().isEmpty());
    list->setCurrentRow(1);
    QCOMPARE(child<QLineEdit>(dialog, "devicePasswordEdit")->text(), QStringLiteral("stored-gym"));
    QVERIFY(dialog.validationProblems().isEmpty());
}

void TestSettingsDialog::changedUsernameLoadsItsPassword()
{
    MemorySecretStore secrets;
    storeSecret(secrets, SecretStore::cardskipperKey(QStringLiteral("integration")),
                QStringLiteral("stored-cs"));
    storeSecret(secrets, SecretStore::cardskipperKey(QStringLiteral("other")),
                QStringLiteral("other-pw"));
    SettingsDialog dialog(fullSettings(), secrets);
    auto *username = child<QLineEdit>(dialog, "usernameEdit");
    auto *password = child<QLineEdit>(dialog, "passwordEdit");
    username->setText(QStringLiteral("other"));
    emit username->editingFinished();
    QCOMPARE(password->text(), QStringLiteral("other-pw"));
    username->setText(QStringLiteral("nobody"));
    emit username->editingFinished();
    QVERIFY(password->text().isEmpty());
    // Once typed, the password stays.
    QTest::keyClicks(password, QStringLiteral("typed"));
    username->setText(QStringLiteral("integration"));
    emit username->editingFinished();
    QCOMPARE(password->text(), QStringLiteral("typed"));
}

void TestSettingsDialog::testCardskipperConnection()
{
    sim::CardskipperSimulator simulator;
    simulator.loadDemoData();
    QVERIFY(simulator.listen());

    AppSettings input = fullSettings();
    input.cardskipper.url = simulator.baseUrl();
    input.cardskipper.username = QStringLiteral("demo");
    input.cardskipper.organisationId = 0;
    MemorySecretStore secrets;
    SettingsDialog dialog(input, secrets);
    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("demo"));
    QTest::mouseClick(child<QPushButton>(dialog, "testCardskipperButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog, "cardskipperResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("OK")), 10000);
    QVERIFY2(result->text().contains(QStringLiteral("4711")), qPrintable(result->text()));
    auto *organisations = child<QComboBox>(dialog, "organisationCombo");
    QVERIFY(organisations->count() >= 1);
    bool listed = false;
    for (int i = 0; i < organisations->count(); ++i)
        listed = listed || organisations->itemText(i).startsWith(QStringLiteral("4711 "));
    QVERIFY(listed);
    QVERIFY(dialog.settings().cardskipper.organisationId != 0);
    QVERIFY(child<QPushButton>(dialog, "testCardskipperButton")->isEnabled());
}

void TestSettingsDialog::testCardskipperWrongPassword()
{
    sim::CardskipperSimulator simulator;
    simulator.loadDemoData();
    QVERIFY(simulator.listen());

    AppSettings input = fullSettings();
    input.cardskipper.url = simulator.baseUrl();
    input.cardskipper.username = QStringLiteral("demo");
    MemorySecretStore secrets;
    SettingsDialog dialog(input, secrets);
    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("wrong"));
    QTest::mouseClick(child<QPushButton>(dialog, "testCardskipperButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog, "cardskipperResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Failed")), 10000);
    QVERIFY(!result->text().contains(QStringLiteral("wrong")));
    // What was typed stays.
    QCOMPARE(dialog.settings().cardskipper.organisationId, qint64(4711));
}

void TestSettingsDialog::testDeviceConnection()
{
    sim::IsapiSimulator simulator;
    simulator.setCredentials(QStringLiteral("admin"), QStringLiteral("door-pw"));
    simulator.loadDemoPersons(5);
    QVERIFY(simulator.listen());

    AppSettings input = fullSettings();
    input.devices[1].url = simulator.baseUrl();
    MemorySecretStore secrets;
    SettingsDialog dialog(input, secrets);
    child<QListWidget>(dialog, "deviceList")->setCurrentRow(1);
    child<QLineEdit>(dialog, "devicePasswordEdit")->setText(QStringLiteral("door-pw"));
    QTest::mouseClick(child<QPushButton>(dialog, "testDeviceButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog, "deviceResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("OK")), 10000);
    QVERIFY2(result->text().contains(QStringLiteral("5 persons")), qPrintable(result->text()));
    QVERIFY(child<QPushButton>(dialog, "trustButton")->isHidden());
}

void TestSettingsDialog::testDeviceWrongPassword()
{
    sim::IsapiSimulator simulator;
    simulator.setCredentials(QStringLiteral("admin"), QStringLiteral("door-pw"));
    QVERIFY(simulator.listen());

    AppSettings input = fullSettings();
    input.devices[1].url = simulator.baseUrl();
    MemorySecretStore secrets;
    SettingsDialog dialog(input, secrets);
    child<QListWidget>(dialog, "deviceList")->setCurrentRow(1);
    child<QLineEdit>(dialog, "devicePasswordEdit")->setText(QStringLiteral("not-it"));
    QTest::mouseClick(child<QPushButton>(dialog, "testDeviceButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog, "deviceResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Failed")), 10000);
    QVERIFY(!result->text().contains(QStringLiteral("not-it")));
    QVERIFY(child<QPushButton>(dialog, "trustButton")->isHidden());
    QVERIFY(child<QPushButton>(dialog, "testDeviceButton")->isEnabled());
    // The terminal says how many attempts are left before it locks the account.
    QVERIFY2(result->text().contains(QStringLiteral("4 attempt")), qPrintable(result->text()));
    QCOMPARE(simulator.failedAuthAttempts(), 1);

    // Clicking again with the same password spends nothing: one failed login per change.
    const qsizetype requests = simulator.receivedRequests().size();
    QTest::mouseClick(child<QPushButton>(dialog, "testDeviceButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Not tried again")), 10000);
    QVERIFY(result->text().contains(
        QStringLiteral("until the credentials in the settings are changed")));
    QCOMPARE(simulator.failedAuthAttempts(), 1);
    QCOMPARE(simulator.receivedRequests().size(), requests);

    // Another wrong password is worth one more attempt; the right one works.
    child<QLineEdit>(dialog, "devicePasswordEdit")->setText(QStringLiteral("not-it-either"));
    QTest::mouseClick(child<QPushButton>(dialog, "testDeviceButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Failed")), 10000);
    QCOMPARE(simulator.failedAuthAttempts(), 2);
    child<QLineEdit>(dialog, "devicePasswordEdit")->setText(QStringLiteral("door-pw"));
    QTest::mouseClick(child<QPushButton>(dialog, "testDeviceButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("OK")), 10000);
    QCOMPARE(simulator.failedAuthAttempts(), 2);

    // The result belongs to that door: another door shows none.
    child<QListWidget>(dialog, "deviceList")->setCurrentRow(0);
    QVERIFY(result->text().isEmpty());
}

void TestSettingsDialog::doorAddressWithoutScheme()
{
    MemorySecretStore secrets;
    SettingsDialog dialog(fullSettings(), secrets);
    child<QListWidget>(dialog, "deviceList")->setCurrentRow(1);
    auto *url = child<QLineEdit>(dialog, "deviceUrlEdit");
    auto *hint = child<QLabel>(dialog, "deviceUrlHintLabel");

    // As printed on the terminal: accepted, stored as http, https suggested, never an error.
    url->setText(QStringLiteral("192.168.1.64"));
    QVERIFY2(dialog.validationProblems().isEmpty(),
             qPrintable(dialog.validationProblems().join(u'\n')));
    QCOMPARE(dialog.settings().devices[1].url, QUrl(QStringLiteral("http://192.168.1.64")));
    QVERIFY2(hint->text().contains(QStringLiteral("http://192.168.1.64")),
             qPrintable(hint->text()));
    QVERIFY2(hint->text().contains(QStringLiteral("https://")), qPrintable(hint->text()));

    // QUrl alone would take "door.local" for the scheme.
    url->setText(QStringLiteral(" door.local:8080 "));
    QVERIFY(dialog.validationProblems().isEmpty());
    QCOMPARE(dialog.settings().devices[1].url, QUrl(QStringLiteral("http://door.local:8080")));
    QVERIFY(hint->text().contains(QStringLiteral("http://door.local:8080")));

    // With a scheme: as typed, nothing to suggest.
    url->setText(QStringLiteral("https://door.local"));
    QCOMPARE(dialog.settings().devices[1].url, QUrl(QStringLiteral("https://door.local")));
    QVERIFY(hint->text().isEmpty());
    url->setText(QStringLiteral("http://10.0.0.7"));
    QVERIFY(hint->text().isEmpty());

    // Saved normalised: the dialog opened again shows the full address.
    url->setText(QStringLiteral("10.0.0.8"));
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    SettingsDialog again(dialog.settings(), secrets);
    child<QListWidget>(again, "deviceList")->setCurrentRow(1);
    QCOMPARE(child<QLineEdit>(again, "deviceUrlEdit")->text(), QStringLiteral("http://10.0.0.8"));
    QVERIFY(child<QLabel>(again, "deviceUrlHintLabel")->text().isEmpty());
}

void TestSettingsDialog::noProblemsBeforeTyping()
{
    // The first start: everything empty, and nothing typed yet.
    AppSettings empty;
    empty.cardskipper.url = QUrl();
    MemorySecretStore secrets;
    SettingsDialog dialog(empty, secrets);
    auto *problems = child<QLabel>(dialog, "problemsLabel");
    auto *ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    QVERIFY(!dialog.validationProblems().isEmpty());
    QVERIFY2(dialog.shownProblems().isEmpty(), qPrintable(dialog.shownProblems().join(u'\n')));
    QVERIFY(problems->text().isEmpty());
    QVERIFY(ok->isEnabled());

    // A new door is not scolded for the address nobody has typed yet.
    QTest::mouseClick(child<QPushButton>(dialog, "addDeviceButton"), Qt::LeftButton);
    QVERIFY(
        dialog.validationProblems().join(u'\n').contains(QStringLiteral("Door 1: the address")));
    QVERIFY(problems->text().isEmpty());

    // A field the user typed in and emptied again is reported, and only that one.
    auto *username = child<QLineEdit>(dialog, "usernameEdit");
    QTest::keyClicks(username, QStringLiteral("x"));
    QVERIFY(problems->text().isEmpty());
    QTest::keyClick(username, Qt::Key_Backspace);
    QCOMPARE(dialog.shownProblems(),
             QStringList{QStringLiteral("Cardskipper: the username is empty.")});
    QCOMPARE(problems->text(), QStringLiteral("Cardskipper: the username is empty."));
    QVERIFY(!ok->isEnabled());

    // So is a door's address typed wrong.
    child<QLineEdit>(dialog, "deviceUrlEdit")->setText(QStringLiteral("ftp://door"));
    QVERIFY(problems->text().contains(QStringLiteral("Door 1: the address is not")));

    // A value saved earlier is the user's own: a problem in it shows at once.
    AppSettings saved = fullSettings();
    saved.devices[0].url = QUrl(QStringLiteral("ftp://10.0.0.5"));
    SettingsDialog reopened(saved, secrets);
    QCOMPARE(reopened.shownProblems(),
             QStringList{QStringLiteral("Front door (renamed): the address is not an http or "
                                        "https address.")});
}

void TestSettingsDialog::okRevealsTheProblemsLeft()
{
    AppSettings empty;
    MemorySecretStore secrets;
    SettingsDialog dialog(empty, secrets);
    auto *tabs = child<QTabWidget>(dialog, "tabs");
    tabs->setCurrentIndex(tabs->count() - 1);
    auto *ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible() || dialog.result() != int(QDialog::Accepted));
    const QString problems = child<QLabel>(dialog, "problemsLabel")->text();
    QCOMPARE(problems, dialog.validationProblems().join(u'\n'));
    QVERIFY2(problems.contains(QStringLiteral("username")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("organisation")), qPrintable(problems));
    QVERIFY(!ok->isEnabled());
    // The first field with a problem is shown, the cursor in it.
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("cardskipperTab"));
    QCOMPARE(dialog.focusWidget(), child<QLineEdit>(dialog, "usernameEdit"));

    child<QLineEdit>(dialog, "usernameEdit")->setText(QStringLiteral("integration"));
    child<QComboBox>(dialog, "organisationCombo")->setEditText(QStringLiteral("4711"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSettingsDialog::organisationsListedOnce()
{
    // An account that may read a parent and its child: Organisation/Info names the child on
    // its own and again among the parent's children.
    sim::CardskipperSimulator simulator;
    sim::SimOrganisation parent;
    parent.id = 4711;
    parent.name = QStringLiteral("Idrottsföreningen Åkersberga");
    parent.childIds = {4712};
    sim::SimOrganisation child;
    child.id = 4712;
    child.name = QStringLiteral("IFÅ Ungdom");
    simulator.setOrganisations({parent, child});
    simulator.setAccount({QStringLiteral("both"), QStringLiteral("pw"), {4711, 4712}});
    QVERIFY(simulator.listen());

    AppSettings input = fullSettings();
    input.cardskipper.url = simulator.baseUrl();
    input.cardskipper.username = QStringLiteral("both");
    input.cardskipper.organisationId = 4712;
    MemorySecretStore secrets;
    SettingsDialog dialog(input, secrets);
    ::child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("pw"));
    QTest::mouseClick(::child<QPushButton>(dialog, "testCardskipperButton"), Qt::LeftButton);
    auto *result = ::child<QLabel>(dialog, "cardskipperResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("OK")), 10000);
    auto *organisations = ::child<QComboBox>(dialog, "organisationCombo");
    QStringList items;
    for (int i = 0; i < organisations->count(); ++i)
        items.append(organisations->itemText(i));
    QCOMPARE(items, (QStringList{QStringLiteral("4711 Idrottsföreningen Åkersberga"),
                                 QStringLiteral("4712 IFÅ Ungdom")}));
    QCOMPARE(result->text().count(QStringLiteral("4712 ")), 1);
    QVERIFY2(result->text().contains(QStringLiteral("sees 2 organisation")),
             qPrintable(result->text()));
    // The saved choice stays chosen.
    QCOMPARE(dialog.settings().cardskipper.organisationId, qint64(4712));
}

void TestSettingsDialog::showDevicePasswordFocusesIt()
{
    MemorySecretStore secrets;
    storeSecret(secrets, SecretStore::deviceKey(QStringLiteral("gym")),
                QStringLiteral("refused-pw"));
    SettingsDialog dialog(fullSettings(), secrets);
    auto *password = child<QLineEdit>(dialog, "devicePasswordEdit");
    dialog.showDevicePassword(QStringLiteral("gym"));
    QCOMPARE(child<QTabWidget>(dialog, "tabs")->currentWidget()->objectName(),
             QStringLiteral("doorsTab"));
    QCOMPARE(child<QListWidget>(dialog, "deviceList")->currentRow(), 1);
    QCOMPARE(child<QLineEdit>(dialog, "deviceNameEdit")->text(), QStringLiteral("Gym"));
    QCOMPARE(dialog.focusWidget(), password);
    QCOMPARE(password->selectedText(), QStringLiteral("refused-pw"));

    // As the window calls it: then exec(), which shows the dialog.
    dialog.show();
    dialog.activateWindow(); // no window manager under a bare Xvfb
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), password);
    QCOMPARE(password->selectedText(), QStringLiteral("refused-pw"));
    QTest::keyClicks(password, QStringLiteral("new-pw"));
    QCOMPARE(password->text(), QStringLiteral("new-pw"));
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(secretOf(secrets, SecretStore::deviceKey(QStringLiteral("gym"))),
             std::optional<QString>(QStringLiteral("new-pw")));

    // The other door, and an id no longer configured (the doors are shown, nothing chosen).
    SettingsDialog other(fullSettings(), secrets);
    other.showDevicePassword(QStringLiteral("front-door"));
    QCOMPARE(child<QListWidget>(other, "deviceList")->currentRow(), 0);
    QCOMPARE(other.focusWidget(), child<QLineEdit>(other, "devicePasswordEdit"));
    SettingsDialog gone(fullSettings(), secrets);
    gone.showDevicePassword(QStringLiteral("removed-door"));
    QCOMPARE(child<QTabWidget>(gone, "tabs")->currentWidget()->objectName(),
             QStringLiteral("doorsTab"));
}

void TestSettingsDialog::testResultDoesNotMoveTheForm()
{
    sim::IsapiSimulator door;
    door.setCredentials(QStringLiteral("admin"), QStringLiteral("door-pw"));
    door.loadDemoPersons(5);
    QVERIFY(door.listen());
    sim::CardskipperSimulator cardskipper;
    cardskipper.loadDemoData();
    QVERIFY(cardskipper.listen());

    AppSettings input = fullSettings();
    input.cardskipper.url = cardskipper.baseUrl();
    input.cardskipper.username = QStringLiteral("demo");
    input.devices[1].url = door.baseUrl();
    MemorySecretStore secrets;
    SettingsDialog dialog(input, secrets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = child<QTabWidget>(dialog, "tabs");

    // Where every widget of a tab is, relative to the dialog, and the dialog's own size.
    const auto layoutOf = [&dialog](QWidget *tab) {
        QCoreApplication::processEvents();
        QStringList geometry{QStringLiteral("dialog %1x%2 hint %3x%4")
                                 .arg(dialog.width())
                                 .arg(dialog.height())
                                 .arg(dialog.sizeHint().width())
                                 .arg(dialog.sizeHint().height())};
        for (QWidget *widget : tab->findChildren<QWidget *>()) {
            // Inside a result area the label may grow and a scroll bar appear: the area scrolls.
            if (widget->objectName().isEmpty() || widget->objectName().startsWith(u"qt_") ||
                widget->objectName().endsWith(u"ResultLabel") ||
                widget->objectName().endsWith(u"Contents"))
                continue;
            const QRect r(widget->mapTo(&dialog, QPoint(0, 0)), widget->size());
            geometry.append(QStringLiteral("%1 %2,%3 %4x%5")
                                .arg(widget->objectName())
                                .arg(r.x())
                                .arg(r.y())
                                .arg(r.width())
                                .arg(r.height()));
        }
        return geometry;
    };

    tabs->setCurrentWidget(child<QWidget>(dialog, "doorsTab"));
    child<QListWidget>(dialog, "deviceList")->setCurrentRow(1);
    auto *doorsTab = child<QWidget>(dialog, "doorsTab");
    const QStringList doorsBefore = layoutOf(doorsTab);
    auto *result = child<QLabel>(dialog, "deviceResultLabel");
    child<QLineEdit>(dialog, "devicePasswordEdit")->setText(QStringLiteral("not-it"));
    QTest::mouseClick(child<QPushButton>(dialog, "testDeviceButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Failed")), 10000);
    QCOMPARE(layoutOf(doorsTab), doorsBefore);
    child<QLineEdit>(dialog, "devicePasswordEdit")->setText(QStringLiteral("door-pw"));
    QTest::mouseClick(child<QPushButton>(dialog, "testDeviceButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("OK")), 10000);
    QCOMPARE(layoutOf(doorsTab), doorsBefore);
    // Longer than the area: it scrolls instead of growing.
    result->setText(QStringList(12, QStringLiteral("A line of a long answer.")).join(u'\n'));
    QCOMPARE(layoutOf(doorsTab), doorsBefore);
    QTRY_VERIFY(child<QScrollArea>(dialog, "deviceResultArea")->verticalScrollBar()->maximum() > 0);

    // The Cardskipper test lists the organisations in its answer.
    auto *cardskipperTab = child<QWidget>(dialog, "cardskipperTab");
    tabs->setCurrentWidget(cardskipperTab);
    const QStringList cardskipperBefore = layoutOf(cardskipperTab);
    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("demo"));
    QTest::mouseClick(child<QPushButton>(dialog, "testCardskipperButton"), Qt::LeftButton);
    auto *cardskipperResult = child<QLabel>(dialog, "cardskipperResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(cardskipperResult->text().startsWith(QStringLiteral("OK")), 10000);
    QCOMPARE(layoutOf(cardskipperTab), cardskipperBefore);
}

void TestSettingsDialog::swedishLettersFitTheDoorList()
{
    // The ring of Å and the dots of Ä and Ö reach above the capitals: a row just a font high
    // cut them off.
    AppSettings input = fullSettings();
    input.devices[0].name = QStringLiteral("Östra Ågatan");
    MemorySecretStore secrets;
    SettingsDialog dialog(input, secrets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QTabWidget>(dialog, "tabs")->setCurrentWidget(child<QWidget>(dialog, "doorsTab"));
    auto *list = child<QListWidget>(dialog, "deviceList");
    const QRect rect = list->visualItemRect(list->item(0));
    const QFontMetrics metrics = list->fontMetrics();
    const QRect glyphs = metrics.tightBoundingRect(QStringLiteral("ÅÄÖgjy"));
    const int baseline = (rect.height() - metrics.height()) / 2 + metrics.ascent();
    QVERIFY2(baseline + glyphs.top() >= 0, qPrintable(QString::number(rect.height())));
    QVERIFY2(baseline + glyphs.bottom() < rect.height(),
             qPrintable(QString::number(rect.height())));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
