// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// IfupdownService against the real ifupdown 0.8 and ifenslave 2.13 in the lab guest
// (tests/lab/run --network-service ifupdown): the bond made by `ifup bond0` from the stanza file the
// service writes, the slave's stanza in /etc/network/interfaces made `inet manual` and given back
// byte for byte, changes live and by a re-up, a failed ifup undone, and (on a second boot over the
// same --disk, BM_LAB_BOOT=2) the bond back from `ifup -a` alone. /proc/net/bonding, sysfs and
// `ip -j addr` are the witnesses. Run by tests/lab/services/suite.
#include "ChangePlanner.h"
#include "ErrorNames.h"
#include "IfupdownService.h"
#include "IfupdownStanzas.h"
#include "NetlinkBackend.h"
#include "../helper/Sysfs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bm;
using namespace bm::helper;

namespace {

const QString Interfaces = u"/etc/network/interfaces"_s;
const QString BondFile = u"/etc/network/interfaces.d/bond-manager-bond0"_s;

// The provisioned file (tests/lab/guest/network-service) plus what an installer writes for a NIC
// with a static address, and its IPv6 stanza behind a comment.
const QByteArray Before = "# This file describes the network interfaces available on your system\n"
                          "# and how to activate them. For more information, see interfaces(5).\n"
                          "\n"
                          "source /etc/network/interfaces.d/*\n"
                          "\n"
                          "# The loopback network interface\n"
                          "auto lo\n"
                          "iface lo inet loopback\n"
                          "\n"
                          "# The primary network interface\n"
                          "auto eth0\n"
                          "iface eth0 inet static\n"
                          "\taddress 10.77.0.50/24\n"
                          "# This is an autoconfigured IPv6 interface\n"
                          "iface eth0 inet6 manual\n"
                          "\tpre-up true\n";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeAll(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QString run(const QString &program, const QStringList &args, int *status = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool ok = p.waitForFinished(120000);
    if (status)
        *status = ok && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromLocal8Bit(p.readAll());
}

// The IPv4 addresses (with prefix) of `iface` as `ip -j addr` shows them.
QStringList addresses(const QString &iface)
{
    QStringList out;
    const QJsonDocument doc = QJsonDocument::fromJson(
            run(u"ip"_s, {u"-j"_s, u"-4"_s, u"addr"_s, u"show"_s, u"dev"_s, iface}).toUtf8());
    for (const QJsonValue &link : doc.array()) {
        for (const QJsonValue &a : link.toObject().value(u"addr_info"_s).toArray())
            out << a.toObject().value(u"local"_s).toString() + u'/'
                            + QString::number(a.toObject().value(u"prefixlen"_s).toInt());
    }
    return out;
}

BondConfig bond0(const QString &address = u"10.77.0.60/24"_s, int miimon = 100)
{
    QStringList problems;
    BondConfig c = BondConfig::fromVariantMap(
            {{u"name"_s, u"bond0"_s},
             {u"options"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, miimon}}},
             {u"slaves"_s, QStringList {u"eth0"_s, u"eth1"_s}},
             {u"primary"_s, u"eth0"_s},
             {u"ip"_s,
              QVariantMap {{u"ipv4Method"_s, u"static"_s}, {u"ipv4Addresses"_s, QStringList {address}}}}},
            &problems);
    if (!problems.isEmpty())
        qWarning("%s", qPrintable(problems.join(u"; "_s)));
    return c;
}

bool hasLink(const QString &name)
{
    return QFile::exists(u"/sys/class/net/"_s + name);
}

} // namespace

class TestIfupdownLab : public QObject
{
    Q_OBJECT

    NetlinkBackend m_kernel;
    ChangePlanner m_planner {&m_kernel};
    IfupdownService m_service {&m_planner, &m_kernel};
    int m_boot = 1;

    // Runs one call of the service to its Done.
    Outcome call(const std::function<void(NetworkService::Done)> &start)
    {
        std::optional<Outcome> result;
        start([&result](const Outcome &o) { result = o; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 300000))
            return Failure {"timeout", u"the service did not call Done within 300 s"_s};
        if (*result)
            qInfo("service: %s: %s", result->value().name, qPrintable(result->value().text));
        return *result;
    }

