// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NetworkService.h"

namespace bm::helper {

IpConfig withCarriedAddresses(const IpConfig &ip, const IpConfig &carried)
{
    IpConfig out = ip;
    if (carried.ipv4Method != Ipv4Method::Off) {
        out.ipv4Method = carried.ipv4Method;
        out.ipv4Addresses = carried.ipv4Addresses;
        out.ipv4Gateway = carried.ipv4Gateway;
    }
    // Router advertisements reach every interface by themselves: only a configured family counts.
    if (carried.ipv6Method == Ipv6Method::Static || carried.ipv6Method == Ipv6Method::Dhcp) {
        out.ipv6Method = carried.ipv6Method;
        out.ipv6Addresses = carried.ipv6Addresses;
        out.ipv6Gateway = carried.ipv6Gateway;
    }
    for (const QString &server : carried.dnsServers)
        if (!out.dnsServers.contains(server))
            out.dnsServers << server;
    for (const QString &domain : carried.dnsSearch)
        if (!out.dnsSearch.contains(domain))
            out.dnsSearch << domain;
    return out;
}

} // namespace bm::helper
