// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// SignalBatch: what a receiver gets after a burst must leave it in the state it would have reached
// applying every signal, with fewer signals; events in time are never dropped or reordered.
#include "SignalBatch.h"

#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace bm;

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

SlaveInfo slave(const char *name, MiiStatus mii, SlaveState state)
{
    SlaveInfo info;
    info.name = s(name);
    info.miiStatus = mii;
    info.state = state;
    return info;
}

BondInfo bond(const char *name, quint32 updelay, const QList<SlaveInfo> &slaves)
{
    BondInfo info;
    info.name = s(name);
    info.options.insert(s("updelay"), updelay);
    info.slaves = slaves;
    return info;
}

// The receiver's side, as BondStore applies the signals (what they overwrite, and what not).
struct Model {
    QMap<QString, BondInfo> bonds;
    QStringList failovers; // "bond old>new", in order
    QStringList lifecycle; // "+bond", "-bond", in order

    void apply(const SignalEvent &e)
    {
        switch (e.kind) {
        case SignalEvent::Kind::BondAdded:
            lifecycle << QLatin1Char('+') + e.bond;
            bonds.insert(e.bond, BondInfo());
            break;
        case SignalEvent::Kind::BondRemoved:
            lifecycle << QLatin1Char('-') + e.bond;
            bonds.remove(e.bond);
            break;
        case SignalEvent::Kind::BondChanged:
            if (bonds.contains(e.bond))
                bonds[e.bond] = e.bondInfo;
            break;
        case SignalEvent::Kind::SlaveChanged: {
            if (!bonds.contains(e.bond))
                break;
            QList<SlaveInfo> &slaves = bonds[e.bond].slaves;
            auto it = std::find_if(slaves.begin(), slaves.end(),
                                   [&](const SlaveInfo &x) { return x.name == e.slave.name; });
            // A slave the bond did not list yet: BondStore appends it. The helper follows it with
            // the bond's state, in the kernel's order; here the model keeps them sorted, so that
            // the order in which two new slaves arrive does not count as a difference.
            if (it == slaves.end()) {
                slaves << e.slave;
                std::sort(slaves.begin(), slaves.end(),
                          [](const SlaveInfo &a, const SlaveInfo &b) { return a.name < b.name; });
            } else
                *it = e.slave;
            break;
        }
        case SignalEvent::Kind::Failover: {
            failovers << e.bond + QLatin1Char(' ') + e.oldActive + QLatin1Char('>') + e.newActive;
            if (!bonds.contains(e.bond))
                break;
            for (SlaveInfo &x : bonds[e.bond].slaves)
                if (x.name == e.newActive)
                    x.state = SlaveState::Active;
                else if (x.name == e.oldActive)
                    x.state = SlaveState::Backup;
            break;
        }
        case SignalEvent::Kind::Barrier:
            if (e.barrier)
                e.barrier();
            break;
        }
    }
};

// One random signal about bonds b0..b2 with slaves e0..e2.
SignalEvent randomEvent(QRandomGenerator &rng)
{
    static const char *bonds[] = {"b0", "b1", "b2"};
    static const char *slaves[] = {"e0", "e1", "e2"};
    const char *b = bonds[rng.bounded(3)];
    auto randomSlave = [&] {
        return slave(slaves[rng.bounded(3)], rng.bounded(2) ? MiiStatus::Up : MiiStatus::Down,
                     rng.bounded(2) ? SlaveState::Active : SlaveState::Backup);
    };
    switch (rng.bounded(10)) {
    case 0:
        return SignalEvent::bondAdded(s(b));
    case 1:
        return SignalEvent::bondRemoved(s(b));
    case 2:
    case 3:
        return SignalEvent::failover(s(b), s(slaves[rng.bounded(3)]), s(slaves[rng.bounded(3)]),
                                     QDateTime::fromMSecsSinceEpoch(rng.bounded(100000)));
    case 4:
    case 5:
        return SignalEvent::bondChanged(s(b), bond(b, rng.bounded(1000), {randomSlave(), randomSlave()}));
    default:
        return SignalEvent::slaveChanged(s(b), randomSlave());
    }
}

} // namespace

class TestSignalBatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newerStateGoesLast();
    void onlyTheFirstAddAsksForDelivery();
    void sameSlaveNameInTwoBonds();
    void barrierKeepsItsPlace();
    void sameEndStateAsEverySignal_data();
    void sameEndStateAsEverySignal();
    void producerAndConsumerThreads();
};

void TestSignalBatch::newerStateGoesLast()
{
    SignalBatch batch;
    batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", 100, {})));
    batch.add(SignalEvent::slaveChanged(s("bond0"), slave("eth0", MiiStatus::Up, SlaveState::Active)));
    batch.add(SignalEvent::failover(s("bond0"), s("eth0"), s("eth1"), QDateTime::currentDateTimeUtc()));
    batch.add(SignalEvent::slaveChanged(s("bond0"), slave("eth0", MiiStatus::Down, SlaveState::Backup)));
    batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", 200, {})));
    batch.add(SignalEvent::bondAdded(s("bond1")));

    const std::vector<SignalEvent> events = batch.take();
    QCOMPARE(events.size(), size_t(4));
    QCOMPARE(events[0].kind, SignalEvent::Kind::Failover);
    QCOMPARE(events[1].kind, SignalEvent::Kind::SlaveChanged);
    QCOMPARE(events[1].slave.miiStatus, MiiStatus::Down); // the newer state, after the failover
    QCOMPARE(events[2].kind, SignalEvent::Kind::BondChanged);
    QCOMPARE(events[2].bondInfo.options.value(s("updelay")).toUInt(), 200u);
    QCOMPARE(events[3].kind, SignalEvent::Kind::BondAdded);
    QCOMPARE(batch.coalesced(), quint64(2));
    QVERIFY(batch.take().empty());
}

