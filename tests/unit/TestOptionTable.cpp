// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The option table against the kernel's uapi header and bond_netlink.c's policy, value parsing,
// and validation of whole requested configurations (table-driven).
#include "OptionTable.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <linux/if_link.h>

using namespace bm;

using Map = QVariantMap;
Q_DECLARE_METATYPE(bm::OptionTable::Context)

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestOptionTable : public QObject
{
    Q_OBJECT

private slots:
    void attributesMatchUapiHeader_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("attribute");
        QTest::addColumn<int>("kind");
        // Widths from bond_policy[] in drivers/net/bonding/bond_netlink.c.
        const auto row = [](const char *n, int attr, OptionKind k) {
            QTest::newRow(n) << s(n) << attr << int(k);
        };
        row("mode", IFLA_BOND_MODE, OptionKind::U8);
        row("active_slave", IFLA_BOND_ACTIVE_SLAVE, OptionKind::IfIndex);
        row("miimon", IFLA_BOND_MIIMON, OptionKind::U32);
        row("updelay", IFLA_BOND_UPDELAY, OptionKind::U32);
        row("downdelay", IFLA_BOND_DOWNDELAY, OptionKind::U32);
        row("use_carrier", IFLA_BOND_USE_CARRIER, OptionKind::U8);
        row("arp_interval", IFLA_BOND_ARP_INTERVAL, OptionKind::U32);
        row("arp_ip_target", IFLA_BOND_ARP_IP_TARGET, OptionKind::Ipv4List);
        row("arp_validate", IFLA_BOND_ARP_VALIDATE, OptionKind::U32);
        row("arp_all_targets", IFLA_BOND_ARP_ALL_TARGETS, OptionKind::U32);
        row("primary", IFLA_BOND_PRIMARY, OptionKind::IfIndex);
        row("primary_reselect", IFLA_BOND_PRIMARY_RESELECT, OptionKind::U8);
        row("fail_over_mac", IFLA_BOND_FAIL_OVER_MAC, OptionKind::U8);
        row("xmit_hash_policy", IFLA_BOND_XMIT_HASH_POLICY, OptionKind::U8);
        row("resend_igmp", IFLA_BOND_RESEND_IGMP, OptionKind::U32);
        row("num_grat_arp", IFLA_BOND_NUM_PEER_NOTIF, OptionKind::U8);
        row("all_slaves_active", IFLA_BOND_ALL_SLAVES_ACTIVE, OptionKind::U8);
        row("min_links", IFLA_BOND_MIN_LINKS, OptionKind::U32);
        row("lp_interval", IFLA_BOND_LP_INTERVAL, OptionKind::U32);
        row("packets_per_slave", IFLA_BOND_PACKETS_PER_SLAVE, OptionKind::U32);
        row("lacp_rate", IFLA_BOND_AD_LACP_RATE, OptionKind::U8);
        row("ad_select", IFLA_BOND_AD_SELECT, OptionKind::U8);
        row("ad_actor_sys_prio", IFLA_BOND_AD_ACTOR_SYS_PRIO, OptionKind::U16);
        row("ad_user_port_key", IFLA_BOND_AD_USER_PORT_KEY, OptionKind::U16);
        row("ad_actor_system", IFLA_BOND_AD_ACTOR_SYSTEM, OptionKind::Mac);
        row("tlb_dynamic_lb", IFLA_BOND_TLB_DYNAMIC_LB, OptionKind::U8);
        row("peer_notify_delay", IFLA_BOND_PEER_NOTIF_DELAY, OptionKind::U32);
        row("lacp_active", IFLA_BOND_AD_LACP_ACTIVE, OptionKind::U8);
        row("arp_missed_max", IFLA_BOND_MISSED_MAX, OptionKind::U8);
        row("ns_ip6_target", IFLA_BOND_NS_IP6_TARGET, OptionKind::Ipv6List);
        // Debian 12's linux-libc-dev before 6.1.153 lacks IFLA_BOND_COUPLED_CONTROL: the next number.
        row("coupled_control", IFLA_BOND_NS_IP6_TARGET + 1, OptionKind::U8);
    }
    void attributesMatchUapiHeader()
    {
        QFETCH(QString, name);
        QFETCH(int, attribute);
        QFETCH(int, kind);
        const OptionSpec *spec = OptionTable::find(name);
        QVERIFY2(spec, qPrintable(name));
        QCOMPARE(spec->attribute, attribute);
        QCOMPARE(int(spec->kind), kind);
        QCOMPARE(OptionTable::findByAttribute(attribute), spec);
        QCOMPARE(OptionTable::findByKey(QString::fromLatin1(spec->key)), spec);
    }

    void tableIsComplete()
    {
        // One row per IFLA_BOND_* from MODE to NS_IP6_TARGET, less AD_INFO (read-only), plus
        // COUPLED_CONTROL.
        QCOMPARE(OptionTable::all().size(), IFLA_BOND_NS_IP6_TARGET + 1 - IFLA_BOND_MODE);
        QSet<int> attributes;
        QSet<QString> names, keys;
        for (const OptionSpec &spec : OptionTable::all()) {
            QVERIFY(spec.attribute != IFLA_BOND_AD_INFO);
            attributes.insert(spec.attribute);
            names.insert(QLatin1String(spec.name));
            keys.insert(QLatin1String(spec.key));
            QVERIFY2(spec.help && *spec.help, spec.name);
            QVERIFY2(spec.modes != 0, spec.name);
            if (spec.isEnum())
                QCOMPARE(spec.max, quint32(spec.valueNames.size() - 1));
        }
        QCOMPARE(attributes.size(), OptionTable::all().size());
        QCOMPARE(names.size(), OptionTable::all().size());
        QCOMPARE(keys.size(), OptionTable::all().size());
    }

    void flagsMatchKernel()
    {
        // The options bond_opts[] in drivers/net/bonding/bond_options.c gives BOND_OPTFLAG_IFDOWN
        // or BOND_OPTFLAG_NOSLAVES; every other option has neither.
        const QHash<QString, OptionFlags> kernel {
                {s("mode"), OptionFlag::NeedsDown | OptionFlag::NeedsNoSlaves},
                {s("fail_over_mac"), OptionFlag::NeedsNoSlaves},
                {s("lacp_rate"), OptionFlag::NeedsDown},
                {s("ad_select"), OptionFlag::NeedsDown},
                {s("ad_user_port_key"), OptionFlag::NeedsDown},
                {s("tlb_dynamic_lb"), OptionFlag::NeedsDown},
                {s("lacp_active"), OptionFlag::NeedsDown},
                {s("coupled_control"), OptionFlag::NeedsDown},
        };
        for (const OptionSpec &spec : OptionTable::all()) {
            const OptionFlags expected = kernel.value(QLatin1String(spec.name));
            QVERIFY2(spec.flags == expected, spec.name);
            QCOMPARE(spec.needsDown(), expected.testFlag(OptionFlag::NeedsDown));
            QCOMPARE(spec.needsNoSlaves(), expected.testFlag(OptionFlag::NeedsNoSlaves));
        }
    }

    void enumNamesInKernelOrder_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("mode") << s(
                "mode") << QStringList {s("balance-rr"), s("active-backup"), s("balance-xor"), s("broadcast"),
                                        s("802.3ad"),    s("balance-tlb"),   s("balance-alb")};
        QTest::newRow("xmit_hash_policy")
                << s("xmit_hash_policy") << QStringList {s("layer2"),   s("layer3+4"), s("layer2+3"),
                                                         s("encap2+3"), s("encap3+4"), s("vlan+srcmac")};
        QTest::newRow("arp_validate")
                << s("arp_validate")
                << QStringList {s("none"),   s("active"),        s("backup"),       s("all"),
                                s("filter"), s("filter_active"), s("filter_backup")};
        QTest::newRow("arp_all_targets") << s("arp_all_targets") << QStringList {s("any"), s("all")};
        QTest::newRow("primary_reselect")
                << s("primary_reselect") << QStringList {s("always"), s("better"), s("failure")};
        QTest::newRow("fail_over_mac")
                << s("fail_over_mac") << QStringList {s("none"), s("active"), s("follow")};
        QTest::newRow("lacp_rate") << s("lacp_rate") << QStringList {s("slow"), s("fast")};
        QTest::newRow("ad_select") << s("ad_select") << QStringList {s("stable"), s("bandwidth"), s("count")};
        QTest::newRow("lacp_active") << s("lacp_active") << QStringList {s("off"), s("on")};
    }
    void enumNamesInKernelOrder()
    {
        QFETCH(QString, option);
        QFETCH(QStringList, names);
        const OptionSpec *spec = OptionTable::find(option);
        QVERIFY(spec);
        for (int i = 0; i < names.size(); ++i) {
            QCOMPARE(spec->enumName(quint32(i)), names.at(i));
            QCOMPARE(spec->enumValue(names.at(i)), std::optional<quint32>(quint32(i)));
            QCOMPARE(OptionTable::wireNumber(*spec, names.at(i)), std::optional<quint32>(quint32(i)));
        }
        QCOMPARE(spec->enumName(quint32(names.size())), QString());
    }

    void aliases()
    {
        const OptionSpec *peer = OptionTable::find(u"num_grat_arp");
        QVERIFY(peer);
        QCOMPARE(OptionTable::find(u"num_unsol_na"), peer);
        QCOMPARE(OptionTable::find(u"peer_notif_delay"), OptionTable::find(u"peer_notify_delay"));
        QCOMPARE(OptionTable::find(u"no_such_option"), nullptr);
    }

    void parseValue_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<QVariant>("expected"); // invalid: an error is expected
        QTest::addColumn<QString>("error");

        const auto ok = [](const char *tag, const char *opt, QVariant in, QVariant out) {
            QTest::newRow(tag) << s(opt) << in << out << QString();
        };
        const auto bad = [](const char *tag, const char *opt, QVariant in, const char *err) {
            QTest::newRow(tag) << s(opt) << in << QVariant() << s(err);
        };
        ok("number text", "miimon", s("100"), QVariant(100u));
        ok("number padded", "miimon", s(" 100 "), QVariant(100u));
        ok("number typed int", "miimon", 250, QVariant(250u));
        ok("number typed double", "miimon", 250.0, QVariant(250u));
        ok("number max", "miimon", s("2147483647"), QVariant(2147483647u));
        bad("number above max", "miimon", s("2147483648"), "miimon must be between 0 and 2147483647 ms");
        bad("number negative", "miimon", s("-1"), "miimon must be between 0 and 2147483647 ms");
        bad("number negative typed", "miimon", -5, "miimon must be between 0 and 2147483647 ms");
        bad("number fraction", "miimon", 2.5, "miimon must be a whole number");
        // Typed doubles (JSON numbers) beyond any integer type, checked before they are converted.
        bad("number 1e300 typed", "miimon", 1e300, "miimon must be between 0 and 2147483647 ms");
        bad("number -1e300 typed", "miimon", -1e300, "miimon must be between 0 and 2147483647 ms");
        bad("number 2^32 typed", "miimon", 4294967296.0, "miimon must be between 0 and 2147483647 ms");
        bad("number 2^64 typed", "updelay", 18446744073709551616.0,
            "updelay must be between 0 and 2147483647 ms");
        bad("number negative double", "miimon", -1.0, "miimon must be between 0 and 2147483647 ms");
        bad("number NaN", "miimon", qQNaN(), "miimon must be a whole number");
        bad("number infinity", "miimon", qInf(), "miimon must be a whole number");
        bad("number minus infinity", "miimon", -qInf(), "miimon must be a whole number");
        ok("number minus zero", "miimon", -0.0, QVariant(0u));
        bad("number words", "miimon", s("fast"), "miimon must be a whole number, not 'fast'");
        bad("number hex", "miimon", s("0x10"), "must be a whole number");
        bad("number huge", "updelay", s("99999999999999999999999"), "updelay must be a whole number");
        bad("number empty", "miimon", s(""), "must be a whole number");
        bad("no value", "miimon", QVariant(), "miimon needs a value");
        ok("lp_interval min", "lp_interval", s("1"), QVariant(1u));
        bad("lp_interval zero", "lp_interval", s("0"), "lp_interval must be between 1 and 2147483647 s");
        bad("arp_missed_max zero", "arp_missed_max", s("0"), "between 1 and 255");
        bad("resend_igmp 256", "resend_igmp", s("256"), "between 0 and 255");
        bad("packets_per_slave 65536", "packets_per_slave", s("65536"), "between 0 and 65535");
        bad("ad_user_port_key 1024", "ad_user_port_key", s("1024"), "between 0 and 1023");
        bad("ad_actor_sys_prio 0", "ad_actor_sys_prio", s("0"), "between 1 and 65535");
        bad("peer_notify_delay above 300 s", "peer_notify_delay", s("300001"), "between 0 and 300000 ms");
        ok("enum by name", "mode", s("active-backup"), s("active-backup"));
        ok("enum by number text", "mode", s("4"), s("802.3ad"));
        ok("enum by number typed", "xmit_hash_policy", 2, s("layer2+3"));
        ok("lacp_rate fast", "lacp_rate", s("fast"), s("fast"));
        bad("enum unknown", "lacp_rate", s("quick"), "lacp_rate must be one of: slow, fast (not 'quick')");
        bad("enum number out of range", "mode", s("7"), "mode must be one of: balance-rr");
        bad("enum case matters", "mode", s("Active-Backup"), "mode must be one of");
        ok("bool typed", "all_slaves_active", true, QVariant(1u));
        ok("ipv4 list text", "arp_ip_target", s("10.0.0.1,10.0.0.2"),
           QStringList {s("10.0.0.1"), s("10.0.0.2")});
        ok("ipv4 list spaces", "arp_ip_target", s(" 10.0.0.1 , 10.0.0.2 "),
           QStringList {s("10.0.0.1"), s("10.0.0.2")});
        ok("ipv4 list typed", "arp_ip_target", QStringList {s("192.0.2.9")}, QStringList {s("192.0.2.9")});
        ok("ipv4 list empty", "arp_ip_target", s(""), QStringList {});
        bad("ipv4 list bad", "arp_ip_target", s("10.0.0.256"), "'10.0.0.256' is not an IPv4 address");
        bad("ipv4 octal", "arp_ip_target", s("010.0.0.1"), "is not an IPv4 address");
        bad("ipv4 short", "arp_ip_target", s("10.1"), "is not an IPv4 address");
        bad("ipv4 broadcast", "arp_ip_target", s("255.255.255.255"), "cannot be an ARP target");
        bad("ipv4 zeronet", "arp_ip_target", s("0.1.2.3"), "cannot be an ARP target");
        bad("ipv4 duplicate", "arp_ip_target", s("10.0.0.1 10.0.0.1"), "10.0.0.1 is listed twice");
        bad("ipv4 17 targets", "arp_ip_target",
            s("10.0.0.1,10.0.0.2,10.0.0.3,10.0.0.4,10.0.0.5,10.0.0.6,10.0.0.7,10.0.0.8,10.0.0.9,"
              "10.0.0.10,10.0.0.11,10.0.0.12,10.0.0.13,10.0.0.14,10.0.0.15,10.0.0.16,10.0.0.17"),
            "at most 16 addresses, not 17");
        ok("ipv6 canonical", "ns_ip6_target", s("2001:DB8:0:0::1"), QStringList {s("2001:db8::1")});
        bad("ipv6 multicast", "ns_ip6_target", s("ff02::1"), "cannot be a neighbour solicitation target");
        bad("ipv6 loopback", "ns_ip6_target", s("::1"), "cannot be a neighbour solicitation target");
        bad("ipv6 any", "ns_ip6_target", s("::"), "cannot be a neighbour solicitation target");
        bad("ipv6 garbage", "ns_ip6_target", s("2001:db8::g"), "is not an IPv6 address");
        ok("mac", "ad_actor_system", s("02:AA:bb:cc:dd:ee"), s("02:aa:bb:cc:dd:ee"));
        bad("mac multicast", "ad_actor_system", s("01:00:5e:00:00:01"), "must be a unicast MAC");
        bad("mac zero", "ad_actor_system", s("00:00:00:00:00:00"), "must be a unicast MAC");
        bad("mac short", "ad_actor_system", s("02:aa:bb:cc:dd"), "is not a MAC address");
        bad("mac bad digit", "ad_actor_system", s("02:aa:bb:cc:dd:eg"), "is not a MAC address");
        bad("mac with sign", "ad_actor_system", s("02:aa:bb:cc:dd:+e"), "is not a MAC address");
        bad("mac with inner space", "ad_actor_system", s("02:aa:bb:cc: d:ee"), "is not a MAC address");
        ok("ifname", "primary", s("eth0"), s("eth0"));
        ok("ifname clear", "primary", s(""), s(""));
        bad("ifname long", "primary", s("abcdefghijklmnop"),
            "primary: interface name 'abcdefghijklmnop' is 16 bytes");
        bad("ifname colon", "active_slave", s("eth0:1"), "must not contain ':'");
        bad("ifname typed number", "primary", 3, "primary needs an interface name");
    }
    void parseValue()
    {
        QFETCH(QString, option);
        QFETCH(QVariant, input);
        QFETCH(QVariant, expected);
        QFETCH(QString, error);
        const OptionTable::ParsedValue parsed = OptionTable::parseValue(option, input);
        if (error.isEmpty()) {
            QVERIFY2(parsed.ok(), qPrintable(parsed.error));
            QCOMPARE(parsed.value, expected);
            QCOMPARE(parsed.value.typeId(), expected.typeId());
        } else {
            QVERIFY2(!parsed.ok(), qPrintable(parsed.value.toString()));
            QVERIFY2(parsed.error.contains(error), qPrintable(parsed.error));
            QVERIFY(!parsed.value.isValid());
        }
    }

    void wireNumber()
    {
        const OptionSpec *miimon = OptionTable::find(u"miimon");
        QCOMPARE(OptionTable::wireNumber(*miimon, QVariant(100u)), std::optional<quint32>(100));
        QCOMPARE(OptionTable::wireNumber(*miimon, QVariant(s("100"))), std::nullopt);
        const OptionSpec *primary = OptionTable::find(u"primary");
        QCOMPARE(OptionTable::wireNumber(*primary, QVariant(s("eth0"))), std::nullopt);
    }

    void unknownOption()
    {
        const auto parsed = OptionTable::parseValue(u"miimom", s("100"));
        QCOMPARE(parsed.error, s("unknown bonding option 'miimom'"));
    }

    void jsonNumbersAreRangeCheckedBeforeConversion()
    {
        // bondctl and D-Bus callers may pass numbers parsed from JSON: doubles, however large.
        const QVariantMap request = QJsonDocument::fromJson(
                                            R"({"miimon": 1e300, "updelay": 4294967296, "downdelay": -1})")
                                            .object()
                                            .toVariantMap();
        QCOMPARE(request.value(s("miimon")).typeId(), int(QMetaType::Double));
        const OptionTable::Validation v = OptionTable::validate(request);
        QCOMPARE(v.errors.size(), 3);
        for (const QString &error : v.errors)
            QVERIFY2(error.contains(s("must be between 0 and 2147483647 ms")), qPrintable(error));
    }

    void validate_data()
    {
        QTest::addColumn<Map>("request");
        QTest::addColumn<OptionTable::Context>("context");
        QTest::addColumn<QStringList>("errors"); // each must appear (substring), and no other
        QTest::addColumn<QStringList>("warnings");

        const OptionTable::Context create; // a new bond: no slaves, down
        OptionTable::Context abUpWithSlaves;
        abUpWithSlaves.current = Map {{s("mode"), s("active-backup")}, {s("miimon"), 100u}};
        abUpWithSlaves.hasSlaves = true;
        abUpWithSlaves.isUp = true;
        OptionTable::Context lacpUp;
        lacpUp.current = Map {{s("mode"), s("802.3ad")}, {s("miimon"), 100u}};
        lacpUp.isUp = true;
        OptionTable::Context arpBond;
        arpBond.current = Map {{s("mode"), s("active-backup")},
                               {s("miimon"), 0u},
                               {s("arp_interval"), 200u},
                               {s("arp_ip_target"), QStringList {s("10.0.0.1")}}};

        const auto row = [](const char *tag, Map request, OptionTable::Context ctx, QStringList errors,
                            QStringList warnings = {}) {
            QTest::newRow(tag) << request << ctx << errors << warnings;
        };

        // Valid configurations.
        row("empty request", Map {}, create, {});
        row("active-backup with miimon",
            Map {{s("mode"), s("active-backup")},
                 {s("miimon"), s("100")},
                 {s("updelay"), s("200")},
                 {s("downdelay"), 200},
                 {s("primary"), s("eth0")},
                 {s("primary_reselect"), s("better")},
                 {s("fail_over_mac"), s("active")}},
            create, {});
        row("802.3ad full",
            Map {{s("mode"), s("802.3ad")},
                 {s("miimon"), 100},
                 {s("lacp_rate"), s("fast")},
                 {s("ad_select"), s("bandwidth")},
                 {s("lacp_active"), s("on")},
                 {s("xmit_hash_policy"), s("layer3+4")},
                 {s("ad_actor_sys_prio"), 100},
                 {s("ad_user_port_key"), 5},
                 {s("ad_actor_system"), s("02:00:00:00:00:01")},
                 {s("min_links"), 1}},
            create, {});
        row("arp monitoring",
            Map {{s("mode"), s("active-backup")},
                 {s("arp_interval"), 200},
                 {s("arp_ip_target"), s("10.0.0.1,10.0.0.2")},
                 {s("arp_validate"), s("all")},
                 {s("arp_all_targets"), s("all")},
                 {s("arp_missed_max"), 3}},
            create, {});
        row("balance-rr packets_per_slave", Map {{s("mode"), s("balance-rr")}, {s("packets_per_slave"), 0}},
            create, {});
        row("tlb dynamic lb",
            Map {{s("mode"), s("balance-tlb")}, {s("tlb_dynamic_lb"), 0}, {s("lp_interval"), 2}}, create, {});
        row("default mode is balance-rr", Map {{s("packets_per_slave"), 3}}, create, {});
        row("same mode while up with slaves", Map {{s("mode"), s("active-backup")}}, abUpWithSlaves, {});
        row("primary on running bond", Map {{s("primary"), s("eth1")}}, abUpWithSlaves, {});
        row("clear primary", Map {{s("primary"), s("")}}, abUpWithSlaves, {});
        row("miimon 0 with arp",
            Map {{s("miimon"), 0}, {s("arp_interval"), 100}, {s("arp_ip_target"), s("10.0.0.1")}}, create,
            {});

        // Warnings only.
        row("updelay rounded", Map {{s("miimon"), 100}, {s("updelay"), 250}}, create, {},
            {s("updelay 250 ms is not a multiple of miimon 100 ms; the kernel rounds it down to 200 ms")});
        row("downdelay rounded, miimon current", Map {{s("downdelay"), 150}}, abUpWithSlaves, {},
            {s("downdelay 150 ms is not a multiple of miimon 100 ms")});
        row("arp without targets", Map {{s("mode"), s("active-backup")}, {s("arp_interval"), 100}}, create,
            {}, {s("arp_interval is set but there is no arp_ip_target")});

        // Invalid configurations.
        row("unknown option", Map {{s("miimom"), 100}}, create, {s("unknown bonding option 'miimom'")});
        row("bad value", Map {{s("miimon"), s("often")}}, create,
            {s("miimon must be a whole number, not 'often'")});
        row("miimon and arp_interval",
            Map {{s("miimon"), 100}, {s("arp_interval"), 100}, {s("arp_ip_target"), s("10.0.0.1")}}, create,
            {s("miimon and arp_interval cannot both be set")});
        row("arp_validate with miimon",
            Map {{s("mode"), s("active-backup")}, {s("miimon"), 100}, {s("arp_validate"), s("active")}},
            create, {s("arp_validate needs ARP monitoring")});
        row("lacp_rate outside 802.3ad", Map {{s("mode"), s("active-backup")}, {s("lacp_rate"), s("fast")}},
            create, {s("lacp_rate only applies to 802.3ad, not active-backup")});
        row("lacp_rate on current mode", Map {{s("lacp_rate"), s("fast")}}, abUpWithSlaves,
            {s("lacp_rate only applies to 802.3ad, not active-backup")});
        row("primary in balance-xor", Map {{s("mode"), s("balance-xor")}, {s("primary"), s("eth0")}}, create,
            {s("primary only applies to active-backup, balance-tlb and balance-alb, not balance-xor")});
        row("active_slave in 802.3ad", Map {{s("mode"), s("802.3ad")}, {s("active_slave"), s("eth0")}},
            create, {s("active_slave only applies to active-backup, balance-tlb and balance-alb")});
        row("arp_interval in 802.3ad", Map {{s("mode"), s("802.3ad")}, {s("arp_interval"), 100}}, create,
            {s("arp_interval only applies to balance-rr, active-backup, balance-xor and broadcast, not "
               "802.3ad")});
        row("arp_missed_max in balance-alb", Map {{s("mode"), s("balance-alb")}, {s("arp_missed_max"), 2}},
            create,
            {s("arp_missed_max only applies to balance-rr, active-backup, balance-xor and broadcast")});
        row("packets_per_slave in xor", Map {{s("mode"), s("balance-xor")}, {s("packets_per_slave"), 2}},
            create, {s("packets_per_slave only applies to balance-rr, not balance-xor")});
        row("tlb_dynamic_lb in active-backup",
            Map {{s("mode"), s("active-backup")}, {s("tlb_dynamic_lb"), 1}}, create,
            {s("tlb_dynamic_lb only applies to balance-tlb and balance-alb")});
        row("ad_actor_system outside 802.3ad", Map {{s("ad_actor_system"), s("02:00:00:00:00:01")}}, create,
            {s("ad_actor_system only applies to 802.3ad, not balance-rr")});
        row("mode change with slaves and up", Map {{s("mode"), s("balance-xor")}}, abUpWithSlaves,
            {s("mode can only be changed while the bond has no slaves"),
             s("mode can only be changed while the bond is down")});
        row("fail_over_mac with slaves", Map {{s("fail_over_mac"), s("follow")}}, abUpWithSlaves,
            {s("fail_over_mac can only be changed while the bond has no slaves")});
        row("lacp_rate while up", Map {{s("lacp_rate"), s("fast")}}, lacpUp,
            {s("lacp_rate can only be changed while the bond is down")});
        row("ad_select while up", Map {{s("ad_select"), s("count")}}, lacpUp,
            {s("ad_select can only be changed while the bond is down")});
        row("lacp_active while up", Map {{s("lacp_active"), s("off")}}, lacpUp,
            {s("lacp_active can only be changed while the bond is down")});
        row("updelay without miimon", Map {{s("miimon"), 0}, {s("updelay"), 200}}, create,
            {s("updelay needs MII monitoring; set miimon first")});
        row("downdelay on arp bond", Map {{s("downdelay"), 200}}, arpBond,
            {s("downdelay needs MII monitoring")});
        row("several problems at once",
            Map {{s("mode"), s("balance-rr")},
                 {s("lacp_rate"), s("slow")},
                 {s("primary"), s("a:b")},
                 {s("miimon"), -1}},
            create,
            {s("lacp_rate only applies to 802.3ad"), s("primary: interface name 'a:b'"),
             s("miimon must be between 0 and 2147483647 ms")});
        row("alias and name twice", Map {{s("num_grat_arp"), 1}, {s("num_unsol_na"), 2}}, create,
            {s("num_grat_arp is given more than once")});
    }
    void validate()
    {
        QFETCH(Map, request);
        QFETCH(OptionTable::Context, context);
        QFETCH(QStringList, errors);
        QFETCH(QStringList, warnings);
        const OptionTable::Validation v = OptionTable::validate(request, context);
        const QString got = v.errors.join(QLatin1String(" | "));
        QCOMPARE(v.errors.size(), errors.size());
        for (const QString &e : errors) {
            bool found = false;
            for (const QString &g : v.errors)
                found = found || g.contains(e);
            QVERIFY2(found, qPrintable(e + QLatin1String(" not in: ") + got));
        }
        const QString gotWarnings = v.warnings.join(QLatin1String(" | "));
        QCOMPARE(v.warnings.size(), warnings.size());
        for (const QString &w : warnings)
            QVERIFY2(gotWarnings.contains(w), qPrintable(w + QLatin1String(" not in: ") + gotWarnings));
        QCOMPARE(v.ok(), errors.isEmpty());
        if (v.ok()) {
            // Normalised under the table's own names, every value re-parses to itself.
            QCOMPARE(v.normalised.size(), request.size());
            for (auto it = v.normalised.cbegin(); it != v.normalised.cend(); ++it) {
                const OptionSpec *spec = OptionTable::find(it.key());
                QVERIFY(spec);
                QCOMPARE(it.key(), QLatin1String(spec->name));
                QCOMPARE(OptionTable::parseValue(*spec, it.value()).value, it.value());
            }
        } else {
            QVERIFY(v.normalised.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestOptionTable)
#include "TestOptionTable.moc"
