// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// BondStore against the real helper Service (fake kernel) on a private system bus with the real
// dbus-daemon and polkitd: the first read, updates from the helper's signals, a full re-read when
// the helper is replaced, and its status while no helper answers.
#include "BondStore.h"
#include "FailoverWatch.h"
#include "HelperFixture.h"
#include "PrivateBusTestMain.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>

using bm::BondStore;
using bm::HelperClient;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}
constexpr auto Write = HelperClient::Auth::NonInteractive;

} // namespace

class TestBondStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void firstRead();
    void followsSignals();
    void gatheredChangesReachTheStoreAsSignals();
    void busyReceiverGetsLatestStateOnce();
    void replyKeepsItsPlaceAmongSignals();
    void rereadWhenHelperIsReplaced();
    void helperUnavailable();

private:
    HelperClient *client() const { return m_fixture.client(); }

    HelperFixture m_fixture {HelperFixture::Client::Open};
};

void TestBondStore::initTestCase()
{
    m_fixture.initTestCase();
}
void TestBondStore::cleanupTestCase()
{
    m_fixture.cleanupTestCase();
}
// Every test twice: the helper's signals unpacked on the test's thread (bondctl) and on a thread
// of their own (the GUI), where a full read must still not be overtaken by an older signal.
void TestBondStore::initTestCase_data()
{
    QTest::addColumn<bool>("ownThread");
    QTest::newRow("caller's thread") << false;
    QTest::newRow("own thread") << true;
}

void TestBondStore::init()
{
    QFETCH_GLOBAL(bool, ownThread);
    m_fixture.setSignalThread(ownThread ? HelperClient::SignalThread::Own
                                        : HelperClient::SignalThread::Caller);
    m_fixture.init();
}
void TestBondStore::cleanup()
{
    m_fixture.cleanup();
}

void TestBondStore::firstRead()
{
    QVERIFY(client()->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                 {s("eth1"), s("eth2")}, Write)
                    .wait()
                    .ok());
    BondStore store(client());
    QSignalSpy reset(&store, &BondStore::reset);
    QCOMPARE(store.status(), BondStore::Status::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(store.names(), QStringList {s("bond0")});
    const bm::BondInfo *bond = store.bond(s("bond0"));
    QVERIFY(bond);
    QCOMPARE(bond->mode(), bm::BondMode::ActiveBackup);
    QCOMPARE(bond->options.value(s("miimon")).toUInt(), 100u);
    QCOMPARE(bond->slaves.size(), 2);
    QVERIFY(!store.bond(s("bond1")));
    QVERIFY(store.statusMessage().isEmpty());
}

// A flap storm: the helper sends a window's failovers and maps in one ChangesGathered. The store
// (what the GUI's events, timeline and tray notifications and bondctl monitor hang off) still
// gives one failover per failover, the same ones in the same order as the helper sent them
// (watched here on the bus), and ends with the helper's state.
void TestBondStore::gatheredChangesReachTheStoreAsSignals()
{
    FakeHelper::Kernel kernel;
    kernel.control = true;
    const QString error = m_fixture.restartHelper(kernel);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    BondStore store(client());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QVERIFY(client()->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                 {s("eth1"), s("eth2")}, Write)
                    .wait()
                    .ok());
    QTRY_VERIFY_WITH_TIMEOUT(store.bond(s("bond0")) && store.bond(s("bond0"))->slaves.size() == 2, 10000);

    FailoverWatch watch(m_fixture.bus().connection());
    QStringList given;
    connect(&store, &BondStore::failover, this,
            [&](const QString &, const QString &from, const QString &to) { given << from + s(">") + to; });

    QVERIFY(!m_fixture.helper().control("flap 4000 2", "flap-done").isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!watch.sent.isEmpty() && given.size() >= watch.sent.size(), 30000);
    const bm::Result<bm::BondInfo> now = client()->getBond(s("bond0")).wait();
    QVERIFY(now.ok());
    QTRY_COMPARE_WITH_TIMEOUT(store.bond(s("bond0"))->activeSlave(), now.value.activeSlave(), 10000);
    QVERIFY2(watch.mostGathered >= 2, "no failovers were gathered: no backlog to test");
    QCOMPARE(given, watch.sent);
    QCOMPARE(watch.sent.last().section(u'>', 1), now.value.activeSlave());
    for (const bm::SlaveInfo &slave : now.value.slaves) {
        const auto kept = std::find_if(store.bond(s("bond0"))->slaves.cbegin(),
                                       store.bond(s("bond0"))->slaves.cend(),
                                       [&](const bm::SlaveInfo &k) { return k.name == slave.name; });
        QVERIFY(kept != store.bond(s("bond0"))->slaves.cend());
        QCOMPARE(kept->miiStatus, slave.miiStatus);
        QVERIFY(kept->state == slave.state);
    }
}