void TestSignalBatch::onlyTheFirstAddAsksForDelivery()
{
    SignalBatch batch;
    QVERIFY(batch.add(SignalEvent::bondAdded(s("bond0"))));
    QVERIFY(!batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", 1, {}))));
    QVERIFY(!batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", 2, {}))));
    QCOMPARE(batch.take().size(), size_t(2));
    // Taken: the next signal needs a delivery of its own, and replaces nothing from before.
    QVERIFY(batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", 3, {}))));
    QCOMPARE(batch.take().size(), size_t(1));
    QCOMPARE(batch.coalesced(), quint64(1));
}

void TestSignalBatch::sameSlaveNameInTwoBonds()
{
    SignalBatch batch;
    batch.add(SignalEvent::slaveChanged(s("bond0"), slave("eth0", MiiStatus::Up, SlaveState::Active)));
    batch.add(SignalEvent::slaveChanged(s("bond1"), slave("eth0", MiiStatus::Down, SlaveState::Backup)));
    // A bond named like a slave: its state and the slave's are different things.
    batch.add(SignalEvent::bondChanged(s("eth0"), bond("eth0", 1, {})));
    const std::vector<SignalEvent> events = batch.take();
    QCOMPARE(events.size(), size_t(3));
    QCOMPARE(events[0].bond, s("bond0"));
    QCOMPARE(events[1].bond, s("bond1"));
    QCOMPARE(events[2].kind, SignalEvent::Kind::BondChanged);
}

void TestSignalBatch::barrierKeepsItsPlace()
{
    SignalBatch batch;
    QStringList order;
    batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", 1, {})));
    batch.add(SignalEvent::barrierAt([&] { order << s("barrier"); }));
    batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", 2, {})));
    const std::vector<SignalEvent> events = batch.take();
    QCOMPARE(events.size(), size_t(2));
    // The state before the barrier was replaced by one after it: the receiver sees the barrier
    // first, then the newer state (a full read applied at the barrier is not overwritten by older).
    QCOMPARE(events[0].kind, SignalEvent::Kind::Barrier);
    QCOMPARE(events[1].bondInfo.options.value(s("updelay")).toUInt(), 2u);
    Model model;
    for (const SignalEvent &e : events)
        model.apply(e);
    QCOMPARE(order, QStringList {s("barrier")});
}

void TestSignalBatch::sameEndStateAsEverySignal_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("length");
    for (quint32 seed = 1; seed <= 200; ++seed)
        QTest::addRow("seed %u", seed) << seed << int(1 + seed % 60);
}

void TestSignalBatch::sameEndStateAsEverySignal()
{
    QFETCH(quint32, seed);
    QFETCH(int, length);
    QRandomGenerator rng(seed);
    Model every, batched;
    SignalBatch batch;
    // Taken at random points, as a receiver that is sometimes quick and sometimes busy.
    for (int i = 0; i < length; ++i) {
        const SignalEvent e = randomEvent(rng);
        every.apply(e);
        batch.add(e);
        if (rng.bounded(8) == 0)
            for (const SignalEvent &b : batch.take())
                batched.apply(b);
    }
    for (const SignalEvent &b : batch.take())
        batched.apply(b);
    QCOMPARE(batched.failovers, every.failovers);
    QCOMPARE(batched.lifecycle, every.lifecycle);
    QCOMPARE(batched.bonds, every.bonds);
}

void TestSignalBatch::producerAndConsumerThreads()
{
    SignalBatch batch;
    constexpr int Count = 20000;
    std::atomic<bool> done {false};
    QThread *producer = QThread::create([&] {
        for (int i = 1; i <= Count; ++i) {
            batch.add(SignalEvent::bondChanged(s("bond0"), bond("bond0", quint32(i), {})));
            if (i % 100 == 0)
                batch.add(
                        SignalEvent::failover(s("bond0"), s("a"), s("b"), QDateTime::fromMSecsSinceEpoch(i)));
        }
        done = true;
    });
    producer->start();
    quint32 last = 0;
    qint64 lastFailover = 0;
    int failovers = 0;
    size_t taken = 0;
    auto drain = [&] {
        for (const SignalEvent &e : batch.take()) {
            ++taken;
            if (e.kind == SignalEvent::Kind::BondChanged) {
                const quint32 v = e.bondInfo.options.value(s("updelay")).toUInt();
                QVERIFY2(v > last, "a state older than one already delivered");
                last = v;
            } else {
                QVERIFY(e.when.toMSecsSinceEpoch() > lastFailover);
                lastFailover = e.when.toMSecsSinceEpoch();
                ++failovers;
            }
        }
    };
    while (!done) {
        drain();
        if (QTest::currentTestFailed())
            break;
    }
    producer->wait();
    delete producer;
    drain();
    QCOMPARE(last, quint32(Count));
    QCOMPARE(failovers, Count / 100);
    QCOMPARE(quint64(taken) + batch.coalesced(), quint64(Count + Count / 100));
}

QTEST_GUILESS_MAIN(TestSignalBatch)
#include "TestSignalBatch.moc"
