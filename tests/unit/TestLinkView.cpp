// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// LinkView against the in-memory kernel, without a bus: after lost events the view re-reads the
// kernel, and when that re-read fails it keeps trying by itself until the view is the kernel's again;
// addresses and routes follow the kernel's events, including what it does without announcing it.
#include "FakeKernelBackend.h"
#include "LinkView.h"

#include <QElapsedTimer>
#include <QSignalBlocker>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <utility>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using namespace bm::helper;

namespace {

// The fake kernel whose link dumps fail while `failDumps` is above zero, as a dump does when the
// kernel cannot be asked (a full socket, an interrupted dump read too often).
class FlakyDumpKernel : public FakeKernelBackend
{
public:
    int failDumps = 0;
    int dumps = 0;
    // The same for the address dumps.
    int failAddressDumps = 0;

    std::optional<QList<AddressInfo>> dumpAddresses() override
    {
        if (failAddressDumps > 0) {
            --failAddressDumps;
            return std::nullopt;
        }
        return FakeKernelBackend::dumpAddresses();
    }

    std::optional<QList<LinkInfo>> dumpLinks() override
    {
        ++dumps;
        if (failDumps > 0) {
            --failDumps;
            return std::nullopt;
        }
        return FakeKernelBackend::dumpLinks();
    }
};

// The fake kernel that counts the reads of /proc/net/bonding.
class ProcCountingKernel : public FakeKernelBackend
{
public:
    int procReads = 0;

    std::optional<QString> procText(const QString &bond) override
    {
        ++procReads;
        return FakeKernelBackend::procText(bond);
    }
};

// bond0 up, active-backup with miimon, of eth0 and eth1; false when the kernel refused a step.
bool makeBond0(FakeKernelBackend &kernel)
{
    bool ok = kernel.createBond(u"bond0"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100u}}).ok();
    for (const QString &slave : {u"eth0"_s, u"eth1"_s})
        ok = ok && kernel.setUp(slave, false).ok() && kernel.setMaster(slave, u"bond0"_s).ok()
             && kernel.setUp(slave, true).ok();
    return ok && kernel.setUp(u"bond0"_s, true).ok();
}

// The view started on `kernel`, bond0 made (makeBond0) and its bondChanged sent, so that what
// follows is a test's own; false when a step failed.
bool startWithBond0(LinkView &view, FakeKernelBackend &kernel)
{
    if (!view.start() || !makeBond0(kernel) || !view.refresh())
        return false;
    QSignalSpy settled(&view, &LinkView::bondChanged);
    return settled.wait(1000);
}

// A slave's map within a bond's (BondInfo::toVariantMap()).
QVariantMap slaveOf(const QVariantMap &bond, const QString &name)
{
    for (const QVariant &s : bond.value(u"slaves"_s).toList())
        if (s.toMap().value(u"name"_s).toString() == name)
            return s.toMap();
    return {};
}

QStringList texts(const QList<AddressInfo> &addresses)
{
    QStringList list;
    for (const AddressInfo &a : addresses)
        list << a.address;
    return list;
}

QStringList texts(const QList<RouteInfo> &routes)
{
    QStringList list;
    for (const RouteInfo &r : routes)
        list << u"%1 via %2 metric %3"_s.arg(r.destination, r.gateway.isEmpty() ? u"-"_s : r.gateway)
                        .arg(r.metric);
    list.sort();
    return list;
}

// An IPv4 default route of the main table out of the link.
RouteInfo defaultRoute(int ifindex, const QString &gateway)
{
    RouteInfo r;
    r.ifindex = ifindex;
    r.family = AF_INET;
    r.destination = u"0.0.0.0/0"_s;
    r.gateway = gateway;
    r.type = RTN_UNICAST;
    r.table = RT_TABLE_MAIN;
    return r;
}

AddressInfo address(int ifindex, int family, const QString &text)
{
    AddressInfo a;
    a.ifindex = ifindex;
    a.family = family;
    a.address = text;
    return a;
}

// ListCandidates' entries (LinkView::candidates()) as lines to compare: what a candidate shows.
QStringList candidateLines(const QList<bm::CandidateInfo> &candidates)
{
    QStringList lines;
    for (const bm::CandidateInfo &c : candidates)
        lines << u"%1 up %2 carrier %3 master %4 addresses %5 default %6 gateway %7"_s.arg(
                c.name, QVariant(c.adminUp).toString(), QVariant(c.carrier).toString(), c.master,
                c.addresses.join(u','), QVariant(c.defaultRoute).toString(), c.gateway);
    lines.sort();
    return lines;
}

