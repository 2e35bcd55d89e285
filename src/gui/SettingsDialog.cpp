// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SettingsDialog.h"

#include "CardskipperClient.h"
#include "HikvisionClient.h"
#include "RoomyRowDelegate.h"
#include "ui_SettingsDialog.h"

#include <QHash>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QStyledItemDelegate>
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

// A door's address may be typed without its scheme ("192.168.1.64", "door.local:8080"), as it
// is printed on the terminal's label; it then means http, which every terminal answers. QUrl
// alone would read "door.local:8080" as the scheme "door.local", so a scheme counts only when
// "://" follows it.
QUrl doorUrlFromText(const QString &text, bool *schemeAdded = nullptr)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    const QString trimmed = text.trimmed();
    const bool add = !trimmed.isEmpty() && !scheme.match(trimmed).hasMatch();
    if (schemeAdded)
        *schemeAdded = add;
    return QUrl(add ? QString(QStringLiteral("http://") + trimmed) : trimmed);
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

// An account that may read a parent organisation and its child is told about the child twice:
// on its own and among the parent's children. The picker lists each id once, where it first
// appeared.
QList<OrganisationInfo> uniqueOrganisations(const QList<OrganisationInfo> &tree)
{
    QList<OrganisationInfo> all;
    flattenOrganisations(tree, &all);
    QList<OrganisationInfo> unique;
    QHash<qint64, qsizetype> indexOfId;
    for (OrganisationInfo &organisation : all) {
        const auto found = indexOfId.constFind(organisation.id);
        if (found == indexOfId.cend()) {
            indexOfId.insert(organisation.id, unique.size());
            organisation.children.clear();
            unique.append(organisation);
        } else if (unique[*found].name.trimmed().isEmpty()) {
            unique[*found].name = organisation.name;
        }
    }
    return unique;
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
    m_ui->deviceList->setItemDelegate(new RoomyRowDelegate(m_ui->deviceList));
    // A test's answer, long or short, must not move the fields: the result areas and the hint
    // under the door's address have a fixed height (a longer answer scrolls), and the trust
    // button keeps its place while hidden.
    const auto linesHigh = [](QWidget *widget, int count) {
        return count * widget->fontMetrics().lineSpacing() + widget->fontMetrics().descent();
    };
    for (QScrollArea *area : {m_ui->cardskipperResultArea, m_ui->deviceResultArea}) {
        area->setFixedHeight(linesHigh(area, 4));
        area->widget()->setAutoFillBackground(false); // a label, not a panel
        area->viewport()->setAutoFillBackground(false);
    }
    // Two lines say it in most languages; a third, where needed, moves the fields below only
    // while the address is typed, and is never cut off.
    m_ui->deviceUrlHintLabel->setMinimumHeight(linesHigh(m_ui->deviceUrlHintLabel, 2));
    QSizePolicy trustPolicy = m_ui->trustButton->sizePolicy();
    trustPolicy.setRetainSizeWhenHidden(true);
    m_ui->trustButton->setSizePolicy(trustPolicy);
    QPalette hintPalette = m_ui->deviceUrlHintLabel->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    m_ui->deviceUrlHintLabel->setPalette(hintPalette);

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
    // What was saved before is the user's own typing: a problem in it is shown at once. An
    // empty field is only reported once touched, or when OK is pressed.
    if (!current.cardskipper.url.isEmpty())
        m_touched |= CardskipperUrl;
    if (!current.cardskipper.username.isEmpty())
        m_touched |= CardskipperUsername;
    if (current.cardskipper.organisationId != 0)
        m_touched |= Organisation;
    if (!roles.isEmpty())
        m_touched |= Roles;

    // Doors.
    for (const DeviceSettings &device : current.devices) {
        DeviceRow row;
        row.serial = m_nextSerial++;
        row.settings = device;
        row.fingerprintText = fingerprintText(device.pinnedCertificateSha256);
        if (!device.name.trimmed().isEmpty())
            row.touched |= DeviceName;
        if (!device.url.isEmpty())
            row.touched |= DeviceUrl;
        if (!device.username.isEmpty())
            row.touched |= DeviceUsername;
        if (!row.fingerprintText.isEmpty())
            row.touched |= DeviceFingerprint;
        m_devices.append(row);
        m_ui->deviceList->addItem(device.name);
    }
    m_ui->trustButton->hide();

    // Sync.
    m_ui->intervalSpin->setValue(current.sync.intervalSeconds);
    m_ui->parallelDoorsSpin->setValue(current.sync.maxParallelDoors);
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
    const auto touch = [this](Field field) {
        return [this, field] {
            m_touched |= field;
            updateProblems();
        };
    };
    connect(m_ui->urlCombo, &QComboBox::editTextChanged, this, touch(CardskipperUrl));
    connect(m_ui->usernameEdit, &QLineEdit::textChanged, this, touch(CardskipperUsername));
    connect(m_ui->organisationCombo, &QComboBox::editTextChanged, this, touch(Organisation));
    connect(m_ui->rolesEdit, &QLineEdit::textChanged, this, touch(Roles));
    connect(m_ui->passwordEdit, &QLineEdit::textEdited, this,
            [this] { m_cardskipperPasswordEdited = true; });
    connect(m_ui->usernameEdit, &QLineEdit::editingFinished, this,
            &SettingsDialog::loadCardskipperPassword);
    connect(m_ui->testCardskipperButton, &QPushButton::clicked, this,
            &SettingsDialog::testCardskipper);

    connect(m_ui->deviceList, &QListWidget::currentRowChanged, this, &SettingsDialog::showDevice);
    connect(m_ui->addDeviceButton, &QPushButton::clicked, this, &SettingsDialog::addDevice);
    connect(m_ui->removeDeviceButton, &QPushButton::clicked, this, &SettingsDialog::removeDevice);
    const std::pair<QLineEdit *, Field> deviceFields[] = {
        {m_ui->deviceNameEdit, DeviceName},
        {m_ui->deviceUrlEdit, DeviceUrl},
        {m_ui->deviceUsernameEdit, DeviceUsername},
        {m_ui->deviceFingerprintEdit, DeviceFingerprint},
    };
    for (const auto &[edit, field] : deviceFields) {
        connect(edit, &QLineEdit::textChanged, this, [this, field = field] {
            touchDeviceField(field);
            storeDeviceFields();
        });
    }
    connect(m_ui->devicePasswordEdit, &QLineEdit::textChanged, this,
            &SettingsDialog::storeDeviceFields);
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
                           if (self->m_ui->deviceList->currentRow() == index) {
                               self->m_ui->devicePasswordEdit->setText(*result.secret);
                               // A keychain answers later; "Fix password…" still means typing
                               // replaces what it holds.
                               if (self->m_passwordFocusSerial == serial)
                                   self->m_ui->devicePasswordEdit->selectAll();
                           }
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
    updateUrlHint();
    m_loadingDevice = false;
}

