// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the helper needs from the kernel, as an interface: the real one speaks rtnetlink
// (NetlinkBackend); the tests of the D-Bus service and of ChangePlanner use an in-memory one that
// follows the same driver rules (tests/dbus/FakeKernelBackend).
#pragma once

#include "Addressing.h"
#include "ArpProbe.h"
#include "BondTypes.h"
#include "LinkCounters.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <cerrno>
#include <functional>
#include <optional>

namespace bm::helper {

// One network interface as the kernel reports it in RTM_NEWLINK.
struct LinkInfo {
    int ifindex = 0;
    QString name;
    QString kind;         // IFLA_INFO_KIND: "bond", "veth", ...; empty for plain hardware
    int masterIndex = 0;  // IFLA_MASTER
    QString slaveKind;    // IFLA_INFO_SLAVE_KIND: "bond" when a bond slave
    bool adminUp = false; // IFF_UP
    bool carrier = false; // IFF_LOWER_UP
    bool loopback = false;
    QString mac;
    quint32 mtu = 0; // IFLA_MTU
    // IFLA_AF_SPEC / AF_INET6 / IFLA_INET6_ADDR_GEN_MODE (IN6_ADDR_GEN_MODE_*: 0 EUI-64, 1 none,
    // 2 stable privacy, 3 random): how the kernel makes the link's IPv6 link-local address when
    // the link comes up. NetworkManager sets "none" on the devices it manages (it makes that
    // address itself). -1: the kernel did not say (no IPv6 on the link).
    int ipv6AddrGenMode = -1;
    // For bonds: IFLA_INFO_DATA decoded into OptionTable's normalised form, keyed by option name
    // (interface-index options as interface names).
    QVariantMap bondOptions;
    // For 802.3ad bonds: IFLA_BOND_AD_INFO, the active aggregator (aggregatorId, numPorts,
    // actorKey, partnerKey, partnerMac, activeAggregator), keyed as BondInfo::ad; empty otherwise.
    QVariantMap adInfo;
    // For bond slaves: IFLA_INFO_SLAVE_DATA (name, miiStatus, state, counters, 802.3ad ids).
    std::optional<SlaveInfo> slave;
    // IFLA_EVENT of a notification (IFLA_EVENT_BONDING_FAILOVER, ...); 0 in dumps.
    quint32 event = 0;
    // IFLA_STATS64 as of this message; empty when the message had none.
    std::optional<LinkCounters> counters;

    bool isBond() const { return kind == QLatin1String("bond"); }
};

// The kernel's answer to a change: errno (0 = done) and its extack message when it gave one.
struct KernelResult {
    int error = 0;
    QString message;
    // createBond(): the new link's ifindex, from the kernel's own answer.
    int ifindex = 0;
    bool ok() const { return error == 0; }
    static KernelResult success() { return {}; }
};

// The link a change addresses. By name alone (ifindex 0; a QString converts to this): the link
// of that name when the request is made. By ifindex: that link whatever names do meanwhile; with
// a name as well, the request is refused when the link is called otherwise by now (renamed()), so
// that a rename between two steps of a change is noticed instead of followed or, worse, a new
// link of the old name changed instead. An undo passes no name: it must reach its link whatever
// it is called now.
struct LinkRef {
    LinkRef(const QString &linkName = QString())
        : name(linkName)
    { }
    LinkRef(int index, const QString &linkName)
        : ifindex(index)
        , name(linkName)
    { }
    // No link at all: setMaster()'s master for a release.
    bool isNull() const { return ifindex == 0 && name.isEmpty(); }
    // The refusal of a request for this link, whose name is `now` by the time of the request
    // (empty: the link is gone).
    KernelResult renamed(const QString &now) const
    {
        const QString was = name.isEmpty() ? QStringLiteral("interface %1").arg(ifindex) : name;
        if (now.isEmpty())
            return {ENODEV, QStringLiteral("%1 no longer exists").arg(was)};
        return {ENODEV, QStringLiteral("%1 has been renamed to %2 meanwhile").arg(was, now)};
    }

    int ifindex = 0;
    QString name;
};

class KernelBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~KernelBackend() override = default;

