// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NetlinkBackend straight against the real bonding driver in the lab guest: the driver's rules as
// the kernel enforces them (each refusal with its errno and extended-ACK text, recorded in the
// log), option encoding and decoding round trips, and RTNLGRP_LINK events (failover) on the
// socket notifier. sysfs is the independent witness.
#include "NetlinkBackend.h"
#include "Sysfs.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>
#include <linux/if_link.h>

using namespace Qt::StringLiterals;
using bm::helper::AddressInfo;
using bm::helper::KernelResult;
using bm::helper::LinkInfo;
using bm::helper::NetlinkBackend;
using bm::helper::RouteInfo;

namespace {

int run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(program, args);
    return p.waitForFinished(30000) ? p.exitCode() : -1;
}

int ip(const QString &args)
{
    return run(u"ip"_s, args.split(u' '));
}

int fault(const QString &what, const QString &link)
{
    return run(QStringLiteral(BM_SOURCE_DIR "/tests/lab/fault"), {what, link});
}

// Logs what the kernel said so the note on exercised rules can quote it.
int refusal(const char *what, const KernelResult &r)
{
    qInfo("%s -> errno %d (%s): %s", what, r.error, strerror(r.error), qPrintable(r.message));
    return r.error;
}

} // namespace

class TestNetlinkBackend : public QObject
{
    Q_OBJECT

    NetlinkBackend m_nl;

