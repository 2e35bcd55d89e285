// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CredentialsDialog.h"

#include "FaceCropDialog.h"
#include "FacePhoto.h"
#include "ui_CredentialsDialog.h"

#include <QFileDialog>
#include <QKeyEvent>
#include <QPushButton>

namespace cis::gui {

CredentialsDialog::CredentialsDialog(const QString &memberTitle, const CardReaderTransform &reader,
                                     int captureSeconds, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CredentialsDialog>())
    , m_memberTitle(memberTitle)
    , m_captureSeconds(qBound(5, captureSeconds, 30))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Cards and face: %1").arg(memberTitle));
    // Enter in the number field adds the card (a desk reader ends with Enter): it must never
    // close the dialog instead.
    for (QPushButton *button : findChildren<QPushButton *>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }

    m_ui->inputCombo->addItem(tr("Decimal digits"), false);
    m_ui->inputCombo->addItem(tr("Hexadecimal"), true);
    m_ui->outputCombo->addItem(tr("The same as typed"), int(CardReaderTransform::Output::AsTyped));
    m_ui->outputCombo->addItem(tr("Decimal"), int(CardReaderTransform::Output::Decimal));
    m_ui->outputCombo->addItem(tr("Hexadecimal"), int(CardReaderTransform::Output::Hex));
    m_ui->inputCombo->setCurrentIndex(reader.inputHex ? 1 : 0);
    m_ui->outputCombo->setCurrentIndex(m_ui->outputCombo->findData(int(reader.output)));
    m_ui->reverseCheck->setChecked(reader.reverseBytes);
    m_ui->padSpin->setValue(reader.zeroPadWidth);
    m_ui->captureProgress->setRange(0, m_captureSeconds);
    m_ui->captureProgress->setVisible(false);
    m_ui->cancelReadButton->setVisible(false);

    const auto transformEdited = [this] {
        updatePreview();
        emit readerTransformChanged(readerTransform());
    };
    connect(m_ui->inputCombo, &QComboBox::currentIndexChanged, this, transformEdited);
    connect(m_ui->outputCombo, &QComboBox::currentIndexChanged, this, transformEdited);
    connect(m_ui->reverseCheck, &QCheckBox::toggled, this, transformEdited);
    connect(m_ui->padSpin, &QSpinBox::valueChanged, this, transformEdited);
    connect(m_ui->numberEdit, &QLineEdit::textChanged, this, &CredentialsDialog::updatePreview);
    connect(m_ui->numberEdit, &QLineEdit::returnPressed, this, &CredentialsDialog::addTypedCard);
    connect(m_ui->addCardButton, &QPushButton::clicked, this, &CredentialsDialog::addTypedCard);
    connect(m_ui->cardList, &QListWidget::itemSelectionChanged, this, [this] { setBusy(m_busy); });
    connect(m_ui->removeCardButton, &QPushButton::clicked, this, [this] {
        const QListWidgetItem *item = m_ui->cardList->currentItem();
        if (!item || m_busy)
            return;
        setBusy(true);
        const QString cardNo = item->data(Qt::UserRole).toString();
        showStatus(tr("Removing card %1…").arg(cardNo), false);
        emit removeCardRequested(cardNo);
    });
    connect(m_ui->readButton, &QPushButton::clicked, this, [this] {
        const QString deviceId = m_ui->doorCombo->currentData().toString();
        if (deviceId.isEmpty() || m_busy)
            return;
        setBusy(true);
        m_capturing = true;
        m_captureClock.start();
        m_ui->captureProgress->setValue(m_captureSeconds);
        m_ui->captureProgress->setVisible(true);
        m_ui->cancelReadButton->setVisible(true);
        m_ui->cancelReadButton->setEnabled(true);
        m_ui->cancelReadButton->setFocus();
        tick();
        m_countdown.start();
        emit captureRequested(deviceId, m_captureSeconds);
    });
    connect(m_ui->cancelReadButton, &QPushButton::clicked, this, [this] {
        m_ui->cancelReadButton->setEnabled(false);
        emit captureCancelled();
    });
    choosePhotoFile = [this] {
        return QFileDialog::getOpenFileName(this, tr("Face photo of %1").arg(m_memberTitle), {},
                                            tr("Photos (*.jpg *.jpeg *.png)"));
    };
    confirmCrop = [this](const QImage &photo) -> std::optional<QRect> {
        FaceCropDialog crop(photo, m_memberTitle, this);
        if (crop.exec() != QDialog::Accepted)
            return std::nullopt;
        return crop.crop();
    };
    connect(m_ui->setFaceButton, &QPushButton::clicked, this, [this] {
        if (m_busy)
            return;
        const QString path = choosePhotoFile ? choosePhotoFile() : QString();
        if (!path.isEmpty())
            setFaceFromFile(path);
    });
    connect(m_ui->takePhotoButton, &QPushButton::clicked, this, [this] {
        const QString deviceId = m_ui->doorCombo->currentData().toString();
        if (deviceId.isEmpty() || m_busy)
            return;
        setBusy(true);
        m_takingPhoto = true;
        m_ui->faceProgress->setValue(0);
        m_ui->faceProgress->setFormat(
            tr("Look straight into the camera of %1: %p %").arg(m_ui->doorCombo->currentText()));
        m_ui->faceProgress->setVisible(true);
        m_ui->cancelPhotoButton->setVisible(true);
        m_ui->cancelPhotoButton->setEnabled(true);
        m_ui->cancelPhotoButton->setFocus();
        showStatus(tr("%1 is taking the photo…").arg(m_ui->doorCombo->currentText()), false);
        emit takePhotoRequested(deviceId, m_captureSeconds);
    });
    connect(m_ui->cancelPhotoButton, &QPushButton::clicked, this, [this] {
        m_ui->cancelPhotoButton->setEnabled(false);
        emit takePhotoCancelled();
    });
    connect(m_ui->removeFaceButton, &QPushButton::clicked, this, [this] {
        if (m_busy)
            return;
        setBusy(true);
        showStatus(tr("Removing the face…"), false);
        emit removeFaceRequested();
    });
    connect(m_ui->doorCombo, &QComboBox::currentIndexChanged, this, [this] { setBusy(m_busy); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] {
        if (m_capturing)
            emit captureCancelled();
        if (m_takingPhoto)
            emit takePhotoCancelled();
    });
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &CredentialsDialog::tick);
    updatePreview();
    setBusy(false);
}

