// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "RunReport.h"
#include "SyncEngine.h"
#include "SyncService.h"

#include <QHash>
#include <QMainWindow>
#include <QMap>
#include <QPointer>
#include <QSystemTrayIcon>
#include <memory>
#include <optional>

class QDialog;
class QLabel;
class QProgressBar;
class QToolButton;

namespace Ui {
class MainWindow;
}

namespace cis {
class Clock;
class SecretStore;
} // namespace cis

namespace cis::gui {

class ActivityPanel;
class DemoEnvironment;
class HistoryPanel;
class LogFilterModel;
class LogModel;
class PairFilterModel;
class PairModel;

// The reception desk's window: members beside the door's persons with what the next sync does
// to each pair (from the same Planner as the command line), match fixing, the log and history,
// and the tray that keeps syncing when the window is closed.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The window only talks to the engine and the database through the service's worker
    // thread; settings is the configuration the service was opened with.
    MainWindow(SyncService &service, const AppSettings &settings, const Clock &clock,
               DemoEnvironment *demo = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests: the models behind the views, and the state the tray shows.
    PairModel &pairModel() { return *m_pairModel; }
    PairFilterModel &pairFilter() { return *m_pairFilter; }
    LogModel &logModel() { return *m_logModel; }
    QString trayState() const { return m_trayState; }
    QString trayToolTip() const;
    HistoryPanel &historyPanel() { return *m_history; }
    ActivityPanel &activityPanel() { return *m_activity; }
    // What the window knows about each door (from the engine).
    DoorHealth doorHealth(const QString &deviceId) const { return m_doorHealth.value(deviceId); }
    // The sentence the door bar shows for a door ("online, last contact 14:02").
    QString doorStatusText(const QString &deviceId) const;
    QString currentDeviceId() const;
    bool selectEmployeeNo(const QString &employeeNo);
    bool selectMember(qint64 memberId);
    // A row by PairModel::RowKeyRole ("m:1001", "p:42").
    bool selectRowKey(const QString &key);
    // The door person (of the shown door), or the suggestion row showing it.
    bool selectDoorPerson(const QString &employeeNo);
    QString selectedRowKey() const;
    const AppSettings &settings() const { return m_settings; }
    // Where "Settings…" keeps things: passwords in secrets, the rest in the INI file (none in
    // the demo). Without this the action is hidden.
    void enableSettings(SecretStore &secrets, const QString &configPath);
    // Applies edited settings: saves them, reads the passwords back from the secret store and
    // gives both to the engine.
    void applySettings(const AppSettings &settings);
    // Asks before applying a held plan; tests replace the question.
    std::function<bool(const QString &question)> confirm;

signals:
    // The table shows a freshly computed plan (after a run, a link, an override...).
    void planShown();
    // The History tab shows the runs as recorded.
    void historyShown();
    // A run has finished and the window shows its outcome (history and the new plan).
    void runShown(const cis::RunReport &report);
    // The member's credentials dialog is open (for tests and screenshots).
    void credentialsDialogOpened(QDialog *dialog);

public slots:
    void syncNow();
    // Fetches only this member and writes only their changes.
    void syncMember(qint64 memberId);
    void preview();
    void fullReconcile();
    void setPaused(bool paused);
    void refreshPlan();
    void linkSelected();
    void acceptSuggestion();
    void rejectSuggestion();
    void unlinkSelected();
    void setSelectedIsStaff(bool staff);
    // Opens Settings on the door's password ("Fix password…").
    void fixDoor(const QString &deviceId);
    // Forgets the door's refusal and asks it again now.
    void retryDoor(const QString &deviceId);
    // Stores the administrator's allow-until/block for a member and shows the new plan.
    void setOverride(cis::MemberOverride memberOverride);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // The progress bar and the status bar's per-door progress, from m_doorProgress.
    void showDoorProgress();
    void startRun(RunKind kind, bool force);
    void startRun(const SyncEngine::RunOptions &options);
    void onRunsShown(const QList<RunRecord> &runs);
    static QString linkEffect(const Plan &plan, const QString &employeeNo);
    // Whether linking shortens or ends the person's access on the door.
    static bool linkShortens(const Plan &plan, const QString &employeeNo);
    void onRunStarted(qint64 runId, RunKind kind);
    void onRunFinished(const RunReport &report);
    void onLogMessage(const QString &level, const QString &deviceId, const QString &member,
                      const QString &text);
    void onSelectionChanged();
    const PlannedAction *selectedAction() const;
    int selectedSourceRow() const; // -1: none
    void rebuildFilterButtons();
    void updateStatusBar();
    void onDoorHealth(const DoorHealth &health);
    void updateDoors();
    void setUpActions();
    void showAbout();
    void openUserGuide();
    void restoreWindowState();
    void saveWindowState();
    void setTrayState(const QString &state);
    void setUpTray();
    void setUpDemoMenu();
    void copyLog();
    void exportLog();
    void reloadDevices();
    // Computes the plan on the worker thread and shows it, then calls then().
    void reloadPlan(std::function<void()> then);
    void reloadVisits();
    void openInCardskipper(qint64 organisationMemberId);
    std::optional<qint64> selectedMemberId() const;
    // The member's cards (and face): a dialog that asks the engine through the service.
    void openCredentials(qint64 organisationMemberId);
    QDateTime recentVisitsSince() const;
    struct PlanView
    {
        QList<Member> members;
        Plan plan;
        QSet<QString> linked;
        QHash<MemberKey, MemberOverride> overrides;
        QSet<QString> staff;
        QHash<qint64, MemberVisits> visits;
    };
    void showPlan(const PlanView &view);
    void showLastWrite(const MemberKey &member);
    void addLink(const QString &employeeNo, const MemberKey &member, LinkOrigin origin);
    QString deviceName(const QString &deviceId) const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    SyncService &m_service;
    AppSettings m_settings;
    const Clock &m_clock;
    DemoEnvironment *m_demo;
    PairModel *m_pairModel;
    PairFilterModel *m_pairFilter;
    LogModel *m_logModel;
    LogFilterModel *m_logFilter;
    HistoryPanel *m_history = nullptr;
    ActivityPanel *m_activity = nullptr;
    // How often the doors' events are read: often while the desk looks, less in the tray.
    void setEventPolling(bool windowShown);
    QList<QToolButton *> m_filterButtons;
    QList<QToolButton *> m_doorButtons;
    QHash<QString, DoorHealth> m_doorHealth;
    QMap<QString, QPair<int, int>> m_doorProgress; // done, total while a run goes on
    QString m_problemDoorId;                       // the door the problem banner is about
    QLabel *m_lastChangeLabel;
    QLabel *m_lastSyncLabel;
    QLabel *m_nextSyncLabel;
    QProgressBar *m_progress;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_trayState = QStringLiteral("idle");
    RunKind m_runningKind = RunKind::QuickSync;
    bool m_userStartedRun = false;
    bool m_running = false;
    bool m_paused = false;
    QDateTime m_nextRunAt;
    QSet<QString> m_linkedEmployeeNos; // on the current door
    std::optional<Plan> m_previewPlan;
    RunRecord m_lastRun;    // the latest run, whatever it did
    RunRecord m_lastChange; // the latest run that changed something or failed
    SecretStore *m_secrets = nullptr;
    QString m_configPath;
    bool m_columnsRestored = false;
    bool m_quitting = false; // Quit was chosen: closing is not "to the tray"
    QString m_details;       // the selected row's details, without the last write
    QStringList m_doorTrayLines;
    bool m_anyDoorProblem = false;
    bool m_lastRunFailed = false;
    bool m_columnsSized = false;
};

} // namespace cis::gui
