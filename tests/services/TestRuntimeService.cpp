// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// RuntimeService's addresses and gateways on the in-memory kernel: what an undo puts back is the
// address as the kernel had it (broadcast, label, lifetimes), and a gateway the kernel refuses
// because another default route holds its metric is refused with that route named.
#include "ChangePlanner.h"
#include "FakeKernelBackend.h"
#include "RuntimeService.h"

#include <QTest>

#include <linux/rtnetlink.h>
#include <sys/socket.h>

using namespace bm;
using namespace bm::helper;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

BondConfig bond1(const QStringList &addresses, const QString &gateway = QString())
{
    BondConfig c;
    c.name = s("bond1");
    c.options = {{s("mode"), s("active-backup")}};
    c.slaves = {s("eth1")};
    c.ip.ipv4Method = addresses.isEmpty() ? Ipv4Method::Off : Ipv4Method::Static;
    c.ip.ipv4Addresses = addresses;
    c.ip.ipv4Gateway = gateway;
    return c;
}

} // namespace

class TestRuntimeService : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeKernelBackend> m_kernel;
    std::unique_ptr<ChangePlanner> m_planner;
    std::unique_ptr<RuntimeService> m_service;

    // RuntimeService answers before it returns.
    static Outcome answerOf(const std::function<void(NetworkService::Done)> &write)
    {
        std::optional<Outcome> answer;
        write([&](const Outcome &outcome) { answer = outcome; });
        return answer.value_or(Failure {"unanswered", QString()});
    }

    static void verifyDone(const Outcome &outcome)
    {
        QVERIFY2(!outcome, outcome ? qPrintable(outcome->text) : "");
    }

    int ifindexOf(const QString &name)
    {
        for (const LinkInfo &l : m_kernel->dumpLinks().value_or(QList<LinkInfo>()))
            if (l.name == name)
                return l.ifindex;
        return 0;
    }

    // What of a dump (addresses, routes) belongs to the link `name`.
    template<typename T>
    QList<T> ofLink(const std::optional<QList<T>> &dumped, const QString &name)
    {
        QList<T> out;
        const int ifindex = ifindexOf(name);
        for (const T &item : dumped.value_or(QList<T>()))
            if (item.ifindex == ifindex)
                out << item;
        return out;
    }

