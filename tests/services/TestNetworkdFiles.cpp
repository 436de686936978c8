// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NetworkdFiles: every option of the table is mapped to a [Bond] key of systemd 252 or marked
// unsupported, the files have the expected content, and they read back into the same BondConfig.
#include "AtomicFile.h"
#include "NetworkdFiles.h"
#include "OptionTable.h"
#include "ServiceFixtures.h"
#include "SystemRoot.h"
#include "UnitFile.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bm;
using namespace bm::helper;

namespace {

using fixtures::s;

BondConfig roundTrip(const BondConfig &config, QStringList *problems)
{
    const NetworkdFiles::Output out = NetworkdFiles::generate(config);
    QList<QByteArray> slaves;
    for (int i = 2; i < out.files.size(); ++i)
        slaves << out.files.at(i).content;
    return NetworkdFiles::parse(out.files.at(0).content, out.files.at(1).content, slaves, problems);
}

// The [Bond] keys of the installed systemd.netdev(5), or nothing when the page is not there.
QStringList manPageBondKeys()
{
    const QString page = s("/usr/share/man/man5/systemd.netdev.5.gz");
    if (!QFile::exists(page))
        return {};
    QProcess zcat;
    zcat.start(s("zcat"), {page});
    if (!zcat.waitForFinished(10000) || zcat.exitCode() != 0)
        return {};
    const QString text = QString::fromUtf8(zcat.readAllStandardOutput());
    // roff: the section starts at its .SH heading and ends at the next one.
    const qsizetype start = text.indexOf(s("[BOND] SECTION OPTIONS"));
    const qsizetype end = text.indexOf(s(".SH"), start + 1);
    if (start < 0)
        return {};
    QStringList keys;
    static const QRegularExpression item(s("^\\\\fI(\\w+)=\\\\fR$"), QRegularExpression::MultilineOption);
    auto it = item.globalMatch(text.mid(start, end - start));
    while (it.hasNext())
        keys << it.next().captured(1);
    return keys;
}

} // namespace

class TestNetworkdFiles : public QObject
{
    Q_OBJECT

private slots:
    void everyOptionMappedOrUnsupported()
    {
        fixtures::verifyCoversOptionTable(NetworkdFiles::optionMappings());
    }

    void keysMatchTheManPage()
    {
        const QStringList manKeys = manPageBondKeys();
        if (manKeys.isEmpty())
            QSKIP("systemd.netdev(5) is not installed");
        QStringList mapped;
        for (const OptionMapping &m : NetworkdFiles::optionMappings()) {
            if (m.saved())
                mapped << QString::fromLatin1(m.key);
        }
        // Every key we write exists, and every key networkd has is used (none forgotten).
        for (const QString &key : std::as_const(mapped))
            QVERIFY2(manKeys.contains(key), qPrintable(key));
        for (const QString &key : manKeys)
            QVERIFY2(mapped.contains(key), qPrintable(key));
    }

    void fileNamesMarkThemOurs()
    {
        QCOMPARE(NetworkdFiles::netdevPath(s("bond0")),
                 s("/etc/systemd/network/10-bond-manager-bond0.netdev"));
        QCOMPARE(NetworkdFiles::networkPath(s("bond0")),
                 s("/etc/systemd/network/10-bond-manager-bond0.network"));
        QCOMPARE(NetworkdFiles::slaveNetworkPath(s("bond0"), s("eth0")),
                 s("/etc/systemd/network/10-bond-manager-bond0:eth0.network"));
        QVERIFY(NetworkdFiles::isOurs(s("10-bond-manager-bond0:eth0.network")));
        QVERIFY(!NetworkdFiles::isOurs(s("20-wired.network")));
        for (const FileChange &f : NetworkdFiles::generate(fixtures::activeBackupStatic()).files)
            QCOMPARE(AtomicFile::checkAllowed(f.path), QString());
    }

    void activeBackupFiles()
    {
        const NetworkdFiles::Output out = NetworkdFiles::generate(fixtures::activeBackupStatic());
        QCOMPARE(out.unsaved, QStringList());
        QCOMPARE(out.files.size(), 4);
        const QByteArray header = "# Written by Bond Manager for bond0. Bond Manager rewrites this "
                                  "file whenever the bond is changed there; edits made here are "
                                  "replaced then.\n";
        QCOMPARE(out.files.at(0).content, header
                                                  + "\n[NetDev]\nName=bond0\nKind=bond\n\n[Bond]\n"
                                                    "Mode=active-backup\nMIIMonitorSec=100ms\n"
                                                    "UpDelaySec=200ms\nPrimaryReselectPolicy=better\n"
                                                    "FailOverMACPolicy=active\nGratuitousARP=3\n");
        QCOMPARE(out.files.at(1).content, header
                                                  + "\n[Match]\nName=bond0\n\n[Link]\nMTUBytes=9000\n"
                                                    "\n[Network]\nIPv6AcceptRA=no\n"
                                                    "Address=192.0.2.10/24\nAddress=198.51.100.7/25\n"
                                                    "Gateway=192.0.2.1\nAddress=2001:db8::10/64\n"
                                                    "Address=2001:db8:1::10/64\nGateway=fe80::1\n"
                                                    "DNS=192.0.2.53\nDNS=2001:db8::53\n"
                                                    "Domains=example.org\n");
        QCOMPARE(out.files.at(2).content, header + "\n[Match]\nName=eth0\n\n[Network]\nBond=bond0\n");
        QCOMPARE(out.files.at(3).content,
                 header + "\n[Match]\nName=eth1\n\n[Network]\nBond=bond0\nPrimarySlave=yes\n");
    }

