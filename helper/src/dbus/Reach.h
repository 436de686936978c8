// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// CheckReach's report (shared/dbus/org.bondmanager.Helper1.xml, "Reach maps"): what the view
// knows of a bond's way out (carrier, addresses, default route, gateway), and the ARP request that
// asks the gateway whether it is there.
#pragma once

#include "ArpProbe.h"
#include "LinkView.h"

#include <QVariantMap>

#include <optional>

namespace bm::helper {

struct Reach {
    // Every key but the probe's (answered, rttUsec, answeredBy: withReply()).
    QVariantMap report;
    // What to ask on the bond; nothing when there is no gateway or target, or no carrier.
    std::optional<ArpRequest> request;
};

// The gateway is the IPv4 one of the bond's default route (main table), else its first
// arp_ip_target; ARP goes out from the bond's address in the gateway's subnet, else from 0.0.0.0.
Reach reachOf(const LinkView &view, const LinkInfo &bond);
// The report with the probe's answer (none: answered false).
QVariantMap withReply(QVariantMap report, const ArpReply &reply = ArpReply());

} // namespace bm::helper
