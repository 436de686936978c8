// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondHeader.h"
#include "GuiTestData.h"

#include <QLabel>
#include <QTest>

using namespace bm;
using namespace bm::gui;
using namespace bm::test;

class TestBondHeader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void activeBackupWithMii()
    {
        BondInfo info = bond(QStringLiteral("active-backup"),
                             {slave(QStringLiteral("eth0"), MiiStatus::Up, SlaveState::Active),
                              slave(QStringLiteral("eth1"), MiiStatus::Down, SlaveState::Backup)});
        info.options.insert(QStringLiteral("updelay"), 200u);
        info.options.insert(QStringLiteral("active_slave"), QStringLiteral("eth0"));
        info.options.insert(QStringLiteral("primary"), QStringLiteral("eth0"));
        info.options.insert(QStringLiteral("primary_reselect"), QStringLiteral("failure"));
        BondHeader header;
        header.setBond(info);
        QCOMPARE(header.nameText(), QStringLiteral("bond0"));
        QCOMPARE(header.modeText(), QStringLiteral("Active-backup (failover) — active-backup"));
        QCOMPARE(header.miiText(), QStringLiteral("up"));
        QCOMPARE(header.activeText(), QStringLiteral("eth0"));
        QCOMPARE(header.primaryText(), QStringLiteral("eth0 (takes over again: failure)"));
        QCOMPARE(header.monitoringText(), QStringLiteral("MII every 100 ms, up delay 200 ms"));
        QCOMPARE(header.findChild<QLabel *>(QStringLiteral("health"))->text(), QStringLiteral("degraded"));
    }

    void arpTargets()
    {
        BondInfo info = bond(QStringLiteral("active-backup"));
        info.options.insert(QStringLiteral("miimon"), 0u);
        info.options.insert(QStringLiteral("arp_interval"), 1000u);
        info.options.insert(QStringLiteral("arp_ip_target"),
                            QStringList {QStringLiteral("192.0.2.1"), QStringLiteral("192.0.2.2")});
        BondHeader header;
        header.setBond(info);
        QCOMPARE(header.monitoringText(), QStringLiteral("ARP every 1000 ms to 192.0.2.1, 192.0.2.2"));
    }

    void noMonitoringIsSaid()
    {
        BondInfo info = bond(QStringLiteral("balance-rr"));
        info.options.insert(QStringLiteral("miimon"), 0u);
        BondHeader header;
        header.setBond(info);
        QCOMPARE(header.monitoringText(), QStringLiteral("none (link failures are not detected)"));
    }

    void noActiveSlaveLineInLacp()
    {
        BondHeader header;
        header.setBond(bond(QStringLiteral("802.3ad")));
        QCOMPARE(header.modeText(), QStringLiteral("LACP link aggregation — 802.3ad"));
        QVERIFY(!header.findChild<QLabel *>(QStringLiteral("active"))->isVisibleTo(&header));
        QVERIFY(!header.findChild<QLabel *>(QStringLiteral("primary"))->isVisibleTo(&header));
    }
};

QTEST_MAIN(TestBondHeader)
#include "TestBondHeader.moc"
