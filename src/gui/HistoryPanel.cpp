// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "HistoryPanel.h"

#include "Csv.h"
#include "Store.h"
#include "SyncService.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QColor>
#include <QDir>
#include <QFileDialog>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>

namespace cis::gui {

namespace {

const QColor kFailedColor(0xd0, 0x2c, 0x2c); // the log's error colour

QString settingsKey()
{
    return QString::fromLatin1(HistoryPanel::HideQuietRunsKey);
}

QString personName(const OperationRecord &operation)
{
    if (operation.after && !operation.after->name.isEmpty())
        return operation.after->name;
    if (operation.before)
        return operation.before->name;
    return QString();
}

QStandardItem *cell(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

} // namespace

HistoryPanel::HistoryPanel(SyncService &service, DoorName nameOfDoor, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_doorName(std::move(nameOfDoor))
    , m_hideQuiet(new QCheckBox(tr("Hide runs that changed nothing"), this))
    , m_hiddenLabel(new QLabel(this))
    , m_exportButton(new QPushButton(tr("Export CSV…"), this))
    , m_exportLabel(new QLabel(this))
    , m_runView(new QTableView(this))
    , m_operationView(new QTableView(this))
    , m_runModel(new QStandardItemModel(0, RunColumnCount, this))
    , m_operationModel(new QStandardItemModel(0, OperationColumnCount, this))
{
    m_choosePath = [this](const QString &suggestedPath) {
        return QFileDialog::getSaveFileName(this, tr("Export the run's changes"), suggestedPath,
                                            tr("CSV files (*.csv)"));
    };

    m_hideQuiet->setObjectName(QStringLiteral("hideQuietRunsCheck"));
    m_hideQuiet->setToolTip(tr("Runs that wrote nothing to any door. Runs that failed or were "
                               "held by the guard are always shown."));
    m_hiddenLabel->setObjectName(QStringLiteral("hiddenRunsLabel"));
    m_exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportButton->setToolTip(
        tr("Save the selected run's changes as a spreadsheet file (CSV, UTF-8)"));
    m_exportButton->setEnabled(false);
    m_exportLabel->setObjectName(QStringLiteral("exportLabel"));
    m_runView->setObjectName(QStringLiteral("runView"));
    m_operationView->setObjectName(QStringLiteral("operationView"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_hideQuiet);
    controls->addWidget(m_hiddenLabel);
    controls->addStretch(1);
    controls->addWidget(m_exportLabel);
    controls->addWidget(m_exportButton);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_runView);
    splitter->addWidget(m_operationView);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(controls);
    outer->addWidget(splitter, 1);

    m_runModel->setHorizontalHeaderLabels({tr("Started"), tr("Kind"), tr("Result"), tr("Created"),
                                           tr("Updated"), tr("Ended"), tr("Failed")});
    m_operationModel->setHorizontalHeaderLabels({tr("Time"), tr("Door"), tr("Member"), tr("Action"),
                                                 tr("Before"), tr("After"), tr("Result")});
    const int rowHeight = fontMetrics().height() + 8;
    for (QTableView *view : {m_runView, m_operationView}) {
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setWordWrap(false);
        view->verticalHeader()->hide();
        view->verticalHeader()->setDefaultSectionSize(rowHeight);
    }
    m_runView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runView->setModel(m_runModel);
    m_operationView->setModel(m_operationModel);
    m_operationView->horizontalHeader()->setStretchLastSection(true);

    m_hideQuiet->setChecked(QSettings().value(settingsKey(), true).toBool());
    connect(m_hideQuiet, &QCheckBox::toggled, this, [this](bool hide) {
        QSettings().setValue(settingsKey(), hide);
        fillRuns();
    });
    connect(m_runView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_filling)
                    return;
                showOperations(current.isValid()
                                   ? current.siblingAtColumn(0).data(RunIdRole).toLongLong()
                                   : 0);
            });
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryPanel::exportShownRun);

    refresh();
}

HistoryPanel::~HistoryPanel() = default;

// ---- Words -------------------------------------------------------------------------------------

QString HistoryPanel::runKindText(RunKind kind)
{
    switch (kind) {
    case RunKind::QuickSync:
        return tr("Sync");
    case RunKind::FullReconcile:
        return tr("Full reconcile");
    case RunKind::Preview:
        return tr("Preview");
    case RunKind::Desk:
        return tr("At the desk");
    }
    return QString();
}

