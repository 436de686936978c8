// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// ServiceRegistry on a bus with stand-ins of NetworkManager and systemd-networkd: whether each is
// running is asked once and then followed by NameOwnerChanged (GetBond reads where its bond is
// saved on every call, and two NameHasOwner round trips each made it six times slower in the
// lab), while a write asks afresh.
#include "FakeNetworkDaemons.h"
#include "ServiceFixtures.h"
#include "ServiceRegistry.h"

#include <QTest>

using namespace bm;
using namespace bm::helper;
using fixtures::s;

namespace {

using fixtures::StubService;
const QString &Nm = OwnershipProbe::NetworkManagerBusName;
const QString &Networkd = OwnershipProbe::NetworkdBusName;

std::unique_ptr<ServiceRegistry> registryOn(const QDBusConnection &bus)
{
    auto registry = std::make_unique<ServiceRegistry>(bus, std::make_unique<StubService>(NetworkOwner::None));
    registry->add(std::make_unique<StubService>(NetworkOwner::Networkd));
    return registry;
}

} // namespace

class TestServiceRegistryBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheServicesOnTheBus()
    {
        fixtures::FakeNetworkBus bus;
        QCOMPARE(bus.start({s("eth0")}), QString());
        const auto owned = registryOn(bus.client());
        ServiceRegistry &registry = *owned;

        QVERIFY(registry.followedBusNames().answered);
        QVERIFY(registry.followedBusNames().networkManager);
        QVERIFY(registry.followedBusNames().networkd);

        // NetworkManager stops: the registry hears it without being asked.
        QVERIFY(bus.setOnBus(Nm, false));
        QTRY_VERIFY_WITH_TIMEOUT(!registry.followedBusNames().networkManager, 5000);
        QVERIFY(registry.followedBusNames().networkd);

        // networkd goes too, then NetworkManager comes back.
        QVERIFY(bus.setOnBus(Networkd, false));
        QTRY_VERIFY_WITH_TIMEOUT(!registry.followedBusNames().networkd, 5000);
        QVERIFY(bus.setOnBus(Nm, true));
        QTRY_VERIFY_WITH_TIMEOUT(registry.followedBusNames().networkManager, 5000);
        QVERIFY(!registry.followedBusNames().networkd);
    }

    // A bus daemon that does not answer says nothing: not kept as "neither is running" for
    // every later read, asked again instead.
    void noAnswerIsNotFollowed()
    {
        fixtures::FakeNetworkBus bus;
        QCOMPARE(bus.start({}), QString());
        const auto registry = registryOn(bus.client());
        bus.setStopped(true);
        const OwnershipProbe::BusNames unanswered = registry->followedBusNames(); // its 2 s timeout
        bus.setStopped(false);
        QVERIFY(!unanswered.answered);
        QVERIFY(!unanswered.networkManager);
        const OwnershipProbe::BusNames asked = registry->followedBusNames();
        QVERIFY(asked.answered);
        QVERIFY(asked.networkManager);
        QVERIFY(asked.networkd);
    }

    // A write does not trust what was followed: it asks, and what it learns is followed on.
    void aWriteAsksAfresh()
    {
        fixtures::FakeNetworkBus bus;
        QCOMPARE(bus.start({}), QString());
        const auto owned = registryOn(bus.client());
        ServiceRegistry &registry = *owned;
        QVERIFY(registry.followedBusNames().networkd);
        // Gone before the registry's event loop has run: only the write's own question sees it.
        QVERIFY(bus.setOnBus(Networkd, false));
        QVERIFY(bus.setOnBus(Nm, false));
        const auto choice = registry.choose(s("bond0"), {s("eth1")}, s("networkd"));
        QVERIFY(!choice.service);
        QVERIFY2(choice.refusal && choice.refusal->text.contains(s("is not running")),
                 qPrintable(choice.refusal ? choice.refusal->text : QString()));
        QVERIFY(!registry.followedBusNames().networkd);
    }
};

QTEST_GUILESS_MAIN(TestServiceRegistryBus)
#include "TestServiceRegistryBus.moc"
