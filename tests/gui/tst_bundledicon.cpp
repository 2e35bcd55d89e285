// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Every icon the app bundles is drawn at the sizes menus, the tray and the taskbar ask for:
// from the SVG where Qt's SVG plug-ins are deployed, from the build's PNG renders on Windows.
#include "BundledIcon.h"

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace cis::gui;

class TestBundledIcon : public QObject
{
    Q_OBJECT

private slots:
    void everyIconIsDrawnAtEverySize_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList svgs =
            QDir(QStringLiteral(CIS_ICONS_DIR)).entryList({QStringLiteral("*.svg")}, QDir::Files);
        QVERIFY(svgs.size() >= 10);
        for (const QString &svg : svgs) {
            const QString name = svg.chopped(4);
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void everyIconIsDrawnAtEverySize()
    {
        QFETCH(QString, name);
        const QIcon icon = bundledIcon(name);
        QVERIFY(!icon.isNull());
        for (const int size : {16, 24, 32, 48, 256}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.size(), QSize(size, size));
            int drawn = 0;
            for (int y = 0; y < size; ++y) {
                for (int x = 0; x < size; ++x)
                    drawn += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
            }
            // Not an empty square: an icon covers a good part of its box.
            QVERIFY2(
                drawn > size * size / 10,
                qPrintable(
                    QStringLiteral("%1 at %2 px: %3 pixels drawn").arg(name).arg(size).arg(drawn)));
        }
    }

    void anUnknownNameIsNoIcon() { QVERIFY(bundledIcon(QStringLiteral("no-such-icon")).isNull()); }
};

QTEST_MAIN(TestBundledIcon)
#include "tst_bundledicon.moc"
