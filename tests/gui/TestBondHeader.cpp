// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondHeader.h"
#include "DrillResult.h"
#include "GuiTestData.h"
#include "OptionTable.h"

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
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

    // "Test Failover…" is offered for an active-backup bond only; elsewhere it stays in view,
    // disabled, and its tooltip says why.
    void drillOnlyForActiveBackup()
    {
        BondInfo info = bond(QStringLiteral("active-backup"),
                             {slave(QStringLiteral("eth0"), MiiStatus::Up, SlaveState::Active),
                              slave(QStringLiteral("eth1"), MiiStatus::Up, SlaveState::Backup)});
        info.options.insert(QStringLiteral("active_slave"), QStringLiteral("eth0"));
        BondHeader header;
        header.setBond(info);
        QPushButton *drill = header.drillButton();
        QCOMPARE(drill->text(), QStringLiteral("Test Failover…"));
        QVERIFY(drill->isEnabled());
        QVERIFY2(drill->toolTip().endsWith(QStringLiteral("make eth0 active again")),
                 qPrintable(drill->toolTip()));
        QSignalSpy requested(&header, &BondHeader::drillRequested);
        QTest::mouseClick(drill, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);

        header.setBond(bond(QStringLiteral("802.3ad")));
        QVERIFY(drill->isVisibleTo(&header));
        QVERIFY(!drill->isEnabled());
        QCOMPARE(drill->toolTip(),
                 QStringLiteral("Only an active-backup bond has a backup slave to test a failover with"));
        QTest::mouseClick(drill, Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
    }

    // The drill's report in one line, as the result dialog shows it.
    void drillResultText()
    {
        DrillReport r;
        r.from = QStringLiteral("eth0");
        r.to = QStringLiteral("eth1");
        r.switchUsec = 3240;
        r.target = QStringLiteral("10.77.0.1");
        r.answered = true;
        r.rttUsec = 780;
        r.restored = true;
        QCOMPARE(DrillResult::text(r),
                 QStringLiteral("eth0 → eth1 in 3.2 ms; 10.77.0.1 answered in 0.8 ms; eth0 is active again"));
        r.answered = false;
        r.restored = false;
        QCOMPARE(DrillResult::text(r),
                 QStringLiteral("eth0 → eth1 in 3.2 ms; 10.77.0.1 did not answer; eth0 could "
                                "not be made active again"));
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

    // MII alone and a gateway known (the bond's default route or saved gateway): the header
    // offers to watch the path to it by ARP, with MII off, as the option table allows; not
    // without a gateway, not once ARP watches, not in a mode without ARP monitoring.
    void arpAdviceForMiiOnlyWithAGateway()
    {
        BondInfo info = reportedBond(QStringLiteral("active-backup"));
        BondHeader header;
        header.setBond(info);
        QVERIFY(header.arpAdviceButton()->isHidden());

        IpConfig ip;
        ip.ipv4Gateway = QStringLiteral("10.0.2.2");
        info.link.ip = ip;
        header.setBond(info);
        QVERIFY(!header.arpAdviceButton()->isHidden());
        QCOMPARE(header.arpAdviceButton()->text(), QStringLiteral("Also watch the path to 10.0.2.2 (ARP)"));
        QVERIFY2(
                header.arpAdviceButton()->toolTip().contains(QStringLiteral("link between the two switches")),
                qPrintable(header.arpAdviceButton()->toolTip()));
        QSignalSpy requested(&header, &BondHeader::optionsRequested);
        header.arpAdviceButton()->click();
        QCOMPARE(requested.size(), 1);
        const QVariantMap options = requested.at(0).at(0).toMap();
        QCOMPARE(options.value(QStringLiteral("arp_ip_target")).toStringList(),
                 QStringList {QStringLiteral("10.0.2.2")});
        QCOMPARE(options.value(QStringLiteral("arp_interval")).toUInt(), 100u); // as often as MII looked
        QCOMPARE(options.value(QStringLiteral("miimon")).toUInt(), 0u);
        const OptionTable::Validation v = OptionTable::validate(options, {info.options, true, true});
        QVERIFY2(v.ok(), qPrintable(v.errors.join(u'\n')));
        QVERIFY2(v.warnings.isEmpty(), qPrintable(v.warnings.join(u'\n')));

        BondInfo arp = info;
        arp.options.insert(QStringLiteral("miimon"), 0u);
        arp.options.insert(QStringLiteral("arp_interval"), 1000u);
        arp.options.insert(QStringLiteral("arp_ip_target"), QStringList {QStringLiteral("10.0.2.2")});
        header.setBond(arp);
        QVERIFY(header.arpAdviceButton()->isHidden());

        BondInfo lacp = reportedBond(QStringLiteral("802.3ad"));
        lacp.link.ip = ip;
        header.setBond(lacp);
        QVERIFY(header.arpAdviceButton()->isHidden());

        // A gateway that is no IPv4 address (arp_ip_target takes only those).
        ip.ipv4Gateway.clear();
        ip.ipv6Gateway = QStringLiteral("fe80::1");
        info.link.ip = ip;
        header.setBond(info);
        QVERIFY(header.arpAdviceButton()->isHidden());
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

    void olderHelperShowsNoLinkLines()
    {
        BondHeader header;
        header.setBond(bond(QStringLiteral("active-backup")));
        for (const char *name : {"addresses", "mac", "mtu", "saved", "drift"})
            QVERIFY2(!header.findChild<QLabel *>(QLatin1String(name))->isVisibleTo(&header), name);
        QVERIFY(!header.saveWithButton()->isVisibleTo(&header));
        QVERIFY(!header.saveWhatRunsButton()->isVisibleTo(&header));
    }

    void savedInNetworkManagerWithAddresses()
    {
        BondInfo info = bond(QStringLiteral("active-backup"));
        info.link.mac = QStringLiteral("52:54:00:12:34:01");
        info.link.mtu = 1500;
        info.link.addresses = {QStringLiteral("192.0.2.10/24"), QStringLiteral("2001:db8::10/64")};
        BondPersistence where;
        where.backend = QStringLiteral("NetworkManager");
        where.profile = QStringLiteral("bond0");
        where.uuid = QStringLiteral("0f3c8d52-5a43-4c1b-9d8e-7e4b2a1c9f00");
        info.link.persistence = where;
        BondHeader header;
        header.setBond(info);
        QCOMPARE(header.addressesText(), QStringLiteral("192.0.2.10/24, 2001:db8::10/64"));
        QCOMPARE(header.macText(), QStringLiteral("52:54:00:12:34:01"));
        QCOMPARE(header.mtuText(), QStringLiteral("1500"));
        QCOMPARE(header.savedText(), QStringLiteral("Saved in NetworkManager (profile bond0; UUID "
                                                    "0f3c8d52-5a43-4c1b-9d8e-7e4b2a1c9f00)"));
        for (const char *name : {"addresses", "mac", "mtu", "saved"})
            QVERIFY2(header.findChild<QLabel *>(QLatin1String(name))->isVisibleTo(&header), name);
        QVERIFY(!header.saveWithButton()->isVisibleTo(&header));
        QVERIFY(!header.findChild<QLabel *>(QStringLiteral("drift"))->isVisibleTo(&header));
        QVERIFY(!header.restoreSavedButton()->isVisibleTo(&header));
    }

    void savedInAFile()
    {
        BondInfo info = bond(QStringLiteral("active-backup"));
        BondPersistence where;
        where.backend = QStringLiteral("networkd");
        where.location = QStringLiteral("/etc/systemd/network/50-bond-manager-bond0.netdev");
        where.warnings = {QStringLiteral("networkd does not save peer_notif_delay.")};
        info.link.persistence = where;
        info.link.mac = QStringLiteral("52:54:00:12:34:01");
        BondHeader header;
        header.setBond(info);
        QCOMPARE(header.savedText(),
                 QStringLiteral("Saved in /etc/systemd/network/50-bond-manager-bond0.netdev "
                                "(networkd does not save peer_notif_delay.)"));
        QCOMPARE(header.addressesText(), QStringLiteral("none"));
    }

    void notSavedOffersToSave()
    {
        BondInfo info = bond(QStringLiteral("active-backup"));
        BondPersistence where;
        where.backend = QStringLiteral("none");
        where.saveWith = {QStringLiteral("networkd")};
        info.link.persistence = where;
        BondHeader header;
        header.setBond(info);
        QCOMPARE(header.savedText(), QStringLiteral("Not saved: gone after a reboot"));
        QVERIFY(header.saveWithButton()->isVisibleTo(&header));
        QCOMPARE(header.saveWithButton()->text(), QStringLiteral("Save with systemd-networkd"));
        QSignalSpy save(&header, &BondHeader::saveRequested);
        QTest::mouseClick(header.saveWithButton(), Qt::LeftButton);
        QCOMPARE(save.size(), 1);
        QCOMPARE(save.first().first().toString(), QStringLiteral("networkd"));

        // Several services: the button's menu names each.
        where.saveWith = {QStringLiteral("NetworkManager"), QStringLiteral("ifupdown")};
        info.link.persistence = where;
        header.setBond(info);
        QCOMPARE(header.saveWithButton()->text(), QStringLiteral("Save With…"));
        QMenu *menu = header.saveWithButton()->menu();
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 2);
        menu->actions().at(1)->trigger();
        QCOMPARE(save.size(), 2);
        QCOMPARE(save.last().first().toString(), QStringLiteral("ifupdown"));

        // Nothing could save it: no button, the sentence stays.
        where.saveWith.clear();
        info.link.persistence = where;
        header.setBond(info);
        QVERIFY(!header.saveWithButton()->isVisibleTo(&header));
        QCOMPARE(header.savedText(), QStringLiteral("Not saved: gone after a reboot"));
    }

    void driftIsListedWithItsTwoActions()
    {
        BondInfo info = bond(QStringLiteral("active-backup"));
        BondPersistence where;
        where.backend = QStringLiteral("ifupdown");
        where.location = QStringLiteral("/etc/network/interfaces.d/bond-manager-bond0");
        info.link.persistence = where;
        info.link.drift = {{QStringLiteral("miimon"), QStringLiteral("100"), QStringLiteral("200")},
                           {QStringLiteral("primary"), QString(), QStringLiteral("eth1")}};
        BondHeader header;
        header.setBond(info);
        QCOMPARE(header.driftText(),
                 QStringLiteral("What runs differs from what is saved: miimon (saved 100, "
                                "running 200); primary (saved none, running eth1)"));
        QVERIFY(header.saveWhatRunsButton()->isVisibleTo(&header));
        QVERIFY(header.restoreSavedButton()->isVisibleTo(&header));
        QSignalSpy save(&header, &BondHeader::saveRequested);
        QSignalSpy restore(&header, &BondHeader::restoreRequested);
        QTest::mouseClick(header.saveWhatRunsButton(), Qt::LeftButton);
        QCOMPARE(save.size(), 1);
        QCOMPARE(save.first().first().toString(), QStringLiteral("ifupdown")); // where it is saved now
        QTest::mouseClick(header.restoreSavedButton(), Qt::LeftButton);
        QCOMPARE(restore.size(), 1);

        info.link.drift.clear();
        header.setBond(info);
        QVERIFY(!header.saveWhatRunsButton()->isVisibleTo(&header));
        QVERIFY(!header.findChild<QLabel *>(QStringLiteral("drift"))->isVisibleTo(&header));
    }
};

QTEST_MAIN(TestBondHeader)
#include "TestBondHeader.moc"
