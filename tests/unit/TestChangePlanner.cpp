// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// ChangePlanner against the in-memory kernel of tests/dbus, without a bus: each write's checks,
// its steps in their order, and the undo when the kernel refuses a step, judged by the kernel's
// state afterwards.
#include "ChangePlanner.h"
#include "ErrorNames.h"
#include "FakeKernelBackend.h"
#include "LinkTable.h"

#include <QTest>

#include <cerrno>
#include <sys/socket.h>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace bm::helper;
namespace E = BondManager::DBus::Error;

namespace {

QString text(const QVariant &value)
{
    return value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString();
}

// The fake kernel, with every change request written down in the order it came, each link by the
// name it has when the request comes. It refuses the request written as `refuse` the first time
// it comes, for whatever reason a real kernel may have.
class RecordingKernel : public FakeKernelBackend
{
public:
    QStringList calls;
    QString refuse;

    KernelResult createBond(const QString &name, const QVariantMap &options) override
    {
        if (auto r = record(u"create %1 %2"_s.arg(name, options.keys().join(u','))))
            return *r;
        return FakeKernelBackend::createBond(name, options);
    }
    KernelResult deleteLink(const LinkRef &link) override
    {
        if (auto r = record(u"delete %1"_s.arg(nameOf(link))))
            return *r;
        return FakeKernelBackend::deleteLink(link);
    }
    KernelResult setBondOptions(const LinkRef &bond, const QVariantMap &options) override
    {
        for (auto it = options.cbegin(); it != options.cend(); ++it)
            if (auto r = record(u"set %1 %2=%3"_s.arg(nameOf(bond), it.key(), text(it.value()))))
                return *r;
        return FakeKernelBackend::setBondOptions(bond, options);
    }
    KernelResult setMaster(const LinkRef &slave, const LinkRef &master) override
    {
        if (auto r = record(master.isNull() ? u"release %1"_s.arg(nameOf(slave))
                                            : u"enslave %1 %2"_s.arg(nameOf(slave), nameOf(master))))
            return *r;
        return FakeKernelBackend::setMaster(slave, master);
    }
    KernelResult setUp(const LinkRef &link, bool up) override
    {
        if (auto r = record(u"%1 %2"_s.arg(up ? u"up"_s : u"down"_s, nameOf(link))))
            return *r;
        return FakeKernelBackend::setUp(link, up);
    }
    KernelResult addAddress(const AddressInfo &address) override
    {
        if (auto r = record(u"add address %1 %2"_s.arg(address.address, nameOf(address.ifindex))))
            return *r;
        return FakeKernelBackend::addAddress(address);
    }
    KernelResult addRoute(const RouteInfo &route) override
    {
        if (auto r = record(u"add route %1 via %2 %3"_s.arg(route.destination,
                                                            route.gateway.isEmpty() ? u"-"_s : route.gateway,
                                                            nameOf(route.ifindex))))
            return *r;
        return FakeKernelBackend::addRoute(route);
    }

private:
    using FakeKernelBackend::nameOf;
    // By the name the link has now, and the one asked for when that is not it any more.
    QString nameOf(const LinkRef &link) const
    {
        if (link.ifindex == 0)
            return link.name;
        const QString now = nameOf(link.ifindex);
        if (now.isEmpty())
            return u"%1 (gone)"_s.arg(link.name);
        return link.name.isEmpty() || link.name == now ? now : u"%1 (now %2)"_s.arg(link.name, now);
    }

    std::optional<KernelResult> record(const QString &call)
    {
        calls << call;
        if (call != refuse)
            return std::nullopt;
        refuse.clear();
        return KernelResult {EIO, u"Input/output error"_s};
    }
};

QString errorName(const Outcome &outcome)
{
    return outcome ? QString::fromLatin1(outcome->name) : u"ok"_s;
}

} // namespace

