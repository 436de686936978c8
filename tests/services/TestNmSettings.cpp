// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NmSettings: NetworkManager 1.42 profiles for a bond and its ports with the property names and
// D-Bus types of nm-settings-dbus(5), and a bond profile with its ports read back into the same
// BondConfig.
#include "NmSettings.h"
#include "OptionTable.h"
#include "ServiceFixtures.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCall>
#include <QDBusServer>
#include <QTest>

#include <cstring>

using namespace bm;
using namespace bm::helper;

namespace {

using fixtures::s;
using StringMap = QMap<QString, QString>;

BondConfig activeBackup()
{
    BondConfig c = fixtures::activeBackupStatic();
    c.options.insert(s("peer_notify_delay"), 100u);
    c.options.insert(s("all_slaves_active"), 0u);
    return c;
}

BondConfig xorArp()
{
    BondConfig c;
    c.name = s("bond1");
    c.options = {{s("mode"), s("balance-xor")},
                 {s("arp_interval"), 250u},
                 {s("arp_ip_target"), QStringList {s("192.0.2.1"), s("192.0.2.2")}},
                 {s("arp_validate"), s("filter_active")},
                 {s("xmit_hash_policy"), s("vlan+srcmac")}};
    c.slaves = {s("eth2")};
    c.ip.ipv4Method = Ipv4Method::Dhcp;
    c.ip.ipv6Method = Ipv6Method::Dhcp;
    c.ip.dnsSearch = {s("a.example"), s("b.example")};
    return c;
}

QList<NmConnection> profilesOf(const BondConfig &c)
{
    QList<NmConnection> out {NmSettings::bondProfile(c, s("11111111-1111-4111-8111-111111111111")).settings};
    int n = 0;
    for (const QString &slave : c.slaves)
        out << NmSettings::portProfile(c.name, slave,
                                       QStringLiteral("22222222-2222-4222-8222-22222222222%1").arg(n++));
    return out;
}

QString signature(const QVariant &v)
{
    return QString::fromLatin1(QDBusMetaType::typeToSignature(v.metaType()));
}

// Hands out settings over a peer-to-peer D-Bus connection, as NetworkManager's GetSettings does.
class SettingsObject : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.bondmanager.TestSettings")

public:
    QList<NmConnection> profiles;

public slots:
    NmConnection GetSettings(int index) { return profiles.value(index); }
};

} // namespace

class TestNmSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { NmSettings::registerDBusTypes(); }

    void everyOptionMappedOrUnsupported()
    {
        fixtures::verifyCoversOptionTable(NmSettings::optionMappings());
        // NetworkManager spells options as sysfs does: the table's name or one of its aliases.
        for (const OptionMapping &m : NmSettings::optionMappings()) {
            if (m.saved())
                QCOMPARE(OptionTable::find(QString::fromLatin1(m.key)),
                         OptionTable::find(QString::fromLatin1(m.option)));
        }
    }

    void bondProfileProperties()
    {
        const NmSettings::BondProfile p = NmSettings::bondProfile(activeBackup(), s("u-1"));
        QCOMPARE(p.unsaved, QStringList());
        const QVariantMap connection = p.settings.value(s("connection"));
        QCOMPARE(connection.value(s("type")).toString(), s("bond"));
        QCOMPARE(connection.value(s("id")).toString(), s("bond0"));
        QCOMPARE(connection.value(s("uuid")).toString(), s("u-1"));
        QCOMPARE(connection.value(s("interface-name")).toString(), s("bond0"));
        QCOMPARE(signature(connection.value(s("autoconnect"))), s("b"));
        QCOMPARE(connection.value(s("autoconnect-slaves")), QVariant(qint32(1)));

        const QVariant options = p.settings.value(s("bond")).value(s("options"));
        QCOMPARE(signature(options), s("a{ss}"));
        QCOMPARE(options.value<StringMap>(), (StringMap {{s("mode"), s("active-backup")},
                                                         {s("miimon"), s("100")},
                                                         {s("updelay"), s("200")},
                                                         {s("primary_reselect"), s("better")},
                                                         {s("fail_over_mac"), s("active")},
                                                         {s("num_grat_arp"), s("3")},
                                                         {s("peer_notif_delay"), s("100")},
                                                         {s("all_slaves_active"), s("0")},
                                                         {s("primary"), s("eth1")}}));

        const QVariantMap ipv4 = p.settings.value(s("ipv4"));
        QCOMPARE(ipv4.value(s("method")).toString(), s("manual"));
        QCOMPARE(signature(ipv4.value(s("address-data"))), s("aa{sv}"));
        const auto data = ipv4.value(s("address-data")).value<QList<QVariantMap>>();
        QCOMPARE(data.size(), 2);
        QCOMPARE(data.at(1).value(s("address")).toString(), s("198.51.100.7"));
        QCOMPARE(data.at(1).value(s("prefix")), QVariant(25u));
        QCOMPARE(ipv4.value(s("gateway")).toString(), s("192.0.2.1"));
        QCOMPARE(signature(ipv4.value(s("dns"))), s("au"));
        const QList<uint> dns4 = ipv4.value(s("dns")).value<QList<uint>>();
        QCOMPARE(dns4.size(), 1);
        uint raw = dns4.first();
        QByteArray bytes(4, '\0');
        memcpy(bytes.data(), &raw, 4);
        QCOMPARE(bytes.toHex(), QByteArray("c0000235")); // network byte order
        QCOMPARE(ipv4.value(s("dns-search")).toStringList(), QStringList {s("example.org")});

        const QVariantMap ipv6 = p.settings.value(s("ipv6"));
        QCOMPARE(ipv6.value(s("method")).toString(), s("manual"));
        QCOMPARE(signature(ipv6.value(s("dns"))), s("aay"));
        QCOMPARE(ipv6.value(s("dns")).value<QList<QByteArray>>().first().toHex(),
                 QByteArray("20010db8000000000000000000000053"));
        QVERIFY(!ipv6.contains(s("dns-search")));
        QCOMPARE(p.settings.value(s("802-3-ethernet")).value(s("mtu")), QVariant(9000u));
    }

    void wholeProfileMarshals()
    {
        // Everything in it has a D-Bus type: marshalling writes a{sa{sv}} without complaint.
        for (const NmConnection &settings : profilesOf(activeBackup()) + profilesOf(xorArp())) {
            QTest::failOnWarning(QRegularExpression(s(".*")));
            QDBusArgument argument;
            argument << settings;
            QCOMPARE(argument.currentSignature(), s("a{sa{sv}}"));
        }
        QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(QMetaType::fromType<NmConnection>())),
                 s("a{sa{sv}}"));
    }

    void portProfile()
    {
        const NmConnection port = NmSettings::portProfile(s("bond0"), s("eth1"), s("u-2"));
        const QVariantMap c = port.value(s("connection"));
        QCOMPARE(c.value(s("type")).toString(), s("802-3-ethernet"));
        QCOMPARE(c.value(s("id")).toString(), s("bond0-port-eth1"));
        QCOMPARE(c.value(s("interface-name")).toString(), s("eth1"));
        QCOMPARE(c.value(s("master")).toString(), s("bond0"));
        QCOMPARE(c.value(s("slave-type")).toString(), s("bond"));
        QVERIFY(!port.contains(s("ipv4")));
        QVERIFY(!port.contains(s("ipv6")));
        QVERIFY(port.contains(s("802-3-ethernet")));
        QCOMPARE(NmSettings::portController(port), s("bond0"));
    }

    void methods()
    {
        const NmSettings::BondProfile p = NmSettings::bondProfile(xorArp(), s("u"));
        QCOMPARE(p.settings.value(s("ipv4")).value(s("method")).toString(), s("auto"));
        QCOMPARE(p.settings.value(s("ipv6")).value(s("method")).toString(), s("dhcp"));
        QVERIFY(!p.settings.contains(s("802-3-ethernet")));
        QCOMPARE(p.settings.value(s("bond")).value(s("options")).value<StringMap>().value(s("arp_ip_target")),
                 s("192.0.2.1,192.0.2.2"));
        BondConfig off = xorArp();
        off.ip = IpConfig();
        off.ip.ipv6Method = Ipv6Method::Auto;
        const NmSettings::BondProfile q = NmSettings::bondProfile(off, s("u"));
        QCOMPARE(q.settings.value(s("ipv4")), (QVariantMap {{s("method"), s("disabled")}}));
        QCOMPARE(q.settings.value(s("ipv6")).value(s("method")).toString(), s("auto"));
    }

    void unsupportedOptions()
    {
        BondConfig c = xorArp();
        c.options.insert(s("arp_missed_max"), 3u);
        c.options.insert(s("ns_ip6_target"), QStringList {s("2001:db8::1")});
        const NmSettings::BondProfile p = NmSettings::bondProfile(c, s("u"));
        QCOMPARE(p.unsaved.size(), 2);
        QVERIFY(p.unsaved.filter(s("arp_missed_max is not saved for NetworkManager")).size() == 1);
        QVERIFY(!p.settings.value(s("bond"))
                         .value(s("options"))
                         .value<StringMap>()
                         .contains(s("arp_missed_max")));
    }

    // What the kernel gives a new bond anyway is no loss: a live bond reports every option, and
    // those NetworkManager cannot save but that sit at the kernel's default are not listed.
    void unsavedLeavesKernelDefaultsOut()
    {
        BondConfig c = xorArp();
        c.options.insert(s("arp_missed_max"), 2u);
        c.options.insert(s("ns_ip6_target"), QStringList());
        c.options.insert(s("lacp_active"), s("on"));
        c.options.insert(s("coupled_control"), s("on"));
        QCOMPARE(NmSettings::bondProfile(c, s("u")).unsaved, QStringList());
        c.options.insert(s("lacp_active"), s("off"));
        const QStringList unsaved = NmSettings::bondProfile(c, s("u")).unsaved;
        QCOMPARE(unsaved.size(), 1);
        QVERIFY2(unsaved.first().startsWith(s("lacp_active is not saved for NetworkManager")),
                 qPrintable(unsaved.first()));
    }

    void roundTrips_data()
    {
        QTest::addColumn<BondConfig>("config");
        QTest::newRow("active-backup static") << activeBackup();
        QTest::newRow("xor arp dhcp") << xorArp();
        BondConfig lacp;
        lacp.name = s("bond2");
        lacp.options = {{s("mode"), s("802.3ad")},
                        {s("lacp_rate"), s("fast")},
                        {s("ad_actor_system"), s("02:00:00:00:00:01")},
                        {s("ad_user_port_key"), 3u},
                        {s("min_links"), 1u},
                        {s("use_carrier"), 1u}};
        QTest::newRow("802.3ad, no slaves") << lacp;
    }
    void roundTrips()
    {
        QFETCH(BondConfig, config);
        QCOMPARE(config.validate(), QStringList());
        const QList<NmConnection> profiles = profilesOf(config);
        QStringList problems;
        const BondConfig back = NmSettings::parseBondProfile(profiles.first(), profiles, &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(back.toVariantMap(), config.toVariantMap());
    }

    void settingsThroughDBus()
    {
        // QtDBus hands nested containers over as QDBusArgument: fromDBus must make them plain.
        SettingsObject object;
        object.profiles = profilesOf(activeBackup());
        QDBusServer server(s("unix:tmpdir=/tmp"));
        QVERIFY(server.isConnected());
        std::optional<QDBusConnection> serverSide;
        connect(&server, &QDBusServer::newConnection, this, [&](const QDBusConnection &c) {
            serverSide.emplace(c);
            serverSide->registerObject(s("/settings"), &object, QDBusConnection::ExportAllSlots);
        });
        QDBusConnection client = QDBusConnection::connectToPeer(server.address(), s("nm-settings-test"));
        QVERIFY(client.isConnected());
        QTRY_VERIFY(serverSide);

        QList<NmConnection> received;
        for (int i = 0; i < object.profiles.size(); ++i) {
            QDBusMessage call = QDBusMessage::createMethodCall(
                    QString(), s("/settings"), s("org.bondmanager.TestSettings"), s("GetSettings"));
            call << i;
            const QDBusPendingCall pending = client.asyncCall(call);
            QTRY_VERIFY(pending.isFinished());
            QVERIFY2(!pending.isError(), qPrintable(pending.error().message()));
            const NmConnection raw = qdbus_cast<NmConnection>(pending.reply().arguments().value(0));
            if (i == 0)
                QCOMPARE(raw.value(s("ipv4")).value(s("dns")).metaType(),
                         QMetaType::fromType<QDBusArgument>());
            received << NmSettings::fromDBus(raw);
        }
        QDBusConnection::disconnectFromPeer(s("nm-settings-test"));
        QCOMPARE(received.first().value(s("ipv4")).value(s("dns")).value<QList<uint>>(),
                 object.profiles.first().value(s("ipv4")).value(s("dns")).value<QList<uint>>());
        QStringList problems;
        const BondConfig back = NmSettings::parseBondProfile(received.first(), received, &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(back.toVariantMap(), activeBackup().toVariantMap());
    }

    void updatedProfileKeepsTheRest()
    {
        // A profile someone else made: its own id, a route, the deprecated "addresses" NetworkManager
        // still hands out, an MTU, and settings Bond Manager has no say in.
        NmConnection existing = NmSettings::bondProfile(activeBackup(), s("theirs")).settings;
        existing[s("connection")].insert(s("id"), s("Bond connection 1"));
        existing[s("connection")].insert(s("zone"), s("internal"));
        existing[s("ipv4")].insert(s("addresses"), QVariant::fromValue(QList<QList<uint>> {{1u, 24u, 0u}}));
        existing[s("ipv4")].insert(s("route-metric"), qint64(50));
        existing[s("ipv4")].insert(s("dns"), QVariant::fromValue(QList<uint> {0x01020304u}));
        existing[s("802-3-ethernet")] = {{s("mtu"), 9000u}, {s("cloned-mac-address"), s("stable")}};
        existing.insert(s("proxy"), QVariantMap());

        BondConfig wanted = xorArp();
        wanted.name = s("bond0");
        const NmSettings::BondProfile p = NmSettings::updatedBondProfile(existing, wanted);
        const NmConnection &u = p.settings;

        QCOMPARE(u.value(s("connection")).value(s("id")), QVariant(s("Bond connection 1")));
        QCOMPARE(NmSettings::uuid(u), s("theirs"));
        QCOMPARE(u.value(s("connection")).value(s("zone")), QVariant(s("internal")));
        QCOMPARE(u.value(s("connection")).value(s("autoconnect-slaves")), QVariant(qint32(1)));
        QCOMPARE(u.value(s("ipv4")).value(s("route-metric")), QVariant(qint64(50)));
        QVERIFY(!u.value(s("ipv4")).contains(s("addresses")));
        QVERIFY(!u.value(s("ipv4")).contains(s("address-data")));
        QVERIFY(!u.value(s("ipv4")).contains(s("dns")));
        QCOMPARE(u.value(s("ipv4")).value(s("method")), QVariant(s("auto")));
        QCOMPARE(u.value(s("802-3-ethernet")).value(s("cloned-mac-address")), QVariant(s("stable")));
        QVERIFY(!u.value(s("802-3-ethernet")).contains(s("mtu")));
        QVERIFY(u.contains(s("proxy")));
        QCOMPARE(u.value(s("bond")), NmSettings::bondProfile(wanted, s("x")).settings.value(s("bond")));

        // Read back, it is the wanted bond (slaves come from the port profiles).
        QStringList problems;
        BondConfig back = NmSettings::parseBondProfile(u, {}, &problems);
        QCOMPARE(problems, QStringList());
        back.slaves = wanted.slaves;
        QCOMPARE(back.toVariantMap(), wanted.toVariantMap());

        // And the other way: the static addresses and MTU of activeBackup() replace DHCP.
        const NmConnection again = NmSettings::updatedBondProfile(u, activeBackup()).settings;
        back = NmSettings::parseBondProfile(again, {}, &problems);
        back.slaves = activeBackup().slaves;
        QCOMPARE(problems, QStringList());
        QCOMPARE(back.toVariantMap(), activeBackup().toVariantMap());
        QCOMPARE(again.value(s("connection")).value(s("id")), QVariant(s("Bond connection 1")));
    }

    void parsesOtherProfiles()
    {
        NmConnection bond = NmSettings::bondProfile(xorArp(), s("bond-uuid")).settings;
        QVariantMap b = bond.value(s("bond"));
        StringMap options = b.value(s("options")).value<StringMap>();
        options.insert(s("num_unsol_na"), s("2"));
        options.insert(s("balance-slb"), s("1"));
        options.insert(s("active_slave"), s("eth2"));
        b.insert(s("options"), QVariant::fromValue(options));
        bond.insert(s("bond"), b);
        bond[s("ipv6")] = {{s("method"), s("ignore")}};
        bond[s("ipv4")] = {{s("method"), s("link-local")}};

        NmConnection byUuid = NmSettings::portProfile(s("bond-uuid"), s("eth7"), s("p1"));
        NmConnection other = NmSettings::portProfile(s("bond9"), s("eth8"), s("p2"));
        NmConnection newer; // 1.46 spelling
        newer.insert(s("connection"), {{s("interface-name"), s("eth9")},
                                       {s("controller"), s("bond1")},
                                       {s("port-type"), s("bond")}});
        QStringList problems;
        const BondConfig c = NmSettings::parseBondProfile(bond, {bond, byUuid, other, newer}, &problems);
        QCOMPARE(c.slaves, (QStringList {s("eth7"), s("eth9")}));
        QCOMPARE(c.options.value(s("num_grat_arp")), QVariant(2u));
        QVERIFY(!c.options.contains(s("active_slave")));
        QCOMPARE(c.ip.ipv4Method, Ipv4Method::Off);
        QCOMPARE(c.ip.ipv6Method, Ipv6Method::Off);
        QCOMPARE(problems.size(), 2); // balance-slb, ipv4 link-local
        QVERIFY(problems.filter(s("balance-slb")).size() == 1);
    }

    // Carry-over takes of the slave's profile only what the write leaves unset: with IPv4 given,
    // the bond keeps its own ipv4 method and addresses and takes the slave's DNS and ipv6.
    void carriedIpKeepsWhatTheWriteGives()
    {
        BondConfig config;
        config.name = s("bond0");
        config.options = {{s("mode"), s("active-backup")}};
        config.ip.ipv4Method = Ipv4Method::Static;
        config.ip.ipv4Addresses = {s("10.77.0.60/24")};
        // CarryPlan::leaving(config.ip), as TestCarrying has it.
        CarryPlan keepIpv4;
        keepIpv4.ipv4 = false;
        const NmConnection bond = NmSettings::bondProfile(config, s("0b6b1c1e-0000-4000-8000-00000000000b"))
                                          .settings;
        NmConnection carrier;
        carrier.insert(s("ipv4"),
                       {{s("method"), s("manual")},
                        {s("address-data"), QVariant::fromValue(QList<QVariantMap> {
                                                    {{s("address"), s("10.77.0.70")}, {s("prefix"), 24u}}})},
                        {s("gateway"), s("10.77.0.1")},
                        {s("dns"), QVariant::fromValue(QList<uint> {0x01004d0a})}});
        carrier.insert(s("ipv6"), {{s("method"), s("auto")}});
        const NmConnection out = NmSettings::withCarriedIp(bond, carrier, s("52:54:00:12:34:56"), keepIpv4);
        const QVariantMap v4 = out.value(s("ipv4"));
        QCOMPARE(v4.value(s("method")).toString(), s("manual"));
        const auto addresses = v4.value(s("address-data")).value<QList<QVariantMap>>();
        QCOMPARE(addresses.size(), 1);
        QCOMPARE(addresses.first().value(s("address")).toString(), s("10.77.0.60"));
        QVERIFY(!v4.contains(s("gateway")) || v4.value(s("gateway")).toString().isEmpty());
        QCOMPARE(v4.value(s("dns")).value<QList<uint>>(), QList<uint> {0x01004d0a});
        QCOMPARE(out.value(s("ipv6")).value(s("method")).toString(), s("auto"));
        QCOMPARE(out.value(s("802-3-ethernet")).value(s("assigned-mac-address")).toString(),
                 s("52:54:00:12:34:56"));

        // Nothing given: the slave's ipv4 whole.
        const NmConnection all = NmSettings::withCarriedIp(
                NmSettings::bondProfile(BondConfig(), s("x")).settings, carrier, QString(), CarryPlan());
        QCOMPARE(all.value(s("ipv4")).value(s("gateway")).toString(), s("10.77.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestNmSettings)
#include "TestNmSettings.moc"
