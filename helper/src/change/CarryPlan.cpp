// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CarryPlan.h"

#include "Carrying.h"

#include <sys/socket.h>

namespace bm::helper {

CarryPlan CarryPlan::leaving(const IpConfig &written)
{
    CarryPlan plan;
    plan.ipv4 = written.ipv4Method == Ipv4Method::Off;
    plan.ipv6 = written.ipv6Method == Ipv6Method::Off;
    plan.dns = written.dnsServers.isEmpty() && written.dnsSearch.isEmpty();
    return plan;
}

Carrying::Carried CarryPlan::moving(const Carrying::Carried &carried) const
{
    const auto moves = [this](int family) { return family == AF_INET6 ? ipv6 : ipv4; };
    Carrying::Carried out;
    out.interface = carried.interface;
    for (const AddressInfo &a : carried.addresses)
        if (moves(a.family))
            out.addresses << a;
    for (const RouteInfo &r : carried.routes)
        if (moves(r.family))
            out.routes << r;
    return out;
}

IpConfig CarryPlan::ip(const IpConfig &written, const IpConfig &slave) const
{
    IpConfig out = written;
    if (ipv4 && slave.ipv4Method != Ipv4Method::Off) {
        out.ipv4Method = slave.ipv4Method;
        out.ipv4Addresses = slave.ipv4Addresses;
        out.ipv4Gateway = slave.ipv4Gateway;
    }
    if (ipv6 && (slave.ipv6Method == Ipv6Method::Static || slave.ipv6Method == Ipv6Method::Dhcp)) {
        out.ipv6Method = slave.ipv6Method;
        out.ipv6Addresses = slave.ipv6Addresses;
        out.ipv6Gateway = slave.ipv6Gateway;
    }
    if (dns) {
        // A server of a family that is off would make the configuration unsaveable
        // (IpConfig::validate).
        if (out.ipv4Method != Ipv4Method::Off)
            out.dnsServers << slave.ipv4DnsServers();
        if (out.ipv6Method != Ipv6Method::Off)
            out.dnsServers << slave.ipv6DnsServers();
        out.dnsSearch = slave.dnsSearch;
    }
    return out;
}

} // namespace bm::helper
