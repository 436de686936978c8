// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The sentences of Preview, Try and TrialRolledBack (helper/src/change/Carrying): what an
// interface carries, what moves to the bond, what is back; link-local addresses and the kernel's
// own prefix routes are no reason for a trial.
#include "Carrying.h"

#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestCarrying)
#include "TestCarrying.moc"
