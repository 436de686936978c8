// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// IfupdownStanzas: ifenslave's keys for every option of the table (or why none), the stanza file
// for a bond (checked with ifquery when it is installed), and the stanzas read back.
#include "AtomicFile.h"
#include "IfupdownStanzas.h"
#include "OptionTable.h"
#include "ServiceFixtures.h"
#include "SystemRoot.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace bm;
using namespace bm::helper;

namespace {

using fixtures::s;

// lacpDhcp() with IPv6 from router advertisements and an MTU, which DHCP's method cannot set.
BondConfig lacpDhcp()
{
    BondConfig c = fixtures::lacpDhcp();
    c.ip.ipv6Method = Ipv6Method::Auto;
    c.ip.mtu = 1500;
    return c;
}

// `ifquery -i FILE IFACE`: exit code and output, or nothing when ifquery is not installed.
std::optional<QPair<int, QString>> ifquery(const QByteArray &content, const QString &iface)
{
    const QString program = QStandardPaths::findExecutable(s("ifquery"), {s("/sbin"), s("/usr/sbin")});
    if (program.isEmpty())
        return std::nullopt;
    QTemporaryDir dir;
    QFile file(dir.path() + s("/interfaces"));
    if (!file.open(QIODevice::WriteOnly))
        return std::nullopt;
    file.write(content);
    file.close();
    QProcess p;
    p.start(program, {s("-i"), file.fileName(), iface});
    if (!p.waitForFinished(10000))
        return std::nullopt;
    return qMakePair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
}

} // namespace

class TestIfupdownStanzas : public QObject
{
    Q_OBJECT

private slots:
    void everyOptionMappedOrUnsupported()
    {
        fixtures::verifyCoversOptionTable(IfupdownStanzas::optionMappings());
    }

    void keysMatchIfenslave()
    {
        QFile script(s("/etc/network/if-pre-up.d/ifenslave"));
        if (!script.open(QIODevice::ReadOnly))
            QSKIP("ifenslave is not installed");
        const QString text = QString::fromUtf8(script.readAll());
        QSet<QString> read;
        static const QRegularExpression variable(s("IF_BOND_([A-Z_]+)"));
        auto it = variable.globalMatch(text);
        while (it.hasNext())
            read.insert(s("bond-")
                        + it.next().captured(1).toLower().replace(QLatin1Char('_'), QLatin1Char('-')));
        QSet<QString> mapped;
        for (const OptionMapping &m : IfupdownStanzas::optionMappings()) {
            if (m.saved())
                mapped.insert(QString::fromLatin1(m.key));
        }
        for (const QString &key : std::as_const(mapped))
            QVERIFY2(read.contains(key), qPrintable(key));
        // What ifenslave reads and the table does not map: handled apart, or live state.
        const QSet<QString> apart {s("bond-slaves"),       s("bond-master"),   s("bond-primary"),
                                   s("bond-active-slave"), s("bond-queue-id"), s("bond-num-unsol-na")};
        for (const QString &key : std::as_const(read))
            QVERIFY2(mapped.contains(key) || apart.contains(key), qPrintable(key));
    }

    void activeBackupFile()
    {
        const IfupdownStanzas::Output out = IfupdownStanzas::generate(fixtures::activeBackupStatic());
        QCOMPARE(out.error, QString());
        QCOMPARE(out.unsaved, QStringList());
        QCOMPARE(out.file.path, s("/etc/network/interfaces.d/bond-manager-bond0"));
        QCOMPARE(AtomicFile::checkAllowed(out.file.path), QString());
        QCOMPARE(out.file.content,
                 QByteArray("# Written by Bond Manager for bond0. Bond Manager rewrites this file "
                            "whenever the bond is changed there; edits made here are replaced then.\n"
                            "auto bond0\n"
                            "iface bond0 inet static\n"
                            "    bond-slaves eth0 eth1\n"
                            "    bond-mode active-backup\n"
                            "    bond-miimon 100\n"
                            "    bond-updelay 200\n"
                            "    bond-primary-reselect better\n"
                            "    bond-fail-over-mac active\n"
                            "    bond-num-grat-arp 3\n"
                            "    bond-primary eth1\n"
                            "    address 192.0.2.10/24\n"
                            "    gateway 192.0.2.1\n"
                            "    mtu 9000\n"
                            "    dns-nameservers 192.0.2.53 2001:db8::53\n"
                            "    dns-search example.org\n"
                            "iface bond0 inet static\n"
                            "    address 198.51.100.7/25\n"
                            "iface bond0 inet6 static\n"
                            "    address 2001:db8::10/64\n"
                            "    gateway fe80::1\n"
                            "iface bond0 inet6 static\n"
                            "    address 2001:db8:1::10/64\n"));
        const auto checked = ifquery(out.file.content, s("bond0"));
        if (!checked)
            QSKIP("ifquery is not installed");
        QCOMPARE(checked->first, 0);
        QVERIFY(checked->second.contains(s("bond-primary: eth1")));
        QVERIFY(checked->second.contains(s("address: 2001:db8:1::10")));
    }

    void dhcpSetsTheMtuOnceUp()
    {
        const QByteArray text = IfupdownStanzas::generate(lacpDhcp()).file.content;
        QVERIFY(text.contains("iface bond1 inet dhcp\n"));
        QVERIFY(text.contains("    up ip link set dev bond1 mtu 1500\n"));
        QVERIFY(!text.contains("    mtu "));
        QVERIFY(text.endsWith("iface bond1 inet6 auto\n"));
        const auto checked = ifquery(text, s("bond1"));
        if (checked)
            QCOMPARE(checked->first, 0);
    }

