// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NetlinkBackend straight against the real bonding driver in the lab guest: the driver's rules as
// the kernel enforces them (each refusal with its errno and extended-ACK text, recorded in the
// log), option encoding and decoding round trips, RTNLGRP_LINK events (failover) on the socket
// notifier, and addresses and routes with their events and what a link going down does to them. sysfs is the independent witness.
#include "NetlinkBackend.h"
#include "Sysfs.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

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

    // Addresses and routes through NetlinkBackend: added with their attributes, dumped back as
    // they were, announced, refused when they exist, deleted.
    void addressesAndRoutes()
    {
        const auto eth3 = link(u"eth3"_s);
        QVERIFY(eth3);
        QVERIFY(m_nl.setUp(u"eth3"_s, true).ok());
        QSignalSpy addressAdded(&m_nl, &NetlinkBackend::addressChanged);
        QSignalSpy addressGone(&m_nl, &NetlinkBackend::addressRemoved);
        QSignalSpy routeAdded(&m_nl, &NetlinkBackend::routeChanged);
        QSignalSpy routeGone(&m_nl, &NetlinkBackend::routeRemoved);

        AddressInfo v4;
        v4.ifindex = eth3->ifindex;
        v4.family = AF_INET;
        v4.address = u"198.51.100.7/24"_s;
        v4.broadcast = u"198.51.100.255"_s;
        v4.label = u"eth3:lab"_s;
        AddressInfo v6;
        v6.ifindex = eth3->ifindex;
        v6.family = AF_INET6;
        v6.address = u"2001:db8:7::7/64"_s;
        v6.flags = IFA_F_NODAD;
        QVERIFY(m_nl.addAddress(v4).ok());
        QVERIFY(m_nl.addAddress(v6).ok());
        QCOMPARE(refusal("add an existing address", m_nl.addAddress(v4)), EEXIST);
        const auto find = [&](const AddressInfo &wanted) -> std::optional<AddressInfo> {
            for (const AddressInfo &a : m_nl.dumpAddresses().value_or(QList<AddressInfo>()))
                if (a.sameAddress(wanted))
                    return a;
            return std::nullopt;
        };
        const auto dumped4 = find(v4);
        QVERIFY(dumped4);
        QCOMPARE(dumped4->broadcast, v4.broadcast);
        QCOMPARE(dumped4->label, v4.label);
        QVERIFY(dumped4->flags & IFA_F_PERMANENT);
        QCOMPARE(dumped4->validLifetime, AddressInfo::Forever);
        const auto dumped6 = find(v6);
        QVERIFY(dumped6);
        QVERIFY(dumped6->flags & IFA_F_NODAD);
        QTRY_VERIFY(std::any_of(addressAdded.cbegin(), addressAdded.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<AddressInfo>().sameAddress(v6);
        }));

        RouteInfo r4;
        r4.ifindex = eth3->ifindex;
        r4.family = AF_INET;
        r4.destination = u"203.0.113.0/24"_s;
        r4.gateway = u"198.51.100.1"_s;
        r4.metric = 50;
        r4.protocol = RTPROT_STATIC;
        r4.type = RTN_UNICAST;
        r4.table = RT_TABLE_MAIN;
        r4.preferredSource = u"198.51.100.7"_s;
        RouteInfo r6 = r4;
        r6.family = AF_INET6;
        r6.destination = u"2001:db8:8::/64"_s;
        r6.gateway = u"2001:db8:7::1"_s;
        r6.preferredSource.clear();
        QVERIFY(m_nl.addRoute(r4).ok());
        QVERIFY(m_nl.addRoute(r6).ok());
        QCOMPARE(refusal("add an existing route", m_nl.addRoute(r4)), EEXIST);
        const auto routes = m_nl.dumpRoutes();
        QVERIFY(routes);
        for (const RouteInfo &wanted : {r4, r6}) {
            const auto it = std::find_if(routes->cbegin(), routes->cend(),
                                         [&](const RouteInfo &r) { return r.sameRoute(wanted); });
            QVERIFY2(it != routes->cend(), qPrintable(wanted.destination));
            QCOMPARE(it->protocol, wanted.protocol);
            QCOMPARE(it->preferredSource, wanted.preferredSource);
            QCOMPARE(it->table, quint32(RT_TABLE_MAIN));
        }
        QTRY_VERIFY(std::any_of(routeAdded.cbegin(), routeAdded.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<RouteInfo>().sameRoute(r6);
        }));

        QVERIFY(m_nl.deleteRoute(r4).ok());
        QVERIFY(m_nl.deleteRoute(r6).ok());
        QTRY_VERIFY(std::any_of(routeGone.cbegin(), routeGone.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<RouteInfo>().sameRoute(r4);
        }));
        QVERIFY(m_nl.deleteAddress(v4).ok());
        QVERIFY(m_nl.deleteAddress(v6).ok());
        QTRY_VERIFY(std::any_of(addressGone.cbegin(), addressGone.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<AddressInfo>().sameAddress(v4);
        }));
        QVERIFY(!find(v4) && !find(v6));
    }

    // What tests/dbus/FakeKernelBackend models and ChangePlanner's undo repairs: down drops the
    // link's IPv4 routes (unannounced) and its IPv6 addresses; up brings back only the IPv4
    // prefix route.
    void linkDownDropsRoutesAndIpv6Addresses()
    {
        const auto eth3 = link(u"eth3"_s);
        QVERIFY(eth3);
        QVERIFY(m_nl.setUp(u"eth3"_s, true).ok());
        QCOMPARE(ip(u"addr add 198.51.100.8/24 dev eth3"_s), 0);
        QCOMPARE(ip(u"addr add 2001:db8:9::8/64 dev eth3 nodad"_s), 0);
        QCOMPARE(ip(u"route add 203.0.113.0/24 via 198.51.100.1 dev eth3"_s), 0);
        const auto ofEth3 = [&] {
            QStringList lines;
            for (const AddressInfo &a : m_nl.dumpAddresses().value_or(QList<AddressInfo>()))
                if (a.ifindex == eth3->ifindex && !a.isLinkLocal())
                    lines << a.address;
            for (const RouteInfo &r : m_nl.dumpRoutes().value_or(QList<RouteInfo>()))
                if (r.goesOut(eth3->ifindex) && !r.destination.startsWith(u"fe80"_s))
                    lines << u"route "_s + r.destination;
            lines.sort();
            return lines;
        };
        QCOMPARE(ofEth3(),
                 (QStringList {u"198.51.100.8/24"_s, u"2001:db8:9::8/64"_s, u"route 198.51.100.0/24"_s,
                               u"route 2001:db8:9::/64"_s, u"route 203.0.113.0/24"_s}));
        QVERIFY(m_nl.setUp(u"eth3"_s, false).ok());
        QCOMPARE(ofEth3(), QStringList {u"198.51.100.8/24"_s});
        QVERIFY(m_nl.setUp(u"eth3"_s, true).ok());
        QCOMPARE(ofEth3(), (QStringList {u"198.51.100.8/24"_s, u"route 198.51.100.0/24"_s}));
        QCOMPARE(ip(u"addr del 198.51.100.8/24 dev eth3"_s), 0);
    }

    void setMtu()
    {
        QVERIFY(m_nl.setMtu(u"eth3"_s, 1400).ok());
        QCOMPARE(link(u"eth3"_s)->mtu, 1400u);
        QCOMPARE(sysfs(u"eth3/mtu"_s), u"1400"_s);
        QVERIFY(m_nl.setMtu(u"eth3"_s, 1500).ok());
        QCOMPARE(link(u"eth3"_s)->mtu, 1500u);
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
