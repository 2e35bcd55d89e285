// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "FaceCropDialog.h"

#include "FacePhoto.h"
#include "ui_FaceCropDialog.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSignalBlocker>
#include <QWheelEvent>
#include <cmath>

namespace cis::gui {

namespace {

constexpr qreal kMargin = 4;         // around the photo, so the frame's border stays visible
constexpr qreal kHandleReach = 10;   // how near a corner the pointer resizes, in widget pixels
constexpr qreal kWheelFactor = 1.05; // per wheel notch, and per + or -

} // namespace

FaceCropView::FaceCropView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // the cursor tells moving from resizing before a button is pressed
}

void FaceCropView::setImage(const QImage &image, int minimumSide)
{
    m_image = image;
    m_minimumSide = minimumSide;
    rescale();
    setCrop(suggestedFaceCrop(m_image));
}

int FaceCropView::maximumSide() const
{
    return qMin(m_image.width(), m_image.height());
}

int FaceCropView::minimumSide() const
{
    return qMin(m_minimumSide, maximumSide());
}

QRect FaceCropView::fitted(const QRect &crop) const
{
    if (m_image.isNull())
        return {};
    const QRect normal = crop.normalized();
    const int side = qBound(minimumSide(), qMin(normal.width(), normal.height()), maximumSide());
    const QPoint centre = normal.center();
    const int x = qBound(0, centre.x() - (side - 1) / 2, m_image.width() - side);
    const int y = qBound(0, centre.y() - (side - 1) / 2, m_image.height() - side);
    return {x, y, side, side};
}

void FaceCropView::setCrop(const QRect &crop)
{
    const QRect next = fitted(crop);
    if (next == m_crop)
        return;
    m_crop = next;
    update();
    emit cropChanged(m_crop);
}

void FaceCropView::setCropSide(int side)
{
    const QPoint centre = m_crop.center();
    setCrop(QRect(centre.x() - (side - 1) / 2, centre.y() - (side - 1) / 2, side, side));
}

QRectF FaceCropView::imageArea() const
{
    if (m_image.isNull())
        return {};
    const QRectF room = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const qreal scale = qMin(room.width() / m_image.width(), room.height() / m_image.height());
    if (scale <= 0)
        return {};
    QRectF area(0, 0, m_image.width() * scale, m_image.height() * scale);
    area.moveCenter(room.center());
    return area;
}

QPointF FaceCropView::toImage(const QPointF &widgetPoint) const
{
    const QRectF area = imageArea();
    if (area.isEmpty())
        return {};
    const qreal scale = area.width() / m_image.width();
    return (widgetPoint - area.topLeft()) / scale;
}

QRectF FaceCropView::toWidget(const QRect &imageRect) const
{
    const QRectF area = imageArea();
    if (area.isEmpty())
        return {};
    const qreal scale = area.width() / m_image.width();
    return {area.topLeft() + QPointF(imageRect.topLeft()) * scale,
            QSizeF(imageRect.size()) * scale};
}

int FaceCropView::cornerAt(const QPointF &widgetPoint) const
{
    const QRectF frame = toWidget(m_crop);
    const QPointF corners[] = {frame.topLeft(), frame.topRight(), frame.bottomRight(),
                               frame.bottomLeft()};
    for (int i = 0; i < 4; ++i) {
        const QPointF distance = widgetPoint - corners[i];
        if (qAbs(distance.x()) <= kHandleReach && qAbs(distance.y()) <= kHandleReach)
            return i;
    }
    return -1;
}

void FaceCropView::updateCursor(const QPointF &widgetPoint)
{
    const int corner = cornerAt(widgetPoint);
    if (m_drag == Drag::Resize || corner >= 0) {
        const bool falling = m_drag == Drag::Resize ? true : corner % 2 == 0;
        setCursor(falling ? Qt::SizeFDiagCursor : Qt::SizeBDiagCursor);
    } else if (m_drag == Drag::Move) {
        setCursor(Qt::ClosedHandCursor);
    } else if (toWidget(m_crop).contains(widgetPoint)) {
        setCursor(Qt::OpenHandCursor);
    } else {
        setCursor(Qt::PointingHandCursor);
    }
}

