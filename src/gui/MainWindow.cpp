// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "MainWindow.h"

#include "ActivityPanel.h"
#include "Autostart.h"
#include "BundledIcon.h"
#include "Clock.h"
#include "CredentialsDialog.h"
#include "DemoEnvironment.h"
#include "FlowLayout.h"
#include "HistoryPanel.h"
#include "LinkDialog.h"
#include "LogModel.h"
#include "OverrideDialog.h"
#include "PairFilterModel.h"
#include "PairModel.h"
#include "RoomyRowDelegate.h"
#include "Scheduler.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "Store.h"
#include "Validity.h"
#include "Version.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QUrl>

namespace cis::gui {

namespace {

QString dateTime(const QDateTime &time)
{
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

// One way to write a window, the history's, so the details and the history agree.
QString validityText(const std::optional<Person> &person)
{
    return HistoryPanel::validityText(person);
}

QColor healthColor(DoorHealth::State state)
{
    switch (state) {
    case DoorHealth::State::Online:
        return QColor(0x2e, 0x9e, 0x44);
    case DoorHealth::State::Unknown:
        return QColor(0x8c, 0x8c, 0x8c);
    case DoorHealth::State::Failing:
        return QColor(0xe6, 0x8a, 0x00);
    default:
        return QColor(0xd0, 0x2c, 0x2c);
    }
}

QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(5, 5, 22, 22));
    return QIcon(pixmap);
}

// A theme icon where the desktop has one (so it matches the desktop), else our own.
QIcon themedIcon(const char *themeName, const char *bundled)
{
    return QIcon::fromTheme(QString::fromLatin1(themeName), bundledIcon(QLatin1String(bundled)));
}

QString staffKey(const QString &deviceId)
{
    return QStringLiteral("staff/") + deviceId;
}

} // namespace

MainWindow::MainWindow(SyncService &service, const AppSettings &settings, const Clock &clock,
                       DemoEnvironment *demo, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_service(service)
    , m_settings(settings)
    , m_clock(clock)
    , m_demo(demo)
    , m_pairModel(new PairModel(this))
    , m_pairFilter(new PairFilterModel(this))
    , m_logModel(new LogModel(this))
    , m_logFilter(new LogFilterModel(this))
    , m_lastChangeLabel(new QLabel(this))
    , m_lastSyncLabel(new QLabel(this))
    , m_nextSyncLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    m_ui->setupUi(this);
    setWindowIcon(bundledIcon(QStringLiteral("app")));
    if (demo)
        setWindowTitle(tr("Cardskipper IVMS Sync – demo with simulated systems"));

    m_pairFilter->setSourceModel(m_pairModel);
    m_ui->pairView->setModel(m_pairFilter);
    m_ui->pairView->horizontalHeader()->setStretchLastSection(true);
    m_ui->pairView->verticalHeader()->hide();
    m_ui->pairView->sortByColumn(PairModel::MemberNumber, Qt::AscendingOrder);
    const int rowHeight =
        std::max(fontMetrics().height() + 8, RoomyRowDelegate::rowHeight(fontMetrics()) + 4);
    // Tab leaves the table (to the details and the log) instead of walking its cells.
    m_ui->pairView->setTabKeyNavigation(false);
    m_ui->logView->setTabKeyNavigation(false);
    for (QTableView *view : {m_ui->pairView, m_ui->logView}) {
        view->setWordWrap(false);
        view->verticalHeader()->setDefaultSectionSize(rowHeight);
    }
    // Filter and door buttons wrap instead of widening the window past the screen.
    delete m_ui->filterBar->layout();
    new FlowLayout(m_ui->filterBar);
    delete m_ui->doorBar->layout();
    auto *doors = new FlowLayout(m_ui->doorBar);
    doors->addWidget(m_ui->deviceLabel);
    doors->addWidget(m_ui->deviceCombo);
    resizeDocks({m_ui->logDock}, {170}, Qt::Vertical);
    // The table gets the room; the details keep about four lines and scroll beyond them.
    m_ui->tableSplitter->setStretchFactor(0, 1);
    m_ui->tableSplitter->setStretchFactor(1, 0);

    m_ui->logDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_ui->pairView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_ui->pairView->addActions({m_ui->actionAcceptSuggestion, m_ui->actionRejectSuggestion,
                                m_ui->actionLink, m_ui->actionUnlink, m_ui->actionMarkStaff,
                                separator, m_ui->actionOverride, m_ui->actionCredentials,
                                m_ui->actionSyncMember, m_ui->actionOpenInCardskipper});

    m_logFilter->setSourceModel(m_logModel);
    m_ui->logView->setModel(m_logFilter);
    LogModel::fitColumns(m_ui->logView);
    m_ui->logView->verticalHeader()->hide();
    m_ui->logLevelCombo->addItem(tr("All messages"), 0);
    m_ui->logLevelCombo->addItem(tr("Warnings and errors"), 1);
    m_ui->logLevelCombo->addItem(tr("Errors only"), 2);
    connect(m_ui->logLevelCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_logFilter->setMinimumLevel(m_ui->logLevelCombo->currentData().toInt()); });
    connect(m_ui->logSearchEdit, &QLineEdit::textChanged, m_logFilter,
            &LogFilterModel::setSearchText);
    connect(m_ui->logCopyButton, &QPushButton::clicked, this, &MainWindow::copyLog);
    connect(m_ui->logExportButton, &QPushButton::clicked, this, &MainWindow::exportLog);

    m_history = new HistoryPanel(
        m_service, [this](const QString &id) { return deviceName(id); }, m_ui->historyTab);
    m_ui->historyLayout->addWidget(m_history);
    connect(m_history, &HistoryPanel::runsShown, this, &MainWindow::onRunsShown);
    m_activity = new ActivityPanel(
        m_service, m_clock, [this](const QString &id) { return deviceName(id); },
        m_ui->activityTab);
    m_ui->activityLayout->addWidget(m_activity);
    connect(m_service.engine(), &SyncEngine::eventsAdded, m_activity, &ActivityPanel::refresh);
    // An event's member is selected in the members table, and a member's newest event here.
    connect(m_activity, &ActivityPanel::memberSelected, this, [this](qint64 memberId) {
        if (memberId > 0 && selectRowKey(QStringLiteral("m:%1").arg(memberId)))
            m_ui->pairView->scrollTo(m_ui->pairView->selectionModel()->currentIndex());
    });
    m_activity->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_activity, &ActivityPanel::visitsExported, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    m_activity->view()->addAction(m_ui->actionSyncMember);
    m_activity->view()->addAction(m_ui->actionOpenInCardskipper);
    // A person the door knows and no member: linking fixes "not linked to a member".
    m_activity->view()->addActions({m_ui->actionAcceptSuggestion, m_ui->actionLink});
    connect(m_activity, &ActivityPanel::personSelected, this,
            [this](const QString &deviceId, const QString &employeeNo) {
                if (deviceId == currentDeviceId() && selectDoorPerson(employeeNo))
                    m_ui->pairView->scrollTo(m_ui->pairView->selectionModel()->currentIndex());
            });
    // The members' last visit and visit count come from the same events.
    connect(m_service.engine(), &SyncEngine::eventsAdded, this, &MainWindow::reloadVisits);
    // The door and Cardskipper disagree: the one thing at the door the desk must hear about.
    connect(m_service.engine(), &SyncEngine::refusedDespiteMembership, this,
            [this](const QString &, qint64, const QString &text) {
                if (m_tray)
                    m_tray->showMessage(tr("Refused at the door"), text, QSystemTrayIcon::Warning,
                                        15000);
                statusBar()->showMessage(text, 15000);
            });

    reloadDevices();
    m_ui->actionSettings->setVisible(false);
    connect(m_ui->actionSettings, &QAction::triggered, this, [this] { fixDoor(QString()); });
    connect(m_ui->deviceCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_previewPlan.reset();
        refreshPlan();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_pairFilter,
            &PairFilterModel::setSearchText);

    connect(m_ui->actionSyncNow, &QAction::triggered, this, &MainWindow::syncNow);
    connect(m_ui->actionPreview, &QAction::triggered, this, &MainWindow::preview);
    connect(m_ui->actionFullReconcile, &QAction::triggered, this, &MainWindow::fullReconcile);
    connect(m_ui->actionPause, &QAction::toggled, this, &MainWindow::setPaused);
    connect(m_ui->actionLink, &QAction::triggered, this, &MainWindow::linkSelected);
    connect(m_ui->actionAcceptSuggestion, &QAction::triggered, this, &MainWindow::acceptSuggestion);
    connect(m_ui->actionRejectSuggestion, &QAction::triggered, this, &MainWindow::rejectSuggestion);
    connect(m_ui->actionUnlink, &QAction::triggered, this, &MainWindow::unlinkSelected);
    connect(m_ui->actionMarkStaff, &QAction::triggered, this, &MainWindow::setSelectedIsStaff);
    connect(m_ui->actionSyncMember, &QAction::triggered, this, [this] {
        if (const std::optional<qint64> id = selectedMemberId())
            syncMember(*id);
    });
    connect(m_ui->actionOpenInCardskipper, &QAction::triggered, this, [this] {
        if (const std::optional<qint64> id = selectedMemberId())
            openInCardskipper(*id);
    });
    connect(m_ui->actionCredentials, &QAction::triggered, this, [this] {
        if (const std::optional<qint64> id = selectedMemberId())
            openCredentials(*id);
    });
    connect(m_ui->actionOverride, &QAction::triggered, this, [this] {
        const PlannedAction *action = selectedAction();
        if (!action || !action->member)
            return;
        const MemberKey member = *action->member;
        const QString name = action->memberName;
        m_service.query(
            this,
            [member](SyncService::Parts parts) {
                MemberOverride current = parts.store.overrideFor(member).value_or(MemberOverride{});
                current.member = member;
                return current;
            },
            [this, name, member](const MemberOverride &current) {
                std::optional<QDate> membershipEnd;
                for (const Member &each : m_pairModel->members()) {
                    if (each.key != member || each.inactive)
                        continue;
                    const auto period =
                        effectivePeriod(each.rolesIn(member.organisationId), m_clock.today());
                    if (period && period->end >= m_clock.today())
                        membershipEnd = period->end;
                }
                OverrideDialog dialog(name, current, membershipEnd, m_clock.today(), this);
                if (dialog.exec() != QDialog::Accepted)
                    return;
                setOverride(dialog.result());
                if (dialog.applyNow())
                    syncMember(member.organisationMemberId);
            });
    });
    connect(m_ui->pairView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_ui->pairView, &QTableView::doubleClicked, this, [this] {
        if (m_ui->actionLink->isEnabled())
            linkSelected();
    });

    // Queued: the engine and scheduler live on the service's worker thread.
    SyncEngine *engine = m_service.engine();
    connect(engine, &SyncEngine::runStarted, this, &MainWindow::onRunStarted);
    connect(engine, &SyncEngine::runFinished, this, &MainWindow::onRunFinished);
    connect(engine, &SyncEngine::logMessage, this, &MainWindow::onLogMessage);
    connect(engine, &SyncEngine::doorHealthChanged, this, &MainWindow::onDoorHealth);
    connect(engine, &SyncEngine::progress, this,
            [this](const QString &deviceId, int done, int total) {
                m_doorProgress.insert(deviceId, {done, total});
                showDoorProgress();
            });
    connect(engine, &SyncEngine::deviceFinished, this, [this](const DeviceOutcome &outcome) {
        // A door that failed has no progress to show: the door bar and the banner say why,
        // while the others' progress goes on.
        const bool ended = outcome.status == DeviceOutcome::Status::Synced ||
                           outcome.status == DeviceOutcome::Status::PartlyFailed;
        if (!ended && m_doorProgress.remove(outcome.deviceId) > 0)
            showDoorProgress();
    });
    connect(m_service.scheduler(), &Scheduler::nextRunChanged, this, [this](const QDateTime &at) {
        m_nextRunAt = at;
        updateStatusBar();
    });

    statusBar()->addWidget(m_lastChangeLabel);
    statusBar()->addWidget(m_lastSyncLabel, 1);
    statusBar()->addPermanentWidget(m_nextSyncLabel);
    statusBar()->addPermanentWidget(m_progress);
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    auto *countdown = new QTimer(this);
    connect(countdown, &QTimer::timeout, this, &MainWindow::updateStatusBar);
    countdown->start(1000);

    confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Apply these changes?"), question,
                                     QMessageBox::Apply | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Apply;
    };

    setUpActions();
    setUpTray();
    if (m_demo)
        setUpDemoMenu();
    m_service.query(
        this, [](SyncService::Parts parts) { return parts.engine.doorHealth(); },
        [this](const QList<DoorHealth> &known) {
            for (const DoorHealth &health : known)
                m_doorHealth.insert(health.deviceId, health);
            updateDoors();
        });
    updateDoors();
    refreshPlan();
    updateStatusBar();
    onSelectionChanged();
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    saveWindowState();
}