    void roundTrips_data()
    {
        QTest::addColumn<BondConfig>("config");
        QTest::newRow("active-backup static") << fixtures::activeBackupStatic();
        QTest::newRow("802.3ad dhcp") << fixtures::lacpDhcp();
        BondConfig actor = fixtures::lacpDhcp();
        actor.options.insert(s("ad_actor_sys_prio"), 100u);
        actor.options.insert(s("ad_user_port_key"), 5u);
        actor.options.insert(s("ad_actor_system"), s("02:00:00:00:00:01"));
        actor.options.insert(s("min_links"), 1u);
        actor.options.insert(s("ad_select"), s("count"));
        QTest::newRow("802.3ad actor") << actor;
        BondConfig arp;
        arp.name = s("b-arp");
        arp.options = {{s("mode"), s("balance-xor")},
                       {s("arp_interval"), 250u},
                       {s("arp_ip_target"), QStringList {s("192.0.2.1"), s("192.0.2.2")}},
                       {s("arp_validate"), s("all")},
                       {s("arp_all_targets"), s("all")},
                       {s("resend_igmp"), 2u}};
        arp.ip.ipv6Method = Ipv6Method::Auto;
        QTest::newRow("xor arp, v6 auto") << arp;
        BondConfig tlb;
        tlb.name = s("tlb");
        tlb.options = {{s("mode"), s("balance-tlb")}, {s("lp_interval"), 3u}, {s("tlb_dynamic_lb"), 0u}};
        tlb.slaves = {s("eth0")};
        QTest::newRow("tlb, everything off") << tlb;
        BondConfig rr;
        rr.name = s("rr");
        rr.options = {{s("mode"), s("balance-rr")}, {s("packets_per_slave"), 0u}};
        rr.ip.ipv4Method = Ipv4Method::Dhcp;
        rr.ip.ipv6Method = Ipv6Method::Off;
        rr.ip.mtu = 1400;
        QTest::newRow("rr, dhcp4 only") << rr;
    }
    void roundTrips()
    {
        QFETCH(BondConfig, config);
        QCOMPARE(config.validate(), QStringList());
        QStringList problems;
        const BondConfig back = roundTrip(config, &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(back.toVariantMap(), config.toVariantMap());
    }

    void dhcpAndIpv6Methods()
    {
        const NetworkdFiles::Output both = NetworkdFiles::generate(fixtures::lacpDhcp());
        QVERIFY(both.files.at(1).content.contains("\nDHCP=yes\n"));
        QVERIFY(both.files.at(1).content.contains("\n[DHCPv6]\nWithoutRA=solicit\n"));
        BondConfig off = fixtures::lacpDhcp();
        off.ip = IpConfig();
        const QByteArray network = NetworkdFiles::generate(off).files.at(1).content;
        QVERIFY(network.contains("\nLinkLocalAddressing=no\nIPv6AcceptRA=no\n"));
        QVERIFY(!network.contains("DHCP"));
    }

    void unsupportedOptionsAreReported()
    {
        BondConfig c = fixtures::lacpDhcp();
        c.options.insert(s("xmit_hash_policy"), s("vlan+srcmac"));
        c.options.insert(s("use_carrier"), 0u);
        c.options.insert(s("lacp_active"), s("off"));
        const NetworkdFiles::Output out = NetworkdFiles::generate(c);
        QCOMPARE(out.unsaved.size(), 3);
        QVERIFY(out.unsaved.filter(s("xmit_hash_policy vlan+srcmac")).size() == 1);
        QVERIFY(out.unsaved.filter(s("use_carrier")).size() == 1);
        QVERIFY(out.unsaved.filter(s("lasts until the next boot")).size() == 3);
        QVERIFY(!out.files.at(0).content.contains("TransmitHashPolicy"));

        BondConfig filter = fixtures::activeBackupStatic();
        filter.primary.clear();
        filter.options = {{s("mode"), s("active-backup")},
                          {s("arp_interval"), 100u},
                          {s("arp_validate"), s("filter_active")}};
        QCOMPARE(NetworkdFiles::generate(filter).unsaved.size(), 1);
    }

    // Options at the kernel's default come back at boot without networkd: not listed.
    void optionsAtKernelDefaultsAreNotUnsaved()
    {
        BondConfig c = fixtures::lacpDhcp();
        c.options.insert(s("use_carrier"), 1u);
        c.options.insert(s("lacp_active"), s("on"));
        c.options.insert(s("xmit_hash_policy"), s("layer2"));
        QCOMPARE(NetworkdFiles::generate(c).unsaved, QStringList());
    }

    void parsesAdministratorsSpelling()
    {
        QStringList problems;
        const BondConfig c = NetworkdFiles::parse(
                "[NetDev]\nName=bond7\nKind=bond\n# comment\n; another\n[Bond]\nMode=802.3ad\n"
                "MIIMonitorSec=1s\nUpDelaySec=2\nDownDelaySec=0.5s\nLearnPacketIntervalSec=1min\n"
                "AllSlavesActive=true\nARPIPTargets=192.0.2.1\nARPIPTargets=192.0.2.2 \\\n 192.0.2.3\n"
                "Colour=blue\nMinLinks=x\n",
                "[Match]\nName=bond7\n[Link]\nMTUBytes=9K\n[Network]\nDHCP=ipv4\n"
                "Address=192.0.2.7/24\nDNS=2001:DB8::1\n",
                {"[Match]\nName=eth9\n[Network]\nBond=bond7\nPrimarySlave=true\n",
                 "[Match]\nName=eth8\n[Network]\nBond=other\n",
                 "[Match]\nName=en*  eth7\n[Network]\nBond=bond7\n"},
                &problems);
        QCOMPARE(c.name, s("bond7"));
        QCOMPARE(c.options.value(s("miimon")), QVariant(1000u));
        QCOMPARE(c.options.value(s("updelay")), QVariant(2000u));
        QCOMPARE(c.options.value(s("downdelay")), QVariant(500u));
        QCOMPARE(c.options.value(s("lp_interval")), QVariant(60u));
        QCOMPARE(c.options.value(s("all_slaves_active")), QVariant(1u));
        QCOMPARE(c.options.value(s("arp_ip_target")).toStringList(),
                 (QStringList {s("192.0.2.1"), s("192.0.2.2"), s("192.0.2.3")}));
        QCOMPARE(c.ip.mtu, std::optional<quint32>(9216));
        QCOMPARE(c.ip.ipv4Method, Ipv4Method::Static); // an address wins over DHCP
        QCOMPARE(c.ip.ipv6Method, Ipv6Method::Auto);   // networkd's default
        QCOMPARE(c.ip.dnsServers, QStringList {s("2001:db8::1")});
        QCOMPARE(c.slaves, QStringList {s("eth9")});
        QCOMPARE(c.primary, s("eth9"));
        QCOMPARE(problems.size(), 3); // Colour=, MinLinks=x, the glob match
        QVERIFY(problems.filter(s("Colour")).size() == 1);
        QVERIFY(problems.filter(s("MinLinks")).size() == 1);
    }

    void timeSpans()
    {
        QCOMPARE(parseTimeSpanMs(u"100ms"), std::optional<quint64>(100));
        QCOMPARE(parseTimeSpanMs(u"1s 500ms"), std::optional<quint64>(1500));
        QCOMPARE(parseTimeSpanMs(u"2min"), std::optional<quint64>(120000));
        QCOMPARE(parseTimeSpanMs(u"250us"), std::optional<quint64>(0));
        QCOMPARE(parseTimeSpanMs(u"3"), std::optional<quint64>(3000));
        QCOMPARE(parseTimeSpanMs(u"3", 1), std::optional<quint64>(3));
        QCOMPARE(parseTimeSpanMs(u"1.5 s"), std::optional<quint64>(1500));
        QCOMPARE(parseTimeSpanMs(u"soon"), std::nullopt);
        QCOMPARE(parseTimeSpanMs(u"5 parsecs"), std::nullopt);
        QCOMPARE(parseTimeSpanMs(u""), std::nullopt);
    }

    void loadAndRemoveFromDisk()
    {
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.path() + s("/etc/systemd/network")));
        SystemRoot::setForTesting(root.path());
        BondConfig other = fixtures::lacpDhcp();
        other.name = s("bond01");
        other.slaves = {s("eth5")};
        for (const BondConfig &c : {fixtures::activeBackupStatic(), other}) {
            for (const FileChange &f : NetworkdFiles::generate(c).files)
                QCOMPARE(AtomicFile::apply(f), QString());
        }
        QStringList problems;
        const auto loaded = NetworkdFiles::load(s("bond0"), &problems);
        QVERIFY(loaded);
        QCOMPARE(problems, QStringList());
        QCOMPARE(*loaded, fixtures::activeBackupStatic());
        QVERIFY(!NetworkdFiles::load(s("bond9")));

        const QList<FileChange> removal = NetworkdFiles::removal(s("bond0"));
        QCOMPARE(removal.size(), 4); // not bond01's files
        for (const FileChange &f : removal) {
            QVERIFY(f.remove);
            QCOMPARE(AtomicFile::apply(f), QString());
        }
        QCOMPARE(QDir(root.path() + s("/etc/systemd/network")).entryList(QDir::Files).size(), 3);
        SystemRoot::setForTesting(QString());
    }
};

QTEST_GUILESS_MAIN(TestNetworkdFiles)
#include "TestNetworkdFiles.moc"
