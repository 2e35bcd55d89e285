// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The link picker: find the member by email (or name), see the effect, confirm.
#include "LinkDialog.h"

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
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("memberEdit"));
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("asa@exa"));
        QCOMPARE(dialog.selectedMember()->organisationMemberId, 1001);
        auto *effect = dialog.findChild<QLabel *>(QStringLiteral("effectLabel"));
        QCOMPARE(effect->text(), QStringLiteral("effect for 1001"));
        QVERIFY(asked.contains(1001));
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            dialog.show();
            QCoreApplication::processEvents();
            dialog.grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/link-dialog.png"));
        }
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