QString HistoryPanel::runStatusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return tr("Running");
    case RunStatus::Succeeded:
        return tr("Done");
    case RunStatus::PartlyFailed:
        return tr("Some changes failed");
    case RunStatus::Failed:
        return tr("Failed");
    case RunStatus::Held:
        return tr("Held by the guard");
    }
    return QString();
}

QString HistoryPanel::actionText(const OperationRecord &operation)
{
    switch (operation.action) {
    case ActionKind::Create:
        return tr("Created on the door");
    case ActionKind::UpdateValidity: {
        if (!operation.before || !operation.after)
            return tr("Access changed");
        const PersonValidity &before = operation.before->validity;
        const PersonValidity &after = operation.after->validity;
        if (!before.enabled && !after.enabled)
            return tr("Access changed");
        // A window that is switched off lets the person in for ever: it ends after any date.
        if (before.enabled != after.enabled)
            return after.enabled ? tr("Access shortened") : tr("Access extended");
        if (after.end > before.end)
            return tr("Access extended");
        if (after.end < before.end)
            return tr("Access shortened");
        return tr("Access changed");
    }
    case ActionKind::Rename:
        return tr("Renamed");
    case ActionKind::Revoke:
        return tr("Access ended");
    case ActionKind::Delete:
        return tr("Removed from the door");
    case ActionKind::Unchanged:
        return tr("No change");
    case ActionKind::Conflict:
        return tr("Conflict");
    case ActionKind::AwaitingMatch:
        return tr("Waiting for a link decision");
    case ActionKind::NoAccess:
        return tr("No access");
    case ActionKind::NotManaged:
        return tr("Not managed");
    case ActionKind::CardAdd:
        return tr("Card %1 added").arg(operation.detail);
    case ActionKind::CardRemove:
        return tr("Card %1 removed").arg(operation.detail);
    case ActionKind::FaceSet:
        return operation.detail == QLatin1String("camera") ? tr("Face taken at the door")
                                                           : tr("Face set");
    case ActionKind::FaceCopy:
        return tr("Face copied from %1").arg(operation.detail);
    case ActionKind::FaceRemove:
        return tr("Face removed");
    }
    return QString();
}

QString HistoryPanel::resultText(const OperationRecord &operation)
{
    switch (operation.status) {
    case OperationStatus::Pending:
        return tr("Waiting for the door's answer");
    case OperationStatus::Done:
        return tr("Done");
    case OperationStatus::Failed:
        return operation.error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(operation.error);
    case OperationStatus::Skipped:
        // The engine's reasons for not sending already begin with "Not sent: ".
        return operation.error.isEmpty() ? tr("Not sent") : operation.error;
    }
    return QString();
}

QString HistoryPanel::validityText(const std::optional<Person> &person)
{
    if (!person)
        return QString();
    if (!person->validity.enabled)
        return tr("always");
    const QString format = QStringLiteral("yyyy-MM-dd");
    return tr("%1 – %2").arg(person->validity.begin.toString(format),
                             person->validity.end.toString(format));
}

QString HistoryPanel::overrideText(const MemberOverride &memberOverride)
{
    QString text = memberOverride.blocked
                       ? tr("blocked by the desk")
                       : tr("allowed by the desk until %1")
                             .arg(memberOverride.allowUntil.toString(Qt::ISODate));
    if (!memberOverride.note.trimmed().isEmpty())
        text += QStringLiteral(": ") + memberOverride.note.trimmed();
    return text;
}

QString HistoryPanel::memberText(const OperationRecord &operation, const QString &memberName)
{
    const QString name = memberName.isEmpty() ? personName(operation) : memberName;
    if (!operation.member)
        return name.isEmpty() ? operation.employeeNo : name;
    const QString number = QString::number(operation.member->organisationMemberId);
    if (name.isEmpty())
        return tr("Member %1").arg(number);
    return tr("%1 (%2)", "member name (member number)").arg(name, number);
}

bool HistoryPanel::isQuiet(const RunRecord &run)
{
    return run.status == RunStatus::Succeeded && run.error.isEmpty() && run.failed == 0 &&
           run.created + run.updated + run.revoked + run.deleted == 0;
}

