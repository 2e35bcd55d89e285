// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Framing a face: the square starts where suggestedFaceCrop puts it, moves with the mouse and
// the arrow keys, resizes with the slider, the wheel and a corner, never leaves the photo or
// stops being square, and comes back in the photo's pixels although the photo is shown scaled.
#include "FaceCropDialog.h"
#include "FacePhoto.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QTest>

using namespace cis;
using namespace cis::gui;

namespace {

template<typename T> T *child(QObject &parent, const char *name)
{
    auto *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Red on the left half, blue on the right, so the preview shows which part is framed.
QImage halvesPhoto(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.fillRect(0, 0, width / 2, height, QColor(220, 30, 30));
    painter.fillRect(width / 2, 0, width - width / 2, height, QColor(30, 30, 220));
    painter.setBrush(QColor(240, 200, 170));
    painter.drawEllipse(QPoint(width / 2, height / 2), width / 8, height / 5);
    return image;
}

void send(QWidget *widget, QEvent::Type type, QPointF at, Qt::MouseButton button,
          Qt::MouseButtons buttons)
{
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget *widget, QPointF from, QPointF to)
{
    send(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    // In steps, as a hand would.
    for (int i = 1; i <= 4; ++i)
        send(widget, QEvent::MouseMove, from + (to - from) * i / 4.0, Qt::NoButton, Qt::LeftButton);
    send(widget, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

void wheel(QWidget *widget, int notches)
{
    const QPointF at(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

qreal scaleOf(const FaceCropView &view, const QImage &photo)
{
    return view.imageArea().width() / photo.width();
}

QPointF centreOnScreen(const FaceCropView &view, const QImage &photo)
{
    const qreal scale = scaleOf(view, photo);
    return view.imageArea().topLeft() + QRectF(view.crop()).center() * scale;
}

bool squareInside(const QRect &crop, const QImage &photo)
{
    return crop.width() == crop.height() && photo.rect().contains(crop);
}

} // namespace

class TestFaceCropDialog : public QObject
{
    Q_OBJECT

private slots:
    void startsAtTheSuggestedSquare()
    {
        const QImage photo = halvesPhoto(1200, 800);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa Öberg"));
        QCOMPARE(dialog.crop(), suggestedFaceCrop(photo));
        QCOMPARE(dialog.crop(), QRect(200, 0, 800, 800));
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("Åsa Öberg")));
        QVERIFY(child<QLabel>(dialog, "introLabel")->text().contains(QStringLiteral("forehead")));

        const QImage portrait = halvesPhoto(600, 1000);
        FaceCropDialog upright(portrait, QStringLiteral("Bo"));
        QCOMPARE(upright.crop(), suggestedFaceCrop(portrait));
        QVERIFY(upright.crop().y() < 200);
    }

    void dragMovesTheFrameInPhotoPixels()
    {
        const QImage photo = halvesPhoto(1200, 800);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view = child<FaceCropView>(dialog, "cropView");
        const qreal scale = scaleOf(*view, photo);
        QVERIFY2(scale > 0.1 && scale < 0.9, qPrintable(QString::number(scale)));

        const QPointF from = centreOnScreen(*view, photo);
        drag(view, from, from + QPointF(-60, 0));
        const QRect moved = dialog.crop();
        QCOMPARE(moved.size(), QSize(800, 800));
        QCOMPARE(moved.y(), 0);
        // 60 screen pixels are 60 / scale photo pixels.
        QVERIFY2(qAbs(moved.x() - (200 - 60 / scale)) <= 2, qPrintable(QString::number(moved.x())));

        // Far past the edges: the frame stops there.
        drag(view, centreOnScreen(*view, photo), centreOnScreen(*view, photo) + QPointF(2000, 900));
        QCOMPARE(dialog.crop(), QRect(400, 0, 800, 800));
        drag(view, centreOnScreen(*view, photo), centreOnScreen(*view, photo) - QPointF(2000, 900));
        QCOMPARE(dialog.crop(), QRect(0, 0, 800, 800));
    }

    void previewFollowsTheFrame()
    {
        const QImage photo = halvesPhoto(1200, 800);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *preview = child<QLabel>(dialog, "previewLabel");
        const auto previewCorner = [&] { return preview->pixmap().toImage().pixel(5, 100); };
        dialog.setCrop(QRect(0, 0, 500, 500));
        QVERIFY(qRed(previewCorner()) > 150 && qBlue(previewCorner()) < 80);
        dialog.setCrop(QRect(700, 300, 500, 500));
        QVERIFY(qBlue(previewCorner()) > 150 && qRed(previewCorner()) < 80);
        QVERIFY(child<QLabel>(dialog, "sizeLabel")->text().contains(QStringLiteral("500 × 500")));
    }

    void arrowKeysMoveTheFrame()
    {
        const QImage photo = halvesPhoto(1200, 800);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view = child<FaceCropView>(dialog, "cropView");
        const QRect start = dialog.crop();

        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(dialog.crop(), start.translated(8, 0)); // a hundredth of the shorter side
        QTest::keyClick(view, Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(dialog.crop(), start.translated(-72, 0));
        // The full height is framed: up and down have nowhere to go.
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(dialog.crop().y(), 0);

        dialog.setCrop(QRect(100, 100, 500, 500));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(dialog.crop(), QRect(100, 108, 500, 500));
        for (int i = 0; i < 40; ++i)
            QTest::keyClick(view, Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(dialog.crop(), QRect(100, 0, 500, 500));
    }

    void resizesAndStaysSquareInside()
    {
        const QImage photo = halvesPhoto(1200, 800);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view = child<FaceCropView>(dialog, "cropView");
        auto *slider = child<QSlider>(dialog, "sizeSlider");
        // Never smaller than the door needs, never larger than the photo.
        QCOMPARE(slider->minimum(), FacePhotoLimits{}.minSide);
        QCOMPARE(slider->maximum(), 800);
        QCOMPARE(slider->value(), 800);

        slider->setValue(500);
        QCOMPARE(dialog.crop().size(), QSize(500, 500));
        QVERIFY(squareInside(dialog.crop(), photo));
        QVERIFY(qAbs(dialog.crop().center().x() - 600) <= 1); // about its centre

        wheel(view, 2);
        const int grown = dialog.crop().width();
        QVERIFY2(grown > 500, qPrintable(QString::number(grown)));
        QCOMPARE(slider->value(), grown);
        wheel(view, -40);
        QCOMPARE(dialog.crop().width(), 400);
        wheel(view, 40);
        QCOMPARE(dialog.crop().width(), 800);
        QVERIFY(squareInside(dialog.crop(), photo));

        QTest::keyClick(view, Qt::Key_Minus);
        QVERIFY(dialog.crop().width() < 800);
        QVERIFY(squareInside(dialog.crop(), photo));

        // A square at the right edge grows into the photo, not out of it.
        dialog.setCrop(QRect(750, 350, 450, 450));
        QCOMPARE(dialog.crop(), QRect(750, 350, 450, 450));
        slider->setValue(700);
        QVERIFY(squareInside(dialog.crop(), photo));
        QCOMPARE(dialog.crop().width(), 700);
    }

    void cornerDragResizes()
    {
        const QImage photo = halvesPhoto(1200, 800);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view = child<FaceCropView>(dialog, "cropView");
        const qreal scale = scaleOf(*view, photo);
        dialog.setCrop(QRect(100, 100, 600, 600));
        const QPointF bottomRight = view->imageArea().topLeft() + QPointF(700, 700) * scale;
        drag(view, bottomRight, bottomRight - QPointF(100, 100) * scale);
        // The top left corner holds; the side shrinks by the 100 photo pixels dragged.
        QCOMPARE(dialog.crop().topLeft(), QPoint(100, 100));
        QVERIFY2(qAbs(dialog.crop().width() - 500) <= 2,
                 qPrintable(QString::number(dialog.crop().width())));
        QVERIFY(squareInside(dialog.crop(), photo));

        // Dragged far out, it stops at the photo's edge.
        const QPointF corner = view->imageArea().topLeft() +
                               QPointF(dialog.crop().bottomRight() + QPoint(1, 1)) * scale;
        drag(view, corner, corner + QPointF(900, 900));
        QCOMPARE(dialog.crop(), QRect(100, 100, 700, 700));
    }

    void setCropIsMadeSquareAndInside()
    {
        const QImage photo = halvesPhoto(1200, 800);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa"));
        dialog.setCrop(QRect(1000, -50, 600, 450));
        QCOMPARE(dialog.crop(), QRect(750, 0, 450, 450));
        dialog.setCrop(QRect(10, 10, 50, 50)); // below what the door needs
        QCOMPARE(dialog.crop().size(), QSize(400, 400));
        QVERIFY(squareInside(dialog.crop(), photo));
    }

    void acceptGivesTheCropInPhotoPixels()
    {
        const QImage photo = halvesPhoto(1500, 1000);
        FaceCropDialog dialog(photo, QStringLiteral("Åsa"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view = child<FaceCropView>(dialog, "cropView");
        const qreal scale = scaleOf(*view, photo);
        QVERIFY(!qFuzzyCompare(scale, 1.0));
        child<QSlider>(dialog, "sizeSlider")->setValue(600);
        const QRect before = dialog.crop();
        const QPointF from = centreOnScreen(*view, photo);
        drag(view, from, from + QPointF(30, 20));

        auto *ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QRect crop = dialog.crop();
        QCOMPARE(crop.size(), QSize(600, 600));
        QVERIFY(qAbs(crop.x() - (before.x() + 30 / scale)) <= 2);
        QVERIFY(qAbs(crop.y() - (before.y() + 20 / scale)) <= 2);
        QVERIFY(squareInside(crop, photo));
        const auto jpeg = encodeFacePhoto(photo, crop);
        QVERIFY2(jpeg, qPrintable(jpeg ? QString() : jpeg.error()));
    }

    void cancelRejects()
    {
        FaceCropDialog dialog(halvesPhoto(800, 600), QStringLiteral("Åsa"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void fitsTheSmallestScreenWithLongerTexts()
    {
        FaceCropDialog dialog(halvesPhoto(4000, 3000), QStringLiteral("Maria-Magdalena Lindqvist"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.width() <= 900 && dialog.height() <= 620,
                 qPrintable(QStringLiteral("%1x%2").arg(dialog.width()).arg(dialog.height())));
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            QCoreApplication::processEvents();
            dialog.grab().save(QString::fromLocal8Bit(folder) +
                               QStringLiteral("/face-crop-dialog.png"));
        }
        // Swedish runs about 30 % longer: stretch every label and ask again.
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->text().isEmpty())
                label->setText(label->text() + QLatin1Char(' ') +
                               label->text().left(label->text().size() / 3));
        }
        const QSize needed = dialog.minimumSizeHint();
        QVERIFY2(needed.width() <= 900 && needed.height() <= 620,
                 qPrintable(QStringLiteral("%1x%2").arg(needed.width()).arg(needed.height())));
        dialog.resize(900, 620);
        QCOMPARE(dialog.size(), QSize(900, 620));
    }
};

QTEST_MAIN(TestFaceCropDialog)
#include "tst_facecropdialog.moc"