void TestBondStore::followsSignals()
{
    BondStore store(client());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QVERIFY(store.names().isEmpty());
    QSignalSpy added(&store, &BondStore::bondAdded);
    QSignalSpy changed(&store, &BondStore::bondChanged);
    QSignalSpy removed(&store, &BondStore::bondRemoved);
    QSignalSpy failover(&store, &BondStore::failover);

    QVERIFY(client()->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                 {s("eth1"), s("eth2")}, Write)
                    .wait()
                    .ok());
    QTRY_VERIFY_WITH_TIMEOUT(store.bond(s("bond0")) && store.bond(s("bond0"))->slaves.size() == 2, 10000);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toString(), s("bond0"));

    changed.clear();
    QVERIFY(client()->setOptions(s("bond0"), {{s("updelay"), 200u}}, Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(store.bond(s("bond0"))->options.value(s("updelay")).toUInt(), 200u, 10000);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.last().first().toString(), s("bond0"));

    const QString active = store.bond(s("bond0"))->activeSlave();
    const QString other = active == s("eth1") ? s("eth2") : s("eth1");
    QVERIFY(client()->setActiveSlave(s("bond0"), other, Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(failover.count(), 1, 10000);
    QCOMPARE(failover.first().at(0).toString(), s("bond0"));
    QCOMPARE(failover.first().at(2).toString(), other);
    QVERIFY(failover.first().at(3).toDateTime().isValid());
    QTRY_COMPARE_WITH_TIMEOUT(store.bond(s("bond0"))->activeSlave(), other, 10000);

    QVERIFY(client()->deleteBond(s("bond0"), Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);
    QVERIFY(!store.bond(s("bond0")));
    QVERIFY(store.names().isEmpty());
}

// The GUI's thread is busy (here: blocked in wait()) while the helper sends five states of a bond:
// with a signal thread, the store then never passes through the four older ones; on the caller's
// thread it applies each in turn. Either way it ends in the newest state.
void TestBondStore::busyReceiverGetsLatestStateOnce()
{
    QFETCH_GLOBAL(bool, ownThread);
    BondStore store(client());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QVERIFY(client()->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                 {s("eth1")}, Write)
                    .wait()
                    .ok());
    QTRY_VERIFY_WITH_TIMEOUT(store.bond(s("bond0")) && store.bond(s("bond0"))->slaves.size() == 1, 10000);
    // The updelay the store shows at each change. Signals of the creation may still be on their
    // way and be applied in the same turn (a slave's state: a change, with updelay still unset),
    // so only the values this test writes count.
    QList<quint32> seen;
    connect(&store, &BondStore::bondChanged, this, [&](const QString &name) {
        const quint32 updelay = store.bond(name)->options.value(s("updelay")).toUInt();
        if (updelay >= 100)
            seen << updelay;
    });

    for (quint32 updelay = 100; updelay <= 500; updelay += 100) {
        const quint64 before = client()->signalsReceived();
        QVERIFY(client()->setOptions(s("bond0"), {{s("updelay"), updelay}}, Write).wait().ok());
        if (ownThread) {
            // Without running this thread's event loop (that would deliver the batch): until the
            // signal thread has taken in this write's BondChanged, so that the helper cannot fold
            // two writes into one signal. Bounded; polls a counter, the only thing to wait on here.
            QDeadlineTimer deadline(10000);
            while (client()->signalsReceived() == before && !deadline.hasExpired())
                QThread::usleep(500);
            QVERIFY2(client()->signalsReceived() > before, "the helper's BondChanged never came");
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(store.bond(s("bond0"))->options.value(s("updelay")).toUInt(), updelay,
                                      10000);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(store.bond(s("bond0"))->options.value(s("updelay")).toUInt(), 500u, 10000);
    if (ownThread) {
        QCOMPARE(seen, QList<quint32> {500u});
        QVERIFY(client()->signalsCoalesced() >= 4);
    } else {
        QCOMPARE(seen, (QList<quint32> {100u, 200u, 300u, 400u, 500u}));
        QCOMPARE(client()->signalsCoalesced(), quint64(0));
    }
}

// A full read's reply comes off the bus before the signal of a change made after it: a store must
// see them in that order, or the older reply lands on top of the newer state. Here the GUI's
// thread is blocked while both arrive (as under load), which used to put the reply last.
void TestBondStore::replyKeepsItsPlaceAmongSignals()
{
    QFETCH_GLOBAL(bool, ownThread);
    QVERIFY(client()->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                 {s("eth1")}, Write)
                    .wait()
                    .ok());
    QStringList order;
    connect(client(), &HelperClient::bondChanged, this, [&](const QString &, const bm::BondInfo &b) {
        order << s("signal %1").arg(b.options.value(s("updelay")).toUInt());
    });
    bool replied = false;
    const quint64 before = client()->signalsReceived();
    client()->getBondInSignalOrder(s("bond0"), this, [&](const bm::Result<bm::BondInfo> &r) {
        replied = true;
        order << s("reply %1").arg(r.value.options.value(s("updelay")).toUInt());
    });
    // One connection: the helper answers the read before it takes the write.
    QVERIFY(client()->setOptions(s("bond0"), {{s("updelay"), 300u}}, Write).wait().ok());
    if (ownThread) {
        // Without running this thread's event loop: until the write's BondChanged has been taken
        // in, so that it waits beside the reply. Bounded; polls a counter.
        QDeadlineTimer deadline(10000);
        while (client()->signalsReceived() == before && !deadline.hasExpired())
            QThread::usleep(500);
        QVERIFY2(client()->signalsReceived() > before, "the helper's BondChanged never came");
    }
    QTRY_VERIFY_WITH_TIMEOUT(replied && order.contains(s("signal 300")), 10000);
    // The creation's last signals may still come first, before the reply; none after the write's.
    const qsizetype reply = order.indexOf(s("reply 0"));
    QVERIFY2(reply >= 0 && reply < order.indexOf(s("signal 300")), qPrintable(order.join(s(", "))));
    QCOMPARE(order.last(), s("signal 300"));
}

void TestBondStore::rereadWhenHelperIsReplaced()
{
    QVERIFY(client()->createBond(s("bond0"), {{s("mode"), s("balance-rr")}}, {}, Write).wait().ok());
    BondStore store(client());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QCOMPARE(store.names(), QStringList {s("bond0")});
    QSignalSpy reset(&store, &BondStore::reset);

    // A new helper over a new (empty) fake kernel: no signal says bond0 went away; only the
    // re-read on the owner change can tell.
    m_fixture.helper().stop();
    QVERIFY2(m_fixture.helper().start(m_fixture.busAddress()).isEmpty(), "helper did not restart");
    QTRY_VERIFY_WITH_TIMEOUT(store.status() == BondStore::Status::Ready && store.names().isEmpty(), 15000);
    QVERIFY(reset.count() >= 1);

    // And it follows the new helper's signals.
    QVERIFY(client()->createBond(s("bond7"), {{s("mode"), s("balance-xor")}}, {}, Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(store.names(), QStringList {s("bond7")}, 10000);
}

void TestBondStore::helperUnavailable()
{
    BondStore store(client());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QSignalSpy status(&store, &BondStore::statusChanged);
    m_fixture.helper().stop();
    // No activation on this bus: the store's retry finds nobody.
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::HelperUnavailable, 15000);
    QVERIFY2(store.statusMessage().contains(s("not reachable")), qPrintable(store.statusMessage()));
    QVERIFY(status.count() >= 1);
    // When a helper appears it is Ready again without anyone asking.
    QVERIFY2(m_fixture.helper().start(m_fixture.busAddress()).isEmpty(), "helper did not restart");
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 15000);
}

BM_PRIVATE_BUS_TEST_MAIN(TestBondStore)

#include "TestBondStore.moc"