    void verifyBond(const QString &address, const QString &miimon)
    {
        const QString proc = QString::fromUtf8(readAll(u"/proc/net/bonding/bond0"_s));
        QVERIFY2(proc.contains(u"Bonding Mode: fault-tolerance (active-backup)"_s), qPrintable(proc));
        QVERIFY2(proc.contains(u"Slave Interface: eth0"_s), qPrintable(proc));
        QVERIFY2(proc.contains(u"Slave Interface: eth1"_s), qPrintable(proc));
        QVERIFY2(proc.contains(u"Primary Slave: eth0"_s), qPrintable(proc));
        QCOMPARE(sysfs(u"bond0/bonding/miimon"_s), miimon);
        QTRY_COMPARE_WITH_TIMEOUT(addresses(u"bond0"_s), QStringList {address}, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qgetenv("BM_LAB") != "1" || qgetenv("BM_LAB_NETWORK_SERVICE") != "ifupdown") {
            QTest::qSkip("runs inside the lab guest (tests/lab/run --network-service ifupdown)", __FILE__,
                         __LINE__);
            return;
        }
        m_boot = qEnvironmentVariableIntValue("BM_LAB_BOOT");
        QVERIFY(m_kernel.startMonitoring());
        QCOMPARE(m_service.refusal(bond0()), QString());
        if (m_boot != 1)
            return;
        QVERIFY(writeAll(Interfaces, Before));
        int status = 0;
        const QString out = run(u"/sbin/ifup"_s, {u"eth0"_s}, &status);
        QVERIFY2(status == 0, qPrintable(out));
        QCOMPARE(addresses(u"eth0"_s), QStringList {u"10.77.0.50/24"_s});
        QVERIFY(IfupdownService::upInterfaces().contains(u"eth0"_s));
    }

    void failedIfupIsUndone()
    {
        if (m_boot != 1)
            QSKIP("first boot only");
        BondConfig bad = bond0();
        bad.slaves = QStringList {u"eth0"_s, u"eth9"_s}; // ifenslave cannot enslave what is not there
        const Outcome o = call([&](auto done) { m_service.create(bad, done); });
        QVERIFY(o);
        QCOMPARE(o->name, BondManager::DBus::Error::ServiceRefused);
        QVERIFY2(o->text.contains(u"eth9"_s), qPrintable(o->text));
        QCOMPARE(readAll(Interfaces), Before);
        QVERIFY(!QFile::exists(BondFile));
        QVERIFY(!hasLink(u"bond0"_s));
        QTRY_COMPARE_WITH_TIMEOUT(addresses(u"eth0"_s), QStringList {u"10.77.0.50/24"_s}, 30000);
        QVERIFY(IfupdownService::upInterfaces().contains(u"eth0"_s));
    }

