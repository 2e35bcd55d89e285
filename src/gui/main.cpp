// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The desktop app: the engine and scheduler behind the main window and the tray.
#include "BundledIcon.h"
#include "Clock.h"
#include "DemoEnvironment.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "Scheduler.h"
#include "SettingsDialog.h"
#include "SignalWatcher.h"
#include "SyncEngine.h"
#include "SyncService.h"
#include "Translations.h"
#include "Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <memory>
#include <optional>

using namespace cis;

namespace {

QString configPath()
{
    return AppSettings::defaultConfigPath();
}

QString readSecret(SecretStore &store, const QString &key, const QString &prompt)
{
    // Shared, and the loop watched: a SIGTERM ends the wait before the keychain answers, and
    // the answer must then not land in this function's finished frame.
    const auto result = std::make_shared<std::optional<SecretStore::ReadResult>>();
    QEventLoop loop;
    store.read(key, [result, waiting = QPointer<QEventLoop>(&loop)](SecretStore::ReadResult value) {
        *result = std::move(value);
        if (waiting)
            waiting->quit();
    });
    if (!*result)
        loop.exec();
    if (!*result)
        return {}; // the app is stopping
    if ((*result)->secret)
        return *(*result)->secret;
    // No keychain entry (or no keychain): ask, and keep it only in memory for this session.
    QString label = prompt;
    if (!(*result)->error.isEmpty())
        label += QStringLiteral("\n\n") +
                 QApplication::translate("main", "The keychain is not available (%1); the "
                                                 "password is kept only until you quit.")
                     .arg((*result)->error);
    bool ok = false;
    const QString secret = QInputDialog::getText(nullptr, QApplication::applicationName(), label,
                                                 QLineEdit::Password, {}, &ok);
    return ok ? secret : QString();
}

} // namespace