    // Whether the bonding driver is loaded now. When it is not, it may still be a module the kernel
    // loads itself for the first bond created (request_module("rtnl-link-bond")): only that
    // creation's answer tells (EOPNOTSUPP when there is no driver).
    virtual bool bondingLoaded() = 0;
    // A fresh dump of every link; empty optional when the kernel could not be asked.
    virtual std::optional<QList<LinkInfo>> dumpLinks() = 0;
    // The link of that ifindex as the kernel reports it now (one RTM_GETLINK, no dump): its
    // counters move with every packet but are announced only with a change of state. Empty
    // optional when there is no such link or the kernel could not be asked.
    virtual std::optional<LinkInfo> getLink(int ifindex) = 0;
    // A fresh dump of every IPv4 and IPv6 address; empty optional when the kernel could not be asked.
    virtual std::optional<QList<AddressInfo>> dumpAddresses() = 0;
    // The same for the unicast routes of the main table, IPv4 and IPv6.
    virtual std::optional<QList<RouteInfo>> dumpRoutes() = 0;
    // /proc/net/bonding/<bond>; the name is validated by the caller. Empty optional if unreadable.
    virtual std::optional<QString> procText(const QString &bond) = 0;

    // Options are OptionTable-normalised values keyed by option name. Each call is one netlink
    // request: the kernel applies attributes in order and stops at the first it refuses.
    // createBond() tells the new link's ifindex (KernelResult::ifindex), for the later steps of a
    // change to address it by.
    virtual KernelResult createBond(const QString &name, const QVariantMap &options) = 0;
    virtual KernelResult deleteLink(const LinkRef &link) = 0;
    virtual KernelResult setBondOptions(const LinkRef &bond, const QVariantMap &options) = 0;
    // master null (LinkRef()) = release from its bond.
    virtual KernelResult setMaster(const LinkRef &slave, const LinkRef &master) = 0;
    virtual KernelResult setUp(const LinkRef &link, bool up) = 0;
    virtual KernelResult setMtu(const QString &name, quint32 mtu) = 0;
    // IFLA_ADDRESS: "52:54:00:12:34:56". A trial's carry-over gives a bond its slave's MAC (so
    // that DHCP hands out the same lease), and its rollback puts MACs back.
    virtual KernelResult setMac(const LinkRef &link, const QString &mac) = 0;
    // IFLA_INET6_ADDR_GEN_MODE (LinkInfo::ipv6AddrGenMode). The kernel makes the link-local
    // address by it when the link next comes up, not at once: a link that is up keeps what it has.
    virtual KernelResult setIpv6AddrGenMode(const LinkRef &link, quint8 mode) = 0;
    // An address or route as a dump gave it (or built alike): added with its flags, lifetimes,
    // label and broadcast, or protocol, scope, metric, source and paths; deleted by what tells it
    // from others. Adding one that exists is EEXIST.
    virtual KernelResult addAddress(const AddressInfo &address) = 0;
    virtual KernelResult deleteAddress(const AddressInfo &address) = 0;
    virtual KernelResult addRoute(const RouteInfo &route) = 0;
    virtual KernelResult deleteRoute(const RouteInfo &route) = 0;

    // Asks on the link who has request.target (ArpProbe: the helper's own packets, no external
    // program) and gives the answer to `done` later, from the event loop, once; never if
    // `context` is destroyed first. Bounded by ArpProbe::TimeoutMs.
    virtual void probeArp(const ArpRequest &request, QObject *context,
                          std::function<void(const ArpReply &)> done)
            = 0;

    // Starts delivering the signals below (RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR,
    // RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE); false when the socket cannot be opened.
    virtual bool startMonitoring() = 0;
    // Delivers, before returning, every notification the kernel has already queued: a view kept
    // from the signals is then as current as the kernel's own announcements (a write's events are
    // queued before its ACK).
    virtual void drainEvents() = 0;

Q_SIGNALS:
    void linkChanged(const bm::helper::LinkInfo &link);
    void linkRemoved(int ifindex, const QString &name);
    // Routes of the main table only, unicast, as dumpRoutes() gives them. The kernel announces no
    // removal of the IPv4 routes it flushes when their link goes down (fib_disable_ip() ->
    // fib_flush()); a listener drops those itself (kernel/LinkView).
    void addressChanged(const bm::helper::AddressInfo &address);
    void addressRemoved(const bm::helper::AddressInfo &address);
    void routeChanged(const bm::helper::RouteInfo &route);
    void routeRemoved(const bm::helper::RouteInfo &route);
    // Events were lost (ENOBUFS): the listener must re-dump.
    void resyncNeeded();
};

} // namespace bm::helper

Q_DECLARE_METATYPE(bm::helper::LinkInfo)
