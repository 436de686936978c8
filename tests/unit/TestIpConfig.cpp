// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// IpConfig: the a{sv} round trip, canonical spellings, and one sentence for each kind of problem
// validate() must catch before a service saves the addresses.
#include "IpAddress.h"
#include "IpConfig.h"

#include <QTest>

using namespace bm;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

IpConfig fullConfig()
{
    IpConfig c;
    c.ipv4Method = Ipv4Method::Static;
    c.ipv4Addresses = {s("192.0.2.10/24"), s("198.51.100.7/25")};
    c.ipv4Gateway = s("192.0.2.1");
    c.ipv6Method = Ipv6Method::Static;
    c.ipv6Addresses = {s("2001:db8::10/64")};
    c.ipv6Gateway = s("fe80::1");
    c.dnsServers = {s("192.0.2.53"), s("2001:db8::53")};
    c.dnsSearch = {s("example.org"), s("lab.example.org")};
    c.mtu = 9000;
    return c;
}

// The problems of a config that differs from a valid static one by `change`.
template<typename F>
QStringList problemsAfter(F change)
{
    IpConfig c = fullConfig();
    change(c);
    return c.validate();
}

bool mentions(const QStringList &problems, const char *text)
{
    for (const QString &p : problems) {
        if (p.contains(QString::fromUtf8(text)))
            return true;
    }
    return false;
}

} // namespace

class TestIpConfig : public QObject
{
    Q_OBJECT

private slots:
    void addressesParseStrictly()
    {
        QCOMPARE(IpAddress::parse(u"192.0.2.1")->toString(), s("192.0.2.1"));
        QCOMPARE(IpAddress::parse(u"2001:DB8:0:0::1")->toString(), s("2001:db8::1"));
        QVERIFY(!IpAddress::parse(u"010.0.0.1"));
        QVERIFY(!IpAddress::parse(u"192.0.2"));
        QVERIFY(!IpAddress::parse(u""));
        QVERIFY(!IpPrefix::parse(u"192.0.2.1"));
        QVERIFY(!IpPrefix::parse(u"192.0.2.1/"));
        QVERIFY(!IpPrefix::parse(u"192.0.2.1/33"));
        QVERIFY(!IpPrefix::parse(u"192.0.2.1/+4"));
        QVERIFY(!IpPrefix::parse(u"2001:db8::1/129"));
        QCOMPARE(IpPrefix::parse(u"2001:db8::1/128")->length, 128);
        QCOMPARE(IpPrefix::parse(u"192.0.2.10/24")->netmask(), s("255.255.255.0"));
        QCOMPARE(IpPrefix::parse(u"10.1.2.3/9")->netmask(), s("255.128.0.0"));
        QVERIFY(IpPrefix::parse(u"10.1.2.3/9")->contains(*IpAddress::parse(u"10.127.0.1")));
        QVERIFY(!IpPrefix::parse(u"10.1.2.3/9")->contains(*IpAddress::parse(u"10.128.0.1")));
        QVERIFY(!IpPrefix::parse(u"10.1.2.3/9")->contains(*IpAddress::parse(u"::1")));
        QVERIFY(IpPrefix::parse(u"2001:db8::1/64")->contains(*IpAddress::parse(u"2001:db8::ffff")));
        QVERIFY(IpAddress::parse(u"fe80::1")->isLinkLocal());
        QVERIFY(IpAddress::parse(u"febf::1")->isLinkLocal());
        QVERIFY(!IpAddress::parse(u"fec0::1")->isLinkLocal());
        QVERIFY(IpAddress::parse(u"169.254.9.9")->isLinkLocal());
    }

    void validConfigsHaveNoProblems()
    {
        QCOMPARE(fullConfig().validate(), QStringList());
        QCOMPARE(IpConfig().validate(), QStringList());
        IpConfig dhcp;
        dhcp.ipv4Method = Ipv4Method::Dhcp;
        dhcp.ipv6Method = Ipv6Method::Auto;
        dhcp.dnsServers = {s("192.0.2.53")};
        QCOMPARE(dhcp.validate(), QStringList());
        // /31 and /32 have no network or broadcast address.
        IpConfig p2p = fullConfig();
        p2p.ipv4Addresses = {s("192.0.2.0/31"), s("203.0.113.255/32")};
        p2p.ipv4Gateway = s("192.0.2.1");
        QCOMPARE(p2p.validate(), QStringList());
    }