class TestChangePlanner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RecordingKernel> m_kernel;
    std::unique_ptr<ChangePlanner> m_planner;

    LinkTable links() const { return LinkTable(*m_kernel->dumpLinks()); }

    // One line per link: everything a write may change.
    QStringList state() const
    {
        const LinkTable table = links();
        QStringList lines;
        for (const LinkInfo *l : table.all()) {
            const LinkInfo *master = table.find(l->masterIndex);
            QString line = u"%1 up=%2 master=%3"_s.arg(l->name)
                                   .arg(l->adminUp)
                                   .arg(master ? master->name : u"-"_s);
            for (auto it = l->bondOptions.cbegin(); it != l->bondOptions.cend(); ++it)
                line += u" %1=%2"_s.arg(it.key(), text(it.value()));
            lines << line;
        }
        return lines;
    }

    QString option(const QString &bond, const QString &key) const
    {
        const LinkTable table = links();
        const LinkInfo *link = table.findBond(bond);
        return link ? text(link->bondOptions.value(key)) : u"(no bond)"_s;
    }

    QString masterOf(const QString &name) const
    {
        const LinkTable table = links();
        const LinkInfo *link = table.find(name);
        const LinkInfo *master = link ? table.find(link->masterIndex) : nullptr;
        return master ? master->name : QString();
    }

    // A link's addresses and routes, one line each, as the kernel has them.
    QStringList addressing(const QString &name) const
    {
        const LinkTable table = links(); // find() points into it: keep it alive
        const LinkInfo *link = table.find(name);
        const int ifindex = link ? link->ifindex : -1;
        QStringList lines;
        for (const AddressInfo &a : m_kernel->dumpAddresses().value_or(QList<AddressInfo>()))
            if (a.ifindex == ifindex)
                lines << u"address %1 flags %2 brd %3 label %4"_s.arg(a.address).arg(a.flags).arg(a.broadcast,
                                                                                                  a.label);
        for (const RouteInfo &r : m_kernel->dumpRoutes().value_or(QList<RouteInfo>()))
            if (r.goesOut(ifindex))
                lines << u"route %1 via %2 metric %3 proto %4 scope %5 src %6"_s.arg(r.destination, r.gateway)
                                 .arg(r.metric)
                                 .arg(r.protocol)
                                 .arg(r.scope)
                                 .arg(r.preferredSource);
        lines.sort();
        return lines;
    }

    bool isUp(const QString &name) const
    {
        const LinkTable table = links();
        const LinkInfo *link = table.find(name);
        return link && link->adminUp;
    }

    // Another program acts right after the request written as `after`: it renames the bond
    // `from` to `to` and creates another bond named `from`.
    void renameAfter(const QString &after, const QString &from, const QString &to)
    {
        m_kernel->setAfterChange([this, after, from, to] {
            if (m_kernel->calls.isEmpty() || m_kernel->calls.constLast() != after)
                return;
            QVERIFY(m_kernel->rename(from, to).ok());
            QVERIFY(m_kernel->FakeKernelBackend::createBond(from, {}).ok());
            m_kernel->calls << u"(renamed to %1, another %2 made)"_s.arg(to, from);
        });
    }

    // The other program's bond: untouched, down and without slaves.
    void verifyOtherBondUntouched(const QString &name)
    {
        const LinkTable table = links();
        const LinkInfo *other = table.findBond(name);
        QVERIFY(other);
        QVERIFY(!other->adminUp);
        QVERIFY(table.slavesOf(other->ifindex).isEmpty());
        QCOMPARE(other->bondOptions.value(u"mode"_s).toString(), u"balance-rr"_s);
    }

    void createActiveBackup()
    {
        QCOMPARE(errorName(m_planner->createBond(u"bond0"_s,
                                                 {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}},
                                                 {u"eth0"_s, u"eth1"_s})),
                 u"ok"_s);
        m_kernel->calls.clear();
    }

    // A new kernel and planner, for the environment as it is now.
    void restart()
    {
        m_planner.reset();
        m_kernel = std::make_unique<RecordingKernel>();
        m_planner = std::make_unique<ChangePlanner>(m_kernel.get());
    }

