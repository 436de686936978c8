// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NetworkdService when systemd-networkd does not answer (no bus): every write ends in
// ServiceRefused with the bus's words, and whatever it had done is undone, in the files (under a
// temporary root) and in the in-memory kernel. What networkd itself does with the files is proven
// in the lab (tests/lab/services/TestNetworkdLab.cpp).
#include "ChangePlanner.h"
#include "FakeKernelBackend.h"
#include "NetworkdFiles.h"
#include "NetworkdService.h"
#include "SystemRoot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace bm;
using namespace bm::helper;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

BondConfig bond0(uint miimon = 100, const QStringList &slaves = {s("eth0"), s("eth1")})
{
    BondConfig c;
    c.name = s("bond0");
    c.options = {{s("mode"), s("active-backup")}, {s("miimon"), miimon}};
    c.slaves = slaves;
    c.primary = s("eth0");
    c.ip.ipv4Method = Ipv4Method::Static;
    c.ip.ipv4Addresses = {s("10.77.0.60/24")};
    return c;
}

} // namespace

class TestNetworkdService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    std::unique_ptr<FakeKernelBackend> m_kernel;
    std::unique_ptr<ChangePlanner> m_planner;
    std::unique_ptr<NetworkdService> m_service;

    Outcome run(const std::function<void(NetworkService::Done)> &write)
    {
        int calls = 0;
        Outcome result;
        write([&](const Outcome &outcome) {
            ++calls;
            result = outcome;
        });
        if (!QTest::qWaitFor([&] { return calls > 0; }, 5000))
            return Failure {"timeout", s("no answer")};
        QTest::qWait(20);
        if (calls != 1)
            return Failure {"twice", s("answered more than once")};
        return result;
    }

    QByteArray file(const QString &path) const { return readAll(SystemRoot::path(path)); }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }

    const LinkInfo *find(QList<LinkInfo> &links, const char *name)
    {
        for (LinkInfo &l : links)
            if (l.name == s(name))
                return &l;
        return nullptr;
    }

    // The saved bond0 of `config`, as a create through networkd would have left it.
    void saveBond0(const BondConfig &config)
    {
        QVERIFY(!m_planner->createBond(config.name,
                                       {{s("mode"), s("active-backup")},
                                        {s("miimon"), config.options.value(s("miimon"))},
                                        {s("primary"), config.primary}},
                                       config.slaves));
        for (const FileChange &f : NetworkdFiles::generate(config).files)
            QCOMPARE(AtomicFile::apply(f), QString());
    }

    void verifyRefusedByTheBus(const Outcome &outcome)
    {
        QVERIFY(outcome);
        QCOMPARE(outcome->name, "org.bondmanager.Error.ServiceRefused");
        QVERIFY2(outcome->text.startsWith(s("systemd-networkd could not reload its configuration: ")),
                 qPrintable(outcome->text));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(QDir(m_root.path()).mkpath(s("etc/systemd/network")));
        SystemRoot::setForTesting(m_root.path());
        qputenv("BM_FAKE_LINKS", "eth0,eth1,eth2");
        m_kernel = std::make_unique<FakeKernelBackend>();
        m_planner = std::make_unique<ChangePlanner>(m_kernel.get());
        // A connection that never connected: every call fails at once, as with no networkd.
        m_service = std::make_unique<NetworkdService>(m_planner.get(), m_kernel.get(),
                                                      QDBusConnection(s("bm-no-bus")));
    }

    void cleanup()
    {
        m_service.reset();
        m_planner.reset();
        m_kernel.reset();
        SystemRoot::setForTesting(QString());
        QDir(m_root.path() + s("/etc")).removeRecursively();
    }

    void createUndone()
    {
        verifyRefusedByTheBus(run([&](auto done) { m_service->create(bond0(), done); }));
        QVERIFY(QDir(SystemRoot::path(s("/etc/systemd/network"))).isEmpty());
        auto links = *m_kernel->dumpLinks();
        QVERIFY(!find(links, "bond0"));
    }

    void createRefusedBeforeWriting()
    {
        BondConfig taken = bond0();
        taken.slaves = {s("eth0"), s("eth7")};
        const Outcome outcome = run([&](auto done) { m_service->create(taken, done); });
        QVERIFY(outcome);
        QCOMPARE(outcome->name, "org.bondmanager.Error.NoSuchInterface");
        QVERIFY(QDir(SystemRoot::path(s("/etc/systemd/network"))).isEmpty());
    }

    void changeUndone()
    {
        saveBond0(bond0());
        const QByteArray netdev = file(NetworkdFiles::netdevPath(s("bond0")));
        BondConfig wanted = bond0(200, {s("eth0"), s("eth2")});
        wanted.primary = s("eth2");
        verifyRefusedByTheBus(run([&](auto done) { m_service->change(bond0(), wanted, done); }));
        QCOMPARE(file(NetworkdFiles::netdevPath(s("bond0"))), netdev);
        QVERIFY(QFile::exists(SystemRoot::path(NetworkdFiles::slaveNetworkPath(s("bond0"), s("eth1")))));
        QVERIFY(!QFile::exists(SystemRoot::path(NetworkdFiles::slaveNetworkPath(s("bond0"), s("eth2")))));
        auto links = *m_kernel->dumpLinks();
        const LinkInfo *bond = find(links, "bond0");
        QVERIFY(bond);
        QCOMPARE(bond->bondOptions.value(s("miimon")), QVariant(100u));
        QCOMPARE(bond->bondOptions.value(s("primary")), QVariant(s("eth0")));
        QCOMPARE(find(links, "eth1")->masterIndex, bond->ifindex);
        QCOMPARE(find(links, "eth2")->masterIndex, 0);
    }

    void renameRefused()
    {
        saveBond0(bond0());
        BondConfig other = bond0();
        other.name = s("bond1");
        const Outcome outcome = run([&](auto done) { m_service->change(bond0(), other, done); });
        QVERIFY(outcome);
        QCOMPARE(outcome->name, "org.bondmanager.Error.InvalidArgument");
    }

    void removeUndone()
    {
        saveBond0(bond0());
        const QByteArray netdev = file(NetworkdFiles::netdevPath(s("bond0")));
        verifyRefusedByTheBus(run([&](auto done) { m_service->remove(bond0(), done); }));
        QCOMPARE(file(NetworkdFiles::netdevPath(s("bond0"))), netdev);
        QVERIFY(m_service->load(s("bond0")));
        QVERIFY(m_service->load(s("bond0"))->config == bond0());
        auto links = *m_kernel->dumpLinks();
        const LinkInfo *bond = find(links, "bond0");
        QVERIFY(bond);
        QCOMPARE(bond->bondOptions.value(s("miimon")), QVariant(100u));
        QCOMPARE(find(links, "eth0")->masterIndex, bond->ifindex);
        QCOMPARE(find(links, "eth1")->masterIndex, bond->ifindex);
    }

    void loadAndUnsaved()
    {
        QVERIFY(!m_service->load(s("bond0")));
        saveBond0(bond0());
        const auto saved = m_service->load(s("bond0"));
        QVERIFY(saved);
        QCOMPARE(saved->where.backend, NetworkOwner::Networkd);
        QCOMPARE(saved->where.location, s("/etc/systemd/network/10-bond-manager-bond0.netdev"));
        BondConfig dhcp = bond0();
        dhcp.ip.ipv4Method = Ipv4Method::Dhcp;
        dhcp.ip.ipv4Addresses.clear();
        QCOMPARE(m_service->refusal(dhcp), QString());
        BondConfig peer = bond0();
        peer.options.insert(s("peer_notify_delay"), 100u);
        QCOMPARE(m_service->unsaved(peer).size(), 1);
        QVERIFY(m_service->unsaved(bond0()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNetworkdService)
#include "TestNetworkdService.moc"
