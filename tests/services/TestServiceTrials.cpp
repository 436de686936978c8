// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A trial's saved configuration in each service (issue 15): nothing reaches /etc or
// NetworkManager's disk before the commit, the commit saves what the plain write would have, a
// discard leaves /etc byte for byte as it was. NetworkManager and systemd-networkd are the
// stand-ins of FakeNetworkDaemons.h on a bus of their own; the kernel is FakeKernelBackend; the
// files live under a temporary root (SystemRoot).
#include "ChangePlanner.h"
#include "FakeKernelBackend.h"
#include "FakeNetworkDaemons.h"
#include "IfupdownService.h"
#include "NetworkManagerService.h"
#include "NetworkdFiles.h"
#include "NetworkdService.h"
#include "ServiceFixtures.h"
#include "SystemRoot.h"
#include "TrialJournal.h"
#include "TrialManager.h"

#include <QDateTime>
#include <QJsonArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bm;
using namespace bm::helper;
using fixtures::s;

namespace {

constexpr uint InMemory = 0x2;
constexpr uint BlockAutoconnect = 0x20;
constexpr uint DeleteNewConnections = 0x2;
const QString Mac = QStringLiteral("52:54:00:12:34:56");

BondConfig bond0(const QStringList &slaves = {s("eth0"), s("eth1")})
{
    BondConfig c;
    c.name = s("bond0");
    c.options = {{s("mode"), s("active-backup")}, {s("miimon"), 100u}};
    c.slaves = slaves;
    return c;
}

// A trial open for `seconds`; what the service records lands in `part`.
ServiceTrial trial(const QString &id, QJsonObject *part, uint seconds = 60)
{
    ServiceTrial t;
    t.id = id;
    t.confirmWithin = seconds;
    t.deadlineUsec = qulonglong(QDateTime::currentMSecsSinceEpoch() + seconds * 1000LL) * 1000;
    t.record = [part](const QJsonObject &recorded) { *part = recorded; };
    return t;
}

// A trial `id` of bond0 over eth0, a minute long, from `before`.
Trial bond0Trial(const QString &id, const TrialSnapshot &before)
{
    Trial t;
    t.id = id;
    t.interfaces = {s("bond0"), s("eth0")};
    t.before = before;
    t.deadlineUsec = TrialManager::nowUsec() + 60000000ULL;
    return t;
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out << v.toString();
    return out;
}

// Every file under `folder` (relative name -> content).
QMap<QString, QByteArray> tree(const QString &folder)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out.insert(path.mid(folder.size()), f.readAll());
    }
    return out;
}

QByteArray read(const QString &hostPath)
{
    QFile f(SystemRoot::path(hostPath));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

NmConnection wiredProfile()
{
    NmConnection p;
    p.insert(s("connection"), {{s("id"), s("Wired eth0")},
                               {s("uuid"), s("0b6b1c1e-0000-4000-8000-000000000001")},
                               {s("type"), s("802-3-ethernet")},
                               {s("interface-name"), s("eth0")}});
    p.insert(s("ipv4"), {{s("method"), s("manual")},
                         {s("address-data"), QVariant::fromValue(QList<QVariantMap> {
                                                     {{s("address"), s("10.0.2.15")}, {s("prefix"), 24u}}})},
                         {s("gateway"), s("10.0.2.2")}});
    p.insert(s("ipv6"), {{s("method"), s("ignore")}});
    return p;
}

} // namespace

