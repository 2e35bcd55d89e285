// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SettingsDialog.h"

#include "CardskipperClient.h"
#include "HikvisionClient.h"
#include "ui_SettingsDialog.h"

#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSystemTrayIcon>
#include <optional>

namespace cis::gui {

namespace {

const QString kProductionUrl = QStringLiteral("https://api.cardskipper.se");

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// Empty text: nothing pinned. Otherwise 64 hex digits, colons and spaces allowed.
std::optional<QByteArray> parseFingerprint(const QString &text)
{
    QString hex = text.trimmed();
    hex.remove(QLatin1Char(':')).remove(QLatin1Char(' '));
    if (hex.isEmpty())
        return QByteArray();
    if (hex.size() != 64)
        return std::nullopt;
    for (const QChar c : std::as_const(hex)) {
        if (!c.isDigit() && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            return std::nullopt;
    }
    return QByteArray::fromHex(hex.toLatin1());
}

QString fingerprintText(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

std::optional<QList<qint64>> parseRoleIds(const QString &text)
{
    QList<qint64> ids;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString trimmed = part.trimmed();
        if (trimmed.isEmpty())
            continue;
        bool ok = false;
        const qint64 id = trimmed.toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        ids.append(id);
    }
    return ids;
}

QString slugOf(const QString &name)
{
    QString slug;
    bool dash = false;
    const QString decomposed = name.trimmed().toLower().normalized(QString::NormalizationForm_KD);
    for (const QChar c : decomposed) {
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            slug.append(c);
            dash = false;
        } else if (c.isSpace() || c.isPunct() || c.isSymbol()) {
            if (!slug.isEmpty() && !dash) {
                slug.append(QLatin1Char('-'));
                dash = true;
            }
        }
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    if (slug.isEmpty())
        slug = QStringLiteral("door");
    return slug;
}

void flattenOrganisations(const QList<OrganisationInfo> &organisations,
                          QList<OrganisationInfo> *out)
{
    for (const OrganisationInfo &organisation : organisations) {
        out->append(organisation);
        flattenOrganisations(organisation.children, out);
    }
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &current, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_current(current)
    , m_secrets(secrets)
{
    m_ui->setupUi(this);
    m_ui->problemsLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    // Cardskipper.
    m_ui->urlCombo->addItem(kProductionUrl);
    m_ui->urlCombo->setEditText(current.cardskipper.url.toString());
    m_ui->usernameEdit->setText(current.cardskipper.username);
    m_ui->organisationCombo->setEditText(current.cardskipper.organisationId != 0
                                             ? QString::number(current.cardskipper.organisationId)
                                             : QString());
    QStringList roles;
    for (const qint64 id : current.sync.policy.grantingRoleIds)
        roles.append(QString::number(id));
    m_ui->rolesEdit->setText(roles.join(QStringLiteral(", ")));

    // Doors.
    for (const DeviceSettings &device : current.devices) {
        DeviceRow row;
        row.serial = m_nextSerial++;
        row.settings = device;
        row.fingerprintText = fingerprintText(device.pinnedCertificateSha256);
        m_devices.append(row);
        m_ui->deviceList->addItem(device.name);
    }
    m_ui->trustButton->hide();

    // Sync.
    m_ui->intervalSpin->setValue(current.sync.intervalSeconds);
    m_ui->nightlyTimeEdit->setTime(current.sync.nightlyReconcileAt);
    m_ui->graceSpin->setValue(current.sync.policy.graceDays);
    m_ui->renameCheck->setChecked(current.sync.policy.renameEnabled);
    const bool deletes = current.sync.policy.deleteRetentionDays >= 0;
    m_ui->deleteCheck->setChecked(deletes);
    m_ui->deleteDaysSpin->setValue(deletes ? current.sync.policy.deleteRetentionDays : 90);
    m_ui->deleteDaysSpin->setEnabled(deletes);
    m_ui->guardCheck->setChecked(current.sync.policy.guardEnabled);

    // General.
    m_ui->startWithSessionCheck->setChecked(current.general.startWithSession);
    m_ui->startMinimisedCheck->setChecked(current.general.startMinimised);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        m_ui->trayNoteLabel->setText(
            tr("This desktop shows no tray icons, so the window opens even when minimised "
               "start is chosen; it keeps syncing while it is open."));
    m_ui->trayNoteLabel->setVisible(!m_ui->trayNoteLabel->text().isEmpty());
    // Language names in their own language, as people look for them.
    m_ui->languageCombo->addItem(tr("The computer's language"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("Svenska"), QStringLiteral("sv"));
    m_ui->languageCombo->setCurrentIndex(
        std::max(0, m_ui->languageCombo->findData(current.general.language)));

    connect(m_ui->deleteCheck, &QCheckBox::toggled, m_ui->deleteDaysSpin, &QWidget::setEnabled);
    connect(m_ui->urlCombo, &QComboBox::editTextChanged, this, &SettingsDialog::updateProblems);
    connect(m_ui->usernameEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateProblems);
    connect(m_ui->organisationCombo, &QComboBox::editTextChanged, this,
            &SettingsDialog::updateProblems);
    connect(m_ui->rolesEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateProblems);
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this,
            [this] { m_cardskipperPasswordEdited = true; });
    connect(m_ui->usernameEdit, &QLineEdit::editingFinished, this,
            &SettingsDialog::loadCardskipperPassword);
    connect(m_ui->testCardskipperButton, &QPushButton::clicked, this,
            &SettingsDialog::testCardskipper);

    connect(m_ui->deviceList, &QListWidget::currentRowChanged, this, &SettingsDialog::showDevice);
    connect(m_ui->addDeviceButton, &QPushButton::clicked, this, &SettingsDialog::addDevice);
    connect(m_ui->removeDeviceButton, &QPushButton::clicked, this, &SettingsDialog::removeDevice);
    for (QLineEdit *edit : {m_ui->deviceNameEdit, m_ui->deviceUrlEdit, m_ui->deviceUsernameEdit,
                            m_ui->devicePasswordEdit, m_ui->deviceFingerprintEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::storeDeviceFields);
    }
    connect(m_ui->deviceEnabledCheck, &QCheckBox::toggled, this,
            &SettingsDialog::storeDeviceFields);
    connect(m_ui->testDeviceButton, &QPushButton::clicked, this, &SettingsDialog::testDevice);
    connect(m_ui->trustButton, &QPushButton::clicked, this, &SettingsDialog::trustCertificate);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!m_devices.isEmpty())
        m_ui->deviceList->setCurrentRow(0);
    else
        showDevice(-1);
    updateProblems();
    loadSecrets();
}

SettingsDialog::~SettingsDialog()
{
    // A test still on its way would answer into this dialog; its continuation holds the
    // client, so the client is told to drop it.
    for (const DeviceRow &device : std::as_const(m_devices)) {
        if (device.testClient)
            device.testClient->abandon();
    }
}

void SettingsDialog::loadCardskipperPassword()
{
    // Only while the administrator has not typed one: then the field shows the stored password
    // of whatever username is entered.
    const QString username = m_ui->usernameEdit->text().trimmed();
    if (m_cardskipperPasswordEdited || username == m_cardskipperPasswordUser)
        return;
    m_cardskipperPasswordUser = username;
    m_ui->passwordEdit->clear();
    if (username.isEmpty())
        return;
    QPointer<SettingsDialog> self(this);
    m_secrets.read(SecretStore::cardskipperKey(username),
                   [self, username](SecretStore::ReadResult result) {
                       if (!self || !result.secret || self->m_cardskipperPasswordEdited ||
                           self->m_cardskipperPasswordUser != username)
                           return;
                       self->m_ui->passwordEdit->setText(*result.secret);
                   });
}

void SettingsDialog::loadSecrets()
{
    QPointer<SettingsDialog> self(this);
    loadCardskipperPassword();
    for (const DeviceRow &row : std::as_const(m_devices)) {
        if (row.settings.id.isEmpty())
            continue;
        const int serial = row.serial;
        m_secrets.read(SecretStore::deviceKey(row.settings.id),
                       [self, serial](SecretStore::ReadResult result) {
                           if (!self || !result.secret)
                               return;
                           const int index = self->rowOfSerial(serial);
                           if (index < 0 || !self->m_devices[index].password.isEmpty())
                               return;
                           self->m_devices[index].password = *result.secret;
                           if (self->m_ui->deviceList->currentRow() == index)
                               self->m_ui->devicePasswordEdit->setText(*result.secret);
                       });
    }
}

int SettingsDialog::rowOfSerial(int serial) const
{
    for (int i = 0; i < m_devices.size(); ++i) {
        if (m_devices[i].serial == serial)
            return i;
    }
    return -1;
}

SettingsDialog::DeviceRow *SettingsDialog::currentDevice()
{
    const int row = m_ui->deviceList->currentRow();
    return row >= 0 && row < m_devices.size() ? &m_devices[row] : nullptr;
}

void SettingsDialog::addDevice()
{
    QSet<QString> names;
    for (const DeviceRow &row : std::as_const(m_devices))
        names.insert(row.settings.name.trimmed().toLower());
    QString name;
    for (int n = static_cast<int>(m_devices.size()) + 1;; ++n) {
        name = tr("Door %1").arg(n);
        if (!names.contains(name.toLower()))
            break;
    }
    DeviceRow row;
    row.serial = m_nextSerial++;
    row.settings.name = name;
    m_devices.append(row);
    m_ui->deviceList->addItem(name);
    m_ui->deviceList->setCurrentRow(static_cast<int>(m_devices.size()) - 1);
    m_ui->deviceNameEdit->setFocus();
    m_ui->deviceNameEdit->selectAll();
    updateProblems();
}

void SettingsDialog::removeDevice()
{
    const int row = m_ui->deviceList->currentRow();
    if (row < 0 || row >= m_devices.size())
        return;
    m_devices.removeAt(row);
    m_loadingDevice = true; // the list moves the selection before the row is gone
    delete m_ui->deviceList->takeItem(row);
    m_loadingDevice = false;
    showDevice(m_ui->deviceList->currentRow());
    updateProblems();
}

void SettingsDialog::showDevice(int row)
{
    if (m_loadingDevice)
        return;
    const bool valid = row >= 0 && row < m_devices.size();
    m_ui->deviceForm->setEnabled(valid);
    m_ui->removeDeviceButton->setEnabled(valid);
    m_loadingDevice = true;
    const DeviceRow empty;
    const DeviceRow &device = valid ? m_devices[row] : empty;
    m_ui->deviceNameEdit->setText(device.settings.name);
    m_ui->deviceUrlEdit->setText(device.settings.url.toString());
    m_ui->deviceUsernameEdit->setText(valid ? device.settings.username : QString());
    m_ui->devicePasswordEdit->setText(device.password);
    m_ui->deviceFingerprintEdit->setText(device.fingerprintText);
    m_ui->deviceEnabledCheck->setChecked(valid && device.settings.enabled);
    m_ui->deviceResultLabel->setText(device.testResult);
    m_ui->trustButton->setVisible(valid && m_trustSerial == device.serial &&
                                  !m_trustFingerprint.isEmpty());
    m_loadingDevice = false;
}

void SettingsDialog::storeDeviceFields()
{
    if (m_loadingDevice)
        return;
    DeviceRow *device = currentDevice();
    if (!device)
        return;
    device->settings.name = m_ui->deviceNameEdit->text();
    device->settings.url = QUrl(m_ui->deviceUrlEdit->text().trimmed());
    device->settings.username = m_ui->deviceUsernameEdit->text().trimmed();
    device->password = m_ui->devicePasswordEdit->text();
    device->fingerprintText = m_ui->deviceFingerprintEdit->text();
    device->settings.enabled = m_ui->deviceEnabledCheck->isChecked();
    if (QListWidgetItem *item = m_ui->deviceList->currentItem())
        item->setText(device->settings.name);
    updateProblems();
}

qint64 SettingsDialog::organisationId() const
{
    const QString text = m_ui->organisationCombo->currentText().trimmed();
    bool ok = false;
    const qint64 id = text.section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QList<DeviceSettings> SettingsDialog::devicesWithIds() const
{
    QSet<QString> taken;
    for (const DeviceRow &row : m_devices) {
        if (!row.settings.id.isEmpty())
            taken.insert(row.settings.id);
    }
    QList<DeviceSettings> devices;
    for (const DeviceRow &row : m_devices) {
        DeviceSettings device = row.settings;
        device.name = device.name.trimmed();
        device.pinnedCertificateSha256 =
            parseFingerprint(row.fingerprintText).value_or(QByteArray());
        if (device.id.isEmpty()) {
            const QString base = slugOf(device.name);
            QString id = base;
            for (int n = 2; taken.contains(id); ++n)
                id = base + QLatin1Char('-') + QString::number(n);
            taken.insert(id);
            device.id = id;
        }
        devices.append(device);
    }
    return devices;
}

AppSettings SettingsDialog::settings() const
{
    AppSettings edited = m_current;
    edited.cardskipper.url = QUrl(m_ui->urlCombo->currentText().trimmed());
    edited.cardskipper.username = m_ui->usernameEdit->text().trimmed();
    edited.cardskipper.organisationId = organisationId();
    edited.sync.policy.grantingRoleIds =
        parseRoleIds(m_ui->rolesEdit->text()).value_or(m_current.sync.policy.grantingRoleIds);
    edited.devices = devicesWithIds();
    edited.sync.intervalSeconds = m_ui->intervalSpin->value();
    edited.sync.nightlyReconcileAt = m_ui->nightlyTimeEdit->time();
    edited.sync.policy.graceDays = m_ui->graceSpin->value();
    edited.sync.policy.renameEnabled = m_ui->renameCheck->isChecked();
    edited.sync.policy.deleteRetentionDays =
        m_ui->deleteCheck->isChecked() ? m_ui->deleteDaysSpin->value() : -1;
    edited.sync.policy.guardEnabled = m_ui->guardCheck->isChecked();
    edited.general.startWithSession = m_ui->startWithSessionCheck->isChecked();
    edited.general.startMinimised = m_ui->startMinimisedCheck->isChecked();
    edited.general.language = m_ui->languageCombo->currentData().toString();
    return edited;
}

QStringList SettingsDialog::validationProblems() const
{
    QStringList problems;
    const QString url = m_ui->urlCombo->currentText().trimmed();
    if (url.isEmpty())
        problems.append(tr("Cardskipper: the address is empty."));
    else if (!isHttpUrl(QUrl(url)))
        problems.append(tr("Cardskipper: the address is not an http or https address."));
    if (m_ui->usernameEdit->text().trimmed().isEmpty())
        problems.append(tr("Cardskipper: the username is empty."));
    if (organisationId() == 0)
        problems.append(tr("Cardskipper: the organisation is not set; enter its id or use "
                           "Test connection."));
    if (!parseRoleIds(m_ui->rolesEdit->text()))
        problems.append(tr("Cardskipper: the granting role ids must be numbers separated by "
                           "commas."));

    QSet<QString> names;
    QSet<QString> reported;
    for (int i = 0; i < m_devices.size(); ++i) {
        const DeviceRow &row = m_devices[i];
        const QString name = row.settings.name.trimmed();
        const QString label = name.isEmpty() ? tr("Door %1").arg(i + 1) : name;
        if (name.isEmpty())
            problems.append(tr("%1: the name is empty.").arg(label));
        else if (names.contains(name.toLower()) && !reported.contains(name.toLower())) {
            problems.append(tr("Doors: the name \"%1\" is used by more than one door.").arg(name));
            reported.insert(name.toLower());
        }
        names.insert(name.toLower());
        if (row.settings.url.isEmpty())
            problems.append(tr("%1: the address is empty.").arg(label));
        else if (!isHttpUrl(row.settings.url))
            problems.append(tr("%1: the address is not an http or https address.").arg(label));
        if (row.settings.username.isEmpty())
            problems.append(tr("%1: the username is empty.").arg(label));
        if (!parseFingerprint(row.fingerprintText))
            problems.append(
                tr("%1: the certificate fingerprint is not 64 hexadecimal digits.").arg(label));
    }
    return problems;
}

void SettingsDialog::updateProblems()
{
    const QStringList problems = validationProblems();
    m_ui->problemsLabel->setText(problems.join(QLatin1Char('\n')));
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(problems.isEmpty());
}

void SettingsDialog::accept()
{
    storeDeviceFields();
    updateProblems();
    if (!validationProblems().isEmpty())
        return;
    const AppSettings edited = settings();
    const auto report = [](const QString &key) {
        return [key](const QString &error) {
            if (!error.isEmpty())
                qWarning("Could not store the password %s: %s", qUtf8Printable(key),
                         qUtf8Printable(error));
        };
    };
    const QString password = m_ui->passwordEdit->text();
    if (!password.isEmpty()) {
        const QString key = SecretStore::cardskipperKey(edited.cardskipper.username);
        m_secrets.write(key, password, report(key));
    }
    for (int i = 0; i < m_devices.size() && i < edited.devices.size(); ++i) {
        if (m_devices[i].password.isEmpty())
            continue;
        const QString key = SecretStore::deviceKey(edited.devices[i].id);
        m_secrets.write(key, m_devices[i].password, report(key));
    }
    QDialog::accept();
}

void SettingsDialog::testCardskipper()
{
    CardskipperConfig config;
    config.baseUrl = QUrl(m_ui->urlCombo->currentText().trimmed());
    config.username = m_ui->usernameEdit->text().trimmed();
    config.password = m_ui->passwordEdit->text();
    config.timeoutMs = m_current.cardskipper.timeoutSeconds * 1000;
    if (!isHttpUrl(config.baseUrl) || config.username.isEmpty()) {
        m_ui->cardskipperResultLabel->setText(tr("Enter the address and the username first."));
        return;
    }
    m_ui->testCardskipperButton->setEnabled(false);
    m_ui->cardskipperResultLabel->setText(tr("Connecting…"));
    auto *client = new CardskipperClient(config, nullptr, this);
    client->fetchOrganisations([this, client](CardskipperClient::OrganisationsResult result) {
        client->deleteLater();
        m_ui->testCardskipperButton->setEnabled(true);
        if (!result) {
            m_ui->cardskipperResultLabel->setText(
                tr("Failed: %1").arg(result.error().message().toHtmlEscaped()));
            return;
        }
        QList<OrganisationInfo> organisations;
        flattenOrganisations(result.value(), &organisations);
        const qint64 selected = organisationId();
        const QString typed = m_ui->organisationCombo->currentText();
        m_ui->organisationCombo->clear();
        QStringList lines;
        int selectIndex = -1;
        for (const OrganisationInfo &organisation : std::as_const(organisations)) {
            const QString text =
                QString::number(organisation.id) + QLatin1Char(' ') + organisation.name;
            if (organisation.id == selected)
                selectIndex = m_ui->organisationCombo->count();
            m_ui->organisationCombo->addItem(text, organisation.id);
            lines.append(text.toHtmlEscaped());
        }
        if (selectIndex >= 0)
            m_ui->organisationCombo->setCurrentIndex(selectIndex);
        else if (selected == 0 && m_ui->organisationCombo->count() > 0)
            m_ui->organisationCombo->setCurrentIndex(0);
        else
            m_ui->organisationCombo->setEditText(typed);
        m_ui->cardskipperResultLabel->setText(
            tr("OK. The account sees %n organisation(s):", nullptr,
               static_cast<int>(organisations.size())) +
            QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
    });
}

void SettingsDialog::testDevice()
{
    storeDeviceFields();
    DeviceRow *device = currentDevice();
    if (!device)
        return;
    if (!isHttpUrl(device->settings.url)) {
        device->testResult = tr("Enter an http or https address first.");
        m_ui->deviceResultLabel->setText(device->testResult);
        return;
    }
    HikvisionConfig config;
    config.baseUrl = device->settings.url;
    config.username = device->settings.username;
    config.password = device->password;
    config.pinnedCertificateSha256 =
        parseFingerprint(device->fingerprintText).value_or(QByteArray());
    config.timeoutMs = device->settings.timeoutSeconds * 1000;
    config.maxReadRetries = 0;
    const int serial = device->serial;
    const QByteArray key = config.identity();
    if (!device->testClient || device->testClientKey != key) {
        // deleteLater: the last call's continuation may still be on the stack.
        device->testClient = std::shared_ptr<HikvisionClient>(
            new HikvisionClient(config), [](HikvisionClient *client) { client->deleteLater(); });
        device->testClientKey = key;
    }
    const std::shared_ptr<HikvisionClient> client = device->testClient;
    if (const std::optional<HikvisionError> refused = client->refusal()) {
        // Same credentials as the test the terminal refused: asking again would only spend
        // another attempt, or prolong the lock.
        // The refusal's own text says what to change.
        device->testResult = tr("Not tried again: %1").arg(refused->message());
        m_ui->deviceResultLabel->setText(device->testResult);
        return;
    }
    if (m_trustSerial == serial) {
        m_trustSerial = 0;
        m_trustFingerprint.clear();
    }
    m_ui->trustButton->hide();
    device->testResult = tr("Connecting…");
    m_ui->deviceResultLabel->setText(device->testResult);
    m_ui->testDeviceButton->setEnabled(false);

    const auto show = [this, serial](const QString &text) {
        m_ui->testDeviceButton->setEnabled(true);
        const int index = rowOfSerial(serial);
        if (index < 0)
            return;
        m_devices[index].testResult = text;
        if (m_ui->deviceList->currentRow() == index) {
            m_ui->deviceResultLabel->setText(text);
            m_ui->trustButton->setVisible(m_trustSerial == serial && !m_trustFingerprint.isEmpty());
        }
    };
    const QPointer<SettingsDialog> alive(this);
    client->probe([this, alive, client, serial,
                   show](HikvisionClient::Result<HikvisionClient::Probe> probed) {
        if (!alive)
            return;
        if (!probed) {
            const HikvisionError &error = probed.error();
            if (error.kind == HikvisionError::Kind::UntrustedCertificate &&
                !error.certificateSha256.isEmpty()) {
                m_trustSerial = serial;
                m_trustFingerprint = error.certificateFingerprint();
                show(tr("Failed: %1\nThe terminal's certificate has the SHA-256 fingerprint "
                        "%2. Trust it only if it is the terminal's own.")
                         .arg(error.message(), m_trustFingerprint));
                return;
            }
            show(tr("Failed: %1").arg(error.message()));
            return;
        }
        const HikvisionClient::Probe probe = probed.value();
        client->countPersons([this, alive, client, probe,
                              show](HikvisionClient::Result<PersonCount> counted) {
            if (!alive)
                return;
            const DeviceInfo &info = probe.deviceInfo;
            const QString capacity = probe.capabilities.maxRecordNum >= 0
                                         ? QString::number(probe.capabilities.maxRecordNum)
                                         : tr("not reported");
            const QString persons = counted
                                        ? QString::number(counted.value().persons)
                                        : tr("could not count (%1)").arg(counted.error().message());
            show(tr("OK. Model %1, firmware %2 %3, serial %4.\nCapacity %5 persons; %6 "
                    "persons on the terminal.")
                     .arg(info.model, info.firmwareVersion, info.firmwareReleasedDate,
                          info.serialNumber, capacity, persons));
        });
    });
}

void SettingsDialog::trustCertificate()
{
    const int index = rowOfSerial(m_trustSerial);
    if (index < 0 || m_trustFingerprint.isEmpty())
        return;
    m_devices[index].fingerprintText = m_trustFingerprint;
    m_trustSerial = 0;
    m_trustFingerprint.clear();
    m_ui->trustButton->hide();
    if (m_ui->deviceList->currentRow() == index)
        m_ui->deviceFingerprintEdit->setText(m_devices[index].fingerprintText);
    updateProblems();
}

} // namespace cis::gui
