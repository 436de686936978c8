// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// OwnershipProbe's bus facts against stand-ins of NetworkManager and systemd-networkd: a service
// that does not answer in time is not read as one that manages nothing, and the write is refused
// instead of going to another service (seen in the lab: a slow networkd made a bond over the NIC
// it configures a runtime-only one, which it then fought).
#include "FakeNetworkDaemons.h"
#include "Ownership.h"
#include "OwnershipProbe.h"
#include "ServiceFixtures.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace bm::helper;
using fixtures::s;

class TestOwnershipProbe : public QObject
{
    Q_OBJECT

private:
    // The bus facts of `name`, asked from another thread: the stand-ins answer in this one.
    static InterfaceFacts probe(fixtures::FakeNetworkBus *bus, const QString &name)
    {
        QList<InterfaceFacts> facts(1);
        facts[0].name = name;
        std::atomic<bool> done {false};
        const QDBusConnection client = bus->client();
        std::unique_ptr<QThread> thread(QThread::create([&] {
            OwnershipProbe::addBusFacts(&facts, client, 500);
            done = true;
        }));
        thread->start();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        thread->wait();
        return facts.constFirst();
    }

private Q_SLOTS:
    void silentNetworkdIsNoAnswer()
    {
        fixtures::FakeNetworkBus bus;
        QCOMPARE(bus.start({s("eth0")}), QString());

        // Answered (the stand-in knows no link): nobody's, as before.
        const InterfaceFacts answered = probe(&bus, s("eth0"));
        QVERIFY(answered.networkdRunning);
        QCOMPARE(answered.unanswered, QStringList());
        QCOMPARE(decideOwner(answered).owner, NetworkOwner::None);
        QVERIFY(!decideOwner(answered).refused());

        bus.networkd()->silent << s("GetLinkByName");
        const InterfaceFacts late = probe(&bus, s("eth0"));
        QCOMPARE(late.unanswered, QStringList {s("systemd-networkd")});
        const QString refusal = s("systemd-networkd did not answer in time whether it configures eth0, so "
                                  "Bond Manager cannot tell which service keeps eth0; try again");
        QCOMPARE(decideOwner(late).refusal, refusal);
        // A new bond (nobody's yet) over it is refused as well, not made by the runtime service.
        InterfaceFacts bond;
        bond.name = s("bond1");
        const OwnerDecision group = decideGroupOwner(bond, {late});
        QVERIFY(group.refused());
        QCOMPARE(group.refusal, refusal);
        QVERIFY(!group.canSave());
    }
};

QTEST_GUILESS_MAIN(TestOwnershipProbe)
#include "TestOwnershipProbe.moc"
