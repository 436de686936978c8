// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CarryOver.h"

#include "Carrying.h"
#include "Failures.h"
#include "LinkTable.h"

#include <algorithm>
#include <cerrno>

namespace bm::helper::CarryOver {

Outcome apply(KernelBackend *kernel, const LinkState &slave, const QString &bond, const CarryPlan &plan)
{
    const Carrying::Carried all = Carrying::of(slave.name, slave.ifindex, slave.addresses, slave.routes);
    if (!all.any())
        return std::nullopt;
    const Carrying::Carried carried = plan.moving(all);
    const std::optional<QList<LinkInfo>> dumped = kernel->dumpLinks();
    if (!dumped)
        return dumpFailed();
    const LinkTable links(*dumped);
    const LinkInfo *to = links.findBond(bond);
    if (!to)
        return noSuchBond(bond);
    const LinkRef ref(to->ifindex, bond);
    // The MAC first, so that a DHCP server sees the client it knows.
    if (plan.mac && !slave.mac.isEmpty())
        if (const KernelResult r = kernel->setMac(ref, slave.mac); !r.ok())
            return kernelRefused(QStringLiteral("give %1 the MAC address of %2").arg(bond, slave.name), r);
    // A route needs its device up, and a network service brings the bond up only once it has
    // configured it (networkd, some time after the write returned): up now.
    if (!to->adminUp)
        if (const KernelResult r = kernel->setUp(ref, true); !r.ok())
            return kernelRefused(QStringLiteral("take %1 up").arg(bond), r);
    // Enslaving kept the IPv4 addresses on the slave: one host address on two links would answer
    // from either, so they leave it whether they move or not (the write gave the bond its own).
    for (const AddressInfo &a : all.addresses)
        kernel->deleteAddress(a);
    for (AddressInfo a : carried.addresses) {
        a.ifindex = to->ifindex;
        a.label.clear();
        if (const KernelResult r = kernel->addAddress(a); !r.ok() && r.error != EEXIST)
            return kernelRefused(QStringLiteral("add %1 to %2").arg(a.address, bond), r);
    }
    // Routes without a gateway first: a gateway must be reachable.
    QList<RouteInfo> routes = carried.routes;
    std::stable_partition(routes.begin(), routes.end(),
                          [](const RouteInfo &r) { return r.gateway.isEmpty(); });
    for (RouteInfo r : std::as_const(routes)) {
        if (r.ifindex == slave.ifindex)
            r.ifindex = to->ifindex;
        for (RouteNextHop &h : r.nexthops)
            if (h.ifindex == slave.ifindex)
                h.ifindex = to->ifindex;
        if (const KernelResult rr = kernel->addRoute(r); !rr.ok() && rr.error != EEXIST)
            return kernelRefused(QStringLiteral("add the route to %1 to %2").arg(r.destination, bond), rr);
    }
    return std::nullopt;
}

} // namespace bm::helper::CarryOver
