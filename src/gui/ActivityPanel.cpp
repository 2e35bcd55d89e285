// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "ActivityPanel.h"

#include "Clock.h"
#include "Csv.h"
#include "EventPhotoDialog.h"
#include "SyncService.h"
#include "VisitReport.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace cis::gui {

ActivityPanel::ActivityPanel(SyncService &service, const Clock &clock, DoorName nameOfDoor,
                             QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_doorName(std::move(nameOfDoor))
    , m_refusedOnly(new QCheckBox(tr("Refused only"), this))
    , m_door(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_search(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_showPhoto(new QAction(tr("Show the door's &photo…"), this))
    , m_visitsButton(new QPushButton(tr("&Visits report…"), this))
{
    m_visitsButton->setObjectName(QStringLiteral("visitsReportButton"));
    m_visitsButton->setToolTip(tr("Visits per member and day for these days (and this door), as "
                                  "a CSV file for Excel"));
    m_showPhoto->setObjectName(QStringLiteral("actionShowPhoto"));
    m_showPhoto->setEnabled(false);
    m_showPhoto->setToolTip(tr("The picture the door took of this event, fetched from the door "
                               "and not saved"));
    m_refusedOnly->setObjectName(QStringLiteral("refusedOnlyCheck"));
    m_door->setObjectName(QStringLiteral("activityDoorCombo"));
    m_from->setObjectName(QStringLiteral("activityFromEdit"));
    m_to->setObjectName(QStringLiteral("activityToEdit"));
    m_search->setObjectName(QStringLiteral("activitySearchEdit"));
    m_summary->setObjectName(QStringLiteral("activitySummary"));
    m_view->setObjectName(QStringLiteral("activityView"));
    m_door->addItem(tr("All doors"), QString());
    m_door->setToolTip(tr("Show the events of one door only"));
    const QDate today = clock.today();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31));
    }
    m_from->setDate(today.addDays(-6));
    m_to->setDate(today);
    m_from->setToolTip(tr("From this day"));
    m_to->setToolTip(tr("Up to and including this day"));
    m_search->setPlaceholderText(tr("Search person, member or card"));
    m_search->setClearButtonEnabled(true);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_refusedOnly);
    controls->addWidget(m_door);
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(QStringLiteral("–"), this));
    controls->addWidget(m_to);
    controls->addWidget(m_search, 1);
    controls->addWidget(m_summary);
    controls->addWidget(m_visitsButton);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(controls);
    outer->addWidget(m_view, 1);

    m_model->setHorizontalHeaderLabels({tr("Time"), tr("Door"), tr("Person"), tr("Member"),
                                        tr("How"), tr("Result"), tr("Reason")});
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);

    connect(m_refusedOnly, &QCheckBox::toggled, this, &ActivityPanel::refresh);
    connect(m_door, &QComboBox::currentIndexChanged, this, &ActivityPanel::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &ActivityPanel::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &ActivityPanel::refresh);
    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_visitsButton, &QPushButton::clicked, this, [this] {
        const QString name =
            tr("visits-%1-%2.csv")
                .arg(m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate));
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save the visits report"),
                                         QDir(folder).filePath(name), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportVisits(path, true);
    });
    m_view->addAction(m_showPhoto);
    connect(m_showPhoto, &QAction::triggered, this, &ActivityPanel::showPhoto);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(PictureUrlRole).toString().isEmpty())
            showPhoto();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_showPhoto->setEnabled(current.isValid() &&
                                        !current.data(PictureUrlRole).toString().isEmpty());
                if (m_selectingMember)
                    return;
                const qint64 memberId =
                    current.isValid() ? current.data(MemberIdRole).toLongLong() : 0;
                const QString employeeNo = current.data(EmployeeNoRole).toString();
                if (memberId == 0 && !employeeNo.isEmpty())
                    emit personSelected(current.data(DeviceIdRole).toString(), employeeNo);
                else
                    emit memberSelected(memberId);
            });
    refresh();
}

void ActivityPanel::setDoors(const QList<std::pair<QString, QString>> &doors)
{
    const QString current = m_door->currentData().toString();
    const QSignalBlocker blocker(m_door);
    while (m_door->count() > 1)
        m_door->removeItem(1);
    for (const auto &[id, name] : doors)
        m_door->addItem(name, id);
    const int index = m_door->findData(current);
    m_door->setCurrentIndex(index < 0 ? 0 : index);
}

bool ActivityPanel::selectMember(qint64 organisationMemberId)
{
    const QScopedValueRollback<bool> guard(m_selectingMember, true);
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (organisationMemberId > 0 && current.isValid() &&
        m_view->selectionModel()->isRowSelected(current.row()) &&
        current.data(MemberIdRole).toLongLong() == organisationMemberId)
        return true; // the event the desk chose stays chosen
    for (int row = 0; organisationMemberId > 0 && row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (index.data(MemberIdRole).toLongLong() == organisationMemberId) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return true;
        }
    }
    m_view->selectionModel()->clearSelection();
    return false;
}

QString ActivityPanel::methodText(AccessEvent::Method method)
{
    switch (method) {
    case AccessEvent::Method::Card:
        return tr("Card");
    case AccessEvent::Method::Face:
        return tr("Face");
    case AccessEvent::Method::Fingerprint:
        return tr("Fingerprint");
    case AccessEvent::Method::Pin:
        return tr("PIN");
    case AccessEvent::Method::Unknown:
        break;
    }
    return QString();
}

QString ActivityPanel::outcomeText(AccessEvent::Outcome outcome)
{
    switch (outcome) {
    case AccessEvent::Outcome::Granted:
        return tr("Came in");
    case AccessEvent::Outcome::Refused:
        return tr("Refused");
    case AccessEvent::Outcome::Other:
        break;
    }
    return tr("Door event");
}