    void mapRoundTrip()
    {
        const IpConfig c = fullConfig();
        const QVariantMap map = c.toVariantMap();
        QCOMPARE(map.value(s("ipv4Method")).toString(), s("static"));
        QCOMPARE(map.value(s("ipv6Method")).toString(), s("static"));
        QCOMPARE(map.value(s("ipv4Addresses")).toStringList(), c.ipv4Addresses);
        QCOMPARE(map.value(s("mtu")).typeId(), int(QMetaType::UInt));
        QStringList problems;
        QCOMPARE(IpConfig::fromVariantMap(map, &problems), c);
        QCOMPARE(problems, QStringList());
        QVERIFY(!IpConfig().toVariantMap().contains(s("mtu")));
        QCOMPARE(IpConfig::fromVariantMap(IpConfig().toVariantMap()), IpConfig());
    }

    void fromMapCanonicalisesAndReports()
    {
        QStringList problems;
        const IpConfig c = IpConfig::fromVariantMap(
                {{s("ipv6Method"), s("static")},
                 {s("ipv6Addresses"), QVariantList {s("2001:DB8::0:10/64")}},
                 {s("dnsServers"), s("2001:DB8::53, 192.0.2.53")},
                 {s("mtu"), 1500},
                 {s("ipv4Method"), s("manual")},
                 {s("colour"), s("blue")},
                 {s("ipv4Gateway"), 7}},
                &problems);
        QCOMPARE(c.ipv6Addresses, QStringList {s("2001:db8::10/64")});
        QCOMPARE(c.dnsServers, (QStringList {s("2001:db8::53"), s("192.0.2.53")}));
        QCOMPARE(c.mtu, std::optional<quint32>(1500));
        QCOMPARE(c.ipv4Method, Ipv4Method::Off);
        QCOMPARE(problems.size(), 3);
        QVERIFY(mentions(problems, "'manual'"));
        QVERIFY(mentions(problems, "'colour'"));
        QVERIFY(mentions(problems, "ipv4Gateway"));
        QCOMPARE(c.ipv4DnsServers(), QStringList {s("192.0.2.53")});
        QCOMPARE(c.ipv6DnsServers(), QStringList {s("2001:db8::53")});
    }

    void prefixLengths()
    {
        auto p = problemsAfter([](IpConfig &c) { c.ipv4Addresses = {s("192.0.2.10/33")}; });
        QCOMPARE(p.size(), 1);
        QVERIFY(mentions(p, "prefix length between 1 and 32"));
        p = problemsAfter([](IpConfig &c) { c.ipv4Addresses = {s("192.0.2.10")}; });
        QVERIFY(mentions(p, "192.0.2.10 needs a prefix length"));
        p = problemsAfter([](IpConfig &c) { c.ipv4Addresses = {s("192.0.2.10/0")}; });
        QVERIFY(mentions(p, "prefix length between 1 and 32"));
        p = problemsAfter([](IpConfig &c) { c.ipv6Addresses = {s("2001:db8::10/129")}; });
        QCOMPARE(p.size(), 1);
        QVERIFY(mentions(p, "between 1 and 128"));
        p = problemsAfter([](IpConfig &c) { c.ipv4Addresses = {s("2001:db8::10/64")}; });
        QVERIFY(mentions(p, "is not an IPv4 address"));
    }

    void gatewayInsideSubnet()
    {
        auto p = problemsAfter([](IpConfig &c) { c.ipv4Gateway = s("10.0.0.1"); });
        QCOMPARE(p, QStringList {s("the IPv4 gateway 10.0.0.1 is not inside a configured subnet "
                                   "(192.0.2.10/24, 198.51.100.7/25)")});
        // The second subnet counts too.
        QCOMPARE(problemsAfter([](IpConfig &c) { c.ipv4Gateway = s("198.51.100.1"); }), QStringList());
        p = problemsAfter([](IpConfig &c) { c.ipv6Gateway = s("2001:db9::1"); });
        QCOMPARE(p.size(), 1);
        QVERIFY(mentions(p, "not inside a configured subnet (2001:db8::10/64)"));
        QCOMPARE(problemsAfter([](IpConfig &c) { c.ipv6Gateway = s("2001:db8::1"); }), QStringList());
        p = problemsAfter([](IpConfig &c) { c.ipv4Gateway = s("192.0.2.10"); });
        QVERIFY(mentions(p, "one of the configured addresses"));
        p = problemsAfter([](IpConfig &c) { c.ipv4Gateway = s("gateway.example.org"); });
        QVERIFY(mentions(p, "is not an IPv4 address"));
    }