    void createChangeRemove()
    {
        if (m_boot != 1)
            QSKIP("first boot only");
        const Outcome created = call([&](auto done) { m_service.create(bond0(), done); });
        QVERIFY2(!created, created ? qPrintable(created->text) : "");
        qInfo("%s:\n%s", qPrintable(BondFile), readAll(BondFile).constData());
        QVERIFY(readAll(BondFile).contains("iface bond0 inet static\n"));
        QVERIFY(readAll(BondFile).contains("    bond-miimon 100\n"));
        QByteArray manual = Before;
        manual.replace("iface eth0 inet static\n\taddress 10.77.0.50/24\n", "iface eth0 inet manual\n");
        manual.replace("iface eth0 inet6 manual\n\tpre-up true\n", "");
        QCOMPARE(readAll(Interfaces), manual);
        verifyBond(u"10.77.0.60/24"_s, u"100"_s);
        QCOMPARE(addresses(u"eth0"_s), QStringList()); // ifdown with its old stanza took it
        QVERIFY(IfupdownService::upInterfaces().contains(u"bond0"_s));
        const auto saved = m_service.load(u"bond0"_s);
        QVERIFY(saved);
        QCOMPARE(saved->where.location, BondFile);
        QCOMPARE(saved->config, bond0());

        // An option: live, and in the stanza.
        const Outcome changed = call(
                [&](auto done) { m_service.change(bond0(), bond0(u"10.77.0.60/24"_s, 200), done); });
        QVERIFY2(!changed, changed ? qPrintable(changed->text) : "");
        QVERIFY(readAll(BondFile).contains("    bond-miimon 200\n"));
        verifyBond(u"10.77.0.60/24"_s, u"200"_s);

        // An address: ifdown with the old stanza, ifup with the new one.
        const Outcome moved = call([&](auto done) {
            m_service.change(bond0(u"10.77.0.60/24"_s, 200), bond0(u"10.77.0.61/24"_s, 200), done);
        });
        QVERIFY2(!moved, moved ? qPrintable(moved->text) : "");
        QVERIFY(readAll(BondFile).contains("    address 10.77.0.61/24\n"));
        verifyBond(u"10.77.0.61/24"_s, u"200"_s);
        QCOMPARE(readAll(Interfaces), manual); // the slaves' stanzas are not touched again

        // eth0 leaves (live): its own stanza is back, and with `auto` it is up again with it.
        BondConfig withoutEth0 = bond0(u"10.77.0.61/24"_s, 200);
        withoutEth0.slaves = QStringList {u"eth1"_s};
        withoutEth0.primary = u"eth1"_s;
        const Outcome left = call(
                [&](auto done) { m_service.change(bond0(u"10.77.0.61/24"_s, 200), withoutEth0, done); });
        QVERIFY2(!left, left ? qPrintable(left->text) : "");
        QCOMPARE(sysfs(u"bond0/bonding/slaves"_s), u"eth1"_s);
        QCOMPARE(sysfs(u"bond0/bonding/primary"_s), u"eth1"_s);
        QVERIFY(readAll(Interfaces).contains("iface eth0 inet static\n\taddress 10.77.0.50/24\n"));
        QVERIFY(readAll(BondFile).contains("    bond-slaves eth1\n"));
        QVERIFY(readAll(BondFile).contains("    bond-primary eth1\n"));
        QTRY_COMPARE_WITH_TIMEOUT(addresses(u"eth0"_s), QStringList {u"10.77.0.50/24"_s}, 30000);
        // ... and comes back (live): down with its own stanza, `inet manual` again.
        const Outcome back = call(
                [&](auto done) { m_service.change(withoutEth0, bond0(u"10.77.0.61/24"_s, 200), done); });
        QVERIFY2(!back, back ? qPrintable(back->text) : "");
        QCOMPARE(readAll(Interfaces), manual);
        verifyBond(u"10.77.0.61/24"_s, u"200"_s);
        QCOMPARE(addresses(u"eth0"_s), QStringList());

        const Outcome removed = call(
                [&](auto done) { m_service.remove(bond0(u"10.77.0.61/24"_s, 200), done); });
        QVERIFY2(!removed, removed ? qPrintable(removed->text) : "");
        QVERIFY(!QFile::exists(BondFile));
        QCOMPARE(readAll(Interfaces), Before);
        QVERIFY(!hasLink(u"bond0"_s));
        QVERIFY(!m_service.load(u"bond0"_s));
        // eth0 has `auto`: up again with its own stanza.
        QTRY_COMPARE_WITH_TIMEOUT(addresses(u"eth0"_s), QStringList {u"10.77.0.50/24"_s}, 30000);
    }

    void dhcpBond()
    {
        if (m_boot != 1)
            QSKIP("first boot only");
        if (qgetenv("BM_LAB_DHCP") != "1")
            QSKIP("needs the lab's DHCP server (tests/lab/run --dhcp)");
        // eth2 as an installer configures a NIC for DHCP, in a file of its own.
        const QString eth2File = u"/etc/network/interfaces.d/eth2"_s;
        const QByteArray eth2Stanza = "# DHCP on the second NIC\nallow-hotplug eth2\niface eth2 inet dhcp\n";
        QVERIFY(writeAll(eth2File, eth2Stanza));
        int status = 0;
        const QString out = run(u"/sbin/ifup"_s, {u"eth2"_s}, &status);
        QVERIFY2(status == 0, qPrintable(out));
        QCOMPARE(addresses(u"eth2"_s).size(), 1);

        BondConfig c = bond0();
        c.name = u"bond1"_s;
        c.slaves = QStringList {u"eth2"_s, u"eth3"_s};
        c.primary = u"eth2"_s;
        c.ip = IpConfig();
        c.ip.ipv4Method = Ipv4Method::Dhcp;
        const Outcome created = call([&](auto done) { m_service.create(c, done); });
        QVERIFY2(!created, created ? qPrintable(created->text) : "");
        QVERIFY(readAll(u"/etc/network/interfaces.d/bond-manager-bond1"_s).contains("iface bond1 inet dhcp\n"));
        QCOMPARE(readAll(eth2File),
                 QByteArray("# DHCP on the second NIC\nallow-hotplug eth2\niface eth2 inet manual\n"));
        QCOMPARE(addresses(u"eth2"_s), QStringList()); // its DHCP client let go of the lease
        const QStringList leased = addresses(u"bond1"_s);
        qInfo("bond1: %s", qPrintable(leased.join(u' ')));
        QCOMPARE(leased.size(), 1);
        QVERIFY2(leased.first().startsWith(u"10.77.0.1"_s) && leased.first().endsWith(u"/24"_s),
                 qPrintable(leased.first()));
        const Outcome removed = call([&](auto done) { m_service.remove(c, done); });
        QVERIFY2(!removed, removed ? qPrintable(removed->text) : "");
        QVERIFY(!hasLink(u"bond1"_s));
        QVERIFY(!QFile::exists(u"/etc/network/interfaces.d/bond-manager-bond1"_s));
        QCOMPARE(readAll(eth2File), eth2Stanza);
        // allow-hotplug: brought up again with its own stanza, a lease of its own.
        QTRY_COMPARE_WITH_TIMEOUT(addresses(u"eth2"_s).size(), 1, 60000);
        run(u"/sbin/ifdown"_s, {u"eth2"_s}, &status);
        QCOMPARE(status, 0);
        QVERIFY(QFile::remove(eth2File));
    }

