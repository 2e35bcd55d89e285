// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDialog>
#include <QImage>
#include <QPixmap>
#include <memory>

namespace Ui {
class FaceCropDialog;
}

namespace cis::gui {

// The photo fitted to the widget with a square frame over it, kept inside the photo and never
// smaller than the door needs (FacePhotoLimits::minSide) unless the photo itself is. Drag the
// frame to move it, drag a corner, turn the wheel or press + and - to resize it; the arrow keys
// move it (with Shift, ten times as far). All positions are in the photo's own pixels.
class FaceCropView : public QWidget
{
    Q_OBJECT

public:
    explicit FaceCropView(QWidget *parent = nullptr);

    void setImage(const QImage &image, int minimumSide);
    QRect crop() const { return m_crop; }
    // Made square (the largest square centred in it), no smaller than minimumSide() and moved
    // inside the photo.
    void setCrop(const QRect &crop);
    // Resizes the frame about its centre.
    void setCropSide(int side);
    int minimumSide() const;
    int maximumSide() const;
    // Where the photo is drawn, in widget coordinates.
    QRectF imageArea() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cropChanged(const QRect &crop);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Drag
    {
        None,
        Move,
        Resize
    };

    QRect fitted(const QRect &crop) const;
    QPointF toImage(const QPointF &widgetPoint) const;
    QRectF toWidget(const QRect &imageRect) const;
    // The frame corner under a widget point, if any: 0 top left, then clockwise; -1 for none.
    int cornerAt(const QPointF &widgetPoint) const;
    void updateCursor(const QPointF &widgetPoint);
    void rescale();

    QImage m_image;
    QPixmap m_scaled; // the photo at the widget's size, redrawn on resize only
    QRect m_crop;
    int m_minimumSide = 0;
    Drag m_drag = Drag::None;
    QPointF m_grabOffset; // Move: pointer minus the frame's top left, in photo pixels
    QPointF m_anchor;     // Resize: the corner that stays put, in photo pixels
};

// Frames a member's face in a photo for the door: the photo with a square frame, starting at
// suggestedFaceCrop, and a live preview of the picture the door gets. The photo is held in
// memory only, like everything made of it here.
class FaceCropDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FaceCropDialog(const QImage &photo, const QString &memberName,
                            QWidget *parent = nullptr);
    ~FaceCropDialog() override;

    // In the photo's pixels.
    QRect crop() const;
    void setCrop(const QRect &crop);

private:
    void showCrop(const QRect &crop);

    std::unique_ptr<Ui::FaceCropDialog> m_ui;
    QImage m_photo;
};

} // namespace cis::gui
