// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondHeader.h"
#include "BondListModel.h"
#include "BondView.h"
#include "FailoverTimeline.h"
#include "FakeTrialBackend.h"
#include "HelperBackend.h"
#include "MainWindow.h"
#include "RefusingSampleBackend.h"
#include "SampleBackend.h"
#include "SlaveTile.h"
#include "TrialDialog.h"

#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <ctime>

using namespace bm;
using namespace bm::gui;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheFirstBondWithATilePerSlave()
    {
        SampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        QCOMPARE(w.selectedBond(), QStringLiteral("bond0"));
        QCOMPARE(w.bondView()->header()->nameText(), QStringLiteral("bond0"));
        QCOMPARE(w.bondView()->tiles().size(), 2);
        QVERIFY(w.bannerText().isEmpty());
        w.selectBond(QStringLiteral("lacp0"));
        QCOMPARE(w.bondView()->header()->nameText(), QStringLiteral("lacp0"));
        QVERIFY(w.bondView()->tile(QStringLiteral("enp3s0")));
    }

    void oneClickPrimaryIsVisibleInTheTiles()
    {
        SampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        SlaveTile *eth1 = w.bondView()->tile(QStringLiteral("eth1"));
        QVERIFY(eth1->findChild<QLabel *>(QStringLiteral("primaryText"))->isHidden());
        QTest::mouseClick(eth1->findChild<QPushButton *>(QStringLiteral("makePrimary")), Qt::LeftButton);
        // primary_reselect=always: eth1 takes over at once, as the kernel does.
        QTRY_COMPARE(w.bondView()->header()->primaryText(),
                     QStringLiteral("eth1 (takes over again: always)"));
        QVERIFY(!eth1->findChild<QLabel *>(QStringLiteral("primaryText"))->isHidden());
        QCOMPARE(w.bondView()->header()->activeText(), QStringLiteral("eth1"));
        // The timeline inserts its events a frame or two later, all at once.
        QTRY_COMPARE(w.bondView()->timeline()->topLevelItemCount() > 0
                             ? w.bondView()->timeline()->topLevelItem(0)->text(1)
                             : QString(),
                     QStringLiteral("eth1 is now active instead of eth0"));
    }

    void cableCutShowsInTilesListAndTimeline()
    {
        SampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::Down);
        // The views refresh once per frame, not per signal: the first one right after this.
        QTRY_COMPARE(w.bondView()
                             ->tile(QStringLiteral("eth0"))
                             ->findChild<QLabel *>(QStringLiteral("miiText"))
                             ->text(),
                     QStringLiteral("Link down"));
        QCOMPARE(w.bondView()->header()->activeText(), QStringLiteral("eth1"));
        QCOMPARE(w.bondModel()->index(0).data(BondListModel::HealthTextRole).toString(),
                 QStringLiteral("degraded"));
        QTRY_COMPARE(w.bondView()->timeline()->topLevelItemCount() > 0
                             ? w.bondView()->timeline()->topLevelItem(0)->text(1)
                             : QString(),
                     QStringLiteral("eth0 went down, eth1 is now active"));
    }

    // The helper stamps a failover in UTC; people read their own clock.
    void timelineShowsLocalTime()
    {
        const QByteArray oldTz = qgetenv("TZ");
        // Put back however the test ends, so a failure here does not move later tests' clocks.
        const auto restore = qScopeGuard([&oldTz] {
            if (oldTz.isNull())
                qunsetenv("TZ");
            else
                qputenv("TZ", oldTz);
            tzset();
        });
        qputenv("TZ", "BMT-3"); // POSIX: three hours ahead of UTC, no daylight saving, no tzdata needed
        tzset();
        SampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        const QDateTime when(QDate(2026, 1, 15), QTime(12, 0, 0, 250), Qt::UTC);
        Q_EMIT backend.failover(QStringLiteral("bond0"), QStringLiteral("eth0"), QStringLiteral("eth1"), when);
        FailoverTimeline *timeline = w.bondView()->timeline();
        QTRY_COMPARE(timeline->topLevelItemCount() > 0 ? timeline->topLevelItem(0)->text(0) : QString(),
                     QStringLiteral("15:00:00.250"));
    }

    void unauthorisedSaysSo()
    {
        RefusingSampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        backend.refuseNextWrite(
                {ClientError::NotAuthorized, QString(), QStringLiteral("Not authorised to modify bonds.")});
        QSignalSpy shown(&w, &MainWindow::errorShown);
        w.makeActive(QStringLiteral("bond0"), QStringLiteral("eth1"));
        QVERIFY(!w.bondView()
                         ->tile(QStringLiteral("eth1"))
                         ->findChild<QPushButton *>(QStringLiteral("makeActive"))
                         ->isEnabled()); // busy until the answer
        QVERIFY(shown.wait());
        QVERIFY(w.lastError().startsWith(QStringLiteral("Making eth1 the active slave of bond0 failed.")));
        QVERIFY(w.lastError().contains(QStringLiteral("You are not authorised")));
        QVERIFY(w.bondView()
                        ->tile(QStringLiteral("eth1"))
                        ->findChild<QPushButton *>(QStringLiteral("makeActive"))
                        ->isEnabled());
        QCOMPARE(backend.bond(QStringLiteral("bond0")).activeSlave(), QStringLiteral("eth0"));
    }

    // "Test Failover…" runs the host's drill and shows its report in a small dialog; a refused
    // drill is an error like any other.
    void drillShowsItsResult()
    {
        RefusingSampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        QTest::mouseClick(w.bondView()->header()->drillButton(), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox *>(QStringLiteral("drillResult"))));
        QCOMPARE(box->windowTitle(), QStringLiteral("Failover Test of bond0"));
        QVERIFY2(box->text().startsWith(QStringLiteral("eth0 → eth1 in 3.2 ms; ")), qPrintable(box->text()));
        QVERIFY2(box->text().endsWith(QStringLiteral(" answered in 0.8 ms; eth0 is active again")),
                 qPrintable(box->text()));
        box->close();

        backend.refuseNextWrite({ClientError::NotAuthorized, QString(), QStringLiteral("Not authorised.")});
        QSignalSpy shown(&w, &MainWindow::errorShown);
        QTest::mouseClick(w.bondView()->header()->drillButton(), Qt::LeftButton);
        QVERIFY(shown.wait());
        QVERIFY2(w.lastError().startsWith(QStringLiteral("Testing the failover of bond0 failed.")),
                 qPrintable(w.lastError()));
        const QList<QMessageBox *> boxes = w.findChildren<QMessageBox *>(QStringLiteral("drillResult"));
        QVERIFY(std::none_of(boxes.cbegin(), boxes.cend(), [](QMessageBox *b) { return b->isVisible(); }));
    }

    void helperAwayAndBackIsShown()
    {
        SampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        backend.setConnected(false, QStringLiteral("gone"));
        QVERIFY(w.bannerText().contains(QStringLiteral("does not answer")));
        backend.setConnected(true);
        QVERIFY(w.bannerText().isEmpty());
        QCOMPARE(w.bondView()->tiles().size(), 2);
    }

    void lostConnectionShowsLastKnownState()
    {
        SampleBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        const QDateTime when(QDate(2026, 11, 30), QTime(13, 52, 10));
        backend.setConnectionLost(when);
        QCOMPARE(w.bannerText(),
                 QStringLiteral("Connection to %1 lost at 13:52:10: showing the last known state")
                         .arg(backend.hostLabel()));
        // The bonds stay, each tile marked by an icon and words, its buttons off.
        QCOMPARE(w.bondView()->tiles().size(), 2);
        for (SlaveTile *tile : w.bondView()->tiles()) {
            QVERIFY(tile->isStale());
            QVERIFY(!tile->findChild<QLabel *>(QStringLiteral("staleText"))->isHidden());
            QVERIFY(!tile->findChild<QLabel *>(QStringLiteral("staleIcon"))->isHidden());
            QVERIFY(!tile->findChild<QToolButton *>(QStringLiteral("more"))->isEnabled());
        }
        backend.setConnectionLost(QDateTime());
        QVERIFY(w.bannerText().isEmpty());
        for (SlaveTile *tile : w.bondView()->tiles()) {
            QVERIFY(!tile->isStale());
            QVERIFY(tile->findChild<QLabel *>(QStringLiteral("staleText"))->isHidden());
            QVERIFY(tile->findChild<QToolButton *>(QStringLiteral("more"))->isEnabled());
        }
    }

    void unreachableHelperIsSaid()
    {
        HelperBackend backend(HelperTarget::address(QStringLiteral("unix:path=/nonexistent/bus")));
        QVERIFY(!backend.open());
        QVERIFY(!backend.errorString().isEmpty());
        MainWindow w;
        w.setBackend(&backend);
        QVERIFY(w.bannerText().contains(QStringLiteral("does not answer")));
        bool answered = false;
        backend.setPrimary(QStringLiteral("bond0"), QStringLiteral("eth0"),
                           [&](const CallError &e) { answered = e.kind == ClientError::Unreachable; });
        QTRY_VERIFY(answered);
    }

    // A write the host says must be a trial: asked first with why and what moves; No changes
    // nothing, Yes makes it through Try with the configured time and opens the countdown.
    void aWriteThatMustBeATrialIsAskedAndTried()
    {
        FakeTrialBackend backend;
        backend.loadSampleData();
        backend.previewAnswer.trialRequired = true;
        backend.previewAnswer.reasons = {QStringLiteral("eth0 carries 192.0.2.10/24 and the default route")};
        backend.tryAnswer.id = QStringLiteral("t3");
        backend.tryAnswer.deadline = QDateTime::currentDateTimeUtc().addSecs(30);
        MainWindow w;
        w.setBackend(&backend);
        w.setConfirmWithin(30);
        QSignalSpy asked(&w, &MainWindow::questionShown);

        w.removeSlave(QStringLiteral("bond0"), QStringLiteral("eth0"));
        QTRY_COMPARE(asked.size(), 1);
        auto *box = w.findChild<QMessageBox *>(QStringLiteral("changeQuestion"));
        QVERIFY(box);
        QVERIFY2(box->text().startsWith(backend.previewAnswer.reasons.first()), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("within 30 seconds")), qPrintable(box->text()));
        box->button(QMessageBox::No)->click();
        QTRY_VERIFY(!w.findChild<QMessageBox *>(QStringLiteral("changeQuestion")));
        QVERIFY(backend.tried.isEmpty());
        QCOMPARE(backend.bond(QStringLiteral("bond0")).slaves.size(), 2);
        QVERIFY(!w.trialDialog());

        w.removeSlave(QStringLiteral("bond0"), QStringLiteral("eth0"));
        QTRY_COMPARE(asked.size(), 2);
        w.findChild<QMessageBox *>(QStringLiteral("changeQuestion"))->button(QMessageBox::Yes)->click();
        QTRY_VERIFY(w.trialDialog());
        QCOMPARE(backend.tried.size(), 1);
        QCOMPARE(backend.tried.first().call, QStringLiteral("RemoveSlave"));
        QCOMPARE(backend.triedWithin, QList<uint> {30});
        // Through Try only: the plain write was not made as well.
        QCOMPARE(backend.bond(QStringLiteral("bond0")).slaves.size(), 2);
        QCOMPARE(w.trialDialog()->trialId(), QStringLiteral("t3"));
        QSignalSpy settled(&w, &MainWindow::trialSettled);
        Q_EMIT backend.trialRolledBack(QStringLiteral("t3"), QStringLiteral("deadline"),
                                       {QStringLiteral("eth0 is a slave of bond0 again")});
        QCOMPARE(settled.size(), 1);
        QCOMPARE(w.lastTrialOutcome(), QStringLiteral("The change was undone: it was not kept before its "
                                                      "deadline.\neth0 is a slave of bond0 again"));
        QTRY_VERIFY(w.findChild<QMessageBox *>(QStringLiteral("trialOutcome")));
    }

    // A write the host needs no trial for is made plainly, without a question.
    void aWriteThatNeedsNoTrialIsMadePlainly()
    {
        FakeTrialBackend backend;
        backend.loadSampleData();
        MainWindow w;
        w.setBackend(&backend);
        QSignalSpy asked(&w, &MainWindow::questionShown);
        w.removeSlave(QStringLiteral("bond0"), QStringLiteral("eth1"));
        QTRY_COMPARE(backend.bond(QStringLiteral("bond0")).slaves.size(), 1);
        QCOMPARE(asked.size(), 0);
        QVERIFY(backend.tried.isEmpty());
    }

    void bondingUnavailableIsSaid()
    {
        SampleBackend backend;
        backend.setBondingAvailable(false);
        MainWindow w;
        w.setBackend(&backend);
        QVERIFY(w.bannerText().contains(QStringLiteral("no bonding driver")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
