// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// RTM_NEWADDR / RTM_DELADDR and RTM_NEWROUTE / RTM_DELROUTE: decoded into AddressInfo and
// RouteInfo, and built from them (attribute widths as the kernel takes them: IFA_FLAGS,
// RTA_TABLE, RTA_PRIORITY and RTA_OIF are u32, IFA_PROTO is u8).
#pragma once

#include "Addressing.h"
#include "KernelBackend.h"

#include <optional>

struct nl_msg;
struct nlmsghdr;

namespace bm::helper::AddressMessage {

// Empty for a message too short for its header or attributes, and for families other than IPv4
// and IPv6.
std::optional<AddressInfo> parseAddress(nlmsghdr *hdr);
// Empty also for what is not kept: routes of other tables than main, other types than unicast,
// cached clones (RTM_F_CLONED), source-specific routes (rtm_src_len) and gateways of another
// family (RTA_VIA).
std::optional<RouteInfo> parseRoute(nlmsghdr *hdr);

// Append the header and attributes of a request about `address` / `route` to `msg`; `add` puts
// what only an addition takes (flags, lifetimes, label, broadcast, source, protocol).
KernelResult putAddress(nl_msg *msg, const AddressInfo &address, bool add);
KernelResult putRoute(nl_msg *msg, const RouteInfo &route, bool add);

} // namespace bm::helper::AddressMessage
