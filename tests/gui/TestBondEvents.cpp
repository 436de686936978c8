// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondEvents.h"
#include "GuiTestData.h"
#include "SampleBackend.h"

#include <QSignalSpy>
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
