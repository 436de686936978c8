// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Drift: every difference between a saved BondConfig and the live one, and nothing else.
#include "Drift.h"
#include "ServiceFixtures.h"

#include <QTest>

using namespace bm;
using namespace bm::helper;

namespace {

using fixtures::s;

BondConfig saved()
{
    BondConfig c;
    c.name = s("bond0");
    c.options = {{s("mode"), s("active-backup")},
                 {s("miimon"), 100u},
                 {s("updelay"), 200u},
                 {s("arp_ip_target"), QStringList {s("192.0.2.1"), s("192.0.2.2")}}};
    c.slaves = {s("eth0"), s("eth1")};
    c.primary = s("eth0");
    c.ip.ipv4Method = Ipv4Method::Static;
    c.ip.ipv4Addresses = {s("192.0.2.10/24")};
    c.ip.ipv4Gateway = s("192.0.2.1");
    c.ip.ipv6Method = Ipv6Method::Auto;
    c.ip.dnsServers = {s("192.0.2.53")};
    c.ip.mtu = 9000;
    return c;
}

// What the kernel would report for the same bond: every option, no methods or DNS.
BondConfig live()
{
    BondConfig c = saved();
    c.options.insert(s("downdelay"), 0u);
    c.options.insert(s("xmit_hash_policy"), s("layer2"));
    c.options.insert(s("arp_ip_target"), QStringList {s("192.0.2.2"), s("192.0.2.1")});
    c.slaves = {s("eth1"), s("eth0")};
    c.ip = IpConfig();
    c.ip.ipv4Addresses = {s("192.0.2.10/24"), s("169.254.7.7/16")};
    c.ip.ipv4Gateway = s("192.0.2.1");
    c.ip.ipv6Addresses = {s("fe80::1/64"), s("2001:db8::99/64")};
    c.ip.mtu = 9000;
    return c;
}

} // namespace

class TestDrift : public QObject
{
    Q_OBJECT

private slots:
    void noDriftWhenTheyAgree() { QCOMPARE(Drift::compare(saved(), live()), QList<DriftEntry>()); }

    // What a service's change() gets as what runs: the saved addresses with the live MTU where
    // one is saved (so that "Save what runs" saves it and "Restore saved" sees it differ).
    void runningTakesTheLiveMtu()
    {
        IpConfig kernel = live().ip;
        kernel.mtu = 1500;
        IpConfig expected = saved().ip;
        expected.mtu = 1500;
        QCOMPARE(Drift::running(kernel, saved().ip), expected);
        // No MTU saved: none comes in (the service's default is not compared either).
        IpConfig withoutMtu = saved().ip;
        withoutMtu.mtu.reset();
        QCOMPARE(Drift::running(kernel, withoutMtu), withoutMtu);
        // Saved nowhere: the live addresses, and the MTU when someone changed it.
        IpConfig plain = kernel;
        plain.mtu.reset();
        QCOMPARE(Drift::running(kernel, std::nullopt), plain);
        kernel.mtu = 9000;
        QCOMPARE(Drift::running(kernel, std::nullopt), kernel);
    }

    void everyDifference()
    {
        BondConfig l = live();
        l.options.insert(s("miimon"), 50u);
        l.options.insert(s("arp_ip_target"), QStringList {s("192.0.2.1")});
        l.options.remove(s("updelay")); // not reported by the kernel: not compared
        l.slaves = {s("eth0")};
        l.primary.clear();
        l.ip.ipv4Addresses = {s("192.0.2.11/24")};
        l.ip.ipv4Gateway.clear();
        l.ip.mtu = 1500;
        const QList<DriftEntry> drift = Drift::compare(saved(), l);
        const QList<DriftEntry> expected {
                {s("miimon"), s("100"), s("50")},
                {s("arp_ip_target"), s("192.0.2.1, 192.0.2.2"), s("192.0.2.1")},
                {s("slaves"), s("eth0, eth1"), s("eth0")},
                {s("primary"), s("eth0"), QString()},
                {s("ipv4Addresses"), s("192.0.2.10/24"), s("192.0.2.11/24")},
                {s("ipv4Gateway"), s("192.0.2.1"), QString()},
                {s("mtu"), s("9000"), s("1500")},
        };
        QCOMPARE(drift, expected);
        QCOMPARE(drift.first().toVariantMap(),
                 (QVariantMap {{s("option"), s("miimon")}, {s("saved"), s("100")}, {s("live"), s("50")}}));
    }

    void methodsDecideWhatIsCompared()
    {
        BondConfig sv = saved();
        sv.ip.ipv4Method = Ipv4Method::Dhcp; // the lease is not saved: nothing to compare
        sv.ip.ipv4Addresses.clear();
        sv.ip.ipv4Gateway.clear();
        sv.ip.ipv6Method = Ipv6Method::Off; // but a global IPv6 address is a difference
        QCOMPARE(Drift::compare(sv, live()),
                 (QList<DriftEntry> {{s("ipv6Addresses"), QString(), s("2001:db8::99/64")}}));

        sv.ip.ipv6Method = Ipv6Method::Static;
        sv.ip.ipv6Addresses = {s("2001:db8::99/64")};
        sv.ip.ipv6Gateway = s("fe80::1");
        QCOMPARE(Drift::compare(sv, live()),
                 (QList<DriftEntry> {{s("ipv6Gateway"), s("fe80::1"), QString()}}));

        BondConfig noMtu = saved();
        noMtu.ip.mtu.reset();
        QCOMPARE(Drift::compare(noMtu, live()), QList<DriftEntry>());
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "TestDrift.moc"