private Q_SLOTS:
    void init()
    {
        qputenv("BM_FAKE_LINKS", "eth0,eth1,eth2,eth3");
        qputenv("BM_FAKE_REFUSE_ENSLAVE", "eth3");
        qunsetenv("BM_FAKE_DEFAULT_ROUTE");
        qunsetenv("BM_FAKE_KEEP_ADDR_ON_DOWN");
        qunsetenv("BM_FAKE_ADDRESSES");
        qunsetenv("BM_FAKE_NO_BONDING");
        qunsetenv("BM_FAKE_BONDING_MODULE");
        restart();
    }

    void cleanup()
    {
        m_planner.reset();
        m_kernel.reset();
    }

    // The bond is made with the options that need no slaves, each slave is taken down, enslaved
    // and brought back up, the bond comes up, and the primary is set once it is a slave.
    void createWithSlavesAndOptions()
    {
        QCOMPARE(errorName(m_planner->createBond(u"bond0"_s,
                                                 {{u"mode"_s, u"active-backup"_s},
                                                  {u"miimon"_s, 100},
                                                  {u"updelay"_s, u"200"_s},
                                                  {u"primary"_s, u"eth1"_s}},
                                                 {u"eth0"_s, u"eth1"_s})),
                 u"ok"_s);
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"create bond0 miimon,mode,updelay"_s, u"down eth0"_s, u"enslave eth0 bond0"_s,
                               u"up eth0"_s, u"down eth1"_s, u"enslave eth1 bond0"_s, u"up eth1"_s,
                               u"up bond0"_s, u"set bond0 primary=eth1"_s}));
        QCOMPARE(option(u"bond0"_s, u"mode"_s), u"active-backup"_s);
        QCOMPARE(option(u"bond0"_s, u"miimon"_s), u"100"_s);
        QCOMPARE(option(u"bond0"_s, u"updelay"_s), u"200"_s);
        QCOMPARE(option(u"bond0"_s, u"primary"_s), u"eth1"_s);
        QVERIFY(isUp(u"bond0"_s));
        for (const QString &slave : {u"eth0"_s, u"eth1"_s}) {
            QCOMPARE(masterOf(slave), u"bond0"_s);
            QVERIFY(isUp(slave));
        }
    }

    void createErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QStringList>("slaves");
        QTest::addColumn<QString>("error");
        const QString invalid = QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("bad name") << u"bo/nd"_s << QVariantMap() << QStringList() << invalid;
        QTest::newRow("exists") << u"eth0"_s << QVariantMap() << QStringList() << invalid;
        QTest::newRow("unknown option")
                << u"bond1"_s << QVariantMap {{u"speed"_s, 10}} << QStringList() << invalid;
        QTest::newRow("slave twice") << u"bond1"_s << QVariantMap() << QStringList {u"eth2"_s, u"eth2"_s}
                                     << invalid;
        QTest::newRow("slave is a bond")
                << u"bond1"_s << QVariantMap() << QStringList {u"bond0"_s} << invalid;
        QTest::newRow("loopback") << u"bond1"_s << QVariantMap() << QStringList {u"lo"_s} << invalid;
        QTest::newRow("busy") << u"bond1"_s << QVariantMap() << QStringList {u"eth0"_s}
                              << QString::fromLatin1(E::Busy);
        QTest::newRow("primary not a slave")
                << u"bond1"_s << QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"primary"_s, u"eth3"_s}}
                << QStringList {u"eth2"_s} << invalid;
    }

    // Refused before any step: nothing was asked of the kernel.
    void createErrors()
    {
        QFETCH(QString, name);
        QFETCH(QVariantMap, options);
        QFETCH(QStringList, slaves);
        QFETCH(QString, error);
        createActiveBackup();
        const QStringList before = state();
        const Outcome outcome = m_planner->createBond(name, options, slaves);
        QCOMPARE(errorName(outcome), error);
        QVERIFY2(outcome->text.endsWith(u'.'), qPrintable(outcome->text));
        QCOMPARE(m_kernel->calls, QStringList());
        QCOMPARE(state(), before);
    }

    // Without a bonding driver the kernel answers EOPNOTSUPP, after looking for a module: that
    // creation says BondingUnavailable, and from then on the driver counts as unavailable.
    void missingBondingDriverIsLearntFromTheKernelsAnswer()
    {
        qputenv("BM_FAKE_NO_BONDING", "1");
        m_planner.reset();
        m_kernel = std::make_unique<RecordingKernel>();
        m_planner = std::make_unique<ChangePlanner>(m_kernel.get());
        QVERIFY(m_planner->bondingAvailable());
        const QStringList before = state();
        const Outcome outcome = m_planner->createBond(u"bond0"_s, {{u"miimon"_s, 100}}, {u"eth0"_s});
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::BondingUnavailable));
        QCOMPARE(m_kernel->calls.size(), 1);
        QCOMPARE(state(), before);
        QVERIFY(!m_planner->bondingAvailable());
    }

    // A driver not loaded yet is loaded by the kernel for the first bond.
    void bondingModuleIsLoadedByTheFirstBond()
    {
        qputenv("BM_FAKE_BONDING_MODULE", "1");
        m_planner.reset();
        m_kernel = std::make_unique<RecordingKernel>();
        m_planner = std::make_unique<ChangePlanner>(m_kernel.get());
        QVERIFY(!m_kernel->bondingLoaded());
        QVERIFY(m_planner->bondingAvailable());
        createActiveBackup();
        QVERIFY(m_kernel->bondingLoaded());
        QVERIFY(m_planner->bondingAvailable());
    }

    // eth2 is enslaved, then the kernel refuses eth3: eth2 is released and up again, bond1 gone.
    void refusalMidwayRollsBack()
    {
        const QStringList before = state();
        const Outcome outcome = m_planner->createBond(u"bond1"_s, {{u"mode"_s, u"balance-xor"_s}},
                                                      {u"eth2"_s, u"eth3"_s});
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(outcome->text,
                 u"The kernel refused to add eth3 to bond1: Device is in use and cannot be enslaved."_s);
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"create bond1 mode"_s, u"down eth2"_s, u"enslave eth2 bond1"_s, u"up eth2"_s,
                               u"down eth3"_s, u"enslave eth3 bond1"_s,
                               // the undo, last step first
                               u"up eth3"_s, u"release eth2"_s, u"up eth2"_s, u"delete bond1"_s}));
        QCOMPARE(state(), before);
    }

    // Issue 18: eth3 carries addresses and the default route. Taking it down for enslaving drops
    // its routes and its IPv6 address; the kernel then refuses it. The undo brings it up (the
    // IPv4 prefix route comes back by itself) and adds back the IPv6 address, then the default
    // route, exactly as they were.
    void refusedEnslaveRestoresAddressesAndRoutes()
    {
        qputenv("BM_FAKE_DEFAULT_ROUTE", "eth3");
        qputenv("BM_FAKE_ADDRESSES", "eth3=2001:db8::10/64");
        restart();
        createActiveBackup();
        const QStringList before = addressing(u"eth3"_s);
        QCOMPARE(before.size(), 5);
        QCOMPARE(errorName(m_planner->addSlave(u"bond0"_s, u"eth3"_s)), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls, (QStringList {u"down eth3"_s, u"enslave eth3 bond0"_s, u"up eth3"_s,
                                                u"add address 2001:db8::10/64 eth3"_s,
                                                u"add route 0.0.0.0/0 via 192.0.2.1 eth3"_s}));
        QCOMPARE(addressing(u"eth3"_s), before);
    }

    // The same when the IPv6 addresses stay on the way down (keep_addr_on_down): only the
    // default route is missing, and only it is added.
    void refusedEnslaveKeepingAddresses()
    {
        qputenv("BM_FAKE_DEFAULT_ROUTE", "eth3");
        qputenv("BM_FAKE_ADDRESSES", "eth3=2001:db8::10/64");
        qputenv("BM_FAKE_KEEP_ADDR_ON_DOWN", "1");
        restart();
        createActiveBackup();
        const QStringList before = addressing(u"eth3"_s);
        QCOMPARE(errorName(m_planner->addSlave(u"bond0"_s, u"eth3"_s)), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls, (QStringList {u"down eth3"_s, u"enslave eth3 bond0"_s, u"up eth3"_s,
                                                u"add route 0.0.0.0/0 via 192.0.2.1 eth3"_s}));
        QCOMPARE(addressing(u"eth3"_s), before);
    }

    // A new bond: eth2, with addresses and the default route, is enslaved (which costs it its
    // routes and IPv6 address), then the kernel refuses eth3. eth2 is released and given back
    // everything it had.
    void refusedCreateRestoresTheSlavesAddressing()
    {
        qputenv("BM_FAKE_DEFAULT_ROUTE", "eth2");
        qputenv("BM_FAKE_ADDRESSES", "eth2=2001:db8::10/64");
        restart();
        const QStringList before = addressing(u"eth2"_s);
        const QStringList links = state();
        QCOMPARE(errorName(m_planner->createBond(u"bond1"_s, {}, {u"eth2"_s, u"eth3"_s})),
                 QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls.mid(m_kernel->calls.indexOf(u"release eth2"_s)),
                 (QStringList {u"release eth2"_s, u"up eth2"_s, u"add address 2001:db8::10/64 eth2"_s,
                               u"add route 0.0.0.0/0 via 192.0.2.1 eth2"_s, u"delete bond1"_s}));
        QCOMPARE(addressing(u"eth2"_s), before);
        QCOMPARE(state(), links);
    }

    // miimon is set, then the kernel refuses the active slave (its carrier is off): miimon is put
    // back.
    void refusedOptionRollsBackTheOthers()
    {
        createActiveBackup();
        m_kernel->setCarrier(u"eth1"_s, false);
        const QStringList before = state();
        const Outcome outcome = m_planner->setOptions(u"bond0"_s,
                                                      {{u"miimon"_s, 50}, {u"active_slave"_s, u"eth1"_s}});
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QVERIFY2(outcome->text.contains(u"Setting active slave to a down device"_s),
                 qPrintable(outcome->text));
        QCOMPARE(m_kernel->calls, (QStringList {u"set bond0 miimon=50"_s, u"set bond0 active_slave=eth1"_s,
                                                u"set bond0 miimon=100"_s}));
        QCOMPARE(state(), before);
    }

    // Issue 18: arp_interval switched miimon off in the driver and the target was added before
    // the active slave was refused (its carrier is off). The undo puts back every option as it
    // was, side effects included: ARP off first, the targets cleared, MII monitoring back.
    void refusedOptionsUndoTheDriversSideEffects()
    {
        createActiveBackup();
        m_kernel->setCarrier(u"eth0"_s, false);
        const QStringList before = state();
        const Outcome outcome = m_planner->setOptions(u"bond0"_s, {{u"arp_interval"_s, 200},
                                                                   {u"arp_ip_target"_s, u"192.0.2.1"_s},
                                                                   {u"active_slave"_s, u"eth0"_s}});
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QVERIFY2(outcome->text.contains(u"Setting active slave to a down device"_s),
                 qPrintable(outcome->text));
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"set bond0 arp_interval=200"_s, u"set bond0 arp_ip_target=192.0.2.1"_s,
                               u"set bond0 active_slave=eth0"_s,
                               // the undo
                               u"set bond0 arp_interval=0"_s, u"set bond0 arp_ip_target="_s,
                               u"set bond0 miimon=100"_s}));
        QCOMPARE(option(u"bond0"_s, u"miimon"_s), u"100"_s);
        QCOMPARE(option(u"bond0"_s, u"arp_interval"_s), u"0"_s);
        QCOMPARE(option(u"bond0"_s, u"arp_ip_target"_s), QString());
        QCOMPARE(state(), before);
    }

    // The mode of an empty bond is changed with it down, then ARP monitoring replaces MII
    // monitoring, then the kernel refuses the target: the mode goes back with the bond still down,
    // MII monitoring comes back after ARP is off, and the bond comes up again.
    void refusedModeChangeIsUndoneWhole()
    {
        QCOMPARE(errorName(m_planner->createBond(u"bond2"_s, {{u"miimon"_s, 100}}, {})), u"ok"_s);
        m_kernel->calls.clear();
        const QStringList before = state();
        m_kernel->refuse = u"set bond2 arp_ip_target=192.0.2.1"_s;
        const Outcome outcome = m_planner->setOptions(u"bond2"_s, {{u"mode"_s, u"active-backup"_s},
                                                                   {u"arp_interval"_s, 100},
                                                                   {u"arp_ip_target"_s, u"192.0.2.1"_s}});
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"down bond2"_s, u"set bond2 mode=active-backup"_s,
                               u"set bond2 arp_interval=100"_s, u"set bond2 arp_ip_target=192.0.2.1"_s,
                               // the undo
                               u"set bond2 mode=balance-rr"_s, u"set bond2 arp_interval=0"_s,
                               u"set bond2 miimon=100"_s, u"up bond2"_s}));
        QCOMPARE(state(), before);
    }

    // eth0 is released (which closes it), then the kernel refuses to open it again: it goes back
    // into the bond, up, and active as it was.
    void refusedRemoveSlaveIsUndone()
    {
        createActiveBackup();
        QCOMPARE(m_kernel->activeSlave(u"bond0"_s), u"eth0"_s);
        const QStringList before = state();
        m_kernel->refuse = u"up eth0"_s;
        QCOMPARE(errorName(m_planner->removeSlave(u"bond0"_s, u"eth0"_s)),
                 QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"release eth0"_s, u"up eth0"_s,
                               // the undo
                               u"enslave eth0 bond0"_s, u"up eth0"_s, u"set bond0 active_slave=eth0"_s}));
        QCOMPARE(masterOf(u"eth0"_s), u"bond0"_s);
        QVERIFY(isUp(u"eth0"_s));
        QCOMPARE(m_kernel->activeSlave(u"bond0"_s), u"eth0"_s);
        QCOMPARE(state(), before);
    }

    // A slave with an address of its own (IPv6, which closing it deletes): the undo of a refused
    // RemoveSlave puts it back once the slave is in the bond and up again.
    void refusedRemoveSlaveRestoresItsAddress()
    {
        createActiveBackup();
        const int eth0 = links().find(u"eth0"_s)->ifindex;
        AddressInfo own;
        own.ifindex = eth0;
        own.family = AF_INET6;
        own.address = u"2001:db8::20/64"_s;
        QVERIFY(m_kernel->addAddress(own).ok());
        m_kernel->calls.clear();
        const QStringList before = addressing(u"eth0"_s);
        m_kernel->refuse = u"up eth0"_s;
        QCOMPARE(errorName(m_planner->removeSlave(u"bond0"_s, u"eth0"_s)),
                 QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"release eth0"_s, u"up eth0"_s, u"enslave eth0 bond0"_s, u"up eth0"_s,
                               u"set bond0 active_slave=eth0"_s, u"add address 2001:db8::20/64 eth0"_s}));
        QCOMPARE(masterOf(u"eth0"_s), u"bond0"_s);
        QVERIFY(isUp(u"eth0"_s));
        QCOMPARE(addressing(u"eth0"_s), before);
    }

    // A whole change of configuration (services/NetworkService.h's change()): a slave released,
    // an option changed, a slave added, the primary set, in that order.
    void applyDiffInOrder()
    {
        createActiveBackup();
        ConfigDiff diff;
        diff.removeSlaves = {u"eth0"_s};
        diff.options = {{u"miimon"_s, 50u}};
        diff.addSlaves = {u"eth2"_s};
        diff.primary = u"eth2"_s;
        QCOMPARE(errorName(m_planner->applyDiff(u"bond0"_s, diff)), u"ok"_s);
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"release eth0"_s, u"up eth0"_s, u"set bond0 miimon=50"_s, u"down eth2"_s,
                               u"enslave eth2 bond0"_s, u"up eth2"_s, u"set bond0 primary=eth2"_s}));
        QCOMPARE(masterOf(u"eth0"_s), QString());
        QCOMPARE(masterOf(u"eth2"_s), u"bond0"_s);
        QCOMPARE(option(u"bond0"_s, u"miimon"_s), u"50"_s);
        QCOMPARE(option(u"bond0"_s, u"primary"_s), u"eth2"_s);
    }

    // The kernel refuses the last step: the release, the option and the enslavement before it are
    // undone, and the bond is as it was.
    void applyDiffIsUndoneWhole()
    {
        createActiveBackup();
        const QStringList before = state();
        ConfigDiff diff;
        diff.removeSlaves = {u"eth1"_s};
        diff.options = {{u"miimon"_s, 50u}};
        diff.addSlaves = {u"eth2"_s, u"eth3"_s}; // the fake kernel refuses to enslave eth3
        const Outcome outcome = m_planner->applyDiff(u"bond0"_s, diff);
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QVERIFY2(outcome->text.contains(u"eth3"_s), qPrintable(outcome->text));
        QCOMPARE(state(), before);
        QCOMPARE(masterOf(u"eth1"_s), u"bond0"_s);
        QCOMPARE(masterOf(u"eth2"_s), QString());
        QVERIFY(isUp(u"eth2"_s));
    }

    // What can be checked before the first step is: nothing is tried.
    void applyDiffErrors_data()
    {
        QTest::addColumn<QStringList>("remove");
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QString>("primary");
        QTest::addColumn<QString>("error");
        const QString invalid = QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("release a stranger")
                << QStringList {u"eth2"_s} << QVariantMap() << QStringList() << QString() << invalid;
        QTest::newRow("release nothing there") << QStringList {u"eth9"_s} << QVariantMap() << QStringList()
                                               << QString() << QString::fromLatin1(E::NoSuchInterface);
        QTest::newRow("mode with slaves") << QStringList() << QVariantMap {{u"mode"_s, u"802.3ad"_s}}
                                          << QStringList() << QString() << invalid;
        QTest::newRow("add a taken one")
                << QStringList() << QVariantMap() << QStringList {u"bond0"_s} << QString() << invalid;
        QTest::newRow("add nothing there") << QStringList() << QVariantMap() << QStringList {u"eth9"_s}
                                           << QString() << QString::fromLatin1(E::NoSuchInterface);
        QTest::newRow("primary not a slave")
                << QStringList() << QVariantMap() << QStringList() << u"eth2"_s << invalid;
        QTest::newRow("primary released")
                << QStringList {u"eth1"_s} << QVariantMap() << QStringList() << u"eth1"_s << invalid;
    }

    void applyDiffErrors()
    {
        QFETCH(QStringList, remove);
        QFETCH(QVariantMap, options);
        QFETCH(QStringList, add);
        QFETCH(QString, primary);
        QFETCH(QString, error);
        createActiveBackup();
        ConfigDiff diff;
        diff.removeSlaves = remove;
        diff.options = options;
        diff.addSlaves = add;
        if (!primary.isEmpty())
            diff.primary = primary;
        const Outcome outcome = m_planner->applyDiff(u"bond0"_s, diff);
        QCOMPARE(errorName(outcome), error);
        QVERIFY2(outcome->text.endsWith(u'.'), qPrintable(outcome->text));
        QCOMPARE(m_kernel->calls, QStringList());
        QCOMPARE(errorName(m_planner->applyDiff(u"bond9"_s, ConfigDiff())),
                 QString::fromLatin1(E::NoSuchBond));
    }

    // The checks AddSlave and RemoveSlave make, without a change.
    void slaveChecksChangeNothing()
    {
        createActiveBackup();
        QCOMPARE(errorName(m_planner->checkAddSlave(u"bond0"_s, u"eth2"_s)), u"ok"_s);
        QCOMPARE(errorName(m_planner->checkAddSlave(u"bond0"_s, u"eth0"_s)), QString::fromLatin1(E::Busy));
        QCOMPARE(errorName(m_planner->checkAddSlave(u"bond9"_s, u"eth2"_s)),
                 QString::fromLatin1(E::NoSuchBond));
        QCOMPARE(errorName(m_planner->checkRemoveSlave(u"bond0"_s, u"eth0"_s)), u"ok"_s);
        QCOMPARE(errorName(m_planner->checkRemoveSlave(u"bond0"_s, u"eth2"_s)),
                 QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(errorName(m_planner->checkRemoveSlave(u"bond0"_s, u"eth9"_s)),
                 QString::fromLatin1(E::NoSuchInterface));
        QCOMPARE(m_kernel->calls, QStringList());
    }

    void deleteBond()
    {
        createActiveBackup();
        QCOMPARE(errorName(m_planner->deleteBond(u"bond0"_s)), u"ok"_s);
        QCOMPARE(links().find(u"bond0"_s), nullptr);
        // Released slaves are closed by the driver; they come back up as they were.
        for (const QString &slave : {u"eth0"_s, u"eth1"_s}) {
            QCOMPARE(masterOf(slave), QString());
            QVERIFY(isUp(slave));
        }
        const QStringList after = state();
        QCOMPARE(errorName(m_planner->deleteBond(u"bond0"_s)), QString::fromLatin1(E::NoSuchBond));
        QCOMPARE(errorName(m_planner->deleteBond(u"eth0"_s)), QString::fromLatin1(E::NoSuchBond));
        QCOMPARE(errorName(m_planner->deleteBond(u"../x"_s)), QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(state(), after);
    }

    // ad_select needs the bond down: it is taken down for it and brought back up.
    void setOptionThatNeedsTheBondDown()
    {
        createActiveBackup();
        QCOMPARE(errorName(m_planner->setOptions(u"bond0"_s, {{u"ad_select"_s, u"count"_s}})), u"ok"_s);
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"down bond0"_s, u"set bond0 ad_select=count"_s, u"up bond0"_s}));
        QCOMPARE(option(u"bond0"_s, u"ad_select"_s), u"count"_s);
        QVERIFY(isUp(u"bond0"_s));
    }

    // What is switched off goes first, so that MII and ARP monitoring never overlap.
    void setOptionsSwitchesOffFirst()
    {
        createActiveBackup();
        QCOMPARE(errorName(m_planner->setOptions(
                         u"bond0"_s,
                         {{u"arp_interval"_s, 100}, {u"arp_ip_target"_s, u"192.0.2.1"_s}, {u"miimon"_s, 0}})),
                 u"ok"_s);
        QCOMPARE(m_kernel->calls, (QStringList {u"set bond0 miimon=0"_s, u"set bond0 arp_interval=100"_s,
                                                u"set bond0 arp_ip_target=192.0.2.1"_s}));
        QCOMPARE(option(u"bond0"_s, u"arp_interval"_s), u"100"_s);
        QCOMPARE(option(u"bond0"_s, u"arp_ip_target"_s), u"192.0.2.1"_s);
    }

    // The mode first, with the (empty) bond down, then what depends on it.
    void modeChangeOfAnEmptyBond()
    {
        QCOMPARE(errorName(m_planner->createBond(u"bond2"_s, {}, {})), u"ok"_s);
        m_kernel->calls.clear();
        QCOMPARE(errorName(m_planner->setOptions(u"bond2"_s,
                                                 {{u"lacp_rate"_s, u"fast"_s}, {u"mode"_s, u"802.3ad"_s}})),
                 u"ok"_s);
        QCOMPARE(m_kernel->calls, (QStringList {u"down bond2"_s, u"set bond2 mode=802.3ad"_s,
                                                u"set bond2 lacp_rate=fast"_s, u"up bond2"_s}));
        QCOMPARE(option(u"bond2"_s, u"mode"_s), u"802.3ad"_s);
        QVERIFY(isUp(u"bond2"_s));
    }

    void setOptionsErrors_data()
    {
        QTest::addColumn<QString>("bond");
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QString>("error");
        const QString invalid = QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("no options") << u"bond0"_s << QVariantMap() << invalid;
        QTest::newRow("no such bond")
                << u"bond9"_s << QVariantMap {{u"miimon"_s, 10}} << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("not a bond") << u"eth2"_s << QVariantMap {{u"miimon"_s, 10}}
                                    << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("unparsable") << u"bond0"_s << QVariantMap {{u"miimon"_s, u"often"_s}} << invalid;
        // The driver refuses a mode change while the bond has slaves: said before trying.
        QTest::newRow("mode with slaves") << u"bond0"_s << QVariantMap {{u"mode"_s, u"802.3ad"_s}} << invalid;
        QTest::newRow("not in this mode")
                << u"bond0"_s << QVariantMap {{u"lacp_rate"_s, u"fast"_s}} << invalid;
        QTest::newRow("primary not a slave")
                << u"bond0"_s << QVariantMap {{u"primary"_s, u"eth3"_s}} << invalid;
        QTest::newRow("primary missing") << u"bond0"_s << QVariantMap {{u"primary"_s, u"eth9"_s}}
                                         << QString::fromLatin1(E::NoSuchInterface);
    }

    void setOptionsErrors()
    {
        QFETCH(QString, bond);
        QFETCH(QVariantMap, options);
        QFETCH(QString, error);
        createActiveBackup();
        const QStringList before = state();
        QCOMPARE(errorName(m_planner->setOptions(bond, options)), error);
        QCOMPARE(m_kernel->calls, QStringList());
        QCOMPARE(state(), before);
    }

    void addAndRemoveSlave()
    {
        createActiveBackup();
        QCOMPARE(errorName(m_planner->addSlave(u"bond0"_s, u"eth2"_s)), u"ok"_s);
        QCOMPARE(m_kernel->calls, (QStringList {u"down eth2"_s, u"enslave eth2 bond0"_s, u"up eth2"_s}));
        QCOMPARE(masterOf(u"eth2"_s), u"bond0"_s);
        QVERIFY(isUp(u"eth2"_s));

        m_kernel->calls.clear();
        QCOMPARE(errorName(m_planner->removeSlave(u"bond0"_s, u"eth2"_s)), u"ok"_s);
        QCOMPARE(m_kernel->calls, (QStringList {u"release eth2"_s, u"up eth2"_s}));
        QCOMPARE(masterOf(u"eth2"_s), QString());
        QVERIFY(isUp(u"eth2"_s));
    }

    // The kernel refuses eth3: it is left up and on its own, as it was.
    void refusedSlaveIsPutBack()
    {
        createActiveBackup();
        const QStringList before = state();
        QCOMPARE(errorName(m_planner->addSlave(u"bond0"_s, u"eth3"_s)), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls, (QStringList {u"down eth3"_s, u"enslave eth3 bond0"_s, u"up eth3"_s}));
        QCOMPARE(state(), before);
    }

    void slaveErrors_data()
    {
        QTest::addColumn<bool>("add");
        QTest::addColumn<QString>("bond");
        QTest::addColumn<QString>("slave");
        QTest::addColumn<QString>("error");
        const QString invalid = QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("add: in a bond already")
                << true << u"bond0"_s << u"eth0"_s << QString::fromLatin1(E::Busy);
        QTest::newRow("add: no such interface")
                << true << u"bond0"_s << u"eth9"_s << QString::fromLatin1(E::NoSuchInterface);
        QTest::newRow("add: no such bond")
                << true << u"bond9"_s << u"eth2"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("add: loopback") << true << u"bond0"_s << u"lo"_s << invalid;
        QTest::newRow("add: itself") << true << u"bond0"_s << u"bond0"_s << invalid;
        QTest::newRow("add: bad name") << true << u"bond0"_s << u"a b"_s << invalid;
        QTest::newRow("remove: not a slave") << false << u"bond0"_s << u"eth2"_s << invalid;
        QTest::newRow("remove: no such interface")
                << false << u"bond0"_s << u"eth9"_s << QString::fromLatin1(E::NoSuchInterface);
        QTest::newRow("remove: no such bond")
                << false << u"bond9"_s << u"eth0"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("remove: bad name") << false << u"bond0"_s << u"a/b"_s << invalid;
    }

    void slaveErrors()
    {
        QFETCH(bool, add);
        QFETCH(QString, bond);
        QFETCH(QString, slave);
        QFETCH(QString, error);
        createActiveBackup();
        const QStringList before = state();
        const Outcome outcome = add ? m_planner->addSlave(bond, slave) : m_planner->removeSlave(bond, slave);
        QCOMPARE(errorName(outcome), error);
        QVERIFY2(outcome->text.endsWith(u'.'), qPrintable(outcome->text));
        QCOMPARE(m_kernel->calls, QStringList());
        QCOMPARE(state(), before);
    }

    // Issue 18: another program renames the new bond while it is being made, and makes another
    // of the same name. The next step, by the new bond's ifindex, finds it renamed and fails;
    // the undo releases eth0 from it and deletes it under its new name; the other bond is left
    // alone.
    void renamedNewBondIsUndoneByIfindex()
    {
        renameAfter(u"enslave eth0 bond1"_s, u"bond1"_s, u"x"_s);
        const Outcome outcome = m_planner->createBond(u"bond1"_s, {{u"mode"_s, u"balance-xor"_s}},
                                                      {u"eth0"_s, u"eth1"_s});
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(outcome->text,
                 u"The kernel refused to add eth1 to bond1: bond1 has been renamed to x meanwhile."_s);
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"create bond1 mode"_s, u"down eth0"_s, u"enslave eth0 bond1"_s,
                               u"(renamed to x, another bond1 made)"_s, u"up eth0"_s, u"down eth1"_s,
                               u"enslave eth1 bond1 (now x)"_s,
                               // the undo, by ifindex
                               u"up eth1"_s, u"release eth0"_s, u"up eth0"_s, u"delete x"_s}));
        QCOMPARE(links().find(u"x"_s), nullptr);
        for (const QString &slave : {u"eth0"_s, u"eth1"_s}) {
            QCOMPARE(masterOf(slave), QString());
            QVERIFY(isUp(slave));
        }
        verifyOtherBondUntouched(u"bond1"_s);
    }

    // The same while options are set: the bond renamed once it is down is brought up again under
    // its new name, and the other bond of its old name gets no option.
    void renamedBondGetsItsOptionsUndoneByIfindex()
    {
        createActiveBackup();
        renameAfter(u"down bond0"_s, u"bond0"_s, u"x"_s);
        const Outcome outcome = m_planner->setOptions(u"bond0"_s, {{u"ad_select"_s, u"count"_s}});
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(outcome->text,
                 u"The kernel refused to set ad_select on bond0: bond0 has been renamed to x meanwhile."_s);
        QCOMPARE(m_kernel->calls, (QStringList {u"down bond0"_s, u"(renamed to x, another bond0 made)"_s,
                                                u"set bond0 (now x) ad_select=count"_s,
                                                // the undo, by ifindex
                                                u"up x"_s}));
        QVERIFY(isUp(u"x"_s));
        QCOMPARE(option(u"x"_s, u"ad_select"_s), QString());
        QCOMPARE(masterOf(u"eth0"_s), u"x"_s);
        verifyOtherBondUntouched(u"bond0"_s);
        QCOMPARE(option(u"bond0"_s, u"ad_select"_s), QString());
    }

    // A slave is not added to another bond that took the name meanwhile.
    void slaveIsNotAddedToABondThatTookTheName()
    {
        createActiveBackup();
        renameAfter(u"down eth2"_s, u"bond0"_s, u"x"_s);
        const Outcome outcome = m_planner->addSlave(u"bond0"_s, u"eth2"_s);
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(outcome->text,
                 u"The kernel refused to add eth2 to bond0: bond0 has been renamed to x meanwhile."_s);
        QCOMPARE(m_kernel->calls, (QStringList {u"down eth2"_s, u"(renamed to x, another bond0 made)"_s,
                                                u"enslave eth2 bond0 (now x)"_s, u"up eth2"_s}));
        QCOMPARE(masterOf(u"eth2"_s), QString());
        QVERIFY(isUp(u"eth2"_s));
        verifyOtherBondUntouched(u"bond0"_s);
    }

    // A slave whose removal is undone goes back to its own bond, renamed meanwhile, not to the
    // other bond of the old name, and active there again.
    void removedSlaveGoesBackToItsBondByIfindex()
    {
        createActiveBackup();
        renameAfter(u"release eth0"_s, u"bond0"_s, u"x"_s);
        m_kernel->refuse = u"up eth0"_s;
        QCOMPARE(errorName(m_planner->removeSlave(u"bond0"_s, u"eth0"_s)),
                 QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_kernel->calls,
                 (QStringList {u"release eth0"_s, u"(renamed to x, another bond0 made)"_s, u"up eth0"_s,
                               // the undo, by ifindex
                               u"enslave eth0 x"_s, u"up eth0"_s, u"set x active_slave=eth0"_s}));
        QCOMPARE(masterOf(u"eth0"_s), u"x"_s);
        QVERIFY(isUp(u"eth0"_s));
        QCOMPARE(m_kernel->activeSlave(u"x"_s), u"eth0"_s);
        verifyOtherBondUntouched(u"bond0"_s);
    }

    void addingABondAsSlaveIsRefused()
    {
        createActiveBackup();
        QCOMPARE(errorName(m_planner->createBond(u"bond1"_s, {}, {})), u"ok"_s);
        const Outcome outcome = m_planner->addSlave(u"bond0"_s, u"bond1"_s);
        QCOMPARE(errorName(outcome), QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(outcome->text, u"bond1 is itself a bond; choose a network interface."_s);
        QCOMPARE(masterOf(u"bond1"_s), QString());
    }
};

QTEST_GUILESS_MAIN(TestChangePlanner)
#include "TestChangePlanner.moc"
