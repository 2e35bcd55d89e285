// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The Door activity tab: who came in at each door and who was refused, newest first, with the
// reason for a refusal in membership terms. The events come from the Store on the sync worker
// (SyncService::query()); the doors' logs are read by the Scheduler, every 10 s while the
// window is shown.
#include "EventExplanation.h"

#include <QDate>
#include <QDialog>
#include <QList>
#include <QWidget>
#include <functional>

class QAction;
class QCheckBox;

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QSortFilterProxyModel;
class QTableView;

namespace cis {
class Clock;
class SyncService;
} // namespace cis

namespace cis::gui {

class ActivityPanel : public QWidget
{
    Q_OBJECT

public:
    using DoorName = std::function<QString(const QString &deviceId)>;

    enum Column
    {
        TimeColumn,
        DoorColumn,
        PersonColumn,
        MemberColumn,
        HowColumn,
        ResultColumn,
        ReasonColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    static constexpr int EventsShown = 2000;              // newest events read for the view
    static constexpr int MemberIdRole = Qt::UserRole + 1; // on every cell: qint64, 0 if none
    static constexpr int ValidButRefusedRole = Qt::UserRole + 2;
    static constexpr int DeviceIdRole = Qt::UserRole + 3;   // on every cell
    static constexpr int PictureUrlRole = Qt::UserRole + 4; // on every cell: empty if none
    static constexpr int EmployeeNoRole = Qt::UserRole + 5; // on every cell: empty if none

    // The date range starts as the last 7 days by the clock.
    ActivityPanel(SyncService &service, const Clock &clock, DoorName nameOfDoor,
                  QWidget *parent = nullptr);

    // The doors to choose from: (id, name) in the configuration's order.
    void setDoors(const QList<std::pair<QString, QString>> &doors);

    QStandardItemModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QCheckBox *refusedOnlyCheck() const { return m_refusedOnly; }
    QComboBox *doorCombo() const { return m_door; }
    QLineEdit *searchEdit() const { return m_search; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }

    QAction *showPhotoAction() const { return m_showPhoto; }
    QPushButton *visitsButton() const { return m_visitsButton; }

    static QString methodText(AccessEvent::Method method);
    static QString outcomeText(AccessEvent::Outcome outcome);

    // Selects the newest shown event of this member (without emitting memberSelected); false
    // when none is shown. 0 clears the selection.
    bool selectMember(qint64 organisationMemberId);

public slots:
    // Reads the events again with the current filters.
    void refresh();
    // The selected event's picture, fetched from its door into a dialog (memory only).
    void showPhoto();
    // Visits per member and day for the chosen days and door, written as CSV for Excel;
    // visitsExported tells how it went; tellTheDesk: a failure also in a message box.
    void exportVisits(const QString &path, bool tellTheDesk = false);

signals:
    // The rows shown after a refresh; those where the door and Cardskipper disagree.
    void shown(int rows, int validButRefused);
    // The member of the selected row (0: none).
    void memberSelected(qint64 organisationMemberId);
    // The selected row's person has no member: the person on that door (to link or accept).
    void personSelected(const QString &deviceId, const QString &employeeNo);
    // message: what was written where, or why nothing was (error set).
    void visitsExported(const QString &message, bool error);
    // A photo dialog opened (for tests and the screenshots).
    void photoDialogOpened(QDialog *dialog);

private:
    void show(const QList<ExplainedEvent> &events);

    SyncService &m_service;
    DoorName m_doorName;
    QCheckBox *m_refusedOnly;
    QComboBox *m_door;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QLabel *m_summary;
    QTableView *m_view;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_filter;
    QAction *m_showPhoto;
    QPushButton *m_visitsButton;
    quint64 m_generation = 0;
    bool m_selectingMember = false;
};

} // namespace cis::gui
