// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The link picker: find the member by email (or name), choose, see the effect, confirm. Nothing
// is chosen for the administrator; a member without a current membership is warned about.
#include "LinkDialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTest>

using namespace cis;
using namespace cis::gui;

namespace {

Member member(qint64 id, const QString &first, const QString &last, const QString &email)
{
    Member m;
    m.key = {4711, id};
    m.firstName = first;
    m.lastName = last;
    m.email = email;
    return m;
}

RolePeriod period(QDate start, QDate end)
{
    RolePeriod role;
    role.organisationId = 4711;
    role.roleId = 1;
    role.start = start;
    role.end = end;
    return role;
}

const QDate kToday(2026, 6, 15);

QPushButton *linkButton(LinkDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
        ->button(QDialogButtonBox::Ok);
}

// The row draws its text centred; the ring of Å and the dots of Ä and Ö must be inside it.
bool lettersFitTheRow(QListView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    const QFontMetrics metrics = view->fontMetrics();
    const QRect glyphs = metrics.tightBoundingRect(QStringLiteral("ÅÄÖgjy"));
    const int baseline = (rect.height() - metrics.height()) / 2 + metrics.ascent();
    if (baseline + glyphs.top() >= 0 && baseline + glyphs.bottom() < rect.height())
        return true;
    qWarning("row %d high, glyphs from %d to %d", rect.height(), baseline + glyphs.top(),
             baseline + glyphs.bottom());
    return false;
}

void clickRow(QListView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestLinkDialog : public QObject
{
    Q_OBJECT

private:
    QList<Member> m_members{
        member(1001, QStringLiteral("Åsa"), QStringLiteral("Öberg"),
               QStringLiteral("asa@example.se")),
        member(1005, QStringLiteral("Per"), QStringLiteral("Lindqvist"),
               QStringLiteral("familjen.lindqvist@example.se")),
        member(1006, QStringLiteral("Karin"), QStringLiteral("Lindqvist"),
               QStringLiteral("familjen.lindqvist@example.se")),
        member(1003, QStringLiteral("Märta"), QStringLiteral("Sjögren"), QString()),
    };
    Person m_person = [] {
        Person p;
        p.employeeNo = QStringLiteral("102");
        p.name = QStringLiteral("P. Lindqvist");
        return p;
    }();

private slots:
    void findsTheMemberByEmailAndShowsTheEffect()
    {
        QList<qint64> asked;
        LinkDialog dialog(m_person, m_members,
                          [&](const Member &m, const LinkDialog::EffectCallback &show) {
                              asked.append(m.key.organisationMemberId);
                              show(QStringLiteral("effect for %1").arg(m.key.organisationMemberId));
                          });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("memberEdit"));
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("asa@exa"));
        edit->completer()->popup()->hide();
        // Typing narrows the list; choosing is still the administrator's.
        auto *view = dialog.findChild<QListView *>(QStringLiteral("candidateView"));
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(!dialog.selectedMember());
        QVERIFY(!linkButton(dialog)->isEnabled());
        QVERIFY(asked.isEmpty());
        clickRow(view, 0);
        QCOMPARE(dialog.selectedMember()->organisationMemberId, 1001);
        QVERIFY(linkButton(dialog)->isEnabled());
        auto *effect = dialog.findChild<QLabel *>(QStringLiteral("effectLabel"));
        QCOMPARE(effect->text(), QStringLiteral("effect for 1001"));
        QCOMPARE(asked, QList<qint64>{1001});
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            QCoreApplication::processEvents();
            dialog.grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/link-dialog.png"));
        }
    }

    void preselectsNothing()
    {
        // The person's name narrows the list to both Lindqvists; neither is chosen.
        Person person = m_person;
        person.name = QStringLiteral("Lindqvist");
        QList<qint64> asked;
        LinkDialog dialog(person, m_members, kToday,
                          [&](const Member &m, const LinkDialog::EffectCallback &) {
                              asked.append(m.key.organisationMemberId);
                          });
        auto *view = dialog.findChild<QListView *>(QStringLiteral("candidateView"));
        QCOMPARE(view->model()->rowCount(), 2);
        QVERIFY(!dialog.selectedMember());
        QVERIFY(!linkButton(dialog)->isEnabled());
        QVERIFY(asked.isEmpty());
        auto *effect = dialog.findChild<QLabel *>(QStringLiteral("effectLabel"));
        QVERIFY2(effect->text().startsWith(QStringLiteral("Choose")), qPrintable(effect->text()));

        // The list taking the focus makes a row current, which is no choice either.
        dialog.show();
        dialog.activateWindow(); // no window manager under a bare Xvfb
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        view->setFocus(Qt::TabFocusReason);
        QVERIFY(!dialog.selectedMember());
        QVERIFY(!linkButton(dialog)->isEnabled());

        clickRow(view, 1);
        QVERIFY(dialog.selectedMember());
        QVERIFY(linkButton(dialog)->isEnabled());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first(), dialog.selectedMember()->organisationMemberId);

        // Typing on past the chosen member drops the choice.
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("memberEdit"));
        edit->setText(QStringLiteral("Sjögren"));
        QVERIFY(!dialog.selectedMember());
        QVERIFY(!linkButton(dialog)->isEnabled());
    }

    void keyboardAndCompletionChoose()
    {
        LinkDialog dialog(m_person, m_members, kToday,
                          [](const Member &, const LinkDialog::EffectCallback &) {});
        dialog.show();
        dialog.activateWindow(); // no window manager under a bare Xvfb
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("memberEdit"));
        auto *view = dialog.findChild<QListView *>(QStringLiteral("candidateView"));
        edit->setFocus();
        edit->setText(QStringLiteral("Sjögren"));
        QVERIFY(!dialog.selectedMember());
        // Down walks into the list and picks its first member.
        QTest::keyClick(edit, Qt::Key_Down);
        QCOMPARE(dialog.selectedMember()->organisationMemberId, 1003);
        QCOMPARE(QApplication::focusWidget(), view);

        // An email picked from the completion is a choice, unless two members share it.
        emit edit->completer()->activated(QStringLiteral("asa@example.se"));
        QCOMPARE(dialog.selectedMember()->organisationMemberId, 1001);
        emit edit->completer()->activated(QStringLiteral("familjen.lindqvist@example.se"));
        QCOMPARE(view->model()->rowCount(), 2);
        QVERIFY(!dialog.selectedMember());
        QVERIFY(!linkButton(dialog)->isEnabled());
    }

    void lapsedMemberWarns()
    {
        Member lapsed = member(2001, QStringLiteral("Örjan"), QStringLiteral("Ålander"),
                               QStringLiteral("orjan@example.se"));
        lapsed.roles = {period(QDate(2025, 1, 1), QDate(2025, 12, 31))};
        Member current = member(2002, QStringLiteral("Ärla"), QStringLiteral("Åström"),
                                QStringLiteral("arla@example.se"));
        current.roles = {period(QDate(2026, 1, 1), QDate(2026, 12, 31))};
        Member upcoming = member(2003, QStringLiteral("Ulla"), QStringLiteral("Ek"),
                                 QStringLiteral("ulla@example.se"));
        upcoming.roles = {period(QDate(2026, 9, 1), QDate(2027, 8, 31))};
        Person person;
        person.employeeNo = QStringLiteral("77");
        person.name = QStringLiteral("Örjan Å.");
        LinkDialog dialog(person, {lapsed, current, upcoming}, kToday,
                          [](const Member &m, const LinkDialog::EffectCallback &show) {
                              show(QStringLiteral("effect for %1").arg(m.key.organisationMemberId));
                          });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *warning = dialog.findChild<QLabel *>(QStringLiteral("warningLabel"));
        auto *effect = dialog.findChild<QLabel *>(QStringLiteral("effectLabel"));
        QVERIFY(warning);
        QVERIFY(!warning->isVisible());

        dialog.setFilterText(QStringLiteral("orjan@"));
        QCOMPARE(dialog.selectedMember()->organisationMemberId, 2001);
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("Örjan Ålander")),
                 qPrintable(warning->text()));
        QVERIFY2(warning->text().contains(QStringLiteral("no current membership")),
                 qPrintable(warning->text()));
        QVERIFY2(warning->text().contains(QStringLiteral("Örjan Å. loses access")),
                 qPrintable(warning->text()));
        QVERIFY2(warning->text().contains(QStringLiteral("next sync")),
                 qPrintable(warning->text()));
        // The effect sentence stays beside it, and Link stays possible.
        QCOMPARE(effect->text(), QStringLiteral("effect for 2001"));
        QVERIFY(linkButton(dialog)->isEnabled());

        dialog.setFilterText(QStringLiteral("arla@"));
        QCOMPARE(dialog.selectedMember()->organisationMemberId, 2002);
        QVERIFY(!warning->isVisible());
        QCOMPARE(effect->text(), QStringLiteral("effect for 2002"));

        dialog.setFilterText(QStringLiteral("ulla@"));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("2026-09-01")),
                 qPrintable(warning->text()));

        lapsed.inactive = true;
        lapsed.roles = current.roles;
        LinkDialog inactive(person, {lapsed}, kToday, {});
        inactive.setFilterText(QStringLiteral("orjan@"));
        auto *inactiveWarning = inactive.findChild<QLabel *>(QStringLiteral("warningLabel"));
        QVERIFY2(inactiveWarning->text().contains(QStringLiteral("inactive")),
                 qPrintable(inactiveWarning->text()));
    }

    void swedishLettersFit()
    {
        // Å, Ä and Ö reach above the capitals: nothing may cut them off.
        Member lapsed = member(2001, QStringLiteral("Åke Örjan"), QStringLiteral("Ärlebäck-Åström"),
                               QStringLiteral("ÅÄÖ.åäö@exempel.se"));
        Person person;
        person.employeeNo = QStringLiteral("77");
        person.name = QStringLiteral("ÅÄÖ Öberg");
        LinkDialog dialog(person, {lapsed}, kToday,
                          [](const Member &, const LinkDialog::EffectCallback &show) {
                              show(QStringLiteral("Dörren ändras: Å Ä Ö"));
                          });
        dialog.setFilterText(QStringLiteral("Åke"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCoreApplication::processEvents();
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const int needed = label->heightForWidth(label->width());
            QVERIFY2(label->height() >= (needed > 0 ? needed : label->sizeHint().height()),
                     qPrintable(label->objectName()));
        }
        auto *view = dialog.findChild<QListView *>(QStringLiteral("candidateView"));
        QVERIFY(lettersFitTheRow(view, 0));
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            dialog.grab().save(QString::fromLocal8Bit(folder) +
                               QStringLiteral("/link-dialog-lapsed.png"));
    }

    void aLateAnswerForAnEarlierCandidateIsNotShown()
    {
        // The window computes the effect on its worker thread; answers can arrive after the
        // administrator has moved on to another candidate.
        QMap<qint64, LinkDialog::EffectCallback> pending;
        LinkDialog dialog(m_person, m_members,
                          [&](const Member &m, LinkDialog::EffectCallback show) {
                              pending.insert(m.key.organisationMemberId, std::move(show));
                          });
        auto *effect = dialog.findChild<QLabel *>(QStringLiteral("effectLabel"));
        dialog.setFilterText(QStringLiteral("Sjögren"));
        QVERIFY(pending.contains(1003));
        QVERIFY(effect->text().contains(QStringLiteral("Working out")));
        dialog.setFilterText(QStringLiteral("asa@exa"));
        QVERIFY(pending.contains(1001));
        pending.value(1001)(QStringLiteral("linking 1001"));
        pending.value(1003)(QStringLiteral("linking 1003"));
        QCOMPARE(effect->text(), QStringLiteral("linking 1001"));
    }

    void aSharedEmailShowsEveryCandidate()
    {
        LinkDialog dialog(m_person, m_members,
                          [](const Member &, const LinkDialog::EffectCallback &) {});
        dialog.setFilterText(QStringLiteral("familjen.lindqvist"));
        auto *view = dialog.findChild<QListView *>(QStringLiteral("candidateView"));
        QCOMPARE(view->model()->rowCount(), 2);
        // Pick the second family member explicitly.
        view->setCurrentIndex(view->model()->index(1, 0));
        const qint64 chosen = dialog.selectedMember()->organisationMemberId;
        QVERIFY(chosen == 1005 || chosen == 1006);
    }

    void findsByNameAndRefusesWhenNothingMatches()
    {
        LinkDialog dialog(m_person, m_members,
                          [](const Member &, const LinkDialog::EffectCallback &) {});
        dialog.setFilterText(QStringLiteral("Sjögren"));
        QCOMPARE(dialog.selectedMember()->organisationMemberId, 1003);
        dialog.setFilterText(QStringLiteral("nobody@nowhere"));
        QVERIFY(!dialog.selectedMember());
        auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    }
};

QTEST_MAIN(TestLinkDialog)
#include "tst_linkdialog.moc"
