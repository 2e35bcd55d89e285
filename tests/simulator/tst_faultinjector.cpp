// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "FaultInjector.h"

#include <QTest>

using namespace cis::sim;

namespace {

QList<FaultKind> draw(FaultInjector &faults, int count)
{
    QList<FaultKind> kinds;
    for (int i = 0; i < count; ++i)
        kinds.append(faults.nextFault());
    return kinds;
}

} // namespace

class TestFaultInjector : public QObject
{
    Q_OBJECT

private slots:
    void wellBehavedByDefault()
    {
        FaultInjector faults;
        const QList<FaultKind> kinds = draw(faults, 100);
        QVERIFY(std::all_of(kinds.cbegin(), kinds.cend(),
                            [](FaultKind kind) { return kind == FaultKind::None; }));
        QCOMPARE(faults.injectedCount(), 0);
        QCOMPARE(faults.injectedCount(FaultKind::None), 100);
    }

    void sameSeedGivesTheSameFaults()
    {
        FaultInjector a(42);
        FaultInjector b(42);
        FaultInjector c(43);
        for (FaultInjector *faults : {&a, &b, &c})
            faults->setFaultRate(0.5);
        const QList<FaultKind> first = draw(a, 200);
        QCOMPARE(draw(b, 200), first);
        QVERIFY(draw(c, 200) != first);
        a.setSeed(42);
        QCOMPARE(draw(a, 200), first);
    }

    void rateIsRoughlyHonoured()
    {
        FaultInjector faults(7);
        faults.setFaultRate(0.25);
        draw(faults, 4000);
        QVERIFY(faults.injectedCount() > 800);
        QVERIFY(faults.injectedCount() < 1200);
    }

    void onlyEnabledKindsAreDrawn()
    {
        FaultInjector faults(3);
        faults.setFaultRate(1.0);
        faults.setEnabledKinds({FaultKind::Http503, FaultKind::Timeout, FaultKind::None});
        QCOMPARE(faults.enabledKinds(), (QList<FaultKind>{FaultKind::Http503, FaultKind::Timeout}));
        const QList<FaultKind> kinds = draw(faults, 200);
        QVERIFY(kinds.contains(FaultKind::Http503));
        QVERIFY(kinds.contains(FaultKind::Timeout));
        QCOMPARE(kinds.count(FaultKind::Http503) + kinds.count(FaultKind::Timeout), 200);
    }

    void queuedFaultsComeFirstAndInOrder()
    {
        FaultInjector faults;
        faults.failNext(2, FaultKind::Http429);
        faults.failNext(1, FaultKind::DropConnection);
        QCOMPARE(faults.queuedFaultCount(), 3);
        QCOMPARE(draw(faults, 4), (QList<FaultKind>{FaultKind::Http429, FaultKind::Http429,
                                                    FaultKind::DropConnection, FaultKind::None}));
        QCOMPARE(faults.injectedCount(), 3);
        QCOMPARE(faults.injectedCount(FaultKind::Http429), 2);
    }

    void resetRestoresAWellBehavedPeer()
    {
        FaultInjector faults(5);
        faults.setLatencyMs(100);
        faults.setFaultRate(1.0);
        faults.failNext(3, FaultKind::Http500);
        faults.nextFault();
        faults.reset();
        QCOMPARE(faults.latencyMs(), 0);
        QCOMPARE(faults.queuedFaultCount(), 0);
        QCOMPARE(faults.injectedCount(), 0);
        QCOMPARE(faults.nextFault(), FaultKind::None);
    }