void FaceCropView::rescale()
{
    const QRectF area = imageArea();
    if (area.isEmpty()) {
        m_scaled = {};
        return;
    }
    const qreal ratio = devicePixelRatioF();
    m_scaled = QPixmap::fromImage(m_image.scaled((area.size() * ratio).toSize(),
                                                 Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    m_scaled.setDevicePixelRatio(ratio);
}

QSize FaceCropView::sizeHint() const
{
    return {480, 400};
}

QSize FaceCropView::minimumSizeHint() const
{
    return {280, 240};
}

void FaceCropView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Dark));
    const QRectF area = imageArea();
    if (area.isEmpty())
        return;
    painter.drawPixmap(area.topLeft(), m_scaled);

    // Dim what the door will not get, so the frame reads as the picture.
    const QRectF frame = toWidget(m_crop);
    QPainterPath outside;
    outside.setFillRule(Qt::OddEvenFill);
    outside.addRect(area);
    outside.addRect(frame);
    painter.fillPath(outside, QColor(0, 0, 0, 140));

    painter.setRenderHint(QPainter::Antialiasing);
    // Where a face framed forehead to chin with some margin sits: a guide, not a rule.
    painter.setPen(QPen(QColor(255, 255, 255, 150), 1, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(frame.center(), frame.width() * 0.32, frame.height() * 0.4);

    const QColor border = hasFocus() ? palette().color(QPalette::Highlight) : QColor(Qt::white);
    painter.setPen(QPen(border, 2));
    painter.drawRect(frame);
    painter.setPen(Qt::NoPen);
    painter.setBrush(border);
    const qreal handle = 8;
    for (const QPointF &corner :
         {frame.topLeft(), frame.topRight(), frame.bottomRight(), frame.bottomLeft()}) {
        painter.drawRect(QRectF(corner - QPointF(handle / 2, handle / 2), QSizeF(handle, handle)));
    }
}

void FaceCropView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rescale();
}

void FaceCropView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_image.isNull()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPointF point = toImage(event->position());
    const int corner = cornerAt(event->position());
    if (corner >= 0) {
        m_drag = Drag::Resize;
        // The corner opposite the one grabbed stays where it is.
        const QPointF corners[] = {
            QPointF(m_crop.topLeft()), QPointF(m_crop.x() + m_crop.width(), m_crop.y()),
            QPointF(m_crop.x() + m_crop.width(), m_crop.y() + m_crop.height()),
            QPointF(m_crop.x(), m_crop.y() + m_crop.height())};
        m_anchor = corners[(corner + 2) % 4];
    } else {
        m_drag = Drag::Move;
        if (!m_crop.contains(point.toPoint())) {
            // A click beside the frame brings the frame there, then drags it on.
            setCrop(QRect(point.toPoint() - QPoint(m_crop.width() / 2, m_crop.height() / 2),
                          m_crop.size()));
        }
        m_grabOffset = point - QPointF(m_crop.topLeft());
    }
    updateCursor(event->position());
    event->accept();
}

void FaceCropView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF point = toImage(event->position());
    if (m_drag == Drag::Move) {
        setCrop(QRect((point - m_grabOffset).toPoint(), m_crop.size()));
    } else if (m_drag == Drag::Resize) {
        const QPointF reach = point - m_anchor;
        // Room for the square on the anchor's far side, so growing stops at the photo's edge
        // instead of sliding the frame off the anchor.
        const qreal roomX = reach.x() >= 0 ? m_image.width() - m_anchor.x() : m_anchor.x();
        const qreal roomY = reach.y() >= 0 ? m_image.height() - m_anchor.y() : m_anchor.y();
        const int side = qRound(qMin(qMax(qAbs(reach.x()), qAbs(reach.y())), qMin(roomX, roomY)));
        const int bounded = qBound(minimumSide(), side, maximumSide());
        const int x = qRound(reach.x() >= 0 ? m_anchor.x() : m_anchor.x() - bounded);
        const int y = qRound(reach.y() >= 0 ? m_anchor.y() : m_anchor.y() - bounded);
        setCrop(QRect(x, y, bounded, bounded));
    }
    updateCursor(event->position());
}

