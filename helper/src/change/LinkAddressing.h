// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A link's addresses and routes kept before a write takes it down, and put back by the write's
// undo. Taking a link down drops its IPv4 routes and, unless keep_addr_on_down is set, its IPv6
// addresses and routes (dev_close(): fib_disable_ip(), addrconf_ifdown()); bringing it up again
// brings back only the routes of the addresses that stayed. Enslaving and releasing a slave do
// both (bond_enslave(), __bond_release_one()).
#pragma once

#include "KernelBackend.h"

#include <optional>

namespace bm::helper::LinkAddressing {

struct Snapshot {
    QList<AddressInfo> addresses;
    QList<RouteInfo> routes; // main table
};

// Every address and route the kernel has now; empty when it could not be asked.
std::optional<Snapshot> read(KernelBackend *kernel);
// What of `all` belongs to the link: its addresses and the routes that go out of it.
Snapshot of(const Snapshot &all, int ifindex);
// Adds back what of `before` (one link's, of()) the kernel lacks now: the addresses first (their
// prefix routes come with them), then the routes, those without a gateway first (a gateway must
// be reachable). Left to the kernel: the addresses it makes itself and the routes learnt from
// router advertisements, which come back by themselves. Best effort: each is tried.
void restore(KernelBackend *kernel, const Snapshot &before);

} // namespace bm::helper::LinkAddressing
