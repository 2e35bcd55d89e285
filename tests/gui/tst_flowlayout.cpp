// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "FlowLayout.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <memory>

using cis::gui::FlowLayout;

class TestFlowLayout : public QObject
{
    Q_OBJECT

private slots:
    void wrapsInsteadOfWidening()
    {
        QWidget bar;
        auto *layout = new FlowLayout(&bar, 4);
        QList<QPushButton *> buttons;
        for (int i = 0; i < 6; ++i) {
            auto *button = new QPushButton(QStringLiteral("Personal och andra %1").arg(i));
            button->setFixedSize(100, 20);
            layout->addWidget(button);
            buttons.append(button);
        }
        // Never asks for more width than its widest item.
        QCOMPARE(layout->minimumSize().width(), 100);
        // 250 pixels hold two buttons a line: three lines.
        QCOMPARE(layout->heightForWidth(250), 3 * 20 + 2 * 4);
        // Wide enough for all: one line.
        QCOMPARE(layout->heightForWidth(6 * 104), 20);
        bar.resize(250, layout->heightForWidth(250));
        layout->setGeometry(bar.rect());
        QCOMPARE(buttons.at(0)->geometry(), QRect(0, 0, 100, 20));
        QCOMPARE(buttons.at(1)->geometry(), QRect(104, 0, 100, 20));
        QCOMPARE(buttons.at(2)->geometry(), QRect(0, 24, 100, 20));
        QCOMPARE(buttons.at(5)->geometry(), QRect(104, 48, 100, 20));
    }

    void itemsOfALineAreCentredAndInsertedInOrder()
    {
        QWidget bar;
        auto *layout = new FlowLayout(&bar, 4);
        auto *label = new QLabel(QStringLiteral("Dörr:"));
        label->setFixedSize(40, 10);
        auto *button = new QPushButton(QStringLiteral("Entrédörren"));
        button->setFixedSize(120, 30);
        layout->addWidget(button);
        layout->insertWidget(0, label);
        QCOMPARE(layout->itemAt(0)->widget(), label);
        layout->setGeometry(QRect(0, 0, 400, 30));
        QCOMPARE(label->geometry(), QRect(0, 10, 40, 10));
        QCOMPARE(button->geometry(), QRect(44, 0, 120, 30));
        // Hidden widgets take no room.
        label->hide();
        layout->setGeometry(QRect(0, 0, 400, 30));
        QCOMPARE(button->geometry(), QRect(0, 0, 120, 30));
        const std::unique_ptr<QLayoutItem> taken(layout->takeAt(0)); // the caller owns it
        QCOMPARE(taken->widget(), label);
        QCOMPARE(layout->count(), 1);
    }
};

QTEST_MAIN(TestFlowLayout)
#include "tst_flowlayout.moc"