void ActivityPanel::refresh()
{
    Store::EventQuery query;
    query.since = QDateTime(m_from->date(), QTime(0, 0));
    query.until = QDateTime(m_to->date().addDays(1), QTime(0, 0));
    query.deviceId = m_door->currentData().toString();
    query.refusedOnly = m_refusedOnly->isChecked();
    query.limit = EventsShown;
    const quint64 generation = ++m_generation;
    m_service.query(
        this,
        [query](SyncService::Parts parts) {
            return EventExplanation::explain(parts.store, parts.store.events(query),
                                             parts.engine.settings().cardskipper.organisationId);
        },
        [this, generation](const QList<ExplainedEvent> &events) {
            if (generation == m_generation) // an answer to older filters is not shown
                show(events);
        });
}

void ActivityPanel::exportVisits(const QString &path, bool tellTheDesk)
{
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    const QString deviceId = m_door->currentData().toString();
    m_service.query(
        this,
        [from, to, deviceId](SyncService::Parts parts) {
            return VisitReport::build(parts.store,
                                      parts.engine.settings().cardskipper.organisationId, from, to,
                                      deviceId);
        },
        [this, path, tellTheDesk](const VisitReport &report) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(csvDocument(report.table())) < 0 ||
                !file.commit()) {
                const QString message =
                    tr("The visits report could not be written to %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString());
                emit visitsExported(message, true);
                if (tellTheDesk)
                    QMessageBox::warning(this, tr("Visits report"), message);
                return;
            }
            emit visitsExported(
                tr("Visits of %n member(s) written to %1", nullptr, int(report.members.size()))
                    .arg(QDir::toNativeSeparators(path)),
                false);
        });
}

void ActivityPanel::showPhoto()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QString pictureUrl = current.data(PictureUrlRole).toString();
    if (!current.isValid() || pictureUrl.isEmpty())
        return;
    const auto cell = [&](int column) { return current.siblingAtColumn(column).data().toString(); };
    const QString who = cell(PersonColumn).isEmpty() ? tr("an unknown person") : cell(PersonColumn);
    auto *dialog = new EventPhotoDialog(
        tr("%1 at %2, %3: %4").arg(cell(TimeColumn), cell(DoorColumn), who, cell(ResultColumn)),
        window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    emit photoDialogOpened(dialog);
    const QPointer<EventPhotoDialog> guard(dialog);
    const QString deviceId = current.data(DeviceIdRole).toString();
    SyncService *service = &m_service;
    m_service.post([service, guard, deviceId, pictureUrl](SyncService::Parts parts) {
        parts.engine.fetchEventPicture(
            deviceId, pictureUrl, [service, guard](const QByteArray &jpeg, const QString &error) {
                // Back on the window's thread, where the dialog may have been closed already.
                QMetaObject::invokeMethod(service, [guard, jpeg, error] {
                    if (guard)
                        guard->showPhoto(jpeg, error);
                });
            });
    });
}

void ActivityPanel::show(const QList<ExplainedEvent> &events)
{
    m_model->removeRows(0, m_model->rowCount());
    int disagreements = 0;
    for (const ExplainedEvent &explained : events) {
        const AccessEvent &event = explained.event;
        QString person = event.name;
        if (!event.employeeNo.isEmpty())
            person = person.isEmpty() ? event.employeeNo
                                      : QStringLiteral("%1 (%2)").arg(person, event.employeeNo);
        else if (!event.cardNo.isEmpty() && event.method() == AccessEvent::Method::Card)
            person = tr("card %1").arg(event.cardNo);
        QString member;
        qint64 memberId = 0;
        if (explained.member) {
            memberId = explained.member->key.organisationMemberId;
            member = QStringLiteral("%1 (%2)").arg(explained.member->displayName()).arg(memberId);
        }
        QString reason = explained.reason;
        if (event.outcome() == AccessEvent::Outcome::Other)
            reason = tr("event %1/%2").arg(event.major).arg(event.minor);
        const QString door = m_doorName(explained.deviceId);
        QList<QStandardItem *> row{new QStandardItem(event.time.toLocalTime().toString(
                                       QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                                   new QStandardItem(door.isEmpty() ? explained.deviceId : door),
                                   new QStandardItem(person),
                                   new QStandardItem(member),
                                   new QStandardItem(methodText(event.method())),
                                   new QStandardItem(outcomeText(event.outcome())),
                                   new QStandardItem(reason)};
        for (QStandardItem *item : row) {
            item->setData(memberId, MemberIdRole);
            item->setData(explained.deviceId, DeviceIdRole);
            item->setData(event.pictureUrl, PictureUrlRole);
            item->setData(event.employeeNo, EmployeeNoRole);
            item->setData(explained.validButRefused, ValidButRefusedRole);
        }
        if (event.outcome() == AccessEvent::Outcome::Refused) {
            row.at(ResultColumn)->setForeground(QColor(0xb0, 0x20, 0x20));
            if (explained.validButRefused) {
                ++disagreements;
                QFont bold = row.at(ReasonColumn)->font();
                bold.setBold(true);
                row.at(ReasonColumn)->setFont(bold);
                row.at(ReasonColumn)
                    ->setToolTip(
                        tr("Cardskipper says this member may enter, but the door refused: the sync "
                           "may have failed, or the person has no card or face on the door."));
            }
        }
        m_model->appendRow(row);
    }
    m_view->resizeColumnsToContents();
    m_summary->setText(disagreements > 0 ? tr("%n event(s); %1 refused with a valid membership",
                                              nullptr, int(events.size()))
                                               .arg(disagreements)
                                         : tr("%n event(s)", nullptr, int(events.size())));
    emit shown(int(events.size()), disagreements);
}

} // namespace cis::gui