void MainWindow::setUpActions()
{
    m_ui->actionSyncNow->setIcon(themedIcon("view-refresh", "sync"));
    m_ui->actionPreview->setIcon(themedIcon("document-print-preview", "preview"));
    m_ui->actionFullReconcile->setIcon(themedIcon("view-list-details", "reconcile"));
    m_ui->actionPause->setIcon(themedIcon("media-playback-pause", "pause"));
    m_ui->actionAcceptSuggestion->setIcon(themedIcon("dialog-ok-apply", "accept"));
    m_ui->actionRejectSuggestion->setIcon(themedIcon("dialog-cancel", "reject"));
    m_ui->actionLink->setIcon(themedIcon("insert-link", "link"));
    m_ui->actionOverride->setIcon(themedIcon("security-medium", "override-allow"));
    m_ui->actionSettings->setIcon(themedIcon("configure", "settings"));
    m_ui->actionQuit->setIcon(themedIcon("application-exit", "quit"));

    connect(m_ui->actionQuit, &QAction::triggered, this, [this] {
        // Qt may ask the windows to close before it quits; this one must not answer "to the
        // tray" then.
        m_quitting = true;
        QApplication::quit();
    });
    connect(m_ui->actionExportLog, &QAction::triggered, this, &MainWindow::exportLog);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_ui->actionUserGuide, &QAction::triggered, this, &MainWindow::openUserGuide);
    connect(m_ui->actionOpenDataFolder, &QAction::triggered, this, [] {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(folder);
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    });

    // Ctrl+F finds, Esc forgets the search (and leaves the field).
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });
    auto *clear = new QShortcut(QKeySequence(Qt::Key_Escape), m_ui->searchEdit, nullptr, nullptr,
                                Qt::WidgetShortcut);
    connect(clear, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->clear();
        m_ui->pairView->setFocus(Qt::ShortcutFocusReason);
    });
    m_ui->searchEdit->setPlaceholderText(
        tr("Search name, email, member no. or employee no. (Ctrl+F)"));

    connect(m_ui->fixDoorButton, &QPushButton::clicked, this, [this] { fixDoor(m_problemDoorId); });
    connect(m_ui->retryDoorButton, &QPushButton::clicked, this,
            [this] { retryDoor(m_problemDoorId); });
    connect(m_ui->openDoorPageButton, &QPushButton::clicked, this, [this] {
        if (const DeviceSettings *device = m_settings.device(m_problemDoorId))
            QDesktopServices::openUrl(QUrl(device->url));
    });
}

void MainWindow::showAbout()
{
    QMessageBox about(this);
    about.setWindowTitle(tr("About Cardskipper IVMS Sync"));
    about.setIconPixmap(bundledIcon(QStringLiteral("app")).pixmap(64, 64));
    about.setTextFormat(Qt::RichText);
    about.setText(
        tr("<h3>Cardskipper IVMS Sync %1</h3>"
           "<p>Lets members through the club's Hikvision door exactly as long as their "
           "Cardskipper membership runs.</p>"
           "<p>Copyright © 2026 Cardskipper IVMS Sync developers.<br>"
           "This program is free software: you can redistribute it and/or modify it under the "
           "terms of the GNU General Public License as published by the Free Software "
           "Foundation, either version 3 of the License, or (at your option) any later version "
           "(GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY. "
           "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">The licence</a>.</p>"
           "<p>Built with Qt %2 (running on Qt %3).</p>")
            .arg(QString::fromLatin1(kVersion), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
    about.exec();
}

void MainWindow::openUserGuide()
{
    // The README installed with the package is the guide; from a build tree, the source's.
    const QStringList candidates{
        QCoreApplication::applicationDirPath() +
            QStringLiteral("/../share/doc/cardskipper-ivms-sync/README.md"),
        QStringLiteral("/usr/share/doc/cardskipper-ivms-sync/README.md"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/README.md"),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate)) {
            QDesktopServices::openUrl(
                QUrl::fromLocalFile(QFileInfo(candidate).canonicalFilePath()));
            return;
        }
    }
    QDesktopServices::openUrl(QUrl(
        QStringLiteral("https://github.com/cardskipper-ivms-sync/cardskipper-ivms-sync#readme")));
}

void MainWindow::restoreWindowState()
{
    QSettings state;
    const QByteArray geometry = state.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: as large as is comfortable, never larger than the screen.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1024, 700);
        resize(std::min(1200, available.width()), std::min(760, available.height()));
    }
    // A geometry saved on a larger screen (or a docked laptop) must still fit this one.
    if (QScreen *current = screen()) {
        const QRect available = current->availableGeometry();
        QRect frame = frameGeometry();
        if (!available.contains(frame)) {
            const QSize margins = frame.size() - size();
            resize(std::min(width(), available.width() - margins.width()),
                   std::min(height(), available.height() - margins.height()));
            frame = frameGeometry();
            move(std::clamp(frame.x(), available.left(),
                            std::max(available.left(), available.right() - frame.width() + 1)),
                 std::clamp(frame.y(), available.top(),
                            std::max(available.top(), available.bottom() - frame.height() + 1)));
        }
    }
    restoreState(state.value(QStringLiteral("window/state")).toByteArray());
    if (!m_ui->tableSplitter->restoreState(
            state.value(QStringLiteral("window/splitter")).toByteArray())) {
        // Once laid out: the details get about four lines, the table the rest.
        QTimer::singleShot(0, this, [this] {
            const int details = fontMetrics().lineSpacing() * 4 + 8;
            const int total = m_ui->tableSplitter->height();
            m_ui->tableSplitter->setSizes({std::max(total - details, details), details});
        });
    }
    const QByteArray columns = state.value(QStringLiteral("window/columns")).toByteArray();
    if (!columns.isEmpty())
        m_columnsRestored = m_ui->pairView->horizontalHeader()->restoreState(columns);
}

void MainWindow::saveWindowState()
{
    QSettings state;
    state.setValue(QStringLiteral("window/geometry"), saveGeometry());
    state.setValue(QStringLiteral("window/state"), saveState());
    state.setValue(QStringLiteral("window/columns"),
                   m_ui->pairView->horizontalHeader()->saveState());
    state.setValue(QStringLiteral("window/splitter"), m_ui->tableSplitter->saveState());
}