// The same lines from the kernel's own dumps, built apart from the view: the answer a fresh read
// gives.
QStringList candidateLines(FakeKernelBackend &kernel)
{
    const QList<LinkInfo> links = kernel.dumpLinks().value_or(QList<LinkInfo>());
    const QList<AddressInfo> addresses = kernel.dumpAddresses().value_or(QList<AddressInfo>());
    const QList<RouteInfo> routes = kernel.dumpRoutes().value_or(QList<RouteInfo>());
    QStringList lines;
    for (const LinkInfo &l : links) {
        if (l.loopback)
            continue;
        QString master;
        for (const LinkInfo &m : links)
            if (l.masterIndex && m.ifindex == l.masterIndex)
                master = m.name;
        QStringList own;
        for (const AddressInfo &a : addresses)
            if (a.ifindex == l.ifindex)
                own << a.address;
        bool viaDefault = false;
        QString gateway;
        for (const RouteInfo &r : routes) {
            if (!r.isDefault() || !r.goesOut(l.ifindex))
                continue;
            viaDefault = true;
            if (gateway.isEmpty() && r.family == AF_INET && r.ifindex == l.ifindex)
                gateway = r.gateway;
        }
        lines << u"%1 up %2 carrier %3 master %4 addresses %5 default %6 gateway %7"_s.arg(
                l.name, QVariant(l.adminUp).toString(), QVariant(l.carrier).toString(), master,
                own.join(u','), QVariant(viaDefault).toString(), gateway);
    }
    lines.sort();
    return lines;
}

} // namespace

class TestLinkView : public QObject
{
    Q_OBJECT

    // The view's addresses and routes of a link are the kernel's.
    static void compareWithKernel(FakeKernelBackend &kernel, const LinkView &view, int ifindex)
    {
        QList<AddressInfo> addresses;
        for (const AddressInfo &a : kernel.dumpAddresses().value_or(QList<AddressInfo>()))
            if (a.ifindex == ifindex)
                addresses << a;
        QList<RouteInfo> routes;
        for (const RouteInfo &r : kernel.dumpRoutes().value_or(QList<RouteInfo>()))
            if (r.goesOut(ifindex))
                routes << r;
        QCOMPARE(texts(view.addresses(ifindex)), texts(addresses));
        QCOMPARE(texts(view.routes(ifindex)), texts(routes));
    }

private Q_SLOTS:
    void init()
    {
        qputenv("BM_FAKE_LINKS", "eth0,eth1");
        qputenv("BM_FAKE_DEFAULT_ROUTE", "eth0");
        qputenv("BM_FAKE_ADDRESSES", "eth0=2001:db8::10/64");
    }

    void cleanup()
    {
        qunsetenv("BM_FAKE_LINKS");
        qunsetenv("BM_FAKE_DEFAULT_ROUTE");
        qunsetenv("BM_FAKE_ADDRESSES");
    }

    // Issue 18: taking a link down flushes its IPv4 routes without a notification; the view
    // drops them itself, and takes the announced IPv6 removals and the prefix route that comes
    // back with the link.
    void addressesAndRoutesFollowTheLinksState()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        const int eth0 = view.links().find(u"eth0"_s)->ifindex;
        const int eth1 = view.links().find(u"eth1"_s)->ifindex;
        QVERIFY(view.hasDefaultRoute(eth0));
        QVERIFY(!view.hasDefaultRoute(eth1));
        QCOMPARE(texts(view.addresses(eth0)), (QStringList {u"192.0.2.10/24"_s, u"2001:db8::10/64"_s}));
        QCOMPARE(texts(view.routes(eth0)),
                 (QStringList {u"0.0.0.0/0 via 192.0.2.1 metric 0"_s, u"192.0.2.0/24 via - metric 0"_s,
                               u"2001:db8::/64 via - metric 256"_s}));

        QVERIFY(kernel.setUp(u"eth0"_s, false).ok());
        QVERIFY(view.refresh());
        QVERIFY(!view.hasDefaultRoute(eth0));
        QCOMPARE(texts(view.addresses(eth0)), QStringList {u"192.0.2.10/24"_s});
        QCOMPARE(view.routes(eth0), QList<RouteInfo>());
        compareWithKernel(kernel, view, eth0);