    void deliverShapesTheAnswer_data()
    {
        QTest::addColumn<FaultKind>("kind");
        QTest::addColumn<HttpResponder::Delivery>("delivery");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryAfter");
        QTest::addColumn<int>("delay");
        using D = HttpResponder::Delivery;
        QTest::newRow("none") << FaultKind::None << D::Normal << 200 << false << 10;
        QTest::newRow("500") << FaultKind::Http500 << D::Normal << 500 << false << 10;
        QTest::newRow("503") << FaultKind::Http503 << D::Normal << 503 << true << 10;
        QTest::newRow("429") << FaultKind::Http429 << D::Normal << 429 << true << 10;
        QTest::newRow("timeout") << FaultKind::Timeout << D::NeverAnswer << 200 << false << 10;
        QTest::newRow("drop") << FaultKind::DropConnection << D::DropConnection << 200 << false
                              << 10;
        QTest::newRow("truncated")
            << FaultKind::TruncatedBody << D::TruncatedBody << 200 << false << 10;
        QTest::newRow("malformed")
            << FaultKind::MalformedBody << D::MalformedBody << 200 << false << 10;
        QTest::newRow("slow") << FaultKind::Slow << D::Normal << 200 << false << 1010;
        // The caller's own refusal passes through (here the <ok/> stand-in).
        QTest::newRow("device busy") << FaultKind::DeviceBusy << D::Normal << 200 << false << 10;
    }

    void deliverShapesTheAnswer()
    {
        QFETCH(FaultKind, kind);
        QFETCH(HttpResponder::Delivery, delivery);
        QFETCH(int, status);
        QFETCH(bool, retryAfter);
        QFETCH(int, delay);
        FaultInjector faults;
        faults.setLatencyMs(10);
        faults.setSlowDelayMs(1000);
        faults.setRetryAfterSeconds(9);
        HttpResponder responder;
        faults.deliver(kind, HttpResponse::withBody(200, "<ok/>", "application/xml"), responder);
        QCOMPARE(responder.delivery(), delivery);
        QCOMPARE(responder.delayMs(), delay);
        if (delivery == HttpResponder::Delivery::Normal) {
            QCOMPARE(responder.response().status, status);
            QCOMPARE(responder.response().header("Retry-After"),
                     retryAfter ? QByteArray("9") : QByteArray());
        }
        if (kind == FaultKind::Http500)
            QVERIFY(responder.response().header("Content-Type").startsWith("text/html"));
    }

    void onlyRefusalsReplaceTheAnswer()
    {
        QVERIFY(FaultInjector::replacesAnswer(FaultKind::Http500));
        QVERIFY(FaultInjector::replacesAnswer(FaultKind::Timeout));
        QVERIFY(FaultInjector::replacesAnswer(FaultKind::DropConnection));
        QVERIFY(!FaultInjector::replacesAnswer(FaultKind::None));
        QVERIFY(!FaultInjector::replacesAnswer(FaultKind::TruncatedBody));
        QVERIFY(!FaultInjector::replacesAnswer(FaultKind::Slow));
        QVERIFY(FaultInjector::replacesAnswer(FaultKind::DeviceBusy));
    }

    void deviceBusyIsOnlyDrawnWhenEnabled()
    {
        FaultInjector faults(5);
        QVERIFY(!faults.enabledKinds().contains(FaultKind::DeviceBusy));
        faults.setFaultRate(1.0);
        QVERIFY(!draw(faults, 500).contains(FaultKind::DeviceBusy));
        faults.setEnabledKinds({FaultKind::DeviceBusy});
        QCOMPARE(draw(faults, 3), QList<FaultKind>(3, FaultKind::DeviceBusy));
        // Without a refusal of the caller's, a generic 503 page.
        HttpResponder responder;
        faults.deliver(FaultKind::DeviceBusy, {}, responder);
        QCOMPARE(responder.response().status, 503);
    }

    void namesRoundTrip()
    {
        for (int i = 0; i <= int(FaultKind::DeviceBusy); ++i) {
            const auto kind = FaultKind(i);
            QCOMPARE(faultKindFromName(faultKindName(kind)), kind);
        }
        QCOMPARE(faultKindFromName(QStringLiteral("HTTP503")), FaultKind::Http503);
        QCOMPARE(faultKindFromName(QStringLiteral("deviceBusy")), FaultKind::DeviceBusy);
        QVERIFY(!faultKindFromName(QStringLiteral("gremlins")));
    }
};

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