void FaceCropView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_drag = Drag::None;
    updateCursor(event->position());
}

void FaceCropView::wheelEvent(QWheelEvent *event)
{
    const qreal notches = event->angleDelta().y() / 120.0;
    if (notches == 0 || m_image.isNull()) {
        event->ignore();
        return;
    }
    const int side = m_crop.width();
    const int next = qRound(side * std::pow(kWheelFactor, notches));
    // At least a pixel per notch, or a small frame would never grow.
    setCropSide(next == side ? side + (notches > 0 ? 1 : -1) : next);
    event->accept();
}

void FaceCropView::keyPressEvent(QKeyEvent *event)
{
    const int step =
        qMax(1, maximumSide() / 100) * (event->modifiers().testFlag(Qt::ShiftModifier) ? 10 : 1);
    QPoint move;
    switch (event->key()) {
    case Qt::Key_Left:
        move = {-step, 0};
        break;
    case Qt::Key_Right:
        move = {step, 0};
        break;
    case Qt::Key_Up:
        move = {0, -step};
        break;
    case Qt::Key_Down:
        move = {0, step};
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: // + without Shift on most layouts
        setCropSide(qMax(m_crop.width() + 1, qRound(m_crop.width() * kWheelFactor)));
        return;
    case Qt::Key_Minus:
        setCropSide(qMin(m_crop.width() - 1, qRound(m_crop.width() / kWheelFactor)));
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    setCrop(m_crop.translated(move));
}

FaceCropDialog::FaceCropDialog(const QImage &photo, const QString &memberName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FaceCropDialog>())
    , m_photo(photo)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Face photo for %1").arg(memberName));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Use this picture"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_ui->cropView->setImage(m_photo, FacePhotoLimits{}.minSide);
    // Connected once the range is set: clamping the slider's value into it must not resize
    // the frame.
    m_ui->sizeSlider->setRange(m_ui->cropView->minimumSide(), m_ui->cropView->maximumSide());
    m_ui->sizeSlider->setSingleStep(qMax(1, m_ui->cropView->maximumSide() / 100));
    m_ui->sizeSlider->setPageStep(qMax(1, m_ui->cropView->maximumSide() / 10));
    m_ui->sizeSlider->setEnabled(m_ui->sizeSlider->minimum() < m_ui->sizeSlider->maximum());
    showCrop(m_ui->cropView->crop());
    connect(m_ui->cropView, &FaceCropView::cropChanged, this, &FaceCropDialog::showCrop);
    connect(m_ui->sizeSlider, &QSlider::valueChanged, m_ui->cropView, &FaceCropView::setCropSide);
    m_ui->cropView->setFocus();
}

FaceCropDialog::~FaceCropDialog() = default;

QRect FaceCropDialog::crop() const
{
    return m_ui->cropView->crop();
}

void FaceCropDialog::setCrop(const QRect &crop)
{
    m_ui->cropView->setCrop(crop);
}

void FaceCropDialog::showCrop(const QRect &crop)
{
    {
        const QSignalBlocker blocker(m_ui->sizeSlider);
        m_ui->sizeSlider->setValue(crop.width());
    }
    const int outputSide = FacePhotoLimits{}.outputSide;
    m_ui->sizeLabel->setText(tr("%1 × %1 pixels of the photo; the door gets %2 × %2.")
                                 .arg(crop.width())
                                 .arg(qMin(crop.width(), outputSide)));

    // Drawn straight from the photo's pixels, so dragging stays smooth with a large photo.
    const QSize box = m_ui->previewLabel->minimumSize();
    const qreal ratio = devicePixelRatioF();
    QPixmap preview((QSizeF(box) * ratio).toSize());
    preview.setDevicePixelRatio(ratio);
    preview.fill(Qt::transparent);
    if (!crop.isEmpty()) {
        QPainter painter(&preview);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(QPointF(0, 0), QSizeF(box)), m_photo, QRectF(crop));
    }
    m_ui->previewLabel->setPixmap(preview);
}

} // namespace cis::gui
