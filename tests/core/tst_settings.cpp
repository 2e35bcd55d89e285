// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "SecretStore.h"
#include "Settings.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A file name of its own per test: QSettings rereads a file it knows only when its size or
    // time stamp changed.
    QString writeIni(const QByteArray &text, const QString &name = QStringLiteral("club.ini"))
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write the ini file");
        file.write(text);
        return path;
    }

private slots:
    void defaultPathsAreTheUsersOwn()
    {
#ifdef Q_OS_WIN
        const QString config = AppSettings::defaultConfigPath();
        const QString database = AppSettings::defaultDatabasePath();
        // Settings roam with the profile, the database stays on this computer.
        const QString roaming = QDir::fromNativeSeparators(qEnvironmentVariable("APPDATA"));
        const QString local = QDir::fromNativeSeparators(qEnvironmentVariable("LOCALAPPDATA"));
        QVERIFY(!roaming.isEmpty() && !local.isEmpty());
        QCOMPARE(config,
                 roaming + QStringLiteral("/cardskipper-ivms-sync/cardskipper-ivms-sync.ini"));
        QCOMPARE(database,
                 local + QStringLiteral("/cardskipper-ivms-sync/cardskipper-ivms-sync.sqlite"));
#else
        QTemporaryDir home;
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
        const auto restore = qScopeGuard([] {
            qunsetenv("XDG_CONFIG_HOME");
            qunsetenv("XDG_DATA_HOME");
        });
        QCOMPARE(AppSettings::defaultConfigPath(),
                 home.filePath(
                     QStringLiteral("config/cardskipper-ivms-sync/cardskipper-ivms-sync.ini")));
        QCOMPARE(AppSettings::defaultDatabasePath(),
                 home.filePath(
                     QStringLiteral("data/cardskipper-ivms-sync/cardskipper-ivms-sync.sqlite")));
#endif
    }

    void readsTheArchitectureExample()
    {
        const QString path = writeIni("[cardskipper]\n"
                                      "url=https://api.cardskipper.se\n"
                                      "username=api-user\n"
                                      "organisation_id=4711\n"
                                      "granting_role_ids=12, 14\n"
                                      "\n"
                                      "[devices]\n"
                                      "size=2\n"
                                      "1\\name=Front door\n"
                                      "1\\url=http://192.168.1.64\n"
                                      "1\\username=admin\n"
                                      "2\\name=Gym\n"
                                      "2\\id=gym\n"
                                      "2\\url=https://192.168.1.65\n"
                                      "2\\certificate_sha256=" +
                                      QByteArray(64, 'a') +
                                      "\n"
                                      "\n"
                                      "[sync]\n"
                                      "interval_seconds=120\n"
                                      "grace_days=3\n"
                                      "delete_after_days=30\n");
        QSettings ini(path, QSettings::IniFormat);
        QStringList problems;
        const AppSettings settings = AppSettings::load(ini, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(settings.cardskipper.username, QStringLiteral("api-user"));
        QCOMPARE(settings.cardskipper.organisationId, 4711);
        QCOMPARE(settings.sync.policy.grantingRoleIds, (QList<qint64>{12, 14}));
        QCOMPARE(settings.devices.size(), 2);
        QCOMPARE(settings.devices.at(0).name, QStringLiteral("Front door"));
        QCOMPARE(settings.devices.at(0).id, QStringLiteral("Front door")); // defaults to the name
        QCOMPARE(settings.devices.at(0).url, QUrl(QStringLiteral("http://192.168.1.64")));
        QCOMPARE(settings.devices.at(1).id, QStringLiteral("gym"));
        QCOMPARE(settings.devices.at(1).pinnedCertificateSha256, QByteArray(32, char(0xaa)));
        QCOMPARE(settings.sync.intervalSeconds, 120);
        QCOMPARE(settings.sync.policy.graceDays, 3);
        QCOMPARE(settings.sync.policy.deleteRetentionDays, 30);
        QCOMPARE(settings.sync.policy.renameEnabled, false);
        QVERIFY(settings.validate().isEmpty());
    }

    void roundTrips()
    {
        AppSettings settings;
        settings.cardskipper.username = QStringLiteral("föreningen");
        settings.cardskipper.organisationId = 99;
        DeviceSettings door;
        door.id = QStringLiteral("door-1");
        door.name = QStringLiteral("Entré");
        door.url = QUrl(QStringLiteral("https://door.local:8443"));
        door.pinnedCertificateSha256 = QByteArray(32, char(0x12));
        settings.devices = {door};
        settings.sync.policy.guardMinRevokes = 9;
        settings.sync.nightlyReconcileAt = QTime(2, 30);
        settings.general.startWithSession = true;
        settings.general.startMinimised = true;
        settings.cardskipper.adminUrl = QStringLiteral("https://adm.example.se/member/{member}");
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.ini"));
        {
            QSettings ini(path, QSettings::IniFormat);
            settings.save(ini);
        }
        QSettings ini(path, QSettings::IniFormat);
        QStringList problems;
        const AppSettings loaded = AppSettings::load(ini, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(loaded.cardskipper.username, settings.cardskipper.username);
        QCOMPARE(loaded.devices.size(), 1);
        QCOMPARE(loaded.devices.at(0).name, door.name);
        QCOMPARE(loaded.devices.at(0).url, door.url);
        QCOMPARE(loaded.devices.at(0).pinnedCertificateSha256, door.pinnedCertificateSha256);
        QCOMPARE(loaded.sync.policy.guardMinRevokes, 9);
        QCOMPARE(loaded.sync.nightlyReconcileAt, QTime(2, 30));
        QVERIFY(loaded.general.startWithSession);
        QVERIFY(loaded.general.startMinimised);
        QCOMPARE(loaded.cardskipper.adminUrl, settings.cardskipper.adminUrl);
        QCOMPARE(loaded.cardskipper.adminUrlFor(1042),
                 QUrl(QStringLiteral("https://adm.example.se/member/1042")));
    }

    void theAdminAddressWithoutAMemberIsThePortal()
    {
        AppSettings settings;
        QCOMPARE(settings.cardskipper.adminUrlFor(7),
                 QUrl(QStringLiteral("https://adm.cardskipper.se")));
        const QString path =
            writeIni("[cardskipper]\nadmin_url=javascript:alert(1)\n", QStringLiteral("admin.ini"));
        QSettings ini(path, QSettings::IniFormat);
        QStringList problems;
        settings = AppSettings::load(ini, &problems);
        QVERIFY2(problems.join(u' ').contains(QStringLiteral("cardskipper/admin_url")),
                 qPrintable(problems.join(u' ')));
        QCOMPARE(settings.cardskipper.adminUrl, AppSettings().cardskipper.adminUrl);
    }

    void badValuesAreNamedAndDefaulted()
    {
        const QString path = writeIni("[cardskipper]\norganisation_id=abc\npassword=secret\n"
                                      "[devices]\nsize=1\n1\\name=Door\n1\\url=ftp://x\n"
                                      "[sync]\ninterval_seconds=5\nnightly_reconcile_at=25:99\n");
        QSettings ini(path, QSettings::IniFormat);
        QStringList problems;
        const AppSettings settings = AppSettings::load(ini, &problems);
        const QString all = problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("cardskipper/organisation_id")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("cardskipper/password")));
        QVERIFY(!all.contains(QStringLiteral("secret"))); // never echo a password
        QVERIFY(all.contains(QStringLiteral("Door")));
        QVERIFY(all.contains(QStringLiteral("sync/interval_seconds")));
        QVERIFY(all.contains(QStringLiteral("sync/nightly_reconcile_at")));
        QCOMPARE(settings.sync.intervalSeconds, 300);
        const QStringList invalid = settings.validate();
        QVERIFY(invalid.join(QLatin1Char(' ')).contains(QStringLiteral("organisation")));
        QVERIFY(invalid.join(QLatin1Char(' ')).contains(QStringLiteral("Door")));
    }

    // Found by fuzzing: "nan" passed the range check (every comparison with NaN is false) and
    // was converted to an integer, which is undefined behaviour; a NaN ratio would have
    // switched the guard off without a word.
    void notANumberIsNamedAndDefaulted()
    {
        const QString path = writeIni("[sync]\ninterval_seconds=nan\ngrace_days=-nan\n"
                                      "[guard]\nmin_member_ratio=nan\nmin_revokes=inf\n",
                                      QStringLiteral("nan.ini"));
        QSettings ini(path, QSettings::IniFormat);
        QStringList problems;
        const AppSettings settings = AppSettings::load(ini, &problems);
        const QString all = problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("sync/interval_seconds")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("sync/grace_days")));
        QVERIFY(all.contains(QStringLiteral("guard/min_member_ratio")));
        QVERIFY(all.contains(QStringLiteral("guard/min_revokes")));
        const AppSettings defaults;
        QCOMPARE(settings.sync.intervalSeconds, defaults.sync.intervalSeconds);
        QCOMPARE(settings.sync.policy.graceDays, defaults.sync.policy.graceDays);
        QCOMPARE(settings.sync.policy.guardMinMemberRatio,
                 defaults.sync.policy.guardMinMemberRatio);
        QCOMPARE(settings.sync.policy.guardMinRevokes, defaults.sync.policy.guardMinRevokes);
    }

    // Found by fuzzing: devices/size=2000000000 read two billion default devices (a hang, then
    // out of memory). At most 100 are read, and the rest is named as a problem.
    void aHugeDeviceCountIsCapped()
    {
        const QString path = writeIni("[devices]\nsize=2000000000\n1\\name=Door\n"
                                      "1\\url=http://192.168.1.64\n",
                                      QStringLiteral("huge.ini"));
        QSettings ini(path, QSettings::IniFormat);
        QStringList problems;
        const AppSettings settings = AppSettings::load(ini, &problems);
        QCOMPARE(settings.devices.size(), 100);
        QCOMPARE(settings.devices.at(0).name, QStringLiteral("Door"));
        const QString all = problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("devices/size = 2000000000")), qPrintable(all));
    }

    void environmentPasswordsWinOverTheFallback()
    {
        MemorySecretStore memory;
        memory.write(SecretStore::deviceKey(QStringLiteral("door")), QStringLiteral("kept"),
                     [](const QString &) {});
        EnvironmentSecretStore store(&memory);
        qunsetenv("IVMS_PASSWORD");
        std::optional<QString> secret;
        store.read(SecretStore::deviceKey(QStringLiteral("door")),
                   [&](SecretStore::ReadResult result) { secret = result.secret; });
        QCOMPARE(secret, std::optional<QString>(QStringLiteral("kept")));
        qputenv("IVMS_PASSWORD", "from-env");
        store.read(SecretStore::deviceKey(QStringLiteral("door")),
                   [&](SecretStore::ReadResult result) { secret = result.secret; });
        QCOMPARE(secret, std::optional<QString>(QStringLiteral("from-env")));
        qunsetenv("IVMS_PASSWORD");
        store.read(SecretStore::cardskipperKey(QStringLiteral("nobody")),
                   [&](SecretStore::ReadResult result) { secret = result.secret; });
        QVERIFY(!secret);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
