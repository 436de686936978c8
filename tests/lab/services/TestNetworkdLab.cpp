// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NetworkdService against the real systemd-networkd 252 in the lab guest (tests/lab/run
// --network-service networkd): the service writes the files and talks to networkd, and what it did
// is checked through witnesses it does not use: networkd's own view (networkctl, the
// org.freedesktop.network1 bus API), /proc/net/bonding, sysfs and `ip -j addr`. Three boots over one
// disk (tests/lab/services/suite): the first makes, changes and deletes a bond, then makes one to
// keep; the second, where only networkd has run, finds it back and deletes it; the third finds it
// gone and the slave's earlier configuration back.
#include "ChangePlanner.h"
#include "NetlinkBackend.h"
#include "NetworkdFiles.h"
#include "NetworkdService.h"
#include "WrittenBy.h"

#include "../helper/Sysfs.h"

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QElapsedTimer>
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

const QString Folder = u"/etc/systemd/network/"_s;

QString output(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000))
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString proc(const QString &bond)
{
    QFile f(u"/proc/net/bonding/"_s + bond);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The IPv4 addresses on `link` as `ip -j addr` reports them ("10.77.0.60/24").
QStringList ipv4Addresses(const QString &link)
{
    QStringList out;
    const QJsonArray links = QJsonDocument::fromJson(
                                     output(u"ip"_s, {u"-j"_s, u"addr"_s, u"show"_s, u"dev"_s, link}).toUtf8())
                                     .array();
    for (const QJsonValue &l : links)
        for (const QJsonValue &a : l.toObject().value(u"addr_info"_s).toArray()) {
            const QJsonObject o = a.toObject();
            if (o.value(u"family"_s).toString() == u"inet")
                out << o.value(u"local"_s).toString() + u'/'
                                + QString::number(o.value(u"prefixlen"_s).toInt());
        }
    return out;
}

// networkd's AdministrativeState of `link` over its own bus API; empty when it does not know it.
QString networkdState(const QString &link)
{
    QDBusInterface manager(u"org.freedesktop.network1"_s, u"/org/freedesktop/network1"_s,
                           u"org.freedesktop.network1.Manager"_s, QDBusConnection::systemBus());
    const QDBusMessage reply = manager.call(u"GetLinkByName"_s, link);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return QString();
    const QString path = qvariant_cast<QDBusObjectPath>(reply.arguments().at(1)).path();
    QDBusInterface object(u"org.freedesktop.network1"_s, path, u"org.freedesktop.network1.Link"_s,
                          QDBusConnection::systemBus());
    return object.property("AdministrativeState").toString();
}

QString networkctlStatus(const QString &link)
{
    return output(u"networkctl"_s, {u"--no-pager"_s, u"status"_s, link});
}

BondConfig bond0(uint miimon = 100)
{
    QStringList problems;
    const BondConfig config = BondConfig::fromVariantMap(
            {{u"name"_s, u"bond0"_s},
             {u"options"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, miimon}}},
             {u"slaves"_s, QStringList {u"eth0"_s, u"eth1"_s}},
             {u"primary"_s, u"eth0"_s},
             {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                    {u"ipv4Addresses"_s, QStringList {u"10.77.0.60/24"_s}},
                                    {u"ipv6Method"_s, u"off"_s}}}},
            &problems);
    if (!problems.isEmpty())
        qWarning() << problems;
    return config;
}

// An administrator's configuration of eth0 from before the bond: what eth0 must get back when the
// bond is deleted. Sorted after ours, so that our slave file wins while the bond exists.
const QString AdminEth0 = u"/etc/systemd/network/50-lab-eth0.network"_s;
const QString AdminEth0Address = u"10.77.0.70/24"_s;

QString networkFileOf(const QString &link)
{
    for (const QString &line : networkctlStatus(link).split(u'\n'))
        if (line.trimmed().startsWith(u"Network File:"_s))
            return line.section(u':', 1).trimmed();
    return QString();
}

QStringList ourFiles()
{
    return {Folder + u"10-bond-manager-bond0.netdev"_s, Folder + u"10-bond-manager-bond0.network"_s,
            Folder + u"10-bond-manager-bond0:eth0.network"_s,
            Folder + u"10-bond-manager-bond0:eth1.network"_s};
}

} // namespace

// A write of the service that must succeed; its failure's text is the message.
#define QVERIFY_DONE(expr) \
    do { \
        const Outcome outcome_ = (expr); \
        QVERIFY2(!outcome_, outcome_ ? qPrintable(outcome_->text) : ""); \
    } while (false)

class TestNetworkdLab : public QObject
{
    Q_OBJECT

    NetlinkBackend m_kernel;
    ChangePlanner m_planner {&m_kernel};
    std::unique_ptr<NetworkdService> m_service;
    int m_boot = 1;