    std::optional<LinkInfo> link(const QString &name)
    {
        const auto links = m_nl.dumpLinks();
        if (!links)
            return std::nullopt;
        for (const LinkInfo &l : *links)
            if (l.name == name)
                return l;
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qgetenv("BM_LAB") != "1") {
            // QSKIP's variadic form trips clang's -Wpedantic; this is what it expands to.
            QTest::qSkip("runs inside the lab guest (tests/lab/run)", __FILE__, __LINE__);
            return;
        }
        QVERIFY(m_nl.startMonitoring());
    }

    void cleanup()
    {
        for (const QString &b : {u"bond0"_s, u"bond1"_s})
            if (link(b))
                m_nl.deleteLink(b);
        for (const QString &l : {u"eth0"_s, u"eth1"_s, u"eth2"_s, u"eth3"_s}) {
            fault(u"restore"_s, l);
            m_nl.setUp(l, true);
        }
    }

    void optionsRoundTrip()
    {
        const QVariantMap options {{u"mode"_s, u"active-backup"_s},
                                   {u"arp_interval"_s, 250u},
                                   {u"arp_ip_target"_s, QStringList {u"192.0.2.1"_s, u"192.0.2.9"_s}},
                                   {u"ns_ip6_target"_s, QStringList {u"2001:db8::1"_s}},
                                   {u"arp_validate"_s, u"backup"_s},
                                   {u"fail_over_mac"_s, u"follow"_s},
                                   {u"num_grat_arp"_s, 3u},
                                   {u"resend_igmp"_s, 5u}};
        QVERIFY(m_nl.createBond(u"bond0"_s, options).ok());
        // Loaded by now, by the kernel itself if it was not before.
        QVERIFY(m_nl.bondingLoaded());
        QCOMPARE(sysfs(u"bond0/bonding/arp_ip_target"_s), u"192.0.2.1 192.0.2.9"_s);
        QCOMPARE(sysfs(u"bond0/bonding/fail_over_mac"_s), u"follow 2"_s);
        const auto bond = link(u"bond0"_s);
        QVERIFY(bond && bond->isBond());
        for (auto it = options.cbegin(); it != options.cend(); ++it)
            QCOMPARE(bond->bondOptions.value(it.key()), it.value());
        QVERIFY(m_nl.deleteLink(u"bond0"_s).ok());
        QCOMPARE(sysfs(u"bond0/bonding/mode"_s), u"<missing>"_s);

        QVERIFY(m_nl.createBond(u"bond1"_s, {{u"mode"_s, u"802.3ad"_s},
                                             {u"ad_actor_system"_s, u"02:11:22:33:44:55"_s},
                                             {u"ad_actor_sys_prio"_s, 100u},
                                             {u"ad_user_port_key"_s, 7u},
                                             {u"lacp_rate"_s, u"fast"_s}})
                        .ok());
        const auto ad = link(u"bond1"_s);
        QVERIFY(ad);
        QCOMPARE(ad->bondOptions.value(u"ad_actor_system"_s).toString(), u"02:11:22:33:44:55"_s);
        QCOMPARE(ad->bondOptions.value(u"ad_actor_sys_prio"_s).toUInt(), 100u);
        QCOMPARE(ad->bondOptions.value(u"ad_user_port_key"_s).toUInt(), 7u);
        QCOMPARE(sysfs(u"bond1/bonding/ad_actor_system"_s), u"02:11:22:33:44:55"_s);
    }

    void driverRules()
    {
        QVERIFY(m_nl.createBond(u"bond0"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100u}}).ok());
        QCOMPARE(refusal("create an existing name", m_nl.createBond(u"bond0"_s, {})), EEXIST);
        // Enslaving a running interface.
        QVERIFY(m_nl.setUp(u"eth0"_s, true).ok());
        const KernelResult up = m_nl.setMaster(u"eth0"_s, u"bond0"_s);
        QVERIFY(refusal("enslave while up", up) != 0);
        QVERIFY(!up.message.isEmpty());
        QVERIFY(sysfs(u"bond0/bonding/slaves"_s).isEmpty());
        // The order the helper uses.
        QVERIFY(m_nl.setUp(u"eth0"_s, false).ok());
        QVERIFY(m_nl.setMaster(u"eth0"_s, u"bond0"_s).ok());
        QVERIFY(m_nl.setUp(u"eth0"_s, true).ok());
        QCOMPARE(sysfs(u"bond0/bonding/slaves"_s), u"eth0"_s);
        // An option the mode does not use.
        QCOMPARE(refusal("lacp_rate in active-backup",
                         m_nl.setBondOptions(u"bond0"_s, {{u"lacp_rate"_s, u"fast"_s}})),
                 EACCES);
        // Mode with slaves.
        QVERIFY(refusal("mode with slaves", m_nl.setBondOptions(u"bond0"_s, {{u"mode"_s, u"balance-rr"_s}}))
                != 0);
        QCOMPARE(sysfs(u"bond0/bonding/mode"_s), u"active-backup 1"_s);
        // An option that needs the bond down.
        QVERIFY(m_nl.setUp(u"bond0"_s, true).ok());
        QVERIFY(refusal("ad_select while up", m_nl.setBondOptions(u"bond0"_s, {{u"ad_select"_s, u"count"_s}}))
                != 0);
        // MII and ARP monitoring in one request.
        QVERIFY(refusal("miimon and arp_interval together",
                        m_nl.setBondOptions(u"bond0"_s, {{u"miimon"_s, 100u}, {u"arp_interval"_s, 100u}}))
                != 0);
        // fail_over_mac needs an empty bond.
        QVERIFY(refusal("fail_over_mac with slaves",
                        m_nl.setBondOptions(u"bond0"_s, {{u"fail_over_mac"_s, u"active"_s}}))
                != 0);
        // active_slave that is not a slave / that is down.
        QVERIFY(refusal("active_slave not a slave",
                        m_nl.setBondOptions(u"bond0"_s, {{u"active_slave"_s, u"eth2"_s}}))
                != 0);
        QVERIFY(m_nl.setUp(u"eth1"_s, false).ok());
        QVERIFY(m_nl.setMaster(u"eth1"_s, u"bond0"_s).ok());
        QCOMPARE(fault(u"cut"_s, u"eth1"_s), 0);
        QVERIFY(m_nl.setUp(u"eth1"_s, true).ok());
        QTRY_COMPARE(sysfs(u"eth1/carrier"_s), u"0"_s);
        QCOMPARE(refusal("active_slave without link",
                         m_nl.setBondOptions(u"bond0"_s, {{u"active_slave"_s, u"eth1"_s}})),
                 EINVAL);
        QCOMPARE(sysfs(u"bond0/bonding/active_slave"_s), u"eth0"_s);
        // A bond cannot enslave itself; deleting an unknown link.
        QVERIFY(refusal("enslave bond to itself", m_nl.setMaster(u"bond0"_s, u"bond0"_s)) != 0);
        QCOMPARE(refusal("delete a missing link", m_nl.deleteLink(u"nosuch0"_s)), ENODEV);
    }

    void releaseClosesTheSlave()
    {
        QVERIFY(m_nl.createBond(u"bond0"_s, {{u"mode"_s, u"balance-xor"_s}}).ok());
        QVERIFY(m_nl.setUp(u"eth2"_s, false).ok());
        QVERIFY(m_nl.setMaster(u"eth2"_s, u"bond0"_s).ok());
        QVERIFY(m_nl.setUp(u"eth2"_s, true).ok());
        QVERIFY(m_nl.setMaster(u"eth2"_s, QString()).ok());
        const auto eth2 = link(u"eth2"_s);
        QVERIFY(eth2);
        QCOMPARE(eth2->masterIndex, 0);
        // Why the helper brings a released slave back up itself.
        qInfo("eth2 after release: admin %s", eth2->adminUp ? "up" : "down");
    }

    void failoverEvent()
    {
        QVERIFY(m_nl.createBond(u"bond0"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100u}}).ok());
        for (const QString &s : {u"eth0"_s, u"eth1"_s}) {
            QVERIFY(m_nl.setUp(s, false).ok());
            QVERIFY(m_nl.setMaster(s, u"bond0"_s).ok());
            QVERIFY(m_nl.setUp(s, true).ok());
        }
        QVERIFY(m_nl.setUp(u"bond0"_s, true).ok());
        QTRY_COMPARE(sysfs(u"bond0/bonding/active_slave"_s), u"eth0"_s);
        QSignalSpy changed(&m_nl, &NetlinkBackend::linkChanged);
        QCOMPARE(fault(u"cut"_s, u"eth0"_s), 0);
        auto sawFailover = [&] {
            for (const QList<QVariant> &args : changed) {
                const auto l = args.at(0).value<LinkInfo>();
                if (l.name == u"bond0"_s && l.event == IFLA_EVENT_BONDING_FAILOVER
                    && l.bondOptions.value(u"active_slave"_s).toString() == u"eth1"_s)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawFailover(), 10000);
        auto sawSlaveDown = [&] {
            for (const QList<QVariant> &args : changed) {
                const auto l = args.at(0).value<LinkInfo>();
                if (l.name == u"eth0"_s && l.slave && l.slave->miiStatus == bm::MiiStatus::Down)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawSlaveDown(), 10000);
    }

    void candidatesAddressesAndDefaultRoute()
    {
        QCOMPARE(ip(u"addr add 198.51.100.2/24 dev eth3"_s), 0);
        QCOMPARE(ip(u"route replace default via 198.51.100.1 dev eth3"_s), 0);
        const auto addresses = m_nl.dumpAddresses();
        const auto routes = m_nl.dumpRoutes();
        const auto eth3 = link(u"eth3"_s);
        QVERIFY(eth3 && addresses && routes);
        bool hasAddress = false;
        for (const AddressInfo &a : *addresses)
            hasAddress = hasAddress || (a.ifindex == eth3->ifindex && a.address == u"198.51.100.2/24"_s);
        QVERIFY(hasAddress);
        bool hasDefault = false;
        for (const RouteInfo &r : *routes)
            hasDefault = hasDefault || (r.isDefault() && r.goesOut(eth3->ifindex));
        QVERIFY(hasDefault);
        QCOMPARE(ip(u"route del default"_s), 0);
        QCOMPARE(ip(u"addr del 198.51.100.2/24 dev eth3"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestNetlinkBackend)
#include "TestNetlinkBackend.moc"