QByteArray HistoryPanel::csv(const QList<QStringList> &rows)
{
    return csvDocument(rows);
}

// ---- State
// ---------------------------------------------------------------------------------------

bool HistoryPanel::hideQuietRuns() const
{
    return m_hideQuiet->isChecked();
}

void HistoryPanel::setHideQuietRuns(bool hide)
{
    m_hideQuiet->setChecked(hide);
}

qint64 HistoryPanel::selectedRunId() const
{
    const QModelIndex current = m_runView->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(RunIdRole).toLongLong() : 0;
}

bool HistoryPanel::selectRun(qint64 runId)
{
    for (int row = 0; row < m_runModel->rowCount(); ++row) {
        if (m_runModel->item(row, 0)->data(RunIdRole).toLongLong() == runId) {
            m_runView->selectRow(row);
            return true;
        }
    }
    return false;
}

void HistoryPanel::refresh()
{
    m_service.query(
        this, [](SyncService::Parts parts) { return parts.store.runs(RunsRead); },
        [this](const QList<RunRecord> &runs) { showRuns(runs); });
}

void HistoryPanel::showRuns(const QList<RunRecord> &runs)
{
    m_runs = runs;
    fillRuns();
    emit runsShown(m_runs);
}

void HistoryPanel::fillRuns()
{
    const qint64 keep = m_wantedRunId;
    const bool hide = m_hideQuiet->isChecked();
    m_filling = true;
    m_runModel->removeRows(0, m_runModel->rowCount());
    m_hiddenRuns = 0;
    int keptRow = -1;
    for (const RunRecord &run : std::as_const(m_runs)) {
        if (hide && isQuiet(run)) {
            ++m_hiddenRuns;
            continue;
        }
        if (m_runModel->rowCount() >= RunsShown)
            break;
        QList<QStandardItem *> row{cell(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                                   cell(runKindText(run.kind)),
                                   cell(runStatusText(run.status)),
                                   cell(QString::number(run.created)),
                                   cell(QString::number(run.updated)),
                                   cell(QString::number(run.revoked + run.deleted)),
                                   cell(QString::number(run.failed))};
        row.at(RunEnded)->setToolTip(
            tr("%1 ended, %2 removed from the door").arg(run.revoked).arg(run.deleted));
        for (QStandardItem *item : std::as_const(row)) {
            item->setData(run.id, RunIdRole);
            if (!run.error.isEmpty())
                item->setToolTip(run.error);
        }
        if (run.status == RunStatus::Failed || run.status == RunStatus::PartlyFailed ||
            run.status == RunStatus::Held)
            row.at(RunResult)->setForeground(kFailedColor);
        if (run.id == keep)
            keptRow = m_runModel->rowCount();
        m_runModel->appendRow(row);
    }
    if (keptRow < 0 && m_runModel->rowCount() > 0)
        keptRow = 0;
    if (keptRow >= 0)
        m_runView->selectRow(keptRow);
    m_filling = false;
    m_hiddenLabel->setText(m_hiddenRuns > 0 ? tr("Hidden: %1").arg(m_hiddenRuns) : QString());
    m_runView->resizeColumnsToContents();
    // Also when the run stays selected: a run still going on has written more since.
    showOperations(keptRow >= 0 ? m_runModel->item(keptRow, 0)->data(RunIdRole).toLongLong() : 0);
}

void HistoryPanel::showOperations(qint64 runId)
{
    m_wantedRunId = runId;
    if (runId <= 0) {
        showOperationRows(0, {});
        return;
    }
    m_service.query(
        this,
        [runId](SyncService::Parts parts) {
            QList<OperationRow> rows;
            QHash<MemberKey, QString> names;
            const QList<OperationRecord> operations = parts.store.operations(runId);
            rows.reserve(operations.size());
            for (const OperationRecord &operation : operations) {
                OperationRow row{operation, QString(), std::nullopt};
                if (operation.member) {
                    auto name = names.constFind(*operation.member);
                    if (name == names.constEnd()) {
                        const std::optional<Member> member = parts.store.member(*operation.member);
                        // displayName() of a member without a name is "#<number>": the name on
                        // the door says more.
                        const bool named = member && !(member->firstName.trimmed().isEmpty() &&
                                                       member->lastName.trimmed().isEmpty());
                        name = names.insert(*operation.member,
                                            named ? member->displayName() : QString());
                    }
                    row.memberName = *name;
                    // The override explains the write only if it was set before it.
                    const std::optional<MemberOverride> memberOverride =
                        parts.store.overrideFor(*operation.member);
                    if (memberOverride && memberOverride->changedAt.isValid() &&
                        memberOverride->changedAt <= operation.at)
                        row.override = memberOverride;
                }
                rows.append(row);
            }
            return rows;
        },
        [this, runId](const QList<OperationRow> &rows) {
            if (runId == m_wantedRunId) // else the selection moved on meanwhile
                showOperationRows(runId, rows);
        });
}

void HistoryPanel::showOperationRows(qint64 runId, const QList<OperationRow> &rows)
{
    m_shownRunId = runId;
    m_operations = rows;
    m_operationModel->removeRows(0, m_operationModel->rowCount());
    for (const OperationRow &operation : rows) {
        const QStringList texts = operationCells(operation, false);
        QList<QStandardItem *> row;
        row.reserve(texts.size());
        for (const QString &text : texts)
            row.append(cell(text));
        row.at(OperationTime)
            ->setToolTip(operation.record.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        row.at(OperationMember)
            ->setToolTip(tr("Employee no. on the door: %1").arg(operation.record.employeeNo));
        row.at(OperationResult)->setToolTip(texts.at(OperationResult));
        if (operation.record.status == OperationStatus::Pending)
            row.at(OperationResult)
                ->setToolTip(tr("Written to the journal before sending; the next sync reads the "
                                "door back before it tries again."));
        if (operation.record.status == OperationStatus::Failed ||
            operation.record.status == OperationStatus::Skipped)
            row.at(OperationResult)->setForeground(kFailedColor);
        m_operationModel->appendRow(row);
    }
    m_operationView->resizeColumnsToContents();
    m_exportButton->setEnabled(runId > 0 && !rows.isEmpty());
    m_exportLabel->clear();
    emit operationsShown(runId);
}

QStringList HistoryPanel::operationCells(const OperationRow &row, bool fullTime) const
{
    const OperationRecord &operation = row.record;
    return {operation.at.toString(fullTime ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                           : QStringLiteral("HH:mm:ss")),
            doorName(operation.deviceId),
            memberText(operation, row.memberName),
            row.override ? tr("%1 (%2)").arg(actionText(operation), overrideText(*row.override))
                         : actionText(operation),
            validityText(operation.before),
            validityText(operation.after),
            resultText(operation)};
}

QString HistoryPanel::doorName(const QString &deviceId) const
{
    const QString name = m_doorName ? m_doorName(deviceId) : QString();
    return name.isEmpty() ? deviceId : name;
}

// ---- Export ------------------------------------------------------------------------------------

QList<QStringList> HistoryPanel::csvRows() const
{
    QList<QStringList> rows;
    rows.reserve(m_operations.size() + 1);
    QStringList header;
    for (int column = 0; column < OperationColumnCount; ++column)
        header.append(m_operationModel->headerData(column, Qt::Horizontal).toString());
    header.append(tr("Employee no."));
    rows.append(header);
    for (const OperationRow &operation : m_operations) {
        QStringList row = operationCells(operation, true);
        row.append(operation.record.employeeNo);
        rows.append(row);
    }
    return rows;
}

bool HistoryPanel::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const QByteArray bytes = csv(csvRows());
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void HistoryPanel::exportShownRun()
{
    if (m_shownRunId <= 0)
        return;
    QDateTime started;
    for (const RunRecord &run : std::as_const(m_runs)) {
        if (run.id == m_shownRunId)
            started = run.startedAt;
    }
    const QString fileName =
        tr("door-changes-%1.csv").arg(started.toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    const QString path =
        m_choosePath(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                         .filePath(fileName));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportCsv(path, &error);
    m_exportLabel->setText(
        ok ? tr("Saved to %1").arg(QDir::toNativeSeparators(path))
           : tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
    m_exportLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #d02c2c"));
    emit exported(path, ok);
}

} // namespace cis::gui
