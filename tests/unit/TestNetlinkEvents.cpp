// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// NetlinkBackend's event socket against the real kernel, in a network namespace of the test's own
// (its loopback link, addresses and routes; no bonding driver needed): a drain that ends because
// nothing more is queued is no loss, while notifications the kernel really dropped still are.
// Needs root (unshare(CLONE_NEWNET)); skipped otherwise.
#include "NetlinkBackend.h"

#include <QSignalSpy>
#include <QTest>

#include <linux/rtnetlink.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace bm::helper;

class TestNetlinkEvents : public QObject
{
    Q_OBJECT

private:
    int loopbackIndex() const
    {
        NetlinkBackend backend;
        const auto links = backend.dumpLinks();
        if (links)
            for (const LinkInfo &l : *links)
                if (l.loopback)
                    return l.ifindex;
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root for a network namespace of its own");
        // The test's thread alone moves: every socket below is opened in the new namespace.
        if (unshare(CLONE_NEWNET) != 0)
            QSKIP("no network namespace could be made (unshare(CLONE_NEWNET) refused)");
        QVERIFY(loopbackIndex() > 0);
    }

    void drainingToTheEndLosesNothing()
    {
        NetlinkBackend backend;
        QVERIFY(backend.startMonitoring());
        QSignalSpy links(&backend, &KernelBackend::linkChanged);
        QSignalSpy addresses(&backend, &KernelBackend::addressChanged);
        QSignalSpy routes(&backend, &KernelBackend::routeChanged);
        QSignalSpy lost(&backend, &KernelBackend::resyncNeeded);

        // Nothing queued yet: an empty socket is no loss.
        backend.drainEvents();
        QCOMPARE(lost.count(), 0);

        const int lo = loopbackIndex();
        QVERIFY(backend.setUp(LinkRef(lo, u"lo"_s), true).ok());
        AddressInfo a;
        a.ifindex = lo;
        a.family = AF_INET;
        a.address = u"10.99.0.1/24"_s;
        const KernelResult added = backend.addAddress(a);
        QVERIFY2(added.ok(), qPrintable(added.message));
        RouteInfo r;
        r.ifindex = lo;
        r.family = AF_INET;
        r.destination = u"10.98.0.0/16"_s;
        r.protocol = RTPROT_STATIC;
        r.scope = RT_SCOPE_LINK;
        r.type = RTN_UNICAST;
        r.table = RT_TABLE_MAIN;
        const KernelResult routed = backend.addRoute(r);
        QVERIFY2(routed.ok(), qPrintable(routed.message));
        QVERIFY(backend.setMtu(u"lo"_s, 9000).ok());

        // A write's notifications are queued before its ACK: one drain takes them all in.
        backend.drainEvents();
        QVERIFY(links.count() >= 2);
        // The loopback's own addresses come with it up, then ours.
        QVERIFY(!addresses.isEmpty());
        QCOMPARE(addresses.last().at(0).value<AddressInfo>().address, u"10.99.0.1/24"_s);
        QCOMPARE(routes.count(), 1);
        QCOMPARE(routes.last().at(0).value<RouteInfo>().destination, u"10.98.0.0/16"_s);
        QCOMPARE(lost.count(), 0);

        // And so does the notifier's own read, through the event loop.
        QVERIFY(backend.setMtu(u"lo"_s, 1500).ok());
        QTRY_COMPARE(links.count() >= 3, true);
        QCOMPARE(lost.count(), 0);
        backend.drainEvents();
        QCOMPARE(lost.count(), 0);
    }

    void droppedNotificationsAreStillALoss()
    {
        NetlinkBackend backend;
        QVERIFY(backend.startMonitoring());
        QSignalSpy lost(&backend, &KernelBackend::resyncNeeded);
        // Without reading, far more notifications than the socket's receive buffer (8 MiB) holds:
        // each MTU change is a RTM_NEWLINK of a few KiB.
        int changes = 0;
        for (; changes < 40000; ++changes)
            if (!backend.setMtu(u"lo"_s, quint32(1500 + changes % 2)).ok())
                break;
        QCOMPARE(changes, 40000);
        backend.drainEvents();
        QCOMPARE(lost.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNetlinkEvents)
#include "TestNetlinkEvents.moc"
