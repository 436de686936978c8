// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A trial's snapshot and journal (helper/src/change/TrialSnapshot, Trial, TrialJournal): the
// journal round trip is exact, and a restore after a bond made over a carrying slave (with its
// address, routes and MAC carried over) gives back exactly the state taken before, in the
// in-memory kernel.
#include "CarryOver.h"
#include "ChangePlanner.h"
#include "FakeKernelBackend.h"
#include "SystemRoot.h"
#include "Trial.h"
#include "TrialJournal.h"
#include "TrialSnapshot.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/socket.h>

using namespace bm::helper;
using namespace Qt::StringLiterals;

class TestTrialSnapshot : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeKernelBackend> m_kernel;

private Q_SLOTS:
    void init()
    {
        qputenv("BM_FAKE_LINKS", "eth0,eth1,eth2");
        qputenv("BM_FAKE_DEFAULT_ROUTE", "eth0");
        qputenv("BM_FAKE_ADDRESSES", "eth0=2001:db8::10/64");
        qputenv("BM_FAKE_KEEP_ADDR_ON_DOWN", "0");
        m_kernel = std::make_unique<FakeKernelBackend>();
    }

    void journalRoundTrip()
    {
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(),
                                                                        {u"eth0"_s, u"bond1"_s});
        QVERIFY(before);
        QCOMPARE(before->absent, QStringList {u"bond1"_s});
        QCOMPARE(before->links.size(), 1);
        QVERIFY(before->links.at(0).addresses.size() >= 2);
        QVERIFY(!before->links.at(0).routes.isEmpty());
        Trial trial;
        trial.id = u"t0a1b2c"_s;
        trial.call = u"CreateBond"_s;
        trial.bond = u"bond1"_s;
        trial.actionId = u"org.bondmanager.bond.create"_s;
        trial.interfaces = {u"eth0"_s, u"bond1"_s};
        trial.moves = {u"192.0.2.10/24 moves from eth0 to bond1"_s};
        trial.startedUsec = 1764536400123456ULL;
        trial.deadlineUsec = trial.startedUsec + 30000000ULL;
        trial.uid = 1000;
        trial.before = *before;
        trial.services.insert(u"NetworkManager"_s, QJsonObject {{u"checkpoint"_s, u"/org/x/1"_s}});

        QTemporaryDir root;
        SystemRoot::setForTesting(root.path());
        const auto reset = qScopeGuard([] { SystemRoot::setForTesting(QString()); });
        QCOMPARE(TrialJournal::write(trial.id, trial.toJson()), QString());
        QVERIFY(TrialJournal::folder().startsWith(root.path()));
        const auto all = TrialJournal::all();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.at(0).first, trial.id);
        const std::optional<Trial> back = Trial::fromJson(all.at(0).second);
        QVERIFY(back);
        QCOMPARE(back->toVariantMap(), trial.toVariantMap());
        QCOMPARE(back->actionId, trial.actionId);
        QVERIFY(back->before == trial.before);
        QCOMPARE(back->services, trial.services);
        QCOMPARE(back->deadlineUsec, trial.deadlineUsec);
        // Ids the helper does not make never reach the file system.
        QVERIFY(!TrialJournal::write(u"../x"_s, trial.toJson()).isEmpty());
        TrialJournal::remove(trial.id);
        QVERIFY(TrialJournal::all().isEmpty());
        QVERIFY(!Trial::fromJson(QJsonObject {{u"before"_s, QJsonObject {{u"version"_s, 99}}}}));
    }

    void restoreGivesBackTheExactState()
    {
        const QStringList touched {u"eth0"_s, u"eth1"_s, u"bond1"_s};
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(), touched);
        QVERIFY(before);
        ChangePlanner planner(m_kernel.get());
        QVERIFY(!planner.createBond(u"bond1"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}},
                                    {u"eth0"_s, u"eth1"_s}));
        QVERIFY(!CarryOver::apply(m_kernel.get(), *before->find(u"eth0"_s), u"bond1"_s, CarryPlan()));
        const std::optional<TrialSnapshot> during = TrialSnapshot::take(m_kernel.get(), touched);
        QVERIFY(during);
        const LinkState *bond = during->find(u"bond1"_s);
        QVERIFY(bond);
        QCOMPARE(bond->mac, before->find(u"eth0"_s)->mac);
        QVERIFY(std::any_of(bond->addresses.cbegin(), bond->addresses.cend(),
                            [](const AddressInfo &a) { return a.address == u"192.0.2.10/24"_s; }));
        QVERIFY(std::any_of(bond->routes.cbegin(), bond->routes.cend(),
                            [](const RouteInfo &r) { return r.isDefault(); }));
        QVERIFY(!(*during == *before));

        QCOMPARE(before->restore(m_kernel.get()), QStringList());
        const std::optional<TrialSnapshot> after = TrialSnapshot::take(m_kernel.get(), touched);
        QVERIFY(after);
        QVERIFY(*after == *before);
        const QStringList said = before->restoredSentences(m_kernel.get());
        QVERIFY2(said.contains(u"bond1 is gone"_s), qPrintable(said.join(u" / "_s)));
        QVERIFY2(
                said.contains(
                        u"eth0 is up with 192.0.2.10/24, 2001:db8::10/64 and the default route via 192.0.2.1 again"_s),
                qPrintable(said.join(u" / "_s)));
    }

    // A slave added to a bond that was there already: eth0 (listed first, as a trial lists the
    // carrying interfaces) gets its address and default route back although the bond held the
    // same default route, with the same metric, until the restore took it away.
    void restoreAfterAddSlaveToAnEmptyBond()
    {
        ChangePlanner planner(m_kernel.get());
        QVERIFY(!planner.createBond(u"bond1"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}}, {}));
        const QStringList touched {u"eth0"_s, u"bond1"_s};
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(), touched);
        QVERIFY(before);
        QCOMPARE(before->links.at(0).name, u"eth0"_s);
        QVERIFY(!planner.addSlave(u"bond1"_s, u"eth0"_s));
        QVERIFY(!CarryOver::apply(m_kernel.get(), *before->find(u"eth0"_s), u"bond1"_s, CarryPlan()));
        const std::optional<TrialSnapshot> during = TrialSnapshot::take(m_kernel.get(), touched);
        QVERIFY(during);
        const LinkState *bond = during->find(u"bond1"_s);
        QVERIFY(std::any_of(bond->routes.cbegin(), bond->routes.cend(),
                            [](const RouteInfo &r) { return r.isDefault(); }));

        QCOMPARE(before->restore(m_kernel.get()), QStringList());
        const std::optional<TrialSnapshot> after = TrialSnapshot::take(m_kernel.get(), touched);
        QVERIFY(after);
        const LinkState *eth0 = after->find(u"eth0"_s);
        QVERIFY(eth0);
        QVERIFY(eth0->master.isEmpty());
        QVERIFY(std::any_of(eth0->addresses.cbegin(), eth0->addresses.cend(),
                            [](const AddressInfo &a) { return a.address == u"192.0.2.10/24"_s; }));
        QVERIFY(std::any_of(eth0->routes.cbegin(), eth0->routes.cend(),
                            [](const RouteInfo &r) { return r.isDefault() && r.gateway == u"192.0.2.1"_s; }));
        const LinkState *emptied = after->find(u"bond1"_s);
        QVERIFY(emptied);
        QVERIFY(std::none_of(emptied->addresses.cbegin(), emptied->addresses.cend(),
                             [](const AddressInfo &a) { return !a.isLinkLocal(); }));
        QVERIFY(std::none_of(emptied->routes.cbegin(), emptied->routes.cend(),
                             [](const RouteInfo &r) { return r.isDefault(); }));
        QVERIFY(*after == *before);
        const QStringList said = before->restoredSentences(m_kernel.get());
        QVERIFY2(
                said.contains(
                        u"eth0 is up with 192.0.2.10/24, 2001:db8::10/64 and the default route via 192.0.2.1 again"_s),
                qPrintable(said.join(u" / "_s)));
    }

    // A bond the write gives an IPv4 address of its own takes none of eth0's IPv4 addresses or
    // routes (they leave eth0 all the same), but its IPv6 address and its MAC.
    void carryOverTakesOnlyWhatTheWriteLeavesUnset()
    {
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_kernel.get(), {u"eth0"_s});
        QVERIFY(before);
        ChangePlanner planner(m_kernel.get());
        QVERIFY(!planner.createBond(u"bond1"_s, {{u"mode"_s, u"active-backup"_s}}, {u"eth0"_s}));
        bm::IpConfig written;
        written.ipv4Method = bm::Ipv4Method::Static;
        written.ipv4Addresses = {u"10.77.0.60/24"_s};
        QVERIFY(!CarryOver::apply(m_kernel.get(), *before->find(u"eth0"_s), u"bond1"_s,
                                  CarryPlan::leaving(written)));
        const std::optional<TrialSnapshot> during = TrialSnapshot::take(m_kernel.get(),
                                                                        {u"eth0"_s, u"bond1"_s});
        QVERIFY(during);
        const LinkState *bond = during->find(u"bond1"_s);
        QVERIFY(bond);
        QCOMPARE(bond->mac, before->find(u"eth0"_s)->mac);
        QStringList addresses;
        for (const AddressInfo &a : bond->addresses)
            if (!a.isLinkLocal())
                addresses << a.address;
        QCOMPARE(addresses, QStringList {u"2001:db8::10/64"_s});
        QVERIFY(std::none_of(bond->routes.cbegin(), bond->routes.cend(),
                             [](const RouteInfo &r) { return r.family == AF_INET; }));
        const LinkState *eth0 = during->find(u"eth0"_s);
        QVERIFY(std::none_of(eth0->addresses.cbegin(), eth0->addresses.cend(),
                             [](const AddressInfo &a) { return a.address == u"192.0.2.10/24"_s; }));
    }
};

QTEST_GUILESS_MAIN(TestTrialSnapshot)
#include "TestTrialSnapshot.moc"
