// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LinkAddressing.h"

#include <linux/rtnetlink.h>

#include <algorithm>

namespace bm::helper::LinkAddressing {

std::optional<Snapshot> read(KernelBackend *kernel)
{
    auto addresses = kernel->dumpAddresses();
    if (!addresses)
        return std::nullopt;
    auto routes = kernel->dumpRoutes();
    if (!routes)
        return std::nullopt;
    return Snapshot {*addresses, *routes};
}

Snapshot of(const Snapshot &all, int ifindex)
{
    Snapshot link;
    for (const AddressInfo &a : all.addresses)
        if (a.ifindex == ifindex)
            link.addresses << a;
    for (const RouteInfo &r : all.routes)
        if (r.goesOut(ifindex))
            link.routes << r;
    return link;
}

void restore(KernelBackend *kernel, const Snapshot &before)
{
    if (before.addresses.isEmpty() && before.routes.isEmpty())
        return;
    if (const auto now = kernel->dumpAddresses()) {
        for (const AddressInfo &a : before.addresses) {
            const bool present = std::any_of(now->cbegin(), now->cend(),
                                             [&](const AddressInfo &n) { return n.sameAddress(a); });
            if (!present && !a.isKernelMade())
                kernel->addAddress(a);
        }
    }
    const auto now = kernel->dumpRoutes();
    if (!now)
        return;
    QList<RouteInfo> missing;
    for (const RouteInfo &r : before.routes) {
        const bool present = std::any_of(now->cbegin(), now->cend(),
                                         [&](const RouteInfo &n) { return n.sameRoute(r); });
        if (!present && r.protocol != RTPROT_RA)
            missing << r;
    }
    std::stable_partition(missing.begin(), missing.end(), [](const RouteInfo &r) {
        bool direct = r.gateway.isEmpty();
        for (const RouteNextHop &hop : r.nexthops)
            direct = direct && hop.gateway.isEmpty();
        return direct;
    });
    for (const RouteInfo &r : std::as_const(missing))
        kernel->addRoute(r);
}

} // namespace bm::helper::LinkAddressing
