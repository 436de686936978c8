// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The sentences of Preview, Try and TrialRolledBack (helper/src/change/Carrying): what an
// interface carries, what moves to the bond, what is back; link-local addresses and the kernel's
// own prefix routes are no reason for a trial. What carries over (CarryPlan): only what the write
// leaves unset.
#include "CarryPlan.h"
#include "Carrying.h"

#include <QTest>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

using namespace bm::helper;
using namespace Qt::StringLiterals;

namespace {
AddressInfo address(int ifindex, const QString &text)
{
    AddressInfo a;
    a.ifindex = ifindex;
    a.family = text.contains(u':') ? AF_INET6 : AF_INET;
    a.address = text;
    return a;
}

RouteInfo route(int ifindex, const QString &destination, const QString &gateway, quint8 protocol = RTPROT_BOOT)
{
    RouteInfo r;
    r.ifindex = ifindex;
    r.family = destination.contains(u':') ? AF_INET6 : AF_INET;
    r.destination = destination;
    r.gateway = gateway;
    r.protocol = protocol;
    r.metric = 100;
    return r;
}
} // namespace

class TestCarrying : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinAnd()
    {
        QCOMPARE(Carrying::joinAnd({}), QString());
        QCOMPARE(Carrying::joinAnd({u"a"_s}), u"a"_s);
        QCOMPARE(Carrying::joinAnd({u"a"_s, u"b"_s}), u"a and b"_s);
        QCOMPARE(Carrying::joinAnd({u"a"_s, u"b"_s, u"c"_s}), u"a, b and c"_s);
    }

    void addressAndDefaultRoute()
    {
        const Carrying::Carried c = Carrying::of(
                u"mgmt0"_s, 2,
                {address(2, u"10.0.2.15/24"_s), address(2, u"fe80::5054:ff:fe12:3456/64"_s),
                 address(3, u"10.9.9.9/24"_s)},
                {route(2, u"10.0.2.0/24"_s, QString(), RTPROT_KERNEL),
                 route(2, u"fe80::/64"_s, QString(), RTPROT_KERNEL), route(2, u"0.0.0.0/0"_s, u"10.0.2.2"_s),
                 route(3, u"0.0.0.0/0"_s, u"10.9.9.1"_s)});
        QVERIFY(c.any());
        QCOMPARE(Carrying::reason(c), u"mgmt0 carries 10.0.2.15/24 and the default route"_s);
        QCOMPARE(Carrying::move(c, u"bond1"_s),
                 u"10.0.2.15/24 and the default route via 10.0.2.2 move from mgmt0 to bond1"_s);
        QCOMPARE(Carrying::restored(c, true),
                 u"mgmt0 is up with 10.0.2.15/24 and the default route via 10.0.2.2 again"_s);
    }

    void linkLocalOnlyCarriesNothing()
    {
        const Carrying::Carried c = Carrying::of(
                u"eth1"_s, 4, {address(4, u"fe80::1/64"_s), address(4, u"169.254.3.4/16"_s)},
                {route(4, u"fe80::/64"_s, QString(), RTPROT_KERNEL)});
        QVERIFY(!c.any());
        QCOMPARE(Carrying::restored(c, false), u"eth1 is down again"_s);
    }

    void otherRoutesAndIpv6()
    {
        const Carrying::Carried c = Carrying::of(
                u"eth0"_s, 2, {address(2, u"2001:db8::10/64"_s)},
                {route(2, u"10.1.0.0/16"_s, u"192.0.2.3"_s), route(2, u"::/0"_s, u"fe80::1"_s)});
        QCOMPARE(Carrying::reason(c),
                 u"eth0 carries 2001:db8::10/64, the IPv6 default route and the route to 10.1.0.0/16"_s);
        QCOMPARE(Carrying::move(c, u"bond0"_s), u"2001:db8::10/64, the IPv6 default route via fe80::1 and "
                                                u"the route to 10.1.0.0/16 via 192.0.2.3 move "
                                                u"from eth0 to bond0"_s);
        // One thing moves.
        const Carrying::Carried one = Carrying::of(u"eth0"_s, 2, {address(2, u"192.0.2.10/24"_s)}, {});
        QCOMPARE(Carrying::move(one, u"bond0"_s), u"192.0.2.10/24 moves from eth0 to bond0"_s);
    }

    void planCarriesWhatTheWriteLeavesUnset()
    {
        const CarryPlan none = CarryPlan::leaving({});
        QVERIFY(none.ipv4 && none.ipv6 && none.dns && none.mac);

        bm::IpConfig written;
        written.ipv4Method = bm::Ipv4Method::Dhcp;
        CarryPlan plan = CarryPlan::leaving(written);
        QVERIFY(!plan.ipv4 && plan.ipv6 && plan.dns && plan.mac);

        written = {};
        written.ipv6Method = bm::Ipv6Method::Auto;
        written.dnsSearch = {u"example.org"_s};
        plan = CarryPlan::leaving(written);
        QVERIFY(plan.ipv4 && !plan.ipv6 && !plan.dns && plan.mac);
    }

    // Preview's moves say exactly what moves: with an IPv4 address given, eth0's IPv6 only.
    void planMovesOnlyTheFamiliesLeftUnset()
    {
        const Carrying::Carried c = Carrying::of(
                u"eth0"_s, 2, {address(2, u"192.0.2.10/24"_s), address(2, u"2001:db8::10/64"_s)},
                {route(2, u"0.0.0.0/0"_s, u"192.0.2.1"_s), route(2, u"::/0"_s, u"fe80::1"_s)});
        bm::IpConfig written;
        written.ipv4Method = bm::Ipv4Method::Static;
        written.ipv4Addresses = {u"10.77.0.60/24"_s};
        const Carrying::Carried moving = CarryPlan::leaving(written).moving(c);
        QCOMPARE(Carrying::move(moving, u"bond0"_s),
                 u"2001:db8::10/64 and the IPv6 default route via fe80::1 move from eth0 to bond0"_s);
        written.ipv6Method = bm::Ipv6Method::Dhcp;
        QVERIFY(!CarryPlan::leaving(written).moving(c).any());
        QCOMPARE(CarryPlan().moving(c).addresses.size(), 2);
    }

    // What a service saves for the bond: the write's own addresses stay (lab_saving: the bond
    // asked for 10.77.0.60/24 got eth0's 10.77.0.70/24), the slave's fill what is unset.
    void planIpKeepsTheWrittenAddresses()
    {
        bm::IpConfig slave;
        slave.ipv4Method = bm::Ipv4Method::Static;
        slave.ipv4Addresses = {u"10.77.0.70/24"_s};
        slave.ipv4Gateway = u"10.77.0.1"_s;
        slave.ipv6Method = bm::Ipv6Method::Static;
        slave.ipv6Addresses = {u"2001:db8::70/64"_s};
        slave.dnsServers = {u"10.77.0.1"_s, u"2001:db8::1"_s};
        slave.dnsSearch = {u"lab.example"_s};

        bm::IpConfig written;
        written.ipv4Method = bm::Ipv4Method::Static;
        written.ipv4Addresses = {u"10.77.0.60/24"_s};
        bm::IpConfig ip = CarryPlan::leaving(written).ip(written, slave);
        QCOMPARE(ip.ipv4Method, bm::Ipv4Method::Static);
        QCOMPARE(ip.ipv4Addresses, QStringList {u"10.77.0.60/24"_s});
        QCOMPARE(ip.ipv4Gateway, QString());
        QCOMPARE(ip.ipv6Method, bm::Ipv6Method::Static);
        QCOMPARE(ip.ipv6Addresses, QStringList {u"2001:db8::70/64"_s});
        QCOMPARE(ip.dnsServers, (QStringList {u"10.77.0.1"_s, u"2001:db8::1"_s}));
        QCOMPARE(ip.dnsSearch, QStringList {u"lab.example"_s});
        QVERIFY(ip.validate().isEmpty());

        // DNS given: none of the slave's; IPv6 off: no IPv6 server either way.
        written.dnsServers = {u"9.9.9.9"_s};
        written.ipv6Method = bm::Ipv6Method::Auto;
        ip = CarryPlan::leaving(written).ip(written, slave);
        QCOMPARE(ip.dnsServers, QStringList {u"9.9.9.9"_s});
        QCOMPARE(ip.dnsSearch, QStringList());
        QCOMPARE(ip.ipv6Method, bm::Ipv6Method::Auto);

        // Nothing given: the slave's DHCP stays DHCP; its IPv6 server needs an IPv6 method.
        slave.ipv4Method = bm::Ipv4Method::Dhcp;
        slave.ipv4Addresses.clear();
        slave.ipv4Gateway.clear();
        slave.ipv6Method = bm::Ipv6Method::Auto;
        slave.ipv6Addresses.clear();
        ip = CarryPlan::leaving({}).ip({}, slave);
        QCOMPARE(ip.ipv4Method, bm::Ipv4Method::Dhcp);
        QCOMPARE(ip.ipv6Method, bm::Ipv6Method::Off);
        QCOMPARE(ip.dnsServers, QStringList {u"10.77.0.1"_s});
    }

    // A DHCP client's address (finite lifetime, not the kernel's own) is named as a lease with
    // what is left of it where it is about to move, not where it is back; a bond saved nowhere
    // that would take it is refused with a sentence naming it and what would keep it.
    void leases()
    {
        AddressInfo lease = address(2, u"10.0.2.15/24"_s);
        lease.validLifetime = lease.preferredLifetime = 86370;
        AddressInfo slaac = address(2, u"fec0::5054:ff:fe12:3456/64"_s);
        slaac.validLifetime = 86400;
        slaac.protocol = IFAPROT_KERNEL_RA;
        const Carrying::Carried c = Carrying::of(u"mgmt0"_s, 2, {lease, slaac},
                                                 {route(2, u"0.0.0.0/0"_s, u"10.0.2.2"_s, RTPROT_DHCP)});
        QVERIFY(Carrying::isLease(lease));
        QVERIFY(!Carrying::isLease(slaac));
        QVERIFY(!Carrying::isLease(address(2, u"10.0.2.15/24"_s)));
        QCOMPARE(Carrying::leases(c).size(), 1);
        QCOMPARE(Carrying::leases(c).at(0).address, lease.address);
        QCOMPARE(Carrying::reason(c),
                 u"mgmt0 carries 10.0.2.15/24 (a lease, 23:59:30 left), fec0::5054:ff:fe12:3456/64 and the "
                 "default route"_s);
        QCOMPARE(Carrying::move(c, u"bond1"_s),
                 u"10.0.2.15/24 (a lease, 23:59:30 left), fec0::5054:ff:fe12:3456/64 and the default route "
                 "via 10.0.2.2 move from mgmt0 to bond1"_s);
        QCOMPARE(Carrying::restored(c, true),
                 u"mgmt0 is up with 10.0.2.15/24, fec0::5054:ff:fe12:3456/64 and the default route via "
                 "10.0.2.2 again"_s);

        QCOMPARE(Carrying::leaseRefusal(c, u"bond1"_s, {u"ifupdown"_s}),
                 u"10.0.2.15/24 on mgmt0 is a lease (23:59:30 left) that its DHCP client renews on mgmt0 "
                 "only: bond1, saved by no network service, would lose it when the lease ends. Save bond1 "
                 "with ifupdown, or give it an address of its own."_s);
        QVERIFY(Carrying::leaseRefusal(c, u"bond1"_s, {u"NetworkManager"_s, u"networkd"_s, u"ifupdown"_s})
                        .contains(u"Save bond1 with NetworkManager, networkd or ifupdown, or give"_s));
        // What the write gives the bond itself does not move: no lease, no refusal.
        CarryPlan own;
        own.ipv4 = false;
        QCOMPARE(Carrying::leaseRefusal(own.moving(c), u"bond1"_s, {}), QString());
    }
};

QTEST_GUILESS_MAIN(TestCarrying)
#include "TestCarrying.moc"
