// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "MainWindow.h"

#include "Autostart.h"
#include "Clock.h"
#include "DemoEnvironment.h"
#include "LinkDialog.h"
#include "LogModel.h"
#include "OverrideDialog.h"
#include "PairFilterModel.h"
#include "PairModel.h"
#include "Scheduler.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "Store.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>

// The icons are compiled into this static library; its resource initialiser must be called
// explicitly or the linker drops it (Q_INIT_RESOURCE cannot be used inside a namespace).
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace cis::gui {

namespace {

QString dateTime(const QDateTime &time)
{
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString validityText(const std::optional<Person> &person)
{
    if (!person)
        return QString();
    return QStringLiteral("%1 – %2").arg(
        person->validity.begin.toString(QStringLiteral("yyyy-MM-dd")),
        person->validity.end.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
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
    , m_runModel(new QStandardItemModel(this))
    , m_operationModel(new QStandardItemModel(this))
    , m_lastSyncLabel(new QLabel(this))
    , m_nextSyncLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    initResources();
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    if (demo)
        setWindowTitle(tr("Cardskipper IVMS Sync – demo with simulated systems"));

    m_pairFilter->setSourceModel(m_pairModel);
    m_ui->pairView->setModel(m_pairFilter);
    m_ui->pairView->horizontalHeader()->setStretchLastSection(true);
    m_ui->pairView->verticalHeader()->hide();
    m_ui->pairView->sortByColumn(PairModel::MemberNumber, Qt::AscendingOrder);
    const int rowHeight = fontMetrics().height() + 8;
    for (QTableView *view : {m_ui->pairView, m_ui->logView, m_ui->runView, m_ui->operationView}) {
        view->setWordWrap(false);
        view->verticalHeader()->setDefaultSectionSize(rowHeight);
    }
    if (auto *filters = qobject_cast<QBoxLayout *>(m_ui->filterBar->layout()))
        filters->addStretch(1);
    resizeDocks({m_ui->logDock}, {240}, Qt::Vertical);
    m_ui->pairView->addActions(
        {m_ui->actionLink, m_ui->actionAcceptSuggestion, m_ui->actionUnlink});

    m_logFilter->setSourceModel(m_logModel);
    m_ui->logView->setModel(m_logFilter);
    m_ui->logView->horizontalHeader()->setStretchLastSection(true);
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

    m_ui->runView->setModel(m_runModel);
    m_ui->runView->verticalHeader()->hide();
    m_ui->operationView->setModel(m_operationModel);
    m_ui->operationView->verticalHeader()->hide();
    m_ui->operationView->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->runView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showOperations(m_runModel->item(current.row(), 0)->data().toLongLong());
            });

    reloadDevices();
    m_ui->actionSettings->setVisible(false);
    connect(m_ui->actionSettings, &QAction::triggered, this, [this] {
        if (!m_secrets)
            return;
        SettingsDialog dialog(m_settings, *m_secrets, this);
        if (dialog.exec() == QDialog::Accepted)
            applySettings(dialog.settings());
    });
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
    connect(m_ui->actionUnlink, &QAction::triggered, this, &MainWindow::unlinkSelected);
    connect(m_ui->actionSyncMember, &QAction::triggered, this, [this] {
        const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
        const QVariant id =
            rows.isEmpty() ? QVariant() : rows.first().data(PairModel::MemberIdRole);
        if (id.isValid())
            syncMember(id.toLongLong());
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
            [this, name](const MemberOverride &current) {
                OverrideDialog dialog(name, current, m_clock.today(), this);
                if (dialog.exec() == QDialog::Accepted)
                    setOverride(dialog.result());
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
    connect(engine, &SyncEngine::progress, this, [this](const QString &, int done, int total) {
        m_progress->setMaximum(std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(m_service.scheduler(), &Scheduler::nextRunChanged, this, [this](const QDateTime &at) {
        m_nextRunAt = at;
        updateStatusBar();
    });

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

    setUpTray();
    if (m_demo)
        setUpDemoMenu();
    refreshPlan();
    refreshHistory();
    updateStatusBar();
    onSelectionChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::reloadDevices()
{
    const QString current = currentDeviceId();
    const QSignalBlocker blocker(m_ui->deviceCombo);
    m_ui->deviceCombo->clear();
    for (const DeviceSettings &device : m_settings.devices)
        m_ui->deviceCombo->addItem(device.name, device.id);
    const int index = m_ui->deviceCombo->findData(current);
    if (index >= 0)
        m_ui->deviceCombo->setCurrentIndex(index);
    m_ui->deviceCombo->setVisible(m_ui->deviceCombo->count() > 1);
    m_ui->deviceLabel->setText(m_ui->deviceCombo->count() > 1
                                   ? tr("Door:")
                                   : tr("Door: %1").arg(m_ui->deviceCombo->currentText()));
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
    struct Snapshot
    {
        QList<Member> members;
        Plan plan;
        QSet<QString> linked;
    };
    const QString deviceId = currentDeviceId();
    const qint64 organisationId = m_settings.cardskipper.organisationId;
    const std::optional<Plan> previewPlan = m_previewPlan;
    m_service.query(
        this,
        [deviceId, organisationId, previewPlan](SyncService::Parts parts) {
            Snapshot snapshot;
            snapshot.members = parts.store.members(organisationId);
            snapshot.plan = previewPlan ? *previewPlan
                                        : parts.engine.planFromSnapshot(deviceId, snapshot.members);
            for (const Link &link : parts.store.links(deviceId))
                snapshot.linked.insert(link.employeeNo);
            return snapshot;
        },
        [this, then = std::move(then)](const Snapshot &snapshot) {
            // Answers come in the order asked, so the last one shown is the latest.
            showPlan(snapshot.plan, snapshot.members, snapshot.linked);
            if (then)
                then();
        });
}

void MainWindow::showPlan(const Plan &plan, const QList<Member> &members,
                          const QSet<QString> &linked)
{
    m_linkedEmployeeNos = linked;
    m_pairModel->setPlan(plan, members);
    m_ui->pairView->resizeColumnsToContents();
    rebuildFilterButtons();
    if (members.isEmpty()) {
        m_ui->bannerLabel->setText(
            tr("No member list yet. <b>Preview changes</b> fetches the members from Cardskipper "
               "and shows what the first sync would do to the door, without writing anything."));
        m_ui->bannerLabel->setVisible(true);
    } else if (m_previewPlan) {
        m_ui->bannerLabel->setText(tr("This is a preview with the latest member list: nothing "
                                      "has been written. <b>Sync now</b> applies it."));
        m_ui->bannerLabel->setVisible(true);
    } else if (plan.guard.held) {
        m_ui->bannerLabel->setText(tr("The guard would hold the next sync back: %1")
                                       .arg(plan.guard.reasons.join(QLatin1Char(' '))));
        m_ui->bannerLabel->setVisible(true);
    } else {
        m_ui->bannerLabel->setVisible(false);
    }
    onSelectionChanged();
    emit planShown();
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
    for (int group = 0; group <= int(PairModel::NotManaged); ++group) {
        const auto statusGroup = static_cast<PairModel::StatusGroup>(group);
        const int count = m_pairModel->countOf(statusGroup);
        if (count == 0 && !checked.contains(group))
            continue;
        auto *button = new QToolButton(m_ui->filterBar);
        button->setText(
            QStringLiteral("%1 (%2)").arg(PairModel::groupName(statusGroup)).arg(count));
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
        if (auto *box = qobject_cast<QBoxLayout *>(layout))
            box->insertWidget(box->count() - 1, button); // before the stretch
        m_filterButtons.append(button);
        if (button->isChecked())
            active.insert(group);
    }
    m_pairFilter->setStatusGroups(active);
}

const PlannedAction *MainWindow::selectedAction() const
{
    const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr
                          : m_pairModel->actionAt(m_pairFilter->mapToSource(rows.first()).row());
}

void MainWindow::onSelectionChanged()
{
    const PlannedAction *action = selectedAction();
    const bool hasPerson = action && action->before && !action->employeeNo.isEmpty();
    const bool linked = hasPerson && m_linkedEmployeeNos.contains(action->employeeNo);
    bool suggested = false;
    if (action) {
        for (const Suggestion &suggestion : m_pairModel->plan().suggestions) {
            suggested = suggested || (hasPerson && suggestion.employeeNo == action->employeeNo) ||
                        (action->member && suggestion.member == *action->member);
        }
    }
    const bool busy = m_running;
    m_ui->actionLink->setEnabled(hasPerson && !linked && !busy);
    m_ui->actionUnlink->setEnabled(linked && !busy);
    m_ui->actionAcceptSuggestion->setEnabled(suggested && !busy);
    m_ui->actionOverride->setEnabled(action && action->member && !busy);
    m_ui->actionSyncMember->setEnabled(action && action->member && !busy);
    if (!action) {
        m_ui->detailsLabel->setText(tr("Select a row to see why, and what the last write did."));
        return;
    }
    QString details =
        QStringLiteral("<b>%1</b>")
            .arg((action->memberName.isEmpty() && action->before ? action->before->name
                                                                 : action->memberName)
                     .toHtmlEscaped());
    if (action->member)
        details += tr(" – member %1").arg(action->member->organisationMemberId);
    if (!action->employeeNo.isEmpty())
        details += tr(" – employee no. %1").arg(action->employeeNo.toHtmlEscaped());
    if (!action->reason.isEmpty())
        details += QStringLiteral("<br>") + action->reason.toHtmlEscaped();
    if (action->after && action->isWrite())
        details += QStringLiteral("<br>") + tr("On the door now: %1; after the sync: %2")
                                                .arg(validityText(action->before).isEmpty()
                                                         ? tr("nobody")
                                                         : validityText(action->before),
                                                     validityText(action->after));
    for (const QString &warning : action->warnings)
        details += QStringLiteral("<br>⚠ ") + warning.toHtmlEscaped();
    if (action->member) {
        // The roles the window comes from, so the administrator can see why.
        for (const Member &member : m_pairModel->members()) {
            if (member.key != *action->member)
                continue;
            QStringList periods;
            for (const RolePeriod &role : member.rolesIn(member.key.organisationId))
                periods.append(
                    tr("role %1: %2 – %3")
                        .arg(role.roleId)
                        .arg(role.start.toString(Qt::ISODate), role.end.toString(Qt::ISODate)));
            details +=
                QStringLiteral("<br>") +
                (periods.isEmpty() ? tr("No roles in the organisation.")
                                   : tr("Cardskipper: %1").arg(periods.join(QStringLiteral("; "))));
            if (!member.email.isEmpty())
                details += tr(" – %1").arg(member.email.toHtmlEscaped());
        }
    }
    m_ui->detailsLabel->setText(details);
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
            m_ui->detailsLabel->setText(
                m_ui->detailsLabel->text() + QStringLiteral("<br>") +
                tr("Last write: %1 on %2, %3%4")
                    .arg(actionKindToString(last.action), dateTime(last.at),
                         operationStatusToString(last.status),
                         last.error.isEmpty() ? QString()
                                              : QStringLiteral(": ") + last.error.toHtmlEscaped()));
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
    if (m_ui->actionPause->isChecked() != paused)
        m_ui->actionPause->setChecked(paused);
    m_paused = paused;
    m_service.post([paused](SyncService::Parts parts) { parts.scheduler.setPaused(paused); });
    setTrayState(paused ? QStringLiteral("paused") : QStringLiteral("idle"));
    onLogMessage(QStringLiteral("info"), {}, {},
                 paused ? tr("Automatic sync paused.") : tr("Automatic sync resumed."));
    updateStatusBar();
}

void MainWindow::onRunStarted(qint64, RunKind kind)
{
    m_running = true;
    m_runningKind = kind;
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    setTrayState(QStringLiteral("syncing"));
    onSelectionChanged();
}

void MainWindow::onRunFinished(const RunReport &report)
{
    m_running = false;
    m_progress->setVisible(false);
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
    refreshHistory();
    reloadPlan([this, report] { emit runShown(report); });
    const bool failed =
        report.run.status == RunStatus::Failed || report.run.status == RunStatus::PartlyFailed;
    const bool held = report.exitCode() == 4;
    setTrayState(m_paused         ? QStringLiteral("paused")
                 : failed || held ? QStringLiteral("error")
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
    m_ui->logView->scrollToBottom();
}

void MainWindow::refreshHistory()
{
    m_service.query(
        this, [](SyncService::Parts parts) { return parts.store.runs(200); },
        [this](const QList<RunRecord> &runs) { showHistory(runs); });
}

void MainWindow::showHistory(const QList<RunRecord> &runs)
{
    m_lastRun = RunRecord{};
    for (const RunRecord &run : runs) {
        if (run.kind != RunKind::Preview) {
            m_lastRun = run;
            break;
        }
    }
    updateStatusBar();
    m_runModel->clear();
    m_runModel->setHorizontalHeaderLabels({tr("Started"), tr("Kind"), tr("Result"), tr("Created"),
                                           tr("Updated"), tr("Revoked"), tr("Failed")});
    for (const RunRecord &run : runs) {
        auto *started = new QStandardItem(dateTime(run.startedAt));
        started->setData(run.id);
        const QString kind = run.kind == RunKind::Preview         ? tr("Preview")
                             : run.kind == RunKind::FullReconcile ? tr("Full reconcile")
                                                                  : tr("Sync");
        const QString status = run.status == RunStatus::Succeeded      ? tr("Done")
                               : run.status == RunStatus::Held         ? tr("Held by the guard")
                               : run.status == RunStatus::PartlyFailed ? tr("Some writes failed")
                               : run.status == RunStatus::Failed       ? tr("Failed")
                                                                       : tr("Running");
        auto *result = new QStandardItem(status);
        result->setToolTip(run.error);
        m_runModel->appendRow({started, new QStandardItem(kind), result,
                               new QStandardItem(QString::number(run.created)),
                               new QStandardItem(QString::number(run.updated)),
                               new QStandardItem(QString::number(run.revoked + run.deleted)),
                               new QStandardItem(QString::number(run.failed))});
    }
    for (int row = 0; row < m_runModel->rowCount(); ++row) {
        for (int column = 0; column < m_runModel->columnCount(); ++column)
            m_runModel->item(row, column)->setEditable(false);
    }
    m_ui->runView->resizeColumnsToContents();
    if (m_runModel->rowCount() > 0)
        m_ui->runView->selectRow(0);
    emit historyShown();
}

void MainWindow::showOperations(qint64 runId)
{
    m_service.query(
        this, [runId](SyncService::Parts parts) { return parts.store.operations(runId); },
        [this](const QList<OperationRecord> &operations) { showOperationRows(operations); });
}

void MainWindow::showOperationRows(const QList<OperationRecord> &operations)
{
    m_operationModel->clear();
    m_operationModel->setHorizontalHeaderLabels({tr("Time"), tr("Door"), tr("Employee no."),
                                                 tr("Action"), tr("Before"), tr("After"),
                                                 tr("Result")});
    for (const OperationRecord &operation : operations) {
        QString result = operationStatusToString(operation.status);
        if (!operation.error.isEmpty())
            result += QStringLiteral(": ") + operation.error;
        QList<QStandardItem *> row{
            new QStandardItem(operation.at.toString(QStringLiteral("HH:mm:ss"))),
            new QStandardItem(deviceName(operation.deviceId)),
            new QStandardItem(operation.employeeNo),
            new QStandardItem(actionKindToString(operation.action)),
            new QStandardItem(validityText(operation.before)),
            new QStandardItem(validityText(operation.after)),
            new QStandardItem(result)};
        for (QStandardItem *item : row)
            item->setEditable(false);
        m_operationModel->appendRow(row);
    }
    m_ui->operationView->resizeColumnsToContents();
}

void MainWindow::updateStatusBar()
{
    if (m_lastRun.id > 0) {
        const QString result = m_lastRun.status == RunStatus::Succeeded ? tr("done")
                               : m_lastRun.status == RunStatus::Held    ? tr("held by the guard")
                               : m_lastRun.status == RunStatus::Running ? tr("running")
                                                                        : tr("failed");
        m_lastSyncLabel->setText(tr("Last sync: %1, %2; %3 created, %4 updated, %5 revoked")
                                     .arg(dateTime(m_lastRun.startedAt), result)
                                     .arg(m_lastRun.created)
                                     .arg(m_lastRun.updated)
                                     .arg(m_lastRun.revoked));
    } else {
        m_lastSyncLabel->setText(tr("No sync yet."));
    }
    const QDateTime next = m_nextRunAt;
    if (m_paused)
        m_nextSyncLabel->setText(tr("Automatic sync paused"));
    else if (m_running)
        m_nextSyncLabel->setText(tr("Syncing…"));
    else if (next.isValid()) {
        const qint64 seconds = std::max<qint64>(0, m_clock.now().secsTo(next));
        m_nextSyncLabel->setText(
            tr("Next sync in %1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
    } else {
        m_nextSyncLabel->clear();
    }
    if (m_tray)
        m_tray->setToolTip(m_lastSyncLabel->text() + QLatin1Char('\n') + m_nextSyncLabel->text());
}

void MainWindow::setTrayState(const QString &state)
{
    m_trayState = state;
    if (m_tray)
        m_tray->setIcon(QIcon(QStringLiteral(":/icons/tray-%1.svg").arg(state)));
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
    menu->addSeparator();
    menu->addAction(tr("Quit"), qApp, &QApplication::quit);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_tray && m_tray->isVisible()) {
        hide();
        m_tray->showMessage(tr("Still syncing"),
                            tr("Cardskipper IVMS Sync keeps the door in step from the tray."),
                            QSystemTrayIcon::Information, 4000);
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::setUpDemoMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Demo"));
    const auto selectedMemberId = [this]() -> std::optional<qint64> {
        const QModelIndexList rows = m_ui->pairView->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return std::nullopt;
        const QVariant id = rows.first().data(PairModel::MemberIdRole);
        return id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
    };
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
    menu->addSeparator();
    menu->addAction(tr("The door fails for a while"), this,
                    [=] { report(m_demo->makeDeviceFail()); });
    menu->addAction(tr("Someone changes the door's password"), this,
                    [=] { report(m_demo->changeDevicePassword()); });
    menu->addAction(tr("Put the door's password back and try again"), this, [=] {
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
    m_previewPlan.reset();
    reloadPlan([this, employeeNo] { selectEmployeeNo(employeeNo); });
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
    onLogMessage(QStringLiteral("info"), {}, QString::number(id), text);
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
        person, m_pairModel->members(),
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

void MainWindow::acceptSuggestion()
{
    const PlannedAction *action = selectedAction();
    if (!action)
        return;
    for (const Suggestion &suggestion : m_pairModel->plan().suggestions) {
        const bool matches = (action->before && suggestion.employeeNo == action->employeeNo) ||
                             (action->member && suggestion.member == *action->member);
        if (matches) {
            addLink(suggestion.employeeNo, suggestion.member, LinkOrigin::Suggested);
            return;
        }
    }
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
