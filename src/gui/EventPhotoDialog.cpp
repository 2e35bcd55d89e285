// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "EventPhotoDialog.h"

#include "ui_EventPhotoDialog.h"

#include <QPixmap>

namespace cis::gui {

EventPhotoDialog::EventPhotoDialog(const QString &caption, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EventPhotoDialog>())
{
    m_ui->setupUi(this);
    m_ui->captionLabel->setText(caption);
    m_ui->photoLabel->setText(tr("Fetching the photo from the door…"));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

EventPhotoDialog::~EventPhotoDialog() = default;

void EventPhotoDialog::showPhoto(const QByteArray &jpeg, const QString &error)
{
    if (!error.isEmpty()) {
        m_ui->photoLabel->setText(
            tr("The photo could not be fetched: %1\nThe door keeps pictures for a limited time; "
               "older events may have lost theirs.")
                .arg(error));
        return;
    }
    QPixmap photo;
    if (!photo.loadFromData(jpeg, "JPEG")) {
        m_ui->photoLabel->setText(tr("The door sent a picture that cannot be shown."));
        return;
    }
    // Terminals take 768×432 and smaller; larger ones are fitted to the screen's dialog.
    const QSize fit(768, 432);
    if (photo.width() > fit.width() || photo.height() > fit.height())
        photo = photo.scaled(fit, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_ui->photoLabel->setPixmap(photo);
    adjustSize();
}

bool EventPhotoDialog::hasPhoto() const
{
    return !m_ui->photoLabel->pixmap().isNull();
}

} // namespace cis::gui
