// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Test seam: an in-memory kernel that follows the bonding driver's rules the helper must respect
// (a slave is enslaved only while down, mode changes only down and without slaves, options outside
// their mode refused), for fast D-Bus tests on a machine without the bonding driver. Never
// installed; the real driver is exercised by tests/lab/helper.
//   BM_FAKE_LINKS=eth0,eth1        interfaces that exist (up, carrier) besides lo
//   BM_FAKE_REFUSE_ENSLAVE=eth3    the "kernel" refuses to enslave these, as for a busy device
//   BM_FAKE_DEFAULT_ROUTE=eth0     carries the default route via 192.0.2.1 (with address
//                                  192.0.2.10/24 and its prefix route)
//   BM_FAKE_DEFAULT_ROUTE_LEASE=3600  that address is a DHCP client's lease: valid and preferred
//                                  for 3600 s (it does not count down)
//   BM_FAKE_ADDRESSES=eth0=2001:db8::10/64,...  more addresses (with their prefix routes)
//   BM_FAKE_KEEP_ADDR_ON_DOWN=1    IPv6 addresses stay when their link goes down, as with the
//                                  sysctl net.ipv6.conf.*.keep_addr_on_down
//   BM_FAKE_NO_BONDING=1           the kernel has no bonding driver: creating a bond is refused
//                                  with EOPNOTSUPP ("Unknown device type"), as rtnl_newlink() does
//   BM_FAKE_BONDING_MODULE=1       the driver is a module not loaded yet; the first bond loads it
//   BM_FAKE_ERRORS=eth1            these interfaces also count errors and drops as traffic passes
//   BM_FAKE_DUMP_LOG=FILE          each dump appends a line to FILE: "links", "addresses" or
//                                  "routes", for tests that count what a call reads
//   BM_FAKE_ARP=192.0.2.1=02:00:00:00:01:01,...  neighbours that answer ARP (probeArp) on a link
//                                  with carrier, after 200 ms; the Nth probe of the process has
//                                  a round trip of 1000 + N microseconds (so that callers who
//                                  shared one probe can tell); anything else goes unanswered
//                                  after ArpProbe::TimeoutMs
//   BM_FAKE_ARP_DEAD=eth1          no answer comes while one of these is its bond's active slave
//                                  (a path that ends behind a cut inter-switch link)
//   BM_FAKE_ARP_REFUSED=1          ARP cannot be sent at all (the packet socket refused)
// Traffic passes whenever someone looks: each getLink() of a link that is up with carrier finds
// 10 more packets of 100 bytes each way on it (with BM_FAKE_ERRORS, 1 receive error and 2
// receive drops more as well). A bond's counters are its slaves' summed, as bond_get_stats()
// gives them; dumps and notifications carry the counters as they stand.
// /proc/net/bonding/<bond> reads as the driver writes it for root (bond_procfs.c): what the helper
// takes from there (driver version, speed and duplex, 802.3ad details) is then in its maps.
// Addresses and routes (main table) follow what the kernel does to them around a link's state:
// see linkDown() and linkUp(). Every link has an MTU of 1500 to begin with.
// setCarrier() is a cable pulled or plugged (bm-bench --fake-kernel's flap storm and failover
// cuts): what miimon then does in the driver happens at once.
#pragma once

#include "KernelBackend.h"

#include <QHash>
#include <QMap>

#include <functional>

namespace bm::helper {

class FakeKernelBackend : public KernelBackend
{
    Q_OBJECT
public:
    explicit FakeKernelBackend(QObject *parent = nullptr);

    bool bondingLoaded() override { return m_bonding == Bonding::Loaded; }
    std::optional<QList<LinkInfo>> dumpLinks() override;
    std::optional<LinkInfo> getLink(int ifindex) override;
    std::optional<QList<AddressInfo>> dumpAddresses() override;
    std::optional<QList<RouteInfo>> dumpRoutes() override;
    std::optional<QString> procText(const QString &bond) override;

    KernelResult createBond(const QString &name, const QVariantMap &options) override;
    KernelResult deleteLink(const LinkRef &link) override;
    KernelResult setBondOptions(const LinkRef &bond, const QVariantMap &options) override;
    KernelResult setMaster(const LinkRef &slave, const LinkRef &master) override;
    KernelResult setUp(const LinkRef &link, bool up) override;
    KernelResult setMtu(const QString &name, quint32 mtu) override;
    KernelResult setMac(const LinkRef &link, const QString &mac) override;
    KernelResult setIpv6AddrGenMode(const LinkRef &link, quint8 mode) override;
    KernelResult addAddress(const AddressInfo &address) override;
    KernelResult deleteAddress(const AddressInfo &address) override;
    KernelResult addRoute(const RouteInfo &route) override;
    KernelResult deleteRoute(const RouteInfo &route) override;
    void probeArp(const ArpRequest &request, QObject *context,
                  std::function<void(const ArpReply &)> done) override;
    bool startMonitoring() override { return true; }
    void drainEvents() override;

