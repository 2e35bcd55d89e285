// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Settings.h"

#include "CoreLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#include <shlobj.h>
#endif

// The translation context of this file's messages, the same for lupdate and at run time.
struct SettingsTexts
{
    Q_DECLARE_TR_FUNCTIONS(SettingsTexts)
};

namespace cis {

namespace {

// The registry: every key this program reads or writes, in one place.
namespace key {
const QString version = QStringLiteral("general/settings_version");
const QString csUrl = QStringLiteral("cardskipper/url");
const QString csUsername = QStringLiteral("cardskipper/username");
const QString csOrganisation = QStringLiteral("cardskipper/organisation_id");
const QString csTimeout = QStringLiteral("cardskipper/timeout_seconds");
const QString csAdminUrl = QStringLiteral("cardskipper/admin_url");
const QString csRoles = QStringLiteral("cardskipper/granting_role_ids");
const QString devices = QStringLiteral("devices");
const QString devId = QStringLiteral("id");
const QString devName = QStringLiteral("name");
const QString devUrl = QStringLiteral("url");
const QString devUsername = QStringLiteral("username");
const QString devFingerprint = QStringLiteral("certificate_sha256");
const QString devConcurrency = QStringLiteral("max_concurrent_requests");
const QString devTimeout = QStringLiteral("timeout_seconds");
const QString devEnabled = QStringLiteral("enabled");
const QString interval = QStringLiteral("sync/interval_seconds");
const QString database = QStringLiteral("sync/database");
const QString nightly = QStringLiteral("sync/nightly_reconcile_at");
const QString retryAttempts = QStringLiteral("sync/retry_attempts");
const QString retryBackoff = QStringLiteral("sync/retry_backoff_ms");
const QString parallelDoors = QStringLiteral("sync/max_parallel_doors");
const QString eventImport = QStringLiteral("events/import_days");
const QString eventRetention = QStringLiteral("events/retention_days");
const QString grace = QStringLiteral("sync/grace_days");
const QString rename = QStringLiteral("sync/rename");
const QString deleteAfter = QStringLiteral("sync/delete_after_days");
const QString prefix = QStringLiteral("sync/employee_no_prefix");
const QString guardEnabled = QStringLiteral("guard/enabled");
const QString guardRatio = QStringLiteral("guard/min_member_ratio");
const QString guardRevokes = QStringLiteral("guard/min_revokes");
const QString guardShare = QStringLiteral("guard/max_revoke_share");
const QString readerInput = QStringLiteral("cards/reader_input");
const QString readerOutput = QStringLiteral("cards/reader_output");
const QString readerReverse = QStringLiteral("cards/reader_reverse_bytes");
const QString readerPad = QStringLiteral("cards/reader_zero_pad");
const QString captureSeconds = QStringLiteral("cards/capture_seconds");
const QString startWithSession = QStringLiteral("general/start_with_session");
const QString startMinimised = QStringLiteral("general/start_minimised");
const QString language = QStringLiteral("general/language");
} // namespace key

class Reader
{
public:
    Reader(QSettings &settings, QStringList *problems)
        : m_settings(settings)
        , m_problems(problems)
    {}

    QString text(const QString &name, const QString &fallback = {})
    {
        const QVariant value = m_settings.value(name);
        if (!value.isValid())
            return fallback;
        // QSettings splits an unquoted value with commas into a list.
        if (value.userType() == QMetaType::QStringList)
            return value.toStringList().join(QLatin1Char(','));
        return value.toString().trimmed();
    }

    template<typename Number>
    Number number(const QString &name, Number fallback, Number min, Number max)
    {
        const QString raw = text(name);
        if (raw.isEmpty())
            return fallback;
        bool ok = false;
        const double value = raw.toDouble(&ok);
        // Written so that "nan" fails too: converting NaN to an integer is undefined behaviour.
        if (!ok || !(value >= double(min) && value <= double(max))) {
            problem(SettingsTexts::tr(
                        "The setting %1 = \"%2\" must be a number from %3 to %4; using %5.")
                        .arg(name, raw)
                        .arg(min)
                        .arg(max)
                        .arg(fallback));
            return fallback;
        }
        return static_cast<Number>(value);
    }