void MainWindow::reloadDevices()
{
    const QString current = currentDeviceId();
    const QSignalBlocker blocker(m_ui->deviceCombo);
    m_ui->deviceCombo->clear();
    for (const DeviceSettings &device : m_settings.devices)
        m_ui->deviceCombo->addItem(device.name, device.id);
    if (m_activity) {
        QList<std::pair<QString, QString>> doors;
        for (const DeviceSettings &device : m_settings.devices)
            doors.append({device.id, device.name});
        m_activity->setDoors(doors);
    }
    const int index = m_ui->deviceCombo->findData(current);
    if (index >= 0)
        m_ui->deviceCombo->setCurrentIndex(index);
    // The door bar's buttons choose the door; the combo stays as the model of the choice.
    m_ui->deviceCombo->setVisible(false);
    updateDoors();
}

QString MainWindow::doorStatusText(const QString &deviceId) const
{
    const DoorHealth health = m_doorHealth.value(deviceId);
    const QString since = PairModel::shortTime(health.since, m_clock.today());
    switch (health.state) {
    case DoorHealth::State::Unknown:
        return health.lastContact.isValid() ? tr("not checked since the settings changed")
                                            : tr("not contacted yet");
    case DoorHealth::State::Online:
        return tr("online, last contact %1")
            .arg(PairModel::shortTime(health.lastContact, m_clock.today()));
    case DoorHealth::State::Unreachable:
        return tr("unreachable since %1").arg(since);
    case DoorHealth::State::PasswordRejected:
        return health.attemptsLeft >= 0
                   ? tr("password rejected (%n attempt(s) left before it locks)", nullptr,
                        health.attemptsLeft)
                   : tr("password rejected");
    case DoorHealth::State::Locked: {
        const qint64 seconds =
            health.lockedUntil.isValid() ? m_clock.now().secsTo(health.lockedUntil) : -1;
        if (seconds > 0)
            return tr("locked for another %n minute(s)", nullptr, int((seconds + 59) / 60));
        return tr("locked after failed logins");
    }
    case DoorHealth::State::CertificateChanged:
        return tr("certificate changed since %1").arg(since);
    case DoorHealth::State::Failing:
        return tr("refusing the sync since %1").arg(since);
    }
    return QString();
}

void MainWindow::onDoorHealth(const DoorHealth &health)
{
    m_doorHealth.insert(health.deviceId, health);
    if (health.isProblem())
        onLogMessage(
            health.state == DoorHealth::State::Failing ? QStringLiteral("warning")
                                                       : QStringLiteral("error"),
            health.deviceId, {},
            tr("%1: %2").arg(deviceName(health.deviceId), doorStatusText(health.deviceId)));
    updateDoors();
}

void MainWindow::updateDoors()
{
    // The door bar: one button per door, its colour and words the door's state.
    auto *layout = static_cast<FlowLayout *>(m_ui->doorBar->layout());
    for (QToolButton *button : std::as_const(m_doorButtons)) {
        layout->removeWidget(button);
        button->deleteLater();
    }
    m_doorButtons.clear();
    const QString current = currentDeviceId();
    QStringList trayLines;
    bool anyProblem = false;
    m_problemDoorId.clear();
    for (const DeviceSettings &device : m_settings.devices) {
        const DoorHealth health = m_doorHealth.value(device.id);
        const QString status = doorStatusText(device.id);
        auto *button = new QToolButton(m_ui->doorBar);
        button->setObjectName(QStringLiteral("door_") + device.id);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIcon(dotIcon(healthColor(health.state)));
        button->setText(tr("%1 · %2").arg(device.name, status));
        button->setToolTip(health.detail.isEmpty() ? status
                                                   : status + QLatin1Char('\n') + health.detail);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(device.id == current);
        button->setProperty("deviceId", device.id);
        connect(button, &QToolButton::clicked, this, [this, id = device.id] {
            const int index = m_ui->deviceCombo->findData(id);
            if (index >= 0 && index != m_ui->deviceCombo->currentIndex())
                m_ui->deviceCombo->setCurrentIndex(index);
            updateDoors();
        });
        layout->insertWidget(layout->count(), button);
        m_doorButtons.append(button);
        trayLines.append(tr("%1: %2").arg(device.name, status));
        if (health.isProblem()) {
            anyProblem = true;
            // The banner speaks of the door on screen first, else of the first failing one.
            if (m_problemDoorId.isEmpty() || device.id == current)
                m_problemDoorId = device.id;
        }
    }
    if (m_settings.devices.isEmpty()) {
        m_ui->deviceLabel->setText(tr("No door configured yet: add one in Settings."));
    } else {
        m_ui->deviceLabel->setText(m_settings.devices.size() > 1 ? tr("Doors:") : tr("Door:"));
    }

    // The banner: what is wrong in people's words, with what fixes it.
    const DoorHealth problem = m_doorHealth.value(m_problemDoorId);
    const QString name = deviceName(m_problemDoorId).toHtmlEscaped();
    QString text;
    bool passwordFix = false;
    bool canRetry = true;
    switch (problem.state) {
    case DoorHealth::State::Unreachable:
        text = tr("<b>The door %1 has not answered since %2.</b> Check that it is switched on "
                  "and connected to the network. The sync keeps trying by itself.")
                   .arg(name, PairModel::shortTime(problem.since, m_clock.today()));
        break;
    case DoorHealth::State::PasswordRejected:
        text = tr("<b>The door %1 rejected the password.</b> Nothing more is sent to it until "
                  "the password is corrected, so its account is not locked.")
                   .arg(name);
        if (problem.attemptsLeft >= 0)
            text += QLatin1Char(' ') + tr("The door allows %n more failed login(s) before it "
                                          "locks the account.",
                                          nullptr, problem.attemptsLeft);
        passwordFix = true;
        break;
    case DoorHealth::State::Locked:
        text = tr("<b>The door %1 has locked its account after failed logins</b> (%2). Correct "
                  "the password; the sync tries once the lock has expired.")
                   .arg(name, doorStatusText(m_problemDoorId));
        passwordFix = true;
        canRetry = false;
        break;
    case DoorHealth::State::CertificateChanged:
        text = tr("<b>The door %1 shows a different HTTPS certificate than the one trusted "
                  "before.</b> If the door was replaced or its certificate renewed, check and "
                  "trust the new one in Settings; otherwise someone may be listening in.")
                   .arg(name);
        canRetry = false;
        break;
    case DoorHealth::State::Failing:
        text = tr("<b>The door %1 answers but refuses the sync.</b> The log has the door's "
                  "exact answer.")
                   .arg(name);
        break;
    case DoorHealth::State::Unknown:
    case DoorHealth::State::Online:
        break;
    }
    m_ui->doorProblemFrame->setVisible(!text.isEmpty());
    m_ui->doorProblemLabel->setText(text);
    m_ui->doorProblemLabel->setToolTip(problem.detail);
    m_ui->fixDoorButton->setText(passwordFix ? tr("Fix password…") : tr("Check settings…"));
    m_ui->fixDoorButton->setVisible(m_secrets != nullptr);
    m_ui->retryDoorButton->setVisible(canRetry);
    m_ui->retryDoorButton->setEnabled(!m_running);
    m_ui->doorProblemFrame->setStyleSheet(
        QStringLiteral("QFrame#doorProblemFrame { background: #fdecea; border: 1px solid #d02c2c; "
                       "border-radius: 4px; } QLabel { color: #5f1111; }"));

    // The rows of the door on screen say what its state means for them.
    const DoorHealth shown = m_doorHealth.value(current);
    m_pairModel->setDoorState(shown.isProblem() ? doorStatusText(current) : QString(),
                              shown.state == DoorHealth::State::Online ? shown.lastContact
                                                                       : QDateTime());
    m_doorTrayLines = trayLines;
    m_anyDoorProblem = anyProblem;
    if (!m_running)
        setTrayState(m_paused                        ? QStringLiteral("paused")
                     : anyProblem || m_lastRunFailed ? QStringLiteral("error")
                                                     : QStringLiteral("idle"));
    updateStatusBar();
}

void MainWindow::fixDoor(const QString &deviceId)
{
    if (!m_secrets)
        return;
    SettingsDialog dialog(m_settings, *m_secrets, this);
    if (!deviceId.isEmpty())
        dialog.showDevicePassword(deviceId);
    if (dialog.exec() == QDialog::Accepted)
        applySettings(dialog.settings());
}

void MainWindow::retryDoor(const QString &deviceId)
{
    if (deviceId.isEmpty())
        return;
    m_service.post([deviceId](SyncService::Parts parts) { parts.engine.retryDevice(deviceId); });
    // A quick sync asks a door that is not online once, even with nothing to write.
    SyncEngine::RunOptions options;
    options.kind = RunKind::QuickSync;
    options.onlyDeviceId = deviceId;
    startRun(options);
}

void MainWindow::enableSettings(SecretStore &secrets, const QString &configPath)
{
    m_secrets = &secrets;
    m_configPath = configPath;
    m_ui->actionSettings->setVisible(true);
}

void MainWindow::applySettings(const AppSettings &settings)
{
    if (!m_configPath.isEmpty()) {
        QSettings ini(m_configPath, QSettings::IniFormat);
        settings.save(ini);
        const QString problem = Autostart().apply(
            settings.general.startWithSession, QCoreApplication::applicationFilePath(),
            {QStringLiteral("--config"), QFileInfo(m_configPath).absoluteFilePath()});
        if (!problem.isEmpty())
            onLogMessage(QStringLiteral("warning"), {}, {}, problem);
    }
    // Passwords come back from the secret store (the dialog wrote them there); reads may
    // answer later, so the engine gets the configuration when the last one has arrived.
    auto credentials = std::make_shared<SyncEngine::Credentials>();
    QStringList keys{SecretStore::cardskipperKey(settings.cardskipper.username)};
    for (const DeviceSettings &device : settings.devices)
        keys.append(SecretStore::deviceKey(device.id));
    auto remaining = std::make_shared<int>(int(keys.size()));
    QPointer<MainWindow> self(this);
    for (int i = 0; i < keys.size(); ++i) {
        m_secrets->read(keys.at(i), [=](SecretStore::ReadResult result) {
            if (!self)
                return;
            const QString secret = result.secret.value_or(QString());
            if (i == 0)
                credentials->cardskipperPassword = secret;
            else
                credentials->devicePasswords.insert(settings.devices.at(i - 1).id, secret);
            if (--*remaining > 0)
                return;
            m_settings = settings;
            m_service.post([settings, credentials = *credentials](SyncService::Parts parts) {
                parts.engine.setConfiguration(settings, credentials);
            });
            reloadDevices();
            m_previewPlan.reset();
            refreshPlan();
            onLogMessage(QStringLiteral("info"), {}, {},
                         m_configPath.isEmpty() ? tr("Settings changed for this session.")
                                                : tr("Settings saved to %1.").arg(m_configPath));
        });
    }
}