    // Runs one of the service's writes to its end; the failure's text is logged.
    Outcome run(const std::function<void(NetworkService::Done)> &write)
    {
        bool finished = false;
        Outcome result;
        write([&](const Outcome &outcome) {
            finished = true;
            result = outcome;
        });
        if (!QTest::qWaitFor([&] { return finished; }, 120000))
            return Failure {"timeout", u"the service did not finish within 120 s"_s};
        return result;
    }

    bool boot(int n)
    {
        if (m_boot == n)
            return true;
        QTest::qSkip(qPrintable(u"for boot %1 of the lab's disk"_s.arg(n)), __FILE__, __LINE__);
        return false;
    }

    // What the kernel and networkd show of bond0 as bond0(miimon) describes it.
    void verifyBond0(uint miimon)
    {
        QTRY_VERIFY_WITH_TIMEOUT(proc(u"bond0"_s).contains(u"Slave Interface: eth1"_s), 60000);
        const QString text = proc(u"bond0"_s);
        QVERIFY2(text.contains(u"Slave Interface: eth0"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Bonding Mode: fault-tolerance (active-backup)"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Primary Slave: eth0"_s), qPrintable(text));
        QCOMPARE(sysfs(u"bond0/bonding/miimon"_s), QString::number(miimon));
        QTRY_COMPARE_WITH_TIMEOUT(ipv4Addresses(u"bond0"_s), QStringList {u"10.77.0.60/24"_s}, 60000);
        // networkd's own view: it configured bond0 from our file, and both slaves.
        QTRY_COMPARE_WITH_TIMEOUT(networkdState(u"bond0"_s), u"configured"_s, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(networkdState(u"eth0"_s), u"configured"_s, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(networkdState(u"eth1"_s), u"configured"_s, 60000);
        const QString status = networkctlStatus(u"bond0"_s);
        QVERIFY2(status.contains(u"Network File: /etc/systemd/network/10-bond-manager-bond0.network"_s),
                 qPrintable(status));
        QVERIFY2(networkctlStatus(u"eth1"_s).contains(u"10-bond-manager-bond0:eth1.network"_s),
                 qPrintable(networkctlStatus(u"eth1"_s)));
        for (const QString &path : ourFiles())
            QVERIFY2(isWrittenByUs(readFile(path)), qPrintable(path));
        const QByteArray miimonLine = "MIIMonitorSec=" + QByteArray::number(miimon) + "ms";
        QVERIFY(readFile(ourFiles().at(0)).contains(miimonLine));
    }

    // eth0 as the administrator configured it before the bond.
    void verifyAdminEth0()
    {
        QTRY_COMPARE_WITH_TIMEOUT(networkFileOf(u"eth0"_s), AdminEth0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(ipv4Addresses(u"eth0"_s), QStringList {AdminEth0Address}, 30000);
    }

    void verifyBond0Gone()
    {
        for (const QString &path : ourFiles())
            QVERIFY2(!QFile::exists(path), qPrintable(path));
        QCOMPARE(sysfs(u"bond0/bonding/mode"_s), u"<missing>"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!output(u"networkctl"_s, {u"--no-pager"_s, u"list"_s}).contains(u"bond0"_s),
                                 30000);
        // Back out of the bond, and up as they were.
        QCOMPARE(sysfs(u"eth0/master"_s), u"<missing>"_s);
        QCOMPARE(sysfs(u"eth1/master"_s), u"<missing>"_s);
        QTRY_COMPARE(sysfs(u"eth0/operstate"_s), u"up"_s);
        verifyAdminEth0();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qgetenv("BM_LAB") != "1" || qgetenv("BM_LAB_NETWORK_SERVICE") != "networkd") {
            QTest::qSkip("runs inside the lab guest with systemd-networkd (tests/lab/run --network-service "
                         "networkd)",
                         __FILE__, __LINE__);
            return;
        }
        m_boot = qEnvironmentVariableIntValue("BM_LAB_BOOT");
        m_service = std::make_unique<NetworkdService>(&m_planner, &m_kernel, QDBusConnection::systemBus());
        QVERIFY(QDBusConnection::systemBus().isConnected());
    }

    void createChangeRemove()
    {
        if (!boot(1))
            return;
        const BondConfig config = bond0();
        QVERIFY(m_service->unsaved(config).isEmpty());
        QVERIFY(m_service->refusal(config).isEmpty());
        QVERIFY(!m_service->load(u"bond0"_s));
        {
            QFile admin(AdminEth0);
            QVERIFY(admin.open(QIODevice::WriteOnly));
            admin.write("[Match]\nName=eth0\n\n[Network]\nAddress=" + AdminEth0Address.toUtf8() + "\n");
        }
        output(u"networkctl"_s, {u"reload"_s});
        verifyAdminEth0();

        QElapsedTimer clock;
        clock.start();
        QVERIFY_DONE(run([&](auto done) { m_service->create(config, done); }));
        qInfo("create: %lld ms", clock.elapsed());
        verifyBond0(100);
        QCOMPARE(networkFileOf(u"eth0"_s), Folder + u"10-bond-manager-bond0:eth0.network"_s);
        qInfo("eth0's addresses in the bond: %s", qPrintable(ipv4Addresses(u"eth0"_s).join(u' ')));
        const auto saved = m_service->load(u"bond0"_s);
        QVERIFY(saved);
        QVERIFY(saved->problems.isEmpty());
        QVERIFY(saved->config == config);
        QCOMPARE(saved->where.backend, NetworkOwner::Networkd);
        QCOMPARE(saved->where.location, Folder + u"10-bond-manager-bond0.netdev"_s);

        // An option networkd will not change on a bond it has made: live by the planner, and saved.
        clock.restart();
        QVERIFY_DONE(run([&](auto done) { m_service->change(config, bond0(200), done); }));
        qInfo("change miimon: %lld ms", clock.elapsed());
        verifyBond0(200);
        QVERIFY(m_service->load(u"bond0"_s)->config == bond0(200));
        // networkd leaves the live change alone when it reads its files again.
        output(u"networkctl"_s, {u"reload"_s});
        QTRY_COMPARE_WITH_TIMEOUT(networkdState(u"bond0"_s), u"configured"_s, 30000);
        verifyBond0(200);

        // A change the kernel refuses leaves the kernel and the files as they were.
        const QByteArray netdev = readFile(ourFiles().at(0));
        BondConfig bad = bond0(200);
        bad.options.insert(u"mode"_s, u"802.3ad"_s);
        QVERIFY(run([&](auto done) { m_service->change(bond0(200), bad, done); }));
        QCOMPARE(readFile(ourFiles().at(0)), netdev);
        QVERIFY(proc(u"bond0"_s).contains(u"Bonding Mode: fault-tolerance (active-backup)"_s));

        // A slave out and back in: the kernel by the planner, networkd by its file.
        BondConfig one = bond0(200);
        one.slaves = {u"eth0"_s};
        clock.restart();
        QVERIFY_DONE(run([&](auto done) { m_service->change(bond0(200), one, done); }));
        qInfo("remove a slave: %lld ms", clock.elapsed());
        QVERIFY(!QFile::exists(ourFiles().at(3)));
        QCOMPARE(sysfs(u"bond0/bonding/slaves"_s), u"eth0"_s);
        QTRY_VERIFY_WITH_TIMEOUT(networkdState(u"eth1"_s) != u"configured"_s, 30000);
        qInfo("eth1 without its file: %s", qPrintable(networkdState(u"eth1"_s)));
        QCOMPARE(sysfs(u"bond0/bonding/slaves"_s), u"eth0"_s);
        clock.restart();
        QVERIFY_DONE(run([&](auto done) { m_service->change(one, bond0(200), done); }));
        qInfo("add a slave: %lld ms", clock.elapsed());
        verifyBond0(200);

        // A change refused half-way (eth1 out, then no eth9 to take in) is undone step by step.
        BondConfig swap = bond0(200);
        swap.slaves = {u"eth0"_s, u"eth9"_s};
        const Outcome refused = run([&](auto done) { m_service->change(bond0(200), swap, done); });
        QVERIFY(refused);
        qInfo("half-way change refused: %s", qPrintable(refused->text));
        QCOMPARE(sysfs(u"bond0/bonding/slaves"_s), u"eth0 eth1"_s);
        QVERIFY(isWrittenByUs(readFile(ourFiles().at(3))));
        QVERIFY(m_service->load(u"bond0"_s)->config == bond0(200));

        // Addresses and MTU are networkd's: the bond's .network rewritten, the link reconfigured.
        BondConfig moved = bond0(200);
        moved.ip.ipv4Addresses = {u"10.77.0.61/24"_s};
        moved.ip.mtu = 1400;
        clock.restart();
        QVERIFY_DONE(run([&](auto done) { m_service->change(bond0(200), moved, done); }));
        qInfo("change the address and MTU: %lld ms", clock.elapsed());
        QTRY_COMPARE_WITH_TIMEOUT(ipv4Addresses(u"bond0"_s), QStringList {u"10.77.0.61/24"_s}, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(sysfs(u"bond0/mtu"_s), u"1400"_s, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(networkdState(u"bond0"_s), u"configured"_s, 30000);
        QVERIFY(m_service->load(u"bond0"_s)->config == moved);

        clock.restart();
        QVERIFY_DONE(run([&](auto done) { m_service->remove(moved, done); }));
        qInfo("remove: %lld ms", clock.elapsed());
        verifyBond0Gone();
        QVERIFY(!m_service->load(u"bond0"_s));
    }

    // A create that networkd cannot complete (a slave that another .network file claims first)
    // is undone: our files gone, no bond.
    void createUndoneWhenNetworkdDoesNot()
    {
        if (!boot(1))
            return;
        const QString blocker = Folder + u"05-lab-eth1.network"_s;
        {
            QFile f(blocker);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("[Match]\nName=eth1\n\n[Network]\nLinkLocalAddressing=no\n");
        }
        m_service->setWaitTimeout(15000);
        const Outcome outcome = run([&](auto done) { m_service->create(bond0(), done); });
        m_service->setWaitTimeout(20000);
        QFile::remove(blocker);
        QVERIFY(outcome);
        qInfo("create refused: %s", qPrintable(outcome->text));
        QCOMPARE(outcome->name, "org.bondmanager.Error.ServiceRefused");
        QVERIFY2(outcome->text.contains(u"eth1 is not in bond0"_s), qPrintable(outcome->text));
        verifyBond0Gone();
        // networkd is back to no file for eth1.
        output(u"networkctl"_s, {u"reload"_s});
    }

    // networkd runs DHCP itself: a bond of eth2+eth3 gets its address from the outside's dnsmasq
    // (tests/lab/run --dhcp, 10.77.0.100-199).
    void dhcp()
    {
        if (!boot(1))
            return;
        if (qgetenv("BM_LAB_DHCP") != "1") {
            QTest::qSkip("needs the lab's DHCP server (tests/lab/run --dhcp, BM_LAB_DHCP=1)", __FILE__,
                         __LINE__);
            return;
        }
        QStringList problems;
        const BondConfig config = BondConfig::fromVariantMap(
                {{u"name"_s, u"bond1"_s},
                 {u"options"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100u}}},
                 {u"slaves"_s, QStringList {u"eth2"_s, u"eth3"_s}},
                 {u"primary"_s, u"eth2"_s},
                 {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"dhcp"_s}, {u"ipv6Method"_s, u"off"_s}}}},
                &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u' ')));
        QVERIFY(m_service->refusal(config).isEmpty());
        QVERIFY_DONE(run([&](auto done) { m_service->create(config, done); }));
        QVERIFY(readFile(Folder + u"10-bond-manager-bond1.network"_s).contains("DHCP=ipv4"));
        const auto leased = [] {
            const QStringList addresses = ipv4Addresses(u"bond1"_s);
            return addresses.size() == 1 && addresses.first().startsWith(u"10.77.0.1"_s)
                   && addresses.first().endsWith(u"/24"_s);
        };
        QTRY_VERIFY_WITH_TIMEOUT(leased(), 90000);
        qInfo("bond1: %s", qPrintable(ipv4Addresses(u"bond1"_s).join(u' ')));
        QTRY_COMPARE_WITH_TIMEOUT(networkdState(u"bond1"_s), u"configured"_s, 60000);
        QVERIFY(m_service->load(u"bond1"_s)->config == config);
        QVERIFY_DONE(run([&](auto done) { m_service->remove(config, done); }));
        QCOMPARE(sysfs(u"bond1/bonding/mode"_s), u"<missing>"_s);
        QVERIFY(!QFile::exists(Folder + u"10-bond-manager-bond1.netdev"_s));
    }

    // Boot 1 of the reboot: a bond to keep, changed once so that the change is what must come back.
    void createForReboot()
    {
        if (!boot(1))
            return;
        QVERIFY_DONE(run([&](auto done) { m_service->create(bond0(), done); }));
        QVERIFY_DONE(run([&](auto done) { m_service->change(bond0(), bond0(200), done); }));
        verifyBond0(200);
    }

    // Boot 2: only networkd has run. The bond is back as it was saved; then deleted for good.
    void backAfterReboot()
    {
        if (!boot(2))
            return;
        verifyBond0(200);
        QVERIFY(m_service->load(u"bond0"_s)->config == bond0(200));
        QVERIFY_DONE(run([&](auto done) { m_service->remove(bond0(200), done); }));
        verifyBond0Gone();
    }

    // Boot 3: deleted through the service on boot 2, the bond stays gone, and eth0 comes up with
    // the administrator's configuration again.
    void goneAfterReboot()
    {
        if (!boot(3))
            return;
        verifyBond0Gone();
        QVERIFY(!m_service->load(u"bond0"_s));
    }
};

QTEST_GUILESS_MAIN(TestNetworkdLab)
#include "TestNetworkdLab.moc"
