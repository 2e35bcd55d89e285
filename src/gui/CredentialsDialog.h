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
        bool hasFace = false;
        // Empty when the door has a face library this program reaches; else why not.
        QString noFaceLibrary;
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

    // The answer to setFaceRequested, takePhotoRequested or removeFaceRequested.
    void faceOperationFinished(bool ok, const QString &message);
    // captureProgress of a photo being taken at the door (0..100).
    void facePhotoProgress(int percent);

    // Asking the desk: which file, and which square of it is the face. Tests replace them;
    // by default a file dialog and the crop dialog.
    std::function<QString()> choosePhotoFile;
    std::function<std::optional<QRect>(const QImage &)> confirmCrop;
    // The photo from a file, prepared for the doors (EXIF turned, cropped, scaled, baseline
    // 4:2:0 JPEG) and handed on with setFaceRequested; false with the reason shown otherwise.
    bool setFaceFromFile(const QString &path);

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
    void setFaceRequested(const QByteArray &jpeg);
    void takePhotoRequested(const QString &deviceId, int seconds);
    void takePhotoCancelled();
    void removeFaceRequested();

private:
    void updatePreview();
    void setBusy(bool busy);
    void addTypedCard();
    void showStatus(const QString &text, bool problem);
    void tick();
    void updateFaceState();
    void endPhoto();

    std::unique_ptr<Ui::CredentialsDialog> m_ui;
    QString m_memberTitle;
    int m_captureSeconds = 30;
    bool m_busy = false;
    bool m_capturing = false;
    QTimer m_countdown;
    QElapsedTimer m_captureClock;
    QList<Door> m_doors;
    bool m_takingPhoto = false;
};

} // namespace cis::gui
