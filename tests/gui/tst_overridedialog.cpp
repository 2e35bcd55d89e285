// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The override dialog: one of no override, allow until a day, or block; what Cardskipper says
// beside it; Save leaves the writing to the next sync, Apply now asks for it at once.
#include "OverrideDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace cis;
using namespace cis::gui;

namespace {

const QDate kToday(2026, 6, 15);

template<typename T> T *child(QObject &parent, const char *name)
{
    auto *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

MemberOverride overrideOf(qint64 memberId)
{
    MemberOverride current;
    current.member = {4711, memberId};
    return current;
}

QPushButton *buttonWithText(OverrideDialog &dialog, const QString &text)
{
    for (QAbstractButton *button : child<QDialogButtonBox>(dialog, "buttonBox")->buttons()) {
        if (button->text().remove(QLatin1Char('&')) == text)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

} // namespace

class TestOverrideDialog : public QObject
{
    Q_OBJECT

private slots:
    void choicesAreExclusive()
    {
        OverrideDialog dialog(QStringLiteral("Åsa Öberg"), overrideOf(1001), std::nullopt, kToday);
        auto *none = child<QRadioButton>(dialog, "noOverrideRadio");
        auto *allow = child<QRadioButton>(dialog, "allowRadio");
        auto *block = child<QRadioButton>(dialog, "blockRadio");
        auto *date = child<QDateEdit>(dialog, "allowDate");
        auto *note = child<QLineEdit>(dialog, "noteEdit");
        QVERIFY(none->isChecked());
        QVERIFY(!date->isEnabled());
        QVERIFY(!note->isEnabled());
        QVERIFY(dialog.result().isEmpty());
        QCOMPARE(dialog.result().member, (MemberKey{4711, 1001}));

        allow->click();
        QVERIFY(!none->isChecked());
        QVERIFY(date->isEnabled());
        QVERIFY(note->isEnabled());
        date->setDate(QDate(2026, 9, 30));
        note->setText(QStringLiteral("  Provträning  "));
        MemberOverride result = dialog.result();
        QCOMPARE(result.allowUntil, QDate(2026, 9, 30));
        QVERIFY(!result.blocked);
        QCOMPARE(result.note, QStringLiteral("Provträning"));

        // Block and allow-until never both.
        block->click();
        QVERIFY(!allow->isChecked());
        QVERIFY(!date->isEnabled());
        result = dialog.result();
        QVERIFY(result.blocked);
        QVERIFY(result.allowUntil.isNull());
        QCOMPARE(result.note, QStringLiteral("Provträning"));

        // Back to no override: nothing left, not even the note.
        none->click();
        QVERIFY(!block->isChecked());
        QVERIFY(dialog.result().isEmpty());
    }

    void opensOnTheStoredOverride()
    {
        MemberOverride allowed = overrideOf(1002);
        allowed.allowUntil = QDate(2026, 12, 31);
        allowed.note = QStringLiteral("Ledare");
        OverrideDialog allowDialog(QStringLiteral("Per"), allowed, QDate(2027, 8, 25), kToday);
        QVERIFY(child<QRadioButton>(allowDialog, "allowRadio")->isChecked());
        QCOMPARE(child<QDateEdit>(allowDialog, "allowDate")->date(), QDate(2026, 12, 31));
        QCOMPARE(allowDialog.result().allowUntil, QDate(2026, 12, 31));
        QCOMPARE(allowDialog.result().note, QStringLiteral("Ledare"));

        // A stored pair reads as the block it is (a block wins over allow-until).
        MemberOverride both = overrideOf(1003);
        both.allowUntil = QDate(2026, 12, 31);
        both.blocked = true;
        OverrideDialog blockDialog(QStringLiteral("Karin"), both, std::nullopt, kToday);
        QVERIFY(child<QRadioButton>(blockDialog, "blockRadio")->isChecked());
        QVERIFY(blockDialog.result().blocked);
        QVERIFY(blockDialog.result().allowUntil.isNull());
    }

    void showsTheMembership()
    {
        OverrideDialog current(QStringLiteral("Åsa"), overrideOf(1001), QDate(2027, 8, 25), kToday);
        auto *label = child<QLabel>(current, "membershipLabel");
        QVERIFY(!label->isHidden());
        QCOMPARE(label->text(), QStringLiteral("Membership in Cardskipper ends 2027-08-25."));

        OverrideDialog none(QStringLiteral("Åsa"), overrideOf(1001), std::nullopt, kToday);
        QCOMPARE(child<QLabel>(none, "membershipLabel")->text(),
                 QStringLiteral("No current membership in Cardskipper."));

        OverrideDialog ended(QStringLiteral("Åsa"), overrideOf(1001), QDate(2026, 5, 31), kToday);
        QCOMPARE(child<QLabel>(ended, "membershipLabel")->text(),
                 QStringLiteral("Membership in Cardskipper ended 2026-05-31."));

        // The constructor without it shows nothing rather than a guess.
        OverrideDialog unknown(QStringLiteral("Åsa"), overrideOf(1001), kToday);
        QVERIFY(child<QLabel>(unknown, "membershipLabel")->isHidden());
    }

    void applyNowIsAnAcceptThatSaysSo()
    {
        OverrideDialog dialog(QStringLiteral("Åsa"), overrideOf(1001), QDate(2027, 8, 25), kToday);
        QPushButton *applyNow = buttonWithText(dialog, QStringLiteral("Apply now"));
        QVERIFY(applyNow);
        child<QRadioButton>(dialog, "blockRadio")->click();
        child<QLineEdit>(dialog, "noteEdit")->setText(QStringLiteral("Tappat kortet"));
        QVERIFY(!dialog.applyNow());
        QTest::mouseClick(applyNow, Qt::LeftButton);
        QCOMPARE(dialog.QDialog::result(), int(QDialog::Accepted));
        QVERIFY(dialog.applyNow());
        QVERIFY(dialog.result().blocked);
        QCOMPARE(dialog.result().note, QStringLiteral("Tappat kortet"));

        OverrideDialog saved(QStringLiteral("Åsa"), overrideOf(1001), QDate(2027, 8, 25), kToday);
        QTest::mouseClick(child<QDialogButtonBox>(saved, "buttonBox")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QCOMPARE(saved.QDialog::result(), int(QDialog::Accepted));
        QVERIFY(!saved.applyNow());

        OverrideDialog cancelled(QStringLiteral("Åsa"), overrideOf(1001), std::nullopt, kToday);
        QTest::mouseClick(
            child<QDialogButtonBox>(cancelled, "buttonBox")->button(QDialogButtonBox::Cancel),
            Qt::LeftButton);
        QCOMPARE(cancelled.QDialog::result(), int(QDialog::Rejected));
        QVERIFY(!cancelled.applyNow());
    }

    void allowUntilStartsToday()
    {
        // An allow-until that has run out opens on today, the earliest day the dialog offers.
        MemberOverride old = overrideOf(1001);
        old.allowUntil = QDate(2026, 1, 31);
        OverrideDialog dialog(QStringLiteral("Åsa"), old, std::nullopt, kToday);
        QCOMPARE(child<QDateEdit>(dialog, "allowDate")->minimumDate(), kToday);
        QVERIFY(dialog.result().allowUntil >= kToday);
    }
};

QTEST_MAIN(TestOverrideDialog)
#include "tst_overridedialog.moc"
