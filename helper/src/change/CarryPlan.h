// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Carry-over decided once (issue 15, the trial contract in shared/dbus/org.bondmanager.Helper1.xml):
// the bond takes from a slave that carried addresses or routes only what the write leaves unset.
// A write that gives an IPv4 configuration (static or DHCP) keeps the slave's IPv4 addresses,
// gateway and IPv4 routes off the bond, likewise IPv6; the slave's DNS servers and search domains
// go only to a bond the write gives none; its MAC always (no write sets a bond's MAC). Preview's
// moves, the runtime carry-over (CarryOver) and the services' saved configuration all apply
// this one plan.
#pragma once

#include "IpConfig.h"

namespace bm::helper {

namespace Carrying {
struct Carried;
}

struct CarryPlan {
    bool ipv4 = true; // the slave's IPv4 addresses, gateway and routes
    bool ipv6 = true; // the same for IPv6
    bool dns = true;  // the slave's DNS servers and search domains
    bool mac = true;  // the slave's MAC as the bond's

    // The plan for a write that gives the bond `written` (what the bond is to have after the
    // write: a family whose method is off is left unset).
    static CarryPlan leaving(const IpConfig &written);

    // What of `carried` (a slave's, in the kernel) moves to the bond under this plan.
    Carrying::Carried moving(const Carrying::Carried &carried) const;

    // The bond's configuration as a service saves it: `written` with what this plan takes from
    // `slave` (what the service saved for the slave). Router advertisements reach the bond by
    // themselves, so of IPv6 only a configured method (static, DHCPv6) is taken; DNS servers
    // only of a family the result has on.
    IpConfig ip(const IpConfig &written, const IpConfig &slave) const;
};

} // namespace bm::helper