    void linkLocalAndUnusableAddresses()
    {
        auto p = problemsAfter([](IpConfig &c) {
            c.ipv4Addresses = {s("169.254.3.4/16")};
            c.ipv4Gateway.clear();
        });
        QCOMPARE(p.size(), 1);
        QVERIFY(mentions(p, "link-local"));
        p = problemsAfter([](IpConfig &c) { c.ipv6Addresses = {s("fe80::10/64")}; });
        QCOMPARE(p.size(), 1);
        QVERIFY(mentions(p, "link-local"));
        p = problemsAfter([](IpConfig &c) {
            c.ipv4Addresses = {s("127.0.0.2/8"), s("224.0.0.5/24"), s("192.0.2.0/24"), s("192.0.2.255/24"),
                               s("192.0.2.10/24")};
        });
        QCOMPARE(p.size(), 4);
        QVERIFY(mentions(p, "network address"));
        QVERIFY(mentions(p, "broadcast address"));
        p = problemsAfter([](IpConfig &c) { c.ipv4Addresses << s("192.0.2.10/25"); });
        QCOMPARE(p, QStringList {s("192.0.2.10 is listed twice")});
    }

    void methodCombinations()
    {
        auto p = problemsAfter([](IpConfig &c) { c.ipv4Method = Ipv4Method::Dhcp; });
        QCOMPARE(p.size(), 2);
        QVERIFY(mentions(p, "IPv4 addresses can only be given with the static method, not with dhcp"));
        QVERIFY(mentions(p, "an IPv4 gateway can only be given"));
        p = problemsAfter([](IpConfig &c) { c.ipv6Method = Ipv6Method::Auto; });
        QCOMPARE(p.size(), 2);
        QVERIFY(mentions(p, "not with auto"));
        p = problemsAfter([](IpConfig &c) {
            c.ipv4Addresses.clear();
            c.ipv4Gateway.clear();
        });
        QCOMPARE(p, QStringList {s("static IPv4 needs at least one address")});
        p = problemsAfter([](IpConfig &c) {
            c.ipv4Method = Ipv4Method::Off;
            c.ipv4Addresses.clear();
            c.ipv4Gateway.clear();
        });
        QCOMPARE(p, QStringList {s("the DNS server 192.0.2.53 is an IPv4 address, but IPv4 is off")});
    }

    void dnsSearchAndMtu()
    {
        auto p = problemsAfter([](IpConfig &c) {
            c.dnsServers << s("dns.example.org") << s("192.0.2.53");
            c.dnsSearch << s("-bad.example") << s("ok.example.") << s("a b");
        });
        QCOMPARE(p.size(), 4);
        QVERIFY(mentions(p, "'dns.example.org' is not an IPv4 or IPv6 address"));
        QVERIFY(mentions(p, "192.0.2.53 is listed twice"));
        QVERIFY(mentions(p, "'-bad.example' is not a domain name"));
        QVERIFY(mentions(p, "'a b' is not a domain name"));
        QCOMPARE(problemsAfter([](IpConfig &c) { c.mtu = 67; }),
                 QStringList {s("the MTU must be between 68 and 65535, not 67")});
        QCOMPARE(problemsAfter([](IpConfig &c) { c.mtu = 65536; }).size(), 1);
        QCOMPARE(problemsAfter([](IpConfig &c) { c.mtu = 1000; }).size(), 1);
        QCOMPARE(problemsAfter([](IpConfig &c) {
                     c.mtu = 1000;
                     c.ipv6Method = Ipv6Method::Off;
                     c.ipv6Addresses.clear();
                     c.ipv6Gateway.clear();
                     c.dnsServers = {s("192.0.2.53")};
                 }),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestIpConfig)
#include "TestIpConfig.moc"