CredentialsDialog::~CredentialsDialog() = default;

void CredentialsDialog::setDoors(const QList<Door> &doors)
{
    m_doors = doors;
    const QString current = m_ui->doorCombo->currentData().toString();
    m_ui->doorCombo->clear();
    QStringList onDoors;
    for (const Door &door : doors) {
        m_ui->doorCombo->addItem(door.name, door.deviceId);
        onDoors.append(tr("%1: %2").arg(door.name, door.credentials));
    }
    const int again = m_ui->doorCombo->findData(current);
    if (again >= 0)
        m_ui->doorCombo->setCurrentIndex(again);
    updateFaceState();
    m_ui->summaryLabel->setText(
        doors.isEmpty()
            ? tr("%1 is not on any door yet. Cards given now are written to each door once the "
                 "member is on it.")
                  .arg(m_memberTitle)
            : tr("%1 is on %n door(s). %2.", nullptr, int(doors.size()))
                  .arg(m_memberTitle, onDoors.join(QStringLiteral("; "))));
    setBusy(m_busy);
}

bool CredentialsDialog::setFaceFromFile(const QString &path)
{
    const auto photo = loadFacePhoto(path);
    if (!photo) {
        showStatus(photo.error(), true);
        return false;
    }
    const std::optional<QRect> crop =
        confirmCrop ? confirmCrop(photo.value()) : suggestedFaceCrop(photo.value());
    if (!crop)
        return false;
    const auto jpeg = encodeFacePhoto(photo.value(), *crop);
    if (!jpeg) {
        showStatus(jpeg.error(), true);
        return false;
    }
    setBusy(true);
    showStatus(tr("Writing the face photo to the doors…"), false);
    emit setFaceRequested(jpeg.value());
    return true;
}

void CredentialsDialog::faceOperationFinished(bool ok, const QString &message)
{
    endPhoto();
    setBusy(false);
    showStatus(message, !ok);
}

void CredentialsDialog::facePhotoProgress(int percent)
{
    m_ui->faceProgress->setValue(qBound(0, percent, 100));
}

void CredentialsDialog::endPhoto()
{
    m_takingPhoto = false;
    m_ui->faceProgress->setVisible(false);
    m_ui->cancelPhotoButton->setVisible(false);
}

void CredentialsDialog::updateFaceState()
{
    QStringList with;
    QStringList without;
    QStringList unreachable;
    for (const Door &door : std::as_const(m_doors)) {
        if (!door.noFaceLibrary.isEmpty())
            unreachable.append(door.noFaceLibrary);
        else if (door.hasFace)
            with.append(door.name);
        else
            without.append(door.name);
    }
    QStringList parts;
    if (m_doors.isEmpty())
        parts.append(tr("A face can be set once the member is on a door."));
    if (!with.isEmpty())
        parts.append(tr("Face on: %1.").arg(with.join(QStringLiteral(", "))));
    if (!without.isEmpty())
        parts.append(tr("No face on: %1.").arg(without.join(QStringLiteral(", "))));
    parts += unreachable;
    m_ui->faceLabel->setText(parts.join(QLatin1Char(' ')));
}