QString MainWindow::currentDeviceId() const
{
    return m_ui->deviceCombo->currentData().toString();
}

QString MainWindow::deviceName(const QString &deviceId) const
{
    const DeviceSettings *device = m_settings.device(deviceId);
    return device ? device->name : deviceId;
}

void MainWindow::refreshPlan()
{
    reloadPlan({});
}

void MainWindow::reloadPlan(std::function<void()> then)
{
    const QString deviceId = currentDeviceId();
    const qint64 organisationId = m_settings.cardskipper.organisationId;
    const std::optional<Plan> previewPlan = m_previewPlan;
    const QDateTime visitsSince = recentVisitsSince();
    m_service.query(
        this,
        [deviceId, organisationId, previewPlan, visitsSince](SyncService::Parts parts) {
            PlanView view;
            view.members = parts.store.members(organisationId);
            view.plan =
                previewPlan ? *previewPlan : parts.engine.planFromSnapshot(deviceId, view.members);
            for (const Link &link : parts.store.links(deviceId))
                view.linked.insert(link.employeeNo);
            for (const MemberOverride &each : parts.store.overrides())
                view.overrides.insert(each.member, each);
            const QString staff = parts.store.meta(staffKey(deviceId));
            for (const QString &employeeNo : staff.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                view.staff.insert(employeeNo);
            view.visits = parts.store.memberVisits(organisationId, visitsSince);
            return view;
        },
        [this, then = std::move(then)](const PlanView &view) {
            // Answers come in the order asked, so the last one shown is the latest.
            showPlan(view);
            if (then)
                then();
        });
}

QDateTime MainWindow::recentVisitsSince() const
{
    return QDateTime(m_clock.today().addDays(1 - PairModel::RecentVisitDays), QTime(0, 0));
}

void MainWindow::reloadVisits()
{
    // New events change two columns only: the plan and the members stay as they are.
    const qint64 organisationId = m_settings.cardskipper.organisationId;
    m_service.query(
        this,
        [organisationId, since = recentVisitsSince()](SyncService::Parts parts) {
            return parts.store.memberVisits(organisationId, since);
        },
        [this](const QHash<qint64, MemberVisits> &visits) { m_pairModel->setVisits(visits); });
}

void MainWindow::showPlan(const PlanView &view)
{
    // The desk keeps its place: the same row selected and the list scrolled where it was,
    // whatever a sync or a link changed around it.
    const QModelIndexList selected = m_ui->pairView->selectionModel()->selectedRows();
    const QString selectedKey =
        selected.isEmpty() ? QString() : selected.first().data(PairModel::RowKeyRole).toString();
    const QString selectedPerson =
        selected.isEmpty() ? QString()
                           : selected.first().data(PairModel::EmployeeNoRole).toString();
    const int scroll = m_ui->pairView->verticalScrollBar()->value();

    m_linkedEmployeeNos = view.linked;
    PairModel::Context context;
    context.today = m_clock.today();
    context.overrides = view.overrides;
    context.staffEmployeeNos = view.staff;
    context.visits = view.visits;
    m_pairModel->setPlan(view.plan, view.members, context);
    if (!m_columnsSized && !m_columnsRestored && m_pairModel->rowCount() > 0) {
        m_ui->pairView->resizeColumnsToContents();
        m_columnsSized = true;
    }
    updateDoors();
    rebuildFilterButtons();
    if (view.members.isEmpty()) {
        m_ui->bannerLabel->setText(
            tr("No member list yet. <b>Preview changes</b> fetches the members from Cardskipper "
               "and shows what the first sync would do to the door, without writing anything."));
        m_ui->bannerLabel->setVisible(true);
    } else if (m_previewPlan) {
        m_ui->bannerLabel->setText(tr("This is a preview with the latest member list: nothing "
                                      "has been written. <b>Sync now</b> applies it."));
        m_ui->bannerLabel->setVisible(true);
    } else if (view.plan.guard.held) {
        m_ui->bannerLabel->setText(tr("The guard would hold the next sync back: %1")
                                       .arg(view.plan.guard.reasons.join(QLatin1Char(' '))));
        m_ui->bannerLabel->setVisible(true);
    } else {
        m_ui->bannerLabel->setVisible(false);
    }

    bool reselected = false;
    if (!selectedKey.isEmpty())
        reselected = selectRowKey(selectedKey);
    if (!reselected && !selectedPerson.isEmpty())
        reselected = selectEmployeeNo(selectedPerson);
    m_ui->pairView->verticalScrollBar()->setValue(scroll);
    onSelectionChanged();
    emit planShown();
}

bool MainWindow::selectRowKey(const QString &key)
{
    for (int row = 0; row < m_pairFilter->rowCount(); ++row) {
        const QModelIndex index = m_pairFilter->index(row, 0);
        if (index.data(PairModel::RowKeyRole).toString() == key) {
            m_ui->pairView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
            m_ui->pairView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            return true;
        }
    }
    return false;
}

bool MainWindow::selectDoorPerson(const QString &employeeNo)
{
    if (selectRowKey(QStringLiteral("p:") + employeeNo))
        return true;
    // Shown beside the member suggested for it.
    for (int row = 0; row < m_pairFilter->rowCount(); ++row) {
        const QModelIndex index = m_pairFilter->index(row, 0);
        if (index.data(PairModel::SuggestedEmployeeNoRole).toString() == employeeNo)
            return selectRowKey(index.data(PairModel::RowKeyRole).toString());
    }
    return false;
}

std::optional<qint64> MainWindow::selectedMemberId() const
{
    const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
    const QVariant id = rows.isEmpty() ? QVariant() : rows.first().data(PairModel::MemberIdRole);
    if (!id.isValid())
        return std::nullopt;
    return id.toLongLong();
}

QString MainWindow::selectedRowKey() const
{
    const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(PairModel::RowKeyRole).toString();
}

void MainWindow::rebuildFilterButtons()
{
    QLayout *layout = m_ui->filterBar->layout();
    QSet<int> checked;
    for (QToolButton *button : std::as_const(m_filterButtons)) {
        if (button->isChecked())
            checked.insert(button->property("group").toInt());
        layout->removeWidget(button);
        button->deleteLater();
    }
    m_filterButtons.clear();
    QSet<int> active;
    const auto addButton = [&](int group, const QString &name, int count, const QColor &color) {
        if (count == 0 && !checked.contains(group))
            return;
        auto *button = new QToolButton(m_ui->filterBar);
        button->setText(QStringLiteral("%1 (%2)").arg(name).arg(count));
        button->setIcon(dotIcon(color));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setCheckable(true);
        button->setChecked(checked.contains(group));
        button->setProperty("group", group);
        button->setAutoRaise(true);
        connect(button, &QToolButton::toggled, this, [this] {
            QSet<int> groups;
            for (QToolButton *b : std::as_const(m_filterButtons)) {
                if (b->isChecked())
                    groups.insert(b->property("group").toInt());
            }
            m_pairFilter->setStatusGroups(groups);
        });
        static_cast<FlowLayout *>(layout)->insertWidget(layout->count(), button);
        m_filterButtons.append(button);
        if (button->isChecked())
            active.insert(group);
    };
    const bool doorProblem = !m_pairModel->doorProblem().isEmpty();
    for (int group = 0; group < int(PairModel::GroupCount); ++group) {
        const auto statusGroup = static_cast<PairModel::StatusGroup>(group);
        // Rows the failing door cannot confirm are not "in sync", in the filter either.
        const QString name = statusGroup == PairModel::InSync && doorProblem
                                 ? tr("Not confirmed")
                                 : PairModel::groupName(statusGroup);
        const QColor color = statusGroup == PairModel::InSync && doorProblem
                                 ? PairModel::groupColor(PairModel::Conflict)
                                 : PairModel::groupColor(statusGroup);
        addButton(group, name, m_pairModel->countOf(statusGroup), color);
    }
    addButton(PairModel::OverridesFilter, tr("Overrides"), m_pairModel->countWithOverride(),
              QColor(0x55, 0x55, 0x55));
    addButton(PairModel::NoCredentialFilter, tr("Valid but no credential"),
              m_pairModel->countWithoutCredential(), PairModel::noCredentialColor());
    m_pairFilter->setStatusGroups(active);
    // Keyboard order: search, the filters, the table, then the log.
    QWidget *previous = m_ui->searchEdit;
    for (QToolButton *button : std::as_const(m_filterButtons)) {
        setTabOrder(previous, button);
        previous = button;
    }
    setTabOrder(previous, m_ui->pairView);
    setTabOrder(m_ui->pairView, m_ui->logTabs);
}

void MainWindow::openCredentials(qint64 organisationMemberId)
{
    const MemberKey member{m_settings.cardskipper.organisationId, organisationMemberId};
    QString title = QString::number(organisationMemberId);
    for (const Member &each : m_pairModel->members()) {
        if (each.key == member) {
            title = QStringLiteral("%1 (%2)").arg(each.displayName()).arg(organisationMemberId);
            break;
        }
    }
    auto *dialog = new CredentialsDialog(title, m_settings.cards.reader,
                                         m_settings.cards.captureSeconds, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<CredentialsDialog> guard(dialog);
    SyncService *service = &m_service;
    // Everything the dialog shows is read on the worker, where the database lives.
    // Everything the dialog shows is read on the worker, where the database lives. A door whose
    // face library is not known yet is asked once, and the dialog shown again with its answer.
    auto reload = std::make_shared<std::function<void()>>();
    auto askedLibraries = std::make_shared<bool>(false);
    *reload = [this, service, guard, member, askedLibraries,
               weak = std::weak_ptr<std::function<void()>>(reload)] {
        m_service.query(
            this,
            [member](SyncService::Parts parts) {
                QList<CredentialsDialog::Door> doors;
                QStringList unknownLibraries;
                for (const SyncEngine::MemberDoor &door : parts.engine.doorsOfMember(member)) {
                    const std::optional<Person> person =
                        parts.store.devicePerson(door.deviceId, door.employeeNo);
                    const std::optional<QString> library =
                        parts.engine.knownFaceLibrary(door.deviceId);
                    if (!library)
                        unknownLibraries.append(door.deviceId);
                    doors.append({door.deviceId, door.deviceName,
                                  person ? PairModel::credentialsText(*person) : QString(),
                                  person && person->numOfFace > 0, library.value_or(QString())});
                }
                return std::make_tuple(doors, parts.store.memberCards(member), unknownLibraries);
            },
            [service, guard, askedLibraries,
             weak](const std::tuple<QList<CredentialsDialog::Door>, QList<MemberCard>, QStringList>
                       &state) {
                if (!guard)
                    return;
                guard->setDoors(std::get<0>(state));
                guard->setCards(std::get<1>(state));
                const QStringList unknown = std::get<2>(state);
                if (unknown.isEmpty() || *askedLibraries)
                    return;
                *askedLibraries = true;
                auto remaining = std::make_shared<int>(int(unknown.size()));
                service->post([service, unknown, remaining, weak](SyncService::Parts parts) {
                    for (const QString &deviceId : unknown) {
                        parts.engine.faceLibraryOf(
                            deviceId, [service, remaining, weak](bool, const QString &) {
                                if (--*remaining > 0)
                                    return;
                                QMetaObject::invokeMethod(service, [weak] {
                                    if (const auto again = weak.lock())
                                        (*again)();
                                });
                            });
                    }
                });
            });
    };
    connect(dialog, &QObject::destroyed, this, [reload] { *reload = nullptr; });
    const auto finished = [this, guard, reload](bool ok, const QString &message) {
        if (guard)
            guard->cardOperationFinished(ok, message);
        if (*reload)
            (*reload)();
        refreshPlan();
        m_history->refresh(); // the desk's writes are a run of the history
    };
    const auto faceFinished = [this, guard, reload](bool ok, const QString &message) {
        if (guard)
            guard->faceOperationFinished(ok, message);
        if (*reload)
            (*reload)();
        refreshPlan();
        m_history->refresh();
    };
    auto captureTag = std::make_shared<quint64>(0);
    connect(dialog, &CredentialsDialog::captureRequested, this,
            [service, guard, captureTag](const QString &deviceId, int seconds) {
                service->post(
                    [service, guard, captureTag, deviceId, seconds](SyncService::Parts parts) {
                        *captureTag = parts.engine.captureCard(
                            deviceId, seconds,
                            [service, guard](const CapturedCard &card, const QString &error) {
                                QMetaObject::invokeMethod(service, [guard, card, error] {
                                    if (guard)
                                        guard->captureFinished(card.cardNo, error);
                                });
                            });
                    });
            });
    connect(dialog, &CredentialsDialog::captureCancelled, this, [service, captureTag] {
        service->post([captureTag](SyncService::Parts parts) {
            parts.engine.cancelCardCapture(*captureTag);
        });
    });
    const QString by = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    connect(dialog, &CredentialsDialog::addCardRequested, this,
            [service, member, by, finished](const QString &cardNo) {
                service->post([service, member, by, cardNo, finished](SyncService::Parts parts) {
                    parts.engine.addMemberCard(
                        member, cardNo, by,
                        [service, finished](const SyncEngine::CardOutcome &outcome) {
                            QMetaObject::invokeMethod(service, [finished, outcome] {
                                finished(outcome.ok, outcome.message);
                            });
                        });
                });
            });
    connect(dialog, &CredentialsDialog::removeCardRequested, this,
            [service, member, finished](const QString &cardNo) {
                service->post([service, member, cardNo, finished](SyncService::Parts parts) {
                    parts.engine.removeMemberCard(
                        member, cardNo,
                        [service, finished](const SyncEngine::CardOutcome &outcome) {
                            QMetaObject::invokeMethod(service, [finished, outcome] {
                                finished(outcome.ok, outcome.message);
                            });
                        });
                });
            });
    connect(dialog, &CredentialsDialog::readerTransformChanged, this,
            [this](const CardReaderTransform &transform) {
                m_settings.cards.reader = transform;
                if (!m_configPath.isEmpty()) {
                    QSettings ini(m_configPath, QSettings::IniFormat);
                    m_settings.save(ini);
                }
            });
    connect(dialog, &CredentialsDialog::setFaceRequested, this,
            [service, member, faceFinished](const QByteArray &jpeg) {
                // The picture crosses to the worker and is dropped once written.
                service->post([service, member, jpeg, faceFinished](SyncService::Parts parts) {
                    parts.engine.setMemberFace(
                        member, jpeg, [service, faceFinished](const SyncEngine::FaceOutcome &o) {
                            QMetaObject::invokeMethod(
                                service, [faceFinished, o] { faceFinished(o.ok, o.message); });
                        });
                });
            });
    auto photoTag = std::make_shared<quint64>(0);
    connect(dialog, &CredentialsDialog::takePhotoRequested, this,
            [service, guard, member, photoTag, faceFinished](const QString &deviceId, int seconds) {
                service->post([service, guard, member, photoTag, deviceId, seconds,
                               faceFinished](SyncService::Parts parts) {
                    *photoTag = parts.engine.captureMemberFace(
                        member, deviceId, seconds,
                        [service, guard](int percent) {
                            QMetaObject::invokeMethod(service, [guard, percent] {
                                if (guard)
                                    guard->facePhotoProgress(percent);
                            });
                        },
                        [service, faceFinished](const SyncEngine::FaceOutcome &o) {
                            QMetaObject::invokeMethod(
                                service, [faceFinished, o] { faceFinished(o.ok, o.message); });
                        });
                });
            });
    connect(dialog, &CredentialsDialog::takePhotoCancelled, this, [service, photoTag] {
        service->post(
            [photoTag](SyncService::Parts parts) { parts.engine.cancelFaceCapture(*photoTag); });
    });
    connect(dialog, &CredentialsDialog::removeFaceRequested, this, [service, member, faceFinished] {
        service->post([service, member, faceFinished](SyncService::Parts parts) {
            parts.engine.removeMemberFace(
                member, [service, faceFinished](const SyncEngine::FaceOutcome &o) {
                    QMetaObject::invokeMethod(service,
                                              [faceFinished, o] { faceFinished(o.ok, o.message); });
                });
        });
    });
    (*reload)();
    dialog->show();
    emit credentialsDialogOpened(dialog);
}

void MainWindow::openInCardskipper(qint64 organisationMemberId)
{
    // A membership is renewed or ended in Cardskipper, not here. The portal's address for one
    // member is not documented: the number goes to the clipboard for its search, unless the
    // setting names the member's own address with {member}.
    const QString number = QString::number(organisationMemberId);
    QGuiApplication::clipboard()->setText(number);
    const QUrl url = m_settings.cardskipper.adminUrlFor(organisationMemberId);
    if (!QDesktopServices::openUrl(url)) {
        statusBar()->showMessage(
            tr("No browser could open %1. Member number %2 is copied.").arg(url.toString(), number),
            15000);
        return;
    }
    statusBar()->showMessage(
        tr("Cardskipper's admin opens in the browser; member number %1 is copied for its search.")
            .arg(number),
        15000);
}

const PlannedAction *MainWindow::selectedAction() const
{
    return m_pairModel->actionAt(selectedSourceRow());
}

int MainWindow::selectedSourceRow() const
{
    const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_pairFilter->mapToSource(rows.first()).row();
}

void MainWindow::onSelectionChanged()
{
    const int row = selectedSourceRow();
    const PlannedAction *action = m_pairModel->actionAt(row);
    const Suggestion *suggestion = m_pairModel->suggestionAt(row);
    const Person *suggestedPerson = m_pairModel->suggestedPersonAt(row);
    const bool hasPerson = action && action->before && !action->employeeNo.isEmpty();
    const bool linked = hasPerson && m_linkedEmployeeNos.contains(action->employeeNo);
    const bool unlinkedPerson = hasPerson && action->kind == ActionKind::NotManaged;
    const bool busy = m_running;
    if (m_activity)
        m_activity->selectMember(action && action->member ? action->member->organisationMemberId
                                                          : 0);
    m_ui->actionLink->setEnabled(hasPerson && !linked && !busy);
    m_ui->actionUnlink->setEnabled(linked && !busy);
    m_ui->actionAcceptSuggestion->setEnabled(suggestion && !busy);
    m_ui->actionRejectSuggestion->setEnabled(suggestion && !busy);
    m_ui->actionMarkStaff->setEnabled(unlinkedPerson && !busy);
    m_ui->actionMarkStaff->setChecked(unlinkedPerson &&
                                      m_pairModel->index(row, 0).data(PairModel::StatusGroupRole) ==
                                          int(PairModel::Staff));
    m_ui->actionOverride->setEnabled(action && action->member && !busy);
    m_ui->actionSyncMember->setEnabled(action && action->member && !busy);
    m_ui->actionOpenInCardskipper->setEnabled(action && action->member);
    m_ui->actionCredentials->setEnabled(action && action->member);
    if (!action) {
        m_ui->detailsLabel->setText(tr("Select a row to see why, and what the last write did."));
        return;
    }

    // People's words, each fact once: who, what Cardskipper says, what the door has, and why.
    const Member *member = nullptr;
    if (action->member) {
        for (const Member &each : m_pairModel->members()) {
            if (each.key == *action->member)
                member = &each;
        }
    }
    QStringList lines;
    QString title = QStringLiteral("<b>%1</b>")
                        .arg((action->memberName.isEmpty() && action->before ? action->before->name
                                                                             : action->memberName)
                                 .toHtmlEscaped());
    if (action->member)
        title += tr(" · member no. %1").arg(action->member->organisationMemberId);
    if (member && !member->email.isEmpty())
        title += QStringLiteral(" · ") + member->email.toHtmlEscaped();
    lines.append(title);
    if (member) {
        const auto period =
            effectivePeriod(member->rolesIn(member->key.organisationId), m_clock.today());
        if (member->inactive)
            lines.append(tr("Cardskipper: marked inactive."));
        else if (!period)
            lines.append(tr("Cardskipper: no membership."));
        else if (period->end < m_clock.today())
            lines.append(
                tr("Cardskipper: membership ended %1.").arg(period->end.toString(Qt::ISODate)));
        else if (period->start > m_clock.today())
            lines.append(
                tr("Cardskipper: membership from %1 until %2.")
                    .arg(period->start.toString(Qt::ISODate), period->end.toString(Qt::ISODate)));
        else
            lines.append(
                tr("Cardskipper: member until %1.").arg(period->end.toString(Qt::ISODate)));
    }
    if (const MemberOverride *memberOverride = m_pairModel->overrideAt(row))
        lines.append(PairModel::overrideToolTip(*memberOverride)
                         .toHtmlEscaped()
                         .replace(QLatin1Char('\n'), QStringLiteral(" · ")));
    const Person *onDoor = action->before ? &*action->before : suggestedPerson;
    if (onDoor) {
        const QString door = deviceName(currentDeviceId()).toHtmlEscaped();
        lines.append(tr("On the door %1: %2 (person no. %3), access %4.")
                         .arg(door, onDoor->name.toHtmlEscaped(),
                              onDoor->employeeNo.toHtmlEscaped(),
                              validityText(std::optional<Person>(*onDoor))));
    }
    if (suggestion && suggestedPerson)
        lines.append(tr("Probably the same person (%1). <b>Accept</b> links them; <b>Reject</b> "
                        "says they are different people.")
                         .arg(suggestion->reason.toHtmlEscaped()));
    else if (!action->reason.isEmpty() && action->kind != ActionKind::Unchanged &&
             action->kind != ActionKind::Create && action->kind != ActionKind::UpdateValidity &&
             action->kind != ActionKind::Rename)
        // The planner's sentence says why where the lines above cannot (a conflict, an ended
        // access); for the plain cases it would only repeat their dates.
        lines.append(action->reason.toHtmlEscaped());
    if (action->after && action->isWrite())
        lines.append(tr("After the next sync: access %1.").arg(validityText(action->after)));
    for (const QString &warning : action->warnings)
        lines.append(QStringLiteral("⚠ ") + warning.toHtmlEscaped());
    m_details = lines.join(QStringLiteral("<br>"));
    m_ui->detailsLabel->setText(m_details);
    if (action->member)
        showLastWrite(*action->member);
}

void MainWindow::showLastWrite(const MemberKey &member)
{
    m_service.query(
        this,
        [member](SyncService::Parts parts) { return parts.store.operationsForMember(member, 1); },
        [this, member](const QList<OperationRecord> &operations) {
            const PlannedAction *action = selectedAction();
            if (operations.isEmpty() || !action || action->member != member)
                return; // nothing written yet, or the selection moved on
            const OperationRecord &last = operations.first();
            // Set, not appended: the selection may be shown twice before the answers arrive.
            m_ui->detailsLabel->setText(m_details + QStringLiteral("<br>") +
                                        tr("Last write: %1 on %2, %3")
                                            .arg(HistoryPanel::actionText(last).toHtmlEscaped(),
                                                 dateTime(last.at),
                                                 HistoryPanel::resultText(last).toHtmlEscaped()));
        });
}

bool MainWindow::selectEmployeeNo(const QString &employeeNo)
{
    for (int row = 0; row < m_pairFilter->rowCount(); ++row) {
        const QModelIndex index = m_pairFilter->index(row, 0);
        if (index.data(PairModel::EmployeeNoRole).toString() == employeeNo) {
            m_ui->pairView->selectRow(row);
            return true;
        }
    }
    return false;
}

bool MainWindow::selectMember(qint64 memberId)
{
    for (int row = 0; row < m_pairFilter->rowCount(); ++row) {
        const QModelIndex index = m_pairFilter->index(row, 0);
        const QVariant id = index.data(PairModel::MemberIdRole);
        if (id.isValid() && id.toLongLong() == memberId) {
            m_ui->pairView->selectRow(row);
            return true;
        }
    }
    return false;
}

void MainWindow::startRun(RunKind kind, bool force)
{
    SyncEngine::RunOptions options;
    options.kind = kind;
    options.force = force;
    startRun(options);
}

void MainWindow::startRun(const SyncEngine::RunOptions &options)
{
    m_userStartedRun = true;
    m_service.query(
        this, [options](SyncService::Parts parts) { return parts.engine.start(options); },
        [this](bool started) {
            if (!started)
                statusBar()->showMessage(tr("A sync is already running."), 5000);
        });
}

void MainWindow::syncMember(qint64 memberId)
{
    SyncEngine::RunOptions options;
    options.kind = RunKind::QuickSync;
    options.onlyMember = MemberKey{m_settings.cardskipper.organisationId, memberId};
    startRun(options);
}

void MainWindow::syncNow()
{
    startRun(RunKind::QuickSync, false);
}

void MainWindow::preview()
{
    startRun(RunKind::Preview, false);
}

void MainWindow::fullReconcile()
{
    startRun(RunKind::FullReconcile, false);
}

void MainWindow::setPaused(bool paused)
{
    if (m_ui->actionPause->isChecked() != paused) {
        // The action's toggled() comes back here and does the rest, once.
        m_ui->actionPause->setChecked(paused);
        return;
    }
    m_paused = paused;
    m_service.post([paused](SyncService::Parts parts) { parts.scheduler.setPaused(paused); });
    m_ui->actionPause->setText(paused ? tr("Resume &automatic sync") : tr("P&ause automatic sync"));
    m_ui->actionPause->setIconText(paused ? tr("Resume") : tr("Pause"));
    m_ui->actionPause->setIcon(paused ? themedIcon("media-playback-start", "resume")
                                      : themedIcon("media-playback-pause", "pause"));
    setTrayState(paused                                ? QStringLiteral("paused")
                 : m_anyDoorProblem || m_lastRunFailed ? QStringLiteral("error")
                                                       : QStringLiteral("idle"));
    onLogMessage(QStringLiteral("info"), {}, {},
                 paused ? tr("Automatic sync paused.") : tr("Automatic sync resumed."));
    updateStatusBar();
}

void MainWindow::onRunStarted(qint64, RunKind kind)
{
    m_running = true;
    m_runningKind = kind;
    m_doorProgress.clear();
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    // A failing door stays red while the next run tries it: syncing must not hide it.
    if (!m_anyDoorProblem)
        setTrayState(QStringLiteral("syncing"));
    m_ui->retryDoorButton->setEnabled(false);
    onSelectionChanged();
}

void MainWindow::onRunFinished(const RunReport &report)
{
    m_running = false;
    m_doorProgress.clear();
    m_progress->setVisible(false);
    m_ui->retryDoorButton->setEnabled(true);
    const bool userStarted = m_userStartedRun;
    m_userStartedRun = false;
    if (report.run.kind != RunKind::Preview)
        m_lastRun = report.run;
    if (report.run.kind == RunKind::Preview) {
        m_previewPlan.reset();
        for (const DeviceOutcome &device : report.devices) {
            if (device.deviceId == currentDeviceId())
                m_previewPlan = device.plan;
        }
    } else {
        m_previewPlan.reset();
    }
    m_history->refresh();
    reloadPlan([this, report] { emit runShown(report); });
    const bool failed =
        report.run.status == RunStatus::Failed || report.run.status == RunStatus::PartlyFailed;
    const bool held = report.exitCode() == 4;
    m_lastRunFailed = failed || held;
    setTrayState(m_paused                              ? QStringLiteral("paused")
                 : m_lastRunFailed || m_anyDoorProblem ? QStringLiteral("error")
                                                       : QStringLiteral("idle"));
    updateStatusBar();
    if (m_tray && (failed || held) && !isVisible())
        m_tray->showMessage(held ? tr("Sync held back") : tr("Sync failed"),
                            report.run.error.isEmpty() ? report.guardReasons.join(QLatin1Char(' '))
                                                       : report.run.error,
                            QSystemTrayIcon::Warning);
    if (held && userStarted) {
        QStringList lines = report.guardReasons;
        for (const DeviceOutcome &device : report.devices) {
            if (device.status == DeviceOutcome::Status::Held)
                lines.append(tr("%1: %2 revoke(s) and %3 delete(s) of %4 managed persons. %5")
                                 .arg(device.deviceName)
                                 .arg(device.plan.count(ActionKind::Revoke))
                                 .arg(device.plan.count(ActionKind::Delete))
                                 .arg(device.plan.guard.managedPersons)
                                 .arg(device.plan.guard.reasons.join(QLatin1Char(' '))));
        }
        if (confirm(tr("The guard held this sync back because it looks like an accident:\n\n%1"
                       "\n\nApply it anyway?")
                        .arg(lines.join(QLatin1Char('\n')))))
            QTimer::singleShot(0, this, [this, kind = report.run.kind] { startRun(kind, true); });
    }
}

void MainWindow::onLogMessage(const QString &level, const QString &deviceId, const QString &member,
                              const QString &text)
{
    m_logModel->append(m_clock.now(), level, deviceId.isEmpty() ? QString() : deviceName(deviceId),
                       member, text);
    // The first lines decide the columns' widths; later ones rarely need more.
    if (m_logModel->rowCount() <= 50)
        LogModel::fitColumns(m_ui->logView);
    m_ui->logView->scrollToBottom();
}

void MainWindow::onRunsShown(const QList<RunRecord> &runs)
{
    m_lastRun = RunRecord{};
    m_lastChange = RunRecord{};
    for (const RunRecord &run : runs) {
        if (run.kind == RunKind::Preview)
            continue;
        if (m_lastRun.id == 0)
            m_lastRun = run;
        // A follow-up check with nothing to do must not hide what the last real change did.
        if (!HistoryPanel::isQuiet(run)) {
            m_lastChange = run;
            break;
        }
    }
    updateStatusBar();
    emit historyShown();
}

void MainWindow::updateStatusBar()
{
    if (m_lastChange.id > 0) {
        QStringList counts;
        if (m_lastChange.created > 0)
            counts.append(tr("%n created", nullptr, m_lastChange.created));
        if (m_lastChange.updated > 0)
            counts.append(tr("%n updated", nullptr, m_lastChange.updated));
        if (m_lastChange.revoked + m_lastChange.deleted > 0)
            counts.append(tr("%n ended", nullptr, m_lastChange.revoked + m_lastChange.deleted));
        if (m_lastChange.failed > 0)
            counts.append(tr("%n failed", nullptr, m_lastChange.failed));
        if (counts.isEmpty())
            counts.append(HistoryPanel::runStatusText(m_lastChange.status).toLower());
        m_lastChangeLabel->setText(
            tr("Last change %1 (%2): %3")
                .arg(PairModel::shortTime(m_lastChange.startedAt, m_clock.today()),
                     HistoryPanel::runKindText(m_lastChange.kind).toLower(),
                     counts.join(QStringLiteral(", "))));
        m_lastChangeLabel->setToolTip(m_lastChange.error);
    } else {
        m_lastChangeLabel->setText(tr("No change written yet."));
    }
    if (m_lastRun.id > 0 && m_lastRun.id != m_lastChange.id) {
        m_lastSyncLabel->setText(
            tr("· last check %1: %2")
                .arg(PairModel::shortTime(m_lastRun.startedAt, m_clock.today()),
                     HistoryPanel::isQuiet(m_lastRun)
                         ? tr("nothing to change")
                         : HistoryPanel::runStatusText(m_lastRun.status).toLower()));
    } else {
        m_lastSyncLabel->clear();
    }
    const QDateTime next = m_nextRunAt;
    if (m_running) {
        // In the order of the door bar, whichever door reported last.
        QStringList doors;
        for (const DeviceSettings &device : std::as_const(m_settings.devices)) {
            const auto progress = m_doorProgress.constFind(device.id);
            if (progress != m_doorProgress.cend() && progress->second > 0)
                doors.append(QStringLiteral("%1 %2/%3")
                                 .arg(device.name)
                                 .arg(progress->first)
                                 .arg(progress->second));
        }
        m_nextSyncLabel->setText(doors.isEmpty()
                                     ? tr("Syncing…")
                                     : tr("Syncing: %1").arg(doors.join(QStringLiteral(" · "))));
    } else if (m_paused) {
        m_nextSyncLabel->setText(tr("Automatic sync paused"));
    } else if (next.isValid()) {
        const qint64 seconds = std::max<qint64>(0, m_clock.now().secsTo(next));
        m_nextSyncLabel->setText(
            tr("Next sync in %1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
    } else {
        m_nextSyncLabel->clear();
    }
    if (m_tray)
        m_tray->setToolTip(trayToolTip());
}

void MainWindow::showDoorProgress()
{
    int allDone = 0;
    int allTotal = 0;
    for (const auto &each : std::as_const(m_doorProgress)) {
        allDone += each.first;
        allTotal += each.second;
    }
    if (allTotal > 0) {
        m_progress->setRange(0, allTotal);
        m_progress->setValue(allDone);
    } else {
        m_progress->setRange(0, 0); // busy, nothing to count yet
    }
    updateStatusBar();
}

QString MainWindow::trayToolTip() const
{
    QStringList lines{QApplication::applicationDisplayName()};
    lines.append(m_doorTrayLines);
    lines.append(m_lastChangeLabel->text());
    if (!m_nextSyncLabel->text().isEmpty())
        lines.append(m_nextSyncLabel->text());
    return lines.join(QLatin1Char('\n'));
}

void MainWindow::setTrayState(const QString &state)
{
    m_trayState = state;
    if (m_tray)
        m_tray->setIcon(bundledIcon(QStringLiteral("tray-") + state));
}

void MainWindow::setUpTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        QTimer::singleShot(0, this, [this] {
            onLogMessage(QStringLiteral("info"), {}, {},
                         tr("No system tray here: keep this window open (it may be minimised) "
                            "to keep syncing."));
        });
        return;
    }
    m_tray = new QSystemTrayIcon(this);
    auto *menu = new QMenu(this);
    menu->addAction(tr("Open"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addAction(m_ui->actionSyncNow);
    menu->addAction(m_ui->actionPause);
    menu->addAction(m_ui->actionFullReconcile);
    menu->addSeparator();
    menu->addAction(m_ui->actionQuit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger) {
            showNormal();
            raise();
            activateWindow();
        }
    });
    setTrayState(m_trayState);
    m_tray->show();
}

void MainWindow::setEventPolling(bool windowShown)
{
    const int seconds = windowShown ? 10 : 60;
    m_service.post(
        [seconds](SyncService::Parts parts) { parts.scheduler.setEventPollSeconds(seconds); });
}

void MainWindow::showEvent(QShowEvent *event)
{
    setEventPolling(true);
    QMainWindow::showEvent(event);
}

void MainWindow::hideEvent(QHideEvent *event)
{
    setEventPolling(false);
    QMainWindow::hideEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (m_tray && m_tray->isVisible() && !m_quitting) {
        hide();
        // Said once: after that the desk knows where the window went.
        QSettings state;
        if (!state.value(QStringLiteral("tray/close_explained")).toBool()) {
            m_tray->showMessage(tr("Still syncing"),
                                tr("Cardskipper IVMS Sync keeps the doors in step from the tray. "
                                   "Quit it from the tray menu or with Ctrl+Q."),
                                QSystemTrayIcon::Information, 6000);
            state.setValue(QStringLiteral("tray/close_explained"), true);
        }
        event->ignore();
        return;
    }
    // Without a tray nothing would keep syncing unseen: closing the window quits.
    QMainWindow::closeEvent(event);
    QTimer::singleShot(0, qApp, &QApplication::quit);
}

void MainWindow::setUpDemoMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Demo"));
    const auto report = [this](const QString &text) {
        onLogMessage(QStringLiteral("info"), {}, {}, text);
        statusBar()->showMessage(text, 8000);
    };
    menu->addAction(tr("Selected member renews in Cardskipper"), this, [=] {
        if (const auto id = selectedMemberId())
            report(m_demo->extendMembership(*id));
        else
            report(tr("Select a member first."));
    });
    menu->addAction(tr("Selected member cancels in Cardskipper"), this, [=] {
        if (const auto id = selectedMemberId())
            report(m_demo->cancelMembership(*id));
        else
            report(tr("Select a member first."));
    });
    menu->addAction(tr("A new member joins in Cardskipper"), this,
                    [=] { report(m_demo->addMember()); });
    menu->addAction(tr("Someone edits the selected person on the door"), this, [=] {
        const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
        const QString employeeNo =
            rows.isEmpty() ? QString() : rows.first().data(PairModel::EmployeeNoRole).toString();
        report(employeeNo.isEmpty() ? tr("Select a row with a person on the door first.")
                                    : m_demo->editPersonOnDevice(employeeNo));
    });
    QMenu *door = menu->addMenu(tr("Someone comes to the front door"));
    const auto selectedPerson = [this]() {
        const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
        return rows.isEmpty() ? QString() : rows.first().data(PairModel::EmployeeNoRole).toString();
    };
    for (const bool withCard : {false, true}) {
        door->addAction(withCard ? tr("The selected person holds up their card")
                                 : tr("The selected person shows their face"),
                        this, [=] {
                            const QString employeeNo = selectedPerson();
                            report(employeeNo.isEmpty()
                                       ? tr("Select a row with a person on the door first.")
                                       : m_demo->personComesToTheDoor(employeeNo, withCard));
                        });
    }
    door->addAction(tr("A stranger shows their face"), this,
                    [=] { report(m_demo->strangerComesToTheDoor()); });
    door->addAction(tr("Someone holds up an unknown card"), this,
                    [=] { report(m_demo->unknownCardAtTheDoor()); });
    menu->addSeparator();
    // The demo has two doors; these act on the front door, and say so.
    const QString frontDoor = deviceName(DemoEnvironment::deviceId());
    menu->addAction(tr("%1 fails for a while").arg(frontDoor), this,
                    [=] { report(m_demo->makeDeviceFail()); });
    menu->addAction(tr("Someone changes the password of %1").arg(frontDoor), this,
                    [=] { report(m_demo->changeDevicePassword()); });
    menu->addAction(tr("Put the password of %1 back and try again").arg(frontDoor), this, [=] {
        report(m_demo->restoreDevicePassword());
        m_service.post([](SyncService::Parts parts) {
            parts.engine.retryDevice(DemoEnvironment::deviceId());
        });
        // Queued behind the retry on the worker, so it meets the new client; a full reconcile
        // reads the door, so the try reaches it even when there is nothing to write.
        startRun(RunKind::FullReconcile, false);
    });
}

void MainWindow::addLink(const QString &employeeNo, const MemberKey &member, LinkOrigin origin)
{
    Link link;
    link.deviceId = currentDeviceId();
    link.employeeNo = employeeNo;
    link.member = member;
    link.origin = origin;
    link.createdAt = m_clock.now();
    link.createdBy = qEnvironmentVariable("USER", tr("administrator"));
    m_service.post([link](SyncService::Parts parts) { parts.store.addLink(link); });
    onLogMessage(QStringLiteral("info"), link.deviceId,
                 QString::number(member.organisationMemberId),
                 tr("Person %1 linked to member %2; the next sync sets their validity.")
                     .arg(employeeNo)
                     .arg(member.organisationMemberId));
    m_pairFilter->keepShown(QStringLiteral("m:") + QString::number(member.organisationMemberId));
    m_pairFilter->keepShown(QStringLiteral("p:") + employeeNo);
    m_previewPlan.reset();
    reloadPlan([this, member] {
        selectRowKey(QStringLiteral("m:") + QString::number(member.organisationMemberId));
    });
}

void MainWindow::setOverride(MemberOverride memberOverride)
{
    memberOverride.changedAt = m_clock.now();
    memberOverride.changedBy = qEnvironmentVariable("USER", tr("administrator"));
    m_service.post(
        [memberOverride](SyncService::Parts parts) { parts.store.setOverride(memberOverride); });
    const qint64 id = memberOverride.member.organisationMemberId;
    QString text;
    if (memberOverride.blocked)
        text = tr("Member %1 blocked; the next sync ends their access on every door.").arg(id);
    else if (memberOverride.allowUntil.isValid())
        text = tr("Member %1 allowed until %2; the next sync writes it to every door.")
                   .arg(id)
                   .arg(memberOverride.allowUntil.toString(Qt::ISODate));
    else
        text = tr("Override of member %1 removed; Cardskipper decides again.").arg(id);
    if (!memberOverride.note.trimmed().isEmpty())
        text += QLatin1Char(' ') + tr("Note: %1").arg(memberOverride.note.trimmed());
    onLogMessage(QStringLiteral("info"), {}, QString::number(id), text);
    m_pairFilter->keepShown(QStringLiteral("m:") + QString::number(id));
    m_previewPlan.reset();
    reloadPlan([this, id] { selectMember(id); });
}

void MainWindow::linkSelected()
{
    const PlannedAction *action = selectedAction();
    if (!action || !action->before)
        return;
    const Person person = *action->before;
    const QString deviceId = currentDeviceId();
    LinkDialog dialog(
        person, m_pairModel->members(), m_clock.today(),
        [this, deviceId, person](const Member &member, LinkDialog::EffectCallback show) {
            Link link;
            link.deviceId = deviceId;
            link.employeeNo = person.employeeNo;
            link.member = member.key;
            link.origin = LinkOrigin::Manual;
            m_service.query(
                this, [link](SyncService::Parts parts) { return parts.engine.planWithLink(link); },
                [employeeNo = person.employeeNo, show = std::move(show)](const Plan &plan) {
                    show(linkEffect(plan, employeeNo));
                });
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto member = dialog.selectedMember())
        addLink(person.employeeNo, *member, LinkOrigin::Manual);
}

QString MainWindow::linkEffect(const Plan &plan, const QString &employeeNo)
{
    for (const PlannedAction &planned : plan.actions) {
        if (planned.employeeNo != employeeNo || !planned.member)
            continue;
        switch (planned.kind) {
        case ActionKind::Unchanged:
            return tr("The door already has the right validity; nothing changes there.");
        case ActionKind::Conflict:
            return tr("Cannot link: %1").arg(planned.reason);
        default:
            return tr("The next sync changes the door: %1 → %2")
                .arg(validityText(planned.before), validityText(planned.after));
        }
    }
    return tr("The next sync leaves this person as it is.");
}

bool MainWindow::linkShortens(const Plan &plan, const QString &employeeNo)
{
    for (const PlannedAction &planned : plan.actions) {
        if (planned.employeeNo != employeeNo || !planned.member)
            continue;
        if (planned.kind == ActionKind::Revoke || planned.kind == ActionKind::Delete)
            return true;
        if (planned.kind == ActionKind::UpdateValidity && planned.before && planned.after) {
            const PersonValidity &before = planned.before->validity;
            const PersonValidity &after = planned.after->validity;
            return !before.enabled ? after.enabled : after.end < before.end;
        }
    }
    return false;
}

void MainWindow::acceptSuggestion()
{
    const int row = selectedSourceRow();
    const Suggestion *found = m_pairModel->suggestionAt(row);
    const Person *person = m_pairModel->suggestedPersonAt(row);
    const PlannedAction *action = m_pairModel->actionAt(row);
    if (!found || !person || !action)
        return;
    const Suggestion suggestion = *found;
    const QString personName = person->name;
    const QString memberName = action->memberName;
    Link link;
    link.deviceId = currentDeviceId();
    link.employeeNo = suggestion.employeeNo;
    link.member = suggestion.member;
    link.origin = LinkOrigin::Suggested;
    // The desk sees what the door will get before it says yes, as in the link dialog, and is
    // asked twice as clearly when the answer shortens someone's access.
    m_service.query(
        this, [link](SyncService::Parts parts) { return parts.engine.planWithLink(link); },
        [this, suggestion, personName, memberName](const Plan &plan) {
            const bool shortens = linkShortens(plan, suggestion.employeeNo);
            QString question =
                tr("Link %1 (member no. %2) to %3 (person no. %4) on the door %5?")
                    .arg(memberName)
                    .arg(suggestion.member.organisationMemberId)
                    .arg(personName, suggestion.employeeNo, deviceName(currentDeviceId())) +
                QStringLiteral("\n\n") + linkEffect(plan, suggestion.employeeNo);
            if (shortens)
                question += QStringLiteral("\n\n") +
                            tr("This shortens or ends the person's access on the door: they may "
                               "no longer get in after the next sync.");
            if (!confirm(question))
                return;
            addLink(suggestion.employeeNo, suggestion.member, LinkOrigin::Suggested);
        });
}

void MainWindow::rejectSuggestion()
{
    const int row = selectedSourceRow();
    const Suggestion *found = m_pairModel->suggestionAt(row);
    if (!found)
        return;
    RejectedSuggestion rejected;
    rejected.deviceId = currentDeviceId();
    rejected.employeeNo = found->employeeNo;
    rejected.member = found->member;
    m_service.post(
        [rejected](SyncService::Parts parts) { parts.store.addRejectedSuggestion(rejected); });
    onLogMessage(QStringLiteral("info"), rejected.deviceId,
                 QString::number(rejected.member.organisationMemberId),
                 tr("Suggestion rejected: member %1 and person %2 on the door are different "
                    "people; it is not suggested again.")
                     .arg(rejected.member.organisationMemberId)
                     .arg(rejected.employeeNo));
    m_pairFilter->keepShown(selectedRowKey());
    m_previewPlan.reset();
    refreshPlan();
}

void MainWindow::setSelectedIsStaff(bool staff)
{
    const PlannedAction *action = selectedAction();
    if (!action || action->kind != ActionKind::NotManaged || action->employeeNo.isEmpty())
        return;
    const QString employeeNo = action->employeeNo;
    const QString deviceId = currentDeviceId();
    m_service.post([deviceId, employeeNo, staff](SyncService::Parts parts) {
        QStringList list =
            parts.store.meta(staffKey(deviceId)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        list.removeAll(employeeNo);
        if (staff)
            list.append(employeeNo);
        parts.store.setMeta(staffKey(deviceId), list.join(QLatin1Char('\n')));
    });
    onLogMessage(QStringLiteral("info"), deviceId, {},
                 staff
                     ? tr("Person %1 marked as staff: listed apart, never touched.").arg(employeeNo)
                     : tr("Person %1 is no longer marked as staff.").arg(employeeNo));
    m_pairFilter->keepShown(selectedRowKey());
    refreshPlan();
}

void MainWindow::unlinkSelected()
{
    const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString employeeNo = rows.first().data(PairModel::EmployeeNoRole).toString();
    if (employeeNo.isEmpty())
        return;
    m_service.post([deviceId = currentDeviceId(), employeeNo](SyncService::Parts parts) {
        parts.store.removeLink(deviceId, employeeNo);
    });
    onLogMessage(QStringLiteral("info"), currentDeviceId(), {},
                 tr("Person %1 unlinked; the sync leaves it alone from now on.").arg(employeeNo));
    m_pairFilter->keepShown(QStringLiteral("p:") + employeeNo);
    m_previewPlan.reset();
    refreshPlan();
}

void MainWindow::copyLog()
{
    QModelIndexList rows;
    for (const QModelIndex &index : m_ui->logView->selectionModel()->selectedRows())
        rows.append(m_logFilter->mapToSource(index));
    if (rows.isEmpty()) {
        for (int row = 0; row < m_logFilter->rowCount(); ++row)
            rows.append(m_logFilter->mapToSource(m_logFilter->index(row, 0)));
    }
    QApplication::clipboard()->setText(m_logModel->toText(rows));
}

void MainWindow::exportLog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the log"), QStringLiteral("cardskipper-ivms-sync-log.txt"),
        tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    QModelIndexList rows;
    for (int row = 0; row < m_logFilter->rowCount(); ++row)
        rows.append(m_logFilter->mapToSource(m_logFilter->index(row, 0)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_logModel->toText(rows).toUtf8()) < 0 ||
        !file.commit())
        QMessageBox::warning(this, tr("Export the log"),
                             tr("Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace cis::gui