int main(int argc, char *argv[])
{
    Clock::pinLocalTimeZone();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cardskipper-ivms-sync"));
    QApplication::setApplicationDisplayName(QStringLiteral("Cardskipper IVMS Sync"));
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication::setOrganizationName(QStringLiteral("cardskipper-ivms-sync"));
    // Matches the installed .desktop file, so Wayland and docks show the right icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.cardskipper_ivms_sync"));
    QApplication::setQuitOnLastWindowClosed(false);

    // SIGTERM (a logout, systemctl, kill) and Ctrl+C leave through the same path as Quit, so
    // the demo's temporary folder and the instance lock are removed and the database closed.
    // exit() rather than quit(): the window refuses to close while it has a tray icon, and
    // quit() may ask the windows first. Before app.exec(), exit() only ends the dialog or the
    // keychain wait that is running, hence `terminating`, read once the start-up is done.
    bool terminating = false;
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [&terminating] {
        terminating = true;
        QApplication::exit(0);
    });

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Keeps Hikvision door terminals in step with Cardskipper."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Run against built-in simulators with demo data."));
    const QCommandLineOption configOption(
        QStringLiteral("config"), QApplication::translate("main", "Configuration file (INI)."),
        QStringLiteral("file"), configPath());
    const QCommandLineOption minimisedOption(QStringLiteral("minimized"),
                                             QApplication::translate("main", "Start in the tray."));
    parser.addOptions({demoOption, configOption, minimisedOption});
    parser.process(app);
    {
        // The language comes first: the welcome and every window are built in it.
        QString language;
        if (!parser.isSet(demoOption) && QFileInfo::exists(parser.value(configOption))) {
            QSettings ini(parser.value(configOption), QSettings::IniFormat);
            language = AppSettings::load(ini).general.language;
        }
        installTranslations(app, language);
    }
    // The window's log panel is where people read what happens; keep the terminal quiet.
    QLoggingCategory::setFilterRules(QStringLiteral("cis.*.debug=false"));

    // One instance per user and mode: a second start raises the first window. Windows' named
    // pipes are seen by every user of the computer, hence the user's name in it there too.
    const QString instanceName =
        QStringLiteral("cardskipper-ivms-sync-%1%2")
            .arg(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")),
                 parser.isSet(demoOption) ? QStringLiteral("-demo") : QString());
    QLockFile lock(QDir::temp().filePath(instanceName + QStringLiteral(".lock")));
    if (!lock.tryLock(100)) {
        QLocalSocket socket;
        socket.connectToServer(instanceName);
        if (socket.waitForConnected(1000)) {
            socket.write("raise\n");
            socket.waitForBytesWritten(1000);
        }
        return 0;
    }
    QLocalServer::removeServer(instanceName);
    QLocalServer instanceServer;
    instanceServer.listen(instanceName);

    const Clock &clock = Clock::system();
    KeychainSecretStore keychain;
    EnvironmentSecretStore environmentSecrets(&keychain);
    MemorySecretStore demoSecrets;
    SecretStore *secrets = &environmentSecrets;
    QString settingsPath;
    std::unique_ptr<gui::DemoEnvironment> demo;
    AppSettings settings;
    SyncEngine::Credentials credentials;
    QString databasePath;
    if (parser.isSet(demoOption)) {
        demo = std::make_unique<gui::DemoEnvironment>(clock);
        if (!demo->start()) {
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), demo->error());
            return 3;
        }
        settings = demo->settings();
        credentials = demo->credentials();
        databasePath = demo->databasePath();
        // The demo's passwords are public; settings changed in the demo live only in memory.
        const auto ignore = [](const QString &) {};
        demoSecrets.write(SecretStore::cardskipperKey(settings.cardskipper.username),
                          credentials.cardskipperPassword, ignore);
        for (auto it = credentials.devicePasswords.cbegin();
             it != credentials.devicePasswords.cend(); ++it)
            demoSecrets.write(SecretStore::deviceKey(it.key()), it.value(), ignore);
        secrets = &demoSecrets;
    } else {
        const QString path = parser.value(configOption);
        settingsPath = path;
        if (!QFileInfo::exists(path)) {
            QMessageBox welcome;
            welcome.setWindowTitle(QApplication::applicationDisplayName());
            welcome.setIconPixmap(cis::gui::bundledIcon(QStringLiteral("app")).pixmap(64, 64));
            welcome.setText(QApplication::translate(
                "main", "<h3>Welcome to Cardskipper IVMS Sync</h3>It keeps your door terminal in "
                        "step with the memberships in Cardskipper."));
            // Where things are saved is in Help → Open the data folder; a path here only
            // puzzles someone who has never opened the program.
            welcome.setInformativeText(QApplication::translate(
                "main", "Connect your Cardskipper account and your door terminal (passwords "
                        "stay in the computer's keychain), or try everything first with "
                        "simulated systems."));
            QPushButton *connectButton = welcome.addButton(
                QApplication::translate("main", "Connect to Cardskipper and my door…"),
                QMessageBox::AcceptRole);
            QPushButton *tryDemo = welcome.addButton(
                QApplication::translate("main", "Try the demo"), QMessageBox::AcceptRole);
            welcome.addButton(QMessageBox::Close);
            welcome.exec();
            if (welcome.clickedButton() == connectButton) {
                gui::SettingsDialog dialog(AppSettings(), environmentSecrets);
                if (dialog.exec() != QDialog::Accepted)
                    return 0;
                QDir().mkpath(QFileInfo(path).absolutePath());
                QSettings ini(path, QSettings::IniFormat);
                dialog.settings().save(ini);
            } else if (welcome.clickedButton() != tryDemo) {
                return 0;
            }
        }
        if (!QFileInfo::exists(path)) {
            lock.unlock();
            instanceServer.close();
            return QProcess::startDetached(QApplication::applicationFilePath(),
                                           {QStringLiteral("--demo")})
                       ? 0
                       : 2;
        }
        QSettings ini(path, QSettings::IniFormat);
        QStringList problems;
        settings = AppSettings::load(ini, &problems);
        problems += settings.validate();
        if (!settings.validate().isEmpty()) {
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                                  QApplication::translate("main", "The configuration %1 is not "
                                                                  "complete:\n\n%2")
                                      .arg(path, problems.join(QLatin1Char('\n'))));
            return 2;
        }
        credentials.cardskipperPassword = readSecret(
            environmentSecrets, SecretStore::cardskipperKey(settings.cardskipper.username),
            QApplication::translate("main", "Cardskipper password for %1:")
                .arg(settings.cardskipper.username));
        for (const DeviceSettings &device : settings.devices)
            credentials.devicePasswords.insert(
                device.id, readSecret(environmentSecrets, SecretStore::deviceKey(device.id),
                                      QApplication::translate("main", "Password of the door "
                                                                      "terminal \"%1\" (%2):")
                                          .arg(device.name, device.username)));
        databasePath =
            settings.sync.databasePath.isEmpty()
                ? AppSettings::defaultDatabasePath()
                : QDir(QFileInfo(path).absolutePath()).absoluteFilePath(settings.sync.databasePath);
    }

    if (terminating)
        return 0;

    // The database, the engine and the scheduler run on their own thread.
    SyncService service(clock);
    if (const auto error = service.open(databasePath, settings, credentials)) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), error->message);
        return 2;
    }
    gui::MainWindow window(service, settings, clock, demo.get());
    window.enableSettings(*secrets, settingsPath);
    QObject::connect(&instanceServer, &QLocalServer::newConnection, &window, [&] {
        while (QLocalSocket *socket = instanceServer.nextPendingConnection()) {
            socket->deleteLater();
            window.showNormal();
            window.raise();
            window.activateWindow();
        }
    });
    const bool minimised = parser.isSet(minimisedOption) || settings.general.startMinimised;
    if (!minimised || !QSystemTrayIcon::isSystemTrayAvailable())
        window.show();
    // The demo starts with a preview so the administrator sees what would happen first; a real
    // configuration starts the scheduler (full reconcile now, then quick syncs).
    if (demo) {
        window.preview();
        service.post([](SyncService::Parts parts) { parts.scheduler.startEventPolling(); });
        Scheduler *scheduler = service.scheduler();
        QObject::connect(service.engine(), &SyncEngine::runFinished, scheduler,
                         [scheduler](const RunReport &report) {
                             if (report.run.kind != RunKind::Preview && !scheduler->isActive())
                                 scheduler->start();
                         });
    } else {
        service.post([](SyncService::Parts parts) { parts.scheduler.start(); });
    }
    QObject::connect(&window, &QObject::destroyed, &app, &QApplication::quit);
    return app.exec();
}