        QVERIFY(kernel.setUp(u"eth0"_s, true).ok());
        QVERIFY(view.refresh());
        QCOMPARE(texts(view.routes(eth0)), QStringList {u"192.0.2.0/24 via - metric 0"_s});
        compareWithKernel(kernel, view, eth0);

        QVERIFY(kernel.addAddress(address(eth1, AF_INET, u"198.51.100.2/24"_s)).ok());
        const RouteInfo viaEth1 = defaultRoute(eth1, u"198.51.100.1"_s);
        QVERIFY(kernel.addRoute(viaEth1).ok());
        QVERIFY(view.refresh());
        QVERIFY(view.hasDefaultRoute(eth1));
        compareWithKernel(kernel, view, eth1);
        // Removing the address takes its prefix route; the default route goes by itself.
        QVERIFY(kernel.deleteRoute(viaEth1).ok());
        QVERIFY(kernel.deleteAddress(address(eth1, AF_INET, u"198.51.100.2/24"_s)).ok());
        QVERIFY(view.refresh());
        QVERIFY(!view.hasDefaultRoute(eth1));
        QCOMPARE(view.addresses(eth1), QList<AddressInfo>());
        compareWithKernel(kernel, view, eth1);
    }

    // Issue 18: address events lost and the address re-read failing make the view invalid and
    // retried, as for links.
    void failedAddressDumpIsRetried()
    {
        FlakyDumpKernel kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        const int eth1 = view.links().find(u"eth1"_s)->ifindex;
        {
            const QSignalBlocker quiet(&kernel);
            QVERIFY(kernel.addAddress(address(eth1, AF_INET, u"198.51.100.2/24"_s)).ok());
            kernel.drainEvents(); // delivered to no one
        }
        kernel.failAddressDumps = 2;
        Q_EMIT kernel.resyncNeeded();
        QCOMPARE(view.addresses(eth1), QList<AddressInfo>());
        QTRY_COMPARE_WITH_TIMEOUT(texts(view.addresses(eth1)), QStringList {u"198.51.100.2/24"_s}, 5000);
        QCOMPARE(kernel.failAddressDumps, 0);
        compareWithKernel(kernel, view, eth1);
    }

    // A bond's map carries its MTU and its addresses other than link-local ones; a change of
    // either is announced (bondChanged), a link-local address alone is not.
    void bondAddressesAndMtuInTheBondsMap()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        QSignalSpy changed(&view, &LinkView::bondChanged);
        QVERIFY(kernel.createBond(u"bond0"_s, {}).ok());
        QVERIFY(kernel.setUp(u"bond0"_s, true).ok());
        QVERIFY(view.refresh());
        // The creation's own announcement, one flush for all of it.
        QTRY_COMPARE(changed.size(), 1);
        changed.clear();
        const LinkInfo *bond = view.links().findBond(u"bond0"_s);
        QVERIFY(bond);
        const int index = bond->ifindex;
        QCOMPARE(view.bondState(*bond).value(u"mtu"_s).toUInt(), 1500u);
        QCOMPARE(view.bondState(*bond).value(u"addresses"_s).toStringList(), QStringList());

        QVERIFY(kernel.addAddress(address(index, AF_INET6, u"fe80::1/64"_s)).ok());
        QVERIFY(kernel.addAddress(address(index, AF_INET, u"192.0.2.50/24"_s)).ok());
        QVERIFY(kernel.addAddress(address(index, AF_INET6, u"2001:db8::50/64"_s)).ok());
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(0).toString(), u"bond0"_s);
        QCOMPARE(changed.last().at(1).toMap().value(u"addresses"_s).toStringList(),
                 (QStringList {u"192.0.2.50/24"_s, u"2001:db8::50/64"_s}));

        changed.clear();
        QVERIFY(kernel.deleteAddress(address(index, AF_INET6, u"fe80::1/64"_s)).ok());
        QVERIFY(view.refresh());
        QVERIFY(!changed.wait(100));

        QVERIFY(kernel.setMtu(u"bond0"_s, 9000).ok());
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(1).toMap().value(u"mtu"_s).toUInt(), 9000u);
    }

    // Issue 17: bondChanged is built from the view alone, never from a /proc read; what only /proc
    // has (driver version, a slave's speed) is as a read (GetBond's) last saw it, and a slave's
    // speed is left out once its MII status is no longer the one /proc printed it with.
    void bondChangedReadsNoProc()
    {
        ProcCountingKernel kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        QSignalSpy changed(&view, &LinkView::bondChanged);
        QVERIFY(makeBond0(kernel));
        QTRY_VERIFY(!changed.isEmpty()
                    && slaveOf(changed.last().at(1).toMap(), u"eth1"_s).value(u"miiStatus"_s) == u"up"_s);
        QCOMPARE(kernel.procReads, 0);
        QVERIFY(!changed.last().at(1).toMap().contains(u"driverVersion"_s));

        const QVariantMap read = view.bondState(*view.links().findBond(u"bond0"_s));
        QCOMPARE(kernel.procReads, 1);
        QCOMPARE(read.value(u"driverVersion"_s).toString(), u"6.1.0-fake"_s);
        QCOMPARE(slaveOf(read, u"eth1"_s).value(u"speedMbps"_s).toUInt(), 10000u);

        changed.clear();
        QVERIFY(kernel.setMtu(u"bond0"_s, 9000).ok());
        QTRY_COMPARE(changed.size(), 1);
        QVariantMap sent = changed.last().at(1).toMap();
        QCOMPARE(sent.value(u"mtu"_s).toUInt(), 9000u);
        QCOMPARE(sent.value(u"driverVersion"_s).toString(), u"6.1.0-fake"_s);
        QCOMPARE(slaveOf(sent, u"eth1"_s).value(u"speedMbps"_s).toUInt(), 10000u);

        // The active slave's cable cut: a failover, so a bondChanged.
        changed.clear();
        kernel.setCarrier(u"eth0"_s, false);
        QTRY_VERIFY(!changed.isEmpty());
        sent = changed.last().at(1).toMap();
        QCOMPARE(sent.value(u"activeSlave"_s).toString(), u"eth1"_s);
        QCOMPARE(slaveOf(sent, u"eth0"_s).value(u"miiStatus"_s).toString(), u"down"_s);
        QVERIFY(!slaveOf(sent, u"eth0"_s).contains(u"speedMbps"_s));
        QCOMPARE(slaveOf(sent, u"eth1"_s).value(u"speedMbps"_s).toUInt(), 10000u);
        QCOMPARE(kernel.procReads, 1);
    }

    // Issue 17: under a backlog the gathering window grows: far fewer bondChanged than changes,
    // the last one with the newest state; each Failover is still sent, at once, ahead of the
    // bondChanged that follows it. Once quiet, a change is announced within the short window.
    void backlogLengthensTheWindow()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(startWithBond0(view, kernel));

        QStringList seen;
        QList<uint> mtus;
        connect(&view, &LinkView::failover, this, [&] { seen << u"failover"_s; });
        connect(&view, &LinkView::bondChanged, this, [&](const QString &, const QVariantMap &state) {
            seen << u"bond"_s;
            mtus << state.value(u"mtu"_s).toUInt();
        });
        // A storm: 4000 MTU changes, 200 at a time with the event loop running 10 ms between
        // them (a window of its own each, at the short window), then one failover.
        QElapsedTimer storm;
        storm.start();
        for (int burst = 0; burst < 20; ++burst) {
            for (int i = 0; i < 200; ++i)
                QVERIFY(kernel.setMtu(u"bond0"_s, quint32(1000 + burst * 200 + i)).ok());
            QTest::qWait(10);
        }
        kernel.setCarrier(u"eth0"_s, false);
        QTRY_VERIFY(!mtus.isEmpty() && mtus.last() == 4999u);
        // With 10 ms windows there is a bondChanged per 10 ms of the storm; with windows growing
        // to 160 ms (and beyond), after the first few one per 160 ms at most. Bounded by the
        // storm's own length, which a loaded machine stretches.
        const qint64 bound = storm.elapsed() / 80 + 5;
        QVERIFY2(mtus.size() <= bound,
                 qPrintable(u"%1 maps in %2 ms"_s.arg(mtus.size()).arg(storm.elapsed())));
        QCOMPARE(seen.count(u"failover"_s), 1);
        QCOMPARE(seen.last(), u"bond"_s);

        // Quiet again: the next change comes within the short window, not the long one.
        QTest::qWait(400);
        mtus.clear();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(kernel.setMtu(u"bond0"_s, 1500).ok());
        QTRY_VERIFY(!mtus.isEmpty());
        QCOMPARE(mtus.last(), 1500u);
        QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
    }

    // ListCandidates' maps are kept between calls (LinkView::candidates()): each kind of event
    // that changes what they show makes the next call build them afresh, and a change that does
    // not (a route that is not a default one) leaves them as they are. Each step first takes the
    // kept maps, then changes the kernel and compares with the kernel's own dumps.
    void candidatesFollowTheKernel()
    {
        FlakyDumpKernel kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        const int eth1 = view.links().find(u"eth1"_s)->ifindex;
        RouteInfo viaEth1 = defaultRoute(eth1, u"198.51.100.1"_s);
        viaEth1.metric = 100;
        RouteInfo hostRoute = viaEth1;
        hostRoute.destination = u"203.0.113.7/32"_s;
        const QList<std::pair<QString, std::function<bool()>>> steps {
                {u"carrier"_s, [&] { return kernel.setCarrier(u"eth1"_s, false), true; }},
                {u"admin state"_s, [&] { return kernel.setUp(u"eth1"_s, false).ok(); }},
                {u"bond and masters"_s, [&] { return makeBond0(kernel); }},
                {u"address added"_s,
                 [&] { return kernel.addAddress(address(eth1, AF_INET, u"198.51.100.2/24"_s)).ok(); }},
                {u"default route added"_s, [&] { return kernel.addRoute(viaEth1).ok(); }},
                {u"other route added"_s, [&] { return kernel.addRoute(hostRoute).ok(); }},
                {u"default route removed"_s, [&] { return kernel.deleteRoute(viaEth1).ok(); }},
                {u"address removed"_s,
                 [&] { return kernel.deleteAddress(address(eth1, AF_INET, u"198.51.100.2/24"_s)).ok(); }},
                {u"link removed"_s, [&] { return kernel.deleteLink(u"bond0"_s).ok(); }},
                {u"events lost"_s,
                 [&] {
                     {
                         const QSignalBlocker quiet(&kernel);
                         if (!kernel.setUp(u"eth1"_s, true).ok()
                             || !kernel.addAddress(address(eth1, AF_INET, u"203.0.113.9/24"_s)).ok())
                             return false;
                         kernel.drainEvents(); // delivered to no one
                     }
                     Q_EMIT kernel.resyncNeeded();
                     return true;
                 }},
        };
        for (const auto &[what, change] : steps) {
            QVERIFY(view.refresh());
            QCOMPARE(candidateLines(view.candidates()), candidateLines(kernel));
            QVERIFY2(change(), qPrintable(what));
            QVERIFY(view.refresh());
            QVERIFY2(candidateLines(view.candidates()) == candidateLines(kernel),
                     qPrintable(u"after: %1\nview:   %2\nkernel: %3"_s.arg(
                             what, candidateLines(view.candidates()).join(u"; "),
                             candidateLines(kernel).join(u"; "))));
        }
    }

    // A slave that changes more often than a window of 160 ms is announced far less often than
    // that while the storm lasts (bm-bench's 1000/s storm changes each of its slaves every 256 ms:
    // windows of 160 ms sent a SlaveChanged per change), and its last state still comes promptly
    // once the notifications stop, not at the end of a long window.
    void longStormMergesSlaveMapsAndEndsPromptly()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(startWithBond0(view, kernel));

        QList<QVariantMap> eth1;
        connect(&view, &LinkView::slaveChanged, this,
                [&](const QString &, const QString &slave, const QVariantMap &state) {
                    if (slave == u"eth1"_s)
                        eth1 << state;
                });
        // eth1, the backup, flaps 40 times per burst (a backlog in every window), a burst per
        // millisecond or so, for 3 s; each burst leaves it up with more failures counted.
        QElapsedTimer storm;
        storm.start();
        while (storm.elapsed() < 3000) {
            for (int i = 0; i < 40; ++i)
                kernel.setCarrier(u"eth1"_s, i % 2 == 1);
            QTest::qWait(1);
        }
        kernel.setCarrier(u"eth1"_s, false);
        QElapsedTimer end;
        end.start();
        QTRY_VERIFY(!eth1.isEmpty() && eth1.last().value(u"miiStatus"_s).toString() == u"down"_s);
        const qint64 ended = end.elapsed();
        const qint64 lasted = storm.elapsed() - ended;
        // With windows of 160 ms at most: lasted / 160 maps and more. The windows now grow to
        // 1280 ms (10 + 20 + ... + 640 ms to get there); a loaded machine's pauses of 100 ms
        // without notifications end a window early, hence the margin.
        const qint64 bound = lasted / 400 + 8;
        QVERIFY2(eth1.size() <= bound, qPrintable(u"%1 maps in %2 ms"_s.arg(eth1.size()).arg(lasted)));
        QVERIFY2(ended < 300, qPrintable(u"the last state came %1 ms after the storm"_s.arg(ended)));
    }

    // Failovers are never merged: at quiet times each comes at once, alone (outside any backlog
    // flush, before its window's maps); under a backlog each waits for its window's flush and
    // leads it, between backlogFlushStarted() and backlogFlushFinished() (one D-Bus message,
    // Service), every one of them, in the kernel's order.
    void backlogGathersFailoversInOrderAheadOfTheMaps()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(startWithBond0(view, kernel));

        QStringList seen; // "[", "]", "failover OLD>NEW", "slave", "bond", in the order sent
        bool inFlush = false;
        int nested = 0;
        connect(&view, &LinkView::backlogFlushStarted, this, [&] {
            nested += inFlush;
            inFlush = true;
            seen << u"["_s;
        });
        connect(&view, &LinkView::backlogFlushFinished, this, [&] {
            inFlush = false;
            seen << u"]"_s;
        });
        connect(&view, &LinkView::failover, this,
                [&](const QString &, const QString &from, const QString &to) {
                    seen << u"failover %1>%2"_s.arg(from, to);
                });
        connect(&view, &LinkView::slaveChanged, this, [&] { seen << u"slave"_s; });
        connect(&view, &LinkView::bondChanged, this, [&] { seen << u"bond"_s; });
        QStringList made; // the failovers as the kernel made them
        auto cutActive = [&] {
            const QString active = kernel.activeSlave(u"bond0"_s);
            kernel.setCarrier(active, false);
            made << u"failover %1>%2"_s.arg(active, kernel.activeSlave(u"bond0"_s));
            kernel.setCarrier(active, true); // a backup now: no primary, no failover back
        };
        auto failoversIn = [](const QStringList &list) {
            QStringList result;
            for (const QString &entry : list)
                if (entry.startsWith(u"failover"_s))
                    result << entry;
            return result;
        };

        // Quiet: the failover is sent as the kernel's notifications are taken in, before any map.
        cutActive();
        kernel.drainEvents();
        QCOMPARE(seen, QStringList {made.last()});
        QTRY_VERIFY(seen.contains(u"bond"_s));
        QVERIFY(!seen.contains(u"["_s));

        // A storm of MTU changes (200 per 10 ms, as in backlogLengthensTheWindow) with a cut of
        // the active slave in each burst.
        QTest::qWait(400);
        seen.clear();
        for (int burst = 0; burst < 30; ++burst) {
            for (int i = 0; i < 200; ++i)
                QVERIFY(kernel.setMtu(u"bond0"_s, quint32(1000 + burst * 200 + i)).ok());
            cutActive();
            QTest::qWait(10);
        }
        QTRY_COMPARE(failoversIn(seen), made.mid(1));
        QTRY_VERIFY(!inFlush && seen.last() == u"]"_s);
        QCOMPARE(nested, 0);
        // Within each backlog flush the failovers come first; most of them were gathered, several
        // to a flush.
        int gathered = 0, mostInOneFlush = 0;
        for (qsizetype i = 0; i < seen.size(); ++i) {
            if (seen.at(i) != u"["_s)
                continue;
            int here = 0;
            bool mapsBegan = false;
            for (++i; seen.at(i) != u"]"_s; ++i) {
                const bool isFailover = seen.at(i).startsWith(u"failover"_s);
                QVERIFY2(!(isFailover && mapsBegan), qPrintable(seen.mid(0, i + 1).join(u", ")));
                mapsBegan = mapsBegan || !isFailover;
                here += isFailover;
            }
            gathered += here;
            mostInOneFlush = std::max(mostInOneFlush, here);
        }
        QVERIFY2(gathered >= 20, qPrintable(seen.join(u", ")));
        QVERIFY2(mostInOneFlush >= 2, qPrintable(seen.join(u", ")));

        // Quiet again: a failover at once, alone.
        QTest::qWait(400);
        seen.clear();
        cutActive();
        kernel.drainEvents();
        QCOMPARE(seen, QStringList {made.last()});
        QTRY_VERIFY(seen.contains(u"bond"_s));
        QVERIFY(!seen.contains(u"["_s));
    }

    // A backlog flush is one D-Bus message: it carries MaxGatheredFailovers at most. A window that
    // gathers that many sends them at once, alone, and goes on: every failover is still sent, in
    // the kernel's order, and the window's maps still come once, at its end.
    void backlogFlushHoldsABoundedNumberOfFailovers()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(startWithBond0(view, kernel));
        QStringList made, sent;
        struct Flush {
            int failovers = 0, maps = 0;
        };
        QList<Flush> flushes;
        bool inFlush = false;
        connect(&view, &LinkView::backlogFlushStarted, this, [&] {
            inFlush = true;
            flushes << Flush {};
        });
        connect(&view, &LinkView::backlogFlushFinished, this, [&] { inFlush = false; });
        connect(&view, &LinkView::failover, this, [&](const QString &, const QString &from, const QString &to) {
            sent << u"%1>%2"_s.arg(from, to);
            if (inFlush)
                ++flushes.last().failovers;
        });
        auto map = [&] {
            if (inFlush)
                ++flushes.last().maps;
        };
        connect(&view, &LinkView::slaveChanged, this, map);
        connect(&view, &LinkView::bondChanged, this, map);
        // A window grown long by bursts of MTU changes, then, within it and without the event
        // loop running, 2.5 flushes' worth of cuts of the active slave.
        for (int burst = 0; burst < 8; ++burst) {
            for (int i = 0; i < 200; ++i)
                QVERIFY(kernel.setMtu(u"bond0"_s, quint32(1000 + burst * 200 + i)).ok());
            QTest::qWait(10);
        }
        QTRY_VERIFY(!inFlush);
        sent.clear();
        flushes.clear();
        const int cuts = LinkView::MaxGatheredFailovers * 5 / 2;
        for (int i = 0; i < cuts; ++i) {
            const QString active = kernel.activeSlave(u"bond0"_s);
            kernel.setCarrier(active, false);
            made << u"%1>%2"_s.arg(active, kernel.activeSlave(u"bond0"_s));
            kernel.setCarrier(active, true);
        }
        kernel.drainEvents();
        QTRY_COMPARE(sent, made);
        QTRY_VERIFY(!inFlush && flushes.size() >= 3 && flushes.last().maps > 0);
        QStringList shown;
        int total = 0;
        for (const Flush &f : flushes) {
            shown << u"%1 failovers + %2 maps"_s.arg(f.failovers).arg(f.maps);
            total += f.failovers;
        }
        const QByteArray text = shown.join(u"; "_s).toUtf8();
        QCOMPARE(total, cuts);
        for (const Flush &f : flushes) {
            QVERIFY2(f.failovers <= LinkView::MaxGatheredFailovers, text.constData());
            // The early flushes: failovers alone.
            QVERIFY2(f.failovers < LinkView::MaxGatheredFailovers || f.maps == 0, text.constData());
        }
        QVERIFY2(flushes.first().failovers == LinkView::MaxGatheredFailovers, text.constData());
    }

    // Flow control (Service::holdUntilBusTookFlush): while flushes are held, a backlog's windows
    // end without a flush, failovers included; the release sends one flush, failovers first, with
    // the newest state of each link.
    void heldBacklogFlushWaitsForTheRelease()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(startWithBond0(view, kernel));
        QStringList seen;
        QList<uint> mtus;
        int flushes = 0;
        bool holdNext = false, inFlush = false;
        connect(&view, &LinkView::backlogFlushStarted, this, [&] {
            inFlush = true;
            seen << u"["_s;
        });
        connect(&view, &LinkView::backlogFlushFinished, this, [&] {
            inFlush = false;
            seen << u"]"_s;
            ++flushes;
            if (std::exchange(holdNext, false))
                view.holdFlushes();
        });
        connect(&view, &LinkView::failover, this, [&] { seen << u"failover"_s; });
        connect(&view, &LinkView::bondChanged, this, [&](const QString &, const QVariantMap &state) {
            seen << u"bond"_s;
            mtus << state.value(u"mtu"_s).toUInt();
        });
        // A backlog (bursts of MTU changes), until one of its flushes is held after.
        holdNext = true;
        quint32 mtu = 1000;
        for (int burst = 0; burst < 100 && holdNext; ++burst) {
            for (int i = 0; i < 200; ++i)
                QVERIFY(kernel.setMtu(u"bond0"_s, ++mtu).ok());
            QTest::qWait(10);
        }
        QVERIFY(!holdNext);
        QVERIFY(!inFlush);
        seen.clear();
        mtus.clear();
        // More of the storm and a failover in it, while held, then longer than any window with
        // nothing more from the kernel: nothing is sent.
        for (int burst = 0; burst < 4; ++burst) {
            for (int i = 0; i < 200; ++i)
                QVERIFY(kernel.setMtu(u"bond0"_s, ++mtu).ok());
            QTest::qWait(10);
        }
        kernel.setCarrier(u"eth0"_s, false);
        kernel.drainEvents();
        QTest::qWait(1500);
        QVERIFY2(seen.isEmpty(), qPrintable(seen.join(u' ')));
        const int before = flushes;
        view.releaseFlushes();
        QCOMPARE(flushes, before + 1);
        QCOMPARE(seen.first(), u"["_s);
        QCOMPARE(seen.at(1), u"failover"_s);
        QCOMPARE(seen.count(u"failover"_s), 1);
        QCOMPARE(seen.last(), u"]"_s);
        QVERIFY(!mtus.isEmpty());
        QCOMPARE(mtus.last(), mtu);
        // Released, a later window flushes by itself again.
        seen.clear();
        QVERIFY(kernel.setMtu(u"bond0"_s, ++mtu).ok());
        QTRY_VERIFY(!mtus.isEmpty() && mtus.last() == mtu);
    }

    // A bond removed under a backlog: the failovers gathered before it are sent before
    // bondRemoved, not after (nor lost).
    void gatheredFailoversComeBeforeABondRemoved()
    {
        FakeKernelBackend kernel;
        LinkView view(&kernel);
        QVERIFY(startWithBond0(view, kernel));
        QStringList seen;
        connect(&view, &LinkView::failover, this, [&] { seen << u"failover"_s; });
        connect(&view, &LinkView::bondRemoved, this, [&] { seen << u"removed"_s; });
        // A window grown by bursts of MTU changes; then, within the long window, a cut and the
        // bond's deletion.
        for (int burst = 0; burst < 8; ++burst) {
            for (int i = 0; i < 200; ++i)
                QVERIFY(kernel.setMtu(u"bond0"_s, quint32(1000 + burst * 200 + i)).ok());
            QTest::qWait(10);
        }
        kernel.setCarrier(kernel.activeSlave(u"bond0"_s), false);
        kernel.drainEvents();
        const bool gathered = seen.isEmpty(); // held for the window's flush
        QVERIFY(kernel.deleteLink(u"bond0"_s).ok());
        QTRY_VERIFY(seen.contains(u"removed"_s));
        QCOMPARE(seen, (QStringList {u"failover"_s, u"removed"_s}));
        QVERIFY2(gathered, "the failover was sent at once: no backlog to test");
    }

    void failedResyncIsRetriedUntilTheViewIsTheKernels()
    {
        FlakyDumpKernel kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        QVERIFY(!view.links().findBond(u"lost0"_s));

        // The bond's notifications are lost, as when the kernel drops them (ENOBUFS).
        {
            const QSignalBlocker quiet(&kernel);
            QVERIFY(kernel.createBond(u"lost0"_s, {}).ok());
            kernel.drainEvents(); // delivered to no one
        }
        QVERIFY(!view.links().findBond(u"lost0"_s));

        // The re-read after the loss fails three times; nothing else happens in the kernel.
        kernel.failDumps = 3;
        QSignalSpy added(&view, &LinkView::bondAdded);
        Q_EMIT kernel.resyncNeeded();
        QCOMPARE(kernel.dumps, 2); // the first dump at start, then the failed re-read
        QVERIFY(!view.links().findBond(u"lost0"_s));

        // Without any read or event, the view retries (with back-off) until it is current.
        QTRY_VERIFY_WITH_TIMEOUT(view.links().findBond(u"lost0"_s), 5000);
        QCOMPARE(kernel.failDumps, 0);
        QCOMPARE(kernel.dumps, 5);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().toString(), u"lost0"_s);
    }

    void readWhileInvalidReadsTheKernel()
    {
        FlakyDumpKernel kernel;
        LinkView view(&kernel);
        QVERIFY(view.start());
        {
            const QSignalBlocker quiet(&kernel);
            QVERIFY(kernel.createBond(u"lost1"_s, {}).ok());
            kernel.drainEvents(); // delivered to no one
        }
        kernel.failDumps = 1;
        Q_EMIT kernel.resyncNeeded();
        QVERIFY(!view.links().findBond(u"lost1"_s));
        // A read does not answer from the stale view: it re-reads the kernel first.
        QVERIFY(view.refresh());
        QVERIFY(view.links().findBond(u"lost1"_s));
    }
};

QTEST_GUILESS_MAIN(TestLinkView)
#include "TestLinkView.moc"
