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

// The fake kernel, with every change request written down in the order it came. It refuses the
// request written as `refuse` the first time it comes, for whatever reason a real kernel may have.
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
    KernelResult deleteLink(const QString &name) override
    {
        if (auto r = record(u"delete %1"_s.arg(name)))
            return *r;
        return FakeKernelBackend::deleteLink(name);
    }
    KernelResult setBondOptions(const QString &bond, const QVariantMap &options) override
    {
        for (auto it = options.cbegin(); it != options.cend(); ++it)
            if (auto r = record(u"set %1 %2=%3"_s.arg(bond, it.key(), text(it.value()))))
                return *r;
        return FakeKernelBackend::setBondOptions(bond, options);
    }
    KernelResult setMaster(const QString &slave, const QString &master) override
    {
        if (auto r = record(master.isEmpty() ? u"release %1"_s.arg(slave)
                                             : u"enslave %1 %2"_s.arg(slave, master)))
            return *r;
        return FakeKernelBackend::setMaster(slave, master);
    }
    KernelResult setUp(const QString &name, bool up) override
    {
        if (auto r = record(u"%1 %2"_s.arg(up ? u"up"_s : u"down"_s, name)))
            return *r;
        return FakeKernelBackend::setUp(name, up);
    }

private:
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

    bool isUp(const QString &name) const
    {
        const LinkTable table = links();
        const LinkInfo *link = table.find(name);
        return link && link->adminUp;
    }

    void createActiveBackup()
    {
        QCOMPARE(errorName(m_planner->createBond(u"bond0"_s,
                                                 {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}},
                                                 {u"eth0"_s, u"eth1"_s})),
                 u"ok"_s);
        m_kernel->calls.clear();
    }

private Q_SLOTS:
    void init()
    {
        qputenv("BM_FAKE_LINKS", "eth0,eth1,eth2,eth3");
        qputenv("BM_FAKE_REFUSE_ENSLAVE", "eth3");
        qunsetenv("BM_FAKE_DEFAULT_ROUTE");
        qunsetenv("BM_FAKE_NO_BONDING");
        qunsetenv("BM_FAKE_BONDING_MODULE");
        m_kernel = std::make_unique<RecordingKernel>();
        m_planner = std::make_unique<ChangePlanner>(m_kernel.get());
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
