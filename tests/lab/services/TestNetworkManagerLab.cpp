// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NetworkManagerService against the real NetworkManager 1.42 in the lab guest (tests/lab/run
// --network-service networkmanager). What NetworkManager made of each write is checked apart from
// the class under test: nmcli, its keyfiles, /proc/net/bonding, sysfs and `ip -j addr`.
// Two boots over one disk (tests/lab/services/nm-suite): boot 1 creates, watches and changes the
// bond; boot 2 finds it back with NetworkManager alone and removes it. The test functions are
// named on the command line, in that order.
#include "NetworkManagerService.h"

#include "../helper/Sysfs.h"

#include <QDBusConnection>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bm;
using bm::helper::NetworkManagerService;
using bm::helper::Outcome;

namespace {

const QString KeyfileDir = u"/etc/NetworkManager/system-connections/"_s;

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return u"<%1 did not finish>"_s.arg(program);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString nmcli(const QStringList &args)
{
    return run(u"nmcli"_s, args);
}

// "activated" while NetworkManager has the profile up; empty when it is down or gone.
QString profileState(const QString &id)
{
    return nmcli({u"-g"_s, u"GENERAL.STATE"_s, u"connection"_s, u"show"_s, id});
}

// The D-Bus path of the active connection on `dev`: a new one means NetworkManager activated afresh.
QString activeConnection(const QString &dev)
{
    return nmcli({u"-g"_s, u"GENERAL.CON-PATH"_s, u"device"_s, u"show"_s, dev});
}

QStringList profileNames()
{
    return nmcli({u"-g"_s, u"NAME"_s, u"connection"_s, u"show"_s}).split(u'\n', Qt::SkipEmptyParts);
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The IPv4 addresses on `dev` as "ADDR/LEN".
QStringList ipv4Addresses(const QString &dev)
{
    const QJsonArray links = QJsonDocument::fromJson(
                                     run(u"ip"_s, {u"-j"_s, u"-4"_s, u"addr"_s, u"show"_s, u"dev"_s, dev})
                                             .toUtf8())
                                     .array();
    QStringList out;
    for (const QJsonValue &link : links) {
        for (const QJsonValue &a : link.toObject().value(u"addr_info"_s).toArray())
            out << u"%1/%2"_s.arg(a.toObject().value(u"local"_s).toString())
                            .arg(a.toObject().value(u"prefixlen"_s).toInt());
    }
    return out;
}

BondConfig staticBond()
{
    BondConfig c;
    c.name = u"bond0"_s;
    c.options = {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100u}};
    c.slaves = {u"eth0"_s, u"eth1"_s};
    c.primary = u"eth0"_s;
    c.ip.ipv4Method = Ipv4Method::Static;
    c.ip.ipv4Addresses = {u"10.77.0.60/24"_s};
    return c;
}

// What the kernel and NetworkManager show of bond0 against staticBond() with `miimon`; empty when
// all of it holds, else the first thing that does not.
QString bond0Problem(uint miimon)
{
    const QString proc = readFile(u"/proc/net/bonding/bond0"_s);
    const QStringList wanted {u"Bonding Mode: fault-tolerance (active-backup)"_s,
                              u"MII Polling Interval (ms): %1\n"_s.arg(miimon), u"Primary Slave: eth0"_s,
                              u"Slave Interface: eth0\n"_s, u"Slave Interface: eth1\n"_s};
    for (const QString &line : wanted) {
        if (!proc.contains(line))
            return u"/proc/net/bonding/bond0 lacks \"%1\": %2"_s.arg(line.trimmed(), proc);
    }
    if (sysfs(u"bond0/bonding/miimon"_s) != QString::number(miimon))
        return u"sysfs miimon is %1"_s.arg(sysfs(u"bond0/bonding/miimon"_s));
    if (!ipv4Addresses(u"bond0"_s).contains(u"10.77.0.60/24"_s))
        return u"bond0 has %1, not 10.77.0.60/24"_s.arg(ipv4Addresses(u"bond0"_s).join(u' '));
    for (const QString &id : {u"bond0"_s, u"bond0-port-eth0"_s, u"bond0-port-eth1"_s}) {
        if (profileState(id) != u"activated"_s)
            return u"NetworkManager has profile %1 \"%2\""_s.arg(id, profileState(id));
        if (!QFile::exists(KeyfileDir + id + u".nmconnection"_s))
            return u"no keyfile for %1"_s.arg(id);
    }
    const QString options = nmcli({u"-g"_s, u"bond.options"_s, u"connection"_s, u"show"_s, u"bond0"_s});
    if (!options.split(u',').contains(u"miimon=%1"_s.arg(miimon)))
        return u"the profile's bond.options are %1"_s.arg(options);
    return QString();
}

} // namespace

class TestNetworkManagerLab : public QObject
{
    Q_OBJECT

    std::unique_ptr<NetworkManagerService> m_service;