    bool flag(const QString &name, bool fallback)
    {
        const QString raw = text(name).toLower();
        if (raw.isEmpty())
            return fallback;
        if (raw == QLatin1String("true") || raw == QLatin1String("1") ||
            raw == QLatin1String("yes") || raw == QLatin1String("on"))
            return true;
        if (raw == QLatin1String("false") || raw == QLatin1String("0") ||
            raw == QLatin1String("no") || raw == QLatin1String("off"))
            return false;
        problem(SettingsTexts::tr("The setting %1 = \"%2\" must be true or false; using %3.")
                    .arg(name, raw, fallback ? QStringLiteral("true") : QStringLiteral("false")));
        return fallback;
    }

    QUrl url(const QString &name, const QUrl &fallback)
    {
        const QString raw = text(name);
        if (raw.isEmpty())
            return fallback;
        const QUrl value(raw, QUrl::StrictMode);
        if (!value.isValid() || value.host().isEmpty() ||
            (value.scheme() != QLatin1String("http") && value.scheme() != QLatin1String("https"))) {
            problem(SettingsTexts::tr("The setting %1 = \"%2\" is not an http or https address.")
                        .arg(name, raw));
            return QUrl();
        }
        return value;
    }

    void problem(const QString &text)
    {
        qCWarning(lcCore).noquote() << text;
        if (m_problems)
            m_problems->append(text);
    }

private:
    QSettings &m_settings;
    QStringList *m_problems;
};

// Far more than a club has doors; the limit only stops a damaged devices/size.
constexpr int kMaxDevices = 100;

const QStringList kPasswordKeys{QStringLiteral("password"), QStringLiteral("cardskipper/password"),
                                QStringLiteral("devices/password")};

} // namespace

AppSettings AppSettings::load(QSettings &settings, QStringList *problems)
{
    Reader read(settings, problems);
    AppSettings result;
    const int version = read.number(key::version, kVersion, 0, 1000);
    if (version > kVersion)
        read.problem(
            SettingsTexts::tr("The settings were written by a newer version (settings_version %1); "
                              "keys this version does not know are ignored.")
                .arg(version));

    for (const QString &name : settings.allKeys()) {
        if (name.endsWith(QLatin1String("password"), Qt::CaseInsensitive))
            read.problem(SettingsTexts::tr(
                             "The setting %1 looks like a password. Passwords do not belong in "
                             "the settings file and it is ignored; store it in the keychain or "
                             "set CARDSKIPPER_PASSWORD / IVMS_PASSWORD.")
                             .arg(name));
    }

    CardskipperSettings &cs = result.cardskipper;
    cs.url = read.url(key::csUrl, cs.url);
    cs.username = read.text(key::csUsername);
    cs.organisationId = read.number<qint64>(key::csOrganisation, 0, 0, 999999999999LL);
    cs.timeoutSeconds = read.number(key::csTimeout, cs.timeoutSeconds, 1, 3600);
    if (const QString admin = read.text(key::csAdminUrl); !admin.isEmpty()) {
        // Checked as the address it becomes: "{member}" is no URL syntax.
        QString example = admin;
        const QUrl url(example.replace(QStringLiteral("{member}"), QStringLiteral("1")),
                       QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty() &&
            (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            cs.adminUrl = admin;
        else
            read.problem(SettingsTexts::tr("The setting %1 = \"%2\" is not an http or https "
                                           "address; using %3.")
                             .arg(key::csAdminUrl, admin, cs.adminUrl));
    }

    SyncSettings &sync = result.sync;
    const QString roles = read.text(key::csRoles);
    for (const QString &part : roles.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 role = part.trimmed().toLongLong(&ok);
        if (ok && role > 0)
            sync.policy.grantingRoleIds.append(role);
        else
            read.problem(SettingsTexts::tr("The setting %1 holds \"%2\", which is not a role id.")
                             .arg(key::csRoles, part.trimmed()));
    }

    int size = settings.beginReadArray(key::devices);
    if (size > kMaxDevices) {
        // devices/size=2000000000 would otherwise read (and keep) two billion default devices.
        read.problem(SettingsTexts::tr(
                         "The setting devices/size = %1 is more than %2 door terminals; only the "
                         "first %2 are read.")
                         .arg(size)
                         .arg(kMaxDevices));
        size = kMaxDevices;
    }
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        const QString at = QStringLiteral("devices/%1/").arg(i + 1);
        Reader device(settings, problems);
        DeviceSettings d;
        d.name = device.text(key::devName);
        d.id = device.text(key::devId, d.name);
        if (d.id.isEmpty())
            d.id = QStringLiteral("device-%1").arg(i + 1);
        if (d.name.isEmpty())
            d.name = d.id;
        const QString rawUrl = device.text(key::devUrl);
        d.url = QUrl(rawUrl, QUrl::StrictMode);
        if (!rawUrl.isEmpty() && (!d.url.isValid() || d.url.host().isEmpty() ||
                                  (d.url.scheme() != QLatin1String("http") &&
                                   d.url.scheme() != QLatin1String("https")))) {
            read.problem(
                SettingsTexts::tr("The setting %1url = \"%2\" (device %3) is not an http or https "
                                  "address.")
                    .arg(at, rawUrl, d.name));
            d.url = QUrl();
        }
        d.username = device.text(key::devUsername, d.username);
        const QString fingerprint = device.text(key::devFingerprint);
        if (!fingerprint.isEmpty()) {
            QString hex = fingerprint;
            hex.remove(QLatin1Char(':')).remove(QLatin1Char(' '));
            d.pinnedCertificateSha256 = QByteArray::fromHex(hex.toLatin1());
            if (d.pinnedCertificateSha256.size() != 32) {
                read.problem(SettingsTexts::tr(
                                 "The setting %1certificate_sha256 (device %2) is not a SHA-256 "
                                 "fingerprint of 64 hexadecimal digits.")
                                 .arg(at, d.name));
                d.pinnedCertificateSha256.clear();
            }
        }
        d.maxConcurrentRequests = device.number(key::devConcurrency, 1, 1, 8);
        d.timeoutSeconds = device.number(key::devTimeout, d.timeoutSeconds, 1, 600);
        d.enabled = device.flag(key::devEnabled, true);
        result.devices.append(d);
    }
    settings.endArray();

    sync.intervalSeconds = read.number(key::interval, sync.intervalSeconds, 30, 86400);
    sync.databasePath = read.text(key::database);
    const QString nightly = read.text(key::nightly, QStringLiteral("03:00"));
    sync.nightlyReconcileAt = QTime::fromString(nightly, QStringLiteral("HH:mm"));
    if (!sync.nightlyReconcileAt.isValid()) {
        read.problem(
            SettingsTexts::tr("The setting %1 = \"%2\" must be a time like 03:00; using 03:00.")
                .arg(key::nightly, nightly));
        sync.nightlyReconcileAt = QTime(3, 0);
    }
    sync.retryAttempts = read.number(key::retryAttempts, sync.retryAttempts, 0, 10);
    sync.retryBackoffMs = read.number(key::retryBackoff, sync.retryBackoffMs, 0, 600000);
    sync.maxParallelDoors = read.number(key::parallelDoors, sync.maxParallelDoors, 0, 64);
    sync.eventImportDays = read.number(key::eventImport, sync.eventImportDays, 0, 3650);
    sync.eventRetentionDays = read.number(key::eventRetention, sync.eventRetentionDays, 1, 3650);
    SyncPolicy &policy = sync.policy;
    policy.graceDays = read.number(key::grace, policy.graceDays, 0, 365);
    policy.renameEnabled = read.flag(key::rename, policy.renameEnabled);
    policy.deleteRetentionDays =
        read.number(key::deleteAfter, policy.deleteRetentionDays, -1, 3650);
    policy.employeeNoPrefix = read.text(key::prefix);
    policy.guardEnabled = read.flag(key::guardEnabled, policy.guardEnabled);
    policy.guardMinMemberRatio = read.number(key::guardRatio, policy.guardMinMemberRatio, 0.0, 1.0);
    policy.guardMinRevokes = read.number(key::guardRevokes, policy.guardMinRevokes, 0, 100000);
    policy.guardRevokeShare = read.number(key::guardShare, policy.guardRevokeShare, 0.0, 1.0);
    CardSettings &cards = result.cards;
    const QString input = read.text(key::readerInput, QStringLiteral("decimal")).toLower();
    if (input == QLatin1String("hex") || input == QLatin1String("decimal"))
        cards.reader.inputHex = input == QLatin1String("hex");
    else
        read.problem(SettingsTexts::tr("The setting %1 = \"%2\" must be decimal or hex; using "
                                       "decimal.")
                         .arg(key::readerInput, input));
    const QString output = read.text(key::readerOutput, QStringLiteral("as-typed")).toLower();
    if (const auto parsed = CardReaderTransform::outputFromName(output))
        cards.reader.output = *parsed;
    else
        read.problem(SettingsTexts::tr("The setting %1 = \"%2\" must be as-typed, decimal or "
                                       "hex; using as-typed.")
                         .arg(key::readerOutput, output));
    cards.reader.reverseBytes = read.flag(key::readerReverse, false);
    cards.reader.zeroPadWidth = read.number(key::readerPad, 0, 0, 32);
    cards.captureSeconds = read.number(key::captureSeconds, cards.captureSeconds, 5, 30);
    GeneralSettings &general = result.general;
    general.startWithSession = read.flag(key::startWithSession, general.startWithSession);
    general.startMinimised = read.flag(key::startMinimised, general.startMinimised);
    general.language = read.text(key::language).toLower();
    if (!general.language.isEmpty() && general.language != QLatin1String("sv") &&
        general.language != QLatin1String("en")) {
        read.problem(SettingsTexts::tr("The setting %1 = \"%2\" must be sv, en or empty (the "
                                       "system's language); using the system's.")
                         .arg(key::language, general.language));
        general.language.clear();
    }
    return result;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(key::version, kVersion);
    settings.setValue(key::csUrl, cardskipper.url.toString());
    settings.setValue(key::csUsername, cardskipper.username);
    settings.setValue(key::csOrganisation, cardskipper.organisationId);
    settings.setValue(key::csTimeout, cardskipper.timeoutSeconds);
    settings.setValue(key::csAdminUrl, cardskipper.adminUrl);
    QStringList roles;
    for (qint64 role : sync.policy.grantingRoleIds)
        roles.append(QString::number(role));
    settings.setValue(key::csRoles, roles.join(QLatin1Char(',')));

    settings.remove(key::devices);
    settings.beginWriteArray(key::devices, int(devices.size()));
    for (int i = 0; i < devices.size(); ++i) {
        settings.setArrayIndex(i);
        const DeviceSettings &d = devices.at(i);
        settings.setValue(key::devId, d.id);
        settings.setValue(key::devName, d.name);
        settings.setValue(key::devUrl, d.url.toString());
        settings.setValue(key::devUsername, d.username);
        if (d.pinnedCertificateSha256.isEmpty())
            settings.remove(key::devFingerprint);
        else
            settings.setValue(key::devFingerprint,
                              QString::fromLatin1(d.pinnedCertificateSha256.toHex(':')));
        settings.setValue(key::devConcurrency, d.maxConcurrentRequests);
        settings.setValue(key::devTimeout, d.timeoutSeconds);
        settings.setValue(key::devEnabled, d.enabled);
    }
    settings.endArray();

    settings.setValue(key::interval, sync.intervalSeconds);
    settings.setValue(key::database, sync.databasePath);
    settings.setValue(key::nightly, sync.nightlyReconcileAt.toString(QStringLiteral("HH:mm")));
    settings.setValue(key::retryAttempts, sync.retryAttempts);
    settings.setValue(key::retryBackoff, sync.retryBackoffMs);
    settings.setValue(key::parallelDoors, sync.maxParallelDoors);
    settings.setValue(key::eventImport, sync.eventImportDays);
    settings.setValue(key::eventRetention, sync.eventRetentionDays);
    settings.setValue(key::grace, sync.policy.graceDays);
    settings.setValue(key::rename, sync.policy.renameEnabled);
    settings.setValue(key::deleteAfter, sync.policy.deleteRetentionDays);
    settings.setValue(key::prefix, sync.policy.employeeNoPrefix);
    settings.setValue(key::guardEnabled, sync.policy.guardEnabled);
    settings.setValue(key::guardRatio, sync.policy.guardMinMemberRatio);
    settings.setValue(key::guardRevokes, sync.policy.guardMinRevokes);
    settings.setValue(key::guardShare, sync.policy.guardRevokeShare);
    settings.setValue(key::readerInput,
                      cards.reader.inputHex ? QStringLiteral("hex") : QStringLiteral("decimal"));
    settings.setValue(key::readerOutput, cards.reader.outputName());
    settings.setValue(key::readerReverse, cards.reader.reverseBytes);
    settings.setValue(key::readerPad, cards.reader.zeroPadWidth);
    settings.setValue(key::captureSeconds, cards.captureSeconds);
    settings.setValue(key::startWithSession, general.startWithSession);
    settings.setValue(key::startMinimised, general.startMinimised);
    settings.setValue(key::language, general.language);
    settings.sync();
}

QStringList AppSettings::validate() const
{
    QStringList problems;
    if (!cardskipper.url.isValid() || cardskipper.url.host().isEmpty())
        problems.append(SettingsTexts::tr("Set the Cardskipper address (cardskipper/url)."));
    if (cardskipper.username.isEmpty())
        problems.append(SettingsTexts::tr("Set the Cardskipper user name (cardskipper/username)."));
    if (cardskipper.organisationId <= 0)
        problems.append(
            SettingsTexts::tr("Set the Cardskipper organisation (cardskipper/organisation_id)."));
    if (devices.isEmpty())
        problems.append(SettingsTexts::tr("Add at least one door terminal ([devices] section)."));
    QStringList ids;
    for (const DeviceSettings &d : devices) {
        if (!d.url.isValid() || d.url.host().isEmpty())
            problems.append(SettingsTexts::tr("Set the address of the door terminal \"%1\" (url).")
                                .arg(d.name));
        if (d.username.isEmpty())
            problems.append(
                SettingsTexts::tr("Set the user name of the door terminal \"%1\".").arg(d.name));
        if (ids.contains(d.id))
            problems.append(
                SettingsTexts::tr("Two door terminals share the id \"%1\"; give each its own.")
                    .arg(d.id));
        ids.append(d.id);
    }
    return problems;
}

const DeviceSettings *AppSettings::device(const QString &id) const
{
    for (const DeviceSettings &d : devices) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

#ifdef Q_OS_WIN
namespace {

// A folder of the user's profile (Qt offers the roaming one only with the app's name in it).
QString knownFolder(REFKNOWNFOLDERID id)
{
    PWSTR path = nullptr;
    QString folder;
    if (SUCCEEDED(::SHGetKnownFolderPath(id, KF_FLAG_DEFAULT, nullptr, &path)))
        folder = QDir::fromNativeSeparators(QString::fromWCharArray(path));
    ::CoTaskMemFree(path);
    return folder;
}

} // namespace
#endif

// One folder for the desktop app and the command line, so that `cardskipper-ivms-sync-cli run`
// (or the systemd user unit) works with what the settings dialog saved. On Windows the
// database is the computer's (%LOCALAPPDATA%) and the settings travel with a roaming profile
// (%APPDATA%), as Windows programs keep them.
QString AppSettings::defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(folder).filePath(
        QStringLiteral("cardskipper-ivms-sync/cardskipper-ivms-sync.sqlite"));
}

QString AppSettings::defaultConfigPath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
#ifdef Q_OS_WIN
    if (!QStandardPaths::isTestModeEnabled()) {
        if (const QString roaming = knownFolder(FOLDERID_RoamingAppData); !roaming.isEmpty())
            folder = roaming;
    }
#endif
    return QDir(folder).filePath(QStringLiteral("cardskipper-ivms-sync/cardskipper-ivms-sync.ini"));
}

QUrl CardskipperSettings::adminUrlFor(qint64 organisationMemberId) const
{
    QString text = adminUrl;
    return QUrl(text.replace(QStringLiteral("{member}"), QString::number(organisationMemberId)));
}

} // namespace cis
