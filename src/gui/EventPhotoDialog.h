// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class EventPhotoDialog;
}

namespace cis::gui {

// The picture a door took of an event (a face at the reader, a stranger), shown while the
// dialog is open. It lives in memory only: nothing is written to disk, and closing the dialog
// drops it (door pictures are personal data).
class EventPhotoDialog : public QDialog
{
    Q_OBJECT

public:
    // caption: when, where and who, for the administrator.
    explicit EventPhotoDialog(const QString &caption, QWidget *parent = nullptr);
    ~EventPhotoDialog() override;

    // The door's answer: the JPEG, or why there is none (a message naming the door).
    void showPhoto(const QByteArray &jpeg, const QString &error);
    bool hasPhoto() const;

private:
    std::unique_ptr<Ui::EventPhotoDialog> m_ui;
};

} // namespace cis::gui
