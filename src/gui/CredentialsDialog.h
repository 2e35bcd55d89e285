// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardNumber.h"
#include "SyncTypes.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>
#include <memory>

namespace Ui {
class CredentialsDialog;
}

namespace cis::gui {

// What opens the door for one member: the cards the desk gave them, read at a door or typed
// (a desk USB reader types too, turned into the door's format as set here, with a preview).
// The dialog talks to nobody: it asks through its signals and the window answers through the
// set/finished functions, so that no widget touches the network.
class CredentialsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Door
    {
        QString deviceId;
        QString name;
        QString credentials; // what the door holds for the member now, in words
    };

    CredentialsDialog(const QString &memberTitle, const CardReaderTransform &reader,
                      int captureSeconds, QWidget *parent = nullptr);
    ~CredentialsDialog() override;

    void setDoors(const QList<Door> &doors);
    void setCards(const QList<MemberCard> &cards);
    // The door's answer to captureRequested: its number, or why there is none.
    void captureFinished(const QString &cardNo, const QString &error);
    // The answer to addCardRequested or removeCardRequested.
    void cardOperationFinished(bool ok, const QString &message);

    CardReaderTransform readerTransform() const;
    QString statusText() const;
    bool isBusy() const { return m_busy; }
    int secondsLeft() const;

signals:
    void captureRequested(const QString &deviceId, int seconds);
    void captureCancelled();
    void addCardRequested(const QString &cardNo);
    void removeCardRequested(const QString &cardNo);
    void readerTransformChanged(const cis::CardReaderTransform &transform);

private:
    void updatePreview();
    void setBusy(bool busy);
    void addTypedCard();
    void showStatus(const QString &text, bool problem);
    void tick();

    std::unique_ptr<Ui::CredentialsDialog> m_ui;
    QString m_memberTitle;
    int m_captureSeconds = 30;
    bool m_busy = false;
    bool m_capturing = false;
    QTimer m_countdown;
    QElapsedTimer m_captureClock;
    QList<Door> m_doors;
};

} // namespace cis::gui
