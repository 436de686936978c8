// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The countdown after a change made as a trial, against a fake host (FakeTrialBackend.h): the
// countdown's text, Keep and Roll back now, the host's signals closing it, the health rows in words
// and icons. Against the helper itself: TestHelperBackend.
#include "FakeTrialBackend.h"
#include "TrialDialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace bm;
using namespace bm::gui;

class TestTrialDialog : public QObject
{
    Q_OBJECT

    const QDateTime m_start = QDateTime(QDate(2026, 12, 1), QTime(1, 0), Qt::UTC);
    QDateTime m_now;

    // A trial of bond1 whose deadline is 45 s after m_start, on a clock the test moves.
    TrialDialog *dialog(FakeTrialBackend &backend)
    {
        m_now = m_start;
        auto *d = new TrialDialog(&backend, QStringLiteral("t1"), m_start.addSecs(45),
                                  QStringLiteral("bond1"),
                                  {QStringLiteral("192.0.2.10/24 and the default route via 192.0.2.1 move "
                                                  "from eth0 to bond1")});
        d->setClock([this] { return m_now; });
        d->show();
        return d;
    }

    static bool iconShown(TrialDialog *d, int row)
    {
        // The icon sits left of the row's text in the same grid line.
        const QLabel *text = d->findChild<QLabel *>(QStringLiteral("health%1").arg(row));
        for (const QLabel *l : d->findChildren<QLabel *>())
            if (l != text && l->geometry().top() == text->geometry().top() && l->x() < text->x()
                && !l->pixmap().isNull())
                return true;
        return false;
    }

private Q_SLOTS:
    void countdownText()
    {
        QCOMPARE(TrialDialog::countdownFor(45000), QStringLiteral("Keep this change? It is undone in 0:45"));
        QCOMPARE(TrialDialog::countdownFor(44001), QStringLiteral("Keep this change? It is undone in 0:45"));
        QCOMPARE(TrialDialog::countdownFor(44000), QStringLiteral("Keep this change? It is undone in 0:44"));
        QCOMPARE(TrialDialog::countdownFor(600000),
                 QStringLiteral("Keep this change? It is undone in 10:00"));
        QCOMPARE(TrialDialog::countdownFor(61000), QStringLiteral("Keep this change? It is undone in 1:01"));
        QVERIFY(!TrialDialog::countdownFor(0).contains(QStringLiteral("0:00")));

        FakeTrialBackend backend;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QCOMPARE(d->countdownText(), QStringLiteral("Keep this change? It is undone in 0:45"));
        m_now = m_start.addMSecs(15500);
        QTRY_COMPARE(d->countdownText(), QStringLiteral("Keep this change? It is undone in 0:30"));
        QVERIFY(d->keepButton()->isEnabled());
        m_now = m_start.addSecs(46);
        QTRY_COMPARE(d->countdownText(), QStringLiteral("Time is up: the change is being undone…"));
        QVERIFY(!d->keepButton()->isEnabled());
        // Only the host's word closes it.
        QVERIFY(d->isVisible());
        QVERIFY(backend.confirmed.isEmpty());
        QVERIFY(backend.rolledBack.isEmpty());
    }

