// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// BondConfig: the a{sv} round trip with options normalised by the option table, and validation of
// names, slaves, primary, options and addresses in one list of sentences.
#include "BondConfig.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusServer>
#include <QTest>

#include <optional>

using namespace bm;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

BondConfig sample()
{
    BondConfig c;
    c.name = s("bond0");
    c.options = {{s("mode"), s("active-backup")}, {s("miimon"), 100u}};
    c.slaves = {s("eth0"), s("eth1")};
    c.primary = s("eth0");
    c.ip.ipv4Method = Ipv4Method::Dhcp;
    return c;
}

// Receives a bond map over a peer-to-peer D-Bus connection, as the helper's service will.
class Receiver : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.bondmanager.TestReceiver")

public:
    QVariantMap received;

public slots:
    void Take(const QVariantMap &map) { received = map; }
};

} // namespace

class TestBondConfig : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const BondConfig c = sample();
        const QVariantMap map = c.toVariantMap();
        QCOMPARE(map.value(s("options")).toMap().value(s("miimon")), QVariant(100u));
        QCOMPARE(map.value(s("ip")).toMap().value(s("ipv4Method")).toString(), s("dhcp"));
        QStringList problems;
        QCOMPARE(BondConfig::fromVariantMap(map, &problems), c);
        QCOMPARE(problems, QStringList());
        QCOMPARE(c.validate(), QStringList());
    }

    void optionsAreNormalised()
    {
        QStringList problems;
        const BondConfig c = BondConfig::fromVariantMap(
                {{s("name"), s("bond1")},
                 {s("options"), QVariantMap {{s("mode"), s("4")},
                                             {s("lacp_rate"), s("fast")},
                                             {s("num_unsol_na"), s("3")},
                                             {s("arp_ip_target"), s("192.0.2.1,192.0.2.2")},
                                             {s("primary"), s("eth1")},
                                             {s("active_slave"), s("eth1")},
                                             {s("bogus"), 1},
                                             {s("miimon"), s("-1")}}},
                 {s("slaves"), QStringList {s("eth1")}},
                 {s("colour"), s("red")}},
                &problems);
        QCOMPARE(c.options.value(s("mode")), QVariant(s("802.3ad")));
        QCOMPARE(c.options.value(s("num_grat_arp")), QVariant(3u));
        QCOMPARE(c.options.value(s("arp_ip_target")).toStringList(),
                 (QStringList {s("192.0.2.1"), s("192.0.2.2")}));
        QVERIFY(!c.options.contains(s("primary")));
        QVERIFY(!c.options.contains(s("active_slave")));
        QVERIFY(!c.options.contains(s("miimon")));
        QCOMPARE(c.primary, s("eth1"));
        QCOMPARE(problems.size(), 4); // active_slave, bogus, miimon, colour
    }

    void nestedMapsThroughDBus()
    {
        // QtDBus hands the nested ip and options maps over as QDBusArgument.
        Receiver receiver;
        QDBusServer server(s("unix:tmpdir=/tmp"));
        std::optional<QDBusConnection> serverSide;
        connect(&server, &QDBusServer::newConnection, this, [&](const QDBusConnection &c) {
            serverSide.emplace(c);
            serverSide->registerObject(s("/receiver"), &receiver, QDBusConnection::ExportAllSlots);
        });
        QDBusConnection client = QDBusConnection::connectToPeer(server.address(), s("bond-config-test"));
        QTRY_VERIFY(serverSide);
        BondConfig c = sample();
        c.ip.ipv6Method = Ipv6Method::Auto;
        c.ip.dnsServers = {s("192.0.2.53")};
        QDBusMessage call = QDBusMessage::createMethodCall(QString(), s("/receiver"),
                                                           s("org.bondmanager.TestReceiver"), s("Take"));
        call << c.toVariantMap();
        const QDBusPendingCall pending = client.asyncCall(call);
        QTRY_VERIFY(pending.isFinished());
        QVERIFY(!pending.isError());
        QDBusConnection::disconnectFromPeer(s("bond-config-test"));
        QCOMPARE(receiver.received.value(s("ip")).metaType(), QMetaType::fromType<QDBusArgument>());
        QStringList problems;
        QCOMPARE(BondConfig::fromVariantMap(receiver.received, &problems), c);
        QCOMPARE(problems, QStringList());
    }

    void wrongTypesAreReported()
    {
        QStringList problems;
        BondConfig::fromVariantMap({{s("ip"), s("not a map")}, {s("options"), 3}}, &problems);
        QCOMPARE(problems.size(), 2);
    }

    void validation()
    {
        BondConfig c = sample();
        c.name = s("bond 0");
        c.slaves = {s("eth0"), s("eth0"), s("bond 0"), s("way-too-long-interface")};
        c.primary = s("eth9");
        c.options.insert(s("lacp_rate"), s("fast")); // not in active-backup
        c.ip.ipv4Addresses = {s("192.0.2.10/24")};   // not with dhcp
        const QStringList p = c.validate();
        QCOMPARE(p.size(), 7);
        QVERIFY(p.contains(s("eth0 is listed twice as a slave")));
        QVERIFY(p.contains(s("the primary eth9 is not one of the slaves")));
        QVERIFY(p.filter(s("lacp_rate only applies to 802.3ad")).size() == 1);
        QVERIFY(p.filter(s("not with dhcp")).size() == 1);

        BondConfig rr = sample();
        rr.options.insert(s("mode"), s("balance-rr"));
        QVERIFY(rr.validate().filter(s("primary only applies to")).size() == 1);
    }
};

QTEST_GUILESS_MAIN(TestBondConfig)
#include "TestBondConfig.moc"
