// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondEvents.h"
#include "EventHistory.h"
#include "GuiTestData.h"
#include "SampleBackend.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bm;
using namespace bm::gui;
using namespace bm::test;

namespace {

SampleBackend *loaded(SampleBackend &backend)
{
    backend.loadSampleData();
    return &backend;
}

// The sample bond0 and its event log, right after a Failover eth0 -> eth1 that arrived ahead of
// the slaves' link states.
struct FailoverJustArrived {
    const QString bond = QStringLiteral("bond0");
    SampleBackend backend;
    EventLog log {loaded(backend)};

    FailoverJustArrived()
    {
        Q_EMIT backend.failover(bond, QStringLiteral("eth0"), QStringLiteral("eth1"),
                                QDateTime::currentDateTimeUtc());
    }
};

// What the app saw of a bond when it last ran.
SeenBond seen(const QString &active, quint32 eth0Failures, quint32 eth1Failures)
{
    return {active, {{QStringLiteral("eth0"), eth0Failures}, {QStringLiteral("eth1"), eth1Failures}}};
}

BondInfo withActive(BondInfo info, const QString &active, quint32 eth0Failures, quint32 eth1Failures)
{
    info.options.insert(QStringLiteral("active_slave"), active);
    info.slaves[0].linkFailureCount = eth0Failures;
    info.slaves[1].linkFailureCount = eth1Failures;
    return info;
}

// Two runs of the app against the same host: the first sees the sample bonds, the second starts
// after `changed` altered bond0 and reports what it finds while away.
struct TwoRuns {
    QTemporaryDir state;
    QList<BondEvent> found;
    QList<BondEvent> logged;

    explicit TwoRuns(const std::function<void(SampleBackend &)> &changed)
    {
        {
            SampleBackend backend;
            backend.loadSampleData();
            EventLog log(&backend, new EventHistory(QStringLiteral("lab"), state.path()));
            // The comparison runs once the bonds were read; the first run has nothing to compare with.
            QSignalSpy away(&log, &EventLog::changedWhileAway);
            QCoreApplication::processEvents();
            QVERIFY(away.isEmpty());
            QVERIFY(log.history()->hasLastSeen());
        }
        SampleBackend backend;
        backend.loadSampleData();
        changed(backend);
        EventLog log(&backend, new EventHistory(QStringLiteral("lab"), state.path()));
        QSignalSpy away(&log, &EventLog::changedWhileAway);
        QCoreApplication::processEvents();
        QVERIFY(away.size() <= 1);
        if (!away.isEmpty())
            found = away.first().at(0).value<QList<BondEvent>>();
        logged = log.events(QStringLiteral("bond0"));
    }
};

} // namespace

class TestBondEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linkChangesJoinsAndOptions()
    {
        const BondInfo before = bond(
                QStringLiteral("active-backup"),
                {slave(QStringLiteral("eth0"), MiiStatus::Up), slave(QStringLiteral("eth1"), MiiStatus::Up)});
        BondInfo after = bond(QStringLiteral("active-backup"),
                              {slave(QStringLiteral("eth0"), MiiStatus::Down),
                               slave(QStringLiteral("eth2"), MiiStatus::Up)});
        after.options.insert(QStringLiteral("miimon"), 200u);
        after.options.insert(QStringLiteral("active_slave"), QStringLiteral("eth2"));
        const QList<BondEvent> events = BondEvents::diff(before, after, QDateTime::currentDateTime());
        QStringList texts;
        for (const BondEvent &e : events)
            texts << e.text;
        QCOMPARE(texts,
                 (QStringList {QStringLiteral("eth0 link went down"), QStringLiteral("eth2 joined the bond"),
                               QStringLiteral("eth1 left the bond"),
                               QStringLiteral("options changed: miimon=200")}));
        QCOMPARE(events.first().kind, BondEvent::Kind::LinkDown);
    }

    void failoverSentence()
    {
        const BondInfo info = bond(QStringLiteral("active-backup"),
                                   {slave(QStringLiteral("eth0"), MiiStatus::Down),
                                    slave(QStringLiteral("eth1"), MiiStatus::Up)});
        const QDateTime t = QDateTime::currentDateTime();
        QCOMPARE(BondEvents::failover(info, QStringLiteral("eth0"), QStringLiteral("eth1"), t).text,
                 QStringLiteral("eth0 went down, eth1 is now active"));
        QCOMPARE(BondEvents::failover(info, QStringLiteral("eth1"), QStringLiteral("eth0"), t).text,
                 QStringLiteral("eth0 is now active instead of eth1"));
        QCOMPARE(BondEvents::failover(info, QStringLiteral("eth0"), QString(), t).text,
                 QStringLiteral("eth0 went down, no slave is active"));
    }

    void logRecordsFromTheBackend()
    {
        SampleBackend backend;
        backend.loadSampleData();
        EventLog log(&backend);
        QSignalSpy added(&log, &EventLog::eventAdded);
        backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::Down);
        const QList<BondEvent> events = log.events(QStringLiteral("bond0"));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).text, QStringLiteral("eth0 link went down"));
        QCOMPARE(events.at(1).kind, BondEvent::Kind::Failover);
        QCOMPARE(events.at(1).text, QStringLiteral("eth0 went down, eth1 is now active"));
        QCOMPARE(added.size(), 2);
        QVERIFY(log.events(QStringLiteral("lacp0")).isEmpty());
    }

    void whileAwaySentences()
    {
        const BondInfo now = bond(
                QStringLiteral("active-backup"),
                {slave(QStringLiteral("eth0"), MiiStatus::Up), slave(QStringLiteral("eth1"), MiiStatus::Up)});
        const QDateTime t = QDateTime::currentDateTimeUtc();
        auto text = [&](const SeenBond &before, const BondInfo &after) {
            const std::optional<BondEvent> e = BondEvents::whileAway(before, after, t);
            return e ? e->text : QString();
        };
        QCOMPARE(
                text(seen(QStringLiteral("eth0"), 1, 0), withActive(now, QStringLiteral("eth1"), 3, 0)),
                QStringLiteral("eth0 failed 2 times while Bond Manager was not running; eth1 is now active"));
        QCOMPARE(text(seen(QStringLiteral("eth0"), 1, 0), withActive(now, QStringLiteral("eth0"), 2, 5)),
                 QStringLiteral("eth0 failed once, eth1 failed 5 times while Bond Manager was not running"));
        QCOMPARE(text(seen(QStringLiteral("eth0"), 1, 0), withActive(now, QStringLiteral("eth1"), 1, 0)),
                 QStringLiteral("eth1 became active instead of eth0 while Bond Manager was not running"));
        QCOMPARE(text(seen(QString(), 1, 0), withActive(now, QStringLiteral("eth1"), 1, 0)),
                 QStringLiteral("eth1 became active while Bond Manager was not running"));
        QCOMPARE(text(seen(QStringLiteral("eth0"), 1, 0), withActive(now, QString(), 1, 0)),
                 QStringLiteral("eth0 stopped being active while Bond Manager was not running; no slave is "
                                "active now"));
        // Counters that went down were reset: no negative count.
        QCOMPARE(text(seen(QStringLiteral("eth0"), 7, 2), withActive(now, QStringLiteral("eth0"), 0, 3)),
                 QStringLiteral("counters were reset (bond re-created or host restarted) while Bond Manager "
                                "was not running"));
        QCOMPARE(text(seen(QStringLiteral("eth0"), 7, 2), withActive(now, QStringLiteral("eth1"), 0, 0)),
                 QStringLiteral("counters were reset (bond re-created or host restarted) while Bond Manager "
                                "was not running; eth1 is now active"));
        // Nothing moved, or only slaves that were not there before.
        QVERIFY(!BondEvents::whileAway(seen(QStringLiteral("eth0"), 1, 0),
                                       withActive(now, QStringLiteral("eth0"), 1, 0), t));
        QVERIFY(!BondEvents::whileAway({QStringLiteral("eth0"), {}},
                                       withActive(now, QStringLiteral("eth0"), 9, 9), t));

        const BondEvent e = *BondEvents::whileAway(seen(QStringLiteral("eth0"), 1, 0),
                                                   withActive(now, QStringLiteral("eth1"), 3, 0), t);
        QCOMPARE(e.kind, BondEvent::Kind::WhileAway);
        QCOMPARE(e.bond, QStringLiteral("bond0"));
        QCOMPARE(e.from, QStringLiteral("eth0"));
        QCOMPARE(e.to, QStringLiteral("eth1"));
    }

    void whileAwayFromChangedCounts()
    {
        TwoRuns runs([](SampleBackend &backend) {
            BondInfo b = backend.bond(QStringLiteral("bond0"));
            b.slaves[0].linkFailureCount = 3; // was 1
            backend.setBond(b);
        });
        QCOMPARE(runs.found.size(), 1);
        QCOMPARE(runs.found.first().text,
                 QStringLiteral("eth0 failed 2 times while Bond Manager was not running"));
        QCOMPARE(runs.logged.size(), 1);
        QCOMPARE(runs.logged.first().kind, BondEvent::Kind::WhileAway);
    }

    void whileAwayFromAChangedActiveSlave()
    {
        TwoRuns runs([](SampleBackend &backend) {
            BondInfo b = backend.bond(QStringLiteral("bond0"));
            b.options.insert(QStringLiteral("active_slave"), QStringLiteral("eth1"));
            backend.setBond(b);
        });
        QCOMPARE(runs.found.size(), 1);
        QCOMPARE(runs.found.first().text,
                 QStringLiteral("eth1 became active instead of eth0 while Bond Manager was not running"));
    }

    void nothingMovedNothingSaid()
    {
        TwoRuns runs([](SampleBackend &) {});
        QVERIFY(runs.found.isEmpty());
        QVERIFY(runs.logged.isEmpty());
    }

    // Kept up to date while running: a failure seen during the run is not reported again.
    void seenDuringTheRunIsNotReportedAgain()
    {
        QTemporaryDir state;
        {
            SampleBackend backend;
            backend.loadSampleData();
            EventLog log(&backend, new EventHistory(QStringLiteral("lab"), state.path()));
            QCoreApplication::processEvents();
            backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::Down);
        }
        SampleBackend backend;
        backend.loadSampleData();
        BondInfo b = backend.bond(QStringLiteral("bond0"));
        b.slaves[0].linkFailureCount = 2;
        b.slaves[0].miiStatus = MiiStatus::Down;
        b.options.insert(QStringLiteral("active_slave"), QStringLiteral("eth1"));
        backend.setBond(b);
        EventLog log(&backend, new EventHistory(QStringLiteral("lab"), state.path()));
        QSignalSpy away(&log, &EventLog::changedWhileAway);
        QCoreApplication::processEvents();
        QVERIFY(away.isEmpty());
        // What the earlier run recorded is there again.
        QCOMPARE(log.events(QStringLiteral("bond0")).size(), 2);
    }

    // The helper sends a Failover before the slaves' link states that came with it: the log words
    // it by the old slave's state once that arrives.
    void failoverAheadOfTheLinkStateIsWordedByIt()
    {
        FailoverJustArrived f;
        QVERIFY(f.log.events(f.bond).isEmpty());
        f.backend.setLink(f.bond, QStringLiteral("eth0"), MiiStatus::Down);
        const QList<BondEvent> events = f.log.events(f.bond);
        QVERIFY(events.size() >= 2);
        QCOMPARE(events.at(0).text, QStringLiteral("eth0 link went down"));
        QCOMPARE(events.at(1).text, QStringLiteral("eth0 went down, eth1 is now active"));
    }

    // A failover whose old slave stays up (a new primary, a manual switch) is logged after a
    // short wait, worded as such.
    void failoverWithTheOldSlaveUpIsLoggedAfterAWait()
    {
        FailoverJustArrived f;
        QVERIFY(f.log.events(f.bond).isEmpty());
        QTRY_COMPARE(f.log.events(f.bond).size(), 1);
        QCOMPARE(f.log.events(f.bond).at(0).text, QStringLiteral("eth1 is now active instead of eth0"));
    }
};

QTEST_MAIN(TestBondEvents)
#include "TestBondEvents.moc"