private Q_SLOTS:
    void init()
    {
        qputenv("BM_FAKE_LINKS", "eth0,eth1,eth2");
        qputenv("BM_FAKE_DEFAULT_ROUTE", "eth0");
        m_kernel = std::make_unique<FakeKernelBackend>();
        m_planner = std::make_unique<ChangePlanner>(m_kernel.get());
        m_service = std::make_unique<RuntimeService>(m_planner.get(), m_kernel.get(),
                                                     [] { return QStringList(); });
    }

    void cleanup()
    {
        m_service.reset();
        m_planner.reset();
        m_kernel.reset();
        qunsetenv("BM_FAKE_DEFAULT_ROUTE");
    }

    // A change refused at its last step (the gateway cannot be reached) puts back the address it
    // had removed exactly as the kernel had it, and the removed gateway with its own metric.
    void undoRestoresAddressesAsTheKernelHadThem()
    {
        const BondConfig made = bond1({});
        verifyDone(answerOf([&](auto done) { m_service->create(made, done); }));
        AddressInfo a;
        a.ifindex = ifindexOf(s("bond1"));
        a.family = AF_INET;
        a.address = s("198.51.100.20/24");
        a.broadcast = s("198.51.100.255");
        a.label = s("bond1:web");
        a.validLifetime = 3600;
        a.preferredLifetime = 1800;
        QVERIFY(m_kernel->addAddress(a).ok());
        RouteInfo gateway;
        gateway.ifindex = a.ifindex;
        gateway.family = AF_INET;
        gateway.destination = s("0.0.0.0/0");
        gateway.gateway = s("198.51.100.1");
        gateway.metric = 50;
        gateway.protocol = RTPROT_STATIC;
        gateway.type = RTN_UNICAST;
        gateway.table = RT_TABLE_MAIN;
        QVERIFY(m_kernel->addRoute(gateway).ok());
        const QList<AddressInfo> addresses = ofLink(m_kernel->dumpAddresses(), s("bond1"));
        const QList<RouteInfo> routes = ofLink(m_kernel->dumpRoutes(), s("bond1"));

        BondConfig current = bond1({a.address}, gateway.gateway);
        // Outside every subnet of the bond: the kernel refuses it, after the rest was done.
        const BondConfig wanted = bond1({s("203.0.113.5/24")}, s("192.0.2.99"));
        const Outcome refused = answerOf([&](auto done) { m_service->change(current, wanted, done); });
        QVERIFY(refused);
        QCOMPARE(QLatin1String(refused->name), QLatin1String("org.bondmanager.Error.KernelRefused"));
        QCOMPARE(ofLink(m_kernel->dumpAddresses(), s("bond1")), addresses);
        QCOMPARE(ofLink(m_kernel->dumpRoutes(), s("bond1")), routes);
    }

    // eth0 has the default route of metric 0: the kernel takes no second one (EEXIST), and the
    // refusal names the route that is in the way; nothing of the change stays.
    void gatewayClashNamesTheRoute()
    {
        verifyDone(answerOf([&](auto done) { m_service->create(bond1({}), done); }));
        const auto addresses = m_kernel->dumpAddresses();
        const auto routes = m_kernel->dumpRoutes();
        const Outcome refused = answerOf([&](auto done) {
            m_service->change(bond1({}), bond1({s("203.0.113.5/24")}, s("203.0.113.1")), done);
        });
        QVERIFY(refused);
        QCOMPARE(QLatin1String(refused->name), QLatin1String("org.bondmanager.Error.KernelRefused"));
        QVERIFY2(refused->text.contains(s("203.0.113.1")), qPrintable(refused->text));
        QVERIFY2(refused->text.contains(s("a default route via 192.0.2.1 on eth0 with the same metric (0)")),
                 qPrintable(refused->text));
        QVERIFY2(refused->text.endsWith(u'.'), qPrintable(refused->text));
        QCOMPARE(m_kernel->dumpAddresses(), addresses);
        QCOMPARE(m_kernel->dumpRoutes(), routes);
    }

    // The kernel's rule, in the fake too: one route per table, destination and metric whatever
    // the device, IPv6 as IPv4; an IPv6 route without a metric gets 1024.
    void fakeKernelRefusesASecondDefaultRouteOfOneMetric()
    {
        const int eth1 = ifindexOf(s("eth1"));
        const int eth2 = ifindexOf(s("eth2"));
        for (int ifindex : {eth1, eth2}) {
            AddressInfo a;
            a.ifindex = ifindex;
            a.family = AF_INET6;
            a.address = ifindex == eth1 ? s("2001:db8:1::10/64") : s("2001:db8:2::10/64");
            QVERIFY(m_kernel->addAddress(a).ok());
        }
        RouteInfo r;
        r.family = AF_INET6;
        r.destination = s("::/0");
        r.type = RTN_UNICAST;
        r.table = RT_TABLE_MAIN;
        r.ifindex = eth1;
        r.gateway = s("2001:db8:1::1");
        QVERIFY(m_kernel->addRoute(r).ok());
        r.ifindex = eth2;
        r.gateway = s("2001:db8:2::1");
        QCOMPARE(m_kernel->addRoute(r).error, EEXIST);
        r.metric = 1024;
        QCOMPARE(m_kernel->addRoute(r).error, EEXIST);
        r.metric = 100;
        QVERIFY(m_kernel->addRoute(r).ok());
        // Deleted without a metric, as `ip route del` does: any metric matches.
        r.metric = 0;
        QVERIFY(m_kernel->deleteRoute(r).ok());
    }
};

QTEST_GUILESS_MAIN(TestRuntimeService)
#include "TestRuntimeService.moc"
