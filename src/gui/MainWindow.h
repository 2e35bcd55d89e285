#pragma once

#include "RunReport.h"
#include "SyncEngine.h"

#include <QMainWindow>
#include <QPointer>
#include <QSystemTrayIcon>
#include <memory>

class QLabel;
class QProgressBar;
class QStandardItemModel;
class QToolButton;

namespace Ui {
class MainWindow;
}

namespace cis {
class Clock;
class SecretStore;
class Scheduler;
class Store;
} // namespace cis

namespace cis::gui {

class DemoEnvironment;
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
    MainWindow(SyncEngine &engine, Store &store, Scheduler &scheduler, const Clock &clock,
               DemoEnvironment *demo = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests: the models behind the views, and the state the tray shows.
    PairModel &pairModel() { return *m_pairModel; }
    PairFilterModel &pairFilter() { return *m_pairFilter; }
    LogModel &logModel() { return *m_logModel; }
    QString trayState() const { return m_trayState; }
    QString currentDeviceId() const;
    bool selectEmployeeNo(const QString &employeeNo);
    bool selectMember(qint64 memberId);
    // Where "Settings…" keeps things: passwords in secrets, the rest in the INI file (none in
    // the demo). Without this the action is hidden.
    void enableSettings(SecretStore &secrets, const QString &configPath);
    // Applies edited settings: saves them, reads the passwords back from the secret store and
    // gives both to the engine.
    void applySettings(const AppSettings &settings);
    // Asks before applying a held plan; tests replace the question.
    std::function<bool(const QString &question)> confirm;

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
    void unlinkSelected();
    // Stores the administrator's allow-until/block for a member and shows the new plan.
    void setOverride(cis::MemberOverride memberOverride);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void startRun(RunKind kind, bool force);
    void onRunStarted(qint64 runId, RunKind kind);
    void onRunFinished(const RunReport &report);
    void onLogMessage(const QString &level, const QString &deviceId, const QString &member,
                      const QString &text);
    void onSelectionChanged();
    const PlannedAction *selectedAction() const;
    void rebuildFilterButtons();
    void refreshHistory();
    void showOperations(qint64 runId);
    void updateStatusBar();
    void setTrayState(const QString &state);
    void setUpTray();
    void setUpDemoMenu();
    void copyLog();
    void exportLog();
    void reloadDevices();
    void addLink(const QString &employeeNo, const MemberKey &member, LinkOrigin origin);
    QString deviceName(const QString &deviceId) const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    SyncEngine &m_engine;
    Store &m_store;
    Scheduler &m_scheduler;
    const Clock &m_clock;
    DemoEnvironment *m_demo;
    PairModel *m_pairModel;
    PairFilterModel *m_pairFilter;
    LogModel *m_logModel;
    LogFilterModel *m_logFilter;
    QStandardItemModel *m_runModel;
    QStandardItemModel *m_operationModel;
    QList<QToolButton *> m_filterButtons;
    QLabel *m_lastSyncLabel;
    QLabel *m_nextSyncLabel;
    QProgressBar *m_progress;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_trayState = QStringLiteral("idle");
    RunKind m_runningKind = RunKind::QuickSync;
    bool m_userStartedRun = false;
    std::optional<Plan> m_previewPlan;
    RunRecord m_lastRun;
    SecretStore *m_secrets = nullptr;
    QString m_configPath;
};

} // namespace cis::gui