    // The carrier of an interface goes off or on. For a bond slave, the driver's reaction with
    // miimon: its MII status follows (a failure counted), and in active-backup a lost active slave
    // makes the first up slave active (IFLA_EVENT_BONDING_FAILOVER), or none when no slave is up
    // (the bond's carrier off); a slave coming up in a bond without one becomes active.
    void setCarrier(const QString &name, bool carrier);
    // `count` IPv4 host routes of the main table out of `link` (10.0.0.1/32 upwards), added at
    // once without addRoute()'s checks (linear in the table): a routing daemon's full table for
    // bm-bench. False when there is no such link.
    bool addHostRoutes(const QString &link, int count);
    // The names of every bond slave, in name order.
    QStringList bondSlaves() const;
    // BOND's active slave (empty: none, or no such bond).
    QString activeSlave(const QString &bond) const;
    // The name of the link with this ifindex (empty: none).
    QString nameOf(int ifindex) const;
    // Another program renames a link, as `ip link set FROM name TO` (up or not: older kernels
    // refuse to rename a link that is up, newer ones do not).
    KernelResult rename(const QString &from, const QString &to);
    // `change` runs after every request for a link the fake has answered (createBond() to
    // setUp(), and rename(); refused or not), once it is carried out: another program acting
    // between two steps of the helper's. Its own requests do not run it again.
    void setAfterChange(std::function<void()> change) { m_afterChange = std::move(change); }

private:
    LinkInfo *masterOf(const LinkInfo &slave);
    // The link a request addresses (LinkRef's rules); null with `refusal` set when there is none.
    LinkInfo *find(const LinkRef &link, KernelResult &refusal);
    // Every change request answers through this: runs the after-change hook.
    KernelResult answer(const KernelResult &result);
    KernelResult changeMaster(const LinkRef &slave, const LinkRef &master);
    void changeActive(LinkInfo &bond, const QString &name);
    void reselectActive(LinkInfo &bond);
    KernelResult applyOptions(LinkInfo &bond, const QVariantMap &options);
    void updateCarrier(LinkInfo &bond);
    void notify(const QString &name, quint32 event = 0);
    QList<LinkInfo *> slavesOf(const LinkInfo &bond);
    // The link with its counters as they stand (see the top of this file).
    LinkInfo withCounters(const LinkInfo &link) const;
    // BM_FAKE_DUMP_LOG's line for a dump of `what`.
    void logDump(const char *what) const;

    void queue(std::function<void()> event);
    // What dev_open() and dev_close() do to the link's addresses and routes (NETDEV_UP,
    // NETDEV_DOWN), after announcing the link itself.
    void linkUp(LinkInfo &link);
    void linkDown(LinkInfo &link);
    // fib_add_ifaddr() / addrconf_prefix_route(): the route to an address's own prefix.
    void addPrefixRoute(const AddressInfo &address);
    void insertRoute(const RouteInfo &route);
    LinkInfo *linkByIndex(int ifindex);

    enum class Bonding { Loaded, Loadable, Missing };
    Bonding m_bonding = Bonding::Loaded;
    QMap<QString, LinkInfo> m_links;
    QList<AddressInfo> m_addresses;
    QList<RouteInfo> m_routes;
    // A slave's MTU from before it was enslaved (bond_enslave() keeps it as original_mtu).
    QHash<int, quint32> m_originalMtu;
    // Notifications "queued in the socket": delivered from the event loop, or at once by drainEvents().
    QList<std::function<void()>> m_queued;
    QStringList m_refuseEnslave;
    QStringList m_errors;
    QHash<QString, QString> m_arpNeighbours; // IPv4 address -> MAC
    QStringList m_arpDead;
    bool m_arpRefused = false;
    int m_arpProbes = 0;
    QHash<int, LinkCounters> m_counters; // by ifindex; bonds' are summed when read
    bool m_keepAddrOnDown = false;
    QString m_dumpLog;
    int m_nextIndex = 1;
    std::function<void()> m_afterChange;
    bool m_inAfterChange = false;
};

} // namespace bm::helper