    void roundTrips_data()
    {
        QTest::addColumn<BondConfig>("config");
        QTest::newRow("active-backup static") << fixtures::activeBackupStatic();
        QTest::newRow("802.3ad dhcp") << lacpDhcp();
        BondConfig off;
        off.name = s("bond_2");
        off.options = {{s("mode"), s("balance-rr")}, {s("packets_per_slave"), 2u}, {s("use_carrier"), 1u}};
        QTest::newRow("no slaves, everything off") << off;
        BondConfig arp;
        arp.name = s("b-arp");
        arp.options = {{s("mode"), s("balance-xor")},
                       {s("arp_interval"), 250u},
                       {s("arp_ip_target"), QStringList {s("192.0.2.1"), s("192.0.2.2")}},
                       {s("arp_validate"), s("filter_backup")},
                       {s("xmit_hash_policy"), s("vlan+srcmac")}};
        arp.slaves = {s("eth0")};
        arp.ip.ipv6Method = Ipv6Method::Dhcp;
        arp.ip.dnsServers = {s("2001:db8::53")};
        QTest::newRow("xor arp, v6 dhcp") << arp;
    }
    void roundTrips()
    {
        QFETCH(BondConfig, config);
        QCOMPARE(config.validate(), QStringList());
        const IfupdownStanzas::Output out = IfupdownStanzas::generate(config);
        QStringList problems;
        const BondConfig back = IfupdownStanzas::parse(out.file.content, config.name, &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(back.toVariantMap(), config.toVariantMap());
    }

    void unsupportedOptionsAndNames()
    {
        BondConfig c = lacpDhcp();
        c.options.insert(s("min_links"), 2u);
        c.options.insert(s("ad_actor_system"), s("02:00:00:00:00:01"));
        const IfupdownStanzas::Output out = IfupdownStanzas::generate(c);
        QCOMPARE(out.unsaved.size(), 2);
        QVERIFY(out.unsaved.filter(s("min_links is not saved for ifupdown")).size() == 1);
        QVERIFY(!out.file.content.contains("min"));

        c.name = s("bond.1");
        const IfupdownStanzas::Output refused = IfupdownStanzas::generate(c);
        QVERIFY(refused.error.contains(s("bond.1 cannot be saved for ifupdown")));
        QVERIFY(refused.file.content.isEmpty());
    }

    void parsesAdministratorsStanzas()
    {
        QStringList problems;
        const BondConfig c = IfupdownStanzas::parse("auto bond3\n"
                                                    "iface eth4 inet manual\n"
                                                    "    bond-master bond3\n"
                                                    "iface bond3 inet static\n"
                                                    "\taddress 192.0.2.9\n"
                                                    "\tnetmask 255.255.255.0\n"
                                                    "\tgateway 192.0.2.1\n"
                                                    "\tbond_mode 802.3ad\n"
                                                    "\tbond-slaves eth5\n"
                                                    "\tbond-num-unsol-na 2\n"
                                                    "\tbond-lacp-rate 1\n"
                                                    "\tbond-primary eth5 eth4\n"
                                                    "\tbond-active-slave eth5\n"
                                                    "\tbond-colour blue\n"
                                                    "\tpost-up /bin/true\n"
                                                    "iface bond3 inet6 static\n"
                                                    "\taddress 2001:db8::9\n"
                                                    "\tnetmask 64\n"
                                                    "iface eth5 inet manual\n"
                                                    "\tbond-master bond3\n",
                                                    s("bond3"), &problems);
        QCOMPARE(c.options.value(s("mode")), QVariant(s("802.3ad")));
        QCOMPARE(c.options.value(s("num_grat_arp")), QVariant(2u));
        QCOMPARE(c.options.value(s("lacp_rate")), QVariant(s("fast")));
        QCOMPARE(c.slaves, (QStringList {s("eth4"), s("eth5")}));
        QCOMPARE(c.primary, s("eth5"));
        QCOMPARE(c.ip.ipv4Method, Ipv4Method::Static);
        QCOMPARE(c.ip.ipv4Addresses, QStringList {s("192.0.2.9/24")});
        QCOMPARE(c.ip.ipv4Gateway, s("192.0.2.1"));
        QCOMPARE(c.ip.ipv6Addresses, QStringList {s("2001:db8::9/64")});
        QCOMPARE(c.ip.ipv6Method, Ipv6Method::Static);
        QCOMPARE(problems.size(), 2); // bond-colour, post-up
    }

    void loadFindsTheStanzaWhereverItIs()
    {
        QTemporaryDir root;
        QVERIFY(QDir().mkpath(root.path() + s("/etc/network/interfaces.d")));
        SystemRoot::setForTesting(root.path());
        QCOMPARE(AtomicFile::write(s("/etc/network/interfaces"),
                                   "source /etc/network/interfaces.d/*\nauto lo\niface lo inet loopback"),
                 QString());
        const IfupdownStanzas::Output out = IfupdownStanzas::generate(lacpDhcp());
        QCOMPARE(AtomicFile::apply(out.file), QString());
        QString where;
        QStringList problems;
        const auto loaded = IfupdownStanzas::load(s("bond1"), &where, &problems);
        QVERIFY(loaded);
        QCOMPARE(where, out.file.path);
        QCOMPARE(problems, QStringList());
        QCOMPARE(*loaded, lacpDhcp());
        QVERIFY(!IfupdownStanzas::load(s("bond9")));
        SystemRoot::setForTesting(QString());
    }
};

QTEST_GUILESS_MAIN(TestIfupdownStanzas)
#include "TestIfupdownStanzas.moc"
