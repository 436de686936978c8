// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Addresses and routes as the kernel reports them in RTM_NEWADDR and RTM_NEWROUTE, with what it
// takes to add one back exactly as it was (the undo of a write that took a link down:
// change/ChangePlanner.cpp).
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace bm::helper {

struct AddressInfo {
    // IFA_CACHEINFO's "no expiry".
    static constexpr quint32 Forever = 0xffffffffu;

    int ifindex = 0;
    int family = 0;      // AF_INET or AF_INET6
    QString address;     // IFA_LOCAL (IPv4) or IFA_ADDRESS (IPv6) with the prefix: "192.0.2.1/24"
    QString peer;        // IFA_ADDRESS of an IPv4 point-to-point address when it is not IFA_LOCAL
    QString broadcast;   // IFA_BROADCAST; empty if none
    QString label;       // IFA_LABEL (IPv4 only); empty if none
    quint8 scope = 0;    // ifa_scope, RT_SCOPE_*
    quint32 flags = 0;   // IFA_FLAGS (all 32 bits), or ifa_flags when absent: IFA_F_*
    quint8 protocol = 0; // IFA_PROTO (Linux 6.1): IFAPROT_KERNEL_* for what the kernel made itself
    quint32 validLifetime = Forever; // IFA_CACHEINFO, in seconds left
    quint32 preferredLifetime = Forever;

    // fe80::/10 or 169.254.0.0/16.
    bool isLinkLocal() const;
    // Made by the kernel itself (IPv6 link-local, from a router advertisement, loopback), which
    // makes it again when the link comes up: an undo leaves it to the kernel.
    bool isKernelMade() const;
    // The same address of the same link, whatever its flags and lifetimes now.
    bool sameAddress(const AddressInfo &other) const;
    bool operator==(const AddressInfo &other) const;
    bool operator!=(const AddressInfo &other) const { return !(*this == other); }
};

// One path of a multipath route (RTA_MULTIPATH's rtnexthop).
struct RouteNextHop {
    int ifindex = 0;
    QString gateway;   // RTA_GATEWAY inside the nexthop; empty if none
    quint8 weight = 0; // rtnh_hops: the weight less one
    quint8 flags = 0;  // rtnh_flags: RTNH_F_ONLINK is kept when re-added
    bool operator==(const RouteNextHop &other) const;
};

// A route of the main table (only those are kept), unicast.
struct RouteInfo {
    int ifindex = 0;              // RTA_OIF; 0 for a multipath route (nexthops)
    int family = 0;               // AF_INET or AF_INET6
    QString destination;          // RTA_DST with rtm_dst_len: "0.0.0.0/0", "10.0.0.0/8", "::/0"
    QString gateway;              // RTA_GATEWAY; empty if none
    quint32 metric = 0;           // RTA_PRIORITY
    quint8 protocol = 0;          // rtm_protocol, RTPROT_*
    quint8 scope = 0;             // rtm_scope, RT_SCOPE_*
    quint8 type = 0;              // rtm_type, RTN_UNICAST
    quint32 table = 0;            // RTA_TABLE (u32), else rtm_table
    QString preferredSource;      // RTA_PREFSRC; empty if none
    quint8 tos = 0;               // rtm_tos (IPv4): part of what tells one route from another
    quint32 flags = 0;            // rtm_flags: RTNH_F_ONLINK is kept when re-added
    QList<RouteNextHop> nexthops; // RTA_MULTIPATH; empty for a route of one path
    // In a notification: NLM_F_REPLACE, it took the place of the route with its destination, tos
    // and metric (and, for IPv6, device). Always false in dumps.
    bool replace = false;

    bool isDefault() const { return destination.endsWith(QLatin1String("/0")); }
    // Whether traffic of this route leaves through ifindex (its device, or one of its paths).
    bool goesOut(int ifindex) const;
    // The same route, whatever its protocol, scope and source: what the kernel tells apart.
    bool sameRoute(const RouteInfo &other) const;
    // The route a replacing one (replace) takes the place of.
    bool replacedBy(const RouteInfo &other) const;
    bool operator==(const RouteInfo &other) const;
    bool operator!=(const RouteInfo &other) const { return !(*this == other); }
};

} // namespace bm::helper

Q_DECLARE_METATYPE(bm::helper::AddressInfo)
Q_DECLARE_METATYPE(bm::helper::RouteInfo)