class TestServiceTrials : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    fixtures::FakeNetworkBus m_bus;
    std::unique_ptr<FakeKernelBackend> m_kernel;
    std::unique_ptr<ChangePlanner> m_planner;

    // `write` made on `service` while `t` is open, as the helper does it.
    Outcome inTrial(NetworkService &service, const ServiceTrial &t,
                    const std::function<void(NetworkService::Done)> &write)
    {
        service.setTrial(&t);
        const Outcome outcome = run(write);
        service.setTrial(nullptr);
        return outcome;
    }

    Outcome run(const std::function<void(NetworkService::Done)> &write)
    {
        int calls = 0;
        Outcome result;
        write([&](const Outcome &outcome) {
            ++calls;
            result = outcome;
        });
        if (!QTest::qWaitFor([&] { return calls > 0; }, 10000))
            return Failure {"timeout", s("no answer")};
        return result;
    }

    // Fails the running test with the failure's words unless `outcome` is success.
    static void verifyDone(const Outcome &outcome)
    {
        QVERIFY2(!outcome, outcome ? qPrintable(outcome->text) : "");
    }

    int ifindex(const char *name)
    {
        const QList<LinkInfo> links = m_kernel->dumpLinks().value_or(QList<LinkInfo>());
        for (const LinkInfo &l : links)
            if (l.name == s(name))
                return l.ifindex;
        return 0;
    }

    QString macOf(const char *name)
    {
        const QList<LinkInfo> links = m_kernel->dumpLinks().value_or(QList<LinkInfo>());
        for (const LinkInfo &l : links)
            if (l.name == s(name))
                return l.mac;
        return QString();
    }

    QString masterOf(const char *name)
    {
        const QList<LinkInfo> links = m_kernel->dumpLinks().value_or(QList<LinkInfo>());
        for (const LinkInfo &l : links)
            if (l.name == s(name))
                for (const LinkInfo &m : links)
                    if (m.ifindex == l.masterIndex && l.masterIndex != 0)
                        return m.name;
        return QString();
    }

    // networkd makes bond0 over eth0 and eth1 from a trial's files at Reload, as it would.
    void networkdMakesBond0AtReload()
    {
        m_bus.networkd()->onReload = [this] {
            if (QFile::exists(
                        SystemRoot::path(NetworkdFiles::trialPath(NetworkdFiles::netdevPath(s("bond0")))))
                && !ifindex("bond0"))
                m_planner->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                      {s("eth0"), s("eth1")});
        };
    }

    // networkd's state of eth0: configured from /etc/systemd/network/20-eth0.network.
    void networkdConfiguredEth0()
    {
        fixtures::writeFile(m_root.path(),
                            qPrintable(QStringLiteral("/run/systemd/netif/links/%1").arg(ifindex("eth0"))),
                            "ADMIN_STATE=configured\nNETWORK_FILE=/etc/systemd/network/20-eth0.network\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString error = m_bus.start({s("eth0"), s("eth1"), s("eth2"), s("mgmt0")});
        if (!error.isEmpty())
            QSKIP(qPrintable(error));
    }

    void init()
    {
        SystemRoot::setForTesting(m_root.path());
        qputenv("BM_FAKE_LINKS", "eth0,eth1,eth2");
        // eth0 carries 192.0.2.10/24 and the default route: the bond takes them over.
        qputenv("BM_FAKE_DEFAULT_ROUTE", "eth0");
        m_kernel = std::make_unique<FakeKernelBackend>();
        m_planner = std::make_unique<ChangePlanner>(m_kernel.get());
    }

    void cleanup()
    {
        m_planner.reset();
        m_kernel.reset();
        SystemRoot::setForTesting(QString());
        QDir(m_root.path()).removeRecursively();
        QDir().mkpath(m_root.path());
        m_bus.networkd()->onReload = nullptr;
    }

    // --- NetworkManager ---

    void nmStagesInMemoryAndCommitSaves()
    {
        auto *nm = m_bus.nm();
        nm->calls.clear();
        nm->addActiveProfile(wiredProfile());
        NetworkManagerService service(m_bus.client());
        QJsonObject part;
        const ServiceTrial t = trial(s("t1"), &part, 60);
        verifyDone(inTrial(service, t, [&](auto done) { service.create(bond0(), done); }));

        QCOMPARE(nm->checkpoints.size(), 1);
        const fixtures::NmCheckpoint checkpoint = nm->checkpoints.last();
        QCOMPARE(checkpoint.flags, DeleteNewConnections);
        QCOMPARE(checkpoint.devices, QStringList({nm->devicePath(s("eth0")), nm->devicePath(s("eth1"))}));
        // The trial's deadline (60 s) and a margin, never less than the deadline.
        QVERIFY2(checkpoint.timeoutS >= 60 && checkpoint.timeoutS <= 120,
                 qPrintable(QString::number(checkpoint.timeoutS)));

        const QList<fixtures::NmCall> added = nm->callsOf("AddConnection2");
        QCOMPARE(added.size(), 3); // the bond and two ports
        for (const fixtures::NmCall &c : added) {
            QCOMPARE(c.flags, InMemory | BlockAutoconnect);
            QVERIFY(!nm->onDisk.value(c.path));
        }
        // Carry-over: eth0's profile's addresses and its MAC are the bond's.
        const NmConnection bond = added.first().settings;
        QCOMPARE(NmSettings::interfaceName(bond), s("bond0"));
        QCOMPARE(bond.value(s("ipv4")).value(s("method")).toString(), s("manual"));
        QCOMPARE(bond.value(s("ipv4")).value(s("gateway")).toString(), s("10.0.2.2"));
        const auto addresses = bond.value(s("ipv4")).value(s("address-data")).value<QList<QVariantMap>>();
        QCOMPARE(addresses.size(), 1);
        QCOMPARE(addresses.first().value(s("address")).toString(), s("10.0.2.15"));
        QCOMPARE(bond.value(s("802-3-ethernet")).value(s("assigned-mac-address")).toString(), Mac);
        QVERIFY(nm->callsOf("Save").isEmpty());
        QVERIFY(nm->destroyed.isEmpty());
        QCOMPARE(part.value(s("checkpoint")).toString(), checkpoint.path);
        QCOMPARE(strings(part.value(s("interfaces"))), QStringList({s("bond0"), s("eth0"), s("eth1")}));
        QCOMPARE(strings(part.value(s("created"))).size(), 3);

        verifyDone(run([&](auto done) { service.commitTrial(s("t1"), part, done); }));
        QCOMPARE(nm->callsOf("Save").size(), 3);
        for (const fixtures::NmCall &c : added)
            QVERIFY(nm->onDisk.value(c.path));
        QCOMPARE(nm->destroyed, QStringList {checkpoint.path});
        QVERIFY(nm->rolledBack.isEmpty());
    }

    void nmDiscardRollsTheCheckpointBack()
    {
        auto *nm = m_bus.nm();
        nm->calls.clear();
        nm->destroyed.clear();
        nm->rolledBack.clear();
        NetworkManagerService service(m_bus.client());
        QJsonObject part;
        const ServiceTrial t = trial(s("t2"), &part, 30);
        verifyDone(inTrial(service, t, [&](auto done) { service.create(bond0({s("eth2")}), done); }));
        const QString checkpoint = nm->checkpoints.last().path;
        QCOMPARE(nm->checkpoints.last().flags, DeleteNewConnections);
        verifyDone(run([&](auto done) { service.rollbackTrial(s("t2"), part, done); }));
        QCOMPARE(nm->rolledBack, QStringList {checkpoint});
        QVERIFY(nm->destroyed.isEmpty());
        QVERIFY(nm->callsOf("Save").isEmpty());
        for (const fixtures::NmCall &c : nm->callsOf("AddConnection2"))
            QVERIFY(!nm->profiles.contains(c.path));
    }

    void nmChangeKeepsLeavingPortsUntilCommit()
    {
        auto *nm = m_bus.nm();
        // bond0 over eth0 and eth1 as the commit above left it; eth1 leaves, eth2 joins.
        QString leaving;
        for (auto it = nm->profiles.cbegin(); it != nm->profiles.cend(); ++it)
            if (NmSettings::portController(it.value()) == s("bond0")
                && NmSettings::interfaceName(it.value()) == s("eth1"))
                leaving = it.key();
        QVERIFY(!leaving.isEmpty());
        nm->calls.clear();
        NetworkManagerService service(m_bus.client());
        QJsonObject part;
        const ServiceTrial t = trial(s("t3"), &part, 60);
        verifyDone(inTrial(service, t, [&](auto done) {
            service.change(bond0(), bond0({s("eth0"), s("eth2")}), done);
        }));
        QCOMPARE(strings(part.value(s("remove"))), QStringList {leaving});
        QVERIFY(nm->callsOf("Delete").isEmpty());
        const QList<fixtures::NmCall> updates = nm->callsOf("Update2");
        QVERIFY(!updates.isEmpty());
        for (const fixtures::NmCall &c : updates)
            QCOMPARE(c.flags, InMemory);
        QVERIFY(nm->profiles.contains(leaving));
        QCOMPARE(nm->profiles.value(leaving).value(s("connection")).value(s("autoconnect")), QVariant(false));
        for (const fixtures::NmCall &c : nm->callsOf("AddConnection2"))
            QCOMPARE(c.flags, InMemory | BlockAutoconnect);

        // Disconnecting eth1 blocked its autoconnect: the commit lifts that, as a plain deletion
        // never set it, so that eth1's own profile can come back.
        QCOMPARE(strings(part.value(s("released"))), QStringList {s("eth1")});
        verifyDone(run([&](auto done) { service.commitTrial(s("t3"), part, done); }));
        const QList<fixtures::NmCall> sets = nm->callsOf("Set");
        QCOMPARE(sets.size(), 1);
        QCOMPARE(sets.first().path, nm->devicePath(s("eth1")));
        QVERIFY(!nm->profiles.contains(leaving));
        QCOMPARE(nm->destroyed.last(), nm->checkpoints.last().path);
    }

    // mgmt0 as the lab has it: configured by someone else, NetworkManager only follows it
    // ("connected (externally)", a profile it generated). NetworkManager's rollback would
    // activate that profile as one of its own; the helper's snapshot puts mgmt0 back instead.
    void nmLeavesAFollowedSlaveToTheHelper()
    {
        auto *nm = m_bus.nm();
        nm->calls.clear();
        nm->rolledBack.clear();
        const qsizetype checkpoints = nm->checkpoints.size();
        NmConnection generated = wiredProfile();
        generated.insert(s("connection"), {{s("id"), s("mgmt0")},
                                           {s("uuid"), s("0b6b1c1e-0000-4000-8000-000000000002")},
                                           {s("type"), s("802-3-ethernet")},
                                           {s("interface-name"), s("mgmt0")}});
        nm->addActiveProfile(generated, true);
        NetworkManagerService service(m_bus.client());
        QJsonObject part;
        const ServiceTrial t = trial(s("t4"), &part, 30);
        BondConfig bond1 = bond0({s("mgmt0")});
        bond1.name = s("bond1");
        verifyDone(inTrial(service, t, [&](auto done) { service.create(bond1, done); }));

        // No device is left for a checkpoint, and none would mean all of them.
        QCOMPARE(nm->checkpoints.size(), checkpoints);
        QVERIFY(part.value(s("checkpoint")).toString().isEmpty());
        QCOMPARE(strings(part.value(s("interfaces"))), QStringList {s("bond1")});
        QCOMPARE(strings(part.value(s("external"))), QStringList {s("mgmt0")});
        // Carried over all the same, from the generated profile.
        const NmConnection bond = nm->callsOf("AddConnection2").first().settings;
        QCOMPARE(NmSettings::interfaceName(bond), s("bond1"));
        const auto addresses = bond.value(s("ipv4")).value(s("address-data")).value<QList<QVariantMap>>();
        QCOMPARE(addresses.size(), 1);
        QCOMPARE(addresses.first().value(s("address")).toString(), s("10.0.2.15"));
        const QStringList created = strings(part.value(s("created")));
        QCOMPARE(created.size(), 2);

        nm->calls.clear();
        verifyDone(run([&](auto done) { service.rollbackTrial(s("t4"), part, done); }));
        QVERIFY(nm->rolledBack.isEmpty());
        for (const QString &p : created)
            QVERIFY(!nm->profiles.contains(p));
        // The rollback waits until NetworkManager has let go of mgmt0 (its port is gone), so
        // that the helper's restore comes after NetworkManager's deactivation, not before.
        qsizetype lastDelete = -1;
        qsizetype stateAfter = -1;
        for (qsizetype i = 0; i < nm->calls.size(); ++i) {
            if (nm->calls.at(i).member == s("Delete"))
                lastDelete = i;
            else if (lastDelete >= 0 && nm->calls.at(i).member == s("Get")
                     && nm->calls.at(i).path == nm->devicePath(s("mgmt0")))
                stateAfter = i;
        }
        QVERIFY(lastDelete >= 0);
        QVERIFY(stateAfter > lastDelete);
    }

    // A trial's write that failed undid its own part (TrialManager::abandon), but NetworkManager's
    // undo does not cover a slave it only followed: the helper puts that back from its snapshot.
    void failedWriteRestoresWhatTheServiceLeft()
    {
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(),
                                                                        {s("bond0"), s("eth0")});
        QVERIFY(before);
        TrialManager trials(m_kernel.get(), [](const QString &) { return nullptr; });
        const Trial t = bond0Trial(s("t5"), *before);
        QVERIFY(!trials.open(t));
        trials.record(t.id, s("NetworkManager"),
                      {{s("interfaces"), QJsonArray {s("bond0")}}, {s("external"), QJsonArray {s("eth0")}}});
        // What a failed write leaves: eth0 in bond0 without its address.
        verifyDone(m_planner->createBond(s("bond0"), {{s("mode"), s("active-backup")}}, {s("eth0")}));
        const QList<AddressInfo> addresses = m_kernel->dumpAddresses().value_or(QList<AddressInfo>());
        for (const AddressInfo &a : addresses)
            if (a.ifindex == ifindex("eth0") && a.address == s("192.0.2.10/24"))
                QVERIFY(m_kernel->deleteAddress(a).ok());
        QCOMPARE(masterOf("eth0"), s("bond0"));

        trials.abandon(t.id);
        QVERIFY(masterOf("eth0").isEmpty());
        bool back = false;
        for (const AddressInfo &a : m_kernel->dumpAddresses().value_or(QList<AddressInfo>()))
            back = back || (a.ifindex == ifindex("eth0") && a.address == s("192.0.2.10/24"));
        QVERIFY(back);
        QVERIFY(TrialJournal::all().isEmpty());
        QCOMPARE(trials.count(), 0);
    }

    // NetworkManager's dispatcher with ifenslave's if-post-down hook frees every port NM
    // attaches: a bond with slaves is refused until one of them is not executable.
    void nmRefusesPortsWhenIfenslaveHookRuns()
    {
        NetworkManagerService service(m_bus.client());
        QVERIFY(service.refusal(bond0()).isEmpty());
        fixtures::writeFile(m_root.path(), "/etc/NetworkManager/dispatcher.d/01-ifupdown", "#!/bin/sh\n");
        fixtures::writeFile(m_root.path(), "/etc/network/if-post-down.d/ifenslave", "#!/bin/sh\n");
        const QFileDevice::Permissions exec = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                              | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                                              | QFileDevice::ExeOther;
        const QString hook = m_root.path() + s("/etc/network/if-post-down.d/ifenslave");
        QVERIFY(QFile::setPermissions(m_root.path() + s("/etc/NetworkManager/dispatcher.d/01-ifupdown"), exec));
        QVERIFY(service.refusal(bond0()).isEmpty()); // the hook is not executable
        QVERIFY(QFile::setPermissions(hook, exec));
        const QString why = service.refusal(bond0());
        QVERIFY2(why.contains(s("ifenslave")) && why.contains(s("bond0")), qPrintable(why));
        QVERIFY(service.refusal(bond0({})).isEmpty()); // no ports: nothing to free
        QVERIFY(QFile::setPermissions(hook, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(service.refusal(bond0()).isEmpty());
    }

    // The write asks, before TrialManager::started, whether a service recorded a part (and so
    // configures the bond's addresses itself, dbus/Service.cpp): opening() has it, find() and
    // pending() know the trial only once it is started.
    void openingTrialShowsTheServicesPartBeforeStart()
    {
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(), {s("eth0")});
        QVERIFY(before);
        TrialManager trials(m_kernel.get(), [](const QString &) { return nullptr; });
        QSignalSpy started(&trials, &TrialManager::trialStarted);
        const Trial t = bond0Trial(s("t6"), *before);
        QVERIFY(!trials.open(t));
        QVERIFY(!trials.opening(s("t7")));
        trials.record(t.id, s("NetworkManager"), {{s("interfaces"), QJsonArray {s("bond0")}}});

        const Trial *open = trials.opening(t.id);
        QVERIFY(open);
        QVERIFY(open->services.contains(s("NetworkManager")));
        QVERIFY(!trials.find(t.id));
        QVERIFY(trials.pending().isEmpty());
        QCOMPARE(started.count(), 0);

        trials.started(t.id);
        QCOMPARE(started.count(), 1);
        QCOMPARE(trials.find(t.id), trials.opening(t.id));
        QCOMPARE(trials.pending().size(), 1);
        trials.abandon(t.id);
        QVERIFY(!trials.opening(t.id));
        QVERIFY(TrialJournal::all().isEmpty());
    }

    // --- systemd-networkd ---

    void networkdStagesInRunAndCommitMoves()
    {
        fixtures::writeFile(m_root.path(), "/etc/systemd/network/20-eth0.network",
                            "[Match]\nName=eth0\n\n[Network]\nAddress=10.0.2.15/24\nGateway=10.0.2.2\n"
                            "DNS=10.0.2.3\n");
        networkdConfiguredEth0();
        const auto etcBefore = tree(SystemRoot::path(s("/etc")));
        networkdMakesBond0AtReload();
        NetworkdService service(m_planner.get(), m_kernel.get(), m_bus.client());
        QJsonObject part;
        const ServiceTrial t = trial(s("n1"), &part);
        verifyDone(inTrial(service, t, [&](auto done) { service.create(bond0(), done); }));

        QCOMPARE(tree(SystemRoot::path(s("/etc"))), etcBefore);
        const QString netdev = NetworkdFiles::trialPath(NetworkdFiles::netdevPath(s("bond0")));
        const QString network = NetworkdFiles::trialPath(NetworkdFiles::networkPath(s("bond0")));
        QCOMPARE(netdev, s("/run/systemd/network/09-bond-manager-bond0.netdev"));
        QVERIFY(read(netdev).contains(QByteArray("MACAddress=" + macOf("eth0").toUtf8() + "\n")));
        const QByteArray bondNetwork = read(network);
        QVERIFY2(bondNetwork.contains("Address=10.0.2.15/24\n") && bondNetwork.contains("Gateway=10.0.2.2\n")
                         && bondNetwork.contains("DNS=10.0.2.3\n"),
                 bondNetwork.constData());
        QCOMPARE(masterOf("eth0"), s("bond0"));
        const QMap<QString, QByteArray> staged = tree(SystemRoot::path(s("/run/systemd/network")));
        QCOMPARE(staged.size(), 4);
        QCOMPARE(strings(part.value(s("runFiles"))).size(), 4);

        const int reloads = m_bus.networkd()->reloads;
        verifyDone(run([&](auto done) { service.commitTrial(s("n1"), part, done); }));
        QVERIFY(tree(SystemRoot::path(s("/run/systemd/network"))).isEmpty());
        for (auto it = staged.cbegin(); it != staged.cend(); ++it) {
            const QString etc = s("/etc/systemd/network/10-") + it.key().mid(it.key().indexOf(s("09-")) + 3);
            QCOMPARE(read(etc), it.value());
        }
        QCOMPARE(read(s("/etc/systemd/network/20-eth0.network")),
                 etcBefore.value(s("/systemd/network/20-eth0.network")));
        QCOMPARE(m_bus.networkd()->reloads, reloads + 1);
        QVERIFY(service.load(s("bond0")));
    }

    // The write gives bond0 an address of its own (lab_saving's --ip4 10.77.0.60/24): eth0's
    // IPv4 address and gateway stay out of the bond's file, its DNS and MAC come; until the
    // commit the bond is saved in /etc only once confirmed (pending).
    void networkdKeepsTheWrittenAddress()
    {
        fixtures::writeFile(m_root.path(), "/etc/systemd/network/20-eth0.network",
                            "[Match]\nName=eth0\n\n[Network]\nAddress=10.77.0.70/24\nGateway=10.77.0.1\n"
                            "DNS=10.77.0.1\n");
        networkdConfiguredEth0();
        networkdMakesBond0AtReload();
        NetworkdService service(m_planner.get(), m_kernel.get(), m_bus.client());
        QJsonObject part;
        const ServiceTrial t = trial(s("n3"), &part);
        BondConfig config = bond0();
        config.ip.ipv4Method = Ipv4Method::Static;
        config.ip.ipv4Addresses = {s("10.77.0.60/24")};
        verifyDone(inTrial(service, t, [&](auto done) { service.create(config, done); }));
        const QByteArray bondNetwork = read(NetworkdFiles::trialPath(NetworkdFiles::networkPath(s("bond0"))));
        QVERIFY2(bondNetwork.contains("Address=10.77.0.60/24\n") && !bondNetwork.contains("10.77.0.70")
                         && !bondNetwork.contains("Gateway=") && bondNetwork.contains("DNS=10.77.0.1\n"),
                 bondNetwork.constData());
        QVERIFY(read(NetworkdFiles::trialPath(NetworkdFiles::netdevPath(s("bond0"))))
                        .contains(QByteArray("MACAddress=" + macOf("eth0").toUtf8() + "\n")));
        const std::optional<SavedBond> staged = service.load(s("bond0"));
        QVERIFY(staged && staged->where.pending);
        QCOMPARE(staged->where.location, NetworkdFiles::netdevPath(s("bond0")));
        QCOMPARE(staged->config.ip.ipv4Addresses, QStringList {s("10.77.0.60/24")});

        verifyDone(run([&](auto done) { service.commitTrial(s("n3"), part, done); }));
        const std::optional<SavedBond> saved = service.load(s("bond0"));
        QVERIFY(saved && !saved->where.pending);
        QCOMPARE(saved->config.ip.ipv4Addresses, QStringList {s("10.77.0.60/24")});
    }

    void networkdDiscardLeavesEtcAsItWas()
    {
        fixtures::writeFile(m_root.path(), "/etc/systemd/network/20-eth0.network",
                            "[Match]\nName=eth0\n\n[Network]\nDHCP=ipv4\n");
        const auto etcBefore = tree(SystemRoot::path(s("/etc")));
        networkdMakesBond0AtReload();
        NetworkdService service(m_planner.get(), m_kernel.get(), m_bus.client());
        QJsonObject part;
        const ServiceTrial t = trial(s("n2"), &part);
        verifyDone(inTrial(service, t, [&](auto done) { service.create(bond0(), done); }));
        QVERIFY(!tree(SystemRoot::path(s("/run/systemd/network"))).isEmpty());
        const int reloads = m_bus.networkd()->reloads;
        verifyDone(run([&](auto done) { service.rollbackTrial(s("n2"), part, done); }));
        QVERIFY(tree(SystemRoot::path(s("/run/systemd/network"))).isEmpty());
        QCOMPARE(tree(SystemRoot::path(s("/etc"))), etcBefore);
        QCOMPARE(m_bus.networkd()->reloads, reloads + 1);
    }

    // A networkd trial rolled back: the helper puts the links back from its snapshot first (eth0
    // out of bond0 with its address, bond0 gone) and only then has networkd read its files again,
    // the trial's gone: a Reload is answered once networkd has read every file, which takes
    // seconds on a slow machine, and the host is to be reachable again without waiting for it.
    void networkdRollsBackAfterTheKernel()
    {
        fixtures::writeFile(m_root.path(), "/etc/systemd/network/20-eth0.network",
                            "[Match]\nName=eth0\n\n[Network]\nAddress=192.0.2.10/24\nGateway=192.0.2.1\n");
        networkdConfiguredEth0();
        networkdMakesBond0AtReload();
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(),
                                                                        {s("bond0"), s("eth0"), s("eth1")});
        QVERIFY(before);
        NetworkdService service(m_planner.get(), m_kernel.get(), m_bus.client());
        TrialManager trials(m_kernel.get(), [&service](const QString &name) -> NetworkService * {
            return name == s("networkd") ? &service : nullptr;
        });
        Trial t;
        t.id = s("n4");
        t.interfaces = {s("bond0"), s("eth0"), s("eth1")};
        t.before = *before;
        t.deadlineUsec = TrialManager::nowUsec() + 60000000ULL;
        QVERIFY(!trials.open(t));
        QJsonObject part;
        ServiceTrial st = trial(t.id, &part);
        st.record = [&trials, &t](const QJsonObject &recorded) {
            trials.record(t.id, s("networkd"), recorded);
        };
        verifyDone(inTrial(service, st, [&](auto done) { service.create(bond0(), done); }));
        trials.started(t.id);
        QCOMPARE(masterOf("eth0"), s("bond0"));

        // What networkd finds when it is asked to read its files again.
        int reloads = 0;
        QString eth0Master = s("?");
        bool bondThere = true;
        bool eth0Address = false;
        QMap<QString, QByteArray> trialFiles;
        m_bus.networkd()->onReload = [&] {
            ++reloads;
            eth0Master = masterOf("eth0");
            bondThere = ifindex("bond0") != 0;
            for (const AddressInfo &a : m_kernel->dumpAddresses().value_or(QList<AddressInfo>()))
                eth0Address = eth0Address
                              || (a.ifindex == ifindex("eth0") && a.address == s("192.0.2.10/24"));
            trialFiles = tree(SystemRoot::path(s("/run/systemd/network")));
        };
        QSignalSpy rolledBack(&trials, &TrialManager::trialRolledBack);
        verifyDone(run([&](auto done) { trials.rollback(t.id, s("asked"), done); }));
        QCOMPARE(reloads, 1);
        QVERIFY2(eth0Master.isEmpty(), qPrintable(eth0Master));
        QVERIFY(!bondThere);
        QVERIFY(eth0Address);
        QVERIFY(trialFiles.isEmpty());
        QCOMPARE(rolledBack.count(), 1);
        QCOMPARE(rolledBack.at(0).at(1).toString(), s("asked"));
        QVERIFY(TrialJournal::all().isEmpty());
        QCOMPARE(trials.count(), 0);
    }

    // --- ifupdown ---

    void ifupdownWritesOnlyAtCommit_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::newRow("confirmed") << true;
        QTest::newRow("discarded") << false;
    }

    void ifupdownWritesOnlyAtCommit()
    {
        QFETCH(bool, confirm);
        // ifup and ifdown fail if run at all: a trial must not run them.
        fixtures::writeFile(m_root.path(), "/sbin/ifup", "#!/bin/sh\nexit 1\n");
        fixtures::writeFile(m_root.path(), "/sbin/ifdown", "#!/bin/sh\nexit 1\n");
        for (const char *p : {"/sbin/ifup", "/sbin/ifdown"})
            QFile::setPermissions(SystemRoot::path(s(p)),
                                  QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner);
        fixtures::writeFile(m_root.path(), "/etc/network/if-pre-up.d/ifenslave", "#!/bin/sh\n");
        fixtures::writeFile(m_root.path(), "/etc/network/interfaces",
                            "source /etc/network/interfaces.d/*\n\nauto eth0\niface eth0 inet static\n"
                            "    address 10.0.2.15/24\n    gateway 10.0.2.2\n");
        QDir().mkpath(SystemRoot::path(s("/etc/network/interfaces.d")));
        const auto etcBefore = tree(SystemRoot::path(s("/etc")));

        IfupdownService service(m_planner.get(), m_kernel.get());
        QJsonObject part;
        const ServiceTrial t = trial(s("i1"), &part);
        verifyDone(inTrial(service, t, [&](auto done) { service.create(bond0(), done); }));
        QCOMPARE(part.value(s("carriedFrom")).toString(), s("eth0"));
        QCOMPARE(masterOf("eth0"), s("bond0"));
        QCOMPARE(masterOf("eth1"), s("bond0"));
        QCOMPARE(tree(SystemRoot::path(s("/etc"))), etcBefore);

        if (!confirm) {
            verifyDone(run([&](auto done) { service.rollbackTrial(s("i1"), part, done); }));
            QCOMPARE(tree(SystemRoot::path(s("/etc"))), etcBefore);
            return;
        }
        // Until the commit, where the bond will be saved, held aside.
        const std::optional<SavedBond> staged = service.load(s("bond0"));
        QVERIFY(staged && staged->where.pending);
        QCOMPARE(staged->where.location, s("/etc/network/interfaces.d/bond-manager-bond0"));
        QCOMPARE(staged->config.ip.ipv4Addresses, QStringList {s("10.0.2.15/24")});
        // The commit hands the bond to ifupdown without its hooks, which would take the
        // enslaved slaves down.
        fixtures::writeFile(
                m_root.path(), "/sbin/ifup",
                qPrintable(QStringLiteral("#!/bin/sh\necho \"$*\" >>%1/ifup.log\n").arg(m_root.path())));
        QFile::setPermissions(SystemRoot::path(s("/sbin/ifup")),
                              QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner);
        verifyDone(run([&](auto done) { service.commitTrial(s("i1"), part, done); }));
        QFile log(m_root.path() + s("/ifup.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll(), QByteArray("--no-scripts --ignore-errors -- bond0\n"));
        QVERIFY(!service.load(s("bond0"))->where.pending);
        const QByteArray stanza = read(s("/etc/network/interfaces.d/bond-manager-bond0"));
        QVERIFY2(stanza.contains("iface bond0 inet static") && stanza.contains("10.0.2.15")
                         && stanza.contains("gateway 10.0.2.2")
                         && stanza.contains(QByteArray("hwaddress ether " + macOf("eth0").toUtf8())),
                 stanza.constData());
        QVERIFY(read(s("/etc/network/interfaces")).contains("iface eth0 inet manual"));
        QVERIFY(service.load(s("bond0")));
    }

    // eth0 gets its address from ifupdown's DHCP client (inet dhcp, dhclient with its pid file):
    // the bond is saved as DHCP with eth0's MAC, so that the server gives it the same lease, and
    // the commit stops eth0's client without a release (-x) before ifup starts the bond's.
    void ifupdownCarriesDhcpAndStopsTheSlavesClient()
    {
        const QString log = m_root.path() + s("/commands.log");
        for (const char *p : {"/sbin/ifup", "/sbin/dhclient"}) {
            fixtures::writeFile(m_root.path(), p,
                                qPrintable(QStringLiteral("#!/bin/sh\necho \"%1 $*\" >>%2\n")
                                                   .arg(QFileInfo(QString::fromLatin1(p)).fileName(), log)));
            QFile::setPermissions(SystemRoot::path(QString::fromLatin1(p)),
                                  QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner);
        }
        // ifdown fails if run at all: nothing of eth0's is taken down, nor its lease released.
        fixtures::writeFile(m_root.path(), "/sbin/ifdown", "#!/bin/sh\nexit 1\n");
        QFile::setPermissions(SystemRoot::path(s("/sbin/ifdown")),
                              QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner);
        fixtures::writeFile(m_root.path(), "/etc/network/if-pre-up.d/ifenslave", "#!/bin/sh\n");
        fixtures::writeFile(m_root.path(), "/etc/network/interfaces",
                            "source /etc/network/interfaces.d/*\n\nauto eth0\niface eth0 inet dhcp\n");
        fixtures::writeFile(m_root.path(), "/run/dhclient.eth0.pid", "4242\n");
        QDir().mkpath(SystemRoot::path(s("/etc/network/interfaces.d")));

        IfupdownService service(m_planner.get(), m_kernel.get());
        QJsonObject part;
        const ServiceTrial t = trial(s("i2"), &part);
        verifyDone(inTrial(service, t, [&](auto done) { service.create(bond0(), done); }));
        QCOMPARE(part.value(s("carriedFrom")).toString(), s("eth0"));
        QVERIFY(!QFile::exists(log));
        const std::optional<SavedBond> staged = service.load(s("bond0"));
        QVERIFY(staged && staged->where.pending);
        QCOMPARE(staged->config.ip.ipv4Method, Ipv4Method::Dhcp);

        verifyDone(run([&](auto done) { service.commitTrial(s("i2"), part, done); }));
        QFile commands(log);
        QVERIFY(commands.open(QIODevice::ReadOnly));
        QCOMPARE(commands.readAll(), QByteArray("dhclient -x -pf /run/dhclient.eth0.pid eth0\n"
                                                "ifup --no-scripts --ignore-errors -- bond0\n"));
        const QByteArray stanza = read(s("/etc/network/interfaces.d/bond-manager-bond0"));
        QVERIFY2(stanza.contains("iface bond0 inet dhcp")
                         && stanza.contains(QByteArray("hwaddress ether " + macOf("eth0").toUtf8()))
                         && !stanza.contains("192.0.2.10"),
                 stanza.constData());
        QVERIFY(read(s("/etc/network/interfaces")).contains("iface eth0 inet manual"));
    }
};

QTEST_GUILESS_MAIN(TestServiceTrials)

#include "TestServiceTrials.moc"