    void keepConfirmsInACallOfItsOwn()
    {
        FakeTrialBackend backend;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        QVERIFY(backend.confirmed.isEmpty());
        QTest::mouseClick(d->keepButton(), Qt::LeftButton);
        QCOMPARE(backend.confirmed, QStringList {QStringLiteral("t1")});
        QVERIFY(backend.rolledBack.isEmpty());
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.at(0).at(0).toBool(), true);
        QCOMPARE(settled.at(0).at(1).toString(), QStringLiteral("The change is kept."));
        QVERIFY(!d->isVisible());
        QCOMPARE(d->result(), int(QDialog::Accepted));
    }

    void keepRefusedStaysOpenAndSaysWhy()
    {
        FakeTrialBackend backend;
        backend.settleError = {ClientError::NotAuthorized, QString(), QStringLiteral("Not authorised.")};
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        QTest::mouseClick(d->keepButton(), Qt::LeftButton);
        QCOMPARE(backend.confirmed.size(), 1);
        QCOMPARE(settled.size(), 0);
        QVERIFY(d->isVisible());
        QVERIFY2(d->statusText().startsWith(QStringLiteral("Keeping the change failed.")),
                 qPrintable(d->statusText()));
        QVERIFY(d->keepButton()->isEnabled());
    }

    void keepWhileTheConnectionIsLostSaysItWaits()
    {
        FakeTrialBackend backend;
        backend.lostAt = QDateTime::currentDateTime();
        backend.holdConfirm = true;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        d->keepButton()->click();
        QCOMPARE(backend.confirmed.size(), 1);
        QCOMPARE(d->statusText(),
                 QStringLiteral("The connection to sample host is lost: keeping the change as "
                                "soon as it is back."));
        QVERIFY(!d->keepButton()->isEnabled());
        QVERIFY(d->isVisible());
        backend.held({});
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.at(0).at(0).toBool(), true);
    }

    void rollBackNowRollsBack()
    {
        FakeTrialBackend backend;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        QTest::mouseClick(d->rollbackButton(), Qt::LeftButton);
        QCOMPARE(backend.rolledBack, QStringList {QStringLiteral("t1")});
        QVERIFY(backend.confirmed.isEmpty());
        QCOMPARE(d->statusText(), QStringLiteral("Undoing the change…"));
        // The host's signal names what it restored.
        Q_EMIT backend.trialRolledBack(QStringLiteral("t1"), QStringLiteral("asked"),
                                       {QStringLiteral("eth0 is up with 192.0.2.10/24 again")});
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.at(0).at(0).toBool(), false);
        QCOMPARE(settled.at(0).at(1).toString(),
                 QStringLiteral("The change was undone, as asked.\neth0 is up with 192.0.2.10/24 again"));
        QVERIFY(!d->isVisible());
    }

    void rolledBackWithoutTheSignalClosesAnyway()
    {
        FakeTrialBackend backend;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        d->rollbackButton()->click();
        QVERIFY(settled.wait(5000));
        QCOMPARE(settled.at(0).at(1).toString(), QStringLiteral("The change was undone, as asked."));
    }

    void deadlineClosesWithWhatWasRestored()
    {
        FakeTrialBackend backend;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        // Another trial's end is not this one's.
        Q_EMIT backend.trialRolledBack(QStringLiteral("t2"), QStringLiteral("deadline"), {});
        Q_EMIT backend.trialConfirmed(QStringLiteral("t2"));
        QCOMPARE(settled.size(), 0);
        QVERIFY(d->isVisible());
        m_now = m_start.addSecs(45);
        Q_EMIT backend.trialRolledBack(QStringLiteral("t1"), QStringLiteral("deadline"),
                                       {QStringLiteral("eth0 is up with 192.0.2.10/24 and the default "
                                                       "route via 192.0.2.1 again")});
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.at(0).at(1).toString(),
                 QStringLiteral("The change was undone: it was not kept before its deadline.\neth0 is up "
                                "with 192.0.2.10/24 and the default route via 192.0.2.1 again"));
        QVERIFY(!d->isVisible());
        QVERIFY(backend.confirmed.isEmpty());
    }

    void confirmedElsewhereCloses()
    {
        FakeTrialBackend backend;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        Q_EMIT backend.trialConfirmed(QStringLiteral("t1"));
        QCOMPARE(settled.size(), 1);
        QCOMPARE(settled.at(0).at(0).toBool(), true);
        QVERIFY(!d->isVisible());
        QVERIFY(backend.confirmed.isEmpty());
    }

    void closingDoesNotConfirm()
    {
        FakeTrialBackend backend;
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QSignalSpy settled(d.get(), &TrialDialog::settled);
        QTest::keyClick(d.get(), Qt::Key_Escape);
        QVERIFY(!d->isVisible());
        d->close();
        QVERIFY(backend.confirmed.isEmpty());
        QVERIFY(backend.rolledBack.isEmpty());
        QCOMPARE(settled.size(), 0);
        // Enter does not keep it either.
        d->show();
        QTest::keyClick(d.get(), Qt::Key_Return);
        QVERIFY(backend.confirmed.isEmpty());
    }

    void healthRowsInWordsAndIcons()
    {
        FakeTrialBackend backend;
        backend.health.carrier = true;
        backend.health.addresses = {QStringLiteral("192.0.2.10/24")};
        backend.health.defaultRoute = true;
        backend.health.gateway = QStringLiteral("192.0.2.1");
        backend.health.answered = true;
        backend.health.rttUsec = 1250;
        backend.health.answeredBy = QStringLiteral("52:54:00:12:34:56");
        std::unique_ptr<TrialDialog> d(dialog(backend));
        QVERIFY(backend.healthAsked >= 1);
        const QStringList good {
                QStringLiteral("bond1 has a carrier"), QStringLiteral("Addresses: 192.0.2.10/24"),
                QStringLiteral("The default route goes through bond1"),
                QStringLiteral("The gateway 192.0.2.1 answers ARP in 1.3 ms (52:54:00:12:34:56)")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(d->findChild<QLabel *>(QStringLiteral("health%1").arg(i))->text(), good.at(i));
            QCOMPARE(d->healthRows().at(i).state, TrialHealthRows::State::Good);
            QVERIFY(iconShown(d.get(), i));
        }

        // Asked again while the dialog is open: the host's new answer shows.
        backend.health = ReachReport();
        backend.health.gateway = QStringLiteral("192.0.2.1");
        d->setHealthInterval(50);
        QTRY_COMPARE(d->findChild<QLabel *>(QStringLiteral("health0"))->text(),
                     QStringLiteral("bond1 has no carrier"));
        const QStringList bad {QStringLiteral("bond1 has no carrier"), QStringLiteral("bond1 has no address"),
                               QStringLiteral("No default route through bond1"),
                               QStringLiteral("The gateway 192.0.2.1 does not answer ARP")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(d->findChild<QLabel *>(QStringLiteral("health%1").arg(i))->text(), bad.at(i));
            QCOMPARE(d->healthRows().at(i).state, TrialHealthRows::State::Bad);
            QVERIFY(iconShown(d.get(), i));
        }

        // A host that cannot tell says so in every row.
        backend.healthError = {ClientError::Failed, QString(), QStringLiteral("no CheckReach here")};
        QTRY_COMPARE(d->findChild<QLabel *>(QStringLiteral("health0"))->text(),
                     QStringLiteral("Carrier: no CheckReach here"));
        QCOMPARE(d->healthRows().at(3).state, TrialHealthRows::State::Checking);
    }
};

QTEST_MAIN(TestTrialDialog)
#include "TestTrialDialog.moc"
