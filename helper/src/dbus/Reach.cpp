// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Reach.h"

#include "IpAddress.h"

#include <sys/socket.h>

namespace bm::helper {

Reach reachOf(const LinkView &view, const LinkInfo &bond)
{
    QString gateway;
    for (const RouteInfo &r : view.defaultRoutes(bond.ifindex)) {
        if (r.family == AF_INET && r.ifindex == bond.ifindex && !r.gateway.isEmpty()) {
            gateway = r.gateway;
            break;
        }
    }
    if (gateway.isEmpty())
        gateway = bond.bondOptions.value(QStringLiteral("arp_ip_target")).toStringList().value(0);
    Reach reach;
    reach.report = {{QStringLiteral("carrier"), bond.carrier},
                    {QStringLiteral("addresses"), view.bondAddresses(bond.ifindex)},
                    {QStringLiteral("defaultRoute"), view.hasDefaultRoute(bond.ifindex)},
                    {QStringLiteral("gateway"), gateway}};
    const std::optional<IpAddress> target = IpAddress::parse(gateway);
    if (!target || !target->isV4() || !bond.carrier)
        return reach;
    ArpRequest request;
    request.ifindex = bond.ifindex;
    request.mac = bond.mac;
    request.target = target->toString();
    for (const AddressInfo &a : view.addresses(bond.ifindex)) {
        const std::optional<IpPrefix> prefix = IpPrefix::parse(a.address);
        if (a.family == AF_INET && prefix && prefix->contains(*target)) {
            request.sender = prefix->address.toString();
            break;
        }
    }
    reach.request = request;
    return reach;
}

QVariantMap withReply(QVariantMap report, const ArpReply &reply)
{
    report.insert(QStringLiteral("answered"), reply.answered);
    report.insert(QStringLiteral("rttUsec"), reply.answered ? reply.rttUsec : 0ull);
    report.insert(QStringLiteral("answeredBy"), reply.answered ? reply.answeredBy : QString());
    return report;
}

} // namespace bm::helper