void CredentialsDialog::setCards(const QList<MemberCard> &cards)
{
    m_ui->cardList->clear();
    for (const MemberCard &card : cards) {
        auto *item = new QListWidgetItem(
            tr("%1 (given %2)")
                .arg(card.cardNo,
                     card.addedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        item->setData(Qt::UserRole, card.cardNo);
        m_ui->cardList->addItem(item);
    }
    if (cards.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No card yet"));
        item->setFlags(Qt::NoItemFlags);
        m_ui->cardList->addItem(item);
    }
    setBusy(m_busy);
}

void CredentialsDialog::captureFinished(const QString &cardNo, const QString &error)
{
    m_capturing = false;
    m_countdown.stop();
    m_ui->captureProgress->setVisible(false);
    m_ui->cancelReadButton->setVisible(false);
    if (cardNo.isEmpty()) {
        setBusy(false);
        showStatus(error, true);
        return;
    }
    // The number the door itself read goes in exactly as read: no desk-reader transform.
    showStatus(tr("The door read card %1; adding it…").arg(cardNo), false);
    emit addCardRequested(cardNo);
}

void CredentialsDialog::cardOperationFinished(bool ok, const QString &message)
{
    setBusy(false);
    showStatus(message, !ok);
    if (ok)
        m_ui->numberEdit->clear();
}

CardReaderTransform CredentialsDialog::readerTransform() const
{
    CardReaderTransform transform;
    transform.inputHex = m_ui->inputCombo->currentData().toBool();
    transform.output =
        static_cast<CardReaderTransform::Output>(m_ui->outputCombo->currentData().toInt());
    transform.reverseBytes = m_ui->reverseCheck->isChecked();
    transform.zeroPadWidth = m_ui->padSpin->value();
    return transform;
}

QString CredentialsDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

int CredentialsDialog::secondsLeft() const
{
    if (!m_capturing)
        return 0;
    return qMax(0, m_captureSeconds - int(m_captureClock.elapsed() / 1000));
}

void CredentialsDialog::tick()
{
    const int left = secondsLeft();
    m_ui->captureProgress->setValue(left);
    m_ui->captureProgress->setFormat(
        tr("Hold the card to the reader of %1: %n second(s) left", nullptr, left)
            .arg(m_ui->doorCombo->currentText()));
}

void CredentialsDialog::updatePreview()
{
    const QString typed = m_ui->numberEdit->text();
    if (typed.trimmed().isEmpty()) {
        m_ui->previewLabel->setText(tr("(type or scan a number)"));
        return;
    }
    const CardReaderResult result = transformReaderInput(typed, readerTransform());
    if (!result.error.isEmpty()) {
        m_ui->previewLabel->setText(result.error);
        return;
    }
    if (const std::optional<QString> problem = cardNumberProblem(result.cardNo))
        m_ui->previewLabel->setText(*problem);
    else
        m_ui->previewLabel->setText(result.cardNo);
}

void CredentialsDialog::addTypedCard()
{
    if (m_busy)
        return;
    const CardReaderResult result =
        transformReaderInput(m_ui->numberEdit->text(), readerTransform());
    if (!result.error.isEmpty())
        return showStatus(result.error, true);
    if (const std::optional<QString> problem = cardNumberProblem(result.cardNo))
        return showStatus(*problem, true);
    setBusy(true);
    showStatus(tr("Adding card %1…").arg(result.cardNo), false);
    emit addCardRequested(result.cardNo);
}

void CredentialsDialog::setBusy(bool busy)
{
    m_busy = busy;
    const QListWidgetItem *item = m_ui->cardList->currentItem();
    m_ui->removeCardButton->setEnabled(!busy && item && item->flags() != Qt::NoItemFlags);
    m_ui->readButton->setEnabled(!busy && m_ui->doorCombo->count() > 0);
    m_ui->readButton->setToolTip(m_ui->doorCombo->count() > 0
                                     ? tr("The door's own reader reads the card, so the number is "
                                          "exactly the one it will recognise later")
                                     : tr("The member is not on any door yet"));
    m_ui->addCardButton->setEnabled(!busy);
    m_ui->numberEdit->setEnabled(!busy);
    m_ui->doorCombo->setEnabled(!busy);
    const QString deviceId = m_ui->doorCombo->currentData().toString();
    bool anyLibrary = false;
    bool anyFace = false;
    QString whyNotHere;
    for (const Door &door : std::as_const(m_doors)) {
        anyLibrary = anyLibrary || door.noFaceLibrary.isEmpty();
        anyFace = anyFace || door.hasFace;
        if (door.deviceId == deviceId)
            whyNotHere = door.noFaceLibrary;
    }
    m_ui->setFaceButton->setEnabled(!busy && anyLibrary);
    m_ui->takePhotoButton->setEnabled(!busy && !deviceId.isEmpty() && whyNotHere.isEmpty());
    m_ui->takePhotoButton->setToolTip(
        whyNotHere.isEmpty() ? tr("The door chosen above takes the photo with its own camera; "
                                  "the member looks straight into it")
                             : whyNotHere);
    m_ui->removeFaceButton->setEnabled(!busy && anyFace);
}

void CredentialsDialog::showStatus(const QString &text, bool problem)
{
    m_ui->statusLabel->setText(text);
    QPalette palette = m_ui->statusLabel->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xb0, 0x1e, 0x1e)
                                                   : this->palette().color(QPalette::WindowText));
    m_ui->statusLabel->setPalette(palette);
}

} // namespace cis::gui