void SettingsDialog::showDevicePassword(const QString &deviceId)
{
    m_ui->tabs->setCurrentWidget(m_ui->doorsTab);
    for (int i = 0; i < m_devices.size(); ++i) {
        if (m_devices[i].settings.id != deviceId)
            continue;
        m_ui->deviceList->setCurrentRow(i);
        m_passwordFocusSerial = m_devices[i].serial;
        m_ui->devicePasswordEdit->setFocus(Qt::OtherFocusReason);
        m_ui->devicePasswordEdit->selectAll();
        return;
    }
}

void SettingsDialog::touchDeviceField(Field field)
{
    if (m_loadingDevice)
        return;
    if (DeviceRow *device = currentDevice())
        device->touched |= field;
}

void SettingsDialog::updateUrlHint()
{
    bool schemeAdded = false;
    const QUrl url = doorUrlFromText(m_ui->deviceUrlEdit->text(), &schemeAdded);
    m_ui->deviceUrlHintLabel->setText(
        schemeAdded && isHttpUrl(url)
            ? tr("Saved as %1. If the door supports it, https:// encrypts the connection.")
                  .arg(url.toString())
            : QString());
}

void SettingsDialog::storeDeviceFields()
{
    if (m_loadingDevice)
        return;
    DeviceRow *device = currentDevice();
    if (!device)
        return;
    device->settings.name = m_ui->deviceNameEdit->text();
    device->settings.url = doorUrlFromText(m_ui->deviceUrlEdit->text());
    device->settings.username = m_ui->deviceUsernameEdit->text().trimmed();
    device->password = m_ui->devicePasswordEdit->text();
    device->fingerprintText = m_ui->deviceFingerprintEdit->text();
    device->settings.enabled = m_ui->deviceEnabledCheck->isChecked();
    if (QListWidgetItem *item = m_ui->deviceList->currentItem())
        item->setText(device->settings.name);
    updateUrlHint();
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
    edited.sync.maxParallelDoors = m_ui->parallelDoorsSpin->value();
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

QList<SettingsDialog::Problem> SettingsDialog::problems() const
{
    QList<Problem> problems;
    const auto add = [&problems](const QString &text, Field field, int serial = 0) {
        problems.append({text, field, serial});
    };
    const QString url = m_ui->urlCombo->currentText().trimmed();
    if (url.isEmpty())
        add(tr("Cardskipper: the address is empty."), CardskipperUrl);
    else if (!isHttpUrl(QUrl(url)))
        add(tr("Cardskipper: the address is not an http or https address."), CardskipperUrl);
    if (m_ui->usernameEdit->text().trimmed().isEmpty())
        add(tr("Cardskipper: the username is empty."), CardskipperUsername);
    if (organisationId() == 0)
        add(tr("Cardskipper: the organisation is not set; enter its id or use "
               "Test connection."),
            Organisation);
    if (!parseRoleIds(m_ui->rolesEdit->text()))
        add(tr("Cardskipper: the granting role ids must be numbers separated by "
               "commas."),
            Roles);

    QSet<QString> names;
    QSet<QString> reported;
    for (int i = 0; i < m_devices.size(); ++i) {
        const DeviceRow &row = m_devices[i];
        const QString name = row.settings.name.trimmed();
        const QString label = name.isEmpty() ? tr("Door %1").arg(i + 1) : name;
        if (name.isEmpty())
            add(tr("%1: the name is empty.").arg(label), DeviceName, row.serial);
        else if (names.contains(name.toLower()) && !reported.contains(name.toLower())) {
            add(tr("Doors: the name \"%1\" is used by more than one door.").arg(name), DeviceName,
                row.serial);
            reported.insert(name.toLower());
        }
        names.insert(name.toLower());
        if (row.settings.url.isEmpty())
            add(tr("%1: the address is empty.").arg(label), DeviceUrl, row.serial);
        else if (!isHttpUrl(row.settings.url))
            add(tr("%1: the address is not an http or https address.").arg(label), DeviceUrl,
                row.serial);
        if (row.settings.username.isEmpty())
            add(tr("%1: the username is empty.").arg(label), DeviceUsername, row.serial);
        if (!parseFingerprint(row.fingerprintText))
            add(tr("%1: the certificate fingerprint is not 64 hexadecimal digits.").arg(label),
                DeviceFingerprint, row.serial);
    }
    return problems;
}

bool SettingsDialog::isShown(const Problem &problem) const
{
    if (m_showAllProblems)
        return true;
    if (problem.deviceSerial == 0)
        return (m_touched & problem.field) != 0;
    const int index = rowOfSerial(problem.deviceSerial);
    return index >= 0 && (m_devices[index].touched & problem.field) != 0;
}

QStringList SettingsDialog::validationProblems() const
{
    QStringList texts;
    for (const Problem &problem : problems())
        texts.append(problem.text);
    return texts;
}

QStringList SettingsDialog::shownProblems() const
{
    QStringList texts;
    for (const Problem &problem : problems()) {
        if (isShown(problem))
            texts.append(problem.text);
    }
    return texts;
}

void SettingsDialog::updateProblems()
{
    // OK stays enabled while the only problems are in fields nobody has typed in yet: pressing
    // it is how the user learns about them.
    const QStringList shown = shownProblems();
    m_ui->problemsLabel->setText(shown.join(QLatin1Char('\n')));
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(shown.isEmpty());
}

void SettingsDialog::showProblemField(const Problem &problem)
{
    QWidget *field = nullptr;
    if (problem.deviceSerial != 0) {
        m_ui->tabs->setCurrentWidget(m_ui->doorsTab);
        m_ui->deviceList->setCurrentRow(rowOfSerial(problem.deviceSerial));
        switch (problem.field) {
        case DeviceName:
            field = m_ui->deviceNameEdit;
            break;
        case DeviceUsername:
            field = m_ui->deviceUsernameEdit;
            break;
        case DeviceFingerprint:
            field = m_ui->deviceFingerprintEdit;
            break;
        default:
            field = m_ui->deviceUrlEdit;
            break;
        }
    } else {
        m_ui->tabs->setCurrentWidget(m_ui->cardskipperTab);
        switch (problem.field) {
        case CardskipperUsername:
            field = m_ui->usernameEdit;
            break;
        case Organisation:
            field = m_ui->organisationCombo;
            break;
        case Roles:
            field = m_ui->rolesEdit;
            break;
        default:
            field = m_ui->urlCombo;
            break;
        }
    }
    field->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::accept()
{
    storeDeviceFields();
    const QList<Problem> left = problems();
    if (!left.isEmpty()) {
        m_showAllProblems = true;
        updateProblems();
        showProblemField(left.first());
        return;
    }
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
        const QList<OrganisationInfo> organisations = uniqueOrganisations(result.value());
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