    // A bond that runs but is saved nowhere, saved through ifupdown with an address and an option
    // ifenslave has no key for (set live, said by unsaved()).
    void adoptRuntimeBond()
    {
        if (m_boot != 1)
            QSKIP("first boot only");
        QVERIFY(!m_planner.createBond(u"bond2"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}},
                                      {u"eth2"_s, u"eth3"_s}));
        QStringList problems;
        const BondConfig running = BondConfig::fromVariantMap(
                {{u"name"_s, u"bond2"_s},
                 {u"options"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}}},
                 {u"slaves"_s, QStringList {u"eth2"_s, u"eth3"_s}}},
                &problems);
        BondConfig wanted = running;
        wanted.options.insert(u"min_links"_s, 1);
        wanted.ip.ipv4Method = Ipv4Method::Static;
        wanted.ip.ipv4Addresses = QStringList {u"10.77.0.62/24"_s};
        QVERIFY(problems.isEmpty());
        const Outcome twice = call([&](auto done) { m_service.create(running, done); });
        QVERIFY(twice);
        QVERIFY2(twice->text.contains(u"exists already"_s), qPrintable(twice->text));
        const QStringList unsaved = m_service.unsaved(wanted);
        QVERIFY2(unsaved.join(u' ').contains(u"min_links"_s), qPrintable(unsaved.join(u' ')));

        const Outcome adopted = call([&](auto done) { m_service.change(running, wanted, done); });
        QVERIFY2(!adopted, adopted ? qPrintable(adopted->text) : "");
        const QString file = IfupdownStanzas::filePath(u"bond2"_s);
        QVERIFY(readAll(file).contains("    bond-slaves eth2 eth3\n"));
        QVERIFY(!readAll(file).contains("min"));
        QCOMPARE(sysfs(u"bond2/bonding/slaves"_s), u"eth2 eth3"_s);
        QCOMPARE(sysfs(u"bond2/bonding/min_links"_s), u"1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(addresses(u"bond2"_s), QStringList {u"10.77.0.62/24"_s}, 30000);
        QVERIFY(IfupdownService::upInterfaces().contains(u"bond2"_s));

        const Outcome removed = call([&](auto done) { m_service.remove(wanted, done); });
        QVERIFY2(!removed, removed ? qPrintable(removed->text) : "");
        QVERIFY(!hasLink(u"bond2"_s));
        QVERIFY(!QFile::exists(file));
    }

    // Left in place for the second boot (tests/lab/services/suite).
    void createForReboot()
    {
        if (m_boot != 1)
            QSKIP("first boot only");
        const Outcome created = call(
                [&](auto done) { m_service.create(bond0(u"10.77.0.60/24"_s, 200), done); });
        QVERIFY2(!created, created ? qPrintable(created->text) : "");
        verifyBond(u"10.77.0.60/24"_s, u"200"_s);
    }

    // Second boot: `ifup -a` alone (tests/lab/guest/network-service), no helper.
    void backAfterReboot()
    {
        if (m_boot != 2)
            QSKIP("second boot only");
        QVERIFY(QFile::exists(BondFile));
        verifyBond(u"10.77.0.60/24"_s, u"200"_s);
        const auto saved = m_service.load(u"bond0"_s);
        QVERIFY(saved);
        QCOMPARE(saved->config, bond0(u"10.77.0.60/24"_s, 200));

        // Deleting it after the reboot still gives eth0's stanza back.
        const Outcome removed = call([&](auto done) { m_service.remove(saved->config, done); });
        QVERIFY2(!removed, removed ? qPrintable(removed->text) : "");
        QCOMPARE(readAll(Interfaces), Before);
        QVERIFY(!hasLink(u"bond0"_s));
        QTRY_COMPARE_WITH_TIMEOUT(addresses(u"eth0"_s), QStringList {u"10.77.0.50/24"_s}, 30000);
    }
};

QTEST_GUILESS_MAIN(TestIfupdownLab)
#include "TestIfupdownLab.moc"
