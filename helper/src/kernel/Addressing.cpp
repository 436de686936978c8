// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Addressing.h"

#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <sys/socket.h>

namespace bm::helper {

bool AddressInfo::isLinkLocal() const
{
    const QByteArray text = address.section(QLatin1Char('/'), 0, 0).toLatin1();
    if (family == AF_INET) {
        in_addr a {};
        return inet_pton(AF_INET, text.constData(), &a) == 1 && (ntohl(a.s_addr) >> 16) == 0xa9feu;
    }
    in6_addr a {};
    return family == AF_INET6 && inet_pton(AF_INET6, text.constData(), &a) == 1 && a.s6_addr[0] == 0xfe
           && (a.s6_addr[1] & 0xc0) == 0x80;
}

bool AddressInfo::isKernelMade() const
{
    return protocol == IFAPROT_KERNEL_LO || protocol == IFAPROT_KERNEL_RA || protocol == IFAPROT_KERNEL_LL;
}

bool AddressInfo::sameAddress(const AddressInfo &other) const
{
    return ifindex == other.ifindex && family == other.family && address == other.address
           && peer == other.peer;
}

bool AddressInfo::operator==(const AddressInfo &other) const
{
    return sameAddress(other) && broadcast == other.broadcast && label == other.label && scope == other.scope
           && flags == other.flags && protocol == other.protocol && validLifetime == other.validLifetime
           && preferredLifetime == other.preferredLifetime;
}

bool RouteNextHop::operator==(const RouteNextHop &other) const
{
    return ifindex == other.ifindex && gateway == other.gateway && weight == other.weight
           && flags == other.flags;
}

bool RouteInfo::goesOut(int index) const
{
    if (ifindex == index)
        return true;
    for (const RouteNextHop &hop : nexthops)
        if (hop.ifindex == index)
            return true;
    return false;
}

bool RouteInfo::replacedBy(const RouteInfo &other) const
{
    return family == other.family && table == other.table && destination == other.destination
           && tos == other.tos && metric == other.metric && (family != AF_INET6 || ifindex == other.ifindex);
}

bool RouteInfo::sameRoute(const RouteInfo &other) const
{
    return replacedBy(other) && ifindex == other.ifindex && gateway == other.gateway
           && nexthops == other.nexthops;
}

bool RouteInfo::operator==(const RouteInfo &other) const
{
    return sameRoute(other) && protocol == other.protocol && scope == other.scope && type == other.type
           && preferredSource == other.preferredSource && flags == other.flags && replace == other.replace;
}

} // namespace bm::helper