    // Runs a write to its end (its Done) and returns what it came to.
    template<typename Write>
    Outcome await(Write write)
    {
        std::optional<Outcome> result;
        write([&result](const Outcome &o) { result.emplace(o); });
        // Under TCG NetworkManager takes tens of seconds; the service's own bound comes first.
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 180000))
            return helper::Failure {"timeout", u"Done was not called within 180 s"_s};
        return *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qgetenv("BM_LAB") != "1" || qgetenv("BM_LAB_NETWORK_SERVICE") != "networkmanager") {
            // QSKIP's variadic form trips clang's -Wpedantic; this is what it expands to.
            QTest::qSkip("runs inside the lab guest with NetworkManager (tests/lab/services/nm-suite)",
                         __FILE__, __LINE__);
            return;
        }
        QVERIFY(QDBusConnection::systemBus().isConnected());
        m_service = std::make_unique<NetworkManagerService>(QDBusConnection::systemBus());
        // TCG is slow: NetworkManager took ~18 s to activate a bond there.
        m_service->setActivationTimeout(90000);
        qInfo("NetworkManager %s, boot %s", qPrintable(nmcli({u"-g"_s, u"VERSION"_s, u"general"_s})),
              qgetenv("BM_LAB_BOOT").constData());
    }

    void refusesUnknownSlave()
    {
        BondConfig c = staticBond();
        c.name = u"bond7"_s;
        c.slaves = {u"eth0"_s, u"eth9"_s};
        const Outcome o = await([&](auto done) { m_service->create(c, done); });
        QVERIFY(o);
        QCOMPARE(o->name, "org.bondmanager.Error.ServiceRefused");
        qInfo("refused: %s", qPrintable(o->text));
        QVERIFY2(o->text.contains(u"eth9"_s), qPrintable(o->text));
        QVERIFY(!profileNames().contains(u"bond7"_s));
    }

    void rollsBackWhenActivationTimesOut()
    {
        // Activation cannot finish in 1 ms: the write fails after its profiles were added and the
        // bond activated, and the checkpoint must take all of it back.
        BondConfig c = staticBond();
        c.name = u"bond1"_s;
        c.slaves = {u"eth2"_s, u"eth3"_s};
        c.primary = u"eth2"_s;
        c.ip.ipv4Addresses = {u"10.77.0.61/24"_s};
        m_service->setActivationTimeout(1);
        const Outcome o = await([&](auto done) { m_service->create(c, done); });
        m_service->setActivationTimeout(90000);
        QVERIFY(o);
        qInfo("failed as it should: %s", qPrintable(o->text));
        QVERIFY2(o->text.contains(u"did not activate bond1"_s), qPrintable(o->text));
        const QStringList left = profileNames().filter(u"bond1"_s);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_s)));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(u"/sys/class/net/bond1"_s), 60000);
        QVERIFY(!QFile::exists(KeyfileDir + u"bond1.nmconnection"_s));
    }

    void createStaticBond()
    {
        QCOMPARE(qgetenv("BM_LAB_BOOT"), QByteArray("1"));
        // eth0's earlier configuration, as an administrator left it: it must come back at the end.
        QCOMPARE(nmcli({u"connection"_s, u"add"_s, u"type"_s, u"ethernet"_s, u"ifname"_s, u"eth0"_s,
                        u"con-name"_s, u"old-eth0"_s, u"ipv4.method"_s, u"disabled"_s, u"ipv6.method"_s,
                        u"disabled"_s})
                         .contains(u"successfully added"_s),
                 true);
        QTRY_COMPARE_WITH_TIMEOUT(profileState(u"old-eth0"_s), u"activated"_s, 90000);

        const Outcome o = await([&](auto done) { m_service->create(staticBond(), done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        QCOMPARE(bond0Problem(100), QString());
        QCOMPARE(profileState(u"old-eth0"_s), QString());

        // load() reads back what NetworkManager saved.
        const auto saved = m_service->load(u"bond0"_s);
        QVERIFY(saved);
        QCOMPARE(saved->problems, QStringList());
        QCOMPARE(saved->where.profile, u"bond0"_s);
        QVERIFY(!saved->where.uuid.isEmpty());
        QCOMPARE(saved->config.toVariantMap(), staticBond().toVariantMap());
    }

    void notRevertedAfter10s()
    {
        // NetworkManager re-reads and re-applies; a bond it did not make itself it shows as
        // "externally connected" and drops its settings. Ten seconds of its time must change nothing.
        QTest::qWait(10000);
        QCOMPARE(bond0Problem(100), QString());
        QCOMPARE(nmcli({u"-g"_s, u"GENERAL.STATE"_s, u"device"_s, u"show"_s, u"bond0"_s}),
                 u"100 (connected)"_s);
    }

    void changeMiimon()
    {
        const auto saved = m_service->load(u"bond0"_s);
        QVERIFY(saved);
        BondConfig wanted = saved->config;
        wanted.options.insert(u"miimon"_s, 200u);
        const QString active = activeConnection(u"bond0"_s);
        QVERIFY(active.startsWith(u"/org/freedesktop/NetworkManager/ActiveConnection/"_s));
        const Outcome o = await([&](auto done) { m_service->change(saved->config, wanted, done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        QCOMPARE(bond0Problem(200), QString());
        QCOMPARE(m_service->load(u"bond0"_s)->config.toVariantMap(), wanted.toVariantMap());
        QCOMPARE(activeConnection(u"bond0"_s), active); // reapplied, not activated afresh
    }

    void changeSlaves()
    {
        // Ports leave and join under Reapply: eth1's profile goes, eth2's comes and is activated.
        const auto saved = m_service->load(u"bond0"_s);
        QVERIFY(saved);
        BondConfig wanted = saved->config;
        wanted.slaves = {u"eth0"_s, u"eth2"_s};
        Outcome o = await([&](auto done) { m_service->change(saved->config, wanted, done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        QCOMPARE(sysfs(u"bond0/bonding/slaves"_s), u"eth0 eth2"_s);
        QCOMPARE(profileState(u"bond0-port-eth2"_s), u"activated"_s);
        QVERIFY(!profileNames().contains(u"bond0-port-eth1"_s));
        QVERIFY(!QFile::exists(KeyfileDir + u"bond0-port-eth1.nmconnection"_s));

        o = await([&](auto done) { m_service->change(wanted, saved->config, done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        QCOMPARE(bond0Problem(200), QString());
        QVERIFY(!profileNames().contains(u"bond0-port-eth2"_s));
    }

    void changeNeedingReactivation()
    {
        // fail_over_mac is not among the options NetworkManager 1.42 reapplies (and the kernel
        // takes it only on a bond without slaves): the bond is activated afresh.
        const auto saved = m_service->load(u"bond0"_s);
        QVERIFY(saved);
        BondConfig wanted = saved->config;
        wanted.options.insert(u"fail_over_mac"_s, u"active"_s);
        const QString active = activeConnection(u"bond0"_s);
        const Outcome o = await([&](auto done) { m_service->change(saved->config, wanted, done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        QCOMPARE(sysfs(u"bond0/bonding/fail_over_mac"_s), u"active 1"_s);
        QVERIFY(activeConnection(u"bond0"_s) != active);
        QCOMPARE(bond0Problem(200), QString());
        QCOMPARE(m_service->load(u"bond0"_s)->config.toVariantMap(), wanted.toVariantMap());
    }

    void dhcpBond()
    {
        // The address comes from the outside's dnsmasq (tests/lab/run --dhcp: 10.77.0.100-199);
        // NetworkManager activates the bond only once it has a lease.
        BondConfig c = staticBond();
        c.name = u"bond1"_s;
        c.slaves = {u"eth2"_s, u"eth3"_s};
        c.primary = u"eth2"_s;
        c.ip.ipv4Method = Ipv4Method::Dhcp;
        c.ip.ipv4Addresses.clear();
        Outcome o = await([&](auto done) { m_service->create(c, done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        const QStringList addresses = ipv4Addresses(u"bond1"_s);
        qInfo("bond1: %s", qPrintable(addresses.join(u' ')));
        QVERIFY2(!addresses.filter(QRegularExpression(u"^10\\.77\\.0\\.1\\d\\d/24$"_s)).isEmpty(),
                 qPrintable(addresses.join(u' ')));
        QCOMPARE(nmcli({u"-g"_s, u"ipv4.method"_s, u"connection"_s, u"show"_s, u"bond1"_s}), u"auto"_s);
        QCOMPARE(sysfs(u"bond1/bonding/slaves"_s), u"eth2 eth3"_s);

        o = await([&](auto done) { m_service->remove(c, done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        QVERIFY(!QFile::exists(u"/sys/class/net/bond1"_s));
        QVERIFY(profileNames().filter(u"bond1"_s).isEmpty());
        QCOMPARE(bond0Problem(200), QString());
    }

    void backAfterReboot()
    {
        // Boot 2: NetworkManager alone, from what boot 1 saved; nothing here writes.
        QCOMPARE(qgetenv("BM_LAB_BOOT"), QByteArray("2"));
        QTRY_COMPARE_WITH_TIMEOUT(bond0Problem(200), QString(), 120000);
    }

    void removeBond()
    {
        const auto saved = m_service->load(u"bond0"_s);
        QVERIFY(saved);
        const Outcome o = await([&](auto done) { m_service->remove(saved->config, done); });
        QVERIFY2(!o, o ? qPrintable(o->text) : "");
        QVERIFY(!QFile::exists(u"/sys/class/net/bond0"_s));
        const QStringList left = profileNames().filter(u"bond0"_s);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_s)));
        for (const QString &id : {u"bond0"_s, u"bond0-port-eth0"_s, u"bond0-port-eth1"_s})
            QVERIFY(!QFile::exists(KeyfileDir + id + u".nmconnection"_s));
        QVERIFY(!m_service->load(u"bond0"_s));
        // eth0's earlier profile comes back by itself (autoconnect).
        QTRY_COMPARE_WITH_TIMEOUT(profileState(u"old-eth0"_s), u"activated"_s, 90000);
    }
};

QTEST_GUILESS_MAIN(TestNetworkManagerLab)
#include "TestNetworkManagerLab.moc"
