// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The History tab: every run, and for the selected one what it wrote to which door for whom,
// in people's words (the journal's machine words are for the CLI and the database). The runs
// and operations come from the Store on the sync worker, through SyncService::query().

#include "SyncTypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace cis {
class SyncService;
}

namespace cis::gui {

class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    // The door's name for a device id (empty: the id itself is shown).
    using DoorName = std::function<QString(const QString &deviceId)>;
    // Asks where to save; empty: cancelled. The default opens a QFileDialog.
    using SavePathChooser = std::function<QString(const QString &suggestedPath)>;

    enum RunColumn
    {
        RunStarted,
        RunKindColumn,
        RunResult,
        RunCreated,
        RunUpdated,
        RunEnded,
        RunFailed,
        RunColumnCount
    };
    Q_ENUM(RunColumn)

    enum OperationColumn
    {
        OperationTime,
        OperationDoor,
        OperationMember,
        OperationAction,
        OperationBefore,
        OperationAfter,
        OperationResult,
        OperationColumnCount
    };
    Q_ENUM(OperationColumn)

    static constexpr int RunIdRole = Qt::UserRole + 1; // on every run cell: qint64
    static constexpr int RunsRead = 5000; // newest runs read, so that hiding quiet ones leaves
    static constexpr int RunsShown = 200; // this many to show
    static constexpr char HideQuietRunsKey[] = "history/hide_quiet_runs";

    HistoryPanel(SyncService &service, DoorName nameOfDoor, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    // ---- The words shown, also for other views of the journal -------------------------------
    static QString runKindText(RunKind kind);
    static QString runStatusText(RunStatus status);
    // "Created on the door", "Access extended", "Access shortened", ...: from the kind and, for
    // a validity change, whether the new window ends later or earlier than the old one.
    static QString actionText(const OperationRecord &operation);
    // "blocked by the desk: card lost", for an override in force.
    static QString overrideText(const MemberOverride &memberOverride);
    // "Done", "Failed: <error>", "Not sent", "Waiting for the door's answer".
    static QString resultText(const OperationRecord &operation);
    // "2026-01-01 – 2026-12-31", "always" when the window is off, empty without a person.
    static QString validityText(const std::optional<Person> &person);
    // "Anna Öberg (1002)"; for a person without a member, the name on the door.
    static QString memberText(const OperationRecord &operation, const QString &memberName);
    // Changed nothing: no write and no failure, not held, not failed, not running.
    static bool isQuiet(const RunRecord &run);
    // RFC 4180 (comma separated, CRLF, quotes doubled), UTF-8 with a BOM for Excel.
    static QByteArray csv(const QList<QStringList> &rows);

    // ---- State --------------------------------------------------------------------------------
    bool hideQuietRuns() const;
    void setHideQuietRuns(bool hide); // remembered in QSettings under HideQuietRunsKey
    qint64 selectedRunId() const;     // 0: none
    bool selectRun(qint64 runId);     // false when the run is not in the list (hidden or old)
    int hiddenRunCount() const { return m_hiddenRuns; }

    QStandardItemModel *runModel() const { return m_runModel; }
    QStandardItemModel *operationModel() const { return m_operationModel; }
    QTableView *runView() const { return m_runView; }
    QTableView *operationView() const { return m_operationView; }

    // The shown run's operations as the CSV file holds them: a header row, then one row per
    // operation with the shown columns (the time in full) and the employee number.
    QList<QStringList> csvRows() const;
    // Writes csvRows() of the shown run; false (and why in *error) when it could not.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    void setSavePathChooser(SavePathChooser chooser) { m_choosePath = std::move(chooser); }

public slots:
    // Reads the runs again (after each run); keeps the selected run selected.
    void refresh();
    // Asks for a path and writes the shown run's operations there.
    void exportShownRun();

signals:
    // Every run read, newest first, hidden ones included (for the status bar's last run).
    void runsShown(const QList<cis::RunRecord> &runs);
    void operationsShown(qint64 runId);
    void exported(const QString &path, bool ok);

private:
    struct OperationRow
    {
        OperationRecord record;
        QString memberName; // from the stored member list; empty when not there
        // The desk's override that was in force when the operation was written, with its note.
        std::optional<MemberOverride> override;
    };

    void showRuns(const QList<RunRecord> &runs);
    void fillRuns();
    void showOperations(qint64 runId);
    void showOperationRows(qint64 runId, const QList<OperationRow> &rows);
    QStringList operationCells(const OperationRow &row, bool fullTime) const;
    QString doorName(const QString &deviceId) const;

    SyncService &m_service;
    DoorName m_doorName;
    SavePathChooser m_choosePath;
    QCheckBox *m_hideQuiet;
    QLabel *m_hiddenLabel;
    QPushButton *m_exportButton;
    QLabel *m_exportLabel;
    QTableView *m_runView;
    QTableView *m_operationView;
    QStandardItemModel *m_runModel;
    QStandardItemModel *m_operationModel;

    QList<RunRecord> m_runs; // as last read
    int m_hiddenRuns = 0;
    qint64 m_wantedRunId = 0; // the run whose operations are asked for or shown
    qint64 m_shownRunId = 0;  // the run whose operations are shown
    QList<OperationRow> m_operations;
    bool m_filling = false; // the run list is being rebuilt: selection changes are ours
};

} // namespace cis::gui
